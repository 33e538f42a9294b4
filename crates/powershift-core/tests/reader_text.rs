//! Every text the core makes for readers of the shipped story is words: no event id ("E79"), no
//! source slug ("roboaidigest"), no ISO date ("2026-02-27 or 2026-02-26"), no formula ("7 + 3·√n")
//! and no word said twice ("Investment (investment)"). Walks the summary, the legend's lines, the
//! sentence and the network's accessible names at every change date, the details of every
//! organisation, pair and relationship at those dates, every event's card and the money chart's
//! words (issue 10 §6).

use std::collections::BTreeSet;

use powershift_core::model::{Dataset, EventIx, OrgIx, RelIx};
use powershift_core::network::{LayoutConfig, TemporalLayout};
use powershift_core::scene::details::{event_card, pair_details, rel_details};
use powershift_core::scene::org_details::org_details;
use powershift_core::scene::words::{lint, Code};
use powershift_core::scene::{
    change_view, counts, money_readout, money_scene, network_scene, sentence, Counts, MoneyOptions, StoryCounts,
};
use powershift_core::view::{apply, Action, Selection, ViewContext, ViewState};

const SHIPPED: &str = include_str!("../../../static/data/powershift.json");

/// English words that are also the main label of a source's host (verdict.co.uk): not slugs.
const WORDS_THAT_ARE_HOSTS: &[&str] = &["verdict", "content", "particle", "edgy", "mercy", "news", "cloud", "tech"];

/// The main label of each source's host ("roboaidigest" for roboaidigest.com), the way a slug would
/// leak into a note.
fn host_labels(ds: &Dataset) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for s in ds.events.iter().flat_map(|e| &e.sources) {
        let host = s.url.split("://").nth(1).unwrap_or("").split(['/', '?', '#']).next().unwrap_or("");
        let mut labels: Vec<&str> = host.split('.').collect();
        labels.pop(); // the top-level domain
        if labels.len() > 1 && ["co", "com", "org", "net", "ac"].contains(labels.last().unwrap()) {
            labels.pop();
        }
        // On a hosting platform (particlenews.pages.dev, x.blogspot.com) the site is the label before.
        if labels.len() > 1 && ["pages", "blogspot", "github", "appspot", "substack"].contains(labels.last().unwrap()) {
            labels.pop();
        }
        if let Some(l) = labels.last().filter(|l| l.len() >= 4) {
            out.insert(l.to_lowercase());
        }
    }
    out
}

/// Lower-case words of `text` that are a source's host label, unless written as a domain
/// ("tmv.in"), as the publisher's own name ("inkl") or as an English word.
fn slugs(text: &str, hosts: &BTreeSet<String>, publishers: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_alphanumeric() {
            let start = i;
            while i < bytes.len() && (bytes[i].is_alphanumeric() || bytes[i] == '-') {
                i += 1;
            }
            let word: String = bytes[start..i].iter().collect();
            let domain = i + 1 < bytes.len() && bytes[i] == '.' && bytes[i + 1].is_ascii_lowercase();
            let after_dot = start > 0 && bytes[start - 1] == '.';
            if word.chars().all(|c| !c.is_uppercase())
                && hosts.contains(&word)
                && !domain
                && !after_dot
                && !publishers.contains(&word)
                && !WORDS_THAT_ARE_HOSTS.contains(&word.as_str())
            {
                found.push(word);
            }
        } else {
            i += 1;
        }
    }
    found
}

struct Texts {
    all: Vec<(String, String)>,
}

impl Texts {
    fn add(&mut self, place: impl Into<String>, text: impl Into<String>) {
        self.all.push((place.into(), text.into()));
    }
}

fn shipped() -> Dataset {
    Dataset::from_json_str(SHIPPED).unwrap()
}

