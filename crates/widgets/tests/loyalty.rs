//! Component tests of `<sf-loyalty>` in headless Chromium: the dialog's focus handling (trap,
//! Escape, focus back on the launcher), keyboard redemption with its confirmation step, ARIA,
//! one `Idempotency-Key` per confirmation (reused by every retry, never by the next
//! redemption), a refused token (401) and a failing backend, and hostile reward names.
//!
//! The backend is a fetch shim in the test page that records every request with its headers;
//! the end-to-end tests run the widget against the reference backend.
#![cfg(target_arch = "wasm32")]

use schaufenster_config::json::Json;
use schaufenster_core::{Cart, CartLine, Currency};
use schaufenster_widgets::{mount_widget, runtime};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::{json, record, until};

wasm_bindgen_test_configure!(run_in_browser);

const PROGRAM: &str = r#"{
  "rates": [{"currency": "EUR", "points": 1, "per_minor": 100}],
  "excluded_products": ["gutschein-25"],
  "tiers": [{"id": "silber", "name": "Silber", "threshold": 250, "multiplier_percent": 125}, {"id": "gold", "name": "Gold", "threshold": 1000, "multiplier_percent": 150}],
  "start_bonus": 100, "birthday_bonus": 50, "min_redeem": 100,
  "rewards": [
    {"id": "versand", "name": "<img src=x onerror=\"window.__pwned=1\">Versand gratis", "cost": 150},
    {"id": "5-euro", "name": "5-€-Gutschein", "cost": 250},
    {"id": "reiseset", "name": "Reiseset", "cost": 800}
  ]
}"#;

fn me(balance: i64) -> String {
    format!(
        r#"{{"balance": {balance}, "tier": {{"progress": 760}}, "history": [
          {{"kind": "redeem", "delta": -150, "at_ms": 1767225600000, "reward_name": "<b>Versand</b>", "code": "AB-12"}},
          {{"kind": "purchase", "delta": 120, "at_ms": 1767225600000}}]}}"#
    )
}

const CART: &str = r#"{"currency": "EUR", "lines": [{"product_id": "koffer", "quantity": 1, "unit_price": 4990}]}"#;

/// Installs the fetch shim: requests to a path starting with a routed prefix are recorded
/// (`window.__loy.calls`: url, method, headers, body) and answered from the route's list (the
/// last answer repeats); an aborted request (timeout) rejects like fetch does.
fn shim() {
    js_sys::Function::new_no_args(
        r#"
        if (!window.__loyFetch) {
          window.__loyFetch = window.fetch;
          window.fetch = function (u, init) {
            const url = String(u);
            const prefix = Object.keys(window.__loy.routes).find((p) => url.startsWith(p));
            if (!prefix) return window.__loyFetch.call(this, u, init);
            const headers = {};
            new Headers((init && init.headers) || []).forEach((v, k) => { headers[k] = v; });
            window.__loy.calls.push({ url, method: (init && init.method) || "GET", headers, body: init && init.body });
            const list = window.__loy.routes[prefix];
            const r = list.length > 1 ? list.shift() : list[0];
            return new Promise((ok, fail) => {
              const signal = init && init.signal;
              if (signal) signal.addEventListener("abort", () => fail(new DOMException("aborted", "AbortError")));
              setTimeout(() => ok(new Response(r[1], { status: r[0], headers: { "content-type": "application/json" } })), r[2] || 0);
            });
          };
        }
        window.__loy = { calls: [], routes: {} };
        "#,
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

/// Answers requests under `prefix` with (status, body, delay ms), in order.
fn route(prefix: &str, answers: &[(u16, &str, u32)]) {
    let list: js_sys::Array = answers.iter().map(|(s, b, d)| JsValue::from(js_sys::Array::of3(&(*s).into(), &(*b).into(), &(*d).into()))).collect();
    let routes = js_sys::Reflect::get(&loy(), &"routes".into()).unwrap();
    js_sys::Reflect::set(&routes, &prefix.into(), &list).unwrap();
}

fn loy() -> JsValue {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"__loy".into()).unwrap()
}

/// The recorded requests whose URL starts with `prefix`.
fn calls(prefix: &str) -> Vec<Json> {
    let all = schaufenster_widgets::json_js::from_js(&js_sys::Reflect::get(&loy(), &"calls".into()).unwrap());
    match all {
        Json::Array(items) => items.into_iter().filter(|c| c.get("url").and_then(Json::as_str).is_some_and(|u| u.starts_with(prefix))).collect(),
        _ => Vec::new(),
    }
}

fn header(call: &Json, name: &str) -> Option<String> {
    call.get("headers").and_then(|h| h.get(name)).and_then(Json::as_str).map(str::to_owned)
}

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Installs a config (light DOM, so the test can query inside) with the shim's URLs.
fn install(backend: &str) {
    let text = format!(
        r#"{{"locale": "de-DE", "theme": {{"shadow_dom": false}}, "consent": {{"required": false}}, "backend": {backend}, "cart": {{"url": "/__l/cart"}},
            "loyalty": {{"program": {{"url": "/__l/program?c={{currency}}"}}, "me_url": "/__l/me", "redeem_url": "/__l/redeem", "join_url": "/konto"}}}}"#
    );
    assert_eq!(runtime::install(&json(&text)), 0, "{text}");
}

