//! Component tests of `<sf-social-proof>` in headless Chromium.
//!
//! The stats endpoint is served by a fetch shim installed in the test page (only for URLs
//! under `/__stats`), so these tests exercise the real request, mapping, rules and rendering;
//! the end-to-end tests run the same widget against the reference backend.
#![cfg(target_arch = "wasm32")]

use schaufenster_config::json::Json;
use schaufenster_widgets::glue::{sf_parse, sf_sleep};
use schaufenster_widgets::{mount_widget, runtime, social_proof::hub};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod common;
use common::{record, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Serves `body` (with `NOW` replaced by Date.now()) for every `/__stats` request and counts them.
fn serve_stats(body: &str) {
    let install = js_sys::Function::new_with_args(
        "body",
        r#"
        if (!window.__sfRealFetch) {
          window.__sfRealFetch = window.fetch;
          window.fetch = function (u, init) {
            if (String(u).startsWith("/__stats")) {
              window.__sfCalls.push(String(u));
              const text = window.__sfBody.replace(/"NOW"/g, String(Date.now()));
              return Promise.resolve(new Response(text, { status: 200, headers: { "content-type": "application/json" } }));
            }
            return window.__sfRealFetch.call(this, u, init);
          };
        }
        window.__sfCalls = [];
        window.__sfBody = body;
        "#,
    );
    install.call1(&JsValue::NULL, &JsValue::from_str(body)).unwrap();
}

fn calls() -> Vec<String> {
    let v = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sfCalls".into()).unwrap();
    js_sys::Array::from(&v).iter().map(|x| x.as_string().unwrap()).collect()
}

fn install(extra: &str) {
    let text = format!(r#"{{"locale": "de-DE", "consent": {{"required": false}}, "social_proof": {{"source": {{"url": "/__stats?products={{products}}&window={{window}}"}}, "refresh_seconds": 590, "max_age_minutes": 10{extra}}}}}"#);
    let errors = runtime::install(&schaufenster_widgets::json_js::from_js(&sf_parse(&text)));
    assert_eq!(errors, 0, "{text}");
}

fn host(product: &str, attrs: &[(&str, &str)]) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    el.set_attribute("product", product).unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn root(el: &web_sys::HtmlElement) -> web_sys::ShadowRoot {
    el.shadow_root().expect("open shadow root")
}

fn badges(el: &web_sys::HtmlElement) -> Vec<String> {
    let list = root(el).query_selector_all("[part=badge]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
}

fn state(el: &web_sys::HtmlElement) -> String {
    root(el).query_selector("[part=root]").unwrap().and_then(|e| e.get_attribute("data-state")).unwrap_or_default()
}

const STATS: &str = r#"{"generated_at": "NOW", "window_minutes": 1440, "products": {
    "one": {"purchases": 1, "viewers": 1},
    "many": {"purchases": 23, "viewers": 4, "stock": 40},
    "rated": {"rating": {"average": 4.66, "count": 128}},
    "low": {"stock": 3, "purchases": 5},
    "quiet": {"purchases": 2, "viewers": 1, "stock": 80, "rating": {"average": 5, "count": 2}}
}}"#;

#[wasm_bindgen_test]
async fn german_plurals_and_honest_rounding() {
    serve_stats(STATS);
    install(r#", "badges": {"purchases": {"threshold": 1}, "viewers": {"threshold": 1}}"#);
    let one = host("one", &[]);
    let many = host("many", &[]);
    let _a = mount_widget("sf-social-proof", one.clone()).unwrap();
    let _b = mount_widget("sf-social-proof", many.clone()).unwrap();
    until(|| state(&one) == "ready" && state(&many) == "ready").await;
    assert_eq!(badges(&one), ["1 Person hat das in den letzten 24 Stunden gekauft", "1 Person sieht sich das gerade an"]);
    assert_eq!(badges(&many), ["20+ Personen haben das in den letzten 24 Stunden gekauft", "4 Personen sehen sich das gerade an"]);
    // Both elements came from one batched request for both products.
    let c = calls();
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0], "/__stats?products=many%2Cone&window=1440");
}

