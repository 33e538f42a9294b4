//! The step bar of the guided story, above the network: "Step 3 of 9", Previous step / Next step,
//! the step's title and its text, whose event references are buttons that select the event. Before
//! the story starts it offers "Start the story"; after the reader leaves it, "Back to step 3". The
//! row with the position and the buttons keeps one height in every state, so moving through the
//! story never shifts the network below it. What it shows is decided by
//! `powershift_core::story_steps::StepBar`.

use powershift_core::story_steps::{StepBar as StepBarScene, StepTextPart, StoryPlace};
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::use_app;

/// The id of the step's heading (the bar's accessible name comes from it while a step shows).
const TITLE_ID: &str = "step-title";
/// The id of "Next step", which takes the focus when "Start the story" or "Back to step N" goes.
const NEXT_ID: &str = "step-next";
/// The id of "Back to step N", which takes the focus when "Explore on your own" goes.
const BACK_ID: &str = "step-back";

/// A 24×24 icon from one path.
fn icon(d: &'static str) -> Html {
    html! { <svg class="btn-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={d} /></svg> }
}

/// The step bar; nothing for a story without steps.
#[function_component(StepBar)]
pub fn step_bar() -> Html {
    let app = use_app();
    let view = &app.view;
    let Some(bar) = StepBarScene::of(&app.story.ds, &view.view) else { return Html::default() };
    let act = |action: Action, refocus: Option<&'static str>| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            view.dispatch(action.clone());
            // "Start the story", "Back to step N" and "Explore on your own" disappear once pressed:
            // the focus moves to the button that takes their place rather than to the page.
            if let Some(id) = refocus {
                crate::platform::dom::focus_soon(id);
            }
        })
    };
    let prev_next = html! {
        <>
            <button type="button" class="icon" aria-label="Previous step" title="Previous step ([)"
                    disabled={!bar.has_prev} onclick={act(Action::PrevStep, None)}>{ icon("M15 5l-7 7 7 7z") }</button>
            <button type="button" class="icon" id={NEXT_ID} aria-label="Next step" title="Next step (])"
                    disabled={!bar.has_next} onclick={act(Action::NextStep, None)}>{ icon("M9 5l7 7-7 7z") }</button>
        </>
    };
    let text = bar.text.iter().map(|part| match part {
        StepTextPart::Text(t) => html! { { t.clone() } },
        StepTextPart::Event { event, label, name } => {
            let onclick = {
                let (view, event) = (view.clone(), *event);
                Callback::from(move |_: MouseEvent| view.dispatch(Action::Select(Some(Selection::Event(event)))))
            };
            html! {
                <button type="button" class="link step-ref" aria-label={name.clone()} title={name.clone()} {onclick}>
                    { label.clone() }
                </button>
            }
        }
    });
    match bar.place {
        StoryPlace::NotStarted => html! {
            <section class="step-bar not-started" aria-label="Story" data-testid="step-bar">
                <div class="step-row">
                    <p class="step-position">{ bar.position.clone() }</p>
                    <button type="button" class="step-start" onclick={act(Action::GoToStep(0), Some(NEXT_ID))}>{ "Start the story" }</button>
                </div>
            </section>
        },
        StoryPlace::InStep(i) | StoryPlace::Left(i) => {
            let left = matches!(bar.place, StoryPlace::Left(_));
            html! {
                <section class={classes!("step-bar", left.then_some("left"))} aria-labelledby={TITLE_ID} data-testid="step-bar">
                    <div class="step-row">
                        <p class="step-position" data-testid="step-position">{ bar.position.clone() }</p>
                        { prev_next }
                        if let Some(back) = bar.back_label() {
                            <button type="button" class="step-back" id={BACK_ID} onclick={act(Action::GoToStep(i), Some(NEXT_ID))}>
                                { back }
                            </button>
                        } else {
                            <button type="button" class="link step-leave" onclick={act(Action::LeaveStory, Some(BACK_ID))}>
                                { "Explore on your own" }
                            </button>
                        }
                    </div>
                    <h2 id={TITLE_ID} class="step-title">{ bar.title.clone() }</h2>
                    <p class="step-text">{ for text }</p>
                </section>
            }
        }
    }
}
