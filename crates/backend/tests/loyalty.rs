//! Loyalty points over real HTTP: the programme, demo login, the customer's points, exactly-once
//! redemption (replays, reused keys, concurrency), tokens that are forged, expired or another
//! customer's, and checkout crediting what `schaufenster_core::loyalty` predicts.

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use common::*;
use schaufenster_backend::loyalty::{demo_program, sign_token};
use serde_json::{json, Value};

const SECRET: &str = "test-secret-0123456789abcdef";
const DANA: &str = "demo@kofferkontor.example";
const BERND: &str = "bernd@kofferkontor.example";

fn now_s() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Logs in (or joins); returns (token, customer id).
fn login(c: &Client, email: &str) -> (String, i64) {
    let r = c.send("POST", "/api/loyalty/demo-login", Some(json!({"email": email})));
    assert!(r.status == 200 || r.status == 201, "{}", r.text);
    let v = r.json();
    (v["token"].as_str().unwrap().to_string(), v["customer"]["id"].as_i64().unwrap())
}

fn auth(token: &str) -> String {
    format!("Bearer {token}")
}

fn me(c: &Client, token: &str, query: &str) -> Value {
    let r = c.send_with("GET", &format!("/api/loyalty/me{query}"), &[("Authorization", &auth(token))], None);
    assert_eq!(r.status, 200, "{}", r.text);
    r.json()
}

fn redeem(c: &Client, token: &str, key: Option<&str>, reward: &str) -> Resp {
    let a = auth(token);
    let mut headers = vec![("Authorization", a.as_str())];
    if let Some(k) = key {
        headers.push(("Idempotency-Key", k));
    }
    c.send_with("POST", "/api/loyalty/redeem", &headers, Some(json!({"reward_id": reward})))
}

fn audit(c: &Client, email: &str) -> Value {
    c.get_ok(&format!("/api/_test/loyalty/audit?email={email}"))
}

fn tier_index(tier_id: &Value) -> Option<usize> {
    tier_id.as_str().map(|id| demo_program().tiers.iter().position(|t| t.id == id).unwrap())
}


#[test]
fn program_in_both_languages_and_currencies() {
    let c = Client::new(&server());
    let p = c.get_ok("/api/loyalty/program");
    assert_eq!((p["locale"].clone(), p["currency"].clone()), (json!("de"), json!("EUR")));
    assert_eq!(p["rate"], json!({"currency": "EUR", "points": 1, "per_minor": 100}));
    assert_eq!(p["excluded_products"], json!(["gutschein-25", "gutschein-50"]));
    assert_eq!(p["tiers"], json!([
        {"id": "silber", "name": "Silber", "threshold": 250, "multiplier_percent": 125},
        {"id": "gold", "name": "Gold", "threshold": 1000, "multiplier_percent": 150}
    ]));
    assert_eq!((p["start_bonus"].clone(), p["birthday_bonus"].clone(), p["min_redeem"].clone(), p["max_redemptions_per_order"].clone()), (json!(100), json!(50), json!(100), json!(1)));
    let names = |p: &Value| p["rewards"].as_array().unwrap().iter().map(|r| format!("{} {} {}", r["id"].as_str().unwrap(), r["cost"], r["name"].as_str().unwrap())).collect::<Vec<_>>();
    assert_eq!(names(&p), ["versand 150 Gutschein für kostenlosen Versand", "5-euro 250 5-€-Gutschein", "10-prozent 400 10-%-Gutschein", "reiseset 800 Reiseset gratis"]);
    let p = c.get_ok("/api/loyalty/program?locale=en-GB&currency=CHF");
    assert_eq!(p["rate"], json!({"currency": "CHF", "points": 1, "per_minor": 105}));
    assert_eq!(p["tiers"][0]["name"], "Silver");
    assert_eq!(names(&p), ["versand 150 Free shipping voucher", "5-euro 250 CHF 5 voucher", "10-prozent 400 10% off voucher", "reiseset 800 Free travel kit"]);
    assert_eq!((p["rewards"][1]["amount"].clone(), p["rewards"][1]["currency"].clone()), (json!(500), json!("CHF")));
    assert_eq!(p["rewards"][2]["percent"], 10);
    for bad in ["?locale=fr", "?currency=USD"] {
        assert_eq!(c.get(&format!("/api/loyalty/program{bad}")).status, 400, "{bad}");
    }
}

