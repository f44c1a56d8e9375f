//! Social proof over real HTTP: events recorded by cart and checkout, posted views, windows,
//! distinct viewers, stock, ratings, bestsellers, batching, the `stale` fault, the test-only
//! event endpoint, and that no personal data leaves the server.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::{json, Value};

fn stats(c: &Client, query: &str) -> Value {
    c.get_ok(&format!("/api/social-proof?{query}"))
}

fn product<'a>(v: &'a Value, id: &str) -> &'a Value {
    &v["products"][id]
}

/// `(purchases, carts, viewers, stock)` of one product.
fn counts(v: &Value, id: &str) -> (i64, i64, i64, i64) {
    let p = product(v, id);
    assert!(p.is_object(), "{id} missing in {v}");
    let n = |k: &str| p[k].as_i64().unwrap_or_else(|| panic!("{id}.{k} in {p}"));
    (n("purchases"), n("carts"), n("viewers"), n("stock"))
}

/// Inserts back-dated events through `POST /api/_test/events`.
fn backdate(c: &Client, product_id: &str, kind: &str, count: u32, minutes_ago: f64) {
    let r = c.send("POST", "/api/_test/events", Some(json!({"product_id": product_id, "kind": kind, "count": count, "minutes_ago": minutes_ago})));
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json()["inserted"], count);
}

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn stock_of(c: &Client, id: &str) -> i64 {
    let list = c.get_ok("/api/products");
    list["products"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["stock"].as_i64().unwrap()
}

#[test]
fn cart_and_checkout_record_events() {
    let base = server();
    let c = Client::new(&base);
    let q = "products=daypack,reisesocken";
    assert_eq!((counts(&stats(&c, q), "daypack"), counts(&stats(&c, q), "reisesocken")), ((0, 0, 0, 57), (0, 0, 0, 200)));

    // One cart event per successful add-to-cart call, whatever the quantity; the badges count
    // distinct shoppers, so one shopper adding twice is one.
    c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 2}));
    c.ok("POST", "/api/cart/lines", json!({"product_id": "reisesocken", "quantity": 1}));
    // Refused calls and other cart operations record nothing.
    for body in [json!({"product_id": "daypack", "quantity": 0}), json!({"product_id": "daypack", "quantity": 100}), json!({"product_id": "weekender", "quantity": 1})] {
        assert!(c.send("POST", "/api/cart/lines", Some(body.clone())).status >= 400, "{body}");
    }
    c.ok("PUT", "/api/cart/lines/daypack", json!({"quantity": 3}));
    assert_eq!(c.send("POST", "/api/checkout?locale=fr", None).status, 400);
    let v = stats(&c, q);
    assert_eq!((counts(&v, "daypack"), counts(&v, "reisesocken")), ((0, 1, 0, 57), (0, 1, 0, 200)));

    // Checkout: one purchase per order line (daypack × 3 is one purchase), stock per unit.
    assert_eq!(c.send("POST", "/api/checkout", None).status, 201);
    let v = stats(&c, q);
    assert_eq!((counts(&v, "daypack"), counts(&v, "reisesocken")), ((1, 1, 0, 54), (1, 1, 0, 199)));

    // A second buyer; an empty checkout records nothing.
    let b = Client::new(&base);
    b.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    assert_eq!(b.send("POST", "/api/checkout", None).status, 201);
    assert_eq!(b.send("POST", "/api/checkout", None).status, 409);
    let v = stats(&b, q);
    assert_eq!((counts(&v, "daypack"), counts(&v, "reisesocken")), ((2, 2, 0, 53), (1, 1, 0, 199)));
    assert_eq!(stock_of(&b, "daypack"), 53);
    // The first buyer buying again is still one person who bought it.
    c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    assert_eq!(c.send("POST", "/api/checkout", None).status, 201);
    let v = stats(&c, q);
    assert_eq!(counts(&v, "daypack"), (2, 2, 0, 52));
}

