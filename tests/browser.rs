//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts, renders the story's
//! summary, and shows a visible error panel when the data cannot be loaded; `?data=` URLs are
//! judged by the browser's own URL parser.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use powershift::app::{App, Page, PageProps};
use powershift::load::{parse_body, LoadState, Part};
use powershift_core::model::Dataset;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A frozen copy of the story: these tests pin mechanics, not the story's facts.
const SHIPPED: &str = include_str!("../crates/powershift-core/tests/res/story-frozen.json");

/// A fresh element with id `app` in the test page's body.
fn mount_point() -> web_sys::Element {
    let document = gloo::utils::document();
    if let Some(old) = document.get_element_by_id("app") {
        old.remove();
    }
    let div = document.create_element("div").unwrap();
    div.set_id("app");
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Mounts the page for a load state on `root` (the app's own defaults: no deep link, wide).
fn mount_page(root: &web_sys::Element, state: LoadState) {
    let props = PageProps {
        state,
        query: Default::default(),
        compact: false,
        options: Default::default(),
        first_screen_only: false,
    };
    yew::Renderer::<Page>::with_root_and_props(root.clone(), props).render();
}

/// Waits until `selector` matches under `el`, up to `ms` milliseconds (then the caller's assertion
/// says what is missing): a wait for a condition, not a fixed sleep.
async fn appears(el: &web_sys::Element, selector: &str, ms: u32) {
    for _ in 0..ms / 20 {
        yew::scheduler::flush().await;
        if el.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(20).await;
    }
}

fn text_of(el: &web_sys::Element, selector: &str) -> Option<String> {
    el.query_selector(selector).ok().flatten().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn renders_the_summary_of_the_shipped_dataset() {
    let root = mount_point();
    let dataset = Rc::new(Dataset::from_json_str(SHIPPED).expect("shipped dataset validates"));
    let state = LoadState::Ready {
        url: "data/powershift.json".into(),
        dataset: dataset.clone(),
        text: "".into(),
        part: Part::Whole,
    };
    mount_page(&root, state);
    // Without the build's recorded layout the story is laid out first, in slices when that takes
    // long (this build is unoptimised; see `powershift::preparation`). Then the first screen is
    // there; the panels below it (the notes with the counts) arrive one task each after it
    // (`components::Deferred`).
    appears(&root, "h1", 10_000).await;
    assert_eq!(text_of(&root, "h1").as_deref(), Some(dataset.meta.title.as_str()));
    assert_eq!(text_of(&root, "[data-testid=event-count]"), None, "deferred until after the first screen");
    appears(&root, "[data-testid=event-count]", 3000).await;

    assert_eq!(text_of(&root, "h1").as_deref(), Some(dataset.meta.title.as_str()));
    assert_eq!(text_of(&root, "[data-testid=event-count]"), Some(dataset.events.len().to_string()));
    assert_eq!(text_of(&root, "[data-testid=org-count]"), Some(dataset.organisations.len().to_string()));
    let range = text_of(&root, "[data-testid=date-range]").unwrap();
    assert!(range.contains("2015") && range.contains("2026"), "{range}");
}

#[wasm_bindgen_test]
async fn invalid_data_lists_every_problem_with_its_path() {
    let root = mount_point();
    let broken =
        SHIPPED.replacen("\"kind\": \"ai_lab\"", "\"kind\": \"robot\"", 1).replacen("https://", "javascript:", 1);
    let state = parse_body("data/broken.json", &broken);
    mount_page(&root, state);
    yew::scheduler::flush().await;

    let alert = root.query_selector("[role=alert]").unwrap().expect("an error panel is shown");
    let text = alert.text_content().unwrap();
    assert!(text.contains("2 problems found"), "{text}");
    assert!(text.contains("organisations[0].kind: unknown organisation kind \"robot\""), "{text}");
    assert!(text.contains("is not an http(s) URL"), "{text}");
}

#[wasm_bindgen_test]
async fn a_missing_file_shows_the_url_and_http_status() {
    // The test runner's server has no data/ folder: the real fetch path gets a 404.
    let root = mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if root.query_selector("[role=alert]").unwrap().is_some() {
            break;
        }
        gloo::timers::future::sleep(Duration::from_millis(50)).await;
    }
    let alert = root.query_selector("[role=alert]").unwrap().expect("an error panel is shown, not a blank page");
    let text = alert.text_content().unwrap();
    assert!(text.contains("HTTP 404"), "{text}");
    assert!(text.contains("data/powershift.json"), "{text}");
}

mod data_url {
    use powershift::platform::data_url::{resolve_data_url, DEFAULT_DATA_URL};
    use wasm_bindgen_test::*;

    const PAGE: &str = "https://news.example/powershift/?date=2020-01-01";

    #[wasm_bindgen_test]
    fn default_when_absent_or_empty() {
        assert_eq!(resolve_data_url(None, PAGE).unwrap(), DEFAULT_DATA_URL);
        assert_eq!(resolve_data_url(Some("  "), PAGE).unwrap(), DEFAULT_DATA_URL);
    }

    #[wasm_bindgen_test]
    fn allows_relative_and_same_origin() {
        for ok in ["data/other.json", "/stories/x.json", "x.json?v=2:3", "https://news.example/d.json", "./a/../b.json"]
        {
            assert_eq!(resolve_data_url(Some(ok), PAGE).as_deref(), Ok(ok), "{ok}");
        }
    }

    #[wasm_bindgen_test]
    fn refuses_other_sites_and_schemes() {
        for bad in [
            "https://evil.example/d.json",
            "https://news.example.evil.example/d.json",
            "//evil.example/d.json",
            "http://news.example/d.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "file:///etc/passwd",
            "a b.json",
            "a\\b.json",
        ] {
            assert!(resolve_data_url(Some(bad), PAGE).is_err(), "{bad} should be refused");
        }
        let msg = resolve_data_url(Some("https://evil.example/d.json"), PAGE).unwrap_err();
        assert!(msg.contains("https://news.example"), "{msg}");
    }
}

/// In WebAssembly the NFC rule composes with the browser's `String.prototype.normalize` (the module
/// carries no composition tables): a decomposed name is refused with the same message as natively.
#[wasm_bindgen_test]
fn the_nfc_rule_composes_with_the_browsers_normaliser() {
    powershift_core::model::use_normaliser(powershift::platform::text::nfc);
    let decomposed = SHIPPED.replacen("\"name\": \"OpenAI\"", "\"name\": \"Ope\u{301}nAI\"", 1);
    let Err(powershift_core::model::LoadError::Invalid(problems)) = Dataset::from_json_str(&decomposed) else {
        panic!("a decomposed name must be refused");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "organisations[0].name");
    assert!(
        problems[0].message.contains("at character 3, U+0065 U+0301 should be written U+00E9"),
        "{}",
        problems[0].message
    );
    assert!(Dataset::from_json_str(SHIPPED).is_ok(), "composed text passes");
}
