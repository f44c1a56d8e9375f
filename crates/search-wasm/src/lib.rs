//! Bench-only wasm wrapper of the FAQ search engine, for `./x bench faq-browser`
//! (bench/faq-browser, docs/bench-faq.md). Not part of the shipped package: the widget uses the
//! engine through crates/widgets. One index per page, held in a thread-local.
//!
//! - `build(entries_json, lang)` indexes `[{id, question, answer, tags?, category?, popularity?,
//!   lang?}]` with `Options::default()` and returns the number of entries. Entries keep the
//!   given order, so the engine's ties (entry order) follow it; the bench passes them sorted by id.
//! - `search(query, limit)` returns entry indices, best first, ranked in the build's language.

use schaufenster_core::search::{Entry, Index, Lang, Options};
use serde_json::Value;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static INDEX: RefCell<Option<(Index, Lang)>> = const { RefCell::new(None) };
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn entry(v: &Value, default: Lang) -> Entry {
    Entry {
        id: text(v, "id"),
        lang: v
            .get("lang")
            .and_then(Value::as_str)
            .map_or(default, Lang::from_tag),
        question: text(v, "question"),
        answer: text(v, "answer"),
        tags: v
            .get("tags")
            .and_then(Value::as_array)
            .map(|t| {
                t.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        category: v.get("category").and_then(Value::as_str).map(str::to_owned),
        popularity: v
            .get("popularity")
            .and_then(Value::as_u64)
            .map_or(0, |p| u32::try_from(p).unwrap_or(u32::MAX)),
    }
}

/// Builds the index from a JSON array of entries; returns how many were indexed.
#[wasm_bindgen]
pub fn build(entries_json: &str, lang: &str) -> Result<u32, JsError> {
    let lang = Lang::from_tag(lang);
    let list: Vec<Value> =
        serde_json::from_str(entries_json).map_err(|e| JsError::new(&e.to_string()))?;
    let entries: Vec<Entry> = list.iter().map(|v| entry(v, lang)).collect();
    let index = Index::build(&entries, &Options::default());
    INDEX.with(|i| *i.borrow_mut() = Some((index, lang)));
    Ok(u32::try_from(entries.len()).unwrap_or(u32::MAX))
}

/// Entry indices of the best `limit` hits for `query`, best first (empty before `build`).
#[wasm_bindgen]
pub fn search(query: &str, limit: usize) -> Vec<u32> {
    INDEX.with(|i| match &*i.borrow() {
        Some((index, lang)) => index
            .search(query, Some(*lang), limit)
            .iter()
            .map(|h| u32::try_from(h.entry).unwrap_or(u32::MAX))
            .collect(),
        None => Vec::new(),
    })
}
