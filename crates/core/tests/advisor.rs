//! The advisor engine: operators, branching, weights, ties, relaxation, stock, option counts,
//! missing attributes, definition problems, and a catalogue of 50,000 products.
use schaufenster_core::advisor::*;

fn attrs() -> Vec<String> {
    ["volume", "weight", "material", "features", "cabin", "price"].iter().map(|s| s.to_string()).collect()
}

/// (id, volume l, weight kg, material, features, cabin size, price in cents, stock)
type Row<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>, &'a [&'a str], Option<bool>, f64, Option<i64>);

fn catalogue(rows: &[Row]) -> Catalogue {
    Catalogue {
        attributes: attrs(),
        products: rows
            .iter()
            .map(|&(id, vol, kg, mat, features, cabin, price, stock)| Product {
                id: id.into(),
                values: vec![
                    vol.map(Value::Num),
                    kg.map(Value::Num),
                    mat.map(|m| Value::Text(m.into())),
                    (!features.is_empty()).then(|| Value::Tags(features.iter().map(|f| f.to_string()).collect())),
                    cabin.map(Value::Bool),
                    Some(Value::Num(price)),
                ],
                stock,
            })
            .collect(),
    }
}

fn luggage() -> Catalogue {
    catalogue(&[
        ("trolley-s", Some(36.0), Some(2.4), Some("Polycarbonat"), &["Rollen", "TSA-Schloss"], Some(true), 8999.0, Some(5)),
        ("trolley-m", Some(68.0), Some(3.6), Some("Polycarbonat"), &["Rollen", "TSA-Schloss", "wasserdicht"], Some(false), 12999.0, Some(2)),
        ("trolley-l", Some(105.0), Some(4.9), Some("Aluminium"), &["Rollen", "TSA-Schloss"], Some(false), 24999.0, Some(0)),
        ("rucksack-40", Some(40.0), Some(1.3), Some("Nylon"), &["wasserdicht", "Laptopfach"], Some(true), 11999.0, None),
        ("weekender", Some(45.0), Some(1.1), Some("Canvas"), &[], Some(true), 7999.0, Some(9)),
        ("mystery", None, None, None, &[], None, 4999.0, Some(1)),
    ])
}

fn choice(id: &str, effects: Vec<Effect>) -> Choice {
    Choice { id: id.into(), effects }
}

fn filter(attribute: &str, op: Op) -> Effect {
    Effect { attribute: attribute.into(), op, kind: Kind::Filter }
}

fn weight(attribute: &str, op: Op, w: i32) -> Effect {
    Effect { attribute: attribute.into(), op, kind: Kind::Weight(w) }
}

fn question(id: &str, kind: QuestionKind, options: Vec<Choice>, weight: u32, priority: u32) -> Question {
    Question { id: id.into(), kind, required: false, show_if: None, options, weight, priority }
}

fn questions() -> Vec<Question> {
    vec![
        question(
            "trip",
            QuestionKind::Single,
            vec![
                choice("flight", vec![filter("cabin", Op::Eq(Value::Bool(true)))]),
                choice("car", vec![weight("volume", Op::Ge(60.0), 5)]),
            ],
            10,
            5,
        ),
        question("budget", QuestionKind::Range { attribute: "price".into() }, vec![], 10, 8),
        question(
            "wishes",
            QuestionKind::Multi,
            vec![
                choice("waterproof", vec![weight("features", Op::Contains("wasserdicht".into()), 4)]),
                choice("light", vec![weight("weight", Op::Le(2.0), 3)]),
                choice("no-canvas", vec![weight("material", Op::Eq(Value::Text("canvas".into())), -6)]),
            ],
            10,
            1,
        ),
        question(
            "material",
            QuestionKind::Multi,
            vec![choice("hard", vec![filter("material", Op::In(vec![Value::Text("Polycarbonat".into()), Value::Text("Aluminium".into())]))]), choice("soft", vec![filter("material", Op::In(vec![Value::Text("Nylon".into()), Value::Text("Canvas".into())]))])],
            10,
            2,
        ),
        Question {
            show_if: Some(ShowIf { question: "trip".into(), any_of: vec!["flight".into()] }),
            ..question("laptop", QuestionKind::YesNo, vec![choice("yes", vec![filter("features", Op::Contains("laptopfach".into()))]), choice("no", vec![weight("weight", Op::Le(1.5), 1)])], 10, 3)
        },
    ]
}

