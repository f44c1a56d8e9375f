//! The `advisor` section: the catalogue's typed attributes, the questions with their options
//! and effects, and their translation into [`schaufenster_core::advisor`].
//!
//! Structural mistakes (wrong types, missing keys, an operator that cannot apply to the
//! attribute's type) are errors with their JSON path. Mistakes the advisor can live with — an
//! effect on an attribute the catalogue does not declare (never met), an option without
//! effects, a `show_if` on an unknown or later question (never shown) — are warnings at the
//! question or option, found by the same check the engine runs
//! ([`schaufenster_core::advisor::Advisor::new`]).

use crate::decode::{found, found_text, Ctx, Decode, Int, Step};
use crate::json::{obj, s, Json};
use crate::model::ProductSource;
use crate::types::{Id, Url};
use crate::{config_enum, config_struct};
use schaufenster_core::advisor as core;

config_struct! {
    /// Guided-selling product advisor <sf-advisor>: one question at a time, the catalogue narrowed by each answer, results with a match percentage and the reasons.
    pub struct Advisor {
        /// Where the products come from and which of their fields the questions use.
        pub catalogue: Catalogue,
        /// The questions, in the order they are asked.
        pub questions: Vec<Question>,
        /// Products out of stock: "last" (shown after the others, default) or "hide".
        pub out_of_stock: StockMode = StockMode::Last,
        /// Results shown (1 to 12, default 3).
        pub max_results: Int<1, 12> = Int(3),
        /// POST {"product_id", "quantity"} here when a result is added to the cart; omitted: only the sf:add-to-cart event (the shop adds it).
        pub add_to_cart_url: Option<Url>,
    }
}

config_enum! {
    /// What happens to products out of stock.
    pub enum StockMode {
        /// Not shown.
        Hide = "hide",
        /// Shown after every product in stock.
        Last = "last",
    }
}

config_struct! {
    /// The catalogue: a product source (with "items.stock" for stock) and the attributes the questions compare.
    pub struct Catalogue {
        /// Where the products come from. Default with a "preset": the platform's product list (WooCommerce, Shopware 6; Shopify's Ajax API has none).
        pub source: ProductSource = ProductSource::from_preset(),
        /// Attribute name → {"type": "number" | "text" | "tags" | "boolean", "pointer": "/…" (default "/<name>")}. "price" (minor units) is built in.
        pub attributes: Vec<(String, Attribute)>,
    }
}

config_enum! {
    /// The type of a product attribute.
    pub enum AttrType {
        /// A number (litres, kg, cm …).
        Number = "number",
        /// A text, compared ignoring case.
        Text = "text",
        /// A list of tags.
        Tags = "tags",
        /// true or false.
        Boolean = "boolean",
    }
}

/// A declared attribute: its type and where it is in a product row.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribute {
    /// Its type.
    pub kind: AttrType,
    /// Pointer into the product row (default `/<name>`).
    pub pointer: Option<crate::types::Pointer>,
}

impl Decode for Attribute {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let mut kind: Option<AttrType> = None;
        let mut pointer: Option<Option<crate::types::Pointer>> = Some(None);
        if !cx.object(v, "write {\"type\": \"number\"} (or \"text\", \"tags\", \"boolean\")", &["type", "pointer"], crate::slot_bits!(kind, pointer), &mut [&mut kind, &mut pointer]) {
            return None;
        }
        if !(kind.is_some() && pointer.is_some()) {
            return None;
        }
        Some(Attribute { kind: kind?, pointer: pointer? })
    }
    fn schema() -> Json {
        obj([
            ("type", s("object")),
            ("properties", obj([("type", AttrType::schema()), ("pointer", obj([("$ref", s("#/$defs/pointer"))]))])),
            ("required", Json::Array(vec![s("type")])),
            ("additionalProperties", Json::Bool(false)),
        ])
    }
}

/// A text per language: `"Text"` for every language or `{"de": "…", "en": "…"}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Localized(pub Vec<(String, String)>);

impl Localized {
    /// The text for `language` ("de"), else English, else the first one.
    pub fn get(&self, language: &str) -> &str {
        let pick = |l: &str| self.0.iter().find(|(k, _)| k == l || k.is_empty()).map(|(_, t)| t.as_str());
        pick(language).or_else(|| pick("en")).or_else(|| self.0.first().map(|(_, t)| t.as_str())).unwrap_or("")
    }
}

