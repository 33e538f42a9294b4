//! The Export menu: the network as the reader sees it (date and filters) as SVG or PNG, the
//! relationships in force as CSV, the snapshot as JSON, the whole story as GEXF for Gephi. Files
//! are made in the browser from the core's exporters; nothing is uploaded.

use powershift_core::export::{gexf::gexf, table::relationships_csv_where};
use powershift_core::scene::change_view;
use powershift_core::scene::network::FAN_ZOOM;
use powershift_core::snapshot::Snapshot;
use powershift_core::svg::document::{document, DocumentSize};
use powershift_core::view::Camera;
use yew::prelude::*;

use crate::platform::download::{save, save_png};
use crate::state::use_app;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
    Csv,
    Json,
    Gexf,
}

/// The Export menu.
#[function_component(ExportMenu)]
pub fn export_menu() -> Html {
    let app = use_app();
    let run = |format: Format| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let (story, v) = (&app.story, &app.view.view);
            let ds = &story.ds;
            let stem = format!("{}-{}", story.id, v.date_fuzzy());
            match format {
                Format::Svg | Format::Png => {
                    // Every agreement as its own line, framed by the export, not the reader's camera.
                    let mut view = v.clone();
                    view.camera = Camera { k: FAN_ZOOM, ..Camera::default() };
                    view.hover = None;
                    let layout = story.layout_on(view.date);
                    let change = change_view(ds, &story.ctx, &view);
                    let size = DocumentSize::GRAPHIC;
                    let svg = document(ds, &layout, &view, change.as_ref(), story.layout.config.font_px, size);
                    if format == Format::Svg {
                        save(&format!("{stem}.svg"), "image/svg+xml", svg.as_bytes());
                    } else {
                        save_png(&format!("{stem}.png"), &svg, size.width, size.height, 2.0);
                    }
                }
                Format::Csv => {
                    let csv = relationships_csv_where(ds, v.date, |r| {
                        let rel = ds.rel(r);
                        v.shows_kind(rel.kind) && v.focus_org.is_none_or(|o| rel.from == o || rel.to == o)
                    });
                    save(&format!("{stem}.csv"), "text/csv;charset=utf-8", csv.as_bytes());
                }
                Format::Json => {
                    let snap = Snapshot::with_layout(ds, v.date, &story.layout_on(v.date));
                    let json = serde_json::to_string_pretty(&snap).unwrap_or_default();
                    save(&format!("{stem}.json"), "application/json", json.as_bytes());
                }
                Format::Gexf => save(&format!("{}.gexf", story.id), "application/xml", gexf(ds).as_bytes()),
            }
        })
    };
    html! {
        <details class="export-menu">
            <summary>{ "Export" }</summary>
            <ul role="list">
                <li><button type="button" onclick={run(Format::Svg)}>{ "Picture (SVG)" }</button></li>
                <li><button type="button" onclick={run(Format::Png)}>{ "Picture (PNG, 2×)" }</button></li>
                <li><button type="button" onclick={run(Format::Csv)}>{ "Relationships in force (CSV)" }</button></li>
                <li><button type="button" onclick={run(Format::Json)}>{ "Snapshot (JSON)" }</button></li>
                <li><button type="button" onclick={run(Format::Gexf)}>{ "Whole story for Gephi (GEXF)" }</button></li>
            </ul>
        </details>
    }
}
