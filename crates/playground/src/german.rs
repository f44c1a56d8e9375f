//! German for the problems the playground shows: the validator's messages and hints
//! (crates/config, English only, since the same crate is in the widget package with its size
//! budget) and the parser's own, translated here by pattern.
//!
//! Each rule pairs an English template with its German one. In a template, `%1` … `%9` stand
//! for a dynamic part copied unchanged (a key, a value, a number, a list of keys; it may be
//! empty), and `%t1` … `%t9` for a part that is itself translated by the rules (a type such as
//! `a number` in `expected a number, found a string`, or the rest of a hint after
//! `did you mean "…"?`); a part given twice in one template must be the same text both times.
//! A text is translated only when a rule matches all of it, every `%t` part included; of
//! several matching rules, the one with the most fixed text wins. Otherwise it stays English:
//! never half translated.

/// The language problems are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// The validator's own texts.
    En,
    /// Translated by [`RULES`] where a rule matches.
    De,
}

impl Lang {
    /// `"de"` is German, anything else English (the page asks for `"de"` or `"en"`).
    pub fn from_code(code: &str) -> Lang {
        if code == "de" {
            Lang::De
        } else {
            Lang::En
        }
    }

    /// `text` in this language: German where a rule matches all of it, else unchanged.
    pub fn text(self, text: String) -> String {
        match self {
            Lang::En => text,
            Lang::De => german(&text).unwrap_or(text),
        }
    }
}

/// `text` in German, or `None` when no rule matches all of it.
pub fn german(text: &str) -> Option<String> {
    translate(RULES, text, 0, &mut |_| {})
}

/// What a translation used (see [`translate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Used<'a> {
    /// The rule at this index of [`RULES`].
    Rule(usize),
    /// A part copied unchanged.
    Copied(&'a str),
}

/// How deep `%t` parts may nest (a did-you-mean around a list; a type in a message).
const MAX_DEPTH: usize = 3;

/// `text` translated by `rules` (in [`german`], [`RULES`]), telling `used` every rule it applies
/// and every part it copies unchanged (the tests check that the corpus needs every rule, and
/// that the rest of the output is German).
pub(crate) fn translate(rules: &[(&str, &str)], text: &str, depth: usize, used: &mut dyn FnMut(Used)) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut best: Option<(usize, usize, Captures)> = None;
    for (i, (en, _)) in rules.iter().enumerate() {
        let score = fixed_len(en);
        if best.as_ref().is_some_and(|(_, s, _)| *s >= score) {
            continue;
        }
        let mut caps = Captures::default();
        if matches(rules, en, text, depth, &mut caps) {
            best = Some((i, score, caps));
        }
    }
    let (i, _, caps) = best?;
    used(Used::Rule(i));
    let mut out = String::new();
    let mut rest = rules[i].1;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let Some(((n, translated), after)) = placeholder(&rest[at..]) else {
            out.push('%');
            rest = &rest[at + 1..];
            continue;
        };
        let part = caps.0[n].as_deref().unwrap_or("");
        if translated {
            // It translated while matching; this second run reports the rules it uses.
            out.push_str(&translate(rules, part, depth + 1, used)?);
        } else {
            used(Used::Copied(part));
            out.push_str(part);
        }
        rest = after;
    }
    out.push_str(rest);
    Some(out)
}

/// The English text of each part matched so far, by number.
#[derive(Default)]
struct Captures([Option<String>; 10]);

/// `%1` → `(1, false)`, `%t1` → `(1, true)`, with the text after it; `None` for any other `%`.
fn placeholder(s: &str) -> Option<((usize, bool), &str)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'%') {
        return None;
    }
    let (translated, at) = if b.get(1) == Some(&b't') { (true, 2) } else { (false, 1) };
    let d = b.get(at).filter(|d| d.is_ascii_digit())?;
    Some(((usize::from(d - b'0'), translated), &s[at + 1..]))
}

/// Where the first placeholder of `template` starts.
fn first_placeholder(template: &str) -> Option<usize> {
    template.char_indices().find(|(i, c)| *c == '%' && placeholder(&template[*i..]).is_some()).map(|(i, _)| i)
}

/// The length of a template's fixed text (what is not a placeholder).
fn fixed_len(template: &str) -> usize {
    let mut n = 0;
    let mut rest = template;
    while let Some(at) = first_placeholder(rest) {
        n += at;
        rest = placeholder(&rest[at..]).map_or("", |(_, after)| after);
    }
    n + rest.len()
}

