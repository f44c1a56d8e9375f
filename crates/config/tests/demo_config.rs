//! The demo shop's config must stay valid: the backend and the demo page both load it.
use schaufenster_config::load_str;

#[test]
fn demo_config_is_valid_without_warnings() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/schaufenster.json")).unwrap();
    let loaded = load_str(&text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let config = loaded.config.unwrap();
    let bar = config.shipping_bar.get().expect("shipping bar configured");
    assert_eq!(bar.tiers.len(), 2);
    assert_eq!(config.message("shipping.empty"), "Versandkostenfrei ab {threshold} – jetzt stöbern!");
    assert_eq!(config.message("shipping.label"), "Fortschritt bis zum kostenlosen Versand");
}
