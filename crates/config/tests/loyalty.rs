//! The `loyalty` section: defaults from `backend.base_url`, every mistake with its JSON path
//! (disabling only `<sf-loyalty>`), and reading the programme and the customer's points.
use schaufenster_config::json::parse;
use schaufenster_config::loyalty::Display;
use schaufenster_config::mapping::{points_from_json, program_from_json};
use schaufenster_config::model::{MoneyFormat, Section, Source};
use schaufenster_config::types::Pointer;
use schaufenster_config::{load_str, Severity};
use schaufenster_core::{Cart, CartLine, Currency};

fn errors(text: &str) -> Vec<(String, String, String)> {
    load_str(text).problems.into_iter().filter(|p| p.severity == Severity::Error).map(|p| (p.path, p.message, p.hint)).collect()
}

#[test]
fn defaults_follow_the_backend_base_url() {
    let loaded = load_str(r#"{"backend": {"base_url": "https://shop.example/api/"}, "loyalty": {}}"#);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let c = loaded.config.unwrap();
    let l = c.loyalty.get().unwrap();
    assert_eq!(l.display, Display::Launcher);
    let base = &c.backend.base_url.0;
    assert_eq!(l.program_source(base).url.unwrap().0, "https://shop.example/api/loyalty/program?locale={language}&currency={currency}");
    assert_eq!(l.me(base), "https://shop.example/api/loyalty/me?locale={language}&currency={currency}");
    assert_eq!(l.redeem(base), "https://shop.example/api/loyalty/redeem");
    assert_eq!(l.join_url, None);
}

#[test]
fn configured_urls_and_display() {
    let c = load_str(r#"{"loyalty": {"program": {"url": "/p?c={currency}", "map": {"rewards": "/catalogue"}}, "me_url": "/me", "redeem_url": "/r", "join_url": "/konto.html", "display": "inline"}}"#);
    assert!(c.problems.is_empty(), "{:#?}", c.problems);
    let c = c.config.unwrap();
    let l = c.loyalty.get().unwrap();
    assert_eq!((l.me("/api"), l.redeem("/api"), l.display), ("/me".to_string(), "/r".to_string(), Display::Inline));
    assert_eq!(l.join_url.as_ref().unwrap().0, "/konto.html");
    assert_eq!(l.program_source("/api").pointer("rewards", schaufenster_config::loyalty::PROGRAM_FIELDS), "/catalogue");
}

/// Each mistake → one error at its path; the other widgets keep working.
#[test]
fn each_mistake_names_its_path_and_disables_only_the_loyalty_widget() {
    for (section, path, message_has, hint_has) in [
        (r#"{"dispaly": "inline"}"#, "$.loyalty.dispaly", "unknown key", "did you mean \"display\""),
        (r#"{"display": "popup"}"#, "$.loyalty.display", "unknown value", "launcher"),
        (r#"{"program": {"inline": {"rates": []}}}"#, "$.loyalty.program.inline", "cannot come from the config", "credits the points"),
        (r#"{"program": {"url": "/p", "map": {"reward": "/r"}}}"#, "$.loyalty.program.map.reward", "not a programme field", "did you mean \"rewards\""),
        (r#"{"program": {"url": "/p?c={curency}"}}"#, "$.loyalty.program.url", "unknown placeholder {curency}", "did you mean {currency}"),
        (r#"{"me_url": "javascript:alert(1)"}"#, "$.loyalty.me_url", "must start with", "https://"),
        (r#"{"redeem_url": "/r?p={products}"}"#, "$.loyalty.redeem_url", "unknown placeholder {products}", "available"),
        (r#"{"join_url": "javascript:alert(1)"}"#, "$.loyalty.join_url", "", ""),
        (r#"[]"#, "$.loyalty", "expected an object", "{ }"),
    ] {
        let text = format!(r#"{{"faq": {{"source": {{"inline": []}}}}, "loyalty": {section}}}"#);
        let errs = errors(&text);
        assert_eq!(errs.len(), 1, "{text}\n→ {errs:#?}");
        let (p, m, h) = &errs[0];
        assert_eq!(p, path, "{text}");
        assert!(m.contains(message_has), "message {m:?} lacks {message_has:?}");
        assert!(h.contains(hint_has), "hint {h:?} lacks {hint_has:?}");
        let c = load_str(&text).config.expect("a broken widget section leaves the config usable");
        assert_eq!(c.loyalty, Section::Broken, "{text}");
        assert!(c.faq.get().is_some(), "the FAQ keeps working");
    }
}

#[test]
fn loyalty_messages_can_be_overridden_with_their_placeholders_only() {
    let ok = load_str(r#"{"messages": {"de": {"loyalty.next": "Nur noch {remaining} bis {tier}!"}}}"#);
    assert!(ok.problems.is_empty(), "{:#?}", ok.problems);
    assert_eq!(ok.config.unwrap().message("loyalty.next"), "Nur noch {remaining} bis {tier}!");
    let errs = errors(r#"{"messages": {"en": {"loyalty.cart": "You earn {count}"}}}"#);
    assert_eq!(errs[0].0, "$.messages.en[\"loyalty.cart\"]");
    assert!(errs[0].2.contains("{points}"), "{errs:?}");
}

const PROGRAM: &str = r#"{
  "rates": [{"currency": "EUR", "points": 1, "per_minor": 100}, {"currency": "CHF", "points": 1, "per_minor": 105}, {"currency": "USD", "points": "1", "per_minor": 100}],
  "excluded_products": ["gutschein-25"],
  "tiers": [{"id": "silber", "name": "Silber", "threshold": 250, "multiplier_percent": 125}, {"id": "gold", "threshold": 1000, "multiplier_percent": 150}, {"name": "kaputt"}],
  "start_bonus": 100, "birthday_bonus": 50, "min_redeem": 100,
  "rewards": [{"id": "versand", "name": "Versand gratis", "cost": 150}, {"id": "frei", "cost": 0}, {"id": "5-euro", "name": "<b>5-€</b>", "cost": 250}]
}"#;

fn url_source(map: &[(&str, &str)]) -> Source {
    Source { url: Some(schaufenster_config::types::Url("/p".into())), inline: None, map: map.iter().map(|(k, p)| ((*k).to_owned(), Pointer((*p).to_owned()))).collect(), money: MoneyFormat::Minor, session_currency: false }
}

#[test]
fn the_programme_is_read_and_bad_rows_are_left_out_and_reported() {
    let (p, problems) = program_from_json(&parse(PROGRAM).unwrap(), &url_source(&[]));
    assert_eq!(problems, ["rate 2: missing or invalid currency, points or per_minor", "tier 2: missing or invalid id, threshold or multiplier_percent", "reward 1: missing or invalid id or cost"]);
    assert_eq!(p.program.rates.len(), 2);
    assert_eq!(p.tier_names, ["Silber", "gold"]);
    assert_eq!(p.reward_names, ["Versand gratis", "<b>5-€</b>"]);
    assert_eq!((p.program.start_bonus, p.program.birthday_bonus, p.program.min_redeem), (100, 50, 100));
    // The same rules as checkout: 49,90 € of goods earn 49 points (rounded down), the gift card
    // nothing; in Silber ×1.25; a currency without a rate earns nothing.
    let cart = |cur: &str| Cart { currency: Currency::parse(cur).unwrap(), country: None, lines: vec![CartLine::new("koffer", 1, 4990), CartLine::new("gutschein-25", 1, 2500)], cart_discount: 0, free_shipping: false };
    assert_eq!(p.program.earn(&cart("EUR"), None).points, 49);
    assert_eq!(p.program.earn(&cart("EUR"), Some(0)).points, 62);
    assert_eq!(p.program.earn(&cart("USD"), None).points, 0);
    assert_eq!(p.program.tier_status(10).remaining, 240);
}

#[test]
fn any_shape_through_the_map() {
    let data = parse(r#"{"programme": {"earn": [{"cur": "EUR", "p": 2, "per": 100}], "catalogue": [{"sku": 7, "title": "Tasche", "price_points": 500}]}}"#).unwrap();
    let src = url_source(&[("rates", "/programme/earn"), ("rates.currency", "/cur"), ("rates.points", "/p"), ("rates.per_minor", "/per"), ("rewards", "/programme/catalogue"), ("rewards.id", "/sku"), ("rewards.name", "/title"), ("rewards.cost", "/price_points")]);
    let (p, problems) = program_from_json(&data, &src);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.program.rewards[0].id, "7");
    assert_eq!((p.reward_names[0].as_str(), p.program.rewards[0].cost), ("Tasche", 500));
    assert_eq!(p.program.rates[0].points, 2);
    let (_, problems) = program_from_json(&parse("{}").unwrap(), &url_source(&[]));
    assert_eq!(problems, ["no rates list at \"/rates\" (found nothing)"]);
}

#[test]
fn points_of_the_customer() {
    let me = parse(r#"{"balance": 350, "tier": {"progress": 260}, "history": [{"kind": "redeem", "delta": -150, "at_ms": 5, "reward_name": "Versand", "code": "AB-12"}, {"kind": "purchase", "delta": 120}, {"delta": 3}]}"#).unwrap();
    let p = points_from_json(&me).unwrap();
    assert_eq!((p.balance, p.progress, p.history.len()), (350, 260, 2));
    assert_eq!(p.history[0].code.as_deref(), Some("AB-12"));
    assert_eq!(p.history[1].reward, None);
    assert_eq!(points_from_json(&parse(r#"{"balance": "350"}"#).unwrap()), None);
}

#[test]
fn the_join_link_may_name_the_page_language() {
    let ok = schaufenster_config::load_str(r#"{"loyalty": {"join_url": "/konto.html?lang={language}"}}"#);
    assert!(ok.problems.is_empty(), "{:?}", ok.problems);
    // A placeholder the widget does not fill would be sent literally: reported at its path.
    let bad = schaufenster_config::load_str(r#"{"loyalty": {"join_url": "/konto.html?lang={lang}"}}"#);
    assert!(bad.problems.iter().any(|p| p.path == "$.loyalty.join_url" && p.message.contains("{lang}")), "{:?}", bad.problems);
}
