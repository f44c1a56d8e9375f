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

fn faq_locale_param() -> Value {
    json!({"name": "locale", "in": "query", "required": false, "description": "Language of the FAQ: `de` (default) or `en`; `de-DE`, `en-GB` count by their language.",
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
            "responses": {"200": ok("The updated cart.", "Cart"), "400": err("Invalid quantity or body."), "404": err("Unknown product."), "409": err("Setting a quantity above 0: product unavailable (`unavailable`) or the quantity above its stock (`out_of_stock`).")}
        })
    };
    let mut set_line = cart_ops("Sets a line's quantity; 0 removes it.", "setLine");
    set_line["requestBody"] = body("SetLine");
    let mut doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Schaufenster reference backend (Kofferkontor demo shop)",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Products, the visitor's cart with free-shipping progress and a voucher code, checkout, social-proof numbers from recorded events, the demo FAQ with feedback, search log and report, the luggage catalogue of the guided-selling advisor, loyalty points (programme, customer, exactly-once redemption), and test-only fault injection. \
Every amount is an integer in minor units (cents, rappen). Visitors are identified by the `sf_visitor` cookie (HttpOnly, SameSite=Lax), \
set on the first request without it. Shipping is evaluated with the same rules (`shipping_bar` of `schaufenster.json`) the widgets use; \
when free shipping is not reached a flat 495 (EUR) / 890 (CHF) is charged, nothing for an empty cart or one of vouchers only (the excluded products, sent by e-mail). \
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
                "responses": {"200": ok("The updated cart.", "Cart"), "400": err("Quantity outside 1..=99."), "404": err("Unknown product."), "409": err("Product unavailable (`unavailable`), the line would exceed its stock (`out_of_stock`) or 99 (`quantity_limit`)."), "422": err("Body misses a field or has a wrong type.")}
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
                "description": "Takes each line's quantity out of the product's stock and records one `purchase` event per order line \
(a purchase is one order containing the product, whatever the quantity), at the order's time. When a line asks for more than the stock, \
answers 409 `out_of_stock` and changes nothing (no order, stock and cart untouched). \
With a customer token (optional), the loyalty points the cart earns are credited in the order's transaction: `Program::earn` of \
`schaufenster_core::loyalty` on the cart with the customer's tier before this order, the same call the widget makes for its preview \
(`points_earned`, on the cart after its voucher's discount). A forged or expired token is refused with 401 before anything changes; without a token it is a guest checkout (no points). \
The cart's voucher, when it does something for the cart, is used up in the order's transaction (exactly once: a second order with the same code, \
even one racing on another connection, is refused with 409 `voucher_used` and changes nothing); one that does nothing is left unused. Either way it leaves the cart.",
                "security": [{}, {"customerToken": []}],
                "responses": {"201": ok("The order.", "Order"), "401": err("A token was sent but is invalid (`invalid_token`) or expired (`expired_token`)."),
                              "409": err("Empty cart (`empty_cart`), an unavailable product (`unavailable`), a line exceeding the stock (`out_of_stock`) or the cart's voucher already used (`voucher_used`).")}
            }},
            "/api/events": {"post": {
                "operationId": "recordEvent",
                "summary": "Records that the visitor viewed a product.",
                "description": "Only `view` is accepted: `cart` and `purchase` events are recorded by the server's own cart and checkout, \
so a client cannot inflate them. One view per visitor, product and minute is kept; repeats answer 204 too. \
A request without the visitor cookie (a first contact, such as a script) is answered 204 but not counted, \
so cookie-less calls cannot inflate the viewer count. \
The visitor id is stored only to de-duplicate and to count distinct viewers; it is never returned.",
                "requestBody": body("ViewEvent"),
                "responses": {"204": {"description": "Recorded (or de-duplicated)."}, "400": err("kind is not `view` (`invalid_kind`)."),
                              "404": err("Unknown product."), "422": err("Body misses a field or has a wrong type.")}
            }},
            "/api/social-proof": {"get": {
                "operationId": "getSocialProof",
                "summary": "Social-proof numbers of a batch of products, counted from recorded events.",
                "description": "`purchases` and `carts` count events in the last `window_minutes`; `viewers` counts distinct visitors with a view \
in the last `viewers_window_minutes` (5). `rating` is omitted when the product has no reviews. `bestseller` is present only when the product \
has the most purchases in its category over the last 30 days and at least 3 there (ties: the lower id). Unknown ids are absent from `products`. \
Counts only: no visitor ids, names or places.",
                "parameters": [
                    {"name": "products", "in": "query", "required": true, "description": "Comma-separated product ids, 1 to 200.",
                     "schema": {"type": "string", "examples": ["reiserucksack-40,daypack"]}},
                    {"name": "window", "in": "query", "required": false, "description": "Window of `purchases` and `carts` in minutes, clamped to 5..=10080.",
                     "schema": {"type": "integer", "default": 1440, "minimum": 5, "maximum": 10080}},
                    {"name": "locale", "in": "query", "required": false, "description": "Language of `bestseller.category`: `de` (default) or `en`.",
                     "schema": {"type": "string", "default": "de", "examples": ["de", "en"]}}
                ],
                "responses": {"200": ok("The numbers, keyed by product id.", "SocialProof"),
                              "400": err("No product ids (`missing_products`), more than 200 (`too_many_products`), a window that is not a number (`invalid_window`) or an unsupported locale.")}
            }},
            "/api/_test/events": {"post": {
                "operationId": "insertTestEvents",
                "summary": "Inserts back-dated events of any kind (only with --faults).",
                "description": "For end-to-end tests and benchmarks: inserts `count` events `minutes_ago` in the past, each with a fresh random visitor id \
(so views count as distinct viewers).",
                "requestBody": body("TestEvents"),
                "responses": {"201": ok("Inserted.", "TestEventsResult"), "400": err("Invalid kind, count or minutes_ago."),
                              "404": err("Unknown product, or test endpoints are off (`faults_disabled`)."), "422": err("Body misses a field, has a wrong type or an unknown field.")}
            }},
            "/api/_faults": {
                "get": {"operationId": "getFault", "summary": "The caller's injected fault (only with --faults).",
                        "responses": {"200": ok("The current fault; mode none when there is none.", "Fault"), "404": err("Fault injection is off.")}},
                "put": {"operationId": "putFault",
                        "summary": "Injects a fault into the caller's own GET requests under path_prefix (only with --faults).",
                        "description": "error: answers with `status` and an error body. timeout: holds the response for delay_ms (default 30000) then answers 504. \
malformed: 200 with the body `{\"lines\": [` as application/json. slow: waits delay_ms (default 1500) then answers normally. \
stale: answers normally but shifts a JSON body's top-level `generated_at` delay_ms (default 3600000, at most 30 days) into the past. none: clears. \
Scoped to the caller's sf_visitor cookie; never applies to /api/_faults.",
                        "requestBody": body("FaultRequest"),
                        "responses": {"200": ok("The fault now active.", "Fault"), "400": err("Invalid status, delay or prefix."), "404": err("Fault injection is off."), "422": err("Unknown mode or field.")}}
            }
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"],
                "properties": {"code": {"type": "string", "examples": ["unsupported_currency", "unknown_product", "invalid_quantity", "empty_cart"]}, "message": {"type": "string"}}}}},
            "Health": {"type": "object", "required": ["ok"], "properties": {"ok": {"type": "boolean", "const": true}}},
            "Product": {"type": "object", "required": ["id", "title", "price", "url", "image", "available", "stock"], "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "price": money("Unit price"),
                "url": {"type": "string", "examples": ["/#product-daypack"]}, "image": {"type": "string", "examples": ["/img/daypack.svg"]}, "available": {"type": "boolean"},
                "stock": {"type": "integer", "minimum": 0, "description": "Units in stock; checkout never sells more."}}},
            "ProductList": {"type": "object", "required": ["currency", "products"], "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "products": {"type": "array", "items": r("Product")}}},
            "CartLine": {"type": "object", "required": ["product_id", "title", "quantity", "unit_price", "line_total", "image"], "properties": {
                "product_id": {"type": "string"}, "title": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1, "maximum": 99},
                "unit_price": money("Unit price"), "line_total": money("unit_price × quantity"), "image": {"type": "string"}}},
            "TierStatus": {"type": "object", "required": ["id", "reward", "threshold", "reached", "remaining"], "properties": {
                "id": {"type": "string"}, "reward": {"type": "string", "enum": ["free_shipping", "gift", "other"]},
                "threshold": money("Threshold for this cart's currency and country"), "reached": {"type": "boolean"}, "remaining": money("Missing to the threshold, 0 when reached")}},
            "Shipping": {"type": "object", "required": ["eligible_subtotal", "free_shipping", "free_shipping_granted", "cost", "tiers"], "properties": {
                "eligible_subtotal": money("Subtotal that counts towards thresholds (excluded products such as gift cards left out)"),
                "free_shipping": {"type": "boolean", "description": "A free-shipping tier is reached, by the eligible subtotal or granted"},
                "free_shipping_granted": {"type": "boolean", "description": "A free-shipping voucher applies: the free-shipping tiers are reached whatever the subtotal (the shipping bar's cart map key free_shipping reads it)"},
                "cost": money("Shipping charged: 0 when free shipping is reached, a free-shipping voucher applies, the cart is empty or holds gift cards only, else 495 EUR / 890 CHF"),
                "tiers": {"type": "array", "items": r("TierStatus"), "description": "Applicable tiers, ascending by threshold."}}},
            "Cart": {"type": "object", "required": ["currency", "country", "lines", "item_count", "subtotal", "discount", "shipping", "total"], "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "country": {"type": "string", "examples": ["DE", "AT", "CH"]},
                "lines": {"type": "array", "items": r("CartLine")}, "item_count": {"type": "integer", "minimum": 0},
                "subtotal": money("Sum of line totals"), "discount": money("What the cart's voucher takes off the goods (0 without one); free-shipping progress counts the subtotal after it"),
                "shipping": r("Shipping"), "total": money("subtotal − discount + shipping.cost"),
                "voucher": {"oneOf": [r("CartVoucher"), {"type": "null"}], "description": "The voucher applied to the cart, null without one."}}},
            "AddLine": {"type": "object", "required": ["product_id", "quantity"], "properties": {
                "product_id": {"type": "string"}, "quantity": {"type": "integer", "minimum": 1, "maximum": 99}}},
            "SetLine": {"type": "object", "required": ["quantity"], "properties": {"quantity": {"type": "integer", "minimum": 0, "maximum": 99}}},
            "CartSettings": {"type": "object", "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "examples": ["DE", "AT", "CH"]}}},
            "Order": {"type": "object", "required": ["order_id", "subtotal", "discount", "shipping_cost", "total", "currency", "points_earned", "voucher"], "properties": {
                "order_id": {"type": "integer"}, "subtotal": money("Sum of line totals"), "discount": money("Taken off by the voucher"), "shipping_cost": money("Shipping charged"),
                "total": money("subtotal − discount + shipping_cost"), "currency": {"type": "string", "enum": ["EUR", "CHF"]},
                "voucher": {"oneOf": [{"type": "object", "required": ["code", "reward_id", "discount", "shipping_waived"], "properties": {
                    "code": {"type": "string"}, "reward_id": {"type": "string"}, "discount": money("Taken off the goods"), "shipping_waived": money("Shipping cost waived")}}, {"type": "null"}],
                    "description": "The voucher this order used up, null without one."},
                "points_earned": {"type": "integer", "minimum": 0, "description": "Loyalty points credited to the token's customer; 0 for a guest checkout."}}},
            "ViewEvent": {"type": "object", "required": ["product_id", "kind"], "properties": {
                "product_id": {"type": "string"}, "kind": {"type": "string", "const": "view"}}},
            "SocialProof": {"type": "object", "required": ["generated_at", "window_minutes", "viewers_window_minutes", "products"], "additionalProperties": false, "properties": {
                "generated_at": {"type": "integer", "description": "Server time the numbers were computed, epoch milliseconds."},
                "window_minutes": {"type": "integer", "minimum": 5, "maximum": 10080, "description": "Window of purchases and carts (the clamped request)."},
                "viewers_window_minutes": {"type": "integer", "const": 5},
                "products": {"type": "object", "additionalProperties": r("ProductStats"), "description": "Keyed by product id; unknown ids are absent."}}},
            "ProductStats": {"type": "object", "required": ["purchases", "carts", "viewers", "stock"], "additionalProperties": false, "properties": {
                "purchases": {"type": "integer", "minimum": 0, "description": "Distinct shoppers (visitors) who ordered the product in the window: the badge says \"N people\"."},
                "carts": {"type": "integer", "minimum": 0, "description": "Distinct shoppers (visitors) who added the product to their cart in the window."},
                "viewers": {"type": "integer", "minimum": 0, "description": "Distinct visitors who viewed it in the last viewers_window_minutes."},
                "stock": {"type": "integer", "minimum": 0},
                "rating": r("Rating"), "bestseller": r("Bestseller")}},
            "Rating": {"type": "object", "required": ["average", "count"], "additionalProperties": false, "properties": {
                "average": {"type": "number", "minimum": 1, "maximum": 5, "description": "Average stars, at most 2 decimals (rounded down, never above the true average)."},
                "count": {"type": "integer", "minimum": 1}}},
            "Bestseller": {"type": "object", "required": ["category", "rank"], "additionalProperties": false, "properties": {
                "category": {"type": "string", "description": "The category's display name in the requested locale.", "examples": ["Rucksäcke", "Backpacks"]},
                "rank": {"type": "integer", "const": 1}}},
            "TestEvents": {"type": "object", "required": ["product_id", "kind", "count"], "additionalProperties": false, "properties": {
                "product_id": {"type": "string"}, "kind": {"type": "string", "enum": ["view", "cart", "purchase"]},
                "count": {"type": "integer", "minimum": 1, "maximum": 100000},
                "minutes_ago": {"type": "number", "minimum": 0, "maximum": 527040, "default": 0}}},
            "TestEventsResult": {"type": "object", "required": ["inserted", "at_ms"], "properties": {
                "inserted": {"type": "integer"}, "at_ms": {"type": "integer", "description": "Time given to the events, epoch milliseconds."}}},
            "FaultMode": {"type": "string", "enum": ["none", "error", "timeout", "malformed", "slow", "stale"]},
            "FaultRequest": {"type": "object", "required": ["mode"], "additionalProperties": false, "properties": {
                "mode": r("FaultMode"), "status": {"type": "integer", "minimum": 400, "maximum": 599, "default": 500},
                "delay_ms": {"type": "integer", "minimum": 0, "maximum": 2_592_000_000_u64, "description": "At most 60000, except for stale (at most 2592000000, 30 days)."}, "path_prefix": {"type": "string", "default": "/api"}}},
            "Fault": {"type": "object", "required": ["mode", "status", "delay_ms", "path_prefix"], "properties": {
                "mode": r("FaultMode"), "status": {"type": "integer"}, "delay_ms": {"type": "integer"}, "path_prefix": {"type": "string"}}}
        }}
    });
    let mut merge = |at: &str, extra: Value| {
        if let (Some(into), Value::Object(extra)) = (doc.pointer_mut(at).and_then(Value::as_object_mut), extra) {
            into.extend(extra);
        }
    };
    merge("/paths", faq_paths());
    merge("/components/schemas", faq_schemas());
    merge("/paths", advisor_paths());
    merge("/components/schemas", advisor_schemas());
    merge("/paths", voucher_paths());
    merge("/components/schemas", voucher_schemas());
    merge("/paths", loyalty_paths());
    merge("/components/schemas", loyalty_schemas());
    doc["components"]["securitySchemes"] = json!({"customerToken": {
        "type": "http", "scheme": "bearer", "bearerFormat": "base64url(payload).base64url(HMAC-SHA256)",
        "description": "A customer token: base64url of the JSON payload `{\"sub\": \"<customer id>\", \"exp\": <unix seconds>}`, a dot, and base64url of \
HMAC-SHA256(secret, payload), without padding. The secret is the server's `--loyalty-secret` (random per start without it). The demo shop gets one from \
`POST /api/loyalty/demo-login`; a real shop's server signs it for its logged-in customer. Invalid: 401 `invalid_token`; expired: 401 `expired_token`."
    }});
    doc
}

