//! A small JSON value tree and RFC 6901 JSON pointers.
//!
//! The wasm build fills it from the browser's `JSON.parse`, native code from serde_json, so this
//! crate carries no JSON parser of its own into the bundle.

/// A JSON value. Objects keep their keys in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// Any number (JSON numbers are doubles in browsers too).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in document order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        // The decoder's member lookup: one body for both.
        match self {
            Json::Object(members) => crate::decode::find_member(members, key),
            _ => None,
        }
    }

    /// Resolves an RFC 6901 pointer such as `/items/0/price` (`~1` is `/`, `~0` is `~`).
    /// The empty pointer is the value itself.
    ///
    /// ```
    /// use schaufenster_config::json::Json;
    /// let v = Json::Object(vec![("a/b".into(), Json::Array(vec![Json::Number(7.0)]))]);
    /// assert_eq!(v.pointer("/a~1b/0"), Some(&Json::Number(7.0)));
    /// assert_eq!(v.pointer("/a~1b/1"), None);
    /// ```
    pub fn pointer(&self, pointer: &str) -> Option<&Json> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix("/")?;
        let mut v = self;
        for token in schaufenster_core::template::pieces(rest, b'/') {
            let token = unescape(token);
            v = match v {
                Json::Object(_) => v.get(&token)?,
                Json::Array(items) => {
                    if token.len() > 1 && token.starts_with('0') {
                        return None;
                    }
                    items.get(schaufenster_core::num::parse_usize(&token)?)?
                }
                _ => return None,
            };
        }
        Some(v)
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// A whole number that fits `i64` exactly (no fraction, within ±2^53).
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 => Some(*n as i64),
            _ => None,
        }
    }

    /// The kind of value, as a shop owner would call it.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// Compact JSON text.
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// JSON text indented by two spaces, with a final newline (for committed files).
    pub fn to_pretty_string(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out.push('\n');
        out
    }

    // Two writers rather than one with an indent option: the wasm only links the compact one.
    fn write(&self, out: &mut String) {
        match self {
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
            scalar => scalar.write_scalar(out),
        }
    }

    fn write_pretty(&self, out: &mut String, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', 2 * depth));
        };
        match self {
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write_pretty(out, depth + 1);
                }
                if !items.is_empty() {
                    newline(out, depth);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    write_string(out, k);
                    out.push_str(": ");
                    v.write_pretty(out, depth + 1);
                }
                if !members.is_empty() {
                    newline(out, depth);
                }
                out.push('}');
            }
            scalar => scalar.write_scalar(out),
        }
    }

    fn write_scalar(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => write_number(out, *n),
            Json::String(s) => write_string(out, s),
            Json::Array(_) | Json::Object(_) => {}
        }
    }
}

/// Writes a number without Rust's float formatting machinery, which would add ~15 KB to the
/// wasm: integers exactly, fractions to six decimals (enough for prices and messages).
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
    } else if n.abs() >= 1e15 {
        // Only error messages print numbers this large; say so rather than print digits wrongly.
        out.push_str(if n < 0.0 { "-1e15" } else { "1e15" });
        out.push('+');
    } else if n.fract() == 0.0 {
        out.push_str(&(n as i64).to_string());
    } else {
        if n < 0.0 {
            out.push('-');
        }
        let scaled = (n.abs() * 1e6).round() as u64;
        out.push_str(&(scaled / 1_000_000).to_string());
        // Six decimals, leading zeros kept and trailing ones left out.
        let mut rest = scaled % 1_000_000;
        if rest != 0 {
            out.push('.');
            let mut d = 100_000;
            while rest != 0 {
                out.push((b'0' + (rest / d) as u8) as char);
                rest %= d;
                d /= 10;
            }
        }
    }
}

pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // "\u00XX" with lower-case hex digits, without hex formatting.
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(if c as u32 >= 0x10 { '1' } else { '0' });
                out.push(b"0123456789abcdef"[(c as u32 & 15) as usize] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An RFC 6901 reference token unescaped: "~1" is "/", "~0" is "~" (the same as replacing
/// "~1" and then "~0", without a substring searcher).
fn unescape(token: &str) -> String {
    let mut parts = schaufenster_core::template::pieces(token, b'~');
    let mut out = String::from(parts.next().unwrap_or(""));
    for part in parts {
        match part.as_bytes().first() {
            Some(b'1') => {
                out.push('/');
                out.push_str(&part[1..]);
            }
            Some(b'0') => {
                out.push('~');
                out.push_str(&part[1..]);
            }
            _ => {
                out.push('~');
                out.push_str(part);
            }
        }
    }
    out
}

/// Builds an object from `(key, value)` pairs; keeps schema code short.
pub fn obj<const N: usize>(members: [(&str, Json); N]) -> Json {
    // Only the move into a Vec is generic; the key copies are one body for every N.
    obj_from(Vec::from(members))
}

#[inline(never)]
fn obj_from(members: Vec<(&str, Json)>) -> Json {
    Json::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A JSON string value.
pub fn s(text: &str) -> Json {
    Json::String(text.to_owned())
}

#[cfg(feature = "serde_json")]
impl From<&serde_json::Value> for Json {
    fn from(v: &serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(*b),
            V::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            V::String(s) => Json::String(s.clone()),
            V::Array(a) => Json::Array(a.iter().map(Json::from).collect()),
            V::Object(o) => Json::Object(o.iter().map(|(k, v)| (k.clone(), Json::from(v))).collect()),
        }
    }
}

/// Parses JSON text natively; the error names line and column.
#[cfg(feature = "serde_json")]
pub fn parse(text: &str) -> Result<Json, String> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| Json::from(&v))
        .map_err(|e| format!("not valid JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers() {
        let v = obj([("items", Json::Array(vec![obj([("price", Json::Number(1990.0))])])), ("~k", Json::Bool(true)), ("", Json::Null)]);
        for (p, want) in [
            ("", Some(v.clone())),
            ("/items/0/price", Some(Json::Number(1990.0))),
            ("/items/00/price", None),
            ("/items/1", None),
            ("/items/-", None),
            ("/~0k", Some(Json::Bool(true))),
            ("/", Some(Json::Null)),
            ("items", None),
            ("/items/0/price/x", None),
        ] {
            assert_eq!(v.pointer(p).cloned(), want, "{p:?}");
        }
    }

    #[test]
    fn pointer_tokens_unescape_like_two_replaces() {
        let mut all = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = all.iter().flat_map(|t| ["~", "0", "1", "ä"].map(|c| format!("{t}{c}"))).collect();
            all.extend(longer);
        }
        for t in all.iter().map(String::as_str).chain(["a~1b~0c", "~2", "~0~1~"]) {
            assert_eq!(unescape(t), t.replace("~1", "/").replace("~0", "~"), "{t:?}");
        }
    }

    #[test]
    fn writes_json() {
        let v = obj([("a", Json::Array(vec![Json::Number(1.0), Json::Number(1.5), Json::Null])), ("s", s("q\"\n\u{1}ü"))]);
        assert_eq!(v.to_json_string(), r#"{"a":[1,1.5,null],"s":"q\"\n\u0001ü"}"#);
        assert_eq!(obj([("a", Json::Array(vec![]))]).to_pretty_string(), "{\n  \"a\": []\n}\n");
        for (n, text) in [(49.9, "49.9"), (-0.05, "-0.05"), (0.1 + 0.2, "0.3"), (1e20, "1e15+"), (f64::NAN, "null"), (-3.0, "-3"), (1.0 / 3.0, "0.333333")] {
            assert_eq!(Json::Number(n).to_json_string(), text, "{n}");
        }
    }

    #[test]
    fn integers() {
        assert_eq!(Json::Number(5.0).as_i64(), Some(5));
        assert_eq!(Json::Number(5.5).as_i64(), None);
        assert_eq!(Json::Number(1e300).as_i64(), None);
        assert_eq!(s("5").as_i64(), None);
    }
}
