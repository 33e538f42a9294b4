//! The typed, validated, immutable dataset.
//!
//! Every cross-reference is an index newtype ([`OrgIx`], [`EventIx`], [`RelIx`]) into the dataset's
//! vectors, checked once during validation, so later code never looks up a string id or handles a
//! dangling reference. Vectors keep the file's order, which keeps error paths and output stable.

use std::collections::BTreeMap;

use super::kinds::{
    AmountQualifier, ConfidenceLevel, ConflictAbout, EventKind, OrgKind, PhaseState, RelationKind, SourceKind,
};
use crate::date::{Date, FuzzyDate};

/// Index of an organisation in [`Dataset::organisations`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OrgIx(pub u32);
/// Index of an event in [`Dataset::events`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIx(pub u32);
/// Index of a relationship in [`Dataset::relationships`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelIx(pub u32);

impl OrgIx {
    /// As a vector index.
    pub fn ix(self) -> usize {
        self.0 as usize
    }
}
impl EventIx {
    /// As a vector index.
    pub fn ix(self) -> usize {
        self.0 as usize
    }
}
impl RelIx {
    /// As a vector index.
    pub fn ix(self) -> usize {
        self.0 as usize
    }
}

/// The story's metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Page heading.
    pub title: String,
    /// One line under the title.
    pub subtitle: Option<String>,
    /// The finding in one sentence: shown under the title instead of the subtitle when present.
    pub headline: Option<String>,
    /// Scope and method.
    pub description: Option<String>,
    /// When the data was last checked; open phases run to here.
    pub as_of: FuzzyDate,
    /// Optional start of the story's range.
    pub start: Option<FuzzyDate>,
    /// Who compiled the data.
    pub credit: Option<String>,
    /// Caveats.
    pub notes: Vec<String>,
}

/// An organisation (or person) that takes part in the story.
#[derive(Clone, Debug, PartialEq)]
pub struct Organisation {
    /// Unique id from the file.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Network label.
    pub short_name: String,
    /// Primary role.
    pub kind: OrgKind,
    /// One line.
    pub description: String,
    /// When it came into being, if given.
    pub founded: Option<FuzzyDate>,
}

/// A money figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// In units of `currency`.
    pub value: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// What kind of figure it is.
    pub qualifiers: Vec<AmountQualifier>,
    /// Who commits the money.
    pub from: Option<OrgIx>,
    /// Who receives it.
    pub to: Option<OrgIx>,
    /// What the figure is.
    pub label: Option<String>,
    /// Other reported values.
    pub alternatives: Vec<f64>,
}

impl Amount {
    /// Whether the figure is a valuation rather than money committed.
    pub fn is_valuation(&self) -> bool {
        self.qualifiers.contains(&AmountQualifier::Valuation)
    }

    /// "$1.25B", "$350M", "$38B": compact money for labels.
    pub fn compact_value(&self) -> String {
        let symbol = if self.currency == "USD" { "$".to_string() } else { format!("{} ", self.currency) };
        let v = self.value;
        let (n, unit) = if v >= 1e12 {
            (v / 1e12, "T")
        } else if v >= 1e9 {
            (v / 1e9, "B")
        } else if v >= 1e6 {
            (v / 1e6, "M")
        } else if v >= 1e3 {
            (v / 1e3, "K")
        } else {
            (v, "")
        };
        let s = format!("{n:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        format!("{symbol}{s}{unit}")
    }

    /// The figure in words with its qualifiers, e.g. "up to $4B (reported)".
    pub fn describe(&self) -> String {
        let mut prefix = Vec::new();
        let mut suffix = Vec::new();
        for q in &self.qualifiers {
            match q {
                AmountQualifier::UpTo | AmountQualifier::Approximately | AmountQualifier::MoreThan => {
                    prefix.push(q.label())
                }
                other => suffix.push(other.label()),
            }
        }
        let mut s = String::new();
        for p in prefix {
            s.push_str(p);
            s.push(' ');
        }
        s.push_str(&self.compact_value());
        if !suffix.is_empty() {
            s.push_str(&format!(" ({})", suffix.join(", ")));
        }
        s
    }
}

/// Competing values reported for one fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// What the values are of.
    pub about: ConflictAbout,
    /// Best-supported first.
    pub values: Vec<String>,
    /// Explanation.
    pub note: Option<String>,
}

