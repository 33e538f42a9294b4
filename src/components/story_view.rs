//! The story screen: summary, sentence, scrubber, the story's step bar, network with details,
//! timeline, filters, money chart and legend, wired to one view state.

use std::rc::Rc;

use powershift_core::embed::EmbedOptions;
use powershift_core::scene::{change_view, play_step_ms, sentence, Counts};
use powershift_core::timeline::density;
use powershift_core::view::{Action, ViewState};
use yew::prelude::*;

use super::{
    Deferred, Details, EmbedFooter, Filters, MoneyPanel, NetworkView, Notes, Scrubber, Sentence, StepBar, Summary,
    SummaryFacts, TimelineView,
};
use crate::state::{AppContext, Story, ViewStore};

/// Props of [`StoryView`].
#[derive(Properties, PartialEq, Debug)]
pub struct StoryViewProps {
    /// The prepared story.
    pub story: Story,
    /// The state to start from (the deep link, or the initial state).
    pub initial: ViewState,
    /// Embed layout, title line, theme (from the page's URL).
    #[prop_or_default]
    pub options: Rc<EmbedOptions>,
}

/// The story screen.
#[function_component(StoryView)]
pub fn story_view(props: &StoryViewProps) -> Html {
    let story = props.story.clone();
    let view = {
        let ctx = story.ctx.clone();
        let initial = props.initial.clone();
        use_reducer(move || ViewStore { view: initial, ctx })
    };
    let date = view.view.date;
    let layout = {
        let story = story.clone();
        use_memo(date, move |d| Rc::new(story.layout_on(*d)))
    };
    let density = {
        let ds = story.ds.clone();
        use_memo((), move |_| Rc::new(density(&ds, 120)))
    };
    // The change on view (the last change, or the comparison) and the sentence that names it.
    let change = {
        let (story, v) = (story.clone(), view.view.clone());
        use_memo((date, view.view.compare), move |_| change_view(&story.ds, &story.ctx, &v).map(Rc::new))
    };
    let counts = {
        let v = &view.view;
        let shown = layout
            .edges
            .iter()
            .filter(|e| {
                let r = story.ds.rel(e.rel);
                v.shows_kind(r.kind) && v.focus_org.is_none_or(|o| r.from == o || r.to == o)
            })
            .count();
        Counts { organisations: layout.nodes.len(), in_force: layout.edges.len(), shown }
    };
    let sentence = {
        let (ds, v, change) = (story.ds.clone(), view.view.clone(), (*change).clone());
        use_memo((date, view.view.date_precision, view.view.compare, counts), move |(_, _, _, counts)| {
            Rc::new(sentence(&ds, &v, change.as_deref(), *counts))
        })
    };

    // Play at reading pace: each step lasts as long as its sentence needs, and holds while the
    // reader points at or focuses the graphic.
    let held = use_state(|| false);
    {
        let view = view.clone();
        crate::hooks::use_timeout(
            view.view.playing && !*held,
            play_step_ms(sentence.words()),
            date,
            Callback::from(move |_| view.dispatch(Action::PlayTick)),
        );
    }
    let hold_pointer = |on: bool| {
        let held = held.clone();
        Callback::from(move |_: PointerEvent| held.set(on))
    };
    let hold_focus = |on: bool| {
        let held = held.clone();
        Callback::from(move |_: FocusEvent| held.set(on))
    };
    // The other change dates' layouts, in the background once the page has settled, nearest to
    // the opening date first: a scrubber step then costs no layout (~2.6 ms of a step on a phone).
    // Their code is in the rest of the page's WebAssembly: they wait for it (a slow network must
    // not turn them into a synchronous download).
    let rest_in = crate::hooks::use_rest_arrived();
    {
        let story = story.clone();
        let ahead = std::cell::RefCell::new(None::<std::vec::IntoIter<powershift_core::date::Date>>);
        crate::hooks::use_background((story.clone(), rest_in), 2000, 16, move || {
            if !rest_in {
                return false;
            }
            let mut ahead = ahead.borrow_mut();
            let ahead = ahead.get_or_insert_with(|| story.ahead_of(date).into_iter());
            loop {
                match ahead.next() {
                    Some(d) if story.lay_out(d) => return true,
                    Some(_) => continue,
                    None => return false,
                }
            }
        });
    }
    // Deep link, history and the host page of an embed.
    crate::hooks::use_link_sync(view.clone(), story.clone(), props.options.clone());
    // The story screen's first render, for profiles of the load (from the dataset's arrival).
    use_effect_with((), |_| crate::platform::timing::measure("story screen"));
    // Escape clears the selection, wherever the focus is (also after a mouse click).
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let listener = crate::platform::dom::on_keydown(move |e| {
                if e.key() == "Escape" {
                    view.dispatch(Action::Select(None));
                }
            });
            move || drop(listener)
        });
    }

    // The guided story: `[` and `]` go to the previous and next step while the focus is in the story
    // area (the step bar, the sentence, the network and its details), unless the reader is typing.
    let has_steps = !story.ds.story.is_empty();
    let step_keys = {
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !has_steps || e.ctrl_key() || e.meta_key() || e.alt_key() || crate::platform::events::is_typing(&e) {
                return;
            }
            let action = match e.key().as_str() {
                "[" => Action::PrevStep,
                "]" => Action::NextStep,
                _ => return,
            };
            e.prevent_default();
            view.dispatch(action);
        })
    };
    let step_note = powershift_core::story_steps::StepBar::of(&story.ds, &view.view)
        .and_then(|bar| bar.announcement())
        .map(AttrValue::from);

    let came_from = use_state(|| None::<&'static str>);
    let context = AppContext { story: story.clone(), view: view.clone(), came_from, options: props.options.clone() };
    // The step bar, the sentence, the network and the details: the graphic itself, the same in the
    // page and in an embed; play holds while the reader points at or focuses it.
    let graphic = html! {
        <div class="held-area" onpointerenter={hold_pointer(true)} onpointerleave={hold_pointer(false)}
             onfocusin={hold_focus(true)} onfocusout={hold_focus(false)} onkeydown={step_keys}>
            <StepBar />
            <Sentence sentence={(*sentence).clone()} step={step_note} />
            // The first screen's heaviest pieces, each in its own task in the browser (see `Deferred`).
            <div class="main-grid">
                <Deferred order={1} prerendered=true min_height={340}>
                    <NetworkView layout={(*layout).clone()} change={(*change).clone()} />
                </Deferred>
                <Deferred order={3} prerendered=true hand_over=true min_height={200}><Details /></Deferred>
            </div>
        </div>
    };
    if props.options.embed {
        let facts = SummaryFacts::of(&story.ds);
        return html! {
            <ContextProvider<AppContext> {context}>
            <div class={classes!("story", "embed", has_steps.then_some("has-steps"))}>
                if props.options.title { <h1 class="embed-title">{ &facts.title }</h1> }
                <Deferred order={0} prerendered=true min_height={120}><Scrubber density={(*density).clone()} /></Deferred>
                { graphic }
                <EmbedFooter credit={story.ds.meta.credit.clone()} as_of={facts.as_of.clone()} theme={props.options.theme} />
            </div>
            </ContextProvider<AppContext>>
        };
    }
    html! {
        <ContextProvider<AppContext> {context}>
        <div class={classes!("story", has_steps.then_some("has-steps"))}>
            <Summary facts={SummaryFacts::of(&story.ds)} />
            <Deferred order={0} prerendered=true min_height={120}><Scrubber density={(*density).clone()} /></Deferred>
            { graphic }
            // Below the first screen: each in its own task after it (see `Deferred`).
            <Deferred order={4} min_height={420}><TimelineView density={(*density).clone()} /></Deferred>
            <div class="lower-grid">
                <Deferred order={6} min_height={300}><Filters /></Deferred>
                <Deferred order={7} min_height={300}><MoneyPanel /></Deferred>
            </div>
            <Deferred order={8} min_height={200}><Notes dataset={story.ds.clone()} /></Deferred>
        </div>
        </ContextProvider<AppContext>>
    }
}