#[test]
fn view_events_are_validated_and_viewers_are_distinct() {
    let base = server();
    // A view posted without a visitor cookie (a script, not a shopper on a page) is answered
    // but never counted: every such request would otherwise be a new "viewer now".
    let script = Client::new(&base);
    assert_eq!(script.send("POST", "/api/events", Some(json!({"product_id": "daypack", "kind": "view"}))).status, 204);
    let c = Client::new(&base);
    c.send("GET", "/api/health", None); // a shopper's page load sets the cookie first
    // (body, status, error code)
    let rows: Vec<(Value, u16, Option<&str>)> = vec![
        (json!({"product_id": "daypack", "kind": "view"}), 204, None),
        (json!({"product_id": "weekender", "kind": "view"}), 204, None), // unavailable products can be viewed
        (json!({"product_id": "daypack", "kind": "cart"}), 400, Some("invalid_kind")),
        (json!({"product_id": "daypack", "kind": "purchase"}), 400, Some("invalid_kind")),
        (json!({"product_id": "daypack", "kind": "VIEW"}), 400, Some("invalid_kind")),
        (json!({"product_id": "gibt-es-nicht", "kind": "view"}), 404, Some("unknown_product")),
        (json!({"product_id": "gibt-es-nicht", "kind": "purchase"}), 400, Some("invalid_kind")),
        (json!({"product_id": "daypack"}), 422, Some("invalid_body")),
        (json!({"kind": "view"}), 422, Some("invalid_body")),
    ];
    for (body, status, code) in rows {
        let r = c.send("POST", "/api/events", Some(body.clone()));
        assert_eq!(r.status, status, "{body}: {}", r.text);
        assert_eq!(r.header("cache-control"), Some("no-store"));
        match code {
            Some(code) => assert_eq!(r.error_code(), code, "{body}"),
            None => assert_eq!(r.text, "", "204 has no body"),
        }
    }
    // No client-posted cart or purchase made it in.
    assert_eq!(counts(&stats(&c, "products=daypack"), "daypack"), (0, 0, 1, 57));

    // Repeated views of one visitor count once; each visitor counts once.
    let others: Vec<Client> = (0..3).map(|_| Client::new(&base)).collect();
    for o in &others {
        o.send("GET", "/api/health", None);
        for _ in 0..3 {
            assert_eq!(o.send("POST", "/api/events", Some(json!({"product_id": "daypack", "kind": "view"}))).status, 204);
        }
    }
    others[0].send("POST", "/api/events", Some(json!({"product_id": "koffer-m", "kind": "view"})));
    let v = stats(&c, "products=daypack,koffer-m,weekender,kulturbeutel");
    assert_eq!(counts(&v, "daypack").2, 4, "c and the three others; not the cookie-less script");
    assert_eq!(counts(&v, "koffer-m").2, 1);
    assert_eq!(counts(&v, "weekender"), (0, 0, 1, 0));
    assert_eq!(counts(&v, "kulturbeutel").2, 0);
}

#[test]
fn counts_respect_the_window_and_viewers_the_last_five_minutes() {
    let c = Client::new(&server_with(true, None));
    // (kind, count, minutes ago)
    let events = [
        ("purchase", 2, 10.0),
        ("purchase", 3, 100.0),
        ("purchase", 4, 2000.0),
        ("purchase", 5, 20000.0), // older than the largest window
        ("cart", 1, 3.0),
        ("cart", 6, 300.0),
        ("cart", 7, 9000.0),
        ("view", 2, 0.0),
        ("view", 3, 4.0),
        ("view", 4, 6.0), // outside the 5 viewer minutes
        ("view", 1, 60.0),
    ];
    for (kind, count, ago) in events {
        backdate(&c, "kulturbeutel", kind, count, ago);
    }
    backdate(&c, "nackenkissen", "purchase", 1, 1.0);
    // (query, window_minutes, purchases, carts)
    let rows = [
        ("", 1440, 5, 7),
        ("&window=1440", 1440, 5, 7),
        ("&window=60", 60, 2, 1),
        ("&window=5", 5, 0, 1),
        ("&window=1", 5, 0, 1), // clamped up
        ("&window=0", 5, 0, 1),
        ("&window=-30", 5, 0, 1),
        ("&window=101", 101, 5, 1),
        ("&window=2880", 2880, 9, 7),
        ("&window=10080", 10080, 9, 14),
        ("&window=99999", 10080, 9, 14), // clamped down
    ];
    for (q, window, purchases, carts) in rows {
        let v = stats(&c, &format!("products=kulturbeutel{q}"));
        assert_eq!(v["window_minutes"], window, "{q}");
        assert_eq!(v["viewers_window_minutes"], 5);
        assert_eq!(counts(&v, "kulturbeutel"), (purchases, carts, 5, 120), "{q}");
    }
    // Other products' events do not leak in.
    assert_eq!(counts(&stats(&c, "products=nackenkissen"), "nackenkissen"), (1, 0, 0, 64));
}

