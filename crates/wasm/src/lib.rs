//! The npm package `schaufenster`: custom elements and the JS API over the widgets crate.
//!
//! Script tag: `embed.js` calls [`boot`], which reads the config from
//! `<script type="application/json" id="schaufenster-config">` or from the `data-config` URL of
//! the loading `<script>`, then defines `<sf-…>` elements. Headless apps call `configure`
//! with an object instead and use `mount`/`unmount`, `setCart`, `setCustomer` and
//! `grantConsent`; everything else arrives as bubbling `sf:*` DOM events.

use schaufenster_config::json::Json;
use schaufenster_config::mapping::cart_from_json;
use schaufenster_widgets::glue::{sf_deferred, sf_define, sf_parse, sf_report_problems, sf_resolve};
use schaufenster_widgets::{events, json_js, runtime};
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// talc instead of std's dlmalloc: measured smaller in the package (docs/size.md), and the
// widgets are single-threaded (no atomics target feature), which this allocator requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A cart pushed with `setCart`: amounts in integer minor units (cents). */
export interface Cart {
  currency: string;
  country?: string;
  discount?: number;
  lines: { product_id: string; quantity: number; unit_price: number; line_discount?: number }[];
  /** `free_shipping_granted`: free shipping is already granted (a voucher). */
  shipping?: { free_shipping_granted?: boolean };
}
/** The signed-in customer (a token your server signed); kept in memory only, never stored. */
export interface Customer { id?: string; token: string }
/** Widgets `mount` accepts. */
export type WidgetName = "shipping-bar" | "social-proof" | "faq" | "advisor" | "loyalty";
"#;

/// A mounted widget: host, widget name, and the handle whose drop unmounts it.
type Mounted = (web_sys::HtmlElement, String, Box<dyn Any>);

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Reads the page's config (inline JSON script or `data-config` URL), installs it and defines
/// the custom elements. Resolves to the number of config errors (0 = valid).
///
/// A pending promise settled from a spawned task (not an `async fn` export: that links
/// `future_to_promise` for this one function; the widgets already spawn tasks).
#[wasm_bindgen(unchecked_return_type = "Promise<number>")]
pub fn boot() -> js_sys::Promise {
    let promise = sf_deferred();
    let settle = promise.clone();
    schaufenster_widgets::glue::spawn(async move {
        let errors = match page_config().await {
            Ok(value) => runtime::install_from_js(&value) as u32,
            Err(msg) => {
                sf_report_problems(&format!("Schaufenster: {msg}"));
                events::emit(&events::document(), "error", schaufenster_config::json::obj([("widget", schaufenster_config::json::s("config")), ("kind", schaufenster_config::json::s("config")), ("message", schaufenster_config::json::s(&msg))]));
                1
            }
        };
        define_elements();
        sf_resolve(&settle, errors);
    });
    promise
}

async fn page_config() -> Result<JsValue, String> {
    let doc = schaufenster_widgets::glue::sf_document().ok_or("no document")?;
    if let Some(el) = doc.get_element_by_id("schaufenster-config") {
        let text = el.text_content().unwrap_or_default();
        let v = sf_parse(&text);
        return if v.is_undefined() { Err("the inline config #schaufenster-config is not valid JSON".into()) } else { Ok(v) };
    }
    let url = doc
        .query_selector("script[data-config]")
        .ok()
        .flatten()
        .and_then(|s| s.get_attribute("data-config"))
        .ok_or("no config found: add data-config=\"/schaufenster.json\" to the script tag or a <script type=\"application/json\" id=\"schaufenster-config\">")?;
    let backend = schaufenster_config::model::Backend::default();
    let json = schaufenster_widgets::backend::request(&backend, "GET", &url, None).await.map_err(|e| format!("could not load the config: {}", e.message()))?;
    Ok(json_js::to_js(&json))
}

/// Installs a config object (headless apps) and defines the custom elements. Returns the
/// number of errors; every problem is reported in one console error.
#[wasm_bindgen]
pub fn configure(#[wasm_bindgen(unchecked_param_type = "SchaufensterConfig")] config: JsValue) -> u32 {
    let errors = runtime::install_from_js(&config);
    // Widgets mounted under the previous config re-render with the new one: those mounted from
    // code keep their widget name, and every <sf-…> element in the document is (re)mounted,
    // including ones that rendered nothing before.
    let mut hosts: Vec<(web_sys::HtmlElement, String)> = Vec::new();
    MOUNTED.with(|m| {
        for (h, n, _) in m.borrow().iter() {
            hosts.push((h.clone(), n.clone()));
        }
    });
    // Before the elements are defined, defining them mounts every <sf-…> element already in
    // the document (connectedCallback); mounting them here as well fetched everything twice.
    let defined = DEFINED.with(|d| *d.borrow());
    if let Some(doc) = schaufenster_widgets::glue::sf_document().filter(|_| defined) {
        for name in schaufenster_widgets::ELEMENTS {
            if let Ok(list) = doc.query_selector_all(name) {
                for i in 0..list.length() {
                    if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                        if !hosts.iter().any(|(h, _)| js_sys::Object::is(h, &el)) {
                            hosts.push((el, (*name).to_owned()));
                        }
                    }
                }
            }
        }
    }
    for (host, name) in hosts {
        let _ = mount(&host, &name);
    }
    define_elements();
    errors as u32
}

