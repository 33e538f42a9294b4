//! Story steps in the format (`story`, optional): the guided reading of a dataset, step by step.
//!
//! ```json
//! "story": [
//!   {"title": "An exclusive start",
//!    "text": "Microsoft invests $1B in OpenAI, and Azure becomes its only cloud [E06].",
//!    "view": {"date": "2019-07-22", "select": "event:E06"}}
//! ]
//! ```
//!
//! A step's `view` holds deep-link keys with string values ([`STEP_VIEW_KEYS`]), read by the same
//! rules as links (`view::select_ref`, `view::hidden_kinds`), so a step and a link cannot disagree
//! on what `select=pair:a,b` or `hide=conflict` means. `[ID]` in the text cites the event with that
//! id ([`text_parts`]); square brackets are kept for these references.
//!
//! Every id a step names is checked against the ids the validator has read, and its date against
//! the story's time range, in the same pass as the rest of the file: a journalist sees the steps'
//! problems together with the events' ones.

use serde_json::Value;

use super::dataset::{Step, StepView};
use super::groups::RelationGroup;
use super::kinds::RelationKind;
use super::limits;
use super::reader::{as_text, key_path, quote, Obj, Shape, Sink};
use crate::date::Date;
use crate::view::{hidden_kinds, select_ref, SelectRef, SELECT_FORMS};

/// The keys of a step's `view`: the deep-link keys that make a picture (the date, what is selected,
/// whose relationships are shown, which kinds are hidden). `compare`, `q` and `step` are left out: a
/// step shows one date, the search box is the reader's, and a step does not point at another step.
pub const STEP_VIEW_KEYS: [&str; 4] = ["date", "select", "focus", "hide"];

/// A step object.
pub(super) static STEP: Shape = Shape {
    keys: &["title", "text", "view"],
    texts: &[("title", limits::STEP_TITLE), ("text", limits::STEP_TEXT)],
    lists: &[],
};

/// A step's `view` object.
pub(super) static STEP_VIEW: Shape = Shape { keys: &STEP_VIEW_KEYS, texts: &[], lists: &[] };

/// The ids a step may name. Implemented over what the validator has read: every id defined, even
/// by an item with other problems (so one mistake is not reported twice), and any id at all when the
/// whole list could not be read (its one problem is already reported).
pub(super) trait KnownIds {
    /// Whether an organisation has this id.
    fn has_org(&self, id: &str) -> bool;
    /// Whether an event has this id.
    fn has_event(&self, id: &str) -> bool;
    /// Whether a relationship has this id.
    fn has_rel(&self, id: &str) -> bool;
}

