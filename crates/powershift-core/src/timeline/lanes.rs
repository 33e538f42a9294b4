//! Lane packing: stack horizontal boxes into as few rows ("lanes") as possible without overlap.
//!
//! Each item is a half-open pixel interval `[start, end)` (on the timeline: an event's mark plus its
//! label). Items are visited in order of `start` (ties broken by input index, so the result never
//! depends on sort stability or platform) and each goes into the **first** lane whose last item ends
//! at least `gap` before it starts. For intervals this greedy is optimal: with spans of positive width the
//! number of lanes equals the largest number of gap-widened items that overlap at one point, so no
//! packing can use fewer.
//!
//! Cost: O(n log n) to sort plus O(n · L) to scan the lanes, for n items and L lanes. L is small on a
//! timeline (a handful of rows), which makes the scan cheaper in practice than a heap keyed by lane end,
//! and the scan is what makes the choice "first fit" (lowest lane) rather than "any fit".

/// A half-open horizontal interval `[start, end)` in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    /// The left edge (inclusive).
    pub start: f64,
    /// The right edge (exclusive).
    pub end: f64,
}

impl Span {
    /// The span `[start, end)`.
    pub fn new(start: f64, end: f64) -> Span {
        Span { start, end }
    }

    /// Whether two spans come closer than `gap`, i.e. may not share a lane.
    pub fn conflicts(&self, other: &Span, gap: f64) -> bool {
        let (a, b) = (self.normalised(), other.normalised());
        let gap = gap.max(0.0);
        !(a.end + gap <= b.start || b.end + gap <= a.start)
    }

    /// The same span with its ends in order.
    fn normalised(&self) -> Span {
        if self.end < self.start {
            Span { start: self.end, end: self.start }
        } else {
            *self
        }
    }
}

/// First-fit lane packing of horizontal boxes (interval partitioning).
///
/// Items are visited from left to right (by start, ties in input order) and each goes into the
/// lowest lane whose last box ends at least `gap` before it starts; a new lane is opened when none
/// fits. This is the greedy interval-graph colouring, optimal for intervals when `gap` is 0 (the
/// number of lanes equals the largest number of boxes over any one point).
///
/// # Arguments
/// - `items`: the boxes; a span given with `end < start` is read with its ends swapped.
/// - `gap`: the least horizontal space between two boxes in one lane; negative or NaN counts as 0.
///
/// # Returns
/// The lane (0, 1, 2, …) of each item, in input order. Two items in the same lane are never
/// closer than `gap`.
///
/// # Complexity
/// O(n log n + n · L) time for n items and L lanes, O(n + L) space.
///
/// # Examples
/// ```
/// use powershift_core::timeline::{pack_lanes, Span};
/// let boxes = [Span::new(0.0, 10.0), Span::new(5.0, 15.0), Span::new(12.0, 20.0)];
/// assert_eq!(pack_lanes(&boxes, 1.0), vec![0, 1, 0]);
/// ```
///
/// # Reference
/// Kleinberg & Tardos, *Algorithm Design* (2005), §4.1 "Interval partitioning".
pub fn pack_lanes(items: &[Span], gap: f64) -> Vec<usize> {
    let gap = gap.max(0.0);
    let spans: Vec<Span> = items.iter().map(Span::normalised).collect();
    let mut order: Vec<usize> = (0..spans.len()).collect();
    // `total_cmp` is a total order (NaN included), and the index tie-break makes it strict.
    crate::sort::sort_by(&mut order, |&a, &b| spans[a].start.total_cmp(&spans[b].start).then(a.cmp(&b)));

    // The rightmost end in each lane so far.
    let mut lane_end: Vec<f64> = Vec::new();
    let mut lanes = vec![0; spans.len()];
    for i in order {
        let s = spans[i];
        let lane = match lane_end.iter().position(|&end| end + gap <= s.start) {
            Some(l) => l,
            None => {
                lane_end.push(f64::NEG_INFINITY);
                lane_end.len() - 1
            }
        };
        // `max`, not assignment: with zero-width spans the newest item need not end last.
        lane_end[lane] = lane_end[lane].max(s.end);
        lanes[i] = lane;
    }
    lanes
}

/// The number of lanes a packing uses (0 for no items).
pub fn lane_count(lanes: &[usize]) -> usize {
    lanes.iter().max().map_or(0, |l| l + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(v: &[(f64, f64)]) -> Vec<Span> {
        v.iter().map(|&(a, b)| Span::new(a, b)).collect()
    }

    #[test]
    fn first_fit_in_order_of_start() {
        // a:[0,10) b:[5,15) c:[12,20) d:[16,30): b overlaps a, c fits after a, d fits after b.
        let s = spans(&[(0.0, 10.0), (5.0, 15.0), (12.0, 20.0), (16.0, 30.0)]);
        assert_eq!(pack_lanes(&s, 0.0), [0, 1, 0, 1]);
        assert_eq!(lane_count(&pack_lanes(&s, 0.0)), 2);
        // With a gap of 3, c (starting 2 after a) no longer fits in lane 0, nor after b; d fits after a.
        assert_eq!(pack_lanes(&s, 3.0), [0, 1, 2, 0]);
    }

    #[test]
    fn the_lowest_free_lane_is_taken() {
        // Three stacked, then one that only clears the first two: it goes to lane 0, not lane 2.
        let s = spans(&[(0.0, 10.0), (1.0, 11.0), (2.0, 30.0), (12.0, 14.0)]);
        assert_eq!(pack_lanes(&s, 0.0), [0, 1, 2, 0]);
    }

    #[test]
    fn touching_spans_share_a_lane_only_without_a_gap() {
        let s = spans(&[(0.0, 10.0), (10.0, 20.0)]);
        assert_eq!(pack_lanes(&s, 0.0), [0, 0]);
        assert_eq!(pack_lanes(&s, 0.5), [0, 1]);
        assert_eq!(pack_lanes(&s, -5.0), [0, 0], "a negative gap counts as zero");
    }

    #[test]
    fn input_order_does_not_matter_except_to_break_ties() {
        let s = spans(&[(12.0, 20.0), (0.0, 10.0), (5.0, 15.0)]);
        assert_eq!(pack_lanes(&s, 0.0), [0, 0, 1]);
        // Equal starts: the earlier input index gets the lower lane.
        let tie = spans(&[(0.0, 5.0), (0.0, 50.0), (0.0, 1.0)]);
        assert_eq!(pack_lanes(&tie, 0.0), [0, 1, 2]);
    }

    #[test]
    fn reversed_spans_are_read_in_order_and_nan_does_not_panic() {
        assert_eq!(pack_lanes(&spans(&[(10.0, 0.0), (5.0, 15.0)]), 0.0), [0, 1]);
        let lanes = pack_lanes(&spans(&[(f64::NAN, 1.0), (0.0, 1.0)]), 0.0);
        assert_eq!(lanes.len(), 2);
        assert_eq!(lane_count(&[]), 0);
        assert!(pack_lanes(&[], 1.0).is_empty());
    }

    #[test]
    fn conflicts_is_symmetric_and_respects_the_gap() {
        let (a, b) = (Span::new(0.0, 10.0), Span::new(12.0, 20.0));
        assert!(!a.conflicts(&b, 2.0) && !b.conflicts(&a, 2.0));
        assert!(a.conflicts(&b, 2.5) && b.conflicts(&a, 2.5));
    }
}