impl Decode for Localized {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        match v {
            Json::String(t) => Some(Localized(vec![(String::new(), t.clone())])),
            Json::Object(_) => <Vec<(String, String)>>::decode(v, cx).map(Localized),
            _ => {
                cx.wrong_type(v, "a text or {\"de\": …, \"en\": …}", "write \"Text\" or {\"de\": \"Text\", \"en\": \"Text\"}");
                None
            }
        }
    }
    fn schema() -> Json {
        obj([("oneOf", Json::Array(vec![obj([("type", s("string"))]), obj([("type", s("object")), ("additionalProperties", obj([("type", s("string"))]))])]))])
    }
}

config_enum! {
    /// The kind of a question.
    pub enum QuestionType {
        /// Exactly one option.
        Single = "single",
        /// Any number of options (alternatives).
        Multiple = "multiple",
        /// Options "yes" and "no".
        YesNo = "yes_no",
        /// A number range on "attribute" (e.g. a budget on "price").
        Range = "range",
    }
}

config_struct! {
    /// Show the question only if an earlier question was answered with one of these options.
    pub struct ShowIf {
        /// Id of an earlier question.
        pub question: String,
        /// Option ids.
        pub any_of: Vec<String>,
    }
}

/// A question (decoded by hand: its key "type" decides which other keys apply).
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable id (answers, `show_if`, events).
    pub id: Id,
    /// Single, multiple, yes/no or range.
    pub kind: QuestionType,
    /// The question as asked.
    pub text: Localized,
    /// Whether it must be answered (otherwise it can be skipped).
    pub required: bool,
    /// Weight of its filter in the match percentage (default 10).
    pub weight: u32,
    /// Lower is relaxed first when nothing matches (default 5).
    pub priority: u32,
    /// Shown only if this holds.
    pub show_if: Option<ShowIf>,
    /// The options (not for ranges).
    pub options: Vec<AdvisorOption>,
    /// Range questions: the attribute, bounds and step (whole numbers in its unit; price in minor units).
    pub range: Option<RangeSpec>,
    /// Range questions: how a met range is explained ("im Budget").
    pub explain: Option<Localized>,
}

/// The numbers of a range question.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeSpec {
    /// The attribute ("price" or a declared number attribute).
    pub attribute: String,
    /// Lowest selectable value.
    pub min: i64,
    /// Highest selectable value.
    pub max: i64,
    /// Step of the slider.
    pub step: i64,
}

const Q_KEYS: &[&str] = &["id", "type", "text", "required", "weight", "priority", "show_if", "options", "attribute", "min", "max", "step", "explain"];

