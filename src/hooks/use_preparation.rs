//! A story prepared in slices of main-thread time, with its progress (see `crate::preparation`).

use std::cell::RefCell;
use std::rc::Rc;

use powershift_core::model::Dataset;
use yew::prelude::*;

use crate::preparation::Preparation;
use crate::state::Story;

/// Where the story's preparation is.
#[derive(Clone, Debug, PartialEq)]
pub enum Prepared {
    /// No dataset yet.
    Nothing,
    /// Being laid out: how far (0 to 1), and how many organisations.
    Working {
        /// From 0 to 1.
        progress: f64,
        /// Organisations being laid out.
        organisations: usize,
        /// It has taken long enough to show its progress (a short one only flickered).
        long: bool,
    },
    /// Ready to show.
    Ready(Story),
}

/// Work done in the task that brought the dataset: a story of the shipped one's size without the
/// build's recorded layout (~10 ms natively) is ready within it on a computer, and within a few
/// more tasks on a phone's CPU (with no progress shown: [`SHOW_PROGRESS_AFTER_MS`]). A bigger one
/// goes on in later tasks.
const FIRST_SLICE_MS: f64 = 40.0;

/// Work per later task: under the 50 ms of a "long task" even with the last step overrunning, so a
/// tap or a scroll is answered quickly, but long enough that the gaps between tasks (a timer and a
/// repaint of the progress each) add little to the wait: 1,000 organisations at 4× CPU slowdown
/// take ~4.5 s in ~150 tasks instead of one task of ~3.9 s.
const SLICE_MS: f64 = 30.0;

/// After this long a preparation shows its progress (issue 12: "show progress for any preparation
/// that takes over 200 ms"); one that ends sooner goes by without a flicker of a progress bar.
const SHOW_PROGRESS_AFTER_MS: f64 = 200.0;

/// Prepares `input` (a dataset and its URL) for a narrow (`compact`) or wide screen: at once when
/// the build recorded its layout or it is small, else a slice per task (natively, all at once).
///
/// A dataset without the build's recorded layout (one opened with `?data=` or from a file) is laid
/// out by the force layout, which is in the rest of the page's WebAssembly
/// (`platform::rest_module`): its preparation waits for the rest to arrive (showing its progress
/// at 0 if that takes over [`SHOW_PROGRESS_AFTER_MS`]) instead of loading it synchronously.
#[hook]
pub fn use_preparation(input: Option<(Rc<Dataset>, String)>, compact: bool) -> Prepared {
    let key = input.as_ref().map(|(d, _)| Rc::as_ptr(d) as usize);
    let started = use_memo(key, |_| now_ms());
    let known = {
        let input = input.clone();
        use_memo(key, move |_| input.and_then(|(ds, _)| crate::known_layout::recall(&ds, compact)))
    };
    // Whether the layout's code is here: always with a recorded layout, else once the rest is in.
    // (A hook: called on every render, whatever `known` is.)
    let rest_in = super::use_rest_arrived();
    let can_start = known.is_some() || rest_in;
    let preparation = {
        let (input, known) = (input.clone(), known.clone());
        use_memo((key, can_start), move |(_, can_start)| {
            input.filter(|_| *can_start).map(|(ds, url)| {
                crate::platform::timing::measured("prepare", || {
                    let mut p = Preparation::new(ds, compact, &url, known.as_ref().as_ref());
                    run_for(&mut p, FIRST_SLICE_MS);
                    RefCell::new(p)
                })
            })
        })
    };
    let repaint = use_force_update();
    {
        let preparation = preparation.clone();
        super::use_background((key, can_start), 0, 0, move || {
            let Some(p) = preparation.as_ref() else { return false };
            if p.borrow().story().is_some() {
                return false;
            }
            let more = run_for(&mut p.borrow_mut(), SLICE_MS);
            repaint.force_update();
            more
        });
    }
    let long = now_ms() - *started >= SHOW_PROGRESS_AFTER_MS;
    match (preparation.as_ref(), &input) {
        (None, None) => Prepared::Nothing,
        // Waiting for the layout's code.
        (None, Some((ds, _))) => Prepared::Working { progress: 0.0, organisations: ds.organisations.len(), long },
        (Some(p), _) => {
            let p = p.borrow();
            match p.story() {
                Some(story) => Prepared::Ready(story.clone()),
                None => Prepared::Working { progress: p.progress(), organisations: p.organisations(), long },
            }
        }
    }
}

/// The page's clock in milliseconds (natively 0: nothing is sliced there).
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        crate::platform::dom::now_ms()
    }
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Steps for about `ms` milliseconds (natively: to the end); whether work is left.
fn run_for(p: &mut Preparation, ms: f64) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let start = now_ms();
        while p.step() {
            if now_ms() - start >= ms {
                return true;
            }
        }
        false
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
        while p.step() {}
        false
    }
}
