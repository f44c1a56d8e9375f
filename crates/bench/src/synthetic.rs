//! The workload of `./x bench advisor`: a synthetic luggage catalogue, a luggage advisor and one
//! realistic set of answers. One copy, compiled into the native bench (crates/bench) and, through
//! `#[path]`, into the bench-only wasm wrapper (crates/search-wasm), so both time the same work
//! on the same products. Depends on `schaufenster_core` and `std` only.
//!
//! **Catalogue.** [`synthetic_catalogue`]`(n, seed)` is deterministic: a 64-bit LCG (Knuth's
//! MMIX constants), integer arithmetic only, so native and wasm build identical products, and
//! the first 1,000 of 10,000 products are the 1,000 products. Five kinds of luggage (cabin,
//! medium and large trolleys, backpacks, holdalls) with attributes [`ATTRIBUTES`]: volume (l),
//! weight (kg), width/height/depth (cm), material (text), features (tags), wheels (0/2/4),
//! cabin_size (bool: the sorted dimensions fit 55 × 40 × 23 cm), price (cents). About 12 % are
//! out of stock, 5 % have unknown stock, and a few lack volume, weight or material.
//!
//! **Advisor and answers.** Seven questions; [`answers`] answers six of them as a shopper
//! flying with hand luggage would: trip = flight (single choice, filter), duration = weekend
//! (single choice, filter), budget ≤ 150 € (range), wishes = waterproof, light, TSA lock,
//! expandable (multiple choice, four weights), laptop = yes (yes/no, shown only for flights
//! and train trips; filter), material = hard shell (multiple choice, filter).
//! [`NEXT_QUESTION`] (wheels, single choice with three filters) is the one the widget shows
//! next, with option counts.
//! Out-of-stock products are ranked last ([`STOCK`], the config's default).

use schaufenster_core::advisor::{
    Advisor, Answer, Catalogue, Choice, Effect, Kind, Op, Product, Question, QuestionKind, ShowIf,
    StockPolicy, Value,
};

/// The seed both builds use.
pub const SEED: u64 = 0x5CA0_FE57_E2A0_0001;

/// Catalogue columns, in order.
pub const ATTRIBUTES: [&str; 10] = [
    "volume",
    "weight",
    "width",
    "height",
    "depth",
    "material",
    "features",
    "wheels",
    "cabin_size",
    "price",
];

/// The unanswered question whose option counts the widget shows after each click.
pub const NEXT_QUESTION: &str = "wheels";

/// Out-of-stock products are ranked last, the config's default (`advisor.out_of_stock: "last"`),
/// so every product is scored (with `Hide` about 12 % fewer rows are).
pub const STOCK: StockPolicy = StockPolicy::Last;

/// 64-bit linear congruential generator; the high bits are returned (the low ones are weak).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// Uniform-enough in `lo..=hi`.
    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with `percent` % probability.
    fn chance(&mut self, percent: u32) -> bool {
        self.next() % 100 < percent
    }

    /// One of `items`, by integer weights.
    fn pick<'a>(&mut self, items: &[(&'a str, u32)]) -> &'a str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.next() % total;
        for (item, w) in items {
            if r < *w {
                return item;
            }
            r -= w;
        }
        items[items.len() - 1].0
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Luggage {
    CabinTrolley,
    MediumTrolley,
    LargeTrolley,
    Backpack,
    Holdall,
}

const HARD: [(&str, u32); 3] = [("Polycarbonat", 55), ("ABS", 30), ("Aluminium", 15)];
const SOFT: [(&str, u32); 4] = [
    ("Nylon", 40),
    ("Polyester", 35),
    ("Canvas", 15),
    ("Leder", 10),
];
const FEATURES: [&str; 7] = [
    "TSA-Schloss",
    "wasserdicht",
    "Laptopfach",
    "erweiterbar",
    "USB-Port",
    "Innenfächer",
    "Kompressionsgurte",
];

/// `n` luggage products from `seed` (see the module docs). Product `i` has id `lug-{i:06}`.
pub fn synthetic_catalogue(n: usize, seed: u64) -> Catalogue {
    let mut rng = Lcg(seed);
    let products = (0..n).map(|i| product(i, &mut rng)).collect();
    Catalogue {
        attributes: ATTRIBUTES.iter().map(|a| a.to_string()).collect(),
        products,
    }
}

