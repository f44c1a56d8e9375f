//! `<sf-shipping-bar>`: the free-shipping progress bar.
//!
//! Reads the cart (pushed, inline or fetched), evaluates the configured tiers with
//! [`schaufenster_core::shipping::evaluate`] — the same call the reference backend makes at
//! checkout — and renders a message, a `role="progressbar"` with a spoken value text, and
//! products that close the gap. Refreshes on `sf:cart-changed` and when the tab becomes
//! visible again. Emits `sf:ready`, `sf:threshold-reached`, `sf:add-to-cart` and `sf:error`.

use crate::backend::{expand_url, request, FetchError};
use crate::events::{self, document, window};
use crate::glue::{send_wrapper, sf_visible, Listener};
use crate::i18n::Texts;
use crate::runtime::Runtime;
use leptos::prelude::*;
use schaufenster_config::json::{obj, s, Json};
use schaufenster_config::mapping::{products_from_json, Product};
use schaufenster_config::model::ShippingBar;
use schaufenster_core::shipping::{evaluate, suggest, Reward, ShippingProgress, ShippingRules, TierStatus};
use schaufenster_core::{Cart, Currency, Money};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/shipping_bar.css"));

/// What the bar currently knows.
#[derive(Clone, PartialEq)]
enum Data {
    Loading,
    Ready(Cart, ShippingProgress),
    Failed,
}

/// Mounts the bar into `host`. Returns `None` (renders nothing, collapses) when the config
/// has no valid `shipping_bar` section.
pub fn mount(host: web_sys::HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    let Some(bar) = rt.config.shipping_bar.get().cloned() else {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    };
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let handle = leptos::mount::mount_to(container, move || view_bar(host, rt, bar, texts));
    Some(Box::new(handle))
}

fn view_bar(host: web_sys::HtmlElement, rt: Rc<Runtime>, bar: ShippingBar, texts: Texts) -> impl IntoView {
    let host: JsValue = host.into();
    let rules = Rc::new(bar.rules());
    let data = RwSignal::new(Data::Loading);
    // What the markup shows, recomputed whenever `data` is set (a plain signal costs less wasm
    // than a memo).
    let view_state = RwSignal::new(describe(&rt, &texts, &Data::Loading));
    let products: RwSignal<Option<(Currency, Vec<Product>)>> = RwSignal::new(None);
    let generation = Rc::new(Cell::new(0u32));
    let ready_sent = Rc::new(Cell::new(false));

    // (Re)load the cart; results of superseded loads are dropped.
    let reload = {
        let (rt, rules, texts, host, generation, ready_sent, bar) = (rt.clone(), rules.clone(), texts.clone(), host.clone(), generation.clone(), ready_sent.clone(), bar.clone());
        Rc::new(move || {
            let gen = generation.get().wrapping_add(1);
            generation.set(gen);
            let (rt, rules, texts, host, generation, ready_sent, bar) = (rt.clone(), rules.clone(), texts.clone(), host.clone(), generation.clone(), ready_sent.clone(), bar.clone());
            leptos::task::spawn_local(async move {
                let result = crate::cart::load(&rt, texts.language(), &texts.locale).await;
                if generation.get() != gen {
                    return;
                }
                // The widget may have been unmounted while the request ran (its signals are
                // then disposed, and reading one would abort the wasm): `try_` reads and an
                // early return keep a late answer harmless.
                let Some(before) = data.try_get_untracked() else { return };
                match result {
                    Ok(cart) => {
                        let progress = evaluate(&rules, &cart);
                        let currency = cart.currency;
                        let new = Data::Ready(cart, progress.clone());
                        view_state.try_set(describe(&rt, &texts, &new));
                        data.try_set(new);
                        // Events last: a listener may remove the element.
                        announce_reached(&host, &before, &progress);
                        if let Some(sugg) = &bar.suggestions {
                            if products.try_get_untracked().flatten().map(|(c, _)| c) != Some(currency) && generation.get() == gen {
                                load_products(&rt, sugg, currency, &texts, products, &host).await;
                            }
                        }
                    }
                    Err(e) => {
                        view_state.try_set(describe(&rt, &texts, &Data::Failed));
                        data.try_set(Data::Failed);
                        report(&host, &e);
                    }
                }
                if generation.get() != gen {
                    return;
                }
                if !ready_sent.replace(true) {
                    events::emit(&host, "ready", obj([("widget", s("shipping-bar"))]));
                }
            });
        })
    };
    reload();

    let on_change = {
        let reload = reload.clone();
        Listener::new(&document(), "sf:cart-changed", move |_| reload())
    };
    let on_visible = {
        let reload = reload.clone();
        Listener::new(&document(), "visibilitychange", move |_| {
            if sf_visible() {
                reload()
            }
        })
    };
    // Window-level pageshow covers returning through the back/forward cache.
    let on_pageshow = {
        let reload = reload.clone();
        Listener::new(&window(), "pageshow", move |_| reload())
    };
    let listeners = send_wrapper((vec![on_change, on_visible, on_pageshow], generation.clone()));
    // Unmount: stop listening and make requests still in flight stale.
    on_cleanup(move || {
        let (listeners, generation) = listeners.take();
        generation.set(generation.get().wrapping_add(1));
        drop(listeners);
    });

    let label = texts.t(&rt.config, "shipping.label", &[]);
    // Reactive closures must be Send in leptos 0.8; in the browser everything runs on one
    // thread, so the shared context travels in a SendWrapper.
    let max = bar.suggestions.as_ref().map(|sg| sg.max.0 as usize).unwrap_or(0);
    let cx = send_wrapper(Rc::new((rt, texts, rules, host)));
    let suggestions = move || suggestion_buttons(&cx.0, &cx.1, &cx.2, &cx.3, max, &data.get(), products.get());

    view! {
        <div part="root" class="sf-bar" data-state=move || view_state.with(|v| v.state)>
            <p part="message" class="msg" aria-live="polite">{move || view_state.with(|v| v.message.clone())}</p>
            <div
                part="track"
                class="track"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || view_state.with(|v| v.percent.to_string())
                aria-valuetext=move || view_state.with(|v| v.value_text.clone())
                hidden=move || view_state.with(|v| !v.show_track)
            >
                <div part="fill" class="fill" style:width=move || view_state.with(|v| pct(v.width))></div>
                {move || view_state.with(|v| v.markers.clone()).into_iter().map(|m| view! { <span class="marker" aria-hidden="true" style:left=pct(m)></span> }).collect_view()}
            </div>
            <p part="note" class="note">{move || view_state.with(|v| v.note.clone())}</p>
            <div part="suggestions" class="suggestions">{suggestions}</div>
        </div>
    }
}

