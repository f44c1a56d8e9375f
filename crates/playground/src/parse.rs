//! A strict JSON parser (RFC 8259) that fills the config crate's [`Json`] tree and records
//! where each value is, so that a problem's JSON path can be shown at its place in the text.
//!
//! Why not `JSON.parse`: its error messages differ between browsers and name at most an
//! offset, and it says nothing about where a valid value is. Why not serde_json: it would be
//! most of this module's wasm, and positions of values would still need a second pass.
//! Numbers are converted without Rust's float parser (`str::parse::<f64>` adds ~10 KB of
//! wasm): exact for every integer below 2^53 and for decimals such as `49.9` (one correctly
//! rounded division), which is all a config holds.

use schaufenster_config::decode::{path_string, Seg};
use schaufenster_config::json::Json;

/// Deeper nesting is refused rather than risking the stack (a config needs about 8 levels).
const MAX_DEPTH: usize = 128;

/// Where a value is: its JSON path (as the validator writes it) and its byte range. For an
/// object member the range starts at the key; for an object or array it ends after the
/// opening bracket (selecting a whole section would hide the place).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// `$.shipping_bar.tiers[0]`, written by [`path_string`].
    pub path: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A key that appears twice in one object. Like `JSON.parse` (and so like the widgets), the
/// last value wins, at the place of the first.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// The path of the key and where its second occurrence is.
    pub span: Span,
}

/// Valid JSON text: the value, where each value is, and the repeated keys.
#[derive(Debug)]
pub struct Parsed {
    /// The value.
    pub root: Json,
    /// Every value in document order.
    pub spans: Vec<Span>,
    /// Keys given twice in the same object.
    pub duplicates: Vec<Duplicate>,
}

/// Why the text is not JSON, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// Byte offset of the offending character (the text's length at the end).
    pub offset: usize,
    /// What was found there: a character as JSON text, or `end of text`.
    pub found: String,
    /// What is wrong.
    pub message: &'static str,
    /// How to fix it (may be empty).
    pub hint: &'static str,
}

