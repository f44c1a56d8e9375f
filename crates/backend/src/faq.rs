//! FAQ of the demo shop: the German and English entries (compiled in from `data/faq.*.json` and
//! loaded into `faq_entries` at startup), "Was this helpful?" votes, the zero-result search log
//! and the shop owner's report.
//!
//! Privacy: `faq_feedback` keeps the visitor id only so that one visitor has one vote per entry
//! (a second vote replaces the first); it never leaves the server. `faq_search_log` keeps only
//! the normalised query, the result count, the locale and the time — no visitor id, no IP. The
//! widget sends search logs only after the shopper's consent.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::api::{body, language, params, ApiError, Params};
use crate::{db, AppState, Visitor};

/// German FAQ source (checked by the tests: valid, unique ids, no empty fields).
pub const FAQ_DE: &str = include_str!("../data/faq.de.json");
/// English FAQ source.
pub const FAQ_EN: &str = include_str!("../data/faq.en.json");
/// Locales with an FAQ.
pub const LOCALES: &[&str] = &["de", "en"];
/// Longest stored search query in characters (after normalisation).
pub const MAX_QUERY_CHARS: usize = 200;
/// Default and largest number of zero-result queries in the report.
pub const DEFAULT_REPORT_LIMIT: i64 = 20;
pub const MAX_REPORT_LIMIT: i64 = 100;

