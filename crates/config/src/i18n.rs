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
