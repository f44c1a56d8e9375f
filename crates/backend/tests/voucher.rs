//! Voucher codes in the cart over real HTTP: a code redeemed with loyalty points is applied to
//! the cart (discount, free shipping, the shipping bar's numbers), removed, used up by checkout
//! exactly once (a second checkout, a second cart, racing checkouts), and refused when unknown,
//! used, or of no use for the cart.

mod common;

use common::*;
use schaufenster_backend::loyalty::demo_program;
use schaufenster_backend::{db, loyalty, voucher};
use schaufenster_core::shipping::evaluate;
use schaufenster_core::{Cart, CartLine, Currency};
use serde_json::{json, Value};

const DANA: &str = "demo@kofferkontor.example";

fn login(c: &Client, email: &str) -> String {
    let r = c.send("POST", "/api/loyalty/demo-login", Some(json!({"email": email})));
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    r.json()["token"].as_str().unwrap().to_string()
}

/// Redeems `reward` for the customer of `token`; returns the voucher code.
fn redeem(c: &Client, token: &str, reward: &str) -> String {
    let key = format!("key-{reward}-{}", loyalty::voucher_code());
    let r = c.send_with("POST", "/api/loyalty/redeem", &[("Authorization", &format!("Bearer {token}")), ("Idempotency-Key", &key)], Some(json!({"reward_id": reward})));
    assert_eq!(r.status, 201, "{}", r.text);
    r.json()["redemption"]["code"].as_str().unwrap().to_string()
}

/// A customer with enough points for a few rewards (needs a server with `--faults`).
fn rich_customer(c: &Client, email: &str) -> String {
    let token = login(c, email);
    c.ok("POST", "/api/_test/loyalty/credit", json!({"email": email, "points": 5000}));
    token
}

fn cart_with(base: &str, currency: &str, lines: &[(&str, u32)]) -> Client {
    let c = Client::new(base);
    c.ok("PUT", "/api/cart/settings", json!({"currency": currency}));
    for (id, q) in lines {
        c.ok("POST", "/api/cart/lines", json!({"product_id": id, "quantity": q}));
    }
    c
}

fn apply(c: &Client, code: &str) -> Resp {
    c.send("POST", "/api/cart/voucher", Some(json!({"code": code})))
}

/// What the free-shipping bar computes from the cart document: the core rules on the cart as the
/// widget reads it.
fn bar(cart: &Value) -> schaufenster_core::shipping::ShippingProgress {
    let rules = schaufenster_backend::load_rules(&demo_config()).unwrap();
    evaluate(&rules, &widget_cart(cart))
}

fn totals(cart: &Value) -> (i64, i64, i64, i64) {
    let n = |v: &Value| v.as_i64().unwrap();
    (n(&cart["subtotal"]), n(&cart["discount"]), n(&cart["shipping"]["cost"]), n(&cart["total"]))
}

fn stock(c: &Client, id: &str) -> i64 {
    let list = c.get_ok("/api/products");
    list["products"].as_array().unwrap().iter().find(|p| p["id"] == id).unwrap()["stock"].as_i64().unwrap()
}

