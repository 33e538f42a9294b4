//! Reading a dataset the build has already validated, without validating it again.
//!
//! Why: the page's shipped story is checked in full by `powershift site`, which refuses an invalid
//! dataset, and the page knows it has that very text when its fingerprint matches the layout island
//! the build wrote beside it (`known_layout`). Validating it again in the browser cost the reader a
//! first download with the whole validator in it (its rules, its messages and their formatting;
//! issue 12's size profile) and ~50–80 ms of main-thread work at load on a phone (4× CPU). This
//! reader builds the same [`Dataset`] from the parsed JSON and checks nothing the build checked: no
//! text rules, no ranges, no cross-references beyond resolving them, no problems listed.
//!
//! It is not a lenient validator: any text that is not the build's goes through
//! [`Dataset::from_json_str`] or [`Validation`](super::Validation), which report every problem. Given
//! anything else it returns `None` (a missing or mistyped field, an unknown id or name) and never
//! panics, so a caller can fall back to the validator. For every valid dataset it returns exactly
//! the validator's dataset (the tests compare them on every valid fixture and the shipped story).
//! O(size of the value).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::dataset::{
    Amount, Confidence, Conflict, Dataset, Event, EventIx, Meta, OrgIx, Organisation, Phase, RelIx, Relationship,
    Source, Step, StepView,
};
use super::kinds::{
    AmountQualifier, ConfidenceLevel, ConflictAbout, EventKind, OrgKind, PhaseState, RelationKind, SourceKind,
};
use super::validate::{first_seen, FORMAT_VERSION};
use crate::date::FuzzyDate;

impl Dataset {
    /// The dataset in `value`, which the build has validated in full (the page's shipped story,
    /// recognised by its fingerprint); `None` when `value` is not a valid dataset's shape.
    ///
    /// ```
    /// use powershift_core::model::Dataset;
    /// let text = r#"{"format_version": 1,
    ///   "meta": {"title": "T", "as_of": "2020-01-01"},
    ///   "organisations": [{"id": "a", "name": "A", "short_name": "A", "kind": "ai_lab", "description": "d"}],
    ///   "events": [], "relationships": []}"#;
    /// let value = Dataset::parse_json(text).unwrap();
    /// assert_eq!(Dataset::from_build_validated(&value), Some(Dataset::from_json_str(text).unwrap()));
    /// assert_eq!(Dataset::from_build_validated(&serde_json::json!({"format_version": 1})), None);
    /// ```
    pub fn from_build_validated(value: &Value) -> Option<Dataset> {
        let root = value.as_object()?;
        if get(root, "format_version")?.as_u64()? != FORMAT_VERSION {
            return None;
        }
        let meta = meta(get(root, "meta")?.as_object()?)?;
        let organisations = list(array(root, "organisations")?, organisation)?;
        let org_by_id = index_by_id(organisations.iter().map(|o| o.id.as_str()), OrgIx)?;
        let events_in = array(root, "events")?;
        let event_by_id = index_by_id(events_in.iter().map(|e| id_of(e).unwrap_or_default()), EventIx)?;
        let ids = Ids { orgs: &org_by_id, events: &event_by_id };
        let events = list(events_in, |e| event(e, &ids))?;
        let relationships = list(array(root, "relationships")?, |r| relationship(r, &ids))?;
        let rel_by_id = index_by_id(relationships.iter().map(|r| r.id.as_str()), RelIx)?;
        let story = match get(root, "story") {
            None => Vec::new(),
            Some(v) => list(v.as_array()?, step)?,
        };
        let first_seen = first_seen(&organisations, &events, &relationships, &meta);
        Some(Dataset {
            format_version: FORMAT_VERSION as u32,
            meta,
            organisations,
            events,
            relationships,
            story,
            org_by_id,
            event_by_id,
            rel_by_id,
            first_seen,
        })
    }
}

/// The ids read so far, for resolving references.
struct Ids<'a> {
    orgs: &'a BTreeMap<String, OrgIx>,
    events: &'a BTreeMap<String, EventIx>,
}

