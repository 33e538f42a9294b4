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

/// The dark theme's background, against which the dark colours are checked.
pub const DARK_BACKGROUND: &str = "#16191d";

/// The colour of a group of relationship kinds on the dark theme: lighter, with the same hues and
/// the same distances (ΔE ≥ 20, ≥ 12 under deuteranopia and protanopia), ≥ 3:1 on
/// [`DARK_BACKGROUND`].
pub fn group_colour_dark(group: RelationGroup) -> &'static str {
    match group {
        RelationGroup::Money => "#b862fe",
        RelationGroup::Cloud => "#5b7ccd",
        RelationGroup::Chips => "#66cf74",
        RelationGroup::Products => "#7fd0ea",
        RelationGroup::Partnership => "#dfa323",
        RelationGroup::Governance => "#9a9a9a",
        RelationGroup::Conflict => "#d9444d",
    }
}

/// The colour of a group of organisation kinds on the dark theme.
pub fn org_group_colour_dark(group: OrgGroup) -> &'static str {
    match group {
        OrgGroup::AiLab => "#f98440",
        OrgGroup::Cloud => "#4fcdb8",
        OrgGroup::Chips => "#b8cc5e",
        OrgGroup::Investor => "#ee88b2",
        OrgGroup::Other => "#8c8c8c",
    }
}

/// The CSS custom property that carries a line group's colour (`--line-money`).
pub fn group_property(group: RelationGroup) -> String {
    format!("--line-{}", group.as_str())
}

/// The CSS custom property that carries an organisation group's colour (`--org-ai_lab`).
pub fn org_group_property(group: OrgGroup) -> String {
    format!("--org-{}", group.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::colour::{contrast, delta_e, hue_distance, Rgb, Vision};
    use super::*;

    const WHITE: Rgb = Rgb(255, 255, 255);

    fn rgb(hex: &str) -> Rgb {
        Rgb::parse(hex).unwrap()
    }

    /// (theme name, background, line colours, disc colours).
    type Theme = (&'static str, Rgb, fn(RelationGroup) -> &'static str, fn(OrgGroup) -> &'static str);

    const THEMES: [Theme; 2] = [
        ("light", WHITE, group_colour, org_group_colour),
        ("dark", Rgb(0x16, 0x19, 0x1d), group_colour_dark, org_group_colour_dark),
    ];

    fn lines() -> Vec<(RelationGroup, Rgb)> {
        RelationGroup::ALL.iter().map(|g| (*g, rgb(group_colour(*g)))).collect()
    }

    fn discs() -> Vec<(OrgGroup, Rgb)> {
        OrgGroup::ALL.iter().map(|g| (*g, rgb(org_group_colour(*g)))).collect()
    }

    #[test]
    fn both_themes_keep_3_to_1_and_the_line_distances() {
        assert_eq!(Rgb::parse(DARK_BACKGROUND), Some(THEMES[1].1));
        for (name, bg, line, disc) in THEMES {
            for g in RelationGroup::ALL {
                let c = contrast(rgb(line(*g)), bg);
                assert!(c >= 3.0, "{name} {g}: {c:.2}");
            }
            for g in OrgGroup::ALL {
                let c = contrast(rgb(disc(*g)), bg);
                assert!(c >= 3.0, "{name} {g}: {c:.2}");
            }
            for (i, g1) in RelationGroup::ALL.iter().enumerate() {
                for g2 in &RelationGroup::ALL[i + 1..] {
                    for v in Vision::ALL {
                        let min = if v == Vision::Normal { 20.0 } else { 12.0 };
                        let d = delta_e(rgb(line(*g1)), rgb(line(*g2)), v);
                        assert!(d >= min, "{name}: {g1} vs {g2} under {v:?}: ΔE {d:.1}");
                    }
                }
            }
        }
    }

    #[test]
    fn at_most_seven_distinct_line_colours() {
        let mut colours: Vec<&str> = RelationGroup::ALL.iter().map(|g| group_colour(*g)).collect();
        crate::sort::sort(&mut colours);
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
