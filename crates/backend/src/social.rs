//! Social proof: recorded views, the stats endpoint the `<sf-social-proof>` widget reads, and the
//! test-only endpoint that back-dates events.
//!
//! Every number comes from the `events` and `reviews` tables: `cart` events are written by
//! `POST /api/cart/lines`, `purchase` events by `POST /api/checkout` (one per order line), and
//! only `view` events may be posted by clients. Answers carry counts only — never visitor ids,
//! names or places.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::api::{body, language, params, ApiError, Params};
use crate::{db, AppState, Visitor};

/// Most product ids one stats request may ask for.
pub const MAX_PRODUCTS: usize = 200;
/// Default, smallest and largest stats window in minutes.
pub const DEFAULT_WINDOW_MINUTES: i64 = 1440;
pub const MIN_WINDOW_MINUTES: i64 = 5;
pub const MAX_WINDOW_MINUTES: i64 = 10_080;
/// Most events one `POST /api/_test/events` may insert.
pub const MAX_TEST_EVENTS: u32 = 100_000;
/// How far back `POST /api/_test/events` may date events (366 days).
pub const MAX_MINUTES_AGO: f64 = 366.0 * 24.0 * 60.0;

fn unknown_product(id: &str) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "unknown_product", format!("no product {id:?}"))
}

#[derive(Deserialize)]
pub struct EventBody {
    product_id: String,
    kind: String,
}

/// `POST /api/events` `{"product_id","kind":"view"}`: records a product view (once per visitor,
/// product and minute). 204. A request without a visitor cookie (a first contact) is answered
/// but not counted: otherwise a cookie-less script could inflate "people viewing now" at will,
/// since every such request would count as a new visitor.
pub async fn post_event(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    first: Option<Extension<crate::FirstContact>>,
    payload: Result<Json<EventBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let b = body(payload)?;
    if b.kind != "view" {
        return Err(ApiError::bad(
            "invalid_kind",
            format!("kind {:?} cannot be posted: only \"view\"; cart and purchase events are recorded by the cart and checkout", b.kind),
        ));
    }
    let conn = st.db.lock().expect("db lock");
    if db::product(&conn, &b.product_id, "EUR", "de")?.is_none() {
        return Err(unknown_product(&b.product_id));
    }
    if first.is_none() {
        db::record_view(&conn, &b.product_id, &v.0, db::now_ms())?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/social-proof?products=a,b&window=1440&locale=de|en`
pub async fn get_social_proof(State(st): State<AppState>, q: Params) -> Result<Response, ApiError> {
    let p = params(q)?;
    let lang = language(&p)?;
    let raw: Vec<&str> = p.get("products").map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()).unwrap_or_default();
    if raw.is_empty() {
        return Err(ApiError::bad("missing_products", "products must list at least one product id, comma-separated"));
    }
    if raw.len() > MAX_PRODUCTS {
        return Err(ApiError::bad("too_many_products", format!("at most {MAX_PRODUCTS} product ids per request (got {})", raw.len())));
    }
    let mut ids: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
    ids.sort();
    ids.dedup();
    let window = match p.get("window") {
        None => DEFAULT_WINDOW_MINUTES,
        Some(w) => w
            .trim()
            .parse::<i64>()
            .map_err(|_| ApiError::bad("invalid_window", format!("window must be a whole number of minutes ({MIN_WINDOW_MINUTES}..={MAX_WINDOW_MINUTES})")))?
            .clamp(MIN_WINDOW_MINUTES, MAX_WINDOW_MINUTES),
    };
    let now = db::now_ms();
    let stats = db::social_stats(&st.db.lock().expect("db lock"), &ids, lang, now, window)?;
    let mut products = Map::new();
    for (id, s) in stats {
        let mut o = Map::new();
        o.insert("purchases".into(), json!(s.purchases));
        o.insert("carts".into(), json!(s.carts));
        o.insert("viewers".into(), json!(s.viewers));
        o.insert("stock".into(), json!(s.stock));
        if let Some((count, sum)) = s.rating {
            o.insert("rating".into(), json!({"average": db::average_centi(count, sum) as f64 / 100.0, "count": count}));
        }
        if let Some(category) = s.bestseller {
            o.insert("bestseller".into(), json!({"category": category, "rank": 1}));
        }
        products.insert(id, Value::Object(o));
    }
    Ok(Json(json!({
        "generated_at": now,
        "window_minutes": window,
        "viewers_window_minutes": db::VIEWERS_WINDOW_MINUTES,
        "products": products,
    }))
    .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestEvents {
    product_id: String,
    kind: String,
    count: u32,
    #[serde(default)]
    minutes_ago: f64,
}

/// `POST /api/_test/events` `{"product_id","kind","count","minutes_ago"}` (only with `--faults`):
/// inserts `count` events, each from a fresh visitor id, `minutes_ago` in the past.
pub async fn post_test_events(State(st): State<AppState>, payload: Result<Json<TestEvents>, JsonRejection>) -> Result<Response, ApiError> {
    if !st.faults_enabled {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "faults_disabled", "test endpoints are off; start the server with --faults"));
    }
    let b = body(payload)?;
    if !db::EVENT_KINDS.contains(&b.kind.as_str()) {
        return Err(ApiError::bad("invalid_kind", format!("kind must be one of {}", db::EVENT_KINDS.join(", "))));
    }
    if b.count == 0 || b.count > MAX_TEST_EVENTS {
        return Err(ApiError::bad("invalid_count", format!("count must be between 1 and {MAX_TEST_EVENTS}")));
    }
    if !(0.0..=MAX_MINUTES_AGO).contains(&b.minutes_ago) {
        return Err(ApiError::bad("invalid_minutes_ago", format!("minutes_ago must be between 0 and {MAX_MINUTES_AGO}")));
    }
    let conn = st.db.lock().expect("db lock");
    if db::product(&conn, &b.product_id, "EUR", "de")?.is_none() {
        return Err(unknown_product(&b.product_id));
    }
    let at_ms = db::now_ms() - (b.minutes_ago * 60_000.0).round() as i64;
    // 24 random hex digits + an 8-digit counter: 32 hex digits like a real visitor id.
    let prefix = &crate::new_visitor_id()[..24];
    db::insert_events(&conn, &b.product_id, &b.kind, b.count, at_ms, prefix)?;
    Ok((StatusCode::CREATED, Json(json!({"inserted": b.count, "at_ms": at_ms}))).into_response())
}
