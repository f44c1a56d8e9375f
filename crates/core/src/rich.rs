//! Rich FAQ answers: an allowlist sanitizer for the small subset of HTML a shop's backend
//! sends (`p`, `br`, `ul`, `ol`, `li`, `strong`/`b`, `em`/`i`, `code`, `a href`).
//!
//! [`parse`] turns the string into a tree of allowed [`Node`]s only; the widget builds DOM
//! nodes from it with `createElement`/`textContent` (never `innerHTML`), so the tree itself is
//! the safety boundary: unknown tags are dropped (their text kept), the content of `script`,
//! `style`, `svg`, `iframe` and the like is dropped, every attribute but a vetted `href` on
//! `a` is dropped. [`plain_text`] gives the text for search indexing and highlighting.
//!
//! A small hand-written byte scanner (no regex, no Unicode case mapping) keeps the wasm small.
//! It follows the HTML tokenizer where that matters for safety (attribute quoting, where a tag
//! ends, entity decoding before the URL check) and simplifies the tree building.
//!
//! ```
//! use schaufenster_core::rich::{parse, plain_text, Node, Tag};
//! let nodes = parse("Ab <b>50&nbsp;€</b> <a href=\"javascript:alert(1)\">frei</a>");
//! assert_eq!(nodes[1], Node::Element { tag: Tag::Strong, href: None, children: vec![Node::Text("50\u{a0}€".into())] });
//! assert_eq!(nodes[3], Node::Element { tag: Tag::A, href: None, children: vec![Node::Text("frei".into())] });
//! assert_eq!(plain_text(&nodes), "Ab 50 € frei");
//! ```

/// How deep allowed elements nest; deeper ones are flattened into their parent.
const MAX_DEPTH: usize = 32;
/// How many flattened elements are remembered so their closing tags match them (bounded, so
/// hostile input cannot make closing tags quadratic).
const MAX_PHANTOMS: usize = 64;

/// An allowed element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// `<p>`.
    P,
    /// `<br>` (never has children).
    Br,
    /// `<ul>`.
    Ul,
    /// `<ol>`.
    Ol,
    /// `<li>`.
    Li,
    /// `<strong>` or `<b>`.
    Strong,
    /// `<em>` or `<i>`.
    Em,
    /// `<code>`.
    Code,
    /// `<a>`.
    A,
}

impl Tag {
    /// The lowercase HTML tag name (`"p"`, `"br"`, …) to create the element with.
    pub fn name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::Br => "br",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Strong => "strong",
            Tag::Em => "em",
            Tag::Code => "code",
            Tag::A => "a",
        }
    }

    /// Block elements separate words in [`plain_text`].
    fn is_block(self) -> bool {
        matches!(self, Tag::P | Tag::Br | Tag::Ul | Tag::Ol | Tag::Li)
    }
}

/// A node of a sanitized answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Text, entities decoded; insert it as text (`textContent`), never as HTML.
    Text(String),
    /// An allowed element.
    Element {
        /// Which element.
        tag: Tag,
        /// The link target: `Some` only for [`Tag::A`], and only when the URL passed
        /// [`safe_href`] (control characters removed, surrounding spaces trimmed). An `<a>`
        /// whose `href` was missing or refused has `None`: render it as a plain span (or
        /// just its children).
        href: Option<String>,
        /// The content.
        children: Vec<Node>,
    },
}

/// Parses `html` into allowed nodes.
///
/// Never panics. Unclosed elements close at the end, stray closing tags are ignored, a
/// closing tag closes everything above its open element. As in browsers, `<p>`, `<ul>`,
/// `<ol>` and `<li>` close an open `<p>`, `<li>` closes an open `<li>` of the same list and
/// `<a>` closes an open `<a>`. Elements nested deeper than 32 are flattened.
pub fn parse(html: &str) -> Vec<Node> {
    let mut tree = Tree { root: Vec::new(), stack: Vec::new(), phantoms: Vec::new() };
    let mut scan = Scan { s: html, b: html.as_bytes(), i: 0, no_cdata_end: false };
    // The foreign-content element (`svg`, …) being dropped and how often it is nested.
    let mut dropping: Option<(&str, usize)> = None;
    while let Some(tok) = scan.next() {
        match tok {
            Tok::Text(t) => {
                if dropping.is_none() {
                    tree.text(t);
                }
            }
            Tok::Skip => {}
            Tok::Start { name, href, self_closing } => match classify(name) {
                Kind::Raw => scan.skip_raw(name),
                Kind::Nested => {
                    // Only svg and math honour `/>`; for the others browsers ignore it.
                    let empty = self_closing && (eq(name, "svg") || eq(name, "math"));
                    match &mut dropping {
                        _ if empty => {}
                        Some((open, depth)) if eq(name, open) => *depth += 1,
                        Some(_) => {}
                        None => dropping = Some((name, 1)),
                    }
                }
                Kind::Allowed(tag) if dropping.is_none() => tree.open(tag, href),
                _ => {}
            },
            Tok::End { name } => match &mut dropping {
                Some((open, depth)) => {
                    if eq(name, open) {
                        *depth -= 1;
                        if *depth == 0 {
                            dropping = None;
                        }
                    }
                }
                None => {
                    if let Kind::Allowed(tag) = classify(name) {
                        tree.close(tag);
                    }
                }
            },
        }
    }
    tree.finish()
}

