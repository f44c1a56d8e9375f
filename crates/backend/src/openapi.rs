//! The OpenAPI 3.1 document of `/api`, written next to the routes and committed as
//! `openapi/openapi.json`. Tests fail when the committed file differs (`UPDATE_SNAPSHOTS=1`
//! rewrites it) and when a route of the router is missing here or vice versa.

use serde_json::{json, Value};

fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn ok(description: &str, schema: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": r(schema)}}})
}

fn err(description: &str) -> Value {
    ok(description, "Error")
}

fn body(schema: &str) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": r(schema)}}})
}

fn locale_param() -> Value {
    json!({"name": "locale", "in": "query", "required": false, "description": "Language of titles: `de` (default) or `en`; `de-DE`, `en-GB` count by their language.",
           "schema": {"type": "string", "default": "de", "examples": ["de", "en"]}})
}

fn product_id_param() -> Value {
    json!({"name": "product_id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "Product id (slug)."})
}

fn money(description: &str) -> Value {
    json!({"type": "integer", "description": format!("{description} (integer minor units of the cart's or requested currency)")})
}

/// The OpenAPI document.
pub fn openapi() -> Value {
    let cart_ops = |summary: &str, op: &str| {
        json!({
            "operationId": op,
            "summary": summary,
            "parameters": [product_id_param(), locale_param()],
            "responses": {"200": ok("The updated cart.", "Cart"), "400": err("Invalid quantity or body."), "404": err("Unknown product."), "409": err("Product unavailable.")}
        })
    };
    let mut set_line = cart_ops("Sets a line's quantity; 0 removes it.", "setLine");
    set_line["requestBody"] = body("SetLine");
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Schaufenster reference backend (Kofferkontor demo shop)",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Products, the visitor's cart with free-shipping progress, checkout and test-only fault injection. \
Every amount is an integer in minor units (cents, rappen). Visitors are identified by the `sf_visitor` cookie (HttpOnly, SameSite=Lax), \
set on the first request without it. Shipping is evaluated with the same rules (`shipping_bar` of `schaufenster.json`) the widgets use; \
when free shipping is not reached a flat 495 (EUR) / 890 (CHF) is charged, nothing for an empty cart. \
Errors are `{\"error\": {\"code\", \"message\"}}` with a 4xx/5xx status. API responses carry `Cache-Control: no-store`."
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/api/health": {"get": {"operationId": "health", "summary": "Liveness check.", "responses": {"200": ok("Alive.", "Health")}}},
            "/api/products": {"get": {
                "operationId": "listProducts",
                "summary": "Every product, priced in one currency.",
                "parameters": [
                    {"name": "currency", "in": "query", "required": false, "schema": {"type": "string", "enum": ["EUR", "CHF"], "default": "EUR"}},
                    locale_param()
                ],
                "responses": {"200": ok("The products in shop order.", "ProductList"), "400": err("Unsupported currency or locale.")}
            }},
            "/api/cart": {"get": {
                "operationId": "getCart",
                "summary": "The visitor's cart with shipping progress.",
                "parameters": [locale_param()],
                "responses": {"200": ok("The cart.", "Cart"), "400": err("Unsupported locale.")}
            }},
            "/api/cart/lines": {"post": {
                "operationId": "addLine",
                "summary": "Adds a quantity of a product (at most 99 per line).",
                "parameters": [locale_param()],
                "requestBody": body("AddLine"),
                "responses": {"200": ok("The updated cart.", "Cart"), "400": err("Quantity outside 1..=99."), "404": err("Unknown product."), "409": err("Product unavailable or the line would exceed 99."), "422": err("Body misses a field or has a wrong type.")}
            }},
            "/api/cart/lines/{product_id}": {
                "put": set_line,
                "delete": cart_ops("Removes a line (no-op when absent).", "deleteLine")
            },
            "/api/cart/settings": {"put": {
                "operationId": "putCartSettings",
                "summary": "Sets the cart's currency and/or destination country; lines are re-priced.",
                "parameters": [locale_param()],
                "requestBody": body("CartSettings"),
                "responses": {"200": ok("The re-priced cart.", "Cart"), "400": err("Unsupported currency or invalid country.")}
            }},
            "/api/checkout": {"post": {
                "operationId": "checkout",
                "summary": "Turns the cart into an order and empties it.",
                "responses": {"201": ok("The order.", "Order"), "409": err("Empty cart or an unavailable product.")}
            }},
            "/api/_faults": {
                "get": {"operationId": "getFault", "summary": "The caller's injected fault (only with --faults).",
                        "responses": {"200": ok("The current fault; mode none when there is none.", "Fault"), "404": err("Fault injection is off.")}},
                "put": {"operationId": "putFault",
                        "summary": "Injects a fault into the caller's own GET requests under path_prefix (only with --faults).",
                        "description": "error: answers with `status` and an error body. timeout: holds the response for delay_ms (default 30000) then answers 504. \
malformed: 200 with the body `{\"lines\": [` as application/json. slow: waits delay_ms (default 1500) then answers normally. none: clears. \
Scoped to the caller's sf_visitor cookie; never applies to /api/_faults.",
                        "requestBody": body("FaultRequest"),
                        "responses": {"200": ok("The fault now active.", "Fault"), "400": err("Invalid status, delay or prefix."), "404": err("Fault injection is off."), "422": err("Unknown mode or field.")}}
            }
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"],
                "properties": {"code": {"type": "string", "examples": ["unsupported_currency", "unknown_product", "invalid_quantity", "empty_cart"]}, "message": {"type": "string"}}}}},
            "Health": {"type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean", "const": true}}},
            "Product": {"type": "object", "required": ["id", "title", "price", "url", "image", "available"], "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "price": money("Unit price"),
                "url": {"type": "string", "examples": ["/#product-daypack"]}, "image": {"type": "string", "examples": ["/img/daypack.svg"]}, "available": {"type": "boolean"}}},
            "ProductList": {"type": "object", "required": ["currency", "products"], "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "products": {"type": "array", "items": r("Product")}}},
            "CartLine": {"type": "object", "required": ["product_id", "title", "quantity", "unit_price", "line_total", "image"], "properties": {
                "product_id": {"type": "string"}, "title": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1, "maximum": 99},
                "unit_price": money("Unit price"), "line_total": money("unit_price × quantity"), "image": {"type": "string"}}},
            "TierStatus": {"type": "object", "required": ["id", "reward", "threshold", "reached", "remaining"], "properties": {
                "id": {"type": "string"}, "reward": {"type": "string", "enum": ["free_shipping", "gift", "other"]},
                "threshold": money("Threshold for this cart's currency and country"), "reached": {"type": "boolean"}, "remaining": money("Missing to the threshold, 0 when reached")}},
            "Shipping": {"type": "object", "required": ["eligible_subtotal", "free_shipping", "cost", "tiers"], "properties": {
                "eligible_subtotal": money("Subtotal that counts towards thresholds (excluded products such as gift cards left out)"),
                "free_shipping": {"type": "boolean"}, "cost": money("Shipping charged: 0 when free shipping is reached or the cart is empty, else 495 EUR / 890 CHF"),
                "tiers": {"type": "array", "items": r("TierStatus"), "description": "Applicable tiers, ascending by threshold."}}},
            "Cart": {"type": "object", "required": ["currency", "country", "lines", "item_count", "subtotal", "discount", "shipping", "total"], "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "country": {"type": "string", "examples": ["DE", "AT", "CH"]},
                "lines": {"type": "array", "items": r("CartLine")}, "item_count": {"type": "integer", "minimum": 0},
                "subtotal": money("Sum of line totals"), "discount": money("Cart discount (always 0 in the demo)"),
                "shipping": r("Shipping"), "total": money("subtotal − discount + shipping.cost")}},
            "AddLine": {"type": "object", "required": ["product_id", "quantity"], "properties": {
                "product_id": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1, "maximum": 99}}},
            "SetLine": {"type": "object", "required": ["quantity"], "properties": {"quantity": {"type": "integer", "minimum": 0, "maximum": 99}}},
            "CartSettings": {"type": "object", "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "examples": ["DE", "AT", "CH"]}}},
            "Order": {"type": "object", "required": ["order_id", "subtotal", "shipping_cost", "total", "currency"], "properties": {
                "order_id": {"type": "integer"}, "subtotal": money("Sum of line totals"), "shipping_cost": money("Shipping charged"),
                "total": money("subtotal + shipping_cost"), "currency": {"type": "string", "enum": ["EUR", "CHF"]}}},
            "FaultMode": {"type": "string", "enum": ["none", "error", "timeout", "malformed", "slow"]},
            "FaultRequest": {"type": "object", "required": ["mode"], "additionalProperties": false, "properties": {
                "mode": r("FaultMode"), "status": {"type": "integer", "minimum": 400, "maximum": 599, "default": 500},
                "delay_ms": {"type": "integer", "minimum": 0, "maximum": 60000}, "path_prefix": {"type": "string", "default": "/api"}}},
            "Fault": {"type": "object", "required": ["mode", "status", "delay_ms", "path_prefix"], "properties": {
                "mode": r("FaultMode"), "status": {"type": "integer"}, "delay_ms": {"type": "integer"}, "path_prefix": {"type": "string"}}}
        }}
    })
}

/// `(METHOD, path)` of every operation in the document.
pub fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            for method in item.as_object().into_iter().flat_map(|m| m.keys()) {
                out.push((method.to_ascii_uppercase(), path.clone()));
            }
        }
    }
    out.sort();
    out
}
