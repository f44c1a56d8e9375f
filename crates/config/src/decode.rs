//! Decoding JSON into typed config while collecting **every** problem with its path.
//!
//! Each config type implements [`Decode`]: `decode` turns a [`Json`] value into the type or
//! records problems in the [`Ctx`] and returns `None`; `schema` describes the same type as
//! JSON Schema. Struct types are written with [`config_struct!`](crate::config_struct), so
//! the decoder and the schema come from one field list and cannot drift apart.

use crate::json::{obj, s, Json};
use core::fmt;

/// One step of a JSON path.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The part of the config it is in cannot be used.
    Error,
    /// Probably a mistake, but the config still works.
    Warning,
}

/// One problem in a config: where, what was found, what is wrong, and how to fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// JSONPath-style location, e.g. `$.shipping_bar.tiers[0].thresholds[1].amount`.
    pub path: String,
    /// The offending value as short JSON text, or `(missing)`.
    pub found: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// Error or warning.
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Written piece by piece: the same text without formatting arguments.
        for part in [level, ": ", &self.path, ": ", &self.message, " (found ", &self.found, ")"] {
            f.write_str(part)?;
        }
        if !self.hint.is_empty() {
            f.write_str("\n  hint: ")?;
            f.write_str(&self.hint)?;
        }
        Ok(())
    }
}

/// One step below the current path, borrowed: problems found deeper than the decoder stands
/// are reported with these instead of stepping in and out (see [`Ctx::error_in`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step<'a> {
    /// An object key.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

/// Formats a path as `$.a.b[0]["odd key"]`.
pub fn path_string(path: &[Seg]) -> String {
    let mut out = String::from("$");
    for seg in path {
        match seg {
            Seg::Key(k) => push_step(&mut out, Step::Key(k)),
            Seg::Index(i) => push_step(&mut out, Step::Index(*i)),
        }
    }
    out
}

fn push_step(out: &mut String, step: Step) {
    match step {
        Step::Key(k) if !k.is_empty() && k.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-') => {
            out.push('.');
            out.push_str(k);
        }
        Step::Key(k) => {
            out.push('[');
            crate::json::write_string(out, k);
            out.push(']');
        }
        Step::Index(i) => {
            out.push('[');
            out.push_str(&i.to_string());
            out.push(']');
        }
    }
}

/// Short JSON rendering of a found value for messages (at most ~60 characters).
pub fn found(v: &Json) -> String {
    let mut text = match v {
        Json::Object(m) if m.len() > 3 => return format!("an object with {} keys", m.len()),
        Json::Array(a) if a.len() > 5 => return format!("an array of {} items", a.len()),
        _ => v.to_json_string(),
    };
    if text.chars().count() > 60 {
        // The first 57 characters, cut in place.
        let end = text.char_indices().nth(57).map_or(text.len(), |(i, _)| i);
        text.truncate(end);
        text.push('…');
    }
    text
}

/// [`found`] for a text (as a JSON string).
#[inline(never)]
pub fn found_text(text: &str) -> String {
    found(&s(text))
}

pub(crate) use schaufenster_core::template::has_text;

/// The decoding context: the current path and the problems found so far.
#[derive(Default, Debug)]
pub struct Ctx {
    // The current path already written out after the "$" (".a.b[0]"), and where each step
    // began: stepping in appends, stepping out truncates, a problem copies it.
    path: String,
    starts: Vec<usize>,
    /// Every problem found, in document order.
    pub problems: Vec<Problem>,
}

impl Ctx {
    /// A fresh context at the root.
    pub fn new() -> Ctx {
        Ctx::default()
    }

    /// Runs `f` one level deeper.
    pub fn at<R>(&mut self, seg: Seg, f: impl FnOnce(&mut Ctx) -> R) -> R {
        self.enter(seg);
        let r = f(self);
        self.leave();
        r
    }

    /// Runs `f` under key `key`.
    pub fn key<R>(&mut self, key: &str, f: impl FnOnce(&mut Ctx) -> R) -> R {
        self.enter_key(key);
        let r = f(self);
        self.leave();
        r
    }

    /// Steps into `seg` (pair with [`Ctx::pop_seg`]); for checks that walk raw JSON.
    pub fn push_seg(&mut self, seg: Seg) {
        self.enter(seg);
    }

    /// Steps out again.
    pub fn pop_seg(&mut self) {
        self.leave();
    }

    // Stepping in and out is out of line on purpose (`enter_step`, `leave`): inlined into
    // every field of every decoder, it was about a third of the config decoder's wasm.
    fn enter(&mut self, seg: Seg) {
        match seg {
            Seg::Key(k) => self.enter_step(Step::Key(&k)),
            Seg::Index(i) => self.enter_step(Step::Index(i)),
        }
    }