#[test]
fn apply_remove_checkout_and_never_again() {
    let base = server();
    let c = cart_with(&base, "EUR", &[("kulturbeutel", 1), ("packwuerfel-set", 1)]);
    let token = login(&c, DANA);
    let code = redeem(&c, &token, "5-euro");

    // 54,80 € reach free shipping; 5 € off leaves 49,80 €, below the 50 € threshold.
    let before = c.get_ok("/api/cart");
    assert_eq!((totals(&before), before["voucher"].clone()), ((5480, 0, 0, 5480), Value::Null));
    let r = apply(&c, &format!("  {}  ", code.to_lowercase()));
    assert_eq!(r.status, 200, "{}", r.text);
    let cart = r.json();
    assert_eq!(totals(&cart), (5480, 500, 495, 5480 - 500 + 495));
    let v = &cart["voucher"];
    assert_eq!((v["code"].as_str(), v["reward_id"].as_str(), v["kind"].as_str(), v["applies"].as_bool()), (Some(code.as_str()), Some("5-euro"), Some("amount"), Some(true)));
    assert_eq!((v["name"].as_str(), v["amount"].as_i64(), v["discount"].as_i64(), v["problem"].clone()), (Some("5-€-Gutschein"), Some(500), Some(500), Value::Null));
    // The shipping bar, reading the same cart, agrees with what the cart charges.
    let progress = bar(&cart);
    assert_eq!((progress.eligible_subtotal, progress.free_shipping()), (cart["shipping"]["eligible_subtotal"].as_i64().unwrap(), false));
    assert_eq!((cart["shipping"]["eligible_subtotal"].as_i64(), cart["shipping"]["free_shipping"].as_bool()), (Some(4980), Some(false)));
    assert_eq!(progress.next().unwrap().remaining, 20);
    assert_eq!(c.get_ok("/api/cart?locale=en")["voucher"]["name"], "€5 voucher");
    // Applying it again is harmless; removing it restores the cart.
    assert_eq!(apply(&c, &code).json(), cart);
    let removed = c.send("DELETE", "/api/cart/voucher", None);
    assert_eq!(removed.status, 200);
    assert_eq!((totals(&removed.json()), removed.json()["voucher"].clone()), ((5480, 0, 0, 5480), Value::Null));
    assert_eq!(c.send("DELETE", "/api/cart/voucher", None).status, 200, "idempotent");
    // In CHF the voucher is worth 5 CHF: the programme's face value, not a conversion.
    assert_eq!(apply(&c, &code).status, 200);
    let chf = c.ok("PUT", "/api/cart/settings", json!({"currency": "CHF"}));
    assert_eq!((chf["discount"].as_i64(), chf["voucher"]["name"].as_str(), chf["voucher"]["amount"].as_i64()), (Some(500), Some("5-CHF-Gutschein"), Some(500)));
    assert_eq!(bar(&chf).eligible_subtotal, chf["shipping"]["eligible_subtotal"].as_i64().unwrap());
    let cart = c.ok("PUT", "/api/cart/settings", json!({"currency": "EUR"}));

    // Checkout charges what the cart showed and uses the voucher up.
    let r = c.send_with("POST", "/api/checkout", &[("Authorization", &format!("Bearer {token}"))], None);
    assert_eq!(r.status, 201, "{}", r.text);
    let order = r.json();
    assert_eq!((order["subtotal"].as_i64(), order["discount"].as_i64(), order["shipping_cost"].as_i64(), order["total"].as_i64()), (Some(5480), Some(500), Some(495), cart["total"].as_i64()));
    assert_eq!((order["voucher"]["code"].as_str(), order["voucher"]["discount"].as_i64()), (Some(code.as_str()), Some(500)));
    // Points on what was paid for the goods: 49,80 € × 1.25 (Silber) = 62.25.
    let mut core = Cart::empty(Currency::eur());
    core.lines = vec![CartLine::new("kulturbeutel", 1, 2990), CartLine::new("packwuerfel-set", 1, 2490)];
    core.cart_discount = 500;
    assert_eq!(order["points_earned"].as_u64(), Some(demo_program().earn(&core, Some(0)).points));
    assert_eq!(order["points_earned"], 62);
    assert_eq!(c.get_ok("/api/cart")["voucher"], Value::Null, "the voucher left the cart");

    // The same code is refused afterwards: in this cart and in another one.
    c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    let r = apply(&c, &code);
    assert_eq!((r.status, r.error_code()), (409, "voucher_used".to_string()));
    let other = cart_with(&base, "EUR", &[("daypack", 1)]);
    let r = apply(&other, &code);
    assert_eq!((r.status, r.error_code()), (409, "voucher_used".to_string()));
    assert_eq!(other.get_ok("/api/cart")["voucher"], Value::Null);
}

