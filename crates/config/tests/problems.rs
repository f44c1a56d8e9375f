//! Each kind of config mistake → the right path, message and hint; several mistakes → all.
use schaufenster_config::{load_str, Severity};

/// Loads `text` and returns `(path, message, hint)` of every error.
fn errors(text: &str) -> Vec<(String, String, String)> {
    load_str(text).problems.into_iter().filter(|p| p.severity == Severity::Error).map(|p| (p.path, p.message, p.hint)).collect()
}

/// One row: a config, the single expected error path, and words its message and hint contain.
fn check(text: &str, path: &str, message_has: &str, hint_has: &str) {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{text}\n→ {errs:#?}");
    let (p, m, h) = &errs[0];
    assert_eq!(p, path, "{text}");
    assert!(m.contains(message_has), "message {m:?} lacks {message_has:?} for {text}");
    assert!(h.contains(hint_has), "hint {h:?} lacks {hint_has:?} for {text}");
}

const TIER: &str = r#"{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 5000}]}"#;

fn bar(tiers: &str) -> String {
    format!(r#"{{"shipping_bar": {{"tiers": [{tiers}]}}}}"#)
}

#[test]
fn each_mistake_names_its_path_and_hint() {
    check(r#"{"currencyy": "EUR"}"#, "$.currencyy", "unknown key", "did you mean \"currency\"");
    check(r#"{"currency": "EURO"}"#, "$.currency", "unknown currency code", "did you mean \"EUR\"");
    check(r#"{"currency": "eur"}"#, "$.currency", "unknown currency code", "capitals: \"EUR\"");
    check(r#"{"currency": 978}"#, "$.currency", "expected a string", "ISO 4217");
    check(r#"{"locale": "de_DE"}"#, "$.locale", "not a locale", "de-DE");
    check(r#"{"country": "de"}"#, "$.country", "two-letter", "\"DE\"");
    check(r#"{"backend": {"base_url": "javascript:alert(1)"}}"#, "$.backend.base_url", "must start with", "https://");
    check(r#"{"backend": {"base_url": "https://"}}"#, "$.backend.base_url", "no valid host", "https://");
    check(r#"{"backend": {"timeout_ms": -1}}"#, "$.backend.timeout_ms", "negative", "100 to 60000");
    check(r#"{"backend": {"timeout_ms": 99999999}}"#, "$.backend.timeout_ms", "out of range", "100 to 60000");
    check(r#"{"backend": {"retries": "3"}}"#, "$.backend.retries", "expected a whole number, found a string", "0 to 5");
    check(r#"{"backend": {"credentials": "sameorigin"}}"#, "$.backend.credentials", "unknown value", "did you mean \"same-origin\"");
    check(r#"{"backend": []}"#, "$.backend", "expected an object", "{ }");
    check(r#"{"theme": {"accent": "red; background: url(x)"}}"#, "$.theme.accent", "not a plain CSS value", "semicolons");
    check(r#"{"theme": {"shadow_dom": "yes"}}"#, "$.theme.shadow_dom", "true or false", "without quotes");
    check(r#"{"cart": {"url": "/api/cart", "inline": {}}}"#, "$.cart", "both", "keep one");
    check(r#"{"cart": {}}"#, "$.cart", "neither", "url");
    check(r#"{"cart": {"url": "/c", "map": {"line": "/items"}}}"#, "$.cart.map.line", "not a cart field", "did you mean \"lines\"");
    check(r#"{"cart": {"url": "/c", "map": {"lines": "items"}}}"#, "$.cart.map.lines", "not a JSON pointer", "\"/items\"");
    check(r#"{"messages": {"de": {"shipping.remaning.gift": "x"}}}"#, "$.messages.de[\"shipping.remaning.gift\"]", "unknown message key", "shipping.remaining.gift");
    check(r#"{"messages": {"de": {"shipping.label": "Noch {remaining}"}}}"#, "$.messages.de[\"shipping.label\"]", "placeholder {remaining}", "none");
    check(r#"{"messages": {"deutsch": {}}}"#, "$.messages.deutsch", "not a language tag", "\"de\"");
    check(&bar(""), "$.shipping_bar.tiers", "no tiers", "add at least one tier");
    check(r#"{"shipping_bar": {}}"#, "$.shipping_bar.tiers", "required", "add \"tiers\"");
    check(&bar(r#"{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": -500}]}"#), "$.shipping_bar.tiers[0].thresholds[0].amount", "negative", "minor units");
    check(&bar(r#"{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 49.9}]}"#), "$.shipping_bar.tiers[0].thresholds[0].amount", "whole number", "did you mean 4990");
    check(&bar(r#"{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": "50,00"}]}"#), "$.shipping_bar.tiers[0].thresholds[0].amount", "found a string", "did you mean 5000");
    check(&bar(r#"{"id": "Free Shipping", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 1}]}"#), "$.shipping_bar.tiers[0].id", "not a valid id", "lower-case");
    check(&bar(r#"{"id": "free", "reward": "freeshipping", "thresholds": [{"currency": "EUR", "amount": 1}]}"#), "$.shipping_bar.tiers[0].reward", "unknown value", "free_shipping");
    check(&bar(&format!("{TIER}, {TIER}")), "$.shipping_bar.tiers[1].id", "duplicate tier id", "own id");
    check(&bar(r#"{"id": "free", "reward": "gift", "thresholds": [{"currency": "EUR", "amount": 1}, {"currency": "EUR", "amount": 2}]}"#), "$.shipping_bar.tiers[0].thresholds[1]", "second threshold for EUR", "one threshold");
    check(&bar(r#"{"id": "free", "reward": "gift", "thresholds": []}"#), "$.shipping_bar.tiers[0].thresholds", "no thresholds", "one per currency");
    check(r#"{"shipping_bar": {"tiers": [], "suggestions": {"source": {"url": "/p"}, "max": 9}}}"#.replace("[]", &format!("[{TIER}]")).as_str(), "$.shipping_bar.suggestions.max", "out of range", "1 to 6");
    check("{\"currency\": \"EUR\",}", "$", "not valid JSON", "commas");
    check(r#"{"faq": {}}"#, "$.faq.source", "required", "add \"source\"");
    check(r#"{"faq": {"source": {"url": "/api/faq?l={langauge}"}}}"#, "$.faq.source.url", "unknown placeholder {langauge}", "did you mean {language}");
    check(r#"{"faq": {"source": {"url": "/api/faq"}, "contact": "javascript:alert(1)"}}"#, "$.faq.contact", "not a usable link", "mailto:");
    check(r#"{"faq": {"source": {"url": "/api/faq"}, "weights": {"question": 30}}}"#, "$.faq.weights.question", "out of range", "0 to 10");
    check(r#"{"faq": {"source": {"url": "/api/faq", "map": {"entries.title": "/t"}}}}"#, "$.faq.source.map[\"entries.title\"]", "not a FAQ field", "entries.question");
    check(r#"{"faq": {"source": {"url": "/api/faq"}, "synonyms": "retoure"}}"#, "$.faq.synonyms", "found a string", "");
    check(r#"{"social_proof": {"source": {"inline": {"products": {"a": {"purchases": 999}}}}}}"#, "$.social_proof.source.inline", "cannot come from the config", "really recorded");
    check(r#"{"social_proof": {"source": {"url": "/api/social-proof"}}}"#, "$.social_proof.source.url", "no {products} placeholder", "{products}");
    check(r#"{"social_proof": {"source": {"url": "/s?p={products}"}, "max_badges": 9}}"#, "$.social_proof.max_badges", "out of range", "1 to 4");
    check(r#"{"cart": {"url": "/api/cart?lang={lang}"}}"#, "$.cart.url", "unknown placeholder {lang}", "{language}");
    check(r#"{"social_proof": {"source": {"url": "/s?p={products}&w={windw}"}}}"#, "$.social_proof.source.url", "unknown placeholder {windw}", "did you mean {window}");
    check(r#"{"social_proof": {"source": {"url": "/s?p={products}"}, "refresh_seconds": 900, "max_age_minutes": 10}}"#, "$.social_proof.refresh_seconds", "not shorter than max_age_minutes", "refresh more often");
    check(r#"{"social_proof": {"source": {"url": "/s?p={products}"}, "max_age_minutes": 1440}}"#, "$.social_proof.max_age_minutes", "out of range", "1 to 60");
    check(r#"{"social_proof": {"source": {"url": "/s?p={products}"}, "badges": {"purchase": {}}}}"#, "$.social_proof.badges.purchase", "unknown key", "did you mean \"purchases\"");
    check(r#"{"social_proof": {"source": {"url": "/s?p={products}"}, "badges": {"rating": {"threshold": -1}}}}"#, "$.social_proof.badges.rating.threshold", "negative", "0 to 1000000");
}

#[test]
fn several_mistakes_are_all_reported_in_document_order() {
    let text = r#"{
        "currency": "EURO",
        "backend": {"timeout_ms": -5, "retires": 2},
        "shipping_bar": {"tiers": [{"id": "a", "reward": "gift", "thresholds": [{"currency": "XXX", "amount": -1}]}]}
    }"#;
    let paths: Vec<String> = errors(text).into_iter().map(|e| e.0).collect();
    assert_eq!(
        paths,
        [
            "$.currency",
            "$.backend.retires",
            "$.backend.timeout_ms",
            "$.shipping_bar.tiers[0].thresholds[0].currency",
            "$.shipping_bar.tiers[0].thresholds[0].amount",
        ]
    );
}

#[test]
fn a_broken_widget_section_leaves_the_global_config_usable() {
    let loaded = load_str(r#"{"currency": "CHF", "shipping_bar": {"tiers": "lots"}}"#);
    let config = loaded.config.expect("globals are fine");
    assert_eq!(config.currency.code(), "CHF");
    assert!(matches!(config.shipping_bar, schaufenster_config::model::Section::Broken));
    // A semantic error (duplicate id) also breaks only the section.
    let loaded = load_str(&bar(&format!("{TIER}, {TIER}")));
    assert!(matches!(loaded.config.unwrap().shipping_bar, schaufenster_config::model::Section::Broken));
}

#[test]
fn a_broken_social_proof_section_leaves_the_bar_working() {
    let loaded = load_str(&format!(r#"{{"shipping_bar": {{"tiers": [{TIER}]}}, "social_proof": {{"source": {{"inline": {{}}}}}}}}"#));
    let config = loaded.config.expect("globals are fine");
    assert!(config.shipping_bar.get().is_some());
    assert!(matches!(config.social_proof, schaufenster_config::model::Section::Broken));
}

#[test]
fn social_proof_defaults_become_core_rules() {
    use schaufenster_core::social_proof::Kind;
    let loaded = load_str(r#"{"social_proof": {"source": {"url": "/s?p={products}"}, "badges": {"viewers": {"enabled": false}, "purchases": {"threshold": 10, "priority": 0}}}}"#);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let rules = loaded.config.unwrap().social_proof.get().unwrap().rules();
    let get = |k: Kind| rules.rules.iter().find(|r| r.kind == k).copied().unwrap();
    assert_eq!((get(Kind::Purchases).threshold, get(Kind::Purchases).priority), (10, 0));
    assert!(!get(Kind::Viewers).enabled);
    assert_eq!((get(Kind::LowStock).threshold, get(Kind::Rating).threshold), (5, 5));
    assert_eq!((rules.max_per_product, rules.max_age_ms), (2, 600_000));
}

#[test]
fn a_broken_global_setting_disables_everything() {
    let loaded = load_str(&format!(r#"{{"backend": {{"retries": 9}}, "shipping_bar": {{"tiers": [{TIER}]}}}}"#));
    assert!(loaded.config.is_none());
}

#[test]
fn warnings_do_not_break_anything() {
    let loaded = load_str(r#"{"currency": "CHF", "shipping_bar": {"tiers": [{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 5000}]}], "excluded_products": ["a", "a"]}}"#);
    let msgs: Vec<_> = loaded.problems.iter().map(|p| (p.severity, p.path.as_str())).collect();
    assert_eq!(msgs, [(Severity::Warning, "$.shipping_bar.excluded_products[1]"), (Severity::Warning, "$.shipping_bar.tiers[0].thresholds")]);
    assert!(loaded.config.unwrap().shipping_bar.get().is_some());
}

#[test]
fn comments_and_schema_keys_are_allowed() {
    assert!(load_str(r#"{"$schema": "/schema/x.json", "// note": "anything"}"#).problems.is_empty());
}

#[test]
fn hostile_strings_are_quoted_not_interpreted() {
    let errs = errors(r#"{"<img src=x onerror=alert(1)>": 1}"#);
    assert_eq!(errs[0].0, r#"$["<img src=x onerror=alert(1)>"]"#);
}