#[test]
fn demo_customer_sees_balance_tier_rewards_and_history() {
    let c = Client::new(&server());
    let r = c.send("POST", "/api/loyalty/demo-login", Some(json!({"email": " Demo@KofferKontor.example "})));
    assert_eq!(r.status, 200, "{}", r.text);
    let login = r.json();
    assert_eq!((login["customer"]["email"].clone(), login["customer"]["name"].clone()), (json!(DANA), json!("Dana Demo")));
    assert!(login["expires_at"].as_i64().unwrap() > now_s() + 7 * 3600);
    let token = login["token"].as_str().unwrap();
    let m = me(&c, token, "");
    assert_eq!(m["balance"], 317);
    assert_eq!(m["tier"]["progress"], 258);
    assert_eq!((m["tier"]["current"]["id"].clone(), m["tier"]["current"]["name"].clone()), (json!("silber"), json!("Silber")));
    assert_eq!((m["tier"]["next"]["id"].clone(), m["tier"]["remaining"].clone()), (json!("gold"), json!(742)));
    assert_eq!(m["birthday_bonus_credited"], false, "this year's was seeded");
    let rewards: Vec<(String, bool, u64)> = m["rewards"].as_array().unwrap().iter().map(|r| (r["id"].as_str().unwrap().into(), r["affordable"].as_bool().unwrap(), r["missing"].as_u64().unwrap())).collect();
    assert_eq!(rewards, [("versand".into(), true, 0), ("5-euro".into(), true, 0), ("10-prozent".into(), false, 83), ("reiseset".into(), false, 483)]);
    let kinds: Vec<&str> = m["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["purchase", "purchase", "birthday", "redeem", "purchase", "start"], "newest first");
    let sum: i64 = m["history"].as_array().unwrap().iter().map(|h| h["delta"].as_i64().unwrap()).sum();
    assert_eq!(sum, 317, "the balance is the sum of the ledger");
    assert!(m["history"][3]["code"].as_str().unwrap().starts_with("KK-"));
    // English names, CHF amounts.
    let m = me(&c, token, "?locale=en&currency=CHF");
    assert_eq!((m["tier"]["current"]["name"].clone(), m["rewards"][1]["name"].clone()), (json!("Silver"), json!("CHF 5 voucher")));
    assert_eq!(m["history"][3]["reward_name"], "Free shipping voucher");
    // Without a token.
    let r = c.get("/api/loyalty/me");
    assert_eq!((r.status, r.error_code().as_str(), r.header("www-authenticate")), (401, "token_required", Some("Bearer")));
}

#[test]
fn redeem_replay_reuse_refusals() {
    let base = server_with(true, None);
    let c = Client::new(&base);
    let (token, _) = login(&c, DANA);
    let before = audit(&c, DANA);

    let r = redeem(&c, &token, Some("key-1"), "5-euro");
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.header("idempotent-replayed"), None);
    let v = r.json();
    let code = v["redemption"]["code"].as_str().unwrap().to_string();
    assert!(code.len() == 12 && code.starts_with("KK-") && code.as_bytes()[7] == b'-', "{code}");
    assert_eq!((v["redemption"]["reward_id"].clone(), v["redemption"]["cost"].clone(), v["balance"].clone()), (json!("5-euro"), json!(250), json!(67)));
    let m = me(&c, &token, "");
    assert_eq!(m["balance"], 67);
    let h = &m["history"][0];
    assert_eq!((h["kind"].clone(), h["delta"].clone(), h["reward_id"].clone(), h["code"].clone(), h["reward_name"].clone()), (json!("redeem"), json!(-250), json!("5-euro"), json!(code), json!("5-€-Gutschein")));
    assert_eq!(m["rewards"][1]["affordable"], false);

    // The same key and body: the stored response, nothing written.
    let again = redeem(&c, &token, Some("key-1"), "5-euro");
    assert_eq!((again.status, again.text.as_str(), again.header("idempotent-replayed")), (201, r.text.as_str(), Some("true")));
    let a = audit(&c, DANA);
    assert_eq!(a["kinds"]["redeem"]["rows"].as_i64().unwrap(), before["kinds"]["redeem"]["rows"].as_i64().unwrap() + 1, "one ledger row");
    assert_eq!(a["redemptions"].as_i64().unwrap(), before["redemptions"].as_i64().unwrap() + 1);
    assert_eq!((a["balance"].clone(), a["ledger_sum"].clone()), (json!(67), json!(67)));

    // The same key with another body.
    let r = redeem(&c, &token, Some("key-1"), "versand");
    assert_eq!((r.status, r.error_code().as_str()), (422, "idempotency_key_reused"));
    // Not enough points: 409 with what is missing, stored like a success.
    let r = redeem(&c, &token, Some("key-2"), "reiseset");
    assert_eq!((r.status, r.error_code().as_str()), (409, "insufficient_points"));
    assert_eq!((r.json()["error"]["missing"].clone(), r.json()["error"]["balance"].clone()), (json!(733), json!(67)));
    let again = redeem(&c, &token, Some("key-2"), "reiseset");
    assert_eq!((again.status, again.text.as_str(), again.header("idempotent-replayed")), (409, r.text.as_str(), Some("true")));
    // Unknown reward, missing or unusable key, bad body.
    let r = redeem(&c, &token, Some("key-3"), "yacht");
    assert_eq!((r.status, r.error_code().as_str()), (404, "unknown_reward"));
    let r = redeem(&c, &token, None, "versand");
    assert_eq!((r.status, r.error_code().as_str()), (400, "idempotency_key_required"));
    let long = "k".repeat(101);
    let r = redeem(&c, &token, Some(&long), "versand");
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_idempotency_key"));
    assert_eq!(redeem(&c, &token, Some(&"k".repeat(100)), "versand").status, 409, "100 characters are fine (67 < 150)");
    let a = auth(&token);
    let r = c.send_with("POST", "/api/loyalty/redeem", &[("Authorization", &a), ("Idempotency-Key", "key-4")], Some(json!({"reward": "versand"})));
    assert_eq!(r.status, 422);
    let r = redeem(&c, &token, Some("key-5"), "");
    assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_reward_id"));
    assert_eq!(audit(&c, DANA)["balance"], 67, "nothing else was redeemed");

    // Keys belong to their customer: Bernd's "key-1" is his own (129 < 250: refused, not Dana's 201).
    let (bernd, _) = login(&c, BERND);
    let r = redeem(&c, &bernd, Some("key-1"), "5-euro");
    assert_eq!((r.status, r.header("idempotent-replayed")), (409, None));
    assert_eq!(r.json()["error"]["balance"], 129);
    assert!(!r.text.contains(&code));
}

