//! JSON handlers of `/api`.

use std::collections::HashMap;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use schaufenster_core::shipping::Reward;
use schaufenster_core::{Cart, CartLine, Currency};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::{db, AppState, Visitor};

/// Flat shipping cost in EUR cents when free shipping is not reached (4,95 €).
pub const SHIPPING_EUR: i64 = 495;
/// Flat shipping cost in CHF rappen when free shipping is not reached (8.90 CHF).
pub const SHIPPING_CHF: i64 = 890;
/// Largest quantity of one line.
pub const MAX_QUANTITY: u32 = 99;
/// Currencies the shop has prices in.
pub const CURRENCIES: &[&str] = &["EUR", "CHF"];

/// Flat shipping cost for a currency.
pub fn flat_shipping(currency: &str) -> i64 {
    if currency == "CHF" {
        SHIPPING_CHF
    } else {
        SHIPPING_EUR
    }
}

/// An API error: `{"error": {"code", "message"}}` with a 4xx/5xx status.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError { status, code, message: message.into() }
    }
    pub(crate) fn bad(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, Json(json!({"error": {"code": self.code, "message": self.message}}))).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "database", e.to_string())
    }
}

type ApiResult = Result<Response, ApiError>;

/// Unwraps a JSON body, turning a rejection into our error format.
pub fn body<T>(payload: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    payload.map(|Json(t)| t).map_err(|e| ApiError::new(e.status(), "invalid_body", e.body_text()))
}

pub(crate) type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

pub(crate) fn params(q: Params) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(m)| m).map_err(|e| ApiError::bad("invalid_query", e.body_text()))
}

/// `de` (default) or `en`; `de-DE`, `en-GB` and the like count by their language.
pub(crate) fn language(p: &HashMap<String, String>) -> Result<&'static str, ApiError> {
    match p.get("locale").map(|l| l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()) {
        None => Ok("de"),
        Some(l) if l == "de" => Ok("de"),
        Some(l) if l == "en" => Ok("en"),
        Some(_) => Err(ApiError::bad("unsupported_locale", "locale must be de or en")),
    }
}

pub(crate) fn currency(code: &str) -> Result<&'static str, ApiError> {
    let upper = code.to_ascii_uppercase();
    CURRENCIES
        .iter()
        .find(|c| **c == upper)
        .copied()
        .ok_or_else(|| ApiError::bad("unsupported_currency", format!("currency {code:?} is not sold here; use one of {}", CURRENCIES.join(", "))))
}

fn ok(v: Value) -> ApiResult {
    Ok(Json(v).into_response())
}

/// `GET /api/health`
pub async fn health() -> Json<Value> {
    Json(json!({"ok": true}))
}

/// Any unknown path under `/api`.
pub async fn no_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no_route", "no such API endpoint; the API is described in openapi/openapi.json")
}

/// `GET /api/products?currency=EUR|CHF&locale=de|en`
pub async fn list_products(State(st): State<AppState>, q: Params) -> ApiResult {
    let p = params(q)?;
    let cur = currency(p.get("currency").map(String::as_str).unwrap_or("EUR"))?;
    let lang = language(&p)?;
    let products = db::products(&st.db.lock().expect("db lock"), cur, lang)?;
    let list: Vec<Value> = products
        .iter()
        .map(|p| json!({"id": p.id, "title": p.title, "price": p.price, "url": format!("/#product-{}", p.id), "image": p.image, "available": p.available, "stock": p.stock}))
        .collect();
    ok(json!({"currency": cur, "products": list}))
}

/// `GET /api/advisor/products?locale=de|en&currency=EUR|CHF`: the luggage with the guided-selling
/// advisor's attributes (products without attributes are left out; unknown values are null).
pub async fn advisor_products(State(st): State<AppState>, q: Params) -> ApiResult {
    let p = params(q)?;
    let cur = currency(p.get("currency").map(String::as_str).unwrap_or("EUR"))?;
    let lang = language(&p)?;
    let rows = db::advisor_products(&st.db.lock().expect("db lock"), cur, lang)?;
    let list: Vec<Value> = rows
        .into_iter()
        .map(|(p, attributes)| {
            let mut o = serde_json::Map::new();
            o.insert("id".into(), json!(p.id));
            o.insert("title".into(), json!(p.title));
            // The product page in the shopper's language (German is the page's default).
            let url = if lang == "en" { format!("/product.html?id={}&lang=en", p.id) } else { format!("/product.html?id={}", p.id) };
            o.insert("url".into(), json!(url));
            o.insert("image".into(), json!(p.image));
            o.insert("price".into(), json!(p.price));
            o.insert("stock".into(), json!(p.stock));
            o.extend(attributes.to_json());
            Value::Object(o)
        })
        .collect();
    ok(json!({"currency": cur, "products": list}))
}

