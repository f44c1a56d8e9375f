//! Loyalty rules: earning per currency, rounding, exclusions, tier multipliers and boundaries,
//! bonuses, affordability and redemption limits.
use schaufenster_core::loyalty::*;
use schaufenster_core::{Cart, CartLine, Currency};

fn cur(c: &str) -> Currency {
    Currency::parse(c).unwrap()
}

fn program() -> Program {
    Program {
        // 1 point per euro; CHF 1 point per 1.05 francs (the shop's price ratio), so the same
        // goods earn the same; SEK is priced ~11.5× EUR: 1 point per 11.50 kr.
        rates: vec![
            EarnRate { currency: cur("EUR"), points: 1, per_minor: 100 },
            EarnRate { currency: cur("CHF"), points: 1, per_minor: 105 },
            EarnRate { currency: cur("SEK"), points: 2, per_minor: 2300 },
        ],
        excluded_products: vec!["gutschein-25".into()],
        tier_basis: Some(TierBasis::YearlyPoints),
        tiers: vec![
            Tier { id: "gold".into(), threshold: 1000, multiplier_percent: 150 },
            Tier { id: "silber".into(), threshold: 250, multiplier_percent: 125 },
        ],
        start_bonus: 100,
        birthday_bonus: 50,
        rewards: vec![Reward { id: "5-euro".into(), cost: 250 }, Reward { id: "versand".into(), cost: 150 }, Reward { id: "mini".into(), cost: 20 }],
        min_redeem: 50,
        max_redemptions_per_order: 1,
    }
}

fn cart(currency: &str, lines: &[(&str, u32, i64)], discount: i64) -> Cart {
    Cart { currency: cur(currency), country: None, lines: lines.iter().map(|&(id, q, p)| CartLine::new(id, q, p)).collect(), cart_discount: discount, free_shipping: false }
}

#[test]
fn earning_per_currency_rounding_and_exclusions() {
    let p = program();
    for (name, c, tier, points, eligible) in [
        ("49.99 € → 49 (down)", cart("EUR", &[("koffer", 1, 4999)], 0), None, 49, 4999),
        ("the same goods in CHF (52.49) earn the same", cart("CHF", &[("koffer", 1, 5249)], 0), None, 49, 5249),
        ("SEK 574.89 (≈ 49.99 €) earns 49, not 17× as much", cart("SEK", &[("koffer", 1, 57489)], 0), None, 49, 57489),
        ("no rate for USD: nothing", cart("USD", &[("koffer", 1, 5000)], 0), None, 0, 5000),
        ("gift cards earn nothing", cart("EUR", &[("koffer", 1, 5000), ("gutschein-25", 1, 2500)], 0), None, 50, 5000),
        // 10 € discount over 75 € of lines: the eligible 50 € carry 2/3 of it, rounded up (6.67).
        ("cart discount shared, rounded against the points", cart("EUR", &[("koffer", 1, 5000), ("gutschein-25", 1, 2500)], 1000), None, 43, 4333),
        ("silver ×1.25: 99.99 € → 124 (124.9875 down)", cart("EUR", &[("koffer", 1, 9999)], 0), Some(1), 124, 9999),
        ("gold ×1.5: 0.99 € → 1", cart("EUR", &[("socken", 1, 99)], 0), Some(0), 1, 99),
        ("empty cart", cart("EUR", &[], 0), Some(0), 0, 0),
        ("discount larger than the cart", cart("EUR", &[("koffer", 1, 1000)], 5000), None, 0, 0),
    ] {
        let e = p.earn(&c, tier);
        assert_eq!((e.points, e.eligible), (points, eligible), "{name}");
        assert_eq!(e.rate_known, c.currency != cur("USD"), "{name}");
    }
}

#[test]
fn tier_boundaries_and_progress() {
    let p = program();
    // Tiers are given out of order; status sorts them by threshold.
    for (progress, current, next, remaining, permille) in [
        (0, None, Some("silber"), 250, 0),
        (249, None, Some("silber"), 1, 996),
        (250, Some("silber"), Some("gold"), 750, 0),
        (625, Some("silber"), Some("gold"), 375, 500),
        (999, Some("silber"), Some("gold"), 1, 998),
        (1000, Some("gold"), None, 0, 1000),
        (u64::MAX, Some("gold"), None, 0, 1000),
    ] {
        let s = p.tier_status(progress);
        let name = |i: Option<usize>| i.map(|i| p.tiers[i].id.as_str());
        assert_eq!((name(s.current), name(s.next), s.remaining, s.permille), (current, next, remaining, permille), "{progress}");
    }
    assert_eq!(Program::default().tier_status(10), TierStatus { current: None, next: None, remaining: 0, permille: 1000 });
}

#[test]
fn redemption_rules() {
    let p = program();
    assert_eq!(p.can_redeem("5-euro", 300, 0).map(|r| r.cost), Ok(250));
    assert_eq!(p.can_redeem("5-euro", 250, 0).map(|r| r.cost), Ok(250), "exactly the balance");
    assert_eq!(p.can_redeem("5-euro", 249, 0), Err(Refusal::InsufficientBalance { missing: 1 }));
    assert_eq!(p.can_redeem("5-euro", -20, 0), Err(Refusal::InsufficientBalance { missing: 250 }), "a negative balance is treated as none");
    assert_eq!(p.can_redeem("mini", 1000, 0), Err(Refusal::BelowMinimum { minimum: 50 }));
    assert_eq!(p.can_redeem("versand", 1000, 1), Err(Refusal::LimitReached { limit: 1 }));
    assert_eq!(p.can_redeem("nope", 1000, 0), Err(Refusal::UnknownReward));
    assert_eq!(p.affordable(200).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["versand"]);
    assert_eq!(p.affordable(250).iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["5-euro", "versand"]);
    let unlimited = Program { max_redemptions_per_order: 0, ..program() };
    assert!(unlimited.can_redeem("versand", 1000, 99).is_ok());
}

#[test]
fn birthday_bonus_once_a_year_from_the_birthday() {
    for (birthday, today, last, due) in [
        ((6, 15), (2026, 6, 15), None, true),
        ((6, 15), (2026, 6, 14), None, false),
        ((6, 15), (2026, 12, 31), None, true),
        ((6, 15), (2026, 7, 1), Some(2026), false),
        ((6, 15), (2027, 6, 15), Some(2026), true),
        ((2, 29), (2026, 2, 28), None, true),
        ((2, 29), (2028, 2, 28), None, false),
        ((2, 29), (2028, 2, 29), None, true),
        ((1, 1), (2026, 1, 1), Some(2025), true),
    ] {
        assert_eq!(birthday_due(birthday, today, last), due, "{birthday:?} {today:?} {last:?}");
    }
}
