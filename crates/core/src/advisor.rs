//! Guided selling: questions with options whose effects filter and weight a product catalogue.
//!
//! - A **catalogue** is a table: attribute names once, then per product one optional
//!   [`Value`] per attribute, a price in minor units and an optional stock.
//! - A **question** is single choice, multiple choice, yes/no or a numeric range; it may be
//!   shown only if an earlier question was answered with one of some options (`show_if`).
//! - Each **option** has effects: hard filters (`=`, `in`, `<=`, `>=`, `contains`) and weighted
//!   boosts (positive) or penalties (negative). The options chosen in one multiple-choice
//!   question are alternatives: a product passes that question's filters if it passes those of
//!   any chosen option. A range answer filters its attribute by the bounds given.
//! - A product whose attribute is missing or of another type **does not meet** a criterion
//!   ("unknown" is never a match).
//!
//! **Scoring.** Every chosen filter group is a criterion worth its question's `weight`; every
//! boost is worth its own weight. The match percentage is the weight of the criteria met over
//! the weight of all positive criteria (penalties only subtract), rounded down, 0 to 100; with
//! no criteria every product matches 100 %.
//!
//! **Relaxation.** When no product passes every filter, the filter of the question with the
//! lowest `priority` is dropped (ties: the later question first), and again, until products
//! remain; the dropped questions are reported so the widget can say what was relaxed. The live
//! option counts relax the other answers the same way once they leave nothing, so a shopper in
//! a dead end still sees which choices narrow the closest products.
//!
//! **Order (deterministic).** Products are ranked by score (the met weight) descending, then by
//! catalogue order; out-of-stock products are hidden or ranked after every product in stock
//! ([`StockPolicy`]). The same answers always give the same order.
//!
//! Rescoring is linear in products × criteria, with attributes resolved to column indices once
//! when the advisor is built (`./x bench advisor` measures it).

/// An attribute value of a product.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number (volume in litres, weight in kg, a price in minor units …).
    Num(f64),
    /// A text, compared ignoring ASCII case.
    Text(String),
    /// A set of tags, compared ignoring ASCII case.
    Tags(Vec<String>),
    /// Yes or no.
    Bool(bool),
}

/// The products to choose from: one column per attribute name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    /// Attribute names (columns).
    pub attributes: Vec<String>,
    /// The products.
    pub products: Vec<Product>,
}

/// One product.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// Id as the shop knows it.
    pub id: String,
    /// One value per catalogue attribute (`None`: unknown).
    pub values: Vec<Option<Value>>,
    /// Units in stock (`None`: unknown, treated as available).
    pub stock: Option<i64>,
}

impl Product {
    /// Whether the product can be bought now.
    pub fn in_stock(&self) -> bool {
        self.stock.is_none_or(|s| s > 0)
    }
}

/// A comparison of an attribute with a value from the config.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Equal (numbers, texts ignoring ASCII case, booleans).
    Eq(Value),
    /// Equal to one of these.
    In(Vec<Value>),
    /// A number at most this.
    Le(f64),
    /// A number at least this.
    Ge(f64),
    /// Tags contain this tag, or a text contains this text (ignoring ASCII case).
    Contains(String),
}

/// What an effect does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Products failing it are left out.
    Filter,
    /// Products meeting it gain (positive) or lose (negative) this much score.
    Weight(i32),
}

/// One effect of an option: `attribute op value`, as a filter or a weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Effect {
    /// Attribute name (a catalogue column).
    pub attribute: String,
    /// The comparison.
    pub op: Op,
    /// Filter or weight.
    pub kind: Kind,
}

/// A choice of a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Stable id (answers and `show_if` refer to it).
    pub id: String,
    /// Effects when chosen.
    pub effects: Vec<Effect>,
}

/// The kind of a question.
#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    /// Exactly one option.
    Single,
    /// Any number of options (alternatives).
    Multi,
    /// Yes or no: options with ids "yes" and "no".
    YesNo,
    /// A number range on `attribute` (a budget, a volume): answered with optional bounds.
    Range {
        /// The attribute the bounds apply to.
        attribute: String,
    },
}

