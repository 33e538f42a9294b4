//! The money chart rendered with Yew's server renderer: plotters draws real SVG elements (text as
//! text, dashes as `stroke-dasharray`, each line in its organisation's network colour and named at
//! its end), the marker follows the date, and names from the data are escaped exactly once. Runs on
//! a frozen copy of the story.

use std::rc::Rc;

use powershift::components::MoneyChart;
use powershift_core::date::{Date, FuzzyDate, Precision};
use powershift_core::model::{Dataset, OrgKind};
use powershift_core::money::commitments;
use powershift_core::scene::org_colour;

const STORY: &str = include_str!("../crates/powershift-core/tests/res/story-frozen.json");

fn d(y: i32, m: u32, day: u32) -> FuzzyDate {
    FuzzyDate { start: Date::from_ymd(y, m, day).unwrap(), precision: Precision::Day }
}

fn story() -> Dataset {
    Dataset::from_json_str(STORY).unwrap()
}

/// The story with one company's short name replaced by `name`.
fn with_name(id: &str, name: &str) -> Dataset {
    let mut ds = story();
    let ix = ds.org_ix(id).unwrap();
    ds.organisations[ix.ix()].short_name = name.to_string();
    ds
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The component's props type (reached through the component, as `components` exports only it).
type Props = <MoneyChart as yew::BaseComponent>::Properties;

async fn render(props: Props) -> String {
    yew::LocalServerRenderer::<MoneyChart>::with_props(props).hydratable(false).render().await
}

fn props(ds: Dataset, date: FuzzyDate, width: u32) -> Props {
    let series = Rc::new(commitments(&ds));
    Props { dataset: Rc::new(ds), series, date, width, highlight: None }
}

/// The `<svg class="money-svg" …>…</svg>` part of the component's HTML.
fn chart_svg(html: &str) -> &str {
    let class = html.find("class=\"money-svg\"").expect("the chart");
    let start = html[..class].rfind("<svg").unwrap();
    let end = start + html[start..].find("</svg>").unwrap();
    &html[start..end]
}

#[tokio::test]
async fn the_chart_is_real_svg_with_named_lines_in_network_colours_and_css_dashes() {
    let ds = story();
    let colour = |id: &str| org_colour(ds.org(ds.org_ix(id).unwrap()).kind);
    for width in [340, 640, 900] {
        let html = render(props(story(), d(2026, 4, 28), width)).await;
        let svg = chart_svg(&html);
        assert!(svg.contains(&format!("width=\"{width}\"")), "{svg}");
        // The largest committers and Microsoft, the story's main company, by name at their lines' ends.
        for name in ["OpenAI", "Amazon", "Microsoft"] {
            assert!(svg.contains(&format!(">{name}</text>")), "{name} missing at {width}px");
        }
        // Each line in its organisation's colour on the network: OpenAI is an AI lab's colour.
        for id in ["openai", "microsoft", "nvidia"] {
            assert!(svg.contains(&format!("stroke=\"{}\"", colour(id))), "{id} at {width}px");
        }
        assert!(svg.contains("class=\"money-line stroke\""), "{svg}");
        // Six organisations, each drawn firm (solid) and upper (dashed), and one dashed key.
        let dashed = count(svg, "stroke-dasharray=\"6 4\"");
        assert_eq!(dashed, 7, "one dashed line per organisation and one in the key");
        assert!(svg.contains("$B (log scale)"));
        assert!(svg.contains("font-family=\"sans-serif\""));
        // Every other colour is a theme class.
        let hex: Vec<&str> = svg.split("=\"#").skip(1).map(|r| &r[..6]).collect();
        assert!(hex.iter().all(|h| OrgKind::ALL.iter().any(|k| org_colour(*k) == format!("#{h}"))), "{hex:?}");
    }
}

#[tokio::test]
async fn time_starts_with_the_first_amount_drawn_not_with_the_story() {
    let html = render(props(story(), d(2026, 4, 28), 900)).await;
    let svg = chart_svg(&html);
    // Microsoft's first billion (July 2019) is the first amount drawn: 2016–2018 are not on the axis.
    assert!(!svg.contains(">2016</text>") && !svg.contains(">2018</text>"), "{svg}");
    assert!(svg.contains(">2020</text>"), "{svg}");
}

#[tokio::test]
async fn narrow_chart_has_fewer_ticks_and_smaller_text() {
    let narrow = render(props(story(), d(2026, 4, 28), 340)).await;
    let wide = render(props(story(), d(2026, 4, 28), 900)).await;
    let years = |html: &str| (2015..=2026).filter(|y| chart_svg(html).contains(&format!(">{y}</text>"))).count();
    assert!(years(&narrow) < years(&wide), "{} vs {}", years(&narrow), years(&wide));
    assert!(years(&narrow) >= 4);
    assert!(chart_svg(&narrow).contains("font-size=\"11\""));
    assert!(chart_svg(&wide).contains("font-size=\"12\""));
}

#[tokio::test]
async fn a_highlighted_organisation_is_drawn_bold_and_thick_even_outside_the_top_six() {
    let ds = story();
    let musk = ds.org_ix("musk").unwrap();
    let name = ds.org(musk).short_name.clone();
    let plain = render(props(story(), d(2026, 4, 28), 640)).await;
    assert!(!chart_svg(&plain).contains(&format!(">{name}</text>")), "$38M: not drawn unless highlighted");
    let mut p = props(ds, d(2026, 4, 28), 640);
    p.highlight = Some(musk);
    let html = render(p).await;
    let svg = chart_svg(&html);
    let at = svg.find(&format!(">{name}</text>")).expect("highlighted name drawn");
    let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
    assert!(tag.contains("font-weight=\"bold\""), "{tag}");
    assert!(svg.contains("stroke-width=\"3\""), "highlighted line is thicker");
    assert!(svg.contains("opacity=\"0.35\""), "others are dimmed");
    // Musk's 2018 donations are drawn: time now starts before 2018.
    assert!(svg.contains(">2018</text>"), "{svg}");
}

#[tokio::test]
async fn component_has_caption_label_hidden_table_and_a_marker_at_the_date() {
    let html = render(props(story(), d(2026, 4, 28), 640)).await;
    assert!(html.starts_with("<figure class=\"money-chart\">"), "{html}");
    assert!(html.contains("Solid lines are firm commitments"), "{html}");
    assert!(html.contains("says who committed it"), "{html}");
    assert!(html.contains("counted twice"), "{html}");
    assert!(html.contains("role=\"img\""), "{html}");
    // Amazon on 28 April 2026: $28B firm, $87B including up-to and conditional tranches.
    assert!(
        html.contains("aria-label=\"Money committed by each organisation, cumulative, as of 28 April 2026: OpenAI $"),
        "{html}"
    );
    assert!(html.contains("Amazon $28B firm, up to $87B;"), "{html}");
    assert!(html.contains("<div class=\"visually-hidden\"><table>"), "{html}");
    assert!(html.contains("<th scope=\"row\">Amazon</th><td>$28B</td><td>$87B</td>"), "{html}");
    assert_eq!(count(&html, "28 April 2026"), 3, "label, table caption, marker: {html}");
    assert!(html.contains("<th scope=\"col\">Committed by</th>"), "{html}");
    // The marker moves with the date; the chart itself does not change.
    let early = render(props(story(), d(2020, 1, 1), 640)).await;
    assert!(early.contains(">1 January 2020</text>"), "{early}");
    assert_eq!(chart_svg(&early), chart_svg(&html));
    let marker_x = |h: &str| {
        let m = &h[h.find("class=\"money-marker\"").unwrap()..];
        let x = &m[m.find("x1=\"").unwrap() + 4..];
        x[..x.find('"').unwrap()].parse::<f64>().unwrap()
    };
    assert!(marker_x(&early) < marker_x(&html));
    // Before the chart's first day there is no marker at all (not one pinned to the left edge).
    let before = render(props(story(), d(2017, 1, 1), 640)).await;
    assert!(!before.contains("class=\"money-marker\""), "{before}");
    assert_eq!(chart_svg(&before), chart_svg(&html));
}

#[tokio::test]
async fn component_before_any_money_says_zero() {
    let html = render(props(story(), d(2016, 1, 1), 340)).await;
    assert!(
        html.contains("Money committed by each organisation, cumulative, as of 1 January 2016: OpenAI $0 firm;"),
        "{html}"
    );
}

#[tokio::test]
async fn hostile_names_are_escaped_once_in_chart_label_and_table() {
    let html = render(props(with_name("amazon", "<script>x</script> & 'co'"), d(2026, 4, 28), 640)).await;
    assert!(!html.contains("<script>"), "{html}");
    // At a line's end the name is cut to the room there; the table gives it whole.
    assert!(chart_svg(&html).contains(">&lt;script&gt;x"), "{html}");
    assert!(
        html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &#x27;co&#x27;</th>")
            || html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &#39;co&#39;</th>")
            || html.contains("&lt;script&gt;x&lt;/script&gt; &amp; 'co'</th>"),
        "{html}"
    );
    assert!(!html.contains("&amp;lt;"), "escaped twice");
}

#[tokio::test]
async fn an_empty_story_still_draws_axes() {
    let ds = Dataset::from_json_str(
        r#"{"format_version": 1, "meta": {"title": "T", "as_of": "2020-06-01", "start": "2019"},
            "organisations": [], "events": [], "relationships": []}"#,
    )
    .unwrap();
    let html = render(props(ds, d(2020, 1, 1), 640)).await;
    assert!(chart_svg(&html).contains("$B (log scale)"));
    assert!(html.contains("No money commitments recorded as of 1 January 2020."), "{html}");
}
