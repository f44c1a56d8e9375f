//! Component tests of the static-markup interpreter `dom::build` in headless Chromium.
#![cfg(target_arch = "wasm32")]

use schaufenster_widgets::dom::build;
use schaufenster_widgets::i18n::Texts;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::json;

wasm_bindgen_test_configure!(run_in_browser);

fn build_in(src: &str, vals: &[&str], flags: u32) -> (web_sys::Element, Vec<web_sys::HtmlElement>) {
    let config = schaufenster_config::load(&json(r#"{"locale": "de-DE", "messages": {"de": {"faq.label": "<b>Frage</b> & \"Antwort\""}}}"#)).config.expect("a valid config");
    let doc = web_sys::window().unwrap().document().unwrap();
    let parent = doc.create_element("div").unwrap();
    let refs = build(&doc, &parent, src, vals, flags, &Texts { locale: "de-DE".into() }, &config);
    (parent, refs)
}

#[wasm_bindgen_test]
fn builds_elements_attributes_texts_and_refs_in_order() {
    let (parent, refs) = build_in(
        "<root=div * part=root hidden <=label for=$0 =@faq.label / <x=$1 * id=$0 =$2 / <=p +=a + <=a href=$3 =b / +=c",
        &["id-1", "h3", "<i>x</i>", "https://example.com/?a=1&b=2"],
        0,
    );
    assert_eq!(
        parent.inner_html(),
        "<div class=\"root\" part=\"root\" hidden=\"\"><label for=\"id-1\">&lt;b&gt;Frage&lt;/b&gt; &amp; \"Antwort\"</label>\
         <h3 class=\"x\" id=\"id-1\">&lt;i&gt;x&lt;/i&gt;</h3><p>a <a href=\"https://example.com/?a=1&amp;b=2\">b</a>c</p></div>"
    );
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[0].class_name(), "root");
    assert_eq!(refs[1].local_name(), "h3");
    // Markup in values and messages stays text.
    assert_eq!(parent.query_selector_all("b, i").unwrap().length(), 0);
}

#[wasm_bindgen_test]
fn conditions_and_empty_texts() {
    let (parent, refs) = build_in("<a=p ?0 * =yes ? ?1 * =no ? / <b=p =$0 / <c=p +=$0", &[""], 0b10);
    assert_eq!(parent.inner_html(), "<p class=\"a\">no</p><p class=\"b\"></p><p class=\"c\"></p>");
    assert_eq!(refs.len(), 1);
    // `=` with an empty value adds no node (as `textContent`), `+=` always appends one.
    let ps = parent.query_selector_all("p").unwrap();
    let count = |i| ps.item(i).unwrap().unchecked_into::<web_sys::Element>().child_nodes().length();
    assert_eq!((count(1), count(2)), (0, 1));
}
