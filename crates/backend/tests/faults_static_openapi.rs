//! Fault injection, static files, and the OpenAPI document (drift and route coverage).

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::json;

#[test]
fn faults_are_off_without_the_flag() {
    let c = Client::new(&server());
    let r = c.get("/api/_faults");
    assert_eq!((r.status, r.error_code().as_str()), (404, "faults_disabled"));
    let r = c.send("PUT", "/api/_faults", Some(json!({"mode": "error"})));
    assert_eq!((r.status, r.error_code().as_str()), (404, "faults_disabled"));
    assert_eq!(c.get("/api/cart").status, 200);
}

#[test]
fn each_fault_mode() {
    let base = server_with(true, None);
    let c = Client::new(&base);
    let other = Client::new(&base);
    assert_eq!(c.get_ok("/api/_faults")["mode"], "none");

    // error with a chosen status, only under the prefix, only for this visitor, only GET.
    let f = c.ok("PUT", "/api/_faults", json!({"mode": "error", "status": 503, "path_prefix": "/api/cart"}));
    assert_eq!(f, json!({"mode": "error", "status": 503, "delay_ms": 0, "path_prefix": "/api/cart"}));
    assert_eq!(c.get_ok("/api/_faults"), f);
    let r = c.get("/api/cart");
    assert_eq!((r.status, r.error_code().as_str()), (503, "injected_fault"));
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(c.get("/api/products").status, 200, "outside the prefix");
    assert_eq!(other.get("/api/cart").status, 200, "other visitor");
    assert_eq!(c.send("POST", "/api/cart/lines", Some(json!({"product_id": "daypack", "quantity": 1}))).status, 200, "POST unaffected");
    // Default status is 500.
    c.ok("PUT", "/api/_faults", json!({"mode": "error"}));
    assert_eq!(c.get("/api/health").status, 500);

    // malformed: 200, JSON content type, truncated body.
    c.ok("PUT", "/api/_faults", json!({"mode": "malformed", "path_prefix": "/api/cart"}));
    let r = c.get("/api/cart");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.text, "{\"lines\": [");
    assert!(serde_json::from_str::<serde_json::Value>(&r.text).is_err());

    // slow: answers normally after delay_ms.
    c.ok("PUT", "/api/_faults", json!({"mode": "slow", "delay_ms": 300}));
    let t = Instant::now();
    let cart = c.get_ok("/api/cart");
    assert!(t.elapsed() >= Duration::from_millis(300), "{:?}", t.elapsed());
    assert_eq!(cart["item_count"], 1);
    assert_eq!(c.ok("PUT", "/api/_faults", json!({"mode": "slow"}))["delay_ms"], 1500);

    // timeout: holds the response for delay_ms, then 504; a client with a shorter timeout gives up.
    c.ok("PUT", "/api/_faults", json!({"mode": "timeout", "delay_ms": 300}));
    let t = Instant::now();
    let r = c.get("/api/cart");
    assert!(t.elapsed() >= Duration::from_millis(300));
    assert_eq!((r.status, r.error_code().as_str()), (504, "injected_timeout"));
    let f = c.ok("PUT", "/api/_faults", json!({"mode": "timeout"}));
    assert_eq!(f["delay_ms"], 30000);
    let impatient = Client::with_timeout(&base, Duration::from_millis(200));
    *impatient.cookie.borrow_mut() = c.cookie.borrow().clone();
    let t = Instant::now();
    assert!(impatient.try_send("GET", "/api/cart", None).is_err(), "held back past the client's timeout");
    assert!(t.elapsed() < Duration::from_secs(5));

    // none clears.
    assert_eq!(c.ok("PUT", "/api/_faults", json!({"mode": "none"}))["mode"], "none");
    assert_eq!(c.get("/api/cart").status, 200);

    // Validation.
    for (body, status) in [
        (json!({"mode": "explode"}), 422),
        (json!({"mode": "error", "status": 200}), 400),
        (json!({"mode": "slow", "delay_ms": 999999}), 400),
        (json!({"mode": "error", "path_prefix": "api"}), 400),
        (json!({"mode": "error", "stauts": 500}), 422),
    ] {
        assert_eq!(c.send("PUT", "/api/_faults", Some(body.clone())).status, status, "{body}");
    }
}

fn temp_www() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sf-backend-www-{}-{:?}", std::process::id(), std::thread::current().id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Kofferkontor</title>").unwrap();
    std::fs::write(dir.join("sub/index.html"), "<!doctype html><title>Sub</title>").unwrap();
    std::fs::write(dir.join("app.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("app.js"), "export {};").unwrap();
    dir
}

#[test]
fn static_files_with_types_and_security_headers() {
    let www = temp_www();
    let c = Client::new(&server_with(false, Some(www.clone())));
    // (path, status, content type prefix, body contains)
    let rows = [
        ("/", 200, "text/html", "Kofferkontor"),
        ("/index.html", 200, "text/html", "Kofferkontor"),
        ("/sub/", 200, "text/html", "Sub"),
        ("/app.wasm", 200, "application/wasm", "asm"),
        ("/app.js", 200, "text/javascript", "export"),
        ("/missing.css", 404, "", ""),
    ];
    for (path, status, ctype, contains) in rows {
        let r = c.get(path);
        assert_eq!(r.status, status, "{path}");
        assert!(r.header("content-type").unwrap_or("").starts_with(ctype), "{path}: {:?}", r.header("content-type"));
        assert!(r.text.contains(contains), "{path}");
        assert_eq!(
            r.header("content-security-policy"),
            Some("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:"),
            "{path}"
        );
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(r.header("cache-control"), None, "{path}: no-store is for the API only");
    }
    let _ = std::fs::remove_dir_all(www);
    // The real www serves the product images as SVG.
    let c = Client::new(&server());
    let r = c.get("/img/daypack.svg");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("image/svg+xml"));
}

