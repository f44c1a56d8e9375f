//! Light stemmers after the Snowball German and Porter2 English algorithms, working on folded
//! words (no umlauts, lower case). Smaller than a full Snowball runtime, and consistent on both
//! sides of a search, which is what matters: index and query are stemmed the same way.

use super::Lang;

/// The stem of a folded word. Words of up to three letters and words with digits stay as they are.
///
/// ```
/// use schaufenster_core::search::{stem, Lang};
/// assert_eq!(stem("rucksendungen", Lang::De), stem("rucksendung", Lang::De));
/// assert_eq!(stem("kosten", Lang::De), "kost");
/// assert_eq!(stem("returns", Lang::En), stem("returning", Lang::En));
/// assert_eq!(stem("shipping", Lang::En), "ship");
/// ```
pub fn stem(word: &str, lang: Lang) -> String {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_owned();
    }
    match lang {
        Lang::De => german(word),
        Lang::En => english(word),
    }
}

/// The stem's bytes as a string. Stems are ASCII (`stem` only passes words of ASCII lower-case
/// letters on, and every replacement is ASCII), so each byte is one char; this skips
/// `String::from_utf8`'s validation, whose only use in the wasm this was.
fn ascii(w: Vec<u8>) -> String {
    let mut out = String::with_capacity(w.len());
    for b in w {
        out.push(char::from(b));
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Start of the region after the first non-vowel that follows a vowel.
fn region_after(w: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 1 < w.len() {
        if is_vowel(w[i]) && !is_vowel(w[i + 1]) {
            return i + 2;
        }
        i += 1;
    }
    w.len()
}

fn german(word: &str) -> String {
    let mut w = word.as_bytes().to_vec();
    let r1 = region_after(&w, 0).max(3);
    let r2 = region_after(&w, r1);
    let in_r = |w: &Vec<u8>, suffix: &str, r: usize| w.ends_with(suffix.as_bytes()) && w.len() - suffix.len() >= r;
    // Step 1.
    let mut done = false;
    for suffix in "ern em er".split(' ') {
        if in_r(&w, suffix, r1) {
            w.truncate(w.len() - suffix.len());
            done = true;
            break;
        }
    }
    if !done {
        for suffix in "en es e".split(' ') {
            if in_r(&w, suffix, r1) {
                w.truncate(w.len() - suffix.len());
                if w.ends_with(b"niss") {
                    w.pop();
                }
                done = true;
                break;
            }
        }
    }
    if !done && in_r(&w, "s", r1) && w.len() >= 2 && b"bdfghklmnrt".contains(&w[w.len() - 2]) {
        w.pop();
    }
    // Step 2.
    let mut step2 = false;
    for suffix in "est en er".split(' ') {
        if in_r(&w, suffix, r1) {
            w.truncate(w.len() - suffix.len());
            step2 = true;
            break;
        }
    }
    if !step2 && in_r(&w, "st", r1) && w.len() >= 6 && b"bdfghklmnt".contains(&w[w.len() - 3]) {
        w.truncate(w.len() - 2);
    }
    // Step 3: derivational suffixes in R2.
    for suffix in "heit keit lich isch ung end ig ik".split(' ') {
        if in_r(&w, suffix, r2) && !(matches!(suffix, "ig" | "ik" | "isch") && w.len() > suffix.len() && w[w.len() - suffix.len() - 1] == b'e') {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    ascii(w)
}

fn english(word: &str) -> String {
    let mut w = word.as_bytes().to_vec();
    let r1 = region_after(&w, 0);
    let r2 = region_after(&w, r1);
    let has_vowel = |s: &[u8]| s.iter().any(|b| is_vowel(*b));
    let ends = |w: &Vec<u8>, s: &str| w.ends_with(s.as_bytes());
    let replace = |w: &mut Vec<u8>, s: &str, r: &str| {
        w.truncate(w.len() - s.len());
        w.extend_from_slice(r.as_bytes());
    };
    // Step 1a: plurals.
    if ends(&w, "sses") {
        w.truncate(w.len() - 2);
    } else if ends(&w, "ies") || ends(&w, "ied") {
        let keep = if w.len() > 4 { "i" } else { "ie" };
        replace(&mut w, "ies", keep);
    } else if ends(&w, "s") && !ends(&w, "ss") && !ends(&w, "us") && w.len() > 2 && has_vowel(&w[..w.len() - 2]) {
        w.pop();
    }
    // Step 1b: -ed, -ing, -ly forms.
    let mut added = false;
    if ends(&w, "eed") || ends(&w, "eedly") {
        if w.len() - if ends(&w, "eed") { 3 } else { 5 } >= r1 {
            let s = if ends(&w, "eed") { "eed" } else { "eedly" };
            replace(&mut w, s, "ee");
        }
    } else {
        for s in "ingly edly ing ed".split(' ') {
            if ends(&w, s) && has_vowel(&w[..w.len() - s.len()]) {
                w.truncate(w.len() - s.len());
                added = true;
                break;
            }
        }
    }
    if added {
        if ends(&w, "at") || ends(&w, "bl") || ends(&w, "iz") {
            w.push(b'e');
        } else if w.len() >= 2 && w[w.len() - 1] == w[w.len() - 2] && !b"aeiouylsz".contains(&w[w.len() - 1]) {
            w.pop();
        }
    }
    // Step 1c: y → i after a consonant.
    if w.len() > 2 && w[w.len() - 1] == b'y' && !is_vowel(w[w.len() - 2]) {
        let n = w.len();
        w[n - 1] = b'i';
    }
    // Steps 2 and 3: derivational suffixes in R1 ("suffix=replacement", space-separated: one
    // string instead of a table of string slices in the wasm).
    const STEP2: &str = concat!(
        "ization=ize ational=ate fulness=ful ousness=ous iveness=ive tional=tion biliti=ble lessli=less entli=ent ",
        "ation=ate alism=al aliti=al ousli=ous iviti=ive fulli=ful enci=ence anci=ance abli=able izer=ize ator=ate ",
        "alli=al icate=ic ative= alize=al iciti=ic ical=ic ness= ful=",
    );
    for (s, r) in STEP2.split(' ').filter_map(|p| p.split_once('=')) {
        if ends(&w, s) {
            if w.len() - s.len() >= r1 {
                replace(&mut w, s, r);
            }
            break;
        }
    }
    // Step 4: suffixes in R2.
    const STEP4: &str = "ement ance ence able ible ment ant ent ism ate iti ous ive ize al er ic";
    for s in STEP4.split(' ') {
        if ends(&w, s) {
            if w.len() - s.len() >= r2 {
                w.truncate(w.len() - s.len());
            }
            break;
        }
    }
    if ends(&w, "ion") && w.len() - 3 >= r2 && w.len() > 3 && matches!(w[w.len() - 4], b's' | b't') {
        w.truncate(w.len() - 3);
    }
    // Step 5: final e and double l.
    if (ends(&w, "e") || ends(&w, "ll")) && w.len() > r2 {
        w.pop();
    }
    ascii(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that must share a stem (the point of stemming) and words that must not.
    #[test]
    fn german_families() {
        let same = |a: &str, b: &str| assert_eq!(stem(a, Lang::De), stem(b, Lang::De), "{a} ~ {b}");
        same("rucksendung", "rucksendungen");
        same("kosten", "kost");
        same("versand", "versandes");
        same("lieferung", "lieferungen");
        same("zahlung", "zahlungen");
        same("bestellung", "bestellungen");
        same("gutschein", "gutscheine");
        same("koffer", "koffern");
        same("zuruck", "zuruck");
        same("kostenlos", "kostenlose");
        same("kostenlos", "kostenlosen");
        assert_ne!(stem("versand", Lang::De), stem("verstand", Lang::De));
        assert_eq!(stem("dhl", Lang::De), "dhl");
        assert_eq!(stem("50", Lang::De), "50");
    }

    #[test]
    fn english_families() {
        let same = |a: &str, b: &str| assert_eq!(stem(a, Lang::En), stem(b, Lang::En), "{a} ~ {b}");
        same("return", "returns");
        same("return", "returned");
        same("return", "returning");
        same("ship", "shipping");
        same("ship", "shipped");
        same("deliver", "delivering");
        same("payment", "payments");
        same("voucher", "vouchers");
        same("refund", "refunds");
        same("connection", "connections");
        same("generous", "generously");
        assert_eq!(stem("cabin", Lang::En), "cabin");
        assert_ne!(stem("ship", Lang::En), stem("shop", Lang::En));
    }
}
