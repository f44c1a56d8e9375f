//! Free-shipping tiers: which threshold applies, how much of the cart counts, what remains.
//!
//! The same [`evaluate`] runs in the widget (to draw the bar) and in the reference backend (to
//! charge shipping at checkout), so what the bar promises is what checkout applies.
//!
//! **Invariant:** a threshold is only ever compared with a subtotal of its own currency. A tier
//! without a threshold for the cart's currency does not apply; it is never converted.

use crate::cart::Cart;
use crate::money::Currency;

/// What reaching a tier gives the shopper; picks the message shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reward {
    /// Shipping costs nothing.
    FreeShipping,
    /// A free gift is added.
    Gift,
    /// Something else, described by the tier's own messages.
    Other,
}

/// Which amount of the cart counts towards a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SubtotalBasis {
    /// Line prices after line discounts and the cart discount (what the shopper pays for goods).
    #[default]
    AfterDiscounts,
    /// Line prices before any discount.
    BeforeDiscounts,
}

/// One threshold of a tier: an amount in one currency, optionally only for one country.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    /// Currency of `amount`.
    pub currency: Currency,
    /// Country (ISO 3166-1 alpha-2) this threshold is for; `None` = every country.
    pub country: Option<String>,
    /// Minimum eligible subtotal in minor units (`>= 0`).
    pub amount: i64,
}

/// A tier such as "free shipping from 50 €" or "free gift from 80 €".
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    /// Stable id (used in events and message keys).
    pub id: String,
    /// What reaching it gives.
    pub reward: Reward,
    /// Thresholds per currency and country.
    pub thresholds: Vec<Threshold>,
}

/// The complete free-shipping rule set.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ShippingRules {
    /// Tiers in any order; they are evaluated by their threshold for the cart.
    pub tiers: Vec<Tier>,
    /// Product ids whose lines never count (gift cards, vouchers).
    pub excluded_products: Vec<String>,
    /// Which subtotal counts.
    pub basis: SubtotalBasis,
}

/// Where one tier stands for a given cart.
#[derive(Clone, Debug, PartialEq)]
pub struct TierStatus {
    /// The tier's id.
    pub id: String,
    /// What it gives.
    pub reward: Reward,
    /// The threshold that applies to this cart's currency and country.
    pub threshold: i64,
    /// Whether the eligible subtotal reaches it, or, for a free-shipping tier, the cart has
    /// free shipping granted ([`Cart::free_shipping`]).
    pub reached: bool,
    /// What is still missing (0 when reached).
    pub remaining: i64,
}

/// The result of [`evaluate`].
#[derive(Clone, Debug, PartialEq)]
pub struct ShippingProgress {
    /// The cart's currency; every amount here is in it.
    pub currency: Currency,
    /// The subtotal that counts (after exclusions and, by the basis, discounts).
    pub eligible_subtotal: i64,
    /// Amount of the excluded lines (shown so the shopper understands a gap).
    pub excluded_subtotal: i64,
    /// Applicable tiers, ascending by threshold (ties by id).
    pub tiers: Vec<TierStatus>,
    /// The cart has free shipping granted: its free-shipping tiers are reached whatever the
    /// subtotal, and are no goal on the bar ([`ShippingProgress::scale`]).
    pub free_shipping_granted: bool,
}

impl ShippingProgress {
    /// The first tier not reached yet, if any.
    pub fn next(&self) -> Option<&TierStatus> {
        self.tiers.iter().find(|t| !t.reached)
    }

    /// Every applicable tier is reached (false when none applies).
    pub fn all_reached(&self) -> bool {
        !self.tiers.is_empty() && self.tiers.iter().all(|t| t.reached)
    }

    /// The last tier reached, if any.
    pub fn last_reached(&self) -> Option<&TierStatus> {
        self.tiers.iter().rev().find(|t| t.reached)
    }

    /// Whether `t` is reached by a grant rather than by the subtotal.
    pub fn granted(&self, t: &TierStatus) -> bool {
        self.free_shipping_granted && t.reward == Reward::FreeShipping
    }

    /// The highest tier the subtotal still counts towards (granted tiers are no goal); `None`
    /// when no tier applies or every one is granted.
    pub fn scale(&self) -> Option<&TierStatus> {
        self.tiers.iter().rev().find(|t| !self.granted(t))
    }