/// Plain text of `nodes`: the text content with a space where block elements (`p`, `br`,
/// `li`, `ul`, `ol`) separate text, so words never run together; runs of whitespace
/// (including no-break spaces) collapsed to one space; trimmed.
///
/// ```
/// use schaufenster_core::rich::{parse, plain_text};
/// assert_eq!(plain_text(&parse("<ul><li>a</li><li>b<br>c</li></ul>d")), "a b c d");
/// ```
pub fn plain_text(nodes: &[Node]) -> String {
    let mut w = Plain { out: String::new(), space: false };
    w.nodes(nodes);
    w.out
}

/// Whether a URL is allowed as a link target: after removing ASCII control characters
/// (tabs and newlines included) anywhere and trimming spaces, it is relative (`/path`, `#id`,
/// `?q`, `./`, `../`, `cart.html`; not protocol-relative `//host`) or has the scheme `http`,
/// `https`, `mailto` or `tel`. The empty URL is refused. Entities are not decoded here:
/// [`parse`] decodes attribute values before checking them.
///
/// ```
/// use schaufenster_core::rich::safe_href;
/// assert!(safe_href("/cart.html") && safe_href("HTTPS://example.com") && safe_href("tel:+49301234"));
/// assert!(!safe_href("java\tscript:alert(1)") && !safe_href("//evil.example") && !safe_href("data:text/html,x"));
/// ```
pub fn safe_href(url: &str) -> bool {
    href_allowed(&clean_href(url))
}

/// Removes ASCII control characters anywhere and trims spaces, as URL parsers do.
fn clean_href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c >= ' ' && c != '\x7f' {
            out.push(c);
        }
    }
    out.truncate(out.trim_end_matches(' ').len());
    let start = out.len() - out.trim_start_matches(' ').len();
    out.drain(..start);
    out
}

/// The allowlist check on a cleaned URL.
fn href_allowed(url: &str) -> bool {
    let b = url.as_bytes();
    let slash = |c: u8| c == b'/' || c == b'\\';
    if b.is_empty() || (b.len() >= 2 && slash(b[0]) && slash(b[1])) {
        return false;
    }
    match b.iter().position(|&c| matches!(c, b':' | b'/' | b'?' | b'#')) {
        Some(k) if b[k] == b':' => {
            let scheme = &url[..k];
            "http https mailto tel".split(' ').any(|s| eq(scheme, s))
        }
        _ => true,
    }
}

/// ASCII case-insensitive comparison.
fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// What the parser does with an element.
enum Kind {
    /// Kept (`b` and `i` map to `strong` and `em`).
    Allowed(Tag),
    /// Raw-text element: dropped up to its closing tag, the content not parsed.
    Raw,
    /// Dropped with its content, which is parsed (for nesting and its own raw elements).
    Nested,
    /// The tag is dropped, its content kept (or it has none, like `img`).
    Other,
}

// Tag names as space-separated strings (a `&[&str]` costs 8 bytes of pointer and length per
// name in the wasm, which compress worse than the names).
const ALLOWED: &str = "p br ul ol li strong b em i code a";
const ALLOWED_TAGS: [Tag; 11] =
    [Tag::P, Tag::Br, Tag::Ul, Tag::Ol, Tag::Li, Tag::Strong, Tag::Strong, Tag::Em, Tag::Em, Tag::Code, Tag::A];

const RAW: &str = "script style iframe noscript textarea title xmp noembed noframes";

const NESTED: &str = "svg math object template select";

fn classify(name: &str) -> Kind {
    let find = |list: &str| list.split(' ').position(|n| eq(name, n));
    if let Some(k) = find(ALLOWED) {
        Kind::Allowed(ALLOWED_TAGS[k])
    } else if find(RAW).is_some() {
        Kind::Raw
    } else if find(NESTED).is_some() {
        Kind::Nested
    } else {
        Kind::Other
    }
}

