//! Delegated listeners for a drawing full of items (the network's organisations, the timeline's
//! events): one set on the `<svg>` finds the item an event happened on from its `data-*` attribute,
//! so a date change never re-registers per-item callbacks. Hover and focus link (highlight) the
//! item; Enter, Space or a click activates it.

use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::platform::events::item_at;
use crate::render::network::ItemListeners;
use crate::state::ViewHandle;

/// Listeners that link hovered or focused items through `view` and call `activate` for the item a
/// reader presses Enter or Space on, or clicks.
#[hook]
pub fn use_delegated(view: ViewHandle, activate: Callback<Selection>) -> ItemListeners {
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
    ItemListeners { pointerover, pointerleave, focusin, focusout, keydown, click }
}
