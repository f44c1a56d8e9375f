//! The `schaufenster.json` model.
//!
//! Every struct here is declared with [`config_struct!`](crate::config_struct), which derives
//! both the decoder and the JSON Schema; doc comments become the schema's descriptions.

use crate::decode::{found, found_text, Ctx, Decode, Int, Seg, Step};
use crate::json::{obj, s, Json};
use crate::types::{Amount, Country, CssValue, Id, Link, Locale, Pointer, Url};
use crate::{config_enum, config_struct};
use schaufenster_core::Currency;

config_struct! {
    /// Schaufenster configuration: global settings and one section per widget.
    pub struct Config {
        /// Locale for texts and number formatting, e.g. "de-DE", "de-CH" or "en-US". Default "de-DE".
        pub locale: Locale = Locale("de-DE".into()),
        /// Shop currency used when the cart does not say (ISO 4217). Default "EUR".
        pub currency: Currency = Currency::eur(),
        /// Destination country used when the cart does not say (ISO 3166-1 alpha-2).
        pub country: Option<Country>,
        /// How the widgets reach the shop's backend.
        pub backend: Backend = Backend::default(),
        /// The shop platform whose public storefront API the cart comes from: "shopify" (Ajax Cart API, /cart.js), "shopware6" (Store API, /store-api/checkout/cart; put the sales channel's "sw-access-key" and the visitor's "sw-context-token" in backend.headers) or "woocommerce" (Store API, /wp-json/wc/store/v1/cart). It fills in the cart's URL, map and money format; the paths are resolved against backend.base_url when that is an absolute URL, else against the page's origin. An explicit "cart" wins.
        pub preset: Option<crate::preset::Preset>,
        /// Where the cart comes from. Default: the preset's endpoint, else GET {backend.base_url}/cart in the reference backend's shape.
        pub cart: Option<CartSource>,
        /// Colours, radius and Shadow DOM.
        pub theme: Theme = Theme::default(),
        /// When the widgets may write storage or send analytics.
        pub consent: Consent = Consent::default(),
        /// Text overrides per language: {"de": {"shipping.remaining.free_shipping": "Noch {remaining}…"}}.
        pub messages: Vec<(String, Vec<(String, String)>)> = Vec::new(),
        /// The free-shipping progress bar <sf-shipping-bar>.
        pub shipping_bar: Section<ShippingBar> = Section::Absent,
        /// Social-proof badges <sf-social-proof product="…">.
        pub social_proof: Section<SocialProof> = Section::Absent,
        /// Self-service FAQ search <sf-faq>.
        pub faq: Section<Faq> = Section::Absent,
        /// Guided-selling product advisor <sf-advisor>.
        pub advisor: Section<crate::advisor::Advisor> = Section::Absent,
        /// Loyalty points <sf-loyalty>.
        pub loyalty: Section<crate::loyalty::Loyalty> = Section::Absent,
    }
}

/// The config sections that belong to one widget each; a problem inside one disables only
/// that widget.
pub const WIDGET_SECTIONS: &[&str] = &["shipping_bar", "social_proof", "faq", "advisor", "loyalty"];

config_struct! {
    /// Backend connection shared by every widget.
    pub struct Backend {
        /// Base URL of the API; relative paths are resolved against the page. Default "/api".
        pub base_url: Url = Url("/api".into()),
        /// Extra request headers, e.g. an API key for a read-only storefront token.
        pub headers: Vec<(String, String)> = Vec::new(),
        /// Whether cookies are sent: "omit", "same-origin" (default) or "include".
        pub credentials: Credentials = Credentials::SameOrigin,
        /// Time after which a request is abandoned, in ms (100 to 60000, default 8000).
        pub timeout_ms: Int<100, 60000> = Int(8000),
        /// Retries after a failed attempt (0 to 5, default 2); only network errors, timeouts, 408, 429 and 5xx are retried.
        pub retries: Int<0, 5> = Int(2),
    }
}

impl Default for Backend {
    fn default() -> Self {
        Backend { base_url: Url("/api".into()), headers: Vec::new(), credentials: Credentials::SameOrigin, timeout_ms: Int(8000), retries: Int(2) }
    }
}

config_enum! {
    /// Fetch credentials mode.
    pub enum Credentials {
        /// Never send cookies.
        Omit = "omit",
        /// Send cookies to the same origin only.
        SameOrigin = "same-origin",
        /// Send cookies cross-origin too (the backend must allow it).
        Include = "include",
    }
}

