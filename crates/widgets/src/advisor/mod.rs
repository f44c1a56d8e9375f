//! `<sf-advisor>`: the guided-selling product advisor.
//!
//! Loads the catalogue (inline or from a URL through a `map`, read by
//! [`schaufenster_config::mapping::catalogue_from_json`]), builds the
//! [`schaufenster_core::advisor::Advisor`] from the config's questions and asks them one at a
//! time: a progress line ("Frage 2 von 5"), the question as a `<fieldset>` whose `<legend>`
//! holds the heading that receives focus, the options as real radio buttons or checkboxes
//! inside their `<label>`s (yes/no is a radio pair; a range is two labelled number inputs),
//! and Back, Skip (optional questions only), Next and Start over. Every option shows how many
//! products would match if it were chosen ([`Advisor::option_counts`]), and a live region
//! says how many match the answers so far. In a dead end (the earlier answers already leave no
//! product) the counts are of the closest products, the answers relaxed as for the results, and
//! a note in the question's description says which answers they leave out. The results show
//! image, name (a link), price through `Intl.NumberFormat`, match percentage, the criteria met
//! and missed, and an add-to-cart button; when nothing matches every answer the engine relaxes
//! the least important question and the widget says which answers it left out.
//!
//! **Options that would leave no product** are marked ("kein passendes Produkt", class
//! `zero`) but stay selectable rather than disabled: a disabled radio button is skipped by the
//! arrow keys and not announced in the group, so a keyboard or screen-reader user would not
//! learn that the option exists, and choosing it still gives useful results because the
//! engine then relaxes the least important answer and says so.
//!
//! **Storage.** After consent (`rt.consent()`, also when it arrives later) the answers and the
//! current step are kept in `sessionStorage`, so a reload resumes where the shopper was;
//! reading them back needs no consent (they exist only because it was given in this tab).
//! Start over removes them.
//!
//! Range answers are in the attribute's unit, a price in minor units (the inputs show major
//! units of the configured currency).
//!
//! **Add to cart** fires `sf:add-to-cart` `{widget, product_id, quantity, price, currency,
//! added}`. With `add_to_cart_url` configured the widget first POSTs
//! `{"product_id", "quantity"}` there (the reference backend's `POST /api/cart/lines`), then
//! fires the event with `added: true` and `sf:cart-changed` on `document`, so the shipping bar
//! and the page's cart follow; without it the event has `added: false` and the shop adds it.
//!
//! Emits `sf:ready`, `sf:advisor-answer` (Next or Skip), `sf:advisor-result`,
//! `sf:add-to-cart` and `sf:error`. Renders with direct DOM calls like `<sf-faq>`; texts from
//! the config or the backend only ever become text nodes.

use crate::backend::{expand_url, request, FetchError};
use crate::dom::attr;
use crate::events::{self, document};
use crate::glue::{sf_parse, sf_session, sf_show, sf_stringify, sf_warn, Listener};
use crate::i18n::Texts;
use crate::json_js::{from_js, to_js};
use crate::runtime::Runtime;
use schaufenster_config::advisor::{Advisor as Config, Localized, QuestionType, StockMode};
use schaufenster_config::json::{obj, s, Json};
use schaufenster_config::mapping::{catalogue_from_json, Product};
use schaufenster_core::advisor::{compare, Advisor, Answer, Catalogue, Met, OptionCounts, Outcome, Source, StockPolicy};
use schaufenster_core::retry::Outcome as Fetched;
use schaufenster_core::{Currency, Money};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlInputElement};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/advisor.css"));
/// The sessionStorage key of the answers; an advisor element with an `id` adds `#<id>`, so two
/// advisors on one page keep their answers apart.
const STORE: &str = "sf-advisor";

/// The catalogue and the engine, once loaded.
struct Data {
    cat: Catalogue,
    products: Vec<Product>,
    engine: Advisor,
}

/// What the widget shows.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Loading,
    Failed,
    Question(usize),
    Results,
}

/// How one criterion reads in a result's explanation.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Met,
    Missed,
    Unknown,
    Drawback,
}

struct State {
    data: Option<Data>,
    answers: Vec<(String, Answer)>,
    step: Step,
}

/// The mounted widget: its elements, state and listeners.
struct Widget {
    /// The runtime; its config's advisor section is valid (checked by [`mount`]).
    rt: Rc<Runtime>,
    texts: Texts,
    host: JsValue,
    doc: Document,
    ids: String,
    root: HtmlElement,
    body: HtmlElement,
    progress: HtmlElement,
    fill: HtmlElement,
    status: HtmlElement,
    st: RefCell<State>,
    /// False once unmounted: late answers then do nothing.
    alive: Cell<bool>,
    /// The currency the catalogue was loaded in: the cart's (the shop's currency switch), else
    /// the config's. Prices, budgets and their labels all use it.
    currency: Cell<Currency>,
    /// Bumped on every cart change: a superseded reload does nothing.
    cart_gen: Cell<u32>,
    /// The sessionStorage key of this element's answers (see [`STORE`]).
    store: String,
    listeners: RefCell<Vec<Listener>>,
}

/// Unmounts on drop: listeners removed, requests in flight made stale, markup removed.
struct Handle(Rc<Widget>);

