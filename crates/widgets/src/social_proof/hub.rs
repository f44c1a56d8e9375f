//! One stats request for every `<sf-social-proof>` on the page, and the shared refresh timer.
//!
//! Elements register their product when they mount; the hub waits one tick so that all
//! elements of a page land in the same request, then asks the backend once for all of them.
//! While at least one element is mounted it refreshes every `refresh_seconds`, skipping
//! while the tab is hidden and catching up when it becomes visible again.

use super::{Badges, State};
use crate::backend::{expand_url, request};
use crate::events::{self, document};
use crate::glue::{sf_now, sf_sleep, sf_visible, Listener};
use crate::runtime;
use schaufenster_config::json::{obj, s};
use schaufenster_config::mapping::stats_from_json;
use schaufenster_core::social_proof::decide;
use std::cell::RefCell;
use std::rc::Weak;
use wasm_bindgen::JsValue;

struct Entry {
    id: u32,
    product: String,
    widget: Weak<Badges>,
    host: JsValue,
}

#[derive(Default)]
struct Hub {
    entries: Vec<Entry>,
    next_id: u32,
    flush_scheduled: bool,
    timer_generation: u32,
    timer_running: bool,
    on_visible: Option<Listener>,
    /// Requests made since the page loaded.
    requests: u32,
    /// Number of the newest request whose answer was applied; older answers arriving late
    /// are dropped.
    applied: u32,
}

thread_local! {
    static HUB: RefCell<Hub> = RefCell::new(Hub::default());
}

/// Registers an element's product; returns the id to unregister with.
pub fn register(product: String, widget: Weak<Badges>, host: JsValue) -> u32 {
    let id = HUB.with(|h| {
        let mut h = h.borrow_mut();
        h.next_id += 1;
        let id = h.next_id;
        h.entries.push(Entry { id, product, widget, host });
        if h.on_visible.is_none() {
            h.on_visible = Some(Listener::new(&document(), "visibilitychange", |_| {
                if sf_visible() {
                    schedule_flush();
                }
            }));
        }
        id
    });
    schedule_flush();
    start_timer();
    id
}

/// Removes an element; the timer and the visibility listener stop with the last one.
pub fn unregister(id: u32) {
    HUB.with(|h| {
        let mut h = h.borrow_mut();
        h.entries.retain(|e| e.id != id);
        if h.entries.is_empty() {
            h.on_visible = None;
            h.timer_generation = h.timer_generation.wrapping_add(1);
            h.timer_running = false;
        }
    });
}

/// Number of stats requests this page made (for the component tests; the e2e tests and the
/// benchmark count requests in the browser).
pub fn request_count() -> u32 {
    HUB.with(|h| h.borrow().requests)
}

fn schedule_flush() {
    let already = HUB.with(|h| std::mem::replace(&mut h.borrow_mut().flush_scheduled, true));
    if already {
        return;
    }
    crate::glue::spawn(async {
        // Let every element connected in this task register first.
        sf_sleep(0).await;
        HUB.with(|h| h.borrow_mut().flush_scheduled = false);
        flush().await;
    });
}

fn start_timer() {
    let Some(rt) = runtime::current() else { return };
    let Some(cfg) = rt.config.social_proof.get() else { return };
    let every = cfg.refresh_seconds.0 as u32;
    if every == 0 {
        return;
    }
    let generation = HUB.with(|h| {
        let mut h = h.borrow_mut();
        if h.timer_running {
            return None;
        }
        h.timer_running = true;
        Some(h.timer_generation)
    });
    let Some(generation) = generation else { return };
    crate::glue::spawn(async move {
        loop {
            sf_sleep(every * 1000).await;
            if HUB.with(|h| h.borrow().timer_generation != generation) {
                return;
            }
            // Paused while the tab is hidden; visibilitychange catches up.
            if sf_visible() {
                flush().await;
            }
        }
    });
}

/// `sf:error` for one element: one body for both kinds of failure.
#[inline(never)]
fn report(host: &JsValue, kind: &str, product: &str, message: &str, url: &str) {
    events::emit(host, "error", obj([("widget", s("social-proof")), ("kind", s(kind)), ("product", s(product)), ("message", s(message)), ("url", s(url))]));
}

async fn flush() {
    let Some(rt) = runtime::current() else { return };
    let Some(cfg) = rt.config.social_proof.get() else { return };
    // The elements this request is for: an element registered while it runs gets its own.
    let mut targets: Vec<(u32, String, Weak<Badges>, JsValue)> = Vec::new();
    let mut products: Vec<&str> = Vec::new();
    HUB.with(|h| {
        for e in &h.borrow().entries {
            targets.push((e.id, e.product.clone(), e.widget.clone(), e.host.clone()));
        }
    });
    for t in &targets {
        products.push(&t.1);
    }
    schaufenster_core::sort::sort_by(&mut products, |a, b| a.cmp(b));
    products.dedup();
    if products.is_empty() {
        return;
    }
    let src = &cfg.source.0;
    let Some(url) = &src.url else { return };
    // Category names follow the page language, like the widgets' texts.
    let locale = crate::i18n::resolve_locale(&rt.config, None, crate::i18n::page_lang());
    let lang = schaufenster_config::types::language_of(&locale);
    let window = cfg.window_minutes.0.to_string();
    let joined = schaufenster_core::template::join(&products, ",");
    let url = expand_url(&url.0, &[("products", &joined), ("window", &window), ("language", lang), ("locale", &locale)]);
    let number = HUB.with(|h| {
        let mut h = h.borrow_mut();
        h.requests += 1;
        h.requests
    });
    let result = request(&rt.config.backend, "GET", &url, None).await;
    let stale = HUB.with(|h| {
        let mut h = h.borrow_mut();
        let stale = h.applied > number;
        h.applied = h.applied.max(number);
        stale
    });
    if stale {
        return;
    }
    let rules = cfg.rules();
    let now = sf_now() as i64;
    for (id, product, widget, host) in targets {
        // Unmounted while the request ran (or by a listener of an earlier event): nothing to
        // update.
        if !HUB.with(|h| h.borrow().entries.iter().any(|e| e.id == id)) {
            continue;
        }
        let Some(widget) = widget.upgrade() else { continue };
        let first = widget.is_loading();
        match &result {
            Ok(json) => {
                let (stats, mut problems) = stats_from_json(json, src, &product);
                let decision = decide(&rules, &stats, now);
                for p in &decision.problems {
                    problems.push(p.clone());
                }
                if !problems.is_empty() {
                    let kind = if decision.stale { "stale" } else { "bad-stats" };
                    report(&host, kind, &product, &schaufenster_core::template::join(&problems, "; "), &url);
                }
                widget.set(State::Ready(decision));
            }
            Err(e) => {
                report(&host, &e.outcome.kind(), &product, &e.message(), &e.url);
                widget.set(State::Failed);
            }
        }
        // sf:ready once per element, after its first answer or fallback.
        if first {
            events::emit(&host, "ready", obj([("widget", s("social-proof")), ("product", s(&product))]));
        }
    }
}
