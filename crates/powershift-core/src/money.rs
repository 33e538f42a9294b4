//! Cumulative announced money commitments per company, the data behind the money chart.
//!
//! The chart answers "how much has each company committed so far, as of a date?". Each amount in
//! `events[*].amounts` is counted for the organisation in its `from` field, on the event's date, and
//! summed over time into a step series per organisation.
//!
//! What counts, and why:
//! - **Only `USD`.** Mixing currencies would need exchange rates at each date, which the data does not
//!   carry; the story's figures are all in dollars.
//! - **No valuations** ([`Amount::is_valuation`]): a company's value is not money anyone committed.
//! - **Only amounts with a `from`.** The chart sums by the committing company; a round total without
//!   `from` ("$40B funding round") cannot be attributed to anyone, so it is skipped rather than
//!   guessed. The parts of such rounds that the data does attribute (e.g. "Amazon, first tranche")
//!   are counted.
//!
//! Each counted amount is **firm** or **up to / reported** ([`Certainty`]): a ceiling, a pledge, a
//! plan, a condition, an outside estimate or a press figure is not money a company has firmly
//! committed, and the chart must not draw it as if it were. `approximately` and `more_than` alone
//! keep a figure firm: they describe its precision, not whether it was committed.
//!
//! **Known double counting.** The data lists a commitment and its tranches separately when that is
//! how they were announced (Amazon's "up to $4B" for Anthropic in 2023, then the $1.25B and $2.75B
//! tranches), and a payout can be recorded again when it closes. Summing every amount therefore
//! counts some money twice. This module deliberately does not try to pair tranches with their
//! commitments: the data has no field that links them, and any heuristic would silently change
//! sourced figures. The chart's caption says so instead.
//!
//! Cost: O(a + e log e) for a amounts and e events; [`MoneySeries::totals_at`] is O(log s).

use std::collections::BTreeMap;

use crate::date::Date;
use crate::model::{Amount, AmountQualifier, Dataset, EventIx, OrgIx};

/// Whether a counted amount is firm money or only a ceiling, plan or report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Certainty {
    /// Committed as stated: no qualifier that makes it a ceiling, plan, condition, estimate or report.
    Firm,
    /// "Up to", pledged, planned, conditional, an estimate of an undisclosed figure, or reported by the
    /// press without confirmation: counted only in the upper total.
    UpToOrReported,
}

/// The qualifiers that make a figure not firm (see [`Certainty::UpToOrReported`]).
pub const NOT_FIRM: [AmountQualifier; 6] = [
    AmountQualifier::UpTo,
    AmountQualifier::Pledged,
    AmountQualifier::Planned,
    AmountQualifier::Conditional,
    AmountQualifier::UndisclosedEstimate,
    AmountQualifier::Reported,
];

/// Whether and how an amount counts: `Some((committing org, certainty))` for a USD, non-valuation
/// amount with a `from`; `None` otherwise (see the module docs for why each is skipped).
pub fn classify(amount: &Amount) -> Option<(OrgIx, Certainty)> {
    if amount.currency != "USD" || amount.is_valuation() {
        return None;
    }
    let org = amount.from?;
    let certainty = if amount.qualifiers.iter().any(|q| NOT_FIRM.contains(q)) {
        Certainty::UpToOrReported
    } else {
        Certainty::Firm
    };
    Some((org, certainty))
}

/// The running totals of one organisation just after one event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoneyStep {
    /// The event's date (the first day of its period for month- or year-precision dates).
    pub date: Date,
    /// The event whose amounts this step adds (several amounts of one event make one step).
    pub event: EventIx,
    /// Cumulative firm commitments, in USD, including this event.
    pub firm_total: f64,
    /// Cumulative firm plus up-to / reported commitments, in USD, including this event; never less than
    /// `firm_total`.
    pub upper_total: f64,
}

