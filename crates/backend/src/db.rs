//! SQLite storage: the embedded schema, the Kofferkontor seed data and the queries.
//!
//! All amounts are integer minor units. Line prices always come from `products` in the cart's
//! current currency, so switching the currency re-prices the whole cart.
//!
//! Social proof: `events` is an append-only log of `view`, `cart` and `purchase` events (the
//! visitor id is stored only to de-duplicate views and to count distinct viewers; it never leaves
//! the server), `reviews` holds seeded star ratings, `products.stock` is decremented by checkout.

use std::collections::{BTreeMap, HashMap};

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

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
    sort        INTEGER NOT NULL DEFAULT 0,
    stock       INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    category    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS categories (
    id          TEXT PRIMARY KEY,
    name_de     TEXT NOT NULL,
    name_en     TEXT NOT NULL
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
CREATE TABLE IF NOT EXISTS events (
    id          INTEGER PRIMARY KEY,
    product_id  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('view', 'cart', 'purchase')),
    visitor     TEXT NOT NULL,
    at_ms       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_product_kind_at ON events (product_id, kind, at_ms);
CREATE TABLE IF NOT EXISTS reviews (
    id          INTEGER PRIMARY KEY,
    product_id  TEXT NOT NULL REFERENCES products(id),
    stars       INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    at_ms       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_product ON reviews (product_id);
";

/// Product categories: id, German name, English name.
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("koffer", "Koffer", "Suitcases"),
    ("rucksaecke", "Rucksäcke", "Backpacks"),
    ("zubehoer", "Zubehör", "Accessories"),
    ("gutscheine", "Gutscheine", "Gift cards"),
];

/// Seeded stock, category and number of seeded reviews per product.
const SEED_EXTRA: &[(&str, i64, &str, u32)] = &[
    ("handgepaeck-trolley", 3, "koffer", 48),
    ("koffer-m", 24, "koffer", 31),
    ("koffer-l", 12, "koffer", 17),
    ("reiserucksack-40", 38, "rucksaecke", 60),
    ("daypack", 57, "rucksaecke", 22),
    ("weekender", 0, "rucksaecke", 9),
    ("kulturbeutel", 120, "zubehoer", 14),
    ("packwuerfel-set", 85, "zubehoer", 41),
    ("nackenkissen", 64, "zubehoer", 3),
    ("steckdosenadapter", 150, "zubehoer", 26),
    ("kofferwaage", 4, "zubehoer", 4),
    ("reisesocken", 200, "zubehoer", 11),
    ("gepaeckanhaenger", 180, "zubehoer", 7),
    ("gutschein-25", 200, "gutscheine", 0),
    ("gutschein-50", 200, "gutscheine", 2),
];

/// Event kinds of the `events` table.
pub const EVENT_KINDS: &[&str] = &["view", "cart", "purchase"];
/// A visitor's views of one product within this many milliseconds count once.
pub const VIEW_DEDUPE_MS: i64 = 60_000;
/// "Viewing now" means a view within this many minutes.
pub const VIEWERS_WINDOW_MINUTES: i64 = 5;
/// The bestseller of a category is decided over this many days.
pub const BESTSELLER_DAYS: i64 = 30;
/// A bestseller needs at least this many purchases in [`BESTSELLER_DAYS`].
pub const BESTSELLER_MIN_PURCHASES: i64 = 3;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}


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
    // Databases created before stock and categories existed get the columns first.
    let has_stock: i64 = conn.query_row("SELECT COUNT(*) FROM pragma_table_info('products') WHERE name = 'stock'", [], |r| r.get(0))?;
    let has_products: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'products'", [], |r| r.get(0))?;
    let migrate = has_products == 1 && has_stock == 0;
    if migrate {
        conn.execute_batch(
            "ALTER TABLE products ADD COLUMN stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0);
             ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '';",
        )?;
    }
    conn.execute_batch(SCHEMA)?;
    conn.execute_batch(crate::faq::SCHEMA)?;
    let tx = conn.unchecked_transaction()?;
    for (id, de, en) in CATEGORIES {
        tx.execute("INSERT OR IGNORE INTO categories (id, name_de, name_en) VALUES (?1, ?2, ?3)", params![id, de, en])?;
    }
    let count: i64 = tx.query_row("SELECT COUNT(*) FROM products", [], |r| r.get(0))?;
    if count == 0 {
        for (sort, (id, de, en, eur, chf, available)) in SEED.iter().enumerate() {
            tx.execute(
                "INSERT INTO products (id, title_de, title_en, price_eur, price_chf, image, available, sort)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, de, en, eur, chf.unwrap_or_else(|| chf_from_eur(*eur)), format!("/img/{id}.svg"), available, sort as i64],
            )?;
        }
    }
    if count == 0 || migrate {
        for (id, stock, category, _) in SEED_EXTRA {
            tx.execute("UPDATE products SET stock = ?2, category = ?3 WHERE id = ?1", params![id, stock, category])?;
        }
    }
    let reviews: i64 = tx.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0))?;
    if reviews == 0 {
        for (product_id, stars, at_ms) in seed_reviews() {
            tx.execute("INSERT OR IGNORE INTO reviews (product_id, stars, at_ms) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM products WHERE id = ?1)", params![product_id, stars, at_ms])?;
        }
    }
    tx.commit()?;
    Ok(conn)
}

