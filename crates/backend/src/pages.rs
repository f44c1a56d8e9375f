//! The demo pages' shared header. The six shop pages (`index`, `cart`, `product`, `advisor`,
//! `help`, `konto`) and the broken-config test pages (`test/broken-*.html`) carry
//! `<!--#include shop-header-->` where the skip link and the site header go; this middleware puts `www/partials/shop-header.html` there when it serves such a page,
//! with `aria-current="page"` on the link to the page itself. One header for every page keeps
//! the navigation the same everywhere (WCAG 3.2.3), which six copies did not: two pages had
//! lost a link. It runs on the server, so the header is in the HTML before anything renders
//! (no layout shift, no script).

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

/// Where a page asks for the header.
pub const MARKER: &str = "<!--#include shop-header-->";
/// The header, relative to the `www` directory.
pub const PARTIAL: &str = "partials/shop-header.html";

/// The page with the header filled in, the link to `path` marked as the current page. Pages
/// without the marker come back unchanged.
pub fn fill(page: &str, header: &str, path: &str) -> String {
    if !page.contains(MARKER) {
        return page.to_owned();
    }
    let path = if path == "/index.html" { "/" } else { path };
    let link = format!("href=\"{path}\"");
    let header = header.trim_end();
    // The navigation's link, not the brand's (which also points at "/").
    let nav = header.find("<nav").unwrap_or(0);
    let header = format!("{}{}", &header[..nav], header[nav..].replacen(&link, &format!("{link} aria-current=\"page\""), 1));
    page.replacen(MARKER, &header, 1)
}

/// The header partial of `www`, read once when the router is built; `None` when the directory
/// has none (a custom `--www`), and pages are then served as they are.
pub fn load_header(www: &Path) -> Option<Arc<str>> {
    std::fs::read_to_string(www.join(PARTIAL)).ok().map(Arc::from)
}

/// Middleware over the static files: fills in the header of HTML pages that ask for it.
pub async fn shop_header(State(header): State<Option<Arc<str>>>, req: Request, next: Next) -> Response {
    let Some(header) = header else { return next.run(req).await };
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    let html = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    if !html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 4 << 20).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(page) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let filled = fill(page, &header, &path);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = r#"<a class="brand" href="/">Brand</a> <nav><a href="/">Shop</a> <a href="/cart.html" class="cart-link">Cart</a> <a href="/help.html">Help</a></nav>
"#;

    #[test]
    fn marks_the_current_page_and_leaves_other_pages_alone() {
        let page = format!("<body>\n  {MARKER}\n  <main></main>");
        let cases = [
            ("/", r#"<a href="/" aria-current="page">Shop</a> <a href="/cart.html" class="cart-link">Cart</a>"#),
            ("/index.html", r#"<a href="/" aria-current="page">Shop</a>"#),
            ("/cart.html", r#"<a href="/cart.html" aria-current="page" class="cart-link">Cart</a>"#),
            ("/help.html", r#"<a href="/help.html" aria-current="page">Help</a>"#),
        ];
        for (path, want) in cases {
            let filled = fill(&page, HEADER, path);
            assert!(filled.contains(want), "{path}: {filled}");
            assert_eq!(filled.matches("aria-current").count(), 1, "{path}");
            assert!(!filled.contains(MARKER) && filled.ends_with("</nav>\n  <main></main>"), "{path}: {filled}");
        }
        // A page that is no shop page (the product page links to none of them).
        assert_eq!(fill(&page, HEADER, "/product.html").matches("aria-current").count(), 0);
        assert_eq!(fill("<p>no marker</p>", HEADER, "/"), "<p>no marker</p>");
    }
}
