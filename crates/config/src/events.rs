//! The `sf:*` events and the shape of their `detail`: one list that the TypeScript
//! declarations are generated from ([`crate::ts`]) and that the browser component tests check
//! every recorded event against ([`check`]), so the types cannot drift from what the widgets
//! dispatch.
//!
//! Every event is a bubbling, composed `CustomEvent` named `sf:<name>`; page-wide ones
//! (`cart-changed`, `customer-changed`, `consent-changed`, config errors) are dispatched on
//! `document`, the others on the widget's element.

use crate::json::Json;

/// One key of an event's `detail`.
#[derive(Debug)]
pub struct Field {
    /// The key.
    pub name: &'static str,
    /// Its TypeScript type: `string`, `number`, `boolean`, `null`, a string literal (`"a"`),
    /// `T[]` of one of these, an object type `{ … }` (or an array of them), or a union.
    pub ty: &'static str,
    /// Whether every event of this name carries it.
    pub required: bool,
    /// What it means.
    pub doc: &'static str,
}

/// One event.
#[derive(Debug)]
pub struct Event {
    /// The name without the `sf:` prefix.
    pub name: &'static str,
    /// When it is dispatched.
    pub doc: &'static str,
    /// The keys of its `detail`.
    pub fields: &'static [Field],
}

const fn f(name: &'static str, ty: &'static str, required: bool, doc: &'static str) -> Field {
    Field { name, ty, required, doc }
}

const WIDGET: &str = r#""config" | "shipping-bar" | "social-proof" | "faq" | "advisor" | "loyalty""#;

