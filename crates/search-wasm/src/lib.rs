//! Bench-only wasm wrapper of the core engines: the FAQ search engine for `./x bench
//! faq-browser` (bench/faq-browser, docs/bench-faq.md) and the product advisor for `./x bench
//! advisor` (bench/advisor-browser, docs/bench-advisor.md). Not part of the shipped package: the
//! widgets use the engines through crates/widgets. One index and one advisor workload per page,
//! each held in a thread-local.
//!
//! FAQ search:
//! - `build(entries_json, lang)` indexes `[{id, question, answer, tags?, category?, popularity?,
//!   lang?}]` with `Options::default()` and returns the number of entries. Entries keep the
//!   given order, so the engine's ties (entry order) follow it; the bench passes them sorted by id.
//! - `search(query, limit)` returns entry indices, best first, ranked in the build's language.
//!
//! Advisor (the workload is crates/bench/src/synthetic.rs, compiled here too, so the native
//! bench and this one time the same work on the same products):
//! - `advisor_setup(products)` builds the synthetic luggage catalogue (the native bench's seed)
//!   and the advisor, and returns the shape of the work as JSON: `{products, in_stock, criteria,
//!   ranked, relaxed, counts}`.
//! - `advisor_evaluate()` runs `Advisor::evaluate` for the answers and returns the number of
//!   products ranked; `advisor_option_counts()` runs `option_counts` for the next question and
//!   returns their sum. The page times each call.

use schaufenster_core::search::{Entry, Index, Lang, Options};
use serde_json::Value;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[path = "../../bench/src/synthetic.rs"]
mod synthetic;

thread_local! {
    static INDEX: RefCell<Option<(Index, Lang)>> = const { RefCell::new(None) };
    static ADVISOR: RefCell<Option<synthetic::Workload>> = const { RefCell::new(None) };
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

/// Builds the advisor workload for `products` synthetic products; returns its shape as JSON.
#[wasm_bindgen]
pub fn advisor_setup(products: usize) -> String {
    let work = synthetic::Workload::new(products, synthetic::SEED);
    let s = work.summary();
    ADVISOR.with(|a| *a.borrow_mut() = Some(work));
    serde_json::json!({
        "products": s.products,
        "in_stock": s.in_stock,
        "criteria": s.criteria,
        "ranked": s.ranked,
        "relaxed": s.relaxed,
        "counts": s.counts,
    })
    .to_string()
}

/// `Advisor::evaluate` for the bench answers; the number of products ranked (0 before setup).
#[wasm_bindgen]
pub fn advisor_evaluate() -> usize {
    ADVISOR.with(|a| a.borrow().as_ref().map_or(0, synthetic::Workload::evaluate))
}

/// `Advisor::option_counts` of the next question; their sum (0 before setup).
#[wasm_bindgen]
pub fn advisor_option_counts() -> usize {
    ADVISOR.with(|a| {
        a.borrow()
            .as_ref()
            .map_or(0, synthetic::Workload::option_counts)
    })
}
