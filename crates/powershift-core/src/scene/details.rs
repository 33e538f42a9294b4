//! The details panel's texts: an event (date, amounts, confidence with its footnotes and
//! conflicts, sources), a relationship (its phases and events) and a pair of organisations (every
//! relationship between them). The panel only lays these out, so every word a reader gets is made
//! here and checked natively ([`super::words::lint`] over the whole shipped story).
//!
//! The confidence line agrees with what follows it: a "single source" event lists its other pages
//! as copies or background ("2 pages, 1 independent source"), and a date the sources give one day
//! apart is a footnote, not a conflict (see [`crate::model::Conflict::is_one_day_apart`]).

use crate::date::{Date, FuzzyDate};
use crate::model::{ConfidenceLevel, Dataset, EventIx, OrgIx, RelIx, RelationKind, SourceKind};

use super::counts::count;
use super::words::{conflict_line, date_footnote};

/// One money figure of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountLine {
    /// "up to $4B (pledged)".
    pub value: String,
    /// What the figure is.
    pub label: Option<String>,
    /// "also reported: $44M, $45M".
    pub also: Option<String>,
}

/// One source of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceLine {
    /// The page's title (the link text).
    pub title: String,
    /// Its address.
    pub url: String,
    /// Who stands behind it (a class for styling).
    pub kind: SourceKind,
    /// "Company announcement (OpenAI), 21 January 2025", "Reuters".
    pub byline: String,
    /// What it supports.
    pub note: Option<String>,
    /// Counted as separate evidence; otherwise the line says it is a copy or background.
    pub independent: bool,
}

/// What an event's card says.
#[derive(Clone, Debug, PartialEq)]
pub struct EventCard {
    /// The event.
    pub event: EventIx,
    /// Its date (for a machine-readable `datetime`).
    pub date: FuzzyDate,
    /// "27 February 2026", or "27 April 2026 – 18 May 2026" for an event that lasts.
    pub when: String,
    /// A note on the date.
    pub date_note: Option<String>,
    /// The headline.
    pub title: String,
    /// Its money figures.
    pub amounts: Vec<AmountLine>,
    /// One to three sentences.
    pub summary: String,
    /// The level (for styling).
    pub level: ConfidenceLevel,
    /// "Confirmed — announced by Microsoft".
    pub confidence: String,
    /// What exactly is known and what is not.
    pub confidence_note: Option<String>,
    /// Dates the sources give one day apart: "Sources give 26 or 27 February 2026, one day apart. …".
    pub footnotes: Vec<String>,
    /// Real conflicts: "Amount reported as $350B or $380B — …".
    pub conflicts: Vec<String>,
    /// The organisations involved, main actor first.
    pub involves: Vec<OrgIx>,
    /// "3 sources", or "2 pages, 1 independent source" when some pages are copies or background.
    pub sources_heading: String,
    /// Strongest first.
    pub sources: Vec<SourceLine>,
}

/// What a listed page that is not separate evidence says after its byline.
pub const NOT_INDEPENDENT: &str = "a copy or background, not counted as a separate source";

impl EventCard {
    /// Every text of the card a reader gets, for checks.
    pub fn texts(&self) -> Vec<String> {
        let mut t = vec![self.when.clone(), self.title.clone(), self.summary.clone(), self.confidence.clone()];
        t.extend(self.date_note.iter().cloned());
        t.extend(self.confidence_note.iter().cloned());
        for a in &self.amounts {
            t.push(a.value.clone());
            t.extend(a.label.iter().cloned());
            t.extend(a.also.iter().cloned());
        }
        t.extend(self.footnotes.iter().cloned());
        t.extend(self.conflicts.iter().cloned());
        t.push(self.sources_heading.clone());
        for s in &self.sources {
            t.push(s.title.clone());
            t.push(s.byline.clone());
            t.extend(s.note.iter().cloned());
        }
        t
    }
}

/// The card of event `e`. O(sources log sources + amounts).
pub fn event_card(ds: &Dataset, e: EventIx) -> EventCard {
    let ev = ds.event(e);
    let when = match ev.end {
        Some(end) => format!("{} – {}", ev.date.to_words(), end.to_words()),
        None => ev.date.to_words(),
    };
    let amounts = ev
        .amounts
        .iter()
        .map(|a| AmountLine {
            value: a.describe(),
            label: a.label.clone(),
            also: (!a.alternatives.is_empty()).then(|| {
                let values: Vec<String> = a
                    .alternatives
                    .iter()
                    .map(|v| crate::model::Amount { value: *v, ..a.clone() }.compact_value())
                    .collect();
                format!("also reported: {}", values.join(", "))
            }),
        })
        .collect();
    let (n, k) = (ev.sources.len(), ev.independent_sources());
    let sources_heading = if k == n {
        count(n, "source", "sources")
    } else {
        format!("{}, {}", count(n, "page", "pages"), count(k, "independent source", "independent sources"))
    };
    let sources = ev
        .sources_strongest_first()
        .into_iter()
        .map(|s| SourceLine {
            title: s.title.clone(),
            url: s.url.clone(),
            kind: s.kind,
            byline: match s.date {
                Some(d) => format!("{}, {}", s.byline(), d.to_words()),
                None => s.byline(),
            },
            note: s.note.clone(),
            independent: s.independent,
        })
        .collect();
    EventCard {
        event: e,
        date: ev.date,
        when,
        date_note: ev.date_note.clone(),
        title: ev.title.clone(),
        amounts,
        summary: ev.summary.clone(),
        level: ev.confidence.level,
        confidence: ev.confidence_line(),
        confidence_note: ev.confidence.note.clone(),
        footnotes: ev.date_footnotes().map(date_footnote).collect(),
        conflicts: ev.real_conflicts().map(conflict_line).collect(),
        involves: ev.organisations.clone(),
        sources_heading,
        sources,
    }
}

