//! A stable insertion sort for the short lists the widgets sort (tiers, badges, a page's
//! product ids, suggestion candidates).
//!
//! Each `sort_by` instantiation of std's sort costs about 2 KB of wasm; this one costs a
//! tenth of that, and for lists of a few hundred items the quadratic worst case is
//! microseconds.

use core::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
///
/// ```
/// let mut v = [3, 1, 2, 1];
/// schaufenster_core::sort::sort_by(&mut v, |a, b| a.cmp(b));
/// assert_eq!(v, [1, 1, 2, 3]);
/// ```
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_by(&mut empty, |a, b| a.cmp(b));
        let mut many: Vec<u32> = (0..500).map(|i| (i * 7919) % 503).collect();
        sort_by(&mut many, |a, b| a.cmp(b));
        assert!(many.windows(2).all(|w| w[0] <= w[1]));
    }
}
