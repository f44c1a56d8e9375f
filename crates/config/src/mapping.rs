//! Reading backend responses through a source's `map` of JSON pointers.
//!
//! This is what lets any backend drive the widgets without code: the response may have any
//! shape as long as the pointers find the fields. Problems name the pointer and, for list rows,
//! the row index, so a shop owner can fix the map.

use crate::json::Json;
use crate::model::{MoneyFormat, Source, CART_FIELDS, PRODUCT_FIELDS, STATS_FIELDS};
use schaufenster_core::num::parse_i64;
use schaufenster_core::shipping::Candidate;
use schaufenster_core::{Cart, CartLine, Currency, Money};

/// Reads an amount as the source's money format says. `"cents"` are hundredths of the major
/// unit whatever the currency (Shopify writes ¥1,500 as 150000). `stated` is the number of decimals the
/// response states for `"stated_minor"` money (WooCommerce's `currency_minor_unit`); without it
/// such an amount cannot be read.
pub fn read_money(v: &Json, format: MoneyFormat, currency: Currency, stated: Option<u8>) -> Option<i64> {
    match (format, v) {
        (MoneyFormat::Minor, Json::Number(_)) => v.as_i64(),
        (MoneyFormat::Minor, Json::String(t)) => parse_i64(t.trim()),
        (MoneyFormat::Decimal, Json::String(t)) => Money::parse_decimal(t, currency).map(Money::minor),
        (MoneyFormat::Decimal, Json::Number(n)) => {
            // Decimal numbers arrive as doubles (49.9); round to the currency's minor units.
            let scaled = (n * currency.minor_per_major() as f64).round();
            (scaled.is_finite() && scaled.abs() < 9.0e15).then_some(scaled as i64)
        }
        (MoneyFormat::Cents | MoneyFormat::StatedMinor, _) => {
            let units = match v {
                Json::String(t) => parse_i64(t.trim())?,
                _ => v.as_i64()?,
            };
            Money::from_units(units, if format == MoneyFormat::Cents { 2 } else { stated? as u32 }, currency).map(Money::minor)
        }
        _ => None,
    }
}

/// One wording for a cart value that cannot be read: what, where, what was found and what was
/// expected.
#[inline(never)]
fn bad(what: &str, p: &str, v: Option<&Json>, want: &str) -> String {
    format!("{what} at \"{p}\" is {}, not {want}", v.map_or_else(|| "missing".into(), crate::decode::found))
}

/// An id as text: a string as it is, a whole number in digits.
#[inline(never)]
fn id_text(v: Option<&Json>) -> Option<String> {
    match v {
        Some(Json::String(s)) => Some(s.clone()),
        Some(n @ Json::Number(_)) => n.as_i64().map(|n| n.to_string()),
        _ => None,
    }
}

/// [`found`](crate::decode::found) for a value that may be absent (then `none`).
#[inline(never)]
fn found_or(v: Option<&Json>, none: &str) -> String {
    v.map_or_else(|| none.to_owned(), crate::decode::found)
}

/// The names whose flag is set, in order (one body for every "missing or invalid" list).
#[inline(never)]
fn flagged(flags: &[(bool, &'static str)]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for &(b, n) in flags {
        if b {
            out.push(n);
        }
    }
    out
}

fn sub<'a>(source: &'a Source, fields: &'a [(&'a str, &'a str)], row: &'a Json, field: &str) -> (&'a str, Option<&'a Json>) {
    let p = source.pointer(field, fields);
    (p, row.pointer(p))
}

/// For `"stated_minor"` money, the number of decimals the response states at "minor_unit"
/// (reported when it is missing or not 0 to 18); `None` for the other formats.
#[inline(never)]
fn stated_decimals(source: &Source, fields: &[(&str, &str)], data: &Json, problems: &mut Vec<String>) -> Option<u8> {
    if source.money != MoneyFormat::StatedMinor {
        return None;
    }
    let (p, v) = sub(source, fields, data, "minor_unit");
    let d = v.and_then(Json::as_i64).filter(|d| (0..=18).contains(d)).map(|d| d as u8);
    if d.is_none() {
        problems.push(bad("the number of decimals", p, v, "0 to 18"));
    }
    d
}

