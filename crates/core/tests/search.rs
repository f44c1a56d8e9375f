//! Ranking cases for the FAQ search engine: one line per behaviour.
use schaufenster_core::search::{Entry, Index, Lang, Options};

fn corpus() -> Vec<Entry> {
    let de = |id: &str, q: &str, a: &str| Entry::new(id, Lang::De, q, a);
    let en = |id: &str, q: &str, a: &str| Entry::new(id, Lang::En, q, a);
    let mut v = vec![
        de("ruecksendung", "Wie funktioniert die Rücksendung?", "Für die Rücksendung hast du 30 Tage Zeit. Drucke das Etikett aus und gib das Paket bei DHL ab."),
        de("ruecksendekosten", "Wer trägt die Kosten der Rücksendung?", "Die Rücksendung ist für dich kostenlos, wir übernehmen das Porto."),
        de("versandkosten", "Was kostet der Versand?", "Ab 50 € Bestellwert versenden wir kostenlos, sonst berechnen wir 4,95 €."),
        de("lieferzeit", "Wie lange dauert die Lieferung?", "In Deutschland dauert die Lieferung 1–3 Werktage."),
        de("handgepaeck", "Welche Handgepäckmaße erlauben die Airlines?", "Meist 55 × 40 × 20 cm; unser Handgepäck-Trolley passt bei allen großen Airlines."),
        de("gutschein", "Wie löse ich einen Gutschein ein?", "Gib den Gutscheincode im Warenkorb ein."),
        de("zahlung", "Welche Zahlungsarten gibt es?", "PayPal, Kreditkarte, Rechnung und Vorkasse."),
        de("umtausch", "Kann ich einen Koffer umtauschen?", "Ja, schicke ihn zurück und bestelle die neue Größe."),
        en("en-returns", "How do I return an item?", "You have 30 days. Print the return label and drop the parcel at a DHL point."),
        en("en-shipping", "How much is shipping?", "Shipping is free from €50, otherwise €4.95."),
        en("en-delivery", "How long does delivery take?", "Delivery within Germany takes 1–3 working days."),
        en("en-vouchers", "How do I redeem a gift card?", "Enter the voucher code in your cart."),
    ];
    v[2].popularity = 500;
    v[5].tags = vec!["Geschenkgutschein".into(), "Code".into()];
    v
}

/// One row: the query (German page) and the id that must rank first.
fn first(index: &Index, entries: &[Entry], query: &str, lang: Lang, want: &str) {
    let hits = index.search(query, Some(lang), 5);
    let got: Vec<&str> = hits.iter().map(|h| entries[h.entry].id.as_str()).collect();
    assert_eq!(got.first().copied(), Some(want), "{query:?} → {got:?}");
}

#[test]
fn german_queries_find_their_answer() {
    let entries = corpus();
    let synonyms = vec![vec!["Retoure".into(), "Rücksendung".into(), "zurückschicken".into()]];
    let opts = Options { synonyms, ..Options::default() };
    let index = Index::build(&entries, &opts);
    for (query, want) in [
        ("Rücksendung", "ruecksendung"),
        ("Ruecksendung", "ruecksendung"),
        ("Rucksendung", "ruecksendung"),
        ("rücksendungen", "ruecksendung"),
        ("Rücksendekosten", "ruecksendekosten"),
        ("Kosten Rücksendung", "ruecksendekosten"),
        ("Retoure", "ruecksendung"),
        ("Versandkosten", "versandkosten"),
        ("Versnad", "versandkosten"),
        ("Versandt", "versandkosten"),
        ("Liferung", "lieferzeit"),
        ("Lieferzeit", "lieferzeit"),
        ("wie lange dauert die lieferung", "lieferzeit"),
        ("Handgepäck Maße", "handgepaeck"),
        ("handgepaeckmasse", "handgepaeck"),
        ("Gutscheincode einlösen", "gutschein"),
        ("geschenkgutschein", "gutschein"),
        ("paypal", "zahlung"),
        ("rückse", "ruecksendung"),
        ("zahlungsa", "zahlung"),
        ("Koffer umtauschen", "umtausch"),
    ] {
        first(&index, &entries, query, Lang::De, want);
    }
}

