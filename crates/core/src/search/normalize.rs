//! Folding and tokenisation with byte ranges.
//!
//! Folding maps case, umlauts and accents to plain letters (ä → a, ß → ss, é → e) with a
//! small Latin table rather than Unicode's full case tables (which would cost ~20 KB of wasm);
//! letters outside Latin-1 keep their form. German text additionally folds the digraph
//! spellings ae/oe/ue to a/o/u, so "Rücksendung", "Ruecksendung" and "Rucksendung" meet.

use super::Lang;

/// A word of a text: its folded form and where it stands in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Folded word.
    pub text: String,
    /// Start byte in the original text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// Whether `c` belongs to a word (letters and digits of any script; punctuation, symbols and
/// spaces split words).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c > '\u{BF}'
            && !matches!(c, '\u{D7}' | '\u{F7}' | '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FFF0}'..='\u{FFFF}'))
}

/// The folded letter of each of U+00C0..=U+00FF (À..ÿ): `.` keeps the character, `E` is "ae"
/// (æ), `S` is "ss" (ß). One string rather than a match of 60 characters in the wasm.
const LATIN1: &[u8; 64] = b"aaaaaaEceeeeiiii.nooooo.ouuuuy.SaaaaaaEceeeeiiii.nooooo.ouuuuy.y";

fn fold_char(c: char, out: &mut String) {
    let folded = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{C0}'..='\u{FF}' => match LATIN1[c as usize - 0xC0] {
            b'.' => c,
            b'E' => return out.push_str("ae"),
            b'S' => return out.push_str("ss"),
            b => char::from(b),
        },
        'ẞ' => return out.push_str("ss"),
        _ => c,
    };
    out.push(folded);
}

/// Folds a word for matching in `lang`.
///
/// ```
/// use schaufenster_core::search::{fold, Lang};
/// assert_eq!(fold("Rücksendung", Lang::De), "rucksendung");
/// assert_eq!(fold("Ruecksendung", Lang::De), "rucksendung");
/// assert_eq!(fold("Straße", Lang::De), "strasse");
/// assert_eq!(fold("Café", Lang::En), "cafe");
/// assert_eq!(fold("queue", Lang::En), "queue");
/// ```
pub fn fold(word: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        fold_char(c, &mut out);
    }
    // A byte scan for "ae", "oe", "ue" (`str::contains::<&str>` links the two-way searcher).
    if lang == Lang::De && out.as_bytes().windows(2).any(|w| matches!(w, [b'a' | b'o' | b'u', b'e'])) {
        out = fold_digraphs(&out);
    }
    out
}

/// ae/oe/ue → a/o/u, except after "q" ("Quelle") and after a vowel, where the letters belong
/// to a diphthong ("dauert", "neue", "Feuer"). Where an e starts a syllable of its own the rule
/// can still misfire, but it runs on index and query alike, so both sides agree.
fn fold_digraphs(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let after_vowel_or_q = i > 0 && matches!(b[i - 1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'q');
        if matches!(c, b'a' | b'o' | b'u') && b.get(i + 1) == Some(&b'e') && !after_vowel_or_q {
            out.push(c as char);
            i += 2;
            continue;
        }
        // Copy one UTF-8 character.
        let len = s[i..].chars().next().map(char::len_utf8).unwrap_or(1);
        out.push_str(&s[i..i + len]);
        i += len;
    }
    out
}

/// Splits a text into folded words with byte ranges.
///
/// ```
/// use schaufenster_core::search::{tokenize, Lang};
/// let t = tokenize("Wie lange dauert's? (DHL-Paket)", Lang::De);
/// let words: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
/// assert_eq!(words, ["wie", "lange", "dauert", "s", "dhl", "paket"]);
/// assert_eq!(&"Wie lange dauert's? (DHL-Paket)"[t[4].start..t[4].end], "DHL");
/// ```
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { text: fold(&text[s..i], lang), start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token { text: fold(&text[s..], lang), start: s, end: text.len() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        for (word, lang, want) in [
            ("Rücksendung", Lang::De, "rucksendung"),
            ("Ruecksendung", Lang::De, "rucksendung"),
            ("Rucksendung", Lang::De, "rucksendung"),
            ("GRÖSSE", Lang::De, "grosse"),
            ("Größe", Lang::De, "grosse"),
            ("Groesse", Lang::De, "grosse"),
            ("Quelle", Lang::De, "quelle"),
            ("dauert", Lang::De, "dauert"),
            ("neue", Lang::De, "neue"),
            ("Steuer", Lang::De, "steuer"),
            ("Gebuehr", Lang::De, "gebuhr"),
            ("Übersicht", Lang::De, "ubersicht"),
            ("Æsop", Lang::En, "aesop"),
            ("Crème", Lang::En, "creme"),
            ("ΑΒΓ", Lang::En, "ΑΒΓ"),
            ("", Lang::De, ""),
        ] {
            assert_eq!(fold(word, lang), want, "{word}");
        }
    }

    #[test]
    fn tokens_keep_ranges_of_the_original() {
        let text = "Größe & Maße: 55×40×20 cm — Handgepäck!";
        let toks = tokenize(text, Lang::De);
        let words: Vec<(&str, &str)> = toks.iter().map(|t| (t.text.as_str(), &text[t.start..t.end])).collect();
        assert_eq!(words, [("grosse", "Größe"), ("masse", "Maße"), ("55", "55"), ("40", "40"), ("20", "20"), ("cm", "cm"), ("handgepack", "Handgepäck")]);
        assert!(tokenize("?!… ---", Lang::De).is_empty());
    }
}