impl Decode for Question {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let Json::Object(m) = v else {
            cx.wrong_type(v, "an object", "write {\"id\": …, \"type\": \"single\", \"text\": …, \"options\": […]}");
            return None;
        };
        cx.unknown_keys(m, Q_KEYS);
        let mut id: Option<Id> = None;
        let mut kind: Option<QuestionType> = None;
        let mut text: Option<Localized> = None;
        let mut required = Some(false);
        let mut weight = Some(Int::<0, 100>(10));
        let mut priority = Some(Int::<0, 100>(5));
        let mut show_if: Option<Option<ShowIf>> = Some(None);
        let mut explain: Option<Option<Localized>> = Some(None);
        let set = crate::slot_bits!(id, kind, text, required, weight, priority, show_if, explain);
        cx.fields(
            m,
            &["id", "type", "text", "required", "weight", "priority", "show_if", "explain"],
            set,
            &mut [&mut id, &mut kind, &mut text, &mut required, &mut weight, &mut priority, &mut show_if, &mut explain],
        );
        let kind = kind?;
        let is_range = kind == QuestionType::Range;
        let has = |k: &str| crate::decode::find_member(m, k).is_some();
        let (options, range) = if is_range {
            if has("options") {
                cx.error_in(&[Step::Key("options")], "(options)".into(), "a range question has no options", "remove \"options\", or use \"type\": \"single\"");
            }
            let mut attribute: Option<String> = None;
            let mut min: Option<Int<0, 1_000_000_000>> = None;
            let mut max: Option<Int<0, 1_000_000_000>> = None;
            let mut step = Some(Int::<1, 1_000_000_000>(1));
            let set = crate::slot_bits!(attribute, min, max, step);
            cx.fields(m, &["attribute", "min", "max", "step"], set, &mut [&mut attribute, &mut min, &mut max, &mut step]);
            if !(attribute.is_some() && min.is_some() && max.is_some() && step.is_some()) {
                return None;
            }
            let (attribute, min, max, step) = (attribute?, min?, max?, step?);
            if min.0 >= max.0 {
                cx.error_in(&[Step::Key("max")], max.0.to_string(), &format!("max is not above min ({})", min.0), "give the range a lower \"min\" and a higher \"max\"");
                return None;
            }
            (Vec::new(), Some(RangeSpec { attribute, min: min.0, max: max.0, step: step.0 }))
        } else {
            for k in ["attribute", "min", "max", "step"] {
                if has(k) {
                    cx.error_in(&[Step::Key(k)], format!("({k})"), &format!("\"{k}\" only applies to \"type\": \"range\""), "remove it, or make this a range question");
                }
            }
            let options = cx.field::<Vec<AdvisorOption>>(m, "options", None)?;
            if options.is_empty() {
                cx.error_in(&[Step::Key("options")], "[]".into(), "no options", "add at least two options");
            }
            if kind == QuestionType::YesNo && !(options.len() == 2 && options[0].id.0 == "yes" && options[1].id.0 == "no") {
                let mut ids = String::new();
                for (i, o) in options.iter().enumerate() {
                    if i > 0 {
                        ids.push_str(", ");
                    }
                    ids.push_str(&o.id.0);
                }
                cx.error_in(&[Step::Key("options")], ids, "a yes_no question has the options \"yes\" and \"no\", in that order", "use {\"id\": \"yes\", …} and {\"id\": \"no\", …}");
            }
            (options, None)
        };
        if !(id.is_some() && text.is_some() && required.is_some() && weight.is_some() && priority.is_some() && show_if.is_some() && explain.is_some()) {
            return None;
        }
        Some(Question { id: id?, kind, text: text?, required: required?, weight: weight?.0 as u32, priority: priority?.0 as u32, show_if: show_if?, options, range, explain: explain? })
    }
    fn schema() -> Json {
        obj([
            ("type", s("object")),
            ("description", s("A question: \"type\" single | multiple | yes_no (options \"yes\", \"no\") | range (\"attribute\", \"min\", \"max\", \"step\", \"explain\").")),
            ("properties", obj([
                ("id", Id::schema()),
                ("type", QuestionType::schema()),
                ("text", Localized::schema()),
                ("required", obj([("type", s("boolean"))])),
                ("weight", Int::<0, 100>::schema()),
                ("priority", Int::<0, 100>::schema()),
                ("show_if", ShowIf::schema()),
                ("options", <Vec<AdvisorOption>>::schema()),
                ("attribute", obj([("type", s("string"))])),
                ("min", obj([("type", s("integer")), ("minimum", Json::Number(0.0))])),
                ("max", obj([("type", s("integer")), ("minimum", Json::Number(0.0))])),
                ("step", obj([("type", s("integer")), ("minimum", Json::Number(1.0))])),
                ("explain", Localized::schema()),
            ])),
            ("required", Json::Array(vec![s("id"), s("type"), s("text")])),
            ("additionalProperties", Json::Bool(false)),
        ])
    }
}

config_struct! {
    /// An option of a question.
    pub struct AdvisorOption {
        /// Stable id.
        pub id: Id,
        /// The option's text.
        pub label: Localized,
        /// What choosing it does: filters (no "weight") and boosts or penalties ("weight").
        pub effects: Vec<Effect> = Vec::new(),
    }
}

/// An effect: `attribute op value`, a hard filter without `weight`, a boost or penalty with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// Attribute name ("price" or a declared attribute).
    pub attribute: String,
    /// The comparison.
    pub op: core::Op,
    /// `None`: a filter; otherwise the weight (negative: a penalty).
    pub weight: Option<i32>,
    /// How a met effect is explained ("wasserdicht").
    pub explain: Option<Localized>,
}

const OPS: &[&str] = &["=", "in", "<=", ">=", "contains"];

fn scalar(v: &Json) -> Option<core::Value> {
    match v {
        Json::Number(n) => Some(core::Value::Num(*n)),
        Json::String(t) => Some(core::Value::Text(t.clone())),
        Json::Bool(b) => Some(core::Value::Bool(*b)),
        _ => None,
    }
}

