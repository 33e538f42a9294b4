//! "Open a dataset…": a reader or journalist opens a JSON dataset, or the CSV templates of
//! `docs/templates/`, from their computer (file picker, or drop files on the page). The files are
//! read and validated in the page, exactly as a fetched dataset; nothing is uploaded.

use yew::prelude::*;

use crate::load::LoadState;
use crate::platform::files;

/// Props of [`OpenDataset`].
#[derive(Properties, PartialEq, Debug)]
pub struct OpenDatasetProps {
    /// Receives the opened dataset, or the problems found in it.
    pub on_load: Callback<LoadState>,
}

/// The file picker; drops on the page are handled by the app (`platform::files::open`).
#[function_component(OpenDataset)]
pub fn open_dataset(props: &OpenDatasetProps) -> Html {
    let onchange = {
        let on_load = props.on_load.clone();
        Callback::from(move |e: Event| files::open(files::of_input(&e), on_load.clone()))
    };
    html! {
        <section class="panel open-dataset" aria-labelledby="open-title">
            <h2 id="open-title">{ "Open a dataset…" }</h2>
            <p class="small muted">
                { "Show your own story: a JSON file in this format, or the CSV templates (organisations, events, \
                   relationships, sources…). You can also drop the files on the page. They are read here; nothing is uploaded." }
            </p>
            <label class="file-pick">
                <span>{ "Choose a JSON file or CSV files" }</span>
                // The picker's dialog takes the reader seconds: the tools module (CSV files) loads meanwhile.
                <input type="file" accept=".json,.csv,application/json,text/csv" multiple=true {onchange}
                       onclick={Callback::from(|_: MouseEvent| crate::platform::tools::warm())} />
            </label>
        </section>
    }
}
