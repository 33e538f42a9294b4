//! The date scrubber: a native range input (so screen readers and keyboards get a real slider),
//! the date in words, play/pause, previous/next change, and the event-density strip behind it.

use powershift_core::date::Date;
use powershift_core::svg::num;
use powershift_core::timeline::Bin;
use powershift_core::view::Action;
use yew::prelude::*;

use crate::platform::events::value_of;
use crate::state::use_app;

/// Props of [`Scrubber`].
#[derive(Properties, Debug)]
pub struct ScrubberProps {
    /// Event density over the story (for the strip), computed once per story.
    pub density: std::rc::Rc<Vec<Bin>>,
}

/// By the density's address (it is computed once per story), not bin by bin on every date change.
impl PartialEq for ScrubberProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.density, &other.density)
    }
}

/// A 24×24 icon from one path (drawn, not a font glyph, so it shows on every system).
fn icon(d: &'static str) -> Html {
    html! { <svg class="btn-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={d} /></svg> }
}

/// The scrubber.
#[function_component(Scrubber)]
pub fn scrubber(props: &ScrubberProps) -> Html {
    let app = use_app();
    let view = &app.view;
    let ctx = &app.story.ctx;
    let (start, end) = ctx.range;
    let date = view.view.date;
    let max = end.days() - start.days();
    let value = date.days() - start.days();

    let oninput = {
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(v) = value_of(&e).parse::<i32>() {
                view.dispatch(Action::SetDate(Date::from_days(start.days() + v)));
            }
        })
    };
    // Keyboard: arrows move a month, PageUp/PageDown a year, Home/End to the ends.
    let onkeydown = {
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => Some(Action::StepMonths(1)),
                "ArrowLeft" | "ArrowDown" => Some(Action::StepMonths(-1)),
                "PageUp" => Some(Action::StepMonths(12)),
                "PageDown" => Some(Action::StepMonths(-12)),
                "Home" => Some(Action::Home),
                "End" => Some(Action::End),
                _ => None,
            };
            if let Some(a) = action {
                e.prevent_default();
                view.dispatch(a);
            }
        })
    };
    let step = |dir: i32| {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::StepChange(dir)))
    };
    let toggle = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::TogglePlay))
    };
    let playing = view.view.playing;
    let has_prev = ctx.previous_change(date).is_some() || date > start;
    let has_next = ctx.next_change(date).is_some();

    let peak = props.density.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let n = props.density.len().max(1) as f64;
    // One path of bars, not one element per bar: ~120 fewer elements to create at load.
    let bars: String = props
        .density
        .iter()
        .enumerate()
        .filter(|(_, b)| b.count > 0)
        .map(|(i, b)| {
            let h = f64::from(b.count) / f64::from(peak) * 100.0;
            format!(
                "M{} {}h{}v{}h-{}z",
                num(i as f64 / n * 100.0),
                num(100.0 - h),
                num(100.0 / n * 0.85),
                num(h),
                num(100.0 / n * 0.85)
            )
        })
        .collect();
    let marker = f64::from(value) / f64::from(max.max(1)) * 100.0;
    // Year ticks for phones: every other year, where they start on the slider's scale.
    let years: Vec<(i32, f64)> = ((start.year() + 1)..=end.year())
        .filter(|y| (y - start.year()) % 2 == 1 || end.year() - start.year() <= 6)
        .filter_map(|y| Date::from_ymd(y, 1, 1))
        .map(|d| (d.year(), f64::from(d.days() - start.days()) / f64::from(max.max(1)) * 100.0))
        .collect();

    html! {
        <section class="panel scrubber" aria-label="Date">
            <div class="scrubber-row">
                <button type="button" class="icon big" onclick={step(-1)} disabled={!has_prev}
                        aria-label="Previous change" title="Previous change">{ icon("M6 5h2v14H6zM20 5v14L9 12z") }</button>
                <button type="button" class="icon big play" onclick={toggle} aria-pressed={playing.to_string()}
                        aria-label={if playing { "Pause" } else { "Play through the changes" }}
                        title={if playing { "Pause" } else { "Play" }}>{ if playing { icon("M7 5h4v14H7zM13 5h4v14h-4z") } else { icon("M7 4v16l13-8z") } }</button>
                <button type="button" class="icon big" onclick={step(1)} disabled={!has_next}
                        aria-label="Next change" title="Next change">{ icon("M16 5h2v14h-2zM4 5v14l11-7z") }</button>
                <div class="slider-wrap">
                    <svg class="density" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
                        <path class="density-bars" d={bars} />
                        <line x1={num(marker)} x2={num(marker)} y1="0" y2="100" class="density-marker" />
                    </svg>
                    <label for="date-slider" class="visually-hidden">{ "Date" }</label>
                    <input id="date-slider" type="range" min="0" max={max.to_string()} step="1" value={value.to_string()}
                           aria-valuetext={view.view.date_words()} {oninput} {onkeydown} />
                </div>
                <output for="date-slider" class="date-words" aria-live="off" data-testid="current-date">{ view.view.date_words() }</output>
            </div>
            <div class="scrubber-years" aria-hidden="true">
                { for years.iter().map(|(y, pct)| html! { <span style={format!("left:{}%", num(*pct))}>{ y }</span> }) }
            </div>
            <div class="scrubber-scale muted small" aria-hidden="true">
                <span>{ start.year() }</span><span>{ end.year() }</span>
            </div>
        </section>
    }
}
