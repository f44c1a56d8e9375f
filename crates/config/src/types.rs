//! Validated scalar types of the config: currency, country, locale, URL, JSON pointer, id,
//! amount, CSS value.

use crate::decode::{found, Ctx, Decode};
use crate::json::{obj, s, Json};
use schaufenster_core::Currency;

fn string<'a>(v: &'a Json, cx: &mut Ctx, hint: &str) -> Option<&'a str> {
    match v {
        Json::String(t) => Some(t),
        _ => {
            cx.wrong_type(v, "a string", hint);
            None
        }
    }
}

impl Decode for Currency {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "an ISO 4217 code such as \"EUR\" or \"CHF\"")?;
        let parsed = Currency::parse(text);
        if let Some(c) = parsed.filter(|_| text.len() == 3 && text.bytes().all(|c| c.is_ascii_uppercase())) {
            return Some(c);
        }
        let hint = match parsed {
            Some(c) => format!("write it in capitals: \"{}\"", c.code()),
            None => {
                let mut codes = Vec::new();
                for c in Currency::all_codes() {
                    codes.push(c);
                }
                crate::decode::suggestion(crate::decode::closest(&text.to_ascii_uppercase(), &codes), false, "Use", "use", " an ISO 4217 code such as \"EUR\" or \"CHF\"")
            }
        };
        cx.error(found(v), &format!("unknown currency code \"{text}\""), &hint);
        None
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("enum", Json::Array(Currency::all_codes().map(s).collect())), ("description", s("ISO 4217 currency code."))])
    }
}

/// An ISO 3166-1 alpha-2 country code in capitals ("DE", "AT", "CH").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country(pub String);

impl Decode for Country {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "a two-letter country code such as \"DE\"")?;
        if text.len() == 2 && text.bytes().all(|c| c.is_ascii_uppercase()) {
            Some(Country(text.to_owned()))
        } else {
            let hint = if text.len() == 2 && text.bytes().all(|c| c.is_ascii_alphabetic()) {
                format!("write it in capitals: \"{}\"", text.to_ascii_uppercase())
            } else {
                "use an ISO 3166-1 alpha-2 code such as \"DE\", \"AT\" or \"CH\"".into()
            };
            cx.error(found(v), "not a two-letter country code", &hint);
            None
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^[A-Z]{2}$")), ("description", s("ISO 3166-1 alpha-2 country code."))])
    }
}

/// A BCP 47 locale such as "de-DE", "de-CH" or "en".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale(pub String);

impl Locale {
    /// The language part ("de" of "de-CH").
    pub fn language(&self) -> &str {
        language_of(&self.0)
    }
}

/// The language part of a tag ("de" of "de-CH"; the whole tag without a "-").
pub fn language_of(tag: &str) -> &str {
    match tag.bytes().position(|b| b == b'-') {
        Some(i) => &tag[..i],
        None => tag,
    }
}

/// Whether `text` looks like a BCP 47 tag we can hand to `Intl` (language, optional subtags).
pub fn is_locale(text: &str) -> bool {
    let mut parts = schaufenster_core::template::pieces(text, b'-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphanumeric()))
}

impl Decode for Locale {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "a locale such as \"de-DE\" or \"en-US\"")?;
        if is_locale(text) {
            Some(Locale(text.to_owned()))
        } else {
            cx.error(found(v), "not a locale tag", "use a BCP 47 tag such as \"de-DE\", \"de-CH\" or \"en-US\" (language in lower case, hyphen, region)");
            None
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))])
    }
}

/// A URL the widgets may fetch: `https://…`, `http://…`, or a path (`/api`, `./data.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url(pub String);

/// Why `text` is not a usable URL, if it is not.
pub fn url_problem(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        return Some("the URL is empty");
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\') {
        return Some("the URL contains spaces or characters that are not allowed in URLs");
    }
    if let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) {
        let host = match rest.bytes().position(|b| b == b'/' || b == b'?' || b == b'#') {
            Some(i) => &rest[..i],
            None => rest,
        };
        // After the last '@' (a byte search: `rsplit` links a reverse char searcher for this use).
        let host = host.bytes().rposition(|b| b == b'@').map_or(host, |i| &host[i + 1..]);
        let (name, port_ok) = match host.bytes().position(|b| b == b':') {
            Some(i) => (&host[..i], host.len() > i + 1 && host.len() <= i + 6 && host[i + 1..].bytes().all(|c| c.is_ascii_digit())),
            None => (host, true),
        };
        if name.is_empty() || !port_ok || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '[' || c == ']' || c == ':') {
            return Some("the URL has no valid host");
        }
        return None;
    }
    if text.starts_with("//") {
        return Some("protocol-relative URLs are ambiguous");
    }
    if text.starts_with('/') || text.starts_with("./") || text.starts_with("../") {
        return None;
    }
    Some("the URL must start with https://, http:// or /")
}

impl Decode for Url {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "a URL such as \"https://shop.example/api\" or \"/api\"")?;
        match url_problem(text) {
            None => Some(Url(text.to_owned())),
            Some(why) => {
                cx.error(found(v), why, "use an absolute https:// URL or a path on this site starting with /");
                None
            }
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^(https?://[^\\s/?#]+|/(?!/)|\\./|\\.\\./)[^\\s\"<>\\\\]*$"))])
    }
}

/// A link for shoppers: a URL as [`Url`] allows, or a `mailto:` or `tel:` link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link(pub String);

