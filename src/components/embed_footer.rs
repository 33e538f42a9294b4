//! The footer of an embed: the data credit, the date the data was checked, and a link to the full
//! page at the same view (a new tab, so the reader keeps their place in the article).

use powershift_core::embed::{full_view_query, Theme};
use powershift_core::view::to_query;
use yew::prelude::*;

use crate::state::use_app;

/// Props of [`EmbedFooter`].
#[derive(Properties, PartialEq, Debug)]
pub struct EmbedFooterProps {
    /// The dataset's credit line.
    pub credit: Option<String>,
    /// "11 June 2026".
    pub as_of: String,
    /// The theme, which the full view keeps.
    pub theme: Theme,
}

/// The footer.
#[function_component(EmbedFooter)]
pub fn embed_footer(props: &EmbedFooterProps) -> Html {
    let app = use_app();
    let q = to_query(&app.view.view, &app.story.ds);
    // Relative: in a new tab it resolves against the frame's own address, the app's.
    let href = format!("?{}", full_view_query(&q, props.theme, app.options.data.as_deref()));
    html! {
        <footer class="embed-footer small">
            if let Some(c) = &props.credit { <span>{ c }</span> }
            <span>{ format!("Data checked as of {}.", props.as_of) }</span>
            <a {href} target="_blank" rel="noopener noreferrer">{ "Open the full view" }</a>
        </footer>
    }
}
