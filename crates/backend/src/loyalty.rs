//! Loyalty points of the demo shop: customers, an append-only points ledger, redemptions that
//! produce voucher codes, idempotency keys stored with their responses, and a signed customer
//! token (HMAC-SHA256) for the demo login. Every rule — what a cart earns, tiers, bonuses,
//! whether a redemption is allowed — is [`schaufenster_core::loyalty`], the same code the
//! `<sf-loyalty>` widget runs for its "you will earn N points" preview.
//!
//! **The balance is never stored**: it is `SUM(delta)` of the customer's ledger rows, always
//! derived. The ledger is append-only (triggers refuse UPDATE and DELETE) and refuses a row that
//! would take the balance below zero, so even a bug in a handler cannot overdraw it.
//!
//! **Tiers** are reached by the points earned with purchases in the current calendar year
//! (start, birthday and `adjust` rows do not count towards a tier). Calendar dates (the year,
//! birthdays) are UTC.
//!
//! **Redemption** (`POST /api/loyalty/redeem`) is exactly-once per `Idempotency-Key` (see
//! [`redeem`]). The programme's "one redemption per order" applies at checkout, where a voucher
//! is used with an order; a redemption through the API is not tied to an order, so that limit
//! does not apply to it (it is checked with 0 redemptions in the order). Keys are kept for
//! good in the demo; a real shop would delete rows older than its retry window (`created_at`).
//!
//! **Customer token** (`Authorization: Bearer <token>`): `base64url(payload) "." base64url(
//! HMAC-SHA256(secret, payload))`, the payload being the JSON `{"sub": "<customer id>", "exp":
//! <unix seconds>}`. The secret is `--loyalty-secret` or, without it, 32 random bytes drawn at
//! start (tokens then do not survive a restart). `POST /api/loyalty/demo-login` signs one for an
//! e-mail address without a password: that is for the demo shop only. A real shop's own server
//! signs the token for its logged-in customer with the shared secret and hands it to the widget
//! (`setCustomer`); this backend only verifies it.

use std::collections::BTreeMap;

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use schaufenster_core::loyalty::{EarnRate, Program, Refusal, Reward, Tier, TierBasis};
use schaufenster_core::{Cart, Currency};
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::api::{body, currency, language, params, ApiError, Params};
use crate::{db, AppState};

/// The demo shop's points programme.
///
/// The programme lives here, in the backend that credits the points, and reaches the widget
/// through `GET /api/loyalty/program`; the `loyalty` section of `schaufenster.json` only says
/// where to find it (a copy in the config could differ from what checkout applies, so the
/// config refuses one). It repeats the shipping bar's excluded products (the gift cards); a
/// test checks that they still match.
///
/// EUR: 1 point per 1 €; CHF: 1 point per 1.05 CHF (the shop's price ratio, so the same goods
/// earn the same); gift cards earn nothing; tiers by points earned this year: Silber from 250
/// (×1.25), Gold from 1000 (×1.5); 100 points start bonus, 50 on the birthday; rewards: free
/// shipping (150), a 5 € / 5 CHF voucher (250), 10 % off (400), a free travel kit (800);
/// redemptions of at least 100 points, one per order (at checkout; see the module docs).
pub fn demo_program() -> Program {
    let cur = |c: &str| Currency::parse(c).expect("a known currency");
    Program {
        rates: vec![EarnRate { currency: cur("EUR"), points: 1, per_minor: 100 }, EarnRate { currency: cur("CHF"), points: 1, per_minor: 105 }],
        excluded_products: vec!["gutschein-25".into(), "gutschein-50".into()],
        tier_basis: Some(TierBasis::YearlyPoints),
        tiers: vec![
            Tier { id: "silber".into(), threshold: 250, multiplier_percent: 125 },
            Tier { id: "gold".into(), threshold: 1000, multiplier_percent: 150 },
        ],
        start_bonus: 100,
        birthday_bonus: 50,
        rewards: vec![
            Reward { id: "versand".into(), cost: 150 },
            Reward { id: "5-euro".into(), cost: 250 },
            Reward { id: "10-prozent".into(), cost: 400 },
            Reward { id: "reiseset".into(), cost: 800 },
        ],
        min_redeem: 100,
        max_redemptions_per_order: 1,
    }
}

/// What a reward gives (display only; the cost is in the [`Program`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RewardKind {
    /// A free-shipping voucher.
    FreeShipping,
    /// A voucher of this many minor units in the shopper's currency (5 € or 5 CHF).
    Amount(i64),
    /// A voucher of this many percent off.
    Percent(u32),
    /// A free article.
    Gift,
}

/// Display data of the demo rewards: id, kind, German and English name (`{amount}` is replaced
/// by the amount in the requested currency).
const REWARD_TEXTS: &[(&str, RewardKind, &str, &str)] = &[
    ("versand", RewardKind::FreeShipping, "Gutschein für kostenlosen Versand", "Free shipping voucher"),
    ("5-euro", RewardKind::Amount(500), "{amount}-Gutschein", "{amount} voucher"),
    ("10-prozent", RewardKind::Percent(10), "10-%-Gutschein", "10% off voucher"),
    ("reiseset", RewardKind::Gift, "Reiseset gratis", "Free travel kit"),
];

/// What a reward of the demo programme gives, by its id (`None`: not a reward of the texts).
pub fn reward_kind(reward_id: &str) -> Option<RewardKind> {
    REWARD_TEXTS.iter().find(|t| t.0 == reward_id).map(|t| t.1)
}

/// Currencies an [`RewardKind::Amount`] voucher has a face value in: the programme defines the
/// voucher as "5 € or 5 CHF", the same minor units in each of these. In any other currency it
/// is refused (`voucher_currency`), never converted: the shop has no conversion rule for
/// vouchers (`db::chf_from_eur` is a price-list rule that rounds to .90).
pub const AMOUNT_CURRENCIES: &[&str] = &["EUR", "CHF"];

/// Tier names: id, German, English.
const TIER_NAMES: &[(&str, &str, &str)] = &[("silber", "Silber", "Silver"), ("gold", "Gold", "Gold")];

/// How long a demo-login token is valid (8 hours).
pub const TOKEN_TTL_S: i64 = 8 * 3600;
/// How many ledger rows `GET /api/loyalty/me` lists.
pub const HISTORY_LEN: usize = 10;
/// Longest `Idempotency-Key`.
pub const MAX_KEY_LEN: usize = 100;
/// Most points one `POST /api/_test/loyalty/credit` may add.
pub const MAX_TEST_CREDIT: i64 = 10_000_000;
/// E-mail address of the seeded demo customer ("Dana Demo").
pub const DEMO_EMAIL: &str = "demo@kofferkontor.example";
/// E-mail address of the second seeded customer ("Bernd Beispiel").
pub const SECOND_EMAIL: &str = "bernd@kofferkontor.example";
/// Ledger kinds.
pub const KINDS: &[&str] = &["start", "purchase", "birthday", "redeem", "adjust"];

