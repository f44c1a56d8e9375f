//! Reading carts and product lists of any shape through JSON-pointer maps.
use schaufenster_config::json::{parse, Json};
use schaufenster_config::mapping::{cart_from_json, faq_from_json, products_from_json, read_money, stats_from_json};
use schaufenster_config::model::{MoneyFormat, Source};
use schaufenster_config::types::Pointer;
use schaufenster_core::Currency;

fn source(map: &[(&str, &str)], money: MoneyFormat) -> Source {
    Source { url: None, inline: None, map: map.iter().map(|(k, p)| ((*k).to_owned(), Pointer((*p).to_owned()))).collect(), money, session_currency: false }
}

fn eur() -> Currency {
    Currency::eur()
}

#[test]
fn money_formats() {
    let chf = Currency::parse("CHF").unwrap();
    let jpy = Currency::parse("JPY").unwrap();
    for (json, format, cur, want) in [
        ("4990", MoneyFormat::Minor, eur(), Some(4990)),
        ("\"4990\"", MoneyFormat::Minor, eur(), Some(4990)),
        ("49.9", MoneyFormat::Minor, eur(), None),
        ("49.9", MoneyFormat::Decimal, eur(), Some(4990)),
        ("0.1", MoneyFormat::Decimal, eur(), Some(10)),
        ("\"49.90\"", MoneyFormat::Decimal, chf, Some(4990)),
        ("\"49,90\"", MoneyFormat::Decimal, eur(), Some(4990)),
        ("\"49.999\"", MoneyFormat::Decimal, eur(), None),
        ("1200", MoneyFormat::Decimal, jpy, Some(1200)),
        ("null", MoneyFormat::Minor, eur(), None),
        ("true", MoneyFormat::Decimal, eur(), None),
        ("1e300", MoneyFormat::Decimal, eur(), None),
    ] {
        assert_eq!(read_money(&parse(json).unwrap(), format, cur, None), want, "{json} as {format:?}");
    }
}

#[test]
fn reference_backend_shape_needs_no_map() {
    let data = parse(r#"{"currency": "CHF", "country": "ch", "lines": [{"product_id": "tee", "quantity": 2, "unit_price": 1990, "title": "T-Shirt"}]}"#).unwrap();
    let (cart, problems) = cart_from_json(&data, &source(&[], MoneyFormat::Minor), eur(), Some("DE"));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(cart.currency.code(), "CHF");
    assert_eq!(cart.country.as_deref(), Some("CH"));
    assert_eq!(cart.total(), 3980);
}

#[test]
fn a_shopify_like_cart_maps_through_pointers() {
    // Shape of Shopify's /cart.js: cents as integers, items under "items", product id numeric.
    let data = parse(r#"{"currency": "EUR", "total_discount": 500, "items": [
        {"product_id": 7001, "quantity": 1, "price": 2500, "total_discount": 0},
        {"product_id": 7002, "quantity": 3, "price": 1000, "total_discount": 300}
    ]}"#)
    .unwrap();
    let map = [("lines", "/items"), ("lines.unit_price", "/price"), ("lines.line_discount", "/total_discount"), ("discount", "/total_discount")];
    let (cart, problems) = cart_from_json(&data, &source(&map, MoneyFormat::Minor), eur(), None);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(cart.lines[0].product_id, "7001");
    assert_eq!(cart.lines[1].net(), 2700);
    assert_eq!(cart.cart_discount, 500);
    assert_eq!(cart.total(), 2500 + 2700 - 500);
}

