//! Platform presets: `"preset": "shopify" | "shopware6" | "woocommerce"` names a shop platform
//! instead of writing the cart's `url`, `map` and `money` by hand, and fills in the product
//! sources (the advisor's catalogue, the shipping bar's suggestions) that name no `url`.
//!
//! A preset is data, not code: one table per platform with the storefront API's cart and
//! product paths, their money format and the JSON pointers into their responses, read by the
//! same [`cart_from_json`](crate::mapping::cart_from_json) and
//! [`products_from_json`](crate::mapping::products_from_json) as any other backend. The
//! fixtures in `tests/fixtures/presets/` (each citing the documentation page it follows) prove
//! the tables. The platforms have no customer endpoint a loyalty programme could use (points
//! live in the shop's loyalty backend), so `loyalty` keeps its own URLs.

use crate::decode::{Ctx, Step};
use crate::model::{CartSource, Config, MoneyFormat, Section, Source};
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
/// reference backend's shape; and its product endpoints, where the platform has them.
pub struct Table {
    /// Path of the cart endpoint, from the shop's root.
    pub path: &'static str,
    /// How the response writes money.
    pub money: MoneyFormat,
    /// Cart field → JSON pointer where it differs from the default (see
    /// [`CART_FIELDS`](crate::model::CART_FIELDS)).
    pub map: &'static [(&'static str, &'static str)],
    /// The product list for the advisor's catalogue, if the platform's storefront API has one.
    pub catalogue: Option<&'static Products>,
    /// The products the shipping bar suggests to close the gap.
    pub suggestions: Option<&'static Products>,
}

/// A platform's product endpoint, read like any product source.
pub struct Products {
    /// Path from the shop's root, with the query; `{product}` is a product id from the cart.
    pub path: &'static str,
    /// How the response writes money.
    pub money: MoneyFormat,
    /// The response names no currency: its prices are in the session's (the cart's) currency.
    pub session_currency: bool,
    /// Product field → JSON pointer where it differs from the default (see
    /// [`PRODUCT_FIELDS`](crate::model::PRODUCT_FIELDS)).
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
    // The Ajax API has no product list, only single products and recommendations.
    catalogue: None,
    suggestions: Some(&SHOPIFY_RECOMMENDATIONS),
};

// https://shopify.dev/docs/api/ajax/reference/product-recommendations: products related to a
// product from the cart (1 to 10, default 10), as product objects with the price in hundredths
// of the session's currency and protocol-relative image URLs (read as https). Shopify leaves
// out products in the cart and out-of-stock ones ("Limitations" in
// https://shopify.dev/docs/storefronts/themes/product-merchandising/recommendations/complementary-products);
// the bar skips them itself too.
// The root path answers in the shop's primary language; a translated store gives its own url
// ("/{language}/recommendations/products.json?product_id={product}" with this money, map and
// session_currency).
const SHOPIFY_RECOMMENDATIONS: Products = Products {
    path: "/recommendations/products.json?product_id={product}&limit=10",
    money: MoneyFormat::Cents,
    session_currency: true,
    map: &[("items.image", "/featured_image")],
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
    catalogue: Some(&SHOPWARE6_PRODUCTS),
    suggestions: Some(&SHOPWARE6_PRODUCTS),
};

