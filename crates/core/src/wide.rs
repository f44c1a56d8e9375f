//! Division of a 128-bit product by a 64-bit divisor, written out.
//!
//! The rules multiply two or three 64-bit amounts before one flooring division (points per
//! currency, per-mille progress, a cart discount's share), so the product needs 128 bits.
//! Rust's own `u128` division links `u128_div_rem` and its wrappers from compiler builtins
//! (~1.3 KB in the wasm); here the high half is divided with the native 64-bit division and the
//! low half by 64 shift-and-subtract steps. Exact for every input (tested against `/`).

/// `n / d` (floored), `d > 0`.
pub fn div(n: u128, d: u64) -> u128 {
    assert!(d != 0, "attempt to divide by zero");
    let (hi, lo) = ((n >> 64) as u64, n as u64);
    let mut r = hi % d;
    let mut q = 0_u64;
    let mut i = 64;
    while i > 0 {
        i -= 1;
        // r < d before each step; 2r + bit < 2^65, the bit shifted out of r is `carry`.
        let carry = r >> 63;
        r = (r << 1) | ((lo >> i) & 1);
        if carry != 0 || r >= d {
            r = r.wrapping_sub(d);
            q |= 1 << i;
        }
    }
    (((hi / d) as u128) << 64) | q as u128
}

#[cfg(test)]
mod tests {
    use super::div;

    #[test]
    fn matches_native_division() {
        let ns = [0_u128, 1, 999, 1 << 63, (1 << 64) - 1, 1 << 64, u128::MAX, u128::MAX - 1, (i64::MAX as u128) * (u32::MAX as u128) * (u32::MAX as u128), 123_456_789_012_345_678_901_234_567_890];
        let ds = [1_u64, 2, 3, 7, 100, 999, u32::MAX as u64 * 100, 1 << 63, (1 << 63) + 1, u64::MAX, u64::MAX - 1, 10_000_000_019];
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let mut more = Vec::new();
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let y = x.rotate_left(29) ^ 0x5851_f42d_4c95_7f2d;
            more.push((((x as u128) << 64) | y as u128, (y >> (x % 64)).max(1)));
        }
        for &n in &ns {
            for &d in &ds {
                assert_eq!(div(n, d), n / d as u128, "{n} / {d}");
            }
        }
        for (n, d) in more {
            assert_eq!(div(n, d), n / d as u128, "{n} / {d}");
            assert_eq!(div(n >> 40, d), (n >> 40) / d as u128, "{} / {d}", n >> 40);
        }
    }
}