impl Drop for Handle {
    fn drop(&mut self) {
        let w = &self.0;
        w.alive.set(false);
        w.listeners.borrow_mut().clear();
        w.root.remove();
    }
}


/// Mounts the advisor. `None` when the config has no valid `advisor` section.
pub fn mount(host: HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    if rt.config.advisor.get().is_none() {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    }
    let store = match host.id() {
        id if id.is_empty() => STORE.to_owned(),
        id => format!("{STORE}#{id}"),
    };
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let doc = container.owner_document()?;
    let uid = crate::dom::next_id();
    // The progress line and the live region come first and stay in place: content that
    // arrives later (the first question after loading) only grows below them, so nothing that
    // was on screen moves (CLS 0).
    let mut r = crate::dom::build(
        &doc,
        &container,
        "<sf-advisor=section * part=root aria-label=@advisor.label \
         <top=div <progress=p * part=progress / <status=p * role=status part=status / / \
         <bar=div aria-hidden=true <fill=div * / / \
         <body=div *",
        &[],
        0,
        &texts,
        &rt.config,
    )
    .into_iter();
    let mut n = || r.next().unwrap();
    let (root, progress, status, fill, body) = (n(), n(), n(), n(), n());
    let currency = rt.config.currency;
    let w = Rc::new(Widget {
        rt,
        texts,
        host: host.into(),
        doc,
        ids: format!("sf-advisor-{uid}-"),
        root,
        body,
        progress,
        fill,
        status,
        st: RefCell::new(State { data: None, answers: Vec::new(), step: Step::Loading }),
        alive: Cell::new(true),
            currency: Cell::new(currency),
            cart_gen: Cell::new(0),
            store,
        listeners: RefCell::new(Vec::new()),
    });
    w.start();
    Some(Box::new(Handle(w)))
}

/// "12 passende Produkte", or "kein passendes Produkt".
fn count_text(w: &Widget, n: usize) -> String {
    if n == 0 {
        w.t("advisor.count_none")
    } else {
        w.texts.plural(&w.rt.config, "advisor.count", n as u64, &[("count", &n.to_string())])
    }
}


/// An answer as JSON, for `sf:advisor-answer` and sessionStorage: option ids, or
/// `{"min", "max"}` with `null` for an open bound.
fn answer_json(a: &Answer) -> Json {
    match a {
        Answer::Options(ids) => {
            let mut out = Vec::with_capacity(ids.len());
            for i in ids {
                out.push(s(i));
            }
            Json::Array(out)
        }
        Answer::Range { min, max } => obj([("min", min.map_or(Json::Null, Json::Number)), ("max", max.map_or(Json::Null, Json::Number))]),
    }
}

/// The configured `explain` text in `lang`, else `fallback`.
fn explain<'a>(e: &'a Option<Localized>, fallback: &'a str, lang: &str) -> &'a str {
    e.as_ref().map_or(fallback, |t| t.get(lang))
}

/// Products that pass every answer's filters (none when the engine had to relax one).
fn matching(outcome: &Outcome) -> usize {
    if outcome.relaxed.is_empty() {
        outcome.ranked.len()
    } else {
        0
    }
}

impl Widget {
    /// The config's `advisor` section, read in place ([`crate::runtime::mounted`]).
    fn cfg(&self) -> &Config {
        crate::runtime::mounted(&self.rt.config.advisor)
    }

    /// Static markup inside `parent` ([`crate::dom::build`]).
    fn tpl(&self, parent: &web_sys::Element, src: &str, vals: &[&str], flags: u32) -> Vec<HtmlElement> {
        crate::dom::build(&self.doc, parent, src, vals, flags, &self.texts, &self.rt.config)
    }

    fn t(&self, key: &str) -> String {
        self.texts.t(&self.rt.config, key, &[])
    }

    fn report(&self, e: &FetchError) {
        events::emit(&self.host, "error", obj([("widget", s("advisor")), ("kind", s(&e.outcome.kind())), ("message", s(&e.message())), ("url", s(&e.url))]));
    }

    fn lang(&self) -> &str {
        self.texts.language()
    }

    fn stock(&self) -> StockPolicy {
        match self.cfg().out_of_stock {
            StockMode::Hide => StockPolicy::Hide,
            StockMode::Last => StockPolicy::Last,
        }
    }

    /// Wires the listeners (through a weak reference, so dropping the handle frees the
    /// widget) and starts loading.
    fn start(self: &Rc<Self>) {
        let on = |target: &JsValue, name: &str, f: fn(&Rc<Widget>, JsValue)| Listener::weak(self, target, name, f);
        let root: JsValue = self.root.clone().into();
        *self.listeners.borrow_mut() = vec![
            on(&root, "click", |w, ev| w.on_click(ev)),
            on(&root, "change", |w, _| w.on_change(true)),
            on(&root, "input", |w, _| w.on_change(false)),
            on(&root, "submit", |w, ev| {
                ev.unchecked_into::<web_sys::Event>().prevent_default();
                w.next();
            }),
            // Consent given after some answers: keep them from now on.
            on(&document(), "sf:consent-changed", |w, _| w.save()),
            // The shopper switched the shop's currency: the catalogue again, in that currency.
            on(&document(), "sf:cart-changed", |w, _| w.on_cart_changed()),
        ];
        self.load();
    }

