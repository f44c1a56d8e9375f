//! Two stable sorts that cost little wasm: std's `sort_by` costs about 2 KB per
//! instantiation.
//!
//! - [`sort_by`]: insertion sort, a few dozen bytes per call site, quadratic; for the short
//!   lists (tiers, badges, a page's product ids, suggestion candidates).
//! - [`merge_sort_by`]: O(n log n) for lists that can be long (a whole catalogue of ranked
//!   products, an FAQ's vocabulary and hits). The merging is one non-generic body over
//!   indices; each call site adds its comparison and a short loop that moves the elements.

use core::cmp::Ordering;

/// Sorts the short list `v` stably by `cmp` (insertion sort).
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

/// Sorts `v`, however long, stably by `cmp` (merge sort).
///
/// ```
/// let mut v = [3, 1, 2, 1];
/// schaufenster_core::sort::merge_sort_by(&mut v, |a, b| a.cmp(b));
/// assert_eq!(v, [1, 1, 2, 3]);
/// ```
pub fn merge_sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order_by(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// The indices `0..n` in the stable order `cmp` gives them (bottom-up merge sort).
fn order_by(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in &mut to[start..end] {
                // Equal elements keep their order: the left run wins ties.
                if l < mid && (r >= end || cmp(from[l], from[r]) != Ordering::Greater) {
                    *slot = from[l];
                    l += 1;
                } else {
                    *slot = from[r];
                    r += 1;
                }
            }
            start = end;
        }
        core::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Rearranges `v` so that slot `i` holds what was at `order[i]`, following the permutation's
/// cycles with swaps (no copies of the elements).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for i in 0..v.len() {
        let mut j = i;
        while order[j] != j {
            let k = order[j];
            order[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
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

    #[test]
    fn both_agree_with_std_stable_sort() {
        // Lengths around the merge widths, many ties, and elements that are not Copy.
        for n in [1usize, 2, 3, 7, 8, 9, 63, 64, 65, 1000, 4099] {
            let v: Vec<(u32, String)> = (0..n as u32).map(|i| (i.wrapping_mul(2654435761) % 17, format!("#{i}"))).collect();
            let mut ours = v.clone();
            merge_sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut short = v.clone();
            sort_by(&mut short, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
            assert_eq!(short, std, "n = {n}");
        }
    }
}
