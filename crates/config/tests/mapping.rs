//! Reading carts and product lists of any shape through JSON-pointer maps.
use schaufenster_config::json::{parse, Json};
use schaufenster_config::mapping::{cart_from_json, products_from_json, read_money};
use schaufenster_config::model::{MoneyFormat, Source};
use schaufenster_config::types::Pointer;
use schaufenster_core::Currency;

fn source(map: &[(&str, &str)], money: MoneyFormat) -> Source {
    Source { url: None, inline: None, map: map.iter().map(|(k, p)| ((*k).to_owned(), Pointer((*p).to_owned()))).collect(), money }
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
        assert_eq!(read_money(&parse(json).unwrap(), format, cur), want, "{json} as {format:?}");
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
}
