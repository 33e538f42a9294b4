//! Delegated listeners for a drawing full of items (the network's organisations, the timeline's
//! events): one set on the `<svg>` finds the item an event happened on from its `data-*` attribute,
//! so a date change never re-registers per-item callbacks. Hover and focus link (highlight) the
//! item; Enter, Space or a click activates it.

use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::platform::events::item_at;
use crate::state::ViewHandle;

/// The delegated listeners.
#[derive(Clone, Debug, PartialEq)]
pub struct Delegated {
    /// Pointer over an item: link it.
    pub pointerover: Callback<PointerEvent>,
    /// Pointer left the drawing: unlink.
    pub pointerleave: Callback<PointerEvent>,
    /// Focus entered an item: link it.
    pub focusin: Callback<FocusEvent>,
    /// Focus left: unlink.
    pub focusout: Callback<FocusEvent>,
    /// Enter or Space on an item: activate it.
    pub keydown: Callback<KeyboardEvent>,
    /// A click on an item: activate it.
    pub click: Callback<MouseEvent>,
}

/// Listeners that link hovered or focused items through `view` and call `activate` for the item a
/// reader presses Enter or Space on, or clicks.
#[hook]
pub fn use_delegated(view: ViewHandle, activate: Callback<Selection>) -> Delegated {
    let last = use_mut_ref(|| None::<Selection>);
    let hover = {
        let view = view.clone();
        move |sel: Option<Selection>| {
            if *last.borrow() != sel {
                *last.borrow_mut() = sel;
                view.dispatch(Action::Hover(sel));
            }
        }
    };
    let pointerover = {
        let hover = hover.clone();
        Callback::from(move |e: PointerEvent| hover(item_at(&e)))
    };
    let pointerleave = {
        let hover = hover.clone();
        Callback::from(move |_: PointerEvent| hover(None))
    };
    let focusin = {
        let hover = hover.clone();
        Callback::from(move |e: FocusEvent| hover(item_at(&e)))
    };
    let focusout = Callback::from(move |_: FocusEvent| hover(None));
    let keydown = {
        let activate = activate.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(sel) = item_at(&e) {
                    e.prevent_default();
                    activate.emit(sel);
                }
            }
        })
    };
    let click = Callback::from(move |e: MouseEvent| {
        if let Some(sel) = item_at(&e) {
            activate.emit(sel);
        }
    });
    Delegated { pointerover, pointerleave, focusin, focusout, keydown, click }
}
