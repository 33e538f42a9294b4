//! Visual encodings: which colour, dash, width and opacity stand for which data. The scenes and the
//! legend both call these functions, so the legend cannot drift from the picture.
//!
//! - node fill: organisation kind ([`org_colour`]); disc radius: 7 + 3·√(relationships in force);
//! - edge colour: relationship kind ([`relation_colour`]); width: [`edge_width`] of the money
//!   weight (log₁₀ of the largest amount cited for the phase); dash: confidence
//!   ([`confidence_dash`]); opacity: state ([`state_opacity`]); arrowhead: directed relationships;
//! - event marks: the colour of the relationship kind the event belongs to
//!   ([`event_relation_kind`], the one event → relationship mapping), launches in grey.

use crate::model::{ConfidenceLevel, EventKind, OrgKind, PhaseState, RelationKind};

/// Fill colour of an organisation kind. Each has at least 3:1 contrast on white (WCAG 1.4.11).
pub fn org_colour(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::AiLab => "#c2410c",
        OrgKind::Cloud => "#1d4ed8",
        OrgKind::Chipmaker => "#047857",
        OrgKind::ChipDesigner => "#0f766e",
        OrgKind::Investor => "#7e22ce",
        OrgKind::Person => "#475569",
        OrgKind::JointVenture => "#a16207",
        OrgKind::Software => "#0369a1",
        OrgKind::DeviceMaker => "#374151",
        OrgKind::GpuCloud => "#4d7c0f",
        OrgKind::Other => "#57534e",
    }
}

/// Stroke colour of a relationship kind (≥ 3:1 on white).
pub fn relation_colour(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Investment => "#7e22ce",
        RelationKind::CloudCompute => "#1d4ed8",
        RelationKind::Licence => "#0e7490",
        RelationKind::ProductIntegration => "#c2410c",
        RelationKind::Chips => "#047857",
        RelationKind::Partnership => "#a16207",
        RelationKind::RevenueShare => "#be185d",
        RelationKind::Lawsuit => "#b91c1c",
        RelationKind::Dispute => "#dc2626",
        RelationKind::Governance => "#475569",
        RelationKind::Competition => "#9f1239",
    }
}

/// Colour of events that belong to no relationship kind (product launches).
pub const NEUTRAL_COLOUR: &str = "#57534e";

/// SVG dash pattern for a confidence level: solid when confirmed, dashed when reported, dotted for a
/// single source, dash-dot when sources conflict.
pub fn confidence_dash(level: ConfidenceLevel) -> Option<&'static str> {
    match level {
        ConfidenceLevel::Confirmed => None,
        ConfidenceLevel::Reported => Some("7 4"),
        ConfidenceLevel::SingleSource => Some("2 3"),
        ConfidenceLevel::Conflicting => Some("8 3 2 3"),
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

/// Stroke width for a money weight (1 = no amount known).
pub fn edge_width(weight: f64) -> f64 {
    1.2 + 1.4 * (weight - 1.0)
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
    let channel = |i: usize| {
        let v = u8::from_str_radix(hex.get(1 + 2 * i..3 + 2 * i).unwrap_or("00"), 16).unwrap_or(0);
        let c = f64::from(v) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    1.05 / (l + 0.05)
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