#[test]
fn a_decimal_cart_with_nested_prices_maps() {
    // A WooCommerce-like shape: prices as decimal strings in a nested object.
    let data = parse(r#"{"totals": {"currency_code": "EUR"}, "items": [{"id": "bag", "quantity": 1, "prices": {"price": "59.00"}}]}"#).unwrap();
    let map = [("currency", "/totals/currency_code"), ("lines", "/items"), ("lines.product_id", "/id"), ("lines.unit_price", "/prices/price")];
    let (cart, problems) = cart_from_json(&data, &source(&map, MoneyFormat::Decimal), Currency::parse("CHF").unwrap(), None);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((cart.currency.code(), cart.total()), ("EUR", 5900));
}

#[test]
fn bad_rows_are_reported_by_index_and_field() {
    let data = parse(r#"{"currency": "EURO", "discount": "lots", "lines": [
        {"product_id": "ok", "quantity": 1, "unit_price": 100},
        {"product_id": "neg", "quantity": -1, "unit_price": 100},
        {"quantity": 1, "unit_price": -5},
        "not an object"
    ]}"#)
    .unwrap();
    let (cart, problems) = cart_from_json(&data, &source(&[], MoneyFormat::Minor), eur(), None);
    assert_eq!(cart.lines.len(), 1);
    assert_eq!(
        problems,
        [
            "cart currency at \"/currency\" is \"EURO\", not an ISO 4217 code",
            "cart discount at \"/discount\" is \"lots\", not an amount",
            "cart line 1: missing or invalid quantity",
            "cart line 2: missing or invalid product_id, unit_price",
            "cart line 3: missing or invalid product_id, quantity, unit_price",
        ]
    );
    let (_, problems) = cart_from_json(&parse(r#"{"lines": {"a": 1}}"#).unwrap(), &source(&[], MoneyFormat::Minor), eur(), None);
    assert_eq!(problems, ["cart lines at \"/lines\" are an object, not an array"]);
    let (_, problems) = cart_from_json(&Json::Null, &source(&[], MoneyFormat::Minor), eur(), None);
    assert_eq!(problems, ["no cart lines at \"/lines\""]);
}

#[test]
fn product_lists_keep_good_rows_and_drop_unsafe_urls() {
    let data = parse(r#"{"currency": "EUR", "products": [
        {"id": "a", "title": "A", "price": 990, "url": "/p/a", "image": "javascript:alert(1)"},
        {"id": "b", "title": "B", "price": 1990, "available": false},
        {"id": "c", "price": 100},
        {"id": 42, "title": "<b>Num</b>", "price": 5}
    ]}"#)
    .unwrap();
    let (products, problems) = products_from_json(&data, &source(&[], MoneyFormat::Minor), eur());
    assert_eq!(problems, ["product 2: missing or invalid title"]);
    let ids: Vec<_> = products.iter().map(|p| (p.id.as_str(), p.available)).collect();
    assert_eq!(ids, [("a", true), ("b", false), ("42", true)]);
    assert_eq!(products[0].url.as_deref(), Some("/p/a"));
    assert_eq!(products[0].image, None, "javascript: URLs are never used");
    assert_eq!(products[2].title, "<b>Num</b>", "titles stay text; the widget renders them as text");
    let (none, problems) = products_from_json(&parse("[]").unwrap(), &source(&[], MoneyFormat::Minor), eur());
    assert!(none.is_empty());
    assert_eq!(problems, ["no product list at \"/products\""]);
    // Regression: prices without a currency were taken as the cart's currency (EUR for one
    // cart, CHF for another).
    let (none, problems) = products_from_json(&parse(r#"{"products": [{"id": "x", "title": "X", "price": 2490}]}"#).unwrap(), &source(&[], MoneyFormat::Minor), eur());
    assert!(none.is_empty());
    assert_eq!(problems, ["the product list states no currency at \"/currency\" (found nothing)"]);
}

#[test]
fn stats_of_the_reference_backend_shape() {
    let data = parse(r#"{"generated_at": 1763800000000, "window_minutes": 1440, "products": {
        "bag": {"purchases": 23, "carts": 7, "viewers": 2, "stock": 3, "rating": {"average": 4.66, "count": 128}, "bestseller": {"category": "Rucksäcke", "rank": 1}},
        "tee": {"purchases": 0}
    }}"#)
    .unwrap();
    let (s, problems) = stats_from_json(&data, &source(&[], MoneyFormat::Minor), "bag");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((s.generated_at_ms, s.window_minutes, s.purchases, s.carts, s.viewers, s.stock), (Some(1763800000000), Some(1440), Some(23), Some(7), Some(2), Some(3)));
    assert_eq!(s.rating, Some((4.66, 128)));
    assert_eq!(s.bestseller, Some(("Rucksäcke".to_string(), 1)));
    let (absent, problems) = stats_from_json(&data, &source(&[], MoneyFormat::Minor), "unknown");
    assert!(problems.is_empty());
    assert_eq!((absent.purchases, absent.generated_at_ms), (None, Some(1763800000000)));
}

#[test]
fn stats_as_an_array_with_mapped_fields() {
    let data = parse(r#"{"meta": {"ts": 5}, "items": [{"sku": 42, "sold_24h": 9}, {"sku": "b", "sold_24h": 1}]}"#).unwrap();
    let map = [("generated_at", "/meta/ts"), ("products", "/items"), ("products.id", "/sku"), ("products.purchases", "/sold_24h")];
    let (s, problems) = stats_from_json(&data, &source(&map, MoneyFormat::Minor), "42");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((s.generated_at_ms, s.purchases), (Some(5), Some(9)));
}

#[test]
fn hostile_stats_are_left_out_and_reported() {
    let data = parse(r#"{"generated_at": "yesterday", "window_minutes": 1440.5, "products": {"bag": {
        "purchases": "999", "carts": null, "viewers": 1e300, "stock": -3,
        "rating": {"average": "5", "count": 3}, "bestseller": {"category": "<img src=x onerror=alert(1)>", "rank": 1}
    }}}"#)
    .unwrap();
    let (s, problems) = stats_from_json(&data, &source(&[], MoneyFormat::Minor), "bag");
    assert_eq!((s.generated_at_ms, s.window_minutes, s.purchases, s.carts, s.viewers), (None, None, None, None, None));
    assert_eq!(s.stock, Some(-3), "negative numbers reach the rules, which reject and report them");
    assert_eq!(s.rating, None);
    assert_eq!(s.bestseller, Some(("<img src=x onerror=alert(1)>".to_string(), 1)), "kept as text; the widget renders text only");
    assert_eq!(
        problems,
        [
            "generated_at of \"bag\" is \"yesterday\", not a whole number",
            "window_minutes of \"bag\" is 1440.5, not a whole number",
            "purchases of \"bag\" is \"999\", not a whole number",
            "viewers of \"bag\" is 1e15+, not a whole number",
            "rating of \"bag\" is \"5\", not an average with a count",
        ]
    );
}

#[test]
fn faq_entries_reference_shape_inline_array_and_map() {
    let backend = parse(r#"{"locale": "de", "entries": [{"id": "versand", "category": "Versand", "question": "Was kostet der Versand?", "answer": "<strong>4,95 €</strong>", "tags": ["Porto"], "popularity": 12}]}"#).unwrap();
    let (items, problems) = faq_from_json(&backend, &source(&[], MoneyFormat::Minor));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(items.len(), 1);
    assert_eq!((items[0].id.as_str(), items[0].category.as_deref(), items[0].tags.len(), items[0].popularity), ("versand", Some("Versand"), 1, 12));

    // Inline: the data itself is the list.
    let inline = parse(r#"[{"id": 7, "question": "Q?", "answer": "A.", "lang": "en"}]"#).unwrap();
    let (items, problems) = faq_from_json(&inline, &source(&[], MoneyFormat::Minor));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((items[0].id.as_str(), items[0].lang.as_deref()), ("7", Some("en")));

    // Any other shape through a map (e.g. a help-centre export).
    let other = parse(r#"{"data": {"articles": [{"slug": "returns", "title": "How do I return?", "body": {"html": "<p>30 days</p>"}, "section": "Returns", "labels": ["refund"]}]}}"#).unwrap();
    let map = [("entries", "/data/articles"), ("entries.id", "/slug"), ("entries.question", "/title"), ("entries.answer", "/body/html"), ("entries.category", "/section"), ("entries.tags", "/labels")];
    let (items, problems) = faq_from_json(&other, &source(&map, MoneyFormat::Minor));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((items[0].id.as_str(), items[0].question.as_str(), items[0].answer.as_str(), items[0].category.as_deref(), items[0].tags[0].as_str()), ("returns", "How do I return?", "<p>30 days</p>", Some("Returns"), "refund"));
}

#[test]
fn faq_bad_entries_are_reported_with_index_and_field_and_the_rest_kept() {
    let data = parse(
        r#"{"entries": [
            {"id": "ok-1", "question": "Q1?", "answer": "A1"},
            {"id": "no-question", "answer": "A"},
            {"id": "", "question": "Q?", "answer": "A"},
            {"id": "bad-tags", "question": "Q?", "answer": "A", "tags": "porto"},
            {"id": "bad-pop", "question": "Q?", "answer": "A", "popularity": -3},
            {"id": "ok-1", "question": "Again?", "answer": "A"},
            "not an object",
            {"id": "ok-2", "question": "Q2?", "answer": "A2", "category": null}
        ]}"#,
    )
    .unwrap();
    let (items, problems) = faq_from_json(&data, &source(&[], MoneyFormat::Minor));
    let ids: Vec<&str> = items.iter().map(|e| e.id.as_str()).collect();
    // Entries whose optional fields are wrong are kept without them; missing required fields drop the entry.
    assert_eq!(ids, ["ok-1", "bad-tags", "bad-pop", "ok-2"]);
    let want = [
        "FAQ entry 1: missing or invalid question",
        "FAQ entry 2: missing or invalid id",
        "FAQ entry 3: missing or invalid tags",
        "FAQ entry 4: missing or invalid popularity",
        "FAQ entry 5: id \"ok-1\" is used twice",
        "FAQ entry 6: missing or invalid id, question, answer",
    ];
    assert_eq!(problems.len(), want.len(), "{problems:#?}");
    for (p, w) in problems.iter().zip(want) {
        assert!(p.starts_with(w), "{p} should start with {w}");
    }

    let (items, problems) = faq_from_json(&parse(r#"{"faq": []}"#).unwrap(), &source(&[], MoneyFormat::Minor));
    assert!(items.is_empty());
    assert_eq!(problems, ["no FAQ entry list at \"/entries\" (found nothing)"]);
}

#[test]
fn free_shipping_flag_reads_a_boolean_and_reports_anything_else() {
    let lines = r#""lines": [{"product_id": "tee", "quantity": 1, "unit_price": 1990}]"#;
    let map = [("free_shipping", "/promo/free")];
    // cart fields, map → flag, problems
    for (fields, map, want, problem) in [
        // The reference backend's shape needs no map; missing or null means not granted.
        (r#""shipping": {"free_shipping_granted": true}"#, &[][..], true, None),
        (r#""shipping": {"free_shipping_granted": false}"#, &[], false, None),
        (r#""shipping": {"free_shipping_granted": null}"#, &[], false, None),
        (r#""shipping": {"cost": 0}"#, &[], false, None),
        (r#""currency": "EUR""#, &[], false, None),
        // Mapped elsewhere; the default place is not read then.
        (r#""promo": {"free": true}, "shipping": {"free_shipping_granted": false}"#, &map[..], true, None),
        (r#""shipping": {"free_shipping_granted": true}"#, &map[..], false, None),
        // Anything but a boolean is a mapping problem, and does not grant free shipping.
        (r#""shipping": {"free_shipping_granted": "yes"}"#, &[], false, Some("free-shipping flag at \"/shipping/free_shipping_granted\" is \"yes\", not true or false")),
        (r#""promo": {"free": 1}"#, &map[..], false, Some("free-shipping flag at \"/promo/free\" is 1, not true or false")),
    ] {
        let data = parse(&format!("{{{fields}, {lines}}}")).unwrap();
        let (cart, problems) = cart_from_json(&data, &source(map, MoneyFormat::Minor), eur(), None);
        assert_eq!((cart.free_shipping, problems.first().map(String::as_str), cart.lines.len()), (want, problem, 1), "{fields} with {map:?}");
    }
}
