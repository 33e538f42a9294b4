//! The partnership table: the accessible alternative to the picture, useful to everyone. One row
//! per relationship in force on the date (the same set and order as `powershift snapshot`, then the
//! reader's filters, focus and search), sortable by any column; and one row per organisation with
//! its number of partners. Plain data for a stateless renderer.

use std::cmp::Ordering;

use crate::model::{Dataset, OrgIx, RelIx, RelationGroup};
use crate::view::ViewState;

/// A sortable column of the relationship table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// "Microsoft → OpenAI".
    Organisations,
    /// The relationship's kind.
    Kind,
    /// The phase in force (its status).
    Phase,
    /// When the phase in force began.
    Since,
    /// The largest amount cited for the phase.
    Money,
    /// The phase's confidence.
    Confidence,
    /// How many distinct sources its events cite.
    Sources,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 7] = [
        Column::Organisations,
        Column::Kind,
        Column::Phase,
        Column::Since,
        Column::Money,
        Column::Confidence,
        Column::Sources,
    ];

    /// The column heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Organisations => "Organisations",
            Column::Kind => "Kind",
            Column::Phase => "Current phase",
            Column::Since => "Since",
            Column::Money => "Money",
            Column::Confidence => "Confidence",
            Column::Sources => "Sources",
        }
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Smallest first (A–Z, earliest, least money).
    Ascending,
    /// Largest first.
    Descending,
}

impl Direction {
    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// One relationship in force.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationRow {
    /// The relationship.
    pub rel: RelIx,
    /// Its two organisations, as drawn: "Microsoft → OpenAI" (or "and" when undirected).
    pub organisations: String,
    /// Its kind's label.
    pub kind: &'static str,
    /// Its colour group (the swatch).
    pub group: RelationGroup,
    /// The phase in force: its status in words.
    pub phase: String,
    /// When that phase began, in words at its precision.
    pub since: String,
    /// The same as days, for sorting.
    pub since_days: i32,
    /// The largest amount cited for the phase, in words ("up to $4B (reported)"), or "".
    pub money: String,
    /// The same in US dollars, for sorting (0 when none).
    pub money_usd: f64,
    /// The phase's confidence label.
    pub confidence: &'static str,
    /// Distinct sources cited by the phase's events.
    pub sources: usize,
}

/// One organisation on the date.
#[derive(Clone, Debug, PartialEq)]
pub struct OrgRow {
    /// The organisation.
    pub org: OrgIx,
    /// Its name.
    pub name: String,
    /// Its kind's label.
    pub kind: &'static str,
    /// Distinct partners in the relationships shown.
    pub partners: usize,
    /// Relationships shown that involve it.
    pub relationships: usize,
}

fn matches(query: &str, row: &RelationRow) -> bool {
    let q = query.trim().to_lowercase();
    q.is_empty() || [&row.organisations, row.kind, &row.phase].iter().any(|t| t.to_lowercase().contains(&q))
}

/// The relationships in force on the view's date that its filters, focus and search leave shown,
/// in snapshot order. O(edges + events cited).
pub fn relationship_rows(ds: &Dataset, view: &ViewState) -> Vec<RelationRow> {
    let net = ds.network_at(view.date);
    net.edges
        .iter()
        .filter(|e| view.shows_kind(e.kind) && view.focus_org.is_none_or(|o| e.from == o || e.to == o))
        .map(|e| {
            let r = ds.rel(e.rel);
            let p = &r.phases[e.phase];
            let arrow = if r.directed { "→" } else { "and" };
            let amounts = p.events.iter().flat_map(|x| ds.event(*x).amounts.iter()).filter(|a| !a.is_valuation());
            let largest = amounts.max_by(|a, b| a.value.partial_cmp(&b.value).unwrap_or(Ordering::Equal));
            let mut urls: Vec<&str> =
                p.events.iter().flat_map(|x| ds.event(*x).sources.iter().map(|s| s.url.as_str())).collect();
            crate::sort::sort(&mut urls);
            urls.dedup();
            RelationRow {
                rel: e.rel,
                organisations: format!("{} {arrow} {}", ds.org(r.from).name, ds.org(r.to).name),
                kind: r.kind.label(),
                group: r.kind.group(),
                phase: p.status.clone(),
                since: p.start.to_words(),
                since_days: p.start.start.days(),
                money: largest.map(|a| a.describe()).unwrap_or_default(),
                money_usd: largest.map_or(0.0, |a| a.value),
                confidence: p.confidence.label(),
                sources: urls.len(),
            }
        })
        .filter(|row| matches(&view.query, row))
        .collect()
}

