//! The money chart: its SVG for the shipped dataset (structure, marker, names, dashes, escaping of
//! names from the data) and the component rendered to HTML with Yew's server renderer.

use std::rc::Rc;

use powershift::components::MoneyChart;
use powershift::render::money_chart::{money_chart_svg, shown_series, MoneyChartOptions};
use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::money::commitments;

const SHIPPED: &str = include_str!("../static/data/powershift.json");

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

fn shipped() -> Dataset {
    Dataset::from_json_str(SHIPPED).unwrap()
}

/// The shipped dataset with one company's short name replaced by `name`.
fn with_name(id: &str, name: &str) -> Dataset {
    let mut ds = shipped();
    let ix = ds.org_ix(id).unwrap();
    ds.organisations[ix.ix()].short_name = name.to_string();
    ds
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// Every `<tag` is closed by `/>` or a matching `</tag>`: a cheap well-formedness check that catches
/// an unescaped `<` in text (it would open a tag that is never closed).
fn assert_balanced(svg: &str) {
    for tag in ["svg", "text", "rect", "polyline", "line"] {
        let opens = count(svg, &format!("<{tag} ")) + count(svg, &format!("<{tag}>"));
        let open = format!("<{tag} ");
        let self_closed = svg.split(&open).skip(1).filter(|rest| {
            let end = rest.find('>').unwrap();
            rest[..end].ends_with('/')
        });
        let closes = count(svg, &format!("</{tag}>"));
        assert_eq!(opens, self_closed.count() + closes, "<{tag}> is unbalanced");
    }
}

#[test]
fn shipped_chart_is_svg_with_marker_names_and_dashes() {
    let ds = shipped();
    let series = commitments(&ds);
    for width in [340, 640, 900] {
        let opts = MoneyChartOptions::for_width(width);
        let svg = money_chart_svg(&ds, &series, d(2026, 4, 28), &opts);
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains(&format!("width=\"{width}\"")));
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert_balanced(&svg);
        // The marker's label; the y axis unit.
        assert_eq!(count(&svg, "28 April 2026"), 1, "{svg}");
        assert!(svg.contains(">\n$B\n</text>") || svg.contains("$B"), "{svg}");
        // The six largest committers by name (Microsoft is seventh: its 2021 and 2023 figures are
        // press estimates, and it is drawn only when highlighted).
        for s in shown_series(&series, 6, None) {
            let name = &ds.org(s.org).short_name;
            assert!(svg.contains(&format!(">\n{name}\n</text>")), "{name} missing at {width}px");
        }
        // Dashed upper lines: plotters draws a dash as a short polyline of its own, so there are many
        // more polylines than the 6 solid lines, 2 legend swatches and the marker.
        assert!(count(&svg, "<polyline") > 60, "{width}px: {} polylines", count(&svg, "<polyline"));
        assert!(svg.contains("font-family=\"sans-serif\""));
        assert!(!svg.contains("font-family=\"serif\""));
        // No more than 200 KB even for the widest chart.
        assert!(svg.len() < 200_000, "{} bytes at {width}px", svg.len());
    }
}

#[test]
fn narrow_chart_has_fewer_ticks_and_smaller_text() {
    let ds = shipped();
    let series = commitments(&ds);
    let narrow = money_chart_svg(&ds, &series, d(2026, 4, 28), &MoneyChartOptions::for_width(340));
    let wide = money_chart_svg(&ds, &series, d(2026, 4, 28), &MoneyChartOptions::for_width(900));
    let years = |svg: &str| (2015..=2026).filter(|y| svg.contains(&format!(">\n{y}\n</text>"))).count();
    assert!(years(&narrow) < years(&wide), "{} vs {}", years(&narrow), years(&wide));
    assert!(years(&narrow) >= 4);
    assert!(narrow.contains("font-size=\"11"), "{narrow}");
    assert!(wide.contains("font-size=\"12"), "{wide}");
}

#[test]
fn highlighted_company_is_shown_and_bold_even_outside_the_top_six() {
    let ds = shipped();
    let series = commitments(&ds);
    let ms = ds.org_ix("microsoft").unwrap();
    assert!(!shown_series(&series, 6, None).iter().any(|s| s.org == ms));
    let opts = MoneyChartOptions { highlight: Some(ms), ..MoneyChartOptions::for_width(640) };
    let svg = money_chart_svg(&ds, &series, d(2026, 4, 28), &opts);
    let name = &ds.org(ms).short_name;
    let at = svg.find(&format!(">\n{name}\n</text>")).expect("highlighted name drawn");
    let tag_start = svg[..at].rfind("<text").unwrap();
    assert!(svg[tag_start..at].contains("font-weight=\"bold\""));
    assert!(svg.contains("stroke-width=\"3\""), "highlighted line is thicker");
    assert!(svg.contains("opacity=\"0.35\""), "others are dimmed");
}

