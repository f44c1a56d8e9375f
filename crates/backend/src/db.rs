//! SQLite storage: the embedded schema, the Kofferkontor seed data and the queries.
//!
//! All amounts are integer minor units. Line prices always come from `products` in the cart's
//! current currency, so switching the currency re-prices the whole cart.
//!
//! Social proof: `events` is an append-only log of `view`, `cart` and `purchase` events (the
//! visitor id is stored only to count distinct people: viewers, shoppers who added a product,
//! buyers; it never leaves the server), `reviews` holds seeded star ratings, `products.stock` is decremented by checkout.
//!
//! Guided selling: `products.attributes` holds the advisor's attributes of a luggage product as a
//! JSON object ([`Attributes`]; NULL for everything that is not luggage), served by
//! `GET /api/advisor/products`. `products` stays the one source of truth, so the advisor's
//! products are carted, priced and ordered like every other product.

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
    category    TEXT NOT NULL DEFAULT '',
    attributes  TEXT
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
    ("taschen", "Taschen", "Bags"),
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

/// The luggage products added for the guided-selling advisor, sorted after the shop's first 15:
/// id, German title, English title, EUR price (cents; CHF is [`chf_from_eur`]), stock, category,
/// image (a file of `www/img`, reused by kind) and number of seeded reviews. Their advisor
/// attributes are in [`ATTRIBUTES`].
type LuggageRow = (&'static str, &'static str, &'static str, i64, i64, &'static str, &'static str, u32);
const SEED_LUGGAGE: &[LuggageRow] = &[
    ("handgepaeck-alu", "Alu-Handgepäckkoffer 55 cm", "Aluminium cabin suitcase 55 cm", 27900, 6, "koffer", "handgepaeck-trolley", 12),
    ("handgepaeck-leicht", "Leichter Handgepäck-Trolley 55 cm", "Lightweight cabin trolley 55 cm", 9900, 31, "koffer", "handgepaeck-trolley", 27),
    ("handgepaeck-business", "Business-Trolley 55 cm mit Laptopfach", "Business cabin trolley 55 cm with laptop compartment", 17900, 14, "koffer", "handgepaeck-trolley", 19),
    ("handgepaeck-nylon", "Handgepäck-Trolley Nylon, 2 Rollen", "Nylon cabin trolley, 2 wheels", 7900, 22, "koffer", "handgepaeck-trolley", 8),
    ("handgepaeck-usb", "Handgepäck-Trolley mit USB-Port", "Cabin trolley with USB port", 13900, 9, "koffer", "handgepaeck-trolley", 5),
    ("handgepaeck-basic", "Handgepäck-Trolley Basic", "Basic cabin trolley", 4900, 0, "koffer", "handgepaeck-trolley", 16),
    ("handgepaeck-schmal", "Schmaler Bordtrolley 55 cm", "Slim cabin trolley 55 cm", 11900, 4, "koffer", "handgepaeck-trolley", 3),
    ("koffer-m-alu", "Alu-Koffer M, 67 cm", "Aluminium suitcase M, 67 cm", 29900, 3, "koffer", "koffer-m", 6),
    ("koffer-m-leicht", "Leichter Koffer M, 66 cm", "Lightweight suitcase M, 66 cm", 13900, 18, "koffer", "koffer-m", 21),
    ("koffer-m-stoff", "Stoffkoffer M, 66 cm", "Soft suitcase M, 66 cm", 11900, 15, "koffer", "koffer-m", 10),
    ("koffer-m-2rollen", "Koffer M, 2 Rollen, 65 cm", "Suitcase M, 2 wheels, 65 cm", 8900, 11, "koffer", "koffer-m", 7),
    ("koffer-m-usb", "Koffer M mit USB-Port, 68 cm", "Suitcase M with USB port, 68 cm", 18900, 0, "koffer", "koffer-m", 4),
    ("koffer-m-business", "Business-Koffer M mit Anzugfach", "Business suitcase M with suit compartment", 22900, 7, "koffer", "koffer-m", 9),
    ("koffer-l-alu", "Alu-Koffer L, 79 cm", "Aluminium suitcase L, 79 cm", 34900, 2, "koffer", "koffer-l", 5),
    ("koffer-l-leicht", "Leichter Koffer L, 76 cm", "Lightweight suitcase L, 76 cm", 17900, 9, "koffer", "koffer-l", 14),
    ("koffer-xl", "Koffer XL, 81 cm", "Suitcase XL, 81 cm", 24900, 5, "koffer", "koffer-l", 6),
    ("koffer-l-stoff", "Stoffkoffer L, 78 cm", "Soft suitcase L, 78 cm", 14900, 8, "koffer", "koffer-l", 8),
    ("koffer-l-2rollen", "Koffer L, 2 Rollen, 75 cm", "Suitcase L, 2 wheels, 75 cm", 10900, 6, "koffer", "koffer-l", 2),
    ("kabinenrucksack-35", "Kabinenrucksack 35 l", "Cabin backpack 35 l", 7900, 26, "rucksaecke", "reiserucksack-40", 18),
    ("rolltop-rucksack-30", "Rolltop-Rucksack 30 l, wasserdicht", "Roll-top backpack 30 l, waterproof", 9900, 19, "rucksaecke", "daypack", 11),
    ("trekkingrucksack-65", "Trekkingrucksack 65 l", "Trekking backpack 65 l", 16900, 7, "rucksaecke", "reiserucksack-40", 9),
    ("rucksack-trolley-40", "Rucksack-Trolley 40 l", "Wheeled backpack 40 l", 12900, 10, "rucksaecke", "reiserucksack-40", 6),
    ("laptop-rucksack-25", "Laptop-Rucksack 25 l mit USB-Port", "Laptop backpack 25 l with USB port", 6900, 40, "rucksaecke", "daypack", 23),
    ("lederrucksack-22", "Lederrucksack 22 l", "Leather backpack 22 l", 18900, 3, "rucksaecke", "daypack", 4),
    ("canvas-rucksack-28", "Canvas-Rucksack 28 l", "Canvas backpack 28 l", 7400, 0, "rucksaecke", "daypack", 12),
    ("reiserucksack-55", "Reiserucksack 55 l mit Daypack", "Travel backpack 55 l with daypack", 14900, 12, "rucksaecke", "reiserucksack-40", 15),
    ("mini-rucksack-12", "Mini-Rucksack 12 l", "Mini backpack 12 l", 3900, 44, "rucksaecke", "daypack", 7),
    ("duffel-45", "Duffel Bag 45 l", "Duffel bag 45 l", 6900, 23, "taschen", "weekender", 13),
    ("duffel-90", "Duffel Bag 90 l", "Duffel bag 90 l", 10900, 13, "taschen", "weekender", 8),
    ("rollenreisetasche-100", "Rollenreisetasche 100 l", "Wheeled duffel 100 l", 13900, 8, "taschen", "weekender", 5),
    ("weekender-leder", "Leder-Weekender", "Leather weekender", 24900, 4, "taschen", "weekender", 3),
    ("reisetasche-60", "Reisetasche 60 l", "Holdall 60 l", 4900, 30, "taschen", "weekender", 10),
    ("weekender-canvas-35", "Canvas-Weekender 35 l", "Canvas weekender 35 l", 8900, 16, "taschen", "weekender", 9),
    ("rollenreisetasche-kabine", "Rollenreisetasche Kabine 38 l", "Wheeled cabin duffel 38 l", 9900, 5, "taschen", "weekender", 4),
    ("unterflugtasche-20", "Unterflugtasche 20 l", "Underseat bag 20 l", 3900, 60, "taschen", "unterflugtasche", 20),
    ("unterflug-trolley-25", "Unterflug-Trolley 25 l", "Underseat trolley 25 l", 8900, 17, "taschen", "unterflugtasche", 7),
    ("unterflug-rucksack-18", "Unterflug-Rucksack 18 l", "Underseat backpack 18 l", 4900, 35, "taschen", "unterflugtasche", 16),
    ("unterflugtasche-leder", "Unterflugtasche aus Leder 16 l", "Leather underseat bag 16 l", 12900, 6, "taschen", "unterflugtasche", 3),
    ("unterflugtasche-faltbar", "Faltbare Unterflugtasche 22 l", "Foldable underseat bag 22 l", 2900, 80, "taschen", "unterflugtasche", 11),
    ("kleidersack-faltbar", "Kleidersack, faltbar", "Foldable garment bag", 5900, 25, "taschen", "kleidersack", 8),
    ("kleidersack-trolley", "Kleidersack-Trolley", "Wheeled garment bag", 18900, 5, "taschen", "kleidersack", 4),
    ("kleidersack-leder", "Leder-Kleidersack", "Leather garment bag", 21900, 2, "taschen", "kleidersack", 2),
    ("kleidersack-business", "Business-Kleidersack mit Laptopfach", "Business garment bag with laptop sleeve", 12900, 9, "taschen", "kleidersack", 6),
];

/// Advisor attributes of every luggage product, the shop's first six included: id, kind, volume
/// (l), weight (kg), height × width × depth (cm), material, features, wheels, cabin size (fits
/// 55 × 40 × 23 cm). `None` is unknown (a few on purpose, to exercise "unknown" in the advisor).
type AttributeRow = (&'static str, &'static str, Option<f64>, Option<f64>, [f64; 3], Option<&'static str>, Option<&'static [&'static str]>, i64, Option<bool>);
const ATTRIBUTES: &[AttributeRow] = &[
    ("handgepaeck-trolley", "koffer", Some(37.0), Some(2.6), [55.0, 40.0, 20.0], Some("Polycarbonat"), Some(&["TSA-Schloss"]), 4, Some(true)),
    ("koffer-m", "koffer", Some(68.0), Some(3.7), [68.0, 46.0, 27.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "erweiterbar"]), 4, Some(false)),
    ("koffer-l", "koffer", Some(98.0), Some(4.6), [77.0, 52.0, 30.0], Some("Polycarbonat"), Some(&["TSA-Schloss"]), 4, Some(false)),
    ("reiserucksack-40", "rucksack", Some(40.0), Some(1.4), [55.0, 35.0, 22.0], Some("Nylon"), Some(&["Rucksackgurte", "Laptopfach", "wasserdicht"]), 0, Some(true)),
    ("daypack", "rucksack", Some(20.0), Some(0.7), [45.0, 30.0, 17.0], Some("Polyester"), Some(&["Rucksackgurte", "Laptopfach"]), 0, Some(true)),
    ("weekender", "reisetasche", Some(42.0), Some(1.3), [50.0, 30.0, 28.0], Some("Canvas"), Some(&[]), 0, Some(false)),
    ("handgepaeck-alu", "koffer", Some(34.0), Some(4.4), [55.0, 40.0, 20.0], Some("Aluminium"), Some(&["TSA-Schloss"]), 4, Some(true)),
    ("handgepaeck-leicht", "koffer", Some(36.0), Some(1.9), [55.0, 38.0, 20.0], Some("Polycarbonat"), Some(&["TSA-Schloss"]), 4, Some(true)),
    ("handgepaeck-business", "koffer", Some(38.0), Some(3.1), [55.0, 40.0, 23.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "Laptopfach", "USB-Port", "Anzugfach"]), 4, Some(true)),
    ("handgepaeck-nylon", "koffer", Some(40.0), Some(2.3), [55.0, 40.0, 23.0], Some("Nylon"), Some(&["Laptopfach", "erweiterbar"]), 2, Some(true)),
    ("handgepaeck-usb", "koffer", Some(39.0), Some(2.8), [55.0, 40.0, 23.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "erweiterbar", "USB-Port"]), 4, Some(true)),
    ("handgepaeck-basic", "koffer", Some(35.0), Some(2.9), [55.0, 40.0, 20.0], Some("Polyester"), Some(&[]), 2, Some(true)),
    ("handgepaeck-schmal", "koffer", Some(30.0), Some(2.5), [55.0, 35.0, 20.0], Some("Polycarbonat"), Some(&["TSA-Schloss"]), 4, Some(true)),
    ("koffer-m-alu", "koffer", Some(70.0), Some(5.6), [67.0, 46.0, 26.0], Some("Aluminium"), Some(&["TSA-Schloss"]), 4, Some(false)),
    ("koffer-m-leicht", "koffer", Some(65.0), Some(2.9), [66.0, 45.0, 26.0], Some("Polycarbonat"), Some(&["TSA-Schloss"]), 4, Some(false)),
    ("koffer-m-stoff", "koffer", Some(72.0), Some(3.2), [66.0, 43.0, 28.0], Some("Nylon"), Some(&["erweiterbar"]), 4, Some(false)),
    ("koffer-m-2rollen", "koffer", Some(60.0), Some(3.4), [65.0, 44.0, 25.0], Some("Polyester"), Some(&["erweiterbar"]), 2, Some(false)),
    ("koffer-m-usb", "koffer", Some(74.0), Some(3.8), [68.0, 46.0, 28.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "USB-Port", "erweiterbar"]), 4, Some(false)),
    ("koffer-m-business", "koffer", Some(62.0), Some(4.1), [66.0, 45.0, 26.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "Anzugfach", "Laptopfach"]), 4, Some(false)),
    ("koffer-l-alu", "koffer", Some(104.0), Some(6.8), [79.0, 53.0, 30.0], Some("Aluminium"), Some(&["TSA-Schloss"]), 4, Some(false)),
    ("koffer-l-leicht", "koffer", Some(95.0), Some(3.6), [76.0, 50.0, 29.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "erweiterbar"]), 4, Some(false)),
    ("koffer-xl", "koffer", Some(120.0), Some(5.4), [81.0, 55.0, 33.0], Some("Polycarbonat"), Some(&["TSA-Schloss", "erweiterbar"]), 4, Some(false)),
    ("koffer-l-stoff", "koffer", Some(105.0), Some(4.0), [78.0, 48.0, 32.0], Some("Nylon"), Some(&["erweiterbar"]), 4, Some(false)),
    ("koffer-l-2rollen", "koffer", Some(90.0), None, [75.0, 48.0, 30.0], Some("Polyester"), Some(&[]), 2, Some(false)),
    ("kabinenrucksack-35", "rucksack", Some(35.0), Some(1.1), [50.0, 35.0, 20.0], Some("Polyester"), Some(&["Rucksackgurte", "Laptopfach"]), 0, Some(true)),
    ("rolltop-rucksack-30", "rucksack", Some(30.0), Some(1.2), [52.0, 32.0, 18.0], Some("Polyester"), Some(&["Rucksackgurte", "wasserdicht", "Laptopfach"]), 0, Some(true)),
    ("trekkingrucksack-65", "rucksack", Some(65.0), Some(2.3), [75.0, 35.0, 30.0], Some("Nylon"), Some(&["Rucksackgurte", "wasserdicht"]), 0, Some(false)),
    ("rucksack-trolley-40", "rucksack", Some(40.0), Some(2.6), [55.0, 38.0, 22.0], Some("Polyester"), Some(&["Rucksackgurte", "Laptopfach"]), 2, Some(true)),
    ("laptop-rucksack-25", "rucksack", Some(25.0), Some(0.9), [46.0, 31.0, 17.0], Some("Polyester"), Some(&["Rucksackgurte", "Laptopfach", "USB-Port"]), 0, Some(true)),
    ("lederrucksack-22", "rucksack", Some(22.0), Some(1.6), [44.0, 32.0, 15.0], Some("Leder"), Some(&["Rucksackgurte", "Laptopfach"]), 0, Some(true)),
    ("canvas-rucksack-28", "rucksack", Some(28.0), Some(1.3), [48.0, 33.0, 16.0], Some("Canvas"), Some(&["Rucksackgurte", "Laptopfach"]), 0, Some(true)),
    ("reiserucksack-55", "rucksack", Some(55.0), Some(2.1), [64.0, 34.0, 28.0], Some("Nylon"), Some(&["Rucksackgurte", "Laptopfach", "erweiterbar"]), 0, Some(false)),
    ("mini-rucksack-12", "rucksack", Some(12.0), Some(0.4), [36.0, 25.0, 12.0], None, Some(&["Rucksackgurte", "wasserdicht"]), 0, Some(true)),
    ("duffel-45", "reisetasche", Some(45.0), Some(0.9), [55.0, 35.0, 25.0], Some("Polyester"), Some(&["Rucksackgurte", "wasserdicht"]), 0, None),
    ("duffel-90", "reisetasche", Some(90.0), Some(1.6), [70.0, 40.0, 35.0], Some("Polyester"), Some(&["Rucksackgurte", "wasserdicht"]), 0, Some(false)),
    ("rollenreisetasche-100", "reisetasche", Some(100.0), Some(3.2), [80.0, 40.0, 36.0], Some("Polyester"), Some(&["erweiterbar"]), 2, Some(false)),
    ("weekender-leder", "reisetasche", Some(40.0), Some(2.2), [50.0, 28.0, 26.0], Some("Leder"), None, 0, Some(false)),
    ("reisetasche-60", "reisetasche", Some(60.0), Some(1.0), [62.0, 32.0, 30.0], Some("Polyester"), Some(&[]), 0, Some(false)),
    ("weekender-canvas-35", "reisetasche", Some(35.0), Some(1.2), [50.0, 30.0, 22.0], Some("Canvas"), Some(&["Laptopfach"]), 0, Some(true)),
    ("rollenreisetasche-kabine", "reisetasche", Some(38.0), Some(2.2), [55.0, 35.0, 23.0], Some("Polyester"), Some(&["erweiterbar"]), 2, Some(true)),
    ("unterflugtasche-20", "unterflugtasche", Some(20.0), Some(0.6), [40.0, 30.0, 20.0], Some("Polyester"), Some(&["Laptopfach"]), 0, Some(true)),
    ("unterflug-trolley-25", "unterflugtasche", Some(25.0), Some(2.0), [43.0, 33.0, 20.0], Some("Polycarbonat"), Some(&["Laptopfach", "USB-Port"]), 4, Some(true)),
    ("unterflug-rucksack-18", "unterflugtasche", Some(18.0), Some(0.7), [40.0, 25.0, 20.0], Some("Nylon"), Some(&["Rucksackgurte", "Laptopfach", "wasserdicht"]), 0, Some(true)),
    ("unterflugtasche-leder", "unterflugtasche", Some(16.0), Some(1.4), [40.0, 30.0, 15.0], Some("Leder"), Some(&["Laptopfach"]), 0, Some(true)),
    ("unterflugtasche-faltbar", "unterflugtasche", Some(22.0), Some(0.4), [40.0, 30.0, 20.0], Some("Nylon"), Some(&[]), 0, Some(true)),
    ("kleidersack-faltbar", "kleidersack", Some(20.0), Some(0.9), [55.0, 40.0, 12.0], Some("Polyester"), Some(&["Anzugfach"]), 0, Some(true)),
    ("kleidersack-trolley", "kleidersack", Some(50.0), Some(3.5), [62.0, 42.0, 22.0], Some("Nylon"), Some(&["Anzugfach", "erweiterbar"]), 2, Some(false)),
    ("kleidersack-leder", "kleidersack", Some(30.0), Some(2.4), [60.0, 50.0, 12.0], Some("Leder"), Some(&["Anzugfach"]), 0, Some(false)),
    ("kleidersack-business", "kleidersack", None, Some(1.5), [55.0, 40.0, 15.0], Some("Polyester"), Some(&["Anzugfach", "Laptopfach"]), 0, Some(true)),
];

