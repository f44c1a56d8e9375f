//! The `advisor` section: decoding, each kind of mistake with its path, the catalogue mapping,
//! and the translation into the engine.
use schaufenster_config::json::parse;
use schaufenster_config::mapping::catalogue_from_json;
use schaufenster_config::{load_str, Severity};
use schaufenster_core::advisor::{Advisor, Answer, StockPolicy, Value};

const GOOD: &str = r#"{"advisor": {
  "catalogue": {
    "source": {"url": "/api/advisor/products?locale={language}&currency={currency}"},
    "attributes": {"volume": {"type": "number", "pointer": "/volume_l"}, "material": {"type": "text"}, "features": {"type": "tags"}, "cabin_size": {"type": "boolean"}}
  },
  "questions": [
    {"id": "trip", "type": "single", "required": true, "text": {"de": "Wie reist du?", "en": "How do you travel?"}, "priority": 5,
     "options": [
       {"id": "flight", "label": {"de": "Flugzeug", "en": "Plane"}, "effects": [{"attribute": "cabin_size", "op": "=", "value": true, "explain": {"de": "passt ins Handgepäck", "en": "cabin size"}}]},
       {"id": "car", "label": "Auto", "effects": [{"attribute": "volume", "op": ">=", "value": 60, "weight": 5}]}]},
    {"id": "budget", "type": "range", "attribute": "price", "min": 0, "max": 30000, "step": 1000, "text": "Budget?", "explain": "im Budget"},
    {"id": "soft", "type": "multiple", "text": "Material?", "options": [
       {"id": "soft", "label": "weich", "effects": [{"attribute": "material", "op": "in", "value": ["Nylon", "Canvas"]}]},
       {"id": "dry", "label": "wasserdicht", "effects": [{"attribute": "features", "op": "contains", "value": "wasserdicht", "weight": 3}]}]},
    {"id": "laptop", "type": "yes_no", "text": "Laptop?", "show_if": {"question": "trip", "any_of": ["flight"]}, "options": [
       {"id": "yes", "label": "Ja", "effects": [{"attribute": "features", "op": "contains", "value": "Laptopfach"}]},
       {"id": "no", "label": "Nein", "effects": [{"attribute": "volume", "op": "<=", "value": 40, "weight": 1}]}]}
  ]
}}"#;

fn problems(text: &str) -> Vec<(Severity, String, String, String)> {
    load_str(text).problems.into_iter().map(|p| (p.severity, p.path, p.message, p.hint)).collect()
}

#[test]
fn a_valid_advisor_decodes_and_runs() {
    let loaded = load_str(GOOD);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let config = loaded.config.unwrap();
    let a = config.advisor.get().expect("advisor");
    // Declared attributes (in the order the JSON object has them), then the built-in price.
    let mut cols = a.columns();
    assert_eq!(cols.pop().as_deref(), Some("price"));
    cols.sort();
    assert_eq!(cols, ["cabin_size", "features", "material", "volume"]);
    assert_eq!(a.questions[0].text.get("en"), "How do you travel?");
    assert_eq!(a.questions[0].options[1].label.get("en"), "Auto", "a plain string is every language's text");
    assert_eq!(a.questions[1].range.as_ref().map(|r| (r.min, r.max, r.step)), Some((0, 30000, 1000)));

    let data = parse(
        r#"{"currency": "EUR", "products": [
          {"id": "s", "title": "Trolley S", "price": 8999, "stock": 4, "volume_l": 36, "material": "Polycarbonat", "features": ["Rollen"], "cabin_size": true},
          {"id": "r", "title": "Rucksack", "price": 11999, "stock": 0, "volume_l": 40, "material": "Nylon", "features": ["wasserdicht", "Laptopfach"], "cabin_size": true},
          {"id": "l", "title": "Trolley L", "price": 24999, "volume_l": "groß", "material": null, "features": "Rollen", "cabin_size": false},
          {"id": "x", "price": 100}
        ]}"#,
    )
    .unwrap();
    let (cat, products, problems) = catalogue_from_json(&data, a, schaufenster_core::Currency::parse("EUR").unwrap());
    assert_eq!(products.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["s", "r", "l"]);
    let mut problems = problems;
    problems.sort();
    assert_eq!(
        problems,
        [
            "product 2 (\"l\"): features at \"/features\" is \"Rollen\", not a list of tags",
            "product 2 (\"l\"): volume at \"/volume_l\" is \"groß\", not a number",
            "product 3: missing or invalid title",
        ]
    );
    let val = |row: usize, name: &str| cat.products[row].values[cat.attributes.iter().position(|c| c == name).unwrap()].clone();
    assert_eq!(
        ["volume", "material", "features", "cabin_size", "price"].map(|c| val(0, c)),
        [Some(Value::Num(36.0)), Some(Value::Text("Polycarbonat".into())), Some(Value::Tags(vec!["Rollen".into()])), Some(Value::Bool(true)), Some(Value::Num(8999.0))]
    );
    assert_eq!(val(2, "volume"), None, "a wrong type is unknown");
    assert_eq!((cat.products[0].stock, cat.products[1].stock, cat.products[2].stock), (Some(4), Some(0), None));

    let (engine, problems) = Advisor::new(a.core_questions(), &a.columns());
    assert!(problems.is_empty(), "{problems:?}");
    let answers = [("trip".to_string(), Answer::Options(vec!["flight".into()])), ("laptop".to_string(), Answer::Options(vec!["yes".into()]))];
    let o = engine.evaluate(&cat, &answers, StockPolicy::Last);
    assert_eq!(o.ranked.iter().map(|r| cat.products[r.product].id.as_str()).collect::<Vec<_>>(), ["r"]);
}

