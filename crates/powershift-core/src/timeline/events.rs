//! Event marks: where each event of a dataset sits on the timeline, in which lane, with what label.
//!
//! Each event is a mark (a circle of `mark_radius`, or a bar from its date to its end for events
//! with an `end`) followed by its title to the right. The mark and label together form one box, and
//! the boxes are packed into lanes with [`pack_lanes`], so **two marks in the
//! same lane never overlap, at any zoom**: the layout is recomputed for each scale, and packing only
//! ever puts boxes `lane_gap` apart into one lane.
//!
//! Label widths are an *estimate* (characters × font size × an average glyph width in em), because
//! the core has no fonts. The estimate is deliberately on the wide side for the story's Latin titles;
//! the browser can measure the real text and call [`layout_events_with_widths`] instead.
//!
//! Every event is laid out, including those outside the visible range, so panning (a translation of
//! every position) never reshuffles the lanes.
//!
//! Cost: O(n log n + n · L) for n events and L lanes (see [`pack_lanes`]),
//! plus O(total title length) for the labels.

use crate::model::{Dataset, EventIx};

use super::lanes::{lane_count, pack_lanes, Span};
use super::scale::TimeScale;

/// Sizes that decide how much room a mark and its label take, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkStyle {
    /// Radius of an event's circle (and half the height of a dated span's bar).
    pub mark_radius: f64,
    /// Font size of labels.
    pub font_px: f64,
    /// Average glyph width as a fraction of the font size, for estimating label widths; 0.55 suits
    /// common sans-serif faces with mixed case.
    pub char_width_em: f64,
    /// Space between a mark and its label.
    pub label_gap: f64,
    /// Least horizontal space between two boxes in one lane.
    pub lane_gap: f64,
    /// Longest label in characters; longer titles are cut and end in "…".
    pub max_label_chars: usize,
}

impl Default for MarkStyle {
    fn default() -> MarkStyle {
        MarkStyle {
            mark_radius: 5.0,
            font_px: 12.0,
            char_width_em: 0.55,
            label_gap: 4.0,
            lane_gap: 8.0,
            max_label_chars: 40,
        }
    }
}

impl MarkStyle {
    /// The estimated width of a label: characters × `font_px` × `char_width_em`. Characters are
    /// Unicode scalar values, so combining marks and wide (CJK) glyphs make it inexact; measured
    /// widths belong in [`layout_events_with_widths`].
    pub fn estimate_width(&self, label: &str) -> f64 {
        label.chars().count() as f64 * self.font_px * self.char_width_em
    }
}

/// One event placed on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMark {
    /// The event.
    pub event: EventIx,
    /// The pixel position of its date (the first day of its period).
    pub x: f64,
    /// For an event with an `end`, the pixel position of that end: the mark is a bar from `x` to here.
    pub x_end: Option<f64>,
    /// Its lane: 0 is the first row, and a lane never holds two overlapping boxes.
    pub lane: usize,
    /// The label: the title, cut to `max_label_chars` with "…".
    pub label: String,
    /// The left edge of the label, `label_gap` right of the mark.
    pub label_x: f64,
    /// The label's width (estimated, or as measured).
    pub label_width: f64,
}

impl EventMark {
    /// The box the mark and its label occupy, `[mark's left edge, label's right edge)`: what lane
    /// packing keeps apart, and what a pointer hit-test can use.
    pub fn bounds(&self, style: &MarkStyle) -> Span {
        let x_end = self.x_end.unwrap_or(self.x);
        Span::new(self.x.min(x_end) - style.mark_radius.max(0.0), self.label_x + self.label_width)
    }
}

/// A dataset's events laid out for one scale.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLayout {
    /// Every event, in chronological order (ties in file order).
    pub marks: Vec<EventMark>,
    /// The number of lanes used.
    pub lanes: usize,
}