impl Conflict {
    /// The values as dates, when every one of them is a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub fn dates(&self) -> Option<Vec<FuzzyDate>> {
        self.values.iter().map(|v| FuzzyDate::parse(v.trim()).ok()).collect()
    }

    /// Whether the sources only disagree by a day about a date (every value a day-precision date,
    /// at most one day apart): a time zone or a report dated the morning after, not a conflict. Such
    /// a disagreement is a footnote on the event and leaves its confidence as the sources give it.
    ///
    /// ```
    /// use powershift_core::model::{Conflict, ConflictAbout};
    /// let c = |v: &[&str]| Conflict { about: ConflictAbout::Date, values: v.iter().map(|s| s.to_string()).collect(), note: None };
    /// assert!(c(&["2026-02-27", "2026-02-26"]).is_one_day_apart());
    /// assert!(!c(&["2026-02-27", "2026-02-25"]).is_one_day_apart());
    /// assert!(!c(&["2026-05-22", "2026-06"]).is_one_day_apart(), "a month is not a day");
    /// assert!(!c(&["$350B", "$380B"]).is_one_day_apart());
    /// ```
    pub fn is_one_day_apart(&self) -> bool {
        let Some(dates) = self.dates() else { return false };
        if dates.iter().any(|d| d.precision != crate::date::Precision::Day) {
            return false;
        }
        let days = dates.iter().map(|d| d.start.days());
        let (lo, hi) = days.clone().fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        hi - lo <= 1
    }
}

/// How sure the data is of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Confidence {
    /// The level.
    pub level: ConfidenceLevel,
    /// What exactly is uncertain.
    pub note: Option<String>,
    /// Competing values.
    pub conflicts: Vec<Conflict>,
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The outlet, or the organisation for its own announcement.
    pub publisher: String,
    /// Who stands behind it: the company itself, a wire or major outlet, another outlet, other.
    pub kind: SourceKind,
    /// The page's title or a description of it.
    pub title: String,
    /// An http(s) URL.
    pub url: String,
    /// Publication date, when known.
    pub date: Option<FuzzyDate>,
    /// What it supports.
    pub note: Option<String>,
    /// Whether the page is separate evidence for the event (`true` unless the file says `false`):
    /// a copy, mirror or pick-up of another listed source, or a page that only gives background,
    /// is listed but not counted, so "Single source" can list two pages without contradicting them.
    pub independent: bool,
}

impl Source {
    /// A short label for readers: "Company announcement" for the organisation's own announcement,
    /// otherwise the publisher ("Reuters", "Bloomberg (via Fortune)", "Quartz").
    pub fn label(&self) -> &str {
        match self.kind {
            SourceKind::Company => SourceKind::Company.label(),
            _ => &self.publisher,
        }
    }

    /// The label with, for a company announcement, whose it is: "Company announcement (OpenAI)",
    /// "Reuters".
    pub fn byline(&self) -> String {
        match self.kind {
            SourceKind::Company => format!("{} ({})", self.label(), self.publisher),
            _ => self.publisher.clone(),
        }
    }
}

/// A dated, sourced event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// When it happened.
    pub date: FuzzyDate,
    /// For lasting events.
    pub end: Option<FuzzyDate>,
    /// A note on the date.
    pub date_note: Option<String>,
    /// Headline.
    pub title: String,
    /// At least one kind.
    pub kinds: Vec<EventKind>,
    /// Involved organisations, main actor first.
    pub organisations: Vec<OrgIx>,
    /// Money figures.
    pub amounts: Vec<Amount>,
    /// One to three sentences.
    pub summary: String,
    /// How sure we are.
    pub confidence: Confidence,
    /// At least one source.
    pub sources: Vec<Source>,
}

impl Event {
    /// The sources strongest first: company announcements, then wire services and major outlets,
    /// then other outlets, then the rest; file order within each kind. O(s log s).
    pub fn sources_strongest_first(&self) -> Vec<&Source> {
        let mut s: Vec<&Source> = self.sources.iter().collect();
        crate::sort::sort_by_key(&mut s, |s| s.kind.rank());
        s
    }

    /// The strongest kind of source the event cites.
    pub fn strongest_source(&self) -> Option<SourceKind> {
        self.sources.iter().map(|s| s.kind).min_by_key(|k| k.rank())
    }

