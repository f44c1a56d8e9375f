//! Message templates with `{name}` placeholders, as shop owners write them in the config.
//!
//! Rendering is plain text substitution; the result is always inserted as text, never as HTML.

/// Replaces every `{name}` with the value `lookup(name)` returns. Unknown placeholders stay as
/// written (so a typo is visible rather than silently empty); `{{` and `}}` are literal braces.
///
/// ```
/// use schaufenster_core::template::render;
/// let s = render("Noch {remaining} bis zum kostenlosen Versand", |k| (k == "remaining").then(|| "10,20 €".to_string()));
/// assert_eq!(s, "Noch 10,20 € bis zum kostenlosen Versand");
/// ```
pub fn render(template: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    render_with(template, &|name, out| lookup(name).map(|v| out.push_str(&v)).is_some())
}

/// [`render`] with one body for every caller: `fill(name, out)` appends the value of `name`
/// to `out` and returns whether it knew the name (the widgets' messages and URLs use this, so
/// the wasm has one copy and no value strings to allocate).
pub fn render_with(template: &str, fill: &dyn Fn(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.bytes().position(|b| b == b'{' || b == b'}') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let (true, Some(end)) = (tail.starts_with('{'), tail.bytes().position(|b| b == b'}')) {
            let name = &tail[1..end];
            if !fill(name, &mut out) {
                out.push_str(&tail[..=end]);
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names a template uses, in order, without duplicates.
///
/// ```
/// use schaufenster_core::template::placeholders;
/// assert_eq!(placeholders("{a} and {b} and {a}"), ["a", "b"]);
/// ```
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.bytes().position(|b| b == b'{' || b == b'}') {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
        } else if let (true, Some(end)) = (tail.starts_with('{'), tail.bytes().position(|b| b == b'}')) {
            let name = &tail[1..end];
            if !names.contains(&name) {
                names.push(name);
            }
            rest = &tail[end + 1..];
        } else {
            rest = &tail[1..];
        }
    }
    names
}

/// The pieces of `text` between the ASCII byte `sep`, as `str::split` with a char gives them:
/// a plain byte scan, without std's char searcher (whose memchr and UTF-8 handling cost ~0.6 KB
/// of wasm for the config's few splits).
///
/// ```
/// use schaufenster_core::template::pieces;
/// assert_eq!(pieces("/a//b/", b'/').collect::<Vec<_>>(), ["", "a", "", "b", ""]);
/// assert_eq!(pieces("", b'/').collect::<Vec<_>>(), [""]);
/// ```
pub fn pieces(text: &str, sep: u8) -> Pieces<'_> {
    Pieces { rest: Some(text), sep }
}

/// The iterator of [`pieces`].
pub struct Pieces<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match rest.bytes().position(|b| b == self.sep) {
            Some(i) => {
                self.rest = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// Whether `text` contains `part` (non-empty): a plain byte scan. `str::contains` with a `&str`
/// pattern links a two-way substring searcher (~1.2 KB of wasm) that short needles do not need.
///
/// ```
/// use schaufenster_core::template::has_text;
/// assert!(has_text("/p?id={product}", "{product}"));
/// assert!(!has_text("/p?id={products", "{product}"));
/// ```
#[inline(never)]
pub fn has_text(text: &str, part: &str) -> bool {
    text.as_bytes().windows(part.len()).any(|w| w == part.as_bytes())
}

/// `parts` with `sep` between them, like `[S]::join`: one small loop per element type instead
/// of std's join, which precomputes the length with checked arithmetic (~1.2 KB of wasm for
/// its two instances here).
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(k: &str) -> Option<String> {
        match k {
            "remaining" => Some("3,00 €".into()),
            "tier" => Some("Geschenk".into()),
            _ => None,
        }
    }

    #[test]
    fn render_cases() {
        for (tpl, want) in [
            ("", ""),
            ("plain", "plain"),
            ("Noch {remaining}", "Noch 3,00 €"),
            ("{remaining}{remaining}", "3,00 €3,00 €"),
            ("{unknown} stays", "{unknown} stays"),
            ("{{literal}} {tier}", "{literal} Geschenk"),
            ("unclosed {remaining", "unclosed {remaining"),
            ("stray } brace", "stray } brace"),
            ("ümlaut {tier} ß", "ümlaut Geschenk ß"),
            ("<b>{tier}</b>", "<b>Geschenk</b>"),
        ] {
            assert_eq!(render(tpl, vals), want, "{tpl:?}");
        }
    }

    #[test]
    fn placeholder_cases() {
        assert_eq!(placeholders("Noch {remaining} bis {tier}"), ["remaining", "tier"]);
        assert!(placeholders("{{x}}").is_empty());
        assert_eq!(placeholders("{a}{a}"), ["a"]);
    }
}