fn voucher_paths() -> Value {
    json!({
        "/api/cart/voucher": {
            "post": {
                "operationId": "applyVoucher",
                "summary": "Applies a voucher code (from a loyalty redemption) to the visitor's cart.",
                "description": "The code is one that `POST /api/loyalty/redeem` produced; it is a bearer voucher (no token needed). \
What it does follows the reward: free shipping waives the flat shipping cost, an amount (`5-euro`: 500 minor units in EUR or CHF, the same face value, never converted) \
or a percentage (`10-prozent`) becomes the cart's `discount`, taken off the goods only (gift cards are not discounted, the amount is capped at the goods), \
the free travel kit is packed with the order. Free-shipping progress is computed on the subtotal after the discount, as the free-shipping bar does with the cart's `discount`. \
One voucher per order: another code in the cart is `409 voucher_limit` (remove it first); applying the cart's own code again answers with the cart. \
A voucher that would do nothing for this cart is refused (422) and not kept. Checkout uses it up.",
                "parameters": [locale_param()],
                "requestBody": body("ApplyVoucher"),
                "responses": {
                    "200": ok("The cart with the voucher.", "Cart"),
                    "400": err("A code that is not 1 to 40 letters, digits and dashes (`invalid_voucher_code`)."),
                    "404": err("No redemption produced this code (`unknown_voucher`)."),
                    "409": err("The voucher was used by an order (`voucher_used`), or another voucher is in the cart (`voucher_limit`)."),
                    "422": err("The voucher does nothing for this cart: no goods to discount (`voucher_no_goods`), nothing that ships (`voucher_nothing_to_ship`), \
shipping already free (`voucher_shipping_free`), an amount in a currency it has no value in (`voucher_currency`), a reward without a cart effect (`voucher_unsupported`); \
or the body misses `code`, has a wrong type or an unknown field.")
                }
            },
            "delete": {
                "operationId": "removeVoucher",
                "summary": "Takes the voucher off the cart (also when there is none); it stays unused.",
                "parameters": [locale_param()],
                "responses": {"200": ok("The cart without a voucher.", "Cart"), "400": err("Unsupported locale.")}
            }
        }
    })
}