#[test]
fn english_queries_find_their_answer() {
    let entries = corpus();
    let index = Index::build(&entries, &Options::default());
    for (query, want) in [
        ("return", "en-returns"),
        ("returning an item", "en-returns"),
        ("retrun label", "en-returns"),
        ("shipping costs", "en-shipping"),
        ("shipp", "en-shipping"),
        ("delivery time", "en-delivery"),
        ("gift cards", "en-vouchers"),
        ("voucher", "en-vouchers"),
    ] {
        first(&index, &entries, query, Lang::En, want);
    }
}

/// Two adjacent letters swapped count as one typo anywhere in the word; the limits by length
/// stay: none up to 4 letters, 1 from 5, 2 from 9.
#[test]
fn transposed_letters_are_one_typo() {
    let entries = corpus();
    let index = Index::build(&entries, &Options::default());
    for (query, lang, want) in [
        // At the start, in the middle, at the end (7 letters: 1 edit).
        ("evrsand", Lang::De, Some("versandkosten")),
        ("vresand", Lang::De, Some("versandkosten")),
        ("versadn", Lang::De, Some("versandkosten")),
        // From 9 letters a swap plus one more edit is within the 2 allowed; three edits are not.
        ("Ruckesndung", Lang::De, Some("ruecksendung")),
        ("Ruckesndug", Lang::De, Some("ruecksendung")),
        ("Rukcesndug", Lang::De, None),
        // 5 to 8 letters: two swaps, or a swap and a deletion, are two edits.
        ("evrsadn", Lang::De, None),
        ("evrsnd", Lang::De, None),
        // Up to 4 letters no typos at all, a swap neither.
        ("cdoe", Lang::En, None),
        ("rteurn", Lang::En, Some("en-returns")),
    ] {
        let hits = index.search(query, Some(lang), 5);
        let got = hits.first().map(|h| entries[h.entry].id.as_str());
        assert_eq!(got, want, "{query:?}");
    }
}

/// A misspelt common word is read as that word: "retrun" used to be split into "ret" (the start
/// of "return") + "run", and the one entry saying "runs" ranked first, because the rare "run"
/// carried its own, higher idf.
#[test]
fn a_misspelt_common_word_ranks_its_entries_first() {
    let en = |id: &str, q: &str, a: &str| Entry::new(id, Lang::En, q, a);
    let entries = vec![
        en("pay-later", "Can I pay after the goods arrive?", "Yes: choose invoice; the payment period runs for 14 days."),
        en("return-how", "How do I return an item?", "Print the label and drop the parcel at a DHL point."),
        en("return-cost", "Are returns free?", "Yes, within Germany."),
        en("return-status", "Have you received my return yet?", "We email you once it arrives."),
        en("return-period", "How long do I have to return something?", "30 days from delivery."),
        en("shipping", "How much is shipping?", "Free from €50."),
        en("vouchers", "How do I redeem a gift card?", "Enter the code in your cart."),
    ];
    let index = Index::build(&entries, &Options::default());
    let hits = index.search("retrun", Some(Lang::En), 10);
    assert!(entries[hits[0].entry].id.starts_with("return-"), "{:?}", entries[hits[0].entry].id);
}

/// A word typed in full ranks the entries about it before entries with a rarer word it is the
/// start of ("Versand" before "Versandbestätigung").
#[test]
fn a_whole_word_beats_its_rarer_completions() {
    let de = |id: &str, q: &str, a: &str| Entry::new(id, Lang::De, q, a);
    let mut entries = vec![
        de("versandkosten", "Was kostet der Versand?", "Der Versand ist ab 50 € kostenlos, sonst kostet er 4,95 €."),
        de("rechnung", "Wo finde ich die Rechnung?", "Sie liegt der Versandbestätigung als PDF bei."),
        de("dienstleister", "Mit welchem Paketdienst verschickt ihr?", "Wir versenden mit DHL."),
        de("express", "Gibt es Expressversand?", "Ja, der Versand per Express kostet 9,90 €."),
        de("ausland", "Liefert ihr ins Ausland?", "Ja, der Versand nach Österreich dauert 2–4 Tage."),
        de("lieferzeit", "Wie lange dauert die Lieferung?", "Der Versand dauert 1–3 Werktage."),
    ];
    entries[2].tags = vec!["Versanddienstleister".into()];
    let index = Index::build(&entries, &Options::default());
    first(&index, &entries, "versand", Lang::De, "versandkosten");
    first(&index, &entries, "Versand", Lang::De, "versandkosten");
}

