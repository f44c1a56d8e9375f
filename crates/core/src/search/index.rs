//! The inverted index and BM25F scoring.
//!
//! Build: every text is tokenised, folded and stemmed in its entry's language; stop words are
//! skipped; long words that are compounds of two words the index itself knows are also
//! indexed as their parts ("Rücksendekosten" also as "rücksend" + "kost").
//! Search: each query word is matched by its stem, by synonyms, by compound splitting against
//! the vocabulary, as a prefix (the word being typed) and with typos (edit distance scaled
//! to length); each entry's score is BM25F over question, tags and answer with per-field
//! weights (a query word's readings share one idf, a compound's parts keep their own), times
//! the share of query words matched, with a mild popularity prior.

use super::normalize::tokenize;
use super::stem::stem;
use super::{Entry, Lang};
/// Words → term ids: open addressing with linear probing over an Fx-style hash, at most half
/// full. The index's keys are its own words, not attacker-chosen; std's `HashMap` (SwissTable
/// groups, rehashing, SipHash by default) was ~2.5 KB of the wasm for this one use.
#[derive(Default)]
struct Words {
    /// The words and their ids, in insertion order.
    keys: Vec<(String, TermId)>,
    /// 0 = empty, else 1 + the position in `keys`; the length is 0 or a power of two.
    slots: Vec<u32>,
}

impl Words {
    /// The slot holding `key`, or the empty slot where it would go (`slots` is not empty).
    fn slot(&self, key: &str) -> usize {
        let mut h: u32 = 0;
        for &b in key.as_bytes() {
            h = (h.rotate_left(5) ^ b as u32).wrapping_mul(0x9e37_79b9);
        }
        let mask = self.slots.len() - 1;
        let mut i = (h ^ h >> 15) as usize & mask;
        loop {
            let k = self.slots[i] as usize;
            if k == 0 || self.keys[k - 1].0 == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, key: &str) -> Option<TermId> {
        if self.slots.is_empty() {
            return None;
        }
        let k = self.slots[self.slot(key)] as usize;
        if k == 0 { None } else { Some(self.keys[k - 1].1) }
    }

    /// Adds `key` with `id` unless it is there already.
    fn insert(&mut self, key: String, id: TermId) {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.slots = vec![0; (self.slots.len() * 2).max(16)];
            for k in 0..self.keys.len() {
                let i = self.slot(&self.keys[k].0);
                self.slots[i] = k as u32 + 1;
            }
        }
        let i = self.slot(&key);
        if self.slots[i] == 0 {
            self.keys.push((key, id));
            self.slots[i] = self.keys.len() as u32;
        }
    }
}

/// Field weights for BM25F, each clamped to 0.0..=10.0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldWeights {
    /// Weight of the question (default 3.0).
    pub question: f32,
    /// Weight of tags (default 2.0).
    pub tags: f32,
    /// Weight of the answer (default 1.0).
    pub answer: f32,
}

impl Default for FieldWeights {
    fn default() -> Self {
        FieldWeights { question: 3.0, tags: 2.0, answer: 1.0 }
    }
}

/// Search options; every number is clamped to its documented range by [`Index::build`].
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Field weights.
    pub weights: FieldWeights,
    /// Groups of words that mean the same ("Retoure", "Rücksendung"); compared after folding
    /// and stemming, in both languages.
    pub synonyms: Vec<Vec<String>>,
    /// BM25 term-frequency saturation (default 1.2, 0.0..=3.0).
    pub k1: f32,
    /// BM25 length normalisation (default 0.75, 0.0..=1.0).
    pub b: f32,
    /// Weight of the popularity prior (default 0.1, 0.0..=1.0): the most popular entry's
    /// score is raised by at most this fraction.
    pub popularity: f32,
    /// Typo tolerance (default true): 1 edit from 5 letters, 2 from 9; two adjacent letters
    /// swapped are one edit.
    pub typos: bool,
    /// Prefix matching of the last word (the one being typed; default true, from 2 letters).
    pub prefix: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { weights: FieldWeights::default(), synonyms: Vec::new(), k1: 1.2, b: 0.75, popularity: 0.1, typos: true, prefix: true }
    }
}

