//! SQLite storage: the embedded schema, the Kofferkontor seed data and the queries.
//!
//! All amounts are integer minor units. Line prices always come from `products` in the cart's
//! current currency, so switching the currency re-prices the whole cart.

use rusqlite::{params, Connection, OptionalExtension};

/// The schema, created at startup (idempotent).
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS products (
    id          TEXT PRIMARY KEY,
    title_de    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    price_eur   INTEGER NOT NULL CHECK (price_eur >= 0),
    price_chf   INTEGER NOT NULL CHECK (price_chf >= 0),
    image       TEXT NOT NULL,
    available   INTEGER NOT NULL DEFAULT 1,
    sort        INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS carts (
    visitor     TEXT PRIMARY KEY,
    currency    TEXT NOT NULL DEFAULT 'EUR',
    country     TEXT NOT NULL DEFAULT 'DE'
);
CREATE TABLE IF NOT EXISTS cart_lines (
    visitor     TEXT NOT NULL REFERENCES carts(visitor),
    product_id  TEXT NOT NULL REFERENCES products(id),
    quantity    INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    PRIMARY KEY (visitor, product_id)
);
CREATE TABLE IF NOT EXISTS orders (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor       TEXT NOT NULL,
    currency      TEXT NOT NULL,
    country       TEXT NOT NULL,
    subtotal      INTEGER NOT NULL,
    shipping_cost INTEGER NOT NULL,
    total         INTEGER NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS order_lines (
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    product_id  TEXT NOT NULL,
    title       TEXT NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  INTEGER NOT NULL,
    line_total  INTEGER NOT NULL
);
";

/// Seed rows: id, German title, English title, EUR price (cents), CHF price override, available.
/// `None` for CHF means "EUR × 1.05, rounded to the nearest x.90" (see [`chf_from_eur`]).
type SeedRow = (&'static str, &'static str, &'static str, i64, Option<i64>, bool);
const SEED: &[SeedRow] = &[
    ("handgepaeck-trolley", "Handgepäck-Trolley 55 cm", "Cabin trolley 55 cm", 12900, None, true),
    ("koffer-m", "Koffer M, 68 cm", "Suitcase M, 68 cm", 16900, None, true),
    ("koffer-l", "Koffer L, 77 cm", "Suitcase L, 77 cm", 19900, None, true),
    ("reiserucksack-40", "Reiserucksack 40 l", "Travel backpack 40 l", 8900, None, true),
    ("daypack", "Daypack 20 l", "Daypack 20 l", 5900, None, true),
    ("weekender", "Weekender-Tasche", "Weekender bag", 7900, None, false),
    ("kulturbeutel", "Kulturbeutel", "Toiletry bag", 2990, None, true),
    ("packwuerfel-set", "Packwürfel-Set (3 Stück)", "Packing cube set (3 pieces)", 2490, None, true),
    ("nackenkissen", "Nackenkissen", "Neck pillow", 1990, None, true),
    ("steckdosenadapter", "Steckdosenadapter", "Travel plug adapter", 1490, None, true),
    ("kofferwaage", "Digitale Kofferwaage", "Digital luggage scale", 1290, None, true),
    ("reisesocken", "Reisesocken", "Travel socks", 990, None, true),
    ("gepaeckanhaenger", "Gepäckanhänger", "Luggage tag", 790, None, true),
    // Gift cards: face value in either currency; excluded from free shipping by the config.
    ("gutschein-25", "Geschenkgutschein 25", "Gift card 25", 2500, Some(2500), true),
    ("gutschein-50", "Geschenkgutschein 50", "Gift card 50", 5000, Some(5000), true),
];

/// EUR × 1.05 rounded to the nearest price ending in .90 (minor units).
pub fn chf_from_eur(eur: i64) -> i64 {
    let scaled = eur * 105; // minor units × 100
    (scaled - 9000 + 5000).div_euclid(10000) * 100 + 90
}

/// Opens (or creates) the database, applies the schema and seeds the products when empty.
pub fn open(path: &str) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    conn.execute_batch(SCHEMA)?;
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM products", [], |r| r.get(0))?;
    if count == 0 {
        let tx = conn.unchecked_transaction()?;
        for (sort, (id, de, en, eur, chf, available)) in SEED.iter().enumerate() {
            tx.execute(
                "INSERT INTO products (id, title_de, title_en, price_eur, price_chf, image, available, sort)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, de, en, eur, chf.unwrap_or_else(|| chf_from_eur(*eur)), format!("/img/{id}.svg"), available, sort as i64],
            )?;
        }
        tx.commit()?;
    }
    Ok(conn)
}

/// A product in one currency and language.
#[derive(Clone, Debug)]
pub struct Product {
    pub id: String,
    pub title: String,
    pub price: i64,
    pub image: String,
    pub available: bool,
}

fn price_col(currency: &str) -> &'static str {
    if currency == "CHF" {
        "price_chf"
    } else {
        "price_eur"
    }
}

fn title_col(lang: &str) -> &'static str {
    if lang == "en" {
        "title_en"
    } else {
        "title_de"
    }
}

