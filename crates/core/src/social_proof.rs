//! Social-proof rules: which badges a product shows, decided only from the backend's numbers.
//!
//! **Invariant:** every number a badge shows is at most the number the backend sent. The
//! config sets thresholds, priorities, how many badges and how fresh the stats must be; it
//! cannot supply or raise a number. Counts of 20 and more are rounded *down* ("20+").

/// The kinds of badge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// "23 people bought this in the last 24 hours".
    Purchases,
    /// "4 people are looking at this right now".
    Viewers,
    /// "12 people added this to their cart in the last 24 hours".
    Carts,
    /// "Only 3 left in stock".
    LowStock,
    /// "4.6 of 5 stars, 128 reviews".
    Rating,
    /// "Bestseller in Backpacks" (when the backend says so).
    Bestseller,
}

impl Kind {
    /// Every kind, in the order used to break priority ties.
    pub const ALL: [Kind; 6] = [Kind::LowStock, Kind::Bestseller, Kind::Purchases, Kind::Rating, Kind::Viewers, Kind::Carts];

    /// Machine name (events, `data-kind`, message keys).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Purchases => "purchases",
            Kind::Viewers => "viewers",
            Kind::Carts => "carts",
            Kind::LowStock => "low_stock",
            Kind::Rating => "rating",
            Kind::Bestseller => "bestseller",
        }
    }
}

/// The rule for one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Which badge.
    pub kind: Kind,
    /// Whether it may show at all.
    pub enabled: bool,
    /// Purchases, viewers, carts: the minimum count. Low stock: shown while `0 < stock <=
    /// threshold`. Rating: the minimum number of reviews. Bestseller: the worst rank shown.
    pub threshold: u64,
    /// Lower comes first.
    pub priority: u32,
}

/// The complete rule set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rules {
    /// One rule per kind (missing kinds never show).
    pub rules: Vec<Rule>,
    /// At most this many badges per product (clamped to 1..=4).
    pub max_per_product: usize,
    /// Stats older than this (ms) are not shown at all.
    pub max_age_ms: u64,
}

/// Numbers the backend sent for one product, already type-checked. `None` = not sent (or
/// unusable, see [`Decision::problems`]). Counts are signed so that negative numbers from a
/// broken backend reach the rules and are rejected there, visibly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// When the backend computed the numbers (epoch ms).
    pub generated_at_ms: Option<i64>,
    /// Window of `purchases` and `carts`, in minutes.
    pub window_minutes: Option<i64>,
    /// Purchases in the window.
    pub purchases: Option<i64>,
    /// Add-to-cart actions in the window.
    pub carts: Option<i64>,
    /// Distinct visitors viewing now.
    pub viewers: Option<i64>,
    /// Units in stock.
    pub stock: Option<i64>,
    /// Average stars (1.0..=5.0) and number of reviews.
    pub rating: Option<(f64, i64)>,
    /// Category name and rank.
    pub bestseller: Option<(String, i64)>,
}

/// A number as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Exactly this many.
    Exact(u64),
    /// At least this many ("20+").
    AtLeast(u64),
}

impl Shown {
    /// The number written on the badge (without the "+").
    pub fn value(self) -> u64 {
        match self {
            Shown::Exact(n) | Shown::AtLeast(n) => n,
        }
    }
}

/// Rounds a count honestly: below 20 exactly, then down to tens, hundreds, thousands with a
/// "+", never up.
///
/// ```
/// use schaufenster_core::social_proof::{honest, Shown};
/// assert_eq!(honest(19), Shown::Exact(19));
/// assert_eq!(honest(21), Shown::AtLeast(20));
/// assert_eq!(honest(99), Shown::AtLeast(90));
/// assert_eq!(honest(1234), Shown::AtLeast(1000));
/// ```
pub fn honest(n: u64) -> Shown {
    let step = match n {
        0..=19 => return Shown::Exact(n),
        20..=99 => 10,
        100..=999 => 100,
        _ => 1000,
    };
    Shown::AtLeast(n / step * step)
}