/// Most synthetic products `--bench-products` may add (ids have three digits).
pub const MAX_BENCH_PRODUCTS: u32 = 999;

/// Adds `n` synthetic products `bench-001`…`bench-NNN` for the social-proof benchmark
/// (`--bench-products N`, see docs/bench-social-proof.md): German/English titles "Benchmark-Artikel
/// 001"/"Benchmark item 001", EUR prices 10.00 € + 0.10 € per number, stock 20–69 (every
/// seventh product 3, i.e. "low stock"), categories cycling through koffer/rucksaecke/zubehoer,
/// 0–11 reviews of 3–5 stars (so about half pass the rating threshold of 5), sorted after the
/// shop's own products and drawn with an existing image. No events: the benchmark posts those
/// through `POST /api/_test/events`. Idempotent (existing ids are kept as they are).
pub fn seed_bench(conn: &Connection, n: u32) -> rusqlite::Result<()> {
    if n == 0 {
        return Ok(());
    }
    const CATS: [&str; 3] = ["koffer", "rucksaecke", "zubehoer"];
    let tx = conn.unchecked_transaction()?;
    for i in 1..=n.min(MAX_BENCH_PRODUCTS) {
        let id = format!("bench-{i:03}");
        let eur = 1000 + i as i64 * 10;
        let stock = if i % 7 == 0 { 3 } else { 20 + (i as i64 * 13) % 50 };
        let added = tx.execute(
            "INSERT OR IGNORE INTO products (id, title_de, title_en, price_eur, price_chf, image, available, sort, stock, category)
             VALUES (?1, ?2, ?3, ?4, ?5, '/img/packwuerfel-set.svg', 1, ?6, ?7, ?8)",
            params![id, format!("Benchmark-Artikel {i:03}"), format!("Benchmark item {i:03}"), eur, chf_from_eur(eur), 1000 + i as i64, stock, CATS[i as usize % 3]],
        )?;
        if added == 1 {
            for r in 0..(i * 5) % 12 {
                tx.execute("INSERT INTO reviews (product_id, stars, at_ms) VALUES (?1, ?2, ?3)", params![id, 3 + ((i + r) % 3) as i64, 1_735_689_600_000i64 + r as i64 * 86_400_000])?;
            }
        }
    }
    tx.commit()
}