    /// Progress towards the [`scale`](Self::scale)'s tier in per-mille, floored so the bar
    /// never shows full before that tier is really reached; 1000 when every applicable tier is
    /// granted, 0 when none applies. The subtotal is never made up: a granted tier just leaves
    /// the scale.
    pub fn permille(&self) -> u32 {
        match self.scale() {
            Some(top) => permille(self.eligible_subtotal, top.threshold),
            None if self.tiers.is_empty() => 0,
            None => 1000,
        }
    }

    /// Per-mille positions on the bar of the tiers below the [`scale`](Self::scale)'s tier
    /// (granted ones have no place on it).
    pub fn markers(&self) -> Vec<u32> {
        let Some(top) = self.scale() else { return Vec::new() };
        let mut out = Vec::new();
        for t in &self.tiers {
            if !self.granted(t) && !core::ptr::eq(t, top) {
                out.push(permille(t.threshold, top.threshold));
            }
        }
        out
    }

    /// Free shipping is reached (a [`Reward::FreeShipping`] tier applies and is reached, by the
    /// subtotal or granted).
    pub fn free_shipping(&self) -> bool {
        self.tiers.iter().any(|t| t.reward == Reward::FreeShipping && t.reached)
    }
}

/// `value / max` in per-mille, floored, clamped to 0..=1000; a zero `max` counts as reached.
///
/// ```
/// use schaufenster_core::shipping::permille;
/// assert_eq!(permille(4999, 5000), 999);
/// assert_eq!(permille(5000, 5000), 1000);
/// assert_eq!(permille(9000, 5000), 1000);
/// ```
pub fn permille(value: i64, max: i64) -> u32 {
    if max <= 0 {
        return 1000;
    }
    if value <= 0 {
        return 0;
    }
    crate::wide::div(value as u128 * 1000, max as u64).min(1000) as u32
}

impl Tier {
    /// The threshold for `currency` and `country`: an exact country match wins over a
    /// country-less one; other currencies never match.
    pub fn threshold_for(&self, currency: Currency, country: Option<&str>) -> Option<i64> {
        // One pass: a threshold for the country wins; else the first without a country.
        let mut fallback = None;
        for t in &self.thresholds {
            if t.currency != currency {
                continue;
            }
            match (&t.country, country) {
                (Some(c), Some(want)) if c.eq_ignore_ascii_case(want) => return Some(t.amount),
                (None, _) if fallback.is_none() => fallback = Some(t.amount),
                _ => {}
            }
        }
        fallback
    }
}

impl ShippingRules {
    /// Whether a product's lines are excluded from the subtotal.
    pub fn is_excluded(&self, product_id: &str) -> bool {
        self.excluded_products.iter().any(|p| p == product_id)
    }

    /// The subtotal that counts towards thresholds, and the amount excluded.
    ///
    /// With [`SubtotalBasis::AfterDiscounts`] the cart discount is shared out over the lines in
    /// proportion to their net amount, and the eligible share is rounded **up** so the bar never
    /// promises free shipping that checkout would not grant.
    pub fn eligible_subtotal(&self, cart: &Cart) -> (i64, i64) {
        let after = self.basis == SubtotalBasis::AfterDiscounts;
        cart.split_subtotal(|id| self.is_excluded(id), after, after)
    }
}

/// Evaluates the rules for a cart.
///
/// ```
/// use schaufenster_core::{Cart, CartLine, Currency};
/// use schaufenster_core::shipping::{evaluate, Reward, ShippingRules, Threshold, Tier};
/// let eur = Currency::eur();
/// let rules = ShippingRules {
///     tiers: vec![Tier { id: "free".into(), reward: Reward::FreeShipping,
///         thresholds: vec![Threshold { currency: eur, country: None, amount: 5000 }] }],
///     ..Default::default()
/// };
/// let mut cart = Cart::empty(eur);
/// cart.lines.push(CartLine::new("tee", 2, 1990));
/// let p = evaluate(&rules, &cart);
/// assert_eq!(p.next().unwrap().remaining, 1020);
/// ```
pub fn evaluate(rules: &ShippingRules, cart: &Cart) -> ShippingProgress {
    let (eligible, excluded) = rules.eligible_subtotal(cart);
    let mut tiers: Vec<TierStatus> = Vec::new();
    for tier in &rules.tiers {
        let Some(threshold) = tier.threshold_for(cart.currency, cart.country.as_deref()) else { continue };
        let threshold = threshold.max(0);
        let reached = eligible >= threshold || cart.free_shipping && tier.reward == Reward::FreeShipping;
        tiers.push(TierStatus {
            id: tier.id.clone(),
            reward: tier.reward,
            threshold,
            reached,
            remaining: if reached { 0 } else { threshold.saturating_sub(eligible).max(0) },
        });
    }
    crate::sort::sort_by(&mut tiers, |a, b| a.threshold.cmp(&b.threshold).then_with(|| a.id.cmp(&b.id)));
    ShippingProgress { currency: cart.currency, eligible_subtotal: eligible, excluded_subtotal: excluded, tiers, free_shipping_granted: cart.free_shipping }
}