// https://shopware.stoplight.io/docs/store-api/ (Product, "Fetch a list of products",
// store-api.product.search; GET takes the criteria as query parameters): an entity search
// result with the products in "elements", the name in the context's language under
// "translated", decimal prices in the context's currency (no currency in the response).
// Stock is read from "available" only: a product that is no closeout stays buyable at zero
// or negative "availableStock". "calculatedPrice" is the product's price for the context; a
// rule-based advanced price (in "calculatedPrices") is not read. The first 100 products.
const SHOPWARE6_PRODUCTS: Products = Products {
    path: "/store-api/product?limit=100",
    money: MoneyFormat::Decimal,
    session_currency: true,
    map: &[
        ("items", "/elements"),
        ("items.title", "/translated/name"),
        ("items.price", "/calculatedPrice/unitPrice"),
        ("items.image", "/cover/media/url"),
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
    catalogue: Some(&WOOCOMMERCE_PRODUCTS),
    suggestions: Some(&WOOCOMMERCE_PRODUCTS),
};

// https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/src/StoreApi/docs/products.md:
// a plain array (100 at most per page: the first 100 products); every product states the
// store's currency and its decimals in "prices", read from the first one;
// "low_stock_remaining" is null unless stock is low.
const WOOCOMMERCE_PRODUCTS: Products = Products {
    path: "/wp-json/wc/store/v1/products?per_page=100",
    money: MoneyFormat::StatedMinor,
    session_currency: false,
    map: &[
        ("currency", "/0/prices/currency_code"),
        ("minor_unit", "/0/prices/currency_minor_unit"),
        ("items", ""),
        ("items.title", "/name"),
        ("items.price", "/prices/price"),
        ("items.url", "/permalink"),
        ("items.image", "/images/0/src"),
        ("items.available", "/is_in_stock"),
        ("items.stock", "/low_stock_remaining"),
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
        Source { url: Some(Url(on_shop(base_url, t.path))), inline: None, map: pointers(t.map), money: t.money, session_currency: false }
    }
}

/// `path` on the shop: after `base_url` when that is an absolute URL, else from the page's root.
fn on_shop(base_url: &str, path: &str) -> String {
    let mut url = String::new();
    if base_url.starts_with("https://") || base_url.starts_with("http://") {
        url.push_str(base_url.trim_end_matches('/'));
    }
    url.push_str(path);
    url
}

fn pointers(map: &[(&str, &str)]) -> Vec<(String, Pointer)> {
    let mut out = Vec::with_capacity(map.len());
    for (k, p) in map {
        out.push(((*k).to_owned(), Pointer((*p).to_owned())));
    }
    out
}

/// Fills in the cart and the product sources that name neither "url" nor "inline" from the
/// preset, and checks what the platform needs besides.
pub(crate) fn resolve(config: &mut Config, cx: &mut Ctx) {
    let preset = config.preset;
    // Checked where configs are written and checked (`./x check`, the backend, tests), not in
    // the wasm, to keep the package small: in the browser a missing key shows as a 401 and an
    // sf:error.
    #[cfg(feature = "serde_json")]
    if preset == Some(Preset::Shopware6) && !config.backend.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("sw-access-key")) {
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
    let base = &config.backend.base_url.0;
    if let Some(preset) = preset {
        if config.cart.is_none() {
            config.cart = Some(CartSource(preset.cart_source(base)));
        }
    }
    let table = preset.map(Preset::table);
    if let Section::Ok(bar) = &mut config.shipping_bar {
        if let Some(sugg) = &mut bar.suggestions {
            products(&mut sugg.source.0, preset, table.and_then(|t| t.suggestions), base, cx, "shipping_bar", "suggestions");
        }
    }
    if let Section::Ok(advisor) = &mut config.advisor {
        products(&mut advisor.catalogue.source.0, preset, table.and_then(|t| t.catalogue), base, cx, "advisor", "catalogue");
    }
}

/// A product source without "url" and "inline" takes the preset's endpoint, with its own map's
/// pointers over the preset's; without a preset endpoint that is an error at the source.
#[inline(never)]
fn products(src: &mut Source, preset: Option<Preset>, endpoint: Option<&Products>, base: &str, cx: &mut Ctx, section: &str, key: &str) {
    if src.url.is_some() || src.inline.is_some() {
        return;
    }
    let Some(p) = endpoint else {
        let steps = [Step::Key(section), Step::Key(key), Step::Key("source")];
        let hint = if preset.is_some() { "the platform's storefront API has no product list: add \"url\" or \"inline\"" } else { "add \"url\" or \"inline\", or name the shop's platform in \"preset\"" };
        cx.error_in(&steps, "(no url, no inline)".into(), "neither \"url\" nor \"inline\" is set", hint);
        return;
    };
    // The config's own pointers first: `Source::pointer` takes the first entry for a field.
    let mut map = std::mem::take(&mut src.map);
    map.extend(pointers(p.map));
    *src = Source { url: Some(Url(on_shop(base, p.path))), inline: None, map, money: p.money, session_currency: p.session_currency };
}
