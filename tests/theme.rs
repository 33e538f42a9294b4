//! The stylesheet and the core agree on the money chart's palette: the chart draws with
//! `--money-N` custom properties, whose values the core's palette tests hold to WCAG AA.

use powershift_core::scene::{MONEY_INK, MONEY_KEY, MONEY_PALETTE};

const CSS: &str = include_str!("../static/style.css");

fn custom_property(name: &str) -> Option<String> {
    let at = CSS.find(&format!("{name}:"))?;
    let rest = &CSS[at + name.len() + 1..];
    Some(rest[..rest.find(';')?].trim().to_lowercase())
}

#[test]
fn money_custom_properties_equal_the_core_palette() {
    for (i, colour) in MONEY_PALETTE.iter().enumerate() {
        assert_eq!(custom_property(&format!("--money-{i}")).as_deref(), Some(*colour), "--money-{i}");
        assert!(CSS.contains(&format!(".money-{i}.stroke {{ stroke: var(--money-{i}); }}")), "money-{i} stroke rule");
    }
    assert_eq!(custom_property("--money-ink").as_deref(), Some(MONEY_INK));
    assert_eq!(custom_property("--money-key").as_deref(), Some(MONEY_KEY));
}