/// A condition on an earlier question: shown only if it was answered with one of `any_of`.
#[derive(Clone, Debug, PartialEq)]
pub struct ShowIf {
    /// The earlier question's id.
    pub question: String,
    /// Option ids, any of which shows this question.
    pub any_of: Vec<String>,
}

/// A question.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable id.
    pub id: String,
    /// Its kind.
    pub kind: QuestionKind,
    /// Whether it may be skipped.
    pub required: bool,
    /// Shown only if this holds.
    pub show_if: Option<ShowIf>,
    /// The options (empty for ranges).
    pub options: Vec<Choice>,
    /// Weight of its filters in the match percentage.
    pub weight: u32,
    /// Lower is relaxed first when nothing matches.
    pub priority: u32,
}

/// An answer to one question.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Option ids chosen (one for single choice and yes/no).
    Options(Vec<String>),
    /// Bounds of a range question.
    Range {
        /// At least this.
        min: Option<f64>,
        /// At most this.
        max: Option<f64>,
    },
}

/// Answers by question id, in the order given.
pub type Answers = [(String, Answer)];

/// What happens to products out of stock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockPolicy {
    /// Not shown.
    Hide,
    /// Shown after every product in stock.
    Last,
}

/// Whether a product meets a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Met {
    /// It does.
    Yes,
    /// It does not.
    No,
    /// The product's attribute is missing or of another type (never counted as met).
    Unknown,
}

/// Where a criterion comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The filters of question `question` (all of its chosen options together).
    Filter {
        /// Question index.
        question: usize,
    },
    /// Effect `effect` of option `option` of question `question`.
    Weight {
        /// Question index.
        question: usize,
        /// Option index.
        option: usize,
        /// Effect index.
        effect: usize,
    },
    /// The bounds of range question `question`.
    Range {
        /// Question index.
        question: usize,
    },
}

/// One criterion and whether the product meets it (for "✓ waterproof · ✗ not cabin size").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Criterion {
    /// Where it comes from.
    pub source: Source,
    /// Its weight (negative for penalties).
    pub weight: i64,
    /// Whether the product meets it.
    pub met: Met,
}

/// A ranked product.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Index into the catalogue's products.
    pub product: usize,
    /// Weight of the criteria met (penalties subtracted).
    pub score: i64,
    /// Match percentage, 0 to 100.
    pub percent: u8,
    /// Every criterion with its outcome, filters first, in question order.
    pub criteria: Vec<Criterion>,
}

/// The result of an evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Products that pass the (possibly relaxed) filters, best first.
    pub ranked: Vec<Ranked>,
    /// Questions whose filters were dropped because nothing matched them all, in the order
    /// they were dropped.
    pub relaxed: Vec<usize>,
}

/// The live counts of a question's options ([`Advisor::option_counts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionCounts {
    /// Per option: the products that would pass if it were chosen.
    pub counts: Vec<usize>,
    /// The other questions whose filters were dropped first because they already left no
    /// product, in the order they were dropped (empty when nothing was relaxed).
    pub relaxed: Vec<usize>,
}

/// A problem in the advisor's definition, found when it is built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Question index.
    pub question: usize,
    /// Option index, if the problem is in an option.
    pub option: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// An advisor: questions compiled against a catalogue's columns.
#[derive(Clone, Debug)]
pub struct Advisor {
    questions: Vec<Question>,
    /// Per question, per option, per effect: the column of its attribute.
    columns: Vec<Vec<Vec<Option<usize>>>>,
    /// Per range question: the column of its attribute.
    range_column: Vec<Option<usize>>,
}

fn column(attributes: &[String], name: &str) -> Option<usize> {
    attributes.iter().position(|a| a == name)
}

fn text_eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

