//! The JSON API over real HTTP: products, cart, shipping, checkout, visitors, validation.

mod common;

use common::*;
use schaufenster_core::shipping::evaluate;
use schaufenster_core::{Cart, CartLine, Currency};
use serde_json::{json, Value};

type Lines = Vec<(&'static str, u32)>;

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

#[test]
fn health_headers_and_visitor_cookie() {
    let c = Client::new(&server());
    let r = c.get("/api/health");
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), json!({"ok": true}));
    assert_eq!(r.header("content-security-policy"), Some(CSP));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let cookie = r.header("set-cookie").expect("visitor cookie set");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");
    let id = c.cookie.borrow().clone().unwrap();
    assert_eq!(id.len(), 32);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    // A request that carries the cookie gets none back.
    assert_eq!(c.get("/api/health").header("set-cookie"), None);
    // Unknown API path: JSON 404.
    let r = c.get("/api/nope");
    assert_eq!((r.status, r.error_code().as_str()), (404, "no_route"));
}

#[test]
fn products_per_currency_and_locale() {
    let c = Client::new(&server());
    // (query, currency, title of daypack, price of daypack, first product title)
    let rows = [
        ("", "EUR", "Daypack 20 l", 5900, "Handgepäck-Trolley 55 cm"),
        ("?currency=EUR&locale=de", "EUR", "Daypack 20 l", 5900, "Handgepäck-Trolley 55 cm"),
        ("?currency=CHF&locale=de", "CHF", "Daypack 20 l", 6190, "Handgepäck-Trolley 55 cm"),
        ("?currency=chf&locale=en", "CHF", "Daypack 20 l", 6190, "Cabin trolley 55 cm"),
        ("?locale=en-GB", "EUR", "Daypack 20 l", 5900, "Cabin trolley 55 cm"),
    ];
    for (q, cur, daypack_title, daypack_price, first) in rows {
        let v = c.get_ok(&format!("/api/products{q}"));
        assert_eq!(v["currency"], cur, "{q}");
        let list = v["products"].as_array().unwrap();
        // The shop's first 15 products, then the 43 pieces of luggage added for the advisor.
        assert_eq!(list.len(), 58, "{q}");
        assert_eq!(list[0]["title"], first, "{q}");
        let d = list.iter().find(|p| p["id"] == "daypack").unwrap();
        assert_eq!((d["title"].as_str().unwrap(), d["price"].as_i64().unwrap()), (daypack_title, daypack_price), "{q}");
        assert_eq!(d["url"], "/#product-daypack");
        assert_eq!(d["image"], "/img/daypack.svg");
        // Available exactly when it can be bought: in stock (the withdrawn product has none).
        for p in list {
            assert_eq!(p["available"].as_bool().unwrap(), p["stock"].as_i64().unwrap() > 0, "{}", p["id"]);
        }
        assert!(list.iter().filter(|p| p["available"] == false).count() > 1);
        for p in list {
            let img = repo_root().join("www").join(p["image"].as_str().unwrap().trim_start_matches('/'));
            assert!(img.exists(), "missing image {}", img.display());
        }
    }
    let eur = c.get_ok("/api/products?currency=EUR&locale=de");
    let price = |id: &str| eur["products"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["price"].as_i64().unwrap();
    for (id, cents) in [("gepaeckanhaenger", 790), ("reisesocken", 990), ("steckdosenadapter", 1490), ("nackenkissen", 1990), ("packwuerfel-set", 2490), ("kulturbeutel", 2990), ("handgepaeck-trolley", 12900), ("gutschein-25", 2500), ("gutschein-50", 5000)] {
        assert_eq!(price(id), cents, "{id}");
    }
    for (q, code) in [("?currency=USD", "unsupported_currency"), ("?currency=euro", "unsupported_currency"), ("?locale=fr", "unsupported_locale")] {
        let r = c.get(&format!("/api/products{q}"));
        assert_eq!((r.status, r.error_code().as_str()), (400, code), "{q}");
        assert!(r.json()["error"]["message"].as_str().unwrap().len() > 5);
    }
}

fn line_qty(cart: &Value, id: &str) -> Option<i64> {
    cart["lines"].as_array().unwrap().iter().find(|l| l["product_id"] == id).map(|l| l["quantity"].as_i64().unwrap())
}

#[test]
fn add_set_remove_lines() {
    let c = Client::new(&server());
    let empty = c.get_ok("/api/cart");
    assert_eq!((empty["currency"].as_str(), empty["country"].as_str()), (Some("EUR"), Some("DE")));
    assert_eq!((empty["item_count"].as_i64(), empty["subtotal"].as_i64(), empty["total"].as_i64()), (Some(0), Some(0), Some(0)));
    assert_eq!(empty["shipping"]["cost"], 0);

    let cart = c.ok("POST", "/api/cart/lines", json!({"product_id": "reisesocken", "quantity": 2}));
    assert_eq!(line_qty(&cart, "reisesocken"), Some(2));
    let cart = c.ok("POST", "/api/cart/lines?locale=en", json!({"product_id": "reisesocken", "quantity": 1}));
    assert_eq!(line_qty(&cart, "reisesocken"), Some(3));
    let line = &cart["lines"][0];
    assert_eq!(line["title"], "Travel socks");
    assert_eq!((line["unit_price"].as_i64(), line["line_total"].as_i64()), (Some(990), Some(2970)));
    assert_eq!(line["image"], "/img/reisesocken.svg");
    assert_eq!((cart["item_count"].as_i64(), cart["subtotal"].as_i64(), cart["discount"].as_i64()), (Some(3), Some(2970), Some(0)));
    assert_eq!(cart["shipping"]["cost"], 495);
    assert_eq!(cart["total"], 2970 + 495);

    let cart = c.ok("PUT", "/api/cart/lines/reisesocken", json!({"quantity": 5}));
    assert_eq!(line_qty(&cart, "reisesocken"), Some(5));
    let cart = c.ok("PUT", "/api/cart/lines/nackenkissen", json!({"quantity": 1}));
    assert_eq!(line_qty(&cart, "nackenkissen"), Some(1));
    let cart = c.ok("PUT", "/api/cart/lines/reisesocken", json!({"quantity": 0}));
    assert_eq!(line_qty(&cart, "reisesocken"), None);
    let r = c.send("DELETE", "/api/cart/lines/nackenkissen", None);
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["lines"], json!([]));
    // Deleting an absent line of a known product is a no-op.
    assert_eq!(c.send("DELETE", "/api/cart/lines/nackenkissen", None).status, 200);

    // Validation: (method, path, body, status, code)
    let rows: Vec<(&str, &str, Option<Value>, u16, &str)> = vec![
        ("POST", "/api/cart/lines", Some(json!({"product_id": "daypack", "quantity": 0})), 400, "invalid_quantity"),
        ("POST", "/api/cart/lines", Some(json!({"product_id": "daypack", "quantity": -1})), 400, "invalid_quantity"),
        ("POST", "/api/cart/lines", Some(json!({"product_id": "daypack", "quantity": 100})), 400, "invalid_quantity"),
        ("POST", "/api/cart/lines", Some(json!({"product_id": "gibt-es-nicht", "quantity": 1})), 404, "unknown_product"),
        ("POST", "/api/cart/lines", Some(json!({"product_id": "weekender", "quantity": 1})), 409, "unavailable"),
        ("POST", "/api/cart/lines", Some(json!({"quantity": 1})), 422, "invalid_body"),
        ("POST", "/api/cart/lines", Some(json!({"product_id": "daypack", "quantity": "2"})), 422, "invalid_body"),
        ("POST", "/api/cart/lines", None, 415, "invalid_body"),
        ("PUT", "/api/cart/lines/gibt-es-nicht", Some(json!({"quantity": 1})), 404, "unknown_product"),
        ("PUT", "/api/cart/lines/gibt-es-nicht", Some(json!({"quantity": 0})), 404, "unknown_product"),
        ("PUT", "/api/cart/lines/weekender", Some(json!({"quantity": 1})), 409, "unavailable"),
        ("PUT", "/api/cart/lines/daypack", Some(json!({"quantity": 100})), 400, "invalid_quantity"),
        ("DELETE", "/api/cart/lines/gibt-es-nicht", None, 404, "unknown_product"),
        ("PUT", "/api/cart/settings", Some(json!({"currency": "USD"})), 400, "unsupported_currency"),
        ("PUT", "/api/cart/settings", Some(json!({"country": "Deutschland"})), 400, "invalid_country"),
        ("GET", "/api/cart?locale=fr", None, 400, "unsupported_locale"),
        ("POST", "/api/checkout", None, 409, "empty_cart"),
    ];
    for (method, path, body, status, code) in rows {
        let r = c.send(method, path, body.clone());
        assert_eq!((r.status, r.error_code().as_str()), (status, code), "{method} {path} {body:?}: {}", r.text);
        assert_eq!(r.header("cache-control"), Some("no-store"));
    }
    // A line never exceeds 99 (kulturbeutel has 120 in stock) ...
    c.ok("POST", "/api/cart/lines", json!({"product_id": "kulturbeutel", "quantity": 99}));
    let r = c.send("POST", "/api/cart/lines", Some(json!({"product_id": "kulturbeutel", "quantity": 1})));
    assert_eq!((r.status, r.error_code().as_str()), (409, "quantity_limit"));
    assert_eq!(line_qty(&c.get_ok("/api/cart"), "kulturbeutel"), Some(99));
    // ... nor the stock (kofferwaage: 4), whether added to or set; the line stays as it was.
    c.ok("POST", "/api/cart/lines", json!({"product_id": "kofferwaage", "quantity": 3}));
    for (method, path, body) in [("POST", "/api/cart/lines", json!({"product_id": "kofferwaage", "quantity": 2})), ("PUT", "/api/cart/lines/kofferwaage", json!({"quantity": 5}))] {
        let r = c.send(method, path, Some(body));
        assert_eq!((r.status, r.error_code().as_str()), (409, "out_of_stock"), "{method}: {}", r.text);
        assert!(r.json()["error"]["message"].as_str().unwrap().contains("only 4 of"), "{}", r.text);
    }
    assert_eq!(line_qty(&c.get_ok("/api/cart"), "kofferwaage"), Some(3));
    c.ok("PUT", "/api/cart/lines/kofferwaage", json!({"quantity": 4}));
}

