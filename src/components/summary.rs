//! The story's summary: title, date range, and how much it covers.

use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::scene::counts::{StoryCounts, DEFINITION};
use yew::prelude::*;

/// The figures the summary shows, derived from a dataset (pure, tested natively).
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryFacts {
    /// Story title.
    pub title: String,
    /// Optional subtitle.
    pub subtitle: Option<String>,
    /// The finding in one line, shown instead of the subtitle when the data has one.
    pub headline: Option<String>,
    /// First date of the range.
    pub start: Date,
    /// Last date of the range.
    pub end: Date,
    /// Events, organisations, relationships and phases over the whole story.
    pub counts: StoryCounts,
    /// Data checked as of.
    pub as_of: String,
}

impl SummaryFacts {
    /// The facts of a dataset.
    pub fn of(ds: &Dataset) -> SummaryFacts {
        let (start, end) = ds.time_range();
        SummaryFacts {
            title: ds.meta.title.clone(),
            subtitle: ds.meta.subtitle.clone(),
            headline: ds.meta.headline.clone(),
            start,
            end,
            counts: StoryCounts::of(ds),
            as_of: ds.meta.as_of.to_words(),
        }
    }

    /// "December 2015 – June 2026".
    pub fn range_words(&self) -> String {
        let month_year = |d: Date| {
            let words = d.to_words();
            words.split_once(' ').map(|(_, rest)| rest.to_string()).unwrap_or(words)
        };
        format!("{} – {}", month_year(self.start), month_year(self.end))
    }
}

/// Props of [`Summary`].
#[derive(Properties, PartialEq, Debug)]
pub struct SummaryProps {
    /// What to show.
    pub facts: SummaryFacts,
}

/// The heading block of the page: the title and the finding (the dataset's headline, else its
/// subtitle). The figures are kept out of the way, in [`StoryFacts`] under "About the data", so the
/// graphic starts high on the first screen.
#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let f = &props.facts;
    html! {
        <header class="summary" aria-labelledby="story-title">
            <h1 id="story-title">{ &f.title }</h1>
            if let Some(line) = f.headline.as_ref().or(f.subtitle.as_ref()) {
                <p class="subtitle">{ line }</p>
            }
        </header>
    }
}

/// The story's figures: period, events, organisations, relationships and their phases (each
/// counted as the data lists them, over the whole story, in the one vocabulary of
/// [`powershift_core::scene::counts`]), what a relationship and a phase are, and the date the data
/// was checked.
#[function_component(StoryFacts)]
pub fn story_facts(props: &SummaryProps) -> Html {
    let f = &props.facts;
    html! {
        <>
            <dl class="facts" aria-label="Dataset summary">
                <div><dt>{ "Period" }</dt><dd data-testid="date-range">
                    <time datetime={f.start.to_string()}>{ f.start.to_words() }</time>
                    { " – " }
                    <time datetime={f.end.to_string()}>{ f.end.to_words() }</time>
                </dd></div>
                <div><dt>{ "Events" }</dt><dd data-testid="event-count">{ f.counts.events }</dd></div>
                <div><dt>{ "Organisations" }</dt><dd data-testid="org-count">{ f.counts.organisations }</dd></div>
                <div><dt>{ "Relationships over the story" }</dt><dd data-testid="rel-count">{ f.counts.relationships }</dd></div>
                <div><dt>{ "Phases of those relationships" }</dt><dd data-testid="phase-count">{ f.counts.phases }</dd></div>
            </dl>
            <p class="small">{ DEFINITION }</p>
            <p class="muted small">{ format!("Data checked as of {}.", f.as_of) }</p>
        </>
    }
}