fn advisor() -> Advisor {
    let (a, problems) = Advisor::new(questions(), &attrs());
    assert!(problems.is_empty(), "{problems:?}");
    a
}

fn opts(ids: &[&str]) -> Answer {
    Answer::Options(ids.iter().map(|s| s.to_string()).collect())
}

fn ids(cat: &Catalogue, o: &Outcome) -> Vec<String> {
    o.ranked.iter().map(|r| cat.products[r.product].id.clone()).collect()
}

#[test]
fn each_operator_on_each_type() {
    let num = Value::Num(40.0);
    let text = Value::Text("Polycarbonat".into());
    let tags = Value::Tags(vec!["Rollen".into(), "TSA-Schloss".into()]);
    let yes = Value::Bool(true);
    for (v, op, want) in [
        (Some(&num), Op::Eq(Value::Num(40.0)), Met::Yes),
        (Some(&num), Op::Eq(Value::Num(41.0)), Met::No),
        (Some(&text), Op::Eq(Value::Text("polycarbonat".into())), Met::Yes),
        (Some(&yes), Op::Eq(Value::Bool(false)), Met::No),
        (Some(&tags), Op::Eq(Value::Text("rollen".into())), Met::Yes),
        (Some(&text), Op::In(vec![Value::Text("Nylon".into()), Value::Text("POLYCARBONAT".into())]), Met::Yes),
        (Some(&text), Op::In(vec![Value::Text("Nylon".into())]), Met::No),
        (Some(&num), Op::In(vec![Value::Text("x".into())]), Met::Unknown),
        (Some(&num), Op::Le(40.0), Met::Yes),
        (Some(&num), Op::Le(39.9), Met::No),
        (Some(&num), Op::Ge(40.0), Met::Yes),
        (Some(&num), Op::Ge(40.1), Met::No),
        (Some(&tags), Op::Contains("tsa-schloss".into()), Met::Yes),
        (Some(&tags), Op::Contains("wasserdicht".into()), Met::No),
        (Some(&text), Op::Contains("carbon".into()), Met::Yes),
        // Type mismatches and missing values are unknown, never a match.
        (Some(&text), Op::Le(10.0), Met::Unknown),
        (Some(&num), Op::Contains("4".into()), Met::Unknown),
        (Some(&yes), Op::Eq(Value::Num(1.0)), Met::Unknown),
        (None, Op::Eq(Value::Num(40.0)), Met::Unknown),
        (None, Op::Ge(0.0), Met::Unknown),
    ] {
        assert_eq!(compare(v, &op), want, "{v:?} {op:?}");
    }
}

#[test]
fn no_answers_rank_everything_in_stock_by_catalogue_order_at_100_percent() {
    let (a, cat) = (advisor(), luggage());
    let o = a.evaluate(&cat, &[], StockPolicy::Hide);
    assert_eq!(ids(&cat, &o), ["trolley-s", "trolley-m", "rucksack-40", "weekender", "mystery"]);
    assert!(o.ranked.iter().all(|r| r.percent == 100 && r.criteria.is_empty()));
    assert!(o.relaxed.is_empty());
    // Out of stock last instead of hidden.
    let o = a.evaluate(&cat, &[], StockPolicy::Last);
    assert_eq!(ids(&cat, &o).last().map(String::as_str), Some("trolley-l"));
}