/// The schema, created at startup (idempotent; after `orders`, which the ledger refers to).
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS customers (
    id                        INTEGER PRIMARY KEY,
    email                     TEXT NOT NULL UNIQUE,
    name                      TEXT NOT NULL,
    birthday_month            INTEGER CHECK (birthday_month BETWEEN 1 AND 12),
    birthday_day              INTEGER CHECK (birthday_day BETWEEN 1 AND 31),
    joined_at                 INTEGER NOT NULL,
    last_birthday_bonus_year  INTEGER,
    CHECK ((birthday_month IS NULL) = (birthday_day IS NULL))
);
CREATE TABLE IF NOT EXISTS points_ledger (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    at_ms        INTEGER NOT NULL,
    delta        INTEGER NOT NULL CHECK (delta <> 0),
    kind         TEXT NOT NULL CHECK (kind IN ('start', 'purchase', 'birthday', 'redeem', 'adjust')),
    order_id     INTEGER REFERENCES orders(id),
    reward_id    TEXT,
    note         TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'redeem') = (reward_id IS NOT NULL)),
    CHECK (kind IN ('redeem', 'adjust') OR delta > 0),
    CHECK (kind <> 'redeem' OR delta < 0)
);
CREATE INDEX IF NOT EXISTS points_ledger_customer ON points_ledger (customer_id, at_ms);
CREATE TRIGGER IF NOT EXISTS points_ledger_no_update BEFORE UPDATE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS points_ledger_no_delete BEFORE DELETE ON points_ledger
BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;
CREATE TRIGGER IF NOT EXISTS points_ledger_never_negative BEFORE INSERT ON points_ledger
WHEN NEW.delta < 0 AND (SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE customer_id = NEW.customer_id) + NEW.delta < 0
BEGIN SELECT RAISE(ABORT, 'the points balance would become negative'); END;
CREATE TABLE IF NOT EXISTS redemptions (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    reward_id    TEXT NOT NULL,
    cost         INTEGER NOT NULL CHECK (cost > 0),
    code         TEXT NOT NULL UNIQUE,
    at_ms        INTEGER NOT NULL,
    ledger_id    INTEGER NOT NULL UNIQUE REFERENCES points_ledger(id)
);
CREATE TABLE IF NOT EXISTS cart_vouchers (
    visitor      TEXT PRIMARY KEY REFERENCES carts(visitor),
    code         TEXT NOT NULL REFERENCES redemptions(code),
    added_at     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS voucher_uses (
    code             TEXT PRIMARY KEY REFERENCES redemptions(code),
    order_id         INTEGER NOT NULL UNIQUE REFERENCES orders(id),
    discount         INTEGER NOT NULL CHECK (discount >= 0),
    shipping_waived  INTEGER NOT NULL CHECK (shipping_waived >= 0),
    at_ms            INTEGER NOT NULL
);
CREATE TRIGGER IF NOT EXISTS voucher_uses_no_update BEFORE UPDATE ON voucher_uses
BEGIN SELECT RAISE(ABORT, 'voucher_uses is append-only'); END;
CREATE TRIGGER IF NOT EXISTS voucher_uses_no_delete BEFORE DELETE ON voucher_uses
BEGIN SELECT RAISE(ABORT, 'voucher_uses is append-only'); END;
CREATE TABLE IF NOT EXISTS idempotency_keys (
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    key            TEXT NOT NULL,
    request_hash   TEXT NOT NULL,
    status_code    INTEGER NOT NULL,
    response_body  TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (customer_id, key)
);
";

// ---------------------------------------------------------------------------------------------
// Dates (UTC, no date crate needed)

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let (m, d) = (month as i64, day as i64);
    let y = year as i64 - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m as u8, d as u8)
}

const DAY_MS: i64 = 86_400_000;

/// The UTC date of an epoch-milliseconds instant.
pub fn date_of(at_ms: i64) -> (i32, u8, u8) {
    civil_from_days(at_ms.div_euclid(DAY_MS))
}

/// Epoch milliseconds of 1 January 00:00 UTC of `at_ms`'s year.
pub fn year_start_ms(at_ms: i64) -> i64 {
    days_from_civil(date_of(at_ms).0, 1, 1) * DAY_MS
}

// ---------------------------------------------------------------------------------------------
// Customer token

/// HMAC-SHA256 (RFC 2104) on top of `sha2`.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha256::new().chain_update(pad(0x36)).chain_update(message).finalize();
    Sha256::new().chain_update(pad(0x5c)).chain_update(inner).finalize().into()
}

/// A token for `customer_id`, valid until `exp_s` (Unix seconds).
pub fn sign_token(secret: &[u8], customer_id: i64, exp_s: i64) -> String {
    let payload = json!({"sub": customer_id.to_string(), "exp": exp_s}).to_string();
    format!("{}.{}", URL_SAFE_NO_PAD.encode(&payload), URL_SAFE_NO_PAD.encode(hmac_sha256(secret, payload.as_bytes())))
}

/// Why a token is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenError {
    /// Not two base64url parts, a wrong signature, or a payload without `sub`/`exp`.
    Invalid,
    /// Correctly signed but past `exp`.
    Expired,
}

/// The customer id of a correctly signed, unexpired token. The signature is checked first (in
/// constant time), so nothing of a forged payload is ever read.
pub fn verify_token(secret: &[u8], token: &str, now_s: i64) -> Result<i64, TokenError> {
    let (payload_b64, sig_b64) = token.split_once('.').ok_or(TokenError::Invalid)?;
    let payload = URL_SAFE_NO_PAD.decode(payload_b64).map_err(|_| TokenError::Invalid)?;
    let sig = URL_SAFE_NO_PAD.decode(sig_b64).map_err(|_| TokenError::Invalid)?;
    let want = hmac_sha256(secret, &payload);
    if sig.len() != want.len() || sig.iter().zip(want.iter()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) != 0 {
        return Err(TokenError::Invalid);
    }
    let v: Value = serde_json::from_slice(&payload).map_err(|_| TokenError::Invalid)?;
    let sub = v["sub"].as_str().and_then(|s| s.parse::<i64>().ok()).filter(|id| *id > 0).ok_or(TokenError::Invalid)?;
    let exp = v["exp"].as_i64().ok_or(TokenError::Invalid)?;
    if exp <= now_s {
        return Err(TokenError::Expired);
    }
    Ok(sub)
}

/// The programme and the token secret, shared by the handlers.
pub struct Loyalty {
    pub program: Program,
    secret: Vec<u8>,
}

/// Shortest `--loyalty-secret` accepted, in bytes.
pub const MIN_SECRET_LEN: usize = 16;

