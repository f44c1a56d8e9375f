//! `<sf-shipping-bar>`: the free-shipping progress bar.
//!
//! Reads the cart (pushed, inline or fetched), evaluates the configured tiers with
//! [`schaufenster_core::shipping::evaluate`] — the same call the reference backend makes at
//! checkout — and renders a message, a `role="progressbar"` with a spoken value text, and
//! products that close the gap. Refreshes on `sf:cart-changed` and when the tab becomes
//! visible again. Emits `sf:ready`, `sf:threshold-reached`, `sf:add-to-cart` and `sf:error`.

use crate::backend::{expand_url, request, FetchError};
use crate::dom::{attr, el};
use crate::events::{self, document, window};
use crate::glue::{sf_visible, Listener};
use crate::i18n::Texts;
use crate::runtime::Runtime;
use schaufenster_config::json::{obj, s, Json};
use schaufenster_config::mapping::{products_from_json, Product};
use schaufenster_config::model::{ShippingBar, Suggestions};
use schaufenster_core::shipping::{evaluate, suggest, Reward, ShippingProgress, ShippingRules, TierStatus};
use schaufenster_core::{Cart, Currency, Money};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

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
pub fn mount(host: HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    let Some(bar) = rt.config.shipping_bar.get() else {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    };
    let rules = bar.rules();
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let w = Rc::new(Bar::build(host.into(), &container, rt, rules, texts));
    w.listen();
    w.reload();
    Some(Box::new(Handle(w)))
}

/// The mounted bar: its elements, what it shows, and its listeners.
struct Bar {
    rt: Rc<Runtime>,
    rules: ShippingRules,
    texts: Texts,
    host: JsValue,
    doc: Document,
    root: HtmlElement,
    msg: HtmlElement,
    track: HtmlElement,
    fill: HtmlElement,
    note: HtmlElement,
    suggestions: HtmlElement,
    markers: RefCell<Vec<HtmlElement>>,
    data: RefCell<Data>,
    /// What the markup shows now (parts are only touched when they change, so the live
    /// region does not repeat itself).
    shown: RefCell<Option<ViewState>>,
    /// The suggestable products, with the currency and the cart product (for a `{product}`
    /// URL such as Shopify's recommendations, else "") they were fetched for.
    products: RefCell<Option<(Currency, String, Vec<Product>)>>,
    /// The suggestions shown (heading and product ids), rebuilt only when they change so a
    /// focused button keeps its focus.
    shown_suggestions: RefCell<Vec<String>>,
    suggestion_listeners: RefCell<Vec<Listener>>,
    /// Bumped on every reload and on unmount: a superseded answer does nothing.
    generation: Cell<u32>,
    alive: Cell<bool>,
    ready_sent: Cell<bool>,
    listeners: RefCell<Vec<Listener>>,
}

/// Unmounts on drop: listeners removed, requests in flight made stale, markup removed.
struct Handle(Rc<Bar>);

impl Drop for Handle {
    fn drop(&mut self) {
        let w = &self.0;
        w.alive.set(false);
        w.generation.set(w.generation.get().wrapping_add(1));
        w.listeners.borrow_mut().clear();
        w.suggestion_listeners.borrow_mut().clear();
        w.root.remove();
    }
}

impl Bar {
    fn build(host: JsValue, container: &HtmlElement, rt: Rc<Runtime>, rules: ShippingRules, texts: Texts) -> Bar {
        let doc = crate::glue::sf_document().expect("a document");
        let mut r = crate::dom::build(
            &doc,
            container,
            "<sf-bar=div * part=root \
             <msg=p * part=message aria-live=polite / \
             <track=div * part=track role=progressbar aria-valuemin=0 aria-valuemax=100 aria-label=@shipping.label \
             <fill=div * part=fill / / \
             <note=p * part=note / \
             <suggestions=div * part=suggestions",
            &[],
            0,
            &texts,
            &rt.config,
        )
        .into_iter();
        let mut n = || r.next().unwrap();
        let (root, msg, track, fill, note, suggestions) = (n(), n(), n(), n(), n(), n());
        let w = Bar {
            rt,
            rules,
            texts,
            host,
            doc,
            root,
            msg,
            track,
            fill,
            note,
            suggestions,
            markers: RefCell::new(Vec::new()),
            data: RefCell::new(Data::Loading),
            shown: RefCell::new(None),
            products: RefCell::new(None),
            shown_suggestions: RefCell::new(Vec::new()),
            suggestion_listeners: RefCell::new(Vec::new()),
            generation: Cell::new(0),
            alive: Cell::new(true),
            ready_sent: Cell::new(false),
            listeners: RefCell::new(Vec::new()),
        };
        w.render();
        w
    }

