//! The config validator of the playground page (`www/playground.html`), as wasm.
//!
//! `check(text, lang)` parses `schaufenster.json` text with [`parse`] (syntax errors with line
//! and column) and runs [`schaufenster_config::load`], the validation the widgets run, returning
//! every problem as `{path, found, message, hint, severity, line, column, from, to, syntax}`:
//! `severity` is `"error"` or `"warning"`; `line`/`column` (1-based, columns in characters)
//! and `from`/`to` (UTF-16 offsets, for a textarea's selection) say where the value at `path`
//! is, or its nearest enclosing value when it is missing; `syntax` is true for the one problem
//! of text that is not JSON (its `path` is then `""`). With `lang` `"de"` the `message` and
//! `hint` are German ([`german`]: the validator's English templates matched by pattern; a text
//! no pattern matches stays English), with any other `lang` English as the validator wrote them;
//! `path` and `found` are never translated.
//!
//! Only that page loads this module; the widget package does not contain it. It carries no
//! JSON library: the text is parsed here (positions are needed anyway) and the result goes
//! to JS as JSON text through the browser's `JSON.parse`.
#![deny(missing_docs)]

mod german;
mod parse;

pub use german::Lang;

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
/// config is fine; messages and hints in German for `lang` `"de"`, else in English.
#[wasm_bindgen]
pub fn check(text: &str, lang: &str) -> JsValue {
    json_parse(&to_json(&check_text_in(text, Lang::from_code(lang))).to_json_string())
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
    check_text_in(text, Lang::En)
}

/// [`check_text`] with the messages and hints in `lang`.
pub fn check_text_in(text: &str, lang: Lang) -> Vec<Report> {
    let mut out = problems(text);
    for r in &mut out {
        r.message = lang.text(std::mem::take(&mut r.message));
        r.hint = lang.text(std::mem::take(&mut r.hint));
    }
    out
}

