//! Reference backend of the Schaufenster demo shop "Kofferkontor".
//!
//! - Serves the `www` directory (widgets, demo pages, `schaufenster.json`, product images).
//! - A JSON API under `/api` (products, the visitor's cart, checkout, the luggage with the
//!   guided-selling advisor's attributes) documented by
//!   [`openapi::openapi`], committed as `openapi/openapi.json`.
//! - Shipping is computed with [`schaufenster_core::shipping::evaluate`] on the rules of the very
//!   `schaufenster.json` the widgets load, so what the free-shipping bar promises is what
//!   checkout charges.
//! - Social-proof numbers (`/api/social-proof`) computed from recorded events (views posted by
//!   the widget, cart and purchase events written by the server itself) and seeded reviews.
//! - Optional per-visitor fault injection (`--faults`) for browser tests of error handling, and
//!   with it `POST /api/_test/events` to back-date events, `/api/_test/loyalty/*` to credit
//!   points and audit a customer's ledger, and the shop platforms' cart endpoints answering
//!   with documented responses for the preset tests (see [`platform`]).
//!
//! - Loyalty points (`/api/loyalty/*`, see [`loyalty`]): customers, an append-only points
//!   ledger, redemptions with voucher codes (exactly once per `Idempotency-Key`), a signed
//!   customer token for the demo login, and the checkout crediting points with the rules of
//!   [`schaufenster_core::loyalty`].
//! - Voucher codes in the cart (`POST /api/cart/voucher {"code"}`, `DELETE /api/cart/voucher`,
//!   see [`voucher`]): a code the loyalty ledger produced is applied to the visitor's cart (the
//!   cart's `discount`, free shipping or the free travel kit) and used up by checkout in the
//!   order's transaction, exactly once.
//! - The demo FAQ (`/api/faq`, German and English, compiled in from `data/faq.*.json`),
//!   "Was this helpful?" votes, the consented zero-result search log and the shop owner's report
//!   (see [`faq`]).
//!
//! Visitors are identified by the `sf_visitor` cookie (random 128-bit hex), set on the first
//! request that lacks it. Each visitor has one cart.

pub mod api;
pub mod db;
pub mod faq;
pub mod faults;
pub mod loyalty;
pub mod openapi;
pub mod pages;
pub mod platform;
pub mod social;
pub mod voucher;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{any, delete, get, post, put, MethodRouter};
use axum::Router;
use schaufenster_core::shipping::ShippingRules;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/// Name of the visitor cookie.
pub const VISITOR_COOKIE: &str = "sf_visitor";

/// How the server is started.
#[derive(Clone, Debug)]
pub struct Options {
    /// Address to bind; port 0 lets the OS pick.
    pub addr: SocketAddr,
    /// Directory served at `/`.
    pub www: PathBuf,
    /// The `schaufenster.json` whose shipping rules checkout applies.
    pub config: PathBuf,
    /// SQLite file, or `:memory:`.
    pub db: String,
    /// Enables `/api/_faults` and the `/api/_test/*` endpoints.
    pub faults: bool,
    /// Extra synthetic products `bench-001…` for the social-proof benchmark (0 = none; see
    /// [`db::seed_bench`]).
    pub bench_products: u32,
    /// Secret of the customer tokens (`--loyalty-secret`, at least 16 bytes); `None`: 32 random
    /// bytes drawn at start, so tokens do not survive a restart.
    pub loyalty_secret: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            www: PathBuf::from("www"),
            config: PathBuf::from("www/schaufenster.json"),
            db: ":memory:".into(),
            faults: false,
            bench_products: 0,
            loyalty_secret: None,
        }
    }
}

