//! Schaufenster's leptos components and the runtime they share.
//!
//! - [`runtime`]: the loaded config, the pushed cart, consent; one per page.
//! - [`backend`]: fetch with timeout and bounded retries (policy from `schaufenster-core`).
//! - [`cart`]: where the cart comes from (pushed, inline, or fetched through a `map`).
//! - [`i18n`]: messages from the config and money through `Intl.NumberFormat`.
//! - [`events`]: `sf:*` CustomEvents.
//! - [`shipping_bar`]: `<sf-shipping-bar>`.
//! - [`social_proof`]: `<sf-social-proof product="…">`.
//! - [`faq`]: `<sf-faq>`.
//!
//! **Invariant:** rules (what the bar shows, what counts, what to suggest) are computed in
//! `schaufenster-core`; this crate only fetches, renders and wires events.
#![deny(missing_docs)]

pub mod backend;
pub mod cart;
pub mod events;
pub mod faq;
pub mod glue;
pub mod i18n;
pub mod json_js;
pub mod runtime;
pub mod shipping_bar;
pub mod social_proof;

/// Every custom element this crate can render, with the config section that enables it.
pub const ELEMENTS: &[&str] = &["sf-shipping-bar", "sf-social-proof", "sf-faq"];

/// Mounts widget `name` into `host`; returns the handle whose drop unmounts it, or `None`
/// when the widget is not configured (it then renders nothing).
pub fn mount_widget(name: &str, host: web_sys::HtmlElement) -> Option<Box<dyn std::any::Any>> {
    let rt = runtime::current()?;
    match name {
        "sf-shipping-bar" | "shipping-bar" | "shipping_bar" => shipping_bar::mount(host, rt),
        "sf-social-proof" | "social-proof" | "social_proof" => social_proof::mount(host, rt),
        "sf-faq" | "faq" => faq::mount(host, rt),
        _ => None,
    }
}