/// Whether `template` matches all of `text`, filling `caps`: tries the shortest parts first
/// and backtracks.
fn matches(rules: &[(&str, &str)], template: &str, text: &str, depth: usize, caps: &mut Captures) -> bool {
    let Some(at) = first_placeholder(template) else {
        return template == text;
    };
    let Some(text) = text.strip_prefix(&template[..at]) else {
        return false;
    };
    let Some(((n, translated), after)) = placeholder(&template[at..]) else {
        return false;
    };
    if let Some(seen) = &caps.0[n] {
        let seen = seen.clone();
        return text.strip_prefix(seen.as_str()).is_some_and(|t| matches(rules, after, t, depth, caps));
    }
    // The part ends before the next fixed text; when nothing but fixed text follows, at the one
    // place that leaves exactly that text.
    let next_fixed = &after[..first_placeholder(after).unwrap_or(after.len())];
    let ends: Box<dyn Iterator<Item = usize>> = if next_fixed.len() == after.len() { Box::new(text.len().checked_sub(after.len()).into_iter()) } else { Box::new(0..=text.len()) };
    for end in ends {
        if !text.is_char_boundary(end) || !text[end..].starts_with(next_fixed) || (translated && end == 0) {
            continue;
        }
        let part = &text[..end];
        caps.0[n] = Some(part.to_owned());
        if matches(rules, after, &text[end..], depth, caps) && (!translated || translate(rules, part, depth + 1, &mut |_| {}).is_some()) {
            return true;
        }
        caps.0[n] = None;
    }
    false
}

