//! Validation: JSON text → [`Dataset`], or every problem with its place.
//!
//! [`Dataset::from_json_str`] and [`Dataset::from_json_slice`] run four passes, each reporting every
//! problem it finds with its JSON path rather than stopping at the first:
//!
//! 1. **size**: a text longer than [`limits::MAX_FILE_BYTES`] is refused before parsing;
//! 2. **syntax**: serde_json parses the text into a tree ([`LoadError::Syntax`] with line and column
//!    when it is not JSON; serde_json's recursion limit bounds the nesting);
//! 3. **duplicate keys** ([`super::dupkeys`]): the parsed tree keeps only the last of two equal keys,
//!    so the text itself is scanned once more and every key written twice in one object is reported
//!    with both lines;
//! 4. **the tree** ([`Dataset::from_value`], which is all a caller with an already parsed
//!    `serde_json::Value` gets): for each item, its structure (types, required and unknown fields,
//!    vocabularies, dates, URLs, amounts), the text rules of every string that reaches a reader
//!    ([`super::text`]: control, bidirectional and zero-width characters, NFC, lengths) and the
//!    count limits of every list ([`super::limits`]); and, because organisations and events are
//!    read before the items that refer to them, every cross-reference (unknown and duplicate ids,
//!    phase order and overlap, dates before an organisation's founding).
//!
//! At most [`limits::MAX_PROBLEMS`] problems are listed (a last one counts the rest), and a list
//! longer than its limit is reported without reading its items: together with the size limit, this
//! bounds what a hostile file can cost.
//!
//! Each kind of object is described once, as a [`Shape`] (its keys, the rule of each text field,
//! the limit of each list); the reader ([`super::reader`]) applies it. A test checks the shapes and
//! the vocabularies against the JSON Schema (`static/data/powershift.schema.json`).
//!
//! Cost: O(size of the document + p² per relationship with p ≤ [`limits::PHASES`] phases; a longer
//! phase list is reported and not read).

use std::collections::BTreeMap;

use serde_json::Value;

use super::dataset::{range_of, *};
use super::kinds::*;
use super::limits::{self, CountRule, TextRule};
use super::problem::{LoadError, Problem};
use super::reader::{
    all_or_none, as_enum, as_text, check_text, index_path, quote, type_name, HasSink, Need, Obj, Shape, Sink,
};
use crate::date::{Date, FuzzyDate};

/// The only format version this code reads.
pub const FORMAT_VERSION: u64 = 1;

const ROOT_KEYS: &[&str] = &["$schema", "format_version", "meta", "organisations", "events", "relationships", "story"];
const META_KEYS: &[&str] = &["title", "subtitle", "headline", "description", "as_of", "start", "credit", "notes"];
const ORG_KEYS: &[&str] = &["id", "name", "short_name", "kind", "description", "founded"];
const EVENT_KEYS: &[&str] = &[
    "id",
    "date",
    "end",
    "date_note",
    "title",
    "kinds",
    "organisations",
    "amounts",
    "summary",
    "confidence",
    "sources",
];
const AMOUNT_KEYS: &[&str] = &["value", "currency", "qualifiers", "from", "to", "label", "alternatives"];
const CONFIDENCE_KEYS: &[&str] = &["level", "note", "conflicts"];
const CONFLICT_KEYS: &[&str] = &["about", "values", "note"];
const SOURCE_KEYS: &[&str] = &["publisher", "kind", "title", "url", "date", "note", "independent"];
const REL_KEYS: &[&str] = &["id", "from", "to", "kind", "directed", "label", "phases"];
const PHASE_KEYS: &[&str] =
    &["start", "start_uncertain", "end", "end_scheduled", "status", "state", "confidence", "summary", "events"];

const fn shape(
    keys: &'static [&'static str],
    texts: &'static [(&'static str, TextRule)],
    lists: &'static [(&'static str, CountRule)],
) -> Shape {
    Shape { keys, texts, lists }
}

static ROOT: Shape = shape(
    ROOT_KEYS,
    &[],
    &[
        ("organisations", limits::ORGANISATIONS),
        ("events", limits::EVENTS),
        ("relationships", limits::RELATIONSHIPS),
        ("story", limits::STEPS),
    ],
);
static META: Shape = shape(
    META_KEYS,
    &[
        ("title", limits::META_TITLE),
        ("subtitle", limits::META_SUBTITLE),
        ("headline", limits::META_HEADLINE),
        ("description", limits::META_DESCRIPTION),
        ("credit", limits::META_CREDIT),
        ("notes", limits::META_NOTE),
    ],
    &[("notes", limits::NOTES)],
);
static ORG: Shape = shape(
    ORG_KEYS,
    &[("name", limits::ORG_NAME), ("short_name", limits::ORG_SHORT_NAME), ("description", limits::ORG_DESCRIPTION)],
    &[],
);
static EVENT: Shape = shape(
    EVENT_KEYS,
    &[("date_note", limits::EVENT_DATE_NOTE), ("title", limits::EVENT_TITLE), ("summary", limits::EVENT_SUMMARY)],
    &[
        ("kinds", limits::EVENT_KINDS),
        ("organisations", limits::EVENT_ORGANISATIONS),
        ("amounts", limits::AMOUNTS),
        ("sources", limits::SOURCES),
    ],
);
static AMOUNT: Shape = shape(
    AMOUNT_KEYS,
    &[("label", limits::AMOUNT_LABEL)],
    &[("qualifiers", limits::QUALIFIERS), ("alternatives", limits::ALTERNATIVES)],
);
static CONFIDENCE: Shape =
    shape(CONFIDENCE_KEYS, &[("note", limits::CONFIDENCE_NOTE)], &[("conflicts", limits::CONFLICTS)]);
