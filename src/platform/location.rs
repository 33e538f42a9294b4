//! The page's URL: reading it, and keeping its query (the deep link) in step with the view.
//!
//! Panels read the address while rendering (the Share dialog's codes, the embed footer's link), so
//! the readers answer "no address" where there is no browser: the server renderer of the native
//! tests has no window, and reaching for one there panics.

/// Whether there is a browser window to ask (never in native builds).
fn has_window() -> bool {
    cfg!(target_arch = "wasm32")
}

/// The value of query parameter `name` in the page's URL, if present.
pub fn query_param(name: &str) -> Option<String> {
    if !has_window() {
        return None;
    }
    let search = gloo::utils::window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

/// The page's origin, e.g. `https://example.github.io`.
pub fn origin() -> String {
    gloo::utils::window().location().origin().unwrap_or_default()
}

/// The page's query string without the leading `?`.
pub fn search() -> String {
    gloo::utils::window().location().search().unwrap_or_default().trim_start_matches('?').to_string()
}

/// The page's full address.
pub fn href() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// How a new deep link enters the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: Back returns to the previous view (a selection, a filter, a focus).
    Push,
    /// The current entry changes (scrubbing, playing; and always inside a frame, so an embed never
    /// adds entries to the host's history).
    Replace,
}

/// The page's address for a deep link `query`, keeping the parameters that are not the view's:
/// `data=` (which dataset) and the embed options (`embed`, `title`, `theme`, Pym's `childId`…).
pub fn address_for(query: &str) -> String {
    let w = gloo::utils::window();
    let path = w.location().pathname().unwrap_or_default();
    let mut kept = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(search().as_bytes()) {
        if !powershift_core::view::LINK_KEYS.contains(&k.as_ref()) {
            kept.append_pair(&k, &v);
        }
    }
    let kept = kept.finish();
    let q = if kept.is_empty() { query.to_string() } else { format!("{kept}&{query}") };
    format!("{path}?{q}")
}

/// Writes the deep link into the page's URL without a reload. Replacing the address with itself is
/// skipped: `history.replaceState` costs a few milliseconds on a phone, and the first render of a
/// deep link or of the default view would otherwise pay it for nothing.
pub fn write_query(query: &str, mode: HistoryMode) {
    let w = gloo::utils::window();
    let Ok(history) = w.history() else { return };
    let url = address_for(query);
    if mode == HistoryMode::Replace {
        let l = w.location();
        let current = format!("{}?{}", l.pathname().unwrap_or_default(), search());
        if url.trim_end_matches('?') == current.trim_end_matches('?') {
            return;
        }
    }
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        HistoryMode::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
    };
}

/// Listens to Back and Forward.
pub fn on_popstate(mut f: impl FnMut() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| f())
}

/// The page's public address without query or fragment, e.g. `https://x.github.io/powershift/`.
pub fn public_base() -> String {
    if !has_window() {
        return String::new();
    }
    let l = gloo::utils::window().location();
    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

/// The address of a view the reader is moving through (scrubbing, playing), written just after the
/// next paint instead of before it: `history.replaceState` is ~4.5 ms of a scrubber step on a
/// phone (CPU 4× slower), spent before the frame that shows the new date. Writes that pile up
/// within a frame are coalesced into the latest, so fast scrubbing writes once per frame. The
/// address trails the picture by one frame at most; anything that must be exact at once (a new
/// history entry, Back and Forward) [`cancel`](AfterPaint::cancel)s the pending write first.
#[derive(Debug, Default)]
pub struct AfterPaint {
    inner: std::rc::Rc<std::cell::RefCell<AfterPaintState>>,
}

#[derive(Debug, Default)]
struct AfterPaintState {
    /// The query to write; `None` once written or cancelled.
    query: Option<String>,
    /// A frame or timer is on its way (the handles are dropped only from outside their callbacks).
    scheduled: bool,
    frame: Option<gloo::render::AnimationFrame>,
    timer: Option<gloo::timers::callback::Timeout>,
}

impl AfterPaint {
    /// Replaces the address with `query` after the next paint (the latest one wins).
    pub fn replace(&self, query: &str) {
        let mut s = self.inner.borrow_mut();
        s.query = Some(query.to_string());
        if s.scheduled {
            return;
        }
        s.scheduled = true;
        let inner = self.inner.clone();
        // A task queued from an animation frame callback runs after that frame is painted.
        s.frame = Some(gloo::render::request_animation_frame(move |_| {
            let written = inner.clone();
            let timer = gloo::timers::callback::Timeout::new(0, move || {
                let query = {
                    let mut s = written.borrow_mut();
                    s.scheduled = false;
                    s.query.take()
                };
                if let Some(q) = query {
                    write_query(&q, HistoryMode::Replace);
                }
            });
            inner.borrow_mut().timer = Some(timer);
        }));
    }

    /// Forgets the pending write, if any (before writing an address at once).
    pub fn cancel(&self) {
        let mut s = self.inner.borrow_mut();
        s.query = None;
        s.scheduled = false;
        s.frame = None;
        s.timer = None;
    }
}
