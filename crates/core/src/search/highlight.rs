//! Highlighting and snippets from [`MatchRange`](super::MatchRange) byte ranges.

/// Splits `text` into `(piece, matched)` runs. `ranges` are byte ranges into `text` (any order,
/// may overlap; out-of-bounds or off-char-boundary ranges are ignored).
pub fn segments<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    each_segment(text, ranges, |piece, matched| out.push((piece, matched)));
    out
}

/// [`segments`], handing each run to `f` instead of collecting them.
pub fn each_segment<'a>(text: &'a str, ranges: &[(usize, usize)], mut f: impl FnMut(&'a str, bool)) {
    let mut rs: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in ranges {
        if s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e) {
            rs.push((s, e));
        }
    }
    crate::sort::sort_by(&mut rs, |a, b| a.0.cmp(&b.0));
    let mut at = 0;
    for (s, e) in rs {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        if s > at {
            f(&text[at..s], false);
        }
        f(&text[s..e], true);
        at = e;
    }
    if at < text.len() {
        f(&text[at..], false);
    }
}

/// A window of about `max_chars` characters of `text` around the first range, starting at a
/// word boundary, with `…` where text was cut; returns the snippet and the ranges moved into it.
pub fn snippet(text: &str, ranges: &[(usize, usize)], max_chars: usize) -> (String, Vec<(usize, usize)>) {
    let mut first: Option<usize> = None;
    for &(s, _) in ranges {
        if s < text.len() && first.is_none_or(|f| s < f) {
            first = Some(s);
        }
    }
    // Start up to about a third of the window before the first match, at a word start.
    let mut start = 0;
    if let Some(f) = first {
        let lead = max_chars / 3;
        let before = &text[..f];
        let n = before.chars().count();
        if n > lead {
            // Just after the first space from `lead + 1` characters before the match on.
            start = before.char_indices().skip(n - lead - 1).find(|c| c.1.is_whitespace()).map_or(f, |(p, c)| p + c.len_utf8());
        }
    }
    let mut end = text.len();
    if let Some((i, _)) = text[start..].char_indices().nth(max_chars) {
        // Cut at the last space inside the window, if there is one.
        let cut = start + i;
        end = text[start..cut].rfind(char::is_whitespace).map(|p| start + p).filter(|&p| p > start).unwrap_or(cut);
    }
    let mut out = String::new();
    let prefix = if start > 0 { "… " } else { "" };
    out.push_str(prefix);
    let body = text[start..end].trim_end();
    out.push_str(body);
    let body_end = start + body.len();
    if end < text.len() {
        out.push_str(" …");
    }
    let shift = |p: usize| p - start + prefix.len();
    let mut moved = Vec::new();
    for &(s, e) in ranges {
        if s >= start && e <= body_end && s < e {
            moved.push((shift(s), shift(e)));
        }
    }
    (out, moved)
}

/// Entry indices by popularity, most popular first; ties keep the given order.
pub fn by_popularity(popularity: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(popularity.len());
    for i in 0..popularity.len() {
        order.push(i);
    }
    crate::sort::sort_by(&mut order, |&a, &b| popularity[b].cmp(&popularity[a]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cases() {
        let t = "Kosten der Rücksendung";
        for (ranges, want) in [
            (vec![], vec![("Kosten der Rücksendung", false)]),
            (vec![(0, 6)], vec![("Kosten", true), (" der Rücksendung", false)]),
            (vec![(11, 23), (0, 6)], vec![("Kosten", true), (" der ", false), ("Rücksendung", true)]),
            (vec![(0, 6), (3, 10)], vec![("Kosten der", true), (" Rücksendung", false)]),
            // Out of bounds and inside "ü" are ignored.
            (vec![(20, 99), (12, 13)], vec![("Kosten der Rücksendung", false)]),
        ] {
            let got: Vec<(&str, bool)> = segments(t, &ranges);
            let joined: String = got.iter().map(|s| s.0).collect();
            assert_eq!(joined, t);
            let merged: Vec<(String, bool)> = got.iter().fold(Vec::new(), |mut acc: Vec<(String, bool)>, (p, m)| {
                match acc.last_mut() {
                    Some(l) if l.1 == *m => l.0.push_str(p),
                    _ => acc.push((p.to_string(), *m)),
                }
                acc
            });
            let want: Vec<(String, bool)> = want.into_iter().map(|(p, m)| (p.to_string(), m)).collect();
            assert_eq!(merged, want, "{ranges:?}");
        }
    }

    #[test]
    fn snippet_cases() {
        let text = "Du kannst jeden Artikel innerhalb von 30 Tagen kostenlos zurücksenden. Lege dazu den Retourenschein bei und bringe das Paket zur Post.";
        // No match: the start of the text.
        let (s, r) = snippet(text, &[], 40);
        assert!(s.starts_with("Du kannst") && s.ends_with(" …") && s.chars().count() <= 42, "{s}");
        assert!(r.is_empty());
        // Match far in: the window starts at a word before it and the range moves along.
        let at = text.find("Retourenschein").unwrap();
        let (s, r) = snippet(text, &[(at, at + "Retourenschein".len())], 60);
        assert!(s.starts_with("… "), "{s}");
        assert_eq!(&s[r[0].0..r[0].1], "Retourenschein");
        // Short text: unchanged.
        let (s, r) = snippet("Kurz.", &[(0, 4)], 60);
        assert_eq!((s.as_str(), r), ("Kurz.", vec![(0, 4)]));
        // Non-ASCII at the cut never splits a character.
        let (s, _) = snippet(&"ü".repeat(100), &[], 10);
        assert!(s.starts_with("üüü"));
    }

    #[test]
    fn popularity_order_is_stable() {
        assert_eq!(by_popularity(&[5, 9, 5, 0, 9]), vec![1, 4, 0, 2, 3]);
        assert!(by_popularity(&[]).is_empty());
    }
}
