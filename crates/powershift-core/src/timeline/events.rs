//! Event marks: where each event of a dataset sits on the timeline, in which lane, with what label.
//!
//! Each event is a mark (a circle of `mark_radius`, or a bar from its date to its end for events
//! with an `end`) followed by its title to the right — or to the left when it would run past
//! [`MarkStyle::label_limit`] (the end of the story). The mark and label together form one box,
//! and the boxes are packed into lanes with [`pack_lanes`], so **two marks in the same lane never
//! overlap, at any zoom**: the layout is recomputed for each scale, and packing only ever puts
//! boxes `lane_gap` apart into one lane.
//!
//! Titles are shortened at a word boundary ([`shorten_title`]); the full title stays in the
//! mark's accessible name and tooltip.
//!
//! When not every title fits, [`layout_key_labels`] keeps the titles of chosen events (the key
//! events) in the first few lanes where they fit and draws the rest as bare marks.
//!
//! Label widths are an *estimate* (characters × font size × an average glyph width in em), because
//! the core has no fonts. The estimate is deliberately on the wide side for the story's Latin titles;
//! the browser can measure the real text and pass the widths instead.
//!
//! Every event is laid out, including those outside the visible range, so panning (a translation of
//! every position) never reshuffles the lanes.
//!
//! Cost: O(n log n + n · L) for n events and L lanes (see [`pack_lanes`]),
//! plus O(total title length) for the labels.

use crate::model::{Dataset, EventIx};

use super::lanes::{lane_count, pack_lanes, Span};
use super::scale::DateScale;

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
    /// Longest label in characters; longer titles are shortened at a word and end in "…".
    pub max_label_chars: usize,
    /// A label that would end right of this pixel goes left of its mark instead (the story's end,
    /// where nothing lies beyond to scroll to). Infinite by default: labels always go right.
    pub label_limit: f64,
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
            label_limit: f64::INFINITY,
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
    /// The label: the title shortened to `max_label_chars` with "…"; empty for a bare mark.
    pub label: String,
    /// The left edge of the label: `label_gap` right of the mark, or, when `label_left`, its width
    /// and `label_gap` left of it.
    pub label_x: f64,
    /// The label's width (estimated, or as measured); 0 for a bare mark.
    pub label_width: f64,
    /// The label is left of the mark (it ends `label_gap` before the mark's left edge).
    pub label_left: bool,
}

