//! The loading state.

use powershift_core::scene::words::count_in_words;
use yew::prelude::*;

/// Props of [`Loading`]: the URL being fetched, or how far laying out the network is.
#[derive(Properties, PartialEq, Debug)]
pub struct LoadingProps {
    /// The dataset URL.
    pub url: AttrValue,
    /// While a big story's network is laid out: how far, from 0 to 1.
    #[prop_or_default]
    pub progress: Option<f64>,
    /// The organisations being laid out.
    #[prop_or_default]
    pub organisations: usize,
}

/// Shown while the data and layout are prepared. The live region says once what is happening;
/// the progress bar carries how far (screen readers read it on demand, not at every step).
#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    html! {
        <section class="panel loading" role="status" aria-live="polite" aria-busy="true">
            <div class="spinner" aria-hidden="true"></div>
            if let Some(progress) = props.progress {
                <div class="loading-progress">
                    <p>{ format!("Laying out the network of {} organisations…", count_in_words(props.organisations)) }</p>
                    <progress max="100" value={format!("{:.0}", (progress * 100.0).clamp(0.0, 100.0))}
                              aria-label="Laying out the network"></progress>
                </div>
            } else {
                <p>{ "Loading the data…" }</p>
                <p class="muted small">{ props.url.clone() }</p>
            }
        </section>
    }
}