#[test]
fn stock_is_decremented_and_never_oversold() {
    let base = server();
    let a = Client::new(&base);
    // Seeded stock the e2e tests rely on: (id, stock)
    for (id, stock) in [("handgepaeck-trolley", 3), ("kofferwaage", 4), ("weekender", 0), ("daypack", 57), ("koffer-m", 24), ("gutschein-25", 200)] {
        assert_eq!(stock_of(&a, id), stock, "{id}");
    }
    // b carts two of the three trolleys, then a buys two.
    let b = Client::new(&base);
    b.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    b.ok("POST", "/api/cart/lines", json!({"product_id": "handgepaeck-trolley", "quantity": 2}));
    a.ok("POST", "/api/cart/lines", json!({"product_id": "handgepaeck-trolley", "quantity": 2}));
    assert_eq!(a.send("POST", "/api/checkout", None).status, 201);
    assert_eq!(stock_of(&a, "handgepaeck-trolley"), 1);
    // A new cart cannot take more than is left.
    let r = Client::new(&base).send("POST", "/api/cart/lines", Some(json!({"product_id": "handgepaeck-trolley", "quantity": 2})));
    assert_eq!((r.status, r.error_code().as_str()), (409, "out_of_stock"), "{}", r.text);

    // b's line now exceeds the stock: the whole order is refused and nothing changes.
    let r = b.send("POST", "/api/checkout", None);
    assert_eq!((r.status, r.error_code().as_str()), (409, "out_of_stock"), "{}", r.text);
    assert!(r.json()["error"]["message"].as_str().unwrap().contains("Handgepäck-Trolley"));
    assert_eq!((stock_of(&b, "handgepaeck-trolley"), stock_of(&b, "daypack")), (1, 57));
    assert_eq!(b.get_ok("/api/cart")["lines"].as_array().unwrap().len(), 2, "cart kept");
    let v = stats(&b, "products=handgepaeck-trolley,daypack");
    assert_eq!((counts(&v, "handgepaeck-trolley"), counts(&v, "daypack")), ((1, 2, 0, 1), (0, 1, 0, 57)), "no purchase recorded");

    // Exactly the stock sells; then it is 0: a cart that already holds it cannot order it, and
    // no new cart can take it.
    let c = Client::new(&base);
    c.ok("POST", "/api/cart/lines", json!({"product_id": "handgepaeck-trolley", "quantity": 1}));
    b.ok("PUT", "/api/cart/lines/handgepaeck-trolley", json!({"quantity": 1}));
    assert_eq!(b.send("POST", "/api/checkout", None).status, 201);
    assert_eq!((stock_of(&b, "handgepaeck-trolley"), stock_of(&b, "daypack")), (0, 56));
    let r = c.send("POST", "/api/checkout", None);
    assert_eq!((r.status, r.error_code().as_str()), (409, "unavailable"));
    let r = Client::new(&base).send("POST", "/api/cart/lines", Some(json!({"product_id": "handgepaeck-trolley", "quantity": 1})));
    assert_eq!((r.status, r.error_code().as_str()), (409, "unavailable"));
    assert_eq!(counts(&stats(&c, "products=handgepaeck-trolley"), "handgepaeck-trolley"), (2, 3, 0, 0));
}