/// Every event the suite dispatches.
pub const EVENTS: &[Event] = &[
    Event {
        name: "ready",
        doc: "A widget has its data (or its fallback) and is shown; once per mounted element.",
        fields: &[
            f("widget", WIDGET, true, "Which widget."),
            f("product", "string", false, "social-proof: the element's product."),
            f("entries", "number", false, "faq: how many entries were loaded."),
            f("products", "number", false, "advisor: how many products the catalogue has."),
            f("questions", "number", false, "advisor: how many questions are configured."),
            f("signed_in", "boolean", false, "loyalty: whether a customer is signed in."),
        ],
    },
    Event {
        name: "error",
        doc: "Something failed and a fallback is shown: the config (on document), a request, or data the mapping could not read.",
        fields: &[
            f("widget", WIDGET, true, "Which widget, or \"config\"."),
            f("kind", "string", true, "\"config\", \"mapping\", \"stale\", \"bad-stats\", \"network\", \"timeout\", \"malformed-json\" or \"http-<status>\"."),
            f("message", "string", true, "What went wrong, in English, for the developer console."),
            f("url", "string", false, "The request's URL, for request failures."),
            f("product", "string", false, "social-proof: the element's product."),
            f("count", "number", false, "config: the number of problems."),
        ],
    },
    Event {
        name: "cart-changed",
        doc: "The cart changed (setCart, or the page announcing it); every cart-dependent widget reloads.",
        fields: &[f("source", "string", false, "Who changed it: \"api\" for setCart, \"advisor\" when the advisor added a product itself.")],
    },
    Event {
        name: "customer-changed",
        doc: "setCustomer was called; the token itself is never in the event.",
        fields: &[f("signed_in", "boolean", true, "Whether a customer is set."), f("id", "string | number | null", true, "The customer's id if the host gave one.")],
    },
    Event {
        name: "consent-changed",
        doc: "Consent was granted (the configured event or grantConsent()); storage and analytics posts are allowed from now on.",
        fields: &[f("granted", "boolean", true, "Always true: consent is only ever granted.")],
    },
    Event {
        name: "add-to-cart",
        doc: "The shopper chose a product in a widget; the host page adds it to its cart.",
        fields: &[
            f("widget", WIDGET, true, "Which widget."),
            f("product_id", "string", true, "The product."),
            f("quantity", "number", true, "How many."),
            f("price", "number", true, "Unit price in minor units (cents)."),
            f("currency", "string", true, "ISO 4217 code of the price."),
            f("added", "boolean", false, "advisor: true when the widget already added it through `add_to_cart_url` (the page must not add it again)."),
        ],
    },
    Event {
        name: "threshold-reached",
        doc: "A shipping-bar tier became reached by a cart change (not on the first load).",
        fields: &[
            f("widget", r#""shipping-bar""#, true, "Always the shipping bar."),
            f("tier", "string", true, "The tier's id."),
            f("threshold", "number", true, "Its threshold in minor units."),
            f("currency", "string", true, "ISO 4217 code of the threshold."),
        ],
    },
    Event {
        name: "faq-search",
        doc: "The shopper paused typing in the FAQ search.",
        fields: &[f("widget", r#""faq""#, true, "Always the FAQ."), f("query", "string", true, "The query."), f("results", "number", true, "How many answers it found.")],
    },
    Event {
        name: "faq-open",
        doc: "An FAQ answer was opened.",
        fields: &[f("widget", r#""faq""#, true, "Always the FAQ."), f("id", "string", true, "The entry's id.")],
    },
    Event {
        name: "faq-feedback",
        doc: "The shopper answered \"Was this helpful?\".",
        fields: &[
            f("widget", r#""faq""#, true, "Always the FAQ."),
            f("id", "string", true, "The entry's id."),
            f("helpful", "boolean", true, "Yes or no."),
            f("sent", "boolean", true, "Whether the backend stored it."),
        ],
    },
    Event {
        name: "advisor-answer",
        doc: "The shopper answered (or skipped) an advisor question.",
        fields: &[
            f("widget", r#""advisor""#, true, "Always the advisor."),
            f("question", "string", true, "The question's id."),
            f("answer", "string[] | { min: number | null; max: number | null } | null", true, "The chosen option ids, the range, or null when skipped."),
            f("matches", "number", true, "Products matching every answer so far (0 when the advisor had to relax one)."),
        ],
    },
    Event {
        name: "advisor-result",
        doc: "The advisor showed its results.",
        fields: &[
            f("widget", r#""advisor""#, true, "Always the advisor."),
            f("products", "{ id: string; percent: number }[]", true, "The products shown, best first, with their match percentage."),
            f("relaxed", "string[]", true, "Ids of the questions whose answers were relaxed to find anything."),
            f("total", "number", true, "How many products were ranked."),
        ],
    },
    Event {
        name: "redeem",
        doc: "A reward was redeemed; the backend answered with the voucher code and the new balance.",
        fields: &[
            f("widget", r#""loyalty""#, true, "Always the loyalty widget."),
            f("reward_id", "string", true, "The reward."),
            f("cost", "number", true, "Its cost in points."),
            f("code", "string", true, "The voucher code."),
            f("balance", "number | null", true, "The balance after the redemption as the server reported it (null if it did not)."),
        ],
    },
];

/// Checks an event's `detail` against [`EVENTS`]: a known name, every key declared, every
/// required key present, every value of its declared type.
pub fn check(name: &str, detail: &Json) -> Result<(), String> {
    let short = name.strip_prefix("sf:").unwrap_or(name);
    let event = EVENTS.iter().find(|e| e.name == short).ok_or_else(|| format!("sf:{short} is not in events::EVENTS"))?;
    let Json::Object(members) = detail else { return Err(format!("sf:{short}: detail is not an object")) };
    for (k, v) in members {
        let field = event.fields.iter().find(|f| f.name == k).ok_or_else(|| format!("sf:{short}: undeclared key {k:?}"))?;
        if !matches_type(field.ty, v) {
            return Err(format!("sf:{short}: {k} = {} is not {}", v.to_json_string(), field.ty));
        }
    }
    match event.fields.iter().find(|f| f.required && !members.iter().any(|(k, _)| k == f.name)) {
        Some(f) => Err(format!("sf:{short}: required key {:?} missing", f.name)),
        None => Ok(()),
    }
}

/// The alternatives of a union, split at top-level ` | ` (not inside `{ … }`).
fn alternatives(ty: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in ty.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '|' if depth == 0 => {
                out.push(ty[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(ty[start..].trim());
    out
}

fn matches_type(ty: &str, v: &Json) -> bool {
    alternatives(ty).into_iter().any(|alt| match (alt, v) {
        ("string", Json::String(_)) | ("number", Json::Number(_)) | ("boolean", Json::Bool(_)) | ("null", Json::Null) => true,
        (obj, Json::Object(_)) if obj.starts_with('{') && obj.ends_with('}') => true,
        (arr, Json::Array(items)) if arr.ends_with("[]") => items.iter().all(|i| matches_type(&arr[..arr.len() - 2], i)),
        (lit, Json::String(s)) => lit.len() >= 2 && lit.starts_with('"') && lit.ends_with('"') && &lit[1..lit.len() - 1] == s,
        _ => false,
    })
}

/// The TypeScript declarations of the events: `SchaufensterEventMap` (name → detail) and the
/// `DocumentEventMap`/`HTMLElementEventMap` augmentation so `addEventListener("sf:…")` is typed.
pub fn typescript() -> String {
    let mut out = String::from("/** The `detail` of every `sf:*` event, by event name. */\nexport interface SchaufensterEventMap {\n");
    for e in EVENTS {
        out.push_str(&format!("  /** {} */\n  \"sf:{}\": {{\n", e.doc, e.name));
        for f in e.fields {
            out.push_str(&format!("    /** {} */\n    {}{}: {};\n", f.doc, f.name, if f.required { "" } else { "?" }, f.ty));
        }
        out.push_str("  };\n");
    }
    out.push_str(
        "}\n\n/** The name of an `sf:*` event. */\nexport type SchaufensterEventName = keyof SchaufensterEventMap;\n\n\
         /** The events as the DOM types them (`CustomEvent<detail>`). */\n\
         export type SchaufensterDomEvents = { [K in SchaufensterEventName]: CustomEvent<SchaufensterEventMap[K]> };\n\n\
         declare global {\n  interface DocumentEventMap extends SchaufensterDomEvents {}\n  interface HTMLElementEventMap extends SchaufensterDomEvents {}\n}\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{obj, s};

    #[test]
    fn checks_details() {
        let ok = obj([("widget", s("faq")), ("id", s("x"))]);
        assert_eq!(check("sf:faq-open", &ok), Ok(()));
        let cases = [
            ("sf:nope", obj([]), "not in events::EVENTS"),
            ("sf:faq-open", obj([("widget", s("faq"))]), "required key \"id\" missing"),
            ("sf:faq-open", obj([("widget", s("faq")), ("id", s("x")), ("extra", Json::Bool(true))]), "undeclared key \"extra\""),
            ("sf:faq-open", obj([("widget", s("shipping-bar")), ("id", s("x"))]), "is not \"faq\""),
            ("sf:faq-search", obj([("widget", s("faq")), ("query", s("q")), ("results", s("3"))]), "results = \"3\" is not number"),
            ("sf:ready", Json::Null, "not an object"),
        ];
        for (name, detail, want) in cases {
            let err = check(name, &detail).expect_err(name);
            assert!(err.contains(want), "{name}: {err}");
        }
        assert_eq!(check("customer-changed", &obj([("signed_in", Json::Bool(false)), ("id", Json::Null)])), Ok(()));
        let answer = |a: Json| obj([("widget", s("advisor")), ("question", s("q")), ("answer", a), ("matches", Json::Number(3.0))]);
        assert_eq!(check("sf:advisor-answer", &answer(Json::Array(vec![s("a"), s("b")]))), Ok(()));
        assert_eq!(check("sf:advisor-answer", &answer(obj([("min", Json::Null), ("max", Json::Number(100.0))]))), Ok(()));
        assert_eq!(check("sf:advisor-answer", &answer(Json::Null)), Ok(()));
        assert!(check("sf:advisor-answer", &answer(Json::Array(vec![Json::Number(1.0)]))).is_err(), "a number is not an option id");
        assert!(check("sf:advisor-answer", &answer(s("a"))).is_err(), "a bare string is not a list of ids");
    }

    #[test]
    fn every_type_is_checkable() {
        for e in EVENTS {
            for f in e.fields {
                for alt in alternatives(f.ty) {
                    let base = alt.trim_end_matches("[]");
                    assert!(matches!(base, "string" | "number" | "boolean" | "null") || (base.starts_with('"') && base.ends_with('"')) || (base.starts_with('{') && base.ends_with('}')), "sf:{} {}: {alt}", e.name, f.name);
                }
            }
        }
    }
}