/// Everything the markup shows, derived from the data in one place.
#[derive(Clone, PartialEq, Default)]
struct ViewState {
    state: &'static str,
    message: String,
    value_text: String,
    percent: u32,
    /// Fill width in per-mille (integers keep float formatting out of the wasm).
    width: u32,
    show_track: bool,
    /// Tier marker positions in per-mille.
    markers: Vec<u32>,
    note: String,
}

/// "62.4%" from 624 per-mille.
fn pct(permille: u32) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

fn money(texts: &Texts, minor: i64, currency: Currency) -> String {
    texts.money(Money::new(minor, currency))
}

fn tier_message(rt: &Runtime, texts: &Texts, t: &TierStatus, currency: Currency, reached: bool) -> String {
    let kind = match t.reward {
        Reward::FreeShipping => "free_shipping",
        Reward::Gift => "gift",
        Reward::Other => "other",
    };
    let key = format!("shipping.{}.{kind}", if reached { "reached" } else { "remaining" });
    texts.t(&rt.config, &key, &[("remaining", money(texts, t.remaining, currency)), ("threshold", money(texts, t.threshold, currency)), ("tier", t.id.clone())])
}

fn describe(rt: &Runtime, texts: &Texts, data: &Data) -> ViewState {
    match data {
        Data::Loading => ViewState { state: "loading", show_track: true, ..Default::default() },
        Data::Failed => ViewState { state: "error", message: texts.t(&rt.config, "shipping.unavailable", &[]), ..Default::default() },
        Data::Ready(cart, p) => {
            let Some(top) = p.tiers.last() else {
                // No tier for this currency: promise nothing rather than convert.
                return ViewState { state: "inapplicable", ..Default::default() };
            };
            let cur = cart.currency;
            let message = match (p.next(), p.last_reached()) {
                (Some(next), _) if p.eligible_subtotal == 0 => texts.t(&rt.config, "shipping.empty", &[("threshold", money(texts, next.threshold, cur))]),
                (Some(next), None) => tier_message(rt, texts, next, cur, false),
                (Some(next), Some(done)) => texts.t(&rt.config, "shipping.reached_next", &[("done", tier_message(rt, texts, done, cur, true)), ("next", tier_message(rt, texts, next, cur, false))]),
                (None, _) => tier_message(rt, texts, top, cur, true),
            };
            let goal = p.next().unwrap_or(top);
            let value = texts.t(&rt.config, "shipping.value", &[("subtotal", money(texts, p.eligible_subtotal.min(goal.threshold), cur)), ("threshold", money(texts, goal.threshold, cur))]);
            let permille = p.permille();
            let note = if p.excluded_subtotal > 0 { texts.t(&rt.config, "shipping.excluded", &[("amount", money(texts, p.excluded_subtotal, cur))]) } else { String::new() };
            ViewState {
                state: if p.all_reached() { "reached" } else { "progress" },
                value_text: format!("{value}. {message}"),
                message,
                percent: permille / 10,
                width: permille,
                show_track: true,
                markers: p.tiers[..p.tiers.len() - 1].iter().map(|t| schaufenster_core::shipping::permille(t.threshold, top.threshold)).collect(),
                note,
            }
        }
    }
}

