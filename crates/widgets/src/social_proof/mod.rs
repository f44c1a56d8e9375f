//! `<sf-social-proof product="…">`: honest social-proof badges.
//!
//! Shows only what [`schaufenster_core::social_proof::decide`] chose from the backend's
//! numbers, as static text (no auto-dismissing pop-ups, WCAG 2.2.1), pluralised through
//! `Intl.PluralRules`, with a "how we count" disclosure. Every element of a page shares one
//! stats request and one refresh timer ([`hub`]).

pub mod hub;

use crate::dom::attr;
use crate::glue::{sf_number, sf_unit, Listener};
use crate::i18n::Texts;
use crate::runtime::Runtime;
use schaufenster_core::social_proof::{Badge, Decision, Shown};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{Document, HtmlElement};

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
pub fn mount(host: HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    let product = host.get_attribute("product").map(|p| p.trim().to_owned()).filter(|p| !p.is_empty());
    let (Some(_), Some(product)) = (rt.config.social_proof.get(), product) else {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    };
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let w = Rc::new(Badges::build(&container, rt, texts));
    *w.listeners.borrow_mut() = vec![Listener::weak(&w, w.how.as_ref(), "click", |w, _| w.toggle())];
    let id = hub::register(product, Rc::downgrade(&w), host.into());
    Some(Box::new(Handle(w, id)))
}


/// One mounted element: its markup and what it shows.
pub struct Badges {
    rt: Rc<Runtime>,
    texts: Texts,
    doc: Document,
    root: HtmlElement,
    list: HtmlElement,
    how_row: HtmlElement,
    how: HtmlElement,
    panel: HtmlElement,
    state: RefCell<State>,
    listeners: RefCell<Vec<Listener>>,
}

/// Unmounts on drop: leaves the hub, stops listening, removes the markup.
struct Handle(Rc<Badges>, u32);

impl Drop for Handle {
    fn drop(&mut self) {
        hub::unregister(self.1);
        self.0.listeners.borrow_mut().clear();
        self.0.root.remove();
    }
}

impl Badges {
    fn build(container: &HtmlElement, rt: Rc<Runtime>, texts: Texts) -> Badges {
        let doc = crate::glue::sf_document().expect("a document");
        let panel_id = format!("sf-sp-how-{}", crate::dom::next_id());
        let mut r = crate::dom::build(
            &doc,
            container,
            "<sf-sp=div * part=root \
             <badges=ul * part=badges / \
             <how-row=div * <how=button * type=button part=how aria-expanded=false aria-controls=$0 =@social.how / \
             <disclosure=p * part=disclosure id=$0 =@social.disclosure hidden",
            &[&panel_id],
            0,
            &texts,
            &rt.config,
        )
        .into_iter();
        let mut n = || r.next().unwrap();
        let (root, list, how_row, how, panel) = (n(), n(), n(), n(), n());
        let w = Badges { rt, texts, doc, root, list, how_row, how, panel, state: RefCell::new(State::Failed), listeners: RefCell::new(Vec::new()) };
        w.set(State::Loading);
        w
    }

    /// Whether the element still waits for its first stats.
    pub fn is_loading(&self) -> bool {
        *self.state.borrow() == State::Loading
    }

    /// Shows `state` (nothing is touched when it did not change).
    pub fn set(&self, state: State) {
        if *self.state.borrow() == state {
            return;
        }
        let data_state = match &state {
            State::Loading => "loading",
            State::Failed => "error",
            State::Ready(d) if d.stale => "stale",
            State::Ready(d) if d.badges.is_empty() => "empty",
            State::Ready(_) => "ready",
        };
        attr(&self.root, "data-state", data_state);
        self.list.set_text_content(None);
        let badges = match &state {
            State::Ready(d) => d.badges.as_slice(),
            _ => &[],
        };
        for b in badges {
            self.render_badge(b);
        }
        self.how_row.set_hidden(badges.is_empty());
        *self.state.borrow_mut() = state;
    }

    fn toggle(&self) {
        let open = self.panel.hidden();
        self.panel.set_hidden(!open);
        attr(&self.how, "aria-expanded", if open { "true" } else { "false" });
    }

    /// A badge as markup: one template for every kind.
    fn render_badge(&self, b: &Badge) {
        let (text, stars) = badge_text(&self.rt, &self.texts, b);
        let fill = crate::dom::build(
            &self.doc,
            &self.list,
            "<badge=li part=badge data-kind=$0 ?0 <stars=span aria-hidden=true <stars-fill=span * / / ? <=span =$1",
            &[b.kind().name(), &text],
            stars.is_some() as u32,
            &self.texts,
            &self.rt.config,
        );
        if let (Some(fill), Some(width)) = (fill.first(), stars) {
            let _ = fill.style().set_property("width", &width);
        }
    }
}

/// A count as text: "19", "20+", "1.000+".
fn count_text(texts: &Texts, c: Shown) -> String {
    let mut n = sf_number(&texts.locale, c.value() as f64, 0);
    if let Shown::AtLeast(_) = c {
        n.push('+');
    }
    n
}

/// "24 Stunden", "30 Minuten", "7 Tage".
fn window_text(texts: &Texts, minutes: u64) -> String {
    let (n, unit) = if minutes.is_multiple_of(1440) && minutes > 2880 {
        (minutes / 1440, "day")
    } else if minutes.is_multiple_of(60) {
        (minutes / 60, "hour")
    } else {
        (minutes, "minute")
    };
    sf_unit(&texts.locale, n as f64, unit)
}

/// The sentence for a badge and, for ratings, the width of the filled stars.
fn badge_text(rt: &Runtime, texts: &Texts, b: &Badge) -> (String, Option<String>) {
    match b {
        Badge::Purchases { count, window_minutes } | Badge::Carts { count, window_minutes } => {
            let base = if matches!(b, Badge::Purchases { .. }) { "social.purchases" } else { "social.carts" };
            (texts.plural(&rt.config, base, count.value(), &[("count", &count_text(texts, *count)), ("window", &window_text(texts, *window_minutes))]), None)
        }
        Badge::Viewers { count } => (texts.plural(&rt.config, "social.viewers", count.value(), &[("count", &count_text(texts, *count))]), None),
        Badge::LowStock { count } => (texts.plural(&rt.config, "social.low_stock", *count, &[("count", &count_text(texts, Shown::Exact(*count)))]), None),
        Badge::Rating { tenths, count } => {
            let average = sf_number(&texts.locale, *tenths as f64 / 10.0, 1);
            let text = texts.plural(&rt.config, "social.rating", *count, &[("average", &average), ("count", &count_text(texts, Shown::Exact(*count)))]);
            (text, Some(format!("{}%", tenths * 2)))
        }
        Badge::Bestseller { category } => (texts.t(&rt.config, "social.bestseller", &[("category", category)]), None),
    }
}