impl Decode for Link {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "a link such as \"/kontakt\" or \"mailto:hilfe@shop.example\"")?;
        let scheme = text.bytes().position(|b| b == b':').map_or("", |i| &text[..i]);
        let ok = if scheme.eq_ignore_ascii_case("mailto") || scheme.eq_ignore_ascii_case("tel") {
            text.len() > 4 && !text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        } else {
            url_problem(text).is_none()
        };
        if ok {
            Some(Link(text.to_owned()))
        } else {
            cx.error(found(v), "not a usable link", "use a page such as \"/kontakt\" or \"https://shop.example/contact\", or \"mailto:…\" / \"tel:…\"");
            None
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^(https?://[^\\s/?#]+|/(?!/)|\\./|\\.\\./|mailto:|tel:)[^\\s\"<>\\\\]*$"))])
    }
}

/// An RFC 6901 JSON pointer into a backend response, e.g. `/items/0/price` or `` (the root).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pointer(pub String);

impl Decode for Pointer {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "a JSON pointer such as \"/items\"")?;
        let bytes = text.as_bytes();
        let bad_escape = (0..bytes.len()).any(|i| bytes[i] == b'~' && !matches!(bytes.get(i + 1), Some(b'0' | b'1')));
        if (text.is_empty() || text.starts_with('/')) && !bad_escape {
            Some(Pointer(text.to_owned()))
        } else {
            let hint = if text.starts_with('/') {
                "escape \"~\" as \"~0\" and \"/\" inside a key as \"~1\"".to_string()
            } else {
                // "." → "/" char by char (no `str::replace` with its char searcher).
                let mut out = String::from("JSON pointers start with a slash: \"/");
                for c in text.chars() {
                    out.push(if c == '.' { '/' } else { c });
                }
                out.push('"');
                out
            };
            cx.error(found(v), "not a JSON pointer", &hint);
            None
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^(/([^~]|~[01])*)*$")), ("description", s("RFC 6901 JSON pointer into the response."))])
    }
}

/// An id: lower-case letters, digits, `-` and `_`, 1 to 64 characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Id(pub String);

impl Decode for Id {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "an id such as \"free-shipping\"")?;
        if !text.is_empty() && text.len() <= 64 && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_') {
            Some(Id(text.to_owned()))
        } else {
            cx.error(found(v), "not a valid id", "use 1 to 64 lower-case letters, digits, '-' or '_', e.g. \"free-shipping\"");
            None
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^[a-z0-9_-]{1,64}$"))])
    }
}

/// An amount of money in integer minor units (cents), never negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amount(pub i64);

impl Decode for Amount {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        const HINT: &str = "amounts are whole numbers of minor units (cents): 4900 means 49,00 €";
        // One report site: the cases differ only in the message and the guess.
        let (message, guess) = match v {
            Json::Number(n) if *n < 0.0 => ("amount must not be negative", None),
            Json::Number(n) if n.fract() != 0.0 => ("amount must be a whole number of minor units", Some((n * 100.0).round() as i64)),
            Json::Number(_) => match v.as_i64() {
                Some(a) => return Some(Amount(a)),
                None => ("amount is too large", None),
            },
            Json::String(t) => ("expected a number, found a string", schaufenster_core::Money::parse_decimal(t, Currency::eur()).map(|m| m.minor())),
            _ => {
                cx.wrong_type(v, "a whole number of minor units", HINT);
                return None;
            }
        };
        let mut hint = HINT.to_owned();
        if let Some(g) = guess {
            hint.push_str("; did you mean ");
            hint.push_str(&g.to_string());
            hint.push('?');
        }
        cx.error(found(v), message, &hint);
        None
    }
    fn schema() -> Json {
        obj([("type", s("integer")), ("minimum", Json::Number(0.0)), ("description", s("Amount in minor units (cents), e.g. 4900 for 49.00."))])
    }
}

/// A CSS value for a custom property (colour, length). Braces, semicolons and angle brackets
/// are refused so a value cannot break out of its declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CssValue(pub String);

impl Decode for CssValue {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let text = string(v, cx, "a CSS value such as \"#0a7d5a\" or \"8px\"")?;
        if !text.trim().is_empty() && text.len() <= 200 && !text.bytes().any(|b| matches!(b, b'{' | b'}' | b';' | b'<' | b'>' | b'\\')) && !crate::decode::has_text(text, "url(") {
            Some(CssValue(text.to_owned()))
        } else {
            cx.error(found(v), "not a plain CSS value", "use a colour or length such as \"#0a7d5a\", \"rgb(10 125 90)\" or \"8px\"; braces, semicolons and url() are not allowed");
            None
        }
    }
    fn schema() -> Json {
        obj([("type", s("string")), ("pattern", s("^[^{};<>\\\\]{1,200}$"))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for (u, ok) in [
            ("https://shop.example/api", true), ("http://127.0.0.1:8080/api", true), ("/api", true), ("./faq.json", true),
            ("../x", true), ("https://shop.example:443", true), ("javascript:alert(1)", false), ("ftp://x", false),
            ("api", false), ("", false), ("https://", false), ("https:///x", false), ("/a b", false), ("//cdn.example/x", false),
            ("https://shop.example:99999999/x", false), ("https://exa mple.com", false), ("http//shop.example", false),
        ] {
            assert_eq!(url_problem(u).is_none(), ok, "{u:?}");
        }
    }

    #[test]
    fn locales() {
        for (l, ok) in [("de-DE", true), ("de", true), ("en-US", true), ("de-CH", true), ("gsw-CH", true), ("DE", false), ("de_DE", false), ("", false), ("de-", false)] {
            assert_eq!(is_locale(l), ok, "{l:?}");
        }
    }
}
