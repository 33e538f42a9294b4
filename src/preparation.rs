//! Preparing a story a step at a time: its global layout and the box around its change dates.
//!
//! For the shipped story this is ~1 ms, or nothing when the build recorded the layout (see
//! [`crate::known_layout`]). For a big dataset a reader opens or links to (1,000 organisations:
//! ~0.5 s natively, seconds on a phone) doing it in one go would freeze the page with no sign of
//! life. So the work is cut into small steps: a tick of the global simulation
//! ([`GlobalLayoutJob`]) or one change date's layout. The page runs steps for a few milliseconds a
//! task and shows the progress in between (`hooks::use_preparation`); [`Story::prepare_known`] runs
//! them all at once. Either way the story is identical: the steps are the same work in the same
//! order.
//!
//! Cost: O(T_g · (n log n + m)) for the global layout plus O(min(change dates, 25) × per-date
//! layout) for the box, as before; each step is one tick (O(n log n + m)) or one date.

use std::rc::Rc;

use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::network::{GlobalLayoutJob, Rect, TemporalLayout, Vec2};
use powershift_core::view::ViewContext;

use crate::known_layout::KnownLayout;
use crate::state::{layout_config, Story};

/// How many change dates' layouts make the story's box, at most (evenly spread over the story).
const BOX_DATES: usize = 24;

/// Where a preparation is.
#[derive(Debug)]
enum Stage {
    /// The global layout, part-way.
    Global(GlobalLayoutJob),
    /// The box: the first `next` of the box's dates laid out, the union of their bounds so far.
    Bounds { layout: Rc<TemporalLayout>, next: usize, union: Option<Rect> },
    /// Done.
    Ready(Story),
}

/// A story being prepared (see the module documentation).
#[derive(Debug)]
pub struct Preparation {
    ds: Rc<Dataset>,
    url: String,
    ctx: Rc<ViewContext>,
    first_relaxed: Option<(Date, Rc<Vec<Vec2>>)>,
    /// The change dates whose layouts make the box ([`box_dates`]).
    dates: Vec<Date>,
    /// The ticks of the global layout and of the box's dates, for [`Preparation::progress`].
    weights: (f64, f64),
    stage: Stage,
}

impl Preparation {
    /// Starts preparing `ds` (from `url`) for a narrow (`compact`) or wide screen. With `known`
    /// (the build's layout of exactly this dataset) that fits, it is ready at once.
    pub fn new(ds: Rc<Dataset>, compact: bool, url: &str, known: Option<&KnownLayout>) -> Preparation {
        let ctx = Rc::new(ViewContext::of(&ds));
        let first_relaxed = known.and_then(KnownLayout::first_relaxed);
        let config = layout_config(compact);
        let dates = box_dates(&ctx);
        let weights = (config.global_ticks as f64, (dates.len() * config.relax_ticks) as f64);
        let given = known.and_then(|k| k.layout(&ds, compact).map(|l| (l, k.bounds())));
        let stage = match given {
            Some((layout, bounds)) => Stage::Ready(Story::assemble(
                ds.clone(),
                ctx.clone(),
                url,
                Rc::new(layout),
                bounds,
                first_relaxed.clone(),
            )),
            None => global_stage(&ds, config),
        };
        Preparation { ds, url: url.to_string(), ctx, first_relaxed, dates, weights, stage }
    }

    /// Does one step (a tick of the global layout, or one date's layout for the box); whether
    /// any work is left.
    pub fn step(&mut self) -> bool {
        if matches!(self.stage, Stage::Ready(_)) {
            return false;
        }
        self.lay_out_step();
        !matches!(self.stage, Stage::Ready(_))
    }

    /// [`Preparation::step`]'s work. Not inlined into it: the shipped story starts ready (its layout
    /// is the build's), so this code, the page's own layout of a story, comes with the rest of the
    /// page's WebAssembly, as does the force layout it runs.
    #[inline(never)]
    fn lay_out_step(&mut self) {
        match &mut self.stage {
            Stage::Global(job) => {
                if job.advance(1) {
                    self.stage = Stage::Bounds { layout: Rc::new(job.layout()), next: 0, union: None };
                }
            }
            Stage::Bounds { layout, next, union } if *next < self.dates.len() => {
                let l = layout.at(&self.ds, self.dates[*next]);
                if !l.nodes.is_empty() {
                    *union = Some(union.map_or(l.bounds, |u| u.union(&l.bounds)));
                }
                *next += 1;
            }
            Stage::Bounds { layout, union, .. } => {
                let bounds = union.unwrap_or(Rect::new(-200.0, -200.0, 200.0, 200.0)).inflate(24.0);
                let story = Story::assemble(
                    self.ds.clone(),
                    self.ctx.clone(),
                    &self.url,
                    layout.clone(),
                    bounds,
                    self.first_relaxed.clone(),
                );
                self.stage = Stage::Ready(story);
            }
            Stage::Ready(_) => {}
        }
    }

