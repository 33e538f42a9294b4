//! The whole story as a dynamic GEXF 1.3 graph, for Gephi's timeline: every organisation is a node
//! present from the day it takes part (never leaving, as in the page), every relationship an edge
//! with one spell per phase and the phase's status, state, confidence and events as dynamic
//! attributes over the same spells.
//!
//! Spells are closed day intervals (`timeformat="date"`): a phase in force from `start` up to its
//! exclusive `end` is the spell `[start, end − 1 day]`; an open phase has no `end`. A spell starts
//! no earlier than both organisations exist (as `Dataset::network_at` requires), so the graph on
//! any day has exactly the nodes and edges of `powershift snapshot` for that day. Every edge is
//! `directed` (networkx refuses undirected edges in a directed graph); a relationship whose direction
//! does not matter says so in its `directed` attribute.

use std::fmt::Write as _;

use crate::date::Date;
use crate::model::Dataset;
use crate::svg::esc;

/// The GEXF text. O(organisations + phases).
///
/// ```
/// use powershift_core::{model::Dataset, export::gexf::gexf};
/// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
/// let g = gexf(&ds);
/// assert!(g.contains(r#"<graph mode="dynamic" defaultedgetype="directed" timeformat="date""#));
/// ```
pub fn gexf(ds: &Dataset) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta lastmodifieddate="{}">
    <creator>Power Shift (powershift export --format gexf)</creator>
    <description>{}</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">
    <attributes class="node" mode="static">
      <attribute id="name" title="name" type="string"/>
      <attribute id="short_name" title="short_name" type="string"/>
      <attribute id="kind" title="kind" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="label" title="relationship" type="string"/>
      <attribute id="directed" title="directed" type="boolean"/>
    </attributes>
    <attributes class="edge" mode="dynamic">
      <attribute id="status" title="status" type="string"/>
      <attribute id="state" title="state" type="string"/>
      <attribute id="confidence" title="confidence" type="string"/>
      <attribute id="events" title="events" type="string"/>
    </attributes>
    <nodes>
"#,
        ds.meta.as_of.start,
        esc(&ds.meta.title)
    );
    for (i, o) in ds.organisations.iter().enumerate() {
        let (r, g, b) = rgb(crate::scene::org_colour(o.kind));
        let _ = writeln!(
            out,
            r#"      <node id="{}" label="{}" start="{}"><attvalues><attvalue for="name" value="{}"/><attvalue for="short_name" value="{}"/><attvalue for="kind" value="{}"/></attvalues><viz:color r="{r}" g="{g}" b="{b}"/></node>"#,
            esc(&o.id),
            esc(&o.short_name),
            ds.first_seen(crate::model::OrgIx(i as u32)),
            esc(&o.name),
            esc(&o.short_name),
            o.kind.as_str()
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for r in &ds.relationships {
        let exists = ds.first_seen(r.from).max(ds.first_seen(r.to));
        let spells: Vec<(Date, Option<Date>, usize)> = r
            .phases
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let start = p.start.start.max(exists);
                let last = p.end.map(|e| e.start.add_days(-1));
                (last.is_none_or(|l| l >= start)).then_some((start, last, i))
            })
            .collect();
        if spells.is_empty() {
            continue;
        }
        let interval = |start: Date, last: Option<Date>| match last {
            Some(l) => format!(r#"start="{start}" end="{l}""#),
            None => format!(r#"start="{start}""#),
        };
        let (cr, cg, cb) = rgb(crate::scene::relation_colour(r.kind));
        let _ = write!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" label="{}"><attvalues><attvalue for="kind" value="{}"/><attvalue for="label" value="{}"/><attvalue for="directed" value="{}"/>"#,
            esc(&r.id),
            esc(&ds.org(r.from).id),
            esc(&ds.org(r.to).id),
            esc(&r.label),
            r.kind.as_str(),
            esc(&r.label),
            r.directed
        );
        for (start, last, i) in &spells {
            let p = &r.phases[*i];
            let span = interval(*start, *last);
            let events: Vec<&str> = p.events.iter().map(|e| ds.event(*e).id.as_str()).collect();
            let _ = write!(
                out,
                r#"<attvalue for="status" value="{}" {span}/><attvalue for="state" value="{}" {span}/><attvalue for="confidence" value="{}" {span}/><attvalue for="events" value="{}" {span}/>"#,
                esc(&p.status),
                p.state.as_str(),
                p.confidence.as_str(),
                esc(&events.join(" "))
            );
        }
        out.push_str("</attvalues><spells>");
        for (start, last, _) in &spells {
            let _ = write!(out, "<spell {}/>", interval(*start, *last));
        }
        let _ = writeln!(out, r#"</spells><viz:color r="{cr}" g="{cg}" b="{cb}"/></edge>"#);
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// `#rrggbb` → (r, g, b).
fn rgb(hex: &str) -> (u8, u8, u8) {
    let c = |i: usize| u8::from_str_radix(hex.get(1 + 2 * i..3 + 2 * i).unwrap_or("00"), 16).unwrap_or(0);
    (c(0), c(1), c(2))
}
