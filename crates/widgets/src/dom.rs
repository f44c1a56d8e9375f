//! The few DOM primitives every widget renders with (direct calls, no view library):
//! elements, attributes and text nodes, and [`build`], which makes a block of static markup
//! from one template string (smaller in the wasm than a call per element and attribute).
//! Texts always go in as text nodes or `textContent`, never as HTML.

use crate::i18n::Texts;
use schaufenster_config::Config;
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

/// Builds static markup described by `src` inside `parent` with createElement, setAttribute
/// and text nodes (never HTML), and returns the elements marked `*`, in order.
///
/// `src` is a list of `name=value` tokens separated by single spaces (`=value` may be left
/// out when empty):
/// - `<class=tag` opens an element (no class when `class` is empty; the tag may be a `$n`)
///   inside the current one; `/` closes it;
/// - `name=value` sets an attribute (`hidden` alone sets it empty);
/// - `=value` sets the text of the new element (as `textContent`: nothing when empty);
///   `+=value` appends a text node, `+` a space;
/// - `*` marks the current element as a ref;
/// - `?n` … `?` keeps the tokens between only when bit `n` of `flags` is set (no nesting).
///
/// A value is `$n` (`vals[n]`, n one digit), `@key` (the message `key`) or the literal rest.
/// Only `src` is parsed: values and messages (texts from the config or the backend) go into
/// attributes and text nodes as they are, whatever they contain.
#[inline(never)]
pub fn build(doc: &Document, parent: &Element, src: &str, vals: &[&str], flags: u32, texts: &Texts, config: &Config) -> Vec<HtmlElement> {
    let mut refs = Vec::new();
    let mut cur = parent.clone();
    let mut skip = false;
    for tok in src.split(' ') {
        let (name, v) = tok.split_once('=').unwrap_or((tok, ""));
        let owned;
        let v = match v.as_bytes().first() {
            Some(b'$') => vals[(v.as_bytes()[1] - b'0') as usize],
            Some(b'@') => {
                owned = texts.t(config, &v[1..], &[]);
                &owned
            }
            _ => v,
        };
        match name.as_bytes().first() {
            Some(b'?') => skip = name.len() > 1 && flags >> (name.as_bytes()[1] - b'0') & 1 == 0,
            _ if skip => {}
            Some(b'<') => {
                let e = doc.create_element(v).expect("a valid tag name");
                if name.len() > 1 {
                    let _ = e.set_attribute("class", &name[1..]);
                }
                let _ = cur.append_child(&e);
                cur = e;
            }
            Some(b'/') => cur = cur.parent_element().expect("an open element"),
            Some(b'*') => refs.push(cur.clone().unchecked_into()),
            // `=value` is `textContent` on a new element: nothing when empty; `+=value` always
            // appends, `+` a space.
            None | Some(b'+') if name == "+" || !v.is_empty() => {
                let _ = cur.append_child(&doc.create_text_node(if tok == "+" { " " } else { v }));
            }
            None => {}
            _ => {
                let _ = cur.set_attribute(name, v);
            }
        }
    }
    refs
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
