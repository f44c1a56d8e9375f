//! Platform presets: each platform's documented cart response, read through the preset's
//! pointer table, gives the cart the shop shows (fixtures in tests/fixtures/presets/, each
//! citing the documentation page it follows).
use schaufenster_config::json::{parse, Json};
use schaufenster_config::mapping::{cart_from_json, read_money};
use schaufenster_config::model::{MoneyFormat, Source};
use schaufenster_config::preset::Preset;
use schaufenster_config::{load_str, Severity};
use schaufenster_core::{Cart, CartLine, Currency};

const SHOPIFY: &str = include_str!("fixtures/presets/shopify-cart.json");
const SHOPWARE6: &str = include_str!("fixtures/presets/shopware6-cart.json");
const WOOCOMMERCE: &str = include_str!("fixtures/presets/woocommerce-cart.json");

fn cur(code: &str) -> Currency {
    Currency::parse(code).unwrap()
}

fn line(id: &str, quantity: u32, unit_price: i64) -> CartLine {
    CartLine { product_id: id.into(), quantity, unit_price, line_discount: 0 }
}

/// The cart source a config with only `"preset"` (and `currency`) ends up with.
fn preset_source(preset: &str, currency: &str) -> Source {
    let loaded = load_str(&format!(r#"{{"preset": "{preset}", "currency": "{currency}", "backend": {{"headers": {{"sw-access-key": "SWSCTEST"}}}}}}"#));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.config.unwrap().cart.expect("the preset fills in the cart").0
}

/// Sets `value` at `pointer` (which must exist) in a copy of `data`.
fn with(data: &Json, pointer: &str, value: Json) -> Json {
    let mut out = data.clone();
    let mut at = &mut out;
    for token in pointer.trim_start_matches('/').split('/') {
        at = match at {
            Json::Object(m) => &mut m.iter_mut().find(|(k, _)| k == token).unwrap_or_else(|| panic!("no {token} in {pointer}")).1,
            Json::Array(a) => &mut a[token.parse::<usize>().unwrap()],
            _ => panic!("{pointer} does not exist"),
        };
    }
    *at = value;
    out
}

fn num(n: f64) -> Json {
    Json::Number(n)
}

fn text(t: &str) -> Json {
    Json::String(t.into())
}

#[test]
fn each_documented_cart_reads_through_its_preset() {
    let cases: [(&str, &str, &str, Cart); 3] = [
        (
            "shopify",
            "EUR",
            SHOPIFY,
            // final_price is after the line-level "Jackenwoche" discount; the code WILLKOMMEN5
            // is a cart-level application of 5 €.
            Cart { currency: cur("EUR"), country: None, lines: vec![line("8123456789012", 2, 2490), line("8123456789099", 1, 5900)], cart_discount: 500, free_shipping: false },
        ),
        (
            "shopware6",
            "EUR",
            SHOPWARE6,
            // The promotion line item (-10 €) is a cart discount, not a product.
            Cart {
                currency: cur("EUR"),
                country: None,
                lines: vec![line("0191c3f3a6c87e2e9b1b4b2c5d6e7f80", 1, 8995), line("0191c3f3a6c87e2e9b1b4b2c5d6e7f99", 3, 490)],
                cart_discount: 1000,
                free_shipping: false,
            },
        ),
        (
            "woocommerce",
            "CHF",
            WOOCOMMERCE,
            // The cart states EUR (the config's CHF is only the fallback).
            Cart { currency: cur("EUR"), country: None, lines: vec![line("38", 2, 1800), line("22", 1, 5500)], cart_discount: 910, free_shipping: false },
        ),
    ];
    for (preset, currency, fixture, want) in cases {
        let data = parse(fixture).unwrap();
        assert!(data.get("//source").and_then(Json::as_str).is_some_and(|s| s.starts_with("https://")), "{preset}: the fixture cites its source");
        let (cart, problems) = cart_from_json(&data, &preset_source(preset, currency), cur(currency), None);
        assert!(problems.is_empty(), "{preset}: {problems:?}");
        assert_eq!(cart, want, "{preset}");
    }
    // The totals the platforms themselves state.
    for (preset, fixture, total) in [("shopify", SHOPIFY, "/total_price"), ("woocommerce", WOOCOMMERCE, "/totals/total_price")] {
        let data = parse(fixture).unwrap();
        let stated = data.pointer(total).unwrap();
        let stated = stated.as_i64().or_else(|| stated.as_str().and_then(|s| s.parse().ok())).unwrap();
        let (cart, _) = cart_from_json(&data, &preset_source(preset, "EUR"), cur("EUR"), None);
        assert_eq!(cart.total(), stated, "{preset}");
    }
    let (cart, _) = cart_from_json(&parse(SHOPWARE6).unwrap(), &preset_source("shopware6", "EUR"), cur("EUR"), None);
    assert_eq!(cart.total(), 9465, "Shopware's price.totalPrice 94.65");
}

#[test]
fn currencies_with_other_decimals() {
    let shopify = parse(SHOPIFY).unwrap();
    let shopware = parse(SHOPWARE6).unwrap();
    let woo = parse(WOOCOMMERCE).unwrap();
    // (preset, config currency, response, unit price of the first line, cart discount)
    let cases: Vec<(&str, &str, Json, Option<i64>, i64)> = vec![
        // Shopify writes hundredths for every currency: ¥1,500 is 150000, 12.500 KWD is 1250.
        ("shopify", "EUR", with(&with(&shopify, "/currency", text("JPY")), "/items/0/final_price", num(150000.0)), Some(1500), 5),
        ("shopify", "EUR", with(&with(&shopify, "/currency", text("KWD")), "/items/0/final_price", num(1250.0)), Some(12500), 5000),
        // Half a yen cannot be charged: reported, not rounded.
        ("shopify", "EUR", with(&with(&shopify, "/currency", text("JPY")), "/items/0/final_price", num(150050.0)), None, 5),
        // Shopware: decimal numbers in the sales channel's currency (the config's).
        ("shopware6", "JPY", with(&shopware, "/lineItems/0/price/unitPrice", num(1500.0)), Some(1500), 10),
        ("shopware6", "KWD", with(&shopware, "/lineItems/0/price/unitPrice", num(12.345)), Some(12345), 10000),
        // WooCommerce: the stated minor unit, whatever ISO 4217 says.
        ("woocommerce", "EUR", with(&with(&with(&woo, "/totals/currency_code", text("JPY")), "/totals/currency_minor_unit", num(0.0)), "/items/0/prices/price", text("1500")), Some(1500), 910),
        ("woocommerce", "EUR", with(&with(&with(&woo, "/totals/currency_code", text("JPY")), "/totals/total_discount", text("900")), "/items/0/prices/price", text("150000")), Some(1500), 9),
        ("woocommerce", "EUR", with(&with(&with(&woo, "/totals/currency_code", text("KWD")), "/totals/currency_minor_unit", num(3.0)), "/items/0/prices/price", text("12345")), Some(12345), 910),
        ("woocommerce", "EUR", with(&with(&woo, "/totals/currency_code", text("KWD")), "/items/0/prices/price", text("1234")), Some(12340), 9100),
    ];
    for (i, (preset, currency, data, unit, discount)) in cases.into_iter().enumerate() {
        let (cart, problems) = cart_from_json(&data, &preset_source(preset, currency), cur(currency), None);
        match unit {
            Some(u) => {
                assert!(problems.is_empty(), "case {i} ({preset}): {problems:?}");
                assert_eq!((cart.lines[0].unit_price, cart.cart_discount), (u, discount), "case {i} ({preset})");
            }
            None => assert_eq!(problems, ["cart line 0: missing or invalid unit_price"], "case {i} ({preset})"),
        }
    }
}

#[test]
fn a_malformed_price_is_reported_not_misread() {
    let cases = [
        // A formatted price instead of cents.
        ("shopify", with(&parse(SHOPIFY).unwrap(), "/items/1/final_price", text("59,00 €")), "cart line 1: missing or invalid unit_price"),
        // A price as text where Shopware writes a number is still read exactly; garbage is not.
        ("shopware6", with(&parse(SHOPWARE6).unwrap(), "/lineItems/1/price/unitPrice", text("4.9O")), "cart line 1: missing or invalid unit_price"),
        // A decimal string where WooCommerce writes minor units.
        ("woocommerce", with(&parse(WOOCOMMERCE).unwrap(), "/items/0/prices/price", text("18.00")), "cart line 0: missing or invalid unit_price"),
        ("woocommerce", with(&parse(WOOCOMMERCE).unwrap(), "/totals/currency_minor_unit", text("2")), "the number of decimals at \"/totals/currency_minor_unit\" is \"2\", not 0 to 18"),
        ("shopify", with(&parse(SHOPIFY).unwrap(), "/cart_level_discount_applications/0/total_allocated_amount", text("fünf")), "cart discount at \"/cart_level_discount_applications/0/total_allocated_amount\" is \"fünf\", not an amount"),
    ];
    for (preset, data, want) in cases {
        let (_, problems) = cart_from_json(&data, &preset_source(preset, "EUR"), cur("EUR"), None);
        assert_eq!(problems.first().map(String::as_str), Some(want), "{preset}: {problems:?}");
    }
}

#[test]
fn stated_minor_units_are_exact() {
    let eur = cur("EUR");
    let jpy = cur("JPY");
    let kwd = cur("KWD");
    for (v, stated, currency, want) in [
        (text("1999"), Some(2), eur, Some(1999)),
        (text("5"), Some(2), eur, Some(5)),
        (text("-250"), Some(2), eur, Some(-250)),
        (num(1999.0), Some(2), eur, Some(1999)),
        (text("1999"), Some(3), eur, None),
        (text("19990"), Some(3), eur, Some(1999)),
        (text("150000"), Some(2), jpy, Some(1500)),
        (text("150050"), Some(2), jpy, None),
        (text("1500"), Some(0), kwd, Some(1500000)),
        (text("19.99"), Some(2), eur, None),
        (text("1999"), None, eur, None),
        (num(19.99), Some(2), eur, None),
    ] {
        assert_eq!(read_money(&v, MoneyFormat::StatedMinor, currency, stated), want, "{v:?} with {stated:?} decimals in {}", currency.code());
    }
    for (v, currency, want) in [(num(1990.0), eur, Some(1990)), (num(150000.0), jpy, Some(1500)), (num(1250.0), kwd, Some(12500)), (text("4990"), eur, Some(4990)), (num(150001.0), jpy, None)] {
        assert_eq!(read_money(&v, MoneyFormat::Cents, currency, None), want, "{v:?} cents in {}", currency.code());
    }
}

#[test]
fn explicit_cart_wins_and_base_url_is_honoured() {
    let loaded = load_str(r#"{"preset": "shopify", "cart": {"url": "/api/cart"}}"#);
    let cart = loaded.config.unwrap().cart.unwrap().0;
    assert_eq!((cart.url.unwrap().0.as_str(), cart.map.len(), cart.money), ("/api/cart", 0, MoneyFormat::Minor));
    for (preset, base, want) in [
        (Preset::Shopify, "/api", "/cart.js"),
        (Preset::Shopware6, "https://shop.example/", "https://shop.example/store-api/checkout/cart"),
        (Preset::Woocommerce, "https://example.org/shop", "https://example.org/shop/wp-json/wc/store/v1/cart"),
    ] {
        assert_eq!(preset.cart_source(base).url.unwrap().0, want);
    }
    let loaded = load_str(r#"{"preset": "shopware6", "backend": {"base_url": "https://shop.example"}}"#);
    assert!(loaded.config.is_some(), "a missing access key is a warning");
    let p: Vec<_> = loaded.problems.iter().map(|p| (p.path.as_str(), p.severity)).collect();
    assert_eq!(p, [("$.backend.headers", Severity::Warning)]);
}

#[test]
fn unknown_preset_is_reported_with_a_suggestion() {
    let loaded = load_str(r#"{"preset": "shopware"}"#);
    assert!(loaded.config.is_none());
    let p = &loaded.problems[0];
    assert_eq!((p.path.as_str(), p.message.as_str()), ("$.preset", "unknown value \"shopware\""));
    assert!(p.hint.starts_with("did you mean \"shopware6\"?"), "{}", p.hint);
}

const SHOPIFY_RECOMMENDATIONS: &str = include_str!("fixtures/presets/shopify-recommendations.json");
const SHOPWARE6_PRODUCTS: &str = include_str!("fixtures/presets/shopware6-products.json");
const WOOCOMMERCE_PRODUCTS: &str = include_str!("fixtures/presets/woocommerce-products.json");

/// A preset config with a bar whose suggestions name no source, and an advisor whose catalogue
/// names none (left out for Shopify, whose Ajax API has no product list).
fn preset_config(preset: &str, extra: &str) -> schaufenster_config::Loaded {
    load_str(&format!(
        r#"{{"preset": "{preset}", "currency": "EUR", "backend": {{"headers": {{"sw-access-key": "SWSCTEST"}}}},
            "shipping_bar": {{"tiers": [{{"id": "free", "reward": "free_shipping", "thresholds": [{{"currency": "EUR", "amount": 15000}}]}}], "suggestions": {{}}}}{extra}}}"#
    ))
}

fn suggestions_source(preset: &str) -> Source {
    let loaded = preset_config(preset, "");
    assert!(loaded.problems.is_empty(), "{preset}: {:?}", loaded.problems);
    let config = loaded.config.unwrap();
    config.shipping_bar.get().unwrap().suggestions.as_ref().unwrap().source.0.clone()
}

#[test]
fn each_documented_product_list_reads_through_its_preset() {
    use schaufenster_config::mapping::{products_from_json, Product};
    let p = |id: &str, title: &str, price: i64, url: Option<&str>, image: Option<&str>, available: bool| Product {
        id: id.into(),
        title: title.into(),
        price,
        currency: cur("EUR"),
        url: url.map(Into::into),
        image: image.map(Into::into),
        available,
    };
    let cases: [(&str, &str, &str, Vec<Product>); 3] = [
        (
            "shopify",
            SHOPIFY_RECOMMENDATIONS,
            "/recommendations/products.json?product_id={product}&limit=10",
            vec![
                p("8123456789150", "Packwürfel-Set, 4-teilig", 4900, Some("/products/packwuerfel-set?pr_prod_strat=e5_desc&pr_rec_id=4f1c2a&pr_rec_pid=8123456789150&pr_ref_pid=8123456789012&pr_seq=uniform"), Some("https://cdn.shopify.com/s/files/1/0712/3456/7890/files/packwuerfel.jpg?v=1709370761"), true),
                p("8123456789151", "Handgepäck-Trolley Lissabon", 12900, Some("/products/trolley-lissabon?pr_prod_strat=e5_desc&pr_rec_id=4f1c2a&pr_rec_pid=8123456789151&pr_ref_pid=8123456789012&pr_seq=uniform"), Some("https://cdn.shopify.com/s/files/1/0712/3456/7890/files/lissabon.jpg?v=1709370790"), true),
                p("8123456789152", "Reise-Waschbeutel", 5500, Some("/products/reise-waschbeutel?pr_prod_strat=e5_desc&pr_rec_id=4f1c2a&pr_rec_pid=8123456789152&pr_ref_pid=8123456789012&pr_seq=uniform"), None, false),
                p("8123456789153", "Kofferwaage digital", 2990, Some("/products/kofferwaage?pr_prod_strat=e5_desc&pr_rec_id=4f1c2a&pr_rec_pid=8123456789153&pr_ref_pid=8123456789012&pr_seq=uniform"), Some("https://cdn.shopify.com/s/files/1/0712/3456/7890/files/kofferwaage.jpg?v=1709370805"), true),
            ],
        ),
        (
            "shopware6",
            SHOPWARE6_PRODUCTS,
            "/store-api/product?limit=100",
            vec![
                p("0191c3f3a6c87e2e9b1b4b2c5d6e7f80", "Weekender Classic, Cognac", 8995, None, Some("https://shop.example/media/a1/b2/c3/weekender-classic.jpg"), true),
                // No stock left, but no closeout either: Shopware still sells it ("available").
                p("0191c3f3a6c87e2e9b1b4b2c5d6e7fa1", "Kulturtasche Organizer", 2495, None, None, true),
                // "name" is null (inherited); the translated name is the one shown.
                p("0191c3f3a6c87e2e9b1b4b2c5d6e7fa2", "Rucksack Fjell 20 l", 5990, None, Some("https://shop.example/media/d4/e5/f6/rucksack-fjell.jpg"), true),
                p("0191c3f3a6c87e2e9b1b4b2c5d6e7fa3", "Trolley Bergen M", 7900, None, None, false),
            ],
        ),
        (
            "woocommerce",
            WOOCOMMERCE_PRODUCTS,
            "/wp-json/wc/store/v1/products?per_page=100",
            vec![
                p("41", "Reisehandtuch Mikrofaser", 3900, Some("https://shop.example/produkt/reisehandtuch/"), Some("https://shop.example/wp-content/uploads/2026/03/reisehandtuch.jpg"), true),
                p("38", "Reisekissen Wolke", 1800, Some("https://shop.example/produkt/reisekissen-wolke/"), Some("https://shop.example/wp-content/uploads/2026/03/reisekissen-wolke.jpg"), true),
                p("44", "Kabinentrolley Fjord", 9900, Some("https://shop.example/produkt/kabinentrolley-fjord/"), Some("https://shop.example/wp-content/uploads/2026/03/kabinentrolley-fjord.jpg"), true),
                p("45", "Hängewaage für Gepäck", 6900, Some("https://shop.example/produkt/haengewaage/"), None, false),
                p("46", "Kompressions-Packsack-Set", 7500, Some("https://shop.example/produkt/packsack-set/"), Some("https://shop.example/wp-content/uploads/2026/03/packsack-set.jpg"), true),
            ],
        ),
    ];
    for (preset, fixture, url, want) in cases {
        let data = parse(fixture).unwrap();
        let cited = data.get("//source").or_else(|| data.pointer("/0/~1~1source")).and_then(Json::as_str);
        assert!(cited.is_some_and(|s| s.starts_with("https://")), "{preset}: the fixture cites its source");
        let source = suggestions_source(preset);
        assert_eq!(source.url.as_ref().unwrap().0, url, "{preset}");
        // The session (cart) currency is EUR; Shopify and Shopware state none, WooCommerce EUR.
        let (products, problems) = products_from_json(&data, &source, cur("EUR"));
        assert!(problems.is_empty(), "{preset}: {problems:?}");
        assert_eq!(products, want, "{preset}");
    }
}

#[test]
fn product_prices_follow_the_session_currency_or_the_stated_one() {
    use schaufenster_config::mapping::products_from_json;
    let price = |preset: &str, data: &Json, session: &str| {
        let (products, problems) = products_from_json(data, &suggestions_source(preset), cur(session));
        (products.first().map(|p| (p.price, p.currency.code().to_owned())), problems)
    };
    let shopify = parse(SHOPIFY_RECOMMENDATIONS).unwrap();
    let woo = parse(WOOCOMMERCE_PRODUCTS).unwrap();
    let shopware = parse(SHOPWARE6_PRODUCTS).unwrap();
    // Shopify answers in the session's currency, in hundredths whatever its decimals: in a yen
    // session 150000 is ¥1,500; half a yen is refused, not rounded.
    // (The fixture's 2990 for the last product would be ¥29.90: refused too.)
    let last = "product 3: missing or invalid price".to_owned();
    assert_eq!(price("shopify", &with(&shopify, "/products/0/price", num(150000.0)), "JPY"), (Some((1500, "JPY".into())), vec![last.clone()]));
    let (first, problems) = price("shopify", &with(&shopify, "/products/0/price", num(150050.0)), "JPY");
    assert_eq!((first, problems), (Some((129, "JPY".into())), vec!["product 0: missing or invalid price".to_owned(), last]));
    // Shopware: decimals in the context's currency.
    assert_eq!(price("shopware6", &with(&shopware, "/elements/0/calculatedPrice/unitPrice", num(12.345)), "KWD"), (Some((12345, "KWD".into())), vec![]));
    // WooCommerce states the store's currency: a CHF session does not turn euros into francs.
    assert_eq!(price("woocommerce", &woo, "CHF"), (Some((3900, "EUR".into())), vec![]));
    let yen = with(&with(&with(&woo, "/0/prices/currency_code", text("JPY")), "/0/prices/currency_minor_unit", num(0.0)), "/0/prices/price", text("4500"));
    assert_eq!(price("woocommerce", &yen, "EUR").0, Some((4500, "JPY".into())));
    let (none, problems) = price("woocommerce", &with(&woo, "/0/prices/currency_code", Json::Null), "EUR");
    assert_eq!((none, problems), (None, vec!["the product list states no currency at \"/0/prices/currency_code\" (found null)".to_owned()]));
    // An empty list needs no currency and is no problem.
    assert_eq!(price("woocommerce", &parse("[]").unwrap(), "EUR"), (None, vec![]));
}

#[test]
fn product_sources_without_url_come_from_the_preset_or_are_reported() {
    // Shopware and WooCommerce fill in the advisor's catalogue too.
    let advisor = r#", "advisor": {"catalogue": {"attributes": {"volume_l": {"type": "number"}}, "source": {"map": {"items.stock": "/own/stock", "items.title": "/own/title"}}}, "questions": [{"id": "size", "text": "Wie groß?", "type": "single", "options": [{"id": "s", "label": "klein", "effects": [{"attribute": "volume_l", "op": "<=", "value": 40}]}]}]}"#;
    for (preset, url, image) in [("shopware6", "https://shop.example/store-api/product?limit=100", "/cover/media/url"), ("woocommerce", "https://shop.example/wp-json/wc/store/v1/products?per_page=100", "/images/0/src")] {
        let loaded = load_str(&format!(r#"{{"preset": "{preset}", "backend": {{"base_url": "https://shop.example", "headers": {{"sw-access-key": "K"}}}}{advisor}}}"#));
        assert!(loaded.problems.is_empty(), "{preset}: {:?}", loaded.problems);
        let config = loaded.config.unwrap();
        let source = &config.advisor.get().unwrap().catalogue.source.0;
        assert_eq!(source.url.as_ref().unwrap().0, url, "{preset}");
        // The config's own pointers replace the preset's (WooCommerce maps the title too); the
        // others stay the preset's.
        let f = schaufenster_config::model::PRODUCT_FIELDS;
        assert_eq!((source.pointer("items.stock", f), source.pointer("items.title", f), source.pointer("items.image", f)), ("/own/stock", "/own/title", image), "{preset}");
    }
    // Shopify's Ajax API has no product list: the advisor needs a url, and says so at the path.
    let loaded = load_str(&format!(r#"{{"preset": "shopify"{advisor}}}"#));
    let config = loaded.config.expect("only the advisor is broken");
    assert!(matches!(config.advisor, schaufenster_config::model::Section::Broken));
    let p: Vec<_> = loaded.problems.iter().map(|p| (p.path.as_str(), p.message.as_str())).collect();
    assert_eq!(p, [("$.advisor.catalogue.source", "neither \"url\" nor \"inline\" is set")]);
    assert_eq!(loaded.problems[0].hint, "the platform's storefront API has no product list: add \"url\" or \"inline\"");
    // Without a preset an empty product source is the same error, and the other widgets work.
    let loaded = load_str(r#"{"shipping_bar": {"tiers": [{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 15000}]}], "suggestions": {}}}"#);
    let p: Vec<_> = loaded.problems.iter().map(|p| (p.path.as_str(), p.message.as_str())).collect();
    assert_eq!(p, [("$.shipping_bar.suggestions.source", "neither \"url\" nor \"inline\" is set")]);
    assert_eq!(loaded.problems[0].hint, "add \"url\" or \"inline\", or name the shop's platform in \"preset\"");
    assert!(matches!(loaded.config.unwrap().shipping_bar, schaufenster_config::model::Section::Broken));
    // How money is written belongs to a url or inline source; the preset reads its own endpoint.
    for extra in [r#""money": "decimal""#, r#""session_currency": true"#] {
        let loaded = load_str(&format!(r#"{{"preset": "woocommerce", "shipping_bar": {{"tiers": [{{"id": "free", "reward": "free_shipping", "thresholds": [{{"currency": "EUR", "amount": 15000}}]}}], "suggestions": {{"source": {{{extra}}}}}}}}}"#));
        let p: Vec<_> = loaded.problems.iter().map(|p| (p.path.as_str(), p.message.as_str())).collect();
        assert_eq!(p, [("$.shipping_bar.suggestions.source", "\"money\" and \"session_currency\" need a \"url\" or \"inline\"")], "{extra}");
    }
    // session_currency is a product-source key: a cart states or defaults its currency.
    let loaded = load_str(r#"{"cart": {"url": "/api/cart", "session_currency": true}}"#);
    assert_eq!(loaded.problems.iter().map(|p| (p.path.as_str(), p.message.as_str())).collect::<Vec<_>>(), [("$.cart.session_currency", "unknown key \"session_currency\"")]);
    // …and a source of its own may set it.
    let own = load_str(r#"{"shipping_bar": {"tiers": [{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 15000}]}], "suggestions": {"source": {"url": "/p", "money": "cents", "session_currency": true}}}}"#);
    assert!(own.problems.is_empty(), "{:?}", own.problems);
    let src = own.config.unwrap().shipping_bar.get().unwrap().suggestions.as_ref().unwrap().source.0.clone();
    assert_eq!((src.money, src.session_currency), (MoneyFormat::Cents, true));
    // A source of its own is used as written, preset or not.
    let loaded = preset_config("shopify", "").config.unwrap();
    assert!(loaded.shipping_bar.get().unwrap().suggestions.as_ref().unwrap().source.0.session_currency);
    let own = load_str(r#"{"preset": "shopify", "shipping_bar": {"tiers": [{"id": "free", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 15000}]}], "suggestions": {"source": {"url": "/api/products?for={product}"}}}}"#);
    assert!(own.problems.is_empty(), "{:?}", own.problems);
    let source = own.config.unwrap().shipping_bar.get().unwrap().suggestions.as_ref().unwrap().source.0.clone();
    assert_eq!((source.url.unwrap().0.as_str(), source.map.len(), source.money, source.session_currency), ("/api/products?for={product}", 0, MoneyFormat::Minor, false));
    // {product} is a suggestions placeholder only.
    let loaded = load_str(r#"{"advisor": {"catalogue": {"attributes": {}, "source": {"url": "/api/products?for={product}"}}, "questions": [{"id": "q", "text": "Q?", "type": "yes_no"}]}}"#);
    assert!(loaded.problems.iter().any(|p| p.path == "$.advisor.catalogue.source.url" && p.message.contains("{product}")), "{:?}", loaded.problems);
}

#[test]
fn the_advisor_refuses_a_catalogue_in_another_currency_than_the_cart() {
    use schaufenster_config::mapping::catalogue_from_json;
    let loaded = load_str(r#"{"preset": "woocommerce", "advisor": {"catalogue": {"attributes": {}}, "questions": [{"id": "q", "text": "Q?", "type": "single", "options": [{"id": "a", "label": "A", "effects": [{"attribute": "price", "op": "<=", "value": 8000}]}]}]}}"#);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let config = loaded.config.unwrap();
    let advisor = config.advisor.get().unwrap();
    let data = parse(WOOCOMMERCE_PRODUCTS).unwrap();
    let (cat, products, problems) = catalogue_from_json(&data, advisor, cur("EUR"));
    assert_eq!((cat.products.len(), products.len(), problems.len()), (5, 5, 0));
    // The shop switched to francs, the store answers in euros: no budget may compare them.
    let (cat, products, problems) = catalogue_from_json(&data, advisor, cur("CHF"));
    assert_eq!((cat.products.len(), products.len()), (0, 0));
    assert_eq!(problems, ["the catalogue is in EUR, the cart in CHF: its prices cannot be compared with the cart's"]);
}

#[test]
fn a_product_list_without_its_stated_decimals_is_one_problem() {
    use schaufenster_config::mapping::products_from_json;
    let woo = parse(WOOCOMMERCE_PRODUCTS).unwrap();
    let (products, problems) = products_from_json(&with(&woo, "/0/prices/currency_minor_unit", Json::Null), &suggestions_source("woocommerce"), cur("EUR"));
    assert_eq!((products.len(), problems), (0, vec!["the number of decimals at \"/0/prices/currency_minor_unit\" is null, not 0 to 18".to_owned()]));
}
