//! The FAQ over real HTTP: the list in both languages, feedback votes, the consented search log
//! (normalisation, validation) and the shop owner's report, and that no visitor id ever leaves
//! the server.

mod common;

use common::*;
use serde_json::{json, Value};

/// POST that must answer 204 with an empty body.
fn no_content(c: &Client, path: &str, body: Value) {
    let r = c.send("POST", path, Some(body.clone()));
    assert_eq!(r.status, 204, "POST {path} {body}: {}", r.text);
    assert!(r.text.is_empty(), "{}", r.text);
}

fn vote(c: &Client, id: &str, helpful: bool) {
    no_content(c, "/api/faq/feedback", json!({"entry_id": id, "helpful": helpful}));
}

fn search(c: &Client, query: &str, results: i64, locale: &str) {
    no_content(c, "/api/faq/search-log", json!({"query": query, "results": results, "locale": locale}));
}

fn source(locale: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(repo_root().join(format!("crates/backend/data/faq.{locale}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn report(c: &Client, query: &str) -> Value {
    c.get_ok(&format!("/api/faq/report?{query}"))
}

fn entry<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["entries"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("{id} not in report"))
}

#[test]
fn list_in_both_locales_in_file_order() {
    let base = server();
    let c = Client::new(&base);
    for (query, locale, count) in [("", "de", 82), ("?locale=de", "de", 82), ("?locale=de-DE", "de", 82), ("?locale=en", "en", 81), ("?locale=EN-gb", "en", 81)] {
        let v = c.get_ok(&format!("/api/faq{query}"));
        assert_eq!(v.as_object().unwrap().keys().collect::<Vec<_>>(), ["entries", "locale"]);
        assert_eq!(v["locale"], locale, "{query}");
        let entries = v["entries"].as_array().unwrap();
        assert_eq!(entries.len(), count, "{query}");
        // Exactly the source, field for field, in file order (answers' HTML unchanged).
        assert_eq!(entries, &source(locale), "{query}");
        for e in entries {
            let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort();
            assert_eq!(keys, ["answer", "category", "id", "popularity", "question", "tags"]);
        }
    }
    let de = c.get_ok("/api/faq");
    assert_eq!(de["entries"][0]["id"], "versand-kosten");
    assert!(de["entries"][0]["answer"].as_str().unwrap().contains("<strong>ab 50 € Bestellwert versandkostenfrei</strong>"));
    assert_eq!(c.get_ok("/api/faq?locale=en")["entries"][0]["id"], "en-shipping-cost");
}

#[test]
fn bad_locale_is_400_everywhere() {
    let base = server();
    let c = Client::new(&base);
    for path in ["/api/faq?locale=fr", "/api/faq?locale=", "/api/faq/report?locale=xx"] {
        let r = c.get(path);
        assert_eq!((r.status, r.error_code()), (400, "unsupported_locale".into()), "{path}");
    }
    let r = c.send("POST", "/api/faq/search-log", Some(json!({"query": "koffer", "results": 0, "locale": "fr"})));
    assert_eq!((r.status, r.error_code()), (400, "unsupported_locale".into()));
    let r = c.get("/api/faq/report?limit=viele");
    assert_eq!((r.status, r.error_code()), (400, "invalid_limit".into()));
    // Nothing logged by the refused request.
    assert_eq!(report(&c, "locale=de")["zero_result_queries"], json!([]));
}

#[test]
fn feedback_votes_and_replacement() {
    let base = server();
    let (a, b) = (Client::new(&base), Client::new(&base));
    a.get_ok("/api/health");
    b.get_ok("/api/health");

    vote(&a, "versand-kosten", true);
    vote(&b, "versand-kosten", true);
    let r = report(&a, "locale=de");
    assert_eq!((entry(&r, "versand-kosten")["helpful"].as_i64(), entry(&r, "versand-kosten")["not_helpful"].as_i64()), (Some(2), Some(0)));

    // A second vote of the same visitor replaces the first.
    vote(&b, "versand-kosten", false);
    let r = report(&a, "locale=de");
    let e = entry(&r, "versand-kosten");
    assert_eq!((e["helpful"].as_i64(), e["not_helpful"].as_i64(), e["ratio"].as_f64()), (Some(1), Some(1), Some(0.5)));
    vote(&b, "versand-kosten", false);
    let r = report(&a, "locale=de");
    assert_eq!(entry(&r, "versand-kosten")["not_helpful"], 1, "repeating the same vote counts once");

    // Unknown entries, wrong types and unknown fields.
    let r = a.send("POST", "/api/faq/feedback", Some(json!({"entry_id": "gibt-es-nicht", "helpful": true})));
    assert_eq!((r.status, r.error_code()), (404, "unknown_entry".into()));
    for body in [json!({"entry_id": "versand-kosten", "helpful": "ja"}), json!({"entry_id": "versand-kosten"}), json!({"entry_id": "versand-kosten", "helpful": true, "visitor": "x"})] {
        assert_eq!(a.send("POST", "/api/faq/feedback", Some(body.clone())).status, 422, "{body}");
    }
    // English entries are voted on by their own ids and reported in their own locale.
    vote(&a, "en-shipping-cost", false);
    let en = report(&a, "locale=en");
    assert_eq!(entry(&en, "en-shipping-cost")["ratio"], 0.0);
    assert!(report(&a, "locale=de")["entries"].as_array().unwrap().iter().all(|e| e["id"] != "en-shipping-cost"));
}

#[test]
fn search_log_normalises_and_validates() {
    let base = server();
    let c = Client::new(&base);
    search(&c, "  Rücksendung   KOSTEN \n", 0, "de");
    search(&c, "rücksendung kosten", 0, "de-DE");
    search(&c, "RÜCKSENDUNG\tkosten", 0, "de");
    // Empty queries are accepted and not stored.
    search(&c, "", 0, "de");
    search(&c, "   \t ", 0, "de");
    // Long queries are cut to 200 characters.
    let long = format!("{}  ENDE", "ä".repeat(250));
    search(&c, &long, 0, "de");
    let r = report(&c, "locale=de");
    assert_eq!(r["zero_result_queries"], json!([{"query": "rücksendung kosten", "count": 3}, {"query": "ä".repeat(200), "count": 1}]));

    // Validation: negative results 400, missing or mistyped fields 422; none of them logged.
    let r = c.send("POST", "/api/faq/search-log", Some(json!({"query": "koffer", "results": -1, "locale": "de"})));
    assert_eq!((r.status, r.error_code()), (400, "invalid_results".into()));
    for body in [
        json!({"query": "koffer", "locale": "de"}),
        json!({"query": "koffer", "results": "0", "locale": "de"}),
        json!({"query": "koffer", "results": 1.5, "locale": "de"}),
        json!({"results": 0, "locale": "de"}),
        json!({"query": "koffer", "results": 0}),
        json!({"query": "koffer", "results": 0, "locale": "de", "visitor": "abc"}),
    ] {
        assert_eq!(c.send("POST", "/api/faq/search-log", Some(body.clone())).status, 422, "{body}");
    }
    assert_eq!(report(&c, "locale=de")["zero_result_queries"].as_array().unwrap().len(), 2);
}

#[test]
fn report_aggregates() {
    let base = server();
    let c = Client::new(&base);
    // Zero-result ranking: by count, then query; searches with results and other locales don't count.
    for (q, n) in [("paypal raten", 3), ("klarna", 3), ("hundebox", 5), ("abholung", 1), ("zoll", 2)] {
        for _ in 0..n {
            search(&c, q, 0, "de");
        }
    }
    search(&c, "versand", 7, "de");
    search(&c, "versand", 7, "de");
    search(&c, "customs", 0, "en");
    search(&c, "hundebox", 0, "en");
    let r = report(&c, "locale=de");
    assert_eq!(r["locale"], "de");
    assert_eq!(r["limit"], 20);
    assert_eq!(
        r["zero_result_queries"],
        json!([{"query": "hundebox", "count": 5}, {"query": "klarna", "count": 3}, {"query": "paypal raten", "count": 3}, {"query": "zoll", "count": 2}, {"query": "abholung", "count": 1}])
    );
    assert_eq!(report(&c, "locale=de&limit=2")["zero_result_queries"], json!([{"query": "hundebox", "count": 5}, {"query": "klarna", "count": 3}]));
    assert_eq!(report(&c, "locale=de&limit=0")["limit"], 1, "clamped");
    assert_eq!(report(&c, "locale=de&limit=5000")["limit"], 100, "clamped");
    assert_eq!(report(&c, "locale=en")["zero_result_queries"], json!([{"query": "customs", "count": 1}, {"query": "hundebox", "count": 1}]));
    assert_eq!(report(&c, "")["locale"], "de", "de is the default");

    // Helpful ratio: 3 visitors, most votes first, ties in file order, null without votes.
    let de = source("de");
    let (first, second, third) = (de[0]["id"].as_str().unwrap(), de[1]["id"].as_str().unwrap(), de[5]["id"].as_str().unwrap());
    let visitors: Vec<Client> = (0..3).map(|_| Client::new(&base)).collect();
    for v in &visitors {
        v.get_ok("/api/health");
    }
    vote(&visitors[0], third, true);
    vote(&visitors[1], third, true);
    vote(&visitors[2], third, false);
    vote(&visitors[0], second, false);
    vote(&visitors[0], first, true);
    let r = report(&c, "locale=de");
    let entries = r["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 82, "every entry of the locale");
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..3], [third, first, second]);
    assert_eq!(entries[0]["question"], de[5]["question"]);
    let ratio = entries[0]["ratio"].as_f64().unwrap();
    assert!((ratio - 2.0 / 3.0).abs() < 1e-9, "{ratio}");
    assert_eq!((entries[0]["helpful"].as_i64(), entries[0]["not_helpful"].as_i64()), (Some(2), Some(1)));
    assert_eq!((entries[1]["ratio"].as_f64(), entries[2]["ratio"].as_f64()), (Some(1.0), Some(0.0)));
    // The rest have no votes: ratio null, zeros, in file order.
    let rest: Vec<&str> = de.iter().map(|e| e["id"].as_str().unwrap()).filter(|id| ![first, second, third].contains(id)).collect();
    assert_eq!(&ids[3..], rest.as_slice());
    for e in &entries[3..] {
        assert_eq!((e["helpful"].as_i64(), e["not_helpful"].as_i64(), &e["ratio"]), (Some(0), Some(0), &Value::Null), "{e}");
        let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["helpful", "id", "not_helpful", "question", "ratio"]);
    }
}

