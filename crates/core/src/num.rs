//! Integer parsing written out: std's generic `str::parse` for integers is larger in the wasm
//! than these loops, and each integer type it is used with adds another copy.

/// `text.parse::<i64>().ok()`: an optional sign, then ASCII digits only.
pub fn parse_i64(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulated as a negative number so that i64::MIN fits.
    let mut n: i64 = 0;
    for b in digits.bytes() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n.checked_mul(10)?.checked_sub(i64::from(d))?;
    }
    if negative {
        Some(n)
    } else {
        n.checked_neg()
    }
}

/// `text.parse::<usize>().ok()`: an optional `+`, then ASCII digits only.
pub fn parse_usize(text: &str) -> Option<usize> {
    if text.starts_with('-') {
        return None;
    }
    parse_i64(text).and_then(|n| usize::try_from(n).ok())
}

#[cfg(test)]
mod tests {
    use super::{parse_i64, parse_usize};

    #[test]
    fn same_as_str_parse() {
        let mut cases: Vec<String> = ["", "+", "-", "0", "-0", "+0", "007", "12a", " 1", "1 ", "--1", "+-1", "-+1", "٣", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "99999999999999999999", "+9223372036854775807", "4294967295", "4294967296", "18446744073709551615", "18446744073709551616"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for a in ["", "+", "-"] {
            for n in [0i64, 1, 9, 10, 4990, 123456789, i64::MAX / 10, i64::MAX, i64::MIN] {
                cases.push(format!("{a}{n}"));
            }
        }
        for c in &cases {
            assert_eq!(parse_i64(c), c.parse::<i64>().ok(), "{c:?}");
            // Natively usize is 64 bits; in the wasm 32, where try_from refuses the same values as parse.
            assert_eq!(parse_usize(c), c.parse::<usize>().ok().filter(|&n| n <= i64::MAX as usize), "{c:?}");
        }
    }
}
