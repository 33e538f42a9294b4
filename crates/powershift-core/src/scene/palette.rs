//! The palette: seven line colours for the relationship groups and five disc colours for the
//! organisation groups, chosen so that readers can tell them apart.
//!
//! The rules, each checked by a test below:
//! - every colour has at least 3:1 contrast on white (WCAG 1.4.11, graphical objects);
//! - every two line colours differ by ΔE*ab ≥ 20 in normal vision and ≥ 12 under simulated
//!   deuteranopia and protanopia (Machado et al. 2009), so no two lines read as one colour;
//! - no line shares a hue with a disc: every chromatic disc colour is at least 25° of CIELAB hue from
//!   every chromatic line colour (the greys carry no hue), so "Cloud" discs and "Cloud" lines are not
//!   mistaken for each other;
//! - lines are told apart by colour, discs by their labels: the disc colours only need to differ
//!   from one another in normal vision.
//!
//! The hues, by CIELAB angle: conflict crimson 26°, AI-lab orange 52°, partnership ochre 79°,
//! chip-company olive 111°, chips green 144°, cloud-company teal 182°, products cyan 229°, cloud blue
//! 287°, money violet 313°, investor plum 352°; lightness alternates (L* 36–59) so the hues that
//! merge for a deuteranope stay apart by lightness.

use crate::model::{OrgGroup, RelationGroup};

/// The colour of a group of relationship kinds.
pub fn group_colour(group: RelationGroup) -> &'static str {
    match group {
        RelationGroup::Money => "#7e27d1",
        RelationGroup::Cloud => "#4376e1",
        RelationGroup::Chips => "#2e7038",
        RelationGroup::Products => "#258aa4",
        RelationGroup::Partnership => "#b37e06",
        RelationGroup::Governance => "#555555",
        RelationGroup::Conflict => "#c70f34",
    }
}

/// The colour of a group of organisation kinds.
pub fn org_group_colour(group: OrgGroup) -> &'static str {
    match group {
        OrgGroup::AiLab => "#e05802",
        OrgGroup::Cloud => "#2f8a7d",
        OrgGroup::Chips => "#7b8e0e",
        OrgGroup::Investor => "#931c5c",
        OrgGroup::Other => "#737373",
    }
}

#[cfg(test)]
mod tests {
    use super::super::colour::{contrast, delta_e, hue_distance, Rgb, Vision};
    use super::*;

    const WHITE: Rgb = Rgb(255, 255, 255);

    fn rgb(hex: &str) -> Rgb {
        Rgb::parse(hex).unwrap()
    }

    fn lines() -> Vec<(RelationGroup, Rgb)> {
        RelationGroup::ALL.iter().map(|g| (*g, rgb(group_colour(*g)))).collect()
    }

    fn discs() -> Vec<(OrgGroup, Rgb)> {
        OrgGroup::ALL.iter().map(|g| (*g, rgb(org_group_colour(*g)))).collect()
    }

    #[test]
    fn at_most_seven_distinct_line_colours() {
        let mut colours: Vec<&str> = RelationGroup::ALL.iter().map(|g| group_colour(*g)).collect();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), RelationGroup::ALL.len());
        assert!(colours.len() <= 7);
    }

    #[test]
    fn every_colour_has_3_to_1_contrast_on_white() {
        for (g, c) in lines() {
            assert!(contrast(c, WHITE) >= 3.0, "{g}: {}", contrast(c, WHITE));
        }
        for (g, c) in discs() {
            assert!(contrast(c, WHITE) >= 3.0, "{g}: {}", contrast(c, WHITE));
        }
    }

    #[test]
    fn line_colours_differ_by_delta_e_20_and_12_under_colour_vision_deficiencies() {
        let ls = lines();
        for (i, (g1, c1)) in ls.iter().enumerate() {
            for (g2, c2) in &ls[i + 1..] {
                for v in Vision::ALL {
                    let min = if v == Vision::Normal { 20.0 } else { 12.0 };
                    let d = delta_e(*c1, *c2, v);
                    assert!(d >= min, "{g1} vs {g2} under {v:?}: ΔE {d:.1} < {min}");
                }
            }
        }
    }

    #[test]
    fn no_disc_shares_a_hue_with_a_line() {
        for (og, oc) in discs() {
            let o = oc.lab(Vision::Normal);
            if o.chroma() < 5.0 {
                continue;
            }
            for (lg, lc) in lines() {
                let l = lc.lab(Vision::Normal);
                if l.chroma() < 5.0 {
                    continue;
                }
                let d = hue_distance(o.hue(), l.hue());
                assert!(d >= 25.0, "disc {og} and line {lg} are {d:.1}° of hue apart");
            }
        }
    }

    #[test]
    fn greys_are_true_greys_and_disc_colours_differ_from_each_other() {
        for hex in [group_colour(RelationGroup::Governance), org_group_colour(OrgGroup::Other)] {
            assert!(rgb(hex).lab(Vision::Normal).chroma() < 1.0, "{hex}");
        }
        let ds = discs();
        for (i, (g1, c1)) in ds.iter().enumerate() {
            for (g2, c2) in &ds[i + 1..] {
                let d = delta_e(*c1, *c2, Vision::Normal);
                assert!(d >= 20.0, "{g1} vs {g2}: ΔE {d:.1}");
            }
        }
    }
}