#[test]
fn hostile_name_is_escaped_once() {
    let ds = with_name("openai", "<script>alert(\"x\")</script> & 'co'");
    let series = commitments(&ds);
    let svg = money_chart_svg(&ds, &series, d(2026, 4, 28), &MoneyChartOptions::default());
    assert!(!svg.contains("<script"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;"), "{svg}");
    assert!(!svg.contains("&amp;lt;"), "escaped twice");
    assert_balanced(&svg);
}

#[test]
fn marker_moves_with_the_date_and_clamps_to_the_range() {
    let ds = shipped();
    let series = commitments(&ds);
    let opts = MoneyChartOptions::default();
    let early = money_chart_svg(&ds, &series, d(2017, 1, 1), &opts);
    assert!(early.contains("1 January 2017"));
    assert_ne!(early, money_chart_svg(&ds, &series, d(2026, 4, 28), &opts));
    // Before the range: the label still says the date; nothing is drawn left of the plot.
    let before = money_chart_svg(&ds, &series, d(2000, 1, 1), &opts);
    assert!(before.contains("1 January 2000"));
    assert_balanced(&before);
}

#[test]
fn empty_dataset_still_draws_axes() {
    let ds = Dataset::from_json_str(
        r#"{"format_version": 1, "meta": {"title": "T", "as_of": "2020-06-01", "start": "2019"},
            "organisations": [], "events": [], "relationships": []}"#,
    )
    .unwrap();
    let svg = money_chart_svg(&ds, &[], d(2020, 1, 1), &MoneyChartOptions::default());
    assert!(svg.starts_with("<svg "));
    assert!(svg.contains("1 January 2020"));
    assert_balanced(&svg);
}

/// The component's props type (reached through the component, as `components` exports only it).
type Props = <MoneyChart as yew::BaseComponent>::Properties;

async fn render(props: Props) -> String {
    yew::LocalServerRenderer::<MoneyChart>::with_props(props).hydratable(false).render().await
}

fn props(ds: Dataset, date: Date, width: u32) -> Props {
    let series = Rc::new(commitments(&ds));
    Props { dataset: Rc::new(ds), series, date, width, highlight: None }
}

#[tokio::test]
async fn component_has_caption_label_and_hidden_table() {
    let html = render(props(shipped(), d(2026, 4, 28), 640)).await;
    assert!(html.starts_with("<figure class=\"money-chart\">"), "{html}");
    assert!(html.contains("<figcaption>"), "{html}");
    assert!(html.contains("solid lines are firm commitments"), "{html}");
    assert!(html.contains("counted twice"), "{html}");
    assert!(html.contains("role=\"img\""), "{html}");
    // Amazon on 28 April 2026: $28B firm, $87B including up-to and conditional tranches.
    assert!(html.contains("aria-label=\"Cumulative commitments as of 28 April 2026: OpenAI $"), "{html}");
    assert!(html.contains("Amazon $28B firm, up to $87B;"), "{html}");
    assert!(html.contains("; SoftBank $30B firm."), "no \"up to\" when nothing is added: {html}");
    assert!(html.contains("<div class=\"visually-hidden\"><table>"), "{html}");
    assert!(html.contains("<th scope=\"row\">Amazon</th><td>$28B</td><td>$87B</td>"), "{html}");
    assert!(html.contains("<svg "), "{html}");
    assert_eq!(count(&html, "28 April 2026"), 3, "label, table caption, marker: {html}");
}

#[tokio::test]
async fn component_before_any_money_says_zero() {
    let html = render(props(shipped(), d(2016, 1, 1), 340)).await;
    assert!(html.contains("Cumulative commitments as of 1 January 2016: OpenAI $0 firm;"), "{html}");
    assert!(html.contains("width=\"340\""), "{html}");
}

#[tokio::test]
async fn component_escapes_hostile_names_in_label_and_table() {
    let html = render(props(with_name("amazon", "<script>x</script>"), d(2026, 4, 28), 640)).await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
}