fn voucher_schemas() -> Value {
    json!({
        "CartVoucher": {"type": "object", "required": ["code", "reward_id", "name", "kind", "amount", "percent", "applies", "discount", "shipping_waived", "problem"], "properties": {
            "code": {"type": "string", "examples": ["KK-ABCD-2345"]}, "reward_id": {"type": "string", "examples": ["versand", "5-euro", "10-prozent", "reiseset"]},
            "name": {"type": "string", "description": "The reward's name in the requested language and the cart's currency."},
            "kind": {"type": ["string", "null"], "enum": ["free_shipping", "amount", "percent", "gift", null]},
            "amount": {"type": ["integer", "null"], "description": "Face value of an amount voucher in minor units of the cart's currency."},
            "percent": {"type": ["integer", "null"]},
            "applies": {"type": "boolean", "description": "It does something for the cart as it is; checkout uses it up. False: see `problem`; checkout leaves it unused."},
            "discount": money("Taken off the goods (the cart's `discount`)"),
            "shipping_waived": money("Flat shipping cost a free-shipping voucher waives"),
            "problem": {"oneOf": [{"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string", "enum": ["voucher_used", "voucher_currency", "voucher_no_goods", "voucher_nothing_to_ship", "voucher_shipping_free", "voucher_unsupported"]}, "message": {"type": "string"}}}, {"type": "null"}],
                        "description": "Why it does nothing for the cart as it is now."}}},
        "ApplyVoucher": {"type": "object", "required": ["code"], "additionalProperties": false, "properties": {
            "code": {"type": "string", "maxLength": 40, "description": "The voucher code; spaces around it and lower case are accepted.", "examples": ["KK-ABCD-2345"]}}}
    })
}

