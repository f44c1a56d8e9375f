//! The cart as the rules see it: lines in minor units of one currency, plus the destination.

use crate::money::Currency;

/// A shopping cart in one currency.
#[derive(Clone, Debug, PartialEq)]
pub struct Cart {
    /// Currency of every amount in the cart.
    pub currency: Currency,
    /// Destination country (ISO 3166-1 alpha-2, upper case), when known.
    pub country: Option<String>,
    /// The lines.
    pub lines: Vec<CartLine>,
    /// Discount on the whole cart (vouchers), minor units, `>= 0`.
    pub cart_discount: i64,
    /// Free shipping is already granted (a free-shipping voucher): every free-shipping tier
    /// counts as reached, whatever the subtotal ([`crate::shipping::evaluate`]).
    pub free_shipping: bool,
}

/// What a cart-level voucher takes off (see [`Cart::voucher_discount`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoucherOff {
    /// This many minor units of the cart's currency.
    Amount(i64),
    /// This many percent (at most 100).
    Percent(u32),
}

/// One line of a cart.
#[derive(Clone, Debug, PartialEq)]
pub struct CartLine {
    /// The product's id as the shop knows it.
    pub product_id: String,
    /// How many.
    pub quantity: u32,
    /// Price of one unit in minor units of the cart's currency.
    pub unit_price: i64,
    /// Discount on this line (minor units, `>= 0`).
    pub line_discount: i64,
}

impl CartLine {
    /// A line without discount.
    pub fn new(product_id: impl Into<String>, quantity: u32, unit_price: i64) -> CartLine {
        CartLine { product_id: product_id.into(), quantity, unit_price, line_discount: 0 }
    }

    /// `unit_price × quantity`, saturating, never negative.
    pub fn gross(&self) -> i64 {
        self.unit_price.max(0).saturating_mul(self.quantity as i64)
    }

    /// Gross minus the line discount, never below zero.
    pub fn net(&self) -> i64 {
        self.gross().saturating_sub(self.line_discount.max(0)).max(0)
    }
}

impl Cart {
    /// An empty cart.
    pub fn empty(currency: Currency) -> Cart {
        Cart { currency, country: None, lines: Vec::new(), cart_discount: 0, free_shipping: false }
    }

    /// Number of items (sum of quantities).
    pub fn item_count(&self) -> u64 {
        self.lines.iter().map(|l| l.quantity as u64).sum()
    }

    /// The subtotal of the lines `excluded` does not reject, and the amount of those it rejects.
    /// Lines count `net` (after their discount) or gross; with `share_discount` the cart
    /// discount is shared out over all lines in proportion to their amount, and the eligible
    /// share is rounded **up**, so a rule built on it (free shipping, points) never promises
    /// more than checkout grants.
    pub fn split_subtotal(&self, excluded: impl Fn(&str) -> bool, net: bool, share_discount: bool) -> (i64, i64) {
        let (mut eligible, mut rejected) = (0_i64, 0_i64);
        for line in &self.lines {
            let amount = if net { line.net() } else { line.gross() };
            if excluded(&line.product_id) {
                rejected = rejected.saturating_add(amount);
            } else {
                eligible = eligible.saturating_add(amount);
            }
        }
        if share_discount && self.cart_discount > 0 && eligible > 0 {
            // Amounts are never negative (`gross`, `net`), so `all` ≥ `eligible` > 0 and the
            // product is below 2^126.
            let all = eligible as u64 + rejected as u64;
            let share = crate::wide::div(self.cart_discount as u128 * eligible as u128 + all as u128 - 1, all);
            eligible = (eligible as i128 - share.min(i128::MAX as u128) as i128).max(0) as i64;
        }
        (eligible, rejected)
    }

    /// What a cart-level voucher takes off the lines `excluded` does not reject (gift cards are
    /// not discounted): [`VoucherOff::Amount`] at most their net subtotal, [`VoucherOff::Percent`]
    /// that share of it rounded **down** (the shopper never gets more than the voucher says).
    /// Never negative; 0 when no line qualifies. The result is meant for `cart_discount`.
    ///
    /// ```
    /// use schaufenster_core::{Cart, CartLine, Currency};
    /// use schaufenster_core::cart::VoucherOff;
    /// let mut cart = Cart::empty(Currency::eur());
    /// cart.lines.push(CartLine::new("tee", 1, 1995));
    /// cart.lines.push(CartLine::new("gift-card", 1, 2500));
    /// let gift = |id: &str| id == "gift-card";
    /// assert_eq!(cart.voucher_discount(VoucherOff::Percent(10), gift), 199);
    /// assert_eq!(cart.voucher_discount(VoucherOff::Amount(500), gift), 500);
    /// assert_eq!(cart.voucher_discount(VoucherOff::Amount(5000), gift), 1995);
    /// ```
    pub fn voucher_discount(&self, off: VoucherOff, excluded: impl Fn(&str) -> bool) -> i64 {
        let (goods, _) = self.split_subtotal(excluded, true, false);
        let goods = goods.max(0);
        match off {
            VoucherOff::Amount(amount) => amount.clamp(0, goods),
            // `goods` < 2^63 and `percent` < 2^32: the product fits in u128.
            VoucherOff::Percent(percent) => crate::wide::div(goods as u128 * percent.min(100) as u128, 100) as i64,
        }
    }

    /// Sum of the lines' net amounts minus the cart discount, never below zero.
    pub fn total(&self) -> i64 {
        let lines = self.lines.iter().fold(0_i64, |acc, l| acc.saturating_add(l.net()));
        lines.saturating_sub(self.cart_discount.max(0)).max(0)
    }
}