/// A token of the input. Slices are always cut next to ASCII bytes, so at char boundaries.
enum Tok<'a> {
    /// Text, entities not yet decoded.
    Text(&'a str),
    /// A start tag with its first `href` attribute's raw value, if any.
    Start { name: &'a str, href: Option<&'a str>, self_closing: bool },
    /// An end tag.
    End { name: &'a str },
    /// A comment, doctype, processing instruction, CDATA section or unfinished tag.
    Skip,
}

struct Scan<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// No `]]>` follows: CDATA sections end at `>` like other declarations.
    no_cdata_end: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl<'a> Scan<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Moves past the bytes for which `keep` holds (one loop for every run the tag scanner skips).
    #[inline(never)]
    fn skip(&mut self, keep: fn(u8) -> bool) {
        while self.peek().is_some_and(keep) {
            self.i += 1;
        }
    }

    /// Position of `needle` at or after `from`.
    fn find(&self, from: usize, needle: &[u8]) -> Option<usize> {
        let hay = self.b.get(from..)?;
        hay.windows(needle.len()).position(|w| w == needle).map(|k| from + k)
    }

    /// Skips to just after `end` (searched from `from`), or to the end of the input.
    fn skip_past(&mut self, from: usize, end: &[u8]) -> Tok<'a> {
        self.i = self.find(from, end).map_or(self.b.len(), |k| k + end.len());
        Tok::Skip
    }

    fn next(&mut self) -> Option<Tok<'a>> {
        let (b, i) = (self.b, self.i);
        if i >= b.len() {
            return None;
        }
        if b[i] != b'<' {
            let end = b[i..].iter().position(|&c| c == b'<').map_or(b.len(), |k| i + k);
            self.i = end;
            return Some(Tok::Text(&self.s[i..end]));
        }
        let at = |k: usize| b.get(i + k).copied();
        Some(match at(1) {
            Some(c) if c.is_ascii_alphabetic() => {
                self.i = i + 1;
                self.tag(false)
            }
            Some(b'/') => match at(2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    self.i = i + 2;
                    self.tag(true)
                }
                Some(b'>') => {
                    self.i = i + 3;
                    Tok::Skip
                }
                Some(_) => self.skip_past(i + 2, b">"),
                None => {
                    self.i = b.len();
                    Tok::Text(&self.s[i..])
                }
            },
            Some(b'!') => {
                let rest = &b[i..];
                if rest.starts_with(b"<!--") {
                    self.comment(i + 4)
                } else if rest.starts_with(b"<![CDATA[") && !self.no_cdata_end {
                    match self.find(i, b"]]>") {
                        Some(k) => {
                            self.i = k + 3;
                            Tok::Skip
                        }
                        None => {
                            // Remembered, so that many sections do not each search to the end.
                            self.no_cdata_end = true;
                            self.skip_past(i + 2, b">")
                        }
                    }
                } else {
                    self.skip_past(i + 2, b">")
                }
            }
            Some(b'?') => self.skip_past(i + 2, b">"),
            _ => {
                self.i = i + 1;
                Tok::Text(&self.s[i..i + 1])
            }
        })
    }

    /// A comment whose text starts at `from`: ends at `-->` or `--!>` (`<!-->` and `<!--->`
    /// are empty comments), or at the end of the input.
    fn comment(&mut self, from: usize) -> Tok<'a> {
        let rest = &self.b[from..];
        if rest.starts_with(b">") {
            self.i = from + 1;
            return Tok::Skip;
        }
        if rest.starts_with(b"->") {
            self.i = from + 2;
            return Tok::Skip;
        }
        let mut k = from;
        while let Some(d) = self.find(k, b"--") {
            let after = &self.b[d + 2..];
            if after.starts_with(b">") {
                self.i = d + 3;
                return Tok::Skip;
            }
            if after.starts_with(b"!>") {
                self.i = d + 4;
                return Tok::Skip;
            }
            k = d + 1;
        }
        self.i = self.b.len();
        Tok::Skip
    }

    /// A tag whose name starts at `self.i` (an ASCII letter): the name, attributes as the HTML
    /// tokenizer reads them (quotes only count at the start of a value) and the closing `>`.
    /// A tag the input ends inside is dropped with the rest of the input.
    fn tag(&mut self, end_tag: bool) -> Tok<'a> {
        let (s, b) = (self.s, self.b);
        fn stop(c: u8) -> bool {
            is_space(c) || c == b'/' || c == b'>'
        }
        let start = self.i;
        self.skip(|c| !stop(c));
        let name = &s[start..self.i];
        let mut href = None;
        let mut self_closing = false;
        loop {
            self.skip(is_space);
            match self.peek() {
                None => return Tok::Skip,
                Some(b'>') => {
                    self.i += 1;
                    break;
                }
                Some(b'/') => {
                    self.i += 1;
                    if self.peek() == Some(b'>') {
                        self.i += 1;
                        self_closing = true;
                        break;
                    }
                    continue;
                }
                Some(_) => {}
            }
            // Attribute name; its first character may be '='.
            let name_start = self.i;
            self.i += 1;
            self.skip(|c| !stop(c) && c != b'=');
            // A name may start inside a multi-byte character only if the previous byte was
            // ASCII, so both ends are char boundaries.
            let attr = &s[name_start..self.i];
            self.skip(is_space);
            let mut value = "";
            if self.peek() == Some(b'=') {
                self.i += 1;
                self.skip(is_space);
                match self.peek() {
                    None => return Tok::Skip,
                    Some(q @ (b'"' | b'\'')) => {
                        let from = self.i + 1;
                        let Some(end) = b[from..].iter().position(|&c| c == q) else {
                            self.i = b.len();
                            return Tok::Skip;
                        };
                        value = &s[from..from + end];
                        self.i = from + end + 1;
                    }
                    Some(b'>') => {}
                    Some(_) => {
                        let from = self.i;
                        self.skip(|c| !is_space(c) && c != b'>');
                        value = &s[from..self.i];
                    }
                }
            }
            if href.is_none() && eq(attr, "href") {
                href = Some(value);
            }
        }
        if end_tag {
            Tok::End { name }
        } else {
            Tok::Start { name, href, self_closing }
        }
    }

    /// Skips the content of a raw-text element up to and including `</name …>`, or to the end.
    fn skip_raw(&mut self, name: &str) {
        let b = self.b;
        let n = name.len();
        let mut k = self.i;
        while let Some(lt) = self.find(k, b"</") {
            let matches =
                b.get(lt + 2..lt + 2 + n).is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()));
            if matches && b.get(lt + 2 + n).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
            {
                self.i = lt + 2;
                self.tag(true);
                return;
            }
            k = lt + 1;
        }
        self.i = b.len();
    }
}