#[test]
fn filters_weights_percent_and_explanations() {
    let (a, cat) = (advisor(), luggage());
    let answers = [("trip".to_string(), opts(&["flight"])), ("budget".to_string(), Answer::Range { min: None, max: Some(12000.0) }), ("wishes".to_string(), opts(&["waterproof", "light", "no-canvas"]))];
    let o = a.evaluate(&cat, &answers, StockPolicy::Hide);
    // Cabin size and at most 120 €: trolley-s (89.99), rucksack (119.99), weekender (79.99);
    // "mystery" has no cabin attribute: unknown is not a match.
    assert_eq!(ids(&cat, &o), ["rucksack-40", "trolley-s", "weekender"]);
    let r = &o.ranked[0];
    // Criteria: trip filter (10), budget range (10), waterproof +4, light +3, canvas −6.
    assert_eq!(r.criteria.iter().map(|c| (c.weight, c.met)).collect::<Vec<_>>(), [(10, Met::Yes), (10, Met::Yes), (4, Met::Yes), (3, Met::Yes), (-6, Met::No)]);
    assert_eq!((r.score, r.percent), (27, 100));
    assert!(matches!(r.criteria[1].source, Source::Range { question: 1 }));
    assert!(matches!(r.criteria[2].source, Source::Weight { question: 2, option: 0, effect: 0 }));
    // trolley-s: 20 of 27; weekender: 20 + light 3 − canvas 6 = 17 → 62 %.
    assert_eq!((o.ranked[1].score, o.ranked[1].percent), (20, 74));
    assert_eq!((o.ranked[2].score, o.ranked[2].percent), (17, 62));
}

#[test]
fn ties_keep_catalogue_order_and_results_are_deterministic() {
    let (a, cat) = (advisor(), luggage());
    let answers = [("material".to_string(), opts(&["hard", "soft"]))];
    let first = a.evaluate(&cat, &answers, StockPolicy::Last);
    assert_eq!(ids(&cat, &first), ["trolley-s", "trolley-m", "rucksack-40", "weekender", "trolley-l"]);
    for _ in 0..5 {
        assert_eq!(a.evaluate(&cat, &answers, StockPolicy::Last), first);
    }
}

#[test]
fn branching_hides_questions_and_ignores_their_answers() {
    let (a, cat) = (advisor(), luggage());
    let laptop = 4;
    assert!(!a.is_shown(laptop, &[]));
    assert!(!a.is_shown(laptop, &[("trip".to_string(), opts(&["car"]))]));
    assert!(a.is_shown(laptop, &[("trip".to_string(), opts(&["flight"]))]));
    // An answer to a hidden question has no effect.
    let car = [("trip".to_string(), opts(&["car"])), ("laptop".to_string(), opts(&["yes"]))];
    assert_eq!(a.evaluate(&cat, &car, StockPolicy::Hide).ranked.len(), 5);
    let flight = [("trip".to_string(), opts(&["flight"])), ("laptop".to_string(), opts(&["yes"]))];
    assert_eq!(ids(&cat, &a.evaluate(&cat, &flight, StockPolicy::Hide)), ["rucksack-40"]);
}

#[test]
fn relaxation_drops_the_least_important_filter_and_says_which() {
    let (a, cat) = (advisor(), luggage());
    // Cabin size (priority 5) + hard shell (priority 2) + under 85 € (priority 8): nothing.
    let answers = [("trip".to_string(), opts(&["flight"])), ("budget".to_string(), Answer::Range { min: None, max: Some(8500.0) }), ("material".to_string(), opts(&["hard"]))];
    let o = a.evaluate(&cat, &answers, StockPolicy::Hide);
    // The material filter (lowest priority) goes first; then cabin + budget leave the weekender.
    assert_eq!(o.relaxed, [3]);
    assert_eq!(ids(&cat, &o), ["weekender"]);
    let material = o.ranked[0].criteria.iter().find(|c| matches!(c.source, Source::Filter { question: 3 })).unwrap();
    assert_eq!(material.met, Met::No, "the relaxed criterion is explained as missed");
    assert!(o.ranked[0].percent < 100);
    // Still nothing → relax more, in priority order: material (2), then trip (5).
    let answers = [("trip".to_string(), opts(&["flight"])), ("budget".to_string(), Answer::Range { min: Some(20000.0), max: None }), ("material".to_string(), opts(&["soft"]))];
    let o = a.evaluate(&cat, &answers, StockPolicy::Last);
    assert_eq!(o.relaxed, [3, 0]);
    assert_eq!(ids(&cat, &o), ["trolley-l"], "only trolley-l costs that much");
    // With sold-out products hidden even the budget goes; the closest products remain,
    // ranked by the criteria they still meet (soft and cabin size first).
    let o = a.evaluate(&cat, &answers, StockPolicy::Hide);
    assert_eq!(o.relaxed, [3, 0, 1]);
    assert_eq!(ids(&cat, &o), ["rucksack-40", "weekender", "trolley-s", "trolley-m", "mystery"]);
}

