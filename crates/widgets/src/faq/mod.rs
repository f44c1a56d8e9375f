//! `<sf-faq>`: self-service FAQ search.
//!
//! Loads the entries (inline or from a URL through a `map`), builds the
//! [`schaufenster_core::search::Index`] in the page and searches on every keystroke. The
//! search box follows the WAI-ARIA combobox pattern with a listbox of results (arrow keys,
//! Enter, Escape, Home/End), the result count is announced in a live region, matches are
//! highlighted, answers open below the list (rich text through the allowlist sanitizer
//! [`schaufenster_core::rich`], built with `createElement`/text nodes, never `innerHTML`),
//! `#faq-<id>` deep links open an answer and opening one updates the hash. Zero results offer
//! the configured contact link and, after consent only, log the query to the backend.
//! Emits `sf:ready`, `sf:faq-search` (when typing pauses), `sf:faq-open`, `sf:faq-feedback`
//! and `sf:error`.
//!
//! Like every widget it renders with direct DOM calls ([`crate::dom`]); the ranking,
//! highlighting and sanitising it shows all live in `schaufenster-core`.

use crate::backend::{expand_url, request, FetchError};
use crate::dom::{attr, el, text};
use crate::events::{self, window};
use crate::glue::{sf_hash, sf_set_hash, sf_show, sf_sleep, sf_warn, Listener};
use crate::i18n::Texts;
use crate::runtime::Runtime;
use schaufenster_config::json::{obj, s, Json};
use schaufenster_config::mapping::faq_from_json;
use schaufenster_config::model::{Faq, FaqSource};
use schaufenster_core::rich::{self, Node};
use schaufenster_core::search::highlight::{by_popularity, each_segment, snippet};
use schaufenster_core::search::{Entry, Field, Index, Lang};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlInputElement};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/faq.css"));
const SNIPPET_CHARS: usize = 150;
/// Longest query in characters (the backend's search log keeps 200 as well).
const MAX_QUERY: usize = 200;

/// Entries and their index, once loaded.
struct Data {
    /// The usable entries (their answers as plain text).
    entries: Vec<Entry>,
    answers: Vec<Vec<Node>>,
    index: Index,
    popular: Vec<usize>,
    categories: Vec<String>,
    lang: Lang,
}

/// Where loading stands.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    /// The configured source.
    Ready,
    /// The source failed; the fallback entries are shown.
    Fallback,
    /// Nothing could be loaded; the contact link is offered.
    Failed,
}

#[derive(Default)]
struct State {
    data: Option<Data>,
    query: String,
    category: Option<String>,
    /// The entry of each row of the listbox.
    rows: Vec<usize>,
    active: Option<usize>,
    opened: Option<usize>,
    logged: Vec<String>,
}

/// The mounted widget: its elements, state and listeners.
struct Widget {
    rt: Rc<Runtime>,
    texts: Texts,
    host: JsValue,
    doc: Document,
    ids: String,
    root: HtmlElement,
    input: HtmlInputElement,
    cats: HtmlElement,
    status: HtmlElement,
    popular: HtmlElement,
    list: HtmlElement,
    contact: HtmlElement,
    answer: HtmlElement,
    answer_q: HtmlElement,
    answer_body: HtmlElement,
    votes: Vec<HtmlElement>,
    vote_status: Option<HtmlElement>,
    phase: Cell<Phase>,
    st: RefCell<State>,
    /// False once unmounted: late answers then do nothing.
    alive: Cell<bool>,
    /// Bumped on every change of the query or topic: a pending idle timer then does nothing.
    query_gen: Cell<u32>,
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


/// Mounts the FAQ search. `None` when the config has no valid `faq` section.
pub fn mount(host: HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    if rt.config.faq.get().is_none() {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    }
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let w = Rc::new(Widget::build(host.into(), container, rt, texts)?);
    w.start();
    Some(Box::new(Handle(w)))
}

impl Widget {
    fn t(&self, key: &str) -> String {
        self.texts.t(&self.rt.config, key, &[])
    }