/// Values of `kind` (filter keys: the same in every language).
pub const KINDS: &[&str] = &["koffer", "rucksack", "reisetasche", "unterflugtasche", "kleidersack"];
/// Values of `material`.
pub const MATERIALS: &[&str] = &["Polycarbonat", "Aluminium", "Nylon", "Polyester", "Canvas", "Leder"];
/// Tags of `features`.
pub const FEATURES: &[&str] = &["TSA-Schloss", "wasserdicht", "Laptopfach", "erweiterbar", "USB-Port", "Rucksackgurte", "Anzugfach"];
/// The cabin-baggage size `cabin_size` refers to, in cm (height, width, depth).
pub const CABIN_SIZE_CM: [f64; 3] = [55.0, 40.0, 23.0];

/// The advisor's attributes of one luggage product (`products.attributes`, a JSON object).
/// `None` is an unknown value, sent as JSON null.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attributes {
    /// One of [`KINDS`].
    pub kind: Option<String>,
    pub volume_l: Option<f64>,
    pub weight_kg: Option<f64>,
    pub width_cm: Option<f64>,
    pub height_cm: Option<f64>,
    pub depth_cm: Option<f64>,
    /// One of [`MATERIALS`].
    pub material: Option<String>,
    /// Tags of [`FEATURES`]; `Some(vec![])` is "none", `None` unknown.
    pub features: Option<Vec<String>>,
    /// 0, 2 or 4.
    pub wheels: Option<i64>,
    /// Fits [`CABIN_SIZE_CM`].
    pub cabin_size: Option<bool>,
}

