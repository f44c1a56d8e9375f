//! Currencies (ISO 4217) and money as integer minor units.
//!
//! **Invariant:** amounts are `i64` minor units (cents, Rappen, yen) with an explicit
//! [`Currency`]; nothing here converts between currencies, and arithmetic across two currencies
//! is refused with [`CurrencyMismatch`] instead of producing a number.

use core::fmt;

/// Active ISO 4217 codes, each followed by its number of minor-unit digits ("EUR2", "JPY0"),
/// packed into one string (a slice of pairs would cost three times the bytes in the wasm).
///
/// Kept sorted so lookups can binary-search. Funds and precious metals (XAU, XDR…) are left out
/// on purpose: no shop prices goods in them.
const ISO_4217: &str = concat!(
    "AED2AFN2ALL2AMD2ANG2AOA2ARS2AUD2AWG2AZN2BAM2BBD2BDT2BGN2BHD3BIF0BMD2BND2BOB2BRL2BSD2BTN2BWP2BYN2",
    "BZD2CAD2CDF2CHF2CLP0CNY2COP2CRC2CUP2CVE2CZK2DJF0DKK2DOP2DZD2EGP2ERN2ETB2EUR2FJD2FKP2GBP2GEL2GHS2",
    "GIP2GMD2GNF0GTQ2GYD2HKD2HNL2HTG2HUF2IDR2ILS2INR2IQD3IRR2ISK0JMD2JOD3JPY0KES2KGS2KHR2KMF0KPW2KRW0",
    "KWD3KYD2KZT2LAK2LBP2LKR2LRD2LSL2LYD3MAD2MDL2MGA2MKD2MMK2MNT2MOP2MRU2MUR2MVR2MWK2MXN2MYR2MZN2NAD2",
    "NGN2NIO2NOK2NPR2NZD2OMR3PAB2PEN2PGK2PHP2PKR2PLN2PYG0QAR2RON2RSD2RUB2RWF0SAR2SBD2SCR2SDG2SEK2SGD2",
    "SHP2SLE2SOS2SRD2SSP2STN2SVC2SYP2SZL2THB2TJS2TMT2TND3TOP2TRY2TTD2TWD2TZS2UAH2UGX0USD2UYU2UZS2VES2",
    "VND0VUV0WST2XAF0XCD2XOF0XPF0YER2ZAR2ZMW2ZWG2",
);

/// Entry `i` of the packed table: code and exponent.
fn entry(i: usize) -> (&'static str, u8) {
    let e = &ISO_4217[i * 4..i * 4 + 4];
    (&e[..3], e.as_bytes()[3] - b'0')
}

/// An ISO 4217 currency: its three-letter code and how many minor-unit digits it has.
///
/// ```
/// use schaufenster_core::Currency;
/// let chf = Currency::parse("CHF").unwrap();
/// assert_eq!((chf.code(), chf.exponent()), ("CHF", 2));
/// assert_eq!(Currency::parse("jpy").unwrap().exponent(), 0);
/// assert!(Currency::parse("EURO").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    idx: u8,
}

impl Currency {
    /// Looks up a code, ignoring ASCII case. `None` when it is not an active ISO 4217 code.
    pub fn parse(code: &str) -> Option<Currency> {
        if code.len() != 3 {
            return None;
        }
        let upper = code.to_ascii_uppercase();
        let (mut lo, mut hi) = (0, ISO_4217.len() / 4);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match entry(mid).0.cmp(upper.as_str()) {
                core::cmp::Ordering::Equal => return Some(Currency { idx: mid as u8 }),
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// The euro, the demo shop's home currency.
    pub fn eur() -> Currency {
        Currency::parse("EUR").expect("EUR is in the table")
    }

    /// The three-letter upper-case code.
    pub fn code(self) -> &'static str {
        entry(self.idx as usize).0
    }

    /// Number of minor-unit digits (2 for EUR, 0 for JPY, 3 for KWD).
    pub fn exponent(self) -> u8 {
        entry(self.idx as usize).1
    }

    /// How many minor units make one major unit (100 for EUR).
    pub fn minor_per_major(self) -> i64 {
        pow10(self.exponent() as u32).unwrap_or(1)
    }

    /// Every code this crate knows, for hints ("did you mean …").
    pub fn all_codes() -> impl Iterator<Item = &'static str> {
        (0..ISO_4217.len() / 4).map(|i| entry(i).0)
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: integer minor units and an explicit currency.
///
/// ```
/// use schaufenster_core::{Currency, Money};
/// let a = Money::new(4990, Currency::eur());
/// let b = Money::new(10, Currency::eur());
/// assert_eq!(a.checked_add(b).unwrap().minor(), 5000);
/// assert_eq!(a.to_decimal_string(), "49.90");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

/// Two amounts in different currencies were combined; they never are.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CurrencyMismatch {
    /// Currency of the left-hand amount.
    pub left: Currency,
    /// Currency of the right-hand amount.
    pub right: Currency,
}

impl fmt::Display for CurrencyMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot combine {} with {}", self.left, self.right)
    }
}