    /// Fetches (or takes inline) the catalogue, then shows the first (or the saved) step.
    fn load(self: &Rc<Self>) {
        self.st.borrow_mut().step = Step::Loading;
        attr(&self.root, "data-state", "loading");
        attr(&self.root, "aria-busy", "true");
        self.body.set_text_content(None);
        self.progress.set_text_content(None);
        let _ = self.fill.style().set_property("width", "0%");
        self.status.set_text_content(Some(&self.t("advisor.loading")));
        let w = self.clone();
        crate::glue::spawn(async move {
            let currency = w.cart_currency().await;
            w.currency.set(currency);
            let loaded = w.fetch(currency).await;
            if !w.alive.get() {
                return;
            }
            let _ = w.root.remove_attribute("aria-busy");
            match loaded {
                Ok(data) => {
                    let n = data.cat.products.len();
                    w.st.borrow_mut().data = Some(data);
                    attr(&w.root, "data-state", "ready");
                    let resumed = w.restore();
                    let step = w.st.borrow().step;
                    w.show(step, false);
                    if resumed {
                        w.status.set_text_content(Some(&w.t("advisor.resumed")));
                    }
                    events::emit(&w.host, "ready", obj([("widget", s("advisor")), ("products", Json::Number(n as f64)), ("questions", Json::Number(w.cfg().questions.len() as f64))]));
                }
                Err(e) => {
                    w.report(&e);
                    w.show(Step::Failed, false);
                }
            }
        });
    }

    /// The cart's currency (the config's when there is no cart), which the catalogue is asked
    /// for: never show prices or compare a budget in another currency than the cart's.
    async fn cart_currency(&self) -> Currency {
        crate::cart::load(&self.rt, self.lang(), &self.texts.locale).await.map_or(self.rt.config.currency, |c| c.currency)
    }

    /// After `sf:cart-changed`: when the cart's currency changed, the catalogue is loaded in
    /// the new one and the current step shown again; budget answers, given in the old
    /// currency, are dropped.
    fn on_cart_changed(self: &Rc<Self>) {
        let gen = self.cart_gen.get().wrapping_add(1);
        self.cart_gen.set(gen);
        let w = self.clone();
        crate::glue::spawn(async move {
            let currency = w.cart_currency().await;
            if !w.alive.get() || w.cart_gen.get() != gen || currency == w.currency.get() || w.st.borrow().data.is_none() {
                return;
            }
            let loaded = w.fetch(currency).await;
            if !w.alive.get() || w.cart_gen.get() != gen {
                return;
            }
            match loaded {
                Ok(data) => {
                    w.currency.set(currency);
                    w.st.borrow_mut().data = Some(data);
                    let mut dropped = false;
                    for (qi, q) in w.cfg().questions.iter().enumerate() {
                        if q.range.as_ref().is_some_and(|r| r.attribute == "price") {
                            dropped |= w.st.borrow().answers.iter().any(|(id, _)| *id == q.id.0);
                            w.set_answer(qi, None);
                        }
                    }
                    let step = w.st.borrow().step;
                    w.show(step, false);
                    // Say so: the results no longer respect the budget the shopper gave.
                    if dropped {
                        w.status.set_text_content(Some(&w.texts.t(&w.rt.config, "advisor.budget_dropped", &[("currency", currency.code())])));
                    }
                }
                Err(e) => w.report(&e),
            }
        });
    }

    async fn fetch(&self, currency: Currency) -> Result<Data, FetchError> {
        let src = &self.cfg().catalogue.source.0;
        let session = currency;
        let currency = currency.code();
        let fetched;
        let (json, url) = match (&src.inline, &src.url) {
            (Some(inline), _) => (inline, "(inline)".to_owned()),
            (None, Some(url)) => {
                let country = self.rt.config.country.as_ref().map_or("", |c| c.0.as_str());
                let url = expand_url(&url.0, &[("currency", currency), ("language", self.lang()), ("locale", &self.texts.locale), ("country", country)]);
                fetched = request(&self.rt.config.backend, "GET", &url, None).await?;
                (&fetched, url)
            }
            (None, None) => (&Json::Null, String::new()),
        };
        let (cat, products, problems) = catalogue_from_json(json, self.cfg(), session);
        if !problems.is_empty() {
            sf_warn(&format!("Schaufenster <sf-advisor>: {} problem(s) in the catalogue from {url}; the other products work:\n  {}", problems.len(), schaufenster_core::template::join(&problems, "\n  ")));
        }
        if cat.products.is_empty() {
            // Nothing usable (another shape, an empty list): a failure, not an empty advisor.
            return Err(FetchError { outcome: Fetched::Malformed, url, attempts: 1 });
        }
        let (engine, _) = Advisor::new(self.cfg().core_questions(), &cat.attributes);
        Ok(Data { cat, products, engine })
    }

    /// The questions shown for the current answers, in order.
    fn visible(&self) -> Vec<usize> {
        let st = self.st.borrow();
        let Some(d) = &st.data else { return Vec::new() };
        let mut out = Vec::new();
        for q in 0..self.cfg().questions.len() {
            if d.engine.is_shown(q, &st.answers) {
                out.push(q);
            }
        }
        out
    }