    fn enter_key(&mut self, key: &str) {
        self.enter_step(Step::Key(key));
    }

    #[inline(never)]
    fn enter_step(&mut self, step: Step) {
        self.starts.push(self.path.len());
        push_step(&mut self.path, step);
    }

    #[inline(never)]
    fn leave(&mut self) {
        if let Some(start) = self.starts.pop() {
            self.path.truncate(start);
        }
    }

    /// The current path as text.
    pub fn path(&self) -> String {
        let mut out = String::from("$");
        out.push_str(&self.path);
        out
    }

    /// Records an error at the current path.
    pub fn error(&mut self, found: String, message: &str, hint: &str) {
        self.report(&[], Severity::Error, found, message, hint);
    }

    /// Records a warning at the current path.
    pub fn warn(&mut self, found: String, message: &str, hint: &str) {
        self.report(&[], Severity::Warning, found, message, hint);
    }

    /// Records an error at the current path plus `steps`.
    pub fn error_in(&mut self, steps: &[Step], found: String, message: &str, hint: &str) {
        self.report(steps, Severity::Error, found, message, hint);
    }

    /// Records a warning at the current path plus `steps`.
    pub fn warn_in(&mut self, steps: &[Step], found: String, message: &str, hint: &str) {
        self.report(steps, Severity::Warning, found, message, hint);
    }

    // Borrowed texts and one out-of-line body: copying them into Strings at every call site
    // cost kilobytes of wasm across the decoders.
    #[inline(never)]
    fn report(&mut self, steps: &[Step], severity: Severity, found: String, message: &str, hint: &str) {
        let mut path = self.path();
        for step in steps {
            push_step(&mut path, *step);
        }
        self.problems.push(Problem { path, found, message: message.to_owned(), hint: hint.to_owned(), severity });
    }

    /// Records "expected X" for a value of the wrong type.
    pub fn wrong_type(&mut self, v: &Json, expected: &str, hint: &str) {
        let mut message = String::from("expected ");
        message.push_str(expected);
        message.push_str(", found ");
        message.push_str(v.kind());
        self.error(found(v), &message, hint);
    }

    /// The loop of every list decoder: `each` decodes one item (one level deeper) and says
    /// whether that worked; `false` when `v` is not an array or an item failed.
    #[inline(never)]
    pub fn list(&mut self, v: &Json, each: &mut dyn FnMut(&Json, &mut Ctx) -> bool) -> bool {
        let Json::Array(items) = v else {
            self.wrong_type(v, "an array", "wrap the values in [ ]");
            return false;
        };
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            self.enter_step(Step::Index(i));
            ok &= each(item, self);
            self.leave();
        }
        ok
    }

    /// The loop of every map decoder (an object with free keys): `each` decodes one entry
    /// (under its key) and says whether that worked.
    #[inline(never)]
    pub fn entries(&mut self, v: &Json, each: &mut dyn FnMut(&str, &Json, &mut Ctx) -> bool) -> bool {
        let Json::Object(members) = v else {
            self.wrong_type(v, "an object", "wrap the entries in { }");
            return false;
        };
        let mut ok = true;
        for (k, item) in members {
            self.enter_key(k);
            ok &= each(k, item, self);
            self.leave();
        }
        ok
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// Number of errors recorded so far (to tell whether a sub-tree added any).
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Error).count()
    }

    /// Decodes the member `key` of `members`: absent → `default`, else `T::absent()`, else a
    /// "missing" error. `null` counts as absent for optional fields.
    pub fn field<T: Decode>(&mut self, members: &[(String, Json)], key: &str, default: Option<fn() -> T>) -> Option<T> {
        let mut slot = default.map(|f| f()).or_else(T::absent);
        self.fields(members, &[key], crate::slot_bits!(slot), &mut [&mut slot]);
        slot
    }

    /// Decodes the members `keys` of `members` into `slots` (one per key, in that order).
    /// Each slot starts as the field's default or `T::absent()` (`None`: the key is required):
    /// an absent key keeps it, or is a "missing" error; `null` keeps it when there is one;
    /// any other value replaces it with the decoded value, `None` when that failed.
    ///
    /// `set` says which slots start with a value (bit i for slot i, see
    /// [`slot_bits!`](crate::slot_bits)).
    ///
    /// One loop for every struct, with the per-type part behind [`Slot`]: a field costs a
    /// table entry, not an inlined call chain.
    #[inline(never)]
    pub fn fields(&mut self, members: &[(String, Json)], keys: &[&str], set: u32, slots: &mut [&mut dyn Slot]) {
        for (i, (key, slot)) in keys.iter().zip(slots).enumerate() {
            let has_value = set >> i & 1 != 0;
            match find_member(members, key) {
                Some(Json::Null) if has_value => {}
                Some(v) => {
                    self.enter_key(key);
                    slot.decode_from(v, self);
                    self.leave();
                }
                None => {
                    if !has_value {
                        self.missing(key);
                    }
                }
            }
        }
    }

    /// The body of every object decoder: checks that `v` is an object (else "expected an
    /// object" with `hint` and `false`), reports unknown keys, then decodes the fields (see
    /// [`Ctx::fields`]).
    #[inline(never)]
    pub fn object(&mut self, v: &Json, hint: &str, keys: &[&str], set: u32, slots: &mut [&mut dyn Slot]) -> bool {
        let Json::Object(members) = v else {
            self.wrong_type(v, "an object", hint);
            return false;
        };
        self.unknown_keys(members, keys);
        self.fields(members, keys, set, slots);
        true
    }

    #[inline(never)]
    fn missing(&mut self, key: &str) {
        self.error_in(&[Step::Key(key)], "(missing)".into(), "this key is required", &format!("add \"{key}\""));
    }

    /// Reports every key of `members` that is not in `known`, with a did-you-mean hint.
    pub fn unknown_keys(&mut self, members: &[(String, Json)], known: &[&str]) {
        for (k, v) in members {
            if k == "$schema" || k.starts_with("//") || known.contains(&k.as_str()) {
                continue;
            }
            let hint = suggestion(closest(k, known), false, "Known keys: ", "known keys here: ", &schaufenster_core::template::join(known, ", "));
            self.error_in(&[Step::Key(k)], found(v), &format!("unknown key \"{k}\""), &hint);
        }
    }
}

