//! Loyalty points: what a cart earns, tiers and the progress to the next, start and birthday
//! bonuses, and whether a redemption is allowed. Shared by the widget ("you will earn N
//! points") and the reference backend (the ledger), so both say the same.
//!
//! **Earning.** Points are earned on the *eligible subtotal*: lines of products that are not
//! excluded, after line discounts, minus their share of the cart discount. Each currency has
//! its own rate (`points` per `per_minor` minor units), so a shop sets EUR and CHF rates that
//! earn the same for the same value; a currency without a rate earns nothing (never a rate of
//! another currency applied to it, which is how a cart in a "cheap" currency would earn 17×).
//! The tier multiplier (in percent) applies next. **Rounding is always down**, at the end: the
//! widget never promises a point that checkout will not credit.
//!
//! **Tiers** are reached by points earned in the current year or by spend in the year in one
//! currency (amounts of other currencies are never converted). **Redemption** is allowed when
//! the balance covers the cost, the cost is at least the minimum, and the order has not used its
//! redemptions.

use crate::cart::Cart;
use crate::money::Currency;

/// Points per currency: `points` for every `per_minor` minor units of the eligible subtotal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EarnRate {
    /// The cart currency this rate is for.
    pub currency: Currency,
    /// Points …
    pub points: u32,
    /// … per this many minor units (> 0).
    pub per_minor: u32,
}

/// How a tier is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierBasis {
    /// Points earned in the current year.
    YearlyPoints,
    /// Spend in the current year, in minor units of this currency.
    YearlySpend(Currency),
}

/// A tier: reached at `threshold` (points or minor units, see [`TierBasis`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    /// Stable id ("silver", "gold").
    pub id: String,
    /// Threshold in the program's basis.
    pub threshold: u64,
    /// Earning multiplier in percent (100 = ×1, 150 = ×1.5).
    pub multiplier_percent: u32,
}

/// A reward and what it costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reward {
    /// Stable id.
    pub id: String,
    /// Cost in points.
    pub cost: u64,
}

/// A points programme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Program {
    /// Rates per currency.
    pub rates: Vec<EarnRate>,
    /// Products that earn nothing (gift cards).
    pub excluded_products: Vec<String>,
    /// How tiers are reached.
    pub tier_basis: Option<TierBasis>,
    /// Tiers, any order (sorted by threshold when used).
    pub tiers: Vec<Tier>,
    /// Points credited when joining.
    pub start_bonus: u64,
    /// Points credited once a year on the birthday.
    pub birthday_bonus: u64,
    /// The rewards catalogue.
    pub rewards: Vec<Reward>,
    /// Smallest redemption in points (0: none).
    pub min_redeem: u64,
    /// Redemptions allowed per order (0: no limit).
    pub max_redemptions_per_order: u32,
}

/// What a cart earns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Earning {
    /// Points credited for the cart (rounded down).
    pub points: u64,
    /// The subtotal that earns, in minor units of the cart currency.
    pub eligible: i64,
    /// Whether the programme has a rate for the cart's currency.
    pub rate_known: bool,
}

/// Where a customer stands with tiers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierStatus {
    /// Index of the tier reached (into the program's tiers), if any.
    pub current: Option<usize>,
    /// Index of the next tier, if any.
    pub next: Option<usize>,
    /// Points (or minor units) still missing for the next tier.
    pub remaining: u64,
    /// Progress towards the next tier in per mille (1000 when every tier is reached).
    pub permille: u32,
}

/// Why a redemption is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such reward.
    UnknownReward,
    /// The balance is short by this many points.
    InsufficientBalance {
        /// Points missing.
        missing: u64,
    },
    /// The reward costs less than the smallest redemption allowed.
    BelowMinimum {
        /// The minimum.
        minimum: u64,
    },
    /// The order used its redemptions.
    LimitReached {
        /// The limit.
        limit: u32,
    },
}

impl Program {
    /// The rate for `currency`, if any.
    pub fn rate(&self, currency: Currency) -> Option<EarnRate> {
        self.rates.iter().copied().find(|r| r.currency == currency && r.per_minor > 0)
    }