thread_local! {
    /// Whether the custom elements are defined (once per page).
    static DEFINED: RefCell<bool> = const { RefCell::new(false) };
}

fn define_elements() {
    if DEFINED.with(|d| d.replace(true)) {
        return;
    }
    let names: js_sys::Array = schaufenster_widgets::ELEMENTS.iter().map(|n| JsValue::from_str(n)).collect();
    let on_connect = Closure::<dyn FnMut(web_sys::HtmlElement, Option<String>)>::new(connect);
    sf_define(names.into(), &on_connect);
    // The element classes live as long as the page.
    on_connect.forget();
}

/// An element connected (`Some(name)`) or disconnected (`None`).
fn connect(host: web_sys::HtmlElement, name: Option<String>) {
    match name {
        Some(name) => {
            let _ = mount(&host, &name);
        }
        None => unmount(&host),
    }
}

/// Mounts `widget` ("shipping-bar", "social-proof", "faq", "advisor", "loyalty") into `element`. Returns false when the widget is not
/// configured (it then renders nothing). Mounting twice replaces the first mount.
#[wasm_bindgen]
pub fn mount(element: &web_sys::HtmlElement, #[wasm_bindgen(unchecked_param_type = "WidgetName")] widget: &str) -> bool {
    unmount(element);
    match schaufenster_widgets::mount_widget(widget, element.clone()) {
        Some(handle) => {
            MOUNTED.with(|m| m.borrow_mut().push((element.clone(), widget.to_owned(), handle)));
            true
        }
        None => {
            let _ = element.set_attribute("data-sf-state", "off");
            false
        }
    }
}

/// Unmounts whatever is mounted in `element`, removing its listeners and timers.
#[wasm_bindgen]
pub fn unmount(element: &web_sys::HtmlElement) {
    let removed = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(h, _, _)| js_sys::Object::is(h, element)).map(|i| m.remove(i))
    });
    drop(removed);
}

/// Pushes the cart (minor units) so widgets stop asking the backend; `null` goes back to the
/// configured source. Throws with every problem when the cart cannot be read.
#[wasm_bindgen(js_name = setCart)]
pub fn set_cart(#[wasm_bindgen(unchecked_param_type = "Cart | null")] cart: JsValue) -> Result<(), JsError> {
    let rt = runtime::current().ok_or_else(|| JsError::new("Schaufenster is not configured yet: call configure() or boot() first"))?;
    if cart.is_null() || cart.is_undefined() {
        rt.push_cart(None);
        return Ok(());
    }
    let json = json_js::from_js(&cart);
    let source = schaufenster_config::model::Source { url: None, inline: None, map: Vec::new(), money: schaufenster_config::model::MoneyFormat::Minor, session_currency: false };
    if !matches!(json, Json::Object(_)) {
        return Err(JsError::new("setCart expects an object {currency, lines: [{product_id, quantity, unit_price}]}"));
    }
    let (parsed, problems) = cart_from_json(&json, &source, rt.config.currency, rt.config.country.as_ref().map(|c| c.0.as_str()));
    if !problems.is_empty() {
        return Err(JsError::new(&format!("setCart: {}", schaufenster_core::template::join(&problems, "; "))));
    }
    rt.push_cart(Some(parsed));
    Ok(())
}

/// Sets the signed-in customer (held in memory only, never written to storage) and fires
/// `sf:customer-changed`; `null` signs out.
#[wasm_bindgen(js_name = setCustomer)]
pub fn set_customer(#[wasm_bindgen(unchecked_param_type = "Customer | null")] customer: JsValue) -> Result<(), JsError> {
    let rt = runtime::current().ok_or_else(|| JsError::new("Schaufenster is not configured yet: call configure() or boot() first"))?;
    let json = json_js::from_js(&customer);
    let signed_in = match &json {
        Json::Null => false,
        Json::Object(_) if json.get("token").and_then(Json::as_str).is_some_and(|t| !t.is_empty()) => true,
        _ => return Err(JsError::new("setCustomer expects {token: string, id?: string} or null")),
    };
    rt.set_customer(signed_in.then_some(json));
    Ok(())
}

/// Grants consent for storage writes and analytics (same as the configured consent event).
#[wasm_bindgen(js_name = grantConsent)]
pub fn grant_consent() {
    if let Some(rt) = runtime::current() {
        rt.grant_consent();
    }
}

/// Whether an element is a mounted widget (for tests and debugging).
#[wasm_bindgen(js_name = isMounted)]
pub fn is_mounted(element: &JsValue) -> bool {
    element.dyn_ref::<web_sys::HtmlElement>().is_some_and(|el| MOUNTED.with(|m| m.borrow().iter().any(|(h, _, _)| js_sys::Object::is(h, el))))
}