/// English template → German template (see the module docs). Written in the page's register
/// (du); JSON keys, values and config syntax stay as they are written in the file.
pub(crate) const RULES: &[(&str, &str)] = &[
    // --- Types, as parts of "expected %t1, found %t2" and similar (crates/config decode.rs,
    // json.rs `kind`, advisor.rs). Never a whole problem text on their own.
    ("expected %t1, found %t2", "Erwartet wird %t1, gefunden wurde %t2"),
    ("null", "null"),
    ("a boolean", "ein Wahrheitswert"),
    ("a number", "eine Zahl"),
    ("a string", "ein Text"),
    ("an array", "ein Array"),
    ("an object", "ein Objekt"),
    ("true or false", "true oder false"),
    ("a whole number", "eine ganze Zahl"),
    ("a whole number of minor units", "eine ganze Zahl in der kleinsten Währungseinheit (Cent)"),
    ("a text or {\"de\": …, \"en\": …}", "ein Text oder {\"de\": …, \"en\": …}"),
    // After "needs" (advisor effects): accusative.
    ("\"%1\" needs %t2", "\"%1\" braucht %t2"),
    ("a number, text or true/false", "eine Zahl, einen Text oder true/false"),
    ("a non-empty array of numbers or texts", "ein nicht leeres Array aus Zahlen oder Texten"),
    ("a text", "einen Text"),
    // What a data source is for ("\"%1\" is not a %t2 field").
    ("stats", "Statistik"),
    ("FAQ", "FAQ"),
    ("cart", "Warenkorb"),
    ("product", "Produkt"),
    ("programme", "Programm"),
    // --- Keys, values and did-you-mean (decode.rs).
    ("this key is required", "Dieser Schlüssel ist erforderlich"),
    ("add \"%1\"", "Ergänze \"%1\""),
    ("unknown key \"%1\"", "Unbekannter Schlüssel \"%1\""),
    ("did you mean \"%1\"? %t2", "Meintest du \"%1\"? %t2"),
    ("did you mean {%1}? %t2", "Meintest du {%1}? %t2"),
    ("did you mean \"%1\"?", "Meintest du \"%1\"?"),
    ("Known keys: %1", "Bekannte Schlüssel: %1"),
    ("known keys here: %1", "Bekannte Schlüssel an dieser Stelle: %1"),
    ("wrap the values in [ ]", "Schließe die Werte in [ ] ein"),
    ("wrap the entries in { }", "Schließe die Einträge in { } ein"),
    ("wrap the settings in { }", "Schließe die Einstellungen in { } ein"),
    ("write true or false without quotes", "Schreibe true oder false ohne Anführungszeichen"),
    ("put the value in double quotes", "Setze den Wert in doppelte Anführungszeichen"),
    ("must not be negative", "Darf nicht negativ sein"),
    ("out of range", "Außerhalb des erlaubten Bereichs"),
    ("a whole number from %1 to %2", "Eine ganze Zahl von %1 bis %2"),
    ("unknown value \"%1\"", "Unbekannter Wert \"%1\""),
    ("One of: %1", "Möglich sind: %1"),
    ("one of: %1", "Möglich sind: %1"),
    // --- Scalar types (types.rs).
    ("an ISO 4217 code such as \"EUR\" or \"CHF\"", "Ein ISO-4217-Code wie \"EUR\" oder \"CHF\""),
    ("Use an ISO 4217 code such as \"EUR\" or \"CHF\"", "Verwende einen ISO-4217-Code wie \"EUR\" oder \"CHF\""),
    ("use an ISO 4217 code such as \"EUR\" or \"CHF\"", "Verwende einen ISO-4217-Code wie \"EUR\" oder \"CHF\""),
    ("write it in capitals: \"%1\"", "Schreibe den Code in Großbuchstaben: \"%1\""),
    ("unknown currency code \"%1\"", "Unbekannter Währungscode \"%1\""),
    ("a two-letter country code such as \"DE\"", "Ein zweistelliger Ländercode wie \"DE\""),
    ("use an ISO 3166-1 alpha-2 code such as \"DE\", \"AT\" or \"CH\"", "Verwende einen Ländercode nach ISO 3166-1 alpha-2 wie \"DE\", \"AT\" oder \"CH\""),
    ("not a two-letter country code", "Kein zweistelliger Ländercode"),
    ("a locale such as \"de-DE\" or \"en-US\"", "Ein Sprachcode wie \"de-DE\" oder \"en-US\""),
    ("not a locale tag", "Kein gültiger Sprachcode"),
    (
        "use a BCP 47 tag such as \"de-DE\", \"de-CH\" or \"en-US\" (language in lower case, hyphen, region)",
        "Verwende einen Sprachcode nach BCP 47 wie \"de-DE\", \"de-CH\" oder \"en-US\" (Sprache kleingeschrieben, Bindestrich, Region)",
    ),
    ("a URL such as \"https://shop.example/api\" or \"/api\"", "Eine URL wie \"https://shop.example/api\" oder \"/api\""),
    ("the URL is empty", "Die URL ist leer"),
    ("the URL contains spaces or characters that are not allowed in URLs", "Die URL enthält Leerzeichen oder Zeichen, die in URLs nicht erlaubt sind"),
    ("the URL has no valid host", "Die URL hat keinen gültigen Host"),
    ("protocol-relative URLs are ambiguous", "Protokollrelative URLs (mit // am Anfang) sind mehrdeutig"),
    ("the URL must start with https://, http:// or /", "Die URL muss mit https://, http:// oder / beginnen"),
    ("use an absolute https:// URL or a path on this site starting with /", "Verwende eine absolute https://-URL oder einen Pfad auf dieser Website, der mit / beginnt"),
    ("a link such as \"/kontakt\" or \"mailto:hilfe@shop.example\"", "Ein Link wie \"/kontakt\" oder \"mailto:hilfe@shop.example\""),
    ("not a usable link", "Kein verwendbarer Link"),
    (
        "use a page such as \"/kontakt\" or \"https://shop.example/contact\", or \"mailto:…\" / \"tel:…\"",
        "Verwende eine Seite wie \"/kontakt\" oder \"https://shop.example/contact\" oder \"mailto:…\" / \"tel:…\"",
    ),
    ("a JSON pointer such as \"/items\"", "Ein JSON-Pointer wie \"/items\""),
    ("escape \"~\" as \"~0\" and \"/\" inside a key as \"~1\"", "Schreibe \"~\" als \"~0\" und \"/\" innerhalb eines Schlüssels als \"~1\""),
    ("JSON pointers start with a slash: \"%1\"", "JSON-Pointer beginnen mit einem Schrägstrich: \"%1\""),
    ("not a JSON pointer", "Kein JSON-Pointer"),
    ("an id such as \"free-shipping\"", "Eine ID wie \"free-shipping\""),
    ("not a valid id", "Keine gültige ID"),
    ("use 1 to 64 lower-case letters, digits, '-' or '_', e.g. \"free-shipping\"", "Verwende 1 bis 64 Kleinbuchstaben, Ziffern, '-' oder '_', z. B. \"free-shipping\""),
    ("amounts are whole numbers of minor units (cents): 4900 means 49,00 €", "Beträge sind ganze Zahlen in der kleinsten Währungseinheit (Cent): 4900 bedeutet 49,00 €"),
    (
        "amounts are whole numbers of minor units (cents): 4900 means 49,00 €; did you mean %1?",
        "Beträge sind ganze Zahlen in der kleinsten Währungseinheit (Cent): 4900 bedeutet 49,00 €; meintest du %1?",
    ),
    ("amount must not be negative", "Der Betrag darf nicht negativ sein"),
    ("amount must be a whole number of minor units", "Der Betrag muss eine ganze Zahl in der kleinsten Währungseinheit (Cent) sein"),
    ("amount is too large", "Der Betrag ist zu groß"),
    ("a CSS value such as \"#0a7d5a\" or \"8px\"", "Ein CSS-Wert wie \"#0a7d5a\" oder \"8px\""),
    ("not a plain CSS value", "Kein einfacher CSS-Wert"),
    (
        "use a colour or length such as \"#0a7d5a\", \"rgb(10 125 90)\" or \"8px\"; braces, semicolons and url() are not allowed",
        "Verwende eine Farbe oder Länge wie \"#0a7d5a\", \"rgb(10 125 90)\" oder \"8px\"; geschweifte Klammern, Semikolons und url() sind nicht erlaubt",
    ),
    // --- Data sources and sections (model.rs, loyalty.rs, preset.rs).
    ("write {\"url\": \"/api/…\"} or {\"inline\": …}", "Schreibe {\"url\": \"/api/…\"} oder {\"inline\": …}"),
    ("\"%1\" is not a %t2 field", "\"%1\" ist kein %t2-Feld"),
    ("%t1 fields: %2", "%t1-Felder: %2"),
    ("both \"url\" and \"inline\" are set", "\"url\" und \"inline\" sind beide gesetzt"),
    ("keep one: \"url\" to fetch, \"inline\" for data in the config", "Behalte eins davon: \"url\" zum Abrufen, \"inline\" für Daten in der Konfiguration"),
    ("neither \"url\" nor \"inline\" is set", "Weder \"url\" noch \"inline\" ist gesetzt"),
    ("add \"url\": \"/api/…\" or \"inline\": …", "Ergänze \"url\": \"/api/…\" oder \"inline\": …"),
    ("\"money\" and \"session_currency\" need a \"url\" or \"inline\"", "\"money\" und \"session_currency\" brauchen \"url\" oder \"inline\""),
    (
        "without them the preset's endpoint is used as the preset reads it: remove them, or give the url",
        "Ohne sie wird der Endpunkt des Presets so gelesen, wie das Preset es vorsieht: Entferne sie oder gib die \"url\" an",
    ),
    ("social-proof numbers cannot come from the config", "Social-Proof-Zahlen können nicht aus der Konfiguration kommen"),
    ("point \"url\" at your backend; badges only show numbers the shop really recorded", "Lass \"url\" auf dein Backend zeigen; Badges zeigen nur Zahlen, die der Shop wirklich erfasst hat"),
    ("the URL has no {products} placeholder", "Der URL fehlt der Platzhalter {products}"),
    (
        "add it where the comma-separated product ids go, e.g. \"/api/social-proof?products={products}&window={window}\"",
        "Setze ihn dort ein, wo die kommagetrennten Produkt-IDs hingehören, z. B. \"/api/social-proof?products={products}&window={window}\"",
    ),
    ("unknown placeholder {%1} in the URL", "Unbekannter Platzhalter {%1} in der URL"),
    ("Available: %1", "Verfügbar sind: %1"),
    ("available: %1", "Verfügbar sind: %1"),
    ("available: none", "Hier ist kein Platzhalter verfügbar"),
    ("refresh every %1 s is not shorter than max_age_minutes (%2 s)", "Alle %1 s zu aktualisieren ist nicht kürzer als max_age_minutes (%2 s)"),
    (
        "refresh more often than stats expire, e.g. \"refresh_seconds\": 60 with \"max_age_minutes\": 10",
        "Aktualisiere öfter, als die Zahlen veralten, z. B. \"refresh_seconds\": 60 mit \"max_age_minutes\": 10",
    ),
    ("not a language tag", "Kein gültiger Sprachcode"),
    ("use \"de\" or \"en\" (or a full tag such as \"de-CH\")", "Verwende \"de\" oder \"en\" (oder einen vollständigen Code wie \"de-CH\")"),
    ("unknown message key \"%1\"", "Unbekannter Textschlüssel \"%1\""),
    ("see the list of message keys in docs/config.md", "Die Liste der Textschlüssel steht in docs/config.md"),
    ("placeholder {%1} is not available in this message", "Der Platzhalter {%1} ist in diesem Text nicht verfügbar"),
    ("no tiers", "Keine Stufen"),
    (
        "add at least one tier, e.g. {\"id\": \"free-shipping\", \"reward\": \"free_shipping\", \"thresholds\": [{\"currency\": \"EUR\", \"amount\": 5000}]}",
        "Ergänze mindestens eine Stufe, z. B. {\"id\": \"free-shipping\", \"reward\": \"free_shipping\", \"thresholds\": [{\"currency\": \"EUR\", \"amount\": 5000}]}",
    ),
    ("duplicate tier id \"%1\"", "Die Stufen-ID \"%1\" kommt doppelt vor"),
    ("give every tier its own id", "Gib jeder Stufe eine eigene ID"),
    ("no thresholds", "Keine Schwellen"),
    ("add one per currency, e.g. {\"currency\": \"EUR\", \"amount\": 5000}", "Ergänze eine pro Währung, z. B. {\"currency\": \"EUR\", \"amount\": 5000}"),
    ("second threshold for %1", "Zweite Schwelle für %1"),
    ("second threshold for %1 in %2", "Zweite Schwelle für %1 in %2"),
    ("keep one threshold per currency and country", "Behalte eine Schwelle pro Währung und Land"),
    ("listed twice", "Doppelt aufgeführt"),
    ("remove the duplicate", "Entferne das Duplikat"),
    ("tier \"%1\" has no threshold in the shop currency %2", "Die Stufe \"%1\" hat keine Schwelle in der Shop-Währung %2"),
    ("add {\"currency\": \"%1\", \"amount\": …}; carts in %1 will not see this tier", "Ergänze {\"currency\": \"%1\", \"amount\": …}; Warenkörbe in %1 sehen diese Stufe sonst nicht"),
    ("the programme cannot come from the config", "Das Programm kann nicht aus der Konfiguration kommen"),
    (
        "point \"url\" at the backend that credits the points, so the widget promises what checkout applies",
        "Lass \"url\" auf das Backend zeigen, das die Punkte gutschreibt, damit das Widget verspricht, was der Checkout anwendet",
    ),
    ("Shopware needs the sales channel's access key", "Shopware braucht den Zugangsschlüssel des Verkaufskanals"),
    (
        "add \"sw-access-key\" (Sales Channels → API access) and the visitor's \"sw-context-token\"",
        "Ergänze \"sw-access-key\" (Verkaufskanäle → API-Zugriff) und den \"sw-context-token\" des Besuchers",
    ),
    ("the platform's storefront API has no product list: add \"url\" or \"inline\"", "Die Storefront-API der Plattform hat keine Produktliste: Ergänze \"url\" oder \"inline\""),
    ("add \"url\" or \"inline\", or name the shop's platform in \"preset\"", "Ergänze \"url\" oder \"inline\" oder nenne die Plattform des Shops in \"preset\""),
    // --- Advisor (advisor.rs, and the engine's findings from crates/core advisor.rs).
    ("write {\"type\": \"number\"} (or \"text\", \"tags\", \"boolean\")", "Schreibe {\"type\": \"number\"} (oder \"text\", \"tags\", \"boolean\")"),
    ("write \"Text\" or {\"de\": \"Text\", \"en\": \"Text\"}", "Schreibe \"Text\" oder {\"de\": \"Text\", \"en\": \"Text\"}"),
    ("write {\"id\": …, \"type\": \"single\", \"text\": …, \"options\": […]}", "Schreibe {\"id\": …, \"type\": \"single\", \"text\": …, \"options\": […]}"),
    ("a range question has no options", "Eine Frage mit \"type\": \"range\" hat keine Optionen"),
    ("remove \"options\", or use \"type\": \"single\"", "Entferne \"options\" oder verwende \"type\": \"single\""),
    ("max is not above min (%1)", "max ist nicht größer als min (%1)"),
    ("give the range a lower \"min\" and a higher \"max\"", "Gib dem Bereich ein kleineres \"min\" und ein größeres \"max\""),
    ("\"%1\" only applies to \"type\": \"range\"", "\"%1\" gilt nur für \"type\": \"range\""),
    ("remove it, or make this a range question", "Entferne den Schlüssel oder mach daraus eine Frage mit \"type\": \"range\""),
    ("no options", "Keine Optionen"),
    ("add at least two options", "Ergänze mindestens zwei Optionen"),
    ("a yes_no question has the options \"yes\" and \"no\", in that order", "Eine yes_no-Frage hat die Optionen \"yes\" und \"no\", in dieser Reihenfolge"),
    ("use {\"id\": \"yes\", …} and {\"id\": \"no\", …}", "Verwende {\"id\": \"yes\", …} und {\"id\": \"no\", …}"),
    ("write {\"attribute\": \"volume\", \"op\": \">=\", \"value\": 40}", "Schreibe {\"attribute\": \"volume\", \"op\": \">=\", \"value\": 40}"),
    ("add \"value\": the value to compare with", "Ergänze \"value\": den Wert, mit dem verglichen wird"),
    ("unknown operator", "Unbekannter Operator"),
    ("e.g. {\"op\": \">=\", \"value\": 40} or {\"op\": \"in\", \"value\": [\"Nylon\", \"Canvas\"]}", "Z. B. {\"op\": \">=\", \"value\": 40} oder {\"op\": \"in\", \"value\": [\"Nylon\", \"Canvas\"]}"),
    ("a range needs a number attribute", "Ein Bereich (range) braucht ein Attribut mit \"type\": \"number\""),
    ("declare it with \"type\": \"number\" in catalogue.attributes, or use \"price\"", "Deklariere es in catalogue.attributes mit \"type\": \"number\" oder verwende \"price\""),
    ("this operator cannot compare the %1 attribute \"%2\"", "Dieser Operator kann das Attribut \"%2\" (Typ %1) nicht vergleichen"),
    (
        "numbers take \"<=\", \">=\", \"=\", \"in\"; texts and tags take \"=\", \"in\", \"contains\"",
        "Für number gehen \"<=\", \">=\", \"=\", \"in\"; für text und tags gehen \"=\", \"in\", \"contains\"",
    ),
    ("question id \"%1\" is used twice", "Die Frage-ID \"%1\" kommt doppelt vor"),
    ("show_if names an unknown question \"%1\"", "show_if nennt eine unbekannte Frage \"%1\""),
    ("show_if names question \"%1\", which is not an earlier question (that would be a cycle)", "show_if nennt die Frage \"%1\", die nicht weiter vorne steht (das wäre ein Zirkelbezug)"),
    ("show_if names option \"%1\", which question \"%2\" does not have", "show_if nennt die Option \"%1\", die es bei der Frage \"%2\" nicht gibt"),
    ("unknown attribute \"%1\"", "Unbekanntes Attribut \"%1\""),
    ("option id \"%1\" is used twice", "Die Options-ID \"%1\" kommt doppelt vor"),
    ("the option has no effects, so choosing it changes nothing", "Die Option hat keine effects, ihre Auswahl ändert also nichts"),
    ("declared attributes: %1; an effect on an unknown attribute is never met", "Deklarierte Attribute: %1; ein Effekt auf ein unbekanntes Attribut trifft nie zu"),
    (
        "show_if can only name an earlier question and its options; until fixed the question is never shown",
        "show_if kann nur eine weiter vorne stehende Frage und deren Optionen nennen; bis das behoben ist, wird die Frage nie angezeigt",
    ),
    ("the advisor still runs; fix this so the option does what it says", "Der Berater läuft trotzdem; behebe das, damit die Option tut, was sie verspricht"),
    // --- This crate: keys given twice (lib.rs) and JSON syntax (parse.rs).
    ("this key appears twice in the same object", "Dieser Schlüssel kommt im selben Objekt zweimal vor"),
    ("Only the last value counts (as in every browser): remove or rename one of them.", "Nur der letzte Wert zählt (wie in jedem Browser): Entferne einen der beiden oder benenne ihn um."),
    ("the value is nested too deeply", "Der Wert ist zu tief verschachtelt"),
    ("A config needs only a few levels of objects and arrays.", "Eine Konfiguration braucht nur wenige Ebenen aus Objekten und Arrays."),
    ("expected a value", "Hier wird ein Wert erwartet"),
    ("Strings need double quotes; the literals are true, false and null (lower case).", "Texte brauchen doppelte Anführungszeichen; die Literale heißen true, false und null (kleingeschrieben)."),
    ("expected a value, found the end of the text", "Hier wird ein Wert erwartet, aber der Text ist zu Ende"),
    ("Something is cut off here: close every { and [ that is open.", "Hier ist etwas abgeschnitten: Schließe jede offene { und [."),
    (
        "A value is an object {…}, an array […], a string in double quotes, a number, true, false or null.",
        "Ein Wert ist ein Objekt {…}, ein Array […], ein Text in doppelten Anführungszeichen, eine Zahl, true, false oder null.",
    ),
    ("a comma before } is not allowed in JSON", "Ein Komma vor } ist in JSON nicht erlaubt"),
    ("Remove the comma after the last member.", "Entferne das Komma nach dem letzten Eintrag."),
    ("expected a key in double quotes", "Hier wird ein Schlüssel in doppelten Anführungszeichen erwartet"),
    ("Each member of an object is \"key\": value.", "Jeder Eintrag eines Objekts hat die Form \"schlüssel\": wert."),
    ("expected : after the key", "Nach dem Schlüssel wird : erwartet"),
    ("expected , or } after a member", "Nach einem Eintrag wird , oder } erwartet"),
    ("A comma is missing between two members.", "Zwischen zwei Einträgen fehlt ein Komma."),
    ("Separate members with commas and close the object with }.", "Trenne die Einträge mit Kommas und schließe das Objekt mit }."),
    ("a comma before ] is not allowed in JSON", "Ein Komma vor ] ist in JSON nicht erlaubt"),
    ("Remove the comma after the last item.", "Entferne das Komma nach dem letzten Element."),
    ("expected , or ] after an item", "Nach einem Element wird , oder ] erwartet"),
    ("Separate items with commas and close the array with ].", "Trenne die Elemente mit Kommas und schließe das Array mit ]."),
    ("the string is not closed", "Der Text ist nicht abgeschlossen"),
    ("Add the closing double quote.", "Ergänze das schließende doppelte Anführungszeichen."),
    ("unknown escape in a string", "Unbekannte Escape-Sequenz in einem Text"),
    ("The escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\.", "Erlaubt sind \\\" \\\\ \\/ \\b \\f \\n \\r \\t und \\uXXXX; schreibe einen Backslash als \\\\."),
    ("a control character (such as a line break) inside a string", "Ein Steuerzeichen (etwa ein Zeilenumbruch) in einem Text"),
    (
        "Strings stay on one line: write a line break as \\n, a tab as \\t. Or a closing quote is missing.",
        "Texte stehen in einer Zeile: Schreibe einen Zeilenumbruch als \\n, einen Tabulator als \\t. Oder es fehlt ein schließendes Anführungszeichen.",
    ),
    ("\\u must be followed by four hex digits", "Auf \\u müssen vier Hexadezimalziffern folgen"),
    ("For example \\u00e4 for ä.", "Zum Beispiel \\u00e4 für ä."),
    ("expected a digit", "Hier wird eine Ziffer erwartet"),
    ("A number is written like 5000, -3 or 49.9.", "Zahlen schreibt man wie 5000, -3 oder 49.9."),
    ("a number cannot start with 0", "Eine Zahl kann nicht mit 0 beginnen"),
    ("Remove the leading zeros (write 7, not 07).", "Entferne die führenden Nullen (schreibe 7, nicht 07)."),
    ("expected a digit after the decimal point", "Nach dem Dezimalpunkt wird eine Ziffer erwartet"),
    ("Write 49.0 or 49, not 49.", "Schreibe 49.0 oder 49, nicht 49."),
    ("expected a digit in the exponent", "Im Exponenten wird eine Ziffer erwartet"),
    ("Write 1e3, 1E-2 or similar.", "Schreibe 1e3, 1E-2 oder Ähnliches."),
    ("unexpected character in a number", "Unerwartetes Zeichen in einer Zahl"),
    ("Numbers use a decimal point and no units; put text in double quotes.", "Zahlen haben einen Dezimalpunkt und keine Einheiten; setze Text in doppelte Anführungszeichen."),
    ("unexpected text after the end of the JSON value", "Unerwarteter Text nach dem Ende des JSON-Werts"),
    ("The file must hold exactly one object: remove what follows its closing }.", "Die Datei muss genau ein Objekt enthalten: Entferne, was nach seiner schließenden } folgt."),
    ("JSON strings and keys use double quotes (\"…\"), not single quotes.", "Texte und Schlüssel stehen in JSON in doppelten Anführungszeichen (\"…\"), nicht in einfachen."),
    ("JSON has no comments: remove them.", "JSON kennt keine Kommentare: Entferne sie."),
];

