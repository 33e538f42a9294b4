//! The stylesheet and the core agree on the palette in both themes: the scenes write the light
//! colours as attributes, and the stylesheet maps each to a custom property whose light and dark
//! values are the core's (`powershift_core::scene::palette`, which holds them to ≥ 3:1 and the ΔE
//! distances).

use powershift_core::model::{OrgGroup, RelationGroup};
use powershift_core::scene::{
    group_colour, group_colour_dark, group_property, org_group_colour, org_group_colour_dark, org_group_property,
    DARK_BACKGROUND,
};

const CSS: &str = include_str!("../static/style.css");

/// The block of the rule that starts with `selector {`.
fn block(selector: &str) -> &'static str {
    let at = CSS.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no rule {selector}"));
    let rest = &CSS[at..];
    &rest[..rest.find('}').unwrap()]
}

fn value_in(block: &str, property: &str) -> Option<String> {
    let at = block.find(&format!("{property}:"))?;
    let rest = &block[at + property.len() + 1..];
    Some(rest[..rest.find(';')?].trim().to_lowercase())
}

#[test]
fn every_palette_colour_is_a_custom_property_in_both_themes() {
    let light = block(":root");
    let dark = block(":root[data-theme=dark]");
    let auto_dark = block("  :root:not([data-theme=light])");
    assert_eq!(value_in(dark, "--bg").as_deref(), Some(DARK_BACKGROUND));
    for g in RelationGroup::ALL {
        let p = group_property(*g);
        assert_eq!(value_in(light, &p).as_deref(), Some(group_colour(*g)), "{p} light");
        assert_eq!(value_in(dark, &p).as_deref(), Some(group_colour_dark(*g)), "{p} dark");
        assert_eq!(value_in(auto_dark, &p).as_deref(), Some(group_colour_dark(*g)), "{p} automatic dark");
        let rule = format!(r#"svg [stroke="{}"] {{ stroke: var({p}); }}"#, group_colour(*g));
        assert!(CSS.contains(&rule), "missing {rule}");
    }
    for g in OrgGroup::ALL {
        let p = org_group_property(*g);
        assert_eq!(value_in(light, &p).as_deref(), Some(org_group_colour(*g)), "{p} light");
        assert_eq!(value_in(dark, &p).as_deref(), Some(org_group_colour_dark(*g)), "{p} dark");
        let rule = format!(r#"svg [fill="{}"] {{ fill: var({p}); }}"#, org_group_colour(*g));
        assert!(CSS.contains(&rule), "missing {rule}");
    }
}

#[test]
fn the_two_dark_blocks_are_the_same() {
    let dark: Vec<&str> =
        block(":root[data-theme=dark]").lines().skip(1).map(str::trim).filter(|l| !l.is_empty()).collect();
    let auto_dark: Vec<&str> =
        block("  :root:not([data-theme=light])").lines().skip(1).map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(dark, auto_dark);
}
