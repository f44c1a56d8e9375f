//! The `schaufenster.json` model, its validation and its JSON Schema.
//!
//! ```
//! use schaufenster_config::{load, json::Json};
//! # #[cfg(feature = "serde_json")] {
//! let root = schaufenster_config::json::parse(r#"{"currency": "EURO", "shiping_bar": {}}"#).unwrap();
//! let loaded = load(&root);
//! assert!(loaded.config.is_none());
//! let paths: Vec<_> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
//! assert_eq!(paths, ["$.shiping_bar", "$.currency"]);
//! # }
//! ```
//!
//! **Invariant:** validation reports every problem at once; a problem inside one widget's
//! section marks only that section broken, so the other widgets keep working.
#![deny(missing_docs)]

pub mod advisor;
pub mod decode;
pub mod events;
#[cfg(feature = "serde_json")]
pub mod docs;
pub mod i18n;
pub mod json;
pub mod loyalty;
pub mod mapping;
pub mod model;
pub mod preset;
pub mod ts;
pub mod types;

pub use decode::{Problem, Severity};
pub use model::Config;

use decode::{Ctx, Decode};
use json::{obj, s, Json};
use schaufenster_core::shipping::{Reward, ShippingRules, SubtotalBasis, Threshold, Tier};

/// The outcome of loading a config: the usable config (if the global settings are valid) and
/// every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// The config; `None` when a global setting is broken (every widget then stays empty).
    pub config: Option<Config>,
    /// Every problem, errors and warnings, in document order.
    pub problems: Vec<Problem>,
}

/// Decodes and checks a config.
pub fn load(root: &Json) -> Loaded {
    let mut cx = Ctx::new();
    let mut config = Config::decode(root, &mut cx);
    model::check_semantics(root, config.as_ref(), &mut cx);
    if let Some(c) = config.as_mut() {
        preset::resolve(c, &mut cx);
    }
    let problems = cx.problems;
    let broken = |prefix: &str| problems.iter().any(|p| p.severity == Severity::Error && under(&p.path, prefix));
    if let Some(c) = config.as_mut() {
        if broken("$.shipping_bar") {
            c.shipping_bar = model::Section::Broken;
        }
        if broken("$.social_proof") {
            c.social_proof = model::Section::Broken;
        }
        if broken("$.faq") {
            c.faq = model::Section::Broken;
        }
        if broken("$.advisor") {
            c.advisor = model::Section::Broken;
        }
        if broken("$.loyalty") {
            c.loyalty = model::Section::Broken;
        }
    }
    // Global problems (anything not inside a widget section) make the whole config unusable.
    let in_widget = |path: &str| model::WIDGET_SECTIONS.iter().any(|s| path.strip_prefix("$.").is_some_and(|p| under(p, s)));
    let global_error = problems.iter().any(|p| p.severity == Severity::Error && !in_widget(&p.path));
    if global_error {
        config = None;
    }
    Loaded { config, problems }
}

/// Whether `path` is `prefix` or a path below it.
#[inline(never)]
fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Parses and loads config text natively (CLI, backend, tests).
#[cfg(feature = "serde_json")]
pub fn load_str(text: &str) -> Loaded {
    match json::parse(text) {
        Ok(root) => load(&root),
        Err(e) => Loaded {
            config: None,
            problems: vec![Problem { path: "$".into(), found: "(unparsable text)".into(), message: e, hint: "check commas, quotes and brackets near the position named".into(), severity: Severity::Error }],
        },
    }
}

