//! The backend client: GET/POST JSON with a timeout and bounded retries.
//!
//! Which failures are retried and how long to wait comes from
//! [`schaufenster_core::retry::RetryPolicy`]; this module only performs the requests.

use crate::glue::{sf_fetch, sf_parse, sf_sleep};
use crate::json_js::{from_js, to_js};
use schaufenster_config::json::Json;
use schaufenster_config::model::{Backend, Credentials};
use schaufenster_core::retry::{Outcome, RetryPolicy};
use wasm_bindgen::JsValue;

/// A request that finally failed.
#[derive(Clone, Debug, PartialEq)]
pub struct FetchError {
    /// How the last attempt ended.
    pub outcome: Outcome,
    /// The URL requested.
    pub url: String,
    /// Attempts made (1 + retries used).
    pub attempts: u32,
}

impl FetchError {
    /// A sentence for `sf:error` and the console.
    pub fn message(&self) -> String {
        let what = match self.outcome {
            Outcome::Network => "the backend could not be reached".to_string(),
            Outcome::Timeout => "the backend did not answer in time".to_string(),
            Outcome::Status(s) => format!("the backend answered HTTP {s}"),
            Outcome::Malformed => "the backend's answer was not valid JSON".to_string(),
            Outcome::Ok => "no error".to_string(),
        };
        format!("{what} ({}, {} attempt{})", self.url, self.attempts, if self.attempts == 1 { "" } else { "s" })
    }
}

/// Fills `{currency}`, `{language}`, `{locale}` and `{country}` in a configured URL,
/// percent-encoding the values.
pub fn expand_url(url: &str, vars: &[(&str, &str)]) -> String {
    schaufenster_core::template::render_with(url, &|k, out| {
        for (n, v) in vars {
            if *n == k {
                encode_into(v, out);
                return true;
            }
        }
        false
    })
}

/// Percent-encodes everything but unreserved characters (URL parameters, `#faq-<id>` hashes).
pub(crate) fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    encode_into(v, &mut out);
    out
}

/// [`encode`], appending to `out` (`%XX` with upper-case hex digits, written without `format!`).
fn encode_into(v: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Sends a request with the backend settings and parses the JSON answer.
///
/// Boxed on purpose: every widget awaits it, and an `async fn` future is inlined into each
/// caller's state machine (wasm bytes per call site); one boxed future is shared.
pub fn request<'a>(backend: &'a Backend, method: &'a str, url: &'a str, body: Option<&'a Json>) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Json, FetchError>> + 'a>> {
    Box::pin(send(backend, method, url, body, &[]))
}

/// [`request`] with extra headers (a customer token, an `Idempotency-Key`); every retry sends
/// the same headers, so a retried redemption carries the same key.
pub fn request_with<'a>(backend: &'a Backend, method: &'a str, url: &'a str, body: Option<&'a Json>, extra: &'a [(&'a str, String)]) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Json, FetchError>> + 'a>> {
    Box::pin(send(backend, method, url, body, extra))
}

async fn send(backend: &Backend, method: &str, url: &str, body: Option<&Json>, extra: &[(&str, String)]) -> Result<Json, FetchError> {
    let policy = RetryPolicy::new(backend.retries.0 as u32, 300);
    let headers = js_sys::Array::new();
    let pair = |k: &str, v: &str| js_sys::Array::of2(&JsValue::from_str(k), &JsValue::from_str(v));
    headers.push(&pair("Accept", "application/json"));
    if body.is_some() {
        headers.push(&pair("Content-Type", "application/json"));
    }
    for (k, v) in &backend.headers {
        headers.push(&pair(k, v));
    }
    for (k, v) in extra {
        headers.push(&pair(k, v));
    }
    let body = body.map(|b| JsValue::from_str(&crate::glue::sf_stringify(&to_js(b)))).unwrap_or(JsValue::UNDEFINED);
    let credentials = match backend.credentials {
        Credentials::Omit => "omit",
        Credentials::SameOrigin => "same-origin",
        Credentials::Include => "include",
    };
    let mut attempt = 0;
    loop {
        attempt += 1;
        let answer = match sf_fetch(url, method, headers.clone().into(), body.clone(), credentials, backend.timeout_ms.0 as u32) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        let outcome = match answer {
            Ok(res) => {
                let status = js_sys::Reflect::get(&res, &"status".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u16;
                if (200..300).contains(&status) {
                    let text = js_sys::Reflect::get(&res, &"text".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                    // 204 No Content (or an empty body) is a success without data.
                    if text.trim().is_empty() {
                        return Ok(Json::Null);
                    }
                    let parsed = sf_parse(&text);
                    if parsed.is_undefined() {
                        Outcome::Malformed
                    } else {
                        return Ok(from_js(&parsed));
                    }
                } else {
                    Outcome::Status(status)
                }
            }
            Err(e) if e.as_string().as_deref() == Some("timeout") => Outcome::Timeout,
            Err(_) => Outcome::Network,
        };
        match policy.delay_before(attempt, outcome) {
            Some(ms) => sf_sleep(ms).await,
            None => return Err(FetchError { outcome, url: url.to_owned(), attempts: attempt }),
        }
    }
}