/// Parses `text` as one JSON value.
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let mut p = Parser { text, bytes: text.as_bytes(), pos: 0, path: Vec::new(), spans: Vec::new(), duplicates: Vec::new() };
    p.ws();
    let root = p.value(None, 0)?;
    p.ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("unexpected text after the end of the JSON value", "The file must hold exactly one object: remove what follows its closing }."));
    }
    Ok(Parsed { root, spans: p.spans, duplicates: p.duplicates })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    path: Vec<Seg>,
    spans: Vec<Span>,
    duplicates: Vec<Duplicate>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn error(&self, message: &'static str, hint: &'static str) -> SyntaxError {
        self.error_at(self.pos, message, hint)
    }

    fn error_at(&self, offset: usize, message: &'static str, hint: &'static str) -> SyntaxError {
        let found = match self.text.get(offset..).and_then(|rest| rest.chars().next()) {
            None => "end of text".to_owned(),
            Some(c) => Json::String(c.to_string()).to_json_string(),
        };
        // Common slips get a more specific hint than the grammar's.
        let hint = match self.bytes.get(offset) {
            Some(b'\'') => "JSON strings and keys use double quotes (\"…\"), not single quotes.",
            Some(b'/') => "JSON has no comments: remove them.",
            _ => hint,
        };
        SyntaxError { offset, found, message, hint }
    }

    /// One value; `key_start` is where its key began when it is an object member.
    fn value(&mut self, key_start: Option<usize>, depth: usize) -> Result<Json, SyntaxError> {
        let start = self.pos;
        let span_start = key_start.unwrap_or(start);
        let record = |p: &mut Self, end: usize| {
            let span = Span { path: path_string(&p.path), start: span_start, end };
            p.spans.push(span);
        };
        match self.peek() {
            Some(open @ (b'{' | b'[')) => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("the value is nested too deeply", "A config needs only a few levels of objects and arrays."));
                }
                record(self, start + 1);
                self.pos += 1;
                if open == b'{' {
                    self.object(depth + 1)
                } else {
                    self.array(depth + 1)
                }
            }
            Some(b'"') => {
                let s = self.string()?;
                record(self, self.pos);
                Ok(Json::String(s))
            }
            Some(b'-' | b'0'..=b'9') => {
                let n = self.number()?;
                record(self, self.pos);
                Ok(Json::Number(n))
            }
            Some(b't' | b'f' | b'n') => {
                let (word, v) = match self.bytes[self.pos] {
                    b't' => ("true", Json::Bool(true)),
                    b'f' => ("false", Json::Bool(false)),
                    _ => ("null", Json::Null),
                };
                if !self.bytes[self.pos..].starts_with(word.as_bytes()) {
                    return Err(self.error("expected a value", "Strings need double quotes; the literals are true, false and null (lower case)."));
                }
                self.pos += word.len();
                record(self, self.pos);
                Ok(v)
            }
            None => Err(self.error("expected a value, found the end of the text", "Something is cut off here: close every { and [ that is open.")),
            Some(_) => Err(self.error("expected a value", "A value is an object {…}, an array […], a string in double quotes, a number, true, false or null.")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        let mut members: Vec<(String, Json)> = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            let key_start = self.pos;
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !members.is_empty() => {
                    return Err(self.error("a comma before } is not allowed in JSON", "Remove the comma after the last member."));
                }
                _ => return Err(self.error("expected a key in double quotes", "Each member of an object is \"key\": value.")),
            }
            let key = self.string()?;
            let key_end = self.pos;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected : after the key", "Each member of an object is \"key\": value."));
            }
            self.pos += 1;
            self.ws();
            self.path.push(Seg::Key(key.clone()));
            let value = self.value(Some(key_start), depth);
            if value.is_ok() && members.iter().any(|(k, _)| *k == key) {
                self.duplicates.push(Duplicate { span: Span { path: path_string(&self.path), start: key_start, end: key_end } });
            }
            self.path.pop();
            let value = value?;
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value,
                None => members.push((key, value)),
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                Some(b'"') => return Err(self.error("expected , or } after a member", "A comma is missing between two members.")),
                _ => return Err(self.error("expected , or } after a member", "Separate members with commas and close the object with }.")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            if self.peek() == Some(b']') && !items.is_empty() {
                return Err(self.error("a comma before ] is not allowed in JSON", "Remove the comma after the last item."));
            }
            self.path.push(Seg::Index(items.len()));
            let item = self.value(None, depth);
            self.path.pop();
            items.push(item?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected , or ] after an item", "Separate items with commas and close the array with ].")),
            }
        }
    }

    /// A string starting at the opening quote; leaves `pos` after the closing one.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error("the string is not closed", "Add the closing double quote.")),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.pos]);
                    let at = self.pos;
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4(at)?;
                            let c = if (0xD800..0xDC00).contains(&hi) && self.bytes[self.pos..].starts_with(b"\\u") {
                                let back = self.pos;
                                self.pos += 2;
                                let lo = self.hex4(at)?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    self.pos = back;
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate (which JSON.parse keeps) has no place in Rust text.
                            out.push(c.unwrap_or('\u{fffd}'));
                            run = self.pos;
                            continue;
                        }
                        _ => return Err(self.error_at(at, "unknown escape in a string", "The escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\.")),
                    };
                    out.push(c);
                    self.pos += 1;
                    run = self.pos;
                }
                Some(b) if b < 0x20 => {
                    return Err(self.error("a control character (such as a line break) inside a string", "Strings stay on one line: write a line break as \\n, a tab as \\t. Or a closing quote is missing."));
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u32, SyntaxError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            return Err(self.error_at(escape_at, "\\u must be followed by four hex digits", "For example \\u00e4 for ä."));
        };
        let v = digits.iter().fold(0u32, |acc, d| acc * 16 + (*d as char).to_digit(16).unwrap_or(0));
        self.pos += 4;
        Ok(v)
    }

    fn number(&mut self) -> Result<f64, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        // Up to 19 significant digits in `mantissa`, the rest only shift the exponent.
        let mut mantissa: u64 = 0;
        let mut digits = 0u32;
        let mut exp10: i64 = 0;
        let mut take = |p: &mut Self, fraction: bool| -> usize {
            let from = p.pos;
            while let Some(d @ b'0'..=b'9') = p.peek() {
                if digits < 19 {
                    if mantissa != 0 || d != b'0' {
                        digits += 1;
                    }
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    if fraction {
                        exp10 -= 1;
                    }
                } else if !fraction {
                    exp10 += 1;
                }
                p.pos += 1;
            }
            p.pos - from
        };
        let int_start = self.pos;
        let int_digits = take(self, false);
        if int_digits == 0 {
            return Err(self.error("expected a digit", "A number is written like 5000, -3 or 49.9."));
        }
        if int_digits > 1 && self.bytes[int_start] == b'0' {
            return Err(self.error_at(int_start, "a number cannot start with 0", "Remove the leading zeros (write 7, not 07)."));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if take(self, true) == 0 {
                return Err(self.error("expected a digit after the decimal point", "Write 49.0 or 49, not 49."));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let from = self.pos;
            let mut e: i64 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                e = (e * 10 + i64::from(d - b'0')).min(100_000);
                self.pos += 1;
            }
            if self.pos == from {
                return Err(self.error("expected a digit in the exponent", "Write 1e3, 1E-2 or similar."));
            }
            exp10 += sign * e;
        }
        if let Some(b'.' | b'a'..=b'z' | b'A'..=b'Z' | b'_') = self.peek() {
            return Err(self.error("unexpected character in a number", "Numbers use a decimal point and no units; put text in double quotes."));
        }
        let n = scale(mantissa as f64, exp10);
        Ok(if negative { -n } else { n })
    }
}