impl Money {
    /// An amount of `minor` units (cents for EUR) in `currency`.
    pub const fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Zero in `currency`.
    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    /// The amount in minor units.
    pub const fn minor(self) -> i64 {
        self.minor
    }

    /// The currency.
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// Sum of two amounts of one currency; saturates instead of overflowing.
    pub fn checked_add(self, other: Money) -> Result<Money, CurrencyMismatch> {
        self.same(other)?;
        Ok(Money::new(self.minor.saturating_add(other.minor), self.currency))
    }

    /// Difference of two amounts of one currency; saturates instead of overflowing.
    pub fn checked_sub(self, other: Money) -> Result<Money, CurrencyMismatch> {
        self.same(other)?;
        Ok(Money::new(self.minor.saturating_sub(other.minor), self.currency))
    }

    fn same(self, other: Money) -> Result<(), CurrencyMismatch> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(CurrencyMismatch { left: self.currency, right: other.currency })
        }
    }

    /// Plain decimal rendering with a dot and exactly `exponent` digits ("49.90", "-0.05",
    /// "1200" for JPY). For logs and machine output; people see `Intl.NumberFormat` output.
    pub fn to_decimal_string(self) -> String {
        let exp = self.currency.exponent() as u32;
        let neg = self.minor < 0;
        let abs = self.minor.unsigned_abs();
        let sign = if neg { "-" } else { "" };
        if exp == 0 {
            return format!("{sign}{abs}");
        }
        let div = 10_u64.pow(exp);
        format!("{sign}{}.{:0width$}", abs / div, abs % div, width = exp as usize)
    }

    /// An amount written as whole `units` of 10^-`decimals` of the major unit (WooCommerce's
    /// "1999" with `currency_minor_unit` 2, Shopify's hundredths for every currency), in minor
    /// units of `currency`. Exact: refused when it has more decimals than the currency (half a
    /// yen) or overflows.
    ///
    /// ```
    /// use schaufenster_core::{Currency, Money};
    /// let jpy = Currency::parse("JPY").unwrap();
    /// assert_eq!(Money::from_units(150000, 2, jpy).unwrap().minor(), 1500);
    /// assert!(Money::from_units(150050, 2, jpy).is_none());
    /// assert_eq!(Money::from_units(1250, 2, Currency::parse("KWD").unwrap()).unwrap().minor(), 12500);
    /// ```
    pub fn from_units(units: i64, decimals: u32, currency: Currency) -> Option<Money> {
        let exp = currency.exponent() as u32;
        let minor = if decimals <= exp {
            units.checked_mul(pow10(exp - decimals)?)?
        } else {
            let div = pow10(decimals - exp)?;
            if units % div != 0 {
                return None;
            }
            units / div
        };
        Some(Money::new(minor, currency))
    }

    /// Parses a decimal string such as `"49.90"` or `"49,9"` into minor units of `currency`.
    /// Refuses more fraction digits than the currency has, rather than rounding money silently.
    ///
    /// ```
    /// use schaufenster_core::{Currency, Money};
    /// assert_eq!(Money::parse_decimal("19.9", Currency::eur()).unwrap().minor(), 1990);
    /// assert!(Money::parse_decimal("19.999", Currency::eur()).is_none());
    /// ```
    pub fn parse_decimal(text: &str, currency: Currency) -> Option<Money> {
        let text = text.trim();
        let (neg, digits) = match text.strip_prefix("-") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = match digits.bytes().position(|b| b == b'.' || b == b',') {
            Some(i) => (&digits[..i], &digits[i + 1..]),
            None => (digits, ""),
        };
        let exp = currency.exponent() as usize;
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) || frac.len() > exp {
            return None;
        }
        let mut minor: i64 = crate::num::parse_i64(int)?;
        minor = minor.checked_mul(currency.minor_per_major())?;
        if !frac.is_empty() {
            let scaled: i64 = crate::num::parse_i64(frac)? * pow10((exp - frac.len()) as u32)?;
            minor = minor.checked_add(scaled)?;
        }
        Some(Money::new(if neg { -minor } else { minor }, currency))
    }
}

