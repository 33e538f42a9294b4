//! The dataset back to the JSON format: what `powershift import` writes, and the inverse of
//! validation (`Dataset::from_value(&ds.to_json_value()) == ds` for every valid dataset).
//!
//! Optional fields at their default (`directed: true`, phase `state: "active"`, `confidence:
//! "confirmed"`, `false` flags, empty lists) are left out, as a person would write the file.

use serde_json::{json, Map, Value};

use super::dataset::{Amount, Confidence, Dataset, Event, Organisation, Phase, Relationship, Source, Step};
use super::kinds::{ConfidenceLevel, PhaseState};
use super::FORMAT_VERSION;

fn put(m: &mut Map<String, Value>, key: &str, v: Option<impl Into<Value>>) {
    if let Some(v) = v {
        m.insert(key.to_string(), v.into());
    }
}

impl Dataset {
    /// The dataset in the JSON format (keys in alphabetical order). O(size).
    ///
    /// ```
    /// use powershift_core::model::Dataset;
    /// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
    /// assert_eq!(Dataset::from_value(&ds.to_json_value()).unwrap(), ds);
    /// ```
    pub fn to_json_value(&self) -> Value {
        let m = &self.meta;
        let mut meta = Map::new();
        meta.insert("title".into(), json!(m.title));
        put(&mut meta, "subtitle", m.subtitle.clone());
        put(&mut meta, "headline", m.headline.clone());
        put(&mut meta, "description", m.description.clone());
        meta.insert("as_of".into(), json!(m.as_of.to_string()));
        put(&mut meta, "start", m.start.map(|d| d.to_string()));
        put(&mut meta, "credit", m.credit.clone());
        if !m.notes.is_empty() {
            meta.insert("notes".into(), json!(m.notes));
        }
        let mut v = json!({
            "format_version": FORMAT_VERSION,
            "meta": meta,
            "organisations": self.organisations.iter().map(organisation).collect::<Vec<_>>(),
            "events": self.events.iter().map(|e| self.event_json(e)).collect::<Vec<_>>(),
            "relationships": self.relationships.iter().map(|r| self.relationship_json(r)).collect::<Vec<_>>(),
        });
        if !self.story.is_empty() {
            v["story"] = Value::Array(self.story.iter().map(step).collect());
        }
        v
    }

    fn event_json(&self, e: &Event) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), json!(e.id));
        o.insert("date".into(), json!(e.date.to_string()));
        put(&mut o, "end", e.end.map(|d| d.to_string()));
        put(&mut o, "date_note", e.date_note.clone());
        o.insert("title".into(), json!(e.title));
        o.insert("kinds".into(), json!(e.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()));
        o.insert(
            "organisations".into(),
            json!(e.organisations.iter().map(|x| self.org(*x).id.clone()).collect::<Vec<_>>()),
        );
        if !e.amounts.is_empty() {
            o.insert("amounts".into(), Value::Array(e.amounts.iter().map(|a| self.amount_json(a)).collect()));
        }
        o.insert("summary".into(), json!(e.summary));
        o.insert("confidence".into(), confidence(&e.confidence));
        o.insert("sources".into(), Value::Array(e.sources.iter().map(source).collect()));
        Value::Object(o)
    }

    fn amount_json(&self, a: &Amount) -> Value {
        let mut o = Map::new();
        o.insert("value".into(), json!(a.value));
        o.insert("currency".into(), json!(a.currency));
        if !a.qualifiers.is_empty() {
            o.insert("qualifiers".into(), json!(a.qualifiers.iter().map(|q| q.as_str()).collect::<Vec<_>>()));
        }
        put(&mut o, "from", a.from.map(|x| self.org(x).id.clone()));
        put(&mut o, "to", a.to.map(|x| self.org(x).id.clone()));
        put(&mut o, "label", a.label.clone());
        if !a.alternatives.is_empty() {
            o.insert("alternatives".into(), json!(a.alternatives));
        }
        Value::Object(o)
    }

    fn relationship_json(&self, r: &Relationship) -> Value {
        let mut o = Map::new();
        o.insert("id".into(), json!(r.id));
        o.insert("from".into(), json!(self.org(r.from).id));
        o.insert("to".into(), json!(self.org(r.to).id));
        o.insert("kind".into(), json!(r.kind.as_str()));
        if !r.directed {
            o.insert("directed".into(), json!(false));
        }
        o.insert("label".into(), json!(r.label));
        o.insert("phases".into(), Value::Array(r.phases.iter().map(|p| self.phase_json(p)).collect()));
        Value::Object(o)
    }

    fn phase_json(&self, p: &Phase) -> Value {
        let mut o = Map::new();
        o.insert("start".into(), json!(p.start.to_string()));
        if p.start_uncertain {
            o.insert("start_uncertain".into(), json!(true));
        }
        put(&mut o, "end", p.end.map(|d| d.to_string()));
        if p.end_scheduled {
            o.insert("end_scheduled".into(), json!(true));
        }
        o.insert("status".into(), json!(p.status));
        if p.state != PhaseState::Active {
            o.insert("state".into(), json!(p.state.as_str()));
        }
        if p.confidence != ConfidenceLevel::Confirmed {
            o.insert("confidence".into(), json!(p.confidence.as_str()));
        }
        put(&mut o, "summary", p.summary.clone());
        o.insert("events".into(), json!(p.events.iter().map(|e| self.event(*e).id.clone()).collect::<Vec<_>>()));
        Value::Object(o)
    }
}

