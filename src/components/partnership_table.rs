//! The partnership table: the relationships in force on the date, one row each, sortable by any
//! column (`aria-sort`), following the date, filters, focus and search, with the selection linked
//! both ways; a second tab lists the organisations with their partners. The accessible alternative
//! to the picture (see `powershift_core::scene::table`).

use powershift_core::scene::group_colour;
use powershift_core::scene::table::{caption, org_rows, relationship_rows, sort_rows, Column, Direction};
use powershift_core::view::{Action, Selection};
use yew::prelude::*;

use crate::state::use_app;

/// Which list the table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Relationships,
    Organisations,
}

/// The table.
#[function_component(PartnershipTable)]
pub fn partnership_table() -> Html {
    let app = use_app();
    let (ds, view) = (&app.story.ds, &app.view);
    let texts_in = app.story.texts == crate::state::Texts::In;
    let tab = use_state(|| Tab::Relationships);
    let sort = use_state(|| None::<(Column, Direction)>);

    let mut rows = relationship_rows(ds, &view.view);
    if let Some((c, d)) = *sort {
        sort_rows(&mut rows, c, d);
    }
    let orgs = org_rows(ds, &view.view, &rows);
    let selection = view.view.selection;
    let select = |sel: Selection| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.dispatch(Action::Select(Some(sel))))
    };
    let tab_button = |t: Tab, label: String, id: &'static str, panel: &'static str| {
        let on = *tab == t;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_| tab.set(t))
        };
        html! {
            <button type="button" role="tab" {id} aria-selected={on.to_string()} aria-controls={panel}
                    tabindex={if on { "0" } else { "-1" }} {onclick}>{ label }</button>
        }
    };
    // Arrow keys move between the two tabs (the tablist pattern).
    let onkeydown = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight" | "Home" | "End") {
                e.prevent_default();
                tab.set(if *tab == Tab::Relationships { Tab::Organisations } else { Tab::Relationships });
            }
        })
    };
    let header = |c: Column| {
        let state = sort.and_then(|(sc, d)| (sc == c).then_some(d));
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_| {
                let next = match *sort {
                    Some((sc, Direction::Ascending)) if sc == c => Direction::Descending,
                    _ => Direction::Ascending,
                };
                sort.set(Some((c, next)));
            })
        };
        let arrow = match state {
            Some(Direction::Ascending) => " ▲",
            Some(Direction::Descending) => " ▼",
            None => "",
        };
        html! {
            <th scope="col" aria-sort={state.map(|d| d.aria())}>
                <button type="button" class="sort" {onclick}>{ c.label() }<span aria-hidden="true">{ arrow }</span></button>
            </th>
        }
    };
    let is_selected = |rel| match selection {
        Some(Selection::Rel(r)) => r == rel,
        Some(Selection::Pair(a, b)) => {
            let r = ds.rel(rel);
            (r.from == a && r.to == b) || (r.from == b && r.to == a)
        }
        Some(Selection::Org(o)) => {
            let r = ds.rel(rel);
            r.from == o || r.to == o
        }
        _ => false,
    };

    html! {
        <div class="partnership-table">
            <div role="tablist" aria-label="Table of" class="table-tabs" {onkeydown}>
                { tab_button(Tab::Relationships, format!("Relationships ({})", rows.len()), "tab-rels", "panel-rels") }
                { tab_button(Tab::Organisations, format!("Organisations ({})", orgs.len()), "tab-orgs", "panel-orgs") }
            </div>
            if *tab == Tab::Relationships {
                <div role="tabpanel" id="panel-rels" aria-labelledby="tab-rels" class="table-scroll" tabindex="0">
                    <table>
                        <caption>{ caption(ds, &view.view, rows.len()) }</caption>
                        <thead><tr>{ for Column::ALL.iter().map(|c| header(*c)) }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| {
                                let on = is_selected(r.rel);
                                html! {
                                    <tr class={classes!(on.then_some("selected"))} data-rel={ds.rel(r.rel).id.clone()}>
                                        <th scope="row">
                                            <button type="button" class="link" aria-current={on.then_some("true")}
                                                    onclick={select(Selection::Rel(r.rel))}>{ &r.organisations }</button>
                                        </th>
                                        <td><svg class="chip-line" viewBox="0 0 20 10" aria-hidden="true">
                                            <line x1="1" y1="5" x2="19" y2="5" stroke={group_colour(r.group)} stroke-width="3" stroke-linecap="round" />
                                        </svg>{ r.kind }</td>
                                        <td>{ &r.phase }</td>
                                        <td>{ &r.since }</td>
                                        <td>{ &r.money }</td>
                                        <td>{ r.confidence }</td>
                                        // The sources are counted from the story's whole text, which may
                                        // still be on its way (`crate::state::Texts`).
                                        <td class="num">{ if texts_in { r.sources.to_string() } else { "…".to_string() } }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            } else {
                <div role="tabpanel" id="panel-orgs" aria-labelledby="tab-orgs" class="table-scroll" tabindex="0">
                    <table>
                        <caption>{ format!("Organisations on {}, by number of partners.", view.view.date_words()) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Organisation" }</th><th scope="col">{ "Kind" }</th>
                            <th scope="col">{ "Partners" }</th><th scope="col">{ "Relationships" }</th>
                        </tr></thead>
                        <tbody>
                            { for orgs.iter().map(|o| {
                                let on = selection == Some(Selection::Org(o.org));
                                html! {
                                    <tr class={classes!(on.then_some("selected"))}>
                                        <th scope="row"><button type="button" class="link" aria-current={on.then_some("true")}
                                            onclick={select(Selection::Org(o.org))}>{ &o.name }</button></th>
                                        <td>{ o.kind }</td><td class="num">{ o.partners }</td><td class="num">{ o.relationships }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