    fn set_answer(&self, qi: usize, a: Option<Answer>) {
        let id = self.cfg().questions[qi].id.0.clone();
        let mut st = self.st.borrow_mut();
        st.answers.retain(|(q, _)| *q != id);
        if let Some(a) = a {
            st.answers.push((id, a));
        }
    }

    /// Evaluates the current answers.
    fn evaluate(&self) -> Option<Outcome> {
        let st = self.st.borrow();
        let d = st.data.as_ref()?;
        Some(d.engine.evaluate(&d.cat, &st.answers, self.stock()))
    }

    /// Shows `step`; `focus` moves focus to its heading (not on the first render, which the
    /// shopper did not ask for).
    fn show(self: &Rc<Self>, step: Step, focus: bool) {
        self.st.borrow_mut().step = step;
        self.body.set_text_content(None);
        match step {
            Step::Loading => {}
            Step::Failed => {
                self.update_progress(None);
                attr(&self.root, "data-state", "error");
                self.status.set_text_content(None);
                self.tpl(&self.body, "<error=p role=alert =@advisor.unavailable / <btn=button type=button data-action=retry =@advisor.retry", &[], 0);
            }
            Step::Question(qi) => self.render_question(qi),
            Step::Results => self.render_results(),
        }
        if focus {
            let h = format!("{}h", self.ids);
            sf_show(&self.root, &h, &h);
        }
        self.save();
    }

    fn render_question(&self, qi: usize) {
        let q = &self.cfg().questions[qi];
        let ids = &self.ids;
        self.update_progress(Some(qi));
        let Some(counts) = self.counts(qi) else { return };
        // Read only (nothing below changes the answers); no copy of the answer.
        let st = self.st.borrow();
        // A dead end (the earlier answers leave no product): the counts are of the closest
        // products, and the question's description says which answers they leave out.
        let note = if counts.relaxed.is_empty() { String::new() } else { self.relaxed_note("advisor.relaxed_so_far", &st.answers, &counts.relaxed) };
        let mut r = self.tpl(
            &self.body,
            "<question=form * novalidate part=question <=fieldset * data-question=$0 ?0 aria-describedby=$3 ? <=legend <q=h2 id=$1 tabindex=-1 =$2 / / ?0 <relaxed=p id=$3 part=relaxed =$4",
            &[&q.id.0, &format!("{ids}h"), q.text.get(self.lang()), &(ids.clone() + "note"), &note],
            !note.is_empty() as u32,
        );
        let (fs, form) = (r.pop().unwrap(), r.pop().unwrap());
        let answer = st.answers.iter().find(|(id, _)| *id == q.id.0).map(|(_, a)| a);
        if let Some(r) = &q.range {
            let (lo, hi) = match answer {
                Some(Answer::Range { min, max }) => (*min, *max),
                _ => (None, None),
            };
            let price = r.attribute == "price";
            let scale = if price { self.currency.get().minor_per_major() as f64 } else { 1.0 };
            let unit = if price { format!(" ({})", self.currency.get().code()) } else { String::new() };
            let hint_id = format!("{ids}hint");
            let row = self.tpl(&fs, "<hint=p id=$0 =@advisor.range_hint / <range=div *", &[&hint_id], 0).pop().unwrap();
            for (key, value, which) in [("advisor.min", lo, "min"), ("advisor.max", hi, "max")] {
                // Whole units of the attribute; for a price, major units of the currency.
                let major = |v: i64, least: i64| (if price { v / self.currency.get().minor_per_major() } else { v }).max(least).to_string();
                let input: HtmlInputElement = self
                    .tpl(
                        &row,
                        "<field=div <=label for=$0 =$1 / <num=input * id=$0 type=number inputmode=decimal data-bound=$2 aria-describedby=$3 min=$4 max=$5 step=$6",
                        &[&format!("{ids}{which}"), &format!("{}{unit}", self.t(key)), which, &hint_id, &major(r.min, 0), &major(r.max, 0), &major(r.step, 1)],
                        0,
                    )
                    .pop()
                    .unwrap()
                    .unchecked_into();
                if let Some(v) = value {
                    input.set_value_as_number(v / scale);
                }
            }
        } else {
            let kind = if q.kind == QuestionType::Multiple { "checkbox" } else { "radio" };
            let chosen: &[String] = match answer {
                Some(Answer::Options(ids)) => ids,
                _ => &[],
            };
            let list = self.tpl(&fs, "<options=div *", &[], 0).pop().unwrap();
            let name = format!("{ids}q{qi}");
            for (oi, o) in q.options.iter().enumerate() {
                let input: HtmlInputElement = self
                    .tpl(&list, "<option=label part=option <=input * type=$0 name=$1 value=$2 data-option=$3 / <name=span =$4 / <count=span", &[kind, &name, &o.id.0, &oi.to_string(), o.label.get(self.lang())], 0)
                    .pop()
                    .unwrap()
                    .unchecked_into();
                input.set_checked(chosen.contains(&o.id.0));
            }
            self.update_counts(&counts.counts);
        }
        let visible = self.visible();
        let first = visible.first() == Some(&qi);
        let last = visible.last() == Some(&qi);
        self.tpl(
            &form,
            "<invalid=p id=$0 hidden / <nav=div \
             ?0 <btn=button type=button data-action=back =@advisor.back / ? \
             ?1 <btn=button type=button data-action=skip =@advisor.skip / ? \
             <=button class=$1 type=submit data-action=next =$2 data-last=$3 / \
             ?2 <=button class=$4 type=button data-action=restart =@advisor.restart",
            &[&format!("{ids}err"), "btn primary", &self.t(if last { "advisor.show" } else { "advisor.next" }), if last { "true" } else { "false" }, "btn link"],
            !first as u32 | (!q.required as u32) << 1 | ((!first || !st.answers.is_empty()) as u32) << 2,
        );
        self.announce_count();
    }