/// Each id to its position; `None` for an empty or repeated id.
fn index_by_id<'a, I>(ids: impl Iterator<Item = &'a str>, ix: fn(u32) -> I) -> Option<BTreeMap<String, I>> {
    let mut map = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        if id.is_empty() || map.insert(id.to_string(), ix(i as u32)).is_some() {
            return None;
        }
    }
    Some(map)
}

/// A present, non-null field (null counts as absent, as in the validator).
fn get<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    o.get(key).filter(|v| !v.is_null())
}

fn id_of(v: &Value) -> Option<&str> {
    v.as_object().and_then(|o| get(o, "id")).and_then(Value::as_str)
}

fn array<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Vec<Value>> {
    get(o, key)?.as_array()
}

/// A list that may be absent (then empty).
fn opt_array<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a [Value]> {
    match get(o, key) {
        None => Some(&[]),
        Some(v) => v.as_array().map(Vec::as_slice),
    }
}

/// Each item read by `read`; `None` if any is unreadable. A loop rather than
/// `collect::<Option<Vec<_>>>()`, whose adapter is instantiated anew for every item type (a few KB
/// of the page's first download).
fn list<T>(values: &[Value], mut read: impl FnMut(&Value) -> Option<T>) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(values.len());
    for v in values {
        out.push(read(v)?);
    }
    Some(out)
}

fn text(o: &Map<String, Value>, key: &str) -> Option<String> {
    get(o, key)?.as_str().map(str::to_string)
}

/// An optional text: `Some(None)` when absent, `None` when not a string.
fn opt_text(o: &Map<String, Value>, key: &str) -> Option<Option<String>> {
    get(o, key).map(|v| v.as_str().map(str::to_string)).map_or(Some(None), |t| t.map(Some))
}

fn texts(o: &Map<String, Value>, key: &str) -> Option<Vec<String>> {
    list(opt_array(o, key)?, |v| v.as_str().map(str::to_string))
}

fn date(o: &Map<String, Value>, key: &str) -> Option<FuzzyDate> {
    FuzzyDate::parse(get(o, key)?.as_str()?).ok()
}

/// An optional date: `Some(None)` when absent, `None` when malformed.
fn opt_date(o: &Map<String, Value>, key: &str) -> Option<Option<FuzzyDate>> {
    match get(o, key) {
        None => Some(None),
        Some(v) => FuzzyDate::parse(v.as_str()?).ok().map(Some),
    }
}

fn bool_or(o: &Map<String, Value>, key: &str, default: bool) -> Option<bool> {
    get(o, key).map_or(Some(default), Value::as_bool)
}

fn name<T>(v: &Value, parse: fn(&str) -> Option<T>) -> Option<T> {
    parse(v.as_str()?)
}

fn org_ref(v: &Value, ids: &Ids) -> Option<OrgIx> {
    ids.orgs.get(v.as_str()?).copied()
}

fn meta(o: &Map<String, Value>) -> Option<Meta> {
    Some(Meta {
        title: text(o, "title")?,
        subtitle: opt_text(o, "subtitle")?,
        headline: opt_text(o, "headline")?,
        description: opt_text(o, "description")?,
        as_of: date(o, "as_of")?,
        start: opt_date(o, "start")?,
        credit: opt_text(o, "credit")?,
        notes: texts(o, "notes")?,
    })
}

fn organisation(v: &Value) -> Option<Organisation> {
    let o = v.as_object()?;
    Some(Organisation {
        id: text(o, "id")?,
        name: text(o, "name")?,
        short_name: text(o, "short_name")?,
        kind: name(get(o, "kind")?, OrgKind::parse)?,
        description: text(o, "description")?,
        founded: opt_date(o, "founded")?,
    })
}

