//! `sf:*` events: bubbling, composed `CustomEvent`s the host page can listen to.

use crate::glue::sf_emit;
use crate::json_js::to_js;
use schaufenster_config::json::Json;
use wasm_bindgen::JsValue;

/// Dispatches `sf:<name>` on `target` with `detail`; returns false if a listener cancelled it.
pub fn emit(target: &JsValue, name: &str, detail: Json) -> bool {
    sf_emit(target, name, to_js(&detail))
}

/// The page's `document`, where page-wide events (`sf:cart-changed`) are dispatched.
pub fn document() -> JsValue {
    crate::glue::sf_document().map(JsValue::from).unwrap_or(JsValue::UNDEFINED)
}

/// The `window` (visibility and consent events).
pub fn window() -> JsValue {
    crate::glue::sf_window()
}