/// 10^`n`, `None` when it overflows: one small loop for every power of ten here (the
/// currencies' exponents are 0 to 3), instead of `i64::pow` beside a checked closure.
fn pow10(n: u32) -> Option<i64> {
    let mut p: i64 = 1;
    for _ in 0..n {
        p = p.checked_mul(10)?;
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert_eq!(ISO_4217.len() % 4, 0);
        let codes: Vec<&str> = Currency::all_codes().collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert!(codes.len() < 256 && codes.len() > 150);
        assert!(codes.iter().all(|c| c.len() == 3 && c.chars().all(|x| x.is_ascii_uppercase())));
    }

    #[test]
    fn currency_lookup() {
        for (code, found, exp) in [
            ("EUR", true, 2), ("eur", true, 2), ("CHF", true, 2), ("JPY", true, 0), ("KWD", true, 3),
            ("XYZ", false, 0), ("EU", false, 0), ("EURO", false, 0), ("", false, 0), ("€", false, 0),
        ] {
            let c = Currency::parse(code);
            assert_eq!(c.is_some(), found, "{code}");
            if let Some(c) = c {
                assert_eq!(c.exponent(), exp, "{code}");
            }
        }
    }

    #[test]
    fn decimal_strings() {
        let eur = Currency::eur();
        let jpy = Currency::parse("JPY").unwrap();
        let kwd = Currency::parse("KWD").unwrap();
        for (minor, cur, text) in [
            (4990, eur, "49.90"), (5, eur, "0.05"), (-5, eur, "-0.05"), (0, eur, "0.00"),
            (1200, jpy, "1200"), (1500, kwd, "1.500"), (i64::MIN, eur, "-92233720368547758.08"),
        ] {
            assert_eq!(Money::new(minor, cur).to_decimal_string(), text);
        }
    }

    #[test]
    fn parse_decimal_cases() {
        let eur = Currency::eur();
        let jpy = Currency::parse("JPY").unwrap();
        for (text, cur, want) in [
            ("49.90", eur, Some(4990)), ("49,9", eur, Some(4990)), ("49", eur, Some(4900)),
            (" 0.05 ", eur, Some(5)), ("-1.5", eur, Some(-150)), ("1.999", eur, None),
            ("1200", jpy, Some(1200)), ("12.5", jpy, None), ("", eur, None), ("abc", eur, None),
            (".5", eur, None), ("1e3", eur, None), ("99999999999999999999", eur, None),
        ] {
            assert_eq!(Money::parse_decimal(text, cur).map(Money::minor), want, "{text:?}");
        }
    }

    #[test]
    fn arithmetic_refuses_mixed_currencies() {
        let eur = Money::new(100, Currency::eur());
        let chf = Money::new(100, Currency::parse("CHF").unwrap());
        assert!(eur.checked_add(chf).is_err());
        assert!(eur.checked_sub(chf).is_err());
        assert_eq!(Money::new(i64::MAX, Currency::eur()).checked_add(eur).unwrap().minor(), i64::MAX);
    }
}
