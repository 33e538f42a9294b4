//! One broken dataset per validation rule (`tests/broken/*.json`), each with the exact problems it
//! must produce (`*.expected`, one `path: message` per line). The same corpus guards the CLI.

use std::fs;
use std::path::Path;

use powershift_core::model::Dataset;

#[test]
fn every_broken_dataset_reports_exactly_its_expected_problems() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    powershift_core::sort::sort(&mut files);
    assert!(files.len() >= 30, "the corpus shrank to {} files", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let expected_path = file.with_extension("expected");
        let expected =
            fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("{} has no .expected file", file.display()));
        let expected: Vec<&str> = expected.lines().collect();
        let got: Vec<String> = match Dataset::from_json_slice(&fs::read(file).unwrap()) {
            Ok(_) => vec!["<valid>".to_string()],
            Err(e) => e.problems().iter().map(ToString::to_string).collect(),
        };
        if got != expected {
            failures.push(format!("{}:\n  expected {expected:#?}\n  got {got:#?}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_base_fixture_is_valid() {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/res/tiny.json")).unwrap();
    Dataset::from_json_str(&text).unwrap();
}

#[test]
fn problems_are_collected_not_stopped_at_the_first() {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/res/tiny.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    *v.pointer_mut("/organisations/0/kind").unwrap() = "robot".into();
    *v.pointer_mut("/events/0/sources/0/url").unwrap() = "ftp://news.example/1".into();
    *v.pointer_mut("/relationships/0/phases/1/start").unwrap() = "2020-02-30".into();
    let problems = Dataset::from_value(&v).unwrap_err().problems();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["organisations[0].kind", "events[0].sources[0].url", "relationships[0].phases[1].start"]);
}

#[test]
fn a_text_over_the_size_limit_is_refused_before_parsing_with_its_size_and_the_limit() {
    use powershift_core::model::limits::MAX_FILE_BYTES;
    let mut text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/res/tiny.json")).unwrap();
    text.push_str(&" ".repeat(MAX_FILE_BYTES - text.len()));
    Dataset::from_json_str(&text).expect("exactly at the limit is fine");
    text.push(' ');
    let expected =
        format!("(root): the file is {} bytes (16.0 MiB); the limit is 16777216 bytes (16 MiB)", MAX_FILE_BYTES + 1);
    for got in [Dataset::from_json_str(&text), Dataset::from_json_slice(text.as_bytes())] {
        let problems: Vec<String> = got.unwrap_err().problems().iter().map(ToString::to_string).collect();
        assert_eq!(problems, std::slice::from_ref(&expected));
    }
}

#[test]
fn duplicate_keys_are_found_from_text_and_bytes_alike_but_not_in_a_parsed_value() {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken/duplicate-key.json")).unwrap();
    let from_str = Dataset::from_json_str(&text).unwrap_err().problems();
    assert_eq!(from_str, Dataset::from_json_slice(text.as_bytes()).unwrap_err().problems());
    assert_eq!(from_str[0].path, "events[0]");
    // A serde_json Value has already dropped the first "summary": documented, and why the pass
    // runs on the text.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(Dataset::from_value(&value).is_ok());
}

#[test]
fn the_json_schema_also_rejects_the_new_rules_it_can_express() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../../static/data/powershift.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    // Not "not-nfc" (a pattern cannot say NFC) nor "duplicate-key" (a parsed value has one key).
    for name in [
        "control-character",
        "line-break-in-title",
        "bidi-override",
        "zero-width-in-name",
        "name-too-long",
        "too-many-kinds",
        "key-with-line-break",
        "step-unknown-view-key",
        "step-empty-title-and-text",
        "too-many-steps",
    ] {
        let data: serde_json::Value =
            serde_json::from_slice(&fs::read(dir.join(format!("{name}.json"))).unwrap()).unwrap();
        assert!(!validator.is_valid(&data), "the schema accepts {name}.json");
    }
}

#[test]
fn at_most_max_problems_are_listed_and_the_rest_are_counted() {
    use powershift_core::model::limits::MAX_PROBLEMS;
    // 3 000 events with a duplicate key and 5 missing fields each, and the id "f" used 3 000 times:
    // 20 999 problems.
    let events = vec![r#"{"id": "e", "id": "f", "date": "2020", "kinds": ["chips"]}"#; 3_000].join(",\n");
    let text = format!(
        r#"{{"format_version": 1, "meta": {{"title": "T", "as_of": "2020"}}, "organisations": [], "events": [{events}], "relationships": []}}"#
    );
    let problems = Dataset::from_json_str(&text).unwrap_err().problems();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(problems[0].path, "events[0]");
    assert!(problems[0].message.starts_with("key \"id\" appears twice (line 1, column"), "{}", problems[0]);
    assert_eq!(
        problems.last().unwrap().to_string(),
        format!(
            "(root): {} more problems are not listed (at most 10000 are); fix these and validate again",
            20_999 - MAX_PROBLEMS
        )
    );
}

#[test]
fn a_list_over_its_limit_is_reported_once_and_its_items_are_not_checked() {
    let orgs = vec!["{}"; 2_001].join(",");
    let text = format!(
        r#"{{"format_version": 1, "meta": {{"title": "T", "as_of": "2020"}}, "organisations": [{orgs}], "events": [], "relationships": []}}"#
    );
    let problems: Vec<String> =
        Dataset::from_json_str(&text).unwrap_err().problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["organisations: lists 2001 organisations; at most 2000 are allowed (the items are not checked until it fits)"]
    );
}
