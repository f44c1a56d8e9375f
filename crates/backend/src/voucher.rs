//! Voucher codes in the cart: the codes the loyalty ledger produced ([`crate::loyalty::redeem`],
//! table `redemptions`) are applied to the visitor's cart and used up by checkout.
//!
//! - `POST /api/cart/voucher {"code"}` attaches a code to the cart (one per order: the
//!   programme's `max_redemptions_per_order`), `DELETE /api/cart/voucher` takes it off. A code is
//!   a bearer voucher: whoever has it may use it, signed in or not.
//! - What a voucher does follows the reward it was redeemed for ([`RewardKind`]): free shipping
//!   waives the flat shipping cost, an amount or a percentage becomes the cart's `discount`
//!   ([`schaufenster_core::Cart::voucher_discount`] on the goods: gift cards are not
//!   discounted), the free travel kit is packed with the order. The discount is the core cart's
//!   `cart_discount`, so the shipping rules (`after_discounts`, [`schaufenster_core::shipping`])
//!   see the same discounted cart in the backend and in the free-shipping bar, which reads the
//!   cart's `discount`.
//! - An amount is the same minor units in every currency of [`AMOUNT_CURRENCIES`] ("5 € or
//!   5 CHF"); amounts are never converted, and in any other currency the voucher is refused.
//! - Checkout uses the voucher up in the order's transaction: a row of `voucher_uses`, whose
//!   PRIMARY KEY on the code makes a second use impossible even for two checkouts racing on two
//!   connections (the loser's whole order is rolled back: `409 voucher_used`).
//! - A voucher that does nothing for the cart as it is now (shipping already free, nothing to
//!   ship, no goods to discount) is refused when applied; if the cart changes afterwards, the
//!   cart shows it with its `problem`, and checkout leaves it unused.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use rusqlite::{params, Connection, OptionalExtension};
use schaufenster_core::cart::VoucherOff;
use schaufenster_core::shipping::{evaluate, ShippingProgress, ShippingRules};
use schaufenster_core::Cart;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::{body, cart_view, language, params, ApiError, Params};
use crate::loyalty::{reward_kind, RewardKind, AMOUNT_CURRENCIES};
use crate::{db, AppState, Visitor};

/// Longest code accepted (the codes are `KK-XXXX-XXXX`).
pub const MAX_CODE_LEN: usize = 40;

/// A redemption's voucher, as a cart holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voucher {
    pub code: String,
    pub reward_id: String,
    /// Already used by an order.
    pub used: bool,
}

const VOUCHER_COLS: &str = "r.code, r.reward_id, EXISTS (SELECT 1 FROM voucher_uses u WHERE u.code = r.code)";

fn voucher_row(r: &rusqlite::Row) -> rusqlite::Result<Voucher> {
    Ok(Voucher { code: r.get(0)?, reward_id: r.get(1)?, used: r.get(2)? })
}

/// The voucher of a code (`None`: no redemption produced it).
pub fn by_code(conn: &Connection, code: &str) -> rusqlite::Result<Option<Voucher>> {
    conn.query_row(&format!("SELECT {VOUCHER_COLS} FROM redemptions r WHERE r.code = ?1"), [code], voucher_row).optional()
}

/// The voucher attached to the visitor's cart, if any.
pub fn of_cart(conn: &Connection, visitor: &str) -> rusqlite::Result<Option<Voucher>> {
    conn.query_row(
        &format!("SELECT {VOUCHER_COLS} FROM cart_vouchers c JOIN redemptions r ON r.code = c.code WHERE c.visitor = ?1"),
        [visitor],
        voucher_row,
    )
    .optional()
}

/// Attaches `code` to the visitor's cart (replacing any other).
pub fn attach(conn: &Connection, visitor: &str, code: &str, now: i64) -> rusqlite::Result<()> {
    db::cart_settings(conn, visitor)?;
    conn.execute(
        "INSERT INTO cart_vouchers (visitor, code, added_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (visitor) DO UPDATE SET code = excluded.code, added_at = excluded.added_at",
        params![visitor, code, now],
    )?;
    Ok(())
}

/// Takes the voucher off the visitor's cart (nothing when there is none).
pub fn detach(conn: &Connection, visitor: &str) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM cart_vouchers WHERE visitor = ?1", [visitor])?;
    Ok(())
}

/// Uses the voucher up for an order, on the order's transaction. The code's PRIMARY KEY in
/// `voucher_uses` is the guarantee: a second use fails with [`db::OrderError::VoucherUsed`],
/// which rolls the order back.
pub fn consume(conn: &Connection, code: &str, order_id: i64, discount: i64, shipping_waived: i64, now: i64) -> Result<(), db::OrderError> {
    match conn.execute(
        "INSERT INTO voucher_uses (code, order_id, discount, shipping_waived, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![code, order_id, discount, shipping_waived, now],
    ) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::ConstraintViolation => Err(db::OrderError::VoucherUsed { code: code.to_string() }),
        Err(e) => Err(e.into()),
    }
}