    /// The eligible subtotal of a cart: non-excluded lines after line discounts, minus their
    /// share of the cart discount (rounded up, so the points are never overstated).
    pub fn eligible(&self, cart: &Cart) -> i64 {
        cart.split_subtotal(|id| self.excluded_products.iter().any(|p| p == id), true, true).0
    }

    /// Points a cart earns for a customer in `tier` (index into `tiers`, `None`: no tier).
    pub fn earn(&self, cart: &Cart, tier: Option<usize>) -> Earning {
        let eligible = self.eligible(cart);
        let Some(rate) = self.rate(cart.currency) else { return Earning { points: 0, eligible, rate_known: false } };
        let multiplier = tier.and_then(|t| self.tiers.get(t)).map_or(100, |t| t.multiplier_percent) as u128;
        // One division at the end: floor(eligible × points × multiplier / (per_minor × 100)).
        // The product is below 2^63 · 2^32 · 2^32 = 2^127, the divisor below 2^39.
        let num = eligible.max(0) as u128 * rate.points as u128 * multiplier;
        let den = rate.per_minor as u64 * 100;
        Earning { points: crate::wide::div(num, den).min(u64::MAX as u128) as u64, eligible, rate_known: true }
    }

    /// The tier reached with `progress` (points earned or spend this year, in the program's
    /// basis) and what is missing for the next one.
    pub fn tier_status(&self, progress: u64) -> TierStatus {
        // The highest threshold reached (ties: the later tier) and the lowest one not reached
        // (ties: the earlier tier), as in a stable sort by threshold.
        let (mut current, mut next): (Option<usize>, Option<usize>) = (None, None);
        for (i, t) in self.tiers.iter().enumerate() {
            if t.threshold <= progress {
                if current.is_none_or(|c| t.threshold >= self.tiers[c].threshold) {
                    current = Some(i);
                }
            } else if next.is_none_or(|n| t.threshold < self.tiers[n].threshold) {
                next = Some(i);
            }
        }
        let (remaining, permille) = match next {
            None => (0, 1000),
            Some(n) => {
                let from = current.map_or(0, |c| self.tiers[c].threshold);
                let to = self.tiers[n].threshold;
                let span = to.saturating_sub(from).max(1);
                (to - progress, crate::wide::div(progress.saturating_sub(from) as u128 * 1000, span).min(999) as u32)
            }
        };
        TierStatus { current, next, remaining, permille }
    }

    /// Whether `reward_id` may be redeemed with `balance`, this order having used
    /// `redemptions_in_order` redemptions already.
    pub fn can_redeem(&self, reward_id: &str, balance: i64, redemptions_in_order: u32) -> Result<&Reward, Refusal> {
        let reward = self.rewards.iter().find(|r| r.id == reward_id).ok_or(Refusal::UnknownReward)?;
        if reward.cost < self.min_redeem {
            return Err(Refusal::BelowMinimum { minimum: self.min_redeem });
        }
        if self.max_redemptions_per_order > 0 && redemptions_in_order >= self.max_redemptions_per_order {
            return Err(Refusal::LimitReached { limit: self.max_redemptions_per_order });
        }
        let balance = balance.max(0) as u64;
        if balance < reward.cost {
            return Err(Refusal::InsufficientBalance { missing: reward.cost - balance });
        }
        Ok(reward)
    }

    /// Rewards the balance can pay for, in catalogue order.
    pub fn affordable(&self, balance: i64) -> Vec<&Reward> {
        let mut out = Vec::new();
        for r in &self.rewards {
            if self.can_redeem(&r.id, balance, 0).is_ok() {
                out.push(r);
            }
        }
        out
    }
}

/// Whether the birthday bonus is due on `today` (year, month, day) for a customer born on
/// (`month`, `day`) who last received it in `last_year`. Born on 29 February: the bonus comes on
/// 28 February in years without that day. It is due from the birthday to the end of that year,
/// once per year (a customer who logs in late still gets it).
pub fn birthday_due(birthday: (u8, u8), today: (i32, u8, u8), last_year: Option<i32>) -> bool {
    let (year, month, day) = today;
    if last_year.is_some_and(|y| y >= year) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let (bm, bd) = if birthday == (2, 29) && !leap { (2, 28) } else { birthday };
    (month, day) >= (bm, bd)
}
