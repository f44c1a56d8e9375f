//! Component tests of `<sf-shipping-bar>` in headless Chromium (wasm-bindgen-test).
//!
//! Each test installs a config, mounts the bar into a fresh element, drives it (pushed carts,
//! events, a dead backend) and compares the DOM and ARIA attributes.
#![cfg(target_arch = "wasm32")]

use schaufenster_config::json::Json;
use schaufenster_widgets::glue::sf_sleep;
use schaufenster_widgets::{events, mount_widget, runtime};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod common;
use common::{json, record, until};

wasm_bindgen_test_configure!(run_in_browser);

const TIERS: &str = r#""tiers": [
    {"id": "free-shipping", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 5000}, {"currency": "EUR", "country": "AT", "amount": 7000}, {"currency": "CHF", "amount": 7500}]},
    {"id": "gift", "reward": "gift", "thresholds": [{"currency": "EUR", "amount": 10000}]}
  ], "excluded_products": ["gutschein-25"]"#;

/// Installs a config whose cart is `cart` (JSON text, inline) and returns the error count.
fn install(extra: &str, cart: &str) -> usize {
    runtime::install(&json(&format!(r#"{{"locale": "de-DE", "consent": {{"required": false}}, "cart": {{"inline": {cart}}}, "shipping_bar": {{{TIERS}{extra}}}}}"#)))
}

fn host(attrs: &[(&str, &str)]) -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn q(host: &web_sys::HtmlElement, sel: &str) -> Option<web_sys::Element> {
    host.shadow_root().expect("open shadow root").query_selector(sel).unwrap()
}

fn text(host: &web_sys::HtmlElement, sel: &str) -> String {
    q(host, sel).and_then(|e| e.text_content()).unwrap_or_default()
}

fn attr(host: &web_sys::HtmlElement, sel: &str, name: &str) -> Option<String> {
    q(host, sel).and_then(|e| e.get_attribute(name))
}

/// Lets fetches, effects and the microtask queue run.
async fn tick() {
    sf_sleep(30).await;
}

fn cart(lines: &str) -> String {
    format!(r#"{{"currency": "EUR", "lines": [{lines}]}}"#)
}

fn push(lines: &str) {
    let rt = runtime::current().unwrap();
    let (c, problems) = schaufenster_config::mapping::cart_from_json(&json(&cart(lines)), &schaufenster_widgets::cart::source_default(), rt.config.currency, None);
    assert!(problems.is_empty(), "{problems:?}");
    rt.push_cart(Some(c));
}

#[wasm_bindgen_test]
async fn renders_progress_message_and_aria_for_an_inline_cart() {
    assert_eq!(install("", &cart(r#"{"product_id": "tee", "quantity": 2, "unit_price": 1990}"#)), 0);
    let el = host(&[]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).expect("configured");
    until(|| attr(&el, "[part=root]", "data-state").as_deref() == Some("progress")).await;
    assert_eq!(text(&el, "[part=message]"), "Noch 10,20\u{a0}€ bis zum kostenlosen Versand");
    assert_eq!(attr(&el, "[part=message]", "aria-live").as_deref(), Some("polite"));
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuenow").as_deref(), Some("39"));
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuemin").as_deref(), Some("0"));
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuemax").as_deref(), Some("100"));
    assert_eq!(attr(&el, "[role=progressbar]", "aria-label").as_deref(), Some("Fortschritt bis zum kostenlosen Versand"));
    assert_eq!(
        attr(&el, "[role=progressbar]", "aria-valuetext").as_deref(),
        Some("39,80\u{a0}€ von 50,00\u{a0}€. Noch 10,20\u{a0}€ bis zum kostenlosen Versand")
    );
    assert_eq!(attr(&el, "[part=fill]", "style").as_deref(), Some("width: 39.8%;"));
    // One marker for the free-shipping tier at half of the gift tier.
    assert_eq!(attr(&el, ".marker", "style").as_deref(), Some("left: 50%;"));
}

#[wasm_bindgen_test]
async fn pushed_carts_move_the_bar_through_both_tiers_and_fire_threshold_events_once() {
    install("", &cart(""));
    let el = host(&[]);
    let (reached, _l) = record(&el, "sf:threshold-reached");
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| text(&el, "[part=message]").starts_with("Versandkostenfrei")).await;
    assert_eq!(text(&el, "[part=message]"), "Kostenloser Versand ab 50,00\u{a0}€");

    push(r#"{"product_id": "bag", "quantity": 1, "unit_price": 6000}"#);
    until(|| text(&el, "[part=message]").starts_with("Kostenloser Versand ist dabei")).await;
    assert_eq!(text(&el, "[part=message]"), "Kostenloser Versand ist dabei! Noch 40,00\u{a0}€ bis zu deinem Gratis-Geschenk");
    assert_eq!(attr(&el, "[part=root]", "data-state").as_deref(), Some("progress"));

    push(r#"{"product_id": "bag", "quantity": 2, "unit_price": 6000}"#);
    until(|| attr(&el, "[part=root]", "data-state").as_deref() == Some("reached")).await;
    assert_eq!(text(&el, "[part=message]"), "Dein Gratis-Geschenk ist dabei!");
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuenow").as_deref(), Some("100"));
    let tiers: Vec<_> = reached.borrow().iter().map(|d| d.get("tier").and_then(Json::as_str).unwrap_or("").to_owned()).collect();
    assert_eq!(tiers, ["free-shipping", "gift"]);

    // Back under the threshold: no new event, message back to the gap.
    push(r#"{"product_id": "bag", "quantity": 1, "unit_price": 1000}"#);
    until(|| text(&el, "[part=message]").starts_with("Noch")).await;
    assert_eq!(text(&el, "[part=message]"), "Noch 40,00\u{a0}€ bis zum kostenlosen Versand");
    assert_eq!(reached.borrow().len(), 2);
}

#[wasm_bindgen_test]
async fn english_locale_attribute_switches_texts_and_money_format() {
    install("", &cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 1990}"#));
    let el = host(&[("locale", "en-US")]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| !text(&el, "[part=message]").is_empty()).await;
    assert_eq!(text(&el, "[part=message]"), "€30.10 away from free shipping");
    assert_eq!(attr(&el, "[role=progressbar]", "aria-label").as_deref(), Some("Progress to free shipping"));
}

#[wasm_bindgen_test]
async fn gift_cards_do_not_count_and_a_note_says_so() {
    install("", &cart(r#"{"product_id": "gutschein-25", "quantity": 1, "unit_price": 2500}, {"product_id": "tee", "quantity": 1, "unit_price": 3000}"#));
    let el = host(&[]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| !text(&el, "[part=message]").is_empty()).await;
    assert_eq!(text(&el, "[part=message]"), "Noch 20,00\u{a0}€ bis zum kostenlosen Versand");
    assert_eq!(text(&el, "[part=note]"), "Gutscheine (25,00\u{a0}€) zählen nicht mit.");
}

#[wasm_bindgen_test]
async fn suggestions_close_the_gap_and_fire_add_to_cart() {
    let products = r#", "suggestions": {"max": 2, "source": {"inline": {"currency": "EUR", "products": [
        {"id": "socks", "title": "Reisesocken", "price": 990},
        {"id": "cubes", "title": "Packwürfel", "price": 2490},
        {"id": "pillow", "title": "Nackenkissen", "price": 1990},
        {"id": "gutschein-25", "title": "Gutschein", "price": 2500},
        {"id": "tag", "title": "Anhänger <img src=x onerror=alert(1)>", "price": 2200}
    ]}}}"#;
    install(products, &cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 3000}"#));
    let el = host(&[]);
    let (added, _l) = record(&el, "sf:add-to-cart");
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| q(&el, "[part=suggestion]").is_some()).await;
    let buttons = el.shadow_root().unwrap().query_selector_all("[part=suggestion]").unwrap();
    let names: Vec<String> = (0..buttons.length()).map(|i| buttons.item(i).unwrap().text_content().unwrap()).collect();
    // Gap 20 €: the cheapest products that close it (never the excluded gift card), as text.
    assert_eq!(names, ["Anhänger <img src=x onerror=alert(1)> 22,00\u{a0}€ – in den Warenkorb", "Packwürfel 24,90\u{a0}€ – in den Warenkorb"]);
    assert!(q(&el, "img").is_none(), "product names must render as text");
    assert_eq!(attr(&el, "[part=suggestion]", "aria-label"), None, "the name comes from the visible text");
    buttons.item(1).unwrap().unchecked_into::<web_sys::HtmlElement>().click();
    let detail = added.borrow()[0].clone();
    assert_eq!(detail.get("product_id").and_then(Json::as_str), Some("cubes"));
    assert_eq!(detail.get("quantity").and_then(Json::as_i64), Some(1));
}

#[wasm_bindgen_test]
async fn a_dead_backend_shows_the_fallback_and_fires_sf_error() {
    runtime::install(&json(&format!(
        r#"{{"consent": {{"required": false}}, "backend": {{"retries": 1, "timeout_ms": 2000}}, "cart": {{"url": "http://127.0.0.1:9/cart"}}, "shipping_bar": {{{TIERS}}}}}"#
    )));
    let el = host(&[]);
    let (errors, _l) = record(&el, "sf:error");
    let (ready, _r) = record(&el, "sf:ready");
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| attr(&el, "[part=root]", "data-state").as_deref() == Some("error")).await;
    assert_eq!(text(&el, "[part=message]"), "Versandkosten werden im Warenkorb berechnet.");
    assert_eq!(attr(&el, "[role=progressbar]", "hidden").as_deref(), Some(""), "no progress bar (and no spinner) in the fallback");
    let e = errors.borrow()[0].clone();
    assert_eq!(e.get("kind").and_then(Json::as_str), Some("network"));
    assert_eq!(e.get("widget").and_then(Json::as_str), Some("shipping-bar"));
    assert!(e.get("message").and_then(Json::as_str).unwrap().contains("2 attempts"), "{e:?}");
    assert_eq!(ready.borrow().len(), 1, "sf:ready fires after the fallback too");
}

#[wasm_bindgen_test]
async fn a_cart_the_map_cannot_read_is_an_error_not_a_wrong_number() {
    install("", r#"{"currency": "EUR", "lines": [{"product_id": "tee", "quantity": 1, "unit_price": "lots"}]}"#);
    let el = host(&[]);
    let (errors, _l) = record(&el, "sf:error");
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| attr(&el, "[part=root]", "data-state").as_deref() == Some("error")).await;
    assert_eq!(errors.borrow()[0].get("kind").and_then(Json::as_str), Some("malformed-json"));
}

#[wasm_bindgen_test]
async fn a_broken_shipping_bar_section_renders_nothing() {
    let errors = runtime::install(&json(r#"{"shipping_bar": {"tiers": [{"id": "x", "reward": "gift", "thresholds": [{"currency": "EUR", "amount": -1}]}]}}"#));
    assert_eq!(errors, 1);
    let el = host(&[]);
    assert!(mount_widget("sf-shipping-bar", el.clone()).is_none());
    assert_eq!(el.get_attribute("data-sf-state").as_deref(), Some("off"));
    assert!(el.shadow_root().is_none());
}

#[wasm_bindgen_test]
async fn cart_changed_events_refresh_and_unmount_stops_listening() {
    install("", &cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 1000}"#));
    let el = host(&[]);
    let h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| text(&el, "[part=message]").starts_with("Noch 40")).await;
    push(r#"{"product_id": "tee", "quantity": 1, "unit_price": 2000}"#);
    until(|| text(&el, "[part=message]").starts_with("Noch 30")).await;
    assert_eq!(text(&el, "[part=message]"), "Noch 30,00\u{a0}€ bis zum kostenlosen Versand");
    drop(h);
    assert!(q(&el, "[part=root]").is_none(), "unmount removes the markup");
    // Events after unmount reach no stale widget (nothing throws).
    events::emit(&events::document(), "cart-changed", Json::Null);
    tick().await;
}

#[wasm_bindgen_test]
async fn theme_values_become_css_custom_properties_on_the_host() {
    runtime::install(&json(&format!(r##"{{"consent": {{"required": false}}, "theme": {{"accent": "#123456", "radius": "4px"}}, "cart": {{"inline": {}}}, "shipping_bar": {{{TIERS}}}}}"##, cart(""))));
    let el = host(&[]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    assert_eq!(el.style().get_property_value("--sf-accent").unwrap(), "#123456");
    assert_eq!(el.style().get_property_value("--sf-radius").unwrap(), "4px");
}

#[wasm_bindgen_test]
async fn consent_is_granted_by_the_configured_event() {
    runtime::install(&json(r#"{"consent": {"required": true, "event": "shop:cookies-ok"}}"#));
    let rt = runtime::current().unwrap();
    assert!(!rt.consent());
    events::emit(&events::window(), "ignored", Json::Null);
    let ev = web_sys::CustomEvent::new("shop:cookies-ok").unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    assert!(rt.consent());
}

/// Serves `/__cart` from a shim (counting requests) so refresh triggers can be observed.
fn serve_cart(body: &str) {
    let install = js_sys::Function::new_with_args(
        "body",
        r#"
        if (!window.__sfCartFetch) {
          window.__sfCartFetch = window.fetch;
          window.fetch = function (u, init) {
            if (String(u).startsWith("/__cart")) {
              window.__sfCartCalls += 1;
              const res = new Response(window.__sfCartBody, { status: 200, headers: { "content-type": "application/json" } });
              return new Promise((ok) => setTimeout(() => ok(res), window.__sfCartDelay || 0));
            }
            return window.__sfCartFetch.call(this, u, init);
          };
        }
        window.__sfCartCalls = 0;
        window.__sfCartDelay = 0;
        window.__sfCartBody = body;
        "#,
    );
    install.call1(&JsValue::NULL, &JsValue::from_str(body)).unwrap();
}

fn cart_calls() -> f64 {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__sfCartCalls".into()).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn the_bar_refetches_when_the_tab_becomes_visible_or_the_page_is_shown_again() {
    serve_cart(&cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 1000}"#));
    runtime::install(&json(&format!(r#"{{"consent": {{"required": false}}, "cart": {{"url": "/__cart"}}, "shipping_bar": {{{TIERS}}}}}"#)));
    let el = host(&[]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| text(&el, "[part=message]").starts_with("Noch 40")).await;
    assert_eq!(cart_calls(), 1.0);
    // The cart changed in another tab; this one becomes visible again.
    serve_cart(&cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 3000}"#));
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.dispatch_event(&web_sys::CustomEvent::new("visibilitychange").unwrap()).unwrap();
    until(|| text(&el, "[part=message]").starts_with("Noch 20")).await;
    assert_eq!(cart_calls(), 1.0, "one request after becoming visible");
    // Back/forward cache: pageshow refreshes too.
    serve_cart(&cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 4000}"#));
    web_sys::window().unwrap().dispatch_event(&web_sys::CustomEvent::new("pageshow").unwrap()).unwrap();
    until(|| text(&el, "[part=message]").starts_with("Noch 10")).await;
    assert_eq!(text(&el, "[part=message]"), "Noch 10,00\u{a0}€ bis zum kostenlosen Versand");
}

/// A cart (the reference backend's shape) with free shipping granted by a voucher.
fn granted_cart(lines: &str) -> String {
    format!(r#"{{"currency": "EUR", "shipping": {{"free_shipping_granted": true}}, "lines": [{lines}]}}"#)
}

#[wasm_bindgen_test]
async fn free_shipping_granted_by_the_cart_shows_as_reached_with_the_real_subtotal() {
    // Fetched like the demo cart: 20,10 € of goods, free shipping granted, the gift ahead.
    serve_cart(&granted_cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 2010}"#));
    runtime::install(&json(&format!(r#"{{"locale": "de-DE", "consent": {{"required": false}}, "cart": {{"url": "/__cart"}}, "shipping_bar": {{{TIERS}}}}}"#)));
    let el = host(&[]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| text(&el, "[part=message]").starts_with("Kostenloser Versand ist dabei")).await;
    assert_eq!(text(&el, "[part=message]"), "Kostenloser Versand ist dabei! Noch 79,90\u{a0}€ bis zu deinem Gratis-Geschenk");
    assert_eq!(attr(&el, "[part=root]", "data-state").as_deref(), Some("progress"));
    // The bar measures the real subtotal against the gift; the granted tier has no marker.
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuenow").as_deref(), Some("20"));
    assert_eq!(
        attr(&el, "[role=progressbar]", "aria-valuetext").as_deref(),
        Some("20,10\u{a0}€ von 100,00\u{a0}€. Kostenloser Versand ist dabei! Noch 79,90\u{a0}€ bis zu deinem Gratis-Geschenk")
    );
    assert!(q(&el, ".marker").is_none());

    // Only a free-shipping tier: reached and full, without claiming the subtotal reached it.
    let only_free = r#""tiers": [{"id": "free-shipping", "reward": "free_shipping", "thresholds": [{"currency": "EUR", "amount": 5000}]}]"#;
    runtime::install(&json(&format!(r#"{{"locale": "de-DE", "consent": {{"required": false}}, "cart": {{"inline": {}}}, "shipping_bar": {{{only_free}}}}}"#, granted_cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 2010}"#))));
    let el = host(&[]);
    let _h2 = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| attr(&el, "[part=root]", "data-state").as_deref() == Some("reached")).await;
    assert_eq!(text(&el, "[part=message]"), "Kostenloser Versand ist dabei!");
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuenow").as_deref(), Some("100"));
    assert_eq!(attr(&el, "[role=progressbar]", "aria-valuetext").as_deref(), Some("Kostenloser Versand ist dabei!"));
    assert_eq!(attr(&el, "[part=fill]", "style").as_deref(), Some("width: 100%;"));

    // An empty cart with free shipping granted is not told where free shipping starts.
    assert_eq!(install("", &granted_cart("")), 0);
    let el = host(&[]);
    let _h3 = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    until(|| attr(&el, "[part=root]", "data-state").as_deref() == Some("progress")).await;
    assert_eq!(text(&el, "[part=message]"), "Kostenloser Versand ist dabei! Noch 100,00\u{a0}€ bis zu deinem Gratis-Geschenk");
}

#[wasm_bindgen_test]
async fn the_light_dom_option_renders_into_the_element_itself() {
    runtime::install(&json(&format!(r#"{{"consent": {{"required": false}}, "theme": {{"shadow_dom": false}}, "cart": {{"inline": {}}}, "shipping_bar": {{{TIERS}}}}}"#, cart(""))));
    let el = host(&[]);
    let _h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    assert!(el.shadow_root().is_none());
    until(|| el.query_selector("[part=message]").unwrap().and_then(|m| m.text_content()).is_some_and(|t| !t.is_empty())).await;
    assert_eq!(el.query_selector("[part=message]").unwrap().unwrap().text_content().unwrap(), "Kostenloser Versand ab 50,00\u{a0}€");
}

/// A cart answer arriving after the bar was unmounted must be dropped (the bar now bumps its
/// request generation on unmount and reads its signals with `try_`), and the page's other
/// widgets keep working. Note: reverting both guards did not make this test fail here, so it
/// checks the outcome, not the disposed-signal read a review pointed at.
#[wasm_bindgen_test]
async fn unmounting_while_the_cart_is_loading_is_harmless() {
    serve_cart(&cart(r#"{"product_id": "tee", "quantity": 1, "unit_price": 1000}"#));
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"__sfCartDelay".into(), &JsValue::from(150)).unwrap();
    runtime::install(&json(&format!(r#"{{"consent": {{"required": false}}, "cart": {{"url": "/__cart"}}, "shipping_bar": {{{TIERS}}}}}"#)));
    let el = host(&[]);
    let h = mount_widget("sf-shipping-bar", el.clone()).unwrap();
    drop(h);
    sf_sleep(300).await;
    // The instance still works: a new bar mounts and renders.
    js_sys::Reflect::set(&web_sys::window().unwrap(), &"__sfCartDelay".into(), &JsValue::from(0)).unwrap();
    let el2 = host(&[]);
    let _h2 = mount_widget("sf-shipping-bar", el2.clone()).unwrap();
    until(|| text(&el2, "[part=message]").starts_with("Noch 40")).await;
    assert_eq!(text(&el2, "[part=message]"), "Noch 40,00\u{a0}€ bis zum kostenlosen Versand");
}

/// The page-wide events carry the details their TypeScript types declare (`record` checks
/// each against `schaufenster_config::events`), and the customer's token is never in them.
#[wasm_bindgen_test]
async fn page_wide_events_match_their_declared_details() {
    runtime::install(&json(r#"{"locale": "de-DE", "consent": {"required": true, "event": "test:consent"}}"#));
    let doc: JsValue = events::document();
    let (carts, _a) = record(&doc, "sf:cart-changed");
    let (customers, _b) = record(&doc, "sf:customer-changed");
    let (consents, _c) = record(&doc, "sf:consent-changed");
    let rt = runtime::current().unwrap();
    rt.push_cart(None);
    rt.set_customer(Some(json(r#"{"token": "secret-token", "id": "c-17"}"#)));
    rt.set_customer(None);
    assert!(!rt.consent());
    rt.grant_consent();
    rt.grant_consent();
    tick().await;
    assert_eq!(carts.borrow().len(), 1);
    let customers = customers.borrow();
    assert_eq!(customers.len(), 2);
    assert_eq!(customers[0].get("id").and_then(Json::as_str), Some("c-17"));
    assert!(!customers.iter().any(|d| d.to_json_string().contains("secret-token")), "the token never leaves the runtime");
    assert_eq!(consents.borrow().len(), 1, "consent is announced once");
}

/// `consent.source: "shopify"` follows Shopify's Customer Privacy API: granted at start when
/// the API already allows analytics and preferences, else on a `visitorConsentCollected`
/// event that allows both; an event allowing only one of them grants nothing.
#[wasm_bindgen_test]
async fn shopify_customer_privacy_grants_consent_only_when_both_purposes_are_allowed() {
    let win: JsValue = web_sys::window().unwrap().into();
    let set_api = |analytics: bool, preferences: bool| {
        let f = |v: bool| js_sys::Function::new_no_args(if v { "return true" } else { "return false" });
        let privacy = js_sys::Object::new();
        js_sys::Reflect::set(&privacy, &"analyticsProcessingAllowed".into(), &f(analytics)).unwrap();
        js_sys::Reflect::set(&privacy, &"preferencesProcessingAllowed".into(), &f(preferences)).unwrap();
        let shopify = js_sys::Object::new();
        js_sys::Reflect::set(&shopify, &"customerPrivacy".into(), &privacy).unwrap();
        js_sys::Reflect::set(&win, &"Shopify".into(), &shopify).unwrap();
    };
    let config = r#"{"locale": "de-DE", "consent": {"required": true, "source": "shopify"}}"#;

    // Already allowed when the widgets start.
    set_api(true, true);
    runtime::install(&json(config));
    assert!(runtime::current().unwrap().consent());

    // Not yet allowed: only an event that allows both purposes grants it.
    set_api(true, false);
    runtime::install(&json(config));
    let rt = runtime::current().unwrap();
    assert!(!rt.consent());
    let fire = |analytics: bool, preferences: bool| {
        let init = web_sys::CustomEventInit::new();
        let detail = js_sys::Object::new();
        js_sys::Reflect::set(&detail, &"analyticsAllowed".into(), &analytics.into()).unwrap();
        js_sys::Reflect::set(&detail, &"preferencesAllowed".into(), &preferences.into()).unwrap();
        init.set_detail(&detail);
        let e = web_sys::CustomEvent::new_with_event_init_dict("visitorConsentCollected", &init).unwrap();
        web_sys::window().unwrap().document().unwrap().dispatch_event(&e).unwrap();
    };
    fire(true, false);
    assert!(!rt.consent(), "analytics alone is not enough");
    fire(false, true);
    assert!(!rt.consent(), "preferences alone is not enough");
    fire(true, true);
    assert!(rt.consent());

    // Without the source, Shopify's event means nothing.
    js_sys::Reflect::delete_property(&win.clone().into(), &"Shopify".into()).unwrap();
    runtime::install(&json(r#"{"locale": "de-DE", "consent": {"required": true}}"#));
    let rt = runtime::current().unwrap();
    fire(true, true);
    assert!(!rt.consent());
}
