//! The details panel: an organisation with its relationships on the date; a relationship with its
//! phases as a small timeline and every event behind it; an event with its sources.

use powershift_core::date::Date;
use powershift_core::model::{Dataset, EventIx, OrgIx, RelIx};
use powershift_core::scene::{org_colour, relation_colour};
use powershift_core::svg::num;
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::{use_app, ViewHandle};

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
    let body = match view.view.selection {
        None => html! {
            <div class="empty">
                <p>{ "Select an organisation in the network, a line between two organisations, or an event on the timeline to see its details and sources." }</p>
            </div>
        },
        Some(Selection::Org(o)) => org_details(ds, o, date, view),
        Some(Selection::Rel(r)) => rel_details(ds, r, date, view),
        Some(Selection::Event(e)) => html! { <ol class="events">{ event_card(ds, e, view, true, true) }</ol> },
        Some(Selection::Pair(a, b)) => pair_details(ds, a, b, date, view),
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

fn org_details(ds: &Dataset, o: OrgIx, date: Date, view: &ViewHandle) -> Html {
    let org = ds.org(o);
    let d = powershift_core::scene::org_details::org_details(ds, o, date);
    let focus = {
        let view = view.clone();
        let on = view.view.focus_org == Some(o);
        Callback::from(move |_| view.dispatch(Action::FocusOrg(if on { None } else { Some(o) })))
    };
    let focused = view.view.focus_org == Some(o);
    let tie = |t: &powershift_core::scene::org_details::Tie| {
        let r = ds.rel(t.rel);
        let arrow = if t.outgoing { "→" } else { "←" };
        html! { <li key={r.id.clone()}>
            <button type="button" class="link" onclick={select(view, Selection::Rel(t.rel))}>
                { format!("{arrow} {}: {}", ds.org(t.other).short_name, r.label) }
            </button>
            <span class="muted small">{ format!(" · {} · since {}", t.status, t.since.to_words()) }</span>
        </li> }
    };
    html! {
        <article class="org" data-testid="org-details">
            <h3><span class="swatch round" style={format!("background:{}", org_colour(org.kind))}></span>{ &org.name }</h3>
            <p class="muted small">{ org.kind.label() }</p>
            <p>{ &org.description }</p>
            <h4>{ format!("Relationships on {} ({})", view.view.date_words(), d.in_force()) }</h4>
            if d.groups.is_empty() {
                <p class="muted">{ "None in force on this date." }</p>
            }
            { for d.groups.iter().map(|g| html! {
                <section class="tie-group" key={g.kind.as_str()}>
                    <h5><span class="swatch" style={format!("background:{}", relation_colour(g.kind))}></span>
                        { format!("{} ({})", g.kind.label(), g.ties.len()) }</h5>
                    <ul class="rel-list">{ for g.ties.iter().map(tie) }</ul>
                </section>
            }) }
            if !d.earlier.is_empty() {
                <details class="earlier">
                    <summary>{ format!("Earlier, ended or historical ({})", d.earlier.len()) }</summary>
                    <ul class="rel-list">{ for d.earlier.iter().map(tie) }</ul>
                </details>
            }
            <p class="small">
                <button type="button" class="link" onclick={focus} aria-pressed={focused.to_string()}>
                    { if focused { "Show every organisation's relationships" } else { "Show only this organisation's relationships" } }
                </button>
            </p>
            <details class="org-events">
                <summary>{ format!("{} events involving {}, by date", d.events.len(), org.short_name) }</summary>
                <ol class="events">{ for d.events.iter().map(|e| event_card(ds, *e, view, false, false)) }</ol>
            </details>
        </article>
    }
}

/// A bundled line: every agreement between two organisations, those in force on the date first.
fn pair_details(ds: &Dataset, a: OrgIx, b: OrgIx, date: Date, view: &ViewHandle) -> Html {
    let net = ds.network_at(date);
    let between = |r: &powershift_core::model::Relationship| (r.from == a && r.to == b) || (r.from == b && r.to == a);
    let in_force: Vec<_> = net.edges.iter().filter(|e| between(ds.rel(e.rel))).collect();
    let earlier: Vec<RelIx> = (0..ds.relationships.len() as u32)
        .map(RelIx)
        .filter(|r| between(ds.rel(*r)) && !in_force.iter().any(|e| e.rel == *r))
        .collect();
    let words = view.view.date_words();
    let item = |r: RelIx, status: Option<&str>| {
        let rel = ds.rel(r);
        html! { <li>
            <button type="button" class="link" onclick={select(view, Selection::Rel(r))}>
                <span class="swatch" style={format!("background:{}", relation_colour(rel.kind))}></span>
                { format!("{} {} {}: {}", ds.org(rel.from).short_name, if rel.directed { "→" } else { "–" }, ds.org(rel.to).short_name, rel.label) }
            </button>
            <span class="muted small">{ format!(" · {}", status.unwrap_or(rel.kind.label())) }</span>
        </li> }
    };
    html! {
        <article class="pair" data-testid="pair-details">
            <h3>
                <button type="button" class="link" onclick={select(view, Selection::Org(a))}>{ &ds.org(a).short_name }</button>
                { " – " }
                <button type="button" class="link" onclick={select(view, Selection::Org(b))}>{ &ds.org(b).short_name }</button>
            </h3>
            <h4>{ format!("Agreements in force on {words} ({})", in_force.len()) }</h4>
            if in_force.is_empty() {
                <p class="muted">{ "None in force on this date." }</p>
            } else {
                <ul class="rel-list">{ for in_force.iter().map(|e| item(e.rel, Some(ds.rel(e.rel).phases[e.phase].status.as_str()))) }</ul>
            }
            if !earlier.is_empty() {
                <h4>{ format!("Not in force on {words} ({})", earlier.len()) }</h4>
                <ul class="rel-list">{ for earlier.iter().map(|r| item(*r, None)) }</ul>
            }
        </article>
    }
}

fn rel_details(ds: &Dataset, r: RelIx, date: Date, view: &ViewHandle) -> Html {
    let rel = ds.rel(r);
    let (from, to) = (ds.org(rel.from), ds.org(rel.to));
    let (start, end) = ds.time_range();
    let span = f64::from((end.days() - start.days()).max(1));
    let x = |d: Date| (f64::from(d.days() - start.days()) / span * 100.0).clamp(0.0, 100.0);
    let current = rel.phase_on(date);
    let mut events: Vec<EventIx> = rel.phases.iter().flat_map(|p| p.events.iter().copied()).collect();
    events.sort_by_key(|e| (ds.event(*e).date.start, e.0));
    events.dedup();
    html! {
        <article class="rel" data-testid="rel-details">
            <h3>
                <button type="button" class="link" onclick={select(view, Selection::Org(rel.from))}>{ &from.short_name }</button>
                { if rel.directed { " → " } else { " – " } }
                <button type="button" class="link" onclick={select(view, Selection::Org(rel.to))}>{ &to.short_name }</button>
                { format!(": {}", rel.label) }
            </h3>
            <p class="muted small"><span class="swatch" style={format!("background:{}", relation_colour(rel.kind))}></span>{ rel.kind.label() }</p>
            <h4>{ "Lifecycle" }</h4>
            <svg class="phases" viewBox="0 0 100 14" preserveAspectRatio="none" role="img"
                 aria-label={format!("{} phases between {} and {}", rel.phases.len(), start.year(), end.year())}>
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
                { for rel.phases.iter().enumerate().map(|(i, p)| html! {
                    <li class={classes!((Some(i) == current).then_some("current"))}>
                        <strong>{ &p.status }</strong>
                        <span class="muted small">{ format!(" · {} – {}{}",
                            p.start.to_words(),
                            p.end.map_or("ongoing".to_string(), |e| e.to_words()),
                            if p.end_scheduled { " (scheduled)" } else { "" }) }</span>
                        if p.start_uncertain { <span class="muted small">{ " · start not documented; shown from this date" }</span> }
                        if let Some(s) = &p.summary { <p class="small">{ s }</p> }
                        if Some(i) == current { <p class="small tag">{ format!("In force on {}", view.view.date_words()) }</p> }
                    </li>
                }) }
            </ol>
            <h4>{ format!("Events ({})", events.len()) }</h4>
            <ol class="events">{ for events.iter().map(|e| event_card(ds, *e, view, false, true)) }</ol>
        </article>
    }
}

/// An event: date, title, amounts, summary, confidence and its sources (open or collapsed).
fn event_card(ds: &Dataset, e: EventIx, view: &ViewHandle, full: bool, open_sources: bool) -> Html {
    let ev = ds.event(e);
    let goto = {
        let view = view.clone();
        let d = ev.date.start;
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
        <li class="event-card" data-event={ev.id.clone()} {onmouseenter} {onmouseleave}>
            <p class="event-date muted small">
                <time datetime={ev.date.to_string()}>{ ev.date.to_words() }</time>
                if let Some(end) = ev.end { { format!(" – {}", end.to_words()) } }
                if let Some(n) = &ev.date_note { { format!(" · {n}") } }
            </p>
            <h5>
                if full { { &ev.title } } else {
                    <button type="button" class="link" onclick={goto}>{ &ev.title }</button>
                }
            </h5>
            if !ev.amounts.is_empty() {
                <ul class="amounts">{ for ev.amounts.iter().map(|a| html! {
                    <li>
                        <strong>{ a.describe() }</strong>
                        if let Some(l) = &a.label { <span class="muted">{ format!(" · {l}") }</span> }
                        if !a.alternatives.is_empty() {
                            <span class="muted">{ format!(" · also reported: {}", a.alternatives.iter().map(|v| powershift_core::model::Amount { value: *v, ..a.clone() }.compact_value()).collect::<Vec<_>>().join(", ")) }</span>
                        }
                    </li>
                }) }</ul>
            }
            <p>{ &ev.summary }</p>
            <p class={classes!("confidence", format!("conf-{}", ev.confidence.level.as_str()))}>
                <strong>{ ev.confidence_line() }</strong>
                if let Some(n) = &ev.confidence.note { { format!(": {n}") } }
            </p>
            if !ev.confidence.conflicts.is_empty() {
                <ul class="conflicts small">{ for ev.confidence.conflicts.iter().map(|c| html! {
                    <li>{ format!("{} reported as {}", c.about.label(), c.values.join(" or ")) }
                        if let Some(n) = &c.note { <span class="muted">{ format!(" ({n})") }</span> }</li>
                }) }</ul>
            }
            if full {
                <p class="small">{ "Involves: " }{ for ev.organisations.iter().enumerate().map(|(i, o)| html! { <>
                    if i > 0 { { ", " } }
                    <button type="button" class="link" onclick={select(view, Selection::Org(*o))}>{ &ds.org(*o).short_name }</button>
                </> }) }</p>
            }
            <details class="sources" open={open_sources}>
                <summary>{ format!("{} source{}", ev.sources.len(), if ev.sources.len() == 1 { "" } else { "s" }) }</summary>
                <ul>{ for ev.sources_strongest_first().into_iter().map(|s| html! {
                    <li class={format!("source-{}", s.kind.as_str())}>
                        <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{ &s.title }</a>
                        <span class="muted small">{ format!(" · {}", s.byline()) }
                            { s.date.map(|d| format!(", {}", d.to_words())).unwrap_or_default() }</span>
                        if let Some(n) = &s.note { <span class="muted small">{ format!(" ({n})") }</span> }
                    </li>
                }) }</ul>
            </details>
        </li>
    }
}