/// Which text a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The question.
    Question,
    /// One of the tags (index into `tags`).
    Tag(u16),
    /// The answer.
    Answer,
}

/// A byte range of a matched word in an entry's original text, for highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchRange {
    /// Which text.
    pub field: Field,
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// One result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the entry in the slice the index was built from.
    pub entry: usize,
    /// Score (higher is better; only comparable within one search).
    pub score: f32,
    /// Where the query's words matched, in field then text order.
    pub matches: Vec<MatchRange>,
}

// Stop words as one string each, every word between spaces (a `&[&str]` costs 8 bytes of
// pointer and length per word in the wasm, which compress worse than the words).
const STOP_DE: &str = concat!(
    " aber alle als also am an auch auf aus bei bin bis bist da das dass dem den der des die dir du ein eine einem",
    " einen einer es fur hat habe haben ich ihr im in ist ja kann man mein meine mir mit nach noch nur ob oder sich",
    " sie sind so um und uns von vom was welche wenn wer wie wir wird wo zu zum zur ",
);
const STOP_EN: &str = concat!(
    " a about am an and are as at be by can do does for from how i if in is it its me my of on or so that the there",
    " this to was what when where which who will with you your ",
);

fn is_stop(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::De => STOP_DE,
        Lang::En => STOP_EN,
    }
    .split(' ')
    .any(|w| !w.is_empty() && w == word)
}

type TermId = u32;

/// Match weight of a query word's compound part, and what tells a part from the word's other
/// readings in scoring (no other kind of match has it; a flag in `Candidate` cost 116 B of gzip).
/// A part that is also a completion or synonym takes that higher weight and counts as a reading.
const PART: f32 = 0.8;

/// Longest word (bytes, folded) that is split into compound parts.
const MAX_COMPOUND: usize = 48;

/// One occurrence of a term in a field, for highlighting.
#[derive(Clone, Copy)]
struct Occurrence {
    term: TermId,
    field: Field,
    start: u32,
    end: u32,
}

struct Posting {
    entry: u32,
    /// Term frequency per field: question, tags, answer (compound parts count one half).
    tf: [f32; 3],
}

/// A search index over FAQ entries.
pub struct Index {
    opts: Options,
    langs: Vec<Lang>,
    terms: Words,
    postings: Vec<Vec<Posting>>,
    idf: Vec<f32>,
    /// Folded surface words → terms they were indexed as (for prefix and typo matching), sorted.
    vocab: Vec<(String, TermId, Lang)>,
    lengths: Vec<[f32; 3]>,
    avg: [f32; 3],
    occurrences: Vec<Vec<Occurrence>>,
    prior: Vec<f32>,
    synonyms: Vec<Vec<String>>,
}

/// Query-side candidate term for one query word, with a match weight.
#[derive(Clone, Copy)]
struct Candidate {
    term: TermId,
    weight: f32,
}

