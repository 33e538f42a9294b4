//! The guided story (narrative mode): what each of the dataset's steps shows, and the step bar.
//!
//! A step's view is a set of deep-link values (`Dataset::story`, checked by validation). It is
//! resolved once per dataset into a [`StepPicture`] with the deep-link rules themselves
//! ([`set_link`]), so a step shows exactly what the same link would. The reducer
//! ([`crate::view::apply`]) moves to a step with [`Action::GoToStep`](crate::view::Action::GoToStep),
//! `NextStep` and `PrevStep`, and leaves the story as soon as the picture is no longer the step's
//! (the reader selected, filtered, focused or moved the date): [`ViewState::step`] is then `None`
//! and [`ViewState::left_step`] remembers where to go back to.
//!
//! ```text
//!   not started ──Start / ] / step=N──▶ in step i ──Next, Previous──▶ in step i±1
//!                                          │   ▲
//!                   select, filter, date…  ▼   │ Back to step i, Next, Previous
//!                                       left step i
//! ```

use std::collections::BTreeSet;

use crate::date::{Date, Precision};
use crate::model::{text_parts, Dataset, EventIx, OrgIx, RelationKind, Step, TextPart};
use crate::view::{set_link, Selection, ViewContext, ViewState};

/// What a step shows: the durable view it sets. Everything else (camera, pins, the search text, the
/// timeline's window) stays as the reader left it.
#[derive(Clone, Debug, PartialEq)]
pub struct StepPicture {
    /// The date.
    pub date: Date,
    /// How precisely the step's date is written.
    pub date_precision: Precision,
    /// The selection, if the step makes one.
    pub selection: Option<Selection>,
    /// Hidden relationship kinds.
    pub hidden_kinds: BTreeSet<RelationKind>,
    /// The focused organisation.
    pub focus_org: Option<OrgIx>,
}

impl StepPicture {
    /// The picture of a step: its deep-link values applied to the story's initial view, with the
    /// keys the step leaves out cleared. A value that does not resolve (validation rules that out)
    /// leaves that key at its initial value.
    pub fn of(step: &Step, ds: &Dataset, ctx: &ViewContext) -> StepPicture {
        let mut s = ViewState::initial(ctx);
        for (k, v) in step.view.link_pairs() {
            if let Ok(next) = set_link(&s, [(k, v.as_str())], ds, ctx) {
                s = next;
            }
        }
        StepPicture {
            date: s.date,
            date_precision: s.date_precision,
            selection: s.selection,
            hidden_kinds: s.hidden_kinds,
            focus_org: s.focus_org,
        }
    }

    /// Whether a view shows this picture (the date's precision aside: the same day is the same
    /// picture however it was written).
    pub fn is_shown_by(&self, s: &ViewState) -> bool {
        s.date == self.date
            && s.compare.is_none()
            && s.selection == self.selection
            && s.hidden_kinds == self.hidden_kinds
            && s.focus_org == self.focus_org
    }

    /// Sets the picture on a view; a date change is animated from the previous date, like any other.
    pub(crate) fn show(&self, s: &mut ViewState) {
        if s.date != self.date {
            s.previous_date = Some(s.date);
        }
        s.date = self.date;
        s.date_precision = self.date_precision;
        s.compare = None;
        s.selection = self.selection;
        s.hidden_kinds = self.hidden_kinds.clone();
        s.focus_org = self.focus_org;
    }
}

/// The picture of every step of a dataset, in order. `ctx` needs the range and change dates only.
/// O(steps · log n).
pub fn pictures(ds: &Dataset, ctx: &ViewContext) -> Vec<StepPicture> {
    ds.story.iter().map(|step| StepPicture::of(step, ds, ctx)).collect()
}

/// Where the reader is in the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryPlace {
    /// The story has not been started: the bar offers to start it.
    NotStarted,
    /// Step `i` is on view.
    InStep(usize),
    /// The reader left step `i` to explore: the bar offers to go back.
    Left(usize),
}