/// One relationship in a pair's list.
#[derive(Clone, Debug, PartialEq)]
pub struct PairItem {
    /// The relationship.
    pub rel: RelIx,
    /// Its kind (the swatch).
    pub kind: RelationKind,
    /// "Google → Anthropic: Google Cloud and TPUs".
    pub text: String,
    /// The terms on the date, or the kind for one not in force.
    pub detail: String,
}

/// Every relationship between two organisations, those in force on the date first.
#[derive(Clone, Debug, PartialEq)]
pub struct PairDetails {
    /// "Relationships in force on 1 June 2025 (2)".
    pub in_force_heading: String,
    /// In force on the date, in file order.
    pub in_force: Vec<PairItem>,
    /// "Not in force on 1 June 2025 (1)".
    pub earlier_heading: String,
    /// The others, in file order.
    pub earlier: Vec<PairItem>,
}

/// The relationships between `a` and `b` on `date` (said `date_words`). O(relationships).
pub fn pair_details(ds: &Dataset, a: OrgIx, b: OrgIx, date: Date, date_words: &str) -> PairDetails {
    let net = ds.network_at(date);
    let between = |r: &crate::model::Relationship| (r.from == a && r.to == b) || (r.from == b && r.to == a);
    let item = |r: RelIx, status: Option<&str>| {
        let rel = ds.rel(r);
        PairItem {
            rel: r,
            kind: rel.kind,
            text: format!(
                "{} {} {}: {}",
                ds.org(rel.from).short_name,
                if rel.directed { "→" } else { "–" },
                ds.org(rel.to).short_name,
                rel.label
            ),
            detail: status.unwrap_or(rel.kind.label()).to_string(),
        }
    };
    let in_force: Vec<PairItem> = net
        .edges
        .iter()
        .filter(|e| between(ds.rel(e.rel)))
        .map(|e| item(e.rel, Some(ds.rel(e.rel).phases[e.phase].status.as_str())))
        .collect();
    let earlier: Vec<PairItem> = (0..ds.relationships.len() as u32)
        .map(RelIx)
        .filter(|r| between(ds.rel(*r)) && !in_force.iter().any(|i| i.rel == *r))
        .map(|r| item(r, None))
        .collect();
    PairDetails {
        in_force_heading: format!("Relationships in force on {date_words} ({})", in_force.len()),
        earlier_heading: format!("Not in force on {date_words} ({})", earlier.len()),
        in_force,
        earlier,
    }
}

/// One phase of a relationship.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseLine {
    /// The terms.
    pub status: String,
    /// "July 2019 – January 2025", "January 2025 – ongoing", "… – 2030 (scheduled)".
    pub span: String,
    /// "start not documented; shown from this date" when the true start is earlier.
    pub uncertain_start: Option<&'static str>,
    /// One sentence on the terms.
    pub summary: Option<String>,
    /// "In force on 1 June 2025" for the phase in force on the date.
    pub current: Option<String>,
}

/// A relationship's lifecycle and the events behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct RelDetails {
    /// "→" for a directed relationship, "–" otherwise.
    pub arrow: &'static str,
    /// "Investment".
    pub kind: String,
    /// "3 phases between 2015 and 2026" (the lifecycle figure's accessible name).
    pub lifecycle: String,
    /// Its phases in time order.
    pub phases: Vec<PhaseLine>,
    /// "Events (4)".
    pub events_heading: String,
    /// Every event of every phase, by date.
    pub events: Vec<EventIx>,
}