/// Why a voucher does nothing for the cart: an error code (also the API's) and a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    fn new(code: &'static str, message: impl Into<String>) -> Problem {
        Problem { code, message: message.into() }
    }

    /// The error answering a request that applies the voucher: 409 for a used voucher, 422
    /// for one that does not fit the cart.
    pub fn into_error(self) -> ApiError {
        let status = if self.code == "voucher_used" { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
        ApiError::new(status, self.code, self.message)
    }
}

/// The cart's voucher and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    pub voucher: Voucher,
    pub kind: Option<RewardKind>,
    /// Taken off the goods (the cart's `discount`), minor units of the cart's currency.
    pub discount: i64,
    /// The flat shipping cost a free-shipping voucher waives (0 otherwise).
    pub shipping_waived: i64,
    /// Why it does nothing now; `None`: it applies (and checkout uses it up).
    pub problem: Option<Problem>,
}

impl Effect {
    pub fn applies(&self) -> bool {
        self.problem.is_none()
    }
}

/// The cart priced with its voucher.
pub struct Priced {
    /// Free-shipping progress of the cart with its discount (what the bar shows).
    pub progress: ShippingProgress,
    pub shipping_cost: i64,
    pub effect: Option<Effect>,
}

/// Prices `cart` (whose `cart_discount` is set to the voucher's discount, and `free_shipping`
/// to whether a free-shipping voucher applies) with the shipping rules: the voucher's discount
/// first, with [`Cart::voucher_discount`]; then [`evaluate`] on the discounted cart, as the
/// free-shipping bar does with the cart's `discount`; then the shipping cost: nothing when
/// nothing ships (`ships` false), free shipping is reached or a free-shipping voucher applies,
/// else `flat`. An applying free-shipping voucher grants free shipping to the cart, and the
/// progress is evaluated again with it, as the bar reads `shipping.free_shipping_granted`.
pub fn price(rules: &ShippingRules, cart: &mut Cart, voucher: Option<Voucher>, ships: bool, flat: i64) -> Priced {
    cart.free_shipping = false;
    let Some(voucher) = voucher else {
        cart.cart_discount = 0;
        let progress = evaluate(rules, cart);
        let shipping_cost = if !ships || progress.free_shipping() { 0 } else { flat };
        return Priced { progress, shipping_cost, effect: None };
    };
    let kind = reward_kind(&voucher.reward_id);
    let currency = cart.currency.code();
    let excluded = |id: &str| rules.is_excluded(id);
    let mut problem = None;
    if voucher.used {
        problem = Some(Problem::new("voucher_used", format!("the voucher {} has already been used", voucher.code)));
    }
    let off = match kind {
        Some(RewardKind::Amount(_)) if !AMOUNT_CURRENCIES.contains(&currency) => {
            problem.get_or_insert_with(|| {
                Problem::new("voucher_currency", format!("the voucher has a value in {} only, not in {currency}; it is never converted", AMOUNT_CURRENCIES.join(" and ")))
            });
            None
        }
        Some(RewardKind::Amount(a)) => Some(VoucherOff::Amount(a)),
        Some(RewardKind::Percent(p)) => Some(VoucherOff::Percent(p)),
        _ => None,
    };
    let mut discount = off.map_or(0, |off| cart.voucher_discount(off, excluded));
    if off.is_some() && discount == 0 {
        problem.get_or_insert_with(|| Problem::new("voucher_no_goods", "the voucher is taken off goods, and the cart has none (gift cards are not discounted)"));
    }
    if problem.is_some() {
        discount = 0;
    }
    cart.cart_discount = discount;
    let mut progress = evaluate(rules, cart);
    let mut shipping_waived = 0;
    match kind {
        Some(RewardKind::FreeShipping | RewardKind::Gift) if !ships => {
            problem.get_or_insert_with(|| Problem::new("voucher_nothing_to_ship", "the voucher needs goods that are shipped, and the cart has none"));
        }
        Some(RewardKind::FreeShipping) if progress.free_shipping() => {
            problem.get_or_insert_with(|| Problem::new("voucher_shipping_free", "shipping is already free for this cart; keep the voucher for another order"));
        }
        Some(RewardKind::FreeShipping) if problem.is_none() => shipping_waived = flat,
        None => {
            problem.get_or_insert_with(|| Problem::new("voucher_unsupported", format!("the reward {:?} cannot be used in the cart", voucher.reward_id)));
        }
        _ => {}
    }
    if shipping_waived > 0 {
        cart.free_shipping = true;
        progress = evaluate(rules, cart);
    }
    let shipping_cost = if !ships || progress.free_shipping() { 0 } else { flat };
    Priced { progress, shipping_cost, effect: Some(Effect { voucher, kind, discount, shipping_waived, problem }) }
}

