//! Reading browser events: which drawn item an event happened on, an input's value, pointer
//! positions in an SVG's viewBox units and pointer capture. Components get plain values from here.

use powershift_core::model::{EventIx, OrgIx, RelIx};
use powershift_core::network::{Rect, Vec2};
use powershift_core::view::Selection;
use wasm_bindgen::JsCast;

/// The organisation, relationship or event an event happened on: the nearest element carrying
/// `data-org`, `data-rel-ix`, `data-pair` or `data-event-ix`. One set of listeners on a whole SVG serves every
/// item in it, so a date change does not re-register per-item callbacks.
pub fn item_at(e: &web_sys::Event) -> Option<Selection> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("[data-org], [data-rel-ix], [data-pair], [data-event-ix]").ok()??;
    let read = |name: &str| el.get_attribute(name).and_then(|v| v.parse::<u32>().ok());
    if let Some(o) = read("data-org") {
        return Some(Selection::Org(OrgIx(o)));
    }
    if let Some(r) = read("data-rel-ix") {
        return Some(Selection::Rel(RelIx(r)));
    }
    if let Some((a, b)) = el.get_attribute("data-pair").as_deref().and_then(|p| p.split_once(',')) {
        if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
            return Some(Selection::pair(OrgIx(a), OrgIx(b)));
        }
    }
    read("data-event-ix").map(|e| Selection::Event(EventIx(e)))
}

/// The value of the `<input>` or `<select>` an event came from ("" otherwise).
pub fn value_of(e: &web_sys::Event) -> String {
    let Some(target) = e.target() else { return String::new() };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    target.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

/// Keeps sending a pointer's events to the element it went down on, so a drag continues outside it.
pub fn capture_pointer(e: &web_sys::PointerEvent) {
    if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = el.set_pointer_capture(e.pointer_id());
    }
}

/// The horizontal position of a mouse event inside the element it happened on.
pub fn offset_x(e: &web_sys::MouseEvent) -> f64 {
    f64::from(e.offset_x())
}

/// Screen (client) → viewBox coordinates for an SVG drawn with `preserveAspectRatio="xMidYMid meet"`.
pub fn client_to_view(svg: &web_sys::Element, vb: Rect, client_x: f64, client_y: f64) -> Vec2 {
    let (left, top, w, h) = super::dom::rect_of(svg);
    if w <= 0.0 || h <= 0.0 {
        return vb.center();
    }
    let scale = (w / vb.width()).min(h / vb.height());
    let ox = left + (w - vb.width() * scale) / 2.0;
    let oy = top + (h - vb.height() * scale) / 2.0;
    Vec2::new(vb.min.x + (client_x - ox) / scale, vb.min.y + (client_y - oy) / scale)
}

/// viewBox units per CSS pixel of an SVG drawn as in [`client_to_view`] (1 before layout).
pub fn units_per_px(svg: &web_sys::Element, vb: Rect) -> f64 {
    let (_, _, w, h) = super::dom::rect_of(svg);
    if w <= 0.0 || h <= 0.0 {
        return 1.0;
    }
    1.0 / (w / vb.width()).min(h / vb.height())
}

/// A pointer event's position in `svg`'s viewBox units. Read at sub-pixel precision (web-sys
/// gives `clientX` as an integer; browsers report fractions for pointers), which matters where two
/// lines run less than a pixel apart.
pub fn pointer_in_view(e: &web_sys::MouseEvent, svg: &web_sys::Element, vb: Rect) -> Vec2 {
    let read = |name: &str, fallback: i32| {
        js_sys::Reflect::get(e.as_ref(), &wasm_bindgen::JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::from(fallback))
    };
    client_to_view(svg, vb, read("clientX", e.client_x()), read("clientY", e.client_y()))
}

/// Whether a pointer event comes from a finger (touch targets are larger).
pub fn is_touch(e: &web_sys::PointerEvent) -> bool {
    e.pointer_type() == "touch"
}

/// Whether an event happened on an invisible touch square (not on a drawn disc, label or line).
pub fn on_touch_square(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.matches(".touch").unwrap_or(false))
}

/// Whether a key event is typing: it happened in a text field, a text area, a select box or
/// editable content, where keys such as `[` belong to the field.
pub fn is_typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        // Buttons, checkboxes and sliders take no text.
        return !matches!(input.type_().as_str(), "button" | "checkbox" | "radio" | "range" | "submit" | "reset");
    }
    el.is_instance_of::<web_sys::HtmlTextAreaElement>()
        || el.is_instance_of::<web_sys::HtmlSelectElement>()
        || el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|h| h.is_content_editable())
}
