//! `schaufenster-bench faq` — relevance and latency of the FAQ search engine
//! (`schaufenster_core::search`). A command that prints tables, not a test.
//! `schaufenster-bench advisor` times the product advisor instead (see `advisor`).
//!
//! Run with `./x bench faq` or
//! `cargo run --release -p schaufenster-bench -- faq [--stackfaq ../shared/evalsets/stackfaq] [--runs N]`.
//!
//! Sets, each indexed on its own and ranked over its whole corpus:
//! - **stackfaq** (external, English, ../shared/evalsets/stackfaq): question + answer indexed,
//!   entries in id order so the engine's ties (entry order) are broken by id as its README asks.
//!   Skipped with a note when the directory is missing.
//! - **demo-de / demo-en**: the demo shop's FAQ (crates/backend/data/faq.{de,en}.json, answers
//!   stripped of HTML; question, answer, tags, category and popularity indexed) with this
//!   project's query sets (tests/relevance/queries.{de,en}.json).
//!
//! Metrics follow ../shared/evalsets/stackfaq/README.md (see `metrics`). Latency: every query is
//! searched once more after the relevance pass (which warms caches), `runs` times; "typing"
//! searches every prefix of every query, one per keystroke, as the widget does while typing.
//! Index build time is the median of 5 builds.

mod advisor;
mod metrics;
mod synthetic;

use schaufenster_core::search::{Entry, Index, Lang, Options};
use serde::Deserialize;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: schaufenster-bench faq [--stackfaq DIR] [--runs N]\n\
  --stackfaq DIR   StackFAQ directory with faqs.json and queries.json (default: ../shared/evalsets/stackfaq\n\
                   next to the workspace; skipped when missing)\n\
  --runs N         timed passes over every query set (default 1)\n\
       schaufenster-bench advisor [--runs N]   the product advisor instead (advisor --help)";

/// Results per query list.
const LIMIT: usize = 10;
/// Index builds timed per set (the median is reported).
const BUILDS: usize = 5;

#[derive(Deserialize)]
struct DemoEntry {
    id: String,
    category: Option<String>,
    question: String,
    answer: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    popularity: u32,
}

#[derive(Deserialize)]
struct StackEntry {
    id: String,
    question: String,
    answer: String,
}

#[derive(Deserialize)]
struct Query {
    query: String,
    relevant_ids: Vec<String>,
}

/// One evaluation set: entries to index and queries with their relevant ids.
struct Set {
    name: &'static str,
    indexed: &'static str,
    lang: Lang,
    entries: Vec<Entry>,
    queries: Vec<Query>,
}