fn product(i: usize, rng: &mut Lcg) -> Product {
    use Luggage::*;
    let kind = match rng.next() % 100 {
        0..=29 => CabinTrolley,
        30..=49 => MediumTrolley,
        50..=64 => LargeTrolley,
        65..=84 => Backpack,
        _ => Holdall,
    };
    // Ranges: width, height, depth in cm; weight in 0.1 kg; price in €.
    let ((w0, w1), (h0, h1), (d0, d1), (kg0, kg1), (eur0, eur1)) = match kind {
        CabinTrolley => ((35, 40), (50, 56), (20, 25), (20, 38), (49, 229)),
        MediumTrolley => ((42, 48), (63, 70), (26, 30), (32, 48), (79, 299)),
        LargeTrolley => ((50, 55), (75, 82), (30, 34), (42, 60), (99, 399)),
        Backpack => ((28, 36), (42, 55), (15, 25), (8, 20), (39, 199)),
        Holdall => ((45, 60), (25, 35), (22, 30), (9, 25), (29, 179)),
    };
    let (width, height, depth) = (
        rng.between(w0, w1),
        rng.between(h0, h1),
        rng.between(d0, d1),
    );
    // Usable volume: 80–92 % of the outer box.
    let litres = width * height * depth * rng.between(80, 92) / 100_000;
    let mut dims = [width, height, depth];
    dims.sort_unstable();
    let cabin = dims[2] <= 55 && dims[1] <= 40 && dims[0] <= 23;
    let trolley = matches!(kind, CabinTrolley | MediumTrolley | LargeTrolley);
    let hard = trolley && rng.chance(75);
    let material = rng.pick(if hard { &HARD } else { &SOFT });
    let mut tenths_kg = rng.between(kg0, kg1);
    let mut eur = rng.between(eur0, eur1);
    if material == "Aluminium" {
        tenths_kg += 12;
        eur *= 2;
    }
    if material == "Leder" {
        eur = eur * 3 / 2;
    }
    let wheels = match kind {
        _ if trolley => {
            if rng.chance(80) {
                4
            } else {
                2
            }
        }
        Backpack if rng.chance(10) => 2,
        Holdall if rng.chance(30) => 2,
        _ => 0,
    };
    // Chance in % of: TSA lock, waterproof, laptop compartment, expandable, USB port, inner
    // pockets, compression straps.
    let chances: [u32; 7] = match kind {
        CabinTrolley => [70, 20, 25, 40, 15, 60, 50],
        MediumTrolley | LargeTrolley => [75, 20, 5, 45, 5, 60, 55],
        Backpack => [10, 35, 70, 15, 20, 70, 20],
        Holdall => [5, 30, 20, 10, 0, 50, 10],
    };
    let mut features = Vec::new();
    for (name, pc) in FEATURES.iter().zip(chances) {
        if rng.chance(pc) {
            features.push(name.to_string());
        }
    }
    let cents = ((eur / 10) * 10 + 9) * 100 + 99;
    let stock = match rng.next() % 100 {
        0..=11 => Some(0),
        12..=16 => None,
        _ => Some(i64::from(rng.between(1, 60))),
    };
    let (missing_volume, missing_weight, missing_material) =
        (rng.chance(2), rng.chance(3), rng.chance(2));
    Product {
        id: format!("lug-{i:06}"),
        values: vec![
            (!missing_volume).then_some(Value::Num(f64::from(litres))),
            (!missing_weight).then_some(Value::Num(f64::from(tenths_kg) / 10.0)),
            Some(Value::Num(f64::from(width))),
            Some(Value::Num(f64::from(height))),
            Some(Value::Num(f64::from(depth))),
            (!missing_material).then(|| Value::Text(material.to_string())),
            Some(Value::Tags(features)),
            Some(Value::Num(f64::from(wheels))),
            Some(Value::Bool(cabin)),
            Some(Value::Num(f64::from(cents))),
        ],
        stock,
    }
}

fn choice(id: &str, effects: Vec<Effect>) -> Choice {
    Choice {
        id: id.into(),
        effects,
    }
}

fn filter(attribute: &str, op: Op) -> Effect {
    Effect {
        attribute: attribute.into(),
        op,
        kind: Kind::Filter,
    }
}

