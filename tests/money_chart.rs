//! The money chart rendered with Yew's server renderer: plotters draws real SVG elements (text as
//! text, dashes as `stroke-dasharray`, colours as theme classes), the marker follows the date, and
//! names from the data are escaped exactly once. Runs on a frozen copy of the story.

use std::rc::Rc;

use powershift::components::MoneyChart;
use powershift_core::date::{Date, FuzzyDate, Precision};
use powershift_core::model::Dataset;
use powershift_core::money::commitments;

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
async fn the_chart_is_real_svg_with_names_theme_colours_and_css_dashes() {
    for width in [340, 640, 900] {
        let html = render(props(story(), d(2026, 4, 28), width)).await;
        let svg = chart_svg(&html);
        assert!(svg.contains(&format!("width=\"{width}\"")), "{svg}");
        // The six largest committers, by name, as text.
        for name in ["OpenAI", "Amazon", "SoftBank"] {
            assert!(svg.contains(&format!(">{name}</text>")), "{name} missing at {width}px");
        }
        // Six companies, each drawn firm (solid) and upper (dashed) in its theme class.
        for i in 0..6 {
            assert!(svg.contains(&format!("class=\"money-{i} stroke\"")), "money-{i} at {width}px");
        }
        let dashed = count(svg, "stroke-dasharray=\"6 4\"");
        assert!((6..=8).contains(&dashed), "one dashed line per company and one in the key: {dashed}");
        assert!(!svg.contains("stroke=\"#") && !svg.contains("fill=\"#"), "every colour is a theme class: {svg}");
        assert!(svg.contains("$B (log scale)"));
        assert!(svg.contains("font-family=\"sans-serif\""));
    }
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
async fn highlighted_company_is_shown_bold_and_thick_even_outside_the_top_six() {
    let ds = story();
    let ms = ds.org_ix("microsoft").unwrap();
    let plain = render(props(story(), d(2026, 4, 28), 640)).await;
    assert!(!chart_svg(&plain).contains(">Microsoft</text>"), "seventh: not drawn unless highlighted");
    let mut p = props(ds, d(2026, 4, 28), 640);
    p.highlight = Some(ms);
    let html = render(p).await;
    let svg = chart_svg(&html);
    let at = svg.find(">Microsoft</text>").expect("highlighted name drawn");
    let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
    assert!(tag.contains("font-weight=\"bold\""), "{tag}");
    assert!(svg.contains("stroke-width=\"3\""), "highlighted line is thicker");
    assert!(svg.contains("opacity=\"0.35\""), "others are dimmed");
}

#[tokio::test]
async fn component_has_caption_label_hidden_table_and_a_marker_at_the_date() {
    let html = render(props(story(), d(2026, 4, 28), 640)).await;
    assert!(html.starts_with("<figure class=\"money-chart\">"), "{html}");
    assert!(html.contains("solid lines are firm commitments"), "{html}");
    assert!(html.contains("counted twice"), "{html}");
    assert!(html.contains("role=\"img\""), "{html}");
    // Amazon on 28 April 2026: $28B firm, $87B including up-to and conditional tranches.
    assert!(html.contains("aria-label=\"Cumulative commitments as of 28 April 2026: OpenAI $"), "{html}");
    assert!(html.contains("Amazon $28B firm, up to $87B;"), "{html}");
    assert!(html.contains("<div class=\"visually-hidden\"><table>"), "{html}");
    assert!(html.contains("<th scope=\"row\">Amazon</th><td>$28B</td><td>$87B</td>"), "{html}");
    assert_eq!(count(&html, "28 April 2026"), 3, "label, table caption, marker: {html}");
    // The marker moves with the date; the chart itself does not change.
    let early = render(props(story(), d(2017, 1, 1), 640)).await;
    assert!(early.contains(">1 January 2017</text>"), "{early}");
    assert_eq!(chart_svg(&early), chart_svg(&html));
    let marker_x = |h: &str| {
        let m = &h[h.find("class=\"money-marker\"").unwrap()..];
        let x = &m[m.find("x1=\"").unwrap() + 4..];
        x[..x.find('"').unwrap()].parse::<f64>().unwrap()
    };
    assert!(marker_x(&early) < marker_x(&html));
}

#[tokio::test]
async fn component_before_any_money_says_zero() {
    let html = render(props(story(), d(2016, 1, 1), 340)).await;
    assert!(html.contains("Cumulative commitments as of 1 January 2016: OpenAI $0 firm;"), "{html}");
}

#[tokio::test]
async fn hostile_names_are_escaped_once_in_chart_label_and_table() {
    let html = render(props(with_name("amazon", "<script>x</script> & 'co'"), d(2026, 4, 28), 640)).await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &#x27;co&#x27;</text>")
            || html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &#39;co&#39;</text>")
            || html.contains("&lt;script&gt;x&lt;/script&gt; &amp; 'co'</text>"),
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
