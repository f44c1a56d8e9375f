//! TypeScript declarations of `schaufenster.json`, generated from the JSON Schema (which is
//! itself generated from the config types), so headless apps type-check their config object
//! against the same rules the decoder applies. The npm package ships them in
//! `schaufenster.d.ts` (`configure(config: SchaufensterConfig)`); a test compares the committed
//! `schema/schaufenster.d.ts` with this output. The event types ([`crate::events`]) follow.

use crate::json::Json;

/// The declarations: `export interface SchaufensterConfig { … }`.
pub fn typescript() -> String {
    let schema = crate::schema();
    let mut out = String::from(
        "// Generated from schema/schaufenster.schema.json by schaufenster_config::ts (do not edit;\n\
         // `UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test ts_drift` refreshes it).\n\n",
    );
    if let Some(d) = schema.get("description").and_then(Json::as_str) {
        doc(d, "", &mut out);
    }
    out.push_str("export interface SchaufensterConfig ");
    object(&schema, "", &mut out, true);
    out.push_str("\n\n");
    out.push_str(&crate::events::typescript());
    out
}

fn doc(text: &str, indent: &str, out: &mut String) {
    if text.is_empty() {
        return;
    }
    out.push_str(indent);
    out.push_str("/** ");
    out.push_str(&text.replace("*/", "*\\/"));
    out.push_str(" */\n");
}

/// A property name, quoted when it is not an identifier ("entries.id").
fn key(k: &str) -> String {
    let ident = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$') && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ident {
        k.to_owned()
    } else {
        format!("{k:?}")
    }
}

fn object(s: &Json, indent: &str, out: &mut String, root: bool) {
    let Some(Json::Object(props)) = s.get("properties") else {
        out.push_str(&ty(s, indent));
        return;
    };
    let required: Vec<&str> = match s.get("required") {
        Some(Json::Array(r)) => r.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    };
    let inner = format!("{indent}  ");
    out.push_str("{\n");
    if root {
        out.push_str(&format!("{inner}/** The JSON Schema, for editors. */\n{inner}$schema?: string;\n"));
    }
    for (k, sub) in props {
        if k == "$schema" {
            continue;
        }
        if let Some(d) = sub.get("description").and_then(Json::as_str) {
            doc(d, &inner, out);
        }
        let optional = if required.contains(&k.as_str()) { "" } else { "?" };
        out.push_str(&format!("{inner}{}{optional}: {};\n", key(k), ty(sub, &inner)));
    }
    if root {
        out.push_str(&format!("{inner}/** Keys starting with \"//\" are comments. */\n{inner}[comment: `//${{string}}`]: unknown;\n"));
    }
    out.push_str(indent);
    out.push('}');
}

/// The TypeScript type of one schema node.
fn ty(s: &Json, indent: &str) -> String {
    if let Some(Json::Array(values)) = s.get("enum") {
        return values.iter().map(|v| match v {
            Json::String(t) => format!("{t:?}"),
            other => other.to_json_string(),
        }).collect::<Vec<_>>().join(" | ");
    }
    if s.get("$ref").is_some() {
        return "string".into();
    }
    if let Some(Json::Array(alts)) = s.get("oneOf") {
        // Alternatives that only name required keys (url | inline) refine the object itself.
        if alts.iter().all(|a| a.get("type").is_none()) && s.get("properties").is_some() {
            let mut out = String::new();
            object(s, indent, &mut out, false);
            return out;
        }
        return alts.iter().map(|a| ty(a, indent)).collect::<Vec<_>>().join(" | ");
    }
    match s.get("type").and_then(Json::as_str) {
        Some("object") if s.get("properties").is_some() => {
            let mut out = String::new();
            object(s, indent, &mut out, false);
            out
        }
        Some("object") => match s.get("additionalProperties") {
            Some(Json::Bool(false)) | None => "Record<string, never>".into(),
            Some(v) => format!("{{ [key: string]: {} }}", ty(v, indent)),
        },
        Some("array") => {
            let item = s.get("items").map(|i| ty(i, indent)).unwrap_or_else(|| "unknown".into());
            if item.contains(' ') && !item.starts_with('{') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        Some("integer" | "number") => "number".into(),
        Some("string") => "string".into(),
        Some("boolean") => "boolean".into(),
        _ => "unknown".into(),
    }
}