    /// The config's `shipping_bar` section, read in place ([`crate::runtime::mounted`]).
    fn bar(&self) -> &ShippingBar {
        crate::runtime::mounted(&self.rt.config.shipping_bar)
    }

    /// Reloads on `sf:cart-changed`, when the tab becomes visible again and when the page
    /// comes back from the back/forward cache (`pageshow` on window).
    fn listen(self: &Rc<Self>) {
        *self.listeners.borrow_mut() = vec![
            Listener::weak(self, &document(), "sf:cart-changed", |w, _| w.reload()),
            Listener::weak(self, &document(), "visibilitychange", |w, _| {
                if sf_visible() {
                    w.reload()
                }
            }),
            Listener::weak(self, &window(), "pageshow", |w, _| w.reload()),
        ];
    }

    /// (Re)loads the cart; results of superseded loads are dropped.
    fn reload(self: &Rc<Self>) {
        let gen = self.generation.get().wrapping_add(1);
        self.generation.set(gen);
        let w = self.clone();
        crate::glue::spawn(async move {
            let result = crate::cart::load(&w.rt, w.texts.language(), &w.texts.locale).await;
            if w.generation.get() != gen {
                return;
            }
            match result {
                Ok(cart) => {
                    let progress = evaluate(&w.rules, &cart);
                    let currency = cart.currency;
                    let before = w.data.replace(Data::Ready(cart, progress));
                    w.render();
                    // Events last: a listener may remove the element. (Nothing a listener
                    // can run synchronously writes `data`: reloads write it in a later task.)
                    if let Data::Ready(_, progress) = &*w.data.borrow() {
                        announce_reached(&w.host, &before, progress);
                    }
                    if let Some(sugg) = &w.bar().suggestions {
                        // Recommendations for a product: the cart's first one.
                        let product = match (&sugg.source.0.url, &*w.data.borrow()) {
                            (Some(u), Data::Ready(cart, _)) if wants_product(&u.0) => cart.lines.first().map_or(String::new(), |l| l.product_id.clone()),
                            _ => String::new(),
                        };
                        let stale = w.products.borrow().as_ref().is_none_or(|(c, p, _)| *c != currency || *p != product);
                        if stale && w.generation.get() == gen {
                            w.load_products(sugg, currency, product).await;
                        }
                    }
                }
                Err(e) => {
                    w.data.replace(Data::Failed);
                    w.render();
                    report(&w.host, &e);
                }
            }
            if w.generation.get() != gen {
                return;
            }
            if !w.ready_sent.replace(true) {
                events::emit(&w.host, "ready", obj([("widget", s("shipping-bar"))]));
            }
        });
    }

    /// Brings the markup in line with the data, touching only the parts that changed.
    fn render(&self) {
        let new = describe(&self.rt, &self.texts, &self.data.borrow());
        let old = self.shown.take().unwrap_or_default();
        // The first render compares with an empty state whose `state` is "", so every part
        // is set once.
        if old.state != new.state {
            attr(&self.root, "data-state", new.state);
        }
        if old.message != new.message || old.state.is_empty() {
            self.msg.set_text_content(Some(&new.message));
        }
        if old.percent != new.percent || old.state.is_empty() {
            attr(&self.track, "aria-valuenow", &new.percent.to_string());
        }
        if old.value_text != new.value_text || old.state.is_empty() {
            if new.value_text.is_empty() {
                let _ = self.track.remove_attribute("aria-valuetext");
            } else {
                attr(&self.track, "aria-valuetext", &new.value_text);
            }
        }
        self.track.set_hidden(!new.show_track);
        if old.width != new.width || old.state.is_empty() {
            let _ = self.fill.style().set_property("width", &pct(new.width));
        }
        if old.markers != new.markers {
            let mut markers = self.markers.borrow_mut();
            for m in markers.drain(..) {
                m.remove();
            }
            for at in &new.markers {
                let m = el(&self.doc, &self.track, "span", "marker");
                attr(&m, "aria-hidden", "true");
                let _ = m.style().set_property("left", &pct(*at));
                markers.push(m);
            }
        }
        if old.note != new.note || old.state.is_empty() {
            self.note.set_text_content(Some(&new.note));
        }
        *self.shown.borrow_mut() = Some(new);
        self.render_suggestions();
    }