impl Index {
    /// Builds the index.
    pub fn build(entries: &[Entry], opts: &Options) -> Index {
        let clamp = |v: f32, lo: f32, hi: f32| if v.is_finite() { v.clamp(lo, hi) } else { lo };
        let clamped = Options {
            weights: FieldWeights { question: clamp(opts.weights.question, 0.0, 10.0), tags: clamp(opts.weights.tags, 0.0, 10.0), answer: clamp(opts.weights.answer, 0.0, 10.0) },
            // Kept as stems in `synonyms` below, not as given.
            synonyms: Vec::new(),
            k1: clamp(opts.k1, 0.0, 3.0),
            b: clamp(opts.b, 0.0, 1.0),
            popularity: clamp(opts.popularity, 0.0, 1.0),
            typos: opts.typos,
            prefix: opts.prefix,
        };
        let mut ix = Index {
            opts: clamped,
            langs: Vec::with_capacity(entries.len()),
            terms: Words::default(),
            postings: Vec::new(),
            idf: Vec::new(),
            vocab: Vec::new(),
            lengths: vec![[0.0; 3]; entries.len()],
            avg: [1.0; 3],
            occurrences: Vec::with_capacity(entries.len()),
            prior: Vec::new(),
            synonyms: Vec::new(),
        };
        // Surface words as "<word><language letter>" keys: the same map type as `terms`, so its
        // code is shared (a word and language always stem to the same term).
        let mut surface = Words::default();
        for e in entries {
            ix.langs.push(e.lang);
            ix.occurrences.push(Vec::new());
        }
        // Pass 1: words as they stand.
        let mut words: Vec<(u32, Field, String, u32, u32)> = Vec::new();
        for (e, entry) in entries.iter().enumerate() {
            // The question, each tag, the answer.
            let tags = entry.tags.len();
            for k in 0..tags + 2 {
                let (field, text) = match k {
                    0 => (Field::Question, &entry.question),
                    k if k <= tags => (Field::Tag((k - 1) as u16), &entry.tags[k - 1]),
                    _ => (Field::Answer, &entry.answer),
                };
                for tok in tokenize(text, entry.lang) {
                    if is_stop(&tok.text, entry.lang) {
                        continue;
                    }
                    let term = ix.intern(stem(&tok.text, entry.lang));
                    let mut key = tok.text.clone();
                    key.push(if entry.lang == Lang::De { 'd' } else { 'e' });
                    surface.insert(key, term);
                    ix.add(e as u32, field, term, 1.0);
                    ix.occurrences[e].push(Occurrence { term, field, start: tok.start as u32, end: tok.end as u32 });
                    words.push((e as u32, field, tok.text, tok.start as u32, tok.end as u32));
                }
            }
        }
        for (mut w, t) in surface.keys {
            let l = if w.pop() == Some('d') { Lang::De } else { Lang::En };
            ix.vocab.push((w, t, l));
        }
        crate::sort::merge_sort_by(&mut ix.vocab, |a, b| a.0.cmp(&b.0));
        // Pass 2: compounds of two known words also count as their parts (at half weight).
        for (e, field, word, start, end) in words {
            let lang = ix.langs[e as usize];
            if let Some((a, b)) = ix.split_compound(&word, lang, 4) {
                for t in [a, b] {
                    ix.add(e, field, t, 0.5);
                    ix.occurrences[e as usize].push(Occurrence { term: t, field, start, end });
                }
            }
        }
        // Document statistics.
        let n = entries.len().max(1) as f32;
        for i in 0..3 {
            let mut total = 0.0;
            for l in &ix.lengths {
                total += l[i];
            }
            ix.avg[i] = (total / n).max(1.0);
        }
        for p in &ix.postings {
            ix.idf.push((1.0 + (n - p.len() as f32 + 0.5) / (p.len() as f32 + 0.5)).ln());
        }
        let mut max_pop = 0;
        for e in entries {
            max_pop = max_pop.max(e.popularity);
        }
        let max_pop = max_pop as f32;
        for e in entries {
            ix.prior.push(if max_pop > 0.0 { (1.0 + e.popularity as f32).ln() / (1.0 + max_pop).ln() } else { 0.0 });
        }
        // Synonym groups as stems in both languages: a query word matches a group by its stem
        // even when the index never uses that word ("Retoure" → "Rücksendung").
        for group in &opts.synonyms {
            let mut stems: Vec<String> = Vec::new();
            for w in group {
                for lang in [Lang::De, Lang::En] {
                    for tok in tokenize(w, lang) {
                        let s = stem(&tok.text, lang);
                        if !stems.contains(&s) {
                            stems.push(s);
                        }
                    }
                }
            }
            ix.synonyms.push(stems);
        }
        ix
    }

