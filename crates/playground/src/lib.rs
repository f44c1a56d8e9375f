//! The config validator of the playground page (`www/playground.html`), as wasm.
//!
//! `check(text)` parses `schaufenster.json` text with [`parse`] (syntax errors with line and
//! column) and runs [`schaufenster_config::load`], the validation the widgets run, returning
//! every problem as `{path, found, message, hint, severity, line, column, from, to, syntax}`:
//! `severity` is `"error"` or `"warning"`; `line`/`column` (1-based, columns in characters)
//! and `from`/`to` (UTF-16 offsets, for a textarea's selection) say where the value at `path`
//! is, or its nearest enclosing value when it is missing; `syntax` is true for the one problem
//! of text that is not JSON (its `path` is then `""`).
//!
//! Only that page loads this module; the widget package does not contain it. It carries no
//! JSON library: the text is parsed here (positions are needed anyway) and the result goes
//! to JS as JSON text through the browser's `JSON.parse`.
#![deny(missing_docs)]

mod parse;

use parse::{parse, Span};
use schaufenster_config::json::{s, Json};
use schaufenster_config::{load, Severity};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

/// Checks `schaufenster.json` text: an array of problems (see the crate docs), empty when the
/// config is fine.
#[wasm_bindgen]
pub fn check(text: &str) -> JsValue {
    json_parse(&to_json(&check_text(text)).to_json_string())
}

/// One problem as the playground shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The validator's JSON path (`$.shipping_bar.tiers[0]`); empty for a syntax error.
    pub path: String,
    /// The value found, as short JSON text, or `(missing)`.
    pub found: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// Error or warning.
    pub severity: Severity,
    /// Whether the text is not JSON at all.
    pub syntax: bool,
    /// 1-based line of the place in the text.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// Start of the place as a UTF-16 offset (a textarea's `selectionStart`).
    pub from: usize,
    /// End of the place as a UTF-16 offset.
    pub to: usize,
}

/// Every problem of the text: one syntax error, or the validator's problems (and keys given
/// twice in one object, which the validator cannot see) with their places.
pub fn check_text(text: &str) -> Vec<Report> {
    let parsed = match parse(text) {
        Ok(p) => p,
        Err(e) => {
            let end = e.offset + text[e.offset..].chars().next().map_or(0, char::len_utf8);
            return vec![report(text, String::new(), e.found, e.message.to_owned(), e.hint.to_owned(), Severity::Error, true, e.offset, end)];
        }
    };
    let loaded = load(&parsed.root);
    let mut out: Vec<Report> = loaded
        .problems
        .into_iter()
        .map(|p| {
            let (start, end) = place(&parsed.spans, &p.path);
            report(text, p.path, p.found, p.message, p.hint, p.severity, false, start, end)
        })
        .collect();
    for d in parsed.duplicates {
        let Span { path, start, end } = d.span;
        let found = text[start..end].to_owned();
        let message = "this key appears twice in the same object".to_owned();
        let hint = "Only the last value counts (as in every browser): remove or rename one of them.".to_owned();
        out.push(report(text, path, found, message, hint, Severity::Warning, false, start, end));
    }
    // In the order of the text (the validator reports unknown keys before the rest). An
    // insertion sort: a handful of problems, and 2.8 KB less wasm than the std sort.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].from > out[j].from {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    out
}