/// The seeded reviews: `(product_id, stars, at_ms)`, the same on every start (a fixed xorshift
/// sequence; stars skewed towards 4 and 5 like real shops; dates spread over 2025).
pub fn seed_reviews() -> Vec<(&'static str, i64, i64)> {
    let mut x: u32 = 0x5eed_c0de;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    const JAN_2025_MS: i64 = 1_735_689_600_000;
    let mut out = Vec::new();
    for (id, _, _, n) in SEED_EXTRA {
        for _ in 0..*n {
            let stars = match next() % 100 {
                0..=3 => 1,
                4..=8 => 2,
                9..=19 => 3,
                20..=49 => 4,
                _ => 5,
            };
            let at_ms = JAN_2025_MS + (next() % (330 * 24 * 60)) as i64 * 60_000;
            out.push((*id, stars, at_ms));
        }
    }
    out
}

/// A product in one currency and language.
#[derive(Clone, Debug)]
pub struct Product {
    pub id: String,
    pub title: String,
    pub price: i64,
    pub image: String,
    pub available: bool,
    /// Units in stock (checkout never takes more).
    pub stock: i64,
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
    let sql = format!("SELECT id, {}, {}, image, available, stock FROM products ORDER BY sort, id", title_col(lang), price_col(currency));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok(Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)?, stock: r.get(5)? }))?;
    rows.collect()
}

/// One product, if it exists.
pub fn product(conn: &Connection, id: &str, currency: &str, lang: &str) -> rusqlite::Result<Option<Product>> {
    let sql = format!("SELECT id, {}, {}, image, available, stock FROM products WHERE id = ?1", title_col(lang), price_col(currency));
    conn.query_row(&sql, [id], |r| Ok(Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)?, stock: r.get(5)? }))
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
        "SELECT p.id, p.{}, p.{}, p.image, p.available, p.stock, l.quantity
         FROM cart_lines l JOIN products p ON p.id = l.product_id
         WHERE l.visitor = ?1 ORDER BY p.sort, p.id",
        title_col(lang),
        price_col(currency)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([visitor], |r| {
        Ok(Line {
            product: Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)?, stock: r.get(5)? },
            quantity: r.get(6)?,
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

/// Why an order was not placed.
#[derive(Debug)]
pub enum OrderError {
    /// A line asks for more units than are in stock; nothing was changed.
    OutOfStock { product_id: String, title: String, stock: i64, wanted: u32 },
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for OrderError {
    fn from(e: rusqlite::Error) -> OrderError {
        OrderError::Db(e)
    }
}

/// Writes an order with its lines, takes the units out of stock, records one `purchase` event
/// per order line (a purchase is an order containing the product, whatever the quantity) at the
/// order's time and empties the cart, all in one transaction. Returns the order id; when a line
/// exceeds the stock nothing is changed.
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
) -> Result<i64, OrderError> {
    let tx = conn.unchecked_transaction()?;
    let now = now_ms();
    for l in lines {
        let taken = tx.execute("UPDATE products SET stock = stock - ?2 WHERE id = ?1 AND stock >= ?2", params![l.product.id, l.quantity])?;
        if taken == 0 {
            let stock: i64 = tx.query_row("SELECT stock FROM products WHERE id = ?1", [&l.product.id], |r| r.get(0))?;
            // Dropping the transaction rolls back the lines taken so far.
            return Err(OrderError::OutOfStock { product_id: l.product.id.clone(), title: l.product.title.clone(), stock, wanted: l.quantity });
        }
    }
    tx.execute(
        "INSERT INTO orders (visitor, currency, country, subtotal, shipping_cost, total, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![visitor, currency, country, subtotal, shipping_cost, total, now / 1000],
    )?;
    let order_id = tx.last_insert_rowid();
    for l in lines {
        tx.execute(
            "INSERT INTO order_lines (order_id, product_id, title, quantity, unit_price, line_total) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![order_id, l.product.id, l.product.title, l.quantity, l.product.price, l.product.price * l.quantity as i64],
        )?;
        record_event(&tx, &l.product.id, "purchase", visitor, now)?;
    }
    tx.execute("DELETE FROM cart_lines WHERE visitor = ?1", [visitor])?;
    tx.commit()?;
    Ok(order_id)
}

/// Appends one event.
pub fn record_event(conn: &Connection, product_id: &str, kind: &str, visitor: &str, at_ms: i64) -> rusqlite::Result<()> {
    conn.execute("INSERT INTO events (product_id, kind, visitor, at_ms) VALUES (?1, ?2, ?3, ?4)", params![product_id, kind, visitor, at_ms])?;
    Ok(())
}

/// Records a `view` unless the visitor viewed the product within [`VIEW_DEDUPE_MS`]. Returns
/// whether a row was written.
pub fn record_view(conn: &Connection, product_id: &str, visitor: &str, now: i64) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "INSERT INTO events (product_id, kind, visitor, at_ms)
         SELECT ?1, 'view', ?2, ?3
         WHERE NOT EXISTS (SELECT 1 FROM events WHERE product_id = ?1 AND kind = 'view' AND visitor = ?2 AND at_ms > ?3 - ?4)",
        params![product_id, visitor, now, VIEW_DEDUPE_MS],
    )?;
    Ok(n == 1)
}

