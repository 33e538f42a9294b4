//! Validation: JSON text → [`Dataset`], or every problem with its place.
//!
//! Runs in two steps over the parsed tree: the structure of each item (types, required and unknown
//! fields, vocabularies, dates, URLs, amounts) and, because organisations and events are read before
//! the items that refer to them, every cross-reference (unknown and duplicate ids, phase order and
//! overlap, dates before an organisation's founding). Cost: O(size of the document + p² per
//! relationship with p phases).

use std::collections::BTreeMap;

use serde_json::Value;

use super::dataset::*;
use super::kinds::*;
use super::problem::LoadError;
use super::reader::{as_enum, as_text, index_path, quote, type_name, Obj, Sink};
use crate::date::{Date, FuzzyDate};

/// The only format version this code reads.
pub const FORMAT_VERSION: u64 = 1;

const ROOT_KEYS: &[&str] = &["$schema", "format_version", "meta", "organisations", "events", "relationships"];
const META_KEYS: &[&str] = &["title", "subtitle", "description", "as_of", "start", "credit", "notes"];
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
const SOURCE_KEYS: &[&str] = &["publisher", "kind", "title", "url", "date", "note"];
const REL_KEYS: &[&str] = &["id", "from", "to", "kind", "directed", "label", "phases"];
const PHASE_KEYS: &[&str] =
    &["start", "start_uncertain", "end", "end_scheduled", "status", "state", "confidence", "summary", "events"];

impl Dataset {
    /// Parses and validates a dataset.
    ///
    /// Returns [`LoadError::Syntax`] with line and column for malformed JSON, and
    /// [`LoadError::Invalid`] with **every** problem found otherwise. Never panics, whatever the input.
    ///
    /// ```
    /// use powershift_core::model::{Dataset, LoadError};
    /// let err = Dataset::from_json_str("{\"format_version\": 1,").unwrap_err();
    /// assert!(matches!(err, LoadError::Syntax { line: 1, .. }));
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset, LoadError> {
        let value: Value = serde_json::from_str(text).map_err(|e| LoadError::from_json(&e))?;
        Dataset::from_value(&value)
    }

    /// Parses and validates a dataset from bytes (rejects invalid UTF-8 with its position).
    pub fn from_json_slice(bytes: &[u8]) -> Result<Dataset, LoadError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| LoadError::from_json(&e))?;
        Dataset::from_value(&value)
    }

    /// Validates an already parsed JSON value.
    pub fn from_value(value: &Value) -> Result<Dataset, LoadError> {
        let mut v = Validator::default();
        let built = v.root(value);
        match built {
            Some(ds) if v.sink.problems.is_empty() => Ok(ds),
            _ => {
                if v.sink.problems.is_empty() {
                    // Unreachable by construction (every `None` reports), kept as a safe net.
                    v.sink.report("", "the dataset could not be read");
                }
                Err(LoadError::Invalid(v.sink.problems))
            }
        }
    }
}

#[derive(Default)]
struct Validator {
    sink: Sink,
    org_by_id: BTreeMap<String, OrgIx>,
    event_by_id: BTreeMap<String, EventIx>,
    /// Where each id was first defined, for duplicate messages.
    first_path: BTreeMap<(u8, String), String>,
    founded: Vec<Option<FuzzyDate>>,
    org_ids: Vec<String>,
    /// False when the `organisations` (or `events`) array itself could not be read: references to
    /// them are then not reported one by one, since the one real problem is already reported.
    orgs_unreadable: bool,
    events_unreadable: bool,
}

