//! Schaufenster's widgets and the runtime they share.
//!
//! The widgets render with direct DOM calls (see [`dom`]), not a view library: leptos, which
//! the bar and the badges first used, cost about 30 KB gzip of the 100 KB budget for the
//! whole suite (docs/size.md).
//!
//! - [`runtime`]: the loaded config, the pushed cart, consent; one per page.
//! - [`backend`]: fetch with timeout and bounded retries (policy from `schaufenster-core`).
//! - [`cart`]: where the cart comes from (pushed, inline, or fetched through a `map`).
//! - [`i18n`]: messages from the config and money through `Intl.NumberFormat`.
//! - [`events`]: `sf:*` CustomEvents.
//! - [`dom`]: the element, attribute and text helpers the widgets render with.
//! - [`shipping_bar`]: `<sf-shipping-bar>` (feature `shipping-bar`).
//! - [`social_proof`]: `<sf-social-proof product="…">` (feature `social-proof`).
//! - [`faq`]: `<sf-faq>` (feature `faq`).
//! - [`advisor`]: `<sf-advisor>` (feature `advisor`).
//! - [`loyalty`]: `<sf-loyalty>` (feature `loyalty`).
//!
//! Each widget is behind a cargo feature, all on by default; `./x bench perf` leaves one out at
//! a time to measure what it costs (docs/perf.md).
//!
//! **Invariant:** rules (what the bar shows, what counts, what to suggest) are computed in
//! `schaufenster-core`; this crate only fetches, renders and wires events.
#![deny(missing_docs)]

#[cfg(feature = "advisor")]
pub mod advisor;
pub mod backend;
pub mod cart;
pub mod dom;
pub mod events;
#[cfg(feature = "faq")]
pub mod faq;
#[cfg(feature = "loyalty")]
pub mod loyalty;
pub mod glue;
pub mod i18n;
pub mod json_js;
pub mod runtime;
#[cfg(feature = "shipping-bar")]
pub mod shipping_bar;
#[cfg(feature = "social-proof")]
pub mod social_proof;

/// Every custom element this crate can render (the widgets built in), with the config section
/// that enables it.
pub const ELEMENTS: &[&str] = &[
    #[cfg(feature = "shipping-bar")]
    "sf-shipping-bar",
    #[cfg(feature = "social-proof")]
    "sf-social-proof",
    #[cfg(feature = "faq")]
    "sf-faq",
    #[cfg(feature = "advisor")]
    "sf-advisor",
    #[cfg(feature = "loyalty")]
    "sf-loyalty",
];

/// Mounts widget `name` into `host`; returns the handle whose drop unmounts it, or `None`
/// when the widget is not configured or not built in (it then renders nothing).
#[cfg_attr(not(any(feature = "shipping-bar", feature = "social-proof", feature = "faq", feature = "advisor", feature = "loyalty")), allow(unused_variables))]
pub fn mount_widget(name: &str, host: web_sys::HtmlElement) -> Option<Box<dyn std::any::Any>> {
    let rt = runtime::current()?;
    match name {
        #[cfg(feature = "shipping-bar")]
        "sf-shipping-bar" | "shipping-bar" | "shipping_bar" => shipping_bar::mount(host, rt),
        #[cfg(feature = "social-proof")]
        "sf-social-proof" | "social-proof" | "social_proof" => social_proof::mount(host, rt),
        #[cfg(feature = "faq")]
        "sf-faq" | "faq" => faq::mount(host, rt),
        #[cfg(feature = "advisor")]
        "sf-advisor" | "advisor" => advisor::mount(host, rt),
        #[cfg(feature = "loyalty")]
        "sf-loyalty" | "loyalty" => loyalty::mount(host, rt),
        _ => None,
    }
}