static CONFLICT: Shape = shape(
    CONFLICT_KEYS,
    &[("values", limits::CONFLICT_VALUE), ("note", limits::CONFLICT_NOTE)],
    &[("values", limits::CONFLICT_VALUES)],
);
static SOURCE: Shape = shape(
    SOURCE_KEYS,
    &[
        ("publisher", limits::SOURCE_PUBLISHER),
        ("title", limits::SOURCE_TITLE),
        ("url", limits::SOURCE_URL),
        ("note", limits::SOURCE_NOTE),
    ],
    &[],
);
static REL: Shape = shape(REL_KEYS, &[("label", limits::REL_LABEL)], &[("phases", limits::PHASES)]);
static PHASE: Shape = shape(
    PHASE_KEYS,
    &[("status", limits::PHASE_STATUS), ("summary", limits::PHASE_SUMMARY)],
    &[("events", limits::PHASE_EVENTS)],
);

impl Dataset {
    /// Parses and validates a dataset.
    ///
    /// Returns [`LoadError::Syntax`] with line and column for malformed JSON, and
    /// [`LoadError::Invalid`] with **every** problem found otherwise (a text over
    /// [`limits::MAX_FILE_BYTES`] is one problem at `(root)`, found before parsing). Never panics,
    /// whatever the input.
    ///
    /// ```
    /// use powershift_core::model::{Dataset, LoadError};
    /// let err = Dataset::from_json_str("{\"format_version\": 1,").unwrap_err();
    /// assert!(matches!(err, LoadError::Syntax { line: 1, .. }));
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset, LoadError> {
        let value = Dataset::parse_json(text)?;
        Dataset::from_parsed_json(text, &value)
    }

    /// The first half of [`Dataset::from_json_str`]: the size check and the JSON syntax, for a
    /// caller that spreads loading over two tasks (the page, so neither blocks a tap for long).
    pub fn parse_json(text: &str) -> Result<Value, LoadError> {
        check_size(text.len())?;
        serde_json::from_str(text).map_err(|e| LoadError::from_json(&e))
    }

    /// The second half of [`Dataset::from_json_str`]: every check of `value`, which
    /// [`Dataset::parse_json`] parsed from `text` (the duplicate-key pass reads the text).
    pub fn from_parsed_json(text: &str, value: &Value) -> Result<Dataset, LoadError> {
        Dataset::from_checked_text(text, value)
    }

    /// Parses and validates a dataset from bytes (rejects invalid UTF-8 with its position).
    pub fn from_json_slice(bytes: &[u8]) -> Result<Dataset, LoadError> {
        check_size(bytes.len())?;
        let value: Value = serde_json::from_slice(bytes).map_err(|e| LoadError::from_json(&e))?;
        // serde_json accepted the bytes, so they are UTF-8.
        let text = std::str::from_utf8(bytes).map_err(|_| LoadError::Invalid(vec![not_utf8()]))?;
        Dataset::from_checked_text(text, &value)
    }

    /// The duplicate-key pass over the text, then the tree; problems of both, in that order.
    fn from_checked_text(text: &str, value: &Value) -> Result<Dataset, LoadError> {
        Dataset::validation(Some(text), value).finish()
    }

    /// [`Dataset::from_parsed_json`] (with `text`) or [`Dataset::from_value`] (without) in steps.
    pub fn validation<'a>(text: Option<&'a str>, value: &'a Value) -> Validation<'a> {
        Validation::new(text, value, Sink::default())
    }

    /// Validates an already parsed JSON value (every pass but the size and duplicate-key ones: a
    /// `Value` has already dropped all but the last of two equal keys).
    pub fn from_value(value: &Value) -> Result<Dataset, LoadError> {
        Validator::run(value, Sink::default())
    }
}

/// Refuses a text over [`limits::MAX_FILE_BYTES`].
fn check_size(bytes: usize) -> Result<(), LoadError> {
    if bytes > limits::MAX_FILE_BYTES {
        return Err(LoadError::Invalid(vec![Problem { path: "(root)".into(), message: too_large(bytes as u64) }]));
    }
    Ok(())
}

/// "the file is 20 000 000 bytes (19.1 MiB); the limit is 16 777 216 bytes (16 MiB)".
pub fn too_large(bytes: u64) -> String {
    format!(
        "the file is {} bytes ({}); the limit is {} bytes ({})",
        bytes,
        mib(bytes),
        limits::MAX_FILE_BYTES,
        mib(limits::MAX_FILE_BYTES as u64)
    )
}

fn mib(bytes: u64) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m.fract() == 0.0 {
        format!("{m} MiB")
    } else {
        format!("{m:.1} MiB")
    }
}

fn not_utf8() -> Problem {
    Problem { path: "(root)".into(), message: "the file is not UTF-8 text".into() }
}

/// Which namespace an id lives in: ids must be unique within each, not across them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum IdKind {
    Organisation,
    Event,
    Relationship,
}

#[derive(Default)]
struct Validator {
    sink: Sink,
    org_by_id: BTreeMap<String, OrgIx>,
    event_by_id: BTreeMap<String, EventIx>,
    /// Where each id was first defined, for duplicate messages.
    first_path: BTreeMap<(IdKind, String), String>,
    founded: Vec<Option<FuzzyDate>>,
    org_ids: Vec<String>,
    /// True when the `organisations` (or `events`) array itself could not be read: references to
    /// them are then not reported one by one, since the one real problem is already reported.
    orgs_unreadable: bool,
    events_unreadable: bool,
    rels_unreadable: bool,
}

/// The ids read so far, as story steps may name them (see [`super::story::KnownIds`]).
struct KnownIdsOf<'a> {
    first_path: &'a BTreeMap<(IdKind, String), String>,
    unreadable: [bool; 3],
}

impl KnownIdsOf<'_> {
    fn has(&self, kind: IdKind, id: &str) -> bool {
        let unreadable = match kind {
            IdKind::Organisation => self.unreadable[0],
            IdKind::Event => self.unreadable[1],
            IdKind::Relationship => self.unreadable[2],
        };
        unreadable || self.first_path.contains_key(&(kind, id.to_string()))
    }
}

