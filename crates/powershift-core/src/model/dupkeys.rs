//! Duplicate keys: every object of the file, with its JSON path and the places of each repeat.
//!
//! JSON allows `{"summary": "a", "summary": "b"}` and serde_json's `Value` silently keeps the last,
//! so a value an editor wrote would be lost without a word. This pass scans the text itself once
//! (after serde_json has accepted it, so the scan can be simple) and reports each key written more
//! than once in one object, `events[12]: key "summary" appears twice (line 340 and line 342)`.
//! Keys are compared after decoding escapes (`"summ\u0061ry"` is `"summary"`). O(size of the text
//! + k log k per object with k keys); iterative, so any nesting depth is fine.

use std::borrow::Cow;

use super::problem::Problem;
use super::reader::{index_path, key_path, quote, Sink};

/// One key as written: its decoded text and where it starts.
struct Key<'t> {
    name: Cow<'t, str>,
    line: usize,
    column: usize,
}

/// How a container is reached from its parent; paths are built only for objects with a duplicate.
enum Seg<'t> {
    Root,
    /// The top-level value is an array (not a dataset, but its items are still checked).
    RootArray,
    Key(Cow<'t, str>),
    Index(usize),
}

enum Frame<'t> {
    Object { seg: Seg<'t>, keys: Vec<Key<'t>>, expect_key: bool, last_key: Option<Cow<'t, str>> },
    Array { seg: Seg<'t>, next: usize },
}

impl<'t> Frame<'t> {
    fn seg(&self) -> &Seg<'t> {
        match self {
            Frame::Object { seg, .. } | Frame::Array { seg, .. } => seg,
        }
    }
}

/// The JSON path of a container: its ancestors' segments, then its own.
fn path_of(stack: &[Frame], last: &Seg) -> String {
    let mut path = String::new();
    for seg in stack.iter().map(Frame::seg).chain(std::iter::once(last)) {
        match seg {
            Seg::Root => {}
            Seg::RootArray => path = "(root)".into(),
            Seg::Key(k) => path = key_path(&path, k),
            Seg::Index(i) => path = index_path(&path, *i),
        }
    }
    if path.is_empty() {
        "(root)".into()
    } else {
        path
    }
}

/// Line and (character) column of byte offsets visited in increasing order, in O(text) overall.
struct Cursor<'t> {
    text: &'t [u8],
    at: usize,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn advance_to(&mut self, to: usize) -> (usize, usize) {
        let to = to.min(self.text.len());
        while self.at < to {
            let b = self.text[self.at];
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
            self.at += 1;
        }
        (self.line, self.column)
    }
}

/// Reports every key written more than once in one object, in the order of the first repeats.
pub(crate) fn duplicate_keys(text: &str, sink: &mut Sink) {
    let (found, skipped) = find(text);
    for p in found {
        sink.report(&p.path, p.message);
    }
    for _ in 0..skipped {
        sink.count_dropped();
    }
}

/// The duplicate keys of `text` as problems (at most [`super::limits::MAX_PROBLEMS`]: the sink
/// would not list more) and how many more there are.
fn find(text: &str) -> (Vec<Problem>, usize) {
    let bytes = text.as_bytes();
    let mut cursor = Cursor { text: bytes, at: 0, line: 1, column: 1 };
    let mut stack: Vec<Frame> = Vec::new();
    let mut found: Vec<((usize, usize), Problem)> = Vec::new();
    let mut skipped = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => {
                let seg = match (stack.is_empty(), bytes[i]) {
                    (true, b'[') => Seg::RootArray,
                    (true, _) => Seg::Root,
                    (false, _) => child_seg(&mut stack),
                };
                stack.push(if bytes[i] == b'{' {
                    Frame::Object { seg, keys: Vec::new(), expect_key: true, last_key: None }
                } else {
                    Frame::Array { seg, next: 0 }
                });
                i += 1;
            }
            b'}' | b']' => {
                if let Some(Frame::Object { seg, keys, .. }) = stack.pop() {
                    report(|| path_of(&stack, &seg), keys, &mut found, &mut skipped);
                }
                i += 1;
            }
            b',' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = true;
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut escaped = false;
                while i < bytes.len() && bytes[i] != b'"' {
                    escaped |= bytes[i] == b'\\';
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                i = end;
                match stack.last_mut() {
                    Some(Frame::Object { keys, expect_key, last_key, .. }) if *expect_key => {
                        let raw = text.get(start + 1..end.saturating_sub(1)).unwrap_or("");
                        let name = if escaped {
                            let quoted = text.get(start..end).unwrap_or("\"\"");
                            serde_json::from_str::<String>(quoted).map_or(Cow::Borrowed(raw), Cow::Owned)
                        } else {
                            Cow::Borrowed(raw)
                        };
                        let (line, column) = cursor.advance_to(start);
                        *last_key = Some(name.clone());
                        keys.push(Key { name, line, column });
                        *expect_key = false;
                    }
                    _ => count_value(&mut stack),
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            _ => {
                // A number, true, false or null: one value up to the next delimiter.
                count_value(&mut stack);
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                }
            }
        }
    }
    // Whatever is left open (only for text serde_json rejected) is closed here.
    while let Some(frame) = stack.pop() {
        if let Frame::Object { seg, keys, .. } = frame {
            report(|| path_of(&stack, &seg), keys, &mut found, &mut skipped);
        }
    }
    crate::sort::sort_by_key(&mut found, |(at, _)| *at);
    (found.into_iter().map(|(_, p)| p).collect(), skipped)
}