/// Every shop page gets the one shared header over HTTP: the same five links everywhere, the
/// page's own marked as current, no include marker left.
#[test]
fn shop_pages_share_one_header() {
    let c = Client::new(&server());
    let links = ["href=\"/\"", "href=\"/cart.html\"", "href=\"/advisor.html\"", "href=\"/help.html\"", "href=\"/konto.html\""];
    for (path, current) in [("/", Some("/")), ("/index.html", Some("/")), ("/cart.html", Some("/cart.html")), ("/product.html", None), ("/advisor.html", Some("/advisor.html")), ("/help.html", Some("/help.html")), ("/konto.html", Some("/konto.html"))] {
        let r = c.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(!r.text.contains("#include"), "{path}: marker left");
        let header = &r.text[r.text.find("<header").unwrap_or_else(|| panic!("{path}: no header"))..r.text.find("</header>").unwrap()];
        for l in links {
            assert!(header.contains(l), "{path}: no {l} link");
        }
        assert_eq!(r.text.matches("class=\"skip-link\"").count(), 1, "{path}");
        match current {
            Some(c) => {
                // In the navigation, not on the brand link (which also points at "/").
                let nav = &header[header.find("<nav").unwrap()..];
                assert!(nav.contains(&format!("href=\"{c}\" aria-current=\"page\"")) && header.matches("aria-current").count() == 1, "{path}")
            }
            None => assert!(!header.contains("aria-current"), "{path}"),
        }
        if let Some(length) = r.header("content-length") {
            assert_eq!(length.parse::<usize>().unwrap(), r.text.len(), "{path}: the filled page's length");
        }
    }
}

fn openapi_path() -> std::path::PathBuf {
    repo_root().join("openapi/openapi.json")
}

/// The committed `openapi/openapi.json` equals the document built in code.
/// Run with `UPDATE_SNAPSHOTS=1` to rewrite it after changing the API.
#[test]
fn openapi_snapshot_is_current() {
    let want = serde_json::to_string_pretty(&schaufenster_backend::openapi::openapi()).unwrap() + "\n";
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(openapi_path(), &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(openapi_path()).unwrap_or_default();
    assert!(
        have == want,
        "openapi/openapi.json is out of date; run `UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-backend --test faults_static_openapi` and commit it"
    );
}

/// Every route of the router is documented and every documented operation is routed.
#[test]
fn openapi_covers_exactly_the_routes() {
    let doc = schaufenster_backend::openapi::openapi();
    assert_eq!(doc["openapi"], "3.1.0");
    let documented = schaufenster_backend::openapi::operations(&doc);
    let mut routed = schaufenster_backend::route_list();
    routed.sort();
    let missing: Vec<_> = routed.iter().filter(|r| !documented.contains(r)).collect();
    let extra: Vec<_> = documented.iter().filter(|d| !routed.contains(d)).collect();
    assert!(missing.is_empty(), "routes missing from the OpenAPI document: {missing:?}");
    assert!(extra.is_empty(), "documented operations without a route: {extra:?}");

    // And over HTTP: each documented operation reaches a handler (not the API's 404 fallback,
    // not 405), with `{product_id}` filled in.
    let c = Client::new(&server_with(true, None));
    for (method, path) in &documented {
        let path = path.replace("{product_id}", "daypack");
        let body = if method == "GET" || method == "DELETE" { None } else { Some(json!({})) };
        let r = c.send(method, &path, body);
        assert_ne!(r.status, 405, "{method} {path}");
        if r.status == 404 {
            assert_ne!(r.error_code(), "no_route", "{method} {path}");
        }
    }
    // Every $ref resolves.
    let text = doc.to_string();
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap();
        assert!(doc["components"]["schemas"].get(name).is_some(), "dangling $ref {name}");
    }
}

#[test]
fn platform_fixtures_only_in_test_mode() {
    let c = Client::new(&server());
    for (path, _) in schaufenster_backend::platform::PATHS {
        let r = c.get(path);
        assert_eq!((r.status, r.error_code().as_str()), (404, "faults_disabled"), "{path}");
    }
    let c = Client::new(&server_with(true, None));
    for (path, body) in schaufenster_backend::platform::PATHS {
        let r = c.send_with("GET", path, &[("sw-access-key", "SWSCTEST"), ("sw-context-token", "ctx-1")], None);
        assert_eq!((r.status, r.header("content-type")), (200, Some("application/json")), "{path}");
        assert_eq!(r.text, body, "{path}");
    }
    for path in ["/store-api/checkout/cart", "/store-api/product"] {
        let r = c.get(path);
        assert_eq!(r.status, 401, "Shopware refuses a request without sw-access-key: {path}");
    }
    for path in ["/recommendations/products.json", "/recommendations/products.json?product_id=&limit=3", "/recommendations/products.json?product_id=abc"] {
        let r = c.get(path);
        assert_eq!(r.status, 422, "Shopify needs a numeric product_id: {path}");
    }
    let r = c.send_with("GET", "/store-api/checkout/cart", &[("sw-access-key", "SWSCTEST"), ("sw-context-token", "ctx-1")], None);
    assert_eq!(r.header("sw-context-token"), Some("ctx-1"));
}