impl super::story::KnownIds for KnownIdsOf<'_> {
    fn has_org(&self, id: &str) -> bool {
        self.has(IdKind::Organisation, id)
    }
    fn has_event(&self, id: &str) -> bool {
        self.has(IdKind::Event, id)
    }
    fn has_rel(&self, id: &str) -> bool {
        self.has(IdKind::Relationship, id)
    }
}

impl HasSink for Validator {
    fn sink(&mut self) -> &mut Sink {
        &mut self.sink
    }
}

/// What the tree pass has read so far, between the steps of a [`Validation`].
struct Partial<'a> {
    root: Obj<'a>,
    format_version: Option<u32>,
    meta: Option<Meta>,
    orgs: Option<Vec<Option<Organisation>>>,
    events: Option<Vec<Option<Event>>>,
}

/// Where a [`Validation`] is.
enum Step<'a> {
    /// The duplicate-key pass over the text (only when the text is given), then the tree.
    Text(&'a str, &'a Value),
    /// The root, the format version, the metadata and the organisations.
    Start(&'a Value),
    /// The events.
    Events(Partial<'a>),
    /// The relationships, the story, then the dataset.
    End(Partial<'a>),
    /// Finished.
    Done(Result<Dataset, LoadError>),
}

/// Validation in steps, for a caller that spreads it over several tasks (the page at load: each
/// step is at most a few tens of milliseconds on a slow phone, so a tap is never kept waiting for
/// the whole validation). The steps are the passes and parts of [`Dataset::from_json_str`], run in
/// the same order, so the result is the same, problems and their order included. O(1) steps: at
/// most five.
///
/// ```
/// use powershift_core::model::Dataset;
/// let text = include_str!("../../tests/res/tiny.json");
/// let value = Dataset::parse_json(text).unwrap();
/// let mut job = Dataset::validation(Some(text), &value);
/// let mut steps = 1;
/// while !job.advance() {
///     steps += 1;
/// }
/// assert_eq!(steps, 4);
/// assert_eq!(job.finish().unwrap(), Dataset::from_json_str(text).unwrap());
/// ```
pub struct Validation<'a> {
    v: Validator,
    step: Step<'a>,
}

impl std::fmt::Debug for Validation<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let step = match self.step {
            Step::Text(..) => "text",
            Step::Start(_) => "start",
            Step::Events(_) => "events",
            Step::End(_) => "end",
            Step::Done(_) => "done",
        };
        f.debug_struct("Validation").field("step", &step).finish()
    }
}

impl<'a> Validation<'a> {
    /// A validation of `value`, parsed from `text` when given (the duplicate-key pass reads it).
    fn new(text: Option<&'a str>, value: &'a Value, sink: Sink) -> Validation<'a> {
        let step = match text {
            Some(text) => Step::Text(text, value),
            None => Step::Start(value),
        };
        Validation { v: Validator { sink, ..Validator::default() }, step }
    }

    /// Runs the next step; true when the validation is finished.
    pub fn advance(&mut self) -> bool {
        let step = std::mem::replace(&mut self.step, Step::Done(Err(LoadError::Invalid(Vec::new()))));
        self.step = match step {
            Step::Text(text, value) => {
                super::dupkeys::duplicate_keys(text, &mut self.v.sink);
                Step::Start(value)
            }
            Step::Start(value) => match self.v.start(value) {
                Some(p) => Step::Events(p),
                None => Step::Done(self.v.result(None)),
            },
            Step::Events(mut p) => {
                self.v.events(&mut p);
                Step::End(p)
            }
            Step::End(p) => {
                let built = self.v.end(p);
                Step::Done(self.v.result(built))
            }
            done @ Step::Done(_) => done,
        };
        matches!(self.step, Step::Done(_))
    }

    /// The dataset, or every problem; runs what is left first.
    pub fn finish(mut self) -> Result<Dataset, LoadError> {
        while !self.advance() {}
        match self.step {
            Step::Done(result) => result,
            _ => unreachable!("advanced to the end"),
        }
    }
}

impl Validator {
    /// Validates `value`, after the problems already in `sink`; at most
    /// [`limits::MAX_PROBLEMS`] problems are listed, the rest counted.
    fn run(value: &Value, sink: Sink) -> Result<Dataset, LoadError> {
        Validation::new(None, value, sink).finish()
    }

    /// The dataset if it was built and nothing was reported, else every problem.
    fn result(&mut self, built: Option<Dataset>) -> Result<Dataset, LoadError> {
        let sink = std::mem::take(&mut self.sink);
        match built {
            Some(ds) if sink.is_empty() => Ok(ds),
            _ => {
                let mut sink = sink;
                if sink.is_empty() {
                    // Unreachable by construction (every `None` reports), kept as a safe net.
                    sink.report("", "the dataset could not be read");
                }
                Err(LoadError::Invalid(sink.finish()))
            }
        }
    }

