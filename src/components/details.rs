//! The details panel: an organisation with its relationships on the date; a relationship with its
//! phases as a small timeline and every event behind it; an event with its sources.

use powershift_core::date::Date;
use powershift_core::model::{Dataset, EventIx, OrgIx, RelIx};
use powershift_core::scene::{counts, details, org_colour, relation_colour};
use powershift_core::svg::num;
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::{use_app, Texts, ViewHandle};

/// The details panel.
#[function_component(Details)]
pub fn details() -> Html {
    let app = use_app();
    let ds = &app.story.ds;
    let view = &app.view;
    let date = view.view.date;
    let clear = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::Select(None)))
    };
    let back = {
        let came_from = app.came_from.clone();
        Callback::from(move |_: MouseEvent| {
            came_from.set(None);
            crate::platform::dom::return_to_place();
        })
    };
    // A selection the page opened with (a shared link, a story step) is detailed once the rest of
    // the page's WebAssembly is in: the details' code is there, and a slow network must not turn it
    // into a synchronous download at start. The network shows the selection meanwhile.
    // The same while the shipped story's texts (summaries, sources) are on their way: the page
    // shows it from the first part of its text (`powershift_core::model::first_part`).
    let rest_in = crate::hooks::use_rest_arrived();
    let body = match (&view.view.selection, &app.story.texts) {
        (Some(_), Texts::Missing(why)) => html! {
            <div class="empty"><p>{ format!("The details could not be loaded ({why}). Reload the page to try again.") }</p></div>
        },
        (Some(_), texts) if !rest_in || *texts == Texts::Coming => html! {
            <div class="empty"><p>{ "Loading the details…" }</p></div>
        },
        _ => match view.view.selection {
            None => html! {
                <div class="empty">
                    <p>{ "Select an organisation in the network, a line between two organisations, or an event on the timeline to see its details and sources." }</p>
                </div>
            },
            Some(Selection::Org(o)) => org_details(ds, o, date, view),
            Some(Selection::Rel(r)) => rel_details(ds, r, date, view),
            Some(Selection::Event(e)) => html! {
                <article class="event" data-testid="event-details"><ol class="events">{ event_card(ds, e, view, true, true) }</ol></article>
            },
            Some(Selection::Pair(a, b)) => pair_details(ds, a, b, date, view),
        },
    };
    html! {
        <section class="panel details" aria-labelledby="details-title" aria-live="polite">
            <div class="panel-head">
                <h2 id="details-title" tabindex="-1">{ "Details" }</h2>
                if let (Some(from), true) = (*app.came_from, view.view.selection.is_some()) {
                    <button type="button" class="link" onclick={back}>{ format!("Back to {from}") }</button>
                }
                if view.view.selection.is_some() {
                    <button type="button" class="link" onclick={clear}>{ "Clear selection" }</button>
                }
            </div>
            { body }
        </section>
    }
}

fn select(view: &ViewHandle, sel: Selection) -> Callback<MouseEvent> {
    let view = view.clone();
    Callback::from(move |_| view.dispatch(Action::Select(Some(sel))))
}

// Not inlined into the panel: nothing is selected at load, so its code comes with the rest of the
// page's WebAssembly (the panel's first-screen part is the hint alone).
#[inline(never)]
fn org_details(ds: &Dataset, o: OrgIx, date: Date, view: &ViewHandle) -> Html {
    let org = ds.org(o);
    let d = powershift_core::scene::org_details::org_details(ds, o, date);
    let words = view.view.date_words();
    let focus = {
        let view = view.clone();
        let on = view.view.focus_org == Some(o);
        Callback::from(move |_| view.dispatch(Action::FocusOrg(if on { None } else { Some(o) })))
    };
    let focused = view.view.focus_org == Some(o);
    let tie = |t: &powershift_core::scene::org_details::Tie| {
        html! { <li key={ds.rel(t.rel).id.clone()}>
            <button type="button" class="link" onclick={select(view, Selection::Rel(t.rel))}>{ t.text(ds) }</button>
            <span class="muted small">{ format!(" · {}", t.detail()) }</span>
        </li> }
    };
    html! {
        <article class="org" data-testid="org-details">
            <h3><span class="swatch round" style={format!("background:{}", org_colour(org.kind))}></span>{ &org.name }</h3>
            <p class="muted small">{ org.kind.label() }</p>
            <p>{ &org.description }</p>
            <h4>{ d.in_force_heading(&words) }</h4>
            if d.in_force() == 0 {
                <p class="muted">{ "None in force on this date." }</p>
            }
            { for d.groups.iter().map(|g| html! {
                <section class="tie-group" key={g.kind.as_str()}>
                    <h5><span class="swatch" style={format!("background:{}", relation_colour(g.kind))}></span>
                        { format!("{} ({})", g.kind.label(), g.ties.len()) }</h5>
                    <ul class="rel-list">{ for g.ties.iter().map(tie) }</ul>
                </section>
            }) }
            if !d.faded.is_empty() {
                <section class="tie-group faded">
                    <h5>{ d.faded_heading() }</h5>
                    <ul class="rel-list">{ for d.faded.iter().map(tie) }</ul>
                </section>
            }
            if !d.earlier.is_empty() {
                <details class="earlier">
                    <summary>{ d.earlier_heading(&words) }</summary>
                    <ul class="rel-list">{ for d.earlier.iter().map(tie) }</ul>
                </details>
            }
            <p class="small">
                <button type="button" class="link" onclick={focus} aria-pressed={focused.to_string()}>
                    { if focused { "Show every organisation's relationships" } else { "Show only this organisation's relationships" } }
                </button>
            </p>
            <details class="org-events">
                <summary>{ format!("{} involving {}, by date", counts::count(d.events.len(), "event", "events"), org.short_name) }</summary>
                <ol class="events">{ for d.events.iter().map(|e| event_card(ds, *e, view, false, false)) }</ol>
            </details>
        </article>
    }
}