    /// The config's `faq` section, read in place ([`crate::runtime::mounted`]); out of line,
    /// since eight call sites would each inline the check.
    #[inline(never)]
    fn faq(&self) -> &Faq {
        crate::runtime::mounted(&self.rt.config.faq)
    }

    fn build(host: JsValue, container: HtmlElement, rt: Rc<Runtime>, texts: Texts) -> Option<Widget> {
        let faq = rt.config.faq.get()?;
        let doc = container.owner_document()?;
        let uid = crate::dom::next_id();
        let mut ids = String::from("sf-faq-");
        push_num(&mut ids, uid as usize);
        ids.push('-');
        let (input_id, list_id, q_id) = (cat(&ids, "input"), cat(&ids, "list"), cat(&ids, "q"));
        let mut max_query = String::new();
        push_num(&mut max_query, MAX_QUERY);
        let mut heading = String::from("h");
        push_num(&mut heading, (faq.heading_level.0 as usize).clamp(2, 6));
        let contact = faq.contact.as_ref().map_or("", |l| l.0.as_str());
        let answer_id = cat(&ids, "answer");
        let vals = [input_id.as_str(), &list_id, &max_query, &q_id, &heading, contact, &answer_id];
        let mut r = crate::dom::build(
            &doc,
            &container,
            "<sf-faq=div * part=root data-state=loading \
             <label=label =@faq.label for=$0 / \
             <input=input * id=$0 part=input type=text role=combobox autocomplete=off spellcheck=false enterkeyhint=search placeholder=@faq.placeholder aria-autocomplete=list aria-controls=$1 aria-expanded=false maxlength=$2 / \
             <cats=ul * aria-label=@faq.categories hidden / \
             <status=p * role=status part=status =@faq.loading / \
             <popular=p * =@faq.popular hidden / \
             <results=ul * role=listbox part=results id=$1 aria-label=@faq.label / \
             <contact=p * part=contact hidden +=@faq.contact ?0 + <=a href=$5 =@faq.contact_link / ? / \
             <answer=div * id=$6 part=answer role=region aria-labelledby=$3 hidden \
             <answer-head=div <answer-q=$4 * id=$3 tabindex=-1 / <close=button type=button aria-label=@faq.close data-action=close =× / / \
             <answer-body=div * / \
             ?1 <feedback=div role=group aria-label=@faq.helpful <=span =@faq.helpful / \
             <vote=button * type=button data-action=yes =@faq.yes / <vote=button * type=button data-action=no =@faq.no / \
             <vote-status=span * role=status",
            &vals,
            faq.contact.is_some() as u32 | (faq.feedback_url.is_some() as u32) << 1,
            &texts,
            &rt.config,
        )
        .into_iter();
        let mut n = || r.next().unwrap();
        let (root, input, cats, status, popular, list, contact, answer, answer_q, answer_body) = (n(), n().unchecked_into(), n(), n(), n(), n(), n(), n(), n(), n());
        let mut votes: Vec<HtmlElement> = r.collect();
        let vote_status = votes.pop();
        Some(Widget {
            rt,
            texts,
            host,
            doc,
            ids,
            root,
            input,
            cats,
            status,
            popular,
            list,
            contact,
            answer,
            answer_q,
            answer_body,
            votes,
            vote_status,
            phase: Cell::new(Phase::Loading),
            st: RefCell::new(State::default()),
            alive: Cell::new(true),
            query_gen: Cell::new(0),
            listeners: RefCell::new(Vec::new()),
        })
    }