    /// How far it is, from 0 to 1: the global layout's ticks and the box's dates, each weighed by
    /// its ticks (a date's relaxation is `relax_ticks` ticks of its organisations).
    pub fn progress(&self) -> f64 {
        let (global, dates) = self.weights;
        match &self.stage {
            Stage::Global(job) => job.progress() * global / (global + dates),
            Stage::Bounds { next, .. } => {
                (global + dates * *next as f64 / self.dates.len().max(1) as f64) / (global + dates)
            }
            Stage::Ready(_) => 1.0,
        }
    }

    /// The organisations being laid out (for the reader's progress message).
    pub fn organisations(&self) -> usize {
        self.ds.organisations.len()
    }

    /// The story, once ready.
    pub fn story(&self) -> Option<&Story> {
        match &self.stage {
            Stage::Ready(story) => Some(story),
            _ => None,
        }
    }

    /// The story: the steps left, then the result.
    pub fn finish(mut self) -> Story {
        while self.step() {}
        match self.stage {
            Stage::Ready(story) => story,
            _ => unreachable!("step() returns false only when ready"),
        }
    }
}

/// The change dates whose layouts make the box: at most [`BOX_DATES`], evenly spread, and the
/// last one.
/// The first stage of a story laid out in the page. Not inlined, like [`Preparation::lay_out_step`].
#[inline(never)]
fn global_stage(ds: &Dataset, config: powershift_core::network::LayoutConfig) -> Stage {
    Stage::Global(GlobalLayoutJob::new(ds, config))
}

fn box_dates(ctx: &ViewContext) -> Vec<Date> {
    let step = ctx.change_dates.len().div_ceil(BOX_DATES).max(1);
    ctx.change_dates.iter().step_by(step).chain(ctx.change_dates.last()).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../crates/powershift-core/tests/res/story-frozen.json");

    /// Step by step, the preparation reports growing progress and ends with the layout and box a
    /// direct computation gives.
    #[test]
    fn steps_end_with_the_direct_layout_and_box() {
        let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
        let mut p = Preparation::new(ds.clone(), true, "data/story.json", None);
        let mut last = p.progress();
        assert_eq!(last, 0.0);
        let mut steps = 0;
        while p.step() {
            steps += 1;
            assert!(p.progress() >= last, "progress never goes back");
            assert!(p.story().is_none());
            last = p.progress();
        }
        assert!(steps > 400, "a tick a step, then a date a step ({steps})");
        assert_eq!(p.progress(), 1.0);
        let story = p.story().unwrap();
        let direct = TemporalLayout::new(&ds, layout_config(true));
        assert_eq!(story.layout.global, direct.global);
        let ctx = ViewContext::of(&ds);
        let laid_out = box_dates(&ctx).into_iter().map(|d| direct.at(&ds, d));
        let union = Rect::union_all(laid_out.filter(|l| !l.nodes.is_empty()).map(|l| l.bounds));
        assert_eq!(story.bounds, union.unwrap().inflate(24.0));
        assert_eq!(&*story.id, "story");
    }

    /// A layout the build recorded makes the story ready at once.
    #[test]
    fn a_known_layout_is_ready_at_once() {
        let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
        let known = crate::known_layout::KnownLayouts::of(ds.clone(), STORY, "x.json");
        let p = Preparation::new(ds, false, "x.json", Some(known.get(false)));
        assert_eq!(p.progress(), 1.0);
        assert!(p.story().is_some());
    }

    /// The box holds the earliest and the latest change dates and at most 25 dates.
    #[test]
    fn the_box_dates_span_the_story() {
        let ds = Dataset::from_json_str(STORY).unwrap();
        let ctx = ViewContext::of(&ds);
        let dates = box_dates(&ctx);
        assert!(dates.len() <= BOX_DATES + 1);
        assert_eq!(dates.first(), ctx.change_dates.first());
        assert_eq!(dates.last(), ctx.change_dates.last());
    }
}