#[test]
fn unknown_invalid_and_unfitting_codes() {
    let base = server_with(true, None);
    let c = cart_with(&base, "EUR", &[("reisesocken", 1)]);
    let token = rich_customer(&c, "vouchers@example.org");
    for (body, status, code) in [
        (json!({"code": "KK-AAAA-2222"}), 404, "unknown_voucher"),
        (json!({"code": "   "}), 400, "invalid_voucher_code"),
        (json!({"code": "KK AAAA"}), 400, "invalid_voucher_code"),
        (json!({"code": "K".repeat(41)}), 400, "invalid_voucher_code"),
        (json!({}), 422, "invalid_body"),
        (json!({"code": 5}), 422, "invalid_body"),
        (json!({"code": "KK-AAAA-2222", "extra": 1}), 422, "invalid_body"),
    ] {
        let r = c.send("POST", "/api/cart/voucher", Some(body.clone()));
        assert_eq!((r.status, r.error_code()), (status, code.to_string()), "{body}");
    }
    // Free shipping on a 9,90 € cart waives the 4,95 €: the cart says free shipping is granted,
    // and the bar, reading the same cart, has it reached while still counting the real goods.
    let shipping = redeem(&c, &token, "versand");
    let cart = apply(&c, &shipping).json();
    assert_eq!(totals(&cart), (990, 0, 0, 990));
    let s = &cart["shipping"];
    assert_eq!((cart["voucher"]["shipping_waived"].as_i64(), s["free_shipping"].as_bool(), s["free_shipping_granted"].as_bool()), (Some(495), Some(true), Some(true)));
    let progress = bar(&cart);
    assert_eq!((progress.free_shipping(), progress.eligible_subtotal, s["eligible_subtotal"].as_i64()), (true, 990, Some(990)));
    assert_eq!(s["tiers"][0]["reached"].as_bool(), Some(true));
    assert_eq!(c.send("DELETE", "/api/cart/voucher", None).json()["shipping"]["free_shipping_granted"].as_bool(), Some(false));
    assert_eq!(apply(&c, &shipping).status, 200);
    // One voucher per order.
    let percent = redeem(&c, &token, "10-prozent");
    let r = apply(&c, &percent);
    assert_eq!((r.status, r.error_code()), (409, "voucher_limit".to_string()));
    assert_eq!(c.get_ok("/api/cart")["voucher"]["code"].as_str(), Some(shipping.as_str()));
    // Once free shipping is reached by the goods, the shipping voucher does nothing: the cart
    // says so, and checkout leaves it unused.
    let cart = c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    assert_eq!((cart["voucher"]["applies"].as_bool(), cart["voucher"]["problem"]["code"].as_str(), cart["shipping"]["cost"].as_i64()), (Some(false), Some("voucher_shipping_free"), Some(0)));
    let order = c.send("POST", "/api/checkout", None).json();
    assert_eq!((order["voucher"].clone(), order["total"].as_i64()), (Value::Null, Some(6890)));
    assert_eq!(c.get_ok("/api/cart")["voucher"], Value::Null);
    let r = apply(&c, &shipping);
    assert_eq!((r.status, r.error_code()), (422, "voucher_nothing_to_ship".to_string()), "unused, but the cart is empty now");

    // Refused when applied to a cart it does nothing for; the cart keeps no voucher.
    let big = cart_with(&base, "EUR", &[("daypack", 1)]);
    let r = apply(&big, &shipping);
    assert_eq!((r.status, r.error_code()), (422, "voucher_shipping_free".to_string()));
    let cards = cart_with(&base, "EUR", &[("gutschein-25", 2)]);
    let r = apply(&cards, &percent);
    assert_eq!((r.status, r.error_code()), (422, "voucher_no_goods".to_string()));
    let kit = redeem(&c, &token, "reiseset");
    let r = apply(&cards, &kit);
    assert_eq!((r.status, r.error_code()), (422, "voucher_nothing_to_ship".to_string()));
    assert_eq!(cards.get_ok("/api/cart")["voucher"], Value::Null);
    // 10 % of the goods only (a gift card is not discounted), rounded down.
    cards.ok("POST", "/api/cart/lines", json!({"product_id": "kulturbeutel", "quantity": 1}));
    let cart = apply(&cards, &percent).json();
    assert_eq!(totals(&cart), (5000 + 2990, 299, 495, 5000 + 2990 - 299 + 495));
    assert_eq!(bar(&cart).eligible_subtotal, cart["shipping"]["eligible_subtotal"].as_i64().unwrap());
    // The travel kit rides along with goods and takes nothing off.
    let cart = apply(&big, &kit).json();
    assert_eq!((cart["voucher"]["kind"].as_str(), cart["voucher"]["applies"].as_bool(), totals(&cart)), (Some("gift"), Some(true), (5900, 0, 0, 5900)));
    let order = big.send("POST", "/api/checkout", None).json();
    assert_eq!(order["voucher"]["reward_id"].as_str(), Some("reiseset"));
}