config_struct! {
    /// Look of the widgets. Every value becomes a CSS custom property on the widget host.
    pub struct Theme {
        /// Accent colour (--sf-accent), e.g. "#0a7d5a".
        pub accent: Option<CssValue>,
        /// Text colour (--sf-text).
        pub text: Option<CssValue>,
        /// Background colour (--sf-bg).
        pub background: Option<CssValue>,
        /// Corner radius (--sf-radius), e.g. "8px".
        pub radius: Option<CssValue>,
        /// Render inside a Shadow DOM so host CSS cannot break the widgets (default true).
        pub shadow_dom: bool = true,
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme { accent: None, text: None, background: None, radius: None, shadow_dom: true }
    }
}

config_struct! {
    /// Consent gate: before consent no storage writes and no analytics or search-log posts.
    pub struct Consent {
        /// Whether consent is needed first (default true).
        pub required: bool = true,
        /// Name of the DOM event on window/document that grants consent (default "sf:consent").
        pub event: String = "sf:consent".into(),
        /// Where consent comes from: "event" (the event above, or grantConsent()) or "shopify" (Shopify's Customer Privacy API: granted when analyticsProcessingAllowed() and preferencesProcessingAllowed() are true, at start or on its visitorConsentCollected event; the event above and grantConsent() still work).
        pub source: ConsentSource = ConsentSource::Event,
    }
}

impl Default for Consent {
    fn default() -> Self {
        Consent { required: true, event: "sf:consent".into(), source: ConsentSource::Event }
    }
}

config_enum! {
    /// Where consent comes from.
    pub enum ConsentSource {
        /// A DOM event named by `consent.event`, or `grantConsent()`.
        Event = "event",
        /// Shopify's Customer Privacy API (`window.Shopify.customerPrivacy`).
        Shopify = "shopify",
    }
}

config_enum! {
    /// How money appears in a backend response.
    pub enum MoneyFormat {
        /// Integers in minor units (4990 = 49,90 €).
        Minor = "minor",
        /// Decimal numbers or strings in major units (49.9 or "49.90").
        Decimal = "decimal",
        /// Whole numbers in hundredths of the major unit whatever the currency's decimals (Shopify: 1990 = 19.90 €, 150000 = 1500 ¥), converted exactly to ISO 4217 minor units.
        Cents = "cents",
        /// Whole numbers or digit strings in minor units with as many decimals as the response states at the "minor_unit" pointer (WooCommerce: "1999" with currency_minor_unit 2 = 19.99), converted exactly to the currency's ISO 4217 minor units.
        StatedMinor = "stated_minor",
    }
}

/// A data source: `inline` data or a `url`, with an optional `map` of JSON pointers from the
/// response to the fields the widget reads. The allowed map keys depend on the source. A
/// product source may name neither: the platform preset fills it in ([`crate::preset`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Fetch from here…
    pub url: Option<Url>,
    /// …or use this data directly.
    pub inline: Option<Json>,
    /// Field → JSON pointer; fields not named use their default pointer.
    pub map: Vec<(String, Pointer)>,
    /// How money is written in the response.
    pub money: MoneyFormat,
    /// Product sources only: the response names no currency because its prices are in the
    /// shopper's session currency, as the cart's are (Shopify's Ajax API, Shopware's Store
    /// API); they are read in the cart's currency. Default false: a product list must state
    /// its currency.
    pub session_currency: bool,
}

impl Source {
    /// The pointer for `field`: the mapped one or the default.
    pub fn pointer<'a>(&'a self, field: &str, fields: &'a [(&'a str, &'a str)]) -> &'a str {
        for (k, p) in &self.map {
            if k == field {
                return &p.0;
            }
        }
        for (k, p) in fields {
            if *k == field {
                return p;
            }
        }
        ""
    }

