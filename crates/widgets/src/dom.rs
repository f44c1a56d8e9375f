//! The few DOM primitives every widget renders with (direct calls, no view library):
//! elements, attributes and text nodes. Texts always go in as text nodes or `textContent`,
//! never as HTML.

use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Node};

/// Creates `<tag class=…>` inside `parent` (no class when `class` is empty).
pub fn el(doc: &Document, parent: &Node, tag: &str, class: &str) -> HtmlElement {
    let e: HtmlElement = doc.create_element(tag).expect("a valid tag name").unchecked_into();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    let _ = parent.append_child(&e);
    e
}

/// Sets attribute `name` (errors only come from invalid names, which are constants here).
pub fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Appends text `t` as a text node.
pub fn text(doc: &Document, parent: &Node, t: &str) {
    let _ = parent.append_child(&doc.create_text_node(t));
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A number unique on this page (1, 2, …), for the ids a widget's ARIA references need.
pub fn next_id() -> u32 {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}
