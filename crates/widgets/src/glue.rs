//! Bindings to `js/glue.js`, the few lines of JS the runtime needs.
#![allow(missing_docs)]

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/glue.js")]
extern "C" {
    /// Resolves `{status, text}`; rejects with "timeout" or "network" (await it as a
    /// `JsFuture`: the `async` import form made one wrapper future per import).
    #[wasm_bindgen(js_name = sfFetch, catch)]
    pub fn sf_fetch(url: &str, method: &str, headers: JsValue, body: JsValue, credentials: &str, timeout_ms: u32) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = sfParse)]
    pub fn sf_parse(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = sfStringify)]
    pub fn sf_stringify(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = sfMoney)]
    pub fn sf_money(locale: &str, currency: &str, minor: f64, exponent: u8) -> String;
    #[wasm_bindgen(js_name = sfSleep)]
    fn sf_sleep_promise(ms: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = sfDefine)]
    /// `connect(el, Some(name))` when an element connects or its `product`/`locale` changes,
    /// `connect(el, None)` when it disconnects (one closure type instead of two).
    pub fn sf_define(names: JsValue, connect: &Closure<dyn FnMut(web_sys::HtmlElement, Option<String>)>);
    #[wasm_bindgen(js_name = sfAttach)]
    pub fn sf_attach(host: &web_sys::HtmlElement, css: &str, shadow: bool) -> web_sys::HtmlElement;
    #[wasm_bindgen(js_name = sfEmit)]
    pub fn sf_emit(target: &JsValue, name: &str, detail: JsValue) -> bool;
    #[wasm_bindgen(js_name = sfListen)]
    pub fn sf_listen(target: &JsValue, name: &str, cb: &Closure<dyn FnMut(JsValue)>) -> js_sys::Function;
    #[wasm_bindgen(js_name = sfVisible)]
    pub fn sf_visible() -> bool;
    #[wasm_bindgen(js_name = sfPlural)]
    pub fn sf_plural(locale: &str, n: f64) -> String;
    #[wasm_bindgen(js_name = sfNumber)]
    pub fn sf_number(locale: &str, n: f64, digits: u8) -> String;
    #[wasm_bindgen(js_name = sfUnit)]
    pub fn sf_unit(locale: &str, n: f64, unit: &str) -> String;
    #[wasm_bindgen(js_name = sfNow)]
    pub fn sf_now() -> f64;
    #[wasm_bindgen(js_name = sfWarn)]
    pub fn sf_warn(text: &str);
    #[wasm_bindgen(js_name = sfHash)]
    pub fn sf_hash() -> String;
    #[wasm_bindgen(js_name = sfHere)]
    pub fn sf_here(href: &str) -> bool;
    #[wasm_bindgen(js_name = sfSetHash)]
    pub fn sf_set_hash(hash: &str);
    #[wasm_bindgen(js_name = sfShow)]
    pub fn sf_show(near: &web_sys::HtmlElement, show: &str, focus: &str);
    #[wasm_bindgen(js_name = sfSession)]
    pub fn sf_session(key: &str, value: JsValue) -> Option<String>;
    #[wasm_bindgen(js_name = sfKey)]
    pub fn sf_key() -> String;
    /// Resolves true when `text` was copied, false otherwise.
    #[wasm_bindgen(js_name = sfCopy)]
    pub fn sf_copy(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = sfDate)]
    pub fn sf_date(locale: &str, ms: f64) -> String;
    #[wasm_bindgen(js_name = sfActive)]
    pub fn sf_active(node: &web_sys::Node) -> Option<web_sys::Element>;
    #[wasm_bindgen(js_name = sfShopifyConsent)]
    pub fn sf_shopify_consent(event: &JsValue) -> bool;
    #[wasm_bindgen(js_name = sfReportProblems)]
    pub fn sf_report_problems(text: &str);
    /// The page's `window` (undefined outside a page).
    #[wasm_bindgen(js_name = sfWindow)]
    pub fn sf_window() -> JsValue;
    /// The page's `document`, if there is one.
    #[wasm_bindgen(js_name = sfDocument)]
    pub fn sf_document() -> Option<web_sys::Document>;
    /// A pending promise that [`sf_resolve`] settles.
    #[wasm_bindgen(js_name = sfDeferred)]
    pub fn sf_deferred() -> js_sys::Promise;
    /// Resolves a promise made by [`sf_deferred`] with `value`.
    #[wasm_bindgen(js_name = sfResolve)]
    pub fn sf_resolve(promise: &js_sys::Promise, value: u32);
}

/// Resolves after `ms` milliseconds (a `setTimeout`).
pub async fn sf_sleep(ms: u32) {
    let _ = wasm_bindgen_futures::JsFuture::from(sf_sleep_promise(ms)).await;
}

/// Listens to `name` on `target` until the returned guard is dropped.
pub struct Listener {
    remove: js_sys::Function,
    _cb: Closure<dyn FnMut(JsValue)>,
}

impl Listener {
    /// Starts listening.
    pub fn new(target: &JsValue, name: &str, cb: impl FnMut(JsValue) + 'static) -> Listener {
        let cb = Closure::<dyn FnMut(JsValue)>::new(cb);
        let remove = sf_listen(target, name, &cb);
        Listener { remove, _cb: cb }
    }
}

impl Listener {
    /// Listens to `name` on `target` and calls `f` with the widget `w` while it lives: the
    /// listener holds only a weak reference, so dropping the widget's handle frees it.
    pub fn weak<W: 'static>(w: &std::rc::Rc<W>, target: &JsValue, name: &str, f: fn(&std::rc::Rc<W>, JsValue)) -> Listener {
        let weak = std::rc::Rc::downgrade(w);
        Listener::new(target, name, move |ev| {
            if let Some(w) = weak.upgrade() {
                f(&w, ev)
            }
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.remove.call0(&JsValue::NULL);
    }
}

/// Runs `future` to completion in the page's task queue ([`wasm_bindgen_futures::spawn_local`]).
///
/// `spawn_local` is generic: called directly, each of the widgets' futures got its own copy of
/// the task setup. Here each caller only boxes its future, and one instance does the rest.
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    spawn_boxed(Box::pin(future))
}

#[inline(never)]
fn spawn_boxed(future: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    wasm_bindgen_futures::spawn_local(future)
}