    /// "Frage 2 von 5" and the bar, for question `qi` among those shown now (`None`: no
    /// question, an empty line and a full bar).
    fn update_progress(&self, qi: Option<usize>) {
        let visible = self.visible();
        let total = visible.len().max(1);
        let (line, width) = match qi {
            Some(qi) => {
                let step = visible.iter().position(|&v| v == qi).map_or(1, |p| p + 1);
                (self.texts.t(&self.rt.config, "advisor.progress", &[("step", &step.to_string()), ("total", &total.to_string())]), step * 100 / total)
            }
            None => (String::new(), 100),
        };
        self.progress.set_text_content(Some(&line));
        let _ = self.fill.style().set_property("width", &format!("{width}%"));
    }

    /// The live counts of question `qi`'s options, relaxed in a dead end
    /// ([`Advisor::option_counts`]).
    fn counts(&self, qi: usize) -> Option<OptionCounts> {
        let st = self.st.borrow();
        let d = st.data.as_ref()?;
        Some(d.engine.option_counts(&d.cat, &st.answers, qi, self.stock()))
    }

    /// Writes each option's live count (in place, so focus and selection stay).
    fn update_counts(&self, counts: &[usize]) {
        let Ok(labels) = self.body.query_selector_all("label.option") else { return };
        for (i, n) in counts.iter().enumerate() {
            let Some(label) = labels.item(i as u32).and_then(|l| l.dyn_into::<web_sys::Element>().ok()) else { continue };
            if let Ok(Some(c)) = label.query_selector(".count") {
                let t = count_text(self, *n);
                if c.text_content().as_deref() != Some(t.as_str()) {
                    c.set_text_content(Some(&t));
                }
            }
            // The label's classes are only ever these two.
            label.set_class_name(if *n == 0 { "option zero" } else { "option" });
        }
    }

    /// Puts the number of products matching the answers so far in the live region.
    fn announce_count(&self) {
        let Some(out) = self.evaluate() else { return };
        let t = count_text(self, matching(&out));
        if self.status.text_content().as_deref() != Some(t.as_str()) {
            self.status.set_text_content(Some(&t));
        }
    }

    /// Reads the current question's inputs into its answer.
    fn read(&self, qi: usize) -> Option<Answer> {
        let q = &self.cfg().questions[qi];
        if let Some(r) = &q.range {
            let scale = if r.attribute == "price" { self.currency.get().minor_per_major() as f64 } else { 1.0 };
            let bound = |selector: &str| {
                let input: HtmlInputElement = self.body.query_selector(selector).ok()??.unchecked_into();
                let v = input.value_as_number();
                (v.is_finite() && v >= 0.0).then(|| (v * scale).round())
            };
            let (mut lo, mut hi) = (bound("input[data-bound=min]"), bound("input[data-bound=max]"));
            // Bounds typed the wrong way round mean the range between them.
            if let (Some(a), Some(b)) = (lo, hi) {
                if a > b {
                    (lo, hi) = (Some(b), Some(a));
                }
            }
            return (lo.is_some() || hi.is_some()).then_some(Answer::Range { min: lo, max: hi });
        }
        let inputs = self.body.query_selector_all("input[data-option]").ok()?;
        let mut ids = Vec::new();
        for i in 0..inputs.length() {
            let input: HtmlInputElement = inputs.item(i)?.unchecked_into();
            if input.checked() {
                ids.push(input.value());
            }
        }
        (!ids.is_empty()).then_some(Answer::Options(ids))
    }

    /// An input changed (`change`) or is being typed in (`input`, range fields only).
    fn on_change(&self, committed: bool) {
        let Step::Question(qi) = self.st.borrow().step else { return };
        if !committed && self.cfg().questions[qi].range.is_none() {
            return;
        }
        self.set_answer(qi, self.read(qi));
        if let Ok(Some(e)) = self.body.query_selector(".invalid") {
            e.unchecked_into::<HtmlElement>().set_hidden(true);
        }
        if self.cfg().questions[qi].range.is_none() {
            if let Some(c) = self.counts(qi) {
                self.update_counts(&c.counts);
            }
        }
        // A branching answer can add or remove later questions.
        self.update_progress(Some(qi));
        let last = self.visible().last() == Some(&qi);
        if let Ok(Some(b)) = self.body.query_selector("[data-action=next]") {
            b.set_text_content(Some(&self.t(if last { "advisor.show" } else { "advisor.next" })));
            attr(&b, "data-last", if last { "true" } else { "false" });
        }
        self.announce_count();
    }

