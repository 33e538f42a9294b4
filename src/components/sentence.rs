//! The sentence that says what changed and what the network shows, announced politely to screen
//! readers; "and N more" opens the full list of changes. While a story step is on view the same
//! polite region first names the step ("Step 3 of 9: Stargate."), for screen readers only (the step
//! bar shows it): one live region, so the step and its picture are announced together, in order.

use std::rc::Rc;

use powershift_core::scene::Sentence as SentenceText;
use yew::prelude::*;

/// Props of [`Sentence`].
#[derive(Properties, PartialEq, Debug)]
pub struct SentenceProps {
    /// The sentence.
    pub sentence: Rc<SentenceText>,
    /// The story step on view, as announced: "Step 3 of 9: Stargate.".
    #[prop_or_default]
    pub step: Option<AttrValue>,
}

/// "27 April 2026: Microsoft and OpenAI amend their deal; exclusivity ends (5 relationships).
/// 17 organisations, 47 relationships in force."
#[function_component(Sentence)]
pub fn sentence(props: &SentenceProps) -> Html {
    let open = use_state(|| false);
    let s = &props.sentence;
    // A new sentence starts closed.
    {
        let open = open.clone();
        use_effect_with(s.clone(), move |_| open.set(false));
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class="sentence-box">
            <p class="sentence" id="sentence-text" role="status" aria-live="polite" data-testid="sentence">
                if let Some(step) = &props.step {
                    <span class="visually-hidden" data-testid="step-announcement">{ step.clone() }{ " " }</span>
                }
                { &s.lead }
                if !s.more.is_empty() {
                    { " " }
                    <button type="button" class="link more" aria-expanded={open.to_string()} aria-controls="more-changes"
                            onclick={toggle}>{ format!("and {} more", s.more.len()) }</button>
                    { "." }
                }
                { " " }{ &s.tally }
            </p>
            if *open && !s.more.is_empty() {
                <ul id="more-changes" class="more-changes">{ for s.more.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
        </div>
    }
}