/// An element being built.
struct Open {
    tag: Tag,
    href: Option<String>,
    children: Vec<Node>,
}

struct Tree {
    root: Vec<Node>,
    stack: Vec<Open>,
    /// Elements opened beyond [`MAX_DEPTH`] (flattened; at most [`MAX_PHANTOMS`]), so their
    /// closing tags match them rather than a real open element.
    phantoms: Vec<Tag>,
}

impl Tree {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            Some(open) => &mut open.children,
            None => &mut self.root,
        }
    }

    fn text(&mut self, raw: &str) {
        let children = self.children();
        if let Some(Node::Text(t)) = children.last_mut() {
            decode_into(t, raw);
        } else {
            let mut t = String::new();
            decode_into(&mut t, raw);
            if !t.is_empty() {
                children.push(Node::Text(t));
            }
        }
    }

    fn open(&mut self, tag: Tag, href: Option<&str>) {
        if tag == Tag::Br {
            self.children().push(Node::Element { tag, href: None, children: Vec::new() });
            return;
        }
        match tag {
            Tag::P | Tag::Ul | Tag::Ol | Tag::Li => self.close_open(Tag::P),
            Tag::A => self.close_open(Tag::A),
            _ => {}
        }
        if tag == Tag::Li {
            let list =
                self.stack.iter().rposition(|o| matches!(o.tag, Tag::Li | Tag::Ul | Tag::Ol));
            if let Some(k) = list.filter(|&k| self.stack[k].tag == Tag::Li) {
                self.pop_to(k);
            }
        }
        if self.stack.len() >= MAX_DEPTH {
            if self.phantoms.len() < MAX_PHANTOMS {
                self.phantoms.push(tag);
            }
            return;
        }
        let href = match (tag, href) {
            (Tag::A, Some(raw)) => {
                let mut decoded = String::new();
                decode_into(&mut decoded, raw);
                Some(clean_href(&decoded)).filter(|h| href_allowed(h))
            }
            _ => None,
        };
        self.stack.push(Open { tag, href, children: Vec::new() });
    }

    /// Closes `tag` and everything above it, if it is open.
    fn close_open(&mut self, tag: Tag) {
        if let Some(k) = self.stack.iter().rposition(|o| o.tag == tag) {
            self.pop_to(k);
        }
    }

    fn close(&mut self, tag: Tag) {
        if let Some(k) = self.phantoms.iter().rposition(|&t| t == tag) {
            self.phantoms.truncate(k);
        } else {
            self.close_open(tag);
        }
    }

    /// Closes the open elements down to (and including) `stack[k]`.
    fn pop_to(&mut self, k: usize) {
        self.phantoms.clear();
        while self.stack.len() > k {
            let Some(open) = self.stack.pop() else { break };
            let node = Node::Element { tag: open.tag, href: open.href, children: open.children };
            self.children().push(node);
        }
    }

    fn finish(mut self) -> Vec<Node> {
        self.pop_to(0);
        self.root
    }
}

/// Appends `s` to `out` with character references decoded: `&amp;`, `&lt;`, `&gt;`,
/// `&quot;`, `&apos;`, `&nbsp;`, decimal `&#NNN;` and hex `&#xHH;` (the `;` optional, as
/// browsers read them; zero, surrogates and values beyond U+10FFFF become U+FFFD). Other
/// `&` stay as written.
fn decode_into(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut done = 0;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'&') {
        let amp = i + k;
        i = amp + 1;
        if let Some((c, len)) = entity(&b[amp + 1..]) {
            out.push_str(&s[done..amp]);
            out.push(c);
            i = amp + 1 + len;
            done = i;
        }
    }
    out.push_str(&s[done..]);
}

