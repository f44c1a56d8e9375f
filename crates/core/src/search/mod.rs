//! In-page FAQ search: normalisation, German/English stemming, compound splitting against the
//! index's own vocabulary, synonyms, typo tolerance and prefix matching, BM25F field weights
//! and a mild popularity prior. Pure Rust; the index is built in the browser from the entries.
//!
//! ```
//! use schaufenster_core::search::{Entry, Index, Lang, Options};
//! let entries = vec![
//!     Entry::new("returns", Lang::De, "Wie funktioniert die Rücksendung?", "Du kannst Artikel 30 Tage lang zurücksenden."),
//!     Entry::new("costs", Lang::De, "Wer trägt die Kosten der Rücksendung?", "Die Rücksendung ist kostenlos."),
//! ];
//! let index = Index::build(&entries, &Options::default());
//! let hits = index.search("Rucksendekosten", Some(Lang::De), 10);
//! assert_eq!(entries[hits[0].entry].id, "costs");
//! ```

pub mod highlight;
mod index;
mod normalize;
mod stem;

pub use index::{Field, FieldWeights, Hit, Index, MatchRange, Options};
pub use normalize::{fold, tokenize, Token};
pub use stem::stem;

/// Language of an entry or a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
}

impl Lang {
    /// From a BCP 47 tag ("de-CH" → De); anything not German is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.len() >= 2 && tag[..2].eq_ignore_ascii_case("de") {
            Lang::De
        } else {
            Lang::En
        }
    }
}

/// A searchable FAQ entry. Texts are plain text (rich answers are stripped to text before
/// indexing; highlighting ranges refer to these texts).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Stable id (deep links use it).
    pub id: String,
    /// Language of the texts.
    pub lang: Lang,
    /// The question.
    pub question: String,
    /// The answer as plain text.
    pub answer: String,
    /// Tags / keywords.
    pub tags: Vec<String>,
    /// Category, if any.
    pub category: Option<String>,
    /// How often it was asked or opened (a mild prior; 0 = unknown).
    pub popularity: u32,
}

impl Entry {
    /// An entry without tags, category or popularity.
    pub fn new(id: &str, lang: Lang, question: &str, answer: &str) -> Entry {
        Entry { id: id.into(), lang, question: question.into(), answer: answer.into(), tags: Vec::new(), category: None, popularity: 0 }
    }
}