    fn start<'a>(&mut self, value: &'a Value) -> Option<Partial<'a>> {
        let root = Obj::open(value, "", &ROOT, &mut self.sink)?;
        let format_version = self.format_version(&root);
        let meta = root.required("meta", self, |s, v, p| s.meta(v, p));
        let orgs = root.items("organisations", Need::Required, self, |s, v, p, i| s.organisation(v, p, i));
        self.orgs_unreadable = orgs.is_none();
        Some(Partial { root, format_version, meta, orgs, events: None })
    }

    fn events(&mut self, p: &mut Partial) {
        p.events = p.root.items("events", Need::Required, self, |s, v, p, i| s.event(v, p, i));
        self.events_unreadable = p.events.is_none();
    }

    fn end(&mut self, p: Partial) -> Option<Dataset> {
        let Partial { root, format_version, meta, orgs, events } = p;
        let rels = root.items("relationships", Need::Required, self, |s, v, p, _| s.relationship(v, p));
        self.rels_unreadable = rels.is_none();
        // Steps' dates must lie in the story's range: known once the metadata and every event read.
        let range = match (&meta, &events) {
            (Some(m), Some(ev)) if ev.iter().all(Option::is_some) => Some(range_of(m, ev.iter().flatten())),
            _ => None,
        };
        let known = KnownIdsOf {
            first_path: &self.first_path,
            unreadable: [self.orgs_unreadable, self.events_unreadable, self.rels_unreadable],
        };
        let story =
            root.list("story", Need::Optional, &mut self.sink, |s, v, p, _| super::story::step(v, p, &known, range, s));

        let organisations = all_or_none(orgs?)?;
        let events = all_or_none(events?)?;
        let relationships = all_or_none(rels?)?;
        let story = story?;
        let meta = meta?;
        let format_version = format_version?;
        if !self.sink.is_empty() {
            return None;
        }
        let mut rel_by_id = BTreeMap::new();
        for (i, r) in relationships.iter().enumerate() {
            rel_by_id.insert(r.id.clone(), RelIx(i as u32));
        }
        let first_seen = first_seen(&organisations, &events, &relationships, &meta);
        Some(Dataset {
            format_version,
            meta,
            organisations,
            events,
            relationships,
            story,
            org_by_id: std::mem::take(&mut self.org_by_id),
            event_by_id: std::mem::take(&mut self.event_by_id),
            rel_by_id,
            first_seen,
        })
    }

    fn format_version(&mut self, root: &Obj) -> Option<u32> {
        root.required("format_version", &mut self.sink, |s, v, p| match v.as_u64() {
            Some(FORMAT_VERSION) => Some(FORMAT_VERSION as u32),
            Some(n) => {
                s.report(
                    p,
                    format!("{n} is not supported; this version of Power Shift reads format_version {FORMAT_VERSION}"),
                );
                None
            }
            None => {
                s.report(p, format!("expected the number {FORMAT_VERSION}, found {}", describe(v)));
                None
            }
        })
    }

    fn meta(&mut self, v: &Value, path: &str) -> Option<Meta> {
        let s = &mut self.sink;
        let o = Obj::open(v, path, &META, s)?;
        let title = o.text("title", s);
        let subtitle = o.opt_text("subtitle", s);
        let headline = o.opt_text("headline", s);
        let description = o.opt_text("description", s);
        let as_of = o.date("as_of", s);
        let start = o.opt_date("start", s);
        let credit = o.opt_text("credit", s);
        let notes = o.texts("notes", Need::Optional, s);
        if let (Some(st), Some(end)) = (start, as_of) {
            if st.start > end.start {
                s.report(&format!("{path}.start"), format!("{st} is after as_of {end}"));
            }
        }
        Some(Meta { title: title?, subtitle, headline, description, as_of: as_of?, start, credit, notes: notes? })
    }

    /// Records an id; reports duplicates with the place of the first definition.
    fn define_id(&mut self, kind: IdKind, id: &str, path: &str) -> bool {
        let key = (kind, id.to_string());
        if let Some(first) = self.first_path.get(&key) {
            let msg = format!("duplicate id {}; it is already used at {first}", quote(id));
            self.sink.report(path, msg);
            false
        } else {
            self.first_path.insert(key, path.to_string());
            true
        }
    }

    fn id(&mut self, o: &Obj, kind: IdKind) -> Option<String> {
        o.required("id", self, |s, v, p| {
            let id = as_text(v, p, &mut s.sink)?;
            if !super::story::is_id(&id) {
                s.sink.report(p, format!("{} is not a valid id (letters, digits, '_', '-', '.'; at most 64; starting with a letter or digit)", quote(&id)));
                return None;
            }
            s.define_id(kind, &id, p).then_some(id)
        })
    }

    fn organisation(&mut self, v: &Value, path: &str, i: usize) -> Option<Organisation> {
        let o = Obj::open(v, path, &ORG, &mut self.sink)?;
        let id = self.id(&o, IdKind::Organisation);
        if let Some(id) = &id {
            self.org_by_id.insert(id.clone(), OrgIx(i as u32));
        }
        // Keep index positions aligned with the file even for broken items.
        self.org_ids.push(id.clone().unwrap_or_default());
        let s = &mut self.sink;
        let name = o.text("name", s);
        let short_name = o.text("short_name", s);
        let kind =
            o.required("kind", s, |s, v, p| as_enum(v, p, "organisation kind", OrgKind::parse, OrgKind::expected, s));
        let description = o.text("description", s);
        let founded = o.opt_date("founded", s);
        self.founded.push(founded);
        Some(Organisation {
            id: id?,
            name: name?,
            short_name: short_name?,
            kind: kind?,
            description: description?,
            founded,
        })
    }

    /// Resolves an organisation reference.
    fn org_ref(&mut self, v: &Value, path: &str) -> Option<OrgIx> {
        let id = as_text(v, path, &mut self.sink)?;
        let found = self.org_by_id.get(&id).copied();
        if found.is_none() && !self.orgs_unreadable {
            self.sink.report(path, format!("unknown organisation id {}", quote(&id)));
        }
        found
    }

    /// Resolves an event reference.
    fn event_ref(&mut self, v: &Value, path: &str) -> Option<EventIx> {
        let id = as_text(v, path, &mut self.sink)?;
        let found = self.event_by_id.get(&id).copied();
        if found.is_none() && !self.events_unreadable {
            self.sink.report(path, format!("unknown event id {}", quote(&id)));
        }
        found
    }

    /// Reports a date before an organisation was founded.
    fn check_founded(&mut self, org: OrgIx, date: FuzzyDate, path: &str) {
        if let Some(f) = self.founded.get(org.ix()).copied().flatten() {
            // Compare at the coarser precision: "2015-12" is not before a founding on 2015-12-11.
            if date.period_end() <= f.start {
                let id = self.org_ids[org.ix()].clone();
                self.sink.report(path, format!("{date} is before {} was founded ({f})", quote(&id)));
            }
        }
    }

    fn event(&mut self, v: &Value, path: &str, i: usize) -> Option<Event> {
        let o = Obj::open(v, path, &EVENT, &mut self.sink)?;
        let id = self.id(&o, IdKind::Event);
        let s = &mut self.sink;
        let date = o.date("date", s);
        let end = o.opt_date("end", s);
        if let (Some(d), Some(e)) = (date, end) {
            if e.start < d.start {
                s.report(&format!("{path}.end"), format!("{e} is before the event's date {d}"));
            }
        }
        let date_note = o.opt_text("date_note", s);
        let title = o.text("title", s);
        let kinds = o.list("kinds", Need::AtLeast(1, "must list at least one kind"), s, |s, kv, p, _| {
            as_enum(kv, p, "event kind", EventKind::parse, EventKind::expected, s)
        });
        let summary = o.text("summary", s);

        let organisations = o
            .items("organisations", Need::AtLeast(1, "must list at least one organisation"), self, |s, ov, p, _| {
                let r = s.org_ref(ov, p)?;
                if let Some(d) = date {
                    s.check_founded(r, d, p);
                }
                Some(r)
            })
            .and_then(all_or_none)
            .filter(|v| !v.is_empty());
        let amounts = o.list("amounts", Need::Optional, self, |s, av, p, _| s.amount(av, p));
        let confidence = o.required("confidence", self, |s, cv, p| s.confidence(cv, p));
        let sources = o.list(
            "sources",
            Need::AtLeast(1, "must list at least one source; every event needs a source"),
            self,
            |s, sv, p, _| source(sv, p, &mut s.sink),
        );
        if let (Some(c), Some(src)) = (&confidence, &sources) {
            check_confidence(c, src, path, &mut self.sink);
        }
        let id = id?;
        self.event_by_id.insert(id.clone(), EventIx(i as u32));
        Some(Event {
            id,
            date: date?,
            end,
            date_note,
            title: title?,
            kinds: kinds?,
            organisations: organisations?,
            amounts: amounts?,
            summary: summary?,
            confidence: confidence?,
            sources: sources?,
        })
    }

    fn amount(&mut self, v: &Value, path: &str) -> Option<Amount> {
        let o = Obj::open(v, path, &AMOUNT, &mut self.sink)?;
        let s = &mut self.sink;
        let value = o.required("value", s, non_negative);
        let currency = o.required("currency", s, |s, cv, p| {
            let c = as_text(cv, p, s)?;
            if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                Some(c)
            } else {
                s.report(p, format!("{} is not a three-letter ISO 4217 code such as \"USD\"", quote(&c)));
                None
            }
        });
        let qualifiers = o.list("qualifiers", Need::Optional, s, |s, q, p, _| {
            as_enum(q, p, "amount qualifier", AmountQualifier::parse, AmountQualifier::expected, s)
        });
        let label = o.opt_text("label", s);
        let alternatives = o.list("alternatives", Need::Optional, s, |s, x, p, _| non_negative(s, x, p));
        let from = o.optional("from", self, Validator::org_ref);
        let to = o.optional("to", self, Validator::org_ref);
        Some(Amount {
            value: value?,
            currency: currency?,
            qualifiers: qualifiers?,
            from: from?,
            to: to?,
            label,
            alternatives: alternatives?,
        })
    }

    fn confidence(&mut self, v: &Value, path: &str) -> Option<Confidence> {
        let s = &mut self.sink;
        let o = Obj::open(v, path, &CONFIDENCE, s)?;
        let level = o.required("level", s, |s, lv, p| {
            as_enum(lv, p, "confidence level", ConfidenceLevel::parse, ConfidenceLevel::expected, s)
        });
        let note = o.opt_text("note", s);
        let conflicts = o.list("conflicts", Need::Optional, s, |s, cv, p, _| conflict(cv, p, s));
        if level == Some(ConfidenceLevel::Conflicting) && conflicts.as_ref().is_some_and(|c| c.is_empty()) {
            s.report(
                &format!("{path}.conflicts"),
                "is required when level is \"conflicting\": list the competing values",
            );
            return None;
        }
        Some(Confidence { level: level?, note, conflicts: conflicts? })
    }

    fn relationship(&mut self, v: &Value, path: &str) -> Option<Relationship> {
        let o = Obj::open(v, path, &REL, &mut self.sink)?;
        let id = self.id(&o, IdKind::Relationship);
        let from = o.required("from", self, Validator::org_ref);
        let to = o.required("to", self, Validator::org_ref);
        if let (Some(f), Some(t)) = (from, to) {
            if f == t {
                self.sink.report(
                    &format!("{path}.to"),
                    "is the same organisation as \"from\"; a relationship needs two organisations",
                );
            }
        }
        let s = &mut self.sink;
        let kind = o.required("kind", s, |s, kv, p| {
            as_enum(kv, p, "relationship kind", RelationKind::parse, RelationKind::expected, s)
        });
        let directed = o.bool_or("directed", true, s);
        let label = o.text("label", s);
        let phases = o
            .items("phases", Need::AtLeast(1, "must list at least one phase"), self, |s, pv, p, _| {
                let phase = s.phase(pv, p)?;
                for org in [from, to].into_iter().flatten() {
                    s.check_founded(org, phase.start, &format!("{p}.start"));
                }
                Some(phase)
            })
            .and_then(|phases| {
                self.check_phase_order(&phases, &format!("{path}.phases"));
                all_or_none(phases)
            })
            .filter(|v| !v.is_empty());
        let (from, to) = (from?, to?);
        if from == to {
            return None;
        }
        Some(Relationship { id: id?, from, to, kind: kind?, directed, label: label?, phases: phases? })
    }

    fn phase(&mut self, v: &Value, path: &str) -> Option<Phase> {
        let o = Obj::open(v, path, &PHASE, &mut self.sink)?;
        let s = &mut self.sink;
        let start = o.date("start", s);
        let start_uncertain = o.bool_or("start_uncertain", false, s);
        let end = o.opt_date("end", s);
        let end_scheduled = o.bool_or("end_scheduled", false, s);
        if end_scheduled && end.is_none() {
            s.report(&format!("{path}.end_scheduled"), "is true but the phase has no end");
        }
        if let (Some(st), Some(e)) = (start, end) {
            if e.start <= st.start {
                s.report(
                    &format!("{path}.end"),
                    format!("{e} is not after the start {st}; a phase must end after it starts"),
                );
            }
        }
        let status = o.text("status", s);
        let state = o
            .optional("state", s, |s, sv, p| as_enum(sv, p, "phase state", PhaseState::parse, PhaseState::expected, s));
        let confidence = o.optional("confidence", s, |s, cv, p| {
            as_enum(cv, p, "confidence level", ConfidenceLevel::parse, ConfidenceLevel::expected, s)
        });
        let summary = o.opt_text("summary", s);
        let events = o.list(
            "events",
            Need::AtLeast(1, "must list at least one event that proves the phase"),
            self,
            |s, ev, p, _| s.event_ref(ev, p),
        );
        Some(Phase {
            start: start?,
            start_uncertain,
            end,
            end_scheduled,
            status: status?,
            state: state?.unwrap_or(PhaseState::Active),
            confidence: confidence?.unwrap_or(ConfidenceLevel::Confirmed),
            summary,
            events: events?,
        })
    }

    /// Phases must be in time order and must not overlap (an open phase overlaps every later one).
    /// Pairwise, so only for lists within [`limits::PHASES`] (a longer one is already reported).
    fn check_phase_order(&mut self, phases: &[Option<Phase>], path: &str) {
        if phases.len() > limits::PHASES.max_items {
            return;
        }
        for j in 0..phases.len() {
            let Some(b) = &phases[j] else { continue };
            for (i, a) in phases.iter().enumerate().take(j) {
                let Some(a) = a else { continue };
                let a_end = a.end.map_or(Date::from_days(i32::MAX), |e| e.start);
                let b_end = b.end.map_or(Date::from_days(i32::MAX), |e| e.start);
                let bp = index_path(path, j);
                if b.start.start < a.start.start {
                    self.sink.report(
                        &format!("{bp}.start"),
                        format!(
                            "{} is before the start of phases[{i}] ({}); list phases in time order",
                            b.start, a.start
                        ),
                    );
                } else if a.start.start < b_end && b.start.start < a_end {
                    let a_span = match a.end {
                        Some(e) => format!("{} to {e}", a.start),
                        None => format!("{} with no end", a.start),
                    };
                    self.sink.report(
                        &format!("{bp}.start"),
                        format!(
                            "{} overlaps phases[{i}] ({a_span}); phases of one relationship must not overlap",
                            b.start
                        ),
                    );
                }
            }
        }
    }
}

