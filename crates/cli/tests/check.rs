//! The `schaufenster check` command as a shop owner runs it.
use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_schaufenster")).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn demo_config_passes() {
    let (code, out) = run(&["check", concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/schaufenster.json")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("ok (0 warnings)\n"), "{out}");
}

#[test]
fn broken_config_prints_every_problem_with_path_and_hint() {
    let dir = std::env::temp_dir().join(format!("sf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.json");
    std::fs::write(&file, r#"{"currency": "EURO", "backend": {"timeout_ms": -1}, "shipping_bar": {"tiers": [{"id": "x", "reward": "gift", "thresholds": [{"currency": "EUR", "amount": -5}]}]}}"#).unwrap();
    let (code, out) = run(&["check", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    for needle in [
        "error: $.currency: unknown currency code \"EURO\" (found \"EURO\")",
        "hint: did you mean \"EUR\"?",
        "error: $.backend.timeout_ms: must not be negative (found -1)",
        "error: $.shipping_bar.tiers[0].thresholds[0].amount: amount must not be negative (found -5)",
        "3 errors, 0 warnings",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
}

#[test]
fn usage_and_missing_files() {
    assert_eq!(run(&[]).0, 2);
    let (code, out) = run(&["check", "/nonexistent/schaufenster.json"]);
    assert_eq!(code, 2);
    assert!(out.contains("cannot read"), "{out}");
    let (code, out) = run(&["schema"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"shipping_bar\""));
}