/// The cumulative commitments of one organisation over time.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneySeries {
    /// The committing organisation.
    pub org: OrgIx,
    /// In date order (ties in file order), one per event with counted amounts; never empty.
    pub steps: Vec<MoneyStep>,
}

impl MoneySeries {
    /// `(firm, upper)` totals in force on `date`: those of the last step dated on or before it, or
    /// `(0, 0)` before the first. An event counts from its own date, like every as-of query.
    pub fn totals_at(&self, date: Date) -> (f64, f64) {
        let n = self.steps.partition_point(|s| s.date <= date);
        match n {
            0 => (0.0, 0.0),
            n => (self.steps[n - 1].firm_total, self.steps[n - 1].upper_total),
        }
    }

    /// `(firm, upper)` totals after the last step.
    pub fn final_totals(&self) -> (f64, f64) {
        self.steps.last().map_or((0.0, 0.0), |s| (s.firm_total, s.upper_total))
    }
}

/// One series per organisation that commits counted money, largest final upper total first, ties by
/// organisation index, so the order (and the chart's colours) is the same on every run and platform.
pub fn commitments(ds: &Dataset) -> Vec<MoneySeries> {
    // Per org: steps under construction, in chronological event order.
    let mut by_org: BTreeMap<OrgIx, Vec<MoneyStep>> = BTreeMap::new();
    for ev in ds.events_chronological() {
        let event = ds.event(ev);
        // Sum this event's amounts per org first, so one event adds one step.
        let mut added: BTreeMap<OrgIx, (f64, f64)> = BTreeMap::new();
        for amount in &event.amounts {
            let Some((org, certainty)) = classify(amount) else { continue };
            let entry = added.entry(org).or_insert((0.0, 0.0));
            if certainty == Certainty::Firm {
                entry.0 += amount.value;
            }
            entry.1 += amount.value;
        }
        for (org, (firm, upper)) in added {
            let steps = by_org.entry(org).or_default();
            let (f0, u0) = steps.last().map_or((0.0, 0.0), |s| (s.firm_total, s.upper_total));
            steps.push(MoneyStep { date: event.date.start, event: ev, firm_total: f0 + firm, upper_total: u0 + upper });
        }
    }
    let mut out: Vec<MoneySeries> = by_org.into_iter().map(|(org, steps)| MoneySeries { org, steps }).collect();
    crate::sort::sort_by(&mut out, |a, b| b.final_totals().1.total_cmp(&a.final_totals().1).then(a.org.cmp(&b.org)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../static/data/powershift.json");

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    /// Three organisations; events listed out of date order; every kind of amount the rules treat
    /// differently.
    const FIXTURE: &str = r#"{
      "format_version": 1,
      "meta": {"title": "Money", "as_of": "2024-12-31"},
      "organisations": [
        {"id": "a", "name": "A Corp", "short_name": "A", "kind": "cloud", "description": "A."},
        {"id": "b", "name": "B Corp", "short_name": "B", "kind": "chipmaker", "description": "B."},
        {"id": "c", "name": "C Lab", "short_name": "C", "kind": "ai_lab", "description": "C."}],
      "events": [
        {"id": "e2", "date": "2022-03", "title": "Second", "kinds": ["investment"], "organisations": ["a", "c"],
         "amounts": [
           {"value": 4000000000, "currency": "USD", "qualifiers": ["up_to"], "from": "a", "to": "c"},
           {"value": 1000000000, "currency": "USD", "from": "a", "to": "c"},
           {"value": 500000000, "currency": "USD", "qualifiers": ["approximately"], "from": "b", "to": "c"},
           {"value": 90000000000, "currency": "USD", "qualifiers": ["valuation"], "from": "a"},
           {"value": 7000000000, "currency": "USD", "to": "c"}],
         "summary": "S.", "confidence": {"level": "confirmed"},
         "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/2"}]},
        {"id": "e1", "date": "2021-06-15", "title": "First", "kinds": ["investment"], "organisations": ["a", "c"],
         "amounts": [
           {"value": 2000000000, "currency": "USD", "from": "a", "to": "c"},
           {"value": 3000000000, "currency": "EUR", "from": "b", "to": "c"}],
         "summary": "S.", "confidence": {"level": "confirmed"},
         "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/1"}]},
        {"id": "e3", "date": "2023", "title": "Third", "kinds": ["investment"], "organisations": ["b", "c"],
         "amounts": [
           {"value": 6000000000, "currency": "USD", "qualifiers": ["reported"], "from": "b", "to": "c"},
           {"value": 1000000000, "currency": "USD", "qualifiers": ["conditional"], "from": "c", "to": "b"}],
         "summary": "S.", "confidence": {"level": "reported"},
         "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/3"}]}],
      "relationships": []
    }"#;

    #[test]
    fn classify_follows_the_rules() {
        let ds = Dataset::from_json_str(FIXTURE).unwrap();
        let e2 = ds.event(ds.event_ix("e2").unwrap());
        let a = ds.org_ix("a").unwrap();
        let b = ds.org_ix("b").unwrap();
        assert_eq!(classify(&e2.amounts[0]), Some((a, Certainty::UpToOrReported)));
        assert_eq!(classify(&e2.amounts[1]), Some((a, Certainty::Firm)));
        assert_eq!(classify(&e2.amounts[2]), Some((b, Certainty::Firm)), "approximately stays firm");
        assert_eq!(classify(&e2.amounts[3]), None, "valuation");
        assert_eq!(classify(&e2.amounts[4]), None, "no from");
        let e1 = ds.event(ds.event_ix("e1").unwrap());
        assert_eq!(classify(&e1.amounts[1]), None, "EUR");
    }

    #[test]
    fn fixture_golden_series() {
        let ds = Dataset::from_json_str(FIXTURE).unwrap();
        let s = commitments(&ds);
        let (a, b, c) = (ds.org_ix("a").unwrap(), ds.org_ix("b").unwrap(), ds.org_ix("c").unwrap());
        // Final upper totals: a 7e9, b 6.5e9, c 1e9.
        assert_eq!(s.iter().map(|x| x.org).collect::<Vec<_>>(), vec![a, b, c]);

        let (e1, e2, e3) = (ds.event_ix("e1").unwrap(), ds.event_ix("e2").unwrap(), ds.event_ix("e3").unwrap());
        assert_eq!(
            s[0].steps,
            vec![
                MoneyStep { date: d(2021, 6, 15), event: e1, firm_total: 2e9, upper_total: 2e9 },
                MoneyStep { date: d(2022, 3, 1), event: e2, firm_total: 3e9, upper_total: 7e9 },
            ]
        );
        assert_eq!(
            s[1].steps,
            vec![
                MoneyStep { date: d(2022, 3, 1), event: e2, firm_total: 5e8, upper_total: 5e8 },
                MoneyStep { date: d(2023, 1, 1), event: e3, firm_total: 5e8, upper_total: 6.5e9 },
            ]
        );
        assert_eq!(s[2].steps, vec![MoneyStep { date: d(2023, 1, 1), event: e3, firm_total: 0.0, upper_total: 1e9 }]);
    }

    #[test]
    fn totals_at_counts_from_the_event_date() {
        let ds = Dataset::from_json_str(FIXTURE).unwrap();
        let s = commitments(&ds);
        assert_eq!(s[0].totals_at(d(2021, 6, 14)), (0.0, 0.0));
        assert_eq!(s[0].totals_at(d(2021, 6, 15)), (2e9, 2e9));
        assert_eq!(s[0].totals_at(d(2022, 2, 28)), (2e9, 2e9));
        assert_eq!(s[0].totals_at(d(2022, 3, 1)), (3e9, 7e9));
        assert_eq!(s[0].totals_at(d(2099, 1, 1)), (3e9, 7e9));
        assert_eq!(s[0].final_totals(), (3e9, 7e9));
    }

    #[test]
    fn empty_dataset_has_no_series() {
        let ds = Dataset::from_json_str(
            r#"{"format_version": 1, "meta": {"title": "T", "as_of": "2020"},
                "organisations": [], "events": [], "relationships": []}"#,
        )
        .unwrap();
        assert!(commitments(&ds).is_empty());
    }

    #[test]
    fn shipped_microsoft_first_billion() {
        let ds = Dataset::from_json_str(SHIPPED).unwrap();
        let s = commitments(&ds);
        let ms = ds.org_ix("microsoft").unwrap();
        let series = s.iter().find(|x| x.org == ms).unwrap();
        assert_eq!(series.totals_at(d(2019, 7, 21)), (0.0, 0.0));
        assert_eq!(series.totals_at(d(2019, 7, 23)), (1e9, 1e9));
        // 2021 and 2023 figures are press estimates of undisclosed amounts: upper only.
        let (firm, upper) = series.totals_at(d(2023, 6, 1));
        assert!(close(firm, 1e9) && close(upper, 13e9), "{firm} {upper}");
    }

    #[test]
    fn shipped_golden_totals_on_28_april_2026() {
        let ds = Dataset::from_json_str(SHIPPED).unwrap();
        let s = commitments(&ds);
        let at = d(2026, 4, 28);
        let totals = |id: &str| s.iter().find(|x| x.org == ds.org_ix(id).unwrap()).unwrap().totals_at(at);
        // Amazon: 1.25 + 2.75 + 4 + 15 + 5 firm; + 4 (up to) + 35 + 20 (conditional).
        let (f, u) = totals("amazon");
        assert!(close(f, 28e9) && close(u, 87e9), "amazon {f} {u}");
        // Google: 0.3 + 0.5 + 1 + 10 firm; + 2 (up to) + 30 (conditional).
        let (f, u) = totals("google");
        assert!(close(f, 11.8e9) && close(u, 43.8e9), "google {f} {u}");
        // SoftBank: only its attributed $30B tranche of the 2026 round; round totals have no `from`.
        assert_eq!(totals("softbank"), (30e9, 30e9));
    }

    #[test]
    fn shipped_series_are_sorted_monotone_and_upper_at_least_firm() {
        let ds = Dataset::from_json_str(SHIPPED).unwrap();
        let s = commitments(&ds);
        assert!(!s.is_empty());
        for w in s.windows(2) {
            let (a, b) = (w[0].final_totals().1, w[1].final_totals().1);
            assert!(a > b || (a == b && w[0].org < w[1].org), "sorted");
        }
        for series in &s {
            assert!(!series.steps.is_empty());
            for st in &series.steps {
                assert!(st.upper_total >= st.firm_total, "{st:?}");
                assert!(st.firm_total >= 0.0);
                assert_eq!(ds.event(st.event).date.start, st.date);
            }
            for w in series.steps.windows(2) {
                assert!(w[0].date <= w[1].date);
                assert!(w[1].firm_total >= w[0].firm_total && w[1].upper_total >= w[0].upper_total);
                assert!(w[1].upper_total > w[0].upper_total, "each step adds money");
            }
        }
    }

    #[test]
    fn shipped_counts_every_attributable_usd_amount() {
        let ds = Dataset::from_json_str(SHIPPED).unwrap();
        let expected: f64 =
            ds.events.iter().flat_map(|e| &e.amounts).filter(|a| classify(a).is_some()).map(|a| a.value).sum();
        let got: f64 = commitments(&ds).iter().map(|s| s.final_totals().1).sum();
        assert!(close(got, expected), "{got} {expected}");
        assert!(ds.events.iter().flat_map(|e| &e.amounts).any(|a| a.from.is_none() && a.currency == "USD"));
    }
}
