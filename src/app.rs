//! The root component.

use yew::prelude::*;

use crate::components::{ErrorPanel, Loading, Summary, SummaryFacts};
use crate::load::LoadState;

/// The page body for a load state. Separate from [`App`] so it can be rendered natively in tests.
#[derive(Properties, PartialEq, Debug)]
pub struct PageProps {
    /// Where loading stands.
    pub state: LoadState,
}

/// Renders loading, the error panel, or the story.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    match &props.state {
        LoadState::Loading { url } => html! { <Loading url={url.clone()} /> },
        LoadState::Failed(failure) => html! { <ErrorPanel failure={failure.clone()} /> },
        LoadState::Ready { dataset, .. } => html! {
            <Summary facts={SummaryFacts::of(dataset)} />
        },
    }
}

/// The app: loads the dataset and shows it.
#[function_component(App)]
pub fn app() -> Html {
    let state = crate::hooks::use_dataset();
    html! {
        <main class="app">
            <Page state={state} />
        </main>
    }
}