/// The details of relationship `r` on `date` (said `date_words`). O(phases · events).
pub fn rel_details(ds: &Dataset, r: RelIx, date: Date, date_words: &str) -> RelDetails {
    let rel = ds.rel(r);
    let (start, end) = ds.time_range();
    let current = rel.phase_on(date);
    let mut events: Vec<EventIx> = rel.phases.iter().flat_map(|p| p.events.iter().copied()).collect();
    crate::sort::sort_by_key(&mut events, |e| (ds.event(*e).date.start, e.0));
    events.dedup();
    let phases = rel
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| PhaseLine {
            status: p.status.clone(),
            span: format!(
                "{} – {}{}",
                p.start.to_words(),
                p.end.map_or("ongoing".to_string(), |e| e.to_words()),
                if p.end_scheduled { " (scheduled)" } else { "" }
            ),
            uncertain_start: p.start_uncertain.then_some("start not documented; shown from this date"),
            summary: p.summary.clone(),
            current: (Some(i) == current).then(|| format!("In force on {date_words}")),
        })
        .collect();
    RelDetails {
        arrow: if rel.directed { "→" } else { "–" },
        kind: rel.kind.label().to_string(),
        lifecycle: format!(
            "{} between {} and {}",
            count(rel.phases.len(), "phase", "phases"),
            start.year(),
            end.year()
        ),
        phases,
        events_heading: format!("Events ({})", events.len()),
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = r#"{
      "format_version": 1,
      "meta": {"title": "Details", "as_of": "2026-06-01"},
      "organisations": [
        {"id": "a", "name": "A Corp", "short_name": "A", "kind": "cloud", "description": "A."},
        {"id": "b", "name": "B Lab", "short_name": "B", "kind": "ai_lab", "description": "B."}],
      "events": [
        {"id": "e1", "date": "2026-02-27", "title": "A and B sign", "kinds": ["cloud_compute"], "organisations": ["a", "b"],
         "summary": "S.",
         "confidence": {"level": "single_source", "note": "One report, carried twice.",
           "conflicts": [{"about": "date", "values": ["2026-02-27", "2026-02-26"], "note": "A time zone."}]},
         "sources": [
           {"publisher": "Copy Site", "kind": "other", "title": "Copy", "url": "https://copy.example/1", "independent": false},
           {"publisher": "Wire", "kind": "wire_or_major", "title": "Original", "url": "https://wire.example/1", "date": "2026-02-27"}]},
        {"id": "e2", "date": "2026-04", "title": "B values itself", "kinds": ["investment"], "organisations": ["b", "a"],
         "summary": "S.",
         "confidence": {"level": "conflicting",
           "conflicts": [{"about": "amount", "values": ["$350B", "$380B"]}, {"about": "date", "values": ["2026-04-02", "2026-05"]}]},
         "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://p.example/2"}]}],
      "relationships": [
        {"id": "r1", "from": "a", "to": "b", "kind": "cloud_compute", "label": "Cloud",
         "phases": [{"start": "2026-02-27", "end": "2026-04", "status": "first terms", "events": ["e1"]},
                    {"start": "2026-04", "status": "second terms", "events": ["e2"]}]},
        {"id": "r2", "from": "a", "to": "b", "kind": "investment", "label": "Investment", "directed": false,
         "phases": [{"start": "2026-04", "status": "stake", "events": ["e2"]}]}]
    }"#;

    fn ds() -> Dataset {
        Dataset::from_json_str(FIXTURE).unwrap()
    }

    #[test]
    fn a_single_source_event_counts_its_copy_apart_and_footnotes_a_one_day_date() {
        let ds = ds();
        let c = event_card(&ds, EventIx(0));
        assert_eq!(c.confidence, "Single source");
        assert_eq!(c.sources_heading, "2 pages, 1 independent source");
        assert_eq!(c.sources[0].byline, "Wire, 27 February 2026", "strongest first");
        assert!(c.sources[0].independent && !c.sources[1].independent);
        assert_eq!(c.footnotes, vec!["Sources give 26 or 27 February 2026, one day apart. A time zone."]);
        assert!(c.conflicts.is_empty(), "a one-day difference is not a conflict");
    }

    #[test]
    fn real_conflicts_are_listed_in_words() {
        let ds = ds();
        let c = event_card(&ds, EventIx(1));
        assert_eq!(c.sources_heading, "1 source");
        assert_eq!(c.when, "April 2026");
        assert!(c.footnotes.is_empty());
        assert_eq!(c.conflicts, vec!["Amount reported as $350B or $380B", "Date reported as 2 April 2026 or May 2026"]);
        for t in c.texts() {
            assert!(super::super::words::lint(&t).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_pair_lists_what_is_in_force_first_and_a_relationship_its_phases() {
        let ds = ds();
        let (a, b) = (OrgIx(0), OrgIx(1));
        let d = Date::from_ymd(2026, 3, 1).unwrap();
        let p = pair_details(&ds, b, a, d, "1 March 2026");
        assert_eq!(p.in_force_heading, "Relationships in force on 1 March 2026 (1)");
        assert_eq!(p.in_force[0].text, "A → B: Cloud");
        assert_eq!(p.in_force[0].detail, "first terms");
        assert_eq!(p.earlier_heading, "Not in force on 1 March 2026 (1)");
        assert_eq!((p.earlier[0].text.as_str(), p.earlier[0].detail.as_str()), ("A – B: Investment", "Investment"));
        let r = rel_details(&ds, RelIx(0), d, "1 March 2026");
        assert_eq!(r.lifecycle, "2 phases between 2026 and 2026");
        assert_eq!(r.phases[0].span, "27 February 2026 – April 2026");
        assert_eq!(r.phases[0].current.as_deref(), Some("In force on 1 March 2026"));
        assert_eq!(r.phases[1].span, "April 2026 – ongoing");
        assert_eq!(r.phases[1].current, None);
        assert_eq!(r.events_heading, "Events (2)");
    }
}
