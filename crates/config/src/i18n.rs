//! The built-in German and English strings, and the placeholders each one may use.
//!
//! Shop owners override any of them per locale in `messages`; the config check refuses keys
//! that do not exist and placeholders a message cannot fill.

/// One message: key, the placeholders it may use, German and English text.
pub struct Message {
    /// The key used in `messages` overrides.
    pub key: &'static str,
    /// Placeholders the widget fills in.
    pub placeholders: &'static [&'static str],
    /// German default.
    pub de: &'static str,
    /// English default.
    pub en: &'static str,
}

/// Every message the widgets use.
pub const MESSAGES: &[Message] = &[
    Message { key: "shipping.label", placeholders: &[], de: "Fortschritt bis zum kostenlosen Versand", en: "Progress to free shipping" },
    Message { key: "shipping.remaining.free_shipping", placeholders: &["remaining", "threshold"], de: "Noch {remaining} bis zum kostenlosen Versand", en: "{remaining} away from free shipping" },
    Message { key: "shipping.remaining.gift", placeholders: &["remaining", "threshold"], de: "Noch {remaining} bis zu deinem Gratis-Geschenk", en: "{remaining} away from your free gift" },
    Message { key: "shipping.remaining.other", placeholders: &["remaining", "threshold", "tier"], de: "Noch {remaining} bis zur nächsten Prämie", en: "{remaining} away from your next reward" },
    Message { key: "shipping.reached.free_shipping", placeholders: &["threshold"], de: "Kostenloser Versand ist dabei!", en: "You get free shipping!" },
    Message { key: "shipping.reached.gift", placeholders: &["threshold"], de: "Dein Gratis-Geschenk ist dabei!", en: "Your free gift is included!" },
    Message { key: "shipping.reached.other", placeholders: &["threshold", "tier"], de: "Prämie erreicht!", en: "Reward unlocked!" },
    Message { key: "shipping.reached_next", placeholders: &["done", "next"], de: "{done} {next}", en: "{done} {next}" },
    Message { key: "shipping.empty", placeholders: &["threshold"], de: "Kostenloser Versand ab {threshold}", en: "Free shipping from {threshold}" },
    Message { key: "shipping.excluded", placeholders: &["amount"], de: "Gutscheine ({amount}) zählen nicht mit.", en: "Gift cards ({amount}) don't count." },
    Message { key: "shipping.unavailable", placeholders: &[], de: "Versandkosten werden im Warenkorb berechnet.", en: "Shipping costs are calculated in the cart." },
    Message { key: "shipping.suggestions", placeholders: &["remaining"], de: "Damit fehlt nichts mehr:", en: "These close the gap:" },
    Message { key: "shipping.add", placeholders: &[], de: "in den Warenkorb", en: "add to cart" },
    Message { key: "shipping.value", placeholders: &["subtotal", "threshold"], de: "{subtotal} von {threshold}", en: "{subtotal} of {threshold}" },
    Message { key: "social.purchases.one", placeholders: &["count", "window"], de: "{count} Person hat das in den letzten {window} gekauft", en: "{count} person bought this in the last {window}" },
    Message { key: "social.purchases.other", placeholders: &["count", "window"], de: "{count} Personen haben das in den letzten {window} gekauft", en: "{count} people bought this in the last {window}" },
    Message { key: "social.carts.one", placeholders: &["count", "window"], de: "{count} Person hat das in den letzten {window} in den Warenkorb gelegt", en: "{count} person added this to their cart in the last {window}" },
    Message { key: "social.carts.other", placeholders: &["count", "window"], de: "{count} Personen haben das in den letzten {window} in den Warenkorb gelegt", en: "{count} people added this to their cart in the last {window}" },
    Message { key: "social.viewers.one", placeholders: &["count"], de: "{count} Person sieht sich das gerade an", en: "{count} person is looking at this right now" },
    Message { key: "social.viewers.other", placeholders: &["count"], de: "{count} Personen sehen sich das gerade an", en: "{count} people are looking at this right now" },
    Message { key: "social.low_stock.one", placeholders: &["count"], de: "Nur noch {count} Stück auf Lager", en: "Only {count} left in stock" },
    Message { key: "social.low_stock.other", placeholders: &["count"], de: "Nur noch {count} Stück auf Lager", en: "Only {count} left in stock" },
    Message { key: "social.rating.one", placeholders: &["average", "count"], de: "{average} von 5 Sternen, {count} Bewertung", en: "{average} of 5 stars, {count} review" },
    Message { key: "social.rating.other", placeholders: &["average", "count"], de: "{average} von 5 Sternen, {count} Bewertungen", en: "{average} of 5 stars, {count} reviews" },
    Message { key: "social.bestseller", placeholders: &["category"], de: "Bestseller in {category}", en: "Bestseller in {category}" },
    Message { key: "social.how", placeholders: &[], de: "So zählen wir", en: "How we count" },
    Message {
        key: "social.disclosure",
        placeholders: &[],
        de: "Wir zählen nur echte Käufe, Warenkorb-Aktionen und Seitenaufrufe in diesem Shop – ohne Namen oder Orte. „Gerade angesehen“ heißt: in den letzten 5 Minuten. Ab 20 runden wir ab („20+“).",
        en: "We count only real purchases, add-to-cart actions and page views in this shop – no names or places. “Looking right now” means in the last 5 minutes. From 20 on we round down (“20+”).",
    },
    Message { key: "faq.label", placeholders: &[], de: "Hilfe durchsuchen", en: "Search help" },
    Message { key: "faq.placeholder", placeholders: &[], de: "z. B. Rücksendung, Lieferzeit, Gutschein", en: "e.g. returns, delivery time, voucher" },
    Message { key: "faq.popular", placeholders: &[], de: "Häufige Fragen", en: "Popular questions" },
    Message { key: "faq.results.one", placeholders: &["count", "query"], de: "{count} Antwort zu „{query}“", en: "{count} answer for “{query}”" },
    Message { key: "faq.results.other", placeholders: &["count", "query"], de: "{count} Antworten zu „{query}“", en: "{count} answers for “{query}”" },
    Message { key: "faq.none", placeholders: &["query"], de: "Zu „{query}“ haben wir keine Antwort gefunden.", en: "We found no answer for “{query}”." },
    Message { key: "faq.contact", placeholders: &[], de: "Frag uns direkt – wir helfen gern.", en: "Ask us directly – we're happy to help." },
    Message { key: "faq.contact_link", placeholders: &[], de: "Kontakt aufnehmen", en: "Contact us" },
    Message { key: "faq.categories", placeholders: &[], de: "Themen", en: "Topics" },
    Message { key: "faq.all", placeholders: &[], de: "Alle", en: "All" },
    Message { key: "faq.loading", placeholders: &[], de: "Hilfe wird geladen …", en: "Loading help …" },
    Message { key: "faq.unavailable", placeholders: &[], de: "Die Hilfe ist gerade nicht erreichbar.", en: "Help is not available right now." },
    Message { key: "faq.helpful", placeholders: &[], de: "War das hilfreich?", en: "Was this helpful?" },
    Message { key: "faq.yes", placeholders: &[], de: "Ja", en: "Yes" },
    Message { key: "faq.no", placeholders: &[], de: "Nein", en: "No" },
    Message { key: "faq.thanks", placeholders: &[], de: "Danke für dein Feedback!", en: "Thanks for your feedback!" },
    Message { key: "faq.feedback_failed", placeholders: &[], de: "Dein Feedback konnte nicht gesendet werden.", en: "Your feedback could not be sent." },
    Message { key: "faq.close", placeholders: &[], de: "Antwort schließen", en: "Close answer" },
    Message { key: "advisor.label", placeholders: &[], de: "Produktberater", en: "Product advisor" },
    Message { key: "advisor.loading", placeholders: &[], de: "Der Produktberater wird geladen …", en: "Loading the product advisor …" },
    Message { key: "advisor.unavailable", placeholders: &[], de: "Der Produktberater ist gerade nicht erreichbar.", en: "The product advisor is not available right now." },
    Message { key: "advisor.retry", placeholders: &[], de: "Erneut versuchen", en: "Try again" },
    Message { key: "advisor.progress", placeholders: &["step", "total"], de: "Frage {step} von {total}", en: "Question {step} of {total}" },
    Message { key: "advisor.next", placeholders: &[], de: "Weiter", en: "Next" },
    Message { key: "advisor.show", placeholders: &[], de: "Ergebnisse anzeigen", en: "Show results" },
    Message { key: "advisor.back", placeholders: &[], de: "Zurück", en: "Back" },
    Message { key: "advisor.skip", placeholders: &[], de: "Überspringen", en: "Skip" },
    Message { key: "advisor.restart", placeholders: &[], de: "Neu starten", en: "Start over" },
    Message { key: "advisor.required", placeholders: &[], de: "Bitte wähle eine Antwort.", en: "Please choose an answer." },
    Message { key: "advisor.count.one", placeholders: &["count"], de: "{count} passendes Produkt", en: "{count} matching product" },
    Message { key: "advisor.count.other", placeholders: &["count"], de: "{count} passende Produkte", en: "{count} matching products" },
    Message { key: "advisor.count_none", placeholders: &[], de: "kein passendes Produkt", en: "no matching product" },
    Message { key: "advisor.min", placeholders: &[], de: "Mindestens", en: "At least" },
    Message { key: "advisor.max", placeholders: &[], de: "Höchstens", en: "At most" },
    Message { key: "advisor.range_hint", placeholders: &[], de: "Leer lassen, wenn es keine Grenze gibt.", en: "Leave empty for no limit." },
    Message { key: "advisor.results", placeholders: &[], de: "Unsere Empfehlungen für dich", en: "Our recommendations for you" },
    Message { key: "advisor.no_results", placeholders: &[], de: "Leider passt kein Produkt zu deinen Antworten.", en: "Sorry, no product fits your answers." },
    Message { key: "advisor.relaxed", placeholders: &["relaxed"], de: "Kein Produkt erfüllt alle Wünsche. Nicht berücksichtigt: {relaxed}. Das sind die am besten passenden Produkte.", en: "No product meets every wish. Left out: {relaxed}. These are the closest matches." },
    Message { key: "advisor.match", placeholders: &["percent"], de: "{percent} % passend", en: "{percent}% match" },
    Message { key: "advisor.met", placeholders: &[], de: "erfüllt:", en: "meets:" },
    Message { key: "advisor.missed", placeholders: &[], de: "nicht erfüllt:", en: "does not meet:" },
    Message { key: "advisor.unknown", placeholders: &[], de: "unbekannt:", en: "unknown:" },
    Message { key: "advisor.drawback", placeholders: &[], de: "Nachteil:", en: "drawback:" },
    Message { key: "advisor.add", placeholders: &[], de: "In den Warenkorb", en: "Add to cart" },
    Message { key: "advisor.added", placeholders: &["title"], de: "{title} liegt im Warenkorb.", en: "{title} is in your cart." },
    Message { key: "advisor.add_failed", placeholders: &[], de: "Das hat nicht geklappt. Bitte versuche es noch einmal.", en: "That did not work. Please try again." },
    Message { key: "advisor.sold_out", placeholders: &[], de: "Ausverkauft", en: "Sold out" },
    Message { key: "advisor.resumed", placeholders: &[], de: "Deine Antworten von vorhin sind wieder da.", en: "Your earlier answers are back." },
    Message { key: "loyalty.launcher", placeholders: &[], de: "Treuepunkte", en: "Loyalty points" },
    Message { key: "loyalty.title", placeholders: &[], de: "Deine Treuepunkte", en: "Your loyalty points" },
    Message { key: "loyalty.close", placeholders: &[], de: "Schließen", en: "Close" },
    Message { key: "loyalty.loading", placeholders: &[], de: "Treuepunkte werden geladen …", en: "Loading your points …" },
    Message { key: "loyalty.unavailable", placeholders: &[], de: "Die Treuepunkte sind gerade nicht erreichbar.", en: "Loyalty points are not available right now." },
    Message { key: "loyalty.retry", placeholders: &[], de: "Erneut versuchen", en: "Try again" },
    Message { key: "loyalty.join_text", placeholders: &[], de: "Sammle bei jedem Einkauf Punkte und löse sie gegen Prämien ein.", en: "Collect points with every order and redeem them for rewards." },
    Message { key: "loyalty.join", placeholders: &[], de: "Anmelden und Punkte sammeln", en: "Sign in and collect points" },
    Message { key: "loyalty.expired", placeholders: &[], de: "Deine Anmeldung ist abgelaufen oder ungültig. Bitte melde dich erneut an.", en: "Your sign-in has expired or is invalid. Please sign in again." },
    Message { key: "loyalty.points.one", placeholders: &["count"], de: "{count} Punkt", en: "{count} point" },
    Message { key: "loyalty.points.other", placeholders: &["count"], de: "{count} Punkte", en: "{count} points" },
    Message { key: "loyalty.balance", placeholders: &[], de: "Dein Punktestand", en: "Your balance" },
    Message { key: "loyalty.tier", placeholders: &["tier"], de: "Stufe {tier}", en: "{tier} tier" },
    Message { key: "loyalty.no_tier", placeholders: &[], de: "Noch keine Stufe", en: "No tier yet" },
    Message { key: "loyalty.next", placeholders: &["remaining", "tier"], de: "noch {remaining} bis {tier}", en: "{remaining} to {tier}" },
    Message { key: "loyalty.top", placeholders: &[], de: "Höchste Stufe erreicht", en: "Top tier reached" },
    Message { key: "loyalty.progress", placeholders: &[], de: "Fortschritt zur nächsten Stufe", en: "Progress to the next tier" },
    Message { key: "loyalty.cart", placeholders: &["points"], de: "Mit diesem Warenkorb sammelst du {points}.", en: "You will earn {points} with this cart." },
    Message { key: "loyalty.cart_guest", placeholders: &["points"], de: "Mit diesem Warenkorb würdest du {points} sammeln.", en: "You would earn {points} with this cart." },
    Message { key: "loyalty.earn", placeholders: &[], de: "So sammelst du Punkte", en: "Ways to earn" },
    Message { key: "loyalty.earn.purchase", placeholders: &["points", "amount"], de: "{points} pro {amount} Einkaufswert", en: "{points} per {amount} spent" },
    Message { key: "loyalty.earn.start", placeholders: &["points"], de: "{points} Startbonus bei der Anmeldung", en: "{points} welcome bonus when you join" },
    Message { key: "loyalty.earn.birthday", placeholders: &["points"], de: "{points} zu deinem Geburtstag", en: "{points} on your birthday" },
    Message { key: "loyalty.earn.tier", placeholders: &["tier", "threshold", "bonus"], de: "Stufe {tier}: {bonus} % mehr Punkte – dafür {threshold} im Jahr sammeln", en: "{tier} tier: {bonus}% more points – collect {threshold} a year to reach it" },
    Message { key: "loyalty.rewards", placeholders: &[], de: "Prämien", en: "Rewards" },
    Message { key: "loyalty.redeem", placeholders: &[], de: "Einlösen", en: "Redeem" },
    Message { key: "loyalty.missing", placeholders: &["points"], de: "Dir fehlen noch {points}", en: "{points} to go" },
    Message { key: "loyalty.confirm", placeholders: &["reward", "points"], de: "„{reward}“ für {points} einlösen?", en: "Redeem “{reward}” for {points}?" },
    Message { key: "loyalty.confirm_yes", placeholders: &[], de: "Ja, einlösen", en: "Yes, redeem" },
    Message { key: "loyalty.cancel", placeholders: &[], de: "Abbrechen", en: "Cancel" },
    Message { key: "loyalty.pending", placeholders: &[], de: "Wird eingelöst …", en: "Redeeming …" },
    Message { key: "loyalty.redeemed", placeholders: &["reward"], de: "„{reward}“ eingelöst. Dein Gutscheincode:", en: "“{reward}” redeemed. Your voucher code:" },
    Message { key: "loyalty.copy", placeholders: &[], de: "Code kopieren", en: "Copy code" },
    Message { key: "loyalty.copied", placeholders: &[], de: "Kopiert", en: "Copied" },
    Message { key: "loyalty.copy_failed", placeholders: &[], de: "Kopieren nicht möglich – bitte markiere den Code.", en: "Could not copy – please select the code." },
    Message { key: "loyalty.redeem_failed", placeholders: &[], de: "Das Einlösen hat gerade nicht geklappt. Versuche es noch einmal – es wird höchstens einmal eingelöst.", en: "Redeeming did not work just now. Try again – it is redeemed at most once." },
    Message { key: "loyalty.refused", placeholders: &[], de: "Diese Prämie kann gerade nicht eingelöst werden.", en: "This reward cannot be redeemed right now." },
    Message { key: "loyalty.history", placeholders: &[], de: "Letzte Buchungen", en: "Recent activity" },
    Message { key: "loyalty.kind.start", placeholders: &[], de: "Startbonus", en: "Welcome bonus" },
    Message { key: "loyalty.kind.purchase", placeholders: &[], de: "Einkauf", en: "Purchase" },
    Message { key: "loyalty.kind.birthday", placeholders: &[], de: "Geburtstagsbonus", en: "Birthday bonus" },
    Message { key: "loyalty.kind.redeem", placeholders: &["reward"], de: "Eingelöst: {reward}", en: "Redeemed: {reward}" },
    Message { key: "loyalty.kind.adjust", placeholders: &[], de: "Korrektur", en: "Adjustment" },
];

/// The message for `key`, if it exists.
pub fn message(key: &str) -> Option<&'static Message> {
    MESSAGES.iter().find(|m| m.key == key)
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
        for m in MESSAGES {
            for text in [m.de, m.en] {
                for p in placeholders(text) {
                    assert!(m.placeholders.contains(&p), "{}: {{{p}}} not allowed", m.key);
                }
            }
        }
        let mut keys: Vec<_> = MESSAGES.iter().map(|m| m.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), MESSAGES.len(), "duplicate message keys");
    }
}
