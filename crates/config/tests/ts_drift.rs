//! schema/schaufenster.d.ts (shipped in the npm package) must equal the TypeScript generated
//! from the config types. Refresh with `UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test ts_drift`.

#[test]
fn committed_typescript_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/schaufenster.d.ts");
    let generated = schaufenster_config::ts::typescript();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == generated, "schema/schaufenster.d.ts is out of date; run UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test ts_drift");
}

#[test]
fn every_top_level_key_is_declared() {
    let ts = schaufenster_config::ts::typescript();
    for key in ["locale", "currency", "backend", "cart", "theme", "consent", "messages", "shipping_bar", "social_proof", "faq", "advisor"] {
        assert!(ts.contains(&format!("\n  {key}?: ")), "{key} missing in\n{ts}");
    }
    // Enums become unions; pointer maps keep their dotted keys quoted.
    assert!(ts.contains(r#""after_discounts" | "before_discounts""#));
    assert!(ts.contains(r#""entries.id"?: string;"#));
}
