//! The built-in German and English strings, and the placeholders each one may use.
//!
//! Shop owners override any of them per locale in `messages`; the config check refuses keys
//! that do not exist and placeholders a message cannot fill.

use schaufenster_core::template::pieces;

/// One message: key, the placeholders it may use, German and English text.
pub struct Message {
    /// The key used in `messages` overrides.
    pub key: &'static str,
    /// Placeholders the widget fills in.
    pub placeholders: Vec<&'static str>,
    /// German default.
    pub de: &'static str,
    /// English default.
    pub en: &'static str,
}

/// Packs the table into one string (records end with U+001E, fields end with U+001F,
/// placeholders are separated by spaces): as a `&[Message]` of string slices it was ~5 KB of
/// pointers and lengths in the wasm, which compress far worse than the text.
macro_rules! messages {
    ($($key:literal [$($ph:literal),*] $de:literal $en:literal;)*) => {
        concat!($($key, "\u{1f}", $($ph, " ",)* "\u{1f}", $de, "\u{1f}", $en, "\u{1e}",)*)
    };
}

/// Every message the widgets use: key [placeholders] German English.
const TABLE: &str = messages! {
    "shipping.label" [] "Fortschritt bis zum kostenlosen Versand" "Progress to free shipping";
    "shipping.remaining.free_shipping" ["remaining", "threshold"] "Noch {remaining} bis zum kostenlosen Versand" "{remaining} away from free shipping";
    "shipping.remaining.gift" ["remaining", "threshold"] "Noch {remaining} bis zu deinem Gratis-Geschenk" "{remaining} away from your free gift";
    "shipping.remaining.other" ["remaining", "threshold", "tier"] "Noch {remaining} bis zur nächsten Prämie" "{remaining} away from your next reward";
    "shipping.reached.free_shipping" ["threshold"] "Kostenloser Versand ist dabei!" "You get free shipping!";
    "shipping.reached.gift" ["threshold"] "Dein Gratis-Geschenk ist dabei!" "Your free gift is included!";
    "shipping.reached.other" ["threshold", "tier"] "Prämie erreicht!" "Reward unlocked!";
    "shipping.reached_next" ["done", "next"] "{done} {next}" "{done} {next}";
    "shipping.empty" ["threshold"] "Kostenloser Versand ab {threshold}" "Free shipping from {threshold}";
    "shipping.excluded" ["amount"] "Gutscheine ({amount}) zählen nicht mit." "Gift cards ({amount}) don't count.";
    "shipping.unavailable" [] "Versandkosten werden im Warenkorb berechnet." "Shipping costs are calculated in the cart.";
    "shipping.suggestions" ["remaining"] "Damit fehlt nichts mehr:" "These close the gap:";
    "shipping.add" [] "in den Warenkorb" "add to cart";
    "shipping.value" ["subtotal", "threshold"] "{subtotal} von {threshold}" "{subtotal} of {threshold}";
    "social.purchases.one" ["count", "window"] "{count} Person hat das in den letzten {window} gekauft" "{count} person bought this in the last {window}";
    "social.purchases.other" ["count", "window"] "{count} Personen haben das in den letzten {window} gekauft" "{count} people bought this in the last {window}";
    "social.carts.one" ["count", "window"] "{count} Person hat das in den letzten {window} in den Warenkorb gelegt" "{count} person added this to their cart in the last {window}";
    "social.carts.other" ["count", "window"] "{count} Personen haben das in den letzten {window} in den Warenkorb gelegt" "{count} people added this to their cart in the last {window}";
    "social.viewers.one" ["count"] "{count} Person sieht sich das gerade an" "{count} person is looking at this right now";
    "social.viewers.other" ["count"] "{count} Personen sehen sich das gerade an" "{count} people are looking at this right now";
    "social.low_stock.one" ["count"] "Nur noch {count} Stück auf Lager" "Only {count} left in stock";
    "social.low_stock.other" ["count"] "Nur noch {count} Stück auf Lager" "Only {count} left in stock";
    "social.rating.one" ["average", "count"] "{average} von 5 Sternen, {count} Bewertung" "{average} of 5 stars, {count} review";
    "social.rating.other" ["average", "count"] "{average} von 5 Sternen, {count} Bewertungen" "{average} of 5 stars, {count} reviews";
    "social.bestseller" ["category"] "Bestseller in {category}" "Bestseller in {category}";
    "social.how" [] "So zählen wir" "How we count";
    "social.disclosure" [] "Wir zählen nur echte Käufe, Warenkorb-Aktionen und Seitenaufrufe in diesem Shop – ohne Namen oder Orte. „Gerade angesehen“ heißt: in den letzten 5 Minuten. Ab 20 runden wir ab („20+“)." "We count only real purchases, add-to-cart actions and page views in this shop – no names or places. “Looking right now” means in the last 5 minutes. From 20 on we round down (“20+”).";
    "faq.label" [] "Hilfe durchsuchen" "Search help";
    "faq.placeholder" [] "z. B. Rücksendung, Lieferzeit, Gutschein" "e.g. returns, delivery time, voucher";
    "faq.popular" [] "Häufige Fragen" "Popular questions";
    "faq.results.one" ["count", "query"] "{count} Antwort zu „{query}“" "{count} answer for “{query}”";
    "faq.results.other" ["count", "query"] "{count} Antworten zu „{query}“" "{count} answers for “{query}”";
    "faq.none" ["query"] "Zu „{query}“ haben wir keine Antwort gefunden." "We found no answer for “{query}”.";
    "faq.contact" [] "Frag uns direkt – wir helfen gern." "Ask us directly – we're happy to help.";
    "faq.contact_link" [] "Kontakt aufnehmen" "Contact us";
    "faq.categories" [] "Themen" "Topics";
    "faq.all" [] "Alle" "All";
    "faq.loading" [] "Hilfe wird geladen …" "Loading help …";
    "faq.unavailable" [] "Die Hilfe ist gerade nicht erreichbar." "Help is not available right now.";
    "faq.helpful" [] "War das hilfreich?" "Was this helpful?";
    "faq.yes" [] "Ja" "Yes";
    "faq.no" [] "Nein" "No";
    "faq.thanks" [] "Danke für dein Feedback!" "Thanks for your feedback!";
    "faq.feedback_failed" [] "Dein Feedback konnte nicht gesendet werden." "Your feedback could not be sent.";
    "faq.close" [] "Antwort schließen" "Close answer";
    "advisor.label" [] "Produktberater" "Product advisor";
    "advisor.loading" [] "Der Produktberater wird geladen …" "Loading the product advisor …";
    "advisor.unavailable" [] "Der Produktberater ist gerade nicht erreichbar." "The product advisor is not available right now.";
    "advisor.retry" [] "Erneut versuchen" "Try again";
    "advisor.progress" ["step", "total"] "Frage {step} von {total}" "Question {step} of {total}";
    "advisor.next" [] "Weiter" "Next";
    "advisor.show" [] "Ergebnisse anzeigen" "Show results";
    "advisor.back" [] "Zurück" "Back";
    "advisor.skip" [] "Überspringen" "Skip";
    "advisor.restart" [] "Neu starten" "Start over";
    "advisor.required" [] "Bitte wähle eine Antwort." "Please choose an answer.";
    "advisor.count.one" ["count"] "{count} passendes Produkt" "{count} matching product";
    "advisor.count.other" ["count"] "{count} passende Produkte" "{count} matching products";
    "advisor.count_none" [] "kein passendes Produkt" "no matching product";
    "advisor.min" [] "Mindestens" "At least";
    "advisor.max" [] "Höchstens" "At most";
    "advisor.range_hint" [] "Leer lassen, wenn es keine Grenze gibt." "Leave empty for no limit.";
    "advisor.results" [] "Unsere Empfehlungen für dich" "Our recommendations for you";
    "advisor.no_results" [] "Leider passt kein Produkt zu deinen Antworten." "Sorry, no product fits your answers.";
    "advisor.relaxed" ["relaxed"] "Kein Produkt erfüllt alle Wünsche. Nicht berücksichtigt: {relaxed}. Das sind die am besten passenden Produkte." "No product meets every wish. Left out: {relaxed}. These are the closest matches.";
    "advisor.relaxed_so_far" ["relaxed"] "Kein Produkt passt zu all deinen bisherigen Antworten. Nicht berücksichtigt: {relaxed}." "No product fits all your answers so far. Left out: {relaxed}.";
    "advisor.match" ["percent"] "{percent} % passend" "{percent}% match";
    "advisor.met" [] "erfüllt:" "meets:";
    "advisor.missed" [] "nicht erfüllt:" "does not meet:";
    "advisor.unknown" [] "unbekannt:" "unknown:";
    "advisor.drawback" [] "Nachteil:" "drawback:";
    "advisor.add" [] "In den Warenkorb" "Add to cart";
    "advisor.added" ["title"] "{title} liegt im Warenkorb." "{title} is in your cart.";
    "advisor.add_failed" [] "Das hat nicht geklappt. Bitte versuche es noch einmal." "That did not work. Please try again.";
    "advisor.sold_out" [] "Ausverkauft" "Sold out";
    "advisor.resumed" [] "Deine Antworten von vorhin sind wieder da." "Your earlier answers are back.";
    "advisor.budget_dropped" ["currency"] "Die Preise sind jetzt in {currency}. Deine Budget-Angabe haben wir entfernt." "Prices are now in {currency}. We removed your budget.";
    "loyalty.launcher" [] "Treuepunkte" "Loyalty points";
    "loyalty.title" [] "Deine Treuepunkte" "Your loyalty points";
    "loyalty.close" [] "Schließen" "Close";
    "loyalty.loading" [] "Treuepunkte werden geladen …" "Loading your points …";
    "loyalty.unavailable" [] "Die Treuepunkte sind gerade nicht erreichbar." "Loyalty points are not available right now.";
    "loyalty.retry" [] "Erneut versuchen" "Try again";
    "loyalty.join_text" [] "Sammle bei jedem Einkauf Punkte und löse sie gegen Prämien ein." "Collect points with every order and redeem them for rewards.";
    "loyalty.join" [] "Anmelden und Punkte sammeln" "Sign in and collect points";
    "loyalty.expired" [] "Deine Anmeldung ist abgelaufen oder ungültig. Bitte melde dich erneut an." "Your sign-in has expired or is invalid. Please sign in again.";
    "loyalty.points.one" ["count"] "{count} Punkt" "{count} point";
    "loyalty.points.other" ["count"] "{count} Punkte" "{count} points";
    "loyalty.balance" [] "Dein Punktestand" "Your balance";
    "loyalty.tier" ["tier"] "Stufe {tier}" "{tier} tier";
    "loyalty.no_tier" [] "Noch keine Stufe" "No tier yet";
    "loyalty.next" ["remaining", "tier"] "noch {remaining} bis {tier}" "{remaining} to {tier}";
    "loyalty.top" [] "Höchste Stufe erreicht" "Top tier reached";
    "loyalty.progress" [] "Fortschritt zur nächsten Stufe" "Progress to the next tier";
    "loyalty.cart" ["points"] "Mit diesem Warenkorb sammelst du {points}." "You will earn {points} with this cart.";
    "loyalty.cart_guest" ["points"] "Mit diesem Warenkorb würdest du {points} sammeln." "You would earn {points} with this cart.";
    "loyalty.earn" [] "So sammelst du Punkte" "Ways to earn";
    "loyalty.earn.purchase" ["points", "amount"] "{points} pro {amount} Einkaufswert" "{points} per {amount} spent";
    "loyalty.earn.start" ["points"] "{points} Startbonus bei der Anmeldung" "{points} welcome bonus when you join";
    "loyalty.earn.birthday" ["points"] "{points} zu deinem Geburtstag" "{points} on your birthday";
    "loyalty.earn.tier" ["tier", "threshold", "bonus"] "Stufe {tier}: {bonus} % mehr Punkte – dafür {threshold} im Jahr sammeln" "{tier} tier: {bonus}% more points – collect {threshold} a year to reach it";
    "loyalty.rewards" [] "Prämien" "Rewards";
    "loyalty.redeem" [] "Einlösen" "Redeem";
    "loyalty.missing" ["points"] "Dir fehlen noch {points}" "{points} to go";
    "loyalty.confirm" ["reward", "points"] "„{reward}“ für {points} einlösen?" "Redeem “{reward}” for {points}?";
    "loyalty.confirm_yes" [] "Ja, einlösen" "Yes, redeem";
    "loyalty.cancel" [] "Abbrechen" "Cancel";
    "loyalty.pending" [] "Wird eingelöst …" "Redeeming …";
    "loyalty.redeemed" ["reward"] "„{reward}“ eingelöst. Dein Gutscheincode:" "“{reward}” redeemed. Your voucher code:";
    "loyalty.copy" [] "Code kopieren" "Copy code";
    "loyalty.copied" [] "Kopiert" "Copied";
    "loyalty.copy_failed" [] "Kopieren nicht möglich – bitte markiere den Code." "Could not copy – please select the code.";
    "loyalty.redeem_failed" [] "Das Einlösen hat gerade nicht geklappt. Versuche es noch einmal – es wird höchstens einmal eingelöst." "Redeeming did not work just now. Try again – it is redeemed at most once.";
    "loyalty.refused" [] "Diese Prämie kann gerade nicht eingelöst werden." "This reward cannot be redeemed right now.";
    "loyalty.history" [] "Letzte Buchungen" "Recent activity";
    "loyalty.kind.start" [] "Startbonus" "Welcome bonus";
    "loyalty.kind.purchase" [] "Einkauf" "Purchase";
    "loyalty.kind.birthday" [] "Geburtstagsbonus" "Birthday bonus";
    "loyalty.kind.redeem" ["reward"] "Eingelöst: {reward}" "Redeemed: {reward}";
    "loyalty.kind.adjust" [] "Korrektur" "Adjustment";
};