/// Inserts `count` events of one kind at `at_ms`, each with its own visitor id
/// `visitor_prefix` + an 8-digit hex counter (test time control).
pub fn insert_events(conn: &Connection, product_id: &str, kind: &str, count: u32, at_ms: i64, visitor_prefix: &str) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    {
        let mut stmt = tx.prepare("INSERT INTO events (product_id, kind, visitor, at_ms) VALUES (?1, ?2, ?3, ?4)")?;
        for i in 0..count {
            stmt.execute(params![product_id, kind, format!("{visitor_prefix}{i:08x}"), at_ms])?;
        }
    }
    tx.commit()
}

/// Social-proof numbers of one product (counts only; nothing about who).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductStats {
    pub stock: i64,
    pub purchases: i64,
    pub carts: i64,
    pub viewers: i64,
    /// `(count, sum of stars)` when there are reviews.
    pub rating: Option<(i64, i64)>,
    /// The category's display name when the product is its category's bestseller.
    pub bestseller: Option<String>,
}

/// `?2, ?3, …` for `n` ids after `first - 1` other parameters.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
}

fn bind(head: &[i64], ids: &[String]) -> Vec<SqlValue> {
    head.iter().map(|v| SqlValue::Integer(*v)).chain(ids.iter().map(|s| SqlValue::Text(s.clone()))).collect()
}

