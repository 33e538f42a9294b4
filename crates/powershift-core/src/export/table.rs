//! The relationships in force on a date as CSV, for a colleague's spreadsheet: one row per
//! relationship in force (the same set and order as `powershift snapshot`'s edges).

use crate::date::Date;
use crate::model::Dataset;

use super::csv::record;

/// The header of [`relationships_csv`].
pub const COLUMNS: [&str; 15] = [
    "id",
    "from",
    "to",
    "from_name",
    "to_name",
    "kind",
    "label",
    "status",
    "state",
    "confidence",
    "phase_start",
    "phase_end",
    "amounts",
    "events",
    "source_urls",
];

/// The relationships in force on `date` as RFC 4180 CSV with a header row. Dates are written at
/// their precision (`2024-06`); an open phase has an empty `phase_end`. `amounts` lists the phase's
/// events' figures in words (`up to $4B (reported)`) separated by `; `; `events` and `source_urls`
/// are separated by spaces. O(edges + events cited).
///
/// ```
/// use powershift_core::{date::Date, model::Dataset, export::table::relationships_csv};
/// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
/// let csv = relationships_csv(&ds, Date::from_ymd(2030, 1, 1).unwrap());
/// assert!(csv.starts_with("id,from,to,"));
/// ```
pub fn relationships_csv(ds: &Dataset, date: Date) -> String {
    relationships_csv_where(ds, date, |_| true)
}

/// [`relationships_csv`] of the relationships `keep` accepts (the page passes the reader's filters).
pub fn relationships_csv_where(ds: &Dataset, date: Date, keep: impl Fn(crate::model::RelIx) -> bool) -> String {
    let mut out = record(&COLUMNS);
    for e in ds.network_at(date).edges.into_iter().filter(|e| keep(e.rel)) {
        let r = ds.rel(e.rel);
        let p = &r.phases[e.phase];
        let events: Vec<&crate::model::Event> = p.events.iter().map(|x| ds.event(*x)).collect();
        let amounts: Vec<String> =
            events.iter().flat_map(|ev| ev.amounts.iter().map(|a| a.describe())).collect::<Vec<_>>();
        let mut urls: Vec<&str> = Vec::new();
        for ev in &events {
            for s in &ev.sources {
                if !urls.contains(&s.url.as_str()) {
                    urls.push(&s.url);
                }
            }
        }
        let (from, to) = (ds.org(r.from), ds.org(r.to));
        out.push_str(&record(&[
            r.id.clone(),
            from.id.clone(),
            to.id.clone(),
            from.name.clone(),
            to.name.clone(),
            r.kind.as_str().to_string(),
            r.label.clone(),
            p.status.clone(),
            p.state.as_str().to_string(),
            p.confidence.as_str().to_string(),
            p.start.to_string(),
            p.end.map(|d| d.to_string()).unwrap_or_default(),
            amounts.join("; "),
            events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(" "),
            urls.join(" "),
        ]));
    }
    out
}
