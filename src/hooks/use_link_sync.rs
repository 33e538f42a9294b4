//! Keeps the view in step with the world outside the app: the page's URL and history (a deep link
//! for every view; Back and Forward walk through selections, filters and focus), and, in an embed,
//! the host page (its `powershift:set` / `play` / `pause` orders, our `ready` / `view` / `height`
//! reports and Pym.js's height messages; `powershift:step` goes to a story step).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use powershift_core::embed::{
    height_message, parse_inbound, parse_pym, pym_height, ready_message, view_message, EmbedOptions, Inbound,
};
use powershift_core::view::{from_query, is_navigation, set_link, to_query, Action};
use yew::prelude::*;

use crate::platform::host;
use crate::platform::location::{self, HistoryMode};
use crate::state::{Story, ViewHandle};

/// Installs the URL, history and host-page wiring for the story screen.
#[hook]
pub fn use_link_sync(view: ViewHandle, story: Story, options: Rc<EmbedOptions>) {
    // The latest state, for listeners that outlive a render.
    let latest = use_mut_ref(|| view.view.clone());
    *latest.borrow_mut() = view.view.clone();
    let written = use_mut_ref(|| None::<String>);
    let restoring = use_mut_ref(|| false);
    let after_paint = use_mut_ref(location::AfterPaint::default);

    // The URL: push a history entry for a new selection, filter or focus; replace it while the date
    // moves; never add entries to a host's history from inside a frame.
    let q = to_query(&view.view, &story.ds);
    {
        let (written, restoring, after_paint) = (written.clone(), restoring.clone(), after_paint.clone());
        use_effect_with(q.clone(), move |q| {
            // Effects run in the browser only (never in a native render), so asking is safe here.
            let framed = host::is_framed();
            let before = written.borrow().clone();
            let mode = match &before {
                Some(b) if !framed && !std::mem::take(&mut *restoring.borrow_mut()) && is_navigation(b, q) => {
                    HistoryMode::Push
                }
                _ => HistoryMode::Replace,
            };
            if before.is_none() {
                // The first address (the view the page opened on) is written in a task of its own:
                // `replaceState` is a few milliseconds on a phone, and the story screen's first
                // render is the longest task of the load.
                let q = q.clone();
                gloo::timers::callback::Timeout::new(0, move || location::write_query(&q, mode)).forget();
            } else if before.as_deref() != Some(q.as_str()) {
                if mode == HistoryMode::Replace && !framed {
                    // Moving through dates: the address follows just after the frame is painted.
                    after_paint.borrow().replace(q);
                } else {
                    after_paint.borrow().cancel();
                    location::write_query(q, mode);
                }
                if framed {
                    host::post_to_parent(&view_message(q));
                }
            }
            *written.borrow_mut() = Some(q.clone());
        });
    }

    // Back and Forward: the URL says which view to show.
    {
        let (view, story, restoring) = (view.clone(), story.clone(), restoring.clone());
        use_effect_with((), move |_| {
            let listener = location::on_popstate(move || {
                // The entry Back or Forward went to is the address now: a write still waiting
                // for a paint belongs to the entry left behind.
                after_paint.borrow().cancel();
                *restoring.borrow_mut() = true;
                let to = from_query(&location::search(), &story.ds, &story.ctx);
                view.dispatch(Action::Restore(Box::new(to)));
            });
            move || drop(listener)
        });
    }

    // The host page: orders in, reports and heights out.
    {
        let (view, story, latest, options) = (view.clone(), story.clone(), latest.clone(), options.clone());
        use_effect_with((), move |_| {
            let mut guards: Vec<Box<dyn std::any::Any>> = Vec::new();
            if host::is_framed() {
                host::post_to_parent(&ready_message(&to_query(&latest.borrow(), &story.ds)));
                let last_height = Rc::new(Cell::new(0u32));
                let send_height = {
                    let (last, child) = (last_height.clone(), options.child_id.clone());
                    Rc::new(move |h: u32, force: bool| {
                        if h == 0 || (h == last.get() && !force) {
                            return;
                        }
                        last.set(h);
                        host::post_to_parent(&height_message(h));
                        if let Some(id) = &child {
                            host::post_to_parent(&pym_height(id, h));
                        }
                    })
                };
                send_height(host::content_height(), true);
                let observer = {
                    let send = send_height.clone();
                    host::observe_height(move |h| send(h, false))
                };
                guards.push(Box::new(observer));
                // The host's orders. One that arrives before the rest of the module (a scrollytelling
                // host sets the date as soon as the embed is ready) waits for it, in order, instead of
                // loading it synchronously: that would stop this page, and the article around a
                // same-site frame, for a whole download.
                let obey = move |data: String| match parse_inbound(&data) {
                    Ok(None) => {}
                    Ok(Some(Inbound::Set(pairs))) => {
                        let current = latest.borrow().clone();
                        let pairs = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                        match set_link(&current, pairs, &story.ds, &story.ctx) {
                            Ok(to) => view.dispatch(Action::Restore(Box::new(to))),
                            Err(e) => host::warn_ignored(&format!("powershift:set: {e}")),
                        }
                    }
                    Ok(Some(Inbound::Play)) => {
                        if !latest.borrow().playing {
                            view.dispatch(Action::TogglePlay);
                        }
                    }
                    Ok(Some(Inbound::Pause)) => view.dispatch(Action::Pause),
                    Ok(Some(Inbound::Step(n))) => match (n as usize).checked_sub(1) {
                        Some(i) if i < story.ctx.steps.len() => view.dispatch(Action::GoToStep(i)),
                        _ if story.ctx.steps.is_empty() => {
                            host::warn_ignored(&format!("powershift:step {n}: this story has no steps"))
                        }
                        _ => host::warn_ignored(&format!(
                            "powershift:step {n}: this story has steps 1 to {}",
                            story.ctx.steps.len()
                        )),
                    },
                    Err(e) => host::warn_ignored(&e),
                };
                let orders = OrderQueue::new(obey);
                let child = options.child_id.clone();
                let listener = host::on_parent_message(move |data| {
                    if let Some(p) = parse_pym(&data) {
                        // Pym's parent asks for our height when its width changes.
                        if Some(&p.id) == child.as_ref() && p.kind == "width" {
                            send_height(host::content_height(), true);
                        }
                        return;
                    }
                    orders.push(data);
                });
                guards.push(Box::new(listener));
            }
            let guards = RefCell::new(guards);
            move || drop(guards)
        });
    }
}