/// The attribute names, in the order they are sent.
pub const ATTRIBUTE_NAMES: &[&str] = &["volume_l", "weight_kg", "width_cm", "height_cm", "depth_cm", "material", "features", "wheels", "cabin_size", "kind"];

/// A JSON number, whole numbers without a fraction (`55`, not `55.0`).
fn number(x: f64) -> serde_json::Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        serde_json::Value::from(x as i64)
    } else {
        serde_json::Value::from(x)
    }
}

impl Attributes {
    /// The JSON object: every name of [`ATTRIBUTE_NAMES`], unknown values as null.
    pub fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        use serde_json::Value as J;
        let num = |x: Option<f64>| x.map_or(J::Null, number);
        let text = |x: &Option<String>| x.clone().map_or(J::Null, J::String);
        let mut m = serde_json::Map::new();
        m.insert("volume_l".into(), num(self.volume_l));
        m.insert("weight_kg".into(), num(self.weight_kg));
        m.insert("width_cm".into(), num(self.width_cm));
        m.insert("height_cm".into(), num(self.height_cm));
        m.insert("depth_cm".into(), num(self.depth_cm));
        m.insert("material".into(), text(&self.material));
        m.insert("features".into(), self.features.clone().map_or(J::Null, |f| J::Array(f.into_iter().map(J::String).collect())));
        m.insert("wheels".into(), self.wheels.map_or(J::Null, J::from));
        m.insert("cabin_size".into(), self.cabin_size.map_or(J::Null, J::Bool));
        m.insert("kind".into(), text(&self.kind));
        m
    }

    /// Reads the stored JSON object. Absent names and null are unknown; a value of the wrong
    /// type or an unknown name is an error (a hand-edited database is reported, not guessed at).
    pub fn from_json(text: &str) -> Result<Attributes, String> {
        use serde_json::Value as J;
        let v: J = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        let J::Object(m) = v else { return Err("not a JSON object".into()) };
        let mut a = Attributes::default();
        for (k, v) in &m {
            if v.is_null() {
                continue;
            }
            let wrong = || format!("{k}: wrong type {v}");
            let num = || v.as_f64().ok_or_else(wrong);
            let text = || v.as_str().map(str::to_string).ok_or_else(wrong);
            match k.as_str() {
                "volume_l" => a.volume_l = Some(num()?),
                "weight_kg" => a.weight_kg = Some(num()?),
                "width_cm" => a.width_cm = Some(num()?),
                "height_cm" => a.height_cm = Some(num()?),
                "depth_cm" => a.depth_cm = Some(num()?),
                "material" => a.material = Some(text()?),
                "kind" => a.kind = Some(text()?),
                "features" => {
                    let list = v.as_array().ok_or_else(wrong)?;
                    a.features = Some(list.iter().map(|t| t.as_str().map(str::to_string).ok_or_else(wrong)).collect::<Result<_, _>>()?);
                }
                "wheels" => a.wheels = Some(v.as_i64().ok_or_else(wrong)?),
                "cabin_size" => a.cabin_size = Some(v.as_bool().ok_or_else(wrong)?),
                _ => return Err(format!("unknown attribute {k}")),
            }
        }
        Ok(a)
    }
}

