//! Minifies each widget's `style.css` into `$OUT_DIR/<widget>.css` (comments and needless
//! whitespace removed): the stylesheets are compiled into the wasm, where every byte counts,
//! while the sources keep their comments.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    for widget in ["shipping_bar", "social_proof", "faq", "advisor", "loyalty"] {
        let src = format!("src/{widget}/style.css");
        println!("cargo:rerun-if-changed={src}");
        let css = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        fs::write(Path::new(&out).join(format!("{widget}.css")), minify(&css)).expect("write minified CSS");
    }
}

/// Drops `/* … */` comments, collapses whitespace to one space and removes it next to
/// `{ } ; ,` and `>`. Quoted strings and backslash escapes are kept as they are; `:` is never
/// touched (a space before it can be a descendant selector).
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let b: Vec<char> = css.chars().collect();
    let (mut i, mut space) = (0, false);
    while i < b.len() {
        let c = b[i];
        if c == '/' && b.get(i + 1) == Some(&'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            // A comment separates nothing: `.a/**/.b` is `.a.b`.
            i += 2;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let tight = |ch: char| matches!(ch, '{' | '}' | ';' | ',' | '>');
        if space && !out.is_empty() && !tight(c) && !out.ends_with(tight) {
            out.push(' ');
        }
        space = false;
        if c == '\\' {
            // An escape keeps the next character as it is (including a space).
            out.push(c);
            if let Some(&n) = b.get(i + 1) {
                out.push(n);
            }
            i += 2;
            continue;
        }
        if c == '"' || c == '\'' {
            out.push(c);
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == '\\' && i + 1 < b.len() {
                    out.push(b[i]);
                    i += 1;
                }
                out.push(b[i]);
                i += 1;
            }
        }
        if i < b.len() {
            out.push(b[i]);
        }
        i += 1;
    }
    out
}