fn loyalty_locale_currency() -> Value {
    json!([
        {"name": "locale", "in": "query", "required": false, "description": "Language of names: `de` (default) or `en`; `de-DE`, `en-GB` count by their language.",
         "schema": {"type": "string", "default": "de", "examples": ["de", "en"]}},
        {"name": "currency", "in": "query", "required": false, "description": "Currency of voucher amounts (a 5 € or a 5 CHF voucher) and of `rate`.",
         "schema": {"type": "string", "enum": ["EUR", "CHF"], "default": "EUR"}}
    ])
}

/// Paths of the loyalty programme.
fn loyalty_paths() -> Value {
    let unauthorized = err("No token (`token_required`), a forged or malformed one (`invalid_token`) or an expired one (`expired_token`). Never another customer's data.");
    json!({
            "/api/loyalty/program": {"get": {
                "operationId": "getLoyaltyProgram",
                "summary": "The points programme: earning rates, tiers, bonuses and the rewards catalogue (public).",
                "description": "Points are earned on the eligible subtotal (excluded products such as gift cards left out) at the rate of the cart's currency, \
times the tier multiplier, rounded down once at the end. Tiers are reached by the points earned with purchases in the current calendar year (UTC). \
The demo programme is defined in the backend until `schaufenster.json` gets its `loyalty` section.",
                "parameters": loyalty_locale_currency(),
                "responses": {"200": ok("The programme.", "LoyaltyProgram"), "400": err("Unsupported locale or currency.")}
            }},
            "/api/loyalty/demo-login": {"post": {
                "operationId": "loyaltyDemoLogin",
                "summary": "Demo shop only: a customer token for an e-mail address, without a password.",
                "description": "A known address logs in (200); an unknown one joins (201) with the start bonus, and optionally a name and a birthday. \
The token is valid for 8 hours. A real shop does not expose this: its own server signs the token for its logged-in customer.",
                "requestBody": body("LoyaltyLogin"),
                "responses": {"200": ok("Logged in.", "LoyaltyLoginResult"), "201": ok("Joined and logged in.", "LoyaltyLoginResult"),
                              "400": err("Invalid e-mail address (`invalid_email`), birthday (`invalid_birthday`) or name (`invalid_name`)."),
                              "422": err("Body misses a field, has a wrong type or an unknown field.")}
            }},
            "/api/loyalty/me": {"get": {
                "operationId": "getLoyaltyMe",
                "summary": "The token's customer: balance, tier status, rewards with `affordable`, the last 10 transactions.",
                "description": "The balance is derived from the ledger (the sum of its rows). When the birthday bonus is due (from the birthday to the end of \
that year, once a year) it is credited first, in a transaction (`birthday_bonus_credited`).",
                "security": [{"customerToken": []}],
                "parameters": loyalty_locale_currency(),
                "responses": {"200": ok("The customer's points.", "LoyaltyMe"), "400": err("Unsupported locale or currency."), "401": unauthorized.clone()}
            }},
            "/api/loyalty/redeem": {"post": {
                "operationId": "redeemLoyaltyReward",
                "summary": "Redeems a reward for a voucher code, exactly once per Idempotency-Key.",
                "description": "The first request with a key decides in one SQLite transaction (BEGIN IMMEDIATE): the balance is derived and checked, \
the ledger row (−cost), the redemption with its code and the key with the response are written together, and the response is stored. \
A repeat with the same key and body returns the stored response (same status and body) with `Idempotent-Replayed: true`, also when the first was a \
refusal (404, 409): a new attempt needs a new key. The same key with another body: 422 `idempotency_key_reused`. Keys are per customer. \
Concurrent requests with one key make one redemption; the balance never goes below zero. The programme's one redemption per order applies at \
checkout; a redemption through this endpoint is not tied to an order, so that limit does not apply.",
                "security": [{"customerToken": []}],
                "parameters": [{"name": "Idempotency-Key", "in": "header", "required": true, "description": "1 to 100 visible ASCII characters, new for each redemption the shopper confirms (a UUID).",
                                "schema": {"type": "string", "minLength": 1, "maxLength": 100}}],
                "requestBody": body("LoyaltyRedeem"),
                "responses": {
                    "201": {"description": "Redeemed (or the replay of it).", "headers": {"Idempotent-Replayed": {"description": "`true` on a stored response.", "schema": {"type": "string", "const": "true"}}},
                            "content": {"application/json": {"schema": r("LoyaltyRedemptionResult")}}},
                    "400": err("No Idempotency-Key (`idempotency_key_required`), an invalid one (`invalid_idempotency_key`) or a `reward_id` that is empty or over 100 characters (`invalid_reward_id`)."),
                    "401": unauthorized,
                    "404": err("Unknown reward (`unknown_reward`)."),
                    "409": ok("Not enough points (`insufficient_points`, with `missing` and `balance`).", "LoyaltyRefusal"),
                    "422": err("The key was used with another request (`idempotency_key_reused`), or the body misses a field, has a wrong type or an unknown field.")
                }
            }},
            "/api/_test/loyalty/credit": {"post": {
                "operationId": "creditTestPoints",
                "summary": "Credits points to a customer as an `adjust` row (only with --faults).",
                "description": "For tests and `./x bench loyalty`. `adjust` rows do not count towards tiers.",
                "requestBody": body("TestCredit"),
                "responses": {"201": ok("Credited.", "TestCreditResult"), "400": err("Invalid points or e-mail address."),
                              "404": err("Unknown customer, or test endpoints are off (`faults_disabled`)."), "422": err("Body misses a field, has a wrong type or an unknown field.")}
            }},
            "/api/_test/loyalty/audit": {"get": {
                "operationId": "auditTestLedger",
                "summary": "A customer's ledger checked row by row (only with --faults).",
                "description": "For tests and `./x bench loyalty`: the derived balance, the ledger walked in order (its sum and the lowest running balance), \
rows and sums per kind, redemptions and their costs, stored idempotency keys.",
                "parameters": [{"name": "email", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": ok("The audit.", "TestLedgerAudit"), "400": err("Invalid e-mail address."),
                              "404": err("Unknown customer, or test endpoints are off (`faults_disabled`).")}
            }}
    })
}

/// Schemas of the loyalty programme.
fn loyalty_schemas() -> Value {
    let tier = r("LoyaltyTier");
    json!({
            "LoyaltyRate": {"type": "object", "required": ["currency", "points", "per_minor"], "additionalProperties": false, "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "points": {"type": "integer", "minimum": 0},
                "per_minor": {"type": "integer", "minimum": 1, "description": "`points` per this many minor units of the eligible subtotal."}}},
            "LoyaltyTier": {"type": "object", "required": ["id", "name", "threshold", "multiplier_percent"], "additionalProperties": false, "properties": {
                "id": {"type": "string", "examples": ["silber", "gold"]}, "name": {"type": "string", "examples": ["Silber", "Silver"]},
                "threshold": {"type": "integer", "minimum": 0, "description": "Points earned with purchases this calendar year."},
                "multiplier_percent": {"type": "integer", "description": "Earning multiplier in percent (125 = ×1.25)."}}},
            "LoyaltyReward": {"type": "object", "required": ["id", "name", "cost", "kind", "amount", "currency", "percent"], "properties": {
                "id": {"type": "string", "examples": ["versand", "5-euro", "10-prozent", "reiseset"]}, "name": {"type": "string", "description": "In the requested locale and currency."},
                "cost": {"type": "integer", "minimum": 1, "description": "Points."}, "kind": {"type": "string", "enum": ["free_shipping", "amount", "percent", "gift"]},
                "amount": {"type": ["integer", "null"], "description": "Voucher value in minor units of `currency` (kind `amount`)."},
                "currency": {"type": ["string", "null"], "enum": ["EUR", "CHF", null]},
                "percent": {"type": ["integer", "null"], "description": "Percent off (kind `percent`)."},
                "affordable": {"type": "boolean", "description": "Only in /api/loyalty/me: the balance pays for it."},
                "missing": {"type": "integer", "minimum": 0, "description": "Only in /api/loyalty/me: points still missing (0 when affordable)."}}},
            "LoyaltyProgram": {"type": "object", "additionalProperties": false,
                "required": ["locale", "currency", "rate", "rates", "rounding", "excluded_products", "tier_basis", "tiers", "start_bonus", "birthday_bonus", "min_redeem", "max_redemptions_per_order", "rewards"],
                "properties": {
                    "locale": {"type": "string", "enum": ["de", "en"]}, "currency": {"type": "string", "enum": ["EUR", "CHF"]},
                    "rate": {"oneOf": [r("LoyaltyRate"), {"type": "null"}], "description": "The rate of `currency`; null: carts in it earn nothing."},
                    "rates": {"type": "array", "items": r("LoyaltyRate")}, "rounding": {"type": "string", "const": "down"},
                    "excluded_products": {"type": "array", "items": {"type": "string"}, "description": "Products that earn nothing (gift cards)."},
                    "tier_basis": {"type": "string", "const": "yearly_points"}, "tiers": {"type": "array", "items": tier.clone(), "description": "Ascending by threshold."},
                    "start_bonus": {"type": "integer"}, "birthday_bonus": {"type": "integer"}, "min_redeem": {"type": "integer"},
                    "max_redemptions_per_order": {"type": "integer", "description": "At checkout; 0: no limit."},
                    "rewards": {"type": "array", "items": r("LoyaltyReward")}}},
            "LoyaltyCustomer": {"type": "object", "required": ["id", "email", "name", "birthday", "joined_at"], "additionalProperties": false, "properties": {
                "id": {"type": "integer"}, "email": {"type": "string"}, "name": {"type": "string"},
                "birthday": {"type": ["string", "null"], "pattern": "^[0-9]{2}-[0-9]{2}$", "examples": ["01-01"]}, "joined_at": {"type": "integer", "description": "Epoch milliseconds."}}},
            "LoyaltyLogin": {"type": "object", "required": ["email"], "additionalProperties": false, "properties": {
                "email": {"type": "string", "examples": ["demo@kofferkontor.example"]}, "name": {"type": "string", "maxLength": 100, "description": "For a new customer."},
                "birthday": {"type": "string", "pattern": "^[0-9]{2}-[0-9]{2}$", "description": "MM-DD, for a new customer."}}},
            "LoyaltyLoginResult": {"type": "object", "required": ["token", "expires_at", "customer"], "additionalProperties": false, "properties": {
                "token": {"type": "string", "description": "Send as `Authorization: Bearer <token>`; never store it."},
                "expires_at": {"type": "integer", "description": "Unix seconds."}, "customer": r("LoyaltyCustomer")}},
            "LoyaltyTierStatus": {"type": "object", "required": ["basis", "year", "progress", "current", "next", "remaining", "permille"], "additionalProperties": false, "properties": {
                "basis": {"type": "string", "const": "yearly_points"}, "year": {"type": "integer"},
                "progress": {"type": "integer", "minimum": 0, "description": "Points earned with purchases this calendar year (UTC)."},
                "current": {"oneOf": [tier.clone(), {"type": "null"}]}, "next": {"oneOf": [tier, {"type": "null"}]},
                "remaining": {"type": "integer", "minimum": 0, "description": "Points missing for `next`; 0 at the top."},
                "permille": {"type": "integer", "minimum": 0, "maximum": 1000, "description": "Progress from `current` towards `next`."}}},
            "LoyaltyTransaction": {"type": "object", "required": ["id", "at_ms", "kind", "delta", "order_id", "reward_id", "reward_name", "code", "note"], "additionalProperties": false, "properties": {
                "id": {"type": "integer"}, "at_ms": {"type": "integer"}, "kind": {"type": "string", "enum": ["start", "purchase", "birthday", "redeem", "adjust"]},
                "delta": {"type": "integer", "description": "Signed points."}, "order_id": {"type": ["integer", "null"]},
                "reward_id": {"type": ["string", "null"]}, "reward_name": {"type": ["string", "null"]},
                "code": {"type": ["string", "null"], "description": "The voucher code of a redemption."}, "note": {"type": "string"}}},
            "LoyaltyMe": {"type": "object", "required": ["customer", "balance", "currency", "tier", "birthday_bonus_credited", "rewards", "history"], "additionalProperties": false, "properties": {
                "customer": r("LoyaltyCustomer"), "balance": {"type": "integer", "minimum": 0, "description": "Sum of the ledger."},
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "tier": r("LoyaltyTierStatus"),
                "birthday_bonus_credited": {"type": "boolean", "description": "This request credited the birthday bonus."},
                "rewards": {"type": "array", "items": r("LoyaltyReward")},
                "history": {"type": "array", "maxItems": 10, "items": r("LoyaltyTransaction"), "description": "Newest first."}}},
            "LoyaltyRedeem": {"type": "object", "required": ["reward_id"], "additionalProperties": false, "properties": {"reward_id": {"type": "string"}}},
            "LoyaltyRedemptionResult": {"type": "object", "required": ["redemption", "balance"], "additionalProperties": false, "properties": {
                "redemption": {"type": "object", "required": ["id", "reward_id", "cost", "code"], "additionalProperties": false, "properties": {
                    "id": {"type": "integer"}, "reward_id": {"type": "string"}, "cost": {"type": "integer"},
                    "code": {"type": "string", "pattern": "^KK-[A-Z2-9]{4}-[A-Z2-9]{4}$", "description": "Voucher code (40 random bits)."}}},
                "balance": {"type": "integer", "minimum": 0, "description": "The balance after this redemption."}}},
            "LoyaltyRefusal": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message", "missing", "balance"], "properties": {
                "code": {"type": "string", "const": "insufficient_points"}, "message": {"type": "string"},
                "missing": {"type": "integer", "minimum": 1}, "balance": {"type": "integer", "minimum": 0}}}}},
            "TestCredit": {"type": "object", "required": ["email", "points"], "additionalProperties": false, "properties": {
                "email": {"type": "string"}, "points": {"type": "integer", "minimum": 1, "maximum": 10_000_000}, "note": {"type": "string"}}},
            "TestCreditResult": {"type": "object", "required": ["customer_id", "balance"], "properties": {"customer_id": {"type": "integer"}, "balance": {"type": "integer"}}},
            "TestLedgerAudit": {"type": "object", "required": ["customer_id", "balance", "ledger_rows", "ledger_sum", "min_running_balance", "kinds", "redemptions", "redemption_costs", "idempotency_keys"], "properties": {
                "customer_id": {"type": "integer"}, "balance": {"type": "integer"}, "ledger_rows": {"type": "integer"}, "ledger_sum": {"type": "integer"},
                "min_running_balance": {"type": "integer", "description": "Lowest balance after any row, walking the ledger in order (0 when it never went below)."},
                "kinds": {"type": "object", "additionalProperties": {"type": "object", "required": ["rows", "sum"], "properties": {"rows": {"type": "integer"}, "sum": {"type": "integer"}}}},
                "redemptions": {"type": "integer"}, "redemption_costs": {"type": "integer"}, "idempotency_keys": {"type": "integer"}}}
    })
}

