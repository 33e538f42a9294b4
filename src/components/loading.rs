//! The loading state.

use yew::prelude::*;

/// Props of [`Loading`]: the URL being fetched.
#[derive(Properties, PartialEq, Debug)]
pub struct LoadingProps {
    /// The dataset URL.
    pub url: AttrValue,
}

/// Shown while the data and layout are prepared.
#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    html! {
        <section class="panel loading" role="status" aria-live="polite" aria-busy="true">
            <div class="spinner" aria-hidden="true"></div>
            <p>{ "Loading the data…" }</p>
            <p class="muted small">{ props.url.clone() }</p>
        </section>
    }
}