/// The seeded attributes of every luggage product: `(id, attributes)`.
pub fn seed_attributes() -> Vec<(&'static str, Attributes)> {
    ATTRIBUTES
        .iter()
        .map(|&(id, kind, volume_l, weight_kg, [height, width, depth], material, features, wheels, cabin_size)| {
            let a = Attributes {
                kind: Some(kind.into()),
                volume_l,
                weight_kg,
                width_cm: Some(width),
                height_cm: Some(height),
                depth_cm: Some(depth),
                material: material.map(str::to_string),
                features: features.map(|f| f.iter().map(|t| t.to_string()).collect()),
                wheels: Some(wheels),
                cabin_size,
            };
            (id, a)
        })
        .collect()
}

/// Number of seeded products (the shop's first 15 and the luggage added for the advisor).
pub fn seed_len() -> usize {
    SEED.len() + SEED_LUGGAGE.len()
}

/// Opens (or creates) the database, applies the schema and seeds the products when empty.
pub fn open(path: &str) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    // Databases created before stock and categories existed get the columns first.
    let column = |name: &str| -> rusqlite::Result<bool> {
        conn.query_row("SELECT COUNT(*) FROM pragma_table_info('products') WHERE name = ?1", [name], |r| r.get::<_, i64>(0)).map(|n| n == 1)
    };
    let has_products: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'products'", [], |r| r.get(0))?;
    let migrate = has_products == 1 && !column("stock")?;
    if migrate {
        conn.execute_batch(
            "ALTER TABLE products ADD COLUMN stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0);
             ALTER TABLE products ADD COLUMN category TEXT NOT NULL DEFAULT '';",
        )?;
    }
    // Databases created before the advisor get the attributes column, its luggage and attributes.
    let migrate_attributes = has_products == 1 && !column("attributes")?;
    if migrate_attributes {
        conn.execute_batch("ALTER TABLE products ADD COLUMN attributes TEXT;")?;
    }
    conn.execute_batch(SCHEMA)?;
    conn.execute_batch(crate::faq::SCHEMA)?;
    crate::loyalty::init(&conn)?;
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
    if count == 0 || migrate_attributes {
        // After the shop's first products, so their order (and the grid's first rows) stay.
        for (i, (id, de, en, eur, stock, category, image, _)) in SEED_LUGGAGE.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO products (id, title_de, title_en, price_eur, price_chf, image, available, sort, stock, category)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?9)",
                params![id, de, en, eur, chf_from_eur(*eur), format!("/img/{image}.svg"), (SEED.len() + i) as i64, stock, category],
            )?;
        }
        for (id, attributes) in seed_attributes() {
            let json = serde_json::Value::Object(attributes.to_json()).to_string();
            tx.execute("UPDATE products SET attributes = ?2 WHERE id = ?1", params![id, json])?;
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
    // The shop's first products, then the advisor's luggage (so the first ones keep their stars).
    let counts = SEED_EXTRA.iter().map(|r| (r.0, r.3)).chain(SEED_LUGGAGE.iter().map(|r| (r.0, r.7)));
    for (id, n) in counts {
        for _ in 0..n {
            let stars = match next() % 100 {
                0..=3 => 1,
                4..=8 => 2,
                9..=19 => 3,
                20..=49 => 4,
                _ => 5,
            };
            let at_ms = JAN_2025_MS + (next() % (330 * 24 * 60)) as i64 * 60_000;
            out.push((id, stars, at_ms));
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
    /// Whether it can be bought now: not withdrawn and in stock.
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
    let sql = format!("SELECT id, {}, {}, image, available AND stock > 0, stock FROM products ORDER BY sort, id", title_col(lang), price_col(currency));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok(Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)?, stock: r.get(5)? }))?;
    rows.collect()
}