#[test]
fn ratings_come_from_seeded_reviews() {
    let c = Client::new(&server());
    // (id, Some((average, count))) — averages rounded down to hundredths; None: no reviews, so
    // no `rating` key at all.
    let rows: Vec<(&str, Option<(f64, i64)>)> = vec![
        ("handgepaeck-trolley", Some((4.16, 48))),
        ("koffer-m", Some((4.38, 31))),
        ("koffer-l", Some((4.58, 17))),
        ("reiserucksack-40", Some((4.1, 60))),
        ("daypack", Some((4.09, 22))),
        ("weekender", Some((3.44, 9))),
        ("kulturbeutel", Some((4.14, 14))),
        ("packwuerfel-set", Some((4.24, 41))),
        ("nackenkissen", Some((4.66, 3))),
        ("steckdosenadapter", Some((4.07, 26))),
        ("kofferwaage", Some((4.25, 4))),
        ("reisesocken", Some((4.36, 11))),
        ("gepaeckanhaenger", Some((4.57, 7))),
        ("gutschein-50", Some((4.5, 2))),
        ("gutschein-25", None),
    ];
    let ids: Vec<&str> = rows.iter().map(|r| r.0).collect();
    let v = stats(&c, &format!("products={}", ids.join(",")));
    for (id, want) in rows {
        let p = product(&v, id);
        match want {
            Some((average, count)) => {
                assert_eq!((p["rating"]["average"].as_f64(), p["rating"]["count"].as_i64()), (Some(average), Some(count)), "{id}: {p}");
                let text = p["rating"]["average"].to_string();
                assert!(text.split('.').nth(1).map_or(0, str::len) <= 2, "{id}: at most 2 decimals, got {text}");
            }
            None => assert!(p.get("rating").is_none(), "{id}: {p}"),
        }
    }
    // The averages are sum/count of the seeded stars, rounded down to hundredths: never above
    // the true average, and less than 0.01 below it.
    let seed = schaufenster_backend::db::seed_reviews();
    for id in ids.iter().copied().filter(|id| *id != "gutschein-25") {
        let stars: Vec<i64> = seed.iter().filter(|r| r.0 == id).map(|r| r.1).collect();
        let exact = stars.iter().sum::<i64>() as f64 / stars.len() as f64;
        let got = product(&v, id)["rating"]["average"].as_f64().unwrap();
        assert!(got <= exact + 1e-9 && exact - got < 0.01, "{id}: {got} vs {exact}");
    }
}