/// A bundled line: every relationship between two organisations, those in force on the date first.
// Not inlined into the panel: nothing is selected at load, so its code comes with the rest of the
// page's WebAssembly (the panel's first-screen part is the hint alone).
#[inline(never)]
fn pair_details(ds: &Dataset, a: OrgIx, b: OrgIx, date: Date, view: &ViewHandle) -> Html {
    let p = details::pair_details(ds, a, b, date, &view.view.date_words());
    let item = |i: &details::PairItem| {
        html! { <li>
            <button type="button" class="link" onclick={select(view, Selection::Rel(i.rel))}>
                <span class="swatch" style={format!("background:{}", relation_colour(i.kind))}></span>
                { &i.text }
            </button>
            <span class="muted small">{ format!(" · {}", i.detail) }</span>
        </li> }
    };
    html! {
        <article class="pair" data-testid="pair-details">
            <h3>
                <button type="button" class="link" onclick={select(view, Selection::Org(a))}>{ &ds.org(a).short_name }</button>
                { " – " }
                <button type="button" class="link" onclick={select(view, Selection::Org(b))}>{ &ds.org(b).short_name }</button>
            </h3>
            <h4>{ &p.in_force_heading }</h4>
            if p.in_force.is_empty() {
                <p class="muted">{ "None in force on this date." }</p>
            } else {
                <ul class="rel-list">{ for p.in_force.iter().map(item) }</ul>
            }
            if !p.earlier.is_empty() {
                <h4>{ &p.earlier_heading }</h4>
                <ul class="rel-list">{ for p.earlier.iter().map(item) }</ul>
            }
        </article>
    }
}

// Not inlined into the panel: nothing is selected at load, so its code comes with the rest of the
// page's WebAssembly (the panel's first-screen part is the hint alone).
#[inline(never)]
fn rel_details(ds: &Dataset, r: RelIx, date: Date, view: &ViewHandle) -> Html {
    let rel = ds.rel(r);
    let d = details::rel_details(ds, r, date, &view.view.date_words());
    let (from, to) = (ds.org(rel.from), ds.org(rel.to));
    let (start, end) = ds.time_range();
    let span = f64::from((end.days() - start.days()).max(1));
    let x = |d: Date| (f64::from(d.days() - start.days()) / span * 100.0).clamp(0.0, 100.0);
    let current = rel.phase_on(date);
    html! {
        <article class="rel" data-testid="rel-details">
            <h3>
                <button type="button" class="link" onclick={select(view, Selection::Org(rel.from))}>{ &from.short_name }</button>
                { format!(" {} ", d.arrow) }
                <button type="button" class="link" onclick={select(view, Selection::Org(rel.to))}>{ &to.short_name }</button>
                { format!(": {}", rel.label) }
            </h3>
            <p class="muted small"><span class="swatch" style={format!("background:{}", relation_colour(rel.kind))}></span>{ &d.kind }</p>
            <h4>{ "Lifecycle" }</h4>
            <svg class="phases" viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label={d.lifecycle.clone()}>
                <rect x="0" y="6" width="100" height="2" class="phase-axis" />
                { for rel.phases.iter().enumerate().map(|(i, p)| {
                    let a = x(p.start.start);
                    let b = p.end.map_or(100.0, |e| x(e.start));
                    html! { <rect x={num(a)} y="3" width={num((b - a).max(0.6))} height="8"
                                  class={classes!("phase", (Some(i) == current).then_some("current"))}
                                  fill={relation_colour(rel.kind)} /> }
                }) }
                <line x1={num(x(date))} x2={num(x(date))} y1="0" y2="14" class="phase-now" />
            </svg>
            <ol class="phase-list">
                { for d.phases.iter().map(|p| html! {
                    <li class={classes!(p.current.is_some().then_some("current"))}>
                        <strong>{ &p.status }</strong>
                        <span class="muted small">{ format!(" · {}", p.span) }</span>
                        if let Some(u) = p.uncertain_start { <span class="muted small">{ format!(" · {u}") }</span> }
                        if let Some(s) = &p.summary { <p class="small">{ s }</p> }
                        if let Some(c) = &p.current { <p class="small tag">{ c }</p> }
                    </li>
                }) }
            </ol>
            <h4>{ &d.events_heading }</h4>
            <ol class="events">{ for d.events.iter().map(|e| event_card(ds, *e, view, false, true)) }</ol>
        </article>
    }
}

