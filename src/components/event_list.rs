//! The events as a list by year: how a phone (or a keyboard) reads the timeline when the marks are
//! too small for a finger. The year of the current date is open; each event is a full-width button
//! that moves the story to its date and shows its details where the reader looks.

use std::collections::BTreeMap;
use std::rc::Rc;

use powershift_core::model::{Dataset, EventIx};
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::use_app;

/// The list of events. It reads the view state, but its ~380 elements (on a phone) are built and
/// compared again only when the current year or the selected event changes, not on every step of
/// the scrubber ([`super::Frozen`]).
#[function_component(EventList)]
pub fn event_list() -> Html {
    let app = use_app();
    let current = app.view.view.date.year();
    let selected = match app.view.view.selection {
        Some(Selection::Event(e)) => Some(e),
        _ => None,
    };
    // One callback for the list's life: the view's dispatcher and the place's setter are the same
    // from any render, so the first render's handles serve every later click.
    let open = {
        let app = app.clone();
        use_callback(app.story.clone(), move |e: EventIx, story| {
            app.view.dispatch(Action::SetDate(story.ds.event(e).date.start));
            app.select_from_afar(Selection::Event(e), "the list of events");
        })
    };
    let list = use_memo((app.story.clone(), current, selected), move |(story, current, selected)| {
        Rc::new(years(&story.ds, *current, *selected, &open))
    });
    html! { <super::Frozen html={(*list).clone()} /> }
}

fn years(ds: &Dataset, current: i32, selected: Option<EventIx>, open: &Callback<EventIx>) -> Html {
    let mut by_year: BTreeMap<i32, Vec<EventIx>> = BTreeMap::new();
    for e in ds.events_chronological() {
        by_year.entry(ds.event(e).date.start.year()).or_default().push(e);
    }
    html! {
        <div class="event-list" aria-label="Events by year" role="group">
            { for by_year.iter().map(|(year, events)| html! {
                <details key={*year} open={*year == current}>
                    <summary>{ format!("{year} · {} event{}", events.len(), if events.len() == 1 { "" } else { "s" }) }</summary>
                    <ol>{ for events.iter().map(|e| {
                        let ev = ds.event(*e);
                        let selected = selected == Some(*e);
                        let open = open.reform({
                            let e = *e;
                            move |_: MouseEvent| e
                        });
                        html! { <li key={ev.id.clone()}>
                            <button type="button" class={classes!("event-item", selected.then_some("selected"))}
                                    aria-pressed={selected.to_string()} onclick={open}>
                                <span class="when">{ ev.date.to_words() }</span>{ " " }<span class="what">{ &ev.title }</span>
                            </button>
                        </li> }
                    }) }</ol>
                </details>
            }) }
        </div>
    }
}