    /// Wires the listeners (through a weak reference, so dropping the handle frees the
    /// widget) and starts loading.
    fn start(self: &Rc<Self>) {
        let on = |target: &JsValue, name: &str, f: fn(&Rc<Widget>, JsValue)| Listener::weak(self, target, name, f);
        let input: JsValue = self.input.clone().into();
        let root: JsValue = self.root.clone().into();
        let listeners = vec![
            on(&input, "input", |w, _| w.on_input()),
            on(&input, "keydown", |w, ev| w.on_key(ev.unchecked_into())),
            on(&root, "click", |w, ev| w.on_click(ev)),
            on(&window(), "hashchange", |w, _| w.follow_hash()),
        ];
        *self.listeners.borrow_mut() = listeners;

        let w = self.clone();
        crate::glue::spawn(async move {
            // The source, then the fallback if there is one (one await point, not two).
            let (mut data, mut phase) = (None, Phase::Failed);
            for (source, ok) in [(Some(&w.faq().source), Phase::Ready), (w.faq().fallback.as_ref(), Phase::Fallback)] {
                let Some(source) = source else { break };
                match w.load(source).await {
                    Ok(d) => {
                        (data, phase) = (Some(d), ok);
                        break;
                    }
                    Err(_) if ok == Phase::Ready && !w.alive.get() => return,
                    Err(e) => w.report(&e),
                }
            }
            if !w.alive.get() {
                return;
            }
            let n = data.as_ref().map_or(0, |d| d.entries.len());
            w.st.borrow_mut().data = data;
            w.phase.set(phase);
            attr(&w.root, "data-state", match phase {
                Phase::Ready => "ready",
                Phase::Fallback => "fallback",
                _ => "error",
            });
            if w.faq().categories {
                if let Some(d) = &w.st.borrow().data {
                    w.render_categories(&d.categories);
                }
            }
            w.refresh();
            w.announce();
            w.follow_hash();
            events::emit(&w.host, "ready", obj([("widget", s("faq")), ("entries", Json::Number(n as f64))]));
        });
    }

    /// Fetches (or takes inline) one source and indexes it.
    async fn load(&self, source: &FaqSource) -> Result<Data, FetchError> {
        let src = &source.0;
        let json = match (&src.inline, &src.url) {
            (Some(inline), _) => inline.clone(),
            (None, Some(url)) => {
                let url = expand_url(&url.0, &[("language", self.texts.language()), ("locale", &self.texts.locale)]);
                request(&self.rt.config.backend, "GET", &url, None).await?
            }
            (None, None) => Json::Null,
        };
        let (items, problems) = faq_from_json(&json, src);
        if !problems.is_empty() {
            let mut msg = String::from("Schaufenster <sf-faq>: ");
            push_num(&mut msg, problems.len());
            msg.push_str(" problem(s) in the FAQ entries; the other entries work:");
            for p in &problems {
                msg.push_str("\n  ");
                msg.push_str(p);
            }
            sf_warn(&msg);
        }
        let language = self.texts.language();
        let lang = Lang::from_tag(language);
        // One pass, moving each item's texts into its index entry (no copies): entries marked
        // with another language than the widget's are left out, as are answers without text.
        let mut entries: Vec<Entry> = Vec::new();
        let mut answers: Vec<Vec<Node>> = Vec::new();
        let mut empty = String::new();
        for e in items {
            if e.lang.as_deref().is_some_and(|l| !l.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case(language))) {
                continue;
            }
            let nodes = rich::parse(&e.answer);
            let answer = rich::plain_text(&nodes);
            if answer.is_empty() {
                if !empty.is_empty() {
                    empty.push_str(", ");
                }
                empty.push_str(&e.id);
                continue;
            }
            answers.push(nodes);
            entries.push(Entry { id: e.id, lang, question: e.question, answer, tags: e.tags, category: e.category, popularity: e.popularity });
        }
        if !empty.is_empty() {
            empty.insert_str(0, "Schaufenster <sf-faq>: left out entries whose answer has no text after sanitising: ");
            sf_warn(&empty);
        }
        if entries.is_empty() {
            // Nothing usable (an empty body, another shape): a failure, so the fallback applies.
            let url = src.url.as_ref().map_or("(inline)", |u| u.0.as_str()).to_owned();
            return Err(FetchError { outcome: schaufenster_core::retry::Outcome::Malformed, url, attempts: 1 });
        }
        let index = Index::build(&entries, &self.faq().options());
        let mut popularity = Vec::with_capacity(entries.len());
        let mut categories: Vec<String> = Vec::new();
        for e in &entries {
            popularity.push(e.popularity);
            if let Some(c) = &e.category {
                if !categories.contains(c) {
                    categories.push(c.clone());
                }
            }
        }
        let popular = by_popularity(&popularity);
        Ok(Data { entries, answers, index, popular, categories, lang })
    }