/// Sorts rows by a column; ties keep their snapshot order (a stable sort).
pub fn sort_rows(rows: &mut [RelationRow], column: Column, direction: Direction) {
    let by = |a: &RelationRow, b: &RelationRow| match column {
        Column::Organisations => a.organisations.to_lowercase().cmp(&b.organisations.to_lowercase()),
        Column::Kind => a.kind.cmp(b.kind),
        Column::Phase => a.phase.to_lowercase().cmp(&b.phase.to_lowercase()),
        Column::Since => a.since_days.cmp(&b.since_days),
        Column::Money => a.money_usd.partial_cmp(&b.money_usd).unwrap_or(Ordering::Equal),
        Column::Confidence => a.confidence.cmp(b.confidence),
        Column::Sources => a.sources.cmp(&b.sources),
    };
    match direction {
        Direction::Ascending => crate::sort::sort_by(rows, by),
        Direction::Descending => crate::sort::sort_by(rows, |a, b| by(b, a)),
    }
}

/// The organisations of the shown relationships (and, without filters, every organisation on the
/// date), with their partners, most partners first, then by name.
pub fn org_rows(ds: &Dataset, view: &ViewState, rows: &[RelationRow]) -> Vec<OrgRow> {
    let net = ds.network_at(view.date);
    let unfiltered = view.hidden_kinds.is_empty() && view.focus_org.is_none() && view.query.trim().is_empty();
    let mut out: Vec<OrgRow> = net
        .nodes
        .iter()
        .map(|n| {
            let mut partners: Vec<OrgIx> = rows
                .iter()
                .map(|row| ds.rel(row.rel))
                .filter_map(|r| {
                    if r.from == n.org {
                        Some(r.to)
                    } else if r.to == n.org {
                        Some(r.from)
                    } else {
                        None
                    }
                })
                .collect();
            let relationships = partners.len();
            crate::sort::sort(&mut partners);
            partners.dedup();
            let o = ds.org(n.org);
            OrgRow { org: n.org, name: o.name.clone(), kind: o.kind.label(), partners: partners.len(), relationships }
        })
        .filter(|r| unfiltered || r.relationships > 0)
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.partners.cmp(&a.partners).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    out
}

/// What the table shows, for its caption: "Relationships in force on 23 January 2023: 8 of 8." with
/// the filters in words when some are on.
pub fn caption(ds: &Dataset, view: &ViewState, shown: usize) -> String {
    let total = ds.network_at(view.date).edges.len();
    let mut s = format!("Relationships in force on {}: {shown} of {total} shown", view.date_words());
    let mut hidden: Vec<&str> = RelationGroup::ALL
        .iter()
        .filter(|g| g.kinds().iter().any(|k| !view.shows_kind(*k)))
        .map(|g| g.label())
        .collect();
    hidden.dedup();
    if !hidden.is_empty() {
        s.push_str(&format!("; hidden: {}", hidden.join(", ")));
    }
    if let Some(o) = view.focus_org {
        s.push_str(&format!("; only {}’s", ds.org(o).name));
    }
    if !view.query.trim().is_empty() {
        s.push_str(&format!("; matching “{}”", view.query.trim()));
    }
    s.push('.');
    s
}