/// The `voucher` object of the cart document (`null` without one).
pub fn json(st: &AppState, effect: Option<&Effect>, lang: &str, currency: &str) -> Value {
    let Some(e) = effect else { return Value::Null };
    let reward = st.loyalty.program.rewards.iter().find(|r| r.id == e.voucher.reward_id);
    let described = reward.map(|r| crate::loyalty::reward_json(r, lang, currency));
    let field = |name: &str| described.as_ref().map_or(Value::Null, |d| d[name].clone());
    json!({
        "code": e.voucher.code,
        "reward_id": e.voucher.reward_id,
        "name": described.as_ref().map_or_else(|| json!(e.voucher.reward_id), |d| d["name"].clone()),
        "kind": field("kind"),
        "amount": if e.kind.is_some_and(|k| matches!(k, RewardKind::Amount(_))) && AMOUNT_CURRENCIES.contains(&currency) { field("amount") } else { Value::Null },
        "percent": field("percent"),
        "applies": e.applies(),
        "discount": e.discount,
        "shipping_waived": e.shipping_waived,
        "problem": e.problem.as_ref().map(|p| json!({"code": p.code, "message": p.message})),
    })
}

/// A code as typed: surrounding spaces dropped, upper case (codes are `KK-XXXX-XXXX`).
pub fn normalise_code(code: &str) -> Result<String, ApiError> {
    let c = code.trim().to_ascii_uppercase();
    if c.is_empty() || c.len() > MAX_CODE_LEN || !c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(ApiError::bad("invalid_voucher_code", format!("code must be 1 to {MAX_CODE_LEN} letters, digits and dashes, such as KK-ABCD-2345")));
    }
    Ok(c)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplyBody {
    code: String,
}

/// `POST /api/cart/voucher` `{"code"}`: applies a voucher code to the visitor's cart and answers
/// with the cart. 404 `unknown_voucher`, 409 `voucher_used` or `voucher_limit` (another code is
/// in the cart), 422 when it does nothing for this cart (see [`price`]). Applying the cart's
/// own code again answers with the cart.
pub async fn post_voucher(State(st): State<AppState>, Extension(v): Extension<Visitor>, q: Params, payload: Result<Json<ApplyBody>, JsonRejection>) -> Result<Response, ApiError> {
    let lang = language(&params(q)?)?;
    let code = normalise_code(&body(payload)?.code)?;
    let conn = st.db.lock().expect("db lock");
    let Some(voucher) = by_code(&conn, &code)? else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "unknown_voucher", format!("no voucher {code}; check the code on your account page")));
    };
    if voucher.used {
        return Err(ApiError::new(StatusCode::CONFLICT, "voucher_used", format!("the voucher {code} has already been used")));
    }
    if let Some(other) = of_cart(&conn, &v.0)?.filter(|o| o.code != code && !o.used) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "voucher_limit",
            format!("one voucher per order: remove {} before applying {code}", other.code),
        ));
    }
    // Attach, price the cart with it, and keep it only when it does something.
    let tx = conn.unchecked_transaction()?;
    attach(&tx, &v.0, &code, db::now_ms())?;
    let view = cart_view(&st, &tx, &v.0, lang)?;
    if let Some(problem) = view.voucher.and_then(|e| e.problem) {
        drop(tx);
        return Err(problem.into_error());
    }
    tx.commit()?;
    Ok(Json(view.json).into_response())
}

