//! Platform presets: `"preset": "shopify" | "shopware6" | "woocommerce"` names a shop platform
//! instead of writing the cart's `url`, `map` and `money` by hand.
//!
//! A preset is data, not code: one table per platform with the storefront API's cart path, its
//! money format and the JSON pointers into its response, read by the same
//! [`cart_from_json`](crate::mapping::cart_from_json) as any other backend. The fixtures in
//! `tests/fixtures/presets/` (each citing the documentation page it follows) prove the tables.

use crate::decode::Ctx;
use crate::model::{CartSource, Config, MoneyFormat, Source};
use crate::types::{Pointer, Url};
use crate::config_enum;

config_enum! {
    /// A shop platform whose public storefront API fills in the cart source.
    pub enum Preset {
        /// Shopify's Ajax Cart API: GET /cart.js, prices in integer hundredths of the major unit.
        Shopify = "shopify",
        /// Shopware 6 Store API: GET /store-api/checkout/cart, decimal prices; the currency is the sales channel's (the config's "currency").
        Shopware6 = "shopware6",
        /// WooCommerce Store API: GET /wp-json/wc/store/v1/cart, prices as minor-unit strings with currency_minor_unit.
        Woocommerce = "woocommerce",
    }
}

/// One platform's cart endpoint: path, money format and the pointers that differ from the
/// reference backend's shape.
pub struct Table {
    /// Path of the cart endpoint, from the shop's root.
    pub path: &'static str,
    /// How the response writes money.
    pub money: MoneyFormat,
    /// Cart field → JSON pointer where it differs from the default (see
    /// [`CART_FIELDS`](crate::model::CART_FIELDS)).
    pub map: &'static [(&'static str, &'static str)],
}

// https://shopify.dev/docs/api/ajax/reference/cart: integers in hundredths of the major unit,
// also for zero-decimal currencies; `final_price` is after line-level discounts, cart-level
// ones are a list of applications with the amount each took off.
const SHOPIFY: Table = Table {
    path: "/cart.js",
    money: MoneyFormat::Cents,
    map: &[
        ("discount", "/cart_level_discount_applications"),
        ("discount.amount", "/total_allocated_amount"),
        ("lines", "/items"),
        ("lines.unit_price", "/final_price"),
    ],
};

// https://shopware.stoplight.io/docs/store-api/ (Cart): decimal prices per unit; promotions are
// line items of type "promotion" with negative prices (read through the default "lines.type"
// pointer "/type"); no currency in the cart.
const SHOPWARE6: Table = Table {
    path: "/store-api/checkout/cart",
    money: MoneyFormat::Decimal,
    map: &[
        ("lines", "/lineItems"),
        ("lines.product_id", "/referencedId"),
        ("lines.unit_price", "/price/unitPrice"),
    ],
};

// https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/src/StoreApi/docs/cart.md:
// prices are strings in minor units, the number of decimals in currency_minor_unit.
const WOOCOMMERCE: Table = Table {
    path: "/wp-json/wc/store/v1/cart",
    money: MoneyFormat::StatedMinor,
    map: &[
        ("currency", "/totals/currency_code"),
        ("minor_unit", "/totals/currency_minor_unit"),
        ("discount", "/totals/total_discount"),
        ("lines", "/items"),
        ("lines.product_id", "/id"),
        ("lines.unit_price", "/prices/price"),
    ],
};

impl Preset {
    /// The platform's cart endpoint table.
    pub fn table(self) -> &'static Table {
        match self {
            Preset::Shopify => &SHOPIFY,
            Preset::Shopware6 => &SHOPWARE6,
            Preset::Woocommerce => &WOOCOMMERCE,
        }
    }

    /// The cart source this preset stands for: its path resolved against `base_url` when that
    /// is an absolute URL (a headless shop on another origin), else from the page's root.
    pub fn cart_source(self, base_url: &str) -> Source {
        let t = self.table();
        let mut url = String::new();
        if base_url.starts_with("https://") || base_url.starts_with("http://") {
            url.push_str(base_url.trim_end_matches('/'));
        }
        url.push_str(t.path);
        Source { url: Some(Url(url)), inline: None, map: t.map.iter().map(|(k, p)| ((*k).to_owned(), Pointer((*p).to_owned()))).collect(), money: t.money }
    }
}

/// Fills in the cart from the preset unless the config has its own, and checks what the
/// platform needs besides.
#[cfg_attr(not(feature = "serde_json"), allow(unused_variables))]
pub(crate) fn resolve(config: &mut Config, cx: &mut Ctx) {
    let Some(preset) = config.preset else { return };
    // Checked where configs are written and checked (`./x check`, the backend, tests), not in
    // the wasm, to keep the package small: in the browser a missing key shows as a 401 and an
    // sf:error.
    #[cfg(feature = "serde_json")]
    if preset == Preset::Shopware6 && !config.backend.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("sw-access-key")) {
        cx.key("backend", |cx| {
            cx.key("headers", |cx| {
                cx.warn(
                    "no sw-access-key".into(),
                    "Shopware needs the sales channel's access key",
                    "add \"sw-access-key\" (Sales Channels → API access) and the visitor's \"sw-context-token\"",
                )
            })
        });
    }
    if config.cart.is_none() {
        config.cart = Some(CartSource(preset.cart_source(&config.backend.base_url.0)));
    }
}