#[test]
fn the_page_language_limits_results() {
    let entries = corpus();
    let index = Index::build(&entries, &Options::default());
    let hits = index.search("DHL", Some(Lang::En), 10);
    assert!(hits.iter().all(|h| entries[h.entry].lang == Lang::En));
    assert_eq!(hits.len(), 1);
    let both = index.search("DHL", None, 10);
    assert_eq!(both.len(), 2);
}

#[test]
fn edge_queries() {
    let entries = corpus();
    let index = Index::build(&entries, &Options::default());
    for q in ["", "   ", "?!…", "---", "\u{0}"] {
        assert!(index.search(q, Some(Lang::De), 10).is_empty(), "{q:?}");
    }
    // Stop words alone match only as the start of a longer word being typed ("wer" → "Werktage").
    assert!(index.search("wie", Some(Lang::De), 10).is_empty());
    assert_eq!(entries[index.search("wer", Some(Lang::De), 1)[0].entry].id, "lieferzeit");
    // A very long query neither panics nor takes unbounded work (only 32 words are used).
    // One pasted "word" of 20,000 letters is neither split into compounds nor typo-matched.
    assert!(index.search(&"rucksendekosten".repeat(1400), Some(Lang::De), 5).is_empty());
    let long = "Rücksendung ".repeat(5000);
    assert_eq!(entries[index.search(&long, Some(Lang::De), 1)[0].entry].id, "ruecksendung");
    assert!(index.search("Rücksendung", Some(Lang::De), 0).is_empty());
    assert!(Index::build(&[], &Options::default()).search("x", None, 5).is_empty());
}

#[test]
fn match_ranges_point_at_the_original_words() {
    let entries = corpus();
    let index = Index::build(&entries, &Options::default());
    let hit = &index.search("Rucksendung kosten", Some(Lang::De), 1)[0];
    assert_eq!(entries[hit.entry].id, "ruecksendekosten");
    let q = &entries[hit.entry].question;
    let words: Vec<&str> = hit
        .matches
        .iter()
        .filter(|m| m.field == schaufenster_core::search::Field::Question)
        .map(|m| &q[m.start..m.end])
        .collect();
    assert_eq!(words, ["Kosten", "Rücksendung"]);
}

#[test]
fn popularity_is_a_mild_prior_only() {
    let mut entries = corpus();
    let index = Index::build(&entries, &Options::default());
    // "kostenlos" occurs in both; the less popular one with the better text match still wins.
    first(&index, &entries, "Porto kostenlos", Lang::De, "ruecksendekosten");
    // Ties are broken by popularity.
    entries.push(Entry::new("a", Lang::De, "Zwillingsfrage", "gleich"));
    entries.push(Entry { popularity: 10, ..Entry::new("b", Lang::De, "Zwillingsfrage", "gleich") });
    let index = Index::build(&entries, &Options::default());
    first(&index, &entries, "Zwillingsfrage", Lang::De, "b");
}

#[test]
fn tunables_are_clamped() {
    let entries = corpus();
    let opts = Options { k1: f32::NAN, b: 9.0, popularity: -1.0, ..Options::default() };
    let index = Index::build(&entries, &opts);
    let hits = index.search("Versand", Some(Lang::De), 3);
    assert!(hits.iter().all(|h| h.score.is_finite() && h.score >= 0.0));
}

#[test]
fn ten_thousand_entries() {
    let words = ["koffer", "rucksack", "tasche", "gurt", "schloss", "rolle", "griff", "fach", "deckel", "riemen"];
    let entries: Vec<Entry> = (0..10_000)
        .map(|i| {
            let q = format!("Frage {i} zu {} und {}", words[i % 10], words[(i / 10) % 10]);
            Entry::new(&format!("e{i}"), Lang::De, &q, &format!("Antwort {i}: {} {}", words[(i / 100) % 10], i))
        })
        .collect();
    let index = Index::build(&entries, &Options::default());
    assert_eq!(index.len(), 10_000);
    let hits = index.search("Frage 4242", Some(Lang::De), 10);
    assert_eq!(entries[hits[0].entry].id, "e4242");
    let hits = index.search("koffr schlos", Some(Lang::De), 10);
    assert_eq!(hits.len(), 10);
    assert!(hits.iter().all(|h| entries[h.entry].question.contains("koffer") && entries[h.entry].question.contains("schloss")));
}
