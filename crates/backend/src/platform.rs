//! The cart and product endpoints of the shop platforms that `"preset"` names, answering with
//! the fixtures of `crates/config/tests/fixtures/presets/` (the same files the native preset
//! tests read), so the browser tests can prove each preset end to end. Test mode only
//! (`--faults`); without it these paths are plain static files (404).
//!
//! - `GET /cart.js` — Shopify's Ajax Cart API.
//! - `GET /recommendations/products.json?product_id=…` — Shopify's Product Recommendations
//!   API; like Shopify it answers 422 without a numeric `product_id`.
//! - `GET /store-api/checkout/cart`, `GET /store-api/product` — Shopware 6's Store API; like
//!   Shopware it refuses a request without an `sw-access-key` header (401) and echoes the
//!   `sw-context-token`.
//! - `GET /wp-json/wc/store/v1/cart`, `GET /wp-json/wc/store/v1/products` — WooCommerce's
//!   Store API.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// Shopify's `/cart.js` as documented (see the fixture's `//source`).
pub const SHOPIFY_CART: &str = include_str!("../../config/tests/fixtures/presets/shopify-cart.json");
/// Shopware 6's `/store-api/checkout/cart` as documented.
pub const SHOPWARE6_CART: &str = include_str!("../../config/tests/fixtures/presets/shopware6-cart.json");
/// WooCommerce's `/wp-json/wc/store/v1/cart` as documented.
pub const WOOCOMMERCE_CART: &str = include_str!("../../config/tests/fixtures/presets/woocommerce-cart.json");

/// Shopify's `/recommendations/products.json` as documented.
pub const SHOPIFY_RECOMMENDATIONS: &str = include_str!("../../config/tests/fixtures/presets/shopify-recommendations.json");
/// Shopware 6's `/store-api/product` as documented.
pub const SHOPWARE6_PRODUCTS: &str = include_str!("../../config/tests/fixtures/presets/shopware6-products.json");
/// WooCommerce's `/wp-json/wc/store/v1/products` as documented.
pub const WOOCOMMERCE_PRODUCTS: &str = include_str!("../../config/tests/fixtures/presets/woocommerce-products.json");

/// Paths and bodies of the platform fixtures.
pub const PATHS: [(&str, &str); 6] = [
    ("/cart.js", SHOPIFY_CART),
    ("/recommendations/products.json?product_id=8123456789012&limit=10", SHOPIFY_RECOMMENDATIONS),
    ("/store-api/checkout/cart", SHOPWARE6_CART),
    ("/store-api/product?limit=100", SHOPWARE6_PRODUCTS),
    ("/wp-json/wc/store/v1/cart", WOOCOMMERCE_CART),
    ("/wp-json/wc/store/v1/products?per_page=100", WOOCOMMERCE_PRODUCTS),
];

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

/// `GET /recommendations/products.json?product_id=…&limit=…`: 422 as Shopify documents it
/// without a numeric `product_id`.
pub async fn shopify_recommendations(State(st): State<AppState>, Query(q): Query<Vec<(String, String)>>) -> Response {
    if !st.faults_enabled {
        return off();
    }
    let id = q.iter().find(|(k, _)| k == "product_id").map(|(_, v)| v.as_str());
    if !id.is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())) {
        return json(StatusCode::UNPROCESSABLE_ENTITY, r#"{"status":422,"message":"Invalid parameter error","description":"product_id is required and must be a valid product ID"}"#);
    }
    json(StatusCode::OK, SHOPIFY_RECOMMENDATIONS)
}

/// `GET /store-api/product`: needs `sw-access-key`; echoes `sw-context-token`.
pub async fn shopware6_products(State(st): State<AppState>, headers: HeaderMap) -> Response {
    shopware6(&st, &headers, SHOPWARE6_PRODUCTS)
}

/// `GET /wp-json/wc/store/v1/products`.
pub async fn woocommerce_products(State(st): State<AppState>) -> Response {
    if !st.faults_enabled {
        return off();
    }
    json(StatusCode::OK, WOOCOMMERCE_PRODUCTS)
}

/// `GET /store-api/checkout/cart`: needs `sw-access-key`; echoes `sw-context-token`.
pub async fn shopware6_cart(State(st): State<AppState>, headers: HeaderMap) -> Response {
    shopware6(&st, &headers, SHOPWARE6_CART)
}

/// A Shopware Store API answer: 401 without `sw-access-key`, else `body` with the
/// `sw-context-token` echoed.
fn shopware6(st: &AppState, headers: &HeaderMap, body: &'static str) -> Response {
    if !st.faults_enabled {
        return off();
    }
    if headers.get("sw-access-key").is_none_or(|k| k.is_empty()) {
        return json(
            StatusCode::UNAUTHORIZED,
            r#"{"errors":[{"status":"401","code":"FRAMEWORK__API_INVALID_ACCESS_KEY","title":"Unauthorized","detail":"Header \"sw-access-key\" is required."}]}"#,
        );
    }
    let mut res = json(StatusCode::OK, body);
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