    fn intern(&mut self, term: String) -> TermId {
        if let Some(id) = self.terms.get(&term) {
            return id;
        }
        let id = self.postings.len() as TermId;
        self.terms.insert(term, id);
        self.postings.push(Vec::new());
        id
    }

    fn add(&mut self, entry: u32, field: Field, term: TermId, weight: f32) {
        let slot = match field {
            Field::Question => 0,
            Field::Tag(_) => 1,
            Field::Answer => 2,
        };
        self.lengths[entry as usize][slot] += weight;
        let list = &mut self.postings[term as usize];
        match list.last_mut() {
            Some(p) if p.entry == entry => p.tf[slot] += weight,
            _ => {
                let mut tf = [0.0; 3];
                tf[slot] = weight;
                list.push(Posting { entry, tf });
            }
        }
    }

    /// Splits `word` into two parts whose stems the index knows ("rucksendekosten" →
    /// "rucksend" + "kost"), allowing German linking letters (s, es, n, en, e) after the
    /// first part. Prefers the longest known first part.
    fn split_compound(&self, word: &str, lang: Lang, min_part: usize) -> Option<(TermId, TermId)> {
        // Real compounds are short enough ("Donaudampfschifffahrtsgesellschaft" has 34
        // letters); a pasted run of letters is not split (every cut stems its parts).
        if word.len() < 2 * min_part || word.len() > MAX_COMPOUND || !word.is_ascii() {
            return None;
        }
        let known = |w: &str| self.terms.get(&stem(w, lang));
        for cut in (min_part..word.len() - min_part + 1).rev() {
            let (left, right) = word.split_at(cut);
            let Some(r) = known(right) else { continue };
            // The left part as it stands, then without a linking letter: the first one known.
            // ("" first: the part as it stands.)
            for link in " s es n en e".split(' ') {
                let Some(w) = left.strip_suffix(link) else { continue };
                if w.len() < min_part {
                    continue;
                }
                let mut l = known(w);
                if l.is_none() && w.len() >= 4 {
                    // Or the start of a known word ("liefer" of "lieferung"; a stemmer treats a
                    // bare compound part differently from the whole word): the shortest one of
                    // this language at most 4 letters longer. Not for the query's 3-letter parts:
                    // "retrun" was "ret" (of "return") + "run", and no typo reading was tried.
                    let mut shortest = usize::MAX;
                    let from = self.vocab.partition_point(|(v, _, _)| v.as_str() < w);
                    for (v, t, vl) in &self.vocab[from..] {
                        if !v.starts_with(w) {
                            break;
                        }
                        if *vl == lang && v.len() <= w.len() + 4 && v.len() < shortest {
                            shortest = v.len();
                            l = Some(*t);
                        }
                    }
                }
                if let Some(l) = l {
                    if l != r {
                        return Some((l, r));
                    }
                    break;
                }
            }
        }
        None
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.langs.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.langs.is_empty()
    }

