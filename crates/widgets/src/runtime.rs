//! The page-wide runtime: the loaded config, a cart pushed by the host, and consent.

use crate::events::{self, document, window};
use crate::glue::{sf_report_problems, Listener};
use crate::json_js::from_js;
use schaufenster_config::json::{obj, s, Json};
use schaufenster_config::{load, Config, Severity};
use schaufenster_core::Cart;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Everything the widgets of one page share.
pub struct Runtime {
    /// The valid config.
    pub config: Config,
    pushed_cart: RefCell<Option<Cart>>,
    consent: Cell<bool>,
    customer: RefCell<Option<Json>>,
    _consent_listener: RefCell<Option<Listener>>,
    _shopify_listener: RefCell<Option<Listener>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Runtime>>> = const { RefCell::new(None) };
}

/// The runtime of this page, once a config is installed.
pub fn current() -> Option<Rc<Runtime>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Loads a config given as a JS value (parsed JSON or a plain object), reports every problem
/// in one console error, and installs the runtime when the global settings are usable.
/// Returns the number of errors.
pub fn install_from_js(value: &JsValue) -> usize {
    let json = from_js(value);
    install(&json)
}

/// Like [`install_from_js`] for an already converted value.
pub fn install(json: &Json) -> usize {
    let loaded = load(json);
    let mut errors = 0;
    for p in &loaded.problems {
        if p.severity == Severity::Error {
            errors += 1;
        }
    }
    if !loaded.problems.is_empty() {
        // "… has N problems (<effect>):", the effect written straight into the text.
        let mut text = format!("Schaufenster: schaufenster.json has {} problem{} (", loaded.problems.len(), if loaded.problems.len() == 1 { "" } else { "s" });
        match &loaded.config {
            None => text.push_str("no widget will render until it is fixed"),
            Some(c) => {
                use schaufenster_config::model::Section::Broken;
                let mut any = false;
                for (b, n) in [(matches!(c.shipping_bar, Broken), "<sf-shipping-bar>"), (matches!(c.social_proof, Broken), "<sf-social-proof>"), (matches!(c.faq, Broken), "<sf-faq>"), (matches!(c.advisor, Broken), "<sf-advisor>"), (matches!(c.loyalty, Broken), "<sf-loyalty>")] {
                    if b {
                        if any {
                            text.push_str(" and ");
                        }
                        text.push_str(n);
                        any = true;
                    }
                }
                text.push_str(if any { " disabled; the other widgets work" } else { "the widgets still work" });
            }
        }
        text.push_str("):");
        for p in &loaded.problems {
            text.push_str("\n  ");
            // Continuation lines indented like the first.
            for c in p.to_string().chars() {
                text.push(c);
                if c == '\n' {
                    text.push_str("  ");
                }
            }
        }
        sf_report_problems(&text);
        events::emit(&document(), "error", obj([("widget", s("config")), ("kind", s("config")), ("message", s(&text)), ("count", Json::Number(loaded.problems.len() as f64))]));
    }
    let rt = loaded.config.map(|config| {
        let rt = Rc::new(Runtime { consent: Cell::new(!config.consent.required), config, pushed_cart: RefCell::new(None), customer: RefCell::new(None), _consent_listener: RefCell::new(None), _shopify_listener: RefCell::new(None) });
        if rt.config.consent.required {
            *rt._consent_listener.borrow_mut() = Some(Listener::weak(&rt, &window(), &rt.config.consent.event, |rt, _| rt.grant_consent()));
            if rt.config.consent.source == schaufenster_config::model::ConsentSource::Shopify {
                // Shopify's Customer Privacy API: both purposes the widgets need (storage is
                // "preferences", search logs are "analytics") must be allowed.
                if crate::glue::sf_shopify_consent(&JsValue::UNDEFINED) {
                    rt.grant_consent();
                }
                *rt._shopify_listener.borrow_mut() = Some(Listener::weak(&rt, &document(), "visitorConsentCollected", |rt, e| {
                    if crate::glue::sf_shopify_consent(&e) {
                        rt.grant_consent();
                    }
                }));
            }
        }
        rt
    });
    CURRENT.with(|c| *c.borrow_mut() = rt);
    errors
}

impl Runtime {
    /// The cart the host pushed with `setCart`, if any; it wins over the configured source.
    pub fn pushed_cart(&self) -> Option<Cart> {
        self.pushed_cart.borrow().clone()
    }

    /// Stores a pushed cart and tells every widget (`sf:cart-changed` on `document`).
    pub fn push_cart(&self, cart: Option<Cart>) {
        *self.pushed_cart.borrow_mut() = cart;
        events::emit(&document(), "cart-changed", obj([("source", s("api"))]));
    }

    /// The customer set by the host (`{token, id?}`), in memory only.
    pub fn customer(&self) -> Option<Json> {
        self.customer.borrow().clone()
    }

    /// Replaces the customer and fires `sf:customer-changed` (without the token).
    pub fn set_customer(&self, customer: Option<Json>) {
        let id = customer.as_ref().and_then(|c| c.get("id")).cloned().unwrap_or(Json::Null);
        let signed_in = customer.is_some();
        *self.customer.borrow_mut() = customer;
        events::emit(&document(), "customer-changed", obj([("signed_in", Json::Bool(signed_in)), ("id", id)]));
    }

    /// Whether storage writes and analytics posts are allowed.
    pub fn consent(&self) -> bool {
        self.consent.get()
    }

    /// Records consent (from the configured event or `grantConsent()`), once.
    pub fn grant_consent(&self) {
        if !self.consent.replace(true) {
            events::emit(&document(), "consent-changed", obj([("granted", Json::Bool(true))]));
        }
    }
}

/// Sets the theme's colours and radius as CSS custom properties on the widget host (through
/// CSSOM, which a strict CSP allows; values were checked by the config).
pub fn apply_theme(host: &web_sys::HtmlElement, theme: &schaufenster_config::model::Theme) {
    let style = host.style();
    for (name, value) in [("--sf-accent", &theme.accent), ("--sf-text", &theme.text), ("--sf-bg", &theme.background), ("--sf-radius", &theme.radius)] {
        if let Some(v) = value {
            let _ = style.set_property(name, &v.0);
        }
    }
}

/// What every widget does before rendering into `host`: clears the "off" marker, applies the
/// theme, settles the locale (element attribute, page language, config) and prepares the
/// Shadow DOM (or light DOM) container with the widget's stylesheet.
pub fn prepare(host: &web_sys::HtmlElement, rt: &Runtime, css: &str) -> (crate::i18n::Texts, web_sys::HtmlElement) {
    let _ = host.remove_attribute("data-sf-state");
    apply_theme(host, &rt.config.theme);
    let locale = crate::i18n::resolve_locale(&rt.config, host.get_attribute("locale"), crate::i18n::page_lang());
    let container = crate::glue::sf_attach(host, css, rt.config.theme.shadow_dom);
    (crate::i18n::Texts { locale }, container)
}

/// The config section of a mounted widget. Each widget's `mount` renders nothing unless its
/// section is valid, and a runtime's config never changes, so widgets read the section in
/// place through this instead of keeping a copy.
pub fn mounted<T>(section: &schaufenster_config::model::Section<T>) -> &T {
    section.get().expect("a widget is only mounted with a valid section")
}
