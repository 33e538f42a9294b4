//! Loads the dataset embedded in the page (the `powershift bundle` archive copy), else the one
//! named by the page URL (`?data=`) or the default.

use yew::prelude::*;

use crate::load::{LoadFailure, LoadState};
use crate::platform::data_url::resolve_data_url;

/// The dataset's load state (the embedded dataset at once, or starts loading on first render),
/// and a callback that replaces it with a dataset the reader opened from their computer.
#[hook]
pub fn use_dataset() -> (LoadState, Callback<LoadState>) {
    let state = use_state(|| {
        if let Some(text) = crate::platform::fetch::embedded_dataset() {
            return crate::load::from_embedded(&text);
        }
        let param = crate::platform::location::query_param("data");
        match resolve_data_url(param.as_deref(), &crate::platform::location::href()) {
            Ok(url) => LoadState::Loading { url },
            Err(reason) => LoadState::Failed(LoadFailure::RefusedUrl { url: param.unwrap_or_default(), reason }),
        }
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let LoadState::Loading { url } = (*state).clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = crate::platform::fetch::fetch_dataset(url).await;
                    // The story's first render is a task of its own, after the validation's.
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    crate::platform::timing::mark("story screen");
                    state.set(loaded);
                });
            }
        });
    }
    let replace = {
        let state = state.clone();
        Callback::from(move |s: LoadState| state.set(s))
    };
    ((*state).clone(), replace)
}
