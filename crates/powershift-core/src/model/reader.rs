//! A path-tracking reader over `serde_json::Value` that reports, rather than stops at, problems.
//!
//! serde's derive stops at the first error; journalists need every problem at once. So validation
//! walks the parsed JSON tree by hand: each accessor records a [`Problem`] with the exact JSON path
//! when a field is missing, of the wrong type or unknown, breaks a text rule or a list limit of the
//! object's [`Shape`], and returns `None`, and the walk goes on.
//!
//! The helpers: [`Obj::required`] / [`Obj::optional`] read one field with its path (reporting a
//! missing required one); [`Obj::text`] / [`Obj::opt_text`] / [`Obj::texts`] read texts under the
//! shape's rule; [`Obj::items`] / [`Obj::list`] read every item of a list, then [`all_or_none`]
//! keeps all of them or nothing, after every item's problems are reported.

use serde_json::{Map, Value};

use super::limits::{CountRule, TextKind, TextRule, MAX_PROBLEMS};
use super::problem::Problem;
use super::text::{self, is_unsafe_to_echo};
use crate::date::FuzzyDate;

/// Collects problems, at most [`MAX_PROBLEMS`]; the rest are only counted.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) problems: Vec<Problem>,
    dropped: usize,
}

impl Sink {
    pub(crate) fn report(&mut self, path: &str, message: impl Into<String>) {
        if self.is_full() {
            self.dropped += 1;
            return;
        }
        let path = if path.is_empty() { "(root)".to_string() } else { path.to_string() };
        self.problems.push(Problem { path, message: message.into() });
    }

    /// Whether further problems are only counted (callers may skip formatting them).
    pub(crate) fn is_full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    /// Counts a problem without formatting it (the sink is full).
    pub(crate) fn count_dropped(&mut self) {
        self.dropped += 1;
    }

    /// Whether nothing was reported.
    pub(crate) fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems, with a last one counting those not listed.
    pub(crate) fn finish(mut self) -> Vec<Problem> {
        if self.dropped > 0 {
            self.problems.push(Problem {
                path: "(root)".into(),
                message: format!(
                    "{} more problems are not listed (at most {MAX_PROBLEMS} are); fix these and validate again",
                    self.dropped
                ),
            });
        }
        self.problems
    }
}

/// Where a reader helper sends its problems: the [`Sink`] itself, or a validator that owns one, so
/// that a field's reading closure can use the validator's own state (ids seen so far).
pub(crate) trait HasSink {
    fn sink(&mut self) -> &mut Sink;
}

impl HasSink for Sink {
    fn sink(&mut self) -> &mut Sink {
        self
    }
}

/// `parent.key`, or `key` at the root. A key that is not a plain name (letters, digits, `_`, `-`,
/// `$`; at most 64) is written `parent["key"]`, quoted and cut by [`quote`], so a hostile key can
/// neither break the one-problem-per-line output nor flood it.
pub(crate) fn key_path(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.len() <= 64
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'$'));
    match (plain, parent.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{parent}.{key}"),
        (false, _) => format!("{parent}[{}]", quote(key)),
    }
}

/// `parent[i]`.
pub(crate) fn index_path(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// "a string", "a number"…: what a value is, for messages.
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A string quoted as JSON and cut to a readable length, so hostile or huge values cannot flood
/// the error list; control, bidirectional and zero-width characters are escaped (`\u202e`), so an
/// echoed value can neither hide nor reorder the message around it.
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 80;
    let mut q = String::from("\"");
    for (n, c) in s.chars().enumerate() {
        if n == MAX {
            q.push('…');
            break;
        }
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            c if is_unsafe_to_echo(c) => q.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// The rules for one kind of object: its keys, the rule of each text field (for a list of texts,
/// the rule of each item) and the most items of each list field.
#[derive(Debug)]
pub(crate) struct Shape {
    pub(crate) keys: &'static [&'static str],
    pub(crate) texts: &'static [(&'static str, TextRule)],
    pub(crate) lists: &'static [(&'static str, CountRule)],
}

impl Shape {
    fn text_rule(&self, key: &str) -> TextRule {
        let rule = self.texts.iter().find(|(k, _)| *k == key).map(|(_, r)| *r);
        debug_assert!(rule.is_some(), "no text rule for {key}");
        rule.unwrap_or(TextRule { kind: TextKind::Line, max_chars: 160 })
    }
}

