//! The root component.

use yew::prelude::*;

use crate::components::{ErrorPanel, FirstScreenOnly, Loading, OpenDataset, StoryView};
use crate::hooks::Prepared;
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
    /// Embed options from the page's URL.
    #[prop_or_default]
    pub options: std::rc::Rc<powershift_core::embed::EmbedOptions>,
    /// Render the first screen only, with the browser's placeholders for the panels it defers (the
    /// prerendered page; see `components::Deferred`).
    #[prop_or_default]
    pub first_screen_only: bool,
}

/// Renders loading, the error panel, or the story.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    // Prepared from the first dataset read: when the whole text completes the first part, the
    // story on screen stays (its view state too) with the complete dataset in its place.
    let story = match &props.state {
        LoadState::Ready { dataset, url, part, .. } => Some((part.first().unwrap_or(dataset).clone(), url.clone())),
        _ => None,
    };
    // The global layout is prepared once per dataset: at once for a story of the shipped size,
    // a slice per task with its progress for a big one (see `crate::preparation`).
    let prepared = crate::hooks::use_preparation(story, props.compact);
    match &props.state {
        LoadState::Loading { url } => html! { <Loading url={url.clone()} /> },
        LoadState::Failed(failure) => html! { <ErrorPanel failure={failure.clone()} /> },
        LoadState::Ready { text, dataset, part, .. } => match &prepared {
            Prepared::Ready(story) => {
                // A new dataset (opened by the reader) starts a new story screen: the view state
                // of the old one refers to its organisations and dates.
                let key = format!("{:p}", std::rc::Rc::as_ptr(&story.ds));
                let story = &Story { source: text.clone(), ds: dataset.clone(), texts: part.texts(), ..story.clone() };
                let initial = powershift_core::view::from_query(&props.query, &story.ds, &story.ctx);
                let screen =
                    html! { <StoryView {key} story={story.clone()} {initial} options={props.options.clone()} /> };
                if props.first_screen_only {
                    html! { <ContextProvider<FirstScreenOnly> context={FirstScreenOnly}>{ screen }</ContextProvider<FirstScreenOnly>> }
                } else {
                    screen
                }
            }
            Prepared::Working { progress, organisations, long } => {
                html! { <Loading url="" progress={long.then_some(*progress)} organisations={*organisations} /> }
            }
            Prepared::Nothing => html! { <Loading url="" /> },
        },
    }
}

/// The app: loads the dataset and shows it.
#[function_component(App)]
pub fn app() -> Html {
    let (state, replace) = crate::hooks::use_dataset();
    let query = use_memo((), |_| crate::platform::location::search());
    let compact = *use_memo((), |_| crate::platform::dom::viewport_width() < 640.0);
    let options = use_memo((), |_| {
        let o = powershift_core::embed::EmbedOptions::from_query(&crate::platform::location::search());
        crate::platform::dom::set_root_attribute("data-theme", o.theme.as_str());
        if o.embed {
            crate::platform::dom::set_root_attribute("data-embed", "1");
        }
        o
    });
    // An error replaces the prerendered first screen at once; the story does when its own first
    // screen is in the DOM (`components::Deferred`). Effects run after the DOM is patched.
    let failed = matches!(state, LoadState::Failed(_));
    use_effect_with(failed, |failed| {
        if *failed {
            crate::platform::dom::hand_over_from_prerender();
        }
    });
    let settled = use_state(|| false);
    let rest_in = crate::hooks::use_rest_arrived();
    {
        let settled = settled.clone();
        let loading = matches!(state, LoadState::Loading { .. });
        crate::hooks::use_timeout(!loading && !*settled, 1500, (), Callback::from(move |_| settled.set(true)));
    }
    // Files dropped anywhere on the page open as a dataset.
    let ondragover = Callback::from(|e: DragEvent| {
        e.prevent_default();
        // Files on their way: CSV files need the tools module, which loads while the reader aims.
        crate::platform::tools::warm();
    });
    let ondrop = {
        let replace = replace.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            crate::platform::files::open(crate::platform::files::of_drop(&e), replace.clone());
        })
    };
    html! {
        <main class={classes!("app", options.embed.then_some("embedded"))} {ondragover} {ondrop}>
            <Page state={state.clone()} query={AttrValue::from((*query).clone())} {compact} options={std::rc::Rc::new((*options).clone())} />
            // Not while the story is still growing into its first screen: drawn under it, the panel
            // was pushed down in view (a layout shift of 0.29 on a phone, Lighthouse measured). And,
            // at the foot of the page, it comes with the rest of the page's WebAssembly, its code.
            if !options.embed && *settled && rest_in { <OpenDataset on_load={replace} /> }
        </main>
    }
}