/// The character reference after an `&` and its length.
fn entity(b: &[u8]) -> Option<(char, usize)> {
    const NAMED: [(&[u8], char); 6] = [
        (b"amp;", '&'),
        (b"lt;", '<'),
        (b"gt;", '>'),
        (b"quot;", '"'),
        (b"apos;", '\''),
        (b"nbsp;", '\u{a0}'),
    ];
    if let Some((n, c)) = NAMED.iter().find(|(n, _)| b.starts_with(n)) {
        return Some((*c, n.len()));
    }
    if b.first() != Some(&b'#') {
        return None;
    }
    let (radix, start) = if matches!(b.get(1), Some(b'x' | b'X')) { (16, 2) } else { (10, 1) };
    let mut j = start;
    let mut v: u32 = 0;
    while let Some(d) = b.get(j).and_then(|&c| char::from(c).to_digit(radix)) {
        v = (v * radix + d).min(0x11_0000);
        j += 1;
    }
    if j == start {
        return None;
    }
    if b.get(j) == Some(&b';') {
        j += 1;
    }
    let c = if v == 0 { '\u{fffd}' } else { char::from_u32(v).unwrap_or('\u{fffd}') };
    Some((c, j))
}

/// Writes plain text with whitespace collapsed as it goes.
struct Plain {
    out: String,
    /// Whether a space is due before the next visible character.
    space: bool,
}