/// A piece of a step's text, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub enum StepTextPart {
    /// Words.
    Text(String),
    /// An event reference: a button that selects the event.
    Event {
        /// The event.
        event: EventIx,
        /// What the button shows: the event's date, as precisely as it is known ("22 July 2019").
        label: String,
        /// The button's accessible name and tooltip, which starts with the label: "22 July 2019:
        /// Microsoft invests $1B in OpenAI; Azure becomes its exclusive cloud".
        name: String,
    },
}

/// The step bar: everything it shows, decided here so the component only renders.
#[derive(Clone, Debug, PartialEq)]
pub struct StepBar {
    /// Where the reader is.
    pub place: StoryPlace,
    /// How many steps the story has.
    pub count: usize,
    /// Where the reader is, in words: "Step 3 of 9"; "You left step 3 of 9"; before the story
    /// starts, "The story in 9 steps".
    pub position: String,
    /// The step's title (empty before the story starts).
    pub title: String,
    /// The step's text, with its event references (empty before the story starts).
    pub text: Vec<StepTextPart>,
    /// Whether "Previous step" has somewhere to go.
    pub has_prev: bool,
    /// Whether "Next step" has somewhere to go.
    pub has_next: bool,
}

impl StepBar {
    /// The step bar for a view, or `None` when the story has no steps. O(text of one step).
    ///
    /// ```
    /// use powershift_core::model::Dataset;
    /// use powershift_core::story_steps::{StepBar, StoryPlace};
    /// use powershift_core::view::{apply, Action, ViewContext, ViewState};
    /// let ds = Dataset::from_json_str(include_str!("../tests/res/story-frozen.json")).unwrap();
    /// let ctx = ViewContext::of(&ds);
    /// let s = apply(&ViewState::initial(&ctx), Action::GoToStep(1), &ctx);
    /// let bar = StepBar::of(&ds, &s).unwrap();
    /// assert_eq!((bar.place, bar.position.as_str()), (StoryPlace::InStep(1), "Step 2 of 4"));
    /// ```
    pub fn of(ds: &Dataset, view: &ViewState) -> Option<StepBar> {
        let count = ds.story.len();
        if count == 0 {
            return None;
        }
        let place = match (view.step, view.left_step) {
            (Some(i), _) if i < count => StoryPlace::InStep(i),
            (_, Some(i)) if i < count => StoryPlace::Left(i),
            _ => StoryPlace::NotStarted,
        };
        let (position, title, text, has_prev, has_next) = match place {
            StoryPlace::NotStarted => {
                let position = format!("The story in {}", steps_words(count));
                (position, String::new(), Vec::new(), false, true)
            }
            StoryPlace::InStep(i) | StoryPlace::Left(i) => {
                let step = &ds.story[i];
                let position = match place {
                    StoryPlace::Left(_) => format!("You left step {} of {count}", i + 1),
                    _ => format!("Step {} of {count}", i + 1),
                };
                (position, step.title.clone(), parts(ds, step), i > 0, i + 1 < count)
            }
        };
        Some(StepBar { place, count, position, title, text, has_prev, has_next })
    }

    /// The button that goes back to the step the reader left: "Back to step 3".
    pub fn back_label(&self) -> Option<String> {
        match self.place {
            StoryPlace::Left(i) => Some(format!("Back to step {}", i + 1)),
            _ => None,
        }
    }

    /// What the polite live region says about the story: "Step 3 of 9: Stargate." while a step is on
    /// view, nothing otherwise (leaving the story is the reader's own doing).
    pub fn announcement(&self) -> Option<String> {
        match self.place {
            StoryPlace::InStep(_) => Some(format!("{}: {}.", self.position, self.title.trim_end_matches('.'))),
            _ => None,
        }
    }
}

/// "1 step", "9 steps".
fn steps_words(n: usize) -> String {
    if n == 1 {
        "1 step".into()
    } else {
        format!("{n} steps")
    }
}