/// Whether `s` is an id of the format: 1–64 ASCII letters, digits, `_`, `-`, `.`, starting with a
/// letter or digit.
pub(crate) fn is_id(s: &str) -> bool {
    s.len() <= 64
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// A piece of a step's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextPart<'a> {
    /// Words, shown as they are.
    Text(&'a str),
    /// `[ID]`: a reference to the event with this id (the app shows it as a button that selects it).
    Event(&'a str),
}

/// A step's text split into words and event references `[ID]`, in order. A bracket that starts or
/// ends no reference stays in the text (validation reports it). O(length).
///
/// ```
/// use powershift_core::model::{text_parts, TextPart};
/// assert_eq!(
///     text_parts("Azure becomes the only cloud [E06]."),
///     [TextPart::Text("Azure becomes the only cloud "), TextPart::Event("E06"), TextPart::Text(".")]
/// );
/// assert_eq!(text_parts("a [b c] d"), [TextPart::Text("a [b c] d")]);
/// ```
pub fn text_parts(text: &str) -> Vec<TextPart<'_>> {
    scan(text).0
}

/// The parts, and the brackets that belong to no reference (1-based character position, bracket).
fn scan(text: &str) -> (Vec<TextPart<'_>>, Vec<(usize, char)>) {
    let (mut parts, mut strays) = (Vec::new(), Vec::new());
    let bytes = text.as_bytes();
    let (mut plain, mut i) = (0, 0);
    let position = |i: usize| text[..i].chars().count() + 1;
    // Brackets are ASCII, so byte positions of `[` and `]` are character boundaries.
    while i < bytes.len() {
        match bytes[i] {
            b'[' => {
                let id = text[i + 1..].find(']').map(|len| &text[i + 1..i + 1 + len]).filter(|id| is_id(id));
                match id {
                    Some(id) => {
                        if plain < i {
                            parts.push(TextPart::Text(&text[plain..i]));
                        }
                        parts.push(TextPart::Event(id));
                        i += id.len() + 2;
                        plain = i;
                    }
                    None => {
                        strays.push((position(i), '['));
                        i += 1;
                    }
                }
            }
            b']' => {
                strays.push((position(i), ']'));
                i += 1;
            }
            _ => i += 1,
        }
    }
    if plain < text.len() {
        parts.push(TextPart::Text(&text[plain..]));
    }
    (parts, strays)
}

/// Reads one step at `path`, reporting every problem: the shape and text rules, event references
/// that name no event, and a view whose keys are unknown, whose date is malformed or outside the
/// story's `range` (unchecked when `None`: the range itself could not be read), or whose ids and
/// names are not in the dataset.
pub(super) fn step(
    v: &Value,
    path: &str,
    ids: &impl KnownIds,
    range: Option<(Date, Date)>,
    s: &mut Sink,
) -> Option<Step> {
    let o = Obj::open(v, path, &STEP, s)?;
    let title = o.text("title", s);
    let text = o.text("text", s);
    if let Some(t) = &text {
        check_references(t, &key_path(path, "text"), ids, s);
    }
    let view = o.required("view", s, |s, v, p| step_view(v, p, ids, range, s));
    Some(Step { title: title?, text: text?, view: view? })
}

fn check_references(text: &str, path: &str, ids: &impl KnownIds, s: &mut Sink) {
    let (parts, strays) = scan(text);
    for (at, bracket) in strays {
        s.report(
            path,
            format!(
                "'{bracket}' at character {at} is not part of an event reference; square brackets are kept for references such as [E06]"
            ),
        );
    }
    for part in parts {
        if let TextPart::Event(id) = part {
            if !ids.has_event(id) {
                s.report(path, format!("[{id}] refers to no event: unknown event id {}", quote(id)));
            }
        }
    }
}

fn step_view(
    v: &Value,
    path: &str,
    ids: &impl KnownIds,
    range: Option<(Date, Date)>,
    s: &mut Sink,
) -> Option<StepView> {
    let o = Obj::open(v, path, &STEP_VIEW, s)?;
    let date = o.date("date", s);
    if let (Some(d), Some((start, end))) = (date, range) {
        let p = key_path(path, "date");
        if d.start < start {
            s.report(&p, format!("{d} is before the story's time range, which starts on {start}"));
        } else if d.start > end {
            s.report(&p, format!("{d} is after the story's time range, which ends on {end}"));
        }
    }
    let select = o.optional("select", s, |s, v, p| {
        let t = as_text(v, p, s)?;
        check_select(&t, p, ids, s).then_some(t)
    });
    let focus = o.optional("focus", s, |s, v, p| {
        let t = as_text(v, p, s)?;
        let known = is_id(&t) && ids.has_org(&t);
        if !known {
            s.report(p, format!("unknown organisation id {}", quote(&t)));
        }
        known.then_some(t)
    });
    let hide = o.optional("hide", s, |s, v, p| {
        let t = as_text(v, p, s)?;
        let problem = match hidden_kinds(&t) {
            Ok(kinds) if kinds.is_empty() => Some(format!("{} names no relationship kind or group", quote(&t))),
            Ok(_) => None,
            Err((_, bad)) => Some(format!(
                "unknown relationship kind or group {}; expected kinds ({}) or groups ({}), comma-separated",
                quote(bad),
                RelationKind::expected(),
                RelationGroup::expected()
            )),
        };
        match problem {
            Some(m) => {
                s.report(p, m);
                None
            }
            None => Some(t),
        }
    });
    Some(StepView { date: date?, select: select?, focus: focus?, hide: hide? })
}

/// Reports a selection that is not of a known form or names an id the dataset lacks; whether it is
/// fine.
fn check_select(v: &str, path: &str, ids: &impl KnownIds, s: &mut Sink) -> bool {
    let unknown = |what: &str, id: &str, known: bool, s: &mut Sink| {
        if !known {
            s.report(path, format!("unknown {what} id {}", quote(id)));
        }
        known
    };
    match select_ref(v) {
        None => {
            s.report(path, format!("{} is not a selection; write {SELECT_FORMS}", quote(v)));
            false
        }
        Some(SelectRef::Org(id)) => unknown("organisation", id, is_id(id) && ids.has_org(id), s),
        Some(SelectRef::Event(id)) => unknown("event", id, is_id(id) && ids.has_event(id), s),
        Some(SelectRef::Rel(id)) => unknown("relationship", id, is_id(id) && ids.has_rel(id), s),
        Some(SelectRef::Pair(a, b)) => {
            let a_ok = unknown("organisation", a, is_id(a) && ids.has_org(a), s);
            let b_ok = unknown("organisation", b, is_id(b) && ids.has_org(b), s);
            if a_ok && b_ok && a == b {
                s.report(path, format!("{} names the same organisation twice", quote(v)));
                return false;
            }
            a_ok && b_ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_ids_in_brackets_and_other_brackets_are_strays() {
        let (parts, strays) = scan("[E06] then [a b], x] and [E-7.b][E08]");
        assert_eq!(
            parts,
            [
                TextPart::Event("E06"),
                TextPart::Text(" then [a b], x] and "),
                TextPart::Event("E-7.b"),
                TextPart::Event("E08"),
            ]
        );
        assert_eq!(strays, [(12, '['), (16, ']'), (20, ']')]);
        // Positions count characters, not bytes.
        assert_eq!(scan("é [").1, [(3, '[')]);
        assert_eq!(scan("[]").1, [(1, '['), (2, ']')]);
        assert_eq!(text_parts(""), []);
    }
}