/// Reads a cart. Unknown or missing currency falls back to `default_currency`; a line with a
/// missing or wrong field is reported (with its index) and left out, so one bad line cannot
/// hide the rest, but the caller learns that the cart is incomplete.
pub fn cart_from_json(data: &Json, source: &Source, default_currency: Currency, default_country: Option<&str>) -> (Cart, Vec<String>) {
    let mut problems = Vec::new();
    let f = CART_FIELDS;
    let currency = match sub(source, f, data, "currency") {
        (_, None | Some(Json::Null)) => default_currency,
        (p, Some(v)) => match v.as_str().and_then(Currency::parse) {
            Some(c) => c,
            None => {
                problems.push(bad("cart currency", p, Some(v), "an ISO 4217 code"));
                default_currency
            }
        },
    };
    let stated = stated_decimals(source, f, data, &mut problems);
    let money = |v: &Json| read_money(v, source.money, currency, stated);
    let country = match sub(source, f, data, "country").1.and_then(Json::as_str) {
        Some(c) => Some(c.to_ascii_uppercase()),
        None => default_country.map(str::to_owned),
    };
    let mut cart_discount: i64 = match sub(source, f, data, "discount") {
        (_, None | Some(Json::Null)) => 0,
        // A list of discounts (Shopify's cart-level discount applications): their amounts add up.
        (p, Some(Json::Array(items))) => {
            let mut sum: i64 = 0;
            for (i, item) in items.iter().enumerate() {
                let (a, v) = sub(source, f, item, "discount.amount");
                match v.and_then(money).filter(|a| *a >= 0) {
                    Some(amount) => sum = sum.saturating_add(amount),
                    None => problems.push(bad("cart discount", &format!("{p}/{i}{a}"), v, "an amount")),
                }
            }
            sum
        }
        (p, Some(v)) => money(v).unwrap_or_else(|| {
            problems.push(bad("cart discount", p, Some(v), "an amount"));
            0
        }),
    };
    let free_shipping = match sub(source, f, data, "free_shipping") {
        (_, None | Some(Json::Null)) => false,
        (_, Some(Json::Bool(b))) => *b,
        (p, v) => {
            problems.push(bad("free-shipping flag", p, v, "true or false"));
            false
        }
    };
    let mut lines = Vec::new();
    match sub(source, f, data, "lines") {
        (_, Some(Json::Array(rows))) => {
            for (i, row) in rows.iter().enumerate() {
                let id = id_text(sub(source, f, row, "lines.product_id").1);
                let qty = sub(source, f, row, "lines.quantity").1.and_then(Json::as_i64).filter(|q| (0..=u32::MAX as i64).contains(q));
                let price = sub(source, f, row, "lines.unit_price").1.and_then(money);
                // A line of another type with a negative price takes money off the cart (a
                // Shopware promotion); it is no product and needs no product id.
                if let (Some(p @ ..=-1), Some(q), Some(kind)) = (price, qty, sub(source, f, row, "lines.type").1.and_then(Json::as_str)) {
                    if kind != "product" {
                        cart_discount = cart_discount.saturating_add(p.saturating_neg().saturating_mul(q));
                        continue;
                    }
                }
                let price = price.filter(|p| *p >= 0);
                let discount = match sub(source, f, row, "lines.line_discount").1 {
                    None | Some(Json::Null) => Some(0),
                    Some(v) => money(v).filter(|d| *d >= 0),
                };
                match (id, qty, price, discount) {
                    (Some(id), Some(q), Some(p), Some(d)) => lines.push(CartLine { product_id: id, quantity: q as u32, unit_price: p, line_discount: d }),
                    (id, q, p, d) => {
                        let bad = flagged(&[(id.is_none(), "product_id"), (q.is_none(), "quantity"), (p.is_none(), "unit_price"), (d.is_none(), "line_discount")]);
                        problems.push(format!("cart line {i}: missing or invalid {}", schaufenster_core::template::join(&bad, ", ")));
                    }
                }
            }
        }
        (p, None | Some(Json::Null)) => problems.push(format!("no cart lines at \"{p}\"")),
        (p, Some(v)) => problems.push(format!("cart lines at \"{p}\" are {}, not an array", v.kind())),
    }
    (Cart { currency, country, lines, cart_discount, free_shipping }, problems)
}

/// A product as the widgets show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// Id as the shop knows it.
    pub id: String,
    /// Display name (rendered as text).
    pub title: String,
    /// Unit price in minor units of `currency`.
    pub price: i64,
    /// Currency of the price.
    pub currency: Currency,
    /// Product page, if any.
    pub url: Option<String>,
    /// Image URL, if any.
    pub image: Option<String>,
    /// Whether it can be bought now (default true).
    pub available: bool,
}

