//! `schaufenster check <file>` — validate a config the way the widgets will.
//!
//! Run with `cargo run -p schaufenster-cli -- check www/schaufenster.json`.
//! Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O error.
//! `schaufenster schema` prints the JSON Schema.

use schaufenster_config::{load_str, Severity};
use std::process::ExitCode;

const USAGE: &str = "usage: schaufenster check <schaufenster.json>\n       schaufenster schema";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", file] => check(file),
        ["schema"] => {
            print!("{}", schaufenster_config::schema().to_pretty_string());
            ExitCode::SUCCESS
        }
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(file: &str) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("schaufenster: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let loaded = load_str(&text);
    for p in &loaded.problems {
        println!("{file}: {p}");
    }
    let errors = loaded.problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = loaded.problems.len() - errors;
    if errors == 0 {
        println!("{file}: ok ({warnings} warning{})", if warnings == 1 { "" } else { "s" });
        ExitCode::SUCCESS
    } else {
        println!("{file}: {errors} error{}, {warnings} warning{}", if errors == 1 { "" } else { "s" }, if warnings == 1 { "" } else { "s" });
        ExitCode::from(1)
    }
}