fn value_eq(v: &Value, want: &Value) -> Met {
    match (v, want) {
        (Value::Num(a), Value::Num(b)) => met(a == b),
        (Value::Text(a), Value::Text(b)) => met(text_eq(a, b)),
        (Value::Bool(a), Value::Bool(b)) => met(a == b),
        (Value::Tags(tags), Value::Text(b)) => met(tags.iter().any(|t| text_eq(t, b))),
        _ => Met::Unknown,
    }
}

fn met(b: bool) -> Met {
    if b {
        Met::Yes
    } else {
        Met::No
    }
}

/// Compares one value with one operation.
pub fn compare(v: Option<&Value>, op: &Op) -> Met {
    let Some(v) = v else { return Met::Unknown };
    match op {
        Op::Eq(want) => value_eq(v, want),
        Op::In(list) => {
            let mut out = Met::Unknown;
            for want in list {
                match value_eq(v, want) {
                    Met::Yes => return Met::Yes,
                    Met::No => out = Met::No,
                    Met::Unknown => {}
                }
            }
            out
        }
        Op::Le(x) => match v {
            Value::Num(n) => met(n <= x),
            _ => Met::Unknown,
        },
        Op::Ge(x) => match v {
            Value::Num(n) => met(n >= x),
            _ => Met::Unknown,
        },
        Op::Contains(t) => match v {
            Value::Tags(tags) => met(tags.iter().any(|g| text_eq(g, t))),
            Value::Text(s) => met(contains_ci(s, t)),
            _ => Met::Unknown,
        },
    }
}

impl Advisor {
    /// Compiles `questions` against `attributes` (the catalogue's columns). Problems — unknown
    /// attributes, `show_if` on an unknown or later question or an unknown option, options
    /// without effects, duplicate ids — are returned; an effect on an unknown attribute is
    /// never met, so the advisor still runs with the valid rest.
    pub fn new(questions: Vec<Question>, attributes: &[String]) -> (Advisor, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut report = |question: usize, option: Option<usize>, message: String| problems.push(Problem { question, option, message });
        for (qi, q) in questions.iter().enumerate() {
            if questions[..qi].iter().any(|e| e.id == q.id) {
                report(qi, None, format!("question id \"{}\" is used twice", q.id));
            }
            if let Some(cond) = &q.show_if {
                match questions.iter().position(|e| e.id == cond.question) {
                    None => report(qi, None, format!("show_if names an unknown question \"{}\"", cond.question)),
                    Some(j) if j >= qi => report(qi, None, format!("show_if names question \"{}\", which is not an earlier question (that would be a cycle)", cond.question)),
                    Some(j) => {
                        for o in &cond.any_of {
                            if !questions[j].options.iter().any(|c| &c.id == o) {
                                report(qi, None, format!("show_if names option \"{o}\", which question \"{}\" does not have", cond.question));
                            }
                        }
                    }
                }
            }
            if let QuestionKind::Range { attribute } = &q.kind {
                if column(attributes, attribute).is_none() {
                    report(qi, None, format!("unknown attribute \"{attribute}\""));
                }
            }
            for (oi, o) in q.options.iter().enumerate() {
                if q.options[..oi].iter().any(|e| e.id == o.id) {
                    report(qi, Some(oi), format!("option id \"{}\" is used twice", o.id));
                }
                if o.effects.is_empty() {
                    report(qi, Some(oi), "the option has no effects, so choosing it changes nothing".into());
                }
                for e in &o.effects {
                    if column(attributes, &e.attribute).is_none() {
                        report(qi, Some(oi), format!("unknown attribute \"{}\"", e.attribute));
                    }
                }
            }
        }
        // Push loops: smaller in the wasm than three nested `collect`s.
        let mut columns = Vec::new();
        let mut range_column = Vec::new();
        for q in &questions {
            let mut per_option = Vec::new();
            for o in &q.options {
                let mut per_effect = Vec::new();
                for e in &o.effects {
                    per_effect.push(column(attributes, &e.attribute));
                }
                per_option.push(per_effect);
            }
            columns.push(per_option);
            range_column.push(match &q.kind {
                QuestionKind::Range { attribute } => column(attributes, attribute),
                _ => None,
            });
        }
        (Advisor { questions, columns, range_column }, problems)
    }