/// `DELETE /api/cart/voucher`: takes the voucher off the cart (also when there is none) and
/// answers with the cart. The voucher stays unused.
pub async fn delete_voucher(State(st): State<AppState>, Extension(v): Extension<Visitor>, q: Params) -> Result<Response, ApiError> {
    let lang = language(&params(q)?)?;
    let conn = st.db.lock().expect("db lock");
    detach(&conn, &v.0)?;
    Ok(Json(cart_view(&st, &conn, &v.0, lang)?.json).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use schaufenster_core::{CartLine, Currency};

    fn rules() -> ShippingRules {
        crate::load_rules(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/schaufenster.json"))).unwrap()
    }

    fn cart(currency: &str, lines: &[(&str, i64)]) -> Cart {
        let mut c = Cart::empty(Currency::parse(currency).unwrap());
        c.country = Some("DE".into());
        c.lines = lines.iter().map(|(id, price)| CartLine::new(*id, 1, *price)).collect();
        c
    }

    fn voucher(reward: &str) -> Option<Voucher> {
        Some(Voucher { code: "KK-TEST-2345".into(), reward_id: reward.into(), used: false })
    }

    #[test]
    fn amount_off_moves_the_cart_below_free_shipping() {
        // 59 € of goods less 5 € still reach free shipping (50 €); 54,80 € less 5 € do not:
        // shipping is due, as the bar computes it from the cart's discount.
        let mut c = cart("EUR", &[("daypack", 5900)]);
        let p = price(&rules(), &mut c, voucher("5-euro"), true, 495);
        let e = p.effect.unwrap();
        assert_eq!((e.discount, c.cart_discount, p.progress.eligible_subtotal, p.shipping_cost), (500, 500, 5400, 0));
        let mut c = cart("EUR", &[("kulturbeutel", 2990), ("packwuerfel-set", 2490)]);
        let p = price(&rules(), &mut c, voucher("5-euro"), true, 495);
        assert_eq!((p.effect.unwrap().discount, p.progress.eligible_subtotal, p.progress.free_shipping(), p.shipping_cost), (500, 4980, false, 495));
        // The same voucher in a CHF cart: 5 CHF, the programme's face value, not converted.
        let mut c = cart("CHF", &[("daypack", 6190)]);
        assert_eq!(price(&rules(), &mut c, voucher("5-euro"), true, 890).effect.unwrap().discount, 500);
    }

    #[test]
    fn percent_free_shipping_gift_and_refusals() {
        let r = rules();
        let mut c = cart("EUR", &[("daypack", 5900), ("gutschein-25", 2500)]);
        let e = price(&r, &mut c, voucher("10-prozent"), true, 495).effect.unwrap();
        assert_eq!((e.discount, e.applies()), (590, true), "10 % of the goods, not of the gift card");
        let mut c = cart("EUR", &[("reisesocken", 990)]);
        let p = price(&r, &mut c, voucher("versand"), true, 495);
        assert_eq!((p.shipping_cost, p.effect.as_ref().unwrap().shipping_waived, p.effect.unwrap().discount), (0, 495, 0));
        // The cart has free shipping granted: the bar's free-shipping tier is reached on the
        // real subtotal, the gift still ahead.
        assert_eq!((c.free_shipping, p.progress.free_shipping_granted, p.progress.free_shipping(), p.progress.eligible_subtotal), (true, true, true, 990));
        assert_eq!(p.progress.next().map(|t| (t.id.as_str(), t.remaining)), Some(("gift", 10000 - 990)));
        // Without it the same cart is charged shipping and has nothing granted.
        let p = price(&r, &mut c, None, true, 495);
        assert_eq!((c.free_shipping, p.progress.free_shipping(), p.shipping_cost), (false, false, 495));
        let mut c = cart("EUR", &[("daypack", 5900)]);
        assert_eq!(price(&r, &mut c, voucher("versand"), true, 495).effect.unwrap().problem.unwrap().code, "voucher_shipping_free");
        let mut c = cart("EUR", &[("gutschein-25", 2500)]);
        assert_eq!(price(&r, &mut c, voucher("versand"), false, 495).effect.unwrap().problem.unwrap().code, "voucher_nothing_to_ship");
        let mut c = cart("EUR", &[("gutschein-25", 2500)]);
        let p = price(&r, &mut c, voucher("5-euro"), false, 495);
        assert_eq!((p.effect.unwrap().problem.unwrap().code, c.cart_discount), ("voucher_no_goods", 0));
        let mut c = cart("EUR", &[("daypack", 5900)]);
        assert!(price(&r, &mut c, voucher("reiseset"), true, 495).effect.unwrap().applies());
        let mut c = cart("EUR", &[("daypack", 5900)]);
        assert_eq!(price(&r, &mut c, voucher("unbekannt"), true, 495).effect.unwrap().problem.unwrap().code, "voucher_unsupported");
        // A currency the amount is not defined in: refused, nothing taken off.
        let mut c = cart("USD", &[("daypack", 5900)]);
        let p = price(&r, &mut c, voucher("5-euro"), true, 495);
        assert_eq!((p.effect.unwrap().problem.unwrap().code, c.cart_discount), ("voucher_currency", 0));
        let mut used = voucher("5-euro").unwrap();
        used.used = true;
        let mut c = cart("EUR", &[("daypack", 5900)]);
        let p = price(&r, &mut c, Some(used), true, 495);
        assert_eq!((p.effect.unwrap().problem.unwrap().code, c.cart_discount), ("voucher_used", 0));
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(normalise_code("  kk-abcd-2345 ").unwrap(), "KK-ABCD-2345");
        for bad in ["", "   ", "KK ABCD", "KK-ÄBCD", &"K".repeat(41)] {
            assert!(normalise_code(bad).is_err(), "{bad:?}");
        }
    }
}