/// Builds the cart document (and the numbers checkout charges) for a visitor.
pub struct CartView {
    pub currency: String,
    pub country: String,
    pub lines: Vec<db::Line>,
    pub subtotal: i64,
    /// What the cart's voucher takes off the goods.
    pub discount: i64,
    pub shipping_cost: i64,
    pub total: i64,
    pub json: Value,
    /// The cart as the core rules see it, its `cart_discount` the voucher's (what loyalty points
    /// are computed on).
    pub cart: Cart,
    /// The cart's voucher and what it does.
    pub voucher: Option<crate::voucher::Effect>,
}

/// Computes the visitor's cart with the shop's shipping rules.
pub fn cart_view(st: &AppState, conn: &rusqlite::Connection, visitor: &str, lang: &str) -> Result<CartView, ApiError> {
    let (cur, country) = db::cart_settings(conn, visitor)?;
    let lines = db::cart_lines(conn, visitor, &cur, lang)?;
    let core_currency = Currency::parse(&cur).unwrap_or_else(Currency::eur);
    let mut cart = Cart {
        currency: core_currency,
        country: Some(country.clone()),
        lines: lines.iter().map(|l| CartLine::new(l.product.id.clone(), l.quantity, l.product.price)).collect(),
        cart_discount: 0,
        free_shipping: false,
    };
    let subtotal: i64 = cart.lines.iter().map(|l| l.net()).sum();
    // Nothing to ship for an empty cart or one of vouchers only (the shipping bar's excluded
    // products: they go out by e-mail, as the FAQ says); otherwise flat shipping unless free
    // shipping is reached (on the subtotal after the voucher's discount, as the bar counts it)
    // or a free-shipping voucher waives it.
    let ships = lines.iter().any(|l| !st.rules.is_excluded(&l.product.id));
    let voucher = crate::voucher::of_cart(conn, visitor)?;
    let priced = crate::voucher::price(&st.rules, &mut cart, voucher, ships, flat_shipping(&cur));
    let (progress, shipping_cost) = (priced.progress, priced.shipping_cost);
    let discount = cart.cart_discount;
    let total = subtotal - discount + shipping_cost;
    let json_lines: Vec<Value> = lines
        .iter()
        .map(|l| {
            json!({
                "product_id": l.product.id, "title": l.product.title, "quantity": l.quantity,
                "unit_price": l.product.price, "line_total": l.product.price * l.quantity as i64, "image": l.product.image,
            })
        })
        .collect();
    let tiers: Vec<Value> = progress
        .tiers
        .iter()
        .map(|t| {
            let reward = match t.reward {
                Reward::FreeShipping => "free_shipping",
                Reward::Gift => "gift",
                Reward::Other => "other",
            };
            json!({"id": t.id, "reward": reward, "threshold": t.threshold, "reached": t.reached, "remaining": t.remaining})
        })
        .collect();
    let json = json!({
        "currency": cur,
        "country": country,
        "lines": json_lines,
        "item_count": cart.item_count(),
        "subtotal": subtotal,
        "discount": discount,
        "shipping": {
            "eligible_subtotal": progress.eligible_subtotal,
            "free_shipping": progress.free_shipping(),
            "free_shipping_granted": progress.free_shipping_granted,
            "cost": shipping_cost,
            "tiers": tiers,
        },
        "total": total,
        "voucher": crate::voucher::json(st, priced.effect.as_ref(), lang, &cur),
    });
    Ok(CartView { currency: cur, country, lines, subtotal, discount, shipping_cost, total, json, cart, voucher: priced.effect })
}

fn cart_response(st: &AppState, conn: &rusqlite::Connection, visitor: &str, lang: &str) -> ApiResult {
    ok(cart_view(st, conn, visitor, lang)?.json)
}