/// Every product, in shop order.
pub fn products(conn: &Connection, currency: &str, lang: &str) -> rusqlite::Result<Vec<Product>> {
    let sql = format!("SELECT id, {}, {}, image, available FROM products ORDER BY sort, id", title_col(lang), price_col(currency));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok(Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)? }))?;
    rows.collect()
}

/// One product, if it exists.
pub fn product(conn: &Connection, id: &str, currency: &str, lang: &str) -> rusqlite::Result<Option<Product>> {
    let sql = format!("SELECT id, {}, {}, image, available FROM products WHERE id = ?1", title_col(lang), price_col(currency));
    conn.query_row(&sql, [id], |r| Ok(Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)? }))
        .optional()
}

/// The cart header (currency, country), created with EUR/DE on first use.
pub fn cart_settings(conn: &Connection, visitor: &str) -> rusqlite::Result<(String, String)> {
    conn.execute("INSERT OR IGNORE INTO carts (visitor) VALUES (?1)", [visitor])?;
    conn.query_row("SELECT currency, country FROM carts WHERE visitor = ?1", [visitor], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// Sets currency and country.
pub fn set_cart_settings(conn: &Connection, visitor: &str, currency: &str, country: &str) -> rusqlite::Result<()> {
    cart_settings(conn, visitor)?;
    conn.execute("UPDATE carts SET currency = ?2, country = ?3 WHERE visitor = ?1", params![visitor, currency, country])?;
    Ok(())
}

/// A cart line joined with its product, priced in `currency`.
#[derive(Clone, Debug)]
pub struct Line {
    pub product: Product,
    pub quantity: u32,
}

/// The cart's lines in shop order.
pub fn cart_lines(conn: &Connection, visitor: &str, currency: &str, lang: &str) -> rusqlite::Result<Vec<Line>> {
    let sql = format!(
        "SELECT p.id, p.{}, p.{}, p.image, p.available, l.quantity
         FROM cart_lines l JOIN products p ON p.id = l.product_id
         WHERE l.visitor = ?1 ORDER BY p.sort, p.id",
        title_col(lang),
        price_col(currency)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([visitor], |r| {
        Ok(Line {
            product: Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)? },
            quantity: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// Current quantity of a product in the cart (0 when absent).
pub fn line_quantity(conn: &Connection, visitor: &str, product_id: &str) -> rusqlite::Result<u32> {
    Ok(conn
        .query_row("SELECT quantity FROM cart_lines WHERE visitor = ?1 AND product_id = ?2", [visitor, product_id], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// Sets a line's quantity; 0 removes it.
pub fn set_line(conn: &Connection, visitor: &str, product_id: &str, quantity: u32) -> rusqlite::Result<()> {
    cart_settings(conn, visitor)?;
    if quantity == 0 {
        conn.execute("DELETE FROM cart_lines WHERE visitor = ?1 AND product_id = ?2", [visitor, product_id])?;
    } else {
        conn.execute(
            "INSERT INTO cart_lines (visitor, product_id, quantity) VALUES (?1, ?2, ?3)
             ON CONFLICT (visitor, product_id) DO UPDATE SET quantity = excluded.quantity",
            params![visitor, product_id, quantity],
        )?;
    }
    Ok(())
}

/// Writes an order with its lines and empties the cart, in one transaction. Returns the order id.
#[allow(clippy::too_many_arguments)]
pub fn place_order(
    conn: &Connection,
    visitor: &str,
    currency: &str,
    country: &str,
    lines: &[Line],
    subtotal: i64,
    shipping_cost: i64,
    total: i64,
) -> rusqlite::Result<i64> {
    let tx = conn.unchecked_transaction()?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    tx.execute(
        "INSERT INTO orders (visitor, currency, country, subtotal, shipping_cost, total, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![visitor, currency, country, subtotal, shipping_cost, total, now],
    )?;
    let order_id = tx.last_insert_rowid();
    for l in lines {
        tx.execute(
            "INSERT INTO order_lines (order_id, product_id, title, quantity, unit_price, line_total) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![order_id, l.product.id, l.product.title, l.quantity, l.product.price, l.product.price * l.quantity as i64],
        )?;
    }
    tx.execute("DELETE FROM cart_lines WHERE visitor = ?1", [visitor])?;
    tx.commit()?;
    Ok(order_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chf_rounding() {
        for (eur, chf) in [(790, 790), (990, 990), (1490, 1590), (1990, 2090), (2490, 2590), (2990, 3090), (5900, 6190), (12900, 13590)] {
            assert_eq!(chf_from_eur(eur), chf, "{eur}");
        }
    }

    #[test]
    fn seed_is_idempotent() {
        let conn = open(":memory:").unwrap();
        assert_eq!(products(&conn, "EUR", "de").unwrap().len(), SEED.len());
        conn.execute_batch(SCHEMA).unwrap();
        assert_eq!(products(&conn, "CHF", "en").unwrap().len(), SEED.len());
        assert_eq!(products(&conn, "EUR", "de").unwrap().iter().filter(|p| !p.available).count(), 1);
    }
}
