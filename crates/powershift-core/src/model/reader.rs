//! A path-tracking reader over `serde_json::Value` that reports, rather than stops at, problems.
//!
//! serde's derive stops at the first error; journalists need every problem at once. So validation
//! walks the parsed JSON tree by hand: each accessor records a [`Problem`] with the exact JSON path
//! when a field is missing, of the wrong type or unknown, and returns `None`, and the walk goes on.

use serde_json::{Map, Value};

use super::problem::Problem;
use crate::date::FuzzyDate;

/// Collects problems.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) problems: Vec<Problem>,
}

impl Sink {
    pub(crate) fn report(&mut self, path: &str, message: impl Into<String>) {
        let path = if path.is_empty() { "(root)".to_string() } else { path.to_string() };
        self.problems.push(Problem { path, message: message.into() });
    }
}

/// `parent.key`, or `key` at the root.
pub(crate) fn key_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
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
/// the error list.
pub(crate) fn quote(s: &str) -> String {
    const MAX: usize = 80;
    let cut: String = s.chars().take(MAX).collect();
    let mut q = serde_json::to_string(&cut).unwrap_or_else(|_| "\"?\"".into());
    if s.chars().count() > MAX {
        q.insert(q.len() - 1, '…');
    }
    q
}

/// An object being read: remembers which keys were used so the rest can be reported as unknown.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
    pub(crate) path: String,
    known: &'static [&'static str],
}

impl<'a> Obj<'a> {
    /// Opens `v` as an object with the given known keys; reports and returns `None` otherwise.
    pub(crate) fn open(v: &'a Value, path: &str, known: &'static [&'static str], sink: &mut Sink) -> Option<Obj<'a>> {
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
                Some(Obj { map, path: path.to_string(), known })
            }
            other => {
                sink.report(path, format!("expected an object, found {}", type_name(other)));
                None
            }
        }
    }

    /// A present, non-null field (null counts as absent: optional fields may be written `null`).
    pub(crate) fn get(&self, key: &str) -> Option<(&'a Value, String)> {
        debug_assert!(self.known.contains(&key), "reading undeclared key {key}");
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

    /// A required string with visible content ("empty names" are problems).
    pub(crate) fn text(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let (v, p) = self.req(key, sink)?;
        as_text(v, &p, sink)
    }

    /// An optional string (may be empty).
    pub(crate) fn opt_string(&self, key: &str, sink: &mut Sink) -> Option<String> {
        let (v, p) = self.get(key)?;
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                sink.report(&p, format!("expected a string, found {}", type_name(other)));
                None
            }
        }
    }

    /// A required date.
    pub(crate) fn date(&self, key: &str, sink: &mut Sink) -> Option<FuzzyDate> {
        let (v, p) = self.req(key, sink)?;
        as_date(v, &p, sink)
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

    /// An array field: required when `required`, else empty when absent.
    pub(crate) fn array(&self, key: &str, required: bool, sink: &mut Sink) -> Option<(&'a Vec<Value>, String)> {
        let got = if required { self.req(key, sink) } else { self.get(key) };
        let (v, p) = got?;
        match v {
            Value::Array(a) => Some((a, p)),
            other => {
                sink.report(&p, format!("expected an array, found {}", type_name(other)));
                None
            }
        }
    }
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