impl Loyalty {
    /// The demo programme with `secret`, or with 32 random bytes when `None`.
    pub fn new(program: Program, secret: Option<&str>) -> Loyalty {
        let secret = match secret {
            Some(s) => s.as_bytes().to_vec(),
            None => {
                let mut bytes = vec![0u8; 32];
                getrandom::fill(&mut bytes).expect("OS random source");
                bytes
            }
        };
        Loyalty { program, secret }
    }

    /// A token for the customer, valid for [`TOKEN_TTL_S`] from `now_s`.
    pub fn token_for(&self, customer_id: i64, now_s: i64) -> (String, i64) {
        let exp = now_s + TOKEN_TTL_S;
        (sign_token(&self.secret, customer_id, exp), exp)
    }
}

// ---------------------------------------------------------------------------------------------
// Storage

/// A customer row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Customer {
    pub id: i64,
    pub email: String,
    pub name: String,
    /// (month, day)
    pub birthday: Option<(u8, u8)>,
    pub joined_at: i64,
    pub last_birthday_bonus_year: Option<i32>,
}

impl Customer {
    fn json(&self) -> Value {
        json!({
            "id": self.id, "email": self.email, "name": self.name,
            "birthday": self.birthday.map(|(m, d)| format!("{m:02}-{d:02}")), "joined_at": self.joined_at,
        })
    }
}

fn customer_row(r: &rusqlite::Row) -> rusqlite::Result<Customer> {
    let month: Option<u8> = r.get(3)?;
    let day: Option<u8> = r.get(4)?;
    Ok(Customer { id: r.get(0)?, email: r.get(1)?, name: r.get(2)?, birthday: month.zip(day), joined_at: r.get(5)?, last_birthday_bonus_year: r.get(6)? })
}

const CUSTOMER_COLS: &str = "id, email, name, birthday_month, birthday_day, joined_at, last_birthday_bonus_year";

/// A customer by id.
pub fn customer(conn: &Connection, id: i64) -> rusqlite::Result<Option<Customer>> {
    conn.query_row(&format!("SELECT {CUSTOMER_COLS} FROM customers WHERE id = ?1"), [id], customer_row).optional()
}

/// A customer by (normalised) e-mail address.
pub fn customer_by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<Customer>> {
    conn.query_row(&format!("SELECT {CUSTOMER_COLS} FROM customers WHERE email = ?1"), [email], customer_row).optional()
}

/// Appends one ledger row; returns its id.
#[allow(clippy::too_many_arguments)]
pub fn append(conn: &Connection, customer_id: i64, at_ms: i64, delta: i64, kind: &str, order_id: Option<i64>, reward_id: Option<&str>, note: &str) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO points_ledger (customer_id, at_ms, delta, kind, order_id, reward_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![customer_id, at_ms, delta, kind, order_id, reward_id, note],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Creates a customer and credits the start bonus, in one transaction. Returns the id.
pub fn create_customer(conn: &Connection, program: &Program, email: &str, name: &str, birthday: Option<(u8, u8)>, now: i64) -> rusqlite::Result<i64> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let id = insert_customer(&tx, program, email, name, birthday, now, None)?;
    tx.commit()?;
    Ok(id)
}

fn insert_customer(conn: &Connection, program: &Program, email: &str, name: &str, birthday: Option<(u8, u8)>, now: i64, last_bonus_year: Option<i32>) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO customers (email, name, birthday_month, birthday_day, joined_at, last_birthday_bonus_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![email, name, birthday.map(|b| b.0), birthday.map(|b| b.1), now, last_bonus_year],
    )?;
    let id = conn.last_insert_rowid();
    if program.start_bonus > 0 {
        append(conn, id, now, program.start_bonus as i64, "start", None, None, "Startbonus")?;
    }
    Ok(id)
}

/// The balance: the sum of the ledger, never stored.
pub fn balance(conn: &Connection, customer_id: i64) -> rusqlite::Result<i64> {
    conn.query_row("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE customer_id = ?1", [customer_id], |r| r.get(0))
}

/// Points earned with purchases in the calendar year (UTC) of `now`: the tier basis.
pub fn yearly_points(conn: &Connection, customer_id: i64, now: i64) -> rusqlite::Result<u64> {
    let n: i64 = conn.query_row(
        "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE customer_id = ?1 AND kind = 'purchase' AND at_ms >= ?2",
        params![customer_id, year_start_ms(now)],
        |r| r.get(0),
    )?;
    Ok(n.max(0) as u64)
}

/// The tier (index into the programme's tiers) the customer has now.
pub fn current_tier(conn: &Connection, program: &Program, customer_id: i64, now: i64) -> rusqlite::Result<Option<usize>> {
    Ok(program.tier_status(yearly_points(conn, customer_id, now)?).current)
}

/// Credits the birthday bonus when [`schaufenster_core::loyalty::birthday_due`] says so, at
/// most once per year: the customer's `last_birthday_bonus_year` is moved forward by a
/// conditional UPDATE and the ledger row is written only when that UPDATE changed the row, both
/// in one transaction. Returns whether it was credited.
pub fn credit_birthday(conn: &Connection, program: &Program, customer_id: i64, now: i64) -> rusqlite::Result<bool> {
    if program.birthday_bonus == 0 {
        return Ok(false);
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let Some(c) = customer(&tx, customer_id)? else { return Ok(false) };
    let today = date_of(now);
    let due = c.birthday.is_some_and(|b| schaufenster_core::loyalty::birthday_due(b, today, c.last_birthday_bonus_year));
    if !due {
        return Ok(false);
    }
    let moved = tx.execute(
        "UPDATE customers SET last_birthday_bonus_year = ?2 WHERE id = ?1 AND (last_birthday_bonus_year IS NULL OR last_birthday_bonus_year < ?2)",
        params![customer_id, today.0],
    )?;
    if moved == 1 {
        append(&tx, customer_id, now, program.birthday_bonus as i64, "birthday", None, None, &format!("Geburtstagsbonus {}", today.0))?;
    }
    tx.commit()?;
    Ok(moved == 1)
}

/// Credits the points a placed order earns (`Program::earn` with the customer's tier before
/// the order) on the given connection — inside the order's transaction. Returns the points
/// (no row when 0).
pub fn credit_purchase(conn: &Connection, program: &Program, customer_id: i64, order_id: i64, cart: &Cart, now: i64) -> rusqlite::Result<u64> {
    let tier = current_tier(conn, program, customer_id, now)?;
    let points = program.earn(cart, tier).points;
    if points > 0 {
        append(conn, customer_id, now, points as i64, "purchase", Some(order_id), None, &format!("Bestellung {order_id}"))?;
    }
    Ok(points)
}

/// Voucher code alphabet: no 0/O, 1/I (32 symbols, so 5 bits of a random byte map without bias).
const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A random voucher code `KK-XXXX-XXXX` (40 bits from the OS CSPRNG).
pub fn voucher_code() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("OS random source");
    let c: Vec<char> = bytes.iter().map(|b| CODE_ALPHABET[(b & 31) as usize] as char).collect();
    format!("KK-{}-{}", c[..4].iter().collect::<String>(), c[4..].iter().collect::<String>())
}