impl Options {
    /// Parses command-line flags (without the program name).
    ///
    /// `--addr HOST:PORT` `--www DIR` `--config FILE` (default `<www>/schaufenster.json`)
    /// `--db FILE` `--faults` `--bench-products N` `--loyalty-secret S`; both `--flag value` and `--flag=value` work.
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Result<Options, String> {
        let mut o = Options::default();
        let mut config = None;
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            let mut value = |name: &str| inline.clone().or_else(|| it.next()).ok_or_else(|| format!("{name} needs a value"));
            match flag.as_str() {
                "--addr" => {
                    let v = value("--addr")?;
                    o.addr = v.parse().map_err(|_| format!("--addr: not a socket address: {v} (example: 127.0.0.1:8080)"))?;
                }
                "--www" => o.www = PathBuf::from(value("--www")?),
                "--config" => config = Some(PathBuf::from(value("--config")?)),
                "--db" => o.db = value("--db")?,
                "--faults" => o.faults = true,
                "--bench-products" => {
                    let v = value("--bench-products")?;
                    o.bench_products = v
                        .parse()
                        .ok()
                        .filter(|n| *n <= db::MAX_BENCH_PRODUCTS)
                        .ok_or_else(|| format!("--bench-products: a whole number 0..={} (got {v})", db::MAX_BENCH_PRODUCTS))?;
                }
                "--loyalty-secret" => {
                    let v = value("--loyalty-secret")?;
                    if v.len() < loyalty::MIN_SECRET_LEN {
                        return Err(format!("--loyalty-secret: at least {} bytes", loyalty::MIN_SECRET_LEN));
                    }
                    o.loyalty_secret = Some(v);
                }
                "-h" | "--help" => return Err(USAGE.into()),
                other => return Err(format!("unknown argument {other}\n{USAGE}")),
            }
        }
        o.config = config.unwrap_or_else(|| o.www.join("schaufenster.json"));
        Ok(o)
    }
}

/// Usage text.
pub const USAGE: &str = "usage: schaufenster-backend [--addr 127.0.0.1:8080] [--www DIR] [--config FILE] [--db FILE] [--faults] [--bench-products N] [--loyalty-secret SECRET]";

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pub db: Arc<Mutex<rusqlite::Connection>>,
    pub rules: Arc<ShippingRules>,
    pub faults_enabled: bool,
    pub faults: Arc<Mutex<HashMap<String, faults::Fault>>>,
    /// The points programme and the customer-token secret.
    pub loyalty: Arc<loyalty::Loyalty>,
}

/// The visitor id of the current request (set by the visitor middleware).
#[derive(Clone, Debug)]
pub struct Visitor(pub String);

/// Present on a request whose visitor had no cookie yet (a first contact).
#[derive(Clone, Copy, Debug)]
pub struct FirstContact;

/// Reads the shipping rules from a `schaufenster.json`.
pub fn load_rules(path: &std::path::Path) -> Result<ShippingRules, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
    let loaded = schaufenster_config::load_str(&text);
    let config = loaded.config.ok_or_else(|| {
        let problems: Vec<String> = loaded.problems.iter().map(|p| format!("  {}: {}", p.path, p.message)).collect();
        format!("config {} is unusable:\n{}", path.display(), problems.join("\n"))
    })?;
    config
        .shipping_bar
        .get()
        .map(|b| b.rules())
        .ok_or_else(|| format!("config {}: shipping_bar is missing or broken; checkout needs its rules", path.display()))
}