/// `GET /api/cart?locale=de|en`
pub async fn get_cart(State(st): State<AppState>, Extension(v): Extension<Visitor>, q: Params) -> ApiResult {
    let lang = language(&params(q)?)?;
    let conn = st.db.lock().expect("db lock");
    cart_response(&st, &conn, &v.0, lang)
}

#[derive(Deserialize)]
pub struct AddLine {
    product_id: String,
    quantity: i64,
}

#[derive(Deserialize)]
pub struct SetLine {
    quantity: i64,
}

fn check_quantity(q: i64, min: i64) -> Result<u32, ApiError> {
    if q < min || q > MAX_QUANTITY as i64 {
        return Err(ApiError::bad("invalid_quantity", format!("quantity must be between {min} and {MAX_QUANTITY}")));
    }
    Ok(q as u32)
}

/// The product must exist (404) and be available (409).
///
/// A line holds at most what is in stock: 409 `out_of_stock` when `quantity` exceeds it (the
/// shopper learns it when adding, not only at checkout).
fn buyable(conn: &rusqlite::Connection, id: &str, quantity: i64) -> Result<(), ApiError> {
    match db::product(conn, id, "EUR", "de")? {
        None => Err(ApiError::new(StatusCode::NOT_FOUND, "unknown_product", format!("no product {id:?}"))),
        Some(p) if !p.available => Err(ApiError::new(StatusCode::CONFLICT, "unavailable", format!("{} is not available", p.title))),
        Some(p) if quantity > p.stock => Err(ApiError::new(StatusCode::CONFLICT, "out_of_stock", format!("only {} of {} in stock, the line would hold {quantity}", p.stock, p.title))),
        Some(_) => Ok(()),
    }
}

/// `POST /api/cart/lines` `{"product_id","quantity"}`: adds to the line and records one `cart`
/// event for the product (per call, whatever the quantity).
pub async fn add_line(State(st): State<AppState>, Extension(v): Extension<Visitor>, q: Params, payload: Result<Json<AddLine>, JsonRejection>) -> ApiResult {
    let lang = language(&params(q)?)?;
    let b = body(payload)?;
    let add = check_quantity(b.quantity, 1)?;
    let conn = st.db.lock().expect("db lock");
    let now = db::line_quantity(&conn, &v.0, &b.product_id)?;
    buyable(&conn, &b.product_id, i64::from(now + add))?;
    if now + add > MAX_QUANTITY {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "quantity_limit",
            format!("at most {MAX_QUANTITY} of one product per cart (already {now})"),
        ));
    }
    db::set_line(&conn, &v.0, &b.product_id, now + add)?;
    db::record_event(&conn, &b.product_id, "cart", &v.0, db::now_ms())?;
    cart_response(&st, &conn, &v.0, lang)
}

/// `PUT /api/cart/lines/{product_id}` `{"quantity"}`: sets the line (0 removes).
pub async fn set_line(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(product_id): Path<String>,
    q: Params,
    payload: Result<Json<SetLine>, JsonRejection>,
) -> ApiResult {
    let lang = language(&params(q)?)?;
    let b = body(payload)?;
    let qty = check_quantity(b.quantity, 0)?;
    let conn = st.db.lock().expect("db lock");
    if qty > 0 {
        buyable(&conn, &product_id, i64::from(qty))?;
    } else if db::product(&conn, &product_id, "EUR", "de")?.is_none() {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "unknown_product", format!("no product {product_id:?}")));
    }
    db::set_line(&conn, &v.0, &product_id, qty)?;
    cart_response(&st, &conn, &v.0, lang)
}

/// `DELETE /api/cart/lines/{product_id}`: removes the line (idempotent for known products).
pub async fn delete_line(State(st): State<AppState>, Extension(v): Extension<Visitor>, Path(product_id): Path<String>, q: Params) -> ApiResult {
    let lang = language(&params(q)?)?;
    let conn = st.db.lock().expect("db lock");
    if db::product(&conn, &product_id, "EUR", "de")?.is_none() {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "unknown_product", format!("no product {product_id:?}")));
    }
    db::set_line(&conn, &v.0, &product_id, 0)?;
    cart_response(&st, &conn, &v.0, lang)
}

#[derive(Deserialize)]
pub struct Settings {
    currency: Option<String>,
    country: Option<String>,
}