/// A response stored with its idempotency key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub status: u16,
    pub body: String,
}

/// What [`redeem`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The key was new: this request decided (a redemption, or a refusal) and stored the response.
    Fresh(Stored),
    /// The key was used before with the same request: the stored response.
    Replayed(Stored),
    /// The key was used before with a different request.
    KeyReused,
}

/// The hash a key's request is compared by: the normalised request, not its bytes (so
/// `{"reward_id":"x"}` and `{ "reward_id" : "x" }` are the same request).
pub fn request_hash(reward_id: &str) -> String {
    Sha256::digest(format!("POST /api/loyalty/redeem\0{reward_id}")).iter().map(|b| format!("{b:02x}")).collect()
}

fn stored_response(conn: &Connection, customer_id: i64, key: &str) -> rusqlite::Result<Option<(String, Stored)>> {
    conn.query_row(
        "SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE customer_id = ?1 AND key = ?2",
        params![customer_id, key],
        |r| Ok((r.get(0)?, Stored { status: r.get(1)?, body: r.get(2)? })),
    )
    .optional()
}

fn error_body(code: &str, message: &str, extra: Value) -> String {
    let mut e = json!({"code": code, "message": message});
    if let (Some(o), Value::Object(x)) = (e.as_object_mut(), extra) {
        o.extend(x);
    }
    json!({"error": e}).to_string()
}

fn is_constraint(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation)
}

/// Redeems `reward_id` for the customer under the idempotency key `key`, exactly once.
///
/// One `BEGIN IMMEDIATE` transaction, which takes SQLite's write lock before reading, so no
/// other writer (another connection or process) can run between the reads and the writes:
/// 1. the key's stored row, if any, answers (same request hash: the stored response; another
///    hash: [`Outcome::KeyReused`]) and nothing is written;
/// 2. otherwise the balance is derived (`SUM(delta)`) and checked with `Program::can_redeem`
///    (0 redemptions in the order: see the module docs), the ledger row (−cost), the
///    redemption with its voucher code and the key's row with the response are inserted, and
///    the transaction commits — all or nothing. Refusals (unknown reward, insufficient points)
///    are stored with the key too, so a retry gets the same answer.
///
/// Two requests racing with a new key: the first to take the write lock decides; the second waits
/// at `BEGIN IMMEDIATE` (the connection's busy timeout; in this server also the connection's
/// mutex), then finds the winner's row in step 1 and answers with its stored response. The key's
/// PRIMARY KEY is the backstop: a second row for a key cannot be written, and should that insert
/// ever fail, everything this transaction wrote is rolled back and the stored response answers.
pub fn redeem(conn: &Connection, program: &Program, customer_id: i64, key: &str, reward_id: &str, now: i64) -> rusqlite::Result<Outcome> {
    let hash = request_hash(reward_id);
    let answer = |hash_then: String, s: Stored| if hash_then == hash { Outcome::Replayed(s) } else { Outcome::KeyReused };
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    if let Some((h, s)) = stored_response(&tx, customer_id, key)? {
        tx.commit()?;
        return Ok(answer(h, s));
    }
    let balance = balance(&tx, customer_id)?;
    let stored = match program.can_redeem(reward_id, balance, 0) {
        Ok(reward) => {
            let cost = reward.cost as i64;
            let ledger_id = append(&tx, customer_id, now, -cost, "redeem", None, Some(reward_id), "")?;
            let mut tries = 0;
            let code = loop {
                let code = voucher_code();
                match tx.execute(
                    "INSERT INTO redemptions (customer_id, reward_id, cost, code, at_ms, ledger_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![customer_id, reward_id, cost, code, now, ledger_id],
                ) {
                    Ok(_) => break code,
                    // A code collision (2^-40 per pair): draw again.
                    Err(e) if is_constraint(&e) && tries < 5 => tries += 1,
                    Err(e) => return Err(e),
                }
            };
            let id = tx.last_insert_rowid();
            let body = json!({"redemption": {"id": id, "reward_id": reward_id, "cost": cost, "code": code}, "balance": balance - cost});
            Stored { status: 201, body: body.to_string() }
        }
        Err(Refusal::UnknownReward) => Stored { status: 404, body: error_body("unknown_reward", &format!("no reward {reward_id:?}"), json!({})) },
        Err(Refusal::InsufficientBalance { missing }) => Stored {
            status: 409,
            body: error_body("insufficient_points", &format!("{missing} points missing for {reward_id}"), json!({"missing": missing, "balance": balance})),
        },
        Err(Refusal::BelowMinimum { minimum }) => Stored {
            status: 422,
            body: error_body("below_minimum", &format!("redemptions start at {minimum} points"), json!({"minimum": minimum})),
        },
        Err(Refusal::LimitReached { limit }) => Stored {
            status: 409,
            body: error_body("redemption_limit", &format!("at most {limit} redemptions per order"), json!({"limit": limit})),
        },
    };
    match tx.execute(
        "INSERT INTO idempotency_keys (customer_id, key, request_hash, status_code, response_body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![customer_id, key, hash, stored.status, stored.body, now],
    ) {
        Ok(_) => {}
        Err(e) if is_constraint(&e) => {
            // Another transaction stored this key first: undo ours, answer with theirs.
            tx.rollback()?;
            return match stored_response(conn, customer_id, key)? {
                Some((h, s)) => Ok(answer(h, s)),
                None => Err(e),
            };
        }
        Err(e) => return Err(e),
    }
    tx.commit()?;
    Ok(Outcome::Fresh(stored))
}

