//! `<sf-social-proof product="…">`: honest social-proof badges.
//!
//! Shows only what [`schaufenster_core::social_proof::decide`] chose from the backend's
//! numbers, as static text (no auto-dismissing pop-ups, WCAG 2.2.1), pluralised through
//! `Intl.PluralRules`, with a "how we count" disclosure. Every element of a page shares one
//! stats request and one refresh timer ([`hub`]).

pub mod hub;

use crate::glue::{sf_number, sf_unit};
use crate::i18n::Texts;
use crate::runtime::Runtime;
use leptos::prelude::*;
use schaufenster_core::social_proof::{Badge, Decision, Shown};
use std::rc::Rc;
use wasm_bindgen::JsValue;

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/social_proof.css"));

/// What one element knows.
#[derive(Clone, Debug, PartialEq)]
pub enum State {
    /// Waiting for the first stats.
    Loading,
    /// Stats arrived and the rules decided.
    Ready(Decision),
    /// The backend failed; nothing is shown.
    Failed,
}

/// Mounts the badges for the element's `product` attribute. `None` when the config has no
/// valid `social_proof` section or the element names no product.
pub fn mount(host: web_sys::HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    let product = host.get_attribute("product").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
    let (Some(_), Some(product)) = (rt.config.social_proof.get(), product) else {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    };
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let handle = leptos::mount::mount_to(container, move || view_badges(host.into(), rt, product, texts));
    Some(Box::new(handle))
}

thread_local! {
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn view_badges(host: JsValue, rt: Rc<Runtime>, product: String, texts: Texts) -> impl IntoView {
    let state = RwSignal::new(State::Loading);
    let open = RwSignal::new(false);
    let id = hub::register(product.clone(), state, host.clone());
    on_cleanup(move || hub::unregister(id));
    let panel_id = format!("sf-sp-how-{}", NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    }));

    let how = texts.t(&rt.config, "social.how", &[]);
    let disclosure = texts.t(&rt.config, "social.disclosure", &[]);
    let cx = crate::glue::send_wrapper(Rc::new((rt, texts)));
    let badges = move || {
        state.with(|s| match s {
            State::Ready(d) => d.badges.iter().map(|b| render_badge(&cx.0, &cx.1, b)).collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    let shown = move || state.with(|s| matches!(s, State::Ready(d) if !d.badges.is_empty()));
    let data_state = move || {
        state.with(|s| match s {
            State::Loading => "loading",
            State::Failed => "error",
            State::Ready(d) if d.stale => "stale",
            State::Ready(d) if d.badges.is_empty() => "empty",
            State::Ready(_) => "ready",
        })
    };
    let panel = panel_id.clone();
    view! {
        <div part="root" class="sf-sp" data-state=data_state>
            <ul part="badges" class="badges">{badges}</ul>
            <div class="how-row" hidden=move || !shown()>
                <button type="button" part="how" class="how" aria-expanded=move || open.get().to_string() aria-controls=panel on:click=move |_| open.update(|o| *o = !*o)>
                    {how}
                </button>
                <p part="disclosure" class="disclosure" id=panel_id hidden=move || !open.get()>{disclosure}</p>
            </div>
        </div>
    }
}

/// A count as text: "19", "20+", "1.000+".
fn count_text(texts: &Texts, c: Shown) -> String {
    let n = sf_number(&texts.locale, c.value() as f64, 0);
    match c {
        Shown::Exact(_) => n,
        Shown::AtLeast(_) => format!("{n}+"),
    }
}

/// "24 Stunden", "30 Minuten", "7 Tage".
fn window_text(texts: &Texts, minutes: u64) -> String {
    let (n, unit) = if minutes % 1440 == 0 && minutes > 2880 {
        (minutes / 1440, "day")
    } else if minutes % 60 == 0 {
        (minutes / 60, "hour")
    } else {
        (minutes, "minute")
    };
    sf_unit(&texts.locale, n as f64, unit)
}

/// A badge as markup: one template for every kind (one leptos view type keeps the wasm small).
fn render_badge(rt: &Runtime, texts: &Texts, b: &Badge) -> impl IntoView {
    let kind = b.kind().name();
    let (text, stars) = badge_text(rt, texts, b);
    view! {
        <li part="badge" class="badge" data-kind=kind>
            {stars.map(|width| view! { <span class="stars" aria-hidden="true"><span class="stars-fill" style:width=width></span></span> })}
            <span>{text}</span>
        </li>
    }
}

/// The sentence for a badge and, for ratings, the width of the filled stars.
fn badge_text(rt: &Runtime, texts: &Texts, b: &Badge) -> (String, Option<String>) {
    match b {
        Badge::Purchases { count, window_minutes } | Badge::Carts { count, window_minutes } => {
            let base = if matches!(b, Badge::Purchases { .. }) { "social.purchases" } else { "social.carts" };
            (texts.plural(&rt.config, base, count.value(), &[("count", count_text(texts, *count)), ("window", window_text(texts, *window_minutes))]), None)
        }
        Badge::Viewers { count } => (texts.plural(&rt.config, "social.viewers", count.value(), &[("count", count_text(texts, *count))]), None),
        Badge::LowStock { count } => (texts.plural(&rt.config, "social.low_stock", *count, &[("count", count_text(texts, Shown::Exact(*count)))]), None),
        Badge::Rating { tenths, count } => {
            let average = sf_number(&texts.locale, *tenths as f64 / 10.0, 1);
            let text = texts.plural(&rt.config, "social.rating", *count, &[("average", average), ("count", count_text(texts, Shown::Exact(*count)))]);
            (text, Some(format!("{}%", tenths * 2)))
        }
        Badge::Bestseller { category } => (texts.t(&rt.config, "social.bestseller", &[("category", category.clone())]), None),
    }
}