#[test]
fn a_second_cart_cannot_reuse_the_code() {
    let base = server();
    let first = cart_with(&base, "EUR", &[("daypack", 1)]);
    let second = cart_with(&base, "EUR", &[("koffer-m", 1)]);
    let token = login(&first, DANA);
    let code = redeem(&first, &token, "5-euro");
    // Both carts may hold the unused code; only one order can use it.
    assert_eq!(apply(&first, &code).status, 200);
    assert_eq!(apply(&second, &code).status, 200);
    assert_eq!(first.send("POST", "/api/checkout", None).status, 201);
    let stock_before = stock(&second, "koffer-m");
    let r = second.send("POST", "/api/checkout", None);
    assert_eq!((r.status, r.error_code()), (409, "voucher_used".to_string()));
    // Nothing changed: the lines are there, the stock is untouched; the cart says why.
    let cart = second.get_ok("/api/cart");
    assert_eq!((cart["lines"].as_array().unwrap().len(), stock(&second, "koffer-m")), (1, stock_before));
    assert_eq!((cart["voucher"]["applies"].as_bool(), cart["voucher"]["problem"]["code"].as_str(), cart["discount"].as_i64()), (Some(false), Some("voucher_used"), Some(0)));
    // Without it the order goes through at the full price.
    second.send("DELETE", "/api/cart/voucher", None);
    let order = second.send("POST", "/api/checkout", None).json();
    assert_eq!((order["total"].as_i64(), order["voucher"].clone()), (Some(16900), Value::Null));
}

/// Eight carts hold one code and check out at the same moment: one order uses it, seven are
/// refused and change nothing.
#[test]
fn concurrent_checkouts_spend_a_voucher_once() {
    let base = server();
    let c = Client::new(&base);
    let token = login(&c, DANA);
    let code = redeem(&c, &token, "5-euro");
    let carts: Vec<Client> = (0..8).map(|_| cart_with(&base, "EUR", &[("reisesocken", 1)])).collect();
    for cart in &carts {
        assert_eq!(apply(cart, &code).status, 200);
    }
    let stock_before = stock(&c, "reisesocken");
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(carts.len()));
    let handles: Vec<_> = carts
        .into_iter()
        .map(|cart| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let r = cart.send("POST", "/api/checkout", None);
                (r.status, r.text)
            })
        })
        .collect();
    let results: Vec<(u16, String)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let placed: Vec<&(u16, String)> = results.iter().filter(|r| r.0 == 201).collect();
    assert_eq!(placed.len(), 1, "{results:?}");
    let order: Value = serde_json::from_str(&placed[0].1).unwrap();
    assert_eq!((order["discount"].as_i64(), order["total"].as_i64()), (Some(500), Some(990 - 500 + 495)));
    assert!(results.iter().all(|r| r.0 == 201 || (r.0 == 409 && r.1.contains("voucher_used"))), "{results:?}");
    assert_eq!(stock(&c, "reisesocken"), stock_before - 1, "only the one order took stock");
}

/// The guarantee does not rest on the server's one mutex-guarded connection: four threads, each
/// with its own connection to one database file, place an order using the same code.
#[test]
fn one_use_across_connections() {
    let path = std::env::temp_dir().join(format!("sf-voucher-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let p = path.to_str().unwrap().to_string();
    let conn = db::open(&p).unwrap();
    let customer = loyalty::customer_by_email(&conn, DANA).unwrap().unwrap().id;
    let loyalty::Outcome::Fresh(stored) = loyalty::redeem(&conn, &demo_program(), customer, "k", "5-euro", db::now_ms()).unwrap() else { panic!("fresh") };
    let code = serde_json::from_str::<Value>(&stored.body).unwrap()["redemption"]["code"].as_str().unwrap().to_string();
    drop(conn);
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let (p, code) = (p.clone(), code.clone());
            std::thread::spawn(move || {
                let conn = rusqlite::Connection::open(&p).unwrap();
                conn.busy_timeout(std::time::Duration::from_secs(30)).unwrap();
                let visitor = format!("visitor-{i}");
                db::set_line(&conn, &visitor, "reisesocken", 1).unwrap();
                let lines = db::cart_lines(&conn, &visitor, "EUR", "de").unwrap();
                let placed = db::place_order_then(&conn, &visitor, "EUR", "DE", &lines, 990, 495, 985, |tx, order_id, now| voucher::consume(tx, &code, order_id, 500, 0, now));
                match placed {
                    Ok(_) => "placed",
                    Err(db::OrderError::VoucherUsed { .. }) => "refused",
                    Err(e) => panic!("{e:?}"),
                }
            })
        })
        .collect();
    let mut outcomes: Vec<&str> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    outcomes.sort_unstable();
    assert_eq!(outcomes, ["placed", "refused", "refused", "refused"]);
    let conn = rusqlite::Connection::open(&p).unwrap();
    let (orders, uses): (i64, i64) = conn.query_row("SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM voucher_uses)", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((orders, uses), (1, 1), "the refused orders were rolled back");
    assert!(conn.execute("DELETE FROM voucher_uses", []).is_err(), "append-only");
    drop(conn);
    let _ = std::fs::remove_file(&path);
}