/// The problems in English, as the validator and the parser write them.
fn problems(text: &str) -> Vec<Report> {
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
    spans.iter().filter(|s| encloses(s)).max_by_key(|s| s.path.len()).map_or((0, 0), |s| (s.start, s.end))
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

    /// The cases of tests/broken-configs.txt: (name, config text).
    fn corpus() -> Vec<(&'static str, &'static str)> {
        let text = include_str!("../tests/broken-configs.txt");
        let mut cases = Vec::new();
        for chunk in text.split("\n=== ").skip(1) {
            let (name, body) = chunk.split_once('\n').unwrap_or((chunk, ""));
            cases.push((name, body));
        }
        cases
    }

    /// English words of the templates: none may be left in a German text outside the parts
    /// copied from the config and the quoted or braced config syntax.
    const ENGLISH: &[&str] = &[
        "the",
        "a",
        "is",
        "are",
        "not",
        "of",
        "to",
        "and",
        "or",
        "with",
        "for",
        "must",
        "found",
        "expected",
        "add",
        "use",
        "write",
        "remove",
        "unknown",
        "did",
        "you",
        "mean",
        "has",
        "no",
        "needs",
        "only",
        "this",
        "that",
        "keep",
        "give",
        "every",
        "cannot",
        "from",
        "here",
        "one",
        "least",
        "which",
        "does",
        "be",
        "key",
        "keys",
        "value",
        "values",
        "known",
        "available",
        "such",
        "as",
        "missing",
        "number",
        "numbers",
        "string",
        "object",
        "whole",
        "minor",
        "units",
        "amount",
        "amounts",
        "means",
        "tier",
        "tiers",
        "threshold",
        "thresholds",
        "question",
        "needs",
        "set",
        "neither",
        "nor",
        "both",
        "placeholder",
        "message",
        "twice",
        "listed",
        "duplicate",
        "second",
        "currency",
        "country",
        "fields",
        "field",
        "comma",
        "item",
        "member",
        "digit",
        "after",
        "before",
        "allowed",
        "closed",
        "character",
        "end",
        "never",
        "still",
        "runs",
        "fix",
        "what",
        "says",
        "e",
        "g",
        "language",
        "language",
        "slash",
        "start",
        "starts",
        "empty",
        "valid",
        "plain",
        "usable",
        "capitals",
        "refresh",
        "every",
        "shorter",
        "than",
        "too",
        "large",
        "negative",
        "range",
        "out",
        "programme",
        "numbers",
        "come",
        "point",
        "your",
    ];

    /// Config syntax that stays English inside German texts.
    const CODE: &[&str] = &["url", "inline", "json", "true", "false", "null", "max", "min", "type", "range", "number", "text", "tags", "show_if", "yes_no", "effects", "s"];

    /// The words of a German text outside quotes, braces and the parts copied unchanged.
    fn plain_words(de: &str, copied: &[String]) -> Vec<String> {
        // Longest first (a key that is also in a copied list), and only as whole words.
        let mut copied: Vec<&String> = copied.iter().filter(|c| !c.is_empty()).collect();
        copied.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut text = de.to_owned();
        for c in copied {
            let word = |c: char| c.is_alphanumeric() || c == '_';
            let mut from = 0;
            while let Some(at) = text[from..].find(c.as_str()).map(|i| i + from) {
                let end = at + c.len();
                if text[..at].chars().next_back().is_some_and(word) || text[end..].chars().next().is_some_and(word) {
                    from = end;
                    continue;
                }
                text.replace_range(at..end, " ");
                from = at + 1;
            }
        }
        let mut out = String::new();
        let (mut quoted, mut braces) = (false, 0usize);
        for c in text.chars() {
            match c {
                '"' => quoted = !quoted,
                '{' | '[' => braces += 1,
                '}' | ']' => braces = braces.saturating_sub(1),
                _ if !quoted && braces == 0 => out.push(c),
                _ => {}
            }
        }
        out.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    }

    /// The German page gets every message and hint in German, the English page the validator's
    /// own text; together the corpus needs every rule of the table.
    #[test]
    fn every_problem_text_of_the_corpus_is_german_on_the_german_page() {
        let mut used = vec![false; german::RULES.len()];
        let (mut texts, mut english) = (0, Vec::new());
        for (name, text) in corpus() {
            let raw = problems(text);
            assert!(!raw.is_empty(), "{name}: no problem");
            let en = check_text_in(text, Lang::En);
            let de = check_text_in(text, Lang::De);
            assert_eq!(en, raw, "{name}: the English page shows the texts as written");
            assert_eq!(check(&raw), check(&de), "{name}: only messages and hints change");
            for (r, d) in raw.iter().zip(&de) {
                for (en, de) in [(&r.message, &d.message), (&r.hint, &d.hint)] {
                    assert!(!en.is_empty(), "{name}: {r:?}");
                    texts += 1;
                    let mut copied = Vec::new();
                    let german = german::translate(german::RULES, en, 0, &mut |u| match u {
                        german::Used::Rule(i) => used[i] = true,
                        german::Used::Copied(c) => copied.push(c.to_owned()),
                    });
                    assert_eq!(german.as_ref(), Some(de), "{name}: no rule for {en:?}");
                    assert_ne!(en, de, "{name}");
                    for w in plain_words(de, &copied) {
                        if ENGLISH.contains(&w.as_str()) && !CODE.contains(&w.as_str()) {
                            english.push(format!("{name}: English {w:?} in {de:?} (from {en:?})"));
                        }
                    }
                }
            }
        }
        assert!(english.is_empty(), "{english:#?}");
        let unused: Vec<&str> = german::RULES.iter().zip(&used).filter(|(_, u)| !**u).map(|((en, _), _)| *en).collect();
        assert!(unused.is_empty(), "rules no case of tests/broken-configs.txt needs: {unused:#?}");
        assert!(texts > 200, "{texts}");

        /// Everything but the texts.
        fn check(r: &[Report]) -> Vec<Report> {
            r.iter().map(|r| Report { message: String::new(), hint: String::new(), ..r.clone() }).collect()
        }
    }

    #[test]
    fn a_typical_mistake_in_both_languages() {
        let text = DEMO.replacen("\"amount\": 5000", "\"amount\": \"50,00\"", 1);
        let en = check_text_in(&text, Lang::En);
        let de = check_text_in(&text, Lang::De);
        assert_eq!((en.len(), en[0].path.as_str(), en[0].found.as_str()), (1, "$.shipping_bar.tiers[0].thresholds[0].amount", "\"50,00\""));
        assert_eq!(en[0].message, "expected a number, found a string");
        assert_eq!(en[0].hint, "amounts are whole numbers of minor units (cents): 4900 means 49,00 €; did you mean 5000?");
        assert_eq!(de[0].message, "Erwartet wird eine Zahl, gefunden wurde ein Text");
        assert_eq!(de[0].hint, "Beträge sind ganze Zahlen in der kleinsten Währungseinheit (Cent): 4900 bedeutet 49,00 €; meintest du 5000?");
        assert_eq!((de[0].path.as_str(), de[0].found.as_str()), (en[0].path.as_str(), en[0].found.as_str()));
    }

    #[test]
    fn reports_as_json() {
        let text = to_json(&check_text("{\"currency\": 5}")).to_json_string();
        assert!(text.starts_with(r#"[{"path":"$.currency","found":"5","message":"#), "{text}");
        assert!(text.ends_with(r#""severity":"error","syntax":false,"line":1,"column":2,"from":1,"to":14}]"#), "{text}");
    }
}