/// The confidence level must agree with what the event shows next to it: a "single source" event
/// counts exactly one independent source (copies and background pages are marked
/// `"independent": false`), an event with a real conflict is "conflicting", and a date that sources
/// give one day apart (a time zone, a report dated the morning after) is a footnote, not a conflict.
fn check_confidence(c: &Confidence, sources: &[Source], path: &str, s: &mut Sink) {
    let independent = sources.iter().filter(|x| x.independent).count();
    if independent == 0 && !sources.is_empty() {
        s.report(
            &format!("{path}.sources"),
            "marks every source \"independent\": false; at least one must be evidence for the event",
        );
    }
    match c.level {
        ConfidenceLevel::SingleSource if independent > 1 => s.report(
            &format!("{path}.confidence.level"),
            format!(
                "is \"single_source\" but {independent} of the event's {} sources count as independent; mark \
                 each copy, mirror or background page \"independent\": false, or choose the level the sources support",
                sources.len()
            ),
        ),
        ConfidenceLevel::Conflicting
            if !c.conflicts.is_empty() && c.conflicts.iter().all(Conflict::is_one_day_apart) =>
        {
            s.report(
                &format!("{path}.confidence.level"),
                format!(
                    "is \"conflicting\" but the sources only disagree by a day about a date ({}): a time zone or a \
                     report dated the day after is a footnote, not a conflict; give the level the sources support \
                     and keep the dates in \"conflicts\"",
                    c.conflicts[0].values.join(" or ")
                ),
            )
        }
        ConfidenceLevel::Conflicting => {}
        level => {
            for (k, x) in c.conflicts.iter().enumerate().filter(|(_, x)| !x.is_one_day_apart()) {
                s.report(
                    &format!("{path}.confidence.conflicts[{k}]"),
                    format!(
                        "sources disagree about the {} ({}), so the level must be \"conflicting\", not {}; only a \
                         date one day apart may be listed with another level",
                        x.about.as_str(),
                        x.values.join(" or "),
                        quote(level.as_str())
                    ),
                );
            }
        }
    }
}