/// No response of the FAQ endpoints contains a visitor id; the search log has no visitor column.
#[test]
fn no_visitor_id_leaves_the_server() {
    let base = server();
    let voters: Vec<Client> = (0..3).map(|_| Client::new(&base)).collect();
    let mut ids = Vec::new();
    for (i, v) in voters.iter().enumerate() {
        v.get_ok("/api/health");
        ids.push(v.cookie.borrow().clone().unwrap());
        vote(v, "versand-kosten", i % 2 == 0);
        search(v, "gibt es nicht", 0, "de");
        search(v, "gibt es nicht", 0, "en");
    }
    let c = &voters[0];
    let mut texts = Vec::new();
    for path in ["/api/faq", "/api/faq?locale=en", "/api/faq/report", "/api/faq/report?locale=en&limit=100"] {
        let r = c.get(path);
        assert_eq!(r.status, 200, "{path}");
        texts.push(r.text);
    }
    for body in [json!({"entry_id": "nope", "helpful": true}), json!({"entry_id": "versand-kosten", "helpful": 1})] {
        texts.push(c.send("POST", "/api/faq/feedback", Some(body)).text);
    }
    texts.push(c.send("POST", "/api/faq/search-log", Some(json!({"query": "x", "results": -3, "locale": "de"}))).text);
    for text in &texts {
        assert!(!text.contains("visitor"), "{text}");
        for id in &ids {
            assert!(!text.contains(id.as_str()), "visitor id in {text}");
        }
    }
    assert_eq!(report(c, "locale=de")["zero_result_queries"], json!([{"query": "gibt es nicht", "count": 3}]));
}

/// The shop owner's page is served and CSP-safe: scripts only by `src`, no inline styles or
/// event handlers; the tables are accessible (captions, header scopes).
#[test]
fn report_page_is_served_and_csp_safe() {
    let base = server();
    let c = Client::new(&base);
    let page = c.get("/faq-report.html");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    let html = page.text;
    assert!(html.contains(r#"<script type="module" src="/faq-report.js"></script>"#));
    assert_eq!(html.matches("<script").count(), html.matches("<script src=").count() + html.matches(r#"<script type="module" src="#).count(), "inline script");
    assert!(!html.contains("style=") && !html.contains("<style"), "inline style");
    let handler = html.split(" on").skip(1).any(|rest| {
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        !name.is_empty() && rest[name.len()..].starts_with('=')
    });
    assert!(!handler, "inline event handler");
    assert_eq!(html.matches("<caption").count(), 2);
    assert_eq!(html.matches("<th scope=\"col\"").count(), 6);
    let js = c.get("/faq-report.js");
    assert_eq!(js.status, 200);
    assert!(js.header("content-type").unwrap().contains("javascript"));
    assert!(js.text.contains("/api/faq/report?locale=") && !js.text.contains("innerHTML"));
}
