//! Reading files the reader picks or drops on the page (never uploaded anywhere).

use wasm_bindgen::JsCast;

/// The files of an `<input type="file">` change event.
pub fn of_input(e: &web_sys::Event) -> Vec<web_sys::File> {
    let list = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.files());
    list.map(to_vec).unwrap_or_default()
}

/// The files of a drop.
pub fn of_drop(e: &web_sys::DragEvent) -> Vec<web_sys::File> {
    e.data_transfer().and_then(|d| d.files()).map(to_vec).unwrap_or_default()
}

fn to_vec(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Each file's name and text (UTF-8); a file that cannot be read is left out with a console
/// warning that names it.
pub async fn read_all(files: Vec<web_sys::File>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in files {
        let name = f.name();
        match wasm_bindgen_futures::JsFuture::from(f.text()).await {
            Ok(v) => out.push((name, v.as_string().unwrap_or_default())),
            Err(e) => gloo::console::warn!(format!("powershift: the file {name} could not be read: {e:?}")),
        }
    }
    out
}

/// Reads `files` and hands the resulting load state (see [`crate::load::parse_files`]) to `on_load`:
/// a JSON dataset at once; CSV files after the tools module has read them, with the loading state
/// in between (the module is fetched the first time).
pub fn open(files: Vec<web_sys::File>, on_load: yew::Callback<crate::load::LoadState>) {
    if files.is_empty() {
        return;
    }
    // Refuse a file over the limit before reading it into memory.
    let limit = powershift_core::model::limits::MAX_FILE_BYTES as u64;
    if let Some(big) = files.iter().find(|f| f.size() > limit as f64) {
        on_load.emit(crate::load::LoadState::Failed(crate::load::LoadFailure::TooLarge {
            url: big.name(),
            bytes: big.size() as u64,
            limit,
        }));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let read = read_all(files).await;
        match crate::load::parse_files(&read) {
            crate::load::OpenedFiles::Read(state) => on_load.emit(state),
            crate::load::OpenedFiles::ForTools { label, request } => {
                on_load.emit(crate::load::LoadState::Loading { url: label.clone() });
                let on_load = on_load.clone();
                let reply =
                    yew::Callback::from(move |reply| on_load.emit(crate::load::from_tools_reply(&label, reply)));
                crate::platform::tools::ask(request, reply);
            }
        }
    });
}