/// The API routes: method, path, handler. The router is built from this table only, and the
/// tests check it against the OpenAPI document in both directions.
fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/api/health", get(api::health)),
        (Method::GET, "/api/products", get(api::list_products)),
        (Method::GET, "/api/advisor/products", get(api::advisor_products)),
        (Method::GET, "/api/cart", get(api::get_cart)),
        (Method::POST, "/api/cart/lines", post(api::add_line)),
        (Method::PUT, "/api/cart/lines/{product_id}", put(api::set_line)),
        (Method::DELETE, "/api/cart/lines/{product_id}", delete(api::delete_line)),
        (Method::PUT, "/api/cart/settings", put(api::put_settings)),
        (Method::POST, "/api/cart/voucher", post(voucher::post_voucher)),
        (Method::DELETE, "/api/cart/voucher", delete(voucher::delete_voucher)),
        (Method::POST, "/api/checkout", post(api::checkout)),
        (Method::POST, "/api/events", post(social::post_event)),
        (Method::GET, "/api/social-proof", get(social::get_social_proof)),
        (Method::GET, "/api/faq", get(faq::get_faq)),
        (Method::POST, "/api/faq/feedback", post(faq::post_feedback)),
        (Method::POST, "/api/faq/search-log", post(faq::post_search_log)),
        (Method::GET, "/api/faq/report", get(faq::get_report)),
        (Method::GET, "/api/loyalty/program", get(loyalty::get_program)),
        (Method::POST, "/api/loyalty/demo-login", post(loyalty::demo_login)),
        (Method::GET, "/api/loyalty/me", get(loyalty::get_me)),
        (Method::POST, "/api/loyalty/redeem", post(loyalty::post_redeem)),
        (Method::POST, "/api/_test/events", post(social::post_test_events)),
        (Method::POST, "/api/_test/loyalty/credit", post(loyalty::post_test_credit)),
        (Method::GET, "/api/_test/loyalty/audit", get(loyalty::get_test_audit)),
        (Method::GET, "/api/_faults", get(faults::get_fault)),
        (Method::PUT, "/api/_faults", put(faults::put_fault)),
    ]
}

/// `(METHOD, path)` of every registered API route.
pub fn route_list() -> Vec<(String, String)> {
    routes().into_iter().map(|(m, p, _)| (m.to_string(), p.to_string())).collect()
}

/// Builds the application router.
pub fn app(state: AppState, www: PathBuf) -> Router {
    let mut api = Router::new();
    for (_, path, handler) in routes() {
        api = api.route(path, handler);
    }
    let api = api
        .route("/api", any(api::no_route))
        .route("/api/", any(api::no_route))
        .route("/api/{*rest}", any(api::no_route))
        .layer(middleware::from_fn_with_state(state.clone(), faults::inject))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    Router::new()
        .merge(api)
        .route("/cart.js", get(platform::shopify_cart))
        .route("/store-api/checkout/cart", get(platform::shopware6_cart))
        .route("/wp-json/wc/store/v1/cart", get(platform::woocommerce_cart))
        .route("/recommendations/products.json", get(platform::shopify_recommendations))
        .route("/store-api/product", get(platform::shopware6_products))
        .route("/wp-json/wc/store/v1/products", get(platform::woocommerce_products))
        .fallback_service(
            Router::new()
                .fallback_service(ServeDir::new(&www).append_index_html_on_directories(true))
                .layer(middleware::from_fn_with_state(pages::load_header(&www), pages::shop_header)),
        )
        .layer(middleware::from_fn(visitor))
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .with_state(state)
}

fn visitor_from_cookies(req: &Request) -> Option<String> {
    req.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == VISITOR_COOKIE && v.len() == 32 && v.bytes().all(|b| b.is_ascii_hexdigit())).then(|| v.to_ascii_lowercase())
    })
}