    /// The questions.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Whether question `qi` is shown given `answers` (its `show_if` holds).
    pub fn is_shown(&self, qi: usize, answers: &Answers) -> bool {
        self.shown(qi, answers, None)
    }

    /// [`Advisor::is_shown`] with the answer to question id `skip` left out.
    fn shown(&self, qi: usize, answers: &Answers, skip: Option<&str>) -> bool {
        let Some(cond) = &self.questions[qi].show_if else { return true };
        let Some(j) = self.questions.iter().position(|q| q.id == cond.question).filter(|&j| j < qi) else { return false };
        self.shown(j, answers, skip)
            && match answer_of(answers, &cond.question, skip) {
                Some(Answer::Options(chosen)) => chosen.iter().any(|c| cond.any_of.contains(c)),
                _ => false,
            }
    }

    /// The indices of the options with these `ids` in question `qi` (unknown ids ignored).
    fn chosen(&self, qi: usize, ids: &[String]) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, o) in self.questions[qi].options.iter().enumerate() {
            if ids.contains(&o.id) {
                out.push(i);
            }
        }
        out
    }

    /// The criteria the answers set, in question order: per answered (and shown) question its
    /// filter group or range, then its options' weights. The answer to question id `skip` is
    /// left out.
    fn plan(&self, answers: &Answers, skip: Option<&str>) -> Vec<Plan> {
        let mut out = Vec::new();
        for (qi, q) in self.questions.iter().enumerate() {
            let Some(answer) = answer_of(answers, &q.id, skip) else { continue };
            if !self.shown(qi, answers, skip) {
                continue;
            }
            match answer {
                Answer::Range { min, max } if min.is_some() || max.is_some() => out.push(Plan::Range { question: qi, column: self.range_column[qi], min: *min, max: *max }),
                Answer::Range { .. } => {}
                Answer::Options(ids) => {
                    let options = self.chosen(qi, ids);
                    let has_filter = options.iter().any(|&oi| q.options[oi].effects.iter().any(|e| e.kind == Kind::Filter));
                    if has_filter {
                        out.push(Plan::Filter { question: qi, options });
                    }
                    // The chosen options again (as `chosen` lists them), for their weights.
                    for (oi, o) in q.options.iter().enumerate() {
                        if !ids.contains(&o.id) {
                            continue;
                        }
                        for (ei, e) in o.effects.iter().enumerate() {
                            if let Kind::Weight(w) = e.kind {
                                out.push(Plan::Weight { question: qi, option: oi, effect: ei, weight: w });
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Whether product `p` meets planned criterion `c`.
    fn check(&self, p: &Product, c: &Plan) -> Met {
        match c {
            Plan::Range { column, min, max, .. } => {
                let v = column.and_then(|col| p.values.get(col)).and_then(Option::as_ref);
                match (v, min, max) {
                    (Some(Value::Num(n)), lo, hi) => met(lo.is_none_or(|lo| *n >= lo) && hi.is_none_or(|hi| *n <= hi)),
                    _ => Met::Unknown,
                }
            }
            Plan::Filter { question, options } => {
                // Alternatives: any chosen option whose filters all hold.
                let mut out = Met::No;
                let mut unknown = false;
                for &oi in options {
                    let mut all = Met::Yes;
                    for (ei, e) in self.questions[*question].options[oi].effects.iter().enumerate() {
                        if e.kind != Kind::Filter {
                            continue;
                        }
                        match self.effect(p, *question, oi, ei) {
                            Met::Yes => {}
                            Met::No => {
                                all = Met::No;
                                break;
                            }
                            Met::Unknown => all = Met::Unknown,
                        }
                    }
                    match all {
                        Met::Yes => return Met::Yes,
                        Met::Unknown => unknown = true,
                        Met::No => {}
                    }
                }
                if unknown {
                    out = Met::Unknown;
                }
                out
            }
            Plan::Weight { question, option, effect, .. } => self.effect(p, *question, *option, *effect),
        }
    }

    /// Whether product `p` meets effect `ei` of option `oi` of question `qi`.
    fn effect(&self, p: &Product, qi: usize, oi: usize, ei: usize) -> Met {
        let column = self.columns[qi][oi][ei];
        compare(column.and_then(|col| p.values.get(col)).and_then(Option::as_ref), &self.questions[qi].options[oi].effects[ei].op)
    }

    fn weight_of(&self, c: &Plan) -> i64 {
        match c {
            Plan::Filter { question, .. } | Plan::Range { question, .. } => self.questions[*question].weight as i64,
            Plan::Weight { weight, .. } => *weight as i64,
        }
    }

    /// Ranks the catalogue for `answers`, relaxing filters when nothing passes them all.
    pub fn evaluate(&self, catalogue: &Catalogue, answers: &Answers, stock: StockPolicy) -> Outcome {
        let plan = self.plan(answers, None);
        let mut weights = Vec::with_capacity(plan.len());
        let mut max = 0;
        for c in &plan {
            let w = self.weight_of(c);
            max += w.max(0);
            weights.push(w);
        }
        let (table, active, relaxed) = self.closest(catalogue, &plan, stock);
        let mut ranked = Vec::new();
        for (product, row) in table {
            if !passes(&row, &active) {
                continue;
            }
            let mut score = 0;
            let mut criteria = Vec::with_capacity(plan.len());
            for (k, c) in plan.iter().enumerate() {
                if row[k] == Met::Yes {
                    score += weights[k];
                }
                criteria.push(Criterion { source: c.source(), weight: weights[k], met: row[k] });
            }
            let percent = if max <= 0 { 100 } else { (score.max(0) * 100 / max).clamp(0, 100) as u8 };
            ranked.push(Ranked { product, score, percent, criteria });
        }
        let key = |r: &Ranked| (!catalogue.products[r.product].in_stock(), core::cmp::Reverse(r.score), r.product);
        // Stable, and the key ends with the catalogue index: a total, deterministic order.
        // The ranked list can be the whole catalogue (tens of thousands before the first
        // answer): a merge sort (the insertion sort `sort_by` took 10 s for 50,000
        // products in a debug build, tests/advisor.rs).
        crate::sort::merge_sort_by(&mut ranked, |a, b| key(a).cmp(&key(b)));
        Outcome { ranked, relaxed }
    }

    /// For every option of question `qi`: how many products would pass every filter if it
    /// were chosen (single choice and yes/no: instead of the current answer; multiple choice:
    /// added to it), with the other answers as they are.
    ///
    /// When the other answers already leave no product (a dead end), they are relaxed first as
    /// [`Advisor::evaluate`] relaxes them (the least important filter first, same order), so
    /// the counts are of the closest products the results would show, and
    /// [`OptionCounts::relaxed`] names the questions left out; otherwise nothing is relaxed.
    pub fn option_counts(&self, catalogue: &Catalogue, answers: &Answers, qi: usize, stock: StockPolicy) -> OptionCounts {
        let q = &self.questions[qi];
        let current: &[String] = match answer_of(answers, &q.id, None) {
            Some(Answer::Options(ids)) => ids,
            _ => &[],
        };
        // The other questions' filters, checked once per product.
        let plan = self.plan(answers, Some(&q.id));
        let mut base: Vec<&Product> = Vec::new();
        for p in &catalogue.products {
            if (stock == StockPolicy::Last || p.in_stock()) && plan.iter().all(|c| matches!(c, Plan::Weight { .. }) || self.check(p, c) == Met::Yes) {
                base.push(p);
            }
        }
        let mut relaxed = Vec::new();
        if base.is_empty() {
            // A dead end: the closest products, as the results would show them.
            let (table, active, dropped) = self.closest(catalogue, &plan, stock);
            relaxed = dropped;
            for (i, row) in &table {
                if passes(row, &active) {
                    base.push(&catalogue.products[*i]);
                }
            }
        }
        let mut counts = Vec::with_capacity(q.options.len());
        for (oi, o) in q.options.iter().enumerate() {
            let options = if q.kind == QuestionKind::Multi {
                let mut v = self.chosen(qi, current);
                if !v.contains(&oi) {
                    v.push(oi);
                }
                v
            } else {
                vec![oi]
            };
            let has_filter = options.iter().any(|&i| q.options[i].effects.iter().any(|e| e.kind == Kind::Filter));
            counts.push(if !has_filter || o.effects.is_empty() {
                base.len()
            } else {
                let c = Plan::Filter { question: qi, options };
                base.iter().filter(|p| self.check(p, &c) == Met::Yes).count()
            });
        }
        OptionCounts { counts, relaxed }
    }

    /// The outcome of every planned criterion for every product shown (computed once), and
    /// which filters stay active: filters and ranges are, weights never filter, and when no
    /// product passes them all the one of the lowest priority is dropped (ties: the later
    /// question), and again. Returns the table, the active flags and the questions dropped, in
    /// order.
    fn closest(&self, catalogue: &Catalogue, plan: &[Plan], stock: StockPolicy) -> (Table, Vec<bool>, Vec<usize>) {
        let mut table = Vec::new();
        for (i, p) in catalogue.products.iter().enumerate() {
            if stock == StockPolicy::Last || p.in_stock() {
                let mut row = Vec::with_capacity(plan.len());
                for c in plan {
                    row.push(self.check(p, c));
                }
                table.push((i, row));
            }
        }
        let mut active = Vec::with_capacity(plan.len());
        for c in plan {
            active.push(!matches!(c, Plan::Weight { .. }));
        }
        let mut relaxed = Vec::new();
        while !table.is_empty() && !table.iter().any(|(_, row)| passes(row, &active)) {
            let mut next: Option<usize> = None;
            for (i, c) in plan.iter().enumerate() {
                if active[i] && next.is_none_or(|n| self.questions[c.question()].priority <= self.questions[plan[n].question()].priority) {
                    next = Some(i);
                }
            }
            let Some(i) = next else { break };
            active[i] = false;
            relaxed.push(plan[i].question());
        }
        (table, active, relaxed)
    }
}

/// Per product shown: its catalogue index and the outcome of every planned criterion.
type Table = Vec<(usize, Vec<Met>)>;

/// Whether a row of criteria outcomes passes every active filter.
fn passes(row: &[Met], active: &[bool]) -> bool {
    row.iter().zip(active).all(|(m, a)| !a || *m == Met::Yes)
}

/// The answer to question `id`, none for `skip`.
fn answer_of<'a>(answers: &'a Answers, id: &str, skip: Option<&str>) -> Option<&'a Answer> {
    if skip == Some(id) {
        return None;
    }
    answers.iter().find(|(q, _)| q == id).map(|(_, a)| a)
}

/// A criterion the answers set.
#[derive(Clone, Debug)]
enum Plan {
    Filter { question: usize, options: Vec<usize> },
    Range { question: usize, column: Option<usize>, min: Option<f64>, max: Option<f64> },
    Weight { question: usize, option: usize, effect: usize, weight: i32 },
}

impl Plan {
    fn question(&self) -> usize {
        match self {
            Plan::Filter { question, .. } | Plan::Range { question, .. } | Plan::Weight { question, .. } => *question,
        }
    }

    fn source(&self) -> Source {
        match self {
            Plan::Filter { question, .. } => Source::Filter { question: *question },
            Plan::Range { question, .. } => Source::Range { question: *question },
            Plan::Weight { question, option, effect, .. } => Source::Weight { question: *question, option: *option, effect: *effect },
        }
    }
}
