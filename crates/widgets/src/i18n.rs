//! Texts and money for one widget instance: messages from the config in the widget's locale,
//! amounts through the browser's `Intl.NumberFormat`.

use crate::glue::sf_money;
use schaufenster_config::types::{is_locale, language_of};
use schaufenster_config::Config;
use schaufenster_core::template::render_with;
use schaufenster_core::Money;

/// The locale a widget uses: its own `locale` attribute, else the page's `<html lang>` when
/// it names another language than the config, else the config's locale. Only languages the
/// widgets have texts for (German, English) are taken from the page or the attribute; a
/// French page keeps the configured locale rather than get English texts and French requests.
pub fn resolve_locale(config: &Config, attr: Option<String>, page_lang: Option<String>) -> String {
    let usable = |l: &String| is_locale(l) && matches!(language_of(l), "de" | "en");
    if let Some(l) = attr.filter(usable) {
        return l;
    }
    match page_lang.filter(usable) {
        Some(page) if language_of(&page) != config.locale.language() => page,
        _ => config.locale.0.clone(),
    }
}

/// The page's `<html lang>`, if any.
pub fn page_lang() -> Option<String> {
    crate::glue::sf_document().and_then(|d| d.document_element()).and_then(|e| e.get_attribute("lang"))
}

/// Message lookup and formatting in one locale.
#[derive(Clone)]
pub struct Texts {
    /// BCP 47 locale, e.g. "de-DE".
    pub locale: String,
}

impl Texts {
    /// The language part of the locale ("de").
    pub fn language(&self) -> &str {
        language_of(&self.locale)
    }

    /// The message `key` with placeholders filled from `vars`.
    pub fn t(&self, config: &Config, key: &str, vars: &[(&str, &str)]) -> String {
        render_with(&config.message_for(key, &self.locale), &|k, out| {
            for (n, v) in vars {
                if *n == k {
                    out.push_str(v);
                    return true;
                }
            }
            false
        })
    }

    /// The message `base.<plural category of n>` (`Intl.PluralRules`), falling back to
    /// `base.other` for categories without a message of their own.
    pub fn plural(&self, config: &Config, base: &str, n: u64, vars: &[(&str, &str)]) -> String {
        let mut key = String::from(base);
        key.push('.');
        key.push_str(&crate::glue::sf_plural(&self.locale, n as f64));
        if schaufenster_config::i18n::message(&key).is_none() {
            key.truncate(base.len() + 1);
            key.push_str("other");
        }
        self.t(config, &key, vars)
    }

    /// Money formatted by `Intl.NumberFormat` in this locale ("49,90 €", "CHF 75.00").
    pub fn money(&self, m: Money) -> String {
        sf_money(&self.locale, m.currency().code(), m.minor() as f64, m.currency().exponent())
    }
}