    /// The organisations whose own announcements the event cites, by publisher, in source order and
    /// without repeats.
    pub fn announced_by(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for s in self.sources.iter().filter(|s| s.kind == SourceKind::Company) {
            if !names.contains(&s.publisher.as_str()) {
                names.push(&s.publisher);
            }
        }
        names
    }

    /// How many of its sources count as separate evidence (see [`Source::independent`]).
    pub fn independent_sources(&self) -> usize {
        self.sources.iter().filter(|s| s.independent).count()
    }

    /// The disagreements that are real conflicts: every conflict but a one-day date difference
    /// ([`Conflict::is_one_day_apart`]).
    pub fn real_conflicts(&self) -> impl Iterator<Item = &Conflict> {
        self.confidence.conflicts.iter().filter(|c| !c.is_one_day_apart())
    }

    /// The one-day date differences, shown as footnotes rather than as conflicts.
    pub fn date_footnotes(&self) -> impl Iterator<Item = &Conflict> {
        self.confidence.conflicts.iter().filter(|c| c.is_one_day_apart())
    }

    /// The confidence line for readers: the level, and who announced the event when a company
    /// announcement is cited. "Confirmed — announced by Microsoft", "Confirmed — announced by Nvidia
    /// and OpenAI", "Reported — the event was announced by OpenAI", "Single source".
    pub fn confidence_line(&self) -> String {
        let level = self.confidence.level;
        let names = self.announced_by();
        if names.is_empty() {
            return level.label().to_string();
        }
        let who = join_names(&names);
        if level == ConfidenceLevel::Confirmed {
            format!("{} — announced by {who}", level.label())
        } else {
            format!("{} — the event was announced by {who}", level.label())
        }
    }
}

/// The time range of a story's metadata and events (see [`Dataset::time_range`]); validation uses it
/// before the dataset exists, to check the dates of story steps.
pub(crate) fn range_of<'a>(meta: &Meta, events: impl Iterator<Item = &'a Event> + Clone) -> (Date, Date) {
    let earliest = events.clone().map(|e| e.date.start).min();
    let latest = events.map(|e| e.end.unwrap_or(e.date).start).max();
    let start = meta.start.map(|d| d.start).or(earliest).unwrap_or(meta.as_of.start);
    let end = latest.map_or(meta.as_of.start, |l| l.max(meta.as_of.start));
    (start.min(end), end)
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A period during which a relationship had one set of terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// From when it is in force.
    pub start: FuzzyDate,
    /// The true start is earlier and undocumented.
    pub start_uncertain: bool,
    /// Exclusive end; `None` while still in force.
    pub end: Option<FuzzyDate>,
    /// `end` is scheduled, not observed.
    pub end_scheduled: bool,
    /// The terms in a few words.
    pub status: String,
    /// Drawing state.
    pub state: PhaseState,
    /// How sure we are.
    pub confidence: ConfidenceLevel,
    /// One sentence.
    pub summary: Option<String>,
    /// The events that prove it.
    pub events: Vec<EventIx>,
}

impl Phase {
    /// Whether the phase is in force on `d`: `start ≤ d < end`, each imprecise date counting
    /// from the first day of its period.
    pub fn is_active_on(&self, d: Date) -> bool {
        self.start.start <= d && self.end.is_none_or(|e| d < e.start)
    }
}

/// One agreement or tie between two organisations.
#[derive(Clone, Debug, PartialEq)]
pub struct Relationship {
    /// Unique id.
    pub id: String,
    /// Source end (investor, supplier, licensor, plaintiff…).
    pub from: OrgIx,
    /// Target end.
    pub to: OrgIx,
    /// Kind.
    pub kind: RelationKind,
    /// Whether direction matters.
    pub directed: bool,
    /// Short name.
    pub label: String,
    /// Non-overlapping, in time order.
    pub phases: Vec<Phase>,
}

impl Relationship {
    /// The index of the phase in force on `d`, if any. O(phases).
    pub fn phase_on(&self, d: Date) -> Option<usize> {
        self.phases.iter().position(|p| p.is_active_on(d))
    }
}

/// One step of the guided story (narrative mode): a short title, a short text in the story's own
/// words that may cite events as `[E06]` (see [`text_parts`](crate::model::text_parts)), and the
/// view the step shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// A few words, shown as the step's heading.
    pub title: String,
    /// One short paragraph; `[ID]` cites the event with that id.
    pub text: String,
    /// What the network shows.
    pub view: StepView,
}