impl Decode for Effect {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let Json::Object(m) = v else {
            cx.wrong_type(v, "an object", "write {\"attribute\": \"volume\", \"op\": \">=\", \"value\": 40}");
            return None;
        };
        cx.unknown_keys(m, &["attribute", "op", "value", "weight", "explain"]);
        let mut attribute: Option<String> = None;
        let mut op: Option<String> = None;
        let mut weight: Option<Option<Int<-100, 100>>> = Some(None);
        let mut explain: Option<Option<Localized>> = Some(None);
        let set = crate::slot_bits!(attribute, op, weight, explain);
        cx.fields(m, &["attribute", "op", "weight", "explain"], set, &mut [&mut attribute, &mut op, &mut weight, &mut explain]);
        let value = m.iter().find(|(k, _)| k == "value").map(|(_, v)| v);
        if !(attribute.is_some() && op.is_some() && weight.is_some() && explain.is_some()) {
            return None;
        }
        let (attribute, op, weight, explain) = (attribute?, op?, weight?, explain?);
        let Some(value) = value else {
            cx.error_in(&[Step::Key("value")], "(missing)".into(), "this key is required", "add \"value\": the value to compare with");
            return None;
        };
        let parsed: Result<core::Op, &str> = match op.as_str() {
            "=" => scalar(value).map(core::Op::Eq).ok_or("a number, text or true/false"),
            "in" => match value {
                Json::Array(items) if !items.is_empty() && items.iter().all(|i| scalar(i).is_some()) => {
                    let mut values = Vec::new();
                    for i in items {
                        if let Some(v) = scalar(i) {
                            values.push(v);
                        }
                    }
                    Ok(core::Op::In(values))
                }
                _ => Err("a non-empty array of numbers or texts"),
            },
            "<=" | ">=" => match value {
                Json::Number(n) if op == "<=" => Ok(core::Op::Le(*n)),
                Json::Number(n) => Ok(core::Op::Ge(*n)),
                _ => Err("a number"),
            },
            "contains" => match value {
                Json::String(t) => Ok(core::Op::Contains(t.clone())),
                _ => Err("a text"),
            },
            other => {
                // Swapped or doubled characters are the usual slips.
                let alias = match other {
                    "=>" => Some(">="),
                    "=<" => Some("<="),
                    "==" | "eq" => Some("="),
                    _ => crate::decode::closest(other, OPS),
                };
                let hint = crate::decode::suggestion(alias, false, "One of: ", "one of: ", &schaufenster_core::template::join(OPS, ", "));
                cx.error_in(&[Step::Key("op")], found_text(other), "unknown operator", &hint);
                return None;
            }
        };
        let parsed = match parsed {
            Ok(p) => p,
            Err(want) => {
                cx.error_in(&[Step::Key("value")], found(value), &format!("\"{op}\" needs {want}"), "e.g. {\"op\": \">=\", \"value\": 40} or {\"op\": \"in\", \"value\": [\"Nylon\", \"Canvas\"]}");
                return None;
            }
        };
        Some(Effect { attribute, op: parsed, weight: weight.map(|w| w.0 as i32), explain })
    }
    fn schema() -> Json {
        obj([
            ("type", s("object")),
            ("properties", obj([
                ("attribute", obj([("type", s("string"))])),
                ("op", obj([("enum", Json::Array(OPS.iter().map(|o| s(o)).collect()))])),
                ("value", obj([("description", s("Number, text or true/false; an array for \"in\"."))])),
                ("weight", Int::<-100, 100>::schema()),
                ("explain", Localized::schema()),
            ])),
            ("required", Json::Array(vec![s("attribute"), s("op"), s("value")])),
            ("additionalProperties", Json::Bool(false)),
        ])
    }
}

/// The config spelling of an operator.
fn op_name(op: &core::Op) -> &'static str {
    match op {
        core::Op::Eq(_) => "=",
        core::Op::In(_) => "in",
        core::Op::Le(_) => "<=",
        core::Op::Ge(_) => ">=",
        core::Op::Contains(_) => "contains",
    }
}

impl Advisor {
    /// Attribute names as catalogue columns: the declared ones, then "price".
    pub fn columns(&self) -> Vec<String> {
        let mut c: Vec<String> = Vec::new();
        for (k, _) in &self.catalogue.attributes {
            c.push(k.clone());
        }
        if !c.iter().any(|k| k == "price") {
            c.push("price".into());
        }
        c
    }

