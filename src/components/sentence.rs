//! The sentence that says what the network shows, announced politely to screen readers.

use yew::prelude::*;

/// Props of [`Sentence`].
#[derive(Properties, PartialEq, Debug)]
pub struct SentenceProps {
    /// The text.
    pub text: AttrValue,
}

/// "On 28 April 2026: 17 organisations, 47 active relationships. Since …"
#[function_component(Sentence)]
pub fn sentence(props: &SentenceProps) -> Html {
    html! { <p class="sentence" role="status" aria-live="polite" data-testid="sentence">{ props.text.clone() }</p> }
}