#[inline(never)]
pub(crate) fn find_member<'a>(members: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// A hint built around a did-you-mean: with a match `did you mean "m"? {upper}{rest}`
/// (`{m}` in braces when `braces`), without one `{lower}{rest}`. One body for the many
/// hints of this shape instead of two `format!`s each.
#[inline(never)]
pub fn suggestion(m: Option<&str>, braces: bool, upper: &str, lower: &str, rest: &str) -> String {
    let mut out = String::new();
    match m {
        Some(m) => {
            out.push_str("did you mean ");
            out.push(if braces { '{' } else { '"' });
            out.push_str(m);
            out.push(if braces { '}' } else { '"' });
            out.push_str("? ");
            out.push_str(upper);
        }
        None => out.push_str(lower),
    }
    out.push_str(rest);
    out
}

/// The closest candidate by edit distance, if it is close enough to be a typo (one body over a
/// slice, whatever the candidates come from).
#[inline(never)]
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    // The first of the nearest candidates within a third of its length (at least one edit).
    let mut best: Option<(usize, &'a str)> = None;
    for &c in candidates {
        let d = levenshtein(&lower, &c.to_ascii_lowercase());
        if d <= (c.chars().count() / 3).max(1) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
/// characters as one edit (optimal string alignment), since "teirs" for "tiers" is one slip.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let (a, b) = (chars_of(a), chars_of(b));
    // One flat table (row i at i * w) rather than a Vec per row: the same numbers, less code.
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    // Half-open ranges: `..=` links RangeInclusive's iterator for these two loops alone.
    for i in 0..a.len() + 1 {
        d[i * w] = i;
    }
    for (j, x) in d.iter_mut().take(w).enumerate() {
        *x = j;
    }
    for i in 1..a.len() + 1 {
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// One field of a struct being decoded, type-erased so that [`Ctx::fields`] is one loop for
/// every struct: `Option<T>` holds the default (or nothing) before, the result after. Whether
/// it starts with a value is passed beside it as a bit (see [`slot_bits!`](crate::slot_bits)):
/// known when the decoder is compiled, so no vtable entry and no per-type function ask it.
pub trait Slot {
    /// Replaces the value with `v` decoded (`None` when that failed).
    fn decode_from(&mut self, v: &Json, cx: &mut Ctx);
}

/// The slots that start with a value, as the bit mask [`Ctx::fields`] takes (bit i: slot i).
/// Written out per slot right after they are set up (no loop), so it folds to a constant.
#[macro_export]
macro_rules! slot_bits {
    ($($slot:expr),* $(,)?) => {{
        let mut set = 0u32;
        let mut bit = 1u32;
        $(
            if $slot.is_some() {
                set |= bit;
            }
            bit <<= 1;
        )*
        let _ = bit;
        set
    }};
}

impl<T: Decode> Slot for Option<T> {
    fn decode_from(&mut self, v: &Json, cx: &mut Ctx) {
        *self = T::decode(v, cx);
    }
}

// A plain push loop: smaller in the wasm than `collect`'s specialised path.
fn chars_of(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        out.push(c);
    }
    out
}

/// A type that can be read from config JSON and described as JSON Schema.
pub trait Decode: Sized {
    /// Reads `v`, or records problems in `cx` and returns `None`.
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self>;
    /// The JSON Schema of this type.
    fn schema() -> Json;
    /// The value when the key is absent; `None` means the key is required.
    fn absent() -> Option<Self> {
        None
    }
}

impl Decode for bool {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        match v {
            Json::Bool(b) => Some(*b),
            _ => {
                cx.wrong_type(v, "true or false", "write true or false without quotes");
                None
            }
        }
    }
    fn schema() -> Json {
        obj([("type", s("boolean"))])
    }
}

impl Decode for String {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        match v {
            Json::String(t) => Some(t.clone()),
            _ => {
                cx.wrong_type(v, "a string", "put the value in double quotes");
                None
            }
        }
    }
    fn schema() -> Json {
        obj([("type", s("string"))])
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        match v {
            Json::Null => Some(None),
            _ => T::decode(v, cx).map(Some),
        }
    }
    fn schema() -> Json {
        T::schema()
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let mut out = Vec::new();
        let ok = cx.list(v, &mut |item, cx| T::decode(item, cx).map(|x| out.push(x)).is_some());
        ok.then_some(out)
    }
    fn schema() -> Json {
        obj([("type", s("array")), ("items", T::schema())])
    }
}