#[test]
fn switching_currency_reprices() {
    let c = Client::new(&server());
    c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    c.ok("POST", "/api/cart/lines", json!({"product_id": "gepaeckanhaenger", "quantity": 2}));
    // (settings, currency, country, daypack unit price, subtotal)
    let rows = [
        (json!({"currency": "CHF", "country": "ch"}), "CHF", "CH", 6190, 6190 + 2 * 790),
        (json!({"currency": "EUR"}), "EUR", "CH", 5900, 5900 + 2 * 790),
        (json!({"country": "AT"}), "EUR", "AT", 5900, 5900 + 2 * 790),
        (json!({}), "EUR", "AT", 5900, 5900 + 2 * 790),
    ];
    for (settings, cur, country, unit, subtotal) in rows {
        let cart = c.ok("PUT", "/api/cart/settings", settings.clone());
        assert_eq!((cart["currency"].as_str().unwrap(), cart["country"].as_str().unwrap()), (cur, country), "{settings}");
        let d = cart["lines"].as_array().unwrap().iter().find(|l| l["product_id"] == "daypack").unwrap();
        assert_eq!(d["unit_price"], unit, "{settings}");
        assert_eq!(cart["subtotal"], subtotal, "{settings}");
        // GET agrees with the PUT answer.
        assert_eq!(c.get_ok("/api/cart"), cart);
    }
}