    /// Candidate terms for one query word.
    fn candidates(&self, word: &str, lang: Lang, is_last: bool) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        let push = |out: &mut Vec<Candidate>, term: TermId, weight: f32| match out.iter_mut().find(|c| c.term == term) {
            Some(c) => c.weight = c.weight.max(weight),
            None => out.push(Candidate { term, weight }),
        };
        let stemmed = stem(word, lang);
        for group in &self.synonyms {
            if !group.contains(&stemmed) {
                continue;
            }
            for s in group {
                if let Some(t) = self.terms.get(s) {
                    push(&mut out, t, 0.9);
                }
            }
        }
        if let Some(t) = self.terms.get(&stemmed) {
            push(&mut out, t, 1.0);
        } else if let Some((a, b)) = self.split_compound(word, lang, 3) {
            push(&mut out, a, PART);
            push(&mut out, b, PART);
        }
        // The word being typed: every vocabulary word it starts.
        if self.opts.prefix && is_last && word.len() >= 2 {
            let from = self.vocab.partition_point(|(w, _, _)| w.as_str() < word);
            for (k, (w, t, _)) in self.vocab[from..].iter().enumerate() {
                if k == 64 || !w.starts_with(word) {
                    break;
                }
                let weight = if w.len() == word.len() { 1.0 } else { 0.85 };
                push(&mut out, *t, weight);
            }
        }
        // Typos, only when nothing matched exactly.
        if self.opts.typos && out.is_empty() {
            let max = match word.chars().count() {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            };
            if max > 0 {
                let wb = word.as_bytes();
                for (w, t, _) in &self.vocab {
                    let vb = w.as_bytes();
                    if vb.len().abs_diff(wb.len()) > max || vb.is_empty() {
                        continue;
                    }
                    // Compare the word with the same-length start of longer words too, so that a
                    // typo in the word being typed still finds its completion.
                    let d = bounded_distance(wb, vb, max).or_else(|| if is_last && vb.len() > wb.len() { bounded_distance(wb, &vb[..wb.len()], max) } else { None });
                    if let Some(d) = d {
                        push(&mut out, *t, if d == 1 { 0.7 } else { 0.55 });
                    }
                }
            }
        }
        out
    }

    /// The best `limit` entries for `query`, best first; ties by entry order. `lang` limits the
    /// search to entries of that language and stems the query for it (`None`: all entries,
    /// the query stemmed as German and as English).
    pub fn search(&self, query: &str, lang: Option<Lang>, limit: usize) -> Vec<Hit> {
        if limit == 0 || self.is_empty() {
            return Vec::new();
        }
        let query_langs: &[Lang] = match lang {
            Some(Lang::De) => &[Lang::De],
            Some(Lang::En) => &[Lang::En],
            None => &[Lang::De, Lang::En],
        };
        // Query words per language, stop words dropped unless nothing else is left.
        let mut groups: Vec<Vec<Candidate>> = Vec::new();
        let ends_in_word = query.chars().last().is_some_and(super::normalize::is_word_char);
        for &ql in query_langs {
            let toks = tokenize(query, ql);
            let mut words: Vec<&str> = Vec::new();
            for stop in [false, true] {
                for t in &toks {
                    if stop || !is_stop(&t.text, ql) {
                        words.push(&t.text);
                    }
                }
                if !words.is_empty() {
                    break;
                }
            }
            for (i, w) in words.iter().take(32).enumerate() {
                let is_last = i + 1 == words.len() && ends_in_word;
                let cands = self.candidates(w, ql, is_last);
                match groups.get_mut(i) {
                    Some(g) => {
                        for c in cands {
                            if !g.iter().any(|x| x.term == c.term) {
                                g.push(c);
                            }
                        }
                    }
                    None => groups.push(cands),
                }
            }
        }
        let words = groups.len();
        if words == 0 {
            return Vec::new();
        }
        // Score: per query word the best-matching candidate's BM25F contribution.
        // Per entry (dense ids, so vectors rather than maps: the maps' code cost ~1.5 KB of
        // wasm): summed score and the number of query words it matched (0: not a hit).
        let n = self.lengths.len();
        let mut scores: Vec<(f32, u32)> = vec![(0.0, 0); n];
        let w = self.opts.weights;
        let weights = [w.question, w.tags, w.answer];
        for group in &groups {
            // Per entry: the best candidate's contribution for this word, if any matched.
            let mut best: Vec<Option<f32>> = vec![None; n];
            // One idf per query word: its readings (stem, synonyms, completions, typos) score
            // as one term with the commonest one's document frequency, as Lucene's SynonymQuery
            // does; each with its own, a rare completion outranked the word itself ("versand":
            // "Versandbestätigung" before "Versand"). Compound parts are other words.
            let mut shared = f32::MAX;
            for c in group {
                let idf = self.idf[c.term as usize];
                if c.weight != PART && idf < shared {
                    shared = idf;
                }
            }
            for c in group {
                let idf = if c.weight == PART { self.idf[c.term as usize] } else { shared };
                for p in &self.postings[c.term as usize] {
                    if let Some(l) = lang {
                        if self.langs[p.entry as usize] != l {
                            continue;
                        }
                    }
                    let len = &self.lengths[p.entry as usize];
                    let mut tf = 0.0;
                    for f in 0..3 {
                        if p.tf[f] > 0.0 {
                            let norm = 1.0 - self.opts.b + self.opts.b * len[f] / self.avg[f];
                            tf += weights[f] * p.tf[f] / norm;
                        }
                    }
                    let s = c.weight * idf * tf / (self.opts.k1 + tf);
                    let e = best[p.entry as usize].get_or_insert(0.0);
                    if s > *e {
                        *e = s;
                    }
                }
            }
            for (e, s) in scores.iter_mut().zip(best) {
                if let Some(s) = s {
                    e.0 += s;
                    e.1 += 1;
                }
            }
        }
        let mut hits: Vec<(u32, f32)> = Vec::new();
        for (entry, &(s, matched)) in scores.iter().enumerate() {
            if matched > 0 {
                let coverage = matched as f32 / words as f32;
                hits.push((entry as u32, s * coverage * (1.0 + self.opts.popularity * self.prior[entry])));
            }
        }
        crate::sort::merge_sort_by(&mut hits, |a, b| b.1.partial_cmp(&a.1).unwrap_or(core::cmp::Ordering::Equal).then(a.0.cmp(&b.0)));
        hits.truncate(limit);
        let mut matched: Vec<TermId> = Vec::new();
        for g in &groups {
            for c in g {
                matched.push(c.term);
            }
        }
        let mut out = Vec::with_capacity(hits.len());
        for (entry, score) in hits {
            let mut matches: Vec<MatchRange> = Vec::new();
            for o in &self.occurrences[entry as usize] {
                if matched.contains(&o.term) {
                    matches.push(MatchRange { field: o.field, start: o.start as usize, end: o.end as usize });
                }
            }
            matches.dedup();
            out.push(Hit { entry: entry as usize, score, matches });
        }
        out
    }
}