impl Validator {
    fn root(&mut self, value: &Value) -> Option<Dataset> {
        let root = Obj::open(value, "", ROOT_KEYS, &mut self.sink)?;
        let format_version = self.format_version(&root);
        let meta = root.req("meta", &mut self.sink).and_then(|(v, p)| self.meta(v, &p));

        let orgs = self.list(&root, "organisations", |s, v, p, i| s.organisation(v, p, i));
        self.orgs_unreadable = orgs.is_none();
        let events = self.list(&root, "events", |s, v, p, i| s.event(v, p, i));
        self.events_unreadable = events.is_none();
        let rels = self.list(&root, "relationships", |s, v, p, i| s.relationship(v, p, i));

        let organisations: Vec<Organisation> = orgs?.into_iter().collect::<Option<_>>()?;
        let events: Vec<Event> = events?.into_iter().collect::<Option<_>>()?;
        let relationships: Vec<Relationship> = rels?.into_iter().collect::<Option<_>>()?;
        let meta = meta?;
        let format_version = format_version?;
        if !self.sink.problems.is_empty() {
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
            org_by_id: std::mem::take(&mut self.org_by_id),
            event_by_id: std::mem::take(&mut self.event_by_id),
            rel_by_id,
            first_seen,
        })
    }

    fn format_version(&mut self, root: &Obj) -> Option<u32> {
        let (v, p) = root.req("format_version", &mut self.sink)?;
        match v.as_u64() {
            Some(FORMAT_VERSION) => Some(FORMAT_VERSION as u32),
            Some(n) => {
                self.sink.report(
                    &p,
                    format!("{n} is not supported; this version of Power Shift reads format_version {FORMAT_VERSION}"),
                );
                None
            }
            None => {
                self.sink.report(&p, format!("expected the number {FORMAT_VERSION}, found {}", describe(v)));
                None
            }
        }
    }

    /// Reads a top-level array, item by item; every item is read even after failures.
    fn list<T>(
        &mut self,
        root: &Obj,
        key: &str,
        mut item: impl FnMut(&mut Self, &Value, &str, usize) -> Option<T>,
    ) -> Option<Vec<Option<T>>> {
        let (arr, path) = root.array(key, true, &mut self.sink)?;
        Some(arr.iter().enumerate().map(|(i, v)| item(self, v, &index_path(&path, i), i)).collect())
    }

    fn meta(&mut self, v: &Value, path: &str) -> Option<Meta> {
        let s = &mut self.sink;
        let o = Obj::open(v, path, META_KEYS, s)?;
        let title = o.text("title", s);
        let subtitle = o.opt_string("subtitle", s);
        let description = o.opt_string("description", s);
        let as_of = o.date("as_of", s);
        let start = o.opt_date("start", s);
        let credit = o.opt_string("credit", s);
        let notes = o
            .array("notes", false, s)
            .map(|(a, p)| a.iter().enumerate().filter_map(|(i, n)| as_text(n, &index_path(&p, i), s)).collect())
            .unwrap_or_default();
        if let (Some(st), Some(end)) = (start, as_of) {
            if st.start > end.start {
                s.report(&format!("{path}.start"), format!("{st} is after as_of {end}"));
            }
        }
        Some(Meta { title: title?, subtitle, description, as_of: as_of?, start, credit, notes })
    }

    /// Records an id; reports duplicates with the place of the first definition.
    fn define_id(&mut self, namespace: u8, id: &str, path: &str) -> bool {
        let key = (namespace, id.to_string());
        if let Some(first) = self.first_path.get(&key) {
            let msg = format!("duplicate id {}; it is already used at {first}", quote(id));
            self.sink.report(path, msg);
            false
        } else {
            self.first_path.insert(key, path.to_string());
            true
        }
    }

    fn id(&mut self, o: &Obj, namespace: u8) -> Option<String> {
        let (v, p) = o.req("id", &mut self.sink)?;
        let id = as_text(v, &p, &mut self.sink)?;
        let ok_chars = id.len() <= 64
            && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !ok_chars {
            self.sink.report(&p, format!("{} is not a valid id (letters, digits, '_', '-', '.'; at most 64; starting with a letter or digit)", quote(&id)));
            return None;
        }
        self.define_id(namespace, &id, &p).then_some(id)
    }

    fn organisation(&mut self, v: &Value, path: &str, i: usize) -> Option<Organisation> {
        let o = Obj::open(v, path, ORG_KEYS, &mut self.sink)?;
        let id = self.id(&o, 0);
        if let Some(id) = &id {
            self.org_by_id.insert(id.clone(), OrgIx(i as u32));
        }
        // Keep index positions aligned with the file even for broken items.
        self.org_ids.push(id.clone().unwrap_or_default());
        let s = &mut self.sink;
        let name = o.text("name", s);
        let short_name = o.text("short_name", s);
        let kind = o
            .req("kind", s)
            .and_then(|(v, p)| as_enum(v, &p, "organisation kind", OrgKind::parse, OrgKind::expected, s));
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

    fn event(&mut self, v: &Value, path: &str, _i: usize) -> Option<Event> {
        let o = Obj::open(v, path, EVENT_KEYS, &mut self.sink)?;
        let id = self.id(&o, 1);
        let s = &mut self.sink;
        let date = o.date("date", s);
        let end = o.opt_date("end", s);
        if let (Some(d), Some(e)) = (date, end) {
            if e.start < d.start {
                s.report(&format!("{path}.end"), format!("{e} is before the event's date {d}"));
            }
        }
        let date_note = o.opt_string("date_note", s);
        let title = o.text("title", s);
        let kinds = o.array("kinds", true, s).and_then(|(a, p)| {
            if a.is_empty() {
                s.report(&p, "must list at least one kind");
                return None;
            }
            a.iter()
                .enumerate()
                .map(|(k, kv)| as_enum(kv, &index_path(&p, k), "event kind", EventKind::parse, EventKind::expected, s))
                .collect::<Vec<_>>()
                .into_iter()
                .collect::<Option<Vec<_>>>()
        });
        let summary = o.text("summary", s);

        let organisations = match o.array("organisations", true, &mut self.sink) {
            Some((a, p)) => {
                if a.is_empty() {
                    self.sink.report(&p, "must list at least one organisation");
                }
                let refs: Vec<Option<OrgIx>> =
                    a.iter().enumerate().map(|(k, ov)| self.org_ref(ov, &index_path(&p, k))).collect();
                if let Some(d) = date {
                    for (k, r) in refs.iter().enumerate() {
                        if let Some(r) = r {
                            self.check_founded(*r, d, &index_path(&p, k));
                        }
                    }
                }
                refs.into_iter().collect::<Option<Vec<_>>>().filter(|v| !v.is_empty())
            }
            None => None,
        };
        let amounts = match o.array("amounts", false, &mut self.sink) {
            Some((a, p)) => a
                .iter()
                .enumerate()
                .map(|(k, av)| self.amount(av, &index_path(&p, k)))
                .collect::<Vec<_>>()
                .into_iter()
                .collect::<Option<Vec<_>>>(),
            None => Some(Vec::new()),
        };
        let confidence = o.req("confidence", &mut self.sink).and_then(|(cv, p)| self.confidence(cv, &p));
        let sources = match o.array("sources", true, &mut self.sink) {
            Some((a, p)) => {
                if a.is_empty() {
                    self.sink.report(&p, "must list at least one source; every event needs a source");
                }
                a.iter()
                    .enumerate()
                    .map(|(k, sv)| self.source(sv, &index_path(&p, k)))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .filter(|v| !v.is_empty())
            }
            None => None,
        };
        let id = id?;
        self.event_by_id.insert(id.clone(), EventIx(_i as u32));
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
        let o = Obj::open(v, path, AMOUNT_KEYS, &mut self.sink)?;
        let value = o.req("value", &mut self.sink).and_then(|(nv, p)| non_negative(nv, &p, &mut self.sink));
        let currency = o.text("currency", &mut self.sink).and_then(|c| {
            if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                Some(c)
            } else {
                self.sink.report(
                    &format!("{path}.currency"),
                    format!("{} is not a three-letter ISO 4217 code such as \"USD\"", quote(&c)),
                );
                None
            }
        });
        let s = &mut self.sink;
        let qualifiers = o
            .array("qualifiers", false, s)
            .map(|(a, p)| {
                a.iter()
                    .enumerate()
                    .map(|(k, q)| {
                        as_enum(
                            q,
                            &index_path(&p, k),
                            "amount qualifier",
                            AmountQualifier::parse,
                            AmountQualifier::expected,
                            s,
                        )
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
            })
            .unwrap_or(Some(Vec::new()));
        let label = o.opt_string("label", s);
        let alternatives = o
            .array("alternatives", false, s)
            .map(|(a, p)| {
                a.iter()
                    .enumerate()
                    .map(|(k, x)| non_negative(x, &index_path(&p, k), s))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
            })
            .unwrap_or(Some(Vec::new()));
        let from = match o.get("from") {
            Some((fv, p)) => Some(self.org_ref(fv, &p)?),
            None => None,
        };
        let to = match o.get("to") {
            Some((tv, p)) => Some(self.org_ref(tv, &p)?),
            None => None,
        };
        Some(Amount {
            value: value?,
            currency: currency?,
            qualifiers: qualifiers?,
            from,
            to,
            label,
            alternatives: alternatives?,
        })
    }

    fn confidence(&mut self, v: &Value, path: &str) -> Option<Confidence> {
        let s = &mut self.sink;
        let o = Obj::open(v, path, CONFIDENCE_KEYS, s)?;
        let level = o.req("level", s).and_then(|(lv, p)| {
            as_enum(lv, &p, "confidence level", ConfidenceLevel::parse, ConfidenceLevel::expected, s)
        });
        let note = o.opt_string("note", s);
        let conflicts = o
            .array("conflicts", false, s)
            .map(|(a, p)| {
                a.iter()
                    .enumerate()
                    .map(|(k, cv)| conflict(cv, &index_path(&p, k), s))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
            })
            .unwrap_or(Some(Vec::new()));
        if level == Some(ConfidenceLevel::Conflicting) && conflicts.as_ref().is_some_and(|c| c.is_empty()) {
            s.report(
                &format!("{path}.conflicts"),
                "is required when level is \"conflicting\": list the competing values",
            );
            return None;
        }
        Some(Confidence { level: level?, note, conflicts: conflicts? })
    }

    fn source(&mut self, v: &Value, path: &str) -> Option<Source> {
        let s = &mut self.sink;
        let o = Obj::open(v, path, SOURCE_KEYS, s)?;
        let publisher = o.text("publisher", s);
        let kind = o
            .req("kind", s)
            .and_then(|(kv, p)| as_enum(kv, &p, "source kind", SourceKind::parse, SourceKind::expected, s));
        let title = o.text("title", s);
        let url = o.req("url", s).and_then(|(uv, p)| match uv {
            Value::String(u) if is_http_url(u) => Some(u.clone()),
            Value::String(u) => {
                s.report(&p, format!("{} is not an http(s) URL", quote(u)));
                None
            }
            other => {
                s.report(&p, format!("expected a URL string, found {}", type_name(other)));
                None
            }
        });
        let date = o.opt_date("date", s);
        let note = o.opt_string("note", s);
        Some(Source { publisher: publisher?, kind: kind?, title: title?, url: url?, date, note })
    }

    fn relationship(&mut self, v: &Value, path: &str, _i: usize) -> Option<Relationship> {
        let o = Obj::open(v, path, REL_KEYS, &mut self.sink)?;
        let id = self.id(&o, 2);
        let from = o.req("from", &mut self.sink).and_then(|(fv, p)| self.org_ref(fv, &p));
        let to = o.req("to", &mut self.sink).and_then(|(tv, p)| self.org_ref(tv, &p));
        if let (Some(f), Some(t)) = (from, to) {
            if f == t {
                self.sink.report(
                    &format!("{path}.to"),
                    "is the same organisation as \"from\"; a relationship needs two organisations",
                );
            }
        }
        let s = &mut self.sink;
        let kind = o
            .req("kind", s)
            .and_then(|(kv, p)| as_enum(kv, &p, "relationship kind", RelationKind::parse, RelationKind::expected, s));
        let directed = o.bool_or("directed", true, s);
        let label = o.text("label", s);
        let phases = match o.array("phases", true, &mut self.sink) {
            Some((a, p)) => {
                if a.is_empty() {
                    self.sink.report(&p, "must list at least one phase");
                }
                let phases: Vec<Option<Phase>> =
                    a.iter().enumerate().map(|(k, pv)| self.phase(pv, &index_path(&p, k))).collect();
                self.check_phase_order(&phases, &p);
                for (k, ph) in phases.iter().enumerate() {
                    if let Some(ph) = ph {
                        for org in [from, to].into_iter().flatten() {
                            self.check_founded(org, ph.start, &format!("{}.start", index_path(&p, k)));
                        }
                    }
                }
                phases.into_iter().collect::<Option<Vec<_>>>().filter(|v| !v.is_empty())
            }
            None => None,
        };
        let (from, to) = (from?, to?);
        if from == to {
            return None;
        }
        Some(Relationship { id: id?, from, to, kind: kind?, directed, label: label?, phases: phases? })
    }

    fn phase(&mut self, v: &Value, path: &str) -> Option<Phase> {
        let o = Obj::open(v, path, PHASE_KEYS, &mut self.sink)?;
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
        let state = match o.get("state") {
            Some((sv, p)) => as_enum(sv, &p, "phase state", PhaseState::parse, PhaseState::expected, s),
            None => Some(PhaseState::Active),
        };
        let confidence = match o.get("confidence") {
            Some((cv, p)) => as_enum(cv, &p, "confidence level", ConfidenceLevel::parse, ConfidenceLevel::expected, s),
            None => Some(ConfidenceLevel::Confirmed),
        };
        let summary = o.opt_string("summary", s);
        let events = match o.array("events", true, s) {
            Some((a, p)) => {
                if a.is_empty() {
                    s.report(&p, "must list at least one event that proves the phase");
                }
                a.iter()
                    .enumerate()
                    .map(|(k, ev)| {
                        let ep = index_path(&p, k);
                        let id = as_text(ev, &ep, &mut self.sink)?;
                        let found = self.event_by_id.get(&id).copied();
                        if found.is_none() && !self.events_unreadable {
                            self.sink.report(&ep, format!("unknown event id {}", quote(&id)));
                        }
                        found
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .filter(|v| !v.is_empty())
            }
            None => None,
        };
        Some(Phase {
            start: start?,
            start_uncertain,
            end,
            end_scheduled,
            status: status?,
            state: state?,
            confidence: confidence?,
            summary,
            events: events?,
        })
    }

    /// Phases must be in time order and must not overlap (an open phase overlaps every later one).
    fn check_phase_order(&mut self, phases: &[Option<Phase>], path: &str) {
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

fn conflict(v: &Value, path: &str, s: &mut Sink) -> Option<Conflict> {
    let o = Obj::open(v, path, CONFLICT_KEYS, s)?;
    let about = o
        .req("about", s)
        .and_then(|(a, p)| as_enum(a, &p, "conflict subject", ConflictAbout::parse, ConflictAbout::expected, s));
    let values = o.array("values", true, s).and_then(|(a, p)| {
        if a.len() < 2 {
            s.report(&p, "must list at least two competing values");
        }
        let vals = a.iter().enumerate().map(|(k, x)| as_text(x, &index_path(&p, k), s)).collect::<Vec<_>>();
        vals.into_iter().collect::<Option<Vec<_>>>().filter(|v| v.len() >= 2)
    });
    let note = o.opt_string("note", s);
    Some(Conflict { about: about?, values: values?, note })
}

/// A finite number ≥ 0.
fn non_negative(v: &Value, path: &str, s: &mut Sink) -> Option<f64> {
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
fn first_seen(orgs: &[Organisation], events: &[Event], rels: &[Relationship], meta: &Meta) -> Vec<Date> {
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