impl Product {
    /// The product as a suggestion candidate.
    pub fn candidate(&self) -> Candidate {
        Candidate { id: self.id.clone(), price: self.price, available: self.available }
    }
}

/// Reads a product list; rows with problems are reported by index and left out. `session` is
/// the currency the widget asked for (the cart's): the prices' currency when the source says
/// they follow the shopper's session (`session_currency`), else the list must state its own.
pub fn products_from_json(data: &Json, source: &Source, session: Currency) -> (Vec<Product>, Vec<String>) {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let Some((rows, currency, stated)) = product_list(data, source, session, &mut problems) else {
        return (out, problems);
    };
    for (i, row) in rows.iter().enumerate() {
        match product_row(row, source, currency, stated) {
            Ok(p) => out.push(p),
            Err(bad) => problems.push(format!("product {i}: missing or invalid {}", schaufenster_core::template::join(&bad, ", "))),
        }
    }
    (out, problems)
}

/// The rows of a product list with their currency and stated decimals, or `None` (with the
/// problem) when there is no list or, for a list with products, no currency.
fn product_list<'a>(data: &'a Json, source: &'a Source, session: Currency, problems: &mut Vec<String>) -> Option<(&'a [Json], Currency, Option<u8>)> {
    let f = PRODUCT_FIELDS;
    let rows = match sub(source, f, data, "items") {
        (_, Some(Json::Array(rows))) => rows,
        (p, _) => {
            problems.push(format!("no product list at \"{p}\""));
            return None;
        }
    };
    if rows.is_empty() {
        return Some((rows, session, None));
    }
    // Prices without a stated currency could be read as euros for one cart and francs for
    // another; such a list is refused rather than guessed, unless the source says its prices
    // follow the session's currency.
    let currency = if source.session_currency {
        session
    } else {
        match sub(source, f, data, "currency") {
            (_, Some(v)) if v.as_str().and_then(Currency::parse).is_some() => v.as_str().and_then(Currency::parse).unwrap_or(session),
            (p, v) => {
                problems.push(format!("the product list states no currency at \"{p}\" (found {})", found_or(v, "nothing")));
                return None;
            }
        }
    };
    let stated = stated_decimals(source, f, data, problems);
    // Without the stated decimals no price can be read: one problem, not one per product.
    if source.money == MoneyFormat::StatedMinor && stated.is_none() {
        return None;
    }
    Some((rows, currency, stated))
}

/// One product row; `Err` names the required fields that are missing or invalid.
fn product_row(row: &Json, source: &Source, currency: Currency, stated: Option<u8>) -> Result<Product, Vec<&'static str>> {
    let f = PRODUCT_FIELDS;
    // A protocol-relative URL in a response (Shopify's image CDN) is read as https.
    let safe_url = |v: Option<&Json>| {
        let text = v.and_then(Json::as_str)?;
        let mut u = String::new();
        if text.starts_with("//") {
            u.push_str("https:");
        }
        u.push_str(text);
        crate::types::url_problem(&u).is_none().then_some(u)
    };
    let id = id_text(sub(source, f, row, "items.id").1);
    let title = sub(source, f, row, "items.title").1.and_then(Json::as_str).map(str::to_owned);
    let price = sub(source, f, row, "items.price").1.and_then(|v| read_money(v, source.money, currency, stated)).filter(|p| *p >= 0);
    match (id, title, price) {
        (Some(id), Some(title), Some(price)) => Ok(Product {
            id,
            title,
            price,
            currency,
            url: safe_url(sub(source, f, row, "items.url").1),
            image: safe_url(sub(source, f, row, "items.image").1),
            available: !matches!(sub(source, f, row, "items.available").1, Some(Json::Bool(false))),
        }),
        (id, title, price) => Err(flagged(&[(id.is_none(), "id"), (title.is_none(), "title"), (price.is_none(), "price")])),
    }
}