#[cfg(test)]
mod tests {
    use super::*;

    const TOY: &[(&str, &str)] = &[
        ("expected %t1, found %t2", "Erwartet wird %t1, gefunden wurde %t2"),
        ("a number", "eine Zahl"),
        ("a string", "ein Text"),
        ("unknown key \"%1\"", "Unbekannter Schlüssel \"%1\""),
        ("did you mean \"%1\"? %t2", "Meintest du \"%1\"? %t2"),
        ("Known keys: %1", "Bekannte Schlüssel: %1"),
        ("from %1 to %2", "von %1 bis %2"),
        ("add {\"currency\": \"%1\"}; carts in %1 miss it", "Ergänze {\"currency\": \"%1\"}; Warenkörbe in %1 fehlt es"),
        ("second for %1", "Zweite für %1"),
        ("second for %1 in %2", "Zweite für %1 in %2"),
        ("max (%1) is 100%", "max (%1) ist 100%"),
    ];

    #[test]
    fn the_pattern_matcher() {
        for (en, de) in [
            // Fixed text and parts copied unchanged, also with quotes, braces and non-ASCII inside.
            ("unknown key \"max_badge\"", Some("Unbekannter Schlüssel \"max_badge\"")),
            ("unknown key \"a \"b\" ä\"", Some("Unbekannter Schlüssel \"a \"b\" ä\"")),
            ("unknown key \"\"", Some("Unbekannter Schlüssel \"\"")),
            ("from -100 to 100", Some("von -100 bis 100")),
            // Translated parts, nested.
            ("expected a number, found a string", Some("Erwartet wird eine Zahl, gefunden wurde ein Text")),
            ("did you mean \"amount\"? Known keys: amount, currency", Some("Meintest du \"amount\"? Bekannte Schlüssel: amount, currency")),
            // A translated part no rule knows: the whole text stays English, nothing half done.
            ("expected a number, found a duck", None),
            ("did you mean \"amount\"? Ask someone", None),
            // More or less text than the template: no match.
            ("unknown key \"x\" here", None),
            ("an unknown key \"x\"", None),
            ("expected a number", None),
            ("", None),
            // A part given twice must be the same text twice.
            ("add {\"currency\": \"EUR\"}; carts in EUR miss it", Some("Ergänze {\"currency\": \"EUR\"}; Warenkörbe in EUR fehlt es")),
            ("add {\"currency\": \"EUR\"}; carts in CHF miss it", None),
            // Of two matching rules, the one with more fixed text.
            ("second for EUR in AT", Some("Zweite für EUR in AT")),
            ("second for EUR", Some("Zweite für EUR")),
            // A % that is no placeholder is plain text.
            ("max (5) is 100%", Some("max (5) ist 100%")),
        ] {
            assert_eq!(translate(TOY, en, 0, &mut |_| {}).as_deref(), de, "{en:?}");
        }
    }