/// Where the value at `path` is: its own span, or that of the nearest enclosing value that
/// exists (a missing key is shown at its object).
fn place(spans: &[Span], path: &str) -> (usize, usize) {
    let encloses = |span: &Span| path.strip_prefix(span.path.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']));
    spans
        .iter()
        .filter(|s| encloses(s))
        .max_by_key(|s| s.path.len())
        .map_or((0, 0), |s| (s.start, s.end))
}

#[allow(clippy::too_many_arguments)]
fn report(text: &str, path: String, found: String, message: String, hint: String, severity: Severity, syntax: bool, start: usize, end: usize) -> Report {
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let utf16 = |s: &str| s.chars().map(char::len_utf16).sum::<usize>();
    Report {
        path,
        found,
        message,
        hint,
        severity,
        syntax,
        line: 1 + before.bytes().filter(|b| *b == b'\n').count(),
        column: 1 + before[line_start..].chars().count(),
        from: utf16(before),
        to: utf16(&text[..end]),
    }
}

fn to_json(reports: &[Report]) -> Json {
    let num = |n: usize| Json::Number(n as f64);
    Json::Array(
        reports
            .iter()
            .map(|r| {
                Json::Object(vec![
                    ("path".into(), s(&r.path)),
                    ("found".into(), s(&r.found)),
                    ("message".into(), s(&r.message)),
                    ("hint".into(), s(&r.hint)),
                    ("severity".into(), s(if r.severity == Severity::Error { "error" } else { "warning" })),
                    ("syntax".into(), Json::Bool(r.syntax)),
                    ("line".into(), num(r.line)),
                    ("column".into(), num(r.column)),
                    ("from".into(), num(r.from)),
                    ("to".into(), num(r.to)),
                ])
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../../www/schaufenster.json");

    fn brief(r: &Report) -> (&str, Severity, usize, usize) {
        (r.path.as_str(), r.severity, r.line, r.column)
    }

    #[test]
    fn the_demo_config_has_no_problem() {
        assert_eq!(check_text(DEMO), []);
    }

    #[test]
    fn validator_problems_come_with_their_paths_and_places() {
        let text = DEMO.replacen("\"currency\": \"EUR\"", "\"currency\": \"EURO\"", 1).replacen("\"max_badges\"", "\"max_badge\"", 1);
        let reports = check_text(&text);
        let currency_line = 1 + DEMO.lines().position(|l| l.contains("\"currency\": \"EUR\"")).unwrap();
        let badges_line = 1 + DEMO.lines().position(|l| l.contains("\"max_badges\"")).unwrap();
        let got: Vec<_> = reports.iter().map(brief).collect();
        assert_eq!(got, [("$.currency", Severity::Error, currency_line, 3), ("$.social_proof.max_badge", Severity::Error, badges_line, 5)], "{reports:#?}");
        let currency = &reports[0];
        assert_eq!(currency.found, "\"EURO\"");
        assert_eq!(&text[currency.from..currency.to], "\"currency\": \"EURO\"");
        assert!(reports[1].hint.starts_with("did you mean \"max_badges\"?"), "{:?}", reports[1].hint);
    }

    #[test]
    fn a_missing_value_is_shown_at_its_object() {
        let text = "{\n  \"shipping_bar\": {\n    \"tiers\": [{\"reward\": \"free_shipping\"}]\n  }\n}";
        let reports = check_text(text);
        assert!(!reports.is_empty());
        for r in &reports {
            assert!(r.path.starts_with("$.shipping_bar"), "{r:?}");
            assert!(r.line == 2 || r.line == 3, "{r:?}");
        }
        let missing = reports.iter().find(|r| r.found == "(missing)").expect("a missing field");
        assert!(missing.path.starts_with("$.shipping_bar.tiers[0]."), "{missing:?}");
        assert_eq!((missing.line, &text[missing.from..missing.to]), (3, "{"), "the tier's object");
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let text = "{\n  \"locale\": \"de-DE\",\n  \"currency\": \"EUR\",\n}";
        let reports = check_text(text);
        assert_eq!(reports.len(), 1);
        let r = &reports[0];
        assert!(r.syntax && r.path.is_empty());
        assert_eq!((r.line, r.column, r.severity), (4, 1, Severity::Error));
        assert_eq!(r.message, "a comma before } is not allowed in JSON");
        assert_eq!(&text[r.from..r.to], "}");
        // Columns count characters, offsets UTF-16 units.
        let r = &check_text("{\"a\": \"äö😀\" x}")[0];
        assert_eq!((r.line, r.column, r.from, r.to), (1, 13, 13, 14));
    }

    #[test]
    fn duplicate_keys_are_warned_about() {
        let text = "{\"currency\": \"EUR\", \"currency\": \"CHF\"}";
        let reports = check_text(text);
        let got: Vec<_> = reports.iter().map(|r| (r.path.as_str(), r.severity, r.from, r.to)).collect();
        assert_eq!(got, [("$.currency", Severity::Warning, 20, 30)]);
    }

    #[test]
    fn reports_as_json() {
        let text = to_json(&check_text("{\"currency\": 5}")).to_json_string();
        assert!(text.starts_with(r#"[{"path":"$.currency","found":"5","message":"#), "{text}");
        assert!(text.ends_with(r#""severity":"error","syntax":false,"line":1,"column":2,"from":1,"to":14}]"#), "{text}");
    }
}