/// `title` cut to at most `max_chars` characters, the last of them "…" when it was cut.
pub fn truncate_label(title: &str, max_chars: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max_chars {
        return title.to_string();
    }
    if max_chars == 0 {
        return String::new();
    }
    let mut cut: String = title.chars().take(max_chars - 1).collect();
    // "OpenAI and …" reads worse than "OpenAI and…".
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Lays out every event of `ds` on `scale` with estimated label widths. See [`layout_events_with_widths`].
pub fn layout_events(ds: &Dataset, scale: &TimeScale, style: &MarkStyle) -> EventLayout {
    layout_events_with_widths(ds, scale, style, &[])
}

/// Lays out every event of `ds` on `scale`, with `widths[i]` the measured width of the label of event
/// `i` (file order, as [`EventIx`]) in pixels. A missing, negative or non-finite width falls back to
/// [`MarkStyle::estimate_width`], so an empty slice means "estimate all".
pub fn layout_events_with_widths(ds: &Dataset, scale: &TimeScale, style: &MarkStyle, widths: &[f64]) -> EventLayout {
    let r = style.mark_radius.max(0.0);
    let label_gap = style.label_gap.max(0.0);
    let mut marks: Vec<EventMark> = ds
        .events_chronological()
        .into_iter()
        .map(|ix| {
            let e = ds.event(ix);
            let x = scale.map(e.date.start);
            let x_end = e.end.map(|end| scale.map(end.start));
            let label = truncate_label(&e.title, style.max_label_chars);
            let label_width = match widths.get(ix.ix()) {
                Some(&w) if w.is_finite() && w >= 0.0 => w,
                _ => style.estimate_width(&label),
            };
            let right = x.max(x_end.unwrap_or(x)) + r;
            EventMark { event: ix, x, x_end, lane: 0, label, label_x: right + label_gap, label_width }
        })
        .collect();
    let spans: Vec<Span> = marks.iter().map(|m| m.bounds(style)).collect();
    let lanes = pack_lanes(&spans, style.lane_gap);
    for (m, lane) in marks.iter_mut().zip(&lanes) {
        m.lane = *lane;
    }
    EventLayout { marks, lanes: lane_count(&lanes) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    /// A dataset with events `(date, end, title)` in this file order.
    fn dataset(events: &[(&str, Option<&str>, &str)]) -> Dataset {
        let events: Vec<serde_json::Value> = events
            .iter()
            .enumerate()
            .map(|(i, (date, end, title))| {
                let mut e = serde_json::json!({
                    "id": format!("e{i}"), "date": date, "title": title, "kinds": ["investment"],
                    "organisations": ["a", "b"], "summary": "S.", "confidence": {"level": "confirmed"},
                    "sources": [{"publisher": "P", "kind": "outlet", "title": "T", "url": "https://example.com/x"}]
                });
                if let Some(end) = end {
                    e["end"] = serde_json::json!(end);
                }
                e
            })
            .collect();
        let json = serde_json::json!({
            "format_version": 1,
            "meta": {"title": "T", "as_of": "2021-01-01"},
            "organisations": [
                {"id": "a", "name": "A", "short_name": "A", "kind": "ai_lab", "description": "Lab."},
                {"id": "b", "name": "B", "short_name": "B", "kind": "cloud", "description": "Cloud."}],
            "events": events,
            "relationships": []
        });
        Dataset::from_json_str(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    /// 2020 onto 0..366: one pixel a day.
    fn scale() -> TimeScale {
        TimeScale::new(d("2020-01-01"), d("2021-01-01"), 0.0, 366.0)
    }

    /// 10 px per character, 2 px radius, 1 px label gap, 3 px lane gap.
    fn style() -> MarkStyle {
        MarkStyle {
            mark_radius: 2.0,
            font_px: 10.0,
            char_width_em: 1.0,
            label_gap: 1.0,
            lane_gap: 3.0,
            max_label_chars: 5,
        }
    }

    #[test]
    fn marks_are_chronological_with_golden_positions_and_labels() {
        // File order is not date order; a five-character limit cuts "Second" to "Seco…".
        let ds = dataset(&[("2020-03-01", None, "Second"), ("2020-01-11", None, "One")]);
        let l = layout_events(&ds, &scale(), &style());
        assert_eq!(l.marks.iter().map(|m| m.event).collect::<Vec<_>>(), [EventIx(1), EventIx(0)]);
        let (one, second) = (&l.marks[0], &l.marks[1]);
        assert_eq!((one.x, one.label.as_str(), one.label_x, one.label_width), (10.0, "One", 13.0, 30.0));
        assert_eq!((second.x, second.label.as_str(), second.label_x, second.label_width), (60.0, "Seco…", 63.0, 50.0));
        assert_eq!(one.bounds(&style()), Span::new(8.0, 43.0));
        assert_eq!((one.lane, second.lane, l.lanes), (0, 0, 1));
        assert_eq!(one.x_end, None);
    }

    #[test]
    fn close_events_go_to_separate_lanes_and_the_gap_counts() {
        // Boxes: [8, 43) and, 10 days later, [18, 53): they overlap, so two lanes.
        let ds = dataset(&[("2020-01-11", None, "One"), ("2020-01-21", None, "Two")]);
        let l = layout_events(&ds, &scale(), &style());
        assert_eq!((l.marks[0].lane, l.marks[1].lane, l.lanes), (0, 1, 2));
        // Zoomed in 4× around the first event, the second starts at 10 + 40 - 2 = 48 ≥ 43 + 3: one lane.
        let zoomed = scale().zoom(10.0, 4.0);
        let l = layout_events(&ds, &zoomed, &style());
        assert!((l.marks[1].x - 50.0).abs() < 1e-9);
        assert_eq!(l.lanes, 1);
        // But with a lane gap of 6 (43 + 6 > 48) they must part again.
        let wide_gap = MarkStyle { lane_gap: 6.0, ..style() };
        assert_eq!(layout_events(&ds, &zoomed, &wide_gap).lanes, 2);
    }

    #[test]
    fn a_dated_span_runs_to_its_end_and_its_label_follows_the_end() {
        let ds = dataset(&[("2020-02-01", Some("2020-03-01"), "Span"), ("2020-02-15", None, "In")]);
        let l = layout_events(&ds, &scale(), &style());
        let span = &l.marks[0];
        assert_eq!((span.x, span.x_end, span.label_x), (31.0, Some(60.0), 63.0));
        assert_eq!(span.bounds(&style()), Span::new(29.0, 103.0));
        // The event inside the span cannot share its lane.
        assert_ne!(l.marks[1].lane, span.lane);
    }

    #[test]
    fn measured_widths_replace_the_estimate() {
        let ds = dataset(&[("2020-01-11", None, "One"), ("2020-01-21", None, "Two")]);
        // Measured 5 px wide labels: [8, 18) and [18, 28) are still closer than the 3 px gap...
        let measured = layout_events_with_widths(&ds, &scale(), &style(), &[5.0, 5.0]);
        assert_eq!(measured.marks[0].label_width, 5.0);
        assert_eq!(measured.lanes, 2);
        // ...but a 2 px label ends at 15, and 15 + 3 ≤ 18 fits one lane.
        let narrow = layout_events_with_widths(&ds, &scale(), &style(), &[2.0, 2.0]);
        assert_eq!(narrow.lanes, 1);
        // Missing or invalid widths fall back to the estimate.
        let partial = layout_events_with_widths(&ds, &scale(), &style(), &[f64::NAN]);
        assert_eq!(partial, layout_events(&ds, &scale(), &style()));
    }

    #[test]
    fn truncation_counts_characters_and_ends_in_an_ellipsis() {
        assert_eq!(truncate_label("Microsoft invests", 40), "Microsoft invests");
        assert_eq!(truncate_label("Microsoft invests", 10), "Microsoft…");
        assert_eq!(truncate_label("Microsoft invests", 11), "Microsoft…", "no space before the ellipsis");
        assert_eq!(truncate_label("Ünïcödé", 4), "Ünï…");
        assert_eq!(truncate_label("abc", 3), "abc");
        assert_eq!(truncate_label("abcd", 1), "…");
        assert_eq!(truncate_label("abcd", 0), "");
        assert_eq!(style().estimate_width("Ünï…"), 40.0);
    }

    #[test]
    fn an_empty_dataset_has_no_lanes() {
        let l = layout_events(&dataset(&[]), &scale(), &MarkStyle::default());
        assert_eq!((l.marks.len(), l.lanes), (0, 0));
    }
}
