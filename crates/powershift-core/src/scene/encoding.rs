//! Visual encodings: which colour, dash, width and opacity stand for which data. The scenes and the
//! legend both call these functions, so the legend cannot drift from the picture.
//!
//! - node fill: organisation group ([`org_colour`]); disc radius: 7 + 3·√(relationships in force);
//! - edge colour: relationship group ([`relation_colour`]); width: [`edge_width`] of the money
//!   weight (log₁₀ of the largest amount cited for the phase); dash: confidence
//!   ([`confidence_dash`]); opacity: state ([`state_opacity`]); arrowhead: directed relationships;
//! - event marks: the colour of the relationship kind the event belongs to
//!   ([`event_relation_kind`], the one event → relationship mapping), launches in grey.

use crate::model::{ConfidenceLevel, EventKind, OrgKind, PhaseState, RelationKind};

use super::colour::{contrast, Rgb};
use super::palette::{group_colour, org_group_colour};

/// Fill colour of an organisation kind: the colour of its group ([`palette`](super::palette)).
pub fn org_colour(kind: OrgKind) -> &'static str {
    org_group_colour(kind.group())
}

/// Stroke colour of a relationship kind: the colour of its group; seven in all, told apart also
/// under colour-vision deficiencies ([`palette`](super::palette)).
pub fn relation_colour(kind: RelationKind) -> &'static str {
    group_colour(kind.group())
}

/// Colour of events that belong to no relationship kind (product launches).
pub const NEUTRAL_COLOUR: &str = "#57534e";

/// SVG dash pattern for a confidence level: solid when confirmed, long dashes when reported, dots for
/// a single source, dash-dot when sources conflict. Sized for the thinnest line ([`MIN_EDGE_WIDTH`]):
/// gaps at least twice the width, so the three patterns stay apart where the old 7-4 / 2-3 / 8-3-2-3
/// on 1.2 px curves read alike.
pub fn confidence_dash(level: ConfidenceLevel) -> Option<&'static str> {
    match level {
        ConfidenceLevel::Confirmed => None,
        ConfidenceLevel::Reported => Some("10 5"),
        ConfidenceLevel::SingleSource => Some("2 5"),
        ConfidenceLevel::Conflicting => Some("12 4 2 4"),
    }
}

/// Opacity for a phase state: historical and stalled ties are faded.
pub fn state_opacity(state: PhaseState) -> f64 {
    match state {
        PhaseState::Active | PhaseState::Disputed => 0.9,
        PhaseState::Stalled => 0.45,
        PhaseState::Historical => 0.35,
    }
}

/// The width of a line with no amount known: thick enough for its dash pattern to be read.
pub const MIN_EDGE_WIDTH: f64 = 2.0;

/// Stroke width for a money weight (1 = no amount known).
pub fn edge_width(weight: f64) -> f64 {
    MIN_EDGE_WIDTH + 1.4 * (weight - 1.0)
}

/// The relationship kind an event kind belongs to, for colours and the kind filter: the two
/// vocabularies share their names, and launches belong to none.
pub fn event_relation_kind(kind: EventKind) -> Option<RelationKind> {
    RelationKind::parse(kind.as_str())
}

/// Colour of an event mark: its relationship kind's colour; launches in [`NEUTRAL_COLOUR`].
pub fn event_colour(kind: EventKind) -> &'static str {
    event_relation_kind(kind).map_or(NEUTRAL_COLOUR, relation_colour)
}

/// The money chart's text and the line-style key: neutral greys with ≥ 4.5:1 on white.
pub const MONEY_INK: &str = "#4d4d4d";
/// See [`MONEY_INK`].
pub const MONEY_KEY: &str = "#767676";

/// WCAG 2 contrast ratio of a `#rrggbb` colour against white (1 to 21).
///
/// ```
/// use powershift_core::scene::encoding::contrast_on_white;
/// assert!((contrast_on_white("#000000") - 21.0).abs() < 1e-9);
/// assert!((contrast_on_white("#ffffff") - 1.0).abs() < 1e-9);
/// ```
pub fn contrast_on_white(hex: &str) -> f64 {
    Rgb::parse(hex).map_or(1.0, |c| contrast(c, Rgb(255, 255, 255)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_kind_but_launches_maps_to_its_relationship_kind() {
        for k in EventKind::ALL {
            match event_relation_kind(*k) {
                Some(r) => assert_eq!(r.as_str(), k.as_str()),
                None => assert_eq!(*k, EventKind::ProductLaunch),
            }
        }
        assert_eq!(event_colour(EventKind::ProductLaunch), NEUTRAL_COLOUR);
        assert_eq!(event_colour(EventKind::Investment), relation_colour(RelationKind::Investment));
    }

    #[test]
    fn money_ink_and_key_meet_wcag_aa_on_white() {
        for c in [MONEY_INK, MONEY_KEY] {
            assert!(contrast_on_white(c) >= 4.5, "{c}: {}", contrast_on_white(c));
        }
    }

    #[test]
    fn org_and_relation_colours_meet_3_to_1_on_white() {
        for k in OrgKind::ALL {
            assert!(contrast_on_white(org_colour(*k)) >= 3.0, "{k}");
        }
        for k in RelationKind::ALL {
            assert!(contrast_on_white(relation_colour(*k)) >= 3.0, "{k}");
        }
    }
}