/// Creates the tables and seeds the two demo customers when there are none (idempotent).
///
/// Dana Demo (`demo@kofferkontor.example`, birthday 1 January) joined last year (start bonus
/// 100), bought a daypack (59) and redeemed free shipping (−150) last year; this year she got
/// her birthday bonus (50) and bought a suitcase M (169) and a travel backpack (89): balance
/// 317, 258 points earned this year, so "Silber" (742 to "Gold"). Bernd Beispiel
/// (`bernd@kofferkontor.example`, no birthday) joined this year (100) and bought a toiletry bag
/// (29): balance 129. The rows are dated relative to the time of seeding, inside the right
/// years.
pub fn init(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0))?;
    if count > 0 {
        return Ok(());
    }
    let program = demo_program();
    let now = db::now_ms();
    let ys = year_start_ms(now);
    let this_year = |tenths: i64| ys + (now - ys) * tenths / 10;
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let year = date_of(now).0;
    let dana = insert_customer(&tx, &program, DEMO_EMAIL, "Dana Demo", Some((1, 1)), ys - 150 * DAY_MS, Some(year))?;
    append(&tx, dana, ys - 100 * DAY_MS, 59, "purchase", None, None, "Bestellung (Demodaten): Daypack 20 l")?;
    let at = ys - 60 * DAY_MS;
    let ledger = append(&tx, dana, at, -150, "redeem", None, Some("versand"), "")?;
    tx.execute(
        "INSERT INTO redemptions (customer_id, reward_id, cost, code, at_ms, ledger_id) VALUES (?1, 'versand', 150, ?2, ?3, ?4)",
        params![dana, voucher_code(), at, ledger],
    )?;
    // On her birthday (1 January, 9:00 UTC), or now when seeded earlier that morning.
    append(&tx, dana, (ys + 9 * 3_600_000).min(now), 50, "birthday", None, None, &format!("Geburtstagsbonus {year}"))?;
    append(&tx, dana, this_year(4), 169, "purchase", None, None, "Bestellung (Demodaten): Koffer M")?;
    append(&tx, dana, this_year(7), 89, "purchase", None, None, "Bestellung (Demodaten): Reiserucksack 40 l")?;
    let bernd = insert_customer(&tx, &program, SECOND_EMAIL, "Bernd Beispiel", None, this_year(5), None)?;
    append(&tx, bernd, this_year(8), 29, "purchase", None, None, "Bestellung (Demodaten): Kulturbeutel")?;
    tx.commit()
}

// ---------------------------------------------------------------------------------------------
// JSON

fn tier_json(program: &Program, index: usize, lang: &str) -> Value {
    let t = &program.tiers[index];
    let name = TIER_NAMES.iter().find(|n| n.0 == t.id).map_or(t.id.as_str(), |n| if lang == "en" { n.2 } else { n.1 });
    json!({"id": t.id, "name": name, "threshold": t.threshold, "multiplier_percent": t.multiplier_percent})
}

fn whole_amount(minor: i64) -> String {
    if minor % 100 == 0 {
        (minor / 100).to_string()
    } else {
        format!("{}.{:02}", minor / 100, minor % 100)
    }
}

/// A reward as JSON: id, name (locale), cost, kind, and the amount in `currency` or percent.
pub fn reward_json(reward: &Reward, lang: &str, currency: &str) -> Value {
    let (kind, de, en) = REWARD_TEXTS.iter().find(|t| t.0 == reward.id).map_or((RewardKind::Gift, reward.id.as_str(), reward.id.as_str()), |t| (t.1, t.2, t.3));
    let (kind_name, amount, percent) = match kind {
        RewardKind::FreeShipping => ("free_shipping", None, None),
        RewardKind::Amount(a) => ("amount", Some(a), None),
        RewardKind::Percent(p) => ("percent", None, Some(p)),
        RewardKind::Gift => ("gift", None, None),
    };
    let shown = amount.map(|a| match (lang, currency) {
        ("en", "EUR") => format!("€{}", whole_amount(a)),
        ("en", _) => format!("{currency} {}", whole_amount(a)),
        (_, "EUR") => format!("{}-€", whole_amount(a)),
        _ => format!("{}-{currency}", whole_amount(a)),
    });
    let name = if lang == "en" { en } else { de }.replace("{amount}", shown.as_deref().unwrap_or(""));
    json!({
        "id": reward.id, "name": name, "cost": reward.cost, "kind": kind_name,
        "amount": amount, "currency": amount.map(|_| currency), "percent": percent,
    })
}

fn program_json(program: &Program, lang: &str, currency: &str) -> Value {
    let rate = |r: &EarnRate| json!({"currency": r.currency.code(), "points": r.points, "per_minor": r.per_minor});
    let mut order: Vec<usize> = (0..program.tiers.len()).collect();
    order.sort_by_key(|&i| program.tiers[i].threshold);
    json!({
        "locale": lang,
        "currency": currency,
        "rate": Currency::parse(currency).and_then(|c| program.rate(c)).as_ref().map(rate),
        "rates": program.rates.iter().map(rate).collect::<Vec<_>>(),
        "rounding": "down",
        "excluded_products": program.excluded_products,
        "tier_basis": "yearly_points",
        "tiers": order.iter().map(|&i| tier_json(program, i, lang)).collect::<Vec<_>>(),
        "start_bonus": program.start_bonus,
        "birthday_bonus": program.birthday_bonus,
        "min_redeem": program.min_redeem,
        "max_redemptions_per_order": program.max_redemptions_per_order,
        "rewards": program.rewards.iter().map(|r| reward_json(r, lang, currency)).collect::<Vec<_>>(),
    })
}

// ---------------------------------------------------------------------------------------------
// Handlers

fn now_s() -> i64 {
    db::now_ms().div_euclid(1000)
}

fn unauthorized(code: &'static str, message: &str) -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, code, message)
}

/// The `Authorization: Bearer` token of a request, if the header is present.
fn bearer(headers: &HeaderMap) -> Result<Option<&str>, ApiError> {
    let Some(v) = headers.get(header::AUTHORIZATION) else { return Ok(None) };
    let v = v.to_str().map_err(|_| unauthorized("invalid_token", "the Authorization header is not a Bearer token"))?;
    match v.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() => Ok(Some(token.trim())),
        _ => Err(unauthorized("invalid_token", "the Authorization header is not a Bearer token")),
    }
}

/// The customer of the request's token: `Ok(None)` without an `Authorization` header, 401
/// `invalid_token` (forged, malformed, unknown customer) or `expired_token` otherwise.
pub fn authenticate(st: &AppState, conn: &Connection, headers: &HeaderMap) -> Result<Option<Customer>, ApiError> {
    let Some(token) = bearer(headers)? else { return Ok(None) };
    let id = match verify_token(&st.loyalty.secret, token, now_s()) {
        Ok(id) => id,
        Err(TokenError::Expired) => return Err(unauthorized("expired_token", "the customer token has expired; log in again")),
        Err(TokenError::Invalid) => return Err(unauthorized("invalid_token", "the customer token is invalid")),
    };
    customer(conn, id)?.map(Some).ok_or_else(|| unauthorized("invalid_token", "the customer token names no customer of this shop"))
}

fn required(st: &AppState, conn: &Connection, headers: &HeaderMap) -> Result<Customer, ApiError> {
    authenticate(st, conn, headers)?.ok_or_else(|| unauthorized("token_required", "send the customer token as Authorization: Bearer <token>"))
}

fn optional_currency(p: &std::collections::HashMap<String, String>) -> Result<&'static str, ApiError> {
    currency(p.get("currency").map(String::as_str).unwrap_or("EUR"))
}