#[test]
fn option_counts_single_multi_and_range() {
    let (a, cat) = (advisor(), luggage());
    let counts = |answers: &Answers, qi, stock| a.option_counts(&cat, answers, qi, stock).counts;
    assert_eq!(counts(&[], 0, StockPolicy::Hide), [3, 5], "flight: 3 cabin-size products; car only weighs");
    let with_budget = [("budget".to_string(), Answer::Range { min: None, max: Some(10000.0) })];
    assert_eq!(counts(&with_budget, 0, StockPolicy::Hide), [2, 3]);
    // Multiple choice: counts with the option added to what is chosen.
    let hard = [("material".to_string(), opts(&["hard"]))];
    assert_eq!(counts(&hard, 3, StockPolicy::Hide), [2, 4]);
    assert_eq!(counts(&hard, 3, StockPolicy::Last), [3, 5]);
    // Zero-result options are visible as 0.
    let budget = [("budget".to_string(), Answer::Range { min: None, max: Some(5000.0) })];
    assert_eq!(counts(&budget, 3, StockPolicy::Hide), [0, 0]);
}

#[test]
fn option_counts_in_a_dead_end_count_the_closest_products() {
    let (a, cat) = (advisor(), luggage());
    let budget = |min: Option<f64>, max: Option<f64>| ("budget".to_string(), Answer::Range { min, max });
    let trip = |o: &str| ("trip".to_string(), opts(&[o]));
    // (name, answers, question, stock, counts, relaxed questions)
    type Row<'a> = (&'a str, Vec<(String, Answer)>, usize, StockPolicy, &'a [usize], &'a [usize]);
    let rows: &[Row] = &[
        ("no dead end: nothing relaxed, counts as without relaxation", vec![budget(None, Some(10000.0))], 0, StockPolicy::Hide, &[2, 3], &[]),
        ("no dead end: an option that would leave nothing stays 0", vec![budget(None, Some(5000.0))], 3, StockPolicy::Hide, &[0, 0], &[]),
        ("no dead end, multiple choice of weights only: every option keeps them all", vec![trip("flight")], 2, StockPolicy::Hide, &[3, 3, 3], &[]),
        // Cabin size and at least 120 €: nothing. The trip (priority 5) goes before the budget
        // (8); of the products from 120 € only trolley-m is in stock, a hard shell.
        ("a dead end from one earlier answer", vec![trip("flight"), budget(Some(12000.0), None)], 3, StockPolicy::Hide, &[1, 0], &[0]),
        ("the same, sold-out products ranked last", vec![trip("flight"), budget(Some(12000.0), None)], 3, StockPolicy::Last, &[2, 0], &[0]),
        // Cabin size, at least 200 €, soft: material (2), then trip (5) go, as in the results;
        // trolley-l has no laptop compartment.
        ("a dead end that needs two relaxations", vec![trip("flight"), budget(Some(20000.0), None), ("material".to_string(), opts(&["soft"]))], 4, StockPolicy::Last, &[0, 1], &[3, 0]),
        ("three relaxations: everything in stock", vec![trip("flight"), budget(Some(20000.0), None), ("material".to_string(), opts(&["soft"]))], 4, StockPolicy::Hide, &[1, 5], &[3, 0, 1]),
        // Multiple choice: the option added to the current answer (soft), against the relaxed
        // rest; the current answer itself is not what is relaxed.
        ("multiple choice in a dead end", vec![trip("flight"), budget(Some(12000.0), None), ("material".to_string(), opts(&["soft"]))], 3, StockPolicy::Hide, &[1, 0], &[0]),
        ("multiple choice, both chosen", vec![trip("flight"), budget(Some(12000.0), None), ("material".to_string(), opts(&["soft", "hard"]))], 3, StockPolicy::Last, &[2, 2], &[0]),
        // Zero even after relaxation: the closest product (mystery, the only one up to 50 €)
        // has no material.
        ("an option is zero only if zero after relaxation", vec![trip("flight"), budget(None, Some(5000.0))], 3, StockPolicy::Hide, &[0, 0], &[0]),
        // Cabin size, hard shell, a laptop compartment: the material (2) goes before the laptop (3).
        ("a range question: no options, but the relaxation is reported", vec![trip("flight"), ("material".to_string(), opts(&["hard"])), ("laptop".to_string(), opts(&["yes"]))], 1, StockPolicy::Hide, &[], &[3]),
    ];
    for (name, answers, qi, stock, want, relaxed) in rows {
        let got = a.option_counts(&cat, answers, *qi, *stock);
        assert_eq!((got.counts.as_slice(), got.relaxed.as_slice()), (*want, *relaxed), "{name}");
        assert!(got.counts.iter().all(|&n| n <= cat.products.len()), "{name}: more than the catalogue");
        // The same relaxation as the results of the other answers.
        let others: Vec<(String, Answer)> = answers.iter().filter(|(id, _)| *id != a.questions()[*qi].id).cloned().collect();
        assert_eq!(a.evaluate(&cat, &others, *stock).relaxed, *relaxed, "{name}: as evaluate relaxes");
    }
    // Nothing in stock at all: nothing to relax towards.
    let sold_out = Catalogue { products: luggage().products.into_iter().map(|p| Product { stock: Some(0), ..p }).collect(), ..luggage() };
    let got = a.option_counts(&sold_out, &[trip("flight")], 3, StockPolicy::Hide);
    assert_eq!((got.counts, got.relaxed), (vec![0, 0], vec![]));
}