#[wasm_bindgen_test]
async fn english_plurals_and_rating_text_with_hidden_stars() {
    serve_stats(STATS);
    install(r#", "badges": {"purchases": {"threshold": 1}, "viewers": {"threshold": 1}}"#);
    let one = host("one", &[("locale", "en-US")]);
    let rated = host("rated", &[("locale", "en-US")]);
    let _a = mount_widget("sf-social-proof", one.clone()).unwrap();
    let _b = mount_widget("sf-social-proof", rated.clone()).unwrap();
    until(|| state(&one) == "ready" && state(&rated) == "ready").await;
    assert_eq!(badges(&one), ["1 person bought this in the last 24 hours", "1 person is looking at this right now"]);
    assert_eq!(badges(&rated), ["4.6 of 5 stars, 128 reviews"]);
    let stars = root(&rated).query_selector(".stars").unwrap().unwrap();
    assert_eq!(stars.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert_eq!(root(&rated).query_selector(".stars-fill").unwrap().unwrap().get_attribute("style").as_deref(), Some("width: 92%;"));
}

#[wasm_bindgen_test]
async fn the_how_we_count_disclosure_toggles_with_aria_expanded() {
    serve_stats(STATS);
    install("");
    let el = host("low", &[]);
    let _h = mount_widget("sf-social-proof", el.clone()).unwrap();
    until(|| state(&el) == "ready").await;
    assert_eq!(badges(&el), ["Nur noch 3 Stück auf Lager", "5 Personen haben das in den letzten 24 Stunden gekauft"]);
    let button: web_sys::HtmlElement = root(&el).query_selector("[part=how]").unwrap().unwrap().unchecked_into();
    let panel = root(&el).query_selector("[part=disclosure]").unwrap().unwrap();
    assert_eq!(button.text_content().as_deref(), Some("So zählen wir"));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(button.get_attribute("aria-controls"), panel.get_attribute("id"));
    assert!(panel.has_attribute("hidden"));
    button.click();
    until(|| button.get_attribute("aria-expanded").as_deref() == Some("true")).await;
    assert!(!panel.has_attribute("hidden"));
    assert!(panel.text_content().unwrap().starts_with("Wir zählen nur echte Käufe"));
    button.click();
    until(|| button.get_attribute("aria-expanded").as_deref() == Some("false")).await;
    assert!(panel.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn below_every_threshold_nothing_shows_not_even_the_disclosure() {
    serve_stats(STATS);
    install("");
    let el = host("quiet", &[]);
    let _h = mount_widget("sf-social-proof", el.clone()).unwrap();
    until(|| state(&el) == "empty").await;
    assert!(badges(&el).is_empty());
    let row = root(&el).query_selector(".how-row").unwrap().unwrap();
    assert!(row.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn stale_stats_show_nothing_and_say_why() {
    serve_stats(&STATS.replace(r#""generated_at": "NOW""#, r#""generated_at": 1000"#));
    install("");
    let el = host("many", &[]);
    let (errors, _l) = record(&el, "sf:error");
    let _h = mount_widget("sf-social-proof", el.clone()).unwrap();
    until(|| state(&el) == "stale").await;
    assert!(badges(&el).is_empty());
    assert_eq!(errors.borrow()[0].get("kind").and_then(Json::as_str), Some("stale"));
}

#[wasm_bindgen_test]
async fn hostile_stats_inject_no_markup_and_show_nothing_false() {
    serve_stats(r#"{"generated_at": "NOW", "window_minutes": 1440, "products": {"x": {
        "purchases": "9999", "viewers": -4, "stock": 1e300,
        "rating": {"average": 50, "count": 10},
        "bestseller": {"category": "<img src=x onerror=alert(1)>Koffer", "rank": 1}},
        "y": {"bestseller": {"category": "Koffer & \"Co\" <3", "rank": 1}},
        "z": {"bestseller": {"category": "Koffer & \"Co\"", "rank": 1}}}}"#);
    install("");
    let (x, y, z) = (host("x", &[]), host("y", &[]), host("z", &[]));
    let (errors, _l) = record(&x, "sf:error");
    let _h = [x.clone(), y.clone(), z.clone()].map(|el| mount_widget("sf-social-proof", el).unwrap());
    until(|| state(&x) == "empty" && state(&z) == "ready").await;
    // Markup in a category is a broken feed: no badge, and the problem is named.
    assert!(badges(&x).is_empty() && badges(&y).is_empty());
    let msg = errors.borrow()[0].get("message").and_then(Json::as_str).unwrap().to_owned();
    for needle in ["purchases of \"x\" is \"9999\"", "viewers is negative (-4)", "rating is out of range", "bestseller category contains markup"] {
        assert!(msg.contains(needle), "{needle} missing from {msg}");
    }
    // Other punctuation is shown exactly, as text.
    assert_eq!(badges(&z), ["Bestseller in Koffer & \"Co\""]);
    assert!(root(&z).query_selector("b, img, script").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_element_without_product_renders_nothing() {
    serve_stats(STATS);
    install("");
    let el = host("", &[]);
    assert!(mount_widget("sf-social-proof", el.clone()).is_none());
    assert_eq!(el.get_attribute("data-sf-state").as_deref(), Some("off"));
}

#[wasm_bindgen_test]
async fn unmounting_the_last_element_stops_requests() {
    serve_stats(STATS);
    install("");
    let el = host("many", &[]);
    let before = hub::request_count();
    let h = mount_widget("sf-social-proof", el.clone()).unwrap();
    until(|| state(&el) == "ready").await;
    assert_eq!(hub::request_count(), before + 1);
    drop(h);
    // A page becoming visible again would refresh mounted widgets; with none, nothing is asked.
    let ev = web_sys::CustomEvent::new("visibilitychange").unwrap();
    web_sys::window().unwrap().document().unwrap().dispatch_event(&ev).unwrap();
    sf_sleep(100).await;
    assert_eq!(hub::request_count(), before + 1);
}