/// Shim, routes for a signed-in customer with 300 points, config, customer token; mounts.
async fn mounted(display: Option<&str>, token: Option<&str>, backend: &str) -> (HtmlElement, Box<dyn std::any::Any>) {
    shim();
    route("/__l/program", &[(200, PROGRAM, 0)]);
    let me300 = me(300);
    route("/__l/me", &[(200, &me300, 0)]);
    route("/__l/cart", &[(200, CART, 0)]);
    install(backend);
    if let Some(t) = token {
        runtime::current().unwrap().set_customer(Some(json(&format!(r#"{{"token": "{t}"}}"#))));
    }
    let h: HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    if let Some(d) = display {
        h.set_attribute("display", d).unwrap();
    }
    doc().body().unwrap().append_child(&h).unwrap();
    let handle = mount_widget("sf-loyalty", h.clone()).expect("loyalty configured");
    until(|| h.query_selector("[data-state=ready],[data-state=error]").ok().flatten().is_some()).await;
    (h, handle)
}

fn q(h: &HtmlElement, sel: &str) -> HtmlElement {
    h.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no {sel}")).unchecked_into()
}

fn text(h: &HtmlElement, sel: &str) -> String {
    q(h, sel).text_content().unwrap_or_default().replace(['\u{a0}', '\u{202f}'], " ")
}

fn active() -> Option<Element> {
    doc().active_element()
}

fn is_active(e: &HtmlElement) -> bool {
    active().is_some_and(|a| js_sys::Object::is(&a, e))
}

/// Dispatches a keydown at the focused element; returns whether the widget handled it.
fn key(key: &str, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_cancelable(true);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    active().unwrap().dispatch_event(&ev).unwrap();
    ev.default_prevented()
}

#[wasm_bindgen_test]
async fn the_dialog_traps_focus_closes_on_escape_and_returns_focus_to_the_launcher() {
    let (h, _handle) = mounted(None, Some("tok"), r#"{"retries": 0}"#).await;
    let launcher = q(&h, "button[part=launcher]");
    let dialog: web_sys::HtmlDialogElement = q(&h, "dialog[part=panel]").unchecked_into();
    assert_eq!(launcher.get_attribute("aria-haspopup").as_deref(), Some("dialog"));
    assert_eq!(launcher.get_attribute("aria-controls"), dialog.get_attribute("id"));
    assert_eq!(launcher.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(!dialog.open());
    // The dialog is named by its heading.
    let title = q(&h, "dialog h2");
    assert_eq!(dialog.get_attribute("aria-labelledby"), title.get_attribute("id"));
    assert_eq!(title.text_content().unwrap(), "Deine Treuepunkte");

    launcher.click();
    assert!(dialog.open());
    assert_eq!(launcher.get_attribute("aria-expanded").as_deref(), Some("true"));
    let close = q(&h, "dialog button[data-action=close]");
    assert_eq!(close.get_attribute("aria-label").as_deref(), Some("Schließen"));
    assert!(is_active(&close), "focus moves into the dialog");

    // Shift+Tab on the first control wraps to the last, Tab on the last back to the first.
    assert!(key("Tab", true));
    let buttons = h.query_selector_all("dialog button:not([disabled])").unwrap();
    let last: HtmlElement = buttons.item(buttons.length() - 1).unwrap().unchecked_into();
    assert!(is_active(&last), "Shift+Tab from the first control goes to the last");
    assert!(key("Tab", false));
    assert!(is_active(&close), "Tab from the last control goes to the first");
    // In between, Tab is left to the browser.
    q(&h, "dialog button[data-action=redeem]").focus().unwrap();
    assert!(!key("Tab", false));

    // Escape first cancels an open confirmation (focus back on its redeem button), then closes.
    let redeem = q(&h, "dialog button[data-action=redeem]");
    redeem.click();
    q(&h, "dialog button[data-action=confirm]").focus().unwrap();
    assert!(key("Escape", false));
    assert!(dialog.open(), "the dialog stays open");
    assert!(h.query_selector("button[data-action=confirm]").unwrap().is_none());
    let again = q(&h, "dialog button[data-action=redeem]");
    assert!(is_active(&again), "focus back on the redeem button");
    assert!(key("Escape", false));
    assert!(!dialog.open());
    assert_eq!(launcher.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(is_active(&launcher), "focus returns to the launcher");
    // The close button does the same.
    launcher.click();
    q(&h, "dialog button[data-action=close]").click();
    assert!(!dialog.open());
    assert!(is_active(&launcher));
}

#[wasm_bindgen_test]
async fn balance_tier_progress_cart_preview_rewards_and_history() {
    let (h, _handle) = mounted(Some("inline"), Some("tok"), r#"{"retries": 0}"#).await;
    assert!(h.query_selector("button[part=launcher]").unwrap().is_none(), "inline: no launcher");
    assert_eq!(h.get_attribute("data-sf-display").as_deref(), Some("inline"));
    assert_eq!(text(&h, "[part=balance]"), "300 Punkte");
    assert_eq!(text(&h, "[part=tier]"), "Stufe Silber");
    let bar = q(&h, "[role=progressbar]");
    assert_eq!(bar.get_attribute("aria-valuetext").as_deref(), Some("noch 240 Punkte bis Gold"));
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("68"));
    assert_eq!(bar.get_attribute("aria-label").as_deref(), Some("Fortschritt zur nächsten Stufe"));
    // 49,90 € in Silber (×1.25): floor(49.9 × 1.25) = 62, as checkout credits.
    assert_eq!(text(&h, "[part=preview]"), "Mit diesem Warenkorb sammelst du 62 Punkte.");
    // The token went as a header; the programme was asked in the cart's currency.
    let me_calls = calls("/__l/me");
    assert_eq!(header(&me_calls[0], "authorization").as_deref(), Some("Bearer tok"));
    assert!(calls("/__l/program")[0].get("url").and_then(Json::as_str).unwrap().ends_with("c=EUR"));

    // Ways to earn.
    let earn: Vec<String> = (0..3).map(|i| h.query_selector_all("[part=earn] li").unwrap().item(i).unwrap().text_content().unwrap().replace('\u{a0}', " ")).collect();
    assert_eq!(earn, ["1 Punkt pro 1,00 € Einkaufswert", "100 Punkte Startbonus bei der Anmeldung", "50 Punkte zu deinem Geburtstag"]);

    // Rewards: hostile names are text; what the balance cannot pay is disabled with the gap.
    let rewards = h.query_selector_all("li[part=reward]").unwrap();
    assert_eq!(rewards.length(), 3);
    let first: HtmlElement = rewards.item(0).unwrap().unchecked_into();
    assert_eq!(first.query_selector(".name").unwrap().unwrap().text_content().unwrap(), "<img src=x onerror=\"window.__pwned=1\">Versand gratis");
    assert!(h.query_selector("img").unwrap().is_none());
    assert!(js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap().is_undefined());
    assert_eq!(first.get_attribute("data-affordable").as_deref(), Some("true"));
    let third: HtmlElement = rewards.item(2).unwrap().unchecked_into();
    assert_eq!(third.get_attribute("data-affordable").as_deref(), Some("false"));
    assert!(third.query_selector("button").unwrap().unwrap().has_attribute("disabled"));
    assert_eq!(third.query_selector(".missing").unwrap().unwrap().text_content().unwrap(), "Dir fehlen noch 500 Punkte");
    // The redeem button is described by the reward's name.
    let b = first.query_selector("button").unwrap().unwrap();
    assert_eq!(b.get_attribute("aria-describedby"), first.query_selector(".name").unwrap().unwrap().get_attribute("id"));

    // History, newest first, codes and names as text.
    let rows = h.query_selector_all("[part=history] li").unwrap();
    assert_eq!(rows.length(), 2);
    let row0 = rows.item(0).unwrap().text_content().unwrap();
    assert!(row0.starts_with("−150 Eingelöst: <b>Versand</b> AB-12"), "{row0}");
    assert!(rows.item(1).unwrap().text_content().unwrap().starts_with("+120 Einkauf"));

    // A new cart (setCart) → the preview follows sf:cart-changed.
    let cart = Cart { currency: Currency::eur(), country: None, lines: vec![CartLine::new("koffer", 2, 4990), CartLine::new("gutschein-25", 1, 2500)], cart_discount: 0, free_shipping: false };
    runtime::current().unwrap().push_cart(Some(cart));
    until(|| text(&h, "[part=preview]").contains("124")).await;
    assert_eq!(text(&h, "[part=preview]"), "Mit diesem Warenkorb sammelst du 124 Punkte.");
}

/// Clicks the redeem button of reward `i` (a keyboard Enter on a focused button is a click).
fn redeem_button(h: &HtmlElement, i: usize) -> HtmlElement {
    q(h, &format!("button[data-action=redeem][data-reward=\"{i}\"]"))
}

#[wasm_bindgen_test]
async fn keyboard_redemption_with_confirmation_and_one_key_per_confirmation() {
    let (h, _handle) = mounted(Some("inline"), Some("tok"), r#"{"retries": 0}"#).await;
    let (seen, _l) = record(&h, "sf:redeem");
    let b = redeem_button(&h, 0);
    b.focus().unwrap();
    b.click();
    // The confirmation names the reward and its cost; focus is on "Ja, einlösen".
    let group = q(&h, "[part=reward] [role=group]");
    let label = doc().get_element_by_id(&group.get_attribute("aria-labelledby").unwrap()).unwrap();
    assert_eq!(label.text_content().unwrap(), "„<img src=x onerror=\"window.__pwned=1\">Versand gratis“ für 150 Punkte einlösen?");
    let confirm = q(&h, "button[data-action=confirm]");
    assert_eq!(confirm.text_content().unwrap(), "Ja, einlösen");
    assert!(is_active(&confirm));
    // Cancel: nothing is sent and focus goes back to the reward's button.
    q(&h, "button[data-action=cancel]").click();
    assert!(is_active(&redeem_button(&h, 0)));
    assert!(calls("/__l/redeem").is_empty());

    // Confirm, double-clicked: one request; while it is pending the button says so
    // (aria-disabled, so the keyboard focus stays on it) and ignores clicks.
    route("/__l/redeem", &[(201, r#"{"redemption": {"id": 1, "reward_id": "versand", "cost": 150, "code": "ZX-9"}, "balance": 150}"#, 50)]);
    let me150 = me(150);
    route("/__l/me", &[(200, &me150, 0)]);
    redeem_button(&h, 0).click();
    let confirm = q(&h, "button[data-action=confirm]");
    confirm.click();
    let confirm = q(&h, "button[data-action=confirm]");
    assert_eq!(confirm.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(confirm.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(is_active(&confirm), "the focus stays on the pending button");
    confirm.click();
    q(&h, "button[data-action=confirm]").click();
    until(|| h.query_selector("[part=code]").ok().flatten().is_some()).await;
    let sent = calls("/__l/redeem");
    assert_eq!(sent.len(), 1, "one redemption request for one confirmation");
    let key1 = header(&sent[0], "idempotency-key").expect("an Idempotency-Key");
    assert_eq!(key1.len(), 32);
    assert_eq!(header(&sent[0], "authorization").as_deref(), Some("Bearer tok"));
    assert_eq!(sent[0].get("body").and_then(Json::as_str), Some(r#"{"reward_id":"versand"}"#));
    // The code with a copy button (focused), the server's balance, the event.
    assert_eq!(text(&h, "[part=code]"), "ZX-9");
    assert_eq!(text(&h, "[part=balance]"), "150 Punkte");
    let copy = q(&h, "[part=voucher] button[data-action=copy]");
    assert!(is_active(&copy), "focus on the copy button");
    assert!(text(&h, "[role=status]").ends_with("Dein Gutscheincode: ZX-9"));
    // Announced, but not shown twice: the voucher box says the same on screen.
    let status = q(&h, "[role=status]");
    assert!(status.has_attribute("data-echo"));
    assert_eq!(status.offset_height(), 1, "visually hidden");
    until(|| !seen.borrow().is_empty()).await;
    let ev = seen.borrow()[0].clone();
    assert_eq!((ev.get("reward_id").and_then(Json::as_str), ev.get("code").and_then(Json::as_str), ev.get("balance").and_then(Json::as_i64)), (Some("versand"), Some("ZX-9"), Some(150)));
    // Copy: announced either way (headless Chromium may refuse the clipboard).
    copy.click();
    until(|| text(&h, "[role=status]").starts_with("Kopier")).await;
    let status = text(&h, "[role=status]");
    assert!(status == "Kopiert" || status.starts_with("Kopieren nicht möglich"), "{status}");
    assert!(!q(&h, "[role=status]").has_attribute("data-echo"), "shown again");
    // After the reload the focus is still on the copy button.
    until(|| calls("/__l/me").len() >= 2).await;
    sf_idle().await;
    assert!(is_active(&q(&h, "[part=voucher] button[data-action=copy]")));

    // The next redemption is a new confirmation with a new key.
    redeem_button(&h, 0).click();
    q(&h, "button[data-action=confirm]").click();
    until(|| calls("/__l/redeem").len() == 2).await;
    let key2 = header(&calls("/__l/redeem")[1], "idempotency-key").unwrap();
    assert_ne!(key1, key2);
}

async fn sf_idle() {
    schaufenster_widgets::glue::sf_sleep(60).await;
}

#[wasm_bindgen_test]
async fn a_retry_after_a_timeout_or_a_500_sends_the_same_key() {
    // One automatic retry; the first attempt times out (200 ms), the second gets a 500.
    let (h, _handle) = mounted(Some("inline"), Some("tok"), r#"{"retries": 1, "timeout_ms": 200}"#).await;
    let (errors, _l) = record(&h, "sf:error");
    let e500 = r#"{"error": {"code": "db"}}"#;
    route("/__l/redeem", &[(201, "{}", 600), (500, e500, 0), (500, e500, 0), (500, e500, 0), (201, r#"{"redemption": {"code": "OK-1"}, "balance": 50}"#, 0)]);
    redeem_button(&h, 1).click();
    q(&h, "button[data-action=confirm]").click();
    until(|| h.query_selector("[part=reward] .error").ok().flatten().is_some()).await;
    assert_eq!(calls("/__l/redeem").len(), 2, "the timeout was retried once");
    assert_eq!(text(&h, "[part=reward] .error"), "Das Einlösen hat gerade nicht geklappt. Versuche es noch einmal – es wird höchstens einmal eingelöst.");
    let again = q(&h, "button[data-action=confirm]");
    assert_eq!(again.text_content().unwrap(), "Erneut versuchen");
    assert!(!again.has_attribute("disabled"), "no frozen spinner");
    assert!(is_active(&again));
    assert_eq!(errors.borrow().len(), 1);
    // "Erneut versuchen" sends the same key (and fails again here: two more 500s).
    again.click();
    until(|| calls("/__l/redeem").len() == 4 && h.query_selector("button[data-action=confirm]:not([aria-disabled])").ok().flatten().is_some()).await;
    assert_eq!(errors.borrow().len(), 2);
    // Even cancelled and confirmed anew, the redemption with the unknown outcome keeps its key.
    q(&h, "button[data-action=cancel]").click();
    redeem_button(&h, 1).click();
    q(&h, "button[data-action=confirm]").click();
    until(|| h.query_selector("[part=code]").ok().flatten().is_some()).await;
    let keys: Vec<_> = calls("/__l/redeem").iter().map(|c| header(c, "idempotency-key").unwrap()).collect();
    assert_eq!(keys.len(), 5);
    assert!(keys.iter().all(|k| *k == keys[0]), "every attempt of one redemption carries the same key: {keys:?}");
    // Settled: the next redemption of the same reward is a new one.
    redeem_button(&h, 1).click();
    q(&h, "button[data-action=confirm]").click();
    until(|| calls("/__l/redeem").len() == 6).await;
    assert_ne!(header(&calls("/__l/redeem")[5], "idempotency-key").unwrap(), keys[0]);
    assert_eq!(text(&h, "[part=code]"), "OK-1");
}

#[wasm_bindgen_test]
async fn a_refused_token_shows_the_logged_out_state_with_a_message() {
    shim();
    let (h, _handle) = {
        // The me answer is a 401 (expired or forged token).
        let r = mounted_with_me(401, r#"{"error": {"code": "expired_token"}}"#).await;
        r
    };
    assert_eq!(q(&h, "[part=root]").get_attribute("data-signed-in").as_deref(), Some("false"));
    assert_eq!(text(&h, "[role=status]"), "Deine Anmeldung ist abgelaufen oder ungültig. Bitte melde dich erneut an.");
    assert!(!q(&h, "[part=join]").hidden());
    assert_eq!(q(&h, "[part=join-link]").get_attribute("href").as_deref(), Some("/konto"));
    assert!(h.query_selector("[part=balance]").unwrap().is_none(), "no customer data");
    assert!(h.query_selector("button[data-action=redeem]").unwrap().is_none());
    // The catalogue and what the cart would earn (no tier) remain.
    assert_eq!(h.query_selector_all("li[part=reward]").unwrap().length(), 3);
    assert_eq!(text(&h, "[part=preview]"), "Mit diesem Warenkorb würdest du 49 Punkte sammeln.");
}

async fn mounted_with_me(status: u16, body: &str) -> (HtmlElement, Box<dyn std::any::Any>) {
    shim();
    route("/__l/program", &[(200, PROGRAM, 0)]);
    route("/__l/me", &[(status, body, 0)]);
    route("/__l/cart", &[(200, CART, 0)]);
    install(r#"{"retries": 0}"#);
    runtime::current().unwrap().set_customer(Some(json(r#"{"token": "forged"}"#)));
    let h: HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    h.set_attribute("display", "inline").unwrap();
    doc().body().unwrap().append_child(&h).unwrap();
    let handle = mount_widget("sf-loyalty", h.clone()).unwrap();
    until(|| h.query_selector("[data-state=ready],[data-state=error]").ok().flatten().is_some()).await;
    (h, handle)
}

#[wasm_bindgen_test]
async fn logged_out_without_a_token_asks_nothing_about_the_customer() {
    let (h, _handle) = mounted(Some("inline"), None, r#"{"retries": 0}"#).await;
    assert!(calls("/__l/me").is_empty());
    assert_eq!(text(&h, "[role=status]"), "");
    assert!(!q(&h, "[part=join]").hidden());
    assert_eq!(text(&h, "[part=join-link]"), "Anmelden und Punkte sammeln");
    assert_eq!(text(&h, "[part=preview]"), "Mit diesem Warenkorb würdest du 49 Punkte sammeln.");
    // Signing in (setCustomer) loads the points.
    runtime::current().unwrap().set_customer(Some(json(r#"{"token": "tok"}"#)));
    until(|| h.query_selector("[part=balance]").ok().flatten().is_some()).await;
    assert_eq!(text(&h, "[part=balance]"), "300 Punkte");
    assert!(q(&h, "[part=join]").hidden());
}

#[wasm_bindgen_test]
async fn backend_down_says_so_and_offers_retry() {
    shim();
    route("/__l/program", &[(500, "{}", 0), (200, PROGRAM, 0)]);
    let me300 = me(300);
    route("/__l/me", &[(200, &me300, 0)]);
    route("/__l/cart", &[(200, CART, 0)]);
    install(r#"{"retries": 0}"#);
    runtime::current().unwrap().set_customer(Some(json(r#"{"token": "tok"}"#)));
    let h: HtmlElement = doc().create_element("div").unwrap().unchecked_into();
    h.set_attribute("display", "inline").unwrap();
    doc().body().unwrap().append_child(&h).unwrap();
    let (errors, _l) = record(&h, "sf:error");
    let _handle = mount_widget("sf-loyalty", h.clone()).unwrap();
    until(|| h.query_selector("[data-state=error]").ok().flatten().is_some()).await;
    assert_eq!(text(&h, "[role=status]"), "Die Treuepunkte sind gerade nicht erreichbar.");
    let retry = q(&h, "button[data-action=retry]");
    assert!(!retry.hidden());
    assert_eq!(retry.text_content().unwrap(), "Erneut versuchen");
    assert_eq!(errors.borrow()[0].get("widget").and_then(Json::as_str), Some("loyalty"));
    retry.click();
    until(|| h.query_selector("[data-state=ready]").ok().flatten().is_some()).await;
    assert!(retry.hidden());
    assert_eq!(text(&h, "[part=balance]"), "300 Punkte");
    assert_eq!(text(&h, "[role=status]"), "");
}

#[wasm_bindgen_test]
async fn unmount_removes_the_markup() {
    let (h, handle) = mounted(None, Some("tok"), r#"{"retries": 0}"#).await;
    drop(handle);
    assert!(h.query_selector("[part=root]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_answer_without_a_balance_is_a_failure_not_a_logged_out_customer() {
    let (h, _handle) = mounted_with_me(200, r#"{"points": "lots"}"#).await;
    assert_eq!(q(&h, "[part=root]").get_attribute("data-state").as_deref(), Some("error"));
    assert_eq!(text(&h, "[role=status]"), "Die Treuepunkte sind gerade nicht erreichbar.");
    assert!(!q(&h, "button[data-action=retry]").hidden());
    assert!(q(&h, "[part=join]").hidden(), "not presented as logged out");
}

/// While one redemption is on its way no other can be started (two pending redemptions would
/// each spend the balance), and a redemption with an unknown outcome keeps its key even when
/// another reward is redeemed in between (a fresh key there would redeem it twice).
#[wasm_bindgen_test]
async fn no_second_redemption_while_one_is_pending_and_an_unknown_outcome_keeps_its_key() {
    let (h, _handle) = mounted(Some("inline"), Some("tok"), r#"{"retries": 0, "timeout_ms": 200}"#).await;
    route("/__l/redeem", &[(201, "{}", 600), (201, r#"{"redemption": {"code": "B-1"}, "balance": 50}"#, 0), (201, r#"{"redemption": {"code": "A-1"}, "balance": 150}"#, 0)]);
    // Reward 0: its request will time out (the server may have redeemed it).
    redeem_button(&h, 0).click();
    q(&h, "button[data-action=confirm]").click();
    assert!(redeem_button(&h, 1).has_attribute("disabled"), "no other redemption while one is pending");
    until(|| h.query_selector("[part=reward] .error").ok().flatten().is_some()).await;
    assert!(!redeem_button(&h, 1).has_attribute("disabled"), "settled (unknown outcome): the others are available again");
    // Cancel it, redeem reward 1 successfully, then reward 0 again.
    q(&h, "button[data-action=cancel]").click();
    redeem_button(&h, 1).click();
    q(&h, "button[data-action=confirm]").click();
    until(|| h.query_selector("[part=code]").ok().flatten().is_some_and(|c| c.text_content().as_deref() == Some("B-1"))).await;
    until(|| h.query_selector("button[data-action=redeem][data-reward=\"0\"]:not([disabled])").ok().flatten().is_some()).await;
    redeem_button(&h, 0).click();
    q(&h, "button[data-action=confirm]").click();
    until(|| calls("/__l/redeem").len() == 3).await;
    let keys: Vec<_> = calls("/__l/redeem").iter().map(|c| header(c, "idempotency-key").unwrap()).collect();
    assert_ne!(keys[1], keys[0], "reward 1 is its own redemption");
    assert_eq!(keys[2], keys[0], "reward 0 again sends the key of its unknown outcome: {keys:?}");
}

/// A refused redemption (409: the balance changed in another tab) says so, shows the server's
/// balance again and puts the keyboard focus back on the reward's button.
#[wasm_bindgen_test]
async fn a_refused_redemption_returns_the_focus_to_the_reward() {
    let (h, _handle) = mounted(Some("inline"), Some("tok"), r#"{"retries": 0}"#).await;
    route("/__l/redeem", &[(409, r#"{"error": {"code": "insufficient_points"}}"#, 0)]);
    let b = redeem_button(&h, 0);
    b.focus().unwrap();
    b.click();
    let confirm = q(&h, "button[data-action=confirm]");
    assert!(is_active(&confirm));
    confirm.click();
    until(|| h.query_selector("button[data-action=confirm]").ok().flatten().is_none() && is_active(&redeem_button(&h, 0))).await;
    assert!(is_active(&redeem_button(&h, 0)), "focus back on the reward's button");
    assert_eq!(calls("/__l/redeem").len(), 1);
}
