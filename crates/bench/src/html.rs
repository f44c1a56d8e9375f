//! A simple tag stripper for the demo FAQ's rich answers (`<a>`, `<ul>`, `<li>`, `<strong>`,
//! `<em>`): the engine indexes plain text. Not a sanitizer; the widget sanitizes what it shows.

/// Removes tags, decodes the five XML entities and `&nbsp;`, and collapses whitespace.
/// Block tags (`li`, `ul`, `ol`, `p`, `br`) become a space so list items do not run together.
pub fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            // A lone '<' is text.
            text.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(name.as_str(), "li" | "ul" | "ol" | "p" | "br" | "div") {
            text.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::strip_tags;

    #[test]
    fn strips_the_tags_rich_answers_use() {
        let cases = [
            ("plain text", "plain text"),
            ("<strong>30 Tage</strong> Rückgabe", "30 Tage Rückgabe"),
            ("Siehe <a href=\"/versand\">Versand</a>.", "Siehe Versand."),
            ("<ul><li>PayPal</li><li>Karte</li></ul>", "PayPal Karte"),
            ("a<em>b</em>c", "abc"),
            ("Tom &amp; Jerry &lt;3", "Tom & Jerry <3"),
            ("5 < 7 ohne Tag-Ende", "5 < 7 ohne Tag-Ende"),
            ("  viel \n Leerraum  ", "viel Leerraum"),
            ("", ""),
        ];
        for (html, want) in cases {
            assert_eq!(strip_tags(html), want, "{html:?}");
        }
    }
}
