//! The backend client's retry policy: which failures are worth another try, and how long to wait.
//!
//! Kept pure so it is tested natively; the browser client only sleeps for what this says.

/// How a request ended, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx with a body that parsed.
    Ok,
    /// No response (network down, CORS, DNS).
    Network,
    /// No response within the timeout.
    Timeout,
    /// An HTTP status outside 2xx.
    Status(u16),
    /// 2xx but the body was not the JSON expected.
    Malformed,
}

impl Outcome {
    /// Whether another attempt may succeed: network failures, timeouts, 408, 425, 429 and 5xx.
    /// A malformed body or a 4xx will not change by asking again.
    pub fn is_retryable(self) -> bool {
        match self {
            Outcome::Network | Outcome::Timeout => true,
            Outcome::Status(s) => s == 408 || s == 425 || s == 429 || (500..=599).contains(&s),
            Outcome::Ok | Outcome::Malformed => false,
        }
    }

    /// Short machine name used in `sf:error` events ("timeout", "http-500", …).
    pub fn kind(self) -> String {
        match self {
            Outcome::Ok => "ok".into(),
            Outcome::Network => "network".into(),
            Outcome::Timeout => "timeout".into(),
            Outcome::Status(s) => format!("http-{s}"),
            Outcome::Malformed => "malformed-json".into(),
        }
    }
}

/// Retry settings; both are clamped by [`RetryPolicy::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt. Default 2, clamped to 0..=5 so a dead backend costs
    /// the shopper a few seconds at most.
    pub retries: u32,
    /// Delay before the first retry in ms; doubles each time. Default 300, clamped to 50..=5000.
    pub base_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { retries: 2, base_delay_ms: 300 }
    }
}

impl RetryPolicy {
    /// A policy with clamped values.
    pub fn new(retries: u32, base_delay_ms: u32) -> RetryPolicy {
        RetryPolicy { retries: retries.min(5), base_delay_ms: base_delay_ms.clamp(50, 5000) }
    }

    /// The delay before attempt number `attempt` (1 = first retry), or `None` when the outcome
    /// is final or the retries are used up. Exponential: base, 2×base, 4×base…, capped at 10 s.
    ///
    /// ```
    /// use schaufenster_core::retry::{Outcome, RetryPolicy};
    /// let p = RetryPolicy::default();
    /// assert_eq!(p.delay_before(1, Outcome::Status(503)), Some(300));
    /// assert_eq!(p.delay_before(2, Outcome::Timeout), Some(600));
    /// assert_eq!(p.delay_before(3, Outcome::Timeout), None);
    /// assert_eq!(p.delay_before(1, Outcome::Status(404)), None);
    /// ```
    pub fn delay_before(&self, attempt: u32, last: Outcome) -> Option<u32> {
        if attempt == 0 || attempt > self.retries || !last.is_retryable() {
            return None;
        }
        let factor = 1_u32 << (attempt - 1).min(16);
        Some(self.base_delay_ms.saturating_mul(factor).min(10_000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_outcomes() {
        for (o, want) in [
            (Outcome::Ok, false), (Outcome::Network, true), (Outcome::Timeout, true),
            (Outcome::Malformed, false), (Outcome::Status(400), false), (Outcome::Status(404), false),
            (Outcome::Status(408), true), (Outcome::Status(429), true), (Outcome::Status(500), true),
            (Outcome::Status(503), true), (Outcome::Status(599), true), (Outcome::Status(600), false),
        ] {
            assert_eq!(o.is_retryable(), want, "{o:?}");
        }
    }

    #[test]
    fn delays_are_bounded() {
        let p = RetryPolicy::new(99, 1);
        assert_eq!(p, RetryPolicy { retries: 5, base_delay_ms: 50 });
        let delays: Vec<_> = (1..=6).map(|a| p.delay_before(a, Outcome::Network)).collect();
        assert_eq!(delays, [Some(50), Some(100), Some(200), Some(400), Some(800), None]);
        let slow = RetryPolicy::new(5, 5000);
        assert_eq!(slow.delay_before(5, Outcome::Timeout), Some(10_000));
        assert_eq!(RetryPolicy::new(0, 300).delay_before(1, Outcome::Timeout), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(Outcome::Status(500).kind(), "http-500");
        assert_eq!(Outcome::Malformed.kind(), "malformed-json");
    }
}