/// An average in tenths, rounded down: 4.598 → 45, 4.59 → 45, 4.6 → 46. Hundredths are
/// taken first with a tolerance of 1e-6 so that a decimal like 4.59 (stored as 4.58999…) is
/// not pushed down a step by its binary representation.
pub fn tenths_floor(avg: f64) -> u32 {
    ((avg * 100.0 + 1e-6).floor() as u32) / 10
}

/// One badge to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Badge {
    /// Purchases in `window_minutes`.
    Purchases {
        /// The count as shown.
        count: Shown,
        /// The backend's window.
        window_minutes: u64,
    },
    /// Add-to-cart actions in `window_minutes`.
    Carts {
        /// The count as shown.
        count: Shown,
        /// The backend's window.
        window_minutes: u64,
    },
    /// Visitors viewing now.
    Viewers {
        /// The count as shown.
        count: Shown,
    },
    /// Units left.
    LowStock {
        /// Exact units left.
        count: u64,
    },
    /// Rating.
    Rating {
        /// Average in tenths, floored (4.66 → 46).
        tenths: u32,
        /// Number of reviews, exact.
        count: u64,
    },
    /// Bestseller in a category.
    Bestseller {
        /// Category name from the backend (rendered as text).
        category: String,
    },
}

impl Badge {
    /// The badge's kind.
    pub fn kind(&self) -> Kind {
        match self {
            Badge::Purchases { .. } => Kind::Purchases,
            Badge::Carts { .. } => Kind::Carts,
            Badge::Viewers { .. } => Kind::Viewers,
            Badge::LowStock { .. } => Kind::LowStock,
            Badge::Rating { .. } => Kind::Rating,
            Badge::Bestseller { .. } => Kind::Bestseller,
        }
    }
}

/// What to show for one product.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decision {
    /// The badges, most important first.
    pub badges: Vec<Badge>,
    /// Numbers that were ignored and why (for `sf:error`).
    pub problems: Vec<String>,
    /// The stats were too old (or undated) and nothing is shown.
    pub stale: bool,
}