/// One row of the results table.
struct Row {
    name: &'static str,
    entries: usize,
    queries: usize,
    mrr10: f64,
    recall1: f64,
    recall5: f64,
    ndcg10: f64,
    query_us: (f64, f64),
    keystroke_us: (f64, f64),
    keystrokes: usize,
    build_ms: f64,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut stackfaq: Option<PathBuf> = None;
    let mut runs = 1usize;
    let mut it = args.iter().map(String::as_str);
    match it.next() {
        Some("faq") => {}
        Some("advisor") => {
            let rest: Vec<&str> = it.collect();
            if rest.iter().any(|a| matches!(*a, "--help" | "-h")) {
                println!("{}", advisor::USAGE);
                return ExitCode::SUCCESS;
            }
            return advisor::main(&rest);
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    while let Some(arg) = it.next() {
        match (arg, it.next()) {
            ("--stackfaq", Some(dir)) => stackfaq = Some(PathBuf::from(dir)),
            ("--runs", Some(n)) => match n.parse::<usize>() {
                Ok(n) if n > 0 => runs = n,
                _ => {
                    eprintln!("--runs takes a positive integer, found {n:?}\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("unknown or incomplete argument {arg:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    match run(stackfaq, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("schaufenster-bench: {e}");
            ExitCode::from(2)
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(stackfaq: Option<PathBuf>, runs: usize) -> Result<(), String> {
    let root = workspace_root();
    let mut sets = Vec::new();
    let (stack_dir, explicit) = match stackfaq {
        Some(dir) => (dir, true),
        None => (root.join("../shared/evalsets/stackfaq"), false),
    };
    if explicit || stack_dir.join("faqs.json").is_file() {
        sets.push(load_stackfaq(&stack_dir)?);
    } else {
        eprintln!(
            "note: no StackFAQ at {} (pass --stackfaq DIR); skipping it",
            stack_dir.display()
        );
    }
    let data = root.join("crates/backend/data");
    let rel = root.join("tests/relevance");
    sets.push(load_demo(
        "demo-de",
        Lang::De,
        &data.join("faq.de.json"),
        &rel.join("queries.de.json"),
    )?);
    sets.push(load_demo(
        "demo-en",
        Lang::En,
        &data.join("faq.en.json"),
        &rel.join("queries.en.json"),
    )?);

    let mut rows = Vec::new();
    for set in &sets {
        eprintln!(
            "running {} ({} entries, {} queries)…",
            set.name,
            set.entries.len(),
            set.queries.len()
        );
        rows.push(bench(set, runs));
    }
    print_table(&sets, &rows, runs);
    Ok(())
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn load_stackfaq(dir: &Path) -> Result<Set, String> {
    let raw: Vec<StackEntry> = read_json(&dir.join("faqs.json"))?;
    let mut entries: Vec<Entry> = raw
        .into_iter()
        .map(|e| Entry::new(&e.id, Lang::En, &e.question, &e.answer))
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let queries: Vec<Query> = read_json(&dir.join("queries.json"))?;
    check_ids("stackfaq", &entries, &queries)?;
    Ok(Set {
        name: "stackfaq",
        indexed: "question + answer",
        lang: Lang::En,
        entries,
        queries,
    })
}

fn load_demo(name: &'static str, lang: Lang, faq: &Path, queries: &Path) -> Result<Set, String> {
    let raw: Vec<DemoEntry> = read_json(faq)?;
    let mut entries: Vec<Entry> = raw
        .into_iter()
        .map(|e| Entry {
            id: e.id,
            lang,
            question: e.question,
            answer: schaufenster_core::rich::plain_text(&schaufenster_core::rich::parse(&e.answer)),
            tags: e.tags,
            category: e.category,
            popularity: e.popularity,
        })
        .collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let queries: Vec<Query> = read_json(queries)?;
    check_ids(name, &entries, &queries)?;
    Ok(Set {
        name,
        indexed: "question + tags + answer (HTML → text by `core::rich`, as in the widget), popularity",
        lang,
        entries,
        queries,
    })
}

/// Every relevant id must name an entry, or the set scores a typo in the data as a miss.
fn check_ids(name: &str, entries: &[Entry], queries: &[Query]) -> Result<(), String> {
    let known: std::collections::HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    for q in queries {
        if q.relevant_ids.is_empty() {
            return Err(format!("{name}: query {:?} has no relevant ids", q.query));
        }
        if let Some(id) = q
            .relevant_ids
            .iter()
            .find(|id| !known.contains(id.as_str()))
        {
            return Err(format!(
                "{name}: query {:?} names unknown id {id:?}",
                q.query
            ));
        }
    }
    Ok(())
}

/// Ids of the top `LIMIT` hits, best first; equal scores by id (entries are sorted by id, so
/// this only restates the engine's own tie rule).
fn ranked_ids<'a>(index: &Index, set: &'a Set, query: &str) -> Vec<&'a str> {
    let mut hits = index.search(query, Some(set.lang), LIMIT);
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| set.entries[a.entry].id.cmp(&set.entries[b.entry].id))
    });
    hits.iter()
        .take(LIMIT)
        .map(|h| set.entries[h.entry].id.as_str())
        .collect()
}

fn bench(set: &Set, runs: usize) -> Row {
    let opts = Options::default();
    let mut builds = Vec::with_capacity(BUILDS);
    let mut index = None;
    for _ in 0..BUILDS {
        let t = Instant::now();
        let built = Index::build(black_box(&set.entries), &opts);
        builds.push(t.elapsed().as_secs_f64() * 1e3);
        index = Some(built);
    }
    let index = index.expect("BUILDS > 0");

    let (mut mrr, mut r1, mut r5, mut nd) = (0.0, 0.0, 0.0, 0.0);
    for q in &set.queries {
        let ranked = ranked_ids(&index, set, &q.query);
        let relevant: Vec<&str> = q.relevant_ids.iter().map(String::as_str).collect();
        mrr += metrics::reciprocal_rank(&ranked, &relevant, 10);
        r1 += metrics::hit(&ranked, &relevant, 1);
        r5 += metrics::hit(&ranked, &relevant, 5);
        nd += metrics::ndcg(&ranked, &relevant, 10);
    }
    let n = set.queries.len().max(1) as f64;

    let mut query_us = Vec::with_capacity(set.queries.len() * runs);
    let mut keystroke_us = Vec::new();
    for _ in 0..runs {
        for q in &set.queries {
            let t = Instant::now();
            black_box(index.search(black_box(&q.query), Some(set.lang), LIMIT));
            query_us.push(t.elapsed().as_secs_f64() * 1e6);
            for (end, c) in q.query.char_indices() {
                let prefix = &q.query[..end + c.len_utf8()];
                let t = Instant::now();
                black_box(index.search(black_box(prefix), Some(set.lang), LIMIT));
                keystroke_us.push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
    }
    Row {
        name: set.name,
        entries: set.entries.len(),
        queries: set.queries.len(),
        mrr10: mrr / n,
        recall1: r1 / n,
        recall5: r5 / n,
        ndcg10: nd / n,
        query_us: (
            metrics::percentile(&query_us, 50.0),
            metrics::percentile(&query_us, 95.0),
        ),
        keystrokes: keystroke_us.len() / runs,
        keystroke_us: (
            metrics::percentile(&keystroke_us, 50.0),
            metrics::percentile(&keystroke_us, 95.0),
        ),
        build_ms: metrics::percentile(&builds, 50.0),
    }
}

fn print_table(sets: &[Set], rows: &[Row], runs: usize) {
    println!("FAQ search, native (schaufenster_core::search, Options::default(), top {LIMIT}); {runs} timed pass(es)");
    println!();
    println!("| set | entries | queries | MRR@10 | recall@1 | recall@5 | nDCG@10 | query p50 µs | query p95 µs | keystrokes | keystroke p50 µs | keystroke p95 µs | build ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.1} | {:.1} | {} | {:.1} | {:.1} | {:.2} |",
            r.name, r.entries, r.queries, r.mrr10, r.recall1, r.recall5, r.ndcg10, r.query_us.0, r.query_us.1, r.keystrokes, r.keystroke_us.0, r.keystroke_us.1, r.build_ms
        );
    }
    println!();
    for s in sets {
        println!("- {}: indexed {}.", s.name, s.indexed);
    }
    println!(
        "- recall@k is the hit rate (share of queries with at least one relevant id in the top k);"
    );
    println!("  nDCG@10 uses binary gains and an ideal DCG over min(|relevant|, 10) entries.");
    println!("- keystrokes: every prefix of every query searched as typed (per pass); build: median of {BUILDS}.");
}
