//! `<sf-loyalty>`: loyalty points.
//!
//! A launcher button that opens the panel as a modal dialog (focus moves in and is trapped,
//! Escape closes, focus returns to the launcher), or the panel inline (`display="inline"` on
//! the element or in the config). The panel shows the balance, the tier with a progressbar to
//! the next one ("noch 240 Punkte bis Gold"), ways to earn, the rewards with what each costs
//! and which are affordable, redemption with a confirmation step, the voucher code with a copy
//! button, and the last transactions. "Mit diesem Warenkorb sammelst du N Punkte" is
//! [`schaufenster_core::loyalty::Program::earn`] on the current cart — the call checkout
//! credits with — and follows `sf:cart-changed`. Logged out (no token, or a 401): a join link
//! and the points the cart would earn.
//!
//! **Redemption:** one `Idempotency-Key` per confirmation; the confirm button is disabled
//! while the request is pending, retries (automatic after a timeout or 5xx, and the shopper's
//! "try again") send the same key, so the backend redeems exactly once; after a failure whose
//! outcome is unknown, confirming that reward again (even after "cancel") reuses the key too.
//! The balance shown
//! afterwards is the server's. **Customer token:** from `setCustomer` (held in memory by the
//! runtime), sent as `Authorization: Bearer`, never stored.
//!
//! Emits `sf:ready`, `sf:redeem` and `sf:error`.

use crate::backend::{expand_url, request_with, FetchError};
use crate::dom::{attr, el};
use crate::events::{self, document};
use crate::glue::{sf_active, sf_copy, sf_date, sf_key, sf_number, Listener};
use crate::i18n::Texts;
use crate::runtime::Runtime;
use schaufenster_config::json::{obj, s, Json};
use schaufenster_config::loyalty::{Display, Loyalty};
use schaufenster_config::mapping::{points_from_json, program_from_json, LoyaltyProgram, Points};
use schaufenster_core::retry::Outcome;
use schaufenster_core::{Cart, Currency, Money};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/loyalty.css"));

/// Where loading stands.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    Ready,
    Failed,
}

/// A redemption being confirmed: the reward (its id, so a programme reloaded meanwhile cannot
/// make it name another reward) and the key every attempt of this confirmation sends.
struct Confirm {
    reward: String,
    key: String,
    pending: bool,
    failed: bool,
}

struct State {
    phase: Phase,
    program: Option<(Currency, LoyaltyProgram)>,
    points: Option<Points>,
    /// The token was refused (401): logged out with a message.
    expired: bool,
    cart: Option<Cart>,
    confirm: Option<Confirm>,
    /// The last redemption: reward name and voucher code.
    voucher: Option<(String, String)>,
    /// Redemptions whose outcome is unknown (timeout, 5xx), by reward id, with their keys:
    /// confirming the same reward again, even after "cancel" and other redemptions, sends that
    /// key, so it cannot be redeemed twice. An entry goes only when its own request settles.
    unsettled: Vec<(String, String)>,
    /// Where the focus goes when the rewards are next rebuilt (after a refusal reloads them).
    refocus: Option<String>,
}

/// The mounted widget: its elements, state and listeners.
struct Widget {
    /// The runtime; its config's loyalty section is valid (checked by [`mount`]).
    rt: Rc<Runtime>,
    texts: Texts,
    host: JsValue,
    doc: Document,
    ids: String,
    root: HtmlElement,
    launcher: Option<HtmlElement>,
    dialog: Option<web_sys::HtmlDialogElement>,
    status: HtmlElement,
    summary: HtmlElement,
    preview: HtmlElement,
    join: HtmlElement,
    retry: HtmlElement,
    voucher: HtmlElement,
    rewards: HtmlElement,
    earn: HtmlElement,
    history: HtmlElement,
    st: RefCell<State>,
    alive: Cell<bool>,
    /// Bumped on every (re)load: a superseded answer does nothing.
    generation: Cell<u32>,
    ready_sent: Cell<bool>,
    listeners: RefCell<Vec<Listener>>,
}

/// Unmounts on drop: listeners removed, requests in flight made stale, markup removed.
struct Handle(Rc<Widget>);

impl Drop for Handle {
    fn drop(&mut self) {
        let w = &self.0;
        w.alive.set(false);
        w.generation.set(w.generation.get().wrapping_add(1));
        w.listeners.borrow_mut().clear();
        w.root.remove();
    }
}