impl Plain {
    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Text(t) => self.text(t),
                Node::Element { tag, children, .. } => {
                    self.space |= tag.is_block();
                    self.nodes(children);
                    self.space |= tag.is_block();
                }
            }
        }
    }

    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else {
                if self.space && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.space = false;
                self.out.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Serialises a tree back to HTML, escaping text and attribute values.
    fn html(nodes: &[Node]) -> String {
        let mut out = String::new();
        for node in nodes {
            match node {
                Node::Text(t) => {
                    out.push_str(&t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"))
                }
                Node::Element { tag, href, children } => {
                    out.push('<');
                    out.push_str(tag.name());
                    if let Some(h) = href {
                        out.push_str(" href=\"");
                        out.push_str(&h.replace('&', "&amp;").replace('"', "&quot;"));
                        out.push('"');
                    }
                    out.push('>');
                    if *tag != Tag::Br {
                        out.push_str(&html(children));
                        out.push_str("</");
                        out.push_str(tag.name());
                        out.push('>');
                    }
                }
            }
        }
        out
    }

    fn check(cases: &[(&str, &str)]) {
        for (input, want) in cases {
            assert_eq!(html(&parse(input)), *want, "{input:?}");
        }
    }

    fn link(input: &str) -> Option<String> {
        match parse(input).as_slice() {
            [Node::Element { tag: Tag::A, href, .. }] => href.clone(),
            other => panic!("{input:?} gave {other:?}"),
        }
    }

    #[test]
    fn demo_answers() {
        let nodes =
            parse("Innerhalb Deutschlands liefern wir <strong>ab 50 € versandkostenfrei</strong>.");
        assert_eq!(
            nodes,
            [
                Node::Text("Innerhalb Deutschlands liefern wir ".into()),
                Node::Element {
                    tag: Tag::Strong,
                    href: None,
                    children: vec![Node::Text("ab 50 € versandkostenfrei".into())]
                },
                Node::Text(".".into()),
            ]
        );
        assert_eq!(
            plain_text(&nodes),
            "Innerhalb Deutschlands liefern wir ab 50 € versandkostenfrei."
        );

        let nodes = parse(
            "<ul><li>Deutschland: ab 50 €</li></ul>Siehe <a href=\"/cart.html\">Warenkorb</a>.",
        );
        let li = Node::Element {
            tag: Tag::Li,
            href: None,
            children: vec![Node::Text("Deutschland: ab 50 €".into())],
        };
        assert_eq!(
            nodes,
            [
                Node::Element { tag: Tag::Ul, href: None, children: vec![li] },
                Node::Text("Siehe ".into()),
                Node::Element {
                    tag: Tag::A,
                    href: Some("/cart.html".into()),
                    children: vec![Node::Text("Warenkorb".into())]
                },
                Node::Text(".".into()),
            ]
        );
        assert_eq!(plain_text(&nodes), "Deutschland: ab 50 € Siehe Warenkorb.");
    }

    #[test]
    fn allowed_tags_and_mapping() {
        check(&[
            ("", ""),
            ("plain", "plain"),
            ("<b>x</b> <i>y</i>", "<strong>x</strong> <em>y</em>"),
            ("<B>x</B><STRONG>y</Strong>", "<strong>x</strong><strong>y</strong>"),
            ("<p>a</p><p>b<br>c<br/>d</p>", "<p>a</p><p>b<br>c<br>d</p>"),
            ("<code>a &lt; b</code>", "<code>a &lt; b</code>"),
            ("<ol><li>a</li></ol>", "<ol><li>a</li></ol>"),
            (
                "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
                "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
            ),
            ("<span>x</span><div>y</div><font color=red>z</font>", "xyz"),
            ("<em>x</EM>", "<em>x</em>"),
        ]);
    }

    #[test]
    fn attributes_dropped() {
        check(&[
            ("<strong onclick=\"x\">a</strong>", "<strong>a</strong>"),
            ("<p style='color:red' class=x id=y>a</p>", "<p>a</p>"),
            ("<a title=\"x\" href=\"/a\" onmouseover=alert(1)>a</a>", "<a href=\"/a\">a</a>"),
            ("<a href=/a href=javascript:x>a</a>", "<a href=\"/a\">a</a>"),
            ("<a title='>' href=/b>a</a>", "<a href=\"/b\">a</a>"),
            ("<a/href=/c>a</a>", "<a href=\"/c\">a</a>"),
            ("<a HREF = '/d'>a</a>", "<a href=\"/d\">a</a>"),
            ("<a href>a</a>", "<a>a</a>"),
            ("<a title=x\"y>a</a>", "<a>a</a>"),
            ("<a \"onclick=x>a</a>", "<a>a</a>"),
            ("<a \"onclick=\"x>a</a>", ""),
            ("<b title=\"x\"onclick='y'>a</b>", "<strong>a</strong>"),
        ]);
    }

    #[test]
    fn hrefs() {
        for (input, want) in [
            ("<a href=\"javascript:alert(1)\">x</a>", None),
            ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", None),
            ("<a href=\" java\nscript:alert(1)\">x</a>", None),
            ("<a href=\"java\tscript:alert(1)\">x</a>", None),
            ("<a href=\"java&#9;script:alert(1)\">x</a>", None),
            ("<a href=\"&#106;avascript:alert(1)\">x</a>", None),
            ("<a href=\"&#x6A;avascript:alert(1)\">x</a>", None),
            ("<a href=\"&#106avascript:alert(1)\">x</a>", None),
            ("<a href=\"\u{1}javascript:alert(1)\">x</a>", None),
            ("<a href=\"vbscript:x\">x</a>", None),
            ("<a href=\"file:///etc/passwd\">x</a>", None),
            ("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", None),
            ("<a href=\"//evil.example\">x</a>", None),
            ("<a href=\"/\\evil.example\">x</a>", None),
            ("<a href=\"\\\\evil.example\">x</a>", None),
            ("<a href=\" \t//evil.example\">x</a>", None),
            ("<a href=\"\">x</a>", None),
            (
                "<a href=\"https://shop.example/versand\">x</a>",
                Some("https://shop.example/versand"),
            ),
            ("<a href=\"HTTP://shop.example\">x</a>", Some("HTTP://shop.example")),
            ("<a href=\"mailto:hilfe@shop.example\">x</a>", Some("mailto:hilfe@shop.example")),
            ("<a href=\"tel:+49301234567\">x</a>", Some("tel:+49301234567")),
            ("<a href=\"/cart.html\">x</a>", Some("/cart.html")),
            ("<a href=\"#faq-x\">x</a>", Some("#faq-x")),
            ("<a href=\"?q=versand\">x</a>", Some("?q=versand")),
            ("<a href=\"./a\">x</a>", Some("./a")),
            ("<a href=\"../a\">x</a>", Some("../a")),
            ("<a href=\"cart.html\">x</a>", Some("cart.html")),
            // Unknown entities stay literal; the widget sets the attribute with setAttribute,
            // so this stays a harmless relative path (no ':').
            ("<a href=\"javascript&colon;alert(1)\">x</a>", Some("javascript&colon;alert(1)")),
            ("<a href=\"cart.html?next=a:b\">x</a>", Some("cart.html?next=a:b")),
            ("<a href='  /a?x=1&amp;y=2  '>x</a>", Some("/a?x=1&y=2")),
            ("<a href=/a\n>x</a>", Some("/a")),
        ] {
            assert_eq!(link(input).as_deref(), want, "{input:?}");
        }
        assert!(safe_href(" https://x ") && safe_href("cart.html") && safe_href("#"));
        assert!(
            !safe_href("javascript:x")
                && !safe_href("data:x")
                && !safe_href("\n")
                && !safe_href("  ")
                && !safe_href("a b:c")
        );
    }

    #[test]
    fn dangerous_content_dropped() {
        check(&[
            ("<script>alert(1)</script>ok", "ok"),
            ("<SCRIPT type=text/javascript>alert('</b>')</SCRIPT >ok", "ok"),
            ("<script>a</scripty>b</script>ok", "ok"),
            ("<script>never closed", ""),
            ("<script/>x</script>ok", "ok"),
            ("<svg onload=alert(1)><script>alert(2)</script></svg>after", "after"),
            ("<svg><svg></svg>inner</svg>after", "after"),
            ("<svg/>after", "after"),
            ("<svg><g><text>x</text></g>", ""),
            ("<math><mi>x</mi></math>after", "after"),
            ("<img src=x onerror=alert(1)>", ""),
            ("a<img src=x onerror=alert(1)>b", "ab"),
            ("<input value=x><embed src=x>ok", "ok"),
            ("<iframe src=\"https://evil.example\">fallback</iframe>after", "after"),
            ("<iframe srcdoc=\"<script>x</script>\"></iframe>ok", "ok"),
            ("<style>body{display:none}</style>ok", "ok"),
            ("<template><b>x</b></template>ok", "ok"),
            ("<object data=x><b>x</b></object>ok", "ok"),
            ("<noscript><b>x</b></noscript>ok", "ok"),
            ("<textarea><b>x</b></textarea>ok", "ok"),
            ("<title>t</title><xmp><b></xmp><noembed>n</noembed><noframes>f</noframes>ok", "ok"),
            ("<select><option>o</option></select>ok", "ok"),
            ("<p>a<script>b</script>c</p>", "<p>ac</p>"),
        ]);
    }

    #[test]
    fn comments_and_declarations_dropped() {
        check(&[
            ("a<!-- <script>x</script> -->b", "ab"),
            ("a<!---->b<!-->c<!--->d", "abcd"),
            ("a<!-- x --!>b", "ab"),
            ("a<!-- never closed <b>x</b>", "a"),
            ("<!DOCTYPE html>a", "a"),
            ("a<?xml version=\"1.0\"?>b", "ab"),
            ("a<![CDATA[<b>x</b>]]>b", "ab"),
            ("a<![CDATA[x>b", "ab"),
            ("a</ x>b</>c", "abc"),
        ]);
    }

    #[test]
    fn entities() {
        check(&[
            ("Tom &amp; Jerry", "Tom &amp; Jerry"),
            ("&lt;b&gt;x&lt;/b&gt;", "&lt;b&gt;x&lt;/b&gt;"),
            ("&quot;&apos;&#39;", "\"''"),
            ("50&nbsp;€", "50\u{a0}€"),
            ("&#228;&#xE4;&#Xe4;&#228", "ääää"),
            ("&#0;&#xD800;&#x110000;&#99999999999999;", "\u{fffd}\u{fffd}\u{fffd}\u{fffd}"),
            (
                "&copy; &foo; &amp &# &#x; & ;",
                "&amp;copy; &amp;foo; &amp;amp &amp;# &amp;#x; &amp; ;",
            ),
            ("&amp;lt;", "&amp;lt;"),
            ("<b>&#60;script&#62;</b>", "<strong>&lt;script&gt;</strong>"),
        ]);
        assert_eq!(plain_text(&parse("Tom &amp; Jerry &lt;3")), "Tom & Jerry <3");
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        check(&[
            ("a < b", "a &lt; b"),
            ("<3", "&lt;3"),
            ("a <", "a &lt;"),
            ("a </", "a &lt;/"),
            ("a <= b > c", "a &lt;= b &gt; c"),
            ("<é>", "&lt;é&gt;"),
            ("x <b>y", "x <strong>y</strong>"),
            ("x <b", "x "),
            ("x <a href=\"unterminated>y</a>", "x "),
        ]);
    }

    #[test]
    fn hostile_text() {
        check(&[
            ("Preis \"><script>alert(1)</script> ok", "Preis \"&gt; ok"),
            (
                "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
                "\"&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("<a href=\"/x&quot;&gt;&lt;script&gt;\">y</a>", "<a href=\"/x&quot;><script>\">y</a>"),
            ("<b \"><script>alert(1)</script>\">x</b>", "<strong>\"&gt;x</strong>"),
        ]);
        let nodes = parse("&quot;&gt;&lt;script&gt;");
        assert_eq!(nodes, [Node::Text("\"><script>".into())]);
    }

    #[test]
    fn unbalanced_markup() {
        check(&[
            ("<b>unclosed", "<strong>unclosed</strong>"),
            ("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"),
            ("<p>a<p>b", "<p>a</p><p>b</p>"),
            ("<p>a<ul><li>b</ul>c", "<p>a</p><ul><li>b</li></ul>c"),
            ("a</b>b</p>c</li>", "abc"),
            ("<b>a<i>b</b>c</i>", "<strong>a<em>b</em></strong>c"),
            ("<ul><li><strong>a</ul>b", "<ul><li><strong>a</strong></li></ul>b"),
            ("<b>a</strong>b", "<strong>a</strong>b"),
            ("<a href=/a>x<a href=/b>y</a>", "<a href=\"/a\">x</a><a href=\"/b\">y</a>"),
            ("<ul><li>a<ol><li>b</ol></ul>", "<ul><li>a<ol><li>b</li></ol></li></ul>"),
            ("</br>a", "a"),
        ]);
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let deep = "<b>".repeat(1000) + "x" + &"</b>".repeat(1000) + "y";
        let nodes = parse(&deep);
        assert_eq!(depth(&nodes), MAX_DEPTH);
        assert_eq!(plain_text(&nodes), "xy");
        assert!(matches!(nodes.last(), Some(Node::Text(t)) if t == "y"));
        // Closing tags of flattened elements match them, not the real ones.
        let s = "<em>".repeat(MAX_DEPTH) + "<code>a</code>b</em>c";
        let nodes = parse(&s);
        assert_eq!(depth(&nodes), MAX_DEPTH);
        let mut inner = &nodes;
        while let [Node::Element { children, .. }, ..] = inner.as_slice() {
            inner = children;
        }
        assert_eq!(inner, &[Node::Text("ab".into())]);
        let out = html(&nodes);
        assert!(out.contains("ab</em>c</em>") && !out.contains("code"), "{out}");
        let lists = "<ul><li>".repeat(100) + "x";
        assert_eq!(depth(&parse(&lists)), MAX_DEPTH);
    }

    #[test]
    fn plain_text_separates_blocks() {
        for (input, want) in [
            ("<ul><li>a</li><li>b</li></ul>", "a b"),
            ("<p>a</p><p>b</p>", "a b"),
            ("a<br>b", "a b"),
            ("<ol><li>a</li></ol>b", "a b"),
            ("a<strong>b</strong>c", "abc"),
            ("  viel \n\t Leerraum &nbsp; ", "viel Leerraum"),
            ("<p> </p><br><p></p>", ""),
            ("<ul>\n<li> a </li>\n<li>b</li>\n</ul>", "a b"),
        ] {
            assert_eq!(plain_text(&parse(input)), want, "{input:?}");
        }
    }

    #[test]
    fn hostile_sizes_stay_fast() {
        // Each of these would take minutes if some scan were quadratic.
        for (piece, n) in [
            ("<![CDATA[", 20_000),
            ("<b>", 30_000),
            ("</i>", 30_000),
            ("<b><i>", 15_000),
            ("<ul><li>", 15_000),
            ("<p>", 30_000),
            ("</a", 30_000),
            ("&#", 30_000),
            ("<!-", 30_000),
            ("<svg>", 20_000),
            ("</script", 20_000),
        ] {
            let mut input = piece.repeat(n);
            input.push_str(&"</b></i>".repeat(n));
            let nodes = parse(&input);
            assert!(depth(&nodes) <= MAX_DEPTH);
            plain_text(&nodes);
        }
    }

    fn depth(nodes: &[Node]) -> usize {
        let mut max = 0;
        for node in nodes {
            if let Node::Element { children, .. } = node {
                max = max.max(1 + depth(children));
            }
        }
        max
    }

    /// The tree invariants: only allowed tags (by construction of the type), hrefs only on
    /// links and only safe ones, `br` empty, depth capped, text nodes non-empty and merged.
    fn assert_sane(nodes: &[Node], input: &str) {
        let mut prev_text = false;
        for node in nodes {
            match node {
                Node::Text(t) => {
                    assert!(!t.is_empty() && !prev_text, "{input:?}");
                    prev_text = true;
                }
                Node::Element { tag, href, children } => {
                    prev_text = false;
                    if let Some(h) = href {
                        assert!(*tag == Tag::A && safe_href(h), "{input:?}: {h:?}");
                        assert_eq!(&clean_href(h), h, "{input:?}");
                    }
                    assert!(*tag != Tag::Br || children.is_empty(), "{input:?}");
                    assert_sane(children, input);
                }
            }
        }
    }

    #[test]
    fn fuzz_never_panics_and_stays_sane() {
        const PIECES: [&str; 56] = [
            "<",
            ">",
            "/",
            "\"",
            "'",
            "=",
            "&",
            "#",
            ";",
            " ",
            "\n",
            "\t",
            "é",
            "ü",
            "a",
            "b",
            "i",
            "p",
            "x",
            "li",
            "ul",
            "br",
            "strong",
            "script",
            "svg",
            "style",
            "href",
            "javascript:",
            "http:",
            "//",
            "!--",
            "-->",
            "amp;",
            "lt;",
            "#106;",
            "#x6A",
            "em",
            "code",
            ":",
            "!",
            "<a href=",
            "<a href=\"",
            "<A HREF='",
            "</a>",
            "<b>",
            "</b>",
            "<li>",
            "</li>",
            "<ul>",
            "<p>",
            "<br>",
            "<script>",
            "</script>",
            "<svg>",
            "</svg>",
            "<!--",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut elements, mut links) = (0, 0);
        for round in 0..30_000 {
            let len = (next() % 48) as usize;
            let mut input = String::new();
            for _ in 0..len {
                // Every other round single characters only, so tags get torn apart.
                let piece = PIECES[(next() % PIECES.len() as u64) as usize];
                match (round % 2, piece.chars().next()) {
                    (1, Some(c)) => input.push(c),
                    _ => input.push_str(piece),
                }
            }
            let nodes = parse(&input);
            let out = html(&nodes);
            elements += out.matches('<').count();
            links += out.matches("<a href").count();
            assert_sane(&nodes, &input);
            assert!(depth(&nodes) <= MAX_DEPTH);
            // Re-serialised with escaping, the tree parses to itself: no text can turn into
            // markup, and no href changes.
            assert_eq!(parse(&out), nodes, "{input:?} -> {out:?}");
            let text = plain_text(&nodes);
            assert_eq!(text.trim(), text);
            assert!(!text.contains("  "));
        }
        // The generator does reach the interesting paths.
        assert!(elements > 20_000 && links > 1_000, "{elements} {links}");
    }
}