/// Stats of the given products (unknown ids are absent), in a fixed number of queries for the
/// whole batch: products, purchase/cart counts in the window, distinct viewers in the last
/// [`VIEWERS_WINDOW_MINUTES`], ratings, and the category leaders of the last [`BESTSELLER_DAYS`].
pub fn social_stats(conn: &Connection, ids: &[String], lang: &str, now: i64, window_minutes: i64) -> rusqlite::Result<BTreeMap<String, ProductStats>> {
    let mut out: BTreeMap<String, ProductStats> = BTreeMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let name_col = if lang == "en" { "name_en" } else { "name_de" };
    let n = ids.len();

    // 1. Known products and their stock.
    let sql = format!("SELECT id, stock FROM products WHERE id IN ({})", placeholders(1, n));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(bind(&[], ids)), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (id, stock) = row?;
        out.insert(id, ProductStats { stock, ..Default::default() });
    }
    if out.is_empty() {
        return Ok(out);
    }

    // 2. Purchases and carts in the window (one pass, grouped by product and kind).
    let sql = format!(
        "SELECT product_id, kind, COUNT(*) FROM events WHERE kind IN ('purchase', 'cart') AND at_ms > ?1 AND product_id IN ({}) GROUP BY product_id, kind",
        placeholders(2, n)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(bind(&[now - window_minutes * 60_000], ids)), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (id, kind, count) = row?;
        if let Some(s) = out.get_mut(&id) {
            if kind == "purchase" {
                s.purchases = count;
            } else {
                s.carts = count;
            }
        }
    }

    // 3. Distinct viewers now.
    let sql = format!(
        "SELECT product_id, COUNT(DISTINCT visitor) FROM events WHERE kind = 'view' AND at_ms > ?1 AND product_id IN ({}) GROUP BY product_id",
        placeholders(2, n)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(bind(&[now - VIEWERS_WINDOW_MINUTES * 60_000], ids)), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (id, viewers) = row?;
        if let Some(s) = out.get_mut(&id) {
            s.viewers = viewers;
        }
    }

    // 4. Ratings.
    let sql = format!("SELECT product_id, COUNT(*), SUM(stars) FROM reviews WHERE product_id IN ({}) GROUP BY product_id", placeholders(1, n));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(bind(&[], ids)), |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
    for row in rows {
        let (id, count, sum) = row?;
        if let Some(s) = out.get_mut(&id) {
            s.rating = (count > 0).then_some((count, sum));
        }
    }

    // 5. Bestsellers: purchases of the last 30 days of every product in the requested products'
    //    categories; the leader of a category (ties: lower id) with at least 3 purchases wins.
    let sql = format!(
        "SELECT p.category, c.{name_col}, e.product_id, COUNT(*)
         FROM events e JOIN products p ON p.id = e.product_id JOIN categories c ON c.id = p.category
         WHERE e.kind = 'purchase' AND e.at_ms > ?1
           AND p.category IN (SELECT category FROM products WHERE id IN ({}))
         GROUP BY e.product_id",
        placeholders(2, n)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(bind(&[now - BESTSELLER_DAYS * 24 * 60 * 60_000], ids)), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, i64>(3)?))
    })?;
    let mut leaders: HashMap<String, (String, String, i64)> = HashMap::new();
    for row in rows {
        let (category, name, id, count) = row?;
        let better = match leaders.get(&category) {
            None => true,
            Some((_, lead, lead_count)) => count > *lead_count || (count == *lead_count && id < *lead),
        };
        if better {
            leaders.insert(category, (name, id, count));
        }
    }
    for (name, id, count) in leaders.into_values() {
        if count >= BESTSELLER_MIN_PURCHASES {
            if let Some(s) = out.get_mut(&id) {
                s.bestseller = Some(name);
            }
        }
    }
    Ok(out)
}

