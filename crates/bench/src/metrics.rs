//! Ranking metrics, defined as in ../shared/evalsets/stackfaq/README.md:
//!
//! - MRR@k: reciprocal rank of the first relevant id within the top k, 0 if none; averaged.
//! - recall@k as **hit rate**: 1 if at least one relevant id is in the top k, else 0; averaged.
//! - nDCG@k: binary gain 1 per relevant id, DCG = Σ gain_i / log2(i + 1) over ranks i = 1..k;
//!   the ideal DCG places min(|relevant|, k) relevant entries at the top.
//!
//! Every function scores one query; `ranked` is the result list best first, `relevant` the
//! query's relevant ids (duplicates count once).

use std::collections::HashSet;

/// Reciprocal rank of the first relevant id within the top `k` (0.0 if none).
pub fn reciprocal_rank(ranked: &[&str], relevant: &[&str], k: usize) -> f64 {
    ranked
        .iter()
        .take(k)
        .position(|id| relevant.contains(id))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

/// 1.0 if any relevant id is within the top `k`, else 0.0 (recall@k as hit rate).
pub fn hit(ranked: &[&str], relevant: &[&str], k: usize) -> f64 {
    if ranked.iter().take(k).any(|id| relevant.contains(id)) {
        1.0
    } else {
        0.0
    }
}

/// nDCG@k with binary gains; 0.0 when there is no relevant id.
pub fn ndcg(ranked: &[&str], relevant: &[&str], k: usize) -> f64 {
    let relevant: HashSet<&str> = relevant.iter().copied().collect();
    let discount = |i: usize| 1.0 / ((i + 2) as f64).log2(); // rank i + 1, 1-based
                                                             // A result list should not repeat an id; if it does, only its first occurrence gains.
    let mut seen = HashSet::new();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, id)| relevant.contains(**id) && seen.insert(**id))
        .map(|(i, _)| discount(i))
        .sum();
    let ideal: f64 = (0..relevant.len().min(k)).map(discount).sum();
    if ideal == 0.0 {
        0.0
    } else {
        dcg / ideal
    }
}

/// The `p`-th percentile (0..=100) of `samples` by the nearest-rank method; 0.0 when empty.
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn ids(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    /// (ranked, relevant, k, reciprocal rank, hit@1, hit@5, nDCG@k)
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &str, usize, f64, f64, f64, f64)] = &[
        // First result relevant, the only relevant id.
        ("a b c", "a", 10, 1.0, 1.0, 1.0, 1.0),
        // Relevant at rank 2: RR 1/2, nDCG 1/log2(3).
        ("x a c", "a", 10, 0.5, 0.0, 1.0, 0.630_929_753_571_457_4),
        // Relevant at rank 3: RR 1/3, nDCG 1/log2(4) = 0.5.
        ("x y a", "a", 10, 1.0 / 3.0, 0.0, 1.0, 0.5),
        // Nothing relevant retrieved.
        ("x y z", "a", 10, 0.0, 0.0, 0.0, 0.0),
        // Empty result list.
        ("", "a b", 10, 0.0, 0.0, 0.0, 0.0),
        // Two relevant, both at the top: ideal.
        ("a b x", "a b", 10, 1.0, 1.0, 1.0, 1.0),
        // Two relevant at ranks 1 and 3: (1 + 0.5) / (1 + 1/log2 3).
        ("a x b", "a b", 10, 1.0, 1.0, 1.0, 0.919_720_789_148_187_6),
        // Two relevant, one retrieved at rank 1: 1 / (1 + 1/log2 3).
        ("a x y", "a b", 10, 1.0, 1.0, 1.0, 0.613_147_192_765_458_4),
        // Relevant at rank 6: outside hit@5, inside @10. RR 1/6, nDCG 1/log2(7).
        (
            "u v w x y a",
            "a",
            10,
            1.0 / 6.0,
            0.0,
            0.0,
            0.356_207_187_108_022_2,
        ),
        // Relevant at rank 11: outside the cut-off k = 10 altogether.
        ("p q r s t u v w x y a", "a", 10, 0.0, 0.0, 0.0, 0.0),
        // More relevant ids than k: the ideal DCG uses min(|relevant|, k) = 2 entries.
        ("a b", "a b c d", 2, 1.0, 1.0, 1.0, 1.0),
        // Duplicate relevant ids in the query count once.
        ("a x", "a a", 10, 1.0, 1.0, 1.0, 1.0),
        // A repeated id in the ranking gains once.
        ("a a", "a b", 10, 1.0, 1.0, 1.0, 0.613_147_192_765_458_4),
    ];

    #[test]
    fn known_rankings_give_known_scores() {
        for &(ranked, relevant, k, rr, h1, h5, nd) in CASES {
            let (ranked, relevant) = (ids(ranked), ids(relevant));
            let case = format!("ranked {ranked:?}, relevant {relevant:?}, k {k}");
            assert!(
                (reciprocal_rank(&ranked, &relevant, k) - rr).abs() < EPS,
                "RR of {case}"
            );
            assert!(
                (hit(&ranked, &relevant, 1) - h1).abs() < EPS,
                "hit@1 of {case}"
            );
            assert!(
                (hit(&ranked, &relevant, 5) - h5).abs() < EPS,
                "hit@5 of {case}"
            );
            let got = ndcg(&ranked, &relevant, k);
            assert!((got - nd).abs() < EPS, "nDCG of {case}: {got}");
        }
    }

    #[test]
    fn no_relevant_ids_scores_zero() {
        assert_eq!(ndcg(&ids("a b"), &[], 10), 0.0);
        assert_eq!(reciprocal_rank(&ids("a b"), &[], 10), 0.0);
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        for (p, want) in [
            (50.0, 50.0),
            (95.0, 95.0),
            (100.0, 100.0),
            (0.0, 1.0),
            (1.0, 1.0),
        ] {
            assert_eq!(percentile(&samples, p), want, "p{p}");
        }
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 50.0), 2.0);
        assert_eq!(percentile(&[7.0], 95.0), 7.0);
        assert_eq!(percentile(&[], 50.0), 0.0);
    }
}
