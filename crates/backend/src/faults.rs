//! Per-visitor fault injection for browser tests (`--faults`).
//!
//! A fault is stored per visitor cookie, so parallel tests do not interfere. It applies only to
//! that visitor's `GET` requests whose path starts with `path_prefix` (never to `/api/_faults`
//! itself), so a test can always reset it with `PUT /api/_faults {"mode":"none"}`.

use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::api::{body, ApiError};
use crate::{AppState, Visitor};

/// Path of the fault endpoint.
pub const FAULTS_PATH: &str = "/api/_faults";
/// How long `timeout` holds a response when no `delay_ms` is given.
pub const DEFAULT_TIMEOUT_MS: u64 = 30_000;
/// Delay of `slow` when no `delay_ms` is given.
pub const DEFAULT_SLOW_MS: u64 = 1_500;
/// Upper bound of `delay_ms`.
pub const MAX_DELAY_MS: u64 = 60_000;
/// How far `stale` shifts `generated_at` into the past when no `delay_ms` is given (1 hour).
pub const DEFAULT_STALE_MS: u64 = 3_600_000;
/// Upper bound of `delay_ms` for `stale` (30 days).
pub const MAX_STALE_MS: u64 = 30 * 24 * 3_600_000;
/// The body `malformed` answers with.
pub const MALFORMED_BODY: &str = "{\"lines\": [";

/// What goes wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    None,
    Error,
    Timeout,
    Malformed,
    Slow,
    /// Answers normally but with `generated_at` shifted `delay_ms` into the past.
    Stale,
}

/// The active fault of one visitor.
#[derive(Clone, Debug, Serialize)]
pub struct Fault {
    pub mode: Mode,
    pub status: u16,
    pub delay_ms: u64,
    pub path_prefix: String,
}

/// Body of `PUT /api/_faults`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRequest {
    mode: Mode,
    status: Option<u16>,
    delay_ms: Option<u64>,
    path_prefix: Option<String>,
}

fn disabled() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "faults_disabled", "fault injection is off; start the server with --faults")
}

fn none() -> Fault {
    Fault { mode: Mode::None, status: 200, delay_ms: 0, path_prefix: "/api".into() }
}

/// `GET /api/_faults`: the caller's current fault.
pub async fn get_fault(State(st): State<AppState>, Extension(v): Extension<Visitor>) -> Result<Json<Fault>, ApiError> {
    if !st.faults_enabled {
        return Err(disabled());
    }
    let f = st.faults.lock().expect("faults lock").get(&v.0).cloned().unwrap_or_else(none);
    Ok(Json(f))
}

/// `PUT /api/_faults`: sets (or with `none` clears) the caller's fault.
pub async fn put_fault(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    payload: Result<Json<FaultRequest>, JsonRejection>,
) -> Result<Json<Fault>, ApiError> {
    if !st.faults_enabled {
        return Err(disabled());
    }
    let r = body(payload)?;
    let status = r.status.unwrap_or(500);
    if r.mode == Mode::Error && !(400..=599).contains(&status) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_status", "status must be between 400 and 599"));
    }
    let delay_ms = r.delay_ms.unwrap_or(match r.mode {
        Mode::Timeout => DEFAULT_TIMEOUT_MS,
        Mode::Slow => DEFAULT_SLOW_MS,
        Mode::Stale => DEFAULT_STALE_MS,
        _ => 0,
    });
    let max = if r.mode == Mode::Stale { MAX_STALE_MS } else { MAX_DELAY_MS };
    if delay_ms > max {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_delay", format!("delay_ms must be at most {max}")));
    }
    let path_prefix = r.path_prefix.unwrap_or_else(|| "/api".into());
    if !path_prefix.starts_with('/') {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_path_prefix", "path_prefix must start with /"));
    }
    let mut faults = st.faults.lock().expect("faults lock");
    if r.mode == Mode::None {
        faults.remove(&v.0);
        return Ok(Json(none()));
    }
    let f = Fault { mode: r.mode, status: if r.mode == Mode::Error { status } else { 200 }, delay_ms, path_prefix };
    faults.insert(v.0.clone(), f.clone());
    Ok(Json(f))
}

/// Middleware on `/api`: applies the caller's fault to matching GET requests.
pub async fn inject(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if !st.faults_enabled || req.method() != Method::GET || req.uri().path() == FAULTS_PATH {
        return next.run(req).await;
    }
    let fault = req
        .extensions()
        .get::<Visitor>()
        .and_then(|v| st.faults.lock().expect("faults lock").get(&v.0).cloned())
        .filter(|f| req.uri().path().starts_with(&f.path_prefix));
    let Some(f) = fault else { return next.run(req).await };
    match f.mode {
        Mode::None => next.run(req).await,
        Mode::Error => {
            let status = StatusCode::from_u16(f.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let msg = format!("injected fault: status {}", status.as_u16());
            (status, Json(json!({"error": {"code": "injected_fault", "message": msg}}))).into_response()
        }
        Mode::Timeout => {
            tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
            ApiError::new(StatusCode::GATEWAY_TIMEOUT, "injected_timeout", "injected fault: the response was held back").into_response()
        }
        Mode::Malformed => {
            let mut res = MALFORMED_BODY.into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            res
        }
        Mode::Slow => {
            tokio::time::sleep(Duration::from_millis(f.delay_ms)).await;
            next.run(req).await
        }
        Mode::Stale => backdate(next.run(req).await, f.delay_ms).await,
    }
}

/// Shifts a JSON response's top-level `generated_at` (epoch ms) `delay_ms` into the past; other
/// responses pass unchanged.
async fn backdate(res: Response, delay_ms: u64) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else {
        return ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "injected_fault", "stale: could not read the response").into_response();
    };
    let shifted = serde_json::from_slice::<serde_json::Value>(&bytes).ok().and_then(|mut v| {
        let at = v.get("generated_at")?.as_i64()?;
        v["generated_at"] = json!(at - delay_ms as i64);
        serde_json::to_vec(&v).ok()
    });
    match shifted {
        Some(new) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, axum::body::Body::from(new))
        }
        None => Response::from_parts(parts, axum::body::Body::from(bytes)),
    }
}
