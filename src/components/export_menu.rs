//! The Export menu: the network as the reader sees it (date and filters) as SVG or PNG, the
//! relationships in force as CSV, the snapshot as JSON, the whole story as GEXF for Gephi. Files
//! are made in the browser, nothing is uploaded: the tools module (a second WebAssembly module in a
//! Web Worker, started when the menu opens) makes them from the dataset's text, the reader's view
//! and the page's layout (`powershift_core::export::reader_view`), and the page saves what it
//! sends back; a PNG is that SVG drawn to a canvas here.

use powershift_core::export::reader_view::{exact, ExportFormat, ReaderView};
use powershift_core::network::LayoutConfig;
use powershift_core::svg::document::DocumentSize;
use powershift_core::tools::{Reply, Request};
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

impl Format {
    /// What the tools module makes for it.
    fn made_as(self) -> ExportFormat {
        match self {
            Format::Svg | Format::Png => ExportFormat::Svg,
            Format::Csv => ExportFormat::Csv,
            Format::Json => ExportFormat::Json,
            Format::Gexf => ExportFormat::Gexf,
        }
    }
}

/// Where a request stands, for the menu's status line.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Making,
    Failed(String),
}

/// The Export menu.
#[function_component(ExportMenu)]
pub fn export_menu() -> Html {
    let app = use_app();
    let status = use_state(|| Status::Idle);
    let run = |format: Format| {
        let (app, status) = (app.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (story, v) = (&app.story, &app.view.view);
            let ds = &story.ds;
            let stem = format!("{}-{}", story.id, v.date_fuzzy());
            let request = Request::Export {
                format: format.made_as(),
                dataset: story.source.to_string(),
                global: story.layout.global.iter().map(|p| exact(*p)).collect(),
                // The page's layout is the narrow screen's or the wide one's (`state::layout_config`).
                reader: ReaderView::of(v, ds, story.layout.config == LayoutConfig::for_screen(true)),
            };
            let (name, gexf_name) = (stem, format!("{}.gexf", story.id));
            status.set(Status::Making);
            let status = status.clone();
            crate::platform::tools::ask(
                request.to_json(),
                Callback::from(move |reply: crate::platform::tools::ToolsReply| {
                    let text = match reply.map(|r| Reply::from_json(&r)) {
                        Ok(Reply::File { text }) => text,
                        Ok(Reply::Refused { message }) => return status.set(Status::Failed(message)),
                        Ok(_) => return status.set(Status::Failed("an answer that is not a file".into())),
                        Err(why) => {
                            return status.set(Status::Failed(format!(
                                "the page's tools module, which makes it, could not be started ({why})"
                            )))
                        }
                    };
                    let size = DocumentSize::GRAPHIC;
                    match format {
                        Format::Svg => save(&format!("{name}.svg"), "image/svg+xml", text.as_bytes()),
                        Format::Png => save_png(&format!("{name}.png"), &text, size.width, size.height, 2.0),
                        Format::Csv => save(&format!("{name}.csv"), "text/csv;charset=utf-8", text.as_bytes()),
                        Format::Json => save(&format!("{name}.json"), "application/json", text.as_bytes()),
                        Format::Gexf => save(&gexf_name, "application/xml", text.as_bytes()),
                    }
                    status.set(Status::Idle);
                }),
            );
        })
    };
    // The tools module is fetched and compiled while the reader chooses.
    let ontoggle = Callback::from(|_: Event| crate::platform::tools::warm());
    // The files carry the story's texts (sources, summaries), which may still be on their way.
    let texts = &app.story.texts;
    let busy = *status == Status::Making || *texts != crate::state::Texts::In;
    html! {
        <details class="export-menu" {ontoggle}>
            <summary>{ "Export" }</summary>
            <div class="export-panel">
            <ul role="list" aria-busy={busy.to_string()}>
                <li><button type="button" disabled={busy} onclick={run(Format::Svg)}>{ "Picture (SVG)" }</button></li>
                <li><button type="button" disabled={busy} onclick={run(Format::Png)}>{ "Picture (PNG, 2×)" }</button></li>
                <li><button type="button" disabled={busy} onclick={run(Format::Csv)}>{ "Relationships in force (CSV)" }</button></li>
                <li><button type="button" disabled={busy} onclick={run(Format::Json)}>{ "Snapshot (JSON)" }</button></li>
                <li><button type="button" disabled={busy} onclick={run(Format::Gexf)}>{ "Whole story for Gephi (GEXF)" }</button></li>
            </ul>
            <p class="export-status muted small" role="status">
                { match (&*status, texts) {
                    (Status::Idle, crate::state::Texts::Coming) => "Loading the story's sources…".to_string(),
                    (Status::Idle, crate::state::Texts::Missing(why)) => {
                        format!("The story's sources could not be loaded ({why}); reload the page to export.")
                    }
                    (status, _) => match status {
                    Status::Idle => String::new(),
                    Status::Making => "Making the file…".to_string(),
                    Status::Failed(why) => format!("The file could not be made: {why}"),
                    },
                } }
            </p>
            </div>
        </details>
    }
}