/// Purchases to insert: (product, count, minutes ago).
type Purchases = Vec<(&'static str, u32, f64)>;
/// What, purchases, query, expected bestsellers {id: category}.
type BestsellerCase = (&'static str, Purchases, &'static str, Vec<(&'static str, &'static str)>);

#[test]
fn bestseller_rule() {
    const DAYS_29: f64 = 29.0 * 24.0 * 60.0;
    const DAYS_31: f64 = 31.0 * 24.0 * 60.0;
    // (what, purchases, query, expected bestsellers {id: category}; every other requested id has none)
    let rows: Vec<BestsellerCase> = vec![
        ("nothing sold", vec![], "products=kulturbeutel,nackenkissen", vec![]),
        ("2 are not enough", vec![("kulturbeutel", 2, 1.0)], "products=kulturbeutel,nackenkissen", vec![]),
        ("3 are enough", vec![("kulturbeutel", 3, 1.0)], "products=kulturbeutel,nackenkissen", vec![("kulturbeutel", "Zubehör")]),
        ("tie: lower id wins", vec![("nackenkissen", 3, 1.0), ("kulturbeutel", 3, 1.0)], "products=kulturbeutel,nackenkissen", vec![("kulturbeutel", "Zubehör")]),
        ("more wins", vec![("kulturbeutel", 3, 1.0), ("nackenkissen", 4, 1.0)], "products=kulturbeutel,nackenkissen", vec![("nackenkissen", "Zubehör")]),
        (
            "leader outside the request still beats it",
            vec![("kulturbeutel", 3, 1.0), ("nackenkissen", 4, 1.0)],
            "products=kulturbeutel,daypack",
            vec![],
        ),
        (
            "30 days, independent of the window",
            vec![("nackenkissen", 9, DAYS_31), ("kulturbeutel", 3, DAYS_29)],
            "products=kulturbeutel,nackenkissen&window=60",
            vec![("kulturbeutel", "Zubehör")],
        ),
        (
            "one per category, English names",
            vec![("daypack", 3, 1.0), ("koffer-m", 5, 100.0), ("handgepaeck-trolley", 4, 1.0), ("reisesocken", 2, 1.0)],
            "products=daypack,koffer-m,handgepaeck-trolley,reisesocken,gutschein-25&locale=en",
            vec![("daypack", "Backpacks"), ("koffer-m", "Suitcases")],
        ),
        ("German names", vec![("gutschein-50", 3, 1.0), ("koffer-l", 3, 1.0)], "products=gutschein-50,koffer-l&locale=de-DE", vec![("gutschein-50", "Gutscheine"), ("koffer-l", "Koffer")]),
    ];
    for (what, purchases, query, want) in rows {
        let c = Client::new(&server_with(true, None));
        for (id, count, ago) in &purchases {
            backdate(&c, id, "purchase", *count, *ago);
        }
        // Carts and views never make a bestseller.
        backdate(&c, "reisesocken", "cart", 50, 1.0);
        backdate(&c, "reisesocken", "view", 50, 1.0);
        let v = stats(&c, query);
        let requested: Vec<&str> = query.split('&').next().unwrap().trim_start_matches("products=").split(',').collect();
        for id in requested {
            let got = product(&v, id).get("bestseller").cloned();
            match want.iter().find(|(w, _)| *w == id) {
                Some((_, category)) => assert_eq!(got, Some(json!({"category": category, "rank": 1})), "{what}: {id}"),
                None => assert_eq!(got, None, "{what}: {id}"),
            }
        }
    }
}

#[test]
fn batches_and_validation() {
    let c = Client::new(&server());
    let r = c.get("/api/social-proof?products=daypack,koffer-m,kulturbeutel,gibt-es-nicht");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let keys: Vec<String> = r.json()["products"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["daypack", "koffer-m", "kulturbeutel"]);
    // Duplicates and blanks are harmless; only unknown ids → an empty object.
    let v = stats(&c, "products=daypack,%20daypack%20,,daypack");
    assert_eq!(v["products"].as_object().unwrap().len(), 1);
    assert_eq!(stats(&c, "products=gibt-es-nicht")["products"], json!({}));

    let ids = |n: usize| (0..n).map(|i| if i == 0 { "daypack".to_string() } else { format!("p{i}") }).collect::<Vec<_>>().join(",");
    let ok200 = stats(&c, &format!("products={}", ids(200)));
    assert_eq!(ok200["products"].as_object().unwrap().len(), 1);
    // (query, status, code)
    let too_many = format!("products={}", ids(201));
    let rows = [
        ("", 400, "missing_products"),
        ("products=", 400, "missing_products"),
        ("products=,,", 400, "missing_products"),
        ("window=60", 400, "missing_products"),
        (too_many.as_str(), 400, "too_many_products"),
        ("products=daypack&window=abc", 400, "invalid_window"),
        ("products=daypack&window=1.5", 400, "invalid_window"),
        ("products=daypack&locale=fr", 400, "unsupported_locale"),
    ];
    for (q, status, code) in rows {
        let r = c.get(&format!("/api/social-proof?{q}"));
        assert_eq!((r.status, r.error_code().as_str()), (status, code), "{q}");
        assert_eq!(r.header("cache-control"), Some("no-store"));
    }
}

fn collect_keys(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                // Product ids are the keys of `products`; everything else is a field name.
                let name = if path == "products" { "<id>".to_string() } else { k.clone() };
                let p = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                out.insert(p.clone());
                collect_keys(child, &p, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_keys(x, &format!("{path}[]"), out)),
        _ => {}
    }
}

