//! The `loyalty` section of `<sf-loyalty>`: where the programme, the customer's points and
//! redemptions are, where logged-out shoppers join, and how the widget shows itself.
//!
//! The programme itself (rates, tiers, rewards) is **not** in the config: it comes from the
//! backend that credits the points at checkout, read through
//! [`crate::mapping::program_from_json`] into [`schaufenster_core::loyalty::Program`]. A copy in
//! the config could differ from what checkout applies, and the widget would promise points that
//! are never credited; so `inline` programme data is refused.

use crate::decode::{found, Ctx, Decode};
use crate::json::Json;
use crate::model::Source;
use crate::types::{Link, Url};
use crate::{config_enum, config_struct};

config_struct! {
    /// Loyalty points <sf-loyalty>: balance, tier and progress, ways to earn, rewards with redemption (Idempotency-Key), history, and the points the current cart earns. Every URL defaults to the reference backend under backend.base_url.
    pub struct Loyalty {
        /// Where the programme comes from (rates per currency, excluded products, tiers, bonuses, rewards): a "url" with {language}, {locale}, {currency} and an optional "map"; default GET {backend.base_url}/loyalty/program?locale={language}&currency={currency}. Inline data is refused: checkout credits what the backend's programme says.
        pub program: Option<ProgramSource>,
        /// The signed-in customer's points (sent with "Authorization: Bearer <token>" from setCustomer); default {backend.base_url}/loyalty/me?locale={language}&currency={currency}.
        pub me_url: Option<Url>,
        /// Also ask me_url without a customer token (the shop's backend knows the customer from its session cookie, see backend.credentials); a 401 then means logged out. Default false: without setCustomer the widget shows the logged-out state without asking.
        pub session: bool = false,
        /// Redemptions are POSTed here as {"reward_id"} with an Idempotency-Key; default {backend.base_url}/loyalty/redeem.
        pub redeem_url: Option<Url>,
        /// Where logged-out shoppers join or sign in, e.g. "/konto.html" or "/konto.html?lang={language}" ({language} and {locale} are the page's); omitted: no link. The page it leads to shows no link to itself.
        pub join_url: Option<Link>,
        /// "launcher" (a button that opens the panel as a dialog, default) or "inline" (the panel in the page); the element's display attribute overrides it.
        pub display: Display = Display::Launcher,
    }
}

config_enum! {
    /// How `<sf-loyalty>` shows itself.
    pub enum Display {
        /// A button that opens the panel as a dialog.
        Launcher = "launcher",
        /// The panel as a block in the page.
        Inline = "inline",
    }
}

/// Programme fields and their default pointers (the reference backend's shape). Rate, tier and
/// reward fields are relative to each element of their list.
pub const PROGRAM_FIELDS: &[(&str, &str)] = &[
    ("rates", "/rates"),
    ("rates.currency", "/currency"),
    ("rates.points", "/points"),
    ("rates.per_minor", "/per_minor"),
    ("excluded_products", "/excluded_products"),
    ("tiers", "/tiers"),
    ("tiers.id", "/id"),
    ("tiers.name", "/name"),
    ("tiers.threshold", "/threshold"),
    ("tiers.multiplier_percent", "/multiplier_percent"),
    ("start_bonus", "/start_bonus"),
    ("birthday_bonus", "/birthday_bonus"),
    ("rewards", "/rewards"),
    ("rewards.id", "/id"),
    ("rewards.name", "/name"),
    ("rewards.cost", "/cost"),
    ("min_redeem", "/min_redeem"),
];

/// Where the programme comes from (see [`PROGRAM_FIELDS`]): a URL, never inline data.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramSource(pub Source);

impl Decode for ProgramSource {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let src = Source::decode_with(v, cx, PROGRAM_FIELDS, "programme")?;
        if let Some(inline) = &src.inline {
            cx.key("inline", |cx| cx.error(found(inline), "the programme cannot come from the config", "point \"url\" at the backend that credits the points, so the widget promises what checkout applies"));
            return None;
        }
        Some(ProgramSource(src))
    }
    fn schema() -> Json {
        Source::schema_with(PROGRAM_FIELDS, "programme")
    }
}

impl Loyalty {
    /// The programme source: the configured one or the reference backend's.
    pub fn program_source(&self, base_url: &str) -> Source {
        match &self.program {
            Some(p) => p.0.clone(),
            None => Source { url: Some(Url(format!("{}/loyalty/program?locale={{language}}&currency={{currency}}", base_url.trim_end_matches('/')))), inline: None, map: Vec::new(), money: crate::model::MoneyFormat::Minor, session_currency: false },
        }
    }

    /// The customer URL: the configured one or the reference backend's.
    pub fn me(&self, base_url: &str) -> String {
        self.me_url.as_ref().map_or_else(|| format!("{}/loyalty/me?locale={{language}}&currency={{currency}}", base_url.trim_end_matches('/')), |u| u.0.clone())
    }

    /// The redemption URL: the configured one or the reference backend's.
    pub fn redeem(&self, base_url: &str) -> String {
        self.redeem_url.as_ref().map_or_else(|| format!("{}/loyalty/redeem", base_url.trim_end_matches('/')), |u| u.0.clone())
    }
}

/// The placeholders the loyalty URLs may use.
pub const URL_VARS: &[&str] = &["language", "locale", "currency"];