    pub(crate) fn decode_with(v: &Json, cx: &mut Ctx, fields: &[(&str, &str)], what: &str) -> Option<Self> {
        let mut url: Option<Option<Url>> = Some(None);
        let mut inline: Option<Option<Json>> = Some(None);
        let mut map: Option<Vec<(String, Pointer)>> = Some(Vec::new());
        let mut money = Some(MoneyFormat::Minor);
        let mut session = Some(false);
        // Product sources may also leave out both "url" and "inline": the platform preset then
        // fills them in (crate::preset::resolve reports it when there is none).
        let product = what == "product";
        let keys: &[&str] = if product { &["url", "inline", "map", "money", "session_currency"] } else { &["url", "inline", "map", "money"] };
        let slots: &mut [&mut dyn crate::decode::Slot] = &mut [&mut url, &mut inline, &mut map, &mut money, &mut session];
        // Every slot starts with a value (none of these keys is required).
        if !cx.object(v, "write {\"url\": \"/api/…\"} or {\"inline\": …}", keys, u32::MAX, &mut slots[..keys.len()]) {
            return None;
        }
        if !(url.is_some() && inline.is_some() && map.is_some() && money.is_some() && session.is_some()) {
            return None;
        }
        // Known to pass (see config_struct!).
        let (url, inline, map, money, session_currency) = (url?, inline?, map?, money?, session?);
        let mut keys: Vec<&str> = Vec::new();
        for (k, _) in fields {
            keys.push(k);
        }
        let mut ok = true;
        for (k, p) in &map {
            if !keys.contains(&k.as_str()) {
                ok = false;
                let hint = crate::decode::suggestion(crate::decode::closest(k, &keys), false, "", "", &format!("{what} fields: {}", schaufenster_core::template::join(&keys, ", ")));
                cx.error_in(&[Step::Key("map"), Step::Key(k)], found_text(&p.0), &format!("\"{k}\" is not a {what} field"), &hint);
            }
        }
        match (&url, &inline) {
            (Some(_), Some(_)) => {
                cx.error(found(v), "both \"url\" and \"inline\" are set", "keep one: \"url\" to fetch, \"inline\" for data in the config");
                return None;
            }
            (None, None) if !product => {
                cx.error(found(v), "neither \"url\" nor \"inline\" is set", "add \"url\": \"/api/…\" or \"inline\": …");
                return None;
            }
            // The preset decides how its own endpoint writes money.
            (None, None) if v.get("money").is_some() || v.get("session_currency").is_some() => {
                cx.error(found(v), "\"money\" and \"session_currency\" need a \"url\" or \"inline\"", "without them the preset's endpoint is used as the preset reads it: remove them, or give the url");
                return None;
            }
            _ => {}
        }
        ok.then_some(Source { url, inline, map, money, session_currency })
    }

    pub(crate) fn schema_with(fields: &[(&str, &str)], what: &str) -> Json {
        let props: Vec<(String, Json)> = fields
            .iter()
            .map(|(k, p)| ((*k).to_owned(), obj([("$ref", s("#/$defs/pointer")), ("description", s(&format!("Pointer to {k}; default \"{p}\".")))])))
            .collect();
        let product = what == "product";
        let required = |key: &str| obj([("required", Json::Array(vec![s(key)]))]);
        let mut props = vec![
            ("url".to_owned(), Url::schema()),
            ("inline".to_owned(), obj([("description", s("The data itself, in the shape the map describes."))])),
            ("map".to_owned(), obj([("type", s("object")), ("properties", Json::Object(props)), ("additionalProperties", Json::Bool(false))])),
            ("money".to_owned(), MoneyFormat::schema()),
        ];
        let mut one_of = vec![required("url"), required("inline")];
        if product {
            props.push(("session_currency".into(), obj([("type", s("boolean")), ("description", s("The response names no currency because its prices are in the shopper's session currency, as the cart's are (Shopify's Ajax API, Shopware's Store API): read them in the cart's currency. Default false: the list must state its currency at the \"currency\" pointer."))])));
            // A product source may name neither: the platform preset fills it in (the root's
            // `allOf` in lib.rs says when that is allowed).
            one_of.push(obj([("not", obj([("anyOf", Json::Array(vec![required("url"), required("inline")]))]))]));
        }
        obj([
            ("type", s("object")),
            ("description", s(&format!("Where the {what} comes from: \"url\" (fetched) or \"inline\" data, with an optional \"map\" of JSON pointers."))),
            ("properties", Json::Object(props)),
            ("additionalProperties", Json::Bool(false)),
            ("oneOf", Json::Array(one_of)),
        ])
    }
}

/// Cart fields and their default pointers (the reference backend's shape). Line fields are
/// relative to each element of `lines`. `discount` may also be a list, whose `discount.amount`s
/// are added up; a line with a negative unit price and a `lines.type` other than "product" (a
/// Shopware promotion) counts as a cart discount; `minor_unit` is read for `"stated_minor"` money.
/// `free_shipping` is a boolean (missing or null: false): the cart already has free shipping
/// (a voucher), so the free-shipping tiers count as reached whatever the subtotal.
pub const CART_FIELDS: &[(&str, &str)] = &[
    ("currency", "/currency"),
    ("minor_unit", "/minor_unit"),
    ("country", "/country"),
    ("discount", "/discount"),
    ("discount.amount", "/amount"),
    ("free_shipping", "/shipping/free_shipping_granted"),
    ("lines", "/lines"),
    ("lines.product_id", "/product_id"),
    ("lines.quantity", "/quantity"),
    ("lines.unit_price", "/unit_price"),
    ("lines.line_discount", "/line_discount"),
    ("lines.type", "/type"),
];