#[test]
fn each_mistake_names_its_path() {
    let with = |from: &str, to: &str| {
        assert!(GOOD.contains(from), "{from}");
        GOOD.replacen(from, to, 1)
    };
    for (text, sev, path, message, hint) in [
        (with(r#""op": ">=", "value": 60"#, r#""op": "=>", "value": 60"#), Severity::Error, "$.advisor.questions[0].options[1].effects[0].op", "unknown operator", "did you mean \">=\""),
        (with(r#""op": ">=", "value": 60"#, r#""op": ">=", "value": "60""#), Severity::Error, "$.advisor.questions[0].options[1].effects[0].value", "\">=\" needs a number", ""),
        (with(r#""op": "in", "value": ["Nylon", "Canvas"]"#, r#""op": "in", "value": "Nylon""#), Severity::Error, "$.advisor.questions[2].options[0].effects[0].value", "needs a non-empty array", ""),
        (with(r#""attribute": "material", "op": "in""#, r#""attribute": "material", "op": "<=""#).replace(r#""value": ["Nylon", "Canvas"]"#, r#""value": 3"#), Severity::Error, "$.advisor.questions[2].options[0].effects[0].op", "cannot compare the text attribute \"material\"", "contains"),
        (with(r#""type": "range", "attribute": "price""#, r#""type": "range", "attribute": "material""#), Severity::Error, "$.advisor.questions[1].attribute", "a range needs a number attribute", "price"),
        (with(r#""min": 0, "max": 30000"#, r#""min": 500, "max": 500"#), Severity::Error, "$.advisor.questions[1].max", "max is not above min", ""),
        (with(r#""type": "single", "required": true"#, r#""type": "single", "attribute": "price", "required": true"#), Severity::Error, "$.advisor.questions[0].attribute", "only applies to \"type\": \"range\"", ""),
        (with(r#""type": "singel""#.replace("singel", "single").as_str(), r#""type": "singel""#), Severity::Error, "$.advisor.questions[0].type", "unknown value", "did you mean \"single\""),
        (with(r#"{"id": "yes", "label": "Ja""#, r#"{"id": "ja", "label": "Ja""#), Severity::Error, "$.advisor.questions[3].options", "options \"yes\" and \"no\"", ""),
        (with(r#""volume": {"type": "number""#, r#""volume": {"type": "float""#), Severity::Error, "$.advisor.catalogue.attributes.volume.type", "unknown value", "number"),
        // Warnings: the advisor still runs.
        (with(r#""attribute": "cabin_size", "op": "=""#, r#""attribute": "cabin", "op": "=""#), Severity::Warning, "$.advisor.questions[0].options[0]", "unknown attribute \"cabin\"", "declared attributes"),
        (with(r#""show_if": {"question": "trip""#, r#""show_if": {"question": "laptop""#), Severity::Warning, "$.advisor.questions[3]", "not an earlier question (that would be a cycle)", "never shown"),
        (with(r#""show_if": {"question": "trip", "any_of": ["flight"]}"#, r#""show_if": {"question": "trip", "any_of": ["jet"]}"#), Severity::Warning, "$.advisor.questions[3]", "show_if names option \"jet\"", ""),
        (with(r#""label": "weich", "effects": [{"attribute": "material", "op": "in", "value": ["Nylon", "Canvas"]}]"#, r#""label": "weich""#), Severity::Warning, "$.advisor.questions[2].options[0]", "has no effects", ""),
        (with(r#""url": "/api/advisor/products?locale={language}&currency={currency}""#, r#""url": "/api/advisor/products?l={lang}""#), Severity::Error, "$.advisor.catalogue.source.url", "unknown placeholder {lang}", ""),
    ] {
        let got = problems(&text);
        assert_eq!(got.len(), 1, "{text}\n→ {got:#?}");
        let (s, p, m, h) = &got[0];
        assert_eq!((s, p.as_str()), (&sev, path), "{m}");
        assert!(m.contains(message), "message {m:?} lacks {message:?}");
        assert!(h.contains(hint), "hint {h:?} lacks {hint:?}");
        // A broken advisor section disables the advisor only.
        let loaded = load_str(&text);
        let config = loaded.config.expect("global settings still fine");
        assert_eq!(config.advisor.get().is_some(), sev == Severity::Warning, "{path}");
    }
}