/// One product, if it exists.
pub fn product(conn: &Connection, id: &str, currency: &str, lang: &str) -> rusqlite::Result<Option<Product>> {
    let sql = format!("SELECT id, {}, {}, image, available AND stock > 0, stock FROM products WHERE id = ?1", title_col(lang), price_col(currency));
    conn.query_row(&sql, [id], |r| Ok(Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)?, stock: r.get(5)? }))
        .optional()
}

/// The products that have advisor attributes (the luggage), in shop order.
pub fn advisor_products(conn: &Connection, currency: &str, lang: &str) -> rusqlite::Result<Vec<(Product, Attributes)>> {
    let sql = format!(
        "SELECT id, {}, {}, image, available AND stock > 0, stock, attributes FROM products WHERE attributes IS NOT NULL ORDER BY sort, id",
        title_col(lang),
        price_col(currency)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| {
        let product = Product { id: r.get(0)?, title: r.get(1)?, price: r.get(2)?, image: r.get(3)?, available: r.get(4)?, stock: r.get(5)? };
        let text: String = r.get(6)?;
        let attributes = Attributes::from_json(&text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(6, rusqlite::types::Type::Text, format!("attributes of product {}: {e}", product.id).into())
        })?;
        Ok((product, attributes))
    })?;
    rows.collect()
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
        "SELECT p.id, p.{}, p.{}, p.image, p.available AND p.stock > 0, p.stock, l.quantity
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
    /// The order's voucher was used by another order first; nothing was changed.
    VoucherUsed { code: String },
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
    place_order_then(conn, visitor, currency, country, lines, subtotal, shipping_cost, total, |_, _, _| Ok(())).map(|(id, ())| id)
}