/// Mounts the loyalty widget. `None` when the config has no valid `loyalty` section.
pub fn mount(host: HtmlElement, rt: Rc<Runtime>) -> Option<Box<dyn std::any::Any>> {
    let Some(cfg) = rt.config.loyalty.get() else {
        let _ = host.set_attribute("data-sf-state", "off");
        return None;
    };
    let inline = match host.get_attribute("display").as_deref() {
        Some("inline") => true,
        Some("launcher") => false,
        _ => cfg.display == Display::Inline,
    };
    if inline {
        let _ = host.set_attribute("data-sf-display", "inline");
    }
    let (texts, container) = crate::runtime::prepare(&host, &rt, CSS);
    let w = Rc::new(Widget::build(host.into(), &container, rt, texts, inline)?);
    w.start();
    Some(Box::new(Handle(w)))
}

/// The `data-focus` of reward `id`'s redeem button ("redeem-2"), if the programme has it.
#[inline(never)]
fn redeem_focus(lp: &LoyaltyProgram, id: &str) -> Option<String> {
    lp.program.rewards.iter().position(|r| r.id == id).map(|i| format!("redeem-{i}"))
}

impl Widget {
    /// The config's `loyalty` section, read in place ([`crate::runtime::mounted`]).
    fn cfg(&self) -> &Loyalty {
        crate::runtime::mounted(&self.rt.config.loyalty)
    }

    fn t(&self, key: &str) -> String {
        self.texts.t(&self.rt.config, key, &[])
    }

    /// Static markup inside `parent` ([`crate::dom::build`]).
    fn tpl(&self, parent: &web_sys::Element, src: &str, vals: &[&str], flags: u32) -> Vec<HtmlElement> {
        crate::dom::build(&self.doc, parent, src, vals, flags, &self.texts, &self.rt.config)
    }

    /// "1 Punkt", "1.250 Punkte".
    fn pts(&self, n: u64) -> String {
        self.texts.plural(&self.rt.config, "loyalty.points", n, &[("count", &sf_number(&self.texts.locale, n as f64, 0))])
    }

    fn build(host: JsValue, container: &HtmlElement, rt: Rc<Runtime>, texts: Texts, inline: bool) -> Option<Widget> {
        let doc = container.owner_document()?;
        let uid = crate::dom::next_id();
        let ids = format!("sf-loyalty-{uid}-");
        let (dialog_id, title_id) = (format!("{ids}dialog"), format!("{ids}title"));
        let join_url = rt.config.loyalty.get().and_then(|c| c.join_url.as_ref());
        // The link may name the page's language ("/konto.html?lang={language}").
        let join = join_url.map_or(String::new(), |l| crate::backend::expand_url(&l.0, &[("language", texts.language()), ("locale", &texts.locale)]));
        let join = join.as_str();
        let panel = if inline { "section" } else { "dialog" };
        let vals = [dialog_id.as_str(), &title_id, join, panel];
        let mut r = crate::dom::build(
            &doc,
            container,
            "<sf-loyalty=div * part=root data-state=loading \
             ?0 <launcher=button * type=button data-action=open =@loyalty.launcher part=launcher aria-haspopup=dialog aria-expanded=false aria-controls=$0 / ? \
             <panel=$3 ?0 * id=$0 aria-modal=true ? part=panel aria-labelledby=$1 \
             <head=div <title=h2 id=$1 =@loyalty.title / \
             ?0 <close=button type=button data-action=close =× aria-label=@loyalty.close / ? / \
             <status=p * role=status part=status =@loyalty.loading / \
             <secondary=button * type=button data-action=retry =@loyalty.retry hidden / \
             <summary=div * part=summary / \
             <preview=p * part=preview hidden / \
             <join=div * part=join hidden <=p =@loyalty.join_text / ?1 <cta=a href=$2 part=join-link =@loyalty.join / ? / \
             <voucher=div * part=voucher hidden / \
             <rewards=section part=rewards <=h3 =@loyalty.rewards / <list=ul * / hidden / \
             <earn=section part=earn <=h3 =@loyalty.earn / <list=ul * / hidden / \
             <history=section part=history <=h3 =@loyalty.history / <list=ol * / hidden",
            &vals,
            // No join link on the page it leads to (the account page's own sign-in is there).
            !inline as u32 | ((join_url.is_some() && !crate::glue::sf_here(join)) as u32) << 1,
            &texts,
            &rt.config,
        )
        .into_iter();
        let mut n = || r.next().unwrap();
        let root = n();
        let (launcher, dialog) = if inline { (None, None) } else { (Some(n()), Some(n().unchecked_into::<web_sys::HtmlDialogElement>())) };
        let (status, retry, summary, preview, join, voucher, rewards, earn, history) = (n(), n(), n(), n(), n(), n(), n(), n(), n());
        Some(Widget {
            rt,
            texts,
            host,
            doc,
            ids,
            root,
            launcher,
            dialog,
            status,
            summary,
            preview,
            join,
            retry,
            voucher,
            rewards,
            earn,
            history,
            st: RefCell::new(State { phase: Phase::Loading, program: None, points: None, expired: false, cart: None, confirm: None, voucher: None, unsettled: Vec::new(), refocus: None }),
            alive: Cell::new(true),
            generation: Cell::new(0),
            ready_sent: Cell::new(false),
            listeners: RefCell::new(Vec::new()),
        })
    }