fn weight(attribute: &str, op: Op, w: i32) -> Effect {
    Effect {
        attribute: attribute.into(),
        op,
        kind: Kind::Weight(w),
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

fn question(
    id: &str,
    kind: QuestionKind,
    options: Vec<Choice>,
    weight: u32,
    priority: u32,
) -> Question {
    Question {
        id: id.into(),
        kind,
        required: false,
        show_if: None,
        options,
        weight,
        priority,
    }
}

/// The luggage advisor's questions (see the module docs).
pub fn questions() -> Vec<Question> {
    let single = QuestionKind::Single;
    let multi = QuestionKind::Multi;
    vec![
        question(
            "trip",
            single.clone(),
            vec![
                choice(
                    "flight",
                    vec![filter("cabin_size", Op::Eq(Value::Bool(true)))],
                ),
                choice("car", vec![weight("volume", Op::Ge(60.0), 4)]),
                choice("train", vec![weight("weight", Op::Le(3.0), 3)]),
            ],
            10,
            6,
        ),
        question(
            "duration",
            single.clone(),
            vec![
                choice("weekend", vec![filter("volume", Op::Le(45.0))]),
                choice(
                    "week",
                    vec![
                        filter("volume", Op::Ge(35.0)),
                        filter("volume", Op::Le(80.0)),
                    ],
                ),
                choice("long", vec![filter("volume", Op::Ge(70.0))]),
            ],
            8,
            4,
        ),
        question(
            "budget",
            QuestionKind::Range {
                attribute: "price".into(),
            },
            vec![],
            10,
            8,
        ),
        question(
            "wishes",
            multi.clone(),
            vec![
                choice(
                    "waterproof",
                    vec![weight("features", Op::Contains("wasserdicht".into()), 4)],
                ),
                choice("light", vec![weight("weight", Op::Le(2.5), 3)]),
                choice(
                    "tsa",
                    vec![weight("features", Op::Contains("tsa-schloss".into()), 2)],
                ),
                choice(
                    "expandable",
                    vec![weight("features", Op::Contains("erweiterbar".into()), 2)],
                ),
                choice(
                    "four-wheels",
                    vec![weight("wheels", Op::Eq(Value::Num(4.0)), 3)],
                ),
                choice(
                    "no-leather",
                    vec![weight("material", Op::Eq(text("Leder")), -5)],
                ),
            ],
            10,
            1,
        ),
        Question {
            show_if: Some(ShowIf {
                question: "trip".into(),
                any_of: vec!["flight".into(), "train".into()],
            }),
            ..question(
                "laptop",
                QuestionKind::YesNo,
                vec![
                    choice(
                        "yes",
                        vec![filter("features", Op::Contains("laptopfach".into()))],
                    ),
                    choice("no", vec![weight("weight", Op::Le(1.5), 1)]),
                ],
                6,
                3,
            )
        },
        question(
            "material",
            multi,
            vec![
                choice(
                    "hard",
                    vec![filter(
                        "material",
                        Op::In(vec![text("Polycarbonat"), text("ABS"), text("Aluminium")]),
                    )],
                ),
                choice(
                    "soft",
                    vec![filter(
                        "material",
                        Op::In(vec![
                            text("Nylon"),
                            text("Polyester"),
                            text("Canvas"),
                            text("Leder"),
                        ]),
                    )],
                ),
            ],
            6,
            2,
        ),
        question(
            NEXT_QUESTION,
            single,
            vec![
                choice("none", vec![filter("wheels", Op::Eq(Value::Num(0.0)))]),
                choice("two", vec![filter("wheels", Op::Eq(Value::Num(2.0)))]),
                choice("four", vec![filter("wheels", Op::Eq(Value::Num(4.0)))]),
            ],
            6,
            5,
        ),
    ]
}

/// Six answered questions (see the module docs), in the order they were asked.
pub fn answers() -> Vec<(String, Answer)> {
    let opts = |ids: &[&str]| Answer::Options(ids.iter().map(|s| s.to_string()).collect());
    vec![
        ("trip".into(), opts(&["flight"])),
        ("duration".into(), opts(&["weekend"])),
        (
            "budget".into(),
            Answer::Range {
                min: None,
                max: Some(15_000.0),
            },
        ),
        (
            "wishes".into(),
            opts(&["waterproof", "light", "tsa", "expandable"]),
        ),
        ("laptop".into(), opts(&["yes"])),
        ("material".into(), opts(&["hard"])),
    ]
}

/// What one timed click does, and what it returned (for the tables; untimed).
pub struct Workload {
    /// The products.
    pub catalogue: Catalogue,
    advisor: Advisor,
    answers: Vec<(String, Answer)>,
    next: usize,
}

/// The shape of the work: products, how many are scored, ranked, relaxed.
#[derive(Debug)]
pub struct Summary {
    /// Products in the catalogue.
    pub products: usize,
    /// Products in stock (with [`STOCK`] = `Last` every product is scored).
    pub in_stock: usize,
    /// Criteria the answers set (one per filter group or range, one per weight).
    pub criteria: usize,
    /// Products ranked.
    pub ranked: usize,
    /// Questions relaxed (0 when something passes every filter).
    pub relaxed: usize,
    /// Option counts of [`NEXT_QUESTION`].
    pub counts: Vec<usize>,
}

impl Workload {
    /// Catalogue of `n` products from `seed`, the advisor, the answers.
    pub fn new(n: usize, seed: u64) -> Workload {
        let catalogue = synthetic_catalogue(n, seed);
        let (advisor, problems) = Advisor::new(questions(), &catalogue.attributes);
        assert!(
            problems.is_empty(),
            "the bench advisor has problems: {problems:?}"
        );
        let next = advisor
            .questions()
            .iter()
            .position(|q| q.id == NEXT_QUESTION)
            .expect("NEXT_QUESTION is a question");
        Workload {
            catalogue,
            advisor,
            answers: answers(),
            next,
        }
    }

    /// `Advisor::evaluate` for the answers; the outcome is dropped before returning (its
    /// deallocation is part of the time), the number of ranked products returned.
    pub fn evaluate(&self) -> usize {
        self.advisor
            .evaluate(&self.catalogue, &self.answers, STOCK)
            .ranked
            .len()
    }

    /// `Advisor::option_counts` of [`NEXT_QUESTION`]; their sum.
    pub fn option_counts(&self) -> usize {
        self.advisor
            .option_counts(&self.catalogue, &self.answers, self.next, STOCK)
            .counts
            .iter()
            .sum()
    }

    /// The shape of the work (untimed).
    pub fn summary(&self) -> Summary {
        let o = self.advisor.evaluate(&self.catalogue, &self.answers, STOCK);
        Summary {
            products: self.catalogue.products.len(),
            in_stock: self
                .catalogue
                .products
                .iter()
                .filter(|p| p.in_stock())
                .count(),
            criteria: o.ranked.first().map_or(0, |r| r.criteria.len()),
            ranked: o.ranked.len(),
            relaxed: o.relaxed.len(),
            counts: self
                .advisor
                .option_counts(&self.catalogue, &self.answers, self.next, STOCK)
                .counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_prefix_stable_and_luggage_like() {
        let a = synthetic_catalogue(2_000, SEED);
        assert_eq!(a, synthetic_catalogue(2_000, SEED));
        assert_eq!(
            a.products[..1_000],
            synthetic_catalogue(1_000, SEED).products[..]
        );
        assert_ne!(a, synthetic_catalogue(2_000, SEED + 1));
        let sold_out = a.products.iter().filter(|p| p.stock == Some(0)).count();
        assert!((150..=330).contains(&sold_out), "{sold_out}");
        let cabin = a
            .products
            .iter()
            .filter(|p| p.values[8] == Some(Value::Bool(true)))
            .count();
        assert!((400..=1_000).contains(&cabin), "{cabin}");
        assert!(a.products.iter().any(|p| p.values[0].is_none()));
        for p in &a.products {
            assert!(matches!(p.values[7], Some(Value::Num(w)) if w == 0.0 || w == 2.0 || w == 4.0));
            assert!(
                matches!(p.values[9], Some(Value::Num(c)) if c >= 2_999.0 && c % 100.0 == 99.0)
            );
        }
    }

    #[test]
    fn the_answers_rank_some_products_without_relaxing() {
        for n in [1_000, 10_000] {
            let s = Workload::new(n, SEED).summary();
            assert_eq!(s.relaxed, 0, "{s:?}");
            assert!(s.ranked > 0 && s.ranked < s.in_stock / 10, "{s:?}");
            // trip, duration, budget, 4 wishes, laptop, material.
            assert_eq!(s.criteria, 9, "{s:?}");
            assert_eq!(s.counts.len(), 3);
        }
    }
}
