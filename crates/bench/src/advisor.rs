//! `schaufenster-bench advisor` — time to rescore and rank a catalogue after one answer
//! (`schaufenster_core::advisor`), natively. A command that prints a table, not a test.
//!
//! Run with `./x bench advisor` (this, then the same work as wasm in Chromium:
//! bench/advisor-browser) or `cargo run --release -p schaufenster-bench -- advisor [--runs N]`.
//!
//! The workload is in `synthetic` (shared with crates/search-wasm): 1,000, 10,000 and 50,000
//! synthetic luggage products, six answered questions, option counts for the next question.
//! Per size: the catalogue is built and the advisor compiled (untimed), 3 warm-up clicks, then
//! `runs` timed clicks. A click is `evaluate` (timed alone) followed by `option_counts` (the
//! second column pair times both together, as the widget runs them after every click).

use crate::metrics::percentile;
use crate::synthetic::{Summary, Workload, NEXT_QUESTION, SEED};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

pub const USAGE: &str = "usage: schaufenster-bench advisor [--runs N]\n\
  --runs N         timed clicks per catalogue size (default 200 for 1,000 and 10,000 products,\n\
                   50 for 50,000)";

/// Catalogue sizes and their default number of timed clicks.
/// 200 samples make p95 the 11th-largest, so a few scheduler hiccups on a shared machine do not
/// decide it (with 50 it would be the 3rd-largest).
const SIZES: [(usize, usize); 3] = [(1_000, 200), (10_000, 200), (50_000, 50)];
/// Untimed clicks before the timed ones.
const WARMUP: usize = 3;

/// One row of the table.
struct Row {
    summary: Summary,
    runs: usize,
    evaluate_ms: (f64, f64),
    click_ms: (f64, f64),
}

/// `args` after `advisor`.
pub fn main(args: &[&str]) -> ExitCode {
    let mut runs = None;
    let mut it = args.iter();
    while let Some(&arg) = it.next() {
        match (arg, it.next()) {
            ("--runs", Some(n)) => match n.parse::<usize>() {
                Ok(n) if n > 0 => runs = Some(n),
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
    let load_before = load_average();
    let rows: Vec<Row> = SIZES
        .iter()
        .map(|&(n, default_runs)| {
            let runs = runs.unwrap_or(default_runs);
            eprintln!("running advisor, {n} products × {runs} clicks…");
            bench(n, runs)
        })
        .collect();
    print_table(&rows, &load_before);
    ExitCode::SUCCESS
}

fn bench(n: usize, runs: usize) -> Row {
    let work = Workload::new(n, SEED);
    let summary = work.summary();
    for _ in 0..WARMUP {
        black_box(black_box(&work).evaluate());
        black_box(black_box(&work).option_counts());
    }
    let mut evaluate_ms = Vec::with_capacity(runs);
    let mut click_ms = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t0 = Instant::now();
        black_box(black_box(&work).evaluate());
        let t1 = Instant::now();
        black_box(black_box(&work).option_counts());
        let t2 = Instant::now();
        evaluate_ms.push((t1 - t0).as_secs_f64() * 1e3);
        click_ms.push((t2 - t0).as_secs_f64() * 1e3);
    }
    Row {
        summary,
        runs,
        evaluate_ms: (
            percentile(&evaluate_ms, 50.0),
            percentile(&evaluate_ms, 95.0),
        ),
        click_ms: (percentile(&click_ms, 50.0), percentile(&click_ms, 95.0)),
    }
}

/// "2 cores, Intel(R) Xeon(R) Processor" (the model from /proc/cpuinfo).
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|r| r.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {model}")
}

/// The 1, 5 and 15 minute load averages from /proc/loadavg ("0.22 0.50 0.60").
pub fn load_average() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    load.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn print_table(rows: &[Row], load_before: &str) {
    println!(
        "Advisor, native release build (schaufenster_core::advisor, workspace release profile); {}; load average {load_before} before, {} after",
        machine(),
        load_average()
    );
    println!();
    println!("| build | products | in stock | criteria | ranked | relaxed | counts of `{NEXT_QUESTION}` | runs | evaluate p50 ms | evaluate p95 ms | + option_counts p50 ms | + option_counts p95 ms |");
    println!("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
    for r in rows {
        let s = &r.summary;
        let counts: Vec<String> = s.counts.iter().map(usize::to_string).collect();
        println!(
            "| native | {} | {} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            s.products,
            s.in_stock,
            s.criteria,
            s.ranked,
            s.relaxed,
            counts.join(" / "),
            r.runs,
            r.evaluate_ms.0,
            r.evaluate_ms.1,
            r.click_ms.0,
            r.click_ms.1
        );
    }
    println!();
    println!("- A click: `evaluate` (six answers, out-of-stock ranked last as by default, so every product is scored) timed alone, then with `option_counts` of the next question (`{NEXT_QUESTION}`: none / two / four) after it.");
    println!("- p50/p95: nearest rank over `runs` clicks after {WARMUP} warm-up clicks; the outcome is dropped inside the timed part.");
}