/// A step's text with its references resolved (a reference to no event, which validation rules
/// out, stays as written).
fn parts(ds: &Dataset, step: &Step) -> Vec<StepTextPart> {
    text_parts(&step.text)
        .into_iter()
        .map(|p| match p {
            TextPart::Text(t) => StepTextPart::Text(t.to_string()),
            TextPart::Event(id) => match ds.event_ix(id) {
                Some(ix) => {
                    let e = ds.event(ix);
                    let label = e.date.to_words();
                    StepTextPart::Event { event: ix, name: format!("{label}: {}", e.title), label }
                }
                None => StepTextPart::Text(format!("[{id}]")),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{apply, from_query, to_query, Action};

    const STORY: &str = include_str!("../tests/res/story-frozen.json");

    fn setup() -> (Dataset, ViewContext, ViewState) {
        let ds = Dataset::from_json_str(STORY).unwrap();
        let ctx = ViewContext::of(&ds);
        let s = ViewState::initial(&ctx);
        (ds, ctx, s)
    }

    #[test]
    fn the_step_bar_says_where_the_reader_is() {
        let (ds, ctx, s0) = setup();
        let bar = StepBar::of(&ds, &s0).unwrap();
        assert_eq!(
            (bar.place, bar.position.as_str(), bar.has_prev, bar.has_next),
            (StoryPlace::NotStarted, "The story in 4 steps", false, true)
        );
        assert_eq!(bar.announcement(), None);
        let s = apply(&s0, Action::GoToStep(0), &ctx);
        let bar = StepBar::of(&ds, &s).unwrap();
        assert_eq!(
            (bar.place, bar.position.as_str(), bar.has_prev, bar.has_next),
            (StoryPlace::InStep(0), "Step 1 of 4", false, true)
        );
        assert_eq!(bar.title, ds.story[0].title);
        assert_eq!(bar.announcement(), Some(format!("Step 1 of 4: {}.", ds.story[0].title.trim_end_matches('.'))));
        let last = apply(&s0, Action::GoToStep(3), &ctx);
        let bar = StepBar::of(&ds, &last).unwrap();
        assert_eq!((bar.has_prev, bar.has_next), (true, false));
        let left = apply(&s, Action::LeaveStory, &ctx);
        let bar = StepBar::of(&ds, &left).unwrap();
        assert_eq!((bar.place, bar.position.as_str()), (StoryPlace::Left(0), "You left step 1 of 4"));
        assert_eq!(bar.back_label().as_deref(), Some("Back to step 1"));
        assert_eq!(bar.announcement(), None);
    }

    #[test]
    fn references_become_buttons_named_by_the_events_date_and_title() {
        let (ds, ctx, s0) = setup();
        let s = apply(&s0, Action::GoToStep(0), &ctx);
        let bar = StepBar::of(&ds, &s).unwrap();
        let e06 = ds.event_ix("E06").unwrap();
        let button = bar.text.iter().find(|p| matches!(p, StepTextPart::Event { event, .. } if *event == e06));
        let Some(StepTextPart::Event { label, name, .. }) = button else { panic!("no E06 button in {:?}", bar.text) };
        assert_eq!(label, "22 July 2019");
        assert_eq!(name, &format!("22 July 2019: {}", ds.event(e06).title));
        // Nothing of the reference syntax shows.
        for p in &bar.text {
            if let StepTextPart::Text(t) = p {
                assert!(!t.contains('['), "{t}");
            }
        }
    }

    #[test]
    fn a_story_without_steps_has_no_bar() {
        let ds = Dataset::from_json_str(include_str!("../tests/res/tiny.json")).unwrap();
        let ctx = ViewContext::of(&ds);
        assert!(ctx.steps.is_empty());
        let s = ViewState::initial(&ctx);
        assert_eq!(StepBar::of(&ds, &s), None);
        // The step actions do nothing there.
        for a in [Action::GoToStep(0), Action::NextStep, Action::PrevStep, Action::LeaveStory] {
            assert_eq!(apply(&s, a, &ctx), s);
        }
        assert_eq!(from_query("step=1", &ds, &ctx), s);
        assert_eq!(to_query(&s, &ds), to_query(&from_query("step=1", &ds, &ctx), &ds));
    }
}