/// Decides the badges for one product at time `now_ms`.
pub fn decide(rules: &Rules, stats: &Stats, now_ms: i64) -> Decision {
    let mut d = Decision::default();
    match stats.generated_at_ms {
        None => {
            d.problems.push("stats carry no generated_at time, so their age is unknown".into());
            d.stale = true;
        }
        Some(at) if now_ms.saturating_sub(at) > rules.max_age_ms as i64 => {
            d.problems.push(format!("stats are {} minutes old", now_ms.saturating_sub(at) / 60_000));
            d.stale = true;
        }
        // A server clock ahead of the browser by more than the allowed age is as suspect.
        Some(at) if at.saturating_sub(now_ms) > rules.max_age_ms as i64 => {
            d.problems.push("stats are dated in the future".into());
            d.stale = true;
        }
        Some(_) => {}
    }
    if d.stale {
        return d;
    }
    let mut count = |name: &str, v: Option<i64>| -> Option<u64> {
        match v {
            Some(n) if n < 0 => {
                d.problems.push(format!("{name} is negative ({n})"));
                None
            }
            Some(n) => Some(n as u64),
            None => None,
        }
    };
    let purchases = count("purchases", stats.purchases);
    let carts = count("carts", stats.carts);
    let viewers = count("viewers", stats.viewers);
    let stock = count("stock", stats.stock);
    let window = count("window_minutes", stats.window_minutes).filter(|w| *w > 0);
    let mut candidates: Vec<(u32, usize, Badge)> = Vec::new();
    for rule in &rules.rules {
        if !rule.enabled {
            continue;
        }
        let badge = match rule.kind {
            Kind::Purchases => match (purchases, window) {
                (Some(n), Some(w)) if n > 0 && n >= rule.threshold => Some(Badge::Purchases { count: honest(n), window_minutes: w }),
                _ => None,
            },
            Kind::Carts => match (carts, window) {
                (Some(n), Some(w)) if n > 0 && n >= rule.threshold => Some(Badge::Carts { count: honest(n), window_minutes: w }),
                _ => None,
            },
            Kind::Viewers => match viewers {
                Some(n) if n > 0 && n >= rule.threshold => Some(Badge::Viewers { count: honest(n) }),
                _ => None,
            },
            Kind::LowStock => match stock {
                Some(n) if n > 0 && n <= rule.threshold => Some(Badge::LowStock { count: n }),
                _ => None,
            },
            Kind::Rating => match stats.rating {
                Some((avg, n)) if !(1.0..=5.0).contains(&avg) || n < 0 => {
                    // Hundredths as an integer: float formatting would add ~15 KB to the wasm.
                    let hundredths = if avg.is_finite() { (avg * 100.0) as i64 } else { i64::MIN };
                    d.problems.push(if hundredths == i64::MIN {
                        format!("rating is out of range (average not a number, {n} reviews)")
                    } else {
                        format!("rating is out of range (average {}.{:02}, {n} reviews)", hundredths / 100, (hundredths % 100).abs())
                    });
                    None
                }
                Some((avg, n)) if n as u64 >= rule.threshold.max(1) => Some(Badge::Rating { tenths: tenths_floor(avg), count: n as u64 }),
                _ => None,
            },
            Kind::Bestseller => match &stats.bestseller {
                // Markup in a category name means a broken or hostile feed: it would show as
                // literal "<img …>" text, so the badge is left out and the problem reported.
                Some((cat, _)) if cat.contains(['<', '>']) => {
                    d.problems.push("bestseller category contains markup".into());
                    None
                }
                Some((cat, rank)) => {
                    let name = cat.trim();
                    if *rank < 1 || name.is_empty() || cat.chars().count() > 60 {
                        d.problems.push("bestseller has no usable category or rank".into());
                        None
                    } else if (*rank as u64) <= rule.threshold.max(1) {
                        Some(Badge::Bestseller { category: name.to_owned() })
                    } else {
                        None
                    }
                }
                None => None,
            },
        };
        if let Some(b) = badge {
            let tie = Kind::ALL.iter().position(|k| *k == rule.kind).unwrap_or(0);
            candidates.push((rule.priority, tie, b));
        }
    }
    if window.is_none() && (purchases.is_some() || carts.is_some()) {
        d.problems.push("counts in a window arrived without window_minutes".into());
    }
    crate::sort::sort_by(&mut candidates, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let max = rules.max_per_product.clamp(1, 4);
    for (_, _, b) in candidates {
        if d.badges.len() == max {
            break;
        }
        d.badges.push(b);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(kind: Kind, threshold: u64, priority: u32) -> Rule {
        Rule { kind, enabled: true, threshold, priority }
    }

    /// The demo shop's rules.
    fn rules() -> Rules {
        Rules {
            rules: vec![
                rule(Kind::LowStock, 5, 0),
                rule(Kind::Bestseller, 1, 1),
                rule(Kind::Purchases, 3, 1),
                rule(Kind::Rating, 5, 2),
                rule(Kind::Viewers, 2, 3),
                rule(Kind::Carts, 5, 4),
            ],
            max_per_product: 2,
            max_age_ms: 10 * 60_000,
        }
    }

    const NOW: i64 = 1_763_800_000_000;

    fn fresh() -> Stats {
        Stats { generated_at_ms: Some(NOW - 1000), window_minutes: Some(1440), ..Default::default() }
    }

    #[test]
    fn honest_rounding_at_the_boundaries() {
        for (n, want) in [
            (0, Shown::Exact(0)), (1, Shown::Exact(1)), (19, Shown::Exact(19)), (20, Shown::AtLeast(20)),
            (21, Shown::AtLeast(20)), (29, Shown::AtLeast(20)), (99, Shown::AtLeast(90)), (100, Shown::AtLeast(100)),
            (101, Shown::AtLeast(100)), (999, Shown::AtLeast(900)), (1000, Shown::AtLeast(1000)), (u64::MAX, Shown::AtLeast(u64::MAX / 1000 * 1000)),
        ] {
            assert_eq!(honest(n), want, "{n}");
        }
    }

    /// One row: stats → the kinds and numbers shown.
    fn check(stats: Stats, want: &[Badge]) {
        assert_eq!(decide(&rules(), &stats, NOW).badges, want, "{stats:?}");
    }

    #[test]
    fn thresholds_windows_priorities_and_the_maximum() {
        let purchases = |n| Badge::Purchases { count: honest(n), window_minutes: 1440 };
        check(Stats { purchases: Some(2), ..fresh() }, &[]);
        check(Stats { purchases: Some(3), ..fresh() }, &[purchases(3)]);
        check(Stats { purchases: Some(23), ..fresh() }, &[purchases(23)]);
        check(Stats { purchases: Some(23), window_minutes: Some(60), ..fresh() }, &[Badge::Purchases { count: Shown::AtLeast(20), window_minutes: 60 }]);
        // No window: a count "in the last …" cannot be worded honestly.
        check(Stats { purchases: Some(23), window_minutes: None, ..fresh() }, &[]);
        check(Stats { viewers: Some(1), ..fresh() }, &[]);
        check(Stats { viewers: Some(2), ..fresh() }, &[Badge::Viewers { count: Shown::Exact(2) }]);
        check(Stats { stock: Some(0), ..fresh() }, &[]);
        check(Stats { stock: Some(3), ..fresh() }, &[Badge::LowStock { count: 3 }]);
        check(Stats { stock: Some(6), ..fresh() }, &[]);
        check(Stats { rating: Some((4.66, 4)), ..fresh() }, &[]);
        check(Stats { rating: Some((4.66, 128)), ..fresh() }, &[Badge::Rating { tenths: 46, count: 128 }]);
        check(Stats { rating: Some((5.0, 5)), ..fresh() }, &[Badge::Rating { tenths: 50, count: 5 }]);
        check(Stats { bestseller: Some(("Rucksäcke".into(), 1)), ..fresh() }, &[Badge::Bestseller { category: "Rucksäcke".into() }]);
        check(Stats { bestseller: Some(("Rucksäcke".into(), 2)), ..fresh() }, &[]);
        // Priorities: low stock (0) first, then bestseller before purchases (tie at 1 broken by
        // kind order), and no more than two.
        check(
            Stats { stock: Some(2), purchases: Some(40), bestseller: Some(("Koffer".into(), 1)), viewers: Some(9), rating: Some((4.2, 50)), ..fresh() },
            &[Badge::LowStock { count: 2 }, Badge::Bestseller { category: "Koffer".into() }],
        );
        check(Stats { purchases: Some(40), viewers: Some(9), carts: Some(50), ..fresh() }, &[purchases(40), Badge::Viewers { count: Shown::Exact(9) }]);
    }

    #[test]
    fn ratings_round_down() {
        for (avg, want) in [(4.598, 45), (4.59, 45), (4.6, 46), (4.0, 40), (5.0, 50), (1.0, 10), (4.099, 40), (4.1, 41), (3.35, 33)] {
            assert_eq!(tenths_floor(avg), want, "{avg}");
        }
    }

    #[test]
    fn stale_undated_and_future_stats_show_nothing() {
        let busy = Stats { purchases: Some(50), viewers: Some(5), ..fresh() };
        for (at, stale) in [(Some(NOW), false), (Some(NOW - 10 * 60_000), false), (Some(NOW - 10 * 60_000 - 1), true), (None, true), (Some(NOW + 11 * 60_000), true), (Some(NOW + 60_000), false)] {
            let d = decide(&rules(), &Stats { generated_at_ms: at, ..busy.clone() }, NOW);
            assert_eq!(d.stale, stale, "{at:?}");
            assert_eq!(d.badges.is_empty(), stale, "{at:?}");
        }
    }

    #[test]
    fn broken_numbers_are_ignored_and_reported() {
        let d = decide(&rules(), &Stats { purchases: Some(-5), viewers: Some(-1), rating: Some((7.5, 10)), bestseller: Some(("".into(), 1)), stock: Some(3), ..fresh() }, NOW);
        assert_eq!(d.badges, [Badge::LowStock { count: 3 }]);
        assert_eq!(d.problems, ["purchases is negative (-5)", "viewers is negative (-1)", "bestseller has no usable category or rank", "rating is out of range (average 7.50, 10 reviews)"]);
        let d = decide(&rules(), &Stats { bestseller: Some(("<b>Koffer</b>".into(), 1)), ..fresh() }, NOW);
        assert_eq!((d.badges.len(), d.problems.as_slice()), (0, ["bestseller category contains markup".to_string()].as_slice()));
        let d = decide(&rules(), &Stats { rating: Some((f64::NAN, 10)), ..fresh() }, NOW);
        assert!(d.badges.is_empty() && d.problems.len() == 1);
    }

    #[test]
    fn disabled_rules_and_missing_kinds_never_show() {
        let mut r = rules();
        r.rules.retain(|x| x.kind != Kind::Viewers);
        r.rules.iter_mut().for_each(|x| if x.kind == Kind::LowStock { x.enabled = false });
        let d = decide(&r, &Stats { viewers: Some(10), stock: Some(1), ..fresh() }, NOW);
        assert!(d.badges.is_empty());
    }

    /// The honesty invariant, checked over many generated configs and stats: no badge ever
    /// shows a number above the backend's, whatever the thresholds, priorities and maximum.
    #[test]
    fn no_config_can_make_a_badge_show_more_than_the_backend_sent() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let rules = Rules {
                rules: Kind::ALL.iter().map(|&kind| Rule { kind, enabled: next() % 4 != 0, threshold: next() % 200, priority: (next() % 5) as u32 }).collect(),
                max_per_product: (next() % 6) as usize,
                max_age_ms: next() % 3_600_000,
            };
            let num = |r: u64| -> Option<i64> { if r.is_multiple_of(5) { None } else { Some((r % 5000) as i64 - 100) } };
            let stats = Stats {
                generated_at_ms: Some(NOW - (next() % 3_600_000) as i64),
                window_minutes: num(next()),
                purchases: num(next()),
                carts: num(next()),
                viewers: num(next()),
                stock: num(next()),
                rating: Some(((next() % 700) as f64 / 100.0, (next() % 300) as i64)),
                bestseller: Some(("Koffer".into(), (next() % 4) as i64)),
            };
            let d = decide(&rules, &stats, NOW);
            assert!(d.badges.len() <= rules.max_per_product.clamp(1, 4));
            for b in &d.badges {
                let ok = match b {
                    Badge::Purchases { count, window_minutes } => Some(count.value() as i64) <= stats.purchases && Some(*window_minutes as i64) == stats.window_minutes,
                    Badge::Carts { count, window_minutes } => Some(count.value() as i64) <= stats.carts && Some(*window_minutes as i64) == stats.window_minutes,
                    Badge::Viewers { count } => Some(count.value() as i64) <= stats.viewers,
                    Badge::LowStock { count } => Some(*count as i64) == stats.stock,
                    Badge::Rating { tenths, count } => {
                        let (avg, n) = stats.rating.unwrap();
                        (*tenths as f64) / 10.0 <= avg + 1e-9 && *count as i64 == n
                    }
                    Badge::Bestseller { .. } => stats.bestseller.as_ref().is_some_and(|(_, r)| *r >= 1),
                };
                assert!(ok, "{b:?} shows more than {stats:?}");
            }
        }
    }
}