/// Product fields and their default pointers. Item fields are relative to each element of `items`;
/// `minor_unit` is read for `"stated_minor"` money. `currency` and `minor_unit` are read from the
/// list (a pointer such as "/0/prices/currency_code" reads them from its first product).
pub const PRODUCT_FIELDS: &[(&str, &str)] = &[
    ("currency", "/currency"),
    ("minor_unit", "/minor_unit"),
    ("items", "/products"),
    ("items.id", "/id"),
    ("items.title", "/title"),
    ("items.price", "/price"),
    ("items.url", "/url"),
    ("items.image", "/image"),
    ("items.available", "/available"),
    ("items.stock", "/stock"),
];

/// Social-proof stats fields and their default pointers (the reference backend's shape).
/// `products` is an object keyed by product id, or an array whose rows carry `products.id`;
/// the other `products.*` fields are relative to one product's entry.
pub const STATS_FIELDS: &[(&str, &str)] = &[
    ("generated_at", "/generated_at"),
    ("window_minutes", "/window_minutes"),
    ("products", "/products"),
    ("products.id", "/id"),
    ("products.purchases", "/purchases"),
    ("products.carts", "/carts"),
    ("products.viewers", "/viewers"),
    ("products.stock", "/stock"),
    ("products.rating_average", "/rating/average"),
    ("products.rating_count", "/rating/count"),
    ("products.bestseller_category", "/bestseller/category"),
    ("products.bestseller_rank", "/bestseller/rank"),
];

/// Where social-proof numbers come from (see [`STATS_FIELDS`]): always a URL of the shop's
/// backend with `{products}`; inline numbers are refused, since a config must not be able to
/// supply the figures it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StatsSource(pub Source);

impl Decode for StatsSource {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let src = Source::decode_with(v, cx, STATS_FIELDS, "stats")?;
        if src.inline.is_some() {
            cx.error_in(&[Step::Key("inline")], "(inline numbers)".into(), "social-proof numbers cannot come from the config", "point \"url\" at your backend; badges only show numbers the shop really recorded");
            return None;
        }
        match &src.url {
            Some(u) if !crate::decode::has_text(&u.0, "{products}") => {
                cx.error_in(&[Step::Key("url")], found_text(&u.0), "the URL has no {products} placeholder", "add it where the comma-separated product ids go, e.g. \"/api/social-proof?products={products}&window={window}\"");
                None
            }
            _ => Some(StatsSource(src)),
        }
    }
    fn schema() -> Json {
        Source::schema_with(STATS_FIELDS, "stats")
    }
}

/// FAQ entry fields and their default pointers (the reference backend's shape). Entry fields
/// are relative to each element of `entries`; when the data itself is an array and `entries`
/// is not mapped, the array is the entry list (handy for `inline`).
pub const FAQ_FIELDS: &[(&str, &str)] = &[
    ("entries", "/entries"),
    ("entries.id", "/id"),
    ("entries.question", "/question"),
    ("entries.answer", "/answer"),
    ("entries.category", "/category"),
    ("entries.tags", "/tags"),
    ("entries.popularity", "/popularity"),
    ("entries.lang", "/lang"),
];

/// Where FAQ entries come from (see [`FAQ_FIELDS`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FaqSource(pub Source);

impl Decode for FaqSource {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        Source::decode_with(v, cx, FAQ_FIELDS, "FAQ").map(FaqSource)
    }
    fn schema() -> Json {
        Source::schema_with(FAQ_FIELDS, "FAQ")
    }
}

/// Where the cart comes from (see [`CART_FIELDS`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CartSource(pub Source);

impl Decode for CartSource {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        Source::decode_with(v, cx, CART_FIELDS, "cart").map(CartSource)
    }
    fn schema() -> Json {
        Source::schema_with(CART_FIELDS, "cart")
    }
}

/// Where products come from (see [`PRODUCT_FIELDS`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ProductSource(pub Source);

impl ProductSource {
    /// A source that names nothing yet: the platform preset fills it in.
    pub fn from_preset() -> Self {
        ProductSource(Source { url: None, inline: None, map: Vec::new(), money: MoneyFormat::Minor, session_currency: false })
    }
}

impl Decode for ProductSource {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        Source::decode_with(v, cx, PRODUCT_FIELDS, "product").map(ProductSource)
    }
    fn schema() -> Json {
        Source::schema_with(PRODUCT_FIELDS, "product")
    }
}

/// A widget section: absent, valid, or present but broken (the widget then renders nothing
/// while the others keep working).
#[derive(Clone, Debug, PartialEq)]
pub enum Section<T> {
    /// Not configured.
    Absent,
    /// Configured and valid.
    Ok(T),
    /// Configured with errors (reported in the problems).
    Broken,
}