/// How a container starting now is reached from the innermost one (and counts it there).
fn child_seg<'t>(stack: &mut [Frame<'t>]) -> Seg<'t> {
    match stack.last_mut() {
        None => Seg::Root,
        Some(Frame::Array { next, .. }) => {
            *next += 1;
            Seg::Index(*next - 1)
        }
        Some(Frame::Object { last_key, .. }) => Seg::Key(last_key.clone().unwrap_or_default()),
    }
}

/// Counts a scalar value in an array (array paths count every item).
fn count_value(stack: &mut [Frame]) {
    if let Some(Frame::Array { next, .. }) = stack.last_mut() {
        *next += 1;
    }
}

/// Reports each key of one object that appears more than once.
fn report(
    path: impl FnOnce() -> String,
    keys: Vec<Key>,
    found: &mut Vec<((usize, usize), Problem)>,
    skipped: &mut usize,
) {
    if keys.len() < 2 {
        return;
    }
    let mut path = Some(path);
    let mut built = String::new();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| keys[a].name.cmp(&keys[b].name).then(a.cmp(&b)));
    let mut g = 0;
    while g < order.len() {
        let mut h = g + 1;
        while h < order.len() && keys[order[h]].name == keys[order[g]].name {
            h += 1;
        }
        if h - g > 1 && found.len() >= super::limits::MAX_PROBLEMS {
            *skipped += 1;
        } else if h - g > 1 {
            let same: Vec<&Key> = order[g..h].iter().map(|&k| &keys[k]).collect();
            let (first, second) = (same[0], same[1]);
            let one_line = same.iter().all(|k| k.line == first.line);
            let place = |k: &Key| {
                if one_line {
                    format!("line {}, column {}", k.line, k.column)
                } else {
                    format!("line {}", k.line)
                }
            };
            let name = quote(&first.name);
            let message = if same.len() == 2 {
                format!("key {name} appears twice ({} and {})", place(first), place(second))
            } else {
                const SHOWN: usize = 5;
                let mut places: Vec<String> = same.iter().take(SHOWN).map(|k| place(k)).collect();
                if same.len() > SHOWN {
                    places.push("…".into());
                }
                let last = places.pop().unwrap_or_default();
                format!("key {name} appears {} times ({} and {last})", same.len(), places.join(", "))
            };
            let at = (second.line, second.column);
            if let Some(make) = path.take() {
                built = make();
            }
            found.push((at, Problem { path: built.clone(), message }));
        }
        g = h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        find(text).0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn no_duplicates_no_problems() {
        assert!(messages(r#"{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}"#).is_empty());
    }

    #[test]
    fn reports_the_path_and_both_lines() {
        let text = "{\n \"events\": [\n  {\"id\": 1},\n  {\n   \"summary\": \"a\",\n   \"summary\": \"b\"\n  }\n ]\n}";
        assert_eq!(messages(text), ["events[1]: key \"summary\" appears twice (line 5 and line 6)"]);
    }

    #[test]
    fn keys_compare_decoded_and_one_line_files_get_columns() {
        assert_eq!(
            messages(r#"{"meta": {"title": "x", "titl\u0065": "y"}}"#),
            ["meta: key \"title\" appears twice (line 1, column 11 and line 1, column 25)"]
        );
        assert_eq!(
            messages(r#"{"a":1,"a":2,"a":3}"#),
            ["(root): key \"a\" appears 3 times (line 1, column 2, line 1, column 8 and line 1, column 14)"]
        );
    }

    #[test]
    fn array_indices_count_every_kind_of_item() {
        assert_eq!(
            messages(r#"[1, "s", [2], {"k": 0}, null, {"k": 1, "k": 2}]"#),
            ["(root)[5]: key \"k\" appears twice (line 1, column 32 and line 1, column 40)"]
        );
    }

    #[test]
    fn hostile_keys_are_quoted_in_paths() {
        let m = messages("{\"a\\nb\": {\"x\": 1, \"x\": 2}}");
        assert_eq!(m, ["[\"a\\nb\"]: key \"x\" appears twice (line 1, column 11 and line 1, column 19)"]);
    }

    #[test]
    fn survives_text_that_is_not_json() {
        for t in ["{", "\"", "{\"a\":1,\"a\"", "]]]}}", "{\"\\", "[[[[[[["] {
            let _ = find(t);
        }
    }
}
