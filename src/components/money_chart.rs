//! The money chart panel: the SVG from [`crate::render::money_chart`] in a `<figure>`, with a caption
//! that explains the encodings, a text summary as its accessible name, and the same figures as a
//! visually hidden table for screen readers.

use std::rc::Rc;

use powershift_core::date::Date;
use powershift_core::model::{Dataset, OrgIx};
use powershift_core::money::MoneySeries;
use yew::prelude::*;

use crate::render::money_chart::{money_chart_parts, shown_series, usd, MoneyChartOptions};

/// Props.
#[derive(Properties, PartialEq, Debug)]
pub struct MoneyChartProps {
    /// The dataset (company names, time range).
    pub dataset: Rc<Dataset>,
    /// [`powershift_core::money::commitments`] of `dataset`, computed once by the caller.
    pub series: Rc<Vec<MoneySeries>>,
    /// The current date: the marker, and the date of the figures in the summary.
    pub date: Date,
    /// Width of the container in CSS pixels.
    pub width: u32,
    /// A company to emphasise.
    pub highlight: Option<OrgIx>,
}

/// Compares by pointer, so memo dependencies on a shared value are O(1) and can never be stale: the
/// memo keeps the old `Rc` alive, so its address cannot be reused by a new one.
#[derive(Debug)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// "Cumulative commitments as of 28 April 2026: OpenAI $403.9B firm, up to $777.9B; …".
pub fn summary_label(ds: &Dataset, shown: &[&MoneySeries], date: Date) -> String {
    let parts: Vec<String> = shown
        .iter()
        .map(|s| {
            let (firm, upper) = s.totals_at(date);
            let name = &ds.org(s.org).short_name;
            if upper > firm {
                format!("{name} {} firm, up to {}", usd(firm), usd(upper))
            } else {
                format!("{name} {} firm", usd(firm))
            }
        })
        .collect();
    if parts.is_empty() {
        format!("No money commitments recorded as of {}.", date.to_words())
    } else {
        format!("Cumulative commitments as of {}: {}.", date.to_words(), parts.join("; "))
    }
}

/// Cumulative commitments per company over time, with the current date marked.
#[function_component(MoneyChart)]
pub fn money_chart(props: &MoneyChartProps) -> Html {
    let opts = MoneyChartOptions { highlight: props.highlight, ..MoneyChartOptions::for_width(props.width) };
    // The chart itself does not depend on the date: it is drawn once per width, highlight and
    // dataset, and the date marker is a small overlay moved on every date change.
    let chart = {
        let (ds, series) = (props.dataset.clone(), props.series.clone());
        use_memo((props.width, props.highlight, Same(props.dataset.clone()), Same(props.series.clone())), move |_| {
            let (svg, area) = money_chart_parts(&ds, &series, None, &opts);
            (AttrValue::from(svg), area)
        })
    };
    let (svg, area) = (&chart.0, chart.1);
    let mx = area.x_of(props.date);
    let date_words = props.date.to_words();
    // The date label goes right of the marker when it fits, else left.
    let label_w = date_words.chars().count() as f64 * 7.0;
    let right = mx + 6.0 + label_w <= f64::from(area.x.1);
    let (w, h) = (opts.width.max(120), opts.height.max(120));
    let ds = &props.dataset;
    let shown = shown_series(&props.series, opts.max_companies, opts.highlight);
    let label = summary_label(ds, &shown, props.date);
    let rows = shown.iter().map(|s| {
        let (firm, upper) = s.totals_at(props.date);
        html! {
            <tr key={s.org.0}>
                <th scope="row">{ &ds.org(s.org).short_name }</th>
                <td>{ usd(firm) }</td>
                <td>{ usd(upper) }</td>
            </tr>
        }
    });
    html! {
        <figure class="money-chart">
            <div class="money-chart-svg" role="img" aria-label={label}>
                { Html::from_html_unchecked(svg.clone()) }
                <svg class="money-marker" viewBox={format!("0 0 {w} {h}")} aria-hidden="true">
                    <line x1={format!("{mx:.1}")} x2={format!("{mx:.1}")} y1={area.y.0.to_string()} y2={area.y.1.to_string()} />
                    <text x={format!("{:.1}", if right { mx + 5.0 } else { mx - 5.0 })} y={(area.y.1 - 6).to_string()}
                          text-anchor={if right { "start" } else { "end" }}>{ date_words }</text>
                </svg>
            </div>
            <figcaption>
                { "Announced commitments in US dollars per company, cumulative by the date of announcement, on a \
                   logarithmic scale: \
                   solid lines are firm commitments, dashed lines include \u{201c}up to\u{201d}, conditional, \
                   planned and press-reported figures; some money is counted twice where a commitment and \
                   its tranches were announced separately." }
            </figcaption>
            // Wrapped: a table ignores the 1px width of the hiding class and would widen the page.
            <div class="visually-hidden"><table>
                <caption>{ format!("Cumulative commitments as of {}", props.date.to_words()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Company" }</th>
                        <th scope="col">{ "Firm" }</th>
                        <th scope="col">{ "Including up to and reported" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </figure>
    }
}