    async fn load_products(&self, sugg: &Suggestions, currency: Currency, product: String) {
        let src = &sugg.source.0;
        let data = match (&src.inline, &src.url) {
            (Some(inline), _) => Ok(inline.clone()),
            // Recommendations need a product: none while the cart is empty.
            (None, Some(url)) if product.is_empty() && wants_product(&url.0) => {
                *self.products.borrow_mut() = Some((currency, product, Vec::new()));
                return self.render_suggestions();
            }
            (None, Some(url)) => {
                let url = expand_url(&url.0, &[("currency", currency.code()), ("language", self.texts.language()), ("locale", &self.texts.locale), ("product", &product)]);
                request(&self.rt.config.backend, "GET", &url, None).await
            }
            (None, None) => return,
        };
        if !self.alive.get() {
            return;
        }
        match data {
            Ok(json) => {
                let (list, problems) = products_from_json(&json, src, currency);
                if !problems.is_empty() {
                    events::emit(&self.host, "error", obj([("widget", s("shipping-bar")), ("kind", s("mapping")), ("message", s(&format!("product list: {}", schaufenster_core::template::join(&problems, "; "))))]));
                }
                // Only prices in the cart's currency can be compared with the gap.
                let mut same = Vec::new();
                for p in list {
                    if p.currency == currency {
                        same.push(p);
                    }
                }
                *self.products.borrow_mut() = Some((currency, product, same));
                self.render_suggestions();
            }
            Err(e) => {
                // Recommendations that failed for this product (Shopify answers 404 for one not
                // in the online store) are not asked again at every cart change; a plain list is,
                // after a failure.
                if !product.is_empty() {
                    *self.products.borrow_mut() = Some((currency, product, Vec::new()));
                }
                report(&self.host, &e)
            }
        }
    }

    /// Products that close the gap to the next tier, as add-to-cart buttons.
    fn render_suggestions(&self) {
        let max = self.bar().suggestions.as_ref().map(|sg| sg.max.0 as usize).unwrap_or(0);
        let picked = {
            let data = self.data.borrow();
            let products = self.products.borrow();
            pick(&self.rules, &data, products.as_ref(), max)
        };
        let heading = picked.as_ref().map(|(remaining, currency, _)| self.texts.t(&self.rt.config, "shipping.suggestions", &[("remaining", &money(&self.texts, *remaining, *currency))]));
        let mut key: Vec<String> = Vec::new();
        if let (Some(h), Some((_, _, list))) = (&heading, &picked) {
            key.push(h.clone());
            for p in list {
                key.push(p.id.clone());
            }
        }
        if *self.shown_suggestions.borrow() == key {
            return;
        }
        *self.shown_suggestions.borrow_mut() = key;
        // A suggestion the keyboard was on goes away with the rebuild (it is in the cart now):
        // the focus moves to the first new suggestion, else to the bar's message, not the page.
        let had_focus = self.suggestions.matches(":focus-within").unwrap_or(false);
        self.suggestion_listeners.borrow_mut().clear();
        self.suggestions.set_text_content(None);
        let (Some(heading), Some((_, _, list))) = (heading, picked) else {
            if had_focus {
                attr(&self.msg, "tabindex", "-1");
                let _ = self.msg.focus();
            }
            return;
        };
        let tpl = |parent: &web_sys::Element, src: &str, vals: &[&str]| crate::dom::build(&self.doc, parent, src, vals, 0, &self.texts, &self.rt.config).pop().unwrap();
        let ul = tpl(&self.suggestions, "<suggest-heading=p =$0 / <suggest-list=ul *", &[&heading]);
        // The accessible name starts with the visible text (WCAG 2.5.3): "Packwürfel 24,90 € –
        // in den Warenkorb"; the action is read out but not shown.
        let mut action = String::from(" – ");
        action.push_str(&self.texts.t(&self.rt.config, "shipping.add", &[]));
        let mut listeners = self.suggestion_listeners.borrow_mut();
        for p in list {
            let button = tpl(&ul, "<=li <suggestion=button * type=button part=suggestion <name=span =$0 / + <price=span =$1 / <sr-only=span =$2", &[&p.title, &money(&self.texts, p.price, p.currency), &action]);
            let host = self.host.clone();
            let detail = obj([("widget", s("shipping-bar")), ("product_id", s(&p.id)), ("quantity", Json::Number(1.0)), ("price", Json::Number(p.price as f64)), ("currency", s(p.currency.code()))]);
            listeners.push(Listener::new(button.as_ref(), "click", move |_| {
                events::emit(&host, "add-to-cart", detail.clone());
            }));
            if had_focus && listeners.len() == 1 {
                let _ = button.focus();
            }
        }
    }
}