/// Optimal-string-alignment distance between `a` and `b` if it is at most `max`.
fn bounded_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let (n, m) = (a.len(), b.len());
    let mut prev2 = vec![0usize; m + 1];
    let mut prev = vec![0usize; m + 1];
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    let mut cur = vec![0usize; m + 1];
    for i in 1..n + 1 {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..m + 1 {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        core::mem::swap(&mut prev2, &mut prev);
        core::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Optimal string alignment: two adjacent letters swapped are one edit, wherever they are;
    /// the bound still counts every other edit.
    #[test]
    fn transposed_letters_are_one_edit() {
        for (a, b, max, want) in [
            ("erturn", "return", 1, Some(1)), // at the start
            ("retrun", "return", 1, Some(1)), // in the middle
            ("retunr", "return", 1, Some(1)), // at the end
            ("ab", "ba", 1, Some(1)),
            ("return", "return", 1, Some(0)),
            // A transposition plus another edit (or another transposition) is two.
            ("retrum", "return", 1, None),
            ("retrum", "return", 2, Some(2)),
            ("retrunn", "return", 1, None),
            ("retrunn", "return", 2, Some(2)),
            ("ertunr", "return", 1, None),
            ("ertunr", "return", 2, Some(2)),
            // Restricted: a swapped pair is not edited again ("ca" → "abc" is 3, not 2).
            ("ca", "abc", 2, None),
            ("ca", "abc", 3, Some(3)),
        ] {
            assert_eq!(bounded_distance(a.as_bytes(), b.as_bytes(), max), want, "{a} ~ {b} (max {max})");
        }
    }
}