/// The path of the guided-selling advisor's catalogue.
fn advisor_paths() -> Value {
    json!({
            "/api/advisor/products": {"get": {
                "operationId": "listAdvisorProducts",
                "summary": "The luggage with the attributes the guided-selling advisor filters and weights on.",
                "description": "Only products that have advisor attributes (the luggage; socks, pillows and gift cards are left out), in shop order. \
Every attribute is present; an unknown value is null, which the advisor treats as \"unknown\", never as a match. \
`material`, `features` and `kind` are filter keys and the same in every language; only `title` is translated. \
`price` is in minor units of `currency`. The products are the shop's own: they are added to the cart and ordered like any other.",
                "parameters": [
                    {"name": "locale", "in": "query", "required": false, "description": "Language of titles: `de` (default) or `en`; `de-DE`, `en-GB` count by their language.",
                     "schema": {"type": "string", "default": "de", "examples": ["de", "en"]}},
                    {"name": "currency", "in": "query", "required": false, "schema": {"type": "string", "enum": ["EUR", "CHF"], "default": "EUR"}}
                ],
                "responses": {"200": ok("The luggage in shop order.", "AdvisorProductList"), "400": err("Unsupported currency (`unsupported_currency`) or locale (`unsupported_locale`).")}
            }}
    })
}