/// Tables of the FAQ (part of the schema, created at startup).
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS faq_entries (
    id          TEXT PRIMARY KEY,
    locale      TEXT NOT NULL,
    sort        INTEGER NOT NULL,
    category    TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    tags        TEXT NOT NULL,
    popularity  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_entries_locale ON faq_entries (locale, sort);
CREATE TABLE IF NOT EXISTS faq_feedback (
    entry_id    TEXT NOT NULL,
    visitor     TEXT NOT NULL,
    helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    at_ms       INTEGER NOT NULL,
    PRIMARY KEY (entry_id, visitor)
);
CREATE TABLE IF NOT EXISTS faq_search_log (
    id          INTEGER PRIMARY KEY,
    query       TEXT NOT NULL,
    results     INTEGER NOT NULL CHECK (results >= 0),
    locale      TEXT NOT NULL,
    at_ms       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_search_log_zero ON faq_search_log (locale, results, query);
";

/// One FAQ entry as in the source files and the API.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub category: String,
    pub question: String,
    /// Simple HTML (a, ul, li, strong, em); passed through unchanged, the widget sanitises it.
    pub answer: String,
    pub tags: Vec<String>,
    pub popularity: i64,
}

/// Parses one FAQ source and checks every entry; the error names the entry's index and field.
pub fn parse(source: &str) -> Result<Vec<FaqEntry>, String> {
    let entries: Vec<FaqEntry> = serde_json::from_str(source).map_err(|e| format!("invalid FAQ JSON: {e}"))?;
    for (i, e) in entries.iter().enumerate() {
        for (field, value) in [("id", &e.id), ("category", &e.category), ("question", &e.question), ("answer", &e.answer)] {
            if value.trim().is_empty() {
                return Err(format!("entry {i} ({}): {field} is empty", e.id));
            }
        }
        if e.popularity < 0 {
            return Err(format!("entry {i} ({}): popularity is negative", e.id));
        }
    }
    Ok(entries)
}

/// Both locales' entries: `(locale, entries)`. Ids are unique across locales (feedback names
/// an entry by id alone).
pub fn sources() -> Result<Vec<(&'static str, Vec<FaqEntry>)>, String> {
    let all = vec![("de", parse(FAQ_DE).map_err(|e| format!("data/faq.de.json: {e}"))?), ("en", parse(FAQ_EN).map_err(|e| format!("data/faq.en.json: {e}"))?)];
    let mut seen = std::collections::HashSet::new();
    for (locale, entries) in &all {
        for e in entries {
            if !seen.insert(e.id.as_str()) {
                return Err(format!("data/faq.{locale}.json: duplicate id {:?}", e.id));
            }
        }
    }
    Ok(all)
}

/// Replaces the FAQ entries with the compiled-in sources (votes and search logs are kept).
pub fn load(conn: &Connection) -> Result<(), String> {
    let all = sources()?;
    let run = || -> rusqlite::Result<()> {
        let tx = conn.unchecked_transaction()?;
        tx.execute("DELETE FROM faq_entries", [])?;
        {
            let mut stmt = tx.prepare("INSERT INTO faq_entries (id, locale, sort, category, question, answer, tags, popularity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
            for (locale, entries) in &all {
                for (sort, e) in entries.iter().enumerate() {
                    let tags = serde_json::to_string(&e.tags).unwrap_or_else(|_| "[]".into());
                    stmt.execute(params![e.id, locale, sort as i64, e.category, e.question, e.answer, tags, e.popularity])?;
                }
            }
        }
        tx.commit()
    };
    run().map_err(|e| format!("loading the FAQ: {e}"))
}

/// The entries of one locale in file order.
pub fn entries(conn: &Connection, locale: &str) -> rusqlite::Result<Vec<FaqEntry>> {
    let mut stmt = conn.prepare("SELECT id, category, question, answer, tags, popularity FROM faq_entries WHERE locale = ?1 ORDER BY sort")?;
    let rows = stmt.query_map([locale], |r| {
        let tags: String = r.get(4)?;
        Ok(FaqEntry {
            id: r.get(0)?,
            category: r.get(1)?,
            question: r.get(2)?,
            answer: r.get(3)?,
            tags: serde_json::from_str(&tags).unwrap_or_default(),
            popularity: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// Records (or replaces) a visitor's vote. `false` when the entry does not exist.
pub fn vote(conn: &Connection, entry_id: &str, visitor: &str, helpful: bool, at_ms: i64) -> rusqlite::Result<bool> {
    let exists = conn.query_row("SELECT 1 FROM faq_entries WHERE id = ?1", [entry_id], |_| Ok(())).optional()?.is_some();
    if exists {
        conn.execute(
            "INSERT INTO faq_feedback (entry_id, visitor, helpful, at_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (entry_id, visitor) DO UPDATE SET helpful = excluded.helpful, at_ms = excluded.at_ms",
            params![entry_id, visitor, helpful, at_ms],
        )?;
    }
    Ok(exists)
}

/// Normalises a search query for the log: trimmed, lower-cased, runs of whitespace collapsed to
/// one space, at most [`MAX_QUERY_CHARS`] characters. Empty means "do not log".
pub fn normalise_query(q: &str) -> String {
    let collapsed = q.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let cut: String = collapsed.chars().take(MAX_QUERY_CHARS).collect();
    cut.trim_end().to_string()
}

/// Appends one search to the log (nothing but query, result count, locale and time).
pub fn log_search(conn: &Connection, query: &str, results: i64, locale: &str, at_ms: i64) -> rusqlite::Result<()> {
    conn.execute("INSERT INTO faq_search_log (query, results, locale, at_ms) VALUES (?1, ?2, ?3, ?4)", params![query, results, locale, at_ms])?;
    Ok(())
}

/// Top zero-result queries of a locale: `(query, count)`, most frequent first, ties by query.
pub fn zero_result_queries(conn: &Connection, locale: &str, limit: i64) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT query, COUNT(*) AS n FROM faq_search_log WHERE locale = ?1 AND results = 0 GROUP BY query ORDER BY n DESC, query ASC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![locale, limit], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Votes per entry of a locale: `(id, question, helpful, not_helpful)`, most votes first, ties in
/// file order. Entries without votes are included with zeros.
pub fn entry_votes(conn: &Connection, locale: &str) -> rusqlite::Result<Vec<(String, String, i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.question, COALESCE(SUM(f.helpful), 0), COALESCE(SUM(1 - f.helpful), 0)
         FROM faq_entries e LEFT JOIN faq_feedback f ON f.entry_id = e.id
         WHERE e.locale = ?1 GROUP BY e.id ORDER BY COUNT(f.entry_id) DESC, e.sort ASC",
    )?;
    let rows = stmt.query_map([locale], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

// ---------------------------------------------------------------------------------------------
// Handlers.

/// `GET /api/faq?locale=de|en`
pub async fn get_faq(State(st): State<AppState>, q: Params) -> Result<Response, ApiError> {
    let lang = language(&params(q)?)?;
    let list = entries(&st.db.lock().expect("db lock"), lang)?;
    Ok(Json(json!({"locale": lang, "entries": list})).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackBody {
    entry_id: String,
    helpful: bool,
}

/// `POST /api/faq/feedback` `{"entry_id","helpful"}`: one vote per visitor and entry. 204.
pub async fn post_feedback(State(st): State<AppState>, Extension(v): Extension<Visitor>, payload: Result<Json<FeedbackBody>, JsonRejection>) -> Result<Response, ApiError> {
    let b = body(payload)?;
    let conn = st.db.lock().expect("db lock");
    if !vote(&conn, &b.entry_id, &v.0, b.helpful, db::now_ms())? {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "unknown_entry", format!("no FAQ entry {:?}", b.entry_id)));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchLogBody {
    query: String,
    results: i64,
    locale: String,
}

/// `POST /api/faq/search-log` `{"query","results","locale"}`: logs a search (sent by the widget
/// only after consent). Empty queries are accepted and ignored. 204.
pub async fn post_search_log(State(st): State<AppState>, payload: Result<Json<SearchLogBody>, JsonRejection>) -> Result<Response, ApiError> {
    let b = body(payload)?;
    let lang = language(&[("locale".to_string(), b.locale)].into_iter().collect())?;
    if b.results < 0 {
        return Err(ApiError::bad("invalid_results", "results must be 0 or more"));
    }
    let query = normalise_query(&b.query);
    if !query.is_empty() {
        log_search(&st.db.lock().expect("db lock"), &query, b.results, lang, db::now_ms())?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/faq/report?locale=de|en&limit=20`
pub async fn get_report(State(st): State<AppState>, q: Params) -> Result<Response, ApiError> {
    let p = params(q)?;
    let lang = language(&p)?;
    let limit = match p.get("limit") {
        None => DEFAULT_REPORT_LIMIT,
        Some(l) => l
            .trim()
            .parse::<i64>()
            .map_err(|_| ApiError::bad("invalid_limit", format!("limit must be a whole number (1..={MAX_REPORT_LIMIT})")))?
            .clamp(1, MAX_REPORT_LIMIT),
    };
    let conn = st.db.lock().expect("db lock");
    let zero: Vec<Value> = zero_result_queries(&conn, lang, limit)?.into_iter().map(|(query, count)| json!({"query": query, "count": count})).collect();
    let votes: Vec<Value> = entry_votes(&conn, lang)?
        .into_iter()
        .map(|(id, question, helpful, not_helpful)| {
            let total = helpful + not_helpful;
            let ratio = (total > 0).then(|| helpful as f64 / total as f64);
            json!({"id": id, "question": question, "helpful": helpful, "not_helpful": not_helpful, "ratio": ratio})
        })
        .collect();
    Ok(Json(json!({"locale": lang, "limit": limit, "zero_result_queries": zero, "entries": votes})).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled-in sources are valid: a broken file fails this test (and `db::open`).
    #[test]
    fn sources_are_valid() {
        let all = sources().unwrap();
        assert_eq!(all.iter().map(|(l, e)| (*l, e.len())).collect::<Vec<_>>(), vec![("de", 82), ("en", 81)]);
        for (_, entries) in &all {
            assert!(entries.len() >= 60);
            assert!(entries.iter().all(|e| !e.tags.is_empty()));
        }
    }

    #[test]
    fn parse_reports_index_and_field() {
        let good = r#"{"id":"a","category":"c","question":"q","answer":"x","tags":[],"popularity":1}"#;
        let bad = r#"{"id":"b","category":"c","question":" ","answer":"x","tags":[],"popularity":1}"#;
        assert_eq!(parse(&format!("[{good}]")).unwrap().len(), 1);
        assert_eq!(parse(&format!("[{good},{bad}]")).unwrap_err(), "entry 1 (b): question is empty");
        assert!(parse("[{").unwrap_err().starts_with("invalid FAQ JSON"));
        assert!(parse(r#"[{"id":"a"}]"#).is_err());
    }

    #[test]
    fn query_normalisation() {
        for (raw, want) in [
            ("  Rücksendung   KOSTEN ", "rücksendung kosten"),
            ("\tPay\npal\u{00a0}x", "pay pal x"),
            ("   ", ""),
            ("", ""),
            ("ÄÖÜ ẞ", "äöü ß"),
        ] {
            assert_eq!(normalise_query(raw), want, "{raw:?}");
        }
        let long = format!("{} {}", "ä".repeat(199), "b".repeat(50));
        assert_eq!(normalise_query(&long), "ä".repeat(199), "cut at 200 chars, trailing space trimmed");
        assert_eq!(normalise_query(&"x".repeat(500)).chars().count(), 200);
    }

    #[test]
    fn loading_twice_keeps_votes() {
        let conn = db::open(":memory:").unwrap();
        assert!(!vote(&conn, "versand-kosten", "v1", true, 1).unwrap(), "not loaded yet");
        load(&conn).unwrap();
        assert!(vote(&conn, "versand-kosten", "v1", true, 1).unwrap());
        load(&conn).unwrap();
        assert_eq!(entries(&conn, "de").unwrap().len(), 82);
        assert_eq!(entry_votes(&conn, "de").unwrap()[0], ("versand-kosten".into(), "Was kostet der Versand?".into(), 1, 0));
    }
}