#[test]
fn empty_catalogue_and_missing_attributes() {
    let a = advisor();
    let empty = Catalogue { attributes: attrs(), products: Vec::new() };
    let o = a.evaluate(&empty, &[("trip".to_string(), opts(&["flight"]))], StockPolicy::Hide);
    assert!(o.ranked.is_empty() && o.relaxed.is_empty());
    assert_eq!(a.option_counts(&empty, &[], 0, StockPolicy::Hide).counts, [0, 0]);
    // A catalogue without the "cabin" column: the flight filter is unknown for everyone, so it
    // is relaxed rather than matching anything.
    let (b, problems) = Advisor::new(questions(), &["volume".to_string(), "price".to_string()]);
    assert!(!problems.is_empty());
    let cat = Catalogue { attributes: vec!["volume".into(), "price".into()], products: vec![Product { id: "x".into(), values: vec![Some(Value::Num(30.0)), Some(Value::Num(1.0))], stock: None }] };
    let o = b.evaluate(&cat, &[("trip".to_string(), opts(&["flight"]))], StockPolicy::Hide);
    assert_eq!(o.relaxed, [0]);
    assert_eq!(o.ranked[0].criteria[0].met, Met::Unknown);
}

#[test]
fn definition_problems_are_reported_and_the_rest_still_runs() {
    let mut qs = questions();
    qs[0].options.push(choice("train", vec![]));
    qs[2].options[1].effects[0].attribute = "gewicht".into();
    qs[4].show_if = Some(ShowIf { question: "wishes".into(), any_of: vec!["teleport".into()] });
    qs.push(Question { show_if: Some(ShowIf { question: "later".into(), any_of: vec!["x".into()] }), ..question("early", QuestionKind::YesNo, vec![choice("yes", vec![filter("cabin", Op::Eq(Value::Bool(true)))])], 1, 1) });
    qs.push(question("later", QuestionKind::YesNo, vec![choice("x", vec![filter("cabin", Op::Eq(Value::Bool(true)))])], 1, 1));
    let mut self_ref = question("self", QuestionKind::Single, vec![choice("a", vec![filter("cabin", Op::Eq(Value::Bool(true)))])], 1, 1);
    self_ref.show_if = Some(ShowIf { question: "self".into(), any_of: vec!["a".into()] });
    qs.push(self_ref);
    qs.push(question("trip", QuestionKind::Range { attribute: "colour".into() }, vec![], 1, 1));
    let (a, problems) = Advisor::new(qs, &attrs());
    let got: Vec<(usize, Option<usize>, &str)> = problems.iter().map(|p| (p.question, p.option, p.message.as_str())).collect();
    let want: &[(usize, Option<usize>, &str)] = &[
        (0, Some(2), "the option has no effects"),
        (2, Some(1), "unknown attribute \"gewicht\""),
        (4, None, "show_if names option \"teleport\""),
        (5, None, "not an earlier question (that would be a cycle)"),
        (7, None, "not an earlier question (that would be a cycle)"),
        (8, None, "question id \"trip\" is used twice"),
        (8, None, "unknown attribute \"colour\""),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0, g.1), (w.0, w.1), "{g:?}");
        assert!(g.2.contains(w.2), "{:?} should contain {:?}", g.2, w.2);
    }
    // Still usable: the valid questions work.
    let cat = luggage();
    assert_eq!(a.evaluate(&cat, &[("trip".to_string(), opts(&["flight"]))], StockPolicy::Hide).ranked.len(), 3);
    // A question whose show_if names a later one is never shown.
    assert!(!a.is_shown(5, &[("later".to_string(), opts(&["x"]))]));
}