#[test]
fn forged_expired_and_foreign_tokens() {
    let base = server_with_secret(false, None, Some(SECRET));
    let c = Client::new(&base);
    let (dana, dana_id) = login(&c, DANA);
    let (bernd, bernd_id) = login(&c, BERND);
    let dana_codes: Vec<String> = me(&c, &dana, "")["history"].as_array().unwrap().iter().filter_map(|h| h["code"].as_str().map(str::to_string)).collect();
    let dana_ids: Vec<i64> = me(&c, &dana, "")["history"].as_array().unwrap().iter().map(|h| h["id"].as_i64().unwrap()).collect();

    let (payload, sig) = bernd.split_once('.').unwrap();
    // Bernd rewrites his payload to Dana's id and keeps his signature.
    let forged_payload = URL_SAFE_NO_PAD.encode(json!({"sub": dana_id.to_string(), "exp": now_s() + 3600}).to_string());
    // A changed signature (one byte flipped).
    let mut raw = URL_SAFE_NO_PAD.decode(sig).unwrap();
    raw[5] ^= 0x20;
    let flipped = format!("{payload}.{}", URL_SAFE_NO_PAD.encode(&raw));
    let cases = [
        (format!("{forged_payload}.{sig}"), "invalid_token"),
        (flipped, "invalid_token"),
        (sign_token(b"a-different-secret-0123", dana_id, now_s() + 3600), "invalid_token"),
        (sign_token(SECRET.as_bytes(), dana_id, now_s() - 5), "expired_token"),
        (sign_token(SECRET.as_bytes(), 999_999, now_s() + 3600), "invalid_token"),
        (payload.to_string(), "invalid_token"),
        ("not-a-token".to_string(), "invalid_token"),
    ];
    c.ok("POST", "/api/cart/lines", json!({"product_id": "daypack", "quantity": 1}));
    for (token, code) in &cases {
        for (method, path) in [("GET", "/api/loyalty/me"), ("POST", "/api/loyalty/redeem"), ("POST", "/api/checkout")] {
            let a = auth(token);
            let r = c.send_with(method, path, &[("Authorization", &a), ("Idempotency-Key", "forged")], Some(json!({"reward_id": "versand"})));
            assert_eq!((r.status, r.error_code().as_str()), (401, *code), "{method} {path} {token}");
            assert!(!r.text.contains("Dana") && !r.text.contains("balance") && !r.text.contains("KK-"), "{}", r.text);
        }
    }
    for header in ["Basic ZGFuYTp4", "Bearer", "Bearer "] {
        let r = c.send_with("GET", "/api/loyalty/me", &[("Authorization", header)], None);
        assert_eq!((r.status, r.error_code().as_str()), (401, "invalid_token"), "{header}");
    }
    // Nothing happened: no redemption, the cart is still there (no order), balances unchanged.
    assert_eq!(me(&c, &dana, "")["balance"], 317);
    assert_eq!(c.get_ok("/api/cart")["item_count"], 1);

    // Bernd's token shows Bernd, never Dana.
    let m = me(&c, &bernd, "");
    assert_eq!((m["customer"]["id"].clone(), m["customer"]["email"].clone(), m["balance"].clone()), (json!(bernd_id), json!(BERND), json!(129)));
    assert!(m["history"].as_array().unwrap().iter().all(|h| !dana_ids.contains(&h["id"].as_i64().unwrap())));
    assert!(dana_codes.iter().all(|code| !m.to_string().contains(code.as_str())));
    // A token the shop's own server signed with the shared secret works like a demo login.
    let own = sign_token(SECRET.as_bytes(), bernd_id, now_s() + 60);
    assert_eq!(me(&c, &own, "")["customer"]["email"], BERND);
}

