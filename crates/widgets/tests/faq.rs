//! Component tests of `<sf-faq>` in headless Chromium: the combobox/listbox keyboard pattern
//! and its ARIA attributes at each step, highlighting, the answer panel with its sanitised
//! rich text, deep links, the zero-result fallback, and bad entries.
//!
//! Entries are `inline` here; the end-to-end tests run the widget against the reference
//! backend's FAQ.
#![cfg(target_arch = "wasm32")]

use schaufenster_widgets::glue::sf_sleep;
use schaufenster_widgets::{mount_widget, runtime};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::{record, until};

wasm_bindgen_test_configure!(run_in_browser);

const ENTRIES: &str = r#"[
  {"id": "ruecksendung", "category": "Rücksendung", "question": "Wie funktioniert die Rücksendung?", "answer": "Du hast <strong>30 Tage</strong> Zeit. <a href=\"/retoure\">Retourenschein</a>", "tags": ["Retoure"], "popularity": 50},
  {"id": "ruecksendekosten", "category": "Rücksendung", "question": "Wer trägt die Kosten der Rücksendung?", "answer": "Die Rücksendung ist für dich kostenlos.", "popularity": 90},
  {"id": "lieferzeit", "category": "Versand", "question": "Wie lange dauert die Lieferung?", "answer": "<ul><li>Deutschland: 1–3 Werktage</li><li>Österreich: 2–4 Werktage</li></ul>", "popularity": 70},
  {"id": "xss", "category": "Versand", "question": "Sicher <script>alert(1)</script>?", "answer": "<img src=x onerror=\"window.__pwned=1\"><a href=\"javascript:window.__pwned=2\">klick</a><svg onload=\"window.__pwned=3\"><script>window.__pwned=4</script></svg><b onclick=\"window.__pwned=5\">fett</b>", "popularity": 1},
  {"id": "english", "lang": "en", "question": "How long does delivery take?", "answer": "1–3 days.", "popularity": 1000}
]"#;

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A host element in the light DOM (shadow DOM off) so the test can query inside.
/// Installs a config that must be valid.
fn install(text: &str) {
    assert_eq!(runtime::install(&common::json(text)), 0, "{text}");
}

fn host() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    doc().body().unwrap().append_child(&el).unwrap();
    el
}

fn q(host: &web_sys::HtmlElement, sel: &str) -> web_sys::Element {
    host.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}"))
}

fn input(host: &web_sys::HtmlElement) -> web_sys::HtmlInputElement {
    q(host, "input[role=combobox]").unchecked_into()
}

