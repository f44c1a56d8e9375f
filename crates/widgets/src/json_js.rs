//! Converting between browser values (from `JSON.parse`) and the config crate's [`Json`].

use js_sys::{Array, Object, Reflect};
use schaufenster_config::json::Json;
use wasm_bindgen::{JsCast, JsValue};

/// Converts a value from `JSON.parse` (or a plain object from the JS API) into [`Json`].
/// Functions, symbols and `undefined` become `null`; depth is limited to 64 so a cyclic
/// object cannot hang the page.
pub fn from_js(v: &JsValue) -> Json {
    convert(v, 0)
}

fn convert(v: &JsValue, depth: u32) -> Json {
    if depth > 64 {
        return Json::Null;
    }
    if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Json::Number(n)
    } else if let Some(s) = v.as_string() {
        Json::String(s)
    } else if Array::is_array(v) {
        let arr = v.unchecked_ref::<Array>();
        let mut items = Vec::new();
        for i in 0..arr.length() {
            items.push(convert(&arr.get(i), depth + 1));
        }
        Json::Array(items)
    } else if v.is_object() && !v.is_function() {
        let entries = Object::entries(v.unchecked_ref());
        let mut members = Vec::new();
        for i in 0..entries.length() {
            let pair = entries.get(i).unchecked_into::<Array>();
            if let Some(k) = pair.get(0).as_string() {
                members.push((k, convert(&pair.get(1), depth + 1)));
            }
        }
        Json::Object(members)
    } else {
        Json::Null
    }
}

/// Converts [`Json`] into a plain JS value (for event details).
pub fn to_js(v: &Json) -> JsValue {
    match v {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Object(members) => {
            let o = Object::new();
            for (k, v) in members {
                let _ = Reflect::set(&o, &JsValue::from_str(k), &to_js(v));
            }
            o.into()
        }
    }
}
