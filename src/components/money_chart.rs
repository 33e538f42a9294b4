//! The money chart panel: wires the money scene and its renderer. The chart is drawn once per
//! width, emphasis and dataset; the date moves only a light marker. The text summary is the
//! figure's accessible name and the same figures are a visually hidden table for screen readers.

use std::rc::Rc;

use powershift_core::date::FuzzyDate;
use powershift_core::model::{Dataset, OrgIx};
use powershift_core::money::MoneySeries;
use powershift_core::scene::{money_readout, money_scene, MoneyOptions};
use yew::prelude::*;

use crate::render::money::{money_marker, money_svg, ChartLayout};

/// Props of [`MoneyChart`].
#[derive(Properties, Debug)]
pub struct MoneyChartProps {
    /// The dataset (company names, time range).
    pub dataset: Rc<Dataset>,
    /// [`powershift_core::money::commitments`] of `dataset`, computed once by the caller.
    pub series: Rc<Vec<MoneySeries>>,
    /// The current date (at its precision): the marker, and the date of the figures in the summary.
    pub date: FuzzyDate,
    /// Width of the container in CSS pixels.
    pub width: u32,
    /// An organisation to emphasise (the selected or focused one): always drawn when it committed
    /// money.
    pub highlight: Option<OrgIx>,
}

/// The dataset and the series by address (the derived comparison walked both on every date change).
impl PartialEq for MoneyChartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
            && Rc::ptr_eq(&self.series, &other.series)
            && self.date == other.date
            && self.width == other.width
            && self.highlight == other.highlight
    }
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

/// Money committed by each organisation over time (one line per committing organisation), with the
/// current date marked.
#[function_component(MoneyChart)]
pub fn money_chart(props: &MoneyChartProps) -> Html {
    let lay = ChartLayout::for_width(props.width);
    let opts = MoneyOptions { highlight: props.highlight, ..MoneyOptions::default() };
    let drawn = {
        let (ds, series) = (props.dataset.clone(), props.series.clone());
        use_memo((props.width, props.highlight, Same(props.dataset.clone()), Same(props.series.clone())), move |_| {
            let scene = money_scene(&ds, &series, &opts, lay.plot_width(), lay.x_tick_spacing);
            let (svg, area) = money_svg(&scene, &lay);
            (scene, Rc::new(svg), area)
        })
    };
    let (scene, svg, area) = (&drawn.0, &drawn.1, &drawn.2);
    let words = money_readout(&props.series, scene, props.date);
    html! {
        <figure class="money-chart">
            <div class="money-chart-svg" role="img" aria-label={words.summary.clone()}>
                <super::Frozen html={svg.clone()} />
                { money_marker(area, &lay, props.date) }
            </div>
            <figcaption>
                { "Each line is the money one organisation committed (investments and contracts for compute \
                   or chips), added up by the date it was announced, in US dollars on a logarithmic scale. The \
                   name at the end of a line says who committed it; the colour is the organisation's colour \
                   on the network, which organisations of one kind share. Shown: the organisation you select, \
                   the organisations with the most relationships, then the largest committers. Solid lines \
                   are firm commitments, dashed lines include \u{201c}up to\u{201d}, conditional, planned and \
                   press-reported figures; some money is counted twice where a commitment and its tranches \
                   were announced separately." }
            </figcaption>
            // Wrapped: a table ignores the 1px width of the hiding class and would widen the page.
            <div class="visually-hidden"><table>
                <caption>{ format!("Money committed by each organisation, cumulative, as of {}", props.date.to_words()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Committed by" }</th>
                        <th scope="col">{ "Firm" }</th>
                        <th scope="col">{ "Including up to and reported" }</th>
                    </tr>
                </thead>
                <tbody>{ for words.rows.iter().map(|r| html! {
                    <tr key={r.org.0}>
                        <th scope="row">{ &r.name }</th>
                        <td>{ &r.firm }</td>
                        <td>{ &r.upper }</td>
                    </tr>
                }) }</tbody>
            </table></div>
        </figure>
    }
}

/// The story screen's money panel: its heading and the chart at the panel's width, for the view
/// state's date, emphasising the organisation the reader points at, selected or focused on. It
/// measures its own width when it mounts (a deferred panel), not the story screen at load.
#[function_component(MoneyPanel)]
pub fn money_panel() -> Html {
    let app = crate::state::use_app();
    let node = use_node_ref();
    let (width, measured) = crate::hooks::use_measured_width(node.clone(), 720.0);
    let view = &app.view.view;
    let highlight = match view.focus() {
        Some(powershift_core::view::Selection::Org(o)) => Some(o),
        _ => view.focus_org,
    };
    html! {
        <section class="panel money-panel" aria-labelledby="money-title" ref={node}>
            <h2 id="money-title">{ "Money committed by each organisation" }</h2>
            if measured {
                <MoneyChart dataset={app.story.ds.clone()} series={app.story.money.clone()} date={view.date_fuzzy()}
                            width={(width - 34.0).max(280.0) as u32} {highlight} />
            }
        </section>
    }
}