#[test]
fn fifty_thousand_products() {
    let a = advisor();
    let mats = ["Polycarbonat", "Aluminium", "Nylon", "Canvas"];
    let rows: Vec<Product> = (0..50_000u32)
        .map(|i| Product {
            id: format!("p{i}"),
            values: vec![
                Some(Value::Num((20 + i % 100) as f64)),
                Some(Value::Num(1.0 + (i % 40) as f64 / 10.0)),
                Some(Value::Text(mats[(i % 4) as usize].into())),
                Some(Value::Tags(if i % 3 == 0 { vec!["wasserdicht".into()] } else { vec![] })),
                Some(Value::Bool(i % 2 == 0)),
                Some(Value::Num((5000 + (i % 300) * 100) as f64)),
            ],
            stock: Some((i % 7) as i64),
        })
        .collect();
    let cat = Catalogue { attributes: attrs(), products: rows };
    let answers = [("trip".to_string(), opts(&["flight"])), ("budget".to_string(), Answer::Range { min: None, max: Some(15000.0) }), ("wishes".to_string(), opts(&["waterproof", "light"]))];
    let o = a.evaluate(&cat, &answers, StockPolicy::Hide);
    // Independently counted: cabin (even i), price ≤ 150 € ((i % 300) ≤ 100), in stock (i % 7 ≠ 0).
    let expected = (0..50_000u32).filter(|i| i % 2 == 0 && i % 300 <= 100 && i % 7 != 0).count();
    assert_eq!(o.ranked.len(), expected);
    assert!(o.ranked.windows(2).all(|w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].product < w[1].product)));
    assert_eq!(a.evaluate(&cat, &answers, StockPolicy::Hide), o);
    let counts = a.option_counts(&cat, &answers, 0, StockPolicy::Hide);
    assert_eq!(counts.counts[0], expected);
    // No answer yet: the whole catalogue is ranked (out of stock last, then by index), which
    // needs an n log n sort (the insertion sort this replaced took 10 s here in a debug build).
    let all = a.evaluate(&cat, &[], StockPolicy::Last);
    assert_eq!(all.ranked.len(), 50_000);
    let in_stock = (0..50_000u32).filter(|i| i % 7 != 0).count();
    assert!(all.ranked[..in_stock].iter().all(|r| r.product % 7 != 0));
    assert!(all.ranked[in_stock..].iter().all(|r| r.product % 7 == 0));
    assert!(all.ranked.windows(2).all(|w| (w[0].product % 7 == 0) != (w[1].product % 7 == 0) || w[0].product < w[1].product));
}