fn record(r: &'static str) -> Message {
    let mut f = pieces(r, 0x1f);
    let mut next = || f.next().unwrap_or("");
    let (key, ph, de, en) = (next(), next(), next(), next());
    let mut placeholders = Vec::new();
    for p in pieces(ph, b' ') {
        if !p.is_empty() {
            placeholders.push(p);
        }
    }
    Message { key, placeholders, de, en }
}

/// Every message the widgets use, in table order.
pub fn messages() -> impl Iterator<Item = Message> {
    pieces(TABLE, 0x1e).filter(|r| !r.is_empty()).map(record)
}

/// The message for `key`, if it exists.
pub fn message(key: &str) -> Option<Message> {
    pieces(TABLE, 0x1e).find(|r| !r.is_empty() && pieces(r, 0x1f).next() == Some(key)).map(record)
}

/// The built-in text of `key` for a language ("de" or anything else → English).
pub fn builtin(key: &str, language: &str) -> &'static str {
    match message(key) {
        Some(m) if language == "de" => m.de,
        Some(m) => m.en,
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use schaufenster_core::template::placeholders;

    #[test]
    fn builtins_use_only_their_placeholders() {
        for m in messages() {
            for text in [m.de, m.en] {
                for p in placeholders(text) {
                    assert!(m.placeholders.contains(&p), "{}: {{{p}}} not allowed", m.key);
                }
            }
        }
        let mut keys: Vec<_> = messages().map(|m| m.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), messages().count(), "duplicate message keys");
        assert!(keys.len() > 100);
    }
}