/// `PUT /api/cart/settings` `{"currency","country"}`: both optional; the cart is re-priced.
pub async fn put_settings(State(st): State<AppState>, Extension(v): Extension<Visitor>, q: Params, payload: Result<Json<Settings>, JsonRejection>) -> ApiResult {
    let lang = language(&params(q)?)?;
    let b = body(payload)?;
    let new_currency = b.currency.as_deref().map(currency).transpose()?;
    let new_country = match b.country.as_deref() {
        None => None,
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => Some(c.to_ascii_uppercase()),
        Some(c) => return Err(ApiError::bad("invalid_country", format!("country {c:?} must be an ISO 3166-1 alpha-2 code such as DE, AT or CH"))),
    };
    let conn = st.db.lock().expect("db lock");
    let (cur, country) = db::cart_settings(&conn, &v.0)?;
    db::set_cart_settings(&conn, &v.0, new_currency.unwrap_or(&cur), new_country.as_deref().unwrap_or(&country))?;
    cart_response(&st, &conn, &v.0, lang)
}

/// `POST /api/checkout`: turns the cart into an order, takes the units out of stock and records
/// one `purchase` event per order line. 409 `out_of_stock` (nothing changed) when a line exceeds
/// the stock. With a customer token (`Authorization: Bearer`), the points the cart earns
/// (`Program::earn` with the customer's tier before this order, the widget's preview) are
/// credited in the order's transaction; a token that is forged or expired is refused with 401
/// before anything changes. Without one, a guest checkout: no points.
pub async fn checkout(State(st): State<AppState>, Extension(v): Extension<Visitor>, headers: HeaderMap, q: Params) -> ApiResult {
    let lang = language(&params(q)?)?;
    let conn = st.db.lock().expect("db lock");
    let customer = crate::loyalty::authenticate(&st, &conn, &headers)?;
    let view = cart_view(&st, &conn, &v.0, lang)?;
    if view.lines.is_empty() {
        return Err(ApiError::new(StatusCode::CONFLICT, "empty_cart", "the cart is empty"));
    }
    if let Some(l) = view.lines.iter().find(|l| !l.product.available) {
        return Err(ApiError::new(StatusCode::CONFLICT, "unavailable", format!("{} is no longer available", l.product.title)));
    }
    if let Some(e) = view.voucher.as_ref().filter(|e| e.voucher.used) {
        return Err(voucher_used(&e.voucher.code));
    }
    // In the order's transaction: the voucher is used up (when it does something; one that does
    // not stays unused) and leaves the cart, then the points are credited.
    let credit = |tx: &rusqlite::Connection, order_id: i64, now: i64| {
        if let Some(e) = view.voucher.as_ref() {
            if e.applies() {
                crate::voucher::consume(tx, &e.voucher.code, order_id, e.discount, e.shipping_waived, now)?;
            }
            crate::voucher::detach(tx, &v.0)?;
        }
        Ok(match &customer {
            Some(c) => crate::loyalty::credit_purchase(tx, &st.loyalty.program, c.id, order_id, &view.cart, now)?,
            None => 0,
        })
    };
    let placed = db::place_order_then(&conn, &v.0, &view.currency, &view.country, &view.lines, view.subtotal, view.shipping_cost, view.total, credit);
    let (order_id, points_earned) = match placed {
        Ok(placed) => placed,
        Err(db::OrderError::Db(e)) => return Err(e.into()),
        Err(db::OrderError::VoucherUsed { code }) => return Err(voucher_used(&code)),
        Err(db::OrderError::OutOfStock { product_id, title, stock, wanted }) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "out_of_stock",
                format!("only {stock} of {title} ({product_id}) in stock, the cart asks for {wanted}"),
            ))
        }
    };
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "order_id": order_id,
            "subtotal": view.subtotal,
            "discount": view.discount,
            "shipping_cost": view.shipping_cost,
            "total": view.total,
            "currency": view.currency,
            "points_earned": points_earned,
            "voucher": view.voucher.as_ref().filter(|e| e.applies()).map(|e| json!({
                "code": e.voucher.code, "reward_id": e.voucher.reward_id, "discount": e.discount, "shipping_waived": e.shipping_waived,
            })),
        })),
    )
        .into_response())
}

fn voucher_used(code: &str) -> ApiError {
    ApiError::new(StatusCode::CONFLICT, "voucher_used", format!("the voucher {code} has already been used; remove it from the cart to order without it"))
}