/// How many items a list field needs.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Need {
    /// May be absent (then empty).
    Optional,
    /// Must be present; may be empty.
    Required,
    /// Must be present with at least this many items; the message says why.
    AtLeast(usize, &'static str),
}

/// Every item read (so every problem is reported), then all of them or nothing: the one way this
/// module turns per-item results into a list.
pub(crate) fn all_or_none<T>(items: Vec<Option<T>>) -> Option<Vec<T>> {
    items.into_iter().collect()
}

/// An object being read: remembers which keys were used so the rest can be reported as unknown.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    pub(crate) path: String,
    shape: &'static Shape,
}

impl<'a> Obj<'a> {
    /// Opens `v` as an object of the given shape; reports unknown keys; reports and returns `None`
    /// when `v` is not an object.
    pub(crate) fn open(v: &'a Value, path: &str, shape: &'static Shape, sink: &mut Sink) -> Option<Obj<'a>> {
        let known = shape.keys;
        match v {
            Value::Object(map) => {
                for key in map.keys() {
                    if !known.contains(&key.as_str()) {
                        let list = known.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
                        sink.report(
                            &key_path(path, key),
                            format!("unknown field {}; expected one of {list}", quote(key)),
                        );
                    }
                }
                Some(Obj { map, path: path.to_string(), shape })
            }
            other => {
                sink.report(path, format!("expected an object, found {}", type_name(other)));
                None
            }
        }
    }

    /// A present, non-null field (null counts as absent: optional fields may be written `null`).
    pub(crate) fn get(&self, key: &str) -> Option<(&'a Value, String)> {
        debug_assert!(self.shape.keys.contains(&key), "reading undeclared key {key}");
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some((v, key_path(&self.path, key))),
        }
    }

    /// A required field; reports when missing.
    pub(crate) fn req(&self, key: &str, sink: &mut Sink) -> Option<(&'a Value, String)> {
        let got = self.get(key);
        if got.is_none() {
            sink.report(&key_path(&self.path, key), "is required but missing");
        }
        got
    }

    /// A required field read by `read(cx, value, path)`; reports when missing.
    pub(crate) fn required<C: HasSink, T>(
        &self,
        key: &str,
        cx: &mut C,
        read: impl FnOnce(&mut C, &'a Value, &str) -> Option<T>,
    ) -> Option<T> {
        let (v, p) = self.req(key, cx.sink())?;
        read(cx, v, &p)
    }

    /// An optional field read by `read(cx, value, path)`: `Some(None)` when absent, `None` when
    /// present but unreadable (the problem is reported).
    pub(crate) fn optional<C: HasSink, T>(
        &self,
        key: &str,
        cx: &mut C,
        read: impl FnOnce(&mut C, &'a Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match self.get(key) {
            None => Some(None),
            Some((v, p)) => read(cx, v, &p).map(Some),
        }
    }

    /// A required string with visible content ("empty names" are problems) that follows the
    /// shape's text rule.
    pub(crate) fn text(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let rule = self.shape.text_rule(key);
        self.required(key, sink, |s, v, p| as_checked_text(v, p, rule, s))
    }

    /// An optional string (may be empty) that follows the shape's text rule.
    pub(crate) fn opt_text(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let rule = self.shape.text_rule(key);
        let (v, p) = self.get(key)?;
        match v {
            Value::String(s) => {
                check_text(s, &p, rule, sink);
                Some(s.clone())
            }
            other => {
                sink.report(&p, format!("expected a string, found {}", type_name(other)));
                None
            }
        }
    }

    /// A required date.
    pub(crate) fn date(&self, key: &str, sink: &mut Sink) -> Option<FuzzyDate> {
        self.required(key, sink, |s, v, p| as_date(v, p, s))
    }

    /// An optional date.
    pub(crate) fn opt_date(&self, key: &str, sink: &mut Sink) -> Option<FuzzyDate> {
        let (v, p) = self.get(key)?;
        as_date(v, &p, sink)
    }

    /// An optional boolean, `default` when absent.
    pub(crate) fn bool_or(&self, key: &str, default: bool, sink: &mut Sink) -> bool {
        match self.get(key) {
            None => default,
            Some((Value::Bool(b), _)) => *b,
            Some((other, p)) => {
                sink.report(&p, format!("expected true or false, found {}", type_name(other)));
                default
            }
        }
    }

    /// A list field, each item read by `item(cx, value, path, index)`: `None` when the field is
    /// missing (and `need` requires it), not an array or longer than the shape's limit (reported,
    /// and its items are not read); otherwise every item's result, after reporting a list that is
    /// too short.
    pub(crate) fn items<C: HasSink, T>(
        &self,
        key: &str,
        need: Need,
        cx: &mut C,
        mut item: impl FnMut(&mut C, &'a Value, &str, usize) -> Option<T>,
    ) -> Option<Vec<Option<T>>> {
        let got = match need {
            Need::Optional => match self.get(key) {
                None => return Some(Vec::new()),
                got => got,
            },
            Need::Required | Need::AtLeast(..) => self.req(key, cx.sink()),
        };
        let (v, p) = got?;
        let Value::Array(a) = v else {
            cx.sink().report(&p, format!("expected an array, found {}", type_name(v)));
            return None;
        };
        if let Need::AtLeast(min, message) = need {
            if a.len() < min {
                cx.sink().report(&p, message);
            }
        }
        if let Some((_, limit)) = self.shape.lists.iter().find(|(k, _)| *k == key) {
            if a.len() > limit.max_items {
                // The items are not read: a list far over its limit could cost millions of problems.
                let message = format!(
                    "lists {} {}; at most {} are allowed (the items are not checked until it fits)",
                    a.len(),
                    limit.what,
                    limit.max_items
                );
                cx.sink().report(&p, message);
                return None;
            }
        }
        Some(a.iter().enumerate().map(|(i, x)| item(cx, x, &index_path(&p, i), i)).collect())
    }

    /// A list field read all-or-none ([`all_or_none`]); `None` also when it is shorter than `need`.
    pub(crate) fn list<C: HasSink, T>(
        &self,
        key: &str,
        need: Need,
        cx: &mut C,
        item: impl FnMut(&mut C, &'a Value, &str, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        let min = if let Need::AtLeast(min, _) = need { min } else { 0 };
        all_or_none(self.items(key, need, cx, item)?).filter(|v| v.len() >= min)
    }

    /// A list of required texts, each following the shape's text rule for `key`.
    pub(crate) fn texts(&self, key: &str, need: Need, sink: &mut Sink) -> Option<Vec<String>> {
        let rule = self.shape.text_rule(key);
        self.list(key, need, sink, |s, v, p, _| as_checked_text(v, p, rule, s))
    }
}

/// Reports every problem of `s` under `rule` at `path`; whether there were none.
pub(crate) fn check_text(s: &str, path: &str, rule: TextRule, sink: &mut Sink) -> bool {
    let problems = text::check(s, rule);
    let ok = problems.is_empty();
    for m in problems {
        sink.report(path, m);
    }
    ok
}

/// A string with visible content that follows `rule` (the value is kept even when it breaks the
/// rule: the problem is reported, and the rest of the item is still checked).
pub(crate) fn as_checked_text(v: &Value, path: &str, rule: TextRule, sink: &mut Sink) -> Option<String> {
    let s = as_text(v, path, sink)?;
    check_text(&s, path, rule, sink);
    Some(s)
}

/// A string with visible content.
pub(crate) fn as_text(v: &Value, path: &str, sink: &mut Sink) -> Option<String> {
    match v {
        Value::String(s) if s.trim().is_empty() => {
            sink.report(path, "must not be empty");
            None
        }
        Value::String(s) => Some(s.clone()),
        other => {
            sink.report(path, format!("expected a string, found {}", type_name(other)));
            None
        }
    }
}

/// A date string.
pub(crate) fn as_date(v: &Value, path: &str, sink: &mut Sink) -> Option<FuzzyDate> {
    match v {
        Value::String(s) => match FuzzyDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                sink.report(path, format!("{} {e}", quote(s)));
                None
            }
        },
        other => {
            sink.report(
                path,
                format!("expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), found {}", type_name(other)),
            );
            None
        }
    }
}

/// A value of a closed vocabulary, parsed by `parse`, with `expected` listing the allowed names.
pub(crate) fn as_enum<T>(
    v: &Value,
    path: &str,
    what: &str,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
    sink: &mut Sink,
) -> Option<T> {
    match v {
        Value::String(s) => {
            let parsed = parse(s);
            if parsed.is_none() {
                sink.report(path, format!("unknown {what} {}; expected one of {}", quote(s), expected()));
            }
            parsed
        }
        other => {
            sink.report(path, format!("expected a {what} name (a string), found {}", type_name(other)));
            None
        }
    }
}