/// `GET /api/loyalty/program?locale=de|en&currency=EUR|CHF` (public).
pub async fn get_program(State(st): State<AppState>, q: Params) -> Result<Response, ApiError> {
    let p = params(q)?;
    let lang = language(&p)?;
    let cur = optional_currency(&p)?;
    Ok(Json(program_json(&st.loyalty.program, lang, cur)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Login {
    email: String,
    name: Option<String>,
    /// "MM-DD"
    birthday: Option<String>,
}

fn normalise_email(email: &str) -> Result<String, ApiError> {
    let e = email.trim().to_lowercase();
    let ok = (3..=254).contains(&e.len())
        && !e.chars().any(char::is_whitespace)
        && e.split_once('@').is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty() && !domain.contains('@'));
    if ok {
        Ok(e)
    } else {
        Err(ApiError::bad("invalid_email", "email must be an e-mail address"))
    }
}

fn parse_birthday(s: &str) -> Result<(u8, u8), ApiError> {
    let bad = || ApiError::bad("invalid_birthday", "birthday must be MM-DD, such as 06-15");
    let (m, d) = s.split_once('-').ok_or_else(bad)?;
    let (m, d): (u8, u8) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    const DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (1..=12).contains(&m) && d >= 1 && d <= DAYS[m as usize - 1] {
        Ok((m, d))
    } else {
        Err(bad())
    }
}

/// `POST /api/loyalty/demo-login` `{"email", "name"?, "birthday"?}`: a token for the customer
/// with that address — 200 for a known one, 201 for a new one, who joins with the start bonus.
/// Demo shop only: there is no password.
pub async fn demo_login(State(st): State<AppState>, payload: Result<Json<Login>, JsonRejection>) -> Result<Response, ApiError> {
    let b = body(payload)?;
    let email = normalise_email(&b.email)?;
    let birthday = b.birthday.as_deref().map(parse_birthday).transpose()?;
    let name = b.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    if name.as_ref().is_some_and(|n| n.chars().count() > 100) {
        return Err(ApiError::bad("invalid_name", "name must be at most 100 characters"));
    }
    let conn = st.db.lock().expect("db lock");
    let (c, status) = match customer_by_email(&conn, &email)? {
        Some(c) => (c, StatusCode::OK),
        None => {
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or("").to_string());
            let id = create_customer(&conn, &st.loyalty.program, &email, &name, birthday, db::now_ms())?;
            (customer(&conn, id)?.expect("just created"), StatusCode::CREATED)
        }
    };
    let (token, exp) = st.loyalty.token_for(c.id, now_s());
    Ok((status, Json(json!({"token": token, "expires_at": exp, "customer": c.json()}))).into_response())
}

/// `GET /api/loyalty/me?locale=de|en&currency=EUR|CHF` (token): balance, tier, rewards with
/// `affordable`, the last transactions. Credits the birthday bonus first when it is due.
pub async fn get_me(State(st): State<AppState>, headers: HeaderMap, q: Params) -> Result<Response, ApiError> {
    let p = params(q)?;
    let lang = language(&p)?;
    let cur = optional_currency(&p)?;
    let conn = st.db.lock().expect("db lock");
    let c = required(&st, &conn, &headers)?;
    let program = &st.loyalty.program;
    let now = db::now_ms();
    let birthday = credit_birthday(&conn, program, c.id, now)?;
    let balance = balance(&conn, c.id)?;
    let progress = yearly_points(&conn, c.id, now)?;
    let status = program.tier_status(progress);
    let rewards: Vec<Value> = program
        .rewards
        .iter()
        .map(|r| {
            let mut v = reward_json(r, lang, cur);
            let check = program.can_redeem(&r.id, balance, 0);
            v["affordable"] = json!(check.is_ok());
            v["missing"] = json!(match check {
                Err(Refusal::InsufficientBalance { missing }) => missing,
                _ => 0,
            });
            v
        })
        .collect();
    let mut stmt = conn.prepare(
        "SELECT l.id, l.at_ms, l.kind, l.delta, l.order_id, l.reward_id, l.note, r.code
         FROM points_ledger l LEFT JOIN redemptions r ON r.ledger_id = l.id
         WHERE l.customer_id = ?1 ORDER BY l.id DESC LIMIT ?2",
    )?;
    let names: BTreeMap<&str, Value> = program.rewards.iter().map(|r| (r.id.as_str(), reward_json(r, lang, cur)["name"].clone())).collect();
    let history = stmt
        .query_map(params![c.id, HISTORY_LEN as i64], |r| {
            let reward_id: Option<String> = r.get(5)?;
            let reward_name = reward_id.as_deref().and_then(|id| names.get(id).cloned()).unwrap_or(Value::Null);
            Ok(json!({
                "id": r.get::<_, i64>(0)?, "at_ms": r.get::<_, i64>(1)?, "kind": r.get::<_, String>(2)?, "delta": r.get::<_, i64>(3)?,
                "order_id": r.get::<_, Option<i64>>(4)?, "reward_id": reward_id, "reward_name": reward_name,
                "code": r.get::<_, Option<String>>(7)?, "note": r.get::<_, String>(6)?,
            }))
        })?
        .collect::<rusqlite::Result<Vec<Value>>>()?;
    Ok(Json(json!({
        "customer": c.json(),
        "balance": balance,
        "currency": cur,
        "tier": {
            "basis": "yearly_points",
            "year": date_of(now).0,
            "progress": progress,
            "current": status.current.map(|i| tier_json(program, i, lang)),
            "next": status.next.map(|i| tier_json(program, i, lang)),
            "remaining": status.remaining,
            "permille": status.permille,
        },
        "birthday_bonus_credited": birthday,
        "rewards": rewards,
        "history": history,
    }))
    .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedeemBody {
    reward_id: String,
}

/// Name of the idempotency header.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// Header marking a replayed response.
pub const REPLAYED: &str = "idempotent-replayed";

fn stored_into_response(s: Stored, replayed: bool) -> Response {
    let status = StatusCode::from_u16(s.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = (status, s.body).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if replayed {
        res.headers_mut().insert(REPLAYED, HeaderValue::from_static("true"));
    }
    res
}

/// `POST /api/loyalty/redeem` (token, `Idempotency-Key`) `{"reward_id"}`: see [`redeem`].
pub async fn post_redeem(State(st): State<AppState>, headers: HeaderMap, payload: Result<Json<RedeemBody>, JsonRejection>) -> Result<Response, ApiError> {
    let conn = st.db.lock().expect("db lock");
    let c = required(&st, &conn, &headers)?;
    let key = match headers.get(IDEMPOTENCY_KEY) {
        None => return Err(ApiError::bad("idempotency_key_required", "send an Idempotency-Key header (1 to 100 characters) with every redemption")),
        Some(v) => v.to_str().ok().filter(|k| !k.is_empty() && k.len() <= MAX_KEY_LEN).ok_or_else(|| {
            ApiError::bad("invalid_idempotency_key", format!("Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters"))
        })?,
    };
    let b = body(payload)?;
    if b.reward_id.is_empty() || b.reward_id.len() > 100 {
        return Err(ApiError::bad("invalid_reward_id", "reward_id must be 1 to 100 characters"));
    }
    match redeem(&conn, &st.loyalty.program, c.id, key, &b.reward_id, db::now_ms())? {
        Outcome::Fresh(s) => Ok(stored_into_response(s, false)),
        Outcome::Replayed(s) => Ok(stored_into_response(s, true)),
        Outcome::KeyReused => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "this Idempotency-Key was used with a different request; use a new key for a new redemption",
        )),
    }
}

fn test_endpoints_off() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "faults_disabled", "test endpoints are off; start the server with --faults")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestCredit {
    email: String,
    points: i64,
    note: Option<String>,
}

/// `POST /api/_test/loyalty/credit` `{"email","points","note"?}` (only with `--faults`): appends an
/// `adjust` row (it does not count towards tiers). 201 `{"customer_id","balance"}`.
pub async fn post_test_credit(State(st): State<AppState>, payload: Result<Json<TestCredit>, JsonRejection>) -> Result<Response, ApiError> {
    if !st.faults_enabled {
        return Err(test_endpoints_off());
    }
    let b = body(payload)?;
    if !(1..=MAX_TEST_CREDIT).contains(&b.points) {
        return Err(ApiError::bad("invalid_points", format!("points must be between 1 and {MAX_TEST_CREDIT}")));
    }
    let email = normalise_email(&b.email)?;
    let conn = st.db.lock().expect("db lock");
    let c = customer_by_email(&conn, &email)?.ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "unknown_customer", format!("no customer {email}")))?;
    append(&conn, c.id, db::now_ms(), b.points, "adjust", None, None, b.note.as_deref().unwrap_or("test credit"))?;
    Ok((StatusCode::CREATED, Json(json!({"customer_id": c.id, "balance": balance(&conn, c.id)?}))).into_response())
}

