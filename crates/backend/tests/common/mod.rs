//! Test helpers: start a real server on 127.0.0.1:0 and talk to it over HTTP with a client that
//! keeps its own `sf_visitor` cookie (one client = one visitor).
#![allow(dead_code)]

use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Duration;

use schaufenster_backend::{start_background, Options};
use serde_json::Value;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn demo_config() -> PathBuf {
    repo_root().join("www/schaufenster.json")
}

/// Starts a server with an in-memory database; returns its base URL (`http://127.0.0.1:PORT`).
pub fn server_with(faults: bool, www: Option<PathBuf>) -> String {
    server_with_secret(faults, www, None)
}

/// [`server_with`] with a known customer-token secret (`--loyalty-secret`).
pub fn server_with_secret(faults: bool, www: Option<PathBuf>, loyalty_secret: Option<&str>) -> String {
    let opts = Options {
        addr: "127.0.0.1:0".parse().unwrap(),
        www: www.unwrap_or_else(|| repo_root().join("www")),
        config: demo_config(),
        db: ":memory:".into(),
        faults,
        bench_products: 0,
        loyalty_secret: loyalty_secret.map(str::to_string),
    };
    let addr = start_background(opts).expect("server starts");
    format!("http://{addr}")
}

pub fn server() -> String {
    server_with(false, None)
}

pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"].as_str().unwrap_or_else(|| panic!("no error code in {}", self.text)).to_string()
    }
}

pub struct Client {
    pub base: String,
    pub cookie: RefCell<Option<String>>,
    agent: ureq::Agent,
}

impl Client {
    pub fn new(base: &str) -> Client {
        Client::with_timeout(base, Duration::from_secs(20))
    }

    pub fn with_timeout(base: &str, timeout: Duration) -> Client {
        Client { base: base.to_string(), cookie: RefCell::new(None), agent: ureq::AgentBuilder::new().timeout(timeout).build() }
    }

    /// Sends a request; non-2xx statuses are returned, not errors. Transport errors panic
    /// unless `try_send` is used.
    pub fn send(&self, method: &str, path: &str, body: Option<Value>) -> Resp {
        self.try_send(method, path, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn try_send(&self, method: &str, path: &str, body: Option<Value>) -> Result<Resp, Box<ureq::Error>> {
        self.try_send_with(method, path, &[], body)
    }

    /// [`Client::send`] with extra request headers.
    pub fn send_with(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<Value>) -> Resp {
        self.try_send_with(method, path, headers, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn try_send_with(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<Value>) -> Result<Resp, Box<ureq::Error>> {
        let mut req = self.agent.request(method, &format!("{}{}", self.base, path));
        if let Some(c) = self.cookie.borrow().as_ref() {
            req = req.set("Cookie", &format!("sf_visitor={c}"));
        }
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let result = match body {
            Some(b) => req.send_json(b),
            None => req.call(),
        };
        let resp = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => return Err(Box::new(e)),
        };
        let status = resp.status();
        let mut headers = Vec::new();
        for name in resp.headers_names() {
            for v in resp.all(&name) {
                headers.push((name.clone(), v.to_string()));
            }
        }
        for (k, v) in &headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                if let Some(rest) = v.strip_prefix("sf_visitor=") {
                    *self.cookie.borrow_mut() = Some(rest.split(';').next().unwrap().to_string());
                }
            }
        }
        let text = resp.into_string().unwrap_or_default();
        Ok(Resp { status, headers, text })
    }

    pub fn get(&self, path: &str) -> Resp {
        self.send("GET", path, None)
    }

    /// GET that must be 200 with JSON.
    pub fn get_ok(&self, path: &str) -> Value {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.text);
        r.json()
    }

    /// Request with a JSON body that must be 2xx.
    pub fn ok(&self, method: &str, path: &str, body: Value) -> Value {
        let r = self.send(method, path, Some(body));
        assert!((200..300).contains(&r.status), "{method} {path}: {} {}", r.status, r.text);
        r.json()
    }
}

/// The cart document (`GET /api/cart`) as the widgets read it with the demo config's default
/// cart mapping: lines, `/discount` and `/shipping/free_shipping_granted`.
pub fn widget_cart(cart: &Value) -> schaufenster_core::Cart {
    schaufenster_core::Cart {
        currency: schaufenster_core::Currency::parse(cart["currency"].as_str().unwrap()).unwrap(),
        country: cart["country"].as_str().map(str::to_string),
        lines: cart["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| schaufenster_core::CartLine::new(l["product_id"].as_str().unwrap(), l["quantity"].as_u64().unwrap() as u32, l["unit_price"].as_i64().unwrap()))
            .collect(),
        cart_discount: cart["discount"].as_i64().unwrap(),
        free_shipping: cart["shipping"]["free_shipping_granted"].as_bool().unwrap(),
    }
}