impl<T> Section<T> {
    /// The valid section, if any.
    pub fn get(&self) -> Option<&T> {
        match self {
            Section::Ok(t) => Some(t),
            _ => None,
        }
    }
}

impl<T: Decode> Decode for Section<T> {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let before = cx.error_count();
        let t = T::decode(v, cx);
        Some(match t {
            Some(t) if cx.error_count() == before => Section::Ok(t),
            _ => Section::Broken,
        })
    }
    fn schema() -> Json {
        T::schema()
    }
    fn absent() -> Option<Self> {
        Some(Section::Absent)
    }
}

config_struct! {
    /// The free-shipping progress bar: tiers with thresholds per currency and country.
    pub struct ShippingBar {
        /// Tiers such as free shipping, then a free gift. At least one.
        pub tiers: Vec<TierConfig>,
        /// Product ids that never count towards a threshold (gift cards, vouchers).
        pub excluded_products: Vec<String> = Vec::new(),
        /// Which subtotal counts: "after_discounts" (default) or "before_discounts".
        pub subtotal: Basis = Basis::AfterDiscounts,
        /// Products suggested to close the gap.
        pub suggestions: Option<Suggestions>,
    }
}

config_enum! {
    /// Which subtotal counts towards thresholds.
    pub enum Basis {
        /// After line and cart discounts.
        AfterDiscounts = "after_discounts",
        /// Before any discount.
        BeforeDiscounts = "before_discounts",
    }
}

config_enum! {
    /// What reaching a tier gives; selects the default messages.
    pub enum RewardKind {
        /// Shipping is free.
        FreeShipping = "free_shipping",
        /// A free gift.
        Gift = "gift",
        /// Anything else.
        Other = "other",
    }
}

config_struct! {
    /// One tier: a reward and its thresholds.
    pub struct TierConfig {
        /// Stable id, used in events and messages.
        pub id: Id,
        /// "free_shipping", "gift" or "other".
        pub reward: RewardKind,
        /// Thresholds per currency, optionally per country.
        pub thresholds: Vec<ThresholdConfig>,
    }
}

config_struct! {
    /// A threshold: amount in minor units of one currency, optionally for one country only.
    pub struct ThresholdConfig {
        /// ISO 4217 currency of the amount.
        pub currency: Currency,
        /// Only for this destination country (ISO 3166-1 alpha-2); omit for every country.
        pub country: Option<Country>,
        /// Threshold in minor units (5000 = 50,00 €), not negative.
        pub amount: Amount,
    }
}

config_struct! {
    /// Product suggestions that close the gap to the next tier.
    pub struct Suggestions {
        /// Where the products come from; its URL may contain {product} (a product id from the cart, for recommendations), {currency}, {language} and {locale}. Default with a "preset": the platform's product endpoint.
        pub source: ProductSource = ProductSource::from_preset(),
        /// How many to show (1 to 6, default 3).
        pub max: Int<1, 6> = Int(3),
    }
}

config_struct! {
    /// Social-proof badges <sf-social-proof product="…">: only numbers the backend returned, shown above thresholds, rounded down ("20+"), with a "how we count" disclosure.
    pub struct SocialProof {
        /// Where the numbers come from: a URL with {products} (comma-separated ids) and optionally {window}, {language}, {locale}; inline numbers are not allowed.
        pub source: StatsSource,
        /// Window of the purchase and add-to-cart counts in minutes, sent as {window} (5 to 10080, default 1440 = 24 hours). The badge always names the window the backend answered with.
        pub window_minutes: Int<5, 10080> = Int(1440),
        /// Stats older than this are not shown at all (1 to 60 minutes, default 10): "looking at this right now" must not rest on old data.
        pub max_age_minutes: Int<1, 60> = Int(10),
        /// Refresh interval in seconds while the tab is visible (10 to 3599, default 60); must be shorter than max_age_minutes so badges are renewed before they go stale.
        pub refresh_seconds: Int<10, 3599> = Int(60),
        /// At most this many badges per product (1 to 4, default 2).
        pub max_badges: Int<1, 4> = Int(2),
        /// Per-kind settings; omitted kinds use their defaults.
        pub badges: BadgeSettings = BadgeSettings::default(),
    }
}

config_struct! {
    /// Settings per badge kind.
    pub struct BadgeSettings {
        /// Purchases in the window (default threshold 3, priority 1).
        pub purchases: BadgeRule = BadgeRule::default(),
        /// Distinct visitors viewing now (default threshold 2, priority 3).
        pub viewers: BadgeRule = BadgeRule::default(),
        /// Add-to-cart actions in the window (default threshold 5, priority 4).
        pub carts: BadgeRule = BadgeRule::default(),
        /// Shown while 0 < stock <= threshold (default 5, priority 0).
        pub low_stock: BadgeRule = BadgeRule::default(),
        /// Rating with at least threshold reviews (default 5, priority 2).
        pub rating: BadgeRule = BadgeRule::default(),
        /// "Bestseller in …" for ranks up to threshold (default 1, priority 1).
        pub bestseller: BadgeRule = BadgeRule::default(),
    }
}