/// [`place_order`], running `then(transaction, order_id, now_ms)` inside the order's
/// transaction before it commits (the order's voucher and loyalty points): its error rolls the
/// whole order back.
#[allow(clippy::too_many_arguments)]
pub fn place_order_then<T>(
    conn: &Connection,
    visitor: &str,
    currency: &str,
    country: &str,
    lines: &[Line],
    subtotal: i64,
    shipping_cost: i64,
    total: i64,
    then: impl FnOnce(&Connection, i64, i64) -> Result<T, OrderError>,
) -> Result<(i64, T), OrderError> {
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
    let extra = then(&tx, order_id, now)?;
    tx.commit()?;
    Ok((order_id, extra))
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

    // 2. Purchases and carts in the window (one pass, grouped by product and kind): distinct
    // visitors, since the badges say "N people" — one shopper adding a product six times or
    // buying it twice is one person.
    let sql = format!(
        "SELECT product_id, kind, COUNT(DISTINCT visitor) FROM events WHERE kind IN ('purchase', 'cart') AND at_ms > ?1 AND product_id IN ({}) GROUP BY product_id, kind",
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
        assert_eq!(products(&conn, "EUR", "de").unwrap().len(), seed_len());
        conn.execute_batch(SCHEMA).unwrap();
        assert_eq!(products(&conn, "CHF", "en").unwrap().len(), seed_len());
        // Unavailable: the one withdrawn product and the ones sold out (stock 0), which a
        // shopper cannot buy either.
        let list = products(&conn, "EUR", "de").unwrap();
        let withdrawn: i64 = conn.query_row("SELECT COUNT(*) FROM products WHERE NOT available", [], |r| r.get(0)).unwrap();
        assert_eq!(withdrawn, 1);
        assert!(list.iter().all(|p| p.available == (p.stock > 0)), "available exactly when in stock");
        assert!(list.iter().filter(|p| !p.available).count() > 1);
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
        assert_eq!((products(&conn, "EUR", "de").unwrap().len(), reviews), (seed_len(), seed_reviews().len() as i64));
        assert_eq!(advisor_products(&conn, "EUR", "de").unwrap().len(), ATTRIBUTES.len());
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
        // The advisor's luggage is added and the old product gets its attributes.
        let luggage = advisor_products(&conn, "EUR", "de").unwrap();
        assert_eq!(luggage.len(), 1 + SEED_LUGGAGE.len());
        assert_eq!(luggage[0].0.id, "handgepaeck-trolley");
        assert_eq!(luggage[0].1.cabin_size, Some(true));
        drop(conn);
        let _ = std::fs::remove_file(&path);
    }

    /// A database created before the advisor (stock and categories, no attributes) gets the
    /// column, the new luggage and the attributes, and keeps what it had.
    #[test]
    fn database_before_the_advisor_is_migrated() {
        let path = std::env::temp_dir().join(format!("sf-migrate-advisor-{}.sqlite", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let p = path.to_str().unwrap();
        let conn = open(p).unwrap();
        let reviews_before: i64 = conn.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0)).unwrap();
        conn.execute("UPDATE products SET stock = 1 WHERE id = 'daypack'", []).unwrap();
        for (id, ..) in SEED_LUGGAGE {
            conn.execute("DELETE FROM reviews WHERE product_id = ?1", [id]).unwrap();
            conn.execute("DELETE FROM products WHERE id = ?1", [id]).unwrap();
        }
        conn.execute_batch("ALTER TABLE products DROP COLUMN attributes;").unwrap();
        drop(conn);
        let conn = open(p).unwrap();
        assert_eq!(products(&conn, "EUR", "de").unwrap().len(), seed_len());
        assert_eq!(advisor_products(&conn, "EUR", "de").unwrap().len(), ATTRIBUTES.len());
        assert_eq!(product(&conn, "daypack", "EUR", "de").unwrap().unwrap().stock, 1, "stock kept");
        let reviews: i64 = conn.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0)).unwrap();
        assert!(reviews < reviews_before, "no reviews seeded into a database that has some");
        // Opening again changes nothing.
        drop(conn);
        let conn = open(p).unwrap();
        assert_eq!(products(&conn, "EUR", "de").unwrap().len(), seed_len());
        drop(conn);
        let _ = std::fs::remove_file(&path);
    }

    /// The advisor's catalogue: enough luggage of every kind, values from the vocabularies,
    /// cabin size consistent with the dimensions, a few unknowns and a few out of stock.
    #[test]
    fn luggage_attributes_are_consistent() {
        let conn = open(":memory:").unwrap();
        let eur = advisor_products(&conn, "EUR", "de").unwrap();
        let chf = advisor_products(&conn, "CHF", "en").unwrap();
        assert!(eur.len() >= 40, "{} luggage products", eur.len());
        assert_eq!(eur.len(), ATTRIBUTES.len());
        // Every luggage row is a product, every new product has attributes, ids are unique.
        let mut ids: Vec<&str> = ATTRIBUTES.iter().map(|r| r.0).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ATTRIBUTES.len(), "duplicate ids in ATTRIBUTES");
        for (id, ..) in SEED_LUGGAGE {
            assert!(ATTRIBUTES.iter().any(|r| r.0 == *id), "{id} has no attributes");
            assert!(!SEED.iter().any(|r| r.0 == *id), "{id} is already a product");
        }
        let mut unknown = 0;
        for ((p, a), (p_en, a_en)) in eur.iter().zip(&chf) {
            let id = p.id.as_str();
            assert_eq!(a, a_en, "{id}: attributes are the same in every language");
            assert!(p_en.price > p.price && p_en.price <= p.price * 106 / 100 + 100, "{id}: CHF {} for EUR {}", p_en.price, p.price);
            assert!((2900..=34900).contains(&p.price), "{id}: {}", p.price);
            assert!(KINDS.contains(&a.kind.as_deref().unwrap()), "{id}");
            assert!(a.material.as_deref().is_none_or(|m| MATERIALS.contains(&m)), "{id}: {:?}", a.material);
            assert!(a.features.iter().flatten().all(|f| FEATURES.contains(&f.as_str())), "{id}: {:?}", a.features);
            assert!([0, 2, 4].contains(&a.wheels.unwrap()), "{id}");
            let mut dims = [a.height_cm.unwrap(), a.width_cm.unwrap(), a.depth_cm.unwrap()];
            dims.sort_by(|x, y| y.total_cmp(x));
            let fits = dims.iter().zip(CABIN_SIZE_CM).all(|(d, max)| *d <= max);
            assert!(a.cabin_size.is_none_or(|c| c == fits), "{id}: cabin_size {:?} but {dims:?}", a.cabin_size);
            assert!(a.volume_l.is_none_or(|v| (5.0..=150.0).contains(&v)) && a.weight_kg.is_none_or(|w| (0.2..=8.0).contains(&w)), "{id}");
            let nulls = [a.volume_l.is_none(), a.weight_kg.is_none(), a.material.is_none(), a.features.is_none(), a.cabin_size.is_none()];
            assert!(nulls.iter().filter(|n| **n).count() <= 1, "{id}: at most one unknown");
            unknown += nulls.iter().filter(|n| **n).count();
            // Stored JSON reads back to the same attributes.
            assert_eq!(&Attributes::from_json(&serde_json::Value::Object(a.to_json()).to_string()).unwrap(), a, "{id}");
        }
        assert!((3..=8).contains(&unknown), "{unknown} unknown values");
        let out_of_stock = eur.iter().filter(|(p, _)| p.stock == 0).count();
        assert!((2..=6).contains(&out_of_stock), "{out_of_stock} out of stock");
        for kind in KINDS {
            let n = eur.iter().filter(|(_, a)| a.kind.as_deref() == Some(*kind)).count();
            assert!(n >= 4, "{n} of kind {kind}");
        }
        // Not luggage: no attributes.
        for id in ["kulturbeutel", "nackenkissen", "reisesocken", "gutschein-25"] {
            assert!(!eur.iter().any(|(p, _)| p.id == id), "{id}");
        }
    }

    #[test]
    fn attributes_json_is_read_strictly() {
        let a = Attributes::from_json(r#"{"kind": "koffer", "volume_l": 37, "weight_kg": 2.4, "features": [], "wheels": 4, "cabin_size": true, "material": null}"#).unwrap();
        assert_eq!((a.kind.as_deref(), a.volume_l, a.weight_kg, a.features.as_deref().map(<[String]>::len), a.wheels, a.cabin_size, a.material.as_deref()), (Some("koffer"), Some(37.0), Some(2.4), Some(0), Some(4), Some(true), None));
        let json = serde_json::Value::Object(a.to_json());
        assert_eq!(json["volume_l"], serde_json::json!(37));
        assert_eq!(json["weight_kg"], serde_json::json!(2.4));
        assert_eq!(json["height_cm"], serde_json::Value::Null);
        for bad in [r#"[]"#, r#"{"volume_l": "37"}"#, r#"{"features": "TSA-Schloss"}"#, r#"{"features": [1]}"#, r#"{"wheels": 2.5}"#, r#"{"cabin_size": 1}"#, r#"{"colour": "rot"}"#, "nope"] {
            assert!(Attributes::from_json(bad).is_err(), "{bad}");
        }
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
        assert_eq!(all.len(), seed_len() + 100);
        assert_eq!((all[seed_len()].id.as_str(), all.last().unwrap().id.as_str()), ("bench-001", "bench-100"));
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