    fn report(&self, e: &FetchError) {
        events::emit(&self.host, "error", obj([("widget", s("faq")), ("kind", s(&e.outcome.kind())), ("message", s(&e.message())), ("url", s(&e.url))]));
    }

    fn render_categories(&self, cats: &[String]) {
        if cats.len() < 2 {
            return;
        }
        let current = self.st.borrow().category.clone();
        self.cats.set_text_content(None);
        let all = self.t("faq.all");
        // "All", then each category.
        for k in 0..=cats.len() {
            let (value, label) = match k.checked_sub(1) {
                None => (None, all.as_str()),
                Some(c) => (Some(cats[c].as_str()), cats[c].as_str()),
            };
            let li = el(&self.doc, &self.cats, "li", "");
            let b = el(&self.doc, &li, "button", "cat");
            attr(&b, "type", "button");
            attr(&b, "data-category", value.unwrap_or(""));
            attr(&b, "aria-pressed", if current.as_deref() == value { "true" } else { "false" });
            b.set_text_content(Some(label));
        }
        self.cats.set_hidden(false);
    }

    /// Recomputes the rows for the query and category and renders list, status and contact.
    fn refresh(&self) {
        let mut st = self.st.borrow_mut();
        let st = &mut *st;
        st.rows.clear();
        st.active = None;
        self.list.set_text_content(None);
        if let Some(d) = &st.data {
            self.render_rows(d, &st.query, st.category.as_deref(), &mut st.rows);
        }
        attr(&self.input, "aria-expanded", if st.rows.is_empty() { "false" } else { "true" });
        let _ = self.input.remove_attribute("aria-activedescendant");
        let q = st.query.trim();
        let phase = self.phase.get();
        let n = st.rows.len();
        self.popular.set_hidden(!(q.is_empty() && n > 0));
        self.contact.set_hidden(!(phase == Phase::Failed || (phase != Phase::Loading && !q.is_empty() && n == 0)));
    }

    /// The id of option `i` of the listbox.
    fn option_id(&self, i: usize) -> String {
        let mut id = self.ids.clone();
        id.push_str("opt-");
        push_num(&mut id, i);
        id
    }

    /// Appends option `i` for `entry` to the listbox: returns its question and snippet spans.
    fn option(&self, rows: &mut Vec<usize>, entry: usize) -> (HtmlElement, HtmlElement) {
        let li = el(&self.doc, &self.list, "li", "option");
        attr(&li, "role", "option");
        attr(&li, "part", "option");
        attr(&li, "id", &self.option_id(rows.len()));
        attr(&li, "aria-selected", "false");
        let mut n = String::new();
        push_num(&mut n, entry);
        attr(&li, "data-entry", &n);
        rows.push(entry);
        (el(&self.doc, &li, "span", "q"), el(&self.doc, &li, "span", "snippet"))
    }