/// An object used as a map from free keys to values (headers, message overrides).
impl<T: Decode> Decode for Vec<(String, T)> {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        let mut out = Vec::new();
        let ok = cx.entries(v, &mut |k, item, cx| T::decode(item, cx).map(|x| out.push((k.to_owned(), x))).is_some());
        ok.then_some(out)
    }
    fn schema() -> Json {
        obj([("type", s("object")), ("additionalProperties", T::schema())])
    }
}

/// Any JSON value, kept as it is (inline data that a mapping reads later).
impl Decode for Json {
    fn decode(v: &Json, _cx: &mut Ctx) -> Option<Self> {
        Some(v.clone())
    }
    fn schema() -> Json {
        obj([])
    }
}

/// A whole number between `MIN` and `MAX` inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Int<const MIN: i64, const MAX: i64>(pub i64);

impl<const MIN: i64, const MAX: i64> Decode for Int<MIN, MAX> {
    fn decode(v: &Json, cx: &mut Ctx) -> Option<Self> {
        decode_int(v, cx, MIN, MAX).map(Int)
    }
    fn schema() -> Json {
        obj([("type", s("integer")), ("minimum", Json::Number(MIN as f64)), ("maximum", Json::Number(MAX as f64))])
    }
}

/// The body of every `Int<MIN, MAX>` decoder, shared instead of copied per range.
#[inline(never)]
fn decode_int(v: &Json, cx: &mut Ctx, min: i64, max: i64) -> Option<i64> {
    let n = v.as_i64();
    if let Some(n) = n.filter(|n| (min..=max).contains(n)) {
        return Some(n);
    }
    let hint = format!("a whole number from {min} to {max}");
    match n {
        Some(n) => cx.error(found(v), if n < 0 && min >= 0 { "must not be negative" } else { "out of range" }, &hint),
        None => cx.wrong_type(v, "a whole number", &hint),
    }
    None
}

/// The body of every string-enum decoder: the index of `v` in `all`, or a problem with a
/// did-you-mean hint.
#[inline(never)]
pub fn decode_choice(v: &Json, cx: &mut Ctx, all: &[&str]) -> Option<usize> {
    let text = v.as_str();
    if let Some(i) = text.and_then(|t| all.iter().position(|a| *a == t)) {
        return Some(i);
    }
    let list = schaufenster_core::template::join(all, ", ");
    match text {
        Some(text) => cx.error(found(v), &format!("unknown value \"{text}\""), &suggestion(closest(text, all), false, "One of: ", "one of: ", &list)),
        None => cx.wrong_type(v, "a string", &suggestion(None, false, "", "one of: ", &list)),
    }
    None
}