impl EventMark {
    /// The box the mark and its label occupy, from the leftmost to the rightmost of the mark and
    /// the label: what lane packing keeps apart, and what a pointer hit-test can use.
    pub fn bounds(&self, style: &MarkStyle) -> Span {
        let r = style.mark_radius.max(0.0);
        let x_end = self.x_end.unwrap_or(self.x);
        let (mark_l, mark_r) = (self.x.min(x_end) - r, self.x.max(x_end) + r);
        if self.label_width > 0.0 || !self.label.is_empty() {
            Span::new(mark_l.min(self.label_x), mark_r.max(self.label_x + self.label_width))
        } else {
            Span::new(mark_l, mark_r)
        }
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

/// `title` shortened to at most `max_chars` characters at a word boundary, ending in "…" when
/// shortened: "Microsoft invests $1B in OpenAI; Azure becomes its exclusive cloud" at 40 is
/// "Microsoft invests $1B in OpenAI; Azure…", and punctuation left dangling before the ellipsis
/// (";", ",", ":", ".", "—") goes. When the whole words that fit fill less than a third of the
/// limit (a long first word), the title is cut inside the word, as by [`truncate_label`], rather
/// than leaving a stub. O(title length).
///
/// ```
/// use powershift_core::timeline::shorten_title;
/// assert_eq!(shorten_title("OpenAI launches ChatGPT", 40), "OpenAI launches ChatGPT");
/// assert_eq!(shorten_title("Microsoft invests $1B in OpenAI; Azure becomes its cloud", 34), "Microsoft invests $1B in OpenAI…");
/// ```
pub fn shorten_title(title: &str, max_chars: usize) -> String {
    let title = title.trim();
    if title.chars().count() <= max_chars {
        return title.to_string();
    }
    if max_chars == 0 {
        return String::new();
    }
    // The longest run of whole words that leaves room for the ellipsis.
    let head: String = title.chars().take(max_chars - 1).collect();
    let words = if title[head.len()..].starts_with(char::is_whitespace) {
        head.as_str()
    } else {
        head.rfind(char::is_whitespace).map_or("", |i| &head[..i])
    };
    let cut = words.trim_end_matches(|c: char| c.is_whitespace() || ";,:.—–-(&".contains(c));
    if cut.chars().count() * 3 < max_chars {
        return truncate_label(title, max_chars);
    }
    format!("{cut}…")
}

/// Lays out every event of `ds` on `scale` with estimated label widths. See [`layout_events_with_widths`].
pub fn layout_events<S: DateScale + ?Sized>(ds: &Dataset, scale: &S, style: &MarkStyle) -> EventLayout {
    layout_events_with_widths(ds, scale, style, &[])
}

/// Lays out every event of `ds` on `scale`, with `widths[i]` the measured width of the label of event
/// `i` (file order, as [`EventIx`]) in pixels. A missing, negative or non-finite width falls back to
/// [`MarkStyle::estimate_width`], so an empty slice means "estimate all".
pub fn layout_events_with_widths<S: DateScale + ?Sized>(
    ds: &Dataset,
    scale: &S,
    style: &MarkStyle,
    widths: &[f64],
) -> EventLayout {
    let mut marks = labelled_marks(ds, scale, style, widths);
    let spans: Vec<Span> = marks.iter().map(|m| m.bounds(style)).collect();
    let lanes = pack_lanes(&spans, style.lane_gap);
    for (m, lane) in marks.iter_mut().zip(&lanes) {
        m.lane = *lane;
    }
    EventLayout { marks, lanes: lane_count(&lanes) }
}

/// Lays out every event of `ds` on `scale` keeping the titles of the events with `wanted[i]` (file
/// order) where they fit in the first `label_lanes` lanes; every other event is a bare mark.
///
/// Events are visited in date order. A wanted title goes into the lowest of the first
/// `label_lanes` lanes whose last box ends `lane_gap` before it; when none has room, the event
/// becomes a bare mark, like the unwanted ones, in the lowest lane (of any number) with room — a
/// bare mark needs only `bare_gap` from a bare neighbour, `lane_gap` from a labelled one. Each lane
/// only ever receives boxes right of everything in it, so **no two boxes in a lane overlap**.
///
/// Greedy and chronological: an early title can take the room a later one wanted; in exchange the
/// result is stable and O(n · L) for n events and L lanes (plus the sort).
pub fn layout_key_labels<S: DateScale + ?Sized>(
    ds: &Dataset,
    scale: &S,
    style: &MarkStyle,
    wanted: &[bool],
    label_lanes: usize,
    bare_gap: f64,
) -> EventLayout {
    let mut marks = labelled_marks(ds, scale, style, &[]);
    let (gap, bare_gap) = (style.lane_gap.max(0.0), bare_gap.max(0.0));
    // Per lane: the right end of its last box, and whether that box has a label.
    let mut lanes: Vec<(f64, bool)> = Vec::new();
    for m in &mut marks {
        let want = wanted.get(m.event.ix()).copied().unwrap_or(false) && !m.label.is_empty();
        let labelled_box = m.bounds(style);
        let slot =
            want.then(|| lanes.iter().take(label_lanes).position(|(end, _)| end + gap <= labelled_box.start)).flatten();
        if let Some(lane) = slot {
            lanes[lane] = (labelled_box.end, true);
            m.lane = lane;
            continue;
        }
        if want && lanes.len() < label_lanes {
            lanes.push((labelled_box.end, true));
            m.lane = lanes.len() - 1;
            continue;
        }
        m.label.clear();
        m.label_width = 0.0;
        m.label_left = false;
        let bare = m.bounds(style);
        m.label_x = bare.end;
        let fits = |(end, labelled): &(f64, bool)| end + if *labelled { gap } else { bare_gap } <= bare.start;
        match lanes.iter().position(fits) {
            Some(lane) => {
                lanes[lane] = (bare.end, false);
                m.lane = lane;
            }
            None => {
                lanes.push((bare.end, false));
                m.lane = lanes.len() - 1;
            }
        }
    }
    EventLayout { marks, lanes: lanes.len() }
}

/// Every event's mark with its (shortened) title and label position, chronological, all in lane 0.
fn labelled_marks<S: DateScale + ?Sized>(ds: &Dataset, scale: &S, style: &MarkStyle, widths: &[f64]) -> Vec<EventMark> {
    let r = style.mark_radius.max(0.0);
    let label_gap = style.label_gap.max(0.0);
    ds.events_chronological()
        .into_iter()
        .map(|ix| {
            let e = ds.event(ix);
            let x = scale.map(e.date.start);
            let x_end = e.end.map(|end| scale.map(end.start));
            let label = shorten_title(&e.title, style.max_label_chars);
            let label_width = match widths.get(ix.ix()) {
                Some(&w) if w.is_finite() && w >= 0.0 => w,
                _ => style.estimate_width(&label),
            };
            let right = x.max(x_end.unwrap_or(x)) + r;
            let left = x.min(x_end.unwrap_or(x)) - r;
            let label_left = !label.is_empty() && right + label_gap + label_width > style.label_limit;
            let label_x = if label_left { left - label_gap - label_width } else { right + label_gap };
            EventMark { event: ix, x, x_end, lane: 0, label, label_x, label_width, label_left }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::timeline::TimeScale;

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
            label_limit: f64::INFINITY,
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
    fn titles_are_shortened_at_a_word_with_dangling_punctuation_removed() {
        let t = "Microsoft invests $1B in OpenAI; Azure becomes its exclusive cloud";
        assert_eq!(shorten_title(t, 100), t);
        assert_eq!(shorten_title(t, 40), "Microsoft invests $1B in OpenAI; Azure…");
        assert_eq!(shorten_title(t, 34), "Microsoft invests $1B in OpenAI…", "the semicolon goes");
        // The limit falling exactly after a word keeps that word when the ellipsis fits.
        assert_eq!(shorten_title("One two three", 9), "One two…");
        assert_eq!(shorten_title("One two three", 8), "One two…");
        assert_eq!(shorten_title("One two three", 7), "One…");
        // A long first word is cut inside rather than leaving a stub.
        assert_eq!(shorten_title("Supercalifragilistic words", 10), "Supercali…");
        assert_eq!(shorten_title("A supercalifragilistic", 12), "A supercali…");
        assert_eq!(shorten_title("abc", 0), "");
        for n in 0..70 {
            assert!(shorten_title(t, n).chars().count() <= n, "{n}");
        }
    }

    #[test]
    fn a_label_past_the_limit_goes_left_of_its_mark() {
        // "One" is 30 px: right of a mark at 300 it would end at 333 > 320, so it ends 1 px left of
        // the mark's left edge (298): [267, 297).
        let ds = dataset(&[("2020-10-27", None, "One"), ("2020-01-11", None, "Two")]);
        let style = MarkStyle { label_limit: 320.0, ..style() };
        let l = layout_events(&ds, &scale(), &style);
        let (two, one) = (&l.marks[0], &l.marks[1]);
        assert_eq!((one.x, one.label_left, one.label_x), (300.0, true, 267.0));
        assert_eq!(one.bounds(&style), Span::new(267.0, 302.0));
        assert!(!two.label_left);
    }

    #[test]
    fn key_labels_keep_wanted_titles_where_they_fit_and_bare_marks_elsewhere() {
        // Three events 10 days apart, all wanted, one label lane: the first title [8, 43) blocks the
        // second (at 18) and the third (at 28), which become bare marks in lane 1 — 4 px wide boxes
        // 6 px apart with a 1 px bare gap.
        let ds = dataset(&[("2020-01-11", None, "One"), ("2020-01-21", None, "Two"), ("2020-01-31", None, "Six")]);
        let l = layout_key_labels(&ds, &scale(), &style(), &[true, true, true], 1, 1.0);
        let lanes: Vec<(usize, &str)> = l.marks.iter().map(|m| (m.lane, m.label.as_str())).collect();
        assert_eq!(lanes, [(0, "One"), (1, ""), (1, "")]);
        assert_eq!(l.lanes, 2);
        assert_eq!((l.marks[1].label_width, l.marks[1].bounds(&style())), (0.0, Span::new(18.0, 22.0)));
        // With two label lanes the second title gets lane 1, and the third still has no room.
        let l = layout_key_labels(&ds, &scale(), &style(), &[true, true, true], 2, 1.0);
        let lanes: Vec<(usize, &str)> = l.marks.iter().map(|m| (m.lane, m.label.as_str())).collect();
        assert_eq!(lanes, [(0, "One"), (1, "Two"), (2, "")]);
        // Unwanted titles are never drawn, even with room.
        let l = layout_key_labels(&ds, &scale(), &style(), &[false, true, false], 4, 1.0);
        let lanes: Vec<(usize, &str)> = l.marks.iter().map(|m| (m.lane, m.label.as_str())).collect();
        assert_eq!(lanes, [(0, ""), (0, "Two"), (1, "")]);
    }

    #[test]
    fn an_empty_dataset_has_no_lanes() {
        let l = layout_events(&dataset(&[]), &scale(), &MarkStyle::default());
        assert_eq!((l.marks.len(), l.lanes), (0, 0));
    }
}
