//! Where a widget's cart comes from: pushed by the host (`setCart`), inline in the config, or
//! fetched from the configured (or default) URL and read through its `map`.

use crate::backend::{expand_url, request, FetchError};
use crate::runtime::Runtime;
use schaufenster_config::mapping::cart_from_json;
use schaufenster_config::model::{MoneyFormat, Source};
use schaufenster_config::types::Url;
use schaufenster_core::retry::Outcome;
use schaufenster_core::Cart;

/// A source in the default (reference backend) shape, for carts pushed with `setCart`.
pub fn source_default() -> Source {
    Source { url: None, inline: None, map: Vec::new(), money: MoneyFormat::Minor, session_currency: false }
}

/// The configured cart source, or the reference backend's `GET {base_url}/cart`.
pub fn source(rt: &Runtime) -> Source {
    match &rt.config.cart {
        Some(c) => c.0.clone(),
        None => Source { url: Some(Url(format!("{}/cart", rt.config.backend.base_url.0.trim_end_matches('/')))), inline: None, map: Vec::new(), money: MoneyFormat::Minor, session_currency: false },
    }
}

/// Loads the cart. A response the map cannot read completely is an error (a cart with lines
/// left out would understate the subtotal and make the bar promise too little or too much).
pub async fn load(rt: &Runtime, language: &str, locale: &str) -> Result<Cart, FetchError> {
    if let Some(cart) = rt.pushed_cart() {
        return Ok(cart);
    }
    let src = source(rt);
    let country = rt.config.country.as_ref().map(|c| c.0.as_str());
    let fetched;
    let (data, url) = match (&src.inline, &src.url) {
        (Some(inline), _) => (inline, "(inline cart)".to_string()),
        (None, Some(url)) => {
            let vars = [("currency", rt.config.currency.code()), ("language", language), ("locale", locale), ("country", country.unwrap_or(""))];
            let url = expand_url(&url.0, &vars);
            fetched = request(&rt.config.backend, "GET", &url, None).await?;
            (&fetched, url)
        }
        (None, None) => return Err(FetchError { outcome: Outcome::Malformed, url: String::new(), attempts: 0 }),
    };
    let (cart, problems) = cart_from_json(data, &src, rt.config.currency, country);
    if problems.is_empty() {
        Ok(cart)
    } else {
        crate::glue::sf_warn(&format!("Schaufenster: the cart from {url} could not be read: {}", schaufenster_core::template::join(&problems, "; ")));
        Err(FetchError { outcome: Outcome::Malformed, url, attempts: 1 })
    }
}