/// Reads an advisor catalogue: the products (as [`products_from_json`] does) with their stock
/// and the declared attributes, as the engine's table (columns: the declared attributes, then
/// "price" in minor units). A value of the wrong type is reported with the row index and the
/// attribute and treated as unknown; rows without id, title or price are left out.
pub fn catalogue_from_json(data: &Json, advisor: &crate::advisor::Advisor, session: Currency) -> (schaufenster_core::advisor::Catalogue, Vec<Product>, Vec<String>) {
    use crate::advisor::AttrType;
    use schaufenster_core::advisor::{Catalogue, Product as Row, Value};
    let source = &advisor.catalogue.source.0;
    let f = PRODUCT_FIELDS;
    let columns = advisor.columns();
    let mut problems = Vec::new();
    let (mut table, mut products) = (Vec::new(), Vec::new());
    let Some((rows, currency, stated)) = product_list(data, source, session, &mut problems) else {
        return (Catalogue { attributes: columns, products: table }, products, problems);
    };
    // Prices and budgets are shown and compared in the cart's currency: a catalogue that
    // states another one cannot be used (the shipping bar drops such products the same way).
    if currency != session {
        problems.push(format!("the catalogue is in {}, the cart in {}: its prices cannot be compared with the cart's", currency.code(), session.code()));
        return (Catalogue { attributes: columns, products: table }, products, problems);
    }
    for (i, row) in rows.iter().enumerate() {
        let p = match product_row(row, source, currency, stated) {
            Ok(p) => p,
            Err(bad) => {
                problems.push(format!("product {i}: missing or invalid {}", schaufenster_core::template::join(&bad, ", ")));
                continue;
            }
        };
        let mut values = Vec::with_capacity(columns.len());
        for name in &columns {
            if name == "price" && advisor.catalogue.attributes.iter().all(|(k, _)| k != "price") {
                values.push(Some(Value::Num(p.price as f64)));
                continue;
            }
            let Some((_, decl)) = advisor.catalogue.attributes.iter().find(|(k, _)| k == name) else {
                values.push(None);
                continue;
            };
            let default;
            let pointer = match &decl.pointer {
                Some(p) => p.0.as_str(),
                None => {
                    default = format!("/{name}");
                    default.as_str()
                }
            };
            let v = row.pointer(pointer);
            let value = match (decl.kind, v) {
                (_, None | Some(Json::Null)) => None,
                (AttrType::Number, Some(Json::Number(n))) => Some(Value::Num(*n)),
                (AttrType::Text, Some(Json::String(t))) => Some(Value::Text(t.clone())),
                (AttrType::Boolean, Some(Json::Bool(b))) => Some(Value::Bool(*b)),
                (AttrType::Tags, Some(Json::Array(items))) if items.iter().all(|t| t.as_str().is_some()) => {
                    let mut tags = Vec::new();
                    for t in items {
                        if let Some(t) = t.as_str() {
                            tags.push(t.to_owned());
                        }
                    }
                    Some(Value::Tags(tags))
                }
                (kind, Some(other)) => {
                    let want = match kind {
                        AttrType::Number => "a number",
                        AttrType::Text => "a text",
                        AttrType::Tags => "a list of tags",
                        AttrType::Boolean => "true or false",
                    };
                    problems.push(format!("product {i} (\"{}\"): {name} at \"{pointer}\" is {}, not {want}", p.id, crate::decode::found(other)));
                    None
                }
            };
            values.push(value);
        }
        let stock = match sub(source, f, row, "items.stock") {
            (_, None | Some(Json::Null)) => None,
            (ptr, Some(v)) => v.as_i64().or_else(|| {
                problems.push(format!("product {i} (\"{}\"): stock at \"{ptr}\" is {}, not a whole number", p.id, crate::decode::found(v)));
                None
            }),
        };
        let stock = if p.available { stock } else { Some(0) };
        table.push(Row { id: p.id.clone(), values, stock });
        products.push(p);
    }
    (Catalogue { attributes: columns, products: table }, products, problems)
}