    /// Next (or Enter in the form): commits the answer and moves on.
    fn next(self: &Rc<Self>) {
        let Step::Question(qi) = self.st.borrow().step else { return };
        let a = self.read(qi);
        if a.is_none() && self.cfg().questions[qi].required {
            if let Ok(Some(e)) = self.body.query_selector(".invalid") {
                let e: HtmlElement = e.unchecked_into();
                e.set_text_content(Some(&self.t("advisor.required")));
                attr(&e, "role", "alert");
                e.set_hidden(false);
                if let Ok(Some(first)) = self.body.query_selector("input") {
                    attr(&first, "aria-describedby", &format!("{}err", self.ids));
                    let _ = first.unchecked_into::<HtmlElement>().focus();
                }
            }
            return;
        }
        self.commit(qi, a);
    }

    fn commit(self: &Rc<Self>, qi: usize, a: Option<Answer>) {
        let value = a.as_ref().map_or(Json::Null, answer_json);
        self.set_answer(qi, a);
        let n = self.evaluate().map_or(0, |o| matching(&o));
        events::emit(&self.host, "advisor-answer", obj([("widget", s("advisor")), ("question", s(&self.cfg().questions[qi].id.0)), ("answer", value), ("matches", Json::Number(n as f64))]));
        let next = self.visible().iter().copied().find(|&v| v > qi);
        match next {
            Some(v) => self.show(Step::Question(v), true),
            None => self.show(Step::Results, true),
        }
    }

    fn on_click(self: &Rc<Self>, ev: JsValue) {
        let target = ev.unchecked_into::<web_sys::Event>().target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(b) = target.and_then(|t| t.closest("button[data-action]").ok().flatten()) else { return };
        let step = self.st.borrow().step;
        match (b.get_attribute("data-action").as_deref(), step) {
            (Some("retry"), _) => self.load(),
            (Some("back"), Step::Question(qi)) => {
                // The answer given here is kept (as on paper), so going forward again keeps it.
                self.set_answer(qi, self.read(qi));
                if let Some(prev) = self.visible().iter().copied().rev().find(|&v| v < qi) {
                    self.show(Step::Question(prev), true);
                }
            }
            (Some("back"), Step::Results) => {
                if let Some(last) = self.visible().last().copied() {
                    self.show(Step::Question(last), true);
                }
            }
            (Some("skip"), Step::Question(qi)) if !self.cfg().questions[qi].required => self.commit(qi, None),
            (Some("restart"), _) => {
                self.st.borrow_mut().answers.clear();
                sf_session(&self.store, JsValue::NULL);
                let first = self.visible().first().map_or(Step::Results, |&q| Step::Question(q));
                self.show(first, true);
            }
            (Some("add"), Step::Results) => {
                if let Some(p) = b.get_attribute("data-product").and_then(|v| schaufenster_core::num::parse_usize(&v)) {
                    self.add_to_cart(p, b.unchecked_into());
                }
            }
            _ => {}
        }
    }

    fn render_results(&self) {
        self.update_progress(None);
        let Some(out) = self.evaluate() else { return };
        self.tpl(&self.body, "<q=h2 id=$0 tabindex=-1 =@advisor.results", &[&format!("{}h", self.ids)], 0);
        let st = self.st.borrow();
        let Some(d) = &st.data else { return };
        if !out.relaxed.is_empty() {
            self.tpl(&self.body, "<relaxed=p part=relaxed =$0", &[&self.relaxed_note("advisor.relaxed", &st.answers, &out.relaxed)], 0);
        }
        let shown = &out.ranked[..out.ranked.len().min(self.cfg().max_results.0 as usize)];
        let list = self.tpl(&self.body, "?0 <none=p =@advisor.no_results / ? <results=ul * part=results", &[], shown.is_empty() as u32).pop().unwrap();
        let mut detail = Vec::new();
        for r in shown {
            let p = &d.products[r.product];
            detail.push(obj([("id", s(&p.id)), ("percent", Json::Number(r.percent as f64))]));
            // The image in a fixed box: no layout shift while it loads.
            let mut refs = self.tpl(
                &list,
                "<card=li part=result data-product=$0 \
                 <img=img src=$1 alt width=96 height=96 loading=lazy decoding=async ?0 hidden ? / \
                 <info=div * <name=h3 ?1 <=a href=$2 =$3 / ? ?2 =$3 ? / \
                 <meta=p <price=span =$4 / +=$5 <match=span =$6 / / \
                 <why=ul * part=why",
                &[
                    &p.id,
                    p.image.as_deref().unwrap_or(""),
                    p.url.as_deref().unwrap_or(""),
                    &p.title,
                    &self.texts.money(Money::new(p.price, p.currency)),
                    " · ",
                    &self.texts.t(&self.rt.config, "advisor.match", &[("percent", &r.percent.to_string())]),
                ],
                p.image.is_none() as u32 | (p.url.is_some() as u32) << 1 | (p.url.is_none() as u32) << 2,
            );
            let (why, info) = (refs.pop().unwrap(), refs.pop().unwrap());
            // Met criteria first, otherwise in question order.
            let reasons = self.reasons(d, r);
            for met in [true, false] {
                for (mark, reason) in &reasons {
                    if (*mark == Mark::Met) != met {
                        continue;
                    }
                    let (class, symbol, key) = match mark {
                        Mark::Met => ("met", "✓", "advisor.met"),
                        Mark::Missed => ("missed", "✗", "advisor.missed"),
                        Mark::Unknown => ("unknown", "?", "advisor.unknown"),
                        Mark::Drawback => ("missed", "✗", "advisor.drawback"),
                    };
                    self.tpl(&why, "<=li class=$0 <sym=span aria-hidden=true =$1 / <sr-only=span =$2 / +=$3", &[class, symbol, &(self.t(key) + " "), reason], 0);
                }
            }
            // In stock, the accessible name starts with the visible text (WCAG 2.5.3) and names
            // the product.
            let in_stock = d.cat.products[r.product].in_stock();
            self.tpl(
                &info,
                "<=button class=$0 type=button ?0 data-action=add data-product=$1 +=@advisor.add <sr-only=span =$2 / ? ?1 disabled =@advisor.sold_out",
                &["btn primary add", &r.product.to_string(), &(": ".to_owned() + &p.title)],
                in_stock as u32 | (!in_stock as u32) << 1,
            );
        }
        self.tpl(
            &self.body,
            "<nav=div <btn=button type=button data-action=back =@advisor.back / <=button class=$0 type=button data-action=restart =@advisor.restart",
            &["btn link"],
            0,
        );
        let mut relaxed = Vec::with_capacity(out.relaxed.len());
        for &qi in &out.relaxed {
            relaxed.push(s(&self.cfg().questions[qi].id.0));
        }
        // After relaxation the products are the closest, not matching ones: the notice right
        // below the focused heading says so, and the count line stays empty.
        let summary = match (out.ranked.is_empty(), out.relaxed.is_empty()) {
            (true, _) => self.t("advisor.no_results"),
            (false, true) => count_text(self, out.ranked.len()),
            (false, false) => String::new(),
        };
        self.status.set_text_content(Some(&summary));
        events::emit(&self.host, "advisor-result", obj([("widget", s("advisor")), ("products", Json::Array(detail)), ("relaxed", Json::Array(relaxed)), ("total", Json::Number(out.ranked.len() as f64))]));
    }