/// The host page's orders (raw messages), handled in the order they came once the rest of the
/// module is in (`platform::rest_module::when_arrived`; at once when it is).
struct OrderQueue {
    waiting: Rc<RefCell<std::collections::VecDeque<String>>>,
    obey: Rc<dyn Fn(String)>,
}

impl OrderQueue {
    fn new(obey: impl Fn(String) + 'static) -> Self {
        Self { waiting: Rc::default(), obey: Rc::new(obey) }
    }

    fn push(&self, order: String) {
        if self.waiting.borrow().is_empty() && crate::platform::rest_module::arrived() {
            (self.obey)(order);
            return;
        }
        self.waiting.borrow_mut().push_back(order);
        if self.waiting.borrow().len() == 1 {
            let (waiting, obey) = (self.waiting.clone(), self.obey.clone());
            crate::platform::rest_module::when_arrived(move || Self::drain(waiting, obey));
        }
    }

    /// One order per task, as they would have come: each is applied to the view the previous one
    /// rendered (the hook's `latest`), so a `select` is not lost to a `date` that follows it.
    fn drain(waiting: Rc<RefCell<std::collections::VecDeque<String>>>, obey: Rc<dyn Fn(String)>) {
        let next = waiting.borrow_mut().pop_front();
        if let Some(order) = next {
            obey(order);
            if !waiting.borrow().is_empty() {
                gloo::timers::callback::Timeout::new(0, move || Self::drain(waiting, obey)).forget();
            }
        }
    }
}
