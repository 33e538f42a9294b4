//! Component HTML rendered natively with Yew's server renderer: the summary, the loading state and
//! each kind of error panel, without a browser.

use std::rc::Rc;

use powershift::app::{Page, PageProps};
use powershift::load::{parse_body, LoadFailure, LoadState, Part};
use powershift_core::model::Dataset;

/// A frozen copy of the story: these tests pin rendering mechanics, not the story's facts.
const STORY: &str = include_str!("../crates/powershift-core/tests/res/story-frozen.json");
/// The shipped story, for the one test of its facts (which source comes first).
const SHIPPED: &str = include_str!("../static/data/powershift.json");

async fn render(state: LoadState) -> String {
    yew::LocalServerRenderer::<Page>::with_props(PageProps {
        state,
        query: Default::default(),
        compact: false,
        options: Default::default(),
        first_screen_only: false,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn summary_shows_title_range_and_counts() {
    let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
    let html = render(LoadState::Ready {
        url: "data/powershift.json".into(),
        dataset: ds.clone(),
        text: "".into(),
        part: Part::Whole,
    })
    .await;
    assert!(html.contains("<h1 id=\"story-title\">The AI power shift</h1>"), "{html}");
    assert!(html.contains(&format!("data-testid=\"event-count\">{}</dd>", ds.events.len())), "{html}");
    assert!(html.contains(&format!("data-testid=\"org-count\">{}</dd>", ds.organisations.len())), "{html}");
    // Relationships and their phases are counted apart, and the page says what each is.
    let phases: usize = ds.relationships.iter().map(|r| r.phases.len()).sum();
    assert!(phases > ds.relationships.len());
    assert!(
        html.contains(&format!(
            "Relationships over the story</dt><dd data-testid=\"rel-count\">{}</dd>",
            ds.relationships.len()
        )),
        "{html}"
    );
    assert!(html.contains(&format!("data-testid=\"phase-count\">{phases}</dd>")), "{html}");
    assert!(html.contains(powershift_core::scene::counts::DEFINITION), "{html}");
    assert!(html.contains("<time datetime=\"2015-12-11\">11 December 2015</time>"), "{html}");
    assert!(html.contains("<time datetime=\"2026-06-11\">11 June 2026</time>"), "{html}");
}

#[tokio::test]
async fn loading_state_is_announced() {
    let html = render(LoadState::Loading { url: "data/powershift.json".into() }).await;
    assert!(html.contains("role=\"status\""), "{html}");
    assert!(html.contains("aria-busy=\"true\""), "{html}");
}

#[tokio::test]
async fn http_error_names_url_and_status() {
    let html = render(LoadState::Failed(LoadFailure::Http {
        url: "data/missing.json".into(),
        status: 404,
        status_text: "Not Found".into(),
    }))
    .await;
    assert!(html.contains("role=\"alert\""), "{html}");
    assert!(html.contains("HTTP 404"), "{html}");
    assert!(html.contains("data/missing.json"), "{html}");
}

#[tokio::test]
async fn syntax_error_names_line_and_column() {
    let html = render(parse_body("data/x.json", "{\n  \"format_version\": 1,\n  \"meta\": }")).await;
    assert!(html.contains("line 3, column 11"), "{html}");
    assert!(html.contains("not valid JSON"), "{html}");
}

#[tokio::test]
async fn validation_errors_are_listed_and_escaped() {
    let html = render(parse_body("data/x.json", r#"{"format_version": 2, "meta": {"title": "T", "as_of": "2026-02-30"},
        "organisations": [{"id": "<script>x</script>", "name": "N", "short_name": "N", "kind": "ai_lab", "description": "D"}],
        "events": [], "relationships": [], "bogus": 1}"#))
    .await;
    assert!(html.contains("format_version</code>: 2 is not supported"), "{html}");
    assert!(html.contains(r#"meta.as_of</code>: "2026-02-30" is not a real calendar date"#), "{html}");
    assert!(html.contains("bogus</code>: unknown field"), "{html}");
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    assert!(!html.contains("<script>"), "markup from data must be escaped");
}

#[tokio::test]
async fn refused_url_says_why() {
    let html = render(LoadState::Failed(LoadFailure::RefusedUrl {
        url: "https://evil.example/x.json".into(),
        reason: "only datasets on this site can be loaded".into(),
    }))
    .await;
    assert!(html.contains("not allowed"), "{html}");
    assert!(html.contains("https://evil.example/x.json"), "{html}");
}

#[tokio::test]
async fn the_story_renders_every_panel_for_a_deep_link() {
    let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
    let html = yew::LocalServerRenderer::<Page>::with_props(PageProps {
        state: LoadState::Ready { url: "data/powershift.json".into(), dataset: ds, text: "".into(), part: Part::Whole },
        query: "date=2023-01-23&select=org:microsoft".into(),
        compact: false,
        options: Default::default(),
        first_screen_only: false,
    })
    .hydratable(false)
    .render()
    .await;
    // Scrubber: a real slider with the date in words.
    assert!(html.contains("id=\"date-slider\" type=\"range\""), "{html}");
    assert!(html.contains("aria-valuetext=\"23 January 2023\""), "{html}");
    // The sentence.
    assert!(
        html.contains("23 January 2023: Microsoft announces a multiyear, multibillion-dollar OpenAI investment (2 relationships). 7 organisations, 8 relationships in force."),
        "{html}"
    );
    // Network: organisations are buttons with a description; the selection is pressed.
    assert!(
        html.contains(
            "aria-label=\"Microsoft, Cloud provider, 5 relationships in force on 23 January 2023\" aria-pressed=\"true\""
        ),
        "{html}"
    );
    // Every drawn line lists the relationships it stands for (a bundle stands for a pair's).
    let drawn: Vec<&str> =
        html.split("data-rels=\"").skip(1).flat_map(|rest| rest[..rest.find('"').unwrap()].split(' ')).collect();
    assert!(drawn.contains(&"microsoft-openai-cloud"), "{drawn:?}");
    assert!(!drawn.contains(&"amazon-anthropic-cloud"), "not yet on 23 January 2023");
    // Details of the selected organisation.
    assert!(html.contains("Relationships in force on 23 January 2023 (5)"), "{html}");
    // Timeline marks, filters, money chart, legend.
    assert!(html.contains("data-event=\"E06\""), "{html}");
    // The timeline's colour key lists the marks' colours, product launches' grey included, and the
    // caption says quiet years are narrower.
    let key = &html[html.find("class=\"timeline-key\"").expect("the colour key")..];
    let key = &key[..key.find("</ul>").unwrap()];
    assert!(key.contains(powershift_core::scene::NEUTRAL_COLOUR) && key.contains("Product launch"), "{key}");
    assert!(html.contains(powershift_core::scene::timeline::SCALE_NOTE), "{html}");
    // At the whole story's zoom key events have titles: the first, OpenAI's founding, does.
    let e01 = &html[html.find("data-event=\"E01\"").expect("E01's mark")..];
    let e01 = &e01[..e01.find("</g>").unwrap()];
    assert!(e01.contains("<text") && e01.contains(">OpenAI founded as a"), "{e01}");
    // The filter chips (pressed: shown) and the compact key under the network.
    assert!(
        html.contains("aria-pressed=\"true\" title=\"Conflict: Lawsuit, Dispute, Competition\" class=\"chip\""),
        "{html}"
    );
    assert!(html.contains(">Conflict</button>") || html.contains("Conflict</button>"), "{html}");
    assert!(html.contains("class=\"network-key\""), "{html}");
    assert!(html.contains("class=\"money-chart\""), "{html}");
}

#[tokio::test]
async fn an_event_shows_its_strongest_source_first_and_who_announced_it() {
    let ds = Rc::new(Dataset::from_json_str(SHIPPED).unwrap());
    let html = yew::LocalServerRenderer::<Page>::with_props(PageProps {
        state: LoadState::Ready {
            url: "data/powershift.json".into(),
            dataset: ds.clone(),
            text: "".into(),
            part: Part::Whole,
        },
        query: "date=2025-01-21&select=event:E35".into(),
        compact: false,
        options: Default::default(),
        first_screen_only: false,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Confirmed — announced by Microsoft"), "{html}");
    let company = html.find("Company announcement (Microsoft)").expect("the company label");
    let reuters = html.find("Reuters (via Dawn)").expect("the Reuters label");
    let blog = html.find("Dry Dead Fish").expect("an existing source");
    assert!(company < reuters && reuters < blog, "strongest source first");
    // About the data counts the events with a strong source.
    assert!(html.contains(&ds.source_strength_note()), "{html}");
}

#[tokio::test]
async fn a_minimal_dataset_with_nothing_to_draw_still_renders() {
    let ds = Rc::new(
        Dataset::from_json_str(
            r#"{"format_version": 1, "meta": {"title": "Empty story", "as_of": "2020-01-01"},
                "organisations": [{"id": "a", "name": "A", "short_name": "A", "kind": "other", "description": "Alone."}],
                "events": [], "relationships": []}"#,
        )
        .unwrap(),
    );
    let html = yew::LocalServerRenderer::<Page>::with_props(PageProps {
        state: LoadState::Ready { url: "x.json".into(), dataset: ds, text: "".into(), part: Part::Whole },
        query: Default::default(),
        compact: true,
        options: Default::default(),
        first_screen_only: false,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Empty story"), "{html}");
    assert!(html.contains("1 January 2020: 1 organisation, 0 relationships in force."), "{html}");
}

#[tokio::test]
async fn a_body_over_the_size_limit_is_refused_with_its_size_and_the_limit() {
    let limit = powershift_core::model::limits::MAX_FILE_BYTES;
    let html = render(parse_body("data/huge.json", &" ".repeat(limit + 1))).await;
    assert!(html.contains("too large"), "{html}");
    assert!(html.contains(&format!("data/huge.json is {} bytes (16.0 MiB)", limit + 1)), "{html}");
    assert!(html.contains(&format!("at most {limit} bytes (16.0 MiB)")), "{html}");
}

#[tokio::test]
async fn the_first_screen_states_the_finding_and_keeps_the_figures_out_of_the_way() {
    let ds = Rc::new(Dataset::from_json_str(SHIPPED).unwrap());
    let headline = ds.meta.headline.clone().expect("the shipped story has a headline");
    let html = render(LoadState::Ready {
        url: "data/powershift.json".into(),
        dataset: ds,
        text: "".into(),
        part: Part::Whole,
    })
    .await;
    let header = &html[..html.find("</header>").unwrap()];
    assert!(
        header.contains(&format!("<p class=\"subtitle\">{}</p>", headline.replace('\'', "&#x27;")))
            || header.contains(&headline),
        "{header}"
    );
    assert!(!header.contains("data-testid=\"event-count\""), "the figures are under About the data");
    let about = &html[html.find("id=\"notes-title\"").unwrap()..];
    assert!(about.contains("data-testid=\"event-count\""), "{about}");
}

/// Issue 10 §7, as the details panel shows it: a one-day date difference is a footnote in words
/// under a level that is not "conflicting", and a single-source event that lists two pages says
/// which one is counted.
#[tokio::test]
async fn an_events_confidence_agrees_with_its_footnotes_and_sources() {
    let ds = Rc::new(Dataset::from_json_str(SHIPPED).unwrap());
    let page = |query: &str| {
        yew::LocalServerRenderer::<Page>::with_props(PageProps {
            state: LoadState::Ready {
                url: "data/powershift.json".into(),
                dataset: ds.clone(),
                text: "".into(),
                part: Part::Whole,
            },
            query: query.into(),
            compact: false,
            options: Default::default(),
            first_screen_only: false,
        })
        .hydratable(false)
        .render()
    };
    let html = page("date=2026-02-27&select=event:E72").await;
    let card = |html: &str, id: &str| {
        let at = html.find(&format!("data-event=\"{id}\"")).expect("the card");
        html[at..at + html[at..].find("</details>").unwrap()].to_string()
    };
    let card = card(&html, "E72");
    assert!(card.contains("<strong>Confirmed.</strong>"), "{card}");
    assert!(card.contains("<li>Sources give 26 or 27 February 2026, one day apart."), "{card}");
    assert!(!card.contains("2026-02-27 or") && !card.contains("class=\"conflicts"), "{card}");
    let html = page("date=2025-08-05&select=event:E47").await;
    let at = html.find("data-event=\"E47\"").expect("the card");
    let card = &html[at..at + html[at..].find("</details>").unwrap()];
    assert!(card.contains("<strong>Single source.</strong>"), "{card}");
    assert!(card.contains("<summary>2 pages, 1 independent source</summary>"), "{card}");
    assert!(card.contains("not counted as a separate source"), "{card}");
}

/// The story screen for a deep link on the frozen story, as a page or as an embed.
async fn story_html(query: &str, embed: bool) -> String {
    let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
    let options = powershift_core::embed::EmbedOptions { embed, ..Default::default() };
    yew::LocalServerRenderer::<Page>::with_props(PageProps {
        state: LoadState::Ready { url: "data/powershift.json".into(), dataset: ds, text: "".into(), part: Part::Whole },
        query: query.to_string().into(),
        compact: false,
        options: Rc::new(options),
        first_screen_only: false,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn a_step_link_shows_the_step_bar_with_its_title_text_and_references() {
    let html = story_html("step=2", false).await;
    let bar = &html[html.find("data-testid=\"step-bar\"").expect("the step bar")..];
    let bar = &bar[..bar.find("</section>").unwrap()];
    assert!(bar.contains(">Step 2 of 4</p>"), "{bar}");
    assert!(bar.contains("<h2 id=\"step-title\" class=\"step-title\">Rival backers for Anthropic</h2>"), "{bar}");
    assert!(bar.contains("aria-label=\"Previous step\"") && bar.contains("aria-label=\"Next step\""), "{bar}");
    assert!(bar.contains(">Explore on your own</button>"), "{bar}");
    // A reference is a button showing the event's date, named by its date and title; no brackets.
    assert!(
        bar.contains(
            "aria-label=\"February 2023: Google takes about 10% of Anthropic; Google Cloud becomes preferred\""
        ),
        "{bar}"
    );
    assert!(bar.contains(">February 2023</button>"), "{bar}");
    assert!(!bar.contains("[E13]"), "{bar}");
    // The picture is the step's; the polite region names the step before the sentence.
    assert!(html.contains("Partnerships on 25 September 2023"), "{html}");
    assert!(html.contains("aria-label=\"Anthropic, AI lab,"), "the step's organisation is on the drawing");
    let sentence = &html[html.find("data-testid=\"sentence\"").unwrap()..];
    let sentence = &sentence[sentence.find('>').unwrap() + 1..];
    assert!(
        sentence.starts_with("<span data-testid=\"step-announcement\" class=\"visually-hidden\">Step 2 of 4: Rival backers for Anthropic. </span>25 September 2023: "),
        "{}",
        &sentence[..300]
    );
    // The step bar sits between the scrubber and the network.
    let (scrubber, step_bar, network) = (
        html.find("class=\"panel scrubber\"").unwrap(),
        html.find("data-testid=\"step-bar\"").unwrap(),
        html.find("id=\"network-title\"").unwrap(),
    );
    assert!(scrubber < step_bar && step_bar < network);
}

#[tokio::test]
async fn before_the_story_the_bar_offers_to_start_it_and_after_leaving_to_go_back() {
    let html = story_html("date=2023-01-23", false).await;
    assert!(html.contains(">The story in 4 steps</p>"), "{html}");
    assert!(html.contains(">Start the story</button>"), "{html}");
    assert!(!html.contains("step-announcement"), "nothing to announce outside the story");
    // A link that moves away from its step opens the view it says, with the way back.
    let html = story_html("step=2&select=org:oracle", false).await;
    assert!(html.contains(">You left step 2 of 4</p>"), "{html}");
    assert!(html.contains(">Back to step 2</button>"), "{html}");
    assert!(!html.contains("step-announcement"), "{html}");
    assert!(html.contains("Rival backers for Anthropic"), "the left step stays in view");
}

#[tokio::test]
async fn the_embed_shows_the_step_bar_and_a_story_without_steps_none() {
    let html = story_html("step=1", true).await;
    assert!(html.contains("class=\"story embed has-steps\""), "{html}");
    assert!(html.contains("<h2 id=\"step-title\" class=\"step-title\">An exclusive start</h2>"), "{html}");
    let ds = Rc::new(Dataset::from_json_str(include_str!("../crates/powershift-core/tests/res/tiny.json")).unwrap());
    let html = render(LoadState::Ready { url: "x.json".into(), dataset: ds, text: "".into(), part: Part::Whole }).await;
    assert!(!html.contains("step-bar") && !html.contains("has-steps"), "{html}");
}

/// The shipped story's first screen comes from the first part of its text (no summaries, sources or
/// notes: `powershift_core::model::first_part`): a selection's details and the Export menu wait
/// for the whole text, or say why it did not come, and the complete dataset details it.
#[tokio::test]
async fn details_wait_for_the_texts_the_first_part_leaves_out() {
    let value: serde_json::Value = serde_json::from_str(STORY).unwrap();
    let first = Rc::new(Dataset::from_build_validated(&powershift_core::model::first_part(&value)).unwrap());
    let full = Rc::new(Dataset::from_json_str(STORY).unwrap());
    let page = |dataset: Rc<Dataset>, part: Part| {
        yew::LocalServerRenderer::<Page>::with_props(PageProps {
            state: LoadState::Ready { url: "data/powershift.json".into(), dataset, text: "".into(), part },
            query: "date=2023-01-23&select=event:E01".into(),
            compact: false,
            options: Default::default(),
            first_screen_only: false,
        })
        .hydratable(false)
        .render()
    };
    let details = |html: &str| {
        let at = html.find("aria-labelledby=\"details-title\"").expect("the details panel");
        html[at..at + html[at..].find("</section>").unwrap()].to_string()
    };
    let coming = page(first.clone(), Part::First { failed: None }).await;
    assert!(details(&coming).contains("Loading the details…"), "{}", details(&coming));
    assert!(coming.contains("Loading the story's sources…"), "the Export menu waits too");
    let missing = page(first.clone(), Part::First { failed: Some("HTTP 503 Service Unavailable".into()) }).await;
    assert!(
        details(&missing)
            .contains("The details could not be loaded (HTTP 503 Service Unavailable). Reload the page to try again."),
        "{}",
        details(&missing)
    );
    let complete = page(full.clone(), Part::Completing(first)).await;
    let card = details(&complete);
    assert!(!card.contains("Loading the details…") && card.contains(&full.events[0].summary), "{card}");
    assert!(!complete.contains("Loading the story"));
}
