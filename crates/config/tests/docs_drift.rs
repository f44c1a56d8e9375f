//! docs/config.md must equal the reference generated from the config types.
//! Refresh with `UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test docs_drift`.

#[test]
fn committed_config_reference_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/config.md");
    let generated = schaufenster_config::docs::markdown();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == generated, "docs/config.md is out of date; run UPDATE_SNAPSHOTS=1 cargo test -p schaufenster-config --test docs_drift");
}
