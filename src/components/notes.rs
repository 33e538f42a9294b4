//! "About the data", the last panel: the story's figures, its description, how strong its sources
//! are, the notes and the credit.
//!
//! A component of its own rather than markup the story screen builds: the story screen renders on
//! every date change, and markup built there (the figures, the source count over every event) was
//! built again each time, and at load, although the panel shows only once the rest of the page's
//! WebAssembly is in (`Deferred`). Here it is built when the panel is shown, and again only for
//! another dataset.

use std::rc::Rc;

use powershift_core::model::Dataset;
use yew::prelude::*;

use super::{StoryFacts, SummaryFacts};

/// Props of [`Notes`].
#[derive(Properties, Debug)]
pub struct NotesProps {
    /// The story's dataset.
    pub dataset: Rc<Dataset>,
}

/// By the dataset's address (a derived comparison would walk the whole dataset).
impl PartialEq for NotesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.dataset, &other.dataset)
    }
}

/// The "About the data" panel.
#[function_component(Notes)]
pub fn notes(props: &NotesProps) -> Html {
    let ds = &props.dataset;
    html! {
        <section class="panel notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{ "About the data" }</h2>
            <StoryFacts facts={SummaryFacts::of(ds)} />
            if let Some(d) = &ds.meta.description { <p>{ d }</p> }
            <p>{ ds.source_strength_note() }</p>
            if !ds.meta.notes.is_empty() {
                <ul>{ for ds.meta.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
            if let Some(c) = &ds.meta.credit { <p class="muted small">{ c }</p> }
        </section>
    }
}