/// `GET /api/_test/loyalty/audit?email=` (only with `--faults`): the customer's ledger checked
/// row by row — the derived balance, the ledger walked in order (its sum and the lowest running
/// balance), rows per kind, redemptions and their costs, stored idempotency keys.
pub async fn get_test_audit(State(st): State<AppState>, q: Params) -> Result<Response, ApiError> {
    if !st.faults_enabled {
        return Err(test_endpoints_off());
    }
    let p = params(q)?;
    let email = normalise_email(p.get("email").map(String::as_str).unwrap_or(""))?;
    let conn = st.db.lock().expect("db lock");
    let c = customer_by_email(&conn, &email)?.ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "unknown_customer", format!("no customer {email}")))?;
    let mut stmt = conn.prepare("SELECT delta, kind FROM points_ledger WHERE customer_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([c.id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    let (mut sum, mut min_running) = (0i64, 0i64);
    let mut by_kind: BTreeMap<&str, (i64, i64)> = KINDS.iter().map(|k| (*k, (0, 0))).collect();
    for (delta, kind) in &rows {
        sum += delta;
        min_running = min_running.min(sum);
        if let Some(e) = by_kind.get_mut(kind.as_str()) {
            e.0 += 1;
            e.1 += delta;
        }
    }
    let (redemptions, costs): (i64, i64) =
        conn.query_row("SELECT COUNT(*), COALESCE(SUM(cost), 0) FROM redemptions WHERE customer_id = ?1", [c.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let keys: i64 = conn.query_row("SELECT COUNT(*) FROM idempotency_keys WHERE customer_id = ?1", [c.id], |r| r.get(0))?;
    let kinds: serde_json::Map<String, Value> = by_kind.into_iter().map(|(k, (n, s))| (k.to_string(), json!({"rows": n, "sum": s}))).collect();
    Ok(Json(json!({
        "customer_id": c.id,
        "balance": balance(&conn, c.id)?,
        "ledger_rows": rows.len(),
        "ledger_sum": sum,
        "min_running_balance": min_running,
        "kinds": kinds,
        "redemptions": redemptions,
        "redemption_costs": costs,
        "idempotency_keys": keys,
    }))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        // Test cases 1, 2 and 6 (a key longer than the block).
        assert_eq!(hex(&hmac_sha256(&[0x0b; 20], b"Hi There")), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        assert_eq!(hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assert_eq!(
            hex(&hmac_sha256(&[0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn tokens_verify_expire_and_refuse_forgeries() {
        let secret = b"0123456789abcdef-secret";
        let t = sign_token(secret, 7, 1_000);
        assert_eq!(verify_token(secret, &t, 999), Ok(7));
        assert_eq!(verify_token(secret, &t, 1_000), Err(TokenError::Expired));
        assert_eq!(verify_token(b"another secret!!", &t, 0), Err(TokenError::Invalid));
        let (payload, sig) = t.split_once('.').unwrap();
        // Another customer's payload with the old signature.
        let forged = URL_SAFE_NO_PAD.encode(r#"{"sub":"8","exp":1000}"#);
        assert_eq!(verify_token(secret, &format!("{forged}.{sig}"), 0), Err(TokenError::Invalid));
        // A flipped signature byte, a missing part, garbage.
        let mut raw = URL_SAFE_NO_PAD.decode(sig).unwrap();
        raw[0] ^= 1;
        assert_eq!(verify_token(secret, &format!("{payload}.{}", URL_SAFE_NO_PAD.encode(raw)), 0), Err(TokenError::Invalid));
        for bad in ["", ".", payload, "a.b.c", "!!.??"] {
            assert_eq!(verify_token(secret, bad, 0), Err(TokenError::Invalid), "{bad}");
        }
        // Correctly signed but without a usable sub.
        let no_sub = r#"{"exp":5000}"#;
        let t = format!("{}.{}", URL_SAFE_NO_PAD.encode(no_sub), URL_SAFE_NO_PAD.encode(hmac_sha256(secret, no_sub.as_bytes())));
        assert_eq!(verify_token(secret, &t, 0), Err(TokenError::Invalid));
    }

    #[test]
    fn dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        for (y, m, d) in [(2000, 2, 29), (2024, 12, 31), (2026, 1, 1), (2100, 3, 1), (1969, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(2026, 1, 1) - days_from_civil(2025, 1, 1), 365);
        // 2026-11-22T09:48:00Z
        let t = 1_795_340_880_000;
        assert_eq!(date_of(t), (2026, 11, 22));
        assert_eq!(year_start_ms(t), days_from_civil(2026, 1, 1) * DAY_MS);
    }

    #[test]
    fn voucher_codes_look_random_and_differ() {
        let codes: std::collections::HashSet<String> = (0..1000).map(|_| voucher_code()).collect();
        assert_eq!(codes.len(), 1000);
        for c in codes.iter().take(20) {
            assert_eq!(c.len(), 12, "{c}");
            assert!(c.starts_with("KK-") && c.as_bytes()[7] == b'-', "{c}");
            assert!(c[3..].chars().all(|ch| ch == '-' || CODE_ALPHABET.contains(&(ch as u8))), "{c}");
        }
    }

    #[test]
    fn demo_program_excludes_what_the_shipping_bar_excludes() {
        let rules = crate::load_rules(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/schaufenster.json"))).unwrap();
        assert_eq!(demo_program().excluded_products, rules.excluded_products);
        for r in &demo_program().rewards {
            assert!(REWARD_TEXTS.iter().any(|t| t.0 == r.id), "{} has no texts", r.id);
        }
    }

    #[test]
    fn seeded_customers() {
        let conn = db::open(":memory:").unwrap();
        let p = demo_program();
        let now = db::now_ms();
        let dana = customer_by_email(&conn, DEMO_EMAIL).unwrap().unwrap();
        let bernd = customer_by_email(&conn, SECOND_EMAIL).unwrap().unwrap();
        assert_eq!((balance(&conn, dana.id).unwrap(), yearly_points(&conn, dana.id, now).unwrap()), (317, 258));
        assert_eq!(p.tiers[current_tier(&conn, &p, dana.id, now).unwrap().unwrap()].id, "silber");
        assert_eq!((balance(&conn, bernd.id).unwrap(), current_tier(&conn, &p, bernd.id, now).unwrap()), (129, None));
        // The birthday bonus of this year was seeded, dated on her birthday: none is due.
        assert!(!credit_birthday(&conn, &p, dana.id, now).unwrap());
        let at: i64 = conn.query_row("SELECT at_ms FROM points_ledger WHERE customer_id = ?1 AND kind = 'birthday'", [dana.id], |r| r.get(0)).unwrap();
        let ys = year_start_ms(now);
        assert!(at == (ys + 9 * 3_600_000).min(now) && date_of(at).0 == date_of(now).0, "{at}");
        init(&conn).unwrap();
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM customers", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 2, "seeded once");
    }

    #[test]
    fn ledger_is_append_only_and_never_negative() {
        let conn = db::open(":memory:").unwrap();
        let bernd = customer_by_email(&conn, SECOND_EMAIL).unwrap().unwrap().id;
        assert!(conn.execute("UPDATE points_ledger SET delta = 1000 WHERE customer_id = ?1", [bernd]).is_err());
        assert!(conn.execute("DELETE FROM points_ledger WHERE customer_id = ?1", [bernd]).is_err());
        assert!(append(&conn, bernd, 0, -130, "adjust", None, None, "").is_err(), "129 − 130 < 0");
        append(&conn, bernd, 0, -129, "adjust", None, None, "").unwrap();
        assert_eq!(balance(&conn, bernd).unwrap(), 0);
        assert!(append(&conn, bernd, 0, 0, "adjust", None, None, "").is_err(), "no empty rows");
    }

    #[test]
    fn birthday_bonus_once_a_year() {
        let conn = db::open(":memory:").unwrap();
        let p = demo_program();
        let now = db::now_ms();
        let id = create_customer(&conn, &p, "jan@example.org", "Jan", Some((1, 1)), now).unwrap();
        assert_eq!(balance(&conn, id).unwrap(), 100, "start bonus");
        assert!(credit_birthday(&conn, &p, id, now).unwrap());
        assert!(!credit_birthday(&conn, &p, id, now).unwrap());
        assert!(credit_birthday(&conn, &p, id, now + 366 * DAY_MS).unwrap(), "next year again");
        assert_eq!(balance(&conn, id).unwrap(), 200);
        let none = create_customer(&conn, &p, "nobday@example.org", "N", None, now).unwrap();
        assert!(!credit_birthday(&conn, &p, none, now).unwrap());
    }

    /// The guarantee does not rest on the server's one mutex-guarded connection: eight threads,
    /// each with its own connection to one database file, redeem with one key (exactly one
    /// redemption, seven replays) and then with eight keys for a balance that covers three.
    #[test]
    fn exactly_once_across_connections() {
        let path = std::env::temp_dir().join(format!("sf-loyalty-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let p = path.to_str().unwrap().to_string();
        let conn = db::open(&p).unwrap();
        let program = demo_program();
        let id = create_customer(&conn, &program, "race@example.org", "Race", None, db::now_ms()).unwrap();
        append(&conn, id, 0, 700, "adjust", None, None, "").unwrap(); // 800: three "5-euro" (250)
        drop(conn);
        let run = |keys: Vec<String>| -> Vec<Outcome> {
            let handles: Vec<_> = keys
                .into_iter()
                .map(|key| {
                    let p = p.clone();
                    std::thread::spawn(move || {
                        let conn = Connection::open(&p).unwrap();
                        conn.busy_timeout(std::time::Duration::from_secs(30)).unwrap();
                        redeem(&conn, &demo_program(), id, &key, "5-euro", db::now_ms()).unwrap()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        };
        let same = run(vec!["k".to_string(); 8]);
        let fresh: Vec<_> = same.iter().filter(|o| matches!(o, Outcome::Fresh(_))).collect();
        assert_eq!(fresh.len(), 1);
        let Outcome::Fresh(winner) = fresh[0] else { unreachable!() };
        assert!(same.iter().all(|o| matches!(o, Outcome::Replayed(s) | Outcome::Fresh(s) if s == winner)));
        let many = run((0..8).map(|i| format!("key-{i}")).collect());
        let ok = many.iter().filter(|o| matches!(o, Outcome::Fresh(s) if s.status == 201)).count();
        let refused = many.iter().filter(|o| matches!(o, Outcome::Fresh(s) if s.status == 409)).count();
        assert_eq!((ok, refused), (2, 6), "800 − 250 (first run) leaves 550: two more");
        let conn = Connection::open(&p).unwrap();
        assert_eq!(balance(&conn, id).unwrap(), 50);
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM redemptions WHERE customer_id = ?1", [id], |r| r.get(0)).unwrap();
        assert_eq!(n, 3);
        drop(conn);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn reward_names_and_amounts() {
        let p = demo_program();
        let r = |id: &str, lang: &str, cur: &str| reward_json(p.rewards.iter().find(|r| r.id == id).unwrap(), lang, cur);
        assert_eq!(r("5-euro", "de", "EUR")["name"], "5-€-Gutschein");
        assert_eq!(r("5-euro", "de", "CHF")["name"], "5-CHF-Gutschein");
        assert_eq!(r("5-euro", "en", "EUR")["name"], "€5 voucher");
        assert_eq!(r("5-euro", "en", "CHF")["name"], "CHF 5 voucher");
        assert_eq!((r("5-euro", "en", "CHF")["amount"].clone(), r("5-euro", "en", "CHF")["currency"].clone()), (json!(500), json!("CHF")));
        assert_eq!((r("10-prozent", "en", "EUR")["kind"].clone(), r("10-prozent", "en", "EUR")["percent"].clone()), (json!("percent"), json!(10)));
        assert_eq!(r("versand", "en", "EUR")["amount"], Value::Null);
    }
}