/// Counts only: the answer's keys are exactly the documented ones, and no visitor id, name or
/// place appears anywhere in it.
#[test]
fn no_personal_data_in_the_answer() {
    let base = server_with(true, None);
    let visitors: Vec<Client> = (0..3).map(|_| Client::new(&base)).collect();
    for (v, country) in visitors.iter().zip(["DE", "AT", "CH"]) {
        v.ok("PUT", "/api/cart/settings", json!({"country": country}));
        v.send("POST", "/api/events", Some(json!({"product_id": "reiserucksack-40", "kind": "view"})));
        v.ok("POST", "/api/cart/lines", json!({"product_id": "reiserucksack-40", "quantity": 1}));
        assert_eq!(v.send("POST", "/api/checkout", None).status, 201);
    }
    backdate(&visitors[0], "daypack", "view", 2, 0.0);
    let r = visitors[0].get("/api/social-proof?products=reiserucksack-40,daypack,gutschein-25");
    let v = r.json();
    assert_eq!(counts(&v, "reiserucksack-40"), (3, 3, 3, 35));
    assert_eq!(v["products"]["reiserucksack-40"]["bestseller"], json!({"category": "Rucksäcke", "rank": 1}));
    let mut keys = BTreeSet::new();
    collect_keys(&v, "", &mut keys);
    let allowed: BTreeSet<String> = [
        "generated_at",
        "window_minutes",
        "viewers_window_minutes",
        "products",
        "products.<id>",
        "products.<id>.purchases",
        "products.<id>.carts",
        "products.<id>.viewers",
        "products.<id>.stock",
        "products.<id>.rating",
        "products.<id>.rating.average",
        "products.<id>.rating.count",
        "products.<id>.bestseller",
        "products.<id>.bestseller.category",
        "products.<id>.bestseller.rank",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(keys, allowed, "{v}");
    for c in &visitors {
        let id = c.cookie.borrow().clone().unwrap();
        assert!(!r.text.contains(&id), "visitor id leaked");
    }
    for place in ["\"DE\"", "\"AT\"", "\"CH\"", "visitor", "country", "name", "city"] {
        assert!(!r.text.contains(place), "{place} in {}", r.text);
    }
    assert!(r.header("set-cookie").is_none());
}

#[test]
fn stale_fault_shifts_generated_at() {
    let base = server_with(true, None);
    let c = Client::new(&base);
    let other = Client::new(&base);
    let q = "/api/social-proof?products=daypack";
    let fresh = |c: &Client| {
        let before = now_ms();
        let v = c.get_ok(q);
        (before, v, now_ms())
    };
    let (before, v, after) = fresh(&c);
    let at = v["generated_at"].as_i64().unwrap();
    assert!((before..=after).contains(&at), "{before} <= {at} <= {after}");

    let f = c.ok("PUT", "/api/_faults", json!({"mode": "stale", "path_prefix": "/api/social-proof"}));
    assert_eq!(f, json!({"mode": "stale", "status": 200, "delay_ms": 3_600_000, "path_prefix": "/api/social-proof"}));
    // (delay_ms set, expected shift)
    for (delay, shift) in [(None, 3_600_000), (Some(86_400_000_i64), 86_400_000), (Some(0), 0)] {
        if let Some(d) = delay {
            c.ok("PUT", "/api/_faults", json!({"mode": "stale", "delay_ms": d, "path_prefix": "/api/social-proof"}));
        }
        let (before, v, after) = fresh(&c);
        let at = v["generated_at"].as_i64().unwrap();
        assert!((before - shift..=after - shift).contains(&at), "shift {shift}: {at}");
        assert_eq!(counts(&v, "daypack"), (0, 0, 0, 57), "the rest of the answer is intact");
        // Other visitors get fresh numbers.
        let (before, v, after) = fresh(&other);
        assert!((before..=after).contains(&v["generated_at"].as_i64().unwrap()));
    }
    // Responses without generated_at pass unchanged under a wide prefix.
    c.ok("PUT", "/api/_faults", json!({"mode": "stale", "path_prefix": "/api"}));
    assert_eq!(c.get_ok("/api/products"), other.get_ok("/api/products"));
    assert_eq!(c.get_ok("/api/health"), json!({"ok": true}));

    // The other modes work on this path too.
    c.ok("PUT", "/api/_faults", json!({"mode": "error", "status": 503, "path_prefix": "/api/social-proof"}));
    assert_eq!(c.get(q).status, 503);
    c.ok("PUT", "/api/_faults", json!({"mode": "malformed", "path_prefix": "/api/social-proof"}));
    assert!(serde_json::from_str::<Value>(&c.get(q).text).is_err());
    c.ok("PUT", "/api/_faults", json!({"mode": "timeout", "delay_ms": 50, "path_prefix": "/api/social-proof"}));
    assert_eq!(c.get(q).status, 504);
    c.ok("PUT", "/api/_faults", json!({"mode": "slow", "delay_ms": 50, "path_prefix": "/api/social-proof"}));
    assert_eq!(c.get(q).status, 200);

    // delay_ms bounds: stale up to 30 days, the others still up to 60 s.
    for (body, status) in [
        (json!({"mode": "stale", "delay_ms": 2_592_000_000_i64}), 200),
        (json!({"mode": "stale", "delay_ms": 2_592_000_001_i64}), 400),
        (json!({"mode": "slow", "delay_ms": 3_600_000}), 400),
    ] {
        assert_eq!(c.send("PUT", "/api/_faults", Some(body.clone())).status, status, "{body}");
    }
}

#[test]
fn test_events_endpoint_needs_the_faults_flag() {
    let off = Client::new(&server());
    let r = off.send("POST", "/api/_test/events", Some(json!({"product_id": "daypack", "kind": "purchase", "count": 5, "minutes_ago": 1})));
    assert_eq!((r.status, r.error_code().as_str()), (404, "faults_disabled"));
    assert_eq!(counts(&stats(&off, "products=daypack"), "daypack"), (0, 0, 0, 57));

    let c = Client::new(&server_with(true, None));
    // (body, status, code)
    let rows = [
        (json!({"product_id": "daypack", "kind": "click", "count": 1}), 400, "invalid_kind"),
        (json!({"product_id": "daypack", "kind": "view", "count": 0}), 400, "invalid_count"),
        (json!({"product_id": "daypack", "kind": "view", "count": 100_001}), 400, "invalid_count"),
        (json!({"product_id": "daypack", "kind": "view", "count": 1, "minutes_ago": -1}), 400, "invalid_minutes_ago"),
        (json!({"product_id": "daypack", "kind": "view", "count": 1, "minutes_ago": 600_000}), 400, "invalid_minutes_ago"),
        (json!({"product_id": "gibt-es-nicht", "kind": "view", "count": 1}), 404, "unknown_product"),
        (json!({"product_id": "daypack", "kind": "view"}), 422, "invalid_body"),
        (json!({"product_id": "daypack", "kind": "view", "count": 1, "visitor": "x"}), 422, "invalid_body"),
    ];
    for (body, status, code) in rows {
        let r = c.send("POST", "/api/_test/events", Some(body.clone()));
        assert_eq!((r.status, r.error_code().as_str()), (status, code), "{body}: {}", r.text);
    }
    // minutes_ago defaults to 0 and may be fractional; a large batch is fine.
    let r = c.send("POST", "/api/_test/events", Some(json!({"product_id": "daypack", "kind": "view", "count": 7})));
    assert_eq!(r.status, 201);
    let at = r.json()["at_ms"].as_i64().unwrap();
    assert!((now_ms() - at).abs() < 10_000);
    backdate(&c, "daypack", "view", 3, 4.5);
    backdate(&c, "daypack", "purchase", 20_000, 30.0);
    assert_eq!(counts(&stats(&c, "products=daypack"), "daypack"), (20_000, 0, 10, 57));
}