    /// Renders the rows for `query` (or, before typing, the most popular entries) in
    /// `category`, their entries into `rows`.
    fn render_rows(&self, d: &Data, query: &str, category: Option<&str>, rows: &mut Vec<usize>) {
        let doc = &self.doc;
        let max = self.faq().max_results.0 as usize;
        let in_cat = |i: usize| category.is_none_or(|c| d.entries[i].category.as_deref() == Some(c));
        if query.trim().is_empty() {
            // Before typing: the most popular questions; with a category, all of that category.
            let limit = if category.is_some() { 50 } else { self.faq().popular.0 as usize };
            for &i in &d.popular {
                if rows.len() == limit {
                    break;
                }
                if in_cat(i) {
                    let (q, sn) = self.option(rows, i);
                    text(doc, &q, &d.entries[i].question);
                    text(doc, &sn, &snippet(&d.entries[i].answer, &[], SNIPPET_CHARS).0);
                }
            }
            return;
        }
        let limit = if category.is_some() { d.entries.len() } else { max };
        for h in d.index.search(query, Some(d.lang), limit) {
            if rows.len() == max {
                break;
            }
            if !in_cat(h.entry) {
                continue;
            }
            let e = &d.entries[h.entry];
            let (mut q, mut a, mut tag) = (Vec::new(), Vec::new(), None::<(usize, Vec<(usize, usize)>)>);
            for m in &h.matches {
                match m.field {
                    Field::Question => q.push((m.start, m.end)),
                    Field::Answer => a.push((m.start, m.end)),
                    Field::Tag(i) => match &mut tag {
                        Some((t, ranges)) if *t == i as usize => ranges.push((m.start, m.end)),
                        None => tag = Some((i as usize, vec![(m.start, m.end)])),
                        _ => {}
                    },
                }
            }
            let (qs, sn) = self.option(rows, h.entry);
            marked(doc, &qs, &e.question, &q);
            // Found only through a keyword: show that keyword, so the shopper sees why.
            if let (true, Some((i, ranges))) = (q.is_empty() && a.is_empty(), tag) {
                if let Some(t) = e.tags.get(i) {
                    marked(doc, &sn, t, &ranges);
                    text(doc, &sn, " · ");
                }
            }
            let (snip, moved) = snippet(&e.answer, &a, SNIPPET_CHARS);
            marked(doc, &sn, &snip, &moved);
        }
    }

    /// Writes the live region: the result count for the query (or the loading state).
    fn announce(&self) {
        let st = self.st.borrow();
        let q = st.query.trim();
        let n = st.rows.len();
        let msg = match self.phase.get() {
            Phase::Loading => self.t("faq.loading"),
            Phase::Failed => self.t("faq.unavailable"),
            _ if q.is_empty() => String::new(),
            _ if n == 0 => self.texts.t(&self.rt.config, "faq.none", &[("query", q)]),
            _ => {
                let mut count = String::new();
                push_num(&mut count, n);
                self.texts.plural(&self.rt.config, "faq.results", n as u64, &[("count", &count), ("query", q)])
            }
        };
        if self.status.text_content().as_deref() != Some(msg.as_str()) {
            self.status.set_text_content(Some(&msg));
        }
    }

    /// A new query or topic: cancels the pending idle timer.
    fn next_query(&self) -> u32 {
        let gen = self.query_gen.get().wrapping_add(1);
        self.query_gen.set(gen);
        gen
    }

    fn on_input(self: &Rc<Self>) {
        // The box holds at most MAX_QUERY characters (maxlength); a longer paste is cut here too.
        let mut q = self.input.value();
        if let Some((cut, _)) = q.char_indices().nth(MAX_QUERY) {
            q.truncate(cut);
        }
        self.st.borrow_mut().query = q.clone();
        self.refresh();
        let gen = self.next_query();
        if self.st.borrow().data.is_none() {
            return;
        }
        // When typing pauses: the result count is announced (once, not per keystroke),
        // `sf:faq-search` tells the host page, and a query that found nothing goes to the
        // search log (after consent only).
        let w = self.clone();
        crate::glue::spawn(async move {
            sf_sleep(700).await;
            if !w.alive.get() || w.query_gen.get() != gen {
                return;
            }
            w.announce();
            let q = q.trim();
            if q.is_empty() || w.st.borrow().query.trim() != q {
                return;
            }
            let n = w.st.borrow().rows.len();
            events::emit(&w.host, "faq-search", obj([("widget", s("faq")), ("query", s(q)), ("results", Json::Number(n as f64))]));
            if n == 0 {
                w.log_zero_result(q).await;
            }
        });
    }