    /// Message `key` naming the `relaxed` answers: each quoted, its chosen options (else the
    /// question), “a, b”, “c”.
    fn relaxed_note(&self, key: &str, answers: &[(String, Answer)], relaxed: &[usize]) -> String {
        let (open, close) = if self.lang() == "de" { ("„", "“") } else { ("“", "”") };
        let mut text = String::new();
        for &qi in relaxed {
            let q = &self.cfg().questions[qi];
            if !text.is_empty() {
                text.push_str(", ");
            }
            text.push_str(open);
            match answers.iter().find(|(id, _)| *id == q.id.0).map(|(_, a)| a) {
                Some(Answer::Options(chosen)) => {
                    let mut first = true;
                    for o in &q.options {
                        if chosen.contains(&o.id.0) {
                            if !first {
                                text.push_str(", ");
                            }
                            first = false;
                            text.push_str(o.label.get(self.lang()));
                        }
                    }
                }
                _ => text.push_str(q.text.get(self.lang())),
            }
            text.push_str(close);
        }
        self.texts.t(&self.rt.config, key, &[("relaxed", &text)])
    }

    /// The explanation of one result: each criterion with the configured `explain` text (or
    /// the option's label), in question order.
    fn reasons(&self, d: &Data, r: &schaufenster_core::advisor::Ranked) -> Vec<(Mark, String)> {
        let lang = self.lang();
        let row = &d.cat.products[r.product];
        let value = |attribute: &str| d.cat.attributes.iter().position(|a| a == attribute).and_then(|c| row.values.get(c)).and_then(Option::as_ref);
        let explained = |e: &Option<Localized>, fallback: &str| -> String { explain(e, fallback, lang).to_owned() };
        let mark = |m: Met| match m {
            Met::Yes => Mark::Met,
            Met::No => Mark::Missed,
            Met::Unknown => Mark::Unknown,
        };
        let st = self.st.borrow();
        let answers = &st.answers;
        let mut out = Vec::new();
        for c in &r.criteria {
            match c.source {
                Source::Range { question } => {
                    let q = &self.cfg().questions[question];
                    out.push((mark(c.met), explained(&q.explain, q.text.get(lang))));
                }
                Source::Filter { question } => {
                    let q = &self.cfg().questions[question];
                    let ids: &[String] = match answers.iter().find(|(id, _)| *id == q.id.0).map(|(_, a)| a) {
                        Some(Answer::Options(ids)) => ids,
                        _ => &[],
                    };
                    // The chosen option (with filters) the product meets (alternatives), else
                    // the first one.
                    let mut pick = None;
                    for o in &q.options {
                        if !ids.contains(&o.id.0) || o.effects.iter().all(|e| e.weight.is_some()) {
                            continue;
                        }
                        pick = pick.or(Some(o));
                        if o.effects.iter().all(|e| e.weight.is_some() || compare(value(&e.attribute), &e.op) == Met::Yes) {
                            pick = Some(o);
                            break;
                        }
                    }
                    let Some(o) = pick else { continue };
                    // Its filters' texts, each once, comma-separated.
                    let mut seen: Vec<&str> = Vec::new();
                    let mut text = String::new();
                    for e in &o.effects {
                        let t = explain(&e.explain, o.label.get(lang), lang);
                        if e.weight.is_none() && !seen.contains(&t) {
                            if !seen.is_empty() {
                                text.push_str(", ");
                            }
                            text.push_str(t);
                            seen.push(t);
                        }
                    }
                    out.push((mark(c.met), text));
                }
                Source::Weight { question, option, effect } => {
                    let o = &self.cfg().questions[question].options[option];
                    let text = explained(&o.effects[effect].explain, o.label.get(lang));
                    match (c.weight < 0, c.met) {
                        (true, Met::Yes) => out.push((Mark::Drawback, text)),
                        (true, _) => {}
                        (false, m) => out.push((mark(m), text)),
                    }
                }
            }
        }
        out
    }