    #[test]
    fn translated_parts_nest_only_so_deep() {
        const DEEP: &[(&str, &str)] = &[("(%t1)", "[%t1]"), ("x", "y")];
        assert_eq!(translate(DEEP, "(((x)))", 0, &mut |_| {}).as_deref(), Some("[[[y]]]"));
        assert_eq!(translate(DEEP, "(((((x)))))", 0, &mut |_| {}), None);
    }

    #[test]
    fn the_page_language() {
        assert_eq!(Lang::from_code("de"), Lang::De);
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code(""), Lang::En);
        let en = "unknown key \"x\"".to_owned();
        assert_eq!(Lang::En.text(en.clone()), en);
        assert_eq!(Lang::De.text(en), "Unbekannter Schlüssel \"x\"");
        assert_eq!(Lang::De.text("no rule for this".into()), "no rule for this");
    }

    /// Every rule is well formed: the same parts on both sides, each English template once, and
    /// German that differs from the English (apart from the names of types and sources).
    #[test]
    fn the_rules_are_consistent() {
        let parts = |t: &str| {
            let mut out: Vec<(usize, bool)> = Vec::new();
            let mut rest = t;
            while let Some(at) = first_placeholder(rest) {
                let (p, after) = placeholder(&rest[at..]).unwrap();
                if !out.contains(&p) {
                    out.push(p);
                }
                rest = after;
            }
            out.sort_unstable();
            out
        };
        for (i, (en, de)) in RULES.iter().enumerate() {
            assert_eq!(parts(en), parts(de), "{en:?}");
            assert!(!RULES[..i].iter().any(|(e, _)| e == en), "twice: {en:?}");
            assert!(!en.contains('%') || first_placeholder(en).is_some(), "{en:?}");
            if !["null", "FAQ"].contains(en) {
                assert_ne!(en, de);
            }
        }
    }
}