/// An event: date, title, amounts, summary, confidence (with its footnotes and conflicts) and its
/// sources (open or collapsed).
// Not inlined into the panel: nothing is selected at load, so its code comes with the rest of the
// page's WebAssembly (the panel's first-screen part is the hint alone).
#[inline(never)]
fn event_card(ds: &Dataset, e: EventIx, view: &ViewHandle, full: bool, open_sources: bool) -> Html {
    let c = details::event_card(ds, e);
    let id = ds.event(e).id.clone();
    let goto = {
        let view = view.clone();
        let d = c.date.start;
        Callback::from(move |_| {
            view.dispatch(Action::SetDate(d));
            view.dispatch(Action::Select(Some(Selection::Event(e))));
        })
    };
    let onmouseenter = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::Hover(Some(Selection::Event(e)))))
    };
    let onmouseleave = {
        let view = view.clone();
        Callback::from(move |_| view.dispatch(Action::Hover(None)))
    };
    html! {
        <li class="event-card" data-event={id} {onmouseenter} {onmouseleave}>
            <p class="event-date muted small">
                <time datetime={c.date.to_string()}>{ &c.when }</time>
                if let Some(n) = &c.date_note { { format!(" · {n}") } }
            </p>
            // Alone (the selected event) its title is the article's heading, under "Details".
            if full { <h3 class="event-title">{ &c.title }</h3> } else {
                <h5><button type="button" class="link" onclick={goto}>{ &c.title }</button></h5>
            }
            if !c.amounts.is_empty() {
                <ul class="amounts">{ for c.amounts.iter().map(|a| html! {
                    <li>
                        <strong>{ &a.value }</strong>
                        if let Some(l) = &a.label { <span class="muted">{ format!(" · {l}") }</span> }
                        if let Some(also) = &a.also { <span class="muted">{ format!(" · {also}") }</span> }
                    </li>
                }) }</ul>
            }
            <p>{ &c.summary }</p>
            <p class={classes!("confidence", format!("conf-{}", c.level.as_str()))}>
                <strong>{ format!("{}.", c.confidence) }</strong>
                if let Some(n) = &c.confidence_note { { format!(" {n}") } }
            </p>
            if !c.footnotes.is_empty() {
                <ul class="footnotes small muted">{ for c.footnotes.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            }
            if !c.conflicts.is_empty() {
                <ul class="conflicts small">{ for c.conflicts.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            }
            if full {
                <p class="small">{ "Involves: " }{ for c.involves.iter().enumerate().map(|(i, o)| html! { <>
                    if i > 0 { { ", " } }
                    <button type="button" class="link" onclick={select(view, Selection::Org(*o))}>{ &ds.org(*o).short_name }</button>
                </> }) }</p>
            }
            <details class="sources" open={open_sources}>
                <summary>{ &c.sources_heading }</summary>
                <ul>{ for c.sources.iter().map(|s| html! {
                    <li class={classes!(format!("source-{}", s.kind.as_str()), (!s.independent).then_some("not-independent"))}>
                        <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ &s.title }</a>
                        <span class="muted small">{ format!(" · {}", s.byline) }</span>
                        if let Some(n) = &s.note { <span class="muted small">{ format!(" ({n})") }</span> }
                        if !s.independent { <span class="muted small">{ format!(" · {}", details::NOT_INDEPENDENT) }</span> }
                    </li>
                }) }</ul>
            </details>
        </li>
    }
}