// Written out like the other defaults (config_struct! derives no Default).
#[allow(clippy::derivable_impls)]
impl Default for BadgeSettings {
    fn default() -> Self {
        BadgeSettings {
            purchases: BadgeRule::default(),
            viewers: BadgeRule::default(),
            carts: BadgeRule::default(),
            low_stock: BadgeRule::default(),
            rating: BadgeRule::default(),
            bestseller: BadgeRule::default(),
        }
    }
}

config_struct! {
    /// One badge kind's rule. Thresholds and priorities only decide whether and where a badge shows; they never change a number.
    pub struct BadgeRule {
        /// Whether this kind may show (default true).
        pub enabled: bool = true,
        /// The kind's threshold (see the kind); omitted = the kind's default.
        pub threshold: Option<Int<0, 1000000>>,
        /// Lower shows first (0 to 100); omitted = the kind's default.
        pub priority: Option<Int<0, 100>>,
    }
}

impl Default for BadgeRule {
    fn default() -> Self {
        BadgeRule { enabled: true, threshold: None, priority: None }
    }
}

config_struct! {
    /// Self-service FAQ search <sf-faq>: the entries are indexed and searched in the page (typos, German compounds and umlaut spellings, stems, synonyms), with the most popular questions shown before typing.
    pub struct Faq {
        /// Where the entries come from: a "url" (with {language} or {locale} for per-language lists) or "inline" entries, each {"id", "question", "answer", "category"?, "tags"?, "popularity"?, "lang"?}; a "map" of JSON pointers reads any other shape.
        pub source: FaqSource,
        /// Entries to show when the source cannot be loaded (usually "inline"); without it the contact link is offered.
        pub fallback: Option<FaqSource>,
        /// Where shoppers can ask when nothing is found: a page such as "/kontakt", or a "mailto:" or "tel:" link.
        pub contact: Option<Link>,
        /// "Was this helpful?" votes are POSTed here as {"entry_id", "helpful"}; omitted: no vote buttons.
        pub feedback_url: Option<Url>,
        /// Searches that found nothing are POSTed here as {"query", "results", "locale"}, only after consent; omitted: nothing is logged.
        pub search_log_url: Option<Url>,
        /// Groups of words that mean the same, e.g. [["Retoure", "Rücksendung", "Umtausch"]]; compared after folding and stemming.
        pub synonyms: Vec<Vec<String>> = Vec::new(),
        /// Field weights for ranking (whole numbers 0 to 10).
        pub weights: FaqWeights = FaqWeights::default(),
        /// How many popular questions are shown before typing (0 to 20, default 5).
        pub popular: Int<0, 20> = Int(5),
        /// Results shown at most (1 to 50, default 8).
        pub max_results: Int<1, 50> = Int(8),
        /// Show the category filter when entries have categories (default true).
        pub categories: bool = true,
        /// Heading level of an opened answer's question (2 to 6, default 2): one below the heading the widget sits under.
        pub heading_level: Int<2, 6> = Int(2),
    }
}

config_struct! {
    /// BM25F field weights: a match in the question counts more than one in the tags, and that more than one in the answer.
    pub struct FaqWeights {
        /// Question (0 to 10, default 3).
        pub question: Int<0, 10> = Int(3),
        /// Tags (0 to 10, default 2).
        pub tags: Int<0, 10> = Int(2),
        /// Answer (0 to 10, default 1).
        pub answer: Int<0, 10> = Int(1),
    }
}

impl Default for FaqWeights {
    fn default() -> Self {
        FaqWeights { question: Int(3), tags: Int(2), answer: Int(1) }
    }
}

impl Faq {
    /// The search options this section describes.
    pub fn options(&self) -> schaufenster_core::search::Options {
        use schaufenster_core::search::{FieldWeights, Options};
        Options {
            weights: FieldWeights { question: self.weights.question.0 as f32, tags: self.weights.tags.0 as f32, answer: self.weights.answer.0 as f32 },
            synonyms: self.synonyms.clone(),
            ..Options::default()
        }
    }
}

