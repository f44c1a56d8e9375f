//! Helpers shared by the browser component tests.
#![allow(dead_code)]

use schaufenster_config::json::Json;
use schaufenster_widgets::glue::{sf_parse, sf_sleep, Listener};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

pub fn json(text: &str) -> Json {
    schaufenster_widgets::json_js::from_js(&sf_parse(text))
}

/// Waits until `cond` holds (at most ~9 s), so slow or busy machines do not fail tests; it
/// returns as soon as `cond` holds, so passing tests do not wait longer.
pub async fn until(mut cond: impl FnMut() -> bool) {
    for _ in 0..300 {
        if cond() {
            return;
        }
        sf_sleep(30).await;
    }
}

/// Records every `sf:<name>` event's detail on `target`, and fails the test when a detail
/// does not match its declaration in `schaufenster_config::events` (the source of the
/// shipped TypeScript types).
pub fn record(target: &JsValue, name: &str) -> (Rc<RefCell<Vec<Json>>>, Listener) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let event_name = name.to_owned();
    let l = Listener::new(target, name, move |e: JsValue| {
        let detail = schaufenster_widgets::json_js::from_js(&e.unchecked_into::<web_sys::CustomEvent>().detail());
        if event_name.starts_with("sf:") {
            if let Err(problem) = schaufenster_config::events::check(&event_name, &detail) {
                panic!("event detail does not match its declared type: {problem}");
            }
        }
        s.borrow_mut().push(detail);
    });
    (seen, l)
}