/// The JSON Schema of `schaufenster.json` (draft 2020-12), generated from the config types.
pub fn schema() -> Json {
    let Json::Object(mut root) = Config::schema() else { unreachable!("Config schema is an object") };
    if let Some((_, Json::Object(props))) = root.iter_mut().find(|(k, _)| k == "properties") {
        props.insert(0, ("$schema".into(), obj([("type", s("string")), ("description", s("Editors use this to find the schema."))])));
        if let Some((_, Json::Object(msgs))) = props.iter_mut().find(|(k, _)| k == "messages") {
            let keys: Vec<(String, Json)> = i18n::messages()
                .map(|m| (m.key.to_owned(), obj([("type", s("string")), ("description", s(&format!("Default de: \"{}\"; en: \"{}\"", m.de, m.en)))])))
                .collect();
            msgs.retain(|(k, _)| k != "additionalProperties");
            msgs.push(("additionalProperties".into(), obj([("type", s("object")), ("properties", Json::Object(keys)), ("additionalProperties", Json::Bool(false))])));
        }
    }
    let mut out = vec![
        ("$schema".to_string(), s("https://json-schema.org/draft/2020-12/schema")),
        ("title".to_string(), s("schaufenster.json")),
    ];
    out.append(&mut root);
    // A product source may leave out "url" and "inline" only where the preset has that
    // endpoint: never without a preset, and not for Shopify's advisor (preset::resolve).
    let named = || obj([("anyOf", Json::Array(vec![obj([("required", Json::Array(vec![s("url")]))]), obj([("required", Json::Array(vec![s("inline")]))])]))]);
    // {"source": …} required in the section's object, which sits at `path`.
    let with_source = || obj([("required", Json::Array(vec![s("source")])), ("properties", obj([("source", named())]))]);
    let at = |path: &[&str]| path.iter().rev().fold(with_source(), |inner, key| obj([("properties", obj([(*key, inner)]))]));
    let suggestions = || at(&["shipping_bar", "suggestions"]);
    let catalogue = || at(&["advisor", "catalogue"]);
    out.push((
        "allOf".into(),
        Json::Array(vec![
            obj([("if", obj([("not", obj([("required", Json::Array(vec![s("preset")]))]))])), ("then", obj([("allOf", Json::Array(vec![suggestions(), catalogue()]))]))]),
            obj([("if", obj([("required", Json::Array(vec![s("preset")])), ("properties", obj([("preset", obj([("const", s("shopify"))]))]))])), ("then", catalogue())]),
        ]),
    ));
    out.push(("$defs".into(), obj([("pointer", types::Pointer::schema())])));
    Json::Object(out)
}

impl model::ShippingBar {
    /// The core rule set this section describes.
    pub fn rules(&self) -> ShippingRules {
        let mut tiers = Vec::new();
        for t in &self.tiers {
            let mut thresholds = Vec::new();
            for th in &t.thresholds {
                thresholds.push(Threshold { currency: th.currency, country: th.country.as_ref().map(|c| c.0.clone()), amount: th.amount.0 });
            }
            let reward = match t.reward {
                model::RewardKind::FreeShipping => Reward::FreeShipping,
                model::RewardKind::Gift => Reward::Gift,
                model::RewardKind::Other => Reward::Other,
            };
            tiers.push(Tier { id: t.id.0.clone(), reward, thresholds });
        }
        ShippingRules {
            tiers,
            excluded_products: self.excluded_products.clone(),
            basis: match self.subtotal {
                model::Basis::AfterDiscounts => SubtotalBasis::AfterDiscounts,
                model::Basis::BeforeDiscounts => SubtotalBasis::BeforeDiscounts,
            },
        }
    }
}

impl Config {
    /// The text for `key` in this config's own locale (see [`Config::message_for`]).
    pub fn message(&self, key: &str) -> String {
        self.message_for(key, &self.locale.0)
    }

    /// The text for `key` in `locale`: the config's override for the exact locale, then for
    /// its language, else the built-in German or English text.
    pub fn message_for(&self, key: &str, locale: &str) -> String {
        let lang = types::language_of(locale);
        for tag in [locale, lang] {
            if let Some((_, table)) = self.messages.iter().find(|(l, _)| l == tag) {
                if let Some((_, text)) = table.iter().find(|(k, _)| k == key) {
                    return text.clone();
                }
            }
        }
        i18n::builtin(key, lang).to_owned()
    }
}