/// Every reader-facing text the core makes for the shipped story.
fn reader_texts(ds: &Dataset) -> Texts {
    let mut t = Texts { all: Vec::new() };
    // The summary and "About the data".
    let m = &ds.meta;
    t.add("meta.title", &m.title);
    for (k, v) in
        [("subtitle", &m.subtitle), ("headline", &m.headline), ("description", &m.description), ("credit", &m.credit)]
    {
        if let Some(v) = v {
            t.add(format!("meta.{k}"), v);
        }
    }
    for n in &m.notes {
        t.add("meta.notes", n);
    }
    t.add("facts", StoryCounts::of(ds).words());
    t.add("definition", counts::DEFINITION);
    t.add("legend", counts::DISC_SIZE);
    t.add("legend", counts::PARALLEL);
    t.add("about", ds.source_strength_note());
    for o in &ds.organisations {
        t.add(format!("organisation {}", o.id), &o.description);
    }
    // Every event's card.
    for e in 0..ds.events.len() as u32 {
        for s in event_card(ds, EventIx(e)).texts() {
            t.add(format!("event {}", ds.event(EventIx(e)).id), s);
        }
    }
    // The sentence, the network and the details at every change date.
    let ctx = ViewContext::of(ds);
    let layout = TemporalLayout::new(ds, LayoutConfig::default());
    let series = powershift_core::money::commitments(ds);
    let money = money_scene(ds, &series, &MoneyOptions::default(), 600.0, 60.0);
    let initial = ViewState::initial(&ctx);
    let mut pairs: BTreeSet<(OrgIx, OrgIx)> = BTreeSet::new();
    for r in &ds.relationships {
        pairs.insert((r.from.min(r.to), r.from.max(r.to)));
    }
    for &date in &ctx.change_dates {
        let view = apply(&initial, Action::SetDate(date), &ctx);
        let words = view.date_words();
        let at = format!("on {words}");
        let change = change_view(ds, &ctx, &view);
        let s = sentence(ds, &view, change.as_ref(), Counts::on(ds, date));
        t.add(format!("sentence {at}"), &s.text);
        for more in &s.more {
            t.add(format!("sentence {at}"), more);
        }
        t.add(format!("snapshot {at}"), ds.describe_network(date, None));
        let lay = layout.at(ds, date);
        let scene = network_scene(ds, &lay, &view, None, change.as_ref());
        for n in &scene.nodes {
            t.add(format!("node {at}"), &n.description);
            t.add(format!("node {at}"), &n.label);
        }
        for e in &scene.edges {
            t.add(format!("line {at}"), &e.description);
            t.add(format!("line {at}"), &e.status);
        }
        for g in &scene.ghosts {
            t.add(format!("ended line {at}"), &g.description);
        }
        if let Some(a) = &scene.annotation {
            t.add(format!("annotation {at}"), &a.text);
        }
        for o in 0..ds.organisations.len() as u32 {
            let d = org_details(ds, OrgIx(o), date);
            let place = format!("details of {} {at}", ds.org(OrgIx(o)).id);
            t.add(&place, d.in_force_heading(&words));
            t.add(&place, d.faded_heading());
            t.add(&place, d.earlier_heading(&words));
            for tie in d.groups.iter().flat_map(|g| &g.ties).chain(&d.faded).chain(&d.earlier) {
                t.add(&place, tie.text(ds));
                t.add(&place, tie.detail());
            }
        }
        for &(a, b) in &pairs {
            let p = pair_details(ds, a, b, date, &words);
            let place = format!("pair {}–{} {at}", ds.org(a).id, ds.org(b).id);
            t.add(&place, &p.in_force_heading);
            t.add(&place, &p.earlier_heading);
            for i in p.in_force.iter().chain(&p.earlier) {
                t.add(&place, &i.text);
                t.add(&place, &i.detail);
            }
        }
        for r in 0..ds.relationships.len() as u32 {
            let d = rel_details(ds, RelIx(r), date, &words);
            let place = format!("relationship {} {at}", ds.rel(RelIx(r)).id);
            t.add(&place, &d.kind);
            t.add(&place, &d.lifecycle);
            t.add(&place, &d.events_heading);
            for p in &d.phases {
                t.add(&place, &p.status);
                t.add(&place, &p.span);
                t.extend_opt(&place, p.summary.as_deref());
                t.extend_opt(&place, p.current.as_deref());
            }
        }
        t.add(format!("money {at}"), money_readout(&series, &money, view.date_fuzzy()).summary);
        // A selection changes only emphasis, not words; one selected organisation is enough.
        let selected = apply(&view, Action::Select(Some(Selection::Org(OrgIx(0)))), &ctx);
        for n in &network_scene(ds, &lay, &selected, None, change.as_ref()).nodes {
            t.add(format!("node {at}, selected"), &n.description);
        }
    }
    for l in &money.lines {
        t.add("money line", &l.name);
    }
    t
}

trait ExtendOpt {
    fn extend_opt(&mut self, place: &str, text: Option<&str>);
}

impl ExtendOpt for Texts {
    fn extend_opt(&mut self, place: &str, text: Option<&str>) {
        if let Some(s) = text {
            self.add(place, s);
        }
    }
}

#[test]
fn no_id_slug_iso_date_formula_or_doubled_word_reaches_a_reader() {
    let ds = shipped();
    let texts = reader_texts(&ds);
    assert!(texts.all.len() > 10_000, "the walk covers the story: {} texts", texts.all.len());
    let hosts = host_labels(&ds);
    let publishers: BTreeSet<String> = ds.events.iter().flat_map(|e| &e.sources).map(|s| s.publisher.clone()).collect();
    // Each problem once, at the first place its text appears.
    let mut problems: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for (place, text) in &texts.all {
        for code in lint(text) {
            problems.entry(format!("{code:?} in {text:?}")).or_insert_with(|| place.clone());
        }
        for slug in slugs(text, &hosts, &publishers) {
            problems.entry(format!("slug {slug:?} in {text:?}")).or_insert_with(|| place.clone());
        }
    }
    let problems: Vec<String> = problems.into_iter().map(|(p, place)| format!("{place}: {p}")).collect();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_checks_catch_what_readers_reported() {
    let ds = shipped();
    let hosts = host_labels(&ds);
    let publishers: BTreeSet<String> = ds.events.iter().flat_map(|e| &e.sources).map(|s| s.publisher.clone()).collect();
    // The texts readers measured, before issue 10.
    assert_eq!(lint("four days earlier (E79)."), vec![Code::EventId("E79".into())]);
    assert_eq!(slugs("$2B (roboaidigest).", &hosts, &publishers), ["roboaidigest"]);
    assert!(slugs("$2B (RoboAI Digest), per tmv.in and inkl.", &hosts, &publishers).is_empty());
    assert_eq!(lint("Date reported as 2026-02-27 or 2026-02-26").len(), 2);
    assert_eq!(lint("Disc size: how many relationships (radius 7 + 3·√n)."), vec![Code::Formula]);
    assert_eq!(lint("Microsoft → OpenAI: Investment (investment), confirmed").len(), 1);
}