fn conflict(v: &Value, path: &str, s: &mut Sink) -> Option<Conflict> {
    let o = Obj::open(v, path, &CONFLICT, s)?;
    let about = o.required("about", s, |s, a, p| {
        as_enum(a, p, "conflict subject", ConflictAbout::parse, ConflictAbout::expected, s)
    });
    let values = o.texts("values", Need::AtLeast(2, "must list at least two competing values"), s);
    let note = o.opt_text("note", s);
    Some(Conflict { about: about?, values: values?, note })
}

fn source(v: &Value, path: &str, s: &mut Sink) -> Option<Source> {
    let o = Obj::open(v, path, &SOURCE, s)?;
    let publisher = o.text("publisher", s);
    let kind =
        o.required("kind", s, |s, kv, p| as_enum(kv, p, "source kind", SourceKind::parse, SourceKind::expected, s));
    let title = o.text("title", s);
    let url = o.required("url", s, |s, uv, p| match uv {
        Value::String(u) if !check_text(u, p, limits::SOURCE_URL, s) => None,
        Value::String(u) if is_http_url(u) => Some(u.clone()),
        Value::String(u) => {
            s.report(p, format!("{} is not an http(s) URL", quote(u)));
            None
        }
        other => {
            s.report(p, format!("expected a URL string, found {}", type_name(other)));
            None
        }
    });
    let date = o.opt_date("date", s);
    let note = o.opt_text("note", s);
    let independent = o.bool_or("independent", true, s);
    Some(Source { publisher: publisher?, kind: kind?, title: title?, url: url?, date, note, independent })
}