/// A product that could be suggested to close the gap.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Product id.
    pub id: String,
    /// Unit price in minor units of the cart's currency.
    pub price: i64,
    /// Whether it can be bought now.
    pub available: bool,
}

/// Picks up to `max` candidates whose price best closes `remaining`.
///
/// Order: products that close the gap on their own, cheapest first (smallest overshoot); then,
/// when fewer than `max` do, the dearest products below the gap (they close most of it).
/// Excluded products never qualify (they would not count), nor unavailable ones, nor
/// products already in the cart. Ties break by id so the order is stable.
pub fn suggest<'a>(
    rules: &ShippingRules,
    cart: &Cart,
    remaining: i64,
    candidates: &'a [Candidate],
    max: usize,
) -> Vec<&'a Candidate> {
    if remaining <= 0 || max == 0 {
        return Vec::new();
    }
    let in_cart = |id: &str| cart.lines.iter().any(|l| l.product_id == id);
    let mut usable: Vec<&Candidate> = Vec::new();
    for c in candidates {
        if c.available && c.price > 0 && !rules.is_excluded(&c.id) && !in_cart(&c.id) {
            usable.push(c);
        }
    }
    crate::sort::sort_by(&mut usable, |a, b| {
        let a_closes = a.price >= remaining;
        let b_closes = b.price >= remaining;
        b_closes
            .cmp(&a_closes)
            .then_with(|| if a_closes { a.price.cmp(&b.price) } else { b.price.cmp(&a.price) })
            .then_with(|| a.id.cmp(&b.id))
    });
    usable.truncate(max);
    usable
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cart::CartLine;

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    fn th(code: &str, country: Option<&str>, amount: i64) -> Threshold {
        Threshold { currency: cur(code), country: country.map(str::to_owned), amount }
    }

    /// The demo shop's rules: free shipping from 50 € (70 € to Austria, 75 CHF), gift from 80 €.
    fn demo() -> ShippingRules {
        ShippingRules {
            tiers: vec![
                Tier { id: "gift".into(), reward: Reward::Gift, thresholds: vec![th("EUR", None, 8000), th("CHF", None, 9000)] },
                Tier {
                    id: "free".into(),
                    reward: Reward::FreeShipping,
                    thresholds: vec![th("EUR", None, 5000), th("EUR", Some("AT"), 7000), th("CHF", None, 7500)],
                },
            ],
            excluded_products: vec!["gift-card".into()],
            basis: SubtotalBasis::AfterDiscounts,
        }
    }

    fn cart(code: &str, country: Option<&str>, lines: &[(&str, u32, i64)]) -> Cart {
        Cart {
            currency: cur(code),
            country: country.map(str::to_owned),
            lines: lines.iter().map(|(id, q, p)| CartLine::new(*id, *q, *p)).collect(),
            cart_discount: 0,
            free_shipping: false,
        }
    }

    /// One row: cart → (eligible, remaining to the next tier or None, permille, free shipping).
    fn check(c: Cart, eligible: i64, next: Option<(&str, i64)>, pm: u32, free: bool) {
        let p = evaluate(&demo(), &c);
        assert_eq!(p.eligible_subtotal, eligible, "eligible for {c:?}");
        assert_eq!(p.next().map(|t| (t.id.as_str(), t.remaining)), next, "next for {c:?}");
        assert_eq!(p.permille(), pm, "permille for {c:?}");
        assert_eq!(p.free_shipping(), free, "free for {c:?}");
    }

    #[test]
    fn tiers_currencies_countries_exclusions() {
        check(cart("EUR", None, &[]), 0, Some(("free", 5000)), 0, false);
        check(cart("EUR", None, &[("tee", 1, 1990)]), 1990, Some(("free", 3010)), 248, false);
        check(cart("EUR", None, &[("tee", 2, 2499)]), 4998, Some(("free", 2)), 624, false);
        check(cart("EUR", None, &[("tee", 2, 2500)]), 5000, Some(("gift", 3000)), 625, true);
        check(cart("EUR", None, &[("tee", 4, 2000)]), 8000, None, 1000, true);
        check(cart("EUR", None, &[("tee", 1, 7999)]), 7999, Some(("gift", 1)), 999, true);
        // Austria has its own threshold; Germany falls back to the country-less one.
        check(cart("EUR", Some("AT"), &[("tee", 1, 6000)]), 6000, Some(("free", 1000)), 750, false);
        check(cart("EUR", Some("at"), &[("tee", 1, 7000)]), 7000, Some(("gift", 1000)), 875, true);
        check(cart("EUR", Some("DE"), &[("tee", 1, 6000)]), 6000, Some(("gift", 2000)), 750, true);
        // CHF carts use CHF thresholds, never converted euro ones.
        check(cart("CHF", None, &[("tee", 1, 6000)]), 6000, Some(("free", 1500)), 666, false);
        check(cart("CHF", Some("CH"), &[("tee", 1, 9000)]), 9000, None, 1000, true);
        // A gift card does not count.
        check(cart("EUR", None, &[("gift-card", 1, 5000), ("tee", 1, 1000)]), 1000, Some(("free", 4000)), 125, false);
        // Currency without any threshold: no tier applies, nothing promised.
        check(cart("USD", None, &[("tee", 1, 90000)]), 90000, None, 0, false);
    }

    /// Free shipping granted (a voucher): free-shipping tiers are reached whatever the subtotal
    /// and leave the bar's scale; other tiers still count the real subtotal, which is never
    /// made up.
    #[test]
    fn free_shipping_granted() {
        let granted = |c: Cart| Cart { free_shipping: true, ..c };
        let only_free = ShippingRules { tiers: demo().tiers.into_iter().filter(|t| t.reward == Reward::FreeShipping).collect(), ..demo() };
        let low_gift = ShippingRules {
            tiers: vec![Tier { id: "gift".into(), reward: Reward::Gift, thresholds: vec![th("EUR", None, 3000)] }, demo().tiers.remove(1)],
            ..demo()
        };
        // rules, cart → eligible, next (id, remaining), permille, markers, every tier reached.
        type Row = (ShippingRules, Cart, i64, Option<(&'static str, i64)>, u32, Vec<u32>, bool);
        let rows: Vec<Row> = vec![
            // Empty eligible subtotal (nothing, or a gift card only): free shipping is there,
            // the gift still 80 € away.
            (demo(), granted(cart("EUR", None, &[])), 0, Some(("gift", 8000)), 0, vec![], false),
            (demo(), granted(cart("EUR", None, &[("gift-card", 1, 5000)])), 0, Some(("gift", 8000)), 0, vec![], false),
            // A gift tier still ahead: the bar measures the real subtotal against it, without a
            // marker for the granted tier.
            (demo(), granted(cart("EUR", None, &[("tee", 1, 2010)])), 2010, Some(("gift", 5990)), 251, vec![], false),
            (demo(), granted(cart("EUR", Some("AT"), &[("tee", 1, 7999)])), 7999, Some(("gift", 1)), 999, vec![], false),
            (demo(), granted(cart("EUR", None, &[("tee", 1, 8000)])), 8000, None, 1000, vec![], true),
            // A gift below the free-shipping threshold: the gift is the whole scale.
            (low_gift.clone(), granted(cart("EUR", None, &[("tee", 1, 2000)])), 2000, Some(("gift", 1000)), 666, vec![], false),
            (low_gift.clone(), granted(cart("EUR", None, &[("tee", 1, 3000)])), 3000, None, 1000, vec![], true),
            // Only a free-shipping tier: reached, the bar full, the subtotal left as it is.
            (only_free.clone(), granted(cart("EUR", None, &[("tee", 1, 2010)])), 2010, None, 1000, vec![], true),
            (only_free.clone(), granted(cart("CHF", None, &[])), 0, None, 1000, vec![], true),
            // Not granted: unchanged.
            (demo(), cart("EUR", None, &[("tee", 1, 2010)]), 2010, Some(("free", 2990)), 251, vec![625], false),
            (low_gift, cart("EUR", None, &[("tee", 1, 2000)]), 2000, Some(("gift", 1000)), 400, vec![600], false),
            (only_free, cart("EUR", None, &[("tee", 1, 2010)]), 2010, Some(("free", 2990)), 402, vec![], false),
            // A currency without tiers: nothing applies, nothing promised.
            (demo(), granted(cart("USD", None, &[("tee", 1, 2010)])), 2010, None, 0, vec![], false),
        ];
        for (rules, c, eligible, next, pm, markers, all) in rows {
            let p = evaluate(&rules, &c);
            assert_eq!(p.eligible_subtotal, eligible, "eligible for {c:?}");
            assert_eq!(p.next().map(|t| (t.id.as_str(), t.remaining)), next, "next for {c:?}");
            assert_eq!((p.permille(), p.markers(), p.all_reached()), (pm, markers, all), "bar for {c:?}");
            // A granted tier keeps its real threshold and misses nothing.
            let free = p.tiers.iter().find(|t| t.reward == Reward::FreeShipping);
            if c.free_shipping {
                assert!(free.is_none_or(|t| t.reached && t.remaining == 0 && t.threshold > 0 && p.granted(t)), "granted for {c:?}");
                assert_eq!(p.free_shipping(), free.is_some(), "free for {c:?}");
            } else {
                assert!(p.tiers.iter().all(|t| !p.granted(t)), "not granted for {c:?}");
            }
        }
    }

    #[test]
    fn cart_discount_is_shared_and_rounded_against_the_promise() {
        // 50 € of goods + 50 € gift card, 1 € voucher: half the voucher (rounded up) hits goods.
        let mut c = cart("EUR", None, &[("tee", 1, 5000), ("gift-card", 1, 5000)]);
        c.cart_discount = 101;
        let p = evaluate(&demo(), &c);
        assert_eq!(p.eligible_subtotal, 5000 - 51);
        assert!(!p.free_shipping());
        // Line discounts count with AfterDiscounts, not with BeforeDiscounts.
        let mut c = cart("EUR", None, &[("tee", 1, 6000)]);
        c.lines[0].line_discount = 1500;
        assert_eq!(evaluate(&demo(), &c).eligible_subtotal, 4500);
        let before = ShippingRules { basis: SubtotalBasis::BeforeDiscounts, ..demo() };
        assert_eq!(evaluate(&before, &c).eligible_subtotal, 6000);
        // A discount larger than the cart never makes the subtotal negative.
        let mut c = cart("EUR", None, &[("tee", 1, 1000)]);
        c.cart_discount = 5000;
        assert_eq!(evaluate(&demo(), &c).eligible_subtotal, 0);
    }

    #[test]
    fn overflow_saturates() {
        let c = cart("EUR", None, &[("a", u32::MAX, i64::MAX), ("b", 1, i64::MAX)]);
        let p = evaluate(&demo(), &c);
        assert_eq!(p.eligible_subtotal, i64::MAX);
        assert!(p.all_reached());
        // Negative prices from a broken backend never count.
        let c = cart("EUR", None, &[("a", 3, -1000)]);
        assert_eq!(evaluate(&demo(), &c).eligible_subtotal, 0);
    }

    #[test]
    fn permille_rounding() {
        for (v, max, want) in [(0, 100, 0), (1, 1000, 1), (999, 1000, 999), (1000, 1000, 1000), (5, 0, 1000), (-5, 100, 0), (i64::MAX, 1, 1000)] {
            assert_eq!(permille(v, max), want, "{v}/{max}");
        }
    }

    #[test]
    fn suggestions_close_the_gap() {
        let c = cart("EUR", None, &[("tee", 1, 3000)]);
        let cands = |v: &[(&str, i64, bool)]| v.iter().map(|(id, p, a)| Candidate { id: (*id).into(), price: *p, available: *a }).collect::<Vec<_>>();
        let all = cands(&[("socks", 900, true), ("cap", 2200, true), ("belt", 2000, true), ("bag", 4500, true), ("gift-card", 2000, true), ("tee", 2500, true), ("scarf", 2100, false), ("b-belt", 2000, true)]);
        let ids = |rem: i64, max: usize| suggest(&demo(), &c, rem, &all, max).iter().map(|c| c.id.as_str()).collect::<Vec<_>>();
        // Gap 20 €: belts close it exactly (tie by id), then cap, then bag; excluded, unavailable and in-cart never.
        assert_eq!(ids(2000, 3), ["b-belt", "belt", "cap"]);
        assert_eq!(ids(2000, 10), ["b-belt", "belt", "cap", "bag", "socks"]);
        // Gap larger than any product: dearest first.
        assert_eq!(ids(10000, 2), ["bag", "cap"]);
        assert!(ids(0, 3).is_empty());
        assert!(ids(2000, 0).is_empty());
    }
}