fn options(host: &web_sys::HtmlElement) -> Vec<web_sys::Element> {
    let list = host.query_selector_all("[role=option]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn texts(host: &web_sys::HtmlElement) -> Vec<String> {
    options(host).iter().map(|o| o.query_selector(".q").unwrap().unwrap().text_content().unwrap()).collect()
}

fn type_text(host: &web_sys::HtmlElement, text: &str) {
    let i = input(host);
    i.set_value(text);
    i.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn key(host: &web_sys::HtmlElement, key: &str) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_cancelable(true);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input(host).dispatch_event(&ev).unwrap();
    ev.default_prevented()
}

fn attr(el: &web_sys::Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

#[wasm_bindgen_test]
async fn popular_questions_before_typing_in_the_page_language() {
    let (h, _handle) = mounted_light("").await;
    // The English entry is left out on a German widget; the three most popular remain.
    assert_eq!(texts(&h), ["Wer trägt die Kosten der Rücksendung?", "Wie lange dauert die Lieferung?", "Wie funktioniert die Rücksendung?"]);
    assert!(!q(&h, ".popular").unchecked_into::<web_sys::HtmlElement>().hidden());
    assert_eq!(attr(&input(&h).into(), "aria-expanded").as_deref(), Some("true"));
    // Categories: "Alle" + the two categories, as toggle buttons.
    let cats = h.query_selector_all("button[data-category]").unwrap();
    assert_eq!(cats.length(), 3);
}

async fn mounted_light(extra: &str) -> (web_sys::HtmlElement, Box<dyn std::any::Any>) {
    let text = format!(r#"{{"locale": "de-DE", "theme": {{"shadow_dom": false}}, "consent": {{"required": false}}, "faq": {{"source": {{"inline": {ENTRIES}}}, "contact": "mailto:hilfe@shop.example", "popular": 3{extra}}}}}"#);
    install(&text);
    let h = host();
    let handle = mount_widget("sf-faq", h.clone()).expect("faq configured");
    until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
    assert!(h.query_selector("[data-state=ready]").unwrap().is_some(), "FAQ did not become ready");
    (h, handle)
}

#[wasm_bindgen_test]
async fn keyboard_pattern_and_aria_at_each_step() {
    let (h, _handle) = mounted_light("").await;
    let i = input(&h);
    let el: web_sys::Element = i.clone().into();
    assert_eq!(attr(&el, "role").as_deref(), Some("combobox"));
    assert_eq!(attr(&el, "aria-autocomplete").as_deref(), Some("list"));
    let list = q(&h, "[role=listbox]");
    assert_eq!(attr(&el, "aria-controls"), attr(&list, "id"));
    let label = q(&h, "label");
    assert_eq!(attr(&label, "for"), attr(&el, "id"));

    // Typing with a typo and without umlauts still finds the return entries.
    type_text(&h, "Rucksendung");
    let found = texts(&h);
    assert!(found.len() >= 2, "{found:?}");
    assert!(found.iter().all(|t| t.contains("Rücksendung")), "{found:?}");
    // The count is announced once typing pauses, not on every keystroke.
    let status = q(&h, "[role=status]");
    assert_eq!(status.text_content().unwrap(), "", "nothing announced while typing");
    let want = format!("{} Antworten zu „Rucksendung“", found.len());
    until(|| status.text_content().unwrap() == want).await;
    assert_eq!(status.text_content().unwrap(), want);
    assert_eq!(attr(&el, "aria-expanded").as_deref(), Some("true"));
    assert_eq!(attr(&el, "aria-activedescendant"), None);
    // The matched word is highlighted.
    assert_eq!(options(&h)[0].query_selector("mark").unwrap().unwrap().text_content().unwrap(), "Rücksendung");

    // ArrowDown → first option active; again → second; ArrowUp wraps back; End/Home.
    assert!(key(&h, "ArrowDown"));
    let opts = options(&h);
    assert_eq!(attr(&el, "aria-activedescendant"), attr(&opts[0], "id"));
    assert_eq!(attr(&opts[0], "aria-selected").as_deref(), Some("true"));
    assert_eq!(attr(&opts[1], "aria-selected").as_deref(), Some("false"));
    key(&h, "ArrowDown");
    assert_eq!(attr(&el, "aria-activedescendant"), attr(&opts[1], "id"));
    key(&h, "Home");
    assert_eq!(attr(&el, "aria-activedescendant"), attr(&opts[0], "id"));
    key(&h, "End");
    assert_eq!(attr(&el, "aria-activedescendant"), attr(&opts[opts.len() - 1], "id"));
    key(&h, "ArrowDown");
    assert_eq!(attr(&el, "aria-activedescendant"), attr(&opts[0], "id"), "ArrowDown wraps to the first");
    key(&h, "ArrowUp");
    assert_eq!(attr(&el, "aria-activedescendant"), attr(&opts[opts.len() - 1], "id"), "ArrowUp wraps to the last");

    // Enter opens the active answer, updates the hash and moves focus to its heading.
    key(&h, "Home");
    let (opened, _l) = record(&h.clone().into(), "sf:faq-open");
    assert!(key(&h, "Enter"));
    let answer: web_sys::HtmlElement = q(&h, "[part=answer]").unchecked_into();
    assert!(!answer.hidden());
    let heading = q(&h, "[part=answer] .answer-q");
    assert_eq!(attr(&answer.clone().into(), "aria-labelledby"), attr(&heading, "id"));
    assert_eq!(heading.text_content().unwrap(), found[0]);
    assert_eq!(heading.tag_name(), "H2", "default heading level");
    let id = opened.borrow()[0].get("id").unwrap().as_str().unwrap().to_owned();
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), format!("#faq-{id}"));
    until(|| doc().active_element().is_some_and(|a| a == heading)).await;
    assert!(doc().active_element().is_some_and(|a| a == heading), "focus moves to the answer heading");

    // Escape: first clears the active option, then the query.
    i.focus().unwrap();
    key(&h, "ArrowDown");
    assert!(key(&h, "Escape"));
    assert_eq!(attr(&el, "aria-activedescendant"), None);
    assert_eq!(i.value(), "Rucksendung");
    key(&h, "Escape");
    assert_eq!(i.value(), "");
    assert_eq!(texts(&h).len(), 3, "popular questions again");

    // Keys without results do nothing and do not swallow the event.
    type_text(&h, "qqqqqqqq");
    assert!(!key(&h, "ArrowDown"));
    assert_eq!(attr(&el, "aria-expanded").as_deref(), Some("false"));
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn rich_answers_are_sanitised_and_hostile_entries_inert() {
    let (h, _handle) = mounted_light("").await;
    type_text(&h, "Sicher");
    let opts = options(&h);
    assert_eq!(opts.len(), 1);
    // The question is shown as text: the script tag is visible text, not an element.
    assert!(opts[0].query_selector("script").unwrap().is_none());
    opts[0].unchecked_ref::<web_sys::HtmlElement>().click();
    let body = q(&h, "[part=answer] .answer-body");
    for bad in ["img", "script", "svg", "[onclick]", "[onerror]", "[onload]", "a[href^=javascript]"] {
        assert!(body.query_selector(bad).unwrap().is_none(), "{bad} must not be rendered");
    }
    assert_eq!(body.text_content().unwrap(), "klickfett");
    assert!(body.query_selector("strong").unwrap().is_some(), "<b> becomes <strong>");
    sf_sleep(50).await;
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "a payload ran: {pwned:?}");

    // Allowed markup survives: list items and a relative link.
    type_text(&h, "Lieferung");
    options(&h)[0].unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(q(&h, "[part=answer] .answer-body").query_selector_all("li").unwrap().length(), 2);
    type_text(&h, "Rücksendung funktioniert");
    options(&h)[0].unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(attr(&q(&h, "[part=answer] .answer-body a"), "href").as_deref(), Some("/retoure"));
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn zero_results_offer_contact_and_categories_filter() {
    let (h, _handle) = mounted_light("").await;
    let contact: web_sys::HtmlElement = q(&h, "[part=contact]").unchecked_into();
    assert!(contact.hidden());
    let (searches, _l) = record(&h.clone().into(), "sf:faq-search");
    type_text(&h, "Quanten");
    type_text(&h, "Quantenphysik");
    assert!(options(&h).is_empty());
    assert!(!contact.hidden());
    assert_eq!(attr(&q(&h, "[part=contact] a"), "href").as_deref(), Some("mailto:hilfe@shop.example"));
    let status = q(&h, "[role=status]");
    until(|| status.text_content().unwrap().starts_with("Zu")).await;
    assert_eq!(status.text_content().unwrap(), "Zu „Quantenphysik“ haben wir keine Antwort gefunden.");
    // One sf:faq-search when typing pauses, for the settled query only.
    until(|| !searches.borrow().is_empty()).await;
    sf_sleep(200).await;
    let seen = searches.borrow().clone();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].get("query").and_then(|q| q.as_str()), Some("Quantenphysik"));
    assert_eq!(seen[0].get("results").and_then(|n| n.as_i64()), Some(0));

    // Escape clears the query and cancels its pending sf:faq-search.
    searches.borrow_mut().clear();
    type_text(&h, "xyz");
    key(&h, "Escape");
    sf_sleep(1100).await;
    assert!(searches.borrow().is_empty(), "an abandoned query is not reported: {:?}", searches.borrow());

    // Category "Versand" before typing: every entry of that category; the pressed button
    // keeps focus (it is updated, not re-created).
    let versand: web_sys::HtmlElement = h.query_selector("button[data-category='Versand']").unwrap().unwrap().unchecked_into();
    versand.focus().unwrap();
    versand.click();
    let versand_el: web_sys::Element = versand.clone().into();
    assert!(doc().active_element().is_some_and(|a| a == versand_el), "focus stays on the topic button");
    assert_eq!(attr(&versand, "aria-pressed").as_deref(), Some("true"));
    let pressed = h.query_selector("button[aria-pressed=true]").unwrap().unwrap();
    assert_eq!(pressed.text_content().unwrap(), "Versand");
    assert_eq!(texts(&h), ["Wie lange dauert die Lieferung?", "Sicher <script>alert(1)</script>?"]);
}

