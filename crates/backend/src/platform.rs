//! The cart endpoints of the shop platforms that `"preset"` names, answering with the fixtures
//! of `crates/config/tests/fixtures/presets/` (the same files the native preset tests read), so
//! the browser tests can prove each preset end to end. Test mode only (`--faults`); without it
//! these paths are plain static files (404).
//!
//! - `GET /cart.js` — Shopify's Ajax Cart API.
//! - `GET /store-api/checkout/cart` — Shopware 6's Store API; like Shopware it refuses a request
//!   without an `sw-access-key` header (401) and echoes the `sw-context-token`.
//! - `GET /wp-json/wc/store/v1/cart` — WooCommerce's Store API.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Shopify's `/cart.js` as documented (see the fixture's `//source`).
pub const SHOPIFY_CART: &str = include_str!("../../config/tests/fixtures/presets/shopify-cart.json");
/// Shopware 6's `/store-api/checkout/cart` as documented.
pub const SHOPWARE6_CART: &str = include_str!("../../config/tests/fixtures/presets/shopware6-cart.json");
/// WooCommerce's `/wp-json/wc/store/v1/cart` as documented.
pub const WOOCOMMERCE_CART: &str = include_str!("../../config/tests/fixtures/presets/woocommerce-cart.json");

/// Paths and bodies of the platform fixtures.
pub const PATHS: [(&str, &str); 3] = [("/cart.js", SHOPIFY_CART), ("/store-api/checkout/cart", SHOPWARE6_CART), ("/wp-json/wc/store/v1/cart", WOOCOMMERCE_CART)];

fn json(status: StatusCode, body: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json")), (header::CACHE_CONTROL, HeaderValue::from_static("no-store"))], body).into_response()
}

fn off() -> Response {
    json(StatusCode::NOT_FOUND, r#"{"error":{"code":"faults_disabled","message":"platform fixtures are served only with --faults"}}"#)
}

/// `GET /cart.js`.
pub async fn shopify_cart(State(st): State<AppState>) -> Response {
    if !st.faults_enabled {
        return off();
    }
    json(StatusCode::OK, SHOPIFY_CART)
}

/// `GET /store-api/checkout/cart`: needs `sw-access-key`; echoes `sw-context-token`.
pub async fn shopware6_cart(State(st): State<AppState>, headers: HeaderMap) -> Response {
    if !st.faults_enabled {
        return off();
    }
    if headers.get("sw-access-key").is_none_or(|k| k.is_empty()) {
        return json(
            StatusCode::UNAUTHORIZED,
            r#"{"errors":[{"status":"401","code":"FRAMEWORK__API_INVALID_ACCESS_KEY","title":"Unauthorized","detail":"Header \"sw-access-key\" is required."}]}"#,
        );
    }
    let mut res = json(StatusCode::OK, SHOPWARE6_CART);
    if let Some(token) = headers.get("sw-context-token") {
        res.headers_mut().insert("sw-context-token", token.clone());
    }
    res
}

/// `GET /wp-json/wc/store/v1/cart`.
pub async fn woocommerce_cart(State(st): State<AppState>) -> Response {
    if !st.faults_enabled {
        return off();
    }
    json(StatusCode::OK, WOOCOMMERCE_CART)
}