#[test]
fn join_with_start_bonus_and_birthday_bonus_once() {
    let c = Client::new(&server());
    let r = c.send("POST", "/api/loyalty/demo-login", Some(json!({"email": "neu@example.org", "name": "Nora Neu", "birthday": "01-01"})));
    assert_eq!(r.status, 201, "{}", r.text);
    let token = r.json()["token"].as_str().unwrap().to_string();
    assert_eq!((r.json()["customer"]["name"].clone(), r.json()["customer"]["birthday"].clone()), (json!("Nora Neu"), json!("01-01")));
    // 1 January has always passed: the first look credits the bonus, the second does not.
    let m = me(&c, &token, "");
    assert_eq!((m["balance"].clone(), m["birthday_bonus_credited"].clone()), (json!(150), json!(true)));
    assert_eq!((m["tier"]["progress"].clone(), m["tier"]["current"].clone()), (json!(0), Value::Null), "bonuses do not count towards tiers");
    let m = me(&c, &token, "");
    assert_eq!((m["balance"].clone(), m["birthday_bonus_credited"].clone()), (json!(150), json!(false)));
    let kinds: Vec<&str> = m["history"].as_array().unwrap().iter().map(|h| h["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["birthday", "start"]);
    // Logging in again is not joining again.
    let r = c.send("POST", "/api/loyalty/demo-login", Some(json!({"email": "NEU@example.org"})));
    assert_eq!(r.status, 200);
    assert_eq!(me(&c, r.json()["token"].as_str().unwrap(), "")["balance"], 150);
    for (body, code) in [
        (json!({"email": "no-at-sign"}), "invalid_email"),
        (json!({"email": "a@b.c", "birthday": "13-01"}), "invalid_birthday"),
        (json!({"email": "a@b.c", "birthday": "02-30"}), "invalid_birthday"),
    ] {
        let r = c.send("POST", "/api/loyalty/demo-login", Some(body.clone()));
        assert_eq!((r.status, r.error_code().as_str()), (400, code), "{body}");
    }
    assert_eq!(c.send("POST", "/api/loyalty/demo-login", Some(json!({"mail": "a@b.c"}))).status, 422);
}

/// Puts `lines` into a fresh visitor's cart in `currency`; returns the client and the cart.
fn cart_with(base: &str, currency: &str, lines: &[(&str, u32)]) -> (Client, Value) {
    let c = Client::new(base);
    c.ok("PUT", "/api/cart/settings", json!({"currency": currency}));
    for (id, q) in lines {
        c.ok("POST", "/api/cart/lines", json!({"product_id": id, "quantity": q}));
    }
    let cart = c.get_ok("/api/cart");
    (c, cart)
}

fn checkout(c: &Client, token: Option<&str>) -> Value {
    let a = token.map(auth);
    let headers: Vec<(&str, &str)> = a.iter().map(|a| ("Authorization", a.as_str())).collect();
    let r = c.send_with("POST", "/api/checkout", &headers, None);
    assert_eq!(r.status, 201, "{}", r.text);
    r.json()
}

#[test]
fn checkout_credits_what_the_rules_predict() {
    let base = server();
    let program = demo_program();

    // Dana (Silber, ×1.25): a suitcase and a gift card; the gift card earns nothing.
    let (c, cart) = cart_with(&base, "EUR", &[("koffer-m", 1), ("gutschein-25", 1)]);
    let (token, _) = login(&c, DANA);
    let before = me(&c, &token, "");
    let predicted = program.earn(&widget_cart(&cart), tier_index(&before["tier"]["current"]["id"])).points;
    assert_eq!(predicted, 211, "169 € × 1.25 = 211.25, rounded down");
    let order = checkout(&c, Some(&token));
    assert_eq!(order["points_earned"], predicted);
    let after = me(&c, &token, "");
    assert_eq!(after["balance"].as_u64().unwrap(), before["balance"].as_u64().unwrap() + predicted);
    assert_eq!(after["tier"]["progress"].as_u64().unwrap(), 258 + predicted);
    let h = &after["history"][0];
    assert_eq!((h["kind"].clone(), h["delta"].clone(), h["order_id"].clone()), (json!("purchase"), json!(predicted), order["order_id"].clone()));

    // The same goods in EUR and in CHF earn the same (two new customers, no tier yet).
    let goods = [("koffer-m", 1), ("handgepaeck-trolley", 1)];
    let mut earned = Vec::new();
    for (cur, email) in [("EUR", "eur@example.org"), ("CHF", "chf@example.org")] {
        let (c, cart) = cart_with(&base, cur, &goods);
        let (token, _) = login(&c, email);
        let predicted = program.earn(&widget_cart(&cart), None).points;
        let order = checkout(&c, Some(&token));
        assert_eq!((order["currency"].as_str().unwrap(), order["points_earned"].as_u64().unwrap()), (cur, predicted));
        assert_eq!(me(&c, &token, "")["balance"].as_u64().unwrap(), 100 + predicted);
        earned.push(predicted);
    }
    assert_eq!(earned, [298, 298], "298 € and 313.80 CHF");

    // A guest checkout still works as before and credits nobody.
    let (g, _) = cart_with(&base, "EUR", &[("daypack", 1)]);
    let order = checkout(&g, None);
    assert_eq!((order["subtotal"].clone(), order["points_earned"].clone()), (json!(5900), json!(0)));
    assert_eq!(me(&c, &token, "")["balance"], after["balance"]);
    // A cart of gift cards only earns nothing and writes no ledger row.
    let (c, _) = cart_with(&base, "EUR", &[("gutschein-50", 1)]);
    let (token, _) = login(&c, BERND);
    assert_eq!(checkout(&c, Some(&token))["points_earned"], 0);
    assert_eq!(me(&c, &token, "")["history"].as_array().unwrap().len(), 2, "start and the seeded purchase only");
}

/// Runs `n` redemptions at once, each from its own thread and connection.
fn race(base: &str, token: &str, keys: Vec<String>, reward: &'static str) -> Vec<Resp> {
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(keys.len()));
    let handles: Vec<_> = keys
        .into_iter()
        .map(|key| {
            let (base, token, barrier) = (base.to_string(), token.to_string(), barrier.clone());
            std::thread::spawn(move || {
                let c = Client::new(&base);
                barrier.wait();
                redeem(&c, &token, Some(&key), reward)
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

#[test]
fn twenty_concurrent_requests_with_one_key_redeem_once() {
    let base = server_with(true, None);
    let c = Client::new(&base);
    let (token, _) = login(&c, "race-one@example.org");
    c.ok("POST", "/api/_test/loyalty/credit", json!({"email": "race-one@example.org", "points": 1000}));
    let responses = race(&base, &token, vec!["same-key".to_string(); 20], "5-euro");
    assert!(responses.iter().all(|r| r.status == 201 && r.text == responses[0].text), "all get the one response");
    assert_eq!(responses.iter().filter(|r| r.header("idempotent-replayed").is_none()).count(), 1, "one decided, 19 replayed");
    let a = audit(&c, "race-one@example.org");
    assert_eq!((a["redemptions"].clone(), a["kinds"]["redeem"]["rows"].clone(), a["idempotency_keys"].clone()), (json!(1), json!(1), json!(1)));
    assert_eq!((a["balance"].clone(), a["ledger_sum"].clone()), (json!(850), json!(850)));
}

#[test]
fn twenty_concurrent_keys_never_overdraw() {
    let base = server_with(true, None);
    let c = Client::new(&base);
    let (token, _) = login(&c, "race-many@example.org");
    // 100 start bonus + 650 = 750: three "5-euro" vouchers of 250.
    c.ok("POST", "/api/_test/loyalty/credit", json!({"email": "race-many@example.org", "points": 650}));
    let responses = race(&base, &token, (0..20).map(|i| format!("key-{i}")).collect(), "5-euro");
    let ok: Vec<&Resp> = responses.iter().filter(|r| r.status == 201).collect();
    assert_eq!(ok.len(), 3);
    assert!(responses.iter().all(|r| r.status == 201 || (r.status == 409 && r.error_code() == "insufficient_points")));
    let mut codes: Vec<String> = ok.iter().map(|r| r.json()["redemption"]["code"].as_str().unwrap().to_string()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 3, "distinct codes");
    let a = audit(&c, "race-many@example.org");
    assert_eq!((a["balance"].clone(), a["ledger_sum"].clone(), a["min_running_balance"].clone()), (json!(0), json!(0), json!(0)));
    assert_eq!((a["redemptions"].clone(), a["redemption_costs"].clone(), a["idempotency_keys"].clone()), (json!(3), json!(750), json!(20)));
    assert_eq!(me(&c, &token, "")["balance"], 0);
}

#[test]
fn test_endpoints_need_the_flag() {
    let c = Client::new(&server());
    let r = c.send("POST", "/api/_test/loyalty/credit", Some(json!({"email": DANA, "points": 1000})));
    assert_eq!((r.status, r.error_code().as_str()), (404, "faults_disabled"));
    let r = c.get(&format!("/api/_test/loyalty/audit?email={DANA}"));
    assert_eq!((r.status, r.error_code().as_str()), (404, "faults_disabled"));
    let c = Client::new(&server_with(true, None));
    for points in [0, -5, 10_000_001] {
        let r = c.send("POST", "/api/_test/loyalty/credit", Some(json!({"email": DANA, "points": points})));
        assert_eq!((r.status, r.error_code().as_str()), (400, "invalid_points"), "{points}");
    }
    let r = c.send("POST", "/api/_test/loyalty/credit", Some(json!({"email": "nobody@example.org", "points": 5})));
    assert_eq!((r.status, r.error_code().as_str()), (404, "unknown_customer"));
}