/// The cart's shipping block equals `evaluate()` on the rules of the demo config.
#[test]
fn cart_shipping_equals_core_evaluate() {
    let rules = schaufenster_backend::load_rules(&demo_config()).unwrap();
    let base = server();
    let products = Client::new(&base).get_ok("/api/products?currency=EUR");
    let chf_products = Client::new(&base).get_ok("/api/products?currency=CHF");
    let price = |list: &Value, id: &str| list["products"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["price"].as_i64().unwrap();
    // (currency, country, lines, free shipping, shipping cost)
    let rows: Vec<(&str, &str, Lines, bool, i64)> = vec![
        ("EUR", "DE", vec![], false, 0),
        ("EUR", "DE", vec![("kulturbeutel", 1)], false, 495),
        ("EUR", "DE", vec![("kulturbeutel", 1), ("nackenkissen", 1)], false, 495), // 49,80 € misses 50 €
        ("EUR", "DE", vec![("daypack", 1)], true, 0),                              // 59 € ≥ 50 € in DE
        ("EUR", "AT", vec![("daypack", 1)], false, 495),                           // but < 70 € in AT
        ("EUR", "AT", vec![("daypack", 1), ("steckdosenadapter", 1)], true, 0),    // 73,90 €
        ("EUR", "DE", vec![("gutschein-50", 1)], false, 0),                        // gift cards don't count, but alone they go by e-mail
        ("EUR", "DE", vec![("gutschein-50", 2), ("reisesocken", 1)], false, 495),
        ("EUR", "DE", vec![("handgepaeck-trolley", 1)], true, 0),                  // gift tier too
        ("CHF", "CH", vec![("daypack", 1)], false, 890),                           // 61.90 < 75 CHF
        ("CHF", "CH", vec![("daypack", 1), ("packwuerfel-set", 1)], true, 0),      // 87.80 CHF
    ];
    for (i, (cur, country, lines, free, cost)) in rows.into_iter().enumerate() {
        let c = Client::new(&base);
        c.ok("PUT", "/api/cart/settings", json!({"currency": cur, "country": country}));
        for (id, q) in &lines {
            c.ok("POST", "/api/cart/lines", json!({"product_id": id, "quantity": q}));
        }
        let cart = c.get_ok("/api/cart");
        let list = if cur == "CHF" { &chf_products } else { &products };
        let core = Cart {
            currency: Currency::parse(cur).unwrap(),
            country: Some(country.into()),
            lines: lines.iter().map(|(id, q)| CartLine::new(*id, *q, price(list, id))).collect(),
            cart_discount: 0,
            free_shipping: false,
        };
        let p = evaluate(&rules, &core);
        let s = &cart["shipping"];
        assert_eq!(s["eligible_subtotal"], p.eligible_subtotal, "row {i}");
        assert_eq!(s["free_shipping"], p.free_shipping(), "row {i}");
        assert_eq!(s["free_shipping"], free, "row {i}: {cart}");
        assert_eq!(s["cost"], cost, "row {i}");
        let tiers = s["tiers"].as_array().unwrap();
        assert_eq!(tiers.len(), p.tiers.len(), "row {i}");
        for (t, want) in tiers.iter().zip(&p.tiers) {
            assert_eq!(t["id"], want.id.as_str());
            assert_eq!((t["threshold"].as_i64().unwrap(), t["reached"].as_bool().unwrap(), t["remaining"].as_i64().unwrap()), (want.threshold, want.reached, want.remaining), "row {i}");
        }
        assert_eq!(cart["total"], cart["subtotal"].as_i64().unwrap() + cost, "row {i}");
    }
}

#[test]
fn checkout_charges_the_promised_shipping() {
    let base = server();
    // (currency, lines, subtotal, shipping)
    let rows: Vec<(&str, Lines, i64, i64)> = vec![
        ("EUR", vec![("kulturbeutel", 1)], 2990, 495),
        ("EUR", vec![("kulturbeutel", 1), ("nackenkissen", 1)], 4980, 495), // 49,80 € misses 50 €
        ("EUR", vec![("packwuerfel-set", 2)], 4980, 495),
        ("EUR", vec![("daypack", 1)], 5900, 0),
        ("EUR", vec![("gutschein-50", 1), ("gepaeckanhaenger", 1)], 5790, 495),
        // Vouchers only: sent by e-mail, nothing to ship (the FAQ promises it).
        ("EUR", vec![("gutschein-25", 1)], 2500, 0),
        ("CHF", vec![("gutschein-25", 1), ("gutschein-50", 1)], 7500, 0),
        ("CHF", vec![("kulturbeutel", 1)], 3090, 890),
        ("CHF", vec![("koffer-m", 1)], 17790, 0),
    ];
    for (cur, lines, subtotal, shipping) in rows {
        let c = Client::new(&base);
        c.ok("PUT", "/api/cart/settings", json!({"currency": cur}));
        for (id, q) in &lines {
            c.ok("POST", "/api/cart/lines", json!({"product_id": id, "quantity": q}));
        }
        let promised = c.get_ok("/api/cart");
        assert_eq!(promised["shipping"]["cost"], shipping, "{lines:?}");
        let r = c.send("POST", "/api/checkout", None);
        assert_eq!(r.status, 201, "{}", r.text);
        let order = r.json();
        assert!(order["order_id"].as_i64().unwrap() > 0);
        assert_eq!(order["currency"], cur);
        assert_eq!((order["subtotal"].as_i64().unwrap(), order["shipping_cost"].as_i64().unwrap()), (subtotal, shipping), "{lines:?}");
        assert_eq!(order["total"], subtotal + shipping);
        assert_eq!(order["total"], promised["total"]);
        // The cart is empty afterwards; a second checkout is refused.
        assert_eq!(c.get_ok("/api/cart")["lines"], json!([]));
        assert_eq!(c.send("POST", "/api/checkout", None).status, 409);
    }
}

#[test]
fn visitors_are_isolated_by_cookie() {
    let base = server();
    let a = Client::new(&base);
    let b = Client::new(&base);
    a.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 2}));
    b.ok("PUT", "/api/cart/settings", json!({"currency": "CHF"}));
    b.ok("POST", "/api/cart/lines", json!({"product_id": "reisesocken", "quantity": 1}));
    assert_ne!(a.cookie.borrow().as_deref(), b.cookie.borrow().as_deref());
    let ca = a.get_ok("/api/cart");
    let cb = b.get_ok("/api/cart");
    assert_eq!((ca["currency"].as_str(), line_qty(&ca, "daypack"), line_qty(&ca, "reisesocken")), (Some("EUR"), Some(2), None));
    assert_eq!((cb["currency"].as_str(), line_qty(&cb, "daypack"), line_qty(&cb, "reisesocken")), (Some("CHF"), None, Some(1)));
    // A forged or malformed cookie is replaced by a fresh visitor.
    let c = Client::new(&base);
    *c.cookie.borrow_mut() = Some("not-hex".into());
    let r = c.get("/api/cart");
    assert!(r.header("set-cookie").is_some());
    assert_eq!(r.json()["lines"], json!([]));
}

/// The binary prints exactly the documented line and serves on the printed port.
#[test]
fn binary_prints_its_url() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_schaufenster-backend"))
        .args(["--addr", "127.0.0.1:0", "--www"])
        .arg(repo_root().join("www"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().strip_prefix("Schaufenster demo: ").unwrap_or_else(|| panic!("unexpected line {line:?}"));
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with('/'), "{url}");
    let health = Client::new(url.trim_end_matches('/')).get_ok("/api/health");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(health, json!({"ok": true}));
    // A bad flag exits with status 2.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_schaufenster-backend")).arg("--bogus").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