    fn add_to_cart(self: &Rc<Self>, product: usize, button: HtmlElement) {
        let Some(p) = self.st.borrow().data.as_ref().map(|d| d.products[product].clone()) else { return };
        let detail = |p: &Product, added: bool| obj([("widget", s("advisor")), ("product_id", s(&p.id)), ("quantity", Json::Number(1.0)), ("price", Json::Number(p.price as f64)), ("currency", s(p.currency.code())), ("added", Json::Bool(added))]);
        let Some(url) = self.cfg().add_to_cart_url.clone() else {
            events::emit(&self.host, "add-to-cart", detail(&p, false));
            return;
        };
        // While it is sent the button says so with aria-disabled and ignores clicks: a
        // `disabled` button would drop the keyboard focus to the page.
        if button.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        attr(&button, "aria-disabled", "true");
        let w = self.clone();
        crate::glue::spawn(async move {
            let body = obj([("product_id", s(&p.id)), ("quantity", Json::Number(1.0))]);
            // Sent once: adding a line is not idempotent, so a retry after a lost answer (the
            // server may have added it) could put the product in the cart two or three times.
            let mut once = w.rt.config.backend.clone();
            once.retries.0 = 0;
            let result = request(&once, "POST", &url.0, Some(&body)).await;
            if !w.alive.get() {
                return;
            }
            let _ = button.remove_attribute("aria-disabled");
            match result {
                Ok(_) => {
                    w.status.set_text_content(Some(&w.texts.t(&w.rt.config, "advisor.added", &[("title", &p.title)])));
                    events::emit(&w.host, "add-to-cart", detail(&p, true));
                    events::emit(&document(), "cart-changed", obj([("source", s("advisor"))]));
                }
                Err(e) => {
                    w.status.set_text_content(Some(&w.t("advisor.add_failed")));
                    w.report(&e);
                }
            }
        });
    }

    /// Keeps the answers and the step in sessionStorage, after consent only.
    fn save(&self) {
        if !self.rt.consent() {
            return;
        }
        let st = self.st.borrow();
        let at = match st.step {
            Step::Question(qi) => s(&self.cfg().questions[qi].id.0),
            Step::Results => s(""),
            _ => return,
        };
        let mut answers = Vec::with_capacity(st.answers.len());
        for (q, a) in &st.answers {
            answers.push((q.clone(), answer_json(a)));
        }
        sf_session(&self.store, JsValue::from_str(&sf_stringify(&to_js(&obj([("at", at), ("answers", Json::Object(answers))])))));
    }

    /// Takes saved answers back (unknown questions and options are dropped); sets the step.
    /// Returns whether anything was restored.
    fn restore(&self) -> bool {
        let saved = sf_session(&self.store, JsValue::UNDEFINED).map(|t| from_js(&sf_parse(&t)));
        let mut answers = Vec::new();
        if let Some(m @ Json::Object(_)) = saved.as_ref().and_then(|j| j.get("answers")) {
            for q in &self.cfg().questions {
                let a = match m.get(&q.id.0) {
                    Some(Json::Array(ids)) => {
                        let mut known = Vec::new();
                        for id in ids {
                            if let Some(id) = id.as_str().filter(|i| q.options.iter().any(|o| o.id.0 == *i)) {
                                known.push(id.to_owned());
                            }
                        }
                        if known.is_empty() || q.range.is_some() {
                            None
                        } else {
                            Some(Answer::Options(known))
                        }
                    }
                    Some(v @ Json::Object(_)) if q.range.is_some() => {
                        let n = |k: &str| match v.get(k) {
                            Some(Json::Number(x)) if x.is_finite() => Some(*x),
                            _ => None,
                        };
                        Some(Answer::Range { min: n("min"), max: n("max") })
                    }
                    _ => None,
                };
                if let Some(a) = a {
                    answers.push((q.id.0.clone(), a));
                }
            }
        }
        let at = saved.as_ref().and_then(|j| j.get("at")).and_then(Json::as_str);
        let resumed = at.is_some();
        self.st.borrow_mut().answers = answers;
        let visible = self.visible();
        // No question to ask (none configured, or none shown): straight to the results.
        let first = visible.first().map_or(Step::Results, |&q| Step::Question(q));
        let step = match at {
            Some("") => Step::Results,
            Some(id) => visible.iter().copied().find(|&q| self.cfg().questions[q].id.0 == id).map_or(first, Step::Question),
            None => first,
        };
        self.st.borrow_mut().step = step;
        resumed
    }
}