fn event(v: &Value, ids: &Ids) -> Option<Event> {
    let o = v.as_object()?;
    Some(Event {
        id: text(o, "id")?,
        date: date(o, "date")?,
        end: opt_date(o, "end")?,
        date_note: opt_text(o, "date_note")?,
        title: text(o, "title")?,
        kinds: list(array(o, "kinds")?, |k| name(k, EventKind::parse))?,
        organisations: list(array(o, "organisations")?, |r| org_ref(r, ids))?,
        amounts: list(opt_array(o, "amounts")?, |a| amount(a, ids))?,
        summary: text(o, "summary")?,
        confidence: confidence(get(o, "confidence")?)?,
        sources: list(array(o, "sources")?, source)?,
    })
}

fn amount(v: &Value, ids: &Ids) -> Option<Amount> {
    let o = v.as_object()?;
    let opt_org = |key| get(o, key).map_or(Some(None), |r| org_ref(r, ids).map(Some));
    Some(Amount {
        value: get(o, "value")?.as_f64()?,
        currency: text(o, "currency")?,
        qualifiers: list(opt_array(o, "qualifiers")?, |q| name(q, AmountQualifier::parse))?,
        from: opt_org("from")?,
        to: opt_org("to")?,
        label: opt_text(o, "label")?,
        alternatives: list(opt_array(o, "alternatives")?, Value::as_f64)?,
    })
}

fn confidence(v: &Value) -> Option<Confidence> {
    let o = v.as_object()?;
    Some(Confidence {
        level: name(get(o, "level")?, ConfidenceLevel::parse)?,
        note: opt_text(o, "note")?,
        conflicts: list(opt_array(o, "conflicts")?, conflict)?,
    })
}

fn conflict(v: &Value) -> Option<Conflict> {
    let o = v.as_object()?;
    Some(Conflict {
        about: name(get(o, "about")?, ConflictAbout::parse)?,
        values: texts(o, "values")?,
        note: opt_text(o, "note")?,
    })
}

fn source(v: &Value) -> Option<Source> {
    let o = v.as_object()?;
    Some(Source {
        publisher: text(o, "publisher")?,
        kind: name(get(o, "kind")?, SourceKind::parse)?,
        title: text(o, "title")?,
        url: text(o, "url")?,
        date: opt_date(o, "date")?,
        note: opt_text(o, "note")?,
        independent: bool_or(o, "independent", true)?,
    })
}

fn relationship(v: &Value, ids: &Ids) -> Option<Relationship> {
    let o = v.as_object()?;
    Some(Relationship {
        id: text(o, "id")?,
        from: org_ref(get(o, "from")?, ids)?,
        to: org_ref(get(o, "to")?, ids)?,
        kind: name(get(o, "kind")?, RelationKind::parse)?,
        directed: bool_or(o, "directed", true)?,
        label: text(o, "label")?,
        phases: list(array(o, "phases")?, |p| phase(p, ids))?,
    })
}

fn phase(v: &Value, ids: &Ids) -> Option<Phase> {
    let o = v.as_object()?;
    let state = get(o, "state").map_or(Some(PhaseState::Active), |s| name(s, PhaseState::parse))?;
    let confidence =
        get(o, "confidence").map_or(Some(ConfidenceLevel::Confirmed), |c| name(c, ConfidenceLevel::parse))?;
    Some(Phase {
        start: date(o, "start")?,
        start_uncertain: bool_or(o, "start_uncertain", false)?,
        end: opt_date(o, "end")?,
        end_scheduled: bool_or(o, "end_scheduled", false)?,
        status: text(o, "status")?,
        state,
        confidence,
        summary: opt_text(o, "summary")?,
        events: list(array(o, "events")?, |e| ids.events.get(e.as_str()?).copied())?,
    })
}

fn step(v: &Value) -> Option<Step> {
    let o = v.as_object()?;
    let view = get(o, "view")?.as_object()?;
    Some(Step {
        title: text(o, "title")?,
        text: text(o, "text")?,
        view: StepView {
            date: date(view, "date")?,
            select: opt_text(view, "select")?,
            focus: opt_text(view, "focus")?,
            hide: opt_text(view, "hide")?,
        },
    })
}