/// The view of a step, as deep-link values: `date` always, the others when given. Validation has
/// checked every id and name against the dataset, so applying them (`view::set_link`) cannot fail.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    /// The date shown, at its precision.
    pub date: FuzzyDate,
    /// `org:ID`, `event:ID`, `rel:ID` or `pair:A,B`.
    pub select: Option<String>,
    /// An organisation id: only its relationships are shown.
    pub focus: Option<String>,
    /// Relationship kinds or groups not drawn, comma-separated.
    pub hide: Option<String>,
}

impl StepView {
    /// The deep-link pairs that show the step from any view: every key of a step, those the step
    /// leaves out empty (cleared), and no comparison. A step is a whole picture, not an adjustment.
    ///
    /// ```
    /// use powershift_core::{date::FuzzyDate, model::StepView};
    /// let v = StepView { date: FuzzyDate::parse("2019-07-22").unwrap(), select: Some("event:E06".into()), focus: None, hide: None };
    /// assert_eq!(v.link_pairs(), [("date", "2019-07-22".to_string()), ("compare", String::new()),
    ///     ("select", "event:E06".into()), ("focus", String::new()), ("hide", String::new())]);
    /// ```
    pub fn link_pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("date", self.date.to_string()),
            ("compare", String::new()),
            ("select", self.select.clone().unwrap_or_default()),
            ("focus", self.focus.clone().unwrap_or_default()),
            ("hide", self.hide.clone().unwrap_or_default()),
        ]
    }
}

/// A validated dataset. Build it with [`Dataset::from_json_str`](crate::model::Dataset::from_json_str).
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// Always 1 for this version of the format.
    pub format_version: u32,
    /// Metadata.
    pub meta: Meta,
    /// In file order.
    pub organisations: Vec<Organisation>,
    /// In file order.
    pub events: Vec<Event>,
    /// In file order.
    pub relationships: Vec<Relationship>,
    /// The guided story's steps, in reading order (empty when the file has none).
    pub story: Vec<Step>,
    pub(crate) org_by_id: BTreeMap<String, OrgIx>,
    pub(crate) event_by_id: BTreeMap<String, EventIx>,
    pub(crate) rel_by_id: BTreeMap<String, RelIx>,
    /// First day each organisation takes part in the story.
    pub(crate) first_seen: Vec<Date>,
}