/// Schemas of the advisor's catalogue.
fn advisor_schemas() -> Value {
    let number = |description: &str| json!({"type": ["number", "null"], "minimum": 0, "description": description});
    json!({
            "AdvisorProduct": {"type": "object", "additionalProperties": false,
                "required": ["id", "title", "url", "image", "price", "stock", "volume_l", "weight_kg", "width_cm", "height_cm", "depth_cm", "material", "features", "wheels", "cabin_size", "kind"],
                "properties": {
                    "id": {"type": "string", "examples": ["handgepaeck-trolley"]}, "title": {"type": "string", "description": "In the requested language."},
                    "url": {"type": "string", "description": "The demo's product page, in the requested language (`&lang=en` for English).", "examples": ["/product.html?id=handgepaeck-trolley"]}, "image": {"type": "string", "examples": ["/img/handgepaeck-trolley.svg"]},
                    "price": money("Unit price"), "stock": {"type": "integer", "minimum": 0, "description": "Units in stock; 0 is out of stock."},
                    "volume_l": number("Volume in litres."), "weight_kg": number("Empty weight in kg."),
                    "width_cm": number("Width in cm."), "height_cm": number("Height in cm (the longest side of a suitcase)."), "depth_cm": number("Depth in cm."),
                    "material": {"type": ["string", "null"], "enum": ["Polycarbonat", "Aluminium", "Nylon", "Polyester", "Canvas", "Leder", null]},
                    "features": {"type": ["array", "null"], "items": {"type": "string", "examples": ["TSA-Schloss", "wasserdicht", "Laptopfach", "erweiterbar", "USB-Port", "Rucksackgurte", "Anzugfach"]},
                                 "description": "Tags; an empty array is \"none\", null is unknown."},
                    "wheels": {"type": ["integer", "null"], "enum": [0, 2, 4, null]},
                    "cabin_size": {"type": ["boolean", "null"], "description": "Fits cabin baggage of 55 × 40 × 23 cm."},
                    "kind": {"type": ["string", "null"], "enum": ["koffer", "rucksack", "reisetasche", "unterflugtasche", "kleidersack", null]}
                }},
            "AdvisorProductList": {"type": "object", "required": ["currency", "products"], "additionalProperties": false, "properties": {
                "currency": {"type": "string", "enum": ["EUR", "CHF"]}, "products": {"type": "array", "items": r("AdvisorProduct")}}}
    })
}