/// A finite number ≥ 0.
fn non_negative(s: &mut Sink, v: &Value, path: &str) -> Option<f64> {
    match v.as_f64() {
        Some(x) if x.is_finite() && x >= 0.0 => Some(x),
        Some(x) if x.is_finite() => {
            s.report(path, format!("{x} is negative; amounts must be zero or more"));
            None
        }
        _ => {
            s.report(path, format!("expected a number, found {}", describe(v)));
            None
        }
    }
}

/// A value for messages: strings quoted, other types by name.
fn describe(v: &Value) -> String {
    match v {
        Value::String(s) => quote(s),
        Value::Number(n) => n.to_string(),
        other => type_name(other).to_string(),
    }
}

/// Whether `u` is an absolute http or https URL with a host and no whitespace or control characters.
/// Deliberately strict: these links open from a news page, so `javascript:` and friends never pass.
pub fn is_http_url(u: &str) -> bool {
    let lower = u.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &u[8..]
    } else if lower.starts_with("http://") {
        &u[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('.')
        && !u.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\')
}

/// First day each organisation takes part in the story: its founding date if given, else the
/// earliest event or phase that involves it, else the story's start.
pub(super) fn first_seen(orgs: &[Organisation], events: &[Event], rels: &[Relationship], meta: &Meta) -> Vec<Date> {
    let mut seen: Vec<Option<Date>> = orgs.iter().map(|o| o.founded.map(|f| f.start)).collect();
    let mut mention = vec![None::<Date>; orgs.len()];
    let mut note = |o: OrgIx, d: Date| {
        let m = &mut mention[o.ix()];
        *m = Some(m.map_or(d, |x: Date| x.min(d)));
    };
    for e in events {
        for o in &e.organisations {
            note(*o, e.date.start);
        }
    }
    for r in rels {
        if let Some(p) = r.phases.first() {
            note(r.from, p.start.start);
            note(r.to, p.start.start);
        }
    }
    let fallback = meta.start.map(|s| s.start).unwrap_or(meta.as_of.start);
    for (s, m) in seen.iter_mut().zip(mention) {
        if s.is_none() {
            *s = m;
        }
    }
    seen.into_iter().map(|s| s.unwrap_or(fallback)).collect()
}

/// The JSON Schema, the Rust vocabularies and the validator's shapes say the same thing: every
/// object's keys, every enum's values, every text field's character rule and length, every list's
/// limit. Data-driven: a new object, field, list or enum in the schema fails here until the Rust
/// side has it too, and the other way round.
#[cfg(test)]
mod schema_cross_check {
    use serde_json::Value;

    use super::*;
    use crate::model::limits::TextKind;
    use crate::model::text;

    const SCHEMA: &str = include_str!("../../../../static/data/powershift.schema.json");

    /// Where in the schema each shape's object is.
    const SHAPES: &[(&str, &Shape)] = &[
        ("", &ROOT),
        ("/properties/meta", &META),
        ("/properties/organisations/items", &ORG),
        ("/properties/events/items", &EVENT),
        ("/properties/relationships/items", &REL),
        ("/$defs/amount", &AMOUNT),
        ("/$defs/confidence", &CONFIDENCE),
        ("/$defs/confidence/properties/conflicts/items", &CONFLICT),
        ("/$defs/source", &SOURCE),
        ("/$defs/phase", &PHASE),
        ("/properties/story/items", &super::super::story::STEP),
        ("/properties/story/items/properties/view", &super::super::story::STEP_VIEW),
    ];

    /// Every closed vocabulary of the format, by its JSON names.
    fn vocabularies() -> Vec<(&'static str, Vec<&'static str>)> {
        fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| name(*v)).collect()
        }
        vec![
            ("OrgKind", names(OrgKind::ALL, OrgKind::as_str)),
            ("RelationKind", names(RelationKind::ALL, RelationKind::as_str)),
            ("EventKind", names(EventKind::ALL, EventKind::as_str)),
            ("ConfidenceLevel", names(ConfidenceLevel::ALL, ConfidenceLevel::as_str)),
            ("AmountQualifier", names(AmountQualifier::ALL, AmountQualifier::as_str)),
            ("PhaseState", names(PhaseState::ALL, PhaseState::as_str)),
            ("ConflictAbout", names(ConflictAbout::ALL, ConflictAbout::as_str)),
            ("SourceKind", names(SourceKind::ALL, SourceKind::as_str)),
        ]
    }

    fn schema() -> Value {
        serde_json::from_str(SCHEMA).expect("the schema is JSON")
    }

    /// Every node of the schema with its JSON pointer, skipping `if`/`then`/`else` (conditions
    /// restate properties partially).
    fn nodes<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
        out.push((at.clone(), v));
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if !matches!(k.as_str(), "if" | "then" | "else") {
                        nodes(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
                    }
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    nodes(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    fn all_nodes(schema: &Value) -> Vec<(String, &Value)> {
        let mut out = Vec::new();
        nodes(schema, String::new(), &mut out);
        out
    }

    /// The `$defs` a schema node refers to, directly or through `allOf`.
    fn refs(node: &Value) -> Vec<String> {
        let mut out: Vec<String> = node
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .map(String::from)
            .into_iter()
            .collect();
        for part in node.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            out.extend(refs(part));
        }
        out
    }

    fn text_kind_of(node: &Value) -> Option<TextKind> {
        [TextKind::Name, TextKind::Line, TextKind::Paragraph]
            .into_iter()
            .find(|k| refs(node).iter().any(|r| r == k.schema_def()))
    }

    #[test]
    fn every_object_in_the_schema_has_a_shape_with_the_same_keys() {
        let schema = schema();
        let mut problems = Vec::new();
        for (at, node) in all_nodes(&schema) {
            let Some(props) = node.get("properties").and_then(Value::as_object) else { continue };
            if at.ends_with("/properties") {
                continue; // a property that happens to be called "properties" (none today)
            }
            let Some((_, shape)) = SHAPES.iter().find(|(p, _)| *p == at) else {
                problems.push(format!("schema object at {at:?} has no *_KEYS list / Shape in validate.rs"));
                continue;
            };
            let mut in_schema: Vec<&str> = props.keys().map(String::as_str).collect();
            let mut in_rust: Vec<&str> = shape.keys.to_vec();
            crate::sort::sort(&mut in_schema);
            crate::sort::sort(&mut in_rust);
            if in_schema != in_rust {
                problems.push(format!("{at:?}: schema properties {in_schema:?} but validate.rs keys {in_rust:?}"));
            }
        }
        for (at, _) in SHAPES {
            if schema.pointer(at).and_then(|n| n.get("properties")).is_none() {
                problems.push(format!("SHAPES names {at:?}, which is not an object with properties in the schema"));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_enum_in_the_schema_is_a_rust_vocabulary_and_every_vocabulary_is_in_the_schema() {
        let schema = schema();
        let vocabularies = vocabularies();
        let mut used = vec![false; vocabularies.len()];
        let mut problems = Vec::new();
        for (at, node) in all_nodes(&schema) {
            let Some(values) = node.get("enum").and_then(Value::as_array) else { continue };
            let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
            match vocabularies.iter().position(|(_, names)| *names == values) {
                Some(i) => used[i] = true,
                None => problems.push(format!(
                    "the enum at {at:?} {values:?} equals no Rust vocabulary (same values, same order); add it to kinds.rs and to vocabularies() here"
                )),
            }
        }
        for ((name, names), used) in vocabularies.iter().zip(used) {
            if !used {
                problems.push(format!("{name} {names:?} appears in no schema enum"));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn text_rules_and_list_limits_match_the_schema_both_ways() {
        let schema = schema();
        let mut problems = Vec::new();
        for (at, shape) in SHAPES {
            let props = schema.pointer(&format!("{at}/properties")).and_then(Value::as_object).unwrap();
            for (key, node) in props {
                let list = shape.lists.iter().find(|(k, _)| k == key).map(|(_, c)| *c);
                let is_array = node.get("type").and_then(Value::as_str) == Some("array");
                match (is_array, list) {
                    (true, Some(c)) if node.get("maxItems").and_then(Value::as_u64) != Some(c.max_items as u64) => {
                        problems.push(format!(
                            "{at}/{key}: maxItems {:?} but the limit is {}",
                            node.get("maxItems"),
                            c.max_items
                        ))
                    }
                    (true, None) => problems.push(format!("{at}/{key}: a list with no count limit in validate.rs")),
                    (false, Some(_)) => {
                        problems.push(format!("{at}/{key}: a count limit on a field that is not a list"))
                    }
                    _ => {}
                }
                let texts = if is_array { node.get("items").unwrap_or(&Value::Null) } else { node };
                let rule = shape.texts.iter().find(|(k, _)| k == key).map(|(_, r)| *r);
                match (text_kind_of(texts), rule) {
                    (None, None) => {}
                    (Some(kind), Some(rule)) => {
                        if kind != rule.kind {
                            problems.push(format!("{at}/{key}: schema says {kind:?}, validator {:?}", rule.kind));
                        }
                        if texts.get("maxLength").and_then(Value::as_u64) != Some(rule.max_chars as u64) {
                            problems.push(format!(
                                "{at}/{key}: maxLength {:?} but the validator allows {}",
                                texts.get("maxLength"),
                                rule.max_chars
                            ));
                        }
                    }
                    (Some(_), None) => problems.push(format!("{at}/{key}: a text in the schema without a TextRule")),
                    (None, Some(_)) => problems.push(format!(
                        "{at}/{key}: a TextRule for a field that is not name/line/paragraph text in the schema"
                    )),
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_schema_character_patterns_forbid_exactly_what_the_validator_forbids() {
        let schema = schema();
        let probes: Vec<char> = (0u32..=0xA0)
            .chain(0x2000..=0x2070)
            .chain([0xFEFF, 0xFEFE, 0xE9, 0x6771, 0x1F642])
            .filter_map(char::from_u32)
            // NFC is the one rule a schema pattern cannot say (U+2000 EN QUAD is U+2002 in NFC).
            .filter(|&c| unicode_normalization::is_nfc(&c.to_string()))
            .collect();
        let mut problems = Vec::new();
        for kind in [TextKind::Name, TextKind::Line, TextKind::Paragraph] {
            let mut probe_schema = serde_json::json!({ "$ref": format!("#/$defs/{}", kind.schema_def()) });
            probe_schema["$defs"] = schema["$defs"].clone();
            let validator = jsonschema::validator_for(&probe_schema).expect("the schema compiles");
            for &c in &probes {
                let s = format!("a{c}b");
                let by_schema = validator.is_valid(&Value::String(s.clone()));
                let by_rust = text::check(&s, TextRule { kind, max_chars: 10 }).is_empty();
                if by_schema != by_rust {
                    problems.push(format!("{kind:?} U+{:04X}: schema {by_schema}, validator {by_rust}", u32::from(c)));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