/// Average stars in hundredths, rounded down in integer math (`457` = 4.57): a rating shown
/// must never be higher than the true average (199 reviews of 915 stars are 4.598, sent as
/// 4.59, never 4.60).
pub fn average_centi(count: i64, sum: i64) -> i64 {
    sum * 100 / count
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
        let reviews: i64 = conn.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0)).unwrap();
        assert_eq!(reviews, seed_reviews().len() as i64);
        drop(conn);
        // Reopening a file database seeds nothing twice.
        let path = std::env::temp_dir().join(format!("sf-seed-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let p = path.to_str().unwrap();
        drop(open(p).unwrap());
        let conn = open(p).unwrap();
        let reviews: i64 = conn.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0)).unwrap();
        assert_eq!((products(&conn, "EUR", "de").unwrap().len(), reviews), (SEED.len(), seed_reviews().len() as i64));
        drop(conn);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn seed_extra_covers_every_product() {
        let ids: Vec<&str> = SEED.iter().map(|r| r.0).collect();
        let extra: Vec<&str> = SEED_EXTRA.iter().map(|r| r.0).collect();
        assert_eq!(ids, extra);
        for (_, stock, category, _) in SEED_EXTRA {
            assert!(*stock >= 0 && CATEGORIES.iter().any(|c| c.0 == *category));
        }
        // The unavailable product has no stock; the reviews are the same on every start.
        let conn = open(":memory:").unwrap();
        let weekender = product(&conn, "weekender", "EUR", "de").unwrap().unwrap();
        assert_eq!((weekender.available, weekender.stock), (false, 0));
        assert_eq!(seed_reviews(), seed_reviews());
        assert!(seed_reviews().iter().all(|r| (1..=5).contains(&r.1)));
    }

    /// A database created before stock, categories and reviews existed is migrated on open.
    #[test]
    fn old_database_is_migrated() {
        let path = std::env::temp_dir().join(format!("sf-migrate-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let old = Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE TABLE products (id TEXT PRIMARY KEY, title_de TEXT NOT NULL, title_en TEXT NOT NULL, price_eur INTEGER NOT NULL,
               price_chf INTEGER NOT NULL, image TEXT NOT NULL, available INTEGER NOT NULL DEFAULT 1, sort INTEGER NOT NULL DEFAULT 0);
             INSERT INTO products VALUES ('handgepaeck-trolley', 'T', 'T', 12900, 13590, '/img/handgepaeck-trolley.svg', 1, 0);",
        )
        .unwrap();
        drop(old);
        let conn = open(path.to_str().unwrap()).unwrap();
        let p = product(&conn, "handgepaeck-trolley", "EUR", "de").unwrap().unwrap();
        assert_eq!(p.stock, 3);
        let stats = social_stats(&conn, &["handgepaeck-trolley".into()], "de", now_ms(), 1440).unwrap();
        assert_eq!(stats["handgepaeck-trolley"].rating.map(|r| r.0), Some(48));
        drop(conn);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn views_are_deduplicated_per_visitor_product_and_minute() {
        let conn = open(":memory:").unwrap();
        let t = 1_800_000_000_000;
        // (product, visitor, at, written)
        let rows = [
            ("daypack", "a", t, true),
            ("daypack", "a", t + 1_000, false),
            ("daypack", "a", t + 59_999, false),
            ("daypack", "b", t + 2_000, true),
            ("koffer-m", "a", t + 3_000, true),
            ("daypack", "a", t + 60_000, true),
            ("daypack", "a", t + 61_000, false),
        ];
        for (product, visitor, at, written) in rows {
            assert_eq!(record_view(&conn, product, visitor, at).unwrap(), written, "{product} {visitor} {at}");
        }
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM events WHERE kind = 'view'", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 4);
    }

    #[test]
    fn bench_products_are_seeded_once() {
        let conn = open(":memory:").unwrap();
        seed_bench(&conn, 100).unwrap();
        seed_bench(&conn, 100).unwrap();
        let all = products(&conn, "EUR", "de").unwrap();
        assert_eq!(all.len(), SEED.len() + 100);
        assert_eq!((all[SEED.len()].id.as_str(), all.last().unwrap().id.as_str()), ("bench-001", "bench-100"));
        let ids: Vec<String> = (1..=100).map(|i| format!("bench-{i:03}")).collect();
        let stats = social_stats(&conn, &ids, "de", now_ms(), 1440).unwrap();
        assert_eq!(stats.len(), 100);
        assert_eq!(stats["bench-007"].stock, 3);
        let rated = stats.values().filter(|s| s.rating.is_some_and(|r| r.0 >= 5)).count();
        assert!((30..=70).contains(&rated), "{rated} bench products with 5+ reviews");
    }

    #[test]
    fn average_rounds_down_to_hundredths() {
        // (count, sum, hundredths): never above the true average.
        for (count, sum, want) in [(1, 5, 500), (3, 14, 466), (3, 13, 433), (8, 37, 462), (200, 913, 456), (400, 1826, 456), (400, 1827, 456), (400, 1830, 457), (6, 29, 483), (199, 915, 459)] {
            assert_eq!(average_centi(count, sum), want, "{sum}/{count}");
        }
    }
}
