//! `docs/config.md`, generated from the JSON Schema and the message table so the reference
//! cannot fall behind the code (a test compares it with the committed file).

use crate::json::Json;

/// The Markdown reference of every config key and message.
pub fn markdown() -> String {
    let schema = crate::schema();
    let mut out = String::from(
        "# schaufenster.json reference\n\n\
         Generated from the config types (`cargo test -p schaufenster-config --test docs_drift` with\n\
         `UPDATE_SNAPSHOTS=1` refreshes it). Amounts are integer minor units (5000 = 50,00 €).\n\
         Keys starting with `//` are comments and ignored.\n\n\
         | key | type | required | description |\n|---|---|---|---|\n",
    );
    walk(&schema, "", &mut out);
    out.push_str("\n## Platform presets\n\n`\"preset\"` fills in `cart` (unless the config has its own) with the platform's storefront API. The path is resolved against `backend.base_url` when that is an absolute URL, else against the page's origin. Fields the map does not name keep their default pointer (`/currency`, `/quantity`, …).\n\n| preset | cart URL | money | map |\n|---|---|---|---|\n");
    for p in [crate::preset::Preset::Shopify, crate::preset::Preset::Shopware6, crate::preset::Preset::Woocommerce] {
        let t = p.table();
        let map = t.map.iter().map(|(k, v)| format!("`{k}`: `{v}`")).collect::<Vec<_>>().join(", ");
        out.push_str(&format!("| `{}` | `GET {}` | `{}` | {map} |\n", p.as_str(), t.path, t.money.as_str()));
    }
    out.push_str("\nIt also fills in the product sources that name neither `url` nor `inline` (`advisor.catalogue.source`, `shipping_bar.suggestions.source`, both optional with a preset) with the platform's product endpoint; pointers in the config's own `map` replace the preset's. `session_currency` means the response names no currency: its prices are in the shopper's session currency, which the cart has too. `{product}` is the product id of the cart's first line. No platform has a customer endpoint for loyalty points, so `loyalty` keeps its own URLs.\n\n| preset | used for | product URL | money | session currency | map |\n|---|---|---|---|---|---|\n");
    for p in [crate::preset::Preset::Shopify, crate::preset::Preset::Shopware6, crate::preset::Preset::Woocommerce] {
        let t = p.table();
        for (used, products) in [("advisor catalogue", t.catalogue), ("bar suggestions", t.suggestions)] {
            let Some(e) = products else {
                out.push_str(&format!("| `{}` | {used} | none: give a `url` | | | |\n", p.as_str()));
                continue;
            };
            let map = e.map.iter().map(|(k, v)| format!("`{k}`: `{v}`")).collect::<Vec<_>>().join(", ");
            out.push_str(&format!("| `{}` | {used} | `GET {}` | `{}` | {} | {map} |\n", p.as_str(), e.path, e.money.as_str(), if e.session_currency { "yes" } else { "no" }));
        }
    }
    out.push_str("\n## Messages\n\nOverride any of them per language under `messages`, e.g. `{\"messages\": {\"de\": {\"shipping.empty\": \"…\"}}}`.\n\n| key | placeholders | German | English |\n|---|---|---|---|\n");
    for m in crate::i18n::messages() {
        let ph = m.placeholders.iter().map(|p| format!("`{{{p}}}`")).collect::<Vec<_>>().join(" ");
        out.push_str(&format!("| `{}` | {} | {} | {} |\n", m.key, ph, m.de, m.en));
    }
    out
}

fn walk(schema: &Json, prefix: &str, out: &mut String) {
    let Some(Json::Object(props)) = schema.get("properties") else { return };
    let required: Vec<&str> = match schema.get("required") {
        Some(Json::Array(r)) => r.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    };
    for (key, sub) in props {
        if key == "$schema" {
            continue;
        }
        let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        let kind = type_name(sub);
        let desc = sub.get("description").and_then(Json::as_str).unwrap_or("").replace('|', "\\|");
        out.push_str(&format!("| `{path}` | {kind} | {} | {desc} |\n", if required.contains(&key.as_str()) { "yes" } else { "" }));
        match sub.get("type").and_then(Json::as_str) {
            Some("object") => walk(sub, &path, out),
            Some("array") => {
                if let Some(items) = sub.get("items") {
                    walk(items, &format!("{path}[]"), out);
                }
            }
            _ => {}
        }
    }
}

fn type_name(s: &Json) -> String {
    if let Some(Json::Array(values)) = s.get("enum") {
        if values.len() <= 6 {
            return values.iter().filter_map(Json::as_str).map(|v| format!("`\"{v}\"`")).collect::<Vec<_>>().join(" \\| ");
        }
        return "ISO 4217 code".into();
    }
    if s.get("$ref").is_some() {
        return "JSON pointer".into();
    }
    match (s.get("type").and_then(Json::as_str), s.get("minimum"), s.get("maximum")) {
        (Some("integer"), Some(Json::Number(lo)), Some(Json::Number(hi))) => format!("integer {lo}–{hi}"),
        (Some("integer"), Some(Json::Number(lo)), None) => format!("integer ≥ {lo}"),
        (Some("array"), _, _) => format!("array of {}", s.get("items").map(type_name).unwrap_or_default()),
        (Some(t), _, _) => t.to_string(),
        (None, _, _) if s.get("oneOf").is_some() => "object".into(),
        _ => "any".into(),
    }
}
