//! The event-density histogram drawn behind the scrubber: how many events fall in each slice of the
//! story's time range, so a reader sees where the story is busy before zooming in.
//!
//! Bins are whole days (the data's finest precision) of nearly equal width: `T` days split into `B`
//! bins puts bin `i` at `[start + ⌊iT/B⌋, start + ⌊(i+1)T/B⌋)`, so widths differ by at most one day
//! and the bins tile the range exactly, with no gaps and no overlap. Integer arithmetic only.
//!
//! Cost: O(B) for the boundaries plus O(n log B) to place n events by binary search.

use crate::date::Date;
use crate::model::Dataset;

/// One bar of the histogram: the events dated in `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    /// The first day in the bin.
    pub start: Date,
    /// The first day after the bin (exclusive); the next bin's `start`.
    pub end: Date,
    /// How many events are dated in the bin.
    pub count: u32,
}

/// The event counts in `bins` nearly equal slices of [`Dataset::time_range`] (its last day included).
///
/// Every event is counted exactly once, by its date (the first day of its period): one dated before
/// the range (possible when `meta.start` is later than the earliest event) counts in the first bin,
/// one after it in the last. There are never more bins than days, so no bin is empty of days; `bins
/// == 0` gives no bins.
pub fn density(ds: &Dataset, bins: usize) -> Vec<Bin> {
    let (start, end) = ds.time_range();
    let total = i64::from(end.days()) - i64::from(start.days()) + 1;
    let b = (bins as u64).min(total as u64) as i64;
    if b == 0 {
        return Vec::new();
    }
    let edge = |i: i64| Date::from_days((i64::from(start.days()) + i * total / b) as i32);
    let mut out: Vec<Bin> = (0..b).map(|i| Bin { start: edge(i), end: edge(i + 1), count: 0 }).collect();
    for e in &ds.events {
        let day = e.date.start;
        // The last bin starting on or before the day; 0 for days before the range.
        let i = out.partition_point(|bin| bin.start <= day).saturating_sub(1);
        out[i].count += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(meta_start: Option<&str>, as_of: &str, dates: &[&str]) -> Dataset {
        let events: Vec<serde_json::Value> = dates
            .iter()
            .enumerate()
            .map(|(i, date)| {
                serde_json::json!({
                    "id": format!("e{i}"), "date": date, "title": "E", "kinds": ["investment"],
                    "organisations": ["a"], "summary": "S.", "confidence": {"level": "confirmed"},
                    "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/x"}]
                })
            })
            .collect();
        let mut meta = serde_json::json!({"title": "T", "as_of": as_of});
        if let Some(s) = meta_start {
            meta["start"] = serde_json::json!(s);
        }
        let json = serde_json::json!({
            "format_version": 1, "meta": meta,
            "organisations": [{"id": "a", "name": "A", "short_name": "A", "kind": "ai_lab", "description": "Lab."}],
            "events": events, "relationships": []
        });
        Dataset::from_json_str(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn ten_days_in_five_bins_of_two() {
        // 2020-01-01 ..= 2020-01-10 is ten days.
        let ds = dataset(None, "2020-01-10", &["2020-01-01", "2020-01-02", "2020-01-03", "2020-01-10", "2020-01-10"]);
        let h = density(&ds, 5);
        let counts: Vec<u32> = h.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 1, 0, 0, 2]);
        assert_eq!((h[0].start, h[0].end), (d("2020-01-01"), d("2020-01-03")));
        assert_eq!(h[4].end, d("2020-01-11"), "the last day is inside the last bin");
    }

    #[test]
    fn uneven_splits_tile_the_range_and_differ_by_at_most_a_day() {
        let ds = dataset(None, "2020-01-10", &["2020-01-01"]);
        let h = density(&ds, 3);
        let widths: Vec<i32> = h.iter().map(|b| b.end.days() - b.start.days()).collect();
        assert_eq!(widths, [3, 3, 4]);
        assert!(h.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn never_more_bins_than_days_and_zero_bins_is_empty() {
        // The range runs from the earliest event to as_of: ten days.
        let ds = dataset(None, "2020-01-10", &["2020-01-05", "2020-01-01"]);
        assert_eq!(density(&ds, 1000).len(), 10);
        assert!(density(&ds, 0).is_empty());
        let one = density(&ds, 1);
        assert_eq!((one[0].start, one[0].end, one[0].count), (d("2020-01-01"), d("2020-01-11"), 2));
    }

    #[test]
    fn events_before_the_story_start_count_in_the_first_bin() {
        let ds = dataset(Some("2020-01-05"), "2020-01-10", &["2020-01-01", "2020-01-07", "2020-01-10"]);
        let h = density(&ds, 2);
        assert_eq!(h[0].start, d("2020-01-05"));
        assert_eq!(h.iter().map(|b| b.count).collect::<Vec<_>>(), [2, 1]);
    }
}
