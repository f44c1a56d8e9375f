//! Pure storefront rules shared by the widgets (compiled to wasm) and the reference backend.
//!
//! **Invariant:** this crate knows nothing of the DOM, wasm-bindgen, leptos or HTTP. Everything
//! here runs and is tested natively with plain `cargo test`.
//!
//! - [`money`]: ISO 4217 currencies and amounts in integer minor units.
//! - [`cart`]: the cart the rules look at.
//! - [`shipping`]: free-shipping tiers per currency and country, excluded products, progress,
//!   and suggestions that close the gap.
//! - [`social_proof`]: which badges a product shows, from the backend's numbers only.
//! - [`retry`]: the bounded retry/backoff policy of the backend client.
//! - [`template`]: `{placeholder}` message templates.
//! - [`num`]: integer parsing without std's generic parser (smaller wasm).
//! - [`wide`]: 128-bit by 64-bit division without compiler builtins (smaller wasm).
#![deny(missing_docs)]

pub mod advisor;
pub mod cart;
pub mod loyalty;
pub mod money;
pub mod num;
pub mod retry;
pub mod rich;
pub mod search;
pub mod shipping;
pub mod social_proof;
pub mod sort;
pub mod template;
pub mod wide;

pub use cart::{Cart, CartLine};
pub use money::{Currency, Money};