    fn set_active(&self, next: Option<usize>) {
        let mut st = self.st.borrow_mut();
        st.active = next;
        let options = self.list.children();
        for i in 0..options.length() {
            if let Some(o) = options.item(i) {
                attr(&o, "aria-selected", if Some(i as usize) == next { "true" } else { "false" });
            }
        }
        match next {
            Some(i) => {
                let id = self.option_id(i);
                attr(&self.input, "aria-activedescendant", &id);
                sf_show(&self.root, &id, "");
            }
            None => {
                let _ = self.input.remove_attribute("aria-activedescendant");
            }
        }
    }

    fn on_key(&self, ev: web_sys::KeyboardEvent) {
        let (n, cur) = {
            let st = self.st.borrow();
            (st.rows.len(), st.active)
        };
        let next = match ev.key().as_str() {
            "ArrowDown" if n > 0 => Some(cur.map_or(0, |c| (c + 1) % n)),
            "ArrowUp" if n > 0 => Some(cur.map_or(n - 1, |c| (c + n - 1) % n)),
            "Home" if cur.is_some() => Some(0),
            "End" if cur.is_some() => Some(n - 1),
            "Enter" if !ev.is_composing() => {
                if let Some(c) = cur {
                    ev.prevent_default();
                    let entry = self.st.borrow().rows.get(c).copied();
                    if let Some(e) = entry {
                        self.open(e, true);
                    }
                }
                return;
            }
            "Escape" => {
                // Only when it does something, so a host dialog can still close on Escape.
                if cur.is_some() {
                    ev.prevent_default();
                    self.set_active(None);
                } else if !self.input.value().is_empty() {
                    ev.prevent_default();
                    self.input.set_value("");
                    self.st.borrow_mut().query.clear();
                    self.next_query();
                    self.refresh();
                    self.announce();
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        self.set_active(next);
    }

    /// Clicks anywhere in the widget: an option, a category, close, or a vote.
    fn on_click(self: &Rc<Self>, ev: JsValue) {
        let target = ev.unchecked_into::<web_sys::Event>().target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(target) = target else { return };
        if let Ok(Some(option)) = target.closest("[data-entry]") {
            if let Some(i) = option.get_attribute("data-entry").and_then(|v| schaufenster_core::num::parse_usize(&v)) {
                self.open(i, true);
            }
        } else if let Ok(Some(b)) = target.closest("[data-category]") {
            let v = b.get_attribute("data-category").unwrap_or_default();
            // Pressed state changes in place, so the focused button keeps focus.
            let buttons = self.cats.get_elements_by_tag_name("button");
            for i in 0..buttons.length() {
                if let Some(other) = buttons.item(i) {
                    let pressed = other.get_attribute("data-category").as_deref() == Some(v.as_str());
                    attr(&other, "aria-pressed", if pressed { "true" } else { "false" });
                }
            }
            self.st.borrow_mut().category = (!v.is_empty()).then_some(v);
            self.next_query();
            self.refresh();
            self.announce();
        } else if let Ok(Some(b)) = target.closest("[data-action]") {
            match b.get_attribute("data-action").as_deref() {
                Some("close") => {
                    self.answer.set_hidden(true);
                    self.st.borrow_mut().opened = None;
                    sf_set_hash("");
                    let input = cat(&self.ids, "input");
                    sf_show(&self.root, &input, &input);
                }
                Some(a @ ("yes" | "no")) => self.vote(a == "yes"),
                _ => {}
            }
        }
    }

    /// Opens entry `i`: shows it, updates the hash, optionally moves focus to its heading.
    fn open(&self, i: usize, focus: bool) {
        let id = {
            let st = self.st.borrow();
            let Some(d) = st.data.as_ref() else { return };
            let Some(item) = d.entries.get(i) else { return };
            self.answer_q.set_text_content(Some(&item.question));
            self.answer_body.set_text_content(None);
            append_nodes(&self.doc, &self.answer_body, &d.answers[i], 0);
            item.id.clone()
        };
        self.st.borrow_mut().opened = Some(i);
        for b in &self.votes {
            let _ = b.remove_attribute("aria-disabled");
        }
        if let Some(s) = &self.vote_status {
            s.set_text_content(None);
        }
        self.answer.set_hidden(false);
        sf_set_hash(&cat("#faq-", &crate::backend::encode(&id)));
        sf_show(&self.root, &cat(&self.ids, "answer"), if focus { cat(&self.ids, "q") } else { String::new() }.as_str());
        events::emit(&self.host, "faq-open", obj([("widget", s("faq")), ("id", s(&id))]));
    }

    /// Opens the entry named by `#faq-<id>`, if any.
    fn follow_hash(&self) {
        let hash = sf_hash();
        let Some(id) = hash.strip_prefix("#faq-") else { return };
        let found = self.st.borrow().data.as_ref().and_then(|d| d.entries.iter().position(|e| e.id == id));
        if let Some(i) = found {
            if self.st.borrow().opened != Some(i) {
                self.open(i, false);
            }
        }
    }

    fn vote(self: &Rc<Self>, helpful: bool) {
        let (Some(url), Some(i)) = (self.faq().feedback_url.clone(), self.st.borrow().opened) else { return };
        let Some(id) = self.st.borrow().data.as_ref().map(|d| d.entries[i].id.clone()) else { return };
        // One vote per opened answer. aria-disabled, not disabled: a disabled button would drop
        // the keyboard focus to the page.
        if self.votes.first().is_some_and(|b| b.has_attribute("aria-disabled")) {
            return;
        }
        for b in &self.votes {
            attr(b, "aria-disabled", "true");
        }
        let w = self.clone();
        crate::glue::spawn(async move {
            let body = obj([("entry_id", s(&id)), ("helpful", Json::Bool(helpful))]);
            let result = request(&w.rt.config.backend, "POST", &url.0, Some(&body)).await;
            if !w.alive.get() {
                return;
            }
            if let Err(e) = &result {
                w.report(e);
            }
            if let Some(s) = &w.vote_status {
                s.set_text_content(Some(&w.t(if result.is_ok() { "faq.thanks" } else { "faq.feedback_failed" })));
            }
            events::emit(&w.host, "faq-feedback", obj([("widget", s("faq")), ("id", s(&id)), ("helpful", Json::Bool(helpful)), ("sent", Json::Bool(result.is_ok()))]));
        });
    }

    /// Sends a query that found nothing to the search log: once per query, only after consent.
    async fn log_zero_result(&self, q: &str) {
        let Some(url) = &self.faq().search_log_url else { return };
        if !self.rt.consent() || self.st.borrow().logged.iter().any(|l| l == q) {
            return;
        }
        self.st.borrow_mut().logged.push(q.to_owned());
        let body = obj([("query", s(q)), ("results", Json::Number(0.0)), ("locale", s(self.texts.language()))]);
        if let Err(e) = request(&self.rt.config.backend, "POST", &url.0, Some(&body)).await {
            self.report(&e);
        }
    }
}

/// Appends `text` with the byte `ranges` highlighted as `<mark>`.
fn marked(doc: &Document, parent: &web_sys::Node, text: &str, ranges: &[(usize, usize)]) {
    each_segment(text, ranges, |t, m| {
        if m {
            el(doc, parent, "mark", "").set_text_content(Some(t));
        } else {
            crate::dom::text(doc, parent, t);
        }
    });
}

/// `a` followed by `b` (without `core::fmt`).
fn cat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// Appends `n` in decimal digits (without `core::fmt`).
fn push_num(out: &mut String, n: usize) {
    if n >= 10 {
        push_num(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Builds the sanitised answer tree with DOM calls; text only ever becomes text nodes.
fn append_nodes(doc: &Document, parent: &web_sys::Node, nodes: &[Node], depth: u32) {
    for n in nodes {
        match n {
            Node::Text(t) => text(doc, parent, t),
            Node::Element { tag, href, children } => {
                let name = if matches!((tag, href), (rich::Tag::A, None)) { "span" } else { tag.name() };
                let e = el(doc, parent, name, "");
                if let Some(h) = href {
                    attr(&e, "href", h);
                }
                if depth < 32 {
                    append_nodes(doc, &e, children, depth + 1);
                }
            }
        }
    }
}