/// Reads one product's social-proof numbers from a stats response. Values that are not whole
/// numbers (strings, fractions, numbers beyond 2^53) are left out and reported; the rules then
/// reject negative ones. Nothing here invents a number.
pub fn stats_from_json(data: &Json, source: &Source, product_id: &str) -> (schaufenster_core::social_proof::Stats, Vec<String>) {
    use schaufenster_core::social_proof::Stats;
    let f = STATS_FIELDS;
    let mut problems = Vec::new();
    let int = |name: &str, v: Option<&Json>, problems: &mut Vec<String>| -> Option<i64> {
        match v {
            None | Some(Json::Null) => None,
            Some(v) => match v.as_i64() {
                Some(n) => Some(n),
                None => {
                    problems.push(format!("{name} of \"{product_id}\" is {}, not a whole number", crate::decode::found(v)));
                    None
                }
            },
        }
    };
    let generated_at_ms = int("generated_at", sub(source, f, data, "generated_at").1, &mut problems);
    let window_minutes = int("window_minutes", sub(source, f, data, "window_minutes").1, &mut problems);
    let entry = match sub(source, f, data, "products").1 {
        Some(Json::Object(members)) => members.iter().find(|(k, _)| k == product_id).map(|(_, v)| v),
        Some(Json::Array(rows)) => rows.iter().find(|row| match sub(source, f, row, "products.id").1 {
            Some(Json::String(id)) => id == product_id,
            Some(n @ Json::Number(_)) => n.as_i64().map(|n| n.to_string()).as_deref() == Some(product_id),
            _ => false,
        }),
        _ => {
            problems.push(format!("no products at \"{}\"", source.pointer("products", f)));
            None
        }
    };
    let Some(e) = entry else {
        return (Stats { generated_at_ms, window_minutes, ..Default::default() }, problems);
    };
    let purchases = int("purchases", sub(source, f, e, "products.purchases").1, &mut problems);
    let carts = int("carts", sub(source, f, e, "products.carts").1, &mut problems);
    let viewers = int("viewers", sub(source, f, e, "products.viewers").1, &mut problems);
    let stock = int("stock", sub(source, f, e, "products.stock").1, &mut problems);
    let rating = match (sub(source, f, e, "products.rating_average").1, int("rating count", sub(source, f, e, "products.rating_count").1, &mut problems)) {
        (Some(Json::Number(avg)), Some(n)) if avg.is_finite() => Some((*avg, n)),
        (None | Some(Json::Null), None) => None,
        (avg, _) => {
            problems.push(format!("rating of \"{product_id}\" is {}, not an average with a count", found_or(avg, "missing")));
            None
        }
    };
    let bestseller = match (sub(source, f, e, "products.bestseller_category").1, int("bestseller rank", sub(source, f, e, "products.bestseller_rank").1, &mut problems)) {
        (Some(Json::String(c)), Some(r)) => Some((c.clone(), r)),
        (None | Some(Json::Null), None) => None,
        (Some(Json::String(_)), None) => {
            problems.push(format!("bestseller of \"{product_id}\" has no whole-number rank"));
            None
        }
        (c, _) => {
            problems.push(format!("bestseller category of \"{product_id}\" is {}, not a name", found_or(c, "missing")));
            None
        }
    };
    (Stats { generated_at_ms, window_minutes, purchases, carts, viewers, stock, rating, bestseller }, problems)
}

/// An FAQ entry as the widget reads it. `answer` is the source's text, possibly simple HTML,
/// which the widget passes through `schaufenster_core::rich` before showing.
#[derive(Clone, Debug, PartialEq)]
pub struct FaqItem {
    /// Stable id (deep links `#faq-<id>`, feedback).
    pub id: String,
    /// The question (plain text).
    pub question: String,
    /// The answer (plain text or simple HTML).
    pub answer: String,
    /// Category, if any.
    pub category: Option<String>,
    /// Tags / keywords.
    pub tags: Vec<String>,
    /// How often it was asked (0 = unknown).
    pub popularity: u32,
    /// Language tag of the entry, if the source says.
    pub lang: Option<String>,
}