impl Dataset {
    /// The organisation with this id.
    pub fn org_ix(&self, id: &str) -> Option<OrgIx> {
        self.org_by_id.get(id).copied()
    }
    /// The event with this id.
    pub fn event_ix(&self, id: &str) -> Option<EventIx> {
        self.event_by_id.get(id).copied()
    }
    /// The relationship with this id.
    pub fn rel_ix(&self, id: &str) -> Option<RelIx> {
        self.rel_by_id.get(id).copied()
    }
    /// The organisation at an index.
    pub fn org(&self, ix: OrgIx) -> &Organisation {
        &self.organisations[ix.ix()]
    }
    /// The event at an index.
    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix.ix()]
    }
    /// The relationship at an index.
    pub fn rel(&self, ix: RelIx) -> &Relationship {
        &self.relationships[ix.ix()]
    }

    /// The first day an organisation takes part: its founding date if given, else its earliest event
    /// or relationship phase. Before it, the organisation is not in the network.
    pub fn first_seen(&self, ix: OrgIx) -> Date {
        self.first_seen[ix.ix()]
    }

    /// The story's time range `[start, end]`: `meta.start` (or the earliest event) to the later of
    /// `meta.as_of` and the last event.
    pub fn time_range(&self) -> (Date, Date) {
        range_of(&self.meta, self.events.iter())
    }

    /// How many events cite a company announcement or a wire service or major outlet. O(sources).
    pub fn events_with_strong_source(&self) -> usize {
        self.events.iter().filter(|e| e.sources.iter().any(|s| s.kind.is_strong())).count()
    }

    /// How many events cite the company's own announcement. O(sources).
    pub fn events_with_company_source(&self) -> usize {
        self.events.iter().filter(|e| e.sources.iter().any(|s| s.kind == SourceKind::Company)).count()
    }

    /// One sentence for "About the data": how many events rest on a source a reader trusts, e.g.
    /// "40 of the 87 events cite a company announcement or a wire service or major outlet (21 cite the
    /// company's own announcement)."
    pub fn source_strength_note(&self) -> String {
        let strong = self.events_with_strong_source();
        let company = self.events_with_company_source();
        let verb = |n: usize| if n == 1 { "cites" } else { "cite" };
        format!(
            "{strong} of the {} events {} a company announcement or a wire service or major outlet ({company} {} the company's own announcement).",
            self.events.len(),
            verb(strong),
            verb(company),
        )
    }

    /// Events in time order (stable: ties keep file order). O(n log n).
    pub fn events_chronological(&self) -> Vec<EventIx> {
        let mut ix: Vec<EventIx> = (0..self.events.len() as u32).map(EventIx).collect();
        crate::sort::sort_by_key(&mut ix, |e| self.events[e.ix()].date.start);
        ix
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two events: e1 with sources of every kind, in weakest-first file order; e2 with one outlet.
    fn sample(e1_level: &str) -> Dataset {
        let json = format!(
            r#"{{
  "format_version": 1,
  "meta": {{"title": "T", "as_of": "2020-01-01"}},
  "organisations": [
    {{"id": "a", "name": "A", "short_name": "A", "kind": "ai_lab", "description": "Lab."}},
    {{"id": "b", "name": "B", "short_name": "B", "kind": "cloud", "description": "Cloud."}}],
  "events": [
    {{"id": "e1", "date": "2019-07", "title": "Deal", "kinds": ["cloud_compute"], "organisations": ["b", "a"],
      "summary": "B hosts A.", "confidence": {{"level": "{e1_level}"}},
      "sources": [
        {{"publisher": "Some Blog", "kind": "other", "title": "T1", "url": "https://blog.example/1"}},
        {{"publisher": "Quartz", "kind": "outlet", "title": "T2", "url": "https://qz.example/2"}},
        {{"publisher": "Reuters (via Dawn)", "kind": "wire_or_major", "title": "T3", "url": "https://dawn.example/3"}},
        {{"publisher": "B", "kind": "company", "title": "T4", "url": "https://b.example/4"}},
        {{"publisher": "A", "kind": "company", "title": "T5", "url": "https://a.example/5"}},
        {{"publisher": "B", "kind": "company", "title": "T6", "url": "https://b.example/6"}}]}},
    {{"id": "e2", "date": "2019-08", "title": "Later", "kinds": ["cloud_compute"], "organisations": ["b", "a"],
      "summary": "More.", "confidence": {{"level": "single_source"}},
      "sources": [{{"publisher": "Quartz", "kind": "outlet", "title": "T", "url": "https://qz.example/7"}}]}}],
  "relationships": []
}}"#
        );
        Dataset::from_json_str(&json).unwrap()
    }

    #[test]
    fn sources_are_ordered_strongest_first_keeping_file_order_within_a_kind() {
        let ds = sample("confirmed");
        let titles: Vec<&str> = ds.events[0].sources_strongest_first().iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["T4", "T5", "T6", "T3", "T2", "T1"]);
        assert_eq!(ds.events[0].strongest_source(), Some(SourceKind::Company));
        assert_eq!(ds.events[1].strongest_source(), Some(SourceKind::Outlet));
    }

    #[test]
    fn labels_name_the_company_announcement_or_the_publisher() {
        let ds = sample("confirmed");
        let s = ds.events[0].sources_strongest_first();
        assert_eq!(s[0].label(), "Company announcement");
        assert_eq!(s[0].byline(), "Company announcement (B)");
        assert_eq!(s[3].label(), "Reuters (via Dawn)");
        assert_eq!(s[3].byline(), "Reuters (via Dawn)");
        assert_eq!(s[4].label(), "Quartz");
    }

    #[test]
    fn the_confidence_line_says_who_announced_the_event() {
        assert_eq!(sample("confirmed").events[0].confidence_line(), "Confirmed — announced by B and A");
        assert_eq!(sample("reported").events[0].confidence_line(), "Reported — the event was announced by B and A");
        assert_eq!(sample("confirmed").events[1].confidence_line(), "Single source");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(join_names(&["A"]), "A");
    }

    #[test]
    fn counts_events_with_a_strong_source() {
        let ds = sample("confirmed");
        assert_eq!(ds.events_with_strong_source(), 1);
        assert_eq!(ds.events_with_company_source(), 1);
        assert_eq!(
            ds.source_strength_note(),
            "1 of the 2 events cites a company announcement or a wire service or major outlet (1 cites the company's own announcement)."
        );
    }
}
