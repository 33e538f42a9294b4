//! Small browser helpers: sizes, media queries, time, non-passive listeners.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// Whether a media query matches (false when it cannot be read).
pub fn matches_media(query: &str) -> bool {
    gloo::utils::window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}

/// Sets an attribute on the `<html>` element (the theme and embed switches the stylesheet reads).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

/// Hands the page over from the prerendered first screen (`#prerender`, written into index.html
/// by `powershift site`) to the app: removes the prerender, and the stylesheet then shows `#app`
/// in its place (`#prerender + #app` is laid out but invisible). Nothing when there is none.
/// Also marks the page ready (`<html data-ready>`): until then the story screen being built in
/// pieces is invisible wherever there is no prerender (an embed, `?data=`), so no piece moves
/// another on screen.
pub fn hand_over_from_prerender() {
    if let Some(pre) = gloo::utils::document().get_element_by_id("prerender") {
        pre.remove();
    }
    set_root_attribute("data-ready", "");
}

/// Whether the reader asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    gloo::utils::window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// The text of the element with this id (a JSON island), if there is one.
pub fn text_of_id(id: &str) -> Option<String> {
    gloo::utils::document().get_element_by_id(id)?.text_content()
}

/// Milliseconds since the page started (monotonic).
pub fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

/// The element's box: (left, top, width, height) in client coordinates.
pub fn rect_of(el: &web_sys::Element) -> (f64, f64, f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top(), r.width(), r.height())
}

/// Calls `f` with the element's (width, height) once it has been laid out and whenever its size
/// changes (a `ResizeObserver`). Unlike measuring at mount, this never forces a layout: the
/// observer reports after the browser's own layout, so panels mounting one after another at load
/// do not each lay out the whole page again (~80 ms a time on a phone, measured for issue 12).
/// Dropping the handle disconnects it.
pub fn observe_size(el: &web_sys::Element, f: impl Fn(f64, f64) + 'static) -> Option<SizeObserver> {
    use wasm_bindgen::closure::Closure;
    let target = el.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        // Inside the observer's callback the layout is fresh: this reads it, it does not redo it.
        let (_, _, w, h) = rect_of(&target);
        f(w, h);
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(SizeObserver { observer, _callback: callback })
}

/// A live size observer; disconnects when dropped.
#[allow(missing_debug_implementations)] // holds a JS closure, which has no useful Debug
pub struct SizeObserver {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A wheel listener that may call `preventDefault` (Yew's own is passive), so zooming does not
/// also scroll the page.
pub fn on_wheel(el: &web_sys::Element, mut f: impl FnMut(&web_sys::WheelEvent) + 'static) -> EventListener {
    EventListener::new_with_options(el, "wheel", EventListenerOptions::enable_prevent_default(), move |e| {
        if let Some(w) = e.dyn_ref::<web_sys::WheelEvent>() {
            f(w);
        }
    })
}

/// The viewport's width in CSS pixels.
pub fn viewport_width() -> f64 {
    gloo::utils::window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0)
}

/// Listens to key presses anywhere on the page.
pub fn on_keydown(mut f: impl FnMut(&web_sys::KeyboardEvent) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::document(), "keydown", move |e| {
        if let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() {
            f(k);
        }
    })
}

thread_local! {
    /// The reader's place before the page brought the details into view: scroll position and the
    /// focused element.
    static PLACE: std::cell::RefCell<Option<(f64, Option<web_sys::Element>)>> = const { std::cell::RefCell::new(None) };
}

/// Remembers where the reader is (scroll position, focused element), for [`return_to_place`].
pub fn remember_place() {
    let w = gloo::utils::window();
    let y = w.scroll_y().unwrap_or(0.0);
    let focused = gloo::utils::document().active_element();
    PLACE.with(|p| *p.borrow_mut() = Some((y, focused)));
}

/// Goes back to the remembered place: the element the reader was on, brought into view (the page
/// above it may have grown since, as the details filled), and focused; else the scroll position.
pub fn return_to_place() {
    let Some((y, focused)) = PLACE.with(|p| p.borrow_mut().take()) else { return };
    match focused.filter(|e| e.is_connected() && e.local_name() != "body") {
        Some(el) => {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            opts.set_behavior(web_sys::ScrollBehavior::Instant);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
                let _ = svg.focus();
            }
        }
        None => gloo::utils::window().scroll_to_with_x_and_y(0.0, y),
    }
}

/// Moves the keyboard focus to the element with `id` once the page has rendered it (it may be
/// about to replace the element that had the focus).
pub fn focus_soon(id: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    })
    .forget();
}

/// Scrolls the element with `id` into view once the page has rendered the change that fills it.
pub fn scroll_into_view_soon(id: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = gloo::utils::document().get_element_by_id(id) {
            let reduce = prefers_reduced_motion();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Start);
            opts.set_behavior(if reduce { web_sys::ScrollBehavior::Instant } else { web_sys::ScrollBehavior::Smooth });
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    })
    .forget();
}

/// Focuses the element matching `selector` inside `root` (SVG or HTML), if there is one.
pub fn focus_within(root: &yew::NodeRef, selector: &str) {
    let Some(el) = root.cast::<web_sys::Element>().and_then(|r| r.query_selector(selector).ok().flatten()) else {
        return;
    };
    if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    } else if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}

/// Focuses the element with `id` (e.g. a heading with `tabindex="-1"`).
pub fn focus_id(id: &str) {
    if let Some(h) =
        gloo::utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}
