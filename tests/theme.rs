//! The stylesheet and the core agree on the money chart's text and key colours: the chart draws them
//! with `--money-ink` and `--money-key`, whose values the core's tests hold to WCAG AA. (Its lines
//! wear their organisations' network colours, written as themselves.)

use powershift_core::scene::{MONEY_INK, MONEY_KEY};

const CSS: &str = include_str!("../static/style.css");

fn custom_property(name: &str) -> Option<String> {
    let at = CSS.find(&format!("{name}:"))?;
    let rest = &CSS[at + name.len() + 1..];
    Some(rest[..rest.find(';')?].trim().to_lowercase())
}

#[test]
fn money_custom_properties_equal_the_core_colours() {
    assert_eq!(custom_property("--money-ink").as_deref(), Some(MONEY_INK));
    assert_eq!(custom_property("--money-key").as_deref(), Some(MONEY_KEY));
    assert!(CSS.contains(".money-svg .money-ink.fill { fill: var(--money-ink); }"));
    assert!(custom_property("--money-0").is_none(), "the old series palette is gone");
}