/// Reads FAQ entries; an entry with a missing or wrong field is reported with its index and
/// field and left out, so one bad entry cannot hide the rest. Duplicate ids keep the first.
pub fn faq_from_json(data: &Json, source: &Source) -> (Vec<FaqItem>, Vec<String>) {
    let f = crate::model::FAQ_FIELDS;
    let mut problems = Vec::new();
    let mut out: Vec<FaqItem> = Vec::new();
    let rows = match (sub(source, f, data, "entries"), data) {
        ((_, Some(Json::Array(rows))), _) => rows,
        (("/entries", None), Json::Array(rows)) => rows,
        ((p, v), _) => {
            problems.push(format!("no FAQ entry list at \"{p}\" (found {})", found_or(v, "nothing")));
            return (out, problems);
        }
    };
    let text = |v: Option<&Json>| v.and_then(Json::as_str).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    for (i, row) in rows.iter().enumerate() {
        let id = match sub(source, f, row, "entries.id").1 {
            Some(Json::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty() && s.len() <= 100),
            Some(n @ Json::Number(_)) => n.as_i64().map(|n| n.to_string()),
            _ => None,
        };
        let question = text(sub(source, f, row, "entries.question").1);
        let answer = text(sub(source, f, row, "entries.answer").1);
        let mut bad = flagged(&[(id.is_none(), "id"), (question.is_none(), "question"), (answer.is_none(), "answer")]);
        let category = match sub(source, f, row, "entries.category").1 {
            None | Some(Json::Null) => None,
            v => text(v).or_else(|| {
                bad.push("category");
                None
            }),
        };
        let mut tags = Vec::new();
        match sub(source, f, row, "entries.tags").1 {
            None | Some(Json::Null) => {}
            Some(Json::Array(items)) if items.iter().all(|t| t.as_str().is_some()) => {
                for t in items {
                    if let Some(t) = text(Some(t)) {
                        tags.push(t);
                    }
                }
            }
            Some(_) => bad.push("tags"),
        }
        let popularity = match sub(source, f, row, "entries.popularity").1 {
            None | Some(Json::Null) => 0,
            Some(v) => v.as_i64().filter(|n| *n >= 0).map(|n| n.min(u32::MAX as i64) as u32).unwrap_or_else(|| {
                bad.push("popularity");
                0
            }),
        };
        let lang = text(sub(source, f, row, "entries.lang").1);
        if !bad.is_empty() {
            problems.push(format!("FAQ entry {i}: missing or invalid {}", schaufenster_core::template::join(&bad, ", ")));
        }
        if let (Some(id), Some(question), Some(answer)) = (id, question, answer) {
            if out.iter().any(|e| e.id == id) {
                problems.push(format!("FAQ entry {i}: id \"{id}\" is used twice; the first entry is kept"));
            } else {
                out.push(FaqItem { id, question, answer, category, tags, popularity, lang });
            }
        }
    }
    (out, problems)
}

/// A loyalty programme as `<sf-loyalty>` shows it: the rules ([`schaufenster_core::loyalty::Program`],
/// the same the backend credits with) and the display names of its tiers and rewards (same
/// order as `program.tiers` and `program.rewards`; the id when the source names none).
#[derive(Clone, Debug, PartialEq)]
pub struct LoyaltyProgram {
    /// The rules.
    pub program: schaufenster_core::loyalty::Program,
    /// Tier names.
    pub tier_names: Vec<String>,
    /// Reward names.
    pub reward_names: Vec<String>,
}

