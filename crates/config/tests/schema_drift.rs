//! The committed JSON Schema must equal the one generated from the config types.
//! Refresh with `UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test schema_drift`.

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/schaufenster.schema.json");
    let generated = schaufenster_config::schema().to_pretty_string();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/schaufenster.schema.json is out of date with the config types; run UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test schema_drift"
    );
}

#[test]
fn schema_is_valid_json_and_describes_every_section() {
    let text = schaufenster_config::schema().to_json_string();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for key in ["locale", "currency", "backend", "cart", "theme", "consent", "messages", "shipping_bar"] {
        assert!(v["properties"][key].is_object(), "{key} missing from schema");
    }
    assert_eq!(v["properties"]["shipping_bar"]["required"][0], "tiers");
    assert_eq!(v["additionalProperties"], false);
}