fn organisation(o: &Organisation) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(o.id));
    m.insert("name".into(), json!(o.name));
    m.insert("short_name".into(), json!(o.short_name));
    m.insert("kind".into(), json!(o.kind.as_str()));
    m.insert("description".into(), json!(o.description));
    put(&mut m, "founded", o.founded.map(|d| d.to_string()));
    Value::Object(m)
}

fn step(s: &Step) -> Value {
    let mut view = Map::new();
    view.insert("date".into(), json!(s.view.date.to_string()));
    put(&mut view, "select", s.view.select.clone());
    put(&mut view, "focus", s.view.focus.clone());
    put(&mut view, "hide", s.view.hide.clone());
    json!({ "title": s.title, "text": s.text, "view": view })
}

fn confidence(c: &Confidence) -> Value {
    let mut m = Map::new();
    m.insert("level".into(), json!(c.level.as_str()));
    put(&mut m, "note", c.note.clone());
    if !c.conflicts.is_empty() {
        let list: Vec<Value> = c
            .conflicts
            .iter()
            .map(|x| {
                let mut o = Map::new();
                o.insert("about".into(), json!(x.about.as_str()));
                o.insert("values".into(), json!(x.values));
                put(&mut o, "note", x.note.clone());
                Value::Object(o)
            })
            .collect();
        m.insert("conflicts".into(), Value::Array(list));
    }
    Value::Object(m)
}

fn source(s: &Source) -> Value {
    let mut m = Map::new();
    m.insert("publisher".into(), json!(s.publisher));
    m.insert("kind".into(), json!(s.kind.as_str()));
    m.insert("title".into(), json!(s.title));
    m.insert("url".into(), json!(s.url));
    put(&mut m, "date", s.date.map(|d| d.to_string()));
    put(&mut m, "note", s.note.clone());
    if !s.independent {
        m.insert("independent".into(), json!(false));
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use crate::model::Dataset;

    #[test]
    fn the_shipped_story_and_synthetic_ones_survive_the_round_trip() {
        let shipped = include_str!("../../../../static/data/powershift.json");
        let frozen = include_str!("../../tests/res/story-frozen.json");
        assert!(!Dataset::from_json_str(frozen).unwrap().story.is_empty(), "steps are part of the round trip");
        for text in [shipped, frozen] {
            let ds = Dataset::from_json_str(text).unwrap();
            assert_eq!(Dataset::from_value(&ds.to_json_value()).unwrap(), ds);
        }
        for seed in 1..4 {
            let v = crate::testkit::synthetic::synthetic_dataset(30, 60, seed);
            let ds = Dataset::from_value(&v).unwrap();
            assert_eq!(Dataset::from_value(&ds.to_json_value()).unwrap(), ds);
        }
    }
}