impl SocialProof {
    /// The core rule set this section describes.
    pub fn rules(&self) -> schaufenster_core::social_proof::Rules {
        use schaufenster_core::social_proof::{Kind, Rule, Rules};
        let b = &self.badges;
        let rule = |kind, r: &BadgeRule, threshold: u64, priority: u32| Rule {
            kind,
            enabled: r.enabled,
            threshold: r.threshold.map(|t| t.0 as u64).unwrap_or(threshold),
            priority: r.priority.map(|p| p.0 as u32).unwrap_or(priority),
        };
        Rules {
            rules: vec![
                rule(Kind::Purchases, &b.purchases, 3, 1),
                rule(Kind::Viewers, &b.viewers, 2, 3),
                rule(Kind::Carts, &b.carts, 5, 4),
                rule(Kind::LowStock, &b.low_stock, 5, 0),
                rule(Kind::Rating, &b.rating, 5, 2),
                rule(Kind::Bestseller, &b.bestseller, 1, 1),
            ],
            max_per_product: self.max_badges.0 as usize,
            max_age_ms: self.max_age_minutes.0 as u64 * 60_000,
        }
    }
}

/// Validates what types alone cannot: duplicates, empty lists, message keys, missing
/// thresholds for the shop currency. Runs on the raw JSON so it also reports inside sections
/// that failed to decode elsewhere.
#[inline(never)]
pub(crate) fn check_semantics(root: &Json, config: Option<&Config>, cx: &mut Ctx) {
    // URL templates: a placeholder the widget does not fill would be sent literally.
    const CART_VARS: &[&str] = &["currency", "language", "locale", "country"];
    // The advisor also sends the configured country.
    const CATALOGUE_VARS: &[&str] = &["currency", "language", "locale", "country"];
    // {product}: a product id from the cart, for recommendations such as Shopify's.
    const SUGGESTION_VARS: &[&str] = &["currency", "language", "locale", "product"];
    const STATS_VARS: &[&str] = &["products", "window", "language", "locale"];
    const FAQ_VARS: &[&str] = &["language", "locale"];
    // A table in static data, not an array built on the stack at each call.
    const URLS: &[(&[&str], &[&str])] = &[
        (&["faq", "source", "url"], FAQ_VARS),
        (&["faq", "fallback", "url"], FAQ_VARS),
        (&["advisor", "catalogue", "source", "url"], CATALOGUE_VARS),
        (&["cart", "url"], CART_VARS),
        (&["shipping_bar", "suggestions", "source", "url"], SUGGESTION_VARS),
        (&["social_proof", "source", "url"], STATS_VARS),
        (&["loyalty", "program", "url"], crate::loyalty::URL_VARS),
        (&["loyalty", "me_url"], crate::loyalty::URL_VARS),
        (&["loyalty", "redeem_url"], crate::loyalty::URL_VARS),
        (&["loyalty", "join_url"], FAQ_VARS),
    ];
    for &(path, vars) in URLS {
        let mut at = Some(root);
        for k in path {
            at = at.and_then(|v| v.get(k));
        }
        if let Some(url) = at.and_then(Json::as_str) {
            for name in schaufenster_core::template::placeholders(url) {
                if !vars.contains(&name) {
                    // At most four keys: a fixed array, no allocation.
                    let mut steps = [Step::Index(0); 4];
                    for i in 0..path.len() {
                        steps[i] = Step::Key(path[i]);
                    }
                    let allowed = braced_list(vars);
                    let hint = crate::decode::suggestion(crate::decode::closest(name, vars), true, "Available: ", "available: ", &allowed);
                    cx.error_in(&steps[..path.len()], found_text(url), &format!("unknown placeholder {{{name}}} in the URL"), &hint);
                }
            }
        }
    }
    if let Some(Json::Object(messages)) = root.get("messages") {
        cx.key("messages", |cx| check_messages(messages, cx));
    }
    if let Some(bar) = root.get("shipping_bar") {
        cx.key("shipping_bar", |cx| check_shipping_bar(bar, config, cx));
    }
    if let Some(a) = config.and_then(|c| c.advisor.get()) {
        crate::advisor::check(a, cx);
    }
    if let Some(sp) = config.and_then(|c| c.social_proof.get()) {
        // Badges are only judged fresh when an answer arrives, so they must be renewed before
        // they would go stale.
        let (refresh, max_age) = (sp.refresh_seconds.0, sp.max_age_minutes.0 * 60);
        if refresh >= max_age {
            cx.error_in(
                &[Step::Key("social_proof"), Step::Key("refresh_seconds")],
                refresh.to_string(),
                &format!("refresh every {refresh} s is not shorter than max_age_minutes ({max_age} s)"),
                "refresh more often than stats expire, e.g. \"refresh_seconds\": 60 with \"max_age_minutes\": 10",
            );
        }
    }
}