/// A new random visitor id: 128 bits as 32 lower-case hex digits.
pub fn new_visitor_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("OS random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Middleware: finds or creates the visitor id and sets the cookie when it was missing.
async fn visitor(mut req: Request, next: Next) -> Response {
    let (id, fresh) = match visitor_from_cookies(&req) {
        Some(id) => (id, false),
        None => (new_visitor_id(), true),
    };
    req.extensions_mut().insert(Visitor(id.clone()));
    if fresh {
        req.extensions_mut().insert(FirstContact);
    }
    let mut res = next.run(req).await;
    if fresh {
        let cookie = format!("{VISITOR_COOKIE}={id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=31536000");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// Length of the listen queue. `tokio::net::TcpListener::bind` asks for 128 (mio's default), so
/// a burst of more new connections than that has some SYNs dropped and retried by the client a
/// second later (seen as a 1 s p95 in `./x bench loyalty`, 200 connections at once).
pub const LISTEN_BACKLOG: u32 = 1024;

/// Binds `addr` (with SO_REUSEADDR, like `TcpListener::bind`) with [`LISTEN_BACKLOG`].
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

/// Opens the database, loads the rules and binds the listener. Returns the bound address and
/// the task serving it.
pub async fn serve(opts: Options) -> Result<(SocketAddr, tokio::task::JoinHandle<()>), String> {
    let rules = load_rules(&opts.config)?;
    let conn = db::open(&opts.db).map_err(|e| format!("database {}: {e}", opts.db))?;
    faq::load(&conn).map_err(|e| format!("database {}: {e}", opts.db))?;
    db::seed_bench(&conn, opts.bench_products).map_err(|e| format!("database {}: seeding {} bench products: {e}", opts.db, opts.bench_products))?;
    let state = AppState {
        db: Arc::new(Mutex::new(conn)),
        rules: Arc::new(rules),
        faults_enabled: opts.faults,
        faults: Arc::new(Mutex::new(HashMap::new())),
        loyalty: Arc::new(loyalty::Loyalty::new(loyalty::demo_program(), opts.loyalty_secret.as_deref())),
    };
    let listener = listen(opts.addr).map_err(|e| format!("cannot bind {}: {e}", opts.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let router = app(state, opts.www);
    let handle = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            eprintln!("server error: {e}");
        }
    });
    Ok((addr, handle))
}

/// Starts a server on its own thread and runtime (for blocking tests and tools). The server
/// lives until the process ends.
pub fn start_background(opts: Options) -> Result<SocketAddr, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt,
            Err(e) => {
                let _ = tx.send(Err(e.to_string()));
                return;
            }
        };
        rt.block_on(async move {
            match serve(opts).await {
                Ok((addr, handle)) => {
                    let _ = tx.send(Ok(addr));
                    let _ = handle.await;
                }
                Err(e) => {
                    let _ = tx.send(Err(e));
                }
            }
        });
    });
    rx.recv().map_err(|e| e.to_string())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Options, String> {
        Options::from_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn cli_flags() {
        let o = args(&[]).unwrap();
        assert_eq!((o.addr.to_string(), o.www.clone(), o.config.clone(), o.db.as_str(), o.faults), ("127.0.0.1:8080".into(), PathBuf::from("www"), PathBuf::from("www/schaufenster.json"), ":memory:", false));
        let o = args(&["--addr", "127.0.0.1:0", "--www=site", "--db", "shop.db", "--faults"]).unwrap();
        assert_eq!((o.addr.port(), o.config.clone(), o.db.as_str(), o.faults), (0, PathBuf::from("site/schaufenster.json"), "shop.db", true));
        let o = args(&["--config", "c.json", "--www", "site"]).unwrap();
        assert_eq!(o.config, PathBuf::from("c.json"));
        assert!(args(&["--addr"]).is_err());
        assert!(args(&["--addr", "localhost"]).is_err());
        assert!(args(&["--what"]).is_err());
        assert_eq!(args(&["--bench-products", "100"]).unwrap().bench_products, 100);
        assert_eq!(args(&[]).unwrap().bench_products, 0);
        assert!(args(&["--bench-products=1000"]).is_err());
        assert!(args(&["--bench-products", "-1"]).is_err());
        assert_eq!(args(&["--loyalty-secret", "0123456789abcdef"]).unwrap().loyalty_secret.as_deref(), Some("0123456789abcdef"));
        assert_eq!(args(&[]).unwrap().loyalty_secret, None);
        assert!(args(&["--loyalty-secret=short"]).is_err());
    }

    #[test]
    fn visitor_ids_are_random_hex() {
        let a = new_visitor_id();
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, new_visitor_id());
    }

    #[test]
    fn demo_config_yields_rules() {
        let rules = load_rules(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/schaufenster.json"))).unwrap();
        assert_eq!(rules.tiers.len(), 2);
        assert!(rules.is_excluded("gutschein-25") && rules.is_excluded("gutschein-50"));
        assert!(load_rules(std::path::Path::new("/nonexistent.json")).is_err());
    }
}
