//! Component tests of `<sf-advisor>` in headless Chromium: the flow by keyboard actions (a
//! radio chosen as Space does, the form submitted as Enter does), back/skip/restart, the ARIA
//! structure (fieldset/legend, labels, focus on each heading, live region), live option
//! counts and zero-count options, relaxation, results with explanations, add to cart,
//! sessionStorage only after consent, a failing or malformed catalogue, hostile names and
//! unmounting while loading.
//!
//! The catalogue is `inline` or served by a fetch shim; the end-to-end tests run the widget
//! against the reference backend's luggage catalogue.
#![cfg(target_arch = "wasm32")]

use schaufenster_widgets::glue::{sf_session, sf_sleep};
use schaufenster_widgets::{mount_widget, runtime};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod common;
use common::{record, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Five products: two cabin-sized (one sold out), a large one, a hostile name, one without
/// the cabin attribute.
const PRODUCTS: &str = r#"{"currency": "EUR", "products": [
  {"id": "kabine", "title": "Kabinenkoffer", "price": 9900, "url": "/p/kabine", "image": "/img/kabine.svg", "stock": 5, "volume": 35, "cabin": true, "waterproof": true},
  {"id": "gross", "title": "Großer Koffer", "price": 19900, "url": "/p/gross", "stock": 2, "volume": 90, "cabin": false, "waterproof": false},
  {"id": "rucksack", "title": "Rucksack", "price": 4900, "stock": 0, "volume": 30, "cabin": true, "waterproof": false},
  {"id": "boese", "title": "<img src=x onerror=\"window.__pwned=1\">Koffer & <b>Co</b>", "price": 12900, "url": "/p/boese", "stock": 1, "volume": 70, "cabin": false},
  {"id": "tasche", "title": "Reisetasche", "price": 5900, "stock": 4, "volume": 45}
]}"#;

const QUESTIONS: &str = r#"[
  {"id": "trip", "type": "single", "required": true, "priority": 7, "text": {"de": "Wie reist du?", "en": "How do you travel?"}, "options": [
    {"id": "plane", "label": {"de": "Flugzeug", "en": "Plane"}, "effects": [{"attribute": "cabin", "op": "=", "value": true, "explain": {"de": "kabinentauglich", "en": "cabin size"}}]},
    {"id": "car", "label": {"de": "Auto", "en": "Car"}, "effects": [{"attribute": "volume", "op": ">=", "value": 60, "weight": 5, "explain": {"de": "viel Platz", "en": "lots of room"}}]},
    {"id": "boat", "label": {"de": "Schiff", "en": "Ship"}, "effects": [{"attribute": "volume", "op": ">=", "value": 500, "explain": "riesig"}]}
  ]},
  {"id": "rain", "type": "yes_no", "text": "Soll es wasserdicht sein?", "show_if": {"question": "trip", "any_of": ["plane"]}, "options": [
    {"id": "yes", "label": "Ja", "effects": [{"attribute": "waterproof", "op": "=", "value": true, "weight": 3, "explain": "wasserdicht"}]},
    {"id": "no", "label": "Nein", "effects": [{"attribute": "volume", "op": "<=", "value": 100, "weight": 1, "explain": "handlich"}]}
  ]},
  {"id": "budget", "type": "range", "attribute": "price", "min": 0, "max": 40000, "step": 1000, "priority": 8, "text": "Wie viel darf es kosten?", "explain": "im Budget"},
  {"id": "extras", "type": "multiple", "priority": 1, "text": "Was noch?", "options": [
    {"id": "light", "label": "Kompakt", "effects": [{"attribute": "volume", "op": "<=", "value": 40, "weight": 2, "explain": "kompakt"}]},
    {"id": "big", "label": "Sehr groß", "effects": [{"attribute": "volume", "op": ">=", "value": 80, "explain": "sehr groß"}]}
  ]}
]"#;

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