/// `{a}, {b}` for the names `a`, `b`.
#[inline(never)]
fn braced_list(names: &[&str]) -> String {
    let mut out = String::new();
    for name in names {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push('{');
        out.push_str(name);
        out.push('}');
    }
    out
}

fn check_messages(messages: &[(String, Json)], cx: &mut Ctx) {
    for (lang, table) in messages {
        cx.key(lang, |cx| {
            if !crate::types::is_locale(lang) {
                cx.error(found_text(lang), "not a language tag", "use \"de\" or \"en\" (or a full tag such as \"de-CH\")");
            }
            let Json::Object(entries) = table else { return };
            for (key, text) in entries {
                cx.key(key, |cx| match crate::i18n::message(key) {
                    None => {
                        let mut keys = Vec::new();
                        for m in crate::i18n::messages() {
                            keys.push(m.key);
                        }
                        let hint = match crate::decode::closest(key, &keys) {
                            Some(m) => format!("did you mean \"{m}\"?"),
                            None => "see the list of message keys in docs/config.md".into(),
                        };
                        cx.error(found(text), &format!("unknown message key \"{key}\""), &hint);
                    }
                    Some(m) => {
                        if let Json::String(t) = text {
                            for p in schaufenster_core::template::placeholders(t) {
                                if !m.placeholders.contains(&p) {
                                    let allowed = braced_list(&m.placeholders);
                                    let allowed = if allowed.is_empty() { "none" } else { &allowed };
                                    cx.error(found(text), &format!("placeholder {{{p}}} is not available in this message"), &format!("available: {allowed}"));
                                }
                            }
                        }
                    }
                });
            }
        });
    }
}

fn check_shipping_bar(bar: &Json, config: Option<&Config>, cx: &mut Ctx) {
    if let Some(Json::Array(tiers)) = bar.get("tiers") {
        cx.key("tiers", |cx| {
            if tiers.is_empty() {
                cx.error("[]".into(), "no tiers", "add at least one tier, e.g. {\"id\": \"free-shipping\", \"reward\": \"free_shipping\", \"thresholds\": [{\"currency\": \"EUR\", \"amount\": 5000}]}");
            }
            let mut seen_ids: Vec<&str> = Vec::new();
            for (i, tier) in tiers.iter().enumerate() {
                cx.at(Seg::Index(i), |cx| {
                    if let Some(id) = tier.get("id").and_then(Json::as_str) {
                        if seen_ids.contains(&id) {
                            cx.error_in(&[Step::Key("id")], found_text(id), &format!("duplicate tier id \"{id}\""), "give every tier its own id");
                        }
                        seen_ids.push(id);
                    }
                    if let Some(Json::Array(ths)) = tier.get("thresholds") {
                        cx.key("thresholds", |cx| {
                            if ths.is_empty() {
                                cx.error("[]".into(), "no thresholds", "add one per currency, e.g. {\"currency\": \"EUR\", \"amount\": 5000}");
                            }
                            let mut seen: Vec<(&str, &str)> = Vec::new();
                            for (j, th) in ths.iter().enumerate() {
                                let cur = th.get("currency").and_then(Json::as_str).unwrap_or("");
                                let country = th.get("country").and_then(Json::as_str).unwrap_or("");
                                if seen.contains(&(cur, country)) {
                                    let sep = if country.is_empty() { "" } else { " in " };
                                    cx.error_in(&[Step::Index(j)], found(th), &format!("second threshold for {cur}{sep}{country}"), "keep one threshold per currency and country");
                                }
                                seen.push((cur, country));
                            }
                        });
                    }
                });
            }
        });
    }
    if let Some(Json::Array(ex)) = bar.get("excluded_products") {
        cx.key("excluded_products", |cx| {
            for (i, id) in ex.iter().enumerate() {
                if ex[..i].contains(id) {
                    cx.warn_in(&[Step::Index(i)], found(id), "listed twice", "remove the duplicate");
                }
            }
        });
    }
    // A bar without a threshold in the shop currency shows nothing for most shoppers.
    if let (Some(config), Some(bar)) = (config, config.and_then(|c| c.shipping_bar.get())) {
        for (i, tier) in bar.tiers.iter().enumerate() {
            if !tier.thresholds.iter().any(|t| t.currency == config.currency) {
                let code = config.currency.code();
                cx.warn_in(
                    &[Step::Key("tiers"), Step::Index(i), Step::Key("thresholds")],
                    format!("no {code} threshold"),
                    &format!("tier \"{}\" has no threshold in the shop currency {code}", tier.id.0),
                    &format!("add {{\"currency\": \"{code}\", \"amount\": …}}; carts in {code} will not see this tier"),
                );
            }
        }
    }
}
