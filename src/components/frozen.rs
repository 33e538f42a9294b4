//! Markup drawn once and then left alone: Yew skips it while it is the same shared value.

use std::rc::Rc;

use yew::prelude::*;

/// Props of [`Frozen`]: equal when they share the same markup (a pointer comparison, O(1)).
#[derive(Properties, Debug)]
pub struct FrozenProps {
    /// The markup, built once (e.g. in a `use_memo`) and shared.
    pub html: Rc<Html>,
}

impl PartialEq for FrozenProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.html, &other.html)
    }
}

/// Renders `html`. Inline, the same markup is cloned and compared element by element on every render
/// of its parent (the money chart's ~60 elements on every date change); here a render of the parent
/// compares one pointer and the markup is neither rebuilt nor diffed.
#[function_component(Frozen)]
pub fn frozen(props: &FrozenProps) -> Html {
    (*props.html).clone()
}
