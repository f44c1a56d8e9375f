//! docs/theming.md lists every CSS custom property the widget stylesheets read: a property a
//! shop cannot find in the docs is one it cannot theme.

use std::path::Path;

/// Every `var(--sf-…)` name in `css`.
fn properties(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(i) = rest.find("var(--sf-") {
        let name: String = rest[i + 4..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        out.push(name);
        rest = &rest[i + 4..];
    }
    out
}

#[test]
fn every_custom_property_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let docs = std::fs::read_to_string(root.join("docs/theming.md")).expect("docs/theming.md");
    let mut sheets = vec![root.join("crates/wasm/js/schaufenster.css")];
    for entry in std::fs::read_dir(root.join("crates/widgets/src")).expect("widgets sources") {
        let css = entry.expect("dir entry").path().join("style.css");
        if css.exists() {
            sheets.push(css);
        }
    }
    assert!(sheets.len() >= 6, "the five widget stylesheets and schaufenster.css: {sheets:?}");
    let mut missing = Vec::new();
    for sheet in &sheets {
        for name in properties(&std::fs::read_to_string(sheet).expect("stylesheet")) {
            if !docs.contains(&format!("`{name}`")) && !missing.contains(&name) {
                missing.push(name);
            }
        }
    }
    assert!(missing.is_empty(), "custom properties used but not in docs/theming.md: {missing:?}");
}

#[test]
fn finds_properties() {
    assert_eq!(properties(".a{color:var(--sf-text,inherit);border:1px solid var(--sf-border-strong,#000)}"), ["--sf-text", "--sf-border-strong"]);
}
