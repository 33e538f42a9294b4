//! The root component.

use yew::prelude::*;

use crate::components::{ErrorPanel, Loading, StoryView};
use crate::load::LoadState;
use crate::state::Story;

/// The page body for a load state. Separate from [`App`] so it can be rendered natively in tests.
#[derive(Properties, PartialEq, Debug)]
pub struct PageProps {
    /// Where loading stands.
    pub state: LoadState,
    /// The page's query string (deep link), if any.
    #[prop_or_default]
    pub query: AttrValue,
    /// Lay out for a narrow screen.
    #[prop_or_default]
    pub compact: bool,
}

/// Renders loading, the error panel, or the story.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    let story = match &props.state {
        LoadState::Ready { dataset, .. } => Some(dataset.clone()),
        _ => None,
    };
    // The global layout is prepared once per dataset.
    let prepared = use_memo(story.as_ref().map(|d| std::rc::Rc::as_ptr(d) as usize), {
        let compact = props.compact;
        move |_| story.map(|ds| Story::prepare(ds, compact))
    });
    match &props.state {
        LoadState::Loading { url } => html! { <Loading url={url.clone()} /> },
        LoadState::Failed(failure) => html! { <ErrorPanel failure={failure.clone()} /> },
        LoadState::Ready { .. } => match &*prepared {
            Some(story) => {
                let initial = powershift_core::view::from_query(&props.query, &story.ds, &story.ctx);
                html! { <StoryView story={story.clone()} {initial} /> }
            }
            None => html! { <Loading url="" /> },
        },
    }
}

/// The app: loads the dataset and shows it.
#[function_component(App)]
pub fn app() -> Html {
    let state = crate::hooks::use_dataset();
    let query = use_memo((), |_| crate::platform::location::search());
    let compact = *use_memo((), |_| crate::platform::dom::viewport_width() < 640.0);
    html! {
        <main class="app">
            <Page state={state} query={AttrValue::from((*query).clone())} {compact} />
        </main>
    }
}