    /// Wires the listeners (through weak references, so dropping the handle frees the widget)
    /// and starts loading.
    fn start(self: &Rc<Self>) {
        let on = |target: &JsValue, name: &str, f: fn(&Rc<Widget>, JsValue)| Listener::weak(self, target, name, f);
        let root: JsValue = self.root.clone().into();
        let mut listeners = vec![
            on(&root, "click", |w, ev| w.on_click(ev)),
            // A new cart: a new preview, and after a checkout the points it earned.
            on(&document(), "sf:cart-changed", |w, _| w.load()),
            on(&document(), "sf:customer-changed", |w, _| {
                w.st.borrow_mut().expired = false;
                w.load();
            }),
        ];
        if self.dialog.is_none() {
            // Inline: Escape cancels an open confirmation.
            listeners.push(on(&root, "keydown", |w, ev| {
                if ev.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" && w.cancel_confirm() {
                    ev.unchecked_into::<web_sys::Event>().prevent_default();
                }
            }));
        }
        if let Some(d) = &self.dialog {
            listeners.push(on(d.as_ref(), "keydown", |w, ev| w.on_dialog_key(ev.unchecked_into())));
            // Closing by the browser (Escape not seen as a keydown): the same as the close button.
            listeners.push(on(d.as_ref(), "cancel", |w, ev| {
                ev.unchecked_into::<web_sys::Event>().prevent_default();
                w.close();
            }));
        }
        *self.listeners.borrow_mut() = listeners;
        self.load();
    }

    fn token(&self) -> Option<String> {
        self.rt.customer().and_then(|c| c.get("token").and_then(Json::as_str).map(str::to_owned))
    }

    /// `headers`, then `Authorization: Bearer` with the customer's token (if any).
    fn with_auth(&self, mut headers: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
        if let Some(token) = self.token() {
            headers.push(("Authorization", "Bearer ".to_owned() + &token));
        }
        headers
    }

    fn report(&self, e: &FetchError) {
        events::emit(&self.host, "error", obj([("widget", s("loyalty")), ("kind", s(&e.outcome.kind())), ("message", s(&e.message())), ("url", s(&e.url))]));
    }

    fn url(&self, template: &str, currency: Currency) -> String {
        expand_url(template, &[("language", self.texts.language()), ("locale", &self.texts.locale), ("currency", currency.code())])
    }

    /// Loads the cart, the programme (in the cart's currency) and, signed in, the points.
    fn load(self: &Rc<Self>) {
        let gen = self.generation.get().wrapping_add(1);
        self.generation.set(gen);
        let w = self.clone();
        crate::glue::spawn(async move {
            let cart = crate::cart::load(&w.rt, w.texts.language(), &w.texts.locale).await.ok();
            if w.generation.get() != gen {
                return;
            }
            let currency = cart.as_ref().map_or(w.rt.config.currency, |c| c.currency);
            w.st.borrow_mut().cart = cart;
            let have = w.st.borrow().program.as_ref().map(|(c, _)| *c);
            if have != Some(currency) {
                let src = w.cfg().program_source(&w.rt.config.backend.base_url.0);
                let url = src.url.as_ref().map_or(String::new(), |u| w.url(&u.0, currency));
                let result = request_with(&w.rt.config.backend, "GET", &url, None, &[]).await;
                if w.generation.get() != gen {
                    return;
                }
                match result {
                    Ok(json) => {
                        let (program, problems) = program_from_json(&json, &src);
                        if !problems.is_empty() {
                            events::emit(&w.host, "error", obj([("widget", s("loyalty")), ("kind", s("mapping")), ("message", s(&format!("programme: {}", schaufenster_core::template::join(&problems, "; "))))]));
                        }
                        w.st.borrow_mut().program = Some((currency, program));
                        w.render_earn();
                    }
                    Err(e) => return w.fail(&e),
                }
            }
            let auth = w.with_auth(Vec::new());
            let signed_in = !auth.is_empty();
            let points = if signed_in || w.cfg().session {
                let url = w.url(&w.cfg().me(&w.rt.config.backend.base_url.0), currency);
                let result = request_with(&w.rt.config.backend, "GET", &url, None, &auth).await;
                if w.generation.get() != gen {
                    return;
                }
                match result {
                    Ok(json) => match points_from_json(&json) {
                        Some(p) => Some(p),
                        // A 200 without a balance is a broken answer, not a logged-out customer.
                        None => return w.fail(&FetchError { outcome: Outcome::Malformed, url, attempts: 1 }),
                    },
                    Err(FetchError { outcome: Outcome::Status(401), .. }) => {
                        w.st.borrow_mut().expired = signed_in;
                        None
                    }
                    Err(e) => return w.fail(&e),
                }
            } else {
                None
            };
            {
                let mut st = w.st.borrow_mut();
                st.phase = Phase::Ready;
                if points.is_none() {
                    st.confirm = None;
                    st.voucher = None;
                }
                st.points = points;
            }
            w.render();
            if !w.ready_sent.replace(true) {
                let signed_in = w.st.borrow().points.is_some();
                events::emit(&w.host, "ready", obj([("widget", s("loyalty")), ("signed_in", Json::Bool(signed_in))]));
            }
        });
    }

    /// The backend failed: say so, offer retry, tell the page.
    fn fail(&self, e: &FetchError) {
        self.st.borrow_mut().phase = Phase::Failed;
        self.render();
        self.report(e);
    }

    fn set_status(&self, msg: &str) {
        let _ = self.status.remove_attribute("data-echo");
        if self.status.text_content().as_deref() != Some(msg) {
            self.status.set_text_content(Some(msg));
        }
    }

    /// Brings every part in line with the state.
    fn render(&self) {
        let (phase, signed_in, expired) = {
            let st = self.st.borrow();
            (st.phase, st.points.is_some(), st.expired)
        };
        attr(&self.root, "data-state", match phase {
            Phase::Loading => "loading",
            Phase::Ready => "ready",
            Phase::Failed => "error",
        });
        attr(&self.root, "data-signed-in", if signed_in { "true" } else { "false" });
        let states = [self.t("loyalty.loading"), self.t("loyalty.unavailable"), self.t("loyalty.expired")];
        match phase {
            Phase::Loading => self.set_status(&states[0]),
            Phase::Failed => self.set_status(&states[1]),
            Phase::Ready if expired => self.set_status(&states[2]),
            // A message about a redemption or a copy stays; only a stale state goes.
            Phase::Ready if self.status.text_content().is_some_and(|t| states.contains(&t)) => self.set_status(""),
            Phase::Ready => {}
        }
        self.retry.set_hidden(phase != Phase::Failed);
        self.join.set_hidden(phase != Phase::Ready || signed_in);
        self.render_summary();
        self.render_preview();
        self.render_rewards(None);
        self.render_voucher();
        self.render_history();
    }

    /// Balance, tier and the progressbar to the next tier.
    fn render_summary(&self) {
        self.summary.set_text_content(None);
        let st = self.st.borrow();
        let (Some((_, lp)), Some(points), Phase::Ready) = (&st.program, &st.points, st.phase) else { return };
        let status = lp.program.tier_status(points.progress);
        let tiers = !lp.program.tiers.is_empty();
        let value = match status.next {
            _ if !tiers => String::new(),
            Some(i) => self.texts.t(&self.rt.config, "loyalty.next", &[("remaining", &self.pts(status.remaining)), ("tier", &lp.tier_names[i])]),
            None => self.t("loyalty.top"),
        };
        let fill = self.tpl(
            &self.summary,
            "<balance=p <label=span =@loyalty.balance / + <points=strong part=balance =$0 / / \
             <tier=p part=tier =$1 / \
             ?0 <track=div part=progress role=progressbar aria-valuemin=0 aria-valuemax=100 aria-valuenow=$2 aria-valuetext=$3 aria-label=@loyalty.progress <fill=div * / / \
             <next=p =$3",
            &[
                &self.pts(points.balance.max(0) as u64),
                &match status.current {
                    Some(i) => self.texts.t(&self.rt.config, "loyalty.tier", &[("tier", &lp.tier_names[i])]),
                    None => self.t("loyalty.no_tier"),
                },
                &(status.permille / 10).to_string(),
                &value,
            ],
            tiers as u32,
        );
        if let Some(fill) = fill.first() {
            let _ = fill.style().set_property("width", &format!("{}.{}%", status.permille / 10, status.permille % 10));
        }
    }

    /// "Mit diesem Warenkorb sammelst du N Punkte" (signed in, with the customer's tier) or
    /// "würdest du … sammeln" (logged out); hidden when the cart earns nothing.
    fn render_preview(&self) {
        let earned = {
            let st = self.st.borrow();
            match (&st.program, &st.cart, st.phase) {
                (Some((_, lp)), Some(cart), Phase::Ready) => {
                    let tier = st.points.as_ref().and_then(|p| lp.program.tier_status(p.progress).current);
                    Some((lp.program.earn(cart, tier).points, st.points.is_some()))
                }
                _ => None,
            }
        };
        let msg = match earned {
            Some((n, signed_in)) if n > 0 => self.texts.t(&self.rt.config, if signed_in { "loyalty.cart" } else { "loyalty.cart_guest" }, &[("points", &self.pts(n))]),
            _ => String::new(),
        };
        self.preview.set_hidden(msg.is_empty());
        if self.preview.text_content().as_deref() != Some(msg.as_str()) {
            self.preview.set_text_content(Some(&msg));
            attr(&self.preview, "data-points", &earned.map_or(0, |e| e.0).to_string());
        }
    }

    /// Ways to earn: the rate in the programme's currency, bonuses, tier multipliers.
    fn render_earn(&self) {
        self.earn.set_text_content(None);
        let st = self.st.borrow();
        let Some((currency, lp)) = &st.program else { return };
        let p = &lp.program;
        let mut any = false;
        let mut line = |text: String| {
            any = true;
            el(&self.doc, &self.earn, "li", "").set_text_content(Some(&text));
        };
        if let Some(r) = p.rate(*currency) {
            line(self.texts.t(&self.rt.config, "loyalty.earn.purchase", &[("points", &self.pts(r.points as u64)), ("amount", &self.texts.money(Money::new(r.per_minor as i64, *currency)))]));
        }
        for (key, n) in [("loyalty.earn.start", p.start_bonus), ("loyalty.earn.birthday", p.birthday_bonus)] {
            if n > 0 {
                line(self.texts.t(&self.rt.config, key, &[("points", &self.pts(n))]));
            }
        }
        for (t, name) in p.tiers.iter().zip(&lp.tier_names) {
            if t.multiplier_percent > 100 {
                line(self.texts.t(&self.rt.config, "loyalty.earn.tier", &[("tier", name), ("threshold", &self.pts(t.threshold)), ("bonus", &(t.multiplier_percent - 100).to_string())]));
            }
        }
        self.show_section(&self.earn, any);
    }

    fn show_section(&self, list: &HtmlElement, show: bool) {
        if let Some(sec) = list.parent_element() {
            sec.unchecked_ref::<HtmlElement>().set_hidden(!show);
        }
    }

    /// The rewards with their cost; affordable ones can be redeemed (with a confirmation).
    /// `focus` names the element (`data-focus`) to focus after the list is rebuilt.
    fn render_rewards(&self, focus: Option<&str>) {
        // A rebuild keeps the focus on the same control (a reload after a redemption).
        let refocus = self.st.borrow_mut().refocus.take();
        let focus = focus.map(str::to_owned).or(refocus).or_else(|| sf_active(&self.rewards).filter(|a| self.rewards.contains(Some(a))).and_then(|a| a.get_attribute("data-focus")));
        self.rewards.set_text_content(None);
        let st = self.st.borrow();
        let (Some((_, lp)), Phase::Ready) = (&st.program, st.phase) else {
            self.show_section(&self.rewards, false);
            return;
        };
        let balance = st.points.as_ref().map(|p| p.balance);
        // While a redemption is on its way, no other can be started (two pending redemptions
        // would each spend the balance).
        let busy = st.confirm.as_ref().is_some_and(|c| c.pending);
        for (i, (r, name)) in lp.program.rewards.iter().zip(&lp.reward_names).enumerate() {
            let label_id = format!("{}r{i}", self.ids);
            let check = balance.map(|b| lp.program.can_redeem(&r.id, b, 0));
            let li = self
                .tpl(
                    &self.rewards,
                    "<reward=li * part=reward <name=span id=$0 =$1 / + <cost=span =$2 / ?0 data-affordable=$3",
                    &[&label_id, name, &self.pts(r.cost), if matches!(check, Some(Ok(_))) { "true" } else { "false" }],
                    check.is_some() as u32,
                )
                .pop()
                .unwrap();
            let Some(check) = check else { continue };
            match &st.confirm {
                // While pending the buttons say so with aria-disabled rather than `disabled`: a
                // disabled button drops the keyboard focus to the page; the clicks are ignored
                // (see on_click and redeem).
                Some(c) if c.reward == r.id => {
                    let label = if c.pending { "loyalty.pending" } else if c.failed { "loyalty.retry" } else { "loyalty.confirm_yes" };
                    self.tpl(
                        &li,
                        "<confirm=div role=group aria-labelledby=$0 <=p id=$0 =$1 / ?0 <error=p =@loyalty.redeem_failed / ? \
                         <primary=button type=button data-action=confirm =$2 data-focus=confirm ?1 aria-disabled=true aria-busy=true ? / \
                         <secondary=button type=button data-action=cancel =@loyalty.cancel data-focus=cancel ?1 aria-disabled=true",
                        &[&format!("{}c{i}", self.ids), &self.texts.t(&self.rt.config, "loyalty.confirm", &[("reward", name), ("points", &self.pts(r.cost))]), &self.t(label)],
                        c.failed as u32 | (c.pending as u32) << 1,
                    );
                }
                _ => {
                    let missing = match check {
                        Err(schaufenster_core::loyalty::Refusal::InsufficientBalance { missing }) => Some(missing),
                        _ => None,
                    };
                    self.tpl(
                        &li,
                        "<secondary=button type=button data-action=redeem =@loyalty.redeem data-reward=$0 data-focus=$1 aria-describedby=$2 ?0 disabled ? ?1 disabled ? / \
                         ?2 <missing=span =$3",
                        &[&i.to_string(), &format!("redeem-{i}"), &label_id, &missing.map_or(String::new(), |m| self.texts.t(&self.rt.config, "loyalty.missing", &[("points", &self.pts(m))]))],
                        busy as u32 | (check.is_err() as u32) << 1 | (missing.is_some() as u32) << 2,
                    );
                }
            }
        }
        self.show_section(&self.rewards, !lp.program.rewards.is_empty());
        if let Some(f) = focus {
            if let Ok(Some(e)) = self.rewards.query_selector(&format!("[data-focus=\"{f}\"]")) {
                let _ = e.unchecked_into::<HtmlElement>().focus();
            }
        }
    }

    /// The last voucher code with its copy button.
    fn render_voucher(&self) {
        let st = self.st.borrow();
        let code = st.voucher.as_ref().map(|v| v.1.as_str());
        // Unchanged: left alone, so a focused copy button keeps its focus.
        if self.voucher.get_attribute("data-code").as_deref() == code.or(Some("")) {
            return;
        }
        attr(&self.voucher, "data-code", code.unwrap_or(""));
        self.voucher.set_text_content(None);
        let Some((name, code)) = &st.voucher else {
            self.voucher.set_hidden(true);
            return;
        };
        self.tpl(
            &self.voucher,
            "<=p id=$0 =$1 / <code=code part=code aria-labelledby=$0 =$2 / + <secondary=button type=button data-action=copy =@loyalty.copy",
            &[&format!("{}v", self.ids), &self.texts.t(&self.rt.config, "loyalty.redeemed", &[("reward", name)]), code],
            0,
        );
        self.voucher.set_hidden(false);
    }

    /// The last transactions, newest first.
    fn render_history(&self) {
        self.history.set_text_content(None);
        let st = self.st.borrow();
        let (Some(points), Phase::Ready) = (&st.points, st.phase) else {
            self.show_section(&self.history, false);
            return;
        };
        for row in &points.history {
            let n = sf_number(&self.texts.locale, row.delta.unsigned_abs() as f64, 0);
            let key = match row.kind.as_str() {
                "redeem" => "loyalty.kind.redeem",
                "start" => "loyalty.kind.start",
                "purchase" => "loyalty.kind.purchase",
                "birthday" => "loyalty.kind.birthday",
                _ => "loyalty.kind.adjust",
            };
            // Only a redemption names its reward (other texts keep a stray "{reward}" as written).
            let reward = [("reward", row.reward.as_deref().unwrap_or_default())];
            let what = self.texts.t(&self.rt.config, key, if row.kind == "redeem" { &reward } else { &[] });
            self.tpl(
                &self.history,
                "<=li <=span class=$0 =$1 / + <what=span =$2 / ?0 + <=code =$3 / ? ?1 + <date=span =$4",
                &[
                    if row.delta < 0 { "delta minus" } else { "delta" },
                    &format!("{}{n}", if row.delta < 0 { "−" } else { "+" }),
                    &what,
                    row.code.as_deref().unwrap_or(""),
                    &if row.at_ms > 0 { sf_date(&self.texts.locale, row.at_ms as f64) } else { String::new() },
                ],
                row.code.is_some() as u32 | ((row.at_ms > 0) as u32) << 1,
            );
        }
        self.show_section(&self.history, !points.history.is_empty());
    }

    fn open(&self) {
        let (Some(d), Some(l)) = (&self.dialog, &self.launcher) else { return };
        // The `open` attribute reflects the property.
        if d.get_attribute("open").is_none() {
            let _ = d.show_modal();
            attr(l, "aria-expanded", "true");
        }
        if let Some(first) = self.focusables().first() {
            let _ = first.focus();
        }
    }

    fn close(&self) {
        let (Some(d), Some(l)) = (&self.dialog, &self.launcher) else { return };
        d.close();
        attr(l, "aria-expanded", "false");
        let _ = l.focus();
    }

    /// The enabled buttons and links of the dialog, in document order.
    fn focusables(&self) -> Vec<HtmlElement> {
        let Some(d) = &self.dialog else { return Vec::new() };
        let mut out = Vec::new();
        // The selector picks them in document order; HTML elements only (not an SVG `a`).
        let Ok(all) = d.query_selector_all("button:not([disabled]),a[href]") else { return out };
        for i in 0..all.length() {
            let Some(e) = all.item(i).and_then(|e| e.dyn_into::<HtmlElement>().ok()) else { continue };
            if e.closest("[hidden]").ok().flatten().is_none() {
                out.push(e);
            }
        }
        out
    }

    /// Escape closes the dialog; Tab and Shift+Tab wrap around inside it (focus trap).
    fn on_dialog_key(&self, ev: web_sys::KeyboardEvent) {
        match ev.key().as_str() {
            // Escape cancels an open confirmation first, then closes the dialog.
            "Escape" => {
                ev.prevent_default();
                if !self.cancel_confirm() {
                    self.close();
                }
            }
            "Tab" => {
                let items = self.focusables();
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    ev.prevent_default();
                    return;
                };
                let active = self.dialog.as_ref().and_then(|d| sf_active(d));
                let is = |e: &HtmlElement| active.as_ref().is_some_and(|a| js_sys::Object::is(a, e));
                let inside = items.iter().any(is);
                if ev.shift_key() && (is(first) || !inside) {
                    ev.prevent_default();
                    let _ = last.focus();
                } else if !ev.shift_key() && (is(last) || !inside) {
                    ev.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        }
    }

    /// Clicks anywhere in the widget, dispatched by `data-action`.
    fn on_click(self: &Rc<Self>, ev: JsValue) {
        let target = ev.unchecked_into::<web_sys::Event>().target().and_then(|t| t.dyn_into::<Element>().ok());
        let Some(b) = target.and_then(|t| t.closest("[data-action]").ok().flatten()) else { return };
        match b.get_attribute("data-action").as_deref() {
            Some("open") => self.open(),
            Some("close") => self.close(),
            Some("retry") => {
                self.st.borrow_mut().phase = Phase::Loading;
                self.render();
                self.load();
            }
            Some("redeem") => {
                let Some(i) = b.get_attribute("data-reward").and_then(|v| schaufenster_core::num::parse_usize(&v)) else { return };
                {
                    let mut st = self.st.borrow_mut();
                    if st.confirm.as_ref().is_some_and(|c| c.pending) {
                        return;
                    }
                    let Some(id) = st.program.as_ref().and_then(|(_, lp)| lp.program.rewards.get(i)).map(|r| r.id.clone()) else { return };
                    // A fresh key for each confirmation (all of its attempts reuse it), unless
                    // an earlier one for this reward has an unknown outcome.
                    let key = st.unsettled.iter().find(|u| u.0 == id).map_or_else(sf_key, |u| u.1.clone());
                    st.confirm = Some(Confirm { reward: id, key, pending: false, failed: false });
                }
                self.set_status("");
                self.render_rewards(Some("confirm"));
            }
            Some("cancel") => {
                self.cancel_confirm();
            }
            Some("confirm") => self.redeem(),
            Some("copy") => self.copy(),
            _ => {}
        }
    }

    /// Closes an open (not yet sent) confirmation, the focus back on its redeem button; false
    /// when there is none.
    fn cancel_confirm(&self) -> bool {
        let focus = {
            let mut st = self.st.borrow_mut();
            if st.confirm.as_ref().is_none_or(|c| c.pending) {
                return false;
            }
            let id = st.confirm.take().map(|c| c.reward);
            id.and_then(|id| st.program.as_ref().and_then(|(_, lp)| redeem_focus(lp, &id)))
        };
        self.render_rewards(focus.as_deref());
        true
    }

    /// Sends the confirmed redemption (once at a time, always with the confirmation's key).
    fn redeem(self: &Rc<Self>) {
        let (reward_id, cost, name, key, currency) = {
            let mut st = self.st.borrow_mut();
            let Some((currency, lp)) = &st.program else { return };
            let Some(c) = &st.confirm else { return };
            if c.pending {
                return;
            }
            // The programme may have been reloaded since the confirmation opened (another
            // currency): the reward is looked up by id, and a reward that is gone is not sent.
            let Some(i) = lp.program.rewards.iter().position(|r| r.id == c.reward) else {
                st.confirm = None;
                drop(st);
                self.render_rewards(None);
                return;
            };
            let (reward, name, key, currency) = (&lp.program.rewards[i], lp.reward_names[i].clone(), c.key.clone(), *currency);
            let (id, cost) = (reward.id.clone(), reward.cost);
            if let Some(c) = st.confirm.as_mut() {
                c.pending = true;
                c.failed = false;
            }
            (id, cost, name, key, currency)
        };
        self.set_status(&self.t("loyalty.pending"));
        self.render_rewards(Some("confirm"));
        let w = self.clone();
        crate::glue::spawn(async move {
            // The currency the programme and balance were loaded in (the cart's), not the config's.
            let url = w.url(&w.cfg().redeem(&w.rt.config.backend.base_url.0), currency);
            let body = obj([("reward_id", s(&reward_id))]);
            // With `session`, the backend knows the customer from its cookie instead.
            let headers = w.with_auth(vec![("Idempotency-Key", key.clone())]);
            let result = request_with(&w.rt.config.backend, "POST", &url, Some(&body), &headers).await;
            if !w.alive.get() {
                return;
            }
            // A success without a voucher code is no success the shopper can use: handled as a
            // malformed answer, which keeps the key, so trying again replays the stored answer.
            let result = result.and_then(|json| match json.pointer("/redemption/code").and_then(Json::as_str) {
                Some(code) if !code.is_empty() => Ok((json.get("balance").and_then(Json::as_i64), code.to_owned())),
                _ => Err(FetchError { outcome: Outcome::Malformed, url: url.clone(), attempts: 1 }),
            });
            // This request settled; an unknown outcome is recorded again below.
            w.st.borrow_mut().unsettled.retain(|u| u.0 != reward_id);
            match result {
                Ok((balance, code)) => {
                    {
                        let mut st = w.st.borrow_mut();
                        st.confirm = None;
                        if let (Some(p), Some(b)) = (st.points.as_mut(), balance) {
                            p.balance = b;
                        }
                        st.voucher = Some((name.clone(), code.clone()));
                    }
                    w.render_summary();
                    w.render_preview();
                    w.render_rewards(None);
                    w.render_voucher();
                    w.set_status(&(w.texts.t(&w.rt.config, "loyalty.redeemed", &[("reward", &name)]) + " " + &code));
                    // Read out, not shown: the voucher box shows the same sentence and code.
                    attr(&w.status, "data-echo", "");
                    if let Ok(Some(copy)) = w.voucher.query_selector("[data-action=copy]") {
                        let _ = copy.unchecked_into::<HtmlElement>().focus();
                    }
                    let detail = obj([("widget", s("loyalty")), ("reward_id", s(&reward_id)), ("cost", Json::Number(cost as f64)), ("code", s(&code)), ("balance", balance.map_or(Json::Null, |b| Json::Number(b as f64)))]);
                    events::emit(&w.host, "redeem", detail);
                    // The history (and the balance, again the server's) after the redemption.
                    w.load();
                }
                Err(e) => {
                    let retryable = e.outcome.is_retryable() || e.outcome == Outcome::Malformed;
                    let expired = e.outcome == Outcome::Status(401);
                    {
                        let mut st = w.st.borrow_mut();
                        if retryable {
                            st.unsettled.push((reward_id.clone(), key.clone()));
                        }
                        match st.confirm.as_mut() {
                            Some(c) if retryable => {
                                c.pending = false;
                                c.failed = true;
                            }
                            _ => st.confirm = None,
                        }
                    }
                    w.report(&e);
                    if expired {
                        w.st.borrow_mut().expired = true;
                        w.load();
                    } else if retryable {
                        w.set_status(&w.t("loyalty.redeem_failed"));
                        w.render_rewards(Some("confirm"));
                    } else {
                        // The keyboard focus goes back to this reward's button once the list
                        // is rebuilt (its confirmation, which had the focus, is gone).
                        let mut st = w.st.borrow_mut();
                        st.refocus = st.program.as_ref().and_then(|(_, lp)| redeem_focus(lp, &reward_id));
                        drop(st);
                        w.set_status(&w.t("loyalty.refused"));
                        // The balance may have changed elsewhere (another tab): the server's again.
                        w.load();
                    }
                }
            }
        });
    }

    fn copy(self: &Rc<Self>) {
        let Some((_, code)) = self.st.borrow().voucher.clone() else { return };
        let w = self.clone();
        crate::glue::spawn(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(sf_copy(&code)).await.ok().and_then(|v| v.as_bool()) == Some(true);
            if w.alive.get() {
                w.set_status(&w.t(if ok { "loyalty.copied" } else { "loyalty.copy_failed" }));
            }
        });
    }
}