/// Paths of the FAQ endpoints (merged into the document; one `json!` would exceed the macro
/// recursion limit).
fn faq_paths() -> Value {
    json!({
            "/api/faq": {"get": {
                "operationId": "listFaq",
                "summary": "The demo shop's FAQ in one language, in source order.",
                "description": "Compiled into the server from `data/faq.de.json` (82 entries) and `data/faq.en.json` (81 entries). \
`answer` is simple HTML (a, ul, li, strong, em) passed through unchanged: clients must sanitise it with an allowlist before inserting it \
(the `<sf-faq>` widget does). Ids are unique across both languages.",
                "parameters": [faq_locale_param()],
                "responses": {"200": ok("The entries.", "FaqList"), "400": err("Unsupported locale (`unsupported_locale`).")}
            }},
            "/api/faq/feedback": {"post": {
                "operationId": "postFaqFeedback",
                "summary": "Records the visitor's \"Was this helpful?\" vote on an entry.",
                "description": "One vote per visitor (`sf_visitor` cookie) and entry: a second vote replaces the first. \
The visitor id is stored only for that and is never returned.",
                "requestBody": body("FaqFeedback"),
                "responses": {"204": {"description": "Recorded (or replaced)."}, "404": err("Unknown entry (`unknown_entry`)."),
                              "422": err("Body misses a field, has a wrong type or an unknown field.")}
            }},
            "/api/faq/search-log": {"post": {
                "operationId": "postFaqSearchLog",
                "summary": "Logs an FAQ search (sent by the widget only after the shopper's consent).",
                "description": "The `<sf-faq>` widget sends this only when the shopper has consented to search logging. \
The query is stored trimmed, lower-cased, with runs of whitespace collapsed to one space and cut to 200 characters; \
an empty query is accepted and not stored. Nothing but the query, the result count, the locale and the time is stored — \
no visitor id, no IP address. Zero-result queries appear in `GET /api/faq/report`.",
                "requestBody": body("FaqSearchLog"),
                "responses": {"204": {"description": "Logged (or ignored because the query is empty)."},
                              "400": err("Negative results (`invalid_results`) or an unsupported locale (`unsupported_locale`)."),
                              "422": err("Body misses a field, has a wrong type or an unknown field.")}
            }},
            "/api/faq/report": {"get": {
                "operationId": "getFaqReport",
                "summary": "The shop owner's FAQ report: top zero-result queries and the helpful ratio per entry.",
                "description": "`zero_result_queries`: logged queries of the locale that found nothing, most frequent first (ties: by query), \
at most `limit`. `entries`: every entry of the locale with its votes, most votes first (ties: source order); `ratio` is \
helpful / (helpful + not_helpful), null without votes. Counts only: no visitor ids.",
                "parameters": [faq_locale_param(),
                    {"name": "limit", "in": "query", "required": false, "description": "Most zero-result queries to list, clamped to 1..=100.",
                     "schema": {"type": "integer", "default": 20, "minimum": 1, "maximum": 100}}],
                "responses": {"200": ok("The report.", "FaqReport"), "400": err("Unsupported locale or a limit that is not a number (`invalid_limit`).")}
            }}
    })
}