    /// The engine's questions.
    pub fn core_questions(&self) -> Vec<core::Question> {
        let mut out = Vec::new();
        for q in &self.questions {
            let mut options = Vec::new();
            for o in &q.options {
                let mut effects = Vec::new();
                for e in &o.effects {
                    effects.push(core::Effect { attribute: e.attribute.clone(), op: e.op.clone(), kind: e.weight.map_or(core::Kind::Filter, core::Kind::Weight) });
                }
                options.push(core::Choice { id: o.id.0.clone(), effects });
            }
            out.push(core::Question {
                id: q.id.0.clone(),
                kind: match (&q.kind, &q.range) {
                    (QuestionType::Single, _) => core::QuestionKind::Single,
                    (QuestionType::Multiple, _) => core::QuestionKind::Multi,
                    (QuestionType::YesNo, _) => core::QuestionKind::YesNo,
                    (QuestionType::Range, r) => core::QuestionKind::Range { attribute: r.as_ref().map(|r| r.attribute.clone()).unwrap_or_default() },
                },
                required: q.required,
                show_if: q.show_if.as_ref().map(|c| core::ShowIf { question: c.question.clone(), any_of: c.any_of.clone() }),
                options,
                weight: q.weight,
                priority: q.priority,
            });
        }
        out
    }

    /// The type of attribute `name` ("price" is a number).
    pub fn attribute_type(&self, name: &str) -> Option<AttrType> {
        self.catalogue.attributes.iter().find(|(k, _)| k == name).map(|(_, a)| a.kind).or((name == "price").then_some(AttrType::Number))
    }
}

/// Checks what types alone cannot: operators that cannot apply to an attribute's type and range
/// questions on non-number attributes (errors), and the engine's own findings (warnings).
pub(crate) fn check(advisor: &Advisor, cx: &mut Ctx) {
    use Step::{Index, Key};
    for (qi, q) in advisor.questions.iter().enumerate() {
        if let Some(r) = &q.range {
            if advisor.attribute_type(&r.attribute).is_some_and(|t| t != AttrType::Number) {
                cx.error_in(
                    &[Key("advisor"), Key("questions"), Index(qi), Key("attribute")],
                    found_text(&r.attribute),
                    "a range needs a number attribute",
                    "declare it with \"type\": \"number\" in catalogue.attributes, or use \"price\"",
                );
            }
        }
        for (oi, o) in q.options.iter().enumerate() {
            for (ei, e) in o.effects.iter().enumerate() {
                let Some(t) = advisor.attribute_type(&e.attribute) else { continue };
                let ok = match (&e.op, t) {
                    (core::Op::Le(_) | core::Op::Ge(_), AttrType::Number) => true,
                    (core::Op::Le(_) | core::Op::Ge(_), _) => false,
                    (core::Op::Contains(_), AttrType::Tags | AttrType::Text) => true,
                    (core::Op::Contains(_), _) => false,
                    _ => true,
                };
                if !ok {
                    cx.error_in(
                        &[Key("advisor"), Key("questions"), Index(qi), Key("options"), Index(oi), Key("effects"), Index(ei), Key("op")],
                        format!("\"{}\" on a {} attribute", op_name(&e.op), t.as_str()),
                        &format!("this operator cannot compare the {} attribute \"{}\"", t.as_str(), e.attribute),
                        "numbers take \"<=\", \">=\", \"=\", \"in\"; texts and tags take \"=\", \"in\", \"contains\"",
                    );
                }
            }
        }
    }
    let columns = advisor.columns();
    let (_, problems) = core::Advisor::new(advisor.core_questions(), &columns);
    for p in problems {
        let hint = if crate::decode::has_text(&p.message, "unknown attribute") {
            let known = schaufenster_core::template::join(&columns, ", ");
            format!("declared attributes: {known}; an effect on an unknown attribute is never met")
        } else if crate::decode::has_text(&p.message, "show_if") {
            "show_if can only name an earlier question and its options; until fixed the question is never shown".to_string()
        } else {
            "the advisor still runs; fix this so the option does what it says".to_string()
        };
        let steps = [Key("advisor"), Key("questions"), Index(p.question), Key("options"), Index(p.option.unwrap_or(0))];
        let depth = if p.option.is_some() { 5 } else { 3 };
        cx.warn_in(&steps[..depth], "(see message)".into(), &p.message, &hint);
    }
}