/// Reads a loyalty programme through the source's map (see
/// [`crate::loyalty::PROGRAM_FIELDS`]). A rate, tier or reward with a missing or wrong field is
/// reported with its index and left out: a rate left out earns nothing in its currency (never
/// more), a reward left out cannot be redeemed.
pub fn program_from_json(data: &Json, source: &Source) -> (LoyaltyProgram, Vec<String>) {
    use schaufenster_core::loyalty::{EarnRate, Program, Reward, Tier, TierBasis};
    let f = crate::loyalty::PROGRAM_FIELDS;
    let mut problems = Vec::new();
    let whole = |v: Option<&Json>| v.and_then(Json::as_i64).filter(|n| *n >= 0).map(|n| n as u64);
    let text = |v: Option<&Json>| match v {
        Some(Json::String(t)) if !t.trim().is_empty() => Some(t.trim().to_owned()),
        Some(n @ Json::Number(_)) => n.as_i64().map(|n| n.to_string()),
        _ => None,
    };
    let rows = |name: &str, problems: &mut Vec<String>| -> &[Json] {
        match sub(source, f, data, name) {
            (_, Some(Json::Array(rows))) => rows,
            (_, None | Some(Json::Null)) if name != "rates" => &[],
            (p, v) => {
                problems.push(format!("no {name} list at \"{p}\" (found {})", found_or(v, "nothing")));
                &[]
            }
        }
    };
    let mut p = Program { tier_basis: Some(TierBasis::YearlyPoints), ..Program::default() };
    for (i, row) in rows("rates", &mut problems).iter().enumerate() {
        let cur = sub(source, f, row, "rates.currency").1.and_then(Json::as_str).and_then(Currency::parse);
        let points = whole(sub(source, f, row, "rates.points").1).filter(|n| *n <= u32::MAX as u64);
        let per = whole(sub(source, f, row, "rates.per_minor").1).filter(|n| (1..=u32::MAX as u64).contains(n));
        match (cur, points, per) {
            (Some(currency), Some(points), Some(per_minor)) => p.rates.push(EarnRate { currency, points: points as u32, per_minor: per_minor as u32 }),
            _ => problems.push(format!("rate {i}: missing or invalid currency, points or per_minor")),
        }
    }
    if let (_, Some(Json::Array(ids))) = sub(source, f, data, "excluded_products") {
        for v in ids {
            if let Some(t) = text(Some(v)) {
                p.excluded_products.push(t);
            }
        }
    }
    let mut tier_names = Vec::new();
    for (i, row) in rows("tiers", &mut problems).iter().enumerate() {
        let id = text(sub(source, f, row, "tiers.id").1);
        let threshold = whole(sub(source, f, row, "tiers.threshold").1);
        let mult = match sub(source, f, row, "tiers.multiplier_percent").1 {
            None | Some(Json::Null) => Some(100),
            v => whole(v).filter(|n| *n <= 10_000),
        };
        match (id, threshold, mult) {
            (Some(id), Some(threshold), Some(m)) => {
                tier_names.push(text(sub(source, f, row, "tiers.name").1).unwrap_or_else(|| id.clone()));
                p.tiers.push(Tier { id, threshold, multiplier_percent: m as u32 });
            }
            _ => problems.push(format!("tier {i}: missing or invalid id, threshold or multiplier_percent")),
        }
    }
    let mut reward_names = Vec::new();
    for (i, row) in rows("rewards", &mut problems).iter().enumerate() {
        match (text(sub(source, f, row, "rewards.id").1), whole(sub(source, f, row, "rewards.cost").1).filter(|c| *c > 0)) {
            (Some(id), Some(cost)) => {
                reward_names.push(text(sub(source, f, row, "rewards.name").1).unwrap_or_else(|| id.clone()));
                p.rewards.push(Reward { id, cost });
            }
            _ => problems.push(format!("reward {i}: missing or invalid id or cost")),
        }
    }
    p.start_bonus = whole(sub(source, f, data, "start_bonus").1).unwrap_or(0);
    p.birthday_bonus = whole(sub(source, f, data, "birthday_bonus").1).unwrap_or(0);
    p.min_redeem = whole(sub(source, f, data, "min_redeem").1).unwrap_or(0);
    (LoyaltyProgram { program: p, tier_names, reward_names }, problems)
}

/// One row of a customer's points history.
#[derive(Clone, Debug, PartialEq)]
pub struct PointsRow {
    /// "start", "purchase", "birthday", "redeem", "adjust" (or another kind the backend names).
    pub kind: String,
    /// Points added (negative: taken).
    pub delta: i64,
    /// When, in ms since 1970 (0: unknown).
    pub at_ms: i64,
    /// The reward's name for a redemption.
    pub reward: Option<String>,
    /// The voucher code of a redemption.
    pub code: Option<String>,
}

/// A customer's points as the widget reads them (`GET /loyalty/me` in the reference backend's
/// shape).
#[derive(Clone, Debug, PartialEq)]
pub struct Points {
    /// The balance (the server's).
    pub balance: i64,
    /// Progress towards tiers in the programme's basis (points earned this year).
    pub progress: u64,
    /// The latest transactions, newest first.
    pub history: Vec<PointsRow>,
}

/// Reads `{balance, tier: {progress}, history: [{kind, delta, at_ms, reward_name, code}]}`;
/// `None` without a whole-number balance.
pub fn points_from_json(data: &Json) -> Option<Points> {
    let balance = data.get("balance")?.as_i64()?;
    let progress = data.pointer("/tier/progress").and_then(Json::as_i64).unwrap_or(0).max(0) as u64;
    let str_of = |row: &Json, k: &str| row.get(k).and_then(Json::as_str).map(str::to_owned);
    let mut history = Vec::new();
    if let Some(Json::Array(rows)) = data.get("history") {
        for r in rows {
            if let (Some(kind), Some(delta)) = (str_of(r, "kind"), r.get("delta").and_then(Json::as_i64)) {
                history.push(PointsRow { kind, delta, at_ms: r.get("at_ms").and_then(Json::as_i64).unwrap_or(0), reward: str_of(r, "reward_name"), code: str_of(r, "code") });
            }
        }
    }
    Some(Points { balance, progress, history })
}