thread_local! {
    /// `backend.retries` of the next install (tests of retry behaviour raise it).
    static RETRIES: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// Installs a config (which must be valid) with `source` as the catalogue source and `extra`
/// keys in the advisor section, and forgets answers kept by an earlier test.
fn install(source: &str, extra: &str, consent_required: bool) {
    sf_session("sf-advisor", JsValue::NULL);
    let retries = RETRIES.with(|r| r.get());
    let text = format!(
        r#"{{"locale": "de-DE", "currency": "EUR", "theme": {{"shadow_dom": false}}, "backend": {{"retries": {retries}, "timeout_ms": 2000}}, "consent": {{"required": {consent_required}}},
            "advisor": {{"catalogue": {{"source": {source}, "attributes": {{"volume": {{"type": "number"}}, "cabin": {{"type": "boolean"}}, "waterproof": {{"type": "boolean"}}}}}}, "questions": {QUESTIONS}{extra}}}}}"#,
    );
    assert_eq!(runtime::install(&common::json(&text)), 0, "{text}");
}

fn host() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

fn q(host: &web_sys::HtmlElement, sel: &str) -> web_sys::HtmlElement {
    host.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}")).unchecked_into()
}

fn all(host: &web_sys::HtmlElement, sel: &str) -> Vec<web_sys::HtmlElement> {
    let list = host.query_selector_all(sel).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn txt(e: &web_sys::HtmlElement) -> String {
    e.text_content().unwrap_or_default()
}

async fn mounted(extra: &str, consent_required: bool) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    install(&format!(r#"{{"inline": {PRODUCTS}}}"#), extra, consent_required);
    let h = host();
    let handle = mount_widget("sf-advisor", h.clone()).expect("advisor configured");
    until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
    assert!(h.query_selector("[data-state=ready]").unwrap().is_some(), "advisor did not become ready");
    (h, handle)
}

/// Chooses an option as Space on a focused radio button or checkbox does.
fn choose(h: &web_sys::HtmlElement, value: &str) {
    let input = q(h, &format!("input[value={value}]"));
    input.focus().unwrap();
    input.click();
}

/// Submits the question as Enter in the form does.
fn enter(h: &web_sys::HtmlElement) {
    let form = q(h, "form");
    js_sys::Reflect::get(&form, &"requestSubmit".into()).unwrap().unchecked_into::<js_sys::Function>().call0(&form).unwrap();
}

fn action(h: &web_sys::HtmlElement, name: &str) {
    q(h, &format!("[data-action={name}]")).click();
}

fn heading(h: &web_sys::HtmlElement) -> String {
    txt(&q(h, "h2"))
}

/// Waits until the heading has focus (it is moved after the render).
async fn heading_focused(h: &web_sys::HtmlElement) {
    let hd: web_sys::Element = q(h, "h2").into();
    until(|| doc().active_element().is_some_and(|a| a == hd)).await;
    assert!(doc().active_element().is_some_and(|a| a == hd), "focus is on the heading {:?}", hd.text_content());
}

fn set_bound(h: &web_sys::HtmlElement, which: &str, value: &str) {
    let input: web_sys::HtmlInputElement = q(h, &format!("input[data-bound={which}]")).unchecked_into();
    input.set_value(value);
    // As typing does: a bubbling `input` event.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn aria_structure_counts_and_keyboard_flow() {
    let (h, _handle) = mounted("", false).await;
    let (answers, _l1) = record(&h.clone().into(), "sf:advisor-answer");
    let (results, _l2) = record(&h.clone().into(), "sf:advisor-result");
    // One question, as a fieldset whose legend holds the (focusable) heading.
    assert_eq!(txt(&q(&h, "[part=progress]")), "Frage 1 von 3", "the show_if question is not counted yet");
    let hd = q(&h, "fieldset > legend > h2");
    assert_eq!(txt(&hd), "Wie reist du?");
    assert_eq!(hd.get_attribute("tabindex").as_deref(), Some("-1"));
    // Radio buttons inside their labels, one group name; a count on every option.
    let labels = all(&h, "fieldset label.option");
    assert_eq!(labels.len(), 3);
    for l in &labels {
        let input = l.query_selector("input[type=radio]").unwrap().expect("a radio inside the label");
        assert_eq!(input.get_attribute("name"), q(&h, "input[value=plane]").get_attribute("name"));
    }
    assert_eq!(txt(&labels[0]), "Flugzeug2 passende Produkte");
    assert_eq!(txt(&labels[1]), "Auto5 passende Produkte");
    // An option that would leave nothing is marked but stays selectable.
    assert_eq!(txt(&labels[2]), "Schiffkein passendes Produkt");
    assert!(labels[2].class_list().contains("zero") && !labels[0].class_list().contains("zero"));
    assert!(!q(&h, "input[value=boat]").has_attribute("disabled"));
    // The live region says how many match so far; no Back on the first question, no Skip on
    // a required one.
    let status = q(&h, "[role=status]");
    assert_eq!(txt(&status), "5 passende Produkte");
    assert!(h.query_selector("[data-action=back]").unwrap().is_none());
    assert!(h.query_selector("[data-action=skip]").unwrap().is_none());

    // Enter without an answer: an alert, focus on the first option, no step.
    enter(&h);
    let err = q(&h, ".invalid");
    assert!(!err.hidden());
    assert_eq!((txt(&err), err.get_attribute("role").as_deref()), ("Bitte wähle eine Antwort.".into(), Some("alert")));
    assert_eq!(heading(&h), "Wie reist du?");
    assert!(answers.borrow().is_empty());

    // Space on "Flugzeug": the branching question appears in the progress, the count is
    // announced; Enter moves on and focus goes to the new heading.
    choose(&h, "plane");
    assert!(err.hidden());
    assert_eq!(txt(&q(&h, "[part=progress]")), "Frage 1 von 4");
    assert_eq!(txt(&status), "2 passende Produkte");
    enter(&h);
    assert_eq!(heading(&h), "Soll es wasserdicht sein?");
    heading_focused(&h).await;
    assert_eq!(txt(&q(&h, "[part=progress]")), "Frage 2 von 4");
    assert_eq!(answers.borrow()[0], common::json(r#"{"widget": "advisor", "question": "trip", "answer": ["plane"], "matches": 2}"#));
    choose(&h, "yes");
    enter(&h);
    // The budget: two labelled number inputs in euros.
    assert_eq!(heading(&h), "Wie viel darf es kosten?");
    heading_focused(&h).await;
    let max = q(&h, "input[data-bound=max]");
    let label = h.query_selector(&format!("label[for='{}']", max.id())).unwrap().expect("a label for the input");
    assert_eq!(label.text_content().unwrap(), "Höchstens (EUR)");
    assert_eq!((max.get_attribute("type").as_deref(), max.get_attribute("max").as_deref(), max.get_attribute("step").as_deref()), (Some("number"), Some("400"), Some("10")));
    set_bound(&h, "max", "80");
    assert_eq!(txt(&status), "1 passendes Produkt", "live while typing");
    set_bound(&h, "max", "150");
    assert_eq!(txt(&status), "2 passende Produkte");
    enter(&h);
    assert_eq!(answers.borrow()[2].get("answer"), Some(&common::json(r#"{"min": null, "max": 15000}"#)));
    // Multiple choice: checkboxes; counts follow what is already checked.
    assert_eq!(heading(&h), "Was noch?");
    assert_eq!(all(&h, "input[type=checkbox]").len(), 2);
    assert_eq!(txt(&q(&h, "label.option:nth-child(2) .count")), "kein passendes Produkt");
    choose(&h, "light");
    assert_eq!(txt(&q(&h, "label.option:nth-child(2) .count")), "2 passende Produkte", "alternatives: with Kompakt chosen, Sehr groß removes nothing");
    assert_eq!(txt(&q(&h, "[data-action=next]")), "Ergebnisse anzeigen");
    enter(&h);

    // Results: ranked, explained, sold out last.
    assert_eq!(heading(&h), "Unsere Empfehlungen für dich");
    heading_focused(&h).await;
    let cards = all(&h, "li[part=result]");
    assert_eq!(cards.iter().map(|c| c.get_attribute("data-product").unwrap()).collect::<Vec<_>>(), ["kabine", "rucksack"]);
    assert_eq!(txt(&q(&cards[0], ".name a")), "Kabinenkoffer");
    assert_eq!(q(&cards[0], ".name a").get_attribute("href").as_deref(), Some("/p/kabine"));
    let img = q(&cards[0], "img");
    assert_eq!((img.get_attribute("width").as_deref(), img.get_attribute("height").as_deref(), img.get_attribute("alt").as_deref()), (Some("96"), Some("96"), Some("")));
    assert_eq!(txt(&q(&cards[0], ".price")).replace('\u{a0}', " "), "99,00 €");
    assert_eq!(txt(&q(&cards[0], ".match")), "100 % passend");
    assert_eq!(txt(&q(&cards[0], "[part=why]")), "✓erfüllt: kabinentauglich✓erfüllt: wasserdicht✓erfüllt: im Budget✓erfüllt: kompakt");
    assert_eq!(txt(&q(&cards[1], "[part=why]")), "✓erfüllt: kabinentauglich✓erfüllt: im Budget✓erfüllt: kompakt✗nicht erfüllt: wasserdicht");
    assert_eq!(txt(&q(&cards[1], ".match")), "88 % passend");
    let sold_out = q(&cards[1], "button.add");
    assert!(sold_out.has_attribute("disabled"));
    assert_eq!(txt(&sold_out), "Ausverkauft");
    assert_eq!(txt(&status), "2 passende Produkte");
    let r = results.borrow()[0].clone();
    assert_eq!(r, common::json(r#"{"widget": "advisor", "products": [{"id": "kabine", "percent": 100}, {"id": "rucksack", "percent": 88}], "relaxed": [], "total": 2}"#));

    // Add to cart without a configured URL: only the event, for the shop to act on.
    let (adds, _l3) = record(&h.clone().into(), "sf:add-to-cart");
    let add = q(&cards[0], "button.add");
    assert_eq!(txt(&add), "In den Warenkorb: Kabinenkoffer", "the visible text starts the accessible name");
    add.click();
    assert_eq!(adds.borrow()[0], common::json(r#"{"widget": "advisor", "product_id": "kabine", "quantity": 1, "price": 9900, "currency": "EUR", "added": false}"#));
}

#[wasm_bindgen_test]
async fn back_skip_and_restart() {
    let (h, _handle) = mounted("", false).await;
    choose(&h, "plane");
    enter(&h);
    // Back keeps the earlier answer checked.
    action(&h, "back");
    assert_eq!(heading(&h), "Wie reist du?");
    heading_focused(&h).await;
    assert!(q(&h, "input[value=plane]").unchecked_into::<web_sys::HtmlInputElement>().checked());
    enter(&h);
    // Skip on an optional question: no answer, next question.
    let (answers, _l) = record(&h.clone().into(), "sf:advisor-answer");
    action(&h, "skip");
    assert_eq!(heading(&h), "Wie viel darf es kosten?");
    assert_eq!(answers.borrow()[0].get("answer"), Some(&schaufenster_config::json::Json::Null));
    action(&h, "skip");
    action(&h, "skip");
    assert_eq!(heading(&h), "Unsere Empfehlungen für dich");
    // Back from the results: the last question again.
    action(&h, "back");
    assert_eq!(heading(&h), "Was noch?");
    // Start over: the first question with nothing chosen.
    action(&h, "restart");
    assert_eq!(heading(&h), "Wie reist du?");
    heading_focused(&h).await;
    assert!(all(&h, "input").iter().all(|i| !i.clone().unchecked_into::<web_sys::HtmlInputElement>().checked()));
    assert_eq!(txt(&q(&h, "[part=progress]")), "Frage 1 von 3");
    // A branch that closes removes its question: by car the rain question is not asked.
    choose(&h, "car");
    enter(&h);
    assert_eq!(heading(&h), "Wie viel darf es kosten?");
    assert_eq!(txt(&q(&h, "[part=progress]")), "Frage 2 von 3");
}

#[wasm_bindgen_test]
async fn nothing_matches_relaxes_and_says_what() {
    let (h, _handle) = mounted(r#", "max_results": 2"#, false).await;
    assert!(h.query_selector("[part=relaxed]").unwrap().is_none(), "no dead end: no note");
    assert!(!q(&h, "fieldset").has_attribute("aria-describedby"));
    choose(&h, "boat");
    enter(&h);
    // A dead end: no ship-sized product. The question's description says so and what the
    // counts leave out; the live region still says that nothing matches every answer.
    let note_says = "Kein Produkt passt zu all deinen bisherigen Antworten. Nicht berücksichtigt: „Schiff“.";
    assert_eq!(heading(&h), "Wie viel darf es kosten?");
    let note = q(&h, "fieldset > [part=relaxed]");
    assert_eq!(txt(&note), note_says);
    assert_eq!(q(&h, "fieldset").get_attribute("aria-describedby"), Some(note.id()));
    assert_eq!(txt(&q(&h, "[role=status]")), "kein passendes Produkt");
    set_bound(&h, "max", "100");
    enter(&h);
    // The counts are of the closest products (the ship relaxed, up to 100 €: three, the sold-out
    // backpack ranked last); an option is marked only if it leaves none of them.
    assert_eq!(heading(&h), "Was noch?");
    assert_eq!(all(&h, "fieldset > [part=relaxed]").len(), 1);
    assert_eq!(txt(&q(&h, "fieldset > [part=relaxed]")), note_says);
    let labels = all(&h, "label.option");
    assert_eq!(labels.iter().map(txt).collect::<Vec<_>>(), ["Kompakt3 passende Produkte", "Sehr großkein passendes Produkt"]);
    assert!(!labels[0].class_list().contains("zero") && labels[1].class_list().contains("zero"));
    action(&h, "skip");
    let relaxed = q(&h, "[part=relaxed]");
    assert_eq!(txt(&relaxed), "Kein Produkt erfüllt alle Wünsche. Nicht berücksichtigt: „Schiff“. Das sind die am besten passenden Produkte.");
    // Two results at most; the sold-out backpack after the bags in stock.
    let ids: Vec<String> = all(&h, "li[part=result]").iter().map(|c| c.get_attribute("data-product").unwrap()).collect();
    assert_eq!(ids, ["kabine", "tasche"]);
    assert_eq!(txt(&q(&h, "li[part=result] [part=why]")), "✓erfüllt: im Budget✗nicht erfüllt: riesig");
    assert_eq!(txt(&q(&h, "[role=status]")), "", "no \"matching\" count for the closest products");
}

#[wasm_bindgen_test]
async fn hostile_names_render_as_text() {
    let (h, _handle) = mounted(r#", "max_results": 5"#, false).await;
    choose(&h, "car");
    enter(&h);
    action(&h, "skip");
    action(&h, "skip");
    let card = q(&h, "li[data-product=boese]");
    let name = q(&card, ".name a");
    assert_eq!(txt(&name), "<img src=x onerror=\"window.__pwned=1\">Koffer & <b>Co</b>");
    assert!(name.query_selector("img, b").unwrap().is_none());
    assert_eq!(card.query_selector_all("img").unwrap().length(), 1, "only the product image");
    assert!(q(&card, "img").hidden(), "no image: the box is hidden, not broken");
    sf_sleep(50).await;
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined());
}

/// Serves `/__adv…` requests with `status` and `body` after `delay_ms` and records POST bodies
/// in `window.__advPosts` (a fetch shim in the test page).
fn serve(status: u16, body: &str, delay_ms: u32) {
    let install = js_sys::Function::new_with_args(
        "status, body, delay",
        r#"
        if (!window.__advFetch) {
          window.__advFetch = window.fetch;
          window.__advPosts = [];
          window.fetch = function (u, init) {
            if (String(u).startsWith("/__adv")) {
              if (init && init.method === "POST") window.__advPosts.push(String(u) + " " + init.body);
              const s = window.__advStatus, b = window.__advBody;
              return new Promise((r) => setTimeout(() => r(new Response(b, { status: s, headers: { "content-type": "application/json" } })), window.__advDelay));
            }
            return window.__advFetch.call(this, u, init);
          };
        }
        window.__advStatus = status;
        window.__advBody = body;
        window.__advDelay = delay;
        "#,
    );
    install.call3(&JsValue::NULL, &status.into(), &body.into(), &delay_ms.into()).unwrap();
}

#[wasm_bindgen_test]
async fn failing_or_malformed_catalogue_offers_a_retry() {
    for (status, body, kind) in [(500, r#"{"error": "boom"}"#, "http-500"), (200, "{not json", "malformed-json"), (200, r#"{"items": []}"#, "malformed-json")] {
        serve(status, body, 0);
        install(r#"{"url": "/__adv/products?currency={currency}"}"#, "", false);
        let h = host();
        let (errors, _l) = record(&h.clone().into(), "sf:error");
        let _handle = mount_widget("sf-advisor", h.clone()).unwrap();
        until(|| h.query_selector("[data-state=error]").ok().flatten().is_some()).await;
        assert!(h.query_selector("[data-state=error]").unwrap().is_some(), "{kind}: fallback state");
        assert_eq!(txt(&q(&h, "[role=alert]")), "Der Produktberater ist gerade nicht erreichbar.");
        assert!(h.query_selector("[aria-busy]").unwrap().is_none(), "{kind}: no endless busy state");
        let e = errors.borrow()[0].clone();
        assert_eq!(e.get("kind").and_then(|k| k.as_str()), Some(kind));
        assert_eq!(e.get("widget").and_then(|k| k.as_str()), Some("advisor"));
        // Retry once the backend works again.
        serve(200, PRODUCTS, 0);
        action(&h, "retry");
        until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
        assert_eq!(heading(&h), "Wie reist du?");
        h.remove();
    }
}

#[wasm_bindgen_test]
async fn unmount_while_loading_leaves_nothing_behind() {
    serve(200, PRODUCTS, 300);
    install(r#"{"url": "/__adv/products"}"#, "", false);
    let h = host();
    let (ready, _l) = record(&h.clone().into(), "sf:ready");
    let handle = mount_widget("sf-advisor", h.clone()).unwrap();
    assert_eq!(txt(&q(&h, "[role=status]")), "Der Produktberater wird geladen …");
    assert_eq!(q(&h, "[part=root]").get_attribute("aria-busy").as_deref(), Some("true"));
    drop(handle);
    assert!(h.query_selector(".sf-advisor").unwrap().is_none(), "markup removed at once");
    sf_sleep(500).await;
    assert!(ready.borrow().is_empty(), "a late answer renders nothing");
    assert!(h.query_selector(".sf-advisor").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn add_to_cart_posts_to_the_configured_url() {
    serve(200, r#"{"item_count": 1}"#, 0);
    // With retries configured for GETs, the add to cart must still be sent only once.
    RETRIES.with(|r| r.set(2));
    let (h, _handle) = mounted(r#", "add_to_cart_url": "/__adv/cart/lines""#, false).await;
    RETRIES.with(|r| r.set(0));
    let (adds, _l1) = record(&h.clone().into(), "sf:add-to-cart");
    let (changed, _l2) = record(&doc().into(), "sf:cart-changed");
    choose(&h, "plane");
    enter(&h);
    action(&h, "skip");
    action(&h, "skip");
    action(&h, "skip");
    q(&h, "li[data-product=kabine] button.add").click();
    until(|| !adds.borrow().is_empty()).await;
    let posts: Vec<String> = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__advPosts".into()).unwrap().unchecked_into::<js_sys::Array>().iter().filter_map(|v| v.as_string()).collect();
    assert_eq!(posts.last().map(String::as_str), Some(r#"/__adv/cart/lines {"product_id":"kabine","quantity":1}"#));
    assert_eq!(adds.borrow()[0].get("added"), Some(&schaufenster_config::json::Json::Bool(true)));
    assert_eq!(changed.borrow()[0].get("source").and_then(|s| s.as_str()), Some("advisor"));
    assert_eq!(txt(&q(&h, "[role=status]")), "Kabinenkoffer liegt im Warenkorb.");
    // A failing cart: the error is said and reported; the button works again.
    serve(503, "{}", 0);
    let (errors, _l3) = record(&h.clone().into(), "sf:error");
    let posted = |w: &web_sys::Window| js_sys::Reflect::get(w, &"__advPosts".into()).unwrap().unchecked_into::<js_sys::Array>().length();
    let before = posted(&web_sys::window().unwrap());
    q(&h, "li[data-product=kabine] button.add").click();
    until(|| !errors.borrow().is_empty()).await;
    // Sent once, never retried: the server may have added the line before its answer was lost.
    assert_eq!(posted(&web_sys::window().unwrap()) - before, 1, "a failed add to cart is not repeated");
    assert_eq!(txt(&q(&h, "[role=status]")), "Das hat nicht geklappt. Bitte versuche es noch einmal.");
    assert!(!q(&h, "li[data-product=kabine] button.add").has_attribute("disabled"));
    assert!(!q(&h, "li[data-product=kabine] button.add").has_attribute("aria-disabled"), "usable again after the failure");
}

#[wasm_bindgen_test]
async fn answers_are_kept_only_after_consent_and_resume() {
    let (h, handle) = mounted("", true).await;
    choose(&h, "plane");
    enter(&h);
    assert_eq!(sf_session("sf-advisor", JsValue::UNDEFINED), None, "nothing stored before consent");
    // Consent arrives: what was answered so far is kept from now on.
    runtime::current().unwrap().grant_consent();
    let saved = sf_session("sf-advisor", JsValue::UNDEFINED).expect("stored after consent");
    assert_eq!(common::json(&saved), common::json(r#"{"at": "rain", "answers": {"trip": ["plane"]}}"#));
    choose(&h, "no");
    enter(&h);
    set_bound(&h, "min", "20");
    set_bound(&h, "max", "120");
    enter(&h);
    drop(handle);
    // A reload (a new mount): back at the same question with the answers, announced.
    let h = host();
    let _handle = mount_widget("sf-advisor", h.clone()).unwrap();
    until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
    assert_eq!(heading(&h), "Was noch?");
    assert_eq!(txt(&q(&h, "[part=progress]")), "Frage 4 von 4");
    assert_eq!(txt(&q(&h, "[role=status]")), "Deine Antworten von vorhin sind wieder da.");
    action(&h, "back");
    assert_eq!(q(&h, "input[data-bound=min]").unchecked_into::<web_sys::HtmlInputElement>().value(), "20");
    assert_eq!(q(&h, "input[data-bound=max]").unchecked_into::<web_sys::HtmlInputElement>().value(), "120");
    // Start over forgets them.
    action(&h, "restart");
    assert_eq!(sf_session("sf-advisor", JsValue::UNDEFINED).map(|t| common::json(&t)), Some(common::json(r#"{"at": "trip", "answers": {}}"#)));
}

/// Two advisors on one page keep their answers apart when their elements have ids.
#[wasm_bindgen_test]
async fn advisors_with_ids_keep_their_answers_apart() {
    install(&format!(r#"{{"inline": {PRODUCTS}}}"#), "", false);
    for id in ["one", "two"] {
        sf_session(&format!("sf-advisor#{id}"), JsValue::NULL);
    }
    let mount_with_id = |id: &str| {
        let h = host();
        h.set_id(id);
        let handle = mount_widget("sf-advisor", h.clone()).expect("advisor configured");
        (h, handle)
    };
    let (one, _h1) = mount_with_id("one");
    let (_two, _h2) = mount_with_id("two");
    until(|| one.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
    choose(&one, "plane");
    enter(&one);
    let saved = sf_session("sf-advisor#one", JsValue::UNDEFINED).expect("the first advisor's answers");
    assert_eq!(common::json(&saved).pointer("/answers/trip"), Some(&common::json(r#"["plane"]"#)));
    let other = sf_session("sf-advisor#two", JsValue::UNDEFINED).map(|t| common::json(&t));
    assert!(other.as_ref().and_then(|j| j.pointer("/answers/trip")).is_none(), "the second advisor has none: {other:?}");
}
