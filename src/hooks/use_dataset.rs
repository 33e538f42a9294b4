//! Loads the dataset embedded in the page (the `powershift bundle` archive copy), else the one
//! named by the page URL (`?data=`) or the default.

use yew::prelude::*;

use crate::load::{LoadFailure, LoadState, Part};
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
    // Bumped by every dataset the reader opens: the shipped story's texts, arriving later, then
    // do not replace it.
    let opened = use_mut_ref(|| 0u32);
    {
        let (state, opened) = (state.clone(), opened.clone());
        use_effect_with((), move |_| {
            if let LoadState::Loading { url } = (*state).clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    // The shipped story (no `?data=`): from the first part of its text, if the
                    // build wrote one (`powershift_core::model::first_part`).
                    let first = if url == crate::platform::data_url::DEFAULT_DATA_URL {
                        crate::platform::fetch::fetch_first_part().await
                    } else {
                        None
                    };
                    let loaded = match first {
                        Some(first) => first,
                        None => crate::platform::fetch::fetch_dataset(url).await,
                    };
                    // The story's first render is a task of its own, after the validation's.
                    gloo::timers::future::TimeoutFuture::new(0).await;
                    crate::platform::timing::mark("story screen");
                    state.set(loaded.clone());
                    // Then its texts: the whole text, while the reader looks at the first screen.
                    // Read once the rest of the page's WebAssembly is in: reading it and the story
                    // screen's update with the new dataset are code the first part need not carry,
                    // and nothing that shows the texts (the details, the export) works before it.
                    if let LoadState::Ready { url, dataset, part: Part::First { .. }, .. } = loaded {
                        let pending = crate::platform::fetch::start(&url);
                        crate::platform::rest_module::arrival().await;
                        let complete = crate::platform::fetch::complete_first_part(url, dataset, pending).await;
                        if *opened.borrow() == 0 {
                            crate::platform::timing::mark("texts");
                            state.set(complete);
                        }
                    }
                });
            }
        });
    }
    let replace = {
        let state = state.clone();
        Callback::from(move |s: LoadState| {
            *opened.borrow_mut() += 1;
            state.set(s)
        })
    };
    ((*state).clone(), replace)
}