/// Whether a suggestions URL asks for a product from the cart (`{product}`).
fn wants_product(url: &str) -> bool {
    schaufenster_core::template::has_text(url, "{product}")
}

/// The products to suggest for the gap to the next tier (the gap, its currency, the
/// products), or `None` when there is nothing to suggest.
fn pick(rules: &ShippingRules, data: &Data, products: Option<&(Currency, String, Vec<Product>)>, max: usize) -> Option<(i64, Currency, Vec<Product>)> {
    let (Data::Ready(cart, progress), Some((currency, _, list))) = (data, products) else { return None };
    let next = progress.next()?;
    if *currency != cart.currency || progress.eligible_subtotal == 0 {
        return None;
    }
    let mut candidates = Vec::new();
    for p in list {
        candidates.push(p.candidate());
    }
    let mut picked: Vec<Product> = Vec::new();
    for c in suggest(rules, cart, next.remaining, &candidates, max) {
        if let Some(p) = list.iter().find(|p| p.id == c.id) {
            picked.push(p.clone());
        }
    }
    (!picked.is_empty()).then_some((next.remaining, *currency, picked))
}

/// Everything the markup shows, derived from the data in one place.
#[derive(PartialEq, Default)]
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
    texts.t(&rt.config, &key, &[("remaining", &money(texts, t.remaining, currency)), ("threshold", &money(texts, t.threshold, currency)), ("tier", &t.id)])
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
            // Nothing reached yet (free shipping granted by a voucher is reached): an empty cart
            // is told where free shipping starts.
            let message = match (p.next(), p.last_reached()) {
                (Some(next), None) if p.eligible_subtotal == 0 => texts.t(&rt.config, "shipping.empty", &[("threshold", &money(texts, next.threshold, cur))]),
                (Some(next), None) => tier_message(rt, texts, next, cur, false),
                (Some(next), Some(done)) => texts.t(&rt.config, "shipping.reached_next", &[("done", &tier_message(rt, texts, done, cur, true)), ("next", &tier_message(rt, texts, next, cur, false))]),
                (None, _) => tier_message(rt, texts, top, cur, true),
            };
            // The subtotal against the tier the bar measures; with every tier granted there is
            // none, and the message alone says it (no made-up subtotal).
            let mut value = String::new();
            if let Some(goal) = p.next().or(p.scale()) {
                value = texts.t(&rt.config, "shipping.value", &[("subtotal", &money(texts, p.eligible_subtotal.min(goal.threshold), cur)), ("threshold", &money(texts, goal.threshold, cur))]);
                value.push_str(". ");
            }
            let permille = p.permille();
            value.push_str(&message);
            let markers = p.markers();
            let note = if p.excluded_subtotal > 0 { texts.t(&rt.config, "shipping.excluded", &[("amount", &money(texts, p.excluded_subtotal, cur))]) } else { String::new() };
            ViewState {
                state: if p.all_reached() { "reached" } else { "progress" },
                value_text: value,
                message,
                percent: permille / 10,
                width: permille,
                show_track: true,
                markers,
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
    for t in &now.tiers {
        if t.reached && old.tiers.iter().any(|o| o.id == t.id && !o.reached) {
            events::emit(host, "threshold-reached", obj([("widget", s("shipping-bar")), ("tier", s(&t.id)), ("threshold", Json::Number(t.threshold as f64)), ("currency", s(now.currency.code()))]));
        }
    }
}

fn report(host: &JsValue, e: &FetchError) {
    events::emit(host, "error", obj([("widget", s("shipping-bar")), ("kind", s(&e.outcome.kind())), ("message", s(&e.message())), ("url", s(&e.url))]));
}