/// `m · 10^e` with the exact powers of ten (up to 1e22): one correctly rounded operation for
/// every number a config holds; others are close.
fn scale(mut m: f64, mut e: i64) -> f64 {
    const POW10: [f64; 23] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
    if m == 0.0 {
        return 0.0;
    }
    while e > 22 {
        m *= 1e22;
        e -= 22;
        if m.is_infinite() {
            return m;
        }
    }
    while e < -22 {
        m /= 1e22;
        e += 22;
        if m == 0.0 {
            return m;
        }
    }
    if e >= 0 {
        m * POW10[e as usize]
    } else {
        m / POW10[(-e) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        parse(text).expect_err(text)
    }

    #[test]
    fn parses_values_like_json_parse() {
        let p = parse(" {\"a\": [1, -2.5, 1e3, 0.1, true, false, null], \"b\": \"x\\n\\u00e4\\ud83d\\ude00\\/\", \"c\": {}} ").unwrap();
        let want = Json::Object(vec![
            ("a".into(), Json::Array(vec![Json::Number(1.0), Json::Number(-2.5), Json::Number(1000.0), Json::Number(0.1), Json::Bool(true), Json::Bool(false), Json::Null])),
            ("b".into(), Json::String("x\nä😀/".into())),
            ("c".into(), Json::Object(vec![])),
        ]);
        assert_eq!(p.root, want);
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn numbers_are_exact_where_it_matters() {
        for (text, want) in [("49.9", 49.9), ("0.05", 0.05), ("5000", 5000.0), ("9007199254740991", 9_007_199_254_740_991.0), ("-0", 0.0), ("1.5e2", 150.0), ("12.34E-1", 1.234), ("0.1e1", 1.0), ("1e400", f64::INFINITY), ("1e-400", 0.0), ("123456789012345678901234", 1.2345678901234568e23)] {
            let Json::Number(n) = parse(text).unwrap().root else { panic!("{text}") };
            assert!(n == want || (n - want).abs() <= want.abs() * 1e-15, "{text}: {n} != {want}");
        }
    }

    #[test]
    fn spans_name_each_value_by_its_validator_path() {
        let text = "{\n  \"currency\": \"EUR\",\n  \"a b\": [ {\"x\": 1} ]\n}";
        let p = parse(text).unwrap();
        let spans: Vec<(&str, &str)> = p.spans.iter().map(|s| (s.path.as_str(), &text[s.start..s.end])).collect();
        assert_eq!(spans, [("$", "{"), ("$.currency", "\"currency\": \"EUR\""), ("$[\"a b\"]", "\"a b\": ["), ("$[\"a b\"][0]", "{"), ("$[\"a b\"][0].x", "\"x\": 1")]);
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_at_the_first_place() {
        let p = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        assert_eq!(p.root, Json::Object(vec![("a".into(), Json::Number(3.0)), ("b".into(), Json::Number(2.0))]));
        assert_eq!(p.duplicates, [Duplicate { span: Span { path: "$.a".into(), start: 17, end: 20 } }]);
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        for (text, offset, message) in [
            ("", 0, "expected a value, found the end of the text"),
            ("{\"a\": 1,}", 8, "a comma before } is not allowed in JSON"),
            ("[1,]", 3, "a comma before ] is not allowed in JSON"),
            ("{\"a\": 1 \"b\": 2}", 8, "expected , or } after a member"),
            ("{a: 1}", 1, "expected a key in double quotes"),
            ("{\"a\" 1}", 5, "expected : after the key"),
            ("{\"a\": 'x'}", 6, "expected a value"),
            ("{\"a\": \"x}", 9, "the string is not closed"),
            ("{\"a\": \"x\ny\"}", 8, "a control character (such as a line break) inside a string"),
            ("{\"a\": \"\\x\"}", 7, "unknown escape in a string"),
            ("{\"a\": \"\\u12\"}", 7, "\\u must be followed by four hex digits"),
            ("{\"a\": 07}", 6, "a number cannot start with 0"),
            ("{\"a\": 1.}", 8, "expected a digit after the decimal point"),
            ("{\"a\": 5px}", 7, "unexpected character in a number"),
            ("{\"a\": -}", 7, "expected a digit"),
            ("{\"a\": True}", 6, "expected a value"),
            ("{} x", 3, "unexpected text after the end of the JSON value"),
            ("[1 2]", 3, "expected , or ] after an item"),
        ] {
            let e = err(text);
            assert_eq!((e.offset, e.message), (offset, message), "{text:?}");
        }
        assert_eq!(err("{\"a\": 'x'}").hint, "JSON strings and keys use double quotes (\"…\"), not single quotes.");
        assert_eq!(err("{// note\n}").hint, "JSON has no comments: remove them.");
        assert_eq!(err("{\"a\": 1 \"b\": 2}").found, "\"\\\"\"");
        assert_eq!(err("{\"a\": 1").found, "end of text");
    }

    /// Every text the parser accepts, serde_json accepts with the same value, and the other way
    /// round: the demo config, and a small one with every kind of value with one character
    /// deleted, doubled or replaced at every place.
    #[test]
    fn agrees_with_serde_json_on_mutated_configs() {
        let small = r#"{"a": [1, -2.5, 0, 1e3, 3E-2, {}, [], true, false, null], "b\"": "x\u00e4\n\\/", "c": {"d": [{"e": -0.125}]}, "f": "ä😀"}"#;
        let chars: Vec<char> = small.chars().collect();
        let mut texts = vec![include_str!("../../../www/schaufenster.json").to_owned(), small.to_owned()];
        for i in 0..chars.len() {
            let at = |f: &dyn Fn(&mut Vec<char>)| {
                let mut c = chars.clone();
                f(&mut c);
                c.into_iter().collect::<String>()
            };
            texts.push(at(&|c| {
                c.remove(i);
            }));
            texts.push(at(&|c| c.insert(i, c[i])));
            for r in ['"', ',', ':', '}', ']', '{', '\\', '0', '.', '-', 'e', 'u', '\n', ' '] {
                texts.push(at(&|c| c[i] = r));
            }
        }
        let (mut ok, mut bad) = (0, 0);
        for text in &texts {
            let ours = parse(text);
            let theirs = schaufenster_config::json::parse(text);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => {
                    // serde_json (without preserve_order) sorts keys.
                    assert_eq!(sorted(&a.root), sorted(b), "same value for {text:?}");
                    ok += 1;
                }
                (Err(_), Err(_)) => bad += 1,
                _ => panic!("ours {:?}, serde_json {:?} for {text:?}", ours.map(|_| ()), theirs.map(|_| ())),
            }
        }
        assert!(ok > 300 && bad > 1000, "{ok} valid, {bad} invalid");
    }

    fn sorted(v: &Json) -> Json {
        match v {
            Json::Object(m) => {
                let mut m: Vec<(String, Json)> = m.iter().map(|(k, v)| (k.clone(), sorted(v))).collect();
                m.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(m)
            }
            Json::Array(a) => Json::Array(a.iter().map(sorted).collect()),
            v => v.clone(),
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert_eq!(err(&text).message, "the value is nested too deeply");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }
}