/// Fires `sf:threshold-reached` for tiers that became reached since the last cart (not on
/// the first load: the shopper did nothing to reach them just now).
fn announce_reached(host: &JsValue, before: &Data, now: &ShippingProgress) {
    let Data::Ready(old_cart, old) = before else { return };
    if old_cart.currency != now.currency {
        return;
    }
    for t in now.tiers.iter().filter(|t| t.reached) {
        if old.tiers.iter().any(|o| o.id == t.id && !o.reached) {
            events::emit(host, "threshold-reached", obj([("widget", s("shipping-bar")), ("tier", s(&t.id)), ("threshold", Json::Number(t.threshold as f64)), ("currency", s(now.currency.code()))]));
        }
    }
}

fn report(host: &JsValue, e: &FetchError) {
    events::emit(host, "error", obj([("widget", s("shipping-bar")), ("kind", s(&e.outcome.kind())), ("message", s(&e.message())), ("url", s(&e.url))]));
}

async fn load_products(rt: &Runtime, sugg: &schaufenster_config::model::Suggestions, currency: Currency, texts: &Texts, products: RwSignal<Option<(Currency, Vec<Product>)>>, host: &JsValue) {
    let src = &sugg.source.0;
    let data = match (&src.inline, &src.url) {
        (Some(inline), _) => Ok(inline.clone()),
        (None, Some(url)) => {
            let url = expand_url(&url.0, &[("currency", currency.code()), ("language", texts.language()), ("locale", &texts.locale)]);
            request(&rt.config.backend, "GET", &url, None).await
        }
        (None, None) => return,
    };
    match data {
        Ok(json) => {
            let (list, problems) = products_from_json(&json, src, currency);
            if !problems.is_empty() {
                events::emit(host, "error", obj([("widget", s("shipping-bar")), ("kind", s("mapping")), ("message", s(&format!("product list: {}", problems.join("; "))))]));
            }
            // Only prices in the cart's currency can be compared with the gap.
            products.try_set(Some((currency, list.into_iter().filter(|p| p.currency == currency).collect())));
        }
        Err(e) => report(host, &e),
    }
}

fn suggestion_buttons(rt: &Runtime, texts: &Texts, rules: &ShippingRules, host: &JsValue, max: usize, data: &Data, products: Option<(Currency, Vec<Product>)>) -> impl IntoView {
    let (Data::Ready(cart, progress), Some((currency, list))) = (data, products) else { return None };
    let next = progress.next()?;
    if currency != cart.currency || progress.eligible_subtotal == 0 {
        return None;
    }
    let candidates: Vec<_> = list.iter().map(Product::candidate).collect();
    let picked: Vec<Product> = suggest(rules, cart, next.remaining, &candidates, max).into_iter().filter_map(|c| list.iter().find(|p| p.id == c.id).cloned()).collect();
    if picked.is_empty() {
        return None;
    }
    let heading = texts.t(&rt.config, "shipping.suggestions", &[("remaining", money(texts, next.remaining, currency))]);
    let items = picked
        .into_iter()
        .map(|p| {
            let price = money(texts, p.price, p.currency);
            // The accessible name starts with the visible text (WCAG 2.5.3): "Packwürfel 24,90 € –
            // in den Warenkorb"; the action is read out but not shown.
            let action = format!(" – {}", texts.t(&rt.config, "shipping.add", &[]));
            let host = host.clone();
            let detail = obj([("widget", s("shipping-bar")), ("product_id", s(&p.id)), ("quantity", Json::Number(1.0)), ("price", Json::Number(p.price as f64)), ("currency", s(p.currency.code()))]);
            view! {
                <li>
                    <button type="button" part="suggestion" class="suggestion" on:click=move |_| { events::emit(&host, "add-to-cart", detail.clone()); }>
                        <span class="name">{p.title.clone()}</span>" "
                        <span class="price">{price.clone()}</span>
                        <span class="sr-only">{action}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <p class="suggest-heading">{heading}</p>
        <ul class="suggest-list">{items}</ul>
    })
}