/// Declares a config struct whose decoder and JSON Schema come from one field list.
///
/// Each field is `pub name: Type` (required unless `Type::absent()` gives a value, as
/// `Option` does) or `pub name: Type = default` (optional with that default). Doc comments
/// become the struct's and the fields' `description` in the schema. Unknown keys are errors
/// with a did-you-mean hint.
#[macro_export]
macro_rules! config_struct {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $( $(#[doc = $fdoc:literal])* pub $field:ident : $ty:ty $(= $default:expr)? ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $ty, )*
        }

        impl $crate::decode::Decode for $name {
            #[inline(never)]
            fn decode(v: &$crate::json::Json, cx: &mut $crate::decode::Ctx) -> Option<Self> {
                $( let mut $field: Option<$ty> = $crate::config_struct!(@init $ty; $($default)?); )*
                let set = $crate::slot_bits!($($field),*);
                if !cx.object(v, "wrap the settings in { }", &[$(stringify!($field)),*], set, &mut [$(&mut $field),*]) || !($($field.is_some())&&*) {
                    return None;
                }
                // Each `?` is known to pass here, so no early-return paths are generated.
                Some($name { $( $field: $field?, )* })
            }

            fn schema() -> $crate::json::Json {
                use $crate::json::{Json, s};
                let mut props: Vec<(String, Json)> = Vec::new();
                let mut required: Vec<Json> = Vec::new();
                $(
                    let mut field_schema = <$ty as $crate::decode::Decode>::schema();
                    let doc = [$($fdoc),*].iter().map(|l: &&str| l.trim()).collect::<Vec<_>>().join(" ");
                    if let Json::Object(m) = &mut field_schema {
                        if !doc.is_empty() {
                            m.retain(|(k, _)| k != "description");
                            m.push(("description".into(), s(&doc)));
                        }
                    }
                    props.push((stringify!($field).into(), field_schema));
                    let has_default: bool = $crate::config_struct!(@has_default $($default)?);
                    if !has_default && <$ty as $crate::decode::Decode>::absent().is_none() {
                        required.push(s(stringify!($field)));
                    }
                )*
                let doc = [$($doc),*].iter().map(|l: &&str| l.trim()).collect::<Vec<_>>().join(" ");
                let mut out = vec![
                    ("type".to_string(), s("object")),
                    ("description".to_string(), s(&doc)),
                    ("properties".to_string(), Json::Object(props)),
                    ("additionalProperties".to_string(), Json::Bool(false)),
                ];
                if !required.is_empty() {
                    out.push(("required".to_string(), Json::Array(required)));
                }
                Json::Object(out)
            }
        }
    };
    (@init $ty:ty;) => { <$ty as $crate::decode::Decode>::absent() };
    (@init $ty:ty; $default:expr) => { Some($default) };
    (@has_default) => { false };
    (@has_default $default:expr) => { true };
}

/// Declares a string enum: decoder with did-you-mean, and an `enum` schema.
#[macro_export]
macro_rules! config_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident { $( $(#[doc = $vdoc:literal])* $variant:ident = $text:literal ),* $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $( $(#[doc = $vdoc])* $variant, )* }

        impl $name {
            /// The spelling in the config.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )* }
            }
        }

        impl $crate::decode::Decode for $name {
            fn decode(v: &$crate::json::Json, cx: &mut $crate::decode::Ctx) -> Option<Self> {
                const ALL: &[&str] = &[$($text),*];
                const VARIANTS: &[$name] = &[$($name::$variant),*];
                $crate::decode::decode_choice(v, cx, ALL).map(|i| VARIANTS[i])
            }
            fn schema() -> $crate::json::Json {
                use $crate::json::{Json, s};
                let doc = [$($doc),*].iter().map(|l: &&str| l.trim()).collect::<Vec<_>>().join(" ");
                Json::Object(vec![
                    ("type".into(), s("string")),
                    ("enum".into(), Json::Array(vec![$(s($text)),*])),
                    ("description".into(), s(&doc)),
                ])
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let p = [Seg::Key("shipping_bar".into()), Seg::Key("tiers".into()), Seg::Index(0), Seg::Key("odd key".into())];
        assert_eq!(path_string(&p), r#"$.shipping_bar.tiers[0]["odd key"]"#);
        assert_eq!(path_string(&[]), "$");
    }

    #[test]
    fn suggestions() {
        for (word, want) in [("tiers", Some("tiers")), ("teirs", Some("tiers")), ("Tiers", Some("tiers")), ("excluded_product", Some("excluded_products")), ("zzz", None), ("t", None)] {
            assert_eq!(closest(word, &["tiers", "excluded_products", "subtotal"]), want, "{word}");
        }
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
    }

    #[test]
    fn found_is_short() {
        assert_eq!(found(&Json::String("x".repeat(100))).chars().count(), 58);
        assert_eq!(found(&Json::Array(vec![Json::Null; 9])), "an array of 9 items");
    }
}