#[wasm_bindgen_test]
async fn deep_link_opens_the_answer() {
    web_sys::window().unwrap().location().set_hash("#faq-lieferzeit").unwrap();
    let (h, _handle) = mounted_light(r#", "heading_level": 4"#).await;
    let answer: web_sys::HtmlElement = q(&h, "[part=answer]").unchecked_into();
    until(|| !answer.hidden()).await;
    assert_eq!(q(&h, "[part=answer] .answer-q").text_content().unwrap(), "Wie lange dauert die Lieferung?");
    assert_eq!(q(&h, "[part=answer] .answer-q").tag_name(), "H4", "configured heading level");
    // Closing removes the hash.
    q(&h, "[data-action=close]").unchecked_ref::<web_sys::HtmlElement>().click();
    assert!(answer.hidden());
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "");
}

#[wasm_bindgen_test]
async fn bad_entries_are_skipped_and_reported_and_unmount_cleans_up() {
    let bad = r#"[{"id": "a", "question": "Gibt es Gutscheine?", "answer": "Ja."}, {"id": "b", "answer": "no question"}, {"id": "c", "question": "Zahlung per Rechnung?", "answer": "Ja.", "tags": "x"}]"#;
    let text = format!(r#"{{"locale": "de-DE", "theme": {{"shadow_dom": false}}, "faq": {{"source": {{"inline": {bad}}}}}}}"#);
    install(&text);
    let h = host();
    let (ready, _l) = record(&h.clone().into(), "sf:ready");
    let handle = mount_widget("sf-faq", h.clone()).unwrap();
    until(|| !ready.borrow().is_empty()).await;
    assert_eq!(ready.borrow()[0].get("entries").and_then(|n| n.as_i64()), Some(2), "the two usable entries stay");
    type_text(&h, "Rechnung");
    assert_eq!(texts(&h), ["Zahlung per Rechnung?"]);
    drop(handle);
    assert!(h.query_selector(".sf-faq").unwrap().is_none(), "unmount removes the markup");
}

#[wasm_bindgen_test]
async fn unusable_source_falls_back_to_the_inline_list_or_the_contact_link() {
    // The URL answers 404 (nothing serves it): with a fallback list, that list is searchable.
    let text = format!(
        r#"{{"locale": "de-DE", "theme": {{"shadow_dom": false}}, "backend": {{"retries": 0, "timeout_ms": 2000}}, "faq": {{"source": {{"url": "/__no_such_faq"}}, "fallback": {{"inline": {ENTRIES}}}, "contact": "/kontakt"}}}}"#
    );
    install(&text);
    let h = host();
    let (errors, _l) = record(&h.clone().into(), "sf:error");
    let _handle = mount_widget("sf-faq", h.clone()).unwrap();
    until(|| h.query_selector("[data-state=fallback]").ok().flatten().is_some()).await;
    assert!(h.query_selector("[data-state=fallback]").unwrap().is_some());
    assert_eq!(errors.borrow()[0].get("kind").and_then(|k| k.as_str()), Some("http-404"));
    type_text(&h, "Lieferzeit");
    assert_eq!(texts(&h)[0], "Wie lange dauert die Lieferung?");

    // Without a fallback: the unavailable message and the contact link.
    let text = r#"{"locale": "de-DE", "theme": {"shadow_dom": false}, "backend": {"retries": 0}, "faq": {"source": {"url": "/__no_such_faq"}, "contact": "/kontakt"}}"#;
    install(text);
    let h = host();
    let _handle = mount_widget("sf-faq", h.clone()).unwrap();
    until(|| h.query_selector("[data-state=error]").ok().flatten().is_some()).await;
    assert_eq!(q(&h, "[role=status]").text_content().unwrap(), "Die Hilfe ist gerade nicht erreichbar.");
    assert!(!q(&h, "[part=contact]").unchecked_into::<web_sys::HtmlElement>().hidden());
    assert_eq!(attr(&q(&h, "[part=contact] a"), "href").as_deref(), Some("/kontakt"));
}


/// Serves `body` for `/__faq` requests after `delay_ms` (a fetch shim in the test page).
fn serve_faq(body: &str, delay_ms: u32) {
    let install = js_sys::Function::new_with_args(
        "body, delay",
        r#"
        if (!window.__sfFaqFetch) {
          window.__sfFaqFetch = window.fetch;
          window.fetch = function (u, init) {
            if (String(u).startsWith("/__faq")) {
              const b = window.__sfFaqBody;
              return new Promise((r) => setTimeout(() => r(new Response(b, { status: 200, headers: { "content-type": "application/json" } })), window.__sfFaqDelay));
            }
            return window.__sfFaqFetch.call(this, u, init);
          };
        }
        window.__sfFaqBody = body;
        window.__sfFaqDelay = delay;
        "#,
    );
    install.call2(&wasm_bindgen::JsValue::NULL, &body.into(), &delay_ms.into()).unwrap();
}

#[wasm_bindgen_test]
async fn typing_while_the_entries_load_does_not_freeze_the_widget() {
    serve_faq(&format!(r#"{{"entries": {ENTRIES}}}"#), 400);
    let text = r#"{"locale": "de-DE", "theme": {"shadow_dom": false}, "faq": {"source": {"url": "/__faq"}}}"#;
    install(text);
    let h = host();
    let _handle = mount_widget("sf-faq", h.clone()).unwrap();
    type_text(&h, "Lieferung");
    until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
    assert!(h.query_selector("[data-state=ready]").unwrap().is_some(), "the widget must not stay in loading");
    type_text(&h, "Lieferung");
    assert_eq!(texts(&h)[0], "Wie lange dauert die Lieferung?");
}

#[wasm_bindgen_test]
async fn an_empty_or_unusable_answer_falls_back() {
    // 200 with an empty body: no entries, so the configured fallback list is used.
    serve_faq("", 0);
    let text = format!(r#"{{"locale": "de-DE", "theme": {{"shadow_dom": false}}, "faq": {{"source": {{"url": "/__faq"}}, "fallback": {{"inline": {ENTRIES}}}}}}}"#);
    install(&text);
    let h = host();
    let (errors, _l) = record(&h.clone().into(), "sf:error");
    let _handle = mount_widget("sf-faq", h.clone()).unwrap();
    until(|| h.query_selector("[data-state=fallback]").ok().flatten().is_some()).await;
    assert!(h.query_selector("[data-state=fallback]").unwrap().is_some());
    assert_eq!(errors.borrow()[0].get("kind").and_then(|k| k.as_str()), Some("malformed-json"));
}

#[wasm_bindgen_test]
async fn deep_links_with_encoded_ids() {
    let entries = r#"[{"id": "größe tabelle", "question": "Welche Größe passt?", "answer": "Siehe Tabelle."}]"#;
    web_sys::window().unwrap().location().set_hash("#faq-gr%c3%b6%c3%9fe%20tabelle").unwrap();
    let text = format!(r#"{{"locale": "de-DE", "theme": {{"shadow_dom": false}}, "faq": {{"source": {{"inline": {entries}}}}}}}"#);
    install(&text);
    let h = host();
    let _handle = mount_widget("sf-faq", h.clone()).unwrap();
    let answer: web_sys::HtmlElement = {
        until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
        q(&h, "[part=answer]").unchecked_into()
    };
    until(|| !answer.hidden()).await;
    assert!(!answer.hidden(), "lower-case percent escapes open the entry");
    q(&h, "[data-action=close]").unchecked_ref::<web_sys::HtmlElement>().click();
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_keyword_only_match_shows_the_keyword() {
    let (h, _handle) = mounted_light("").await;
    // "Retoure" is only a tag of the return entry (the trailing space ends the word, so it is
    // not a prefix of "Retourenschein" in its answer): the row names the keyword, highlighted.
    type_text(&h, "Retoure ");
    let opts = options(&h);
    assert_eq!(texts(&h)[0], "Wie funktioniert die Rücksendung?");
    let snippet = opts[0].query_selector(".snippet").unwrap().unwrap();
    assert_eq!(snippet.query_selector("mark").unwrap().unwrap().text_content().unwrap(), "Retoure");
    assert!(snippet.text_content().unwrap().starts_with("Retoure · Du hast 30 Tage Zeit."), "{:?}", snippet.text_content());
}