/// Schemas of the FAQ endpoints.
fn faq_schemas() -> Value {
    json!({
            "FaqEntry": {"type": "object", "required": ["id", "category", "question", "answer", "tags", "popularity"], "additionalProperties": false, "properties": {
                "id": {"type": "string", "examples": ["versand-kosten", "en-shipping-cost"]}, "category": {"type": "string", "examples": ["Versand", "Shipping"]},
                "question": {"type": "string"}, "answer": {"type": "string", "description": "Simple HTML (a, ul, li, strong, em), unchanged from the source; sanitise before use."},
                "tags": {"type": "array", "items": {"type": "string"}}, "popularity": {"type": "integer", "minimum": 0, "description": "How often the entry is asked for (higher = more popular)."}}},
            "FaqList": {"type": "object", "required": ["locale", "entries"], "additionalProperties": false, "properties": {
                "locale": {"type": "string", "enum": ["de", "en"]}, "entries": {"type": "array", "items": r("FaqEntry"), "description": "In source order."}}},
            "FaqFeedback": {"type": "object", "required": ["entry_id", "helpful"], "additionalProperties": false, "properties": {
                "entry_id": {"type": "string"}, "helpful": {"type": "boolean"}}},
            "FaqSearchLog": {"type": "object", "required": ["query", "results", "locale"], "additionalProperties": false, "properties": {
                "query": {"type": "string", "description": "As typed; normalised by the server."},
                "results": {"type": "integer", "minimum": 0, "description": "Number of results the widget showed."},
                "locale": {"type": "string", "examples": ["de", "en"], "description": "`de` or `en` (`de-DE`, `en-GB` count by their language)."}}},
            "FaqZeroResultQuery": {"type": "object", "required": ["query", "count"], "additionalProperties": false, "properties": {
                "query": {"type": "string"}, "count": {"type": "integer", "minimum": 1}}},
            "FaqEntryStats": {"type": "object", "required": ["id", "question", "helpful", "not_helpful", "ratio"], "additionalProperties": false, "properties": {
                "id": {"type": "string"}, "question": {"type": "string"}, "helpful": {"type": "integer", "minimum": 0}, "not_helpful": {"type": "integer", "minimum": 0},
                "ratio": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "helpful / (helpful + not_helpful); null without votes."}}},
            "FaqReport": {"type": "object", "required": ["locale", "limit", "zero_result_queries", "entries"], "additionalProperties": false, "properties": {
                "locale": {"type": "string", "enum": ["de", "en"]}, "limit": {"type": "integer", "minimum": 1, "maximum": 100},
                "zero_result_queries": {"type": "array", "items": r("FaqZeroResultQuery")},
                "entries": {"type": "array", "items": r("FaqEntryStats"), "description": "Every entry of the locale, most votes first."}}}
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
