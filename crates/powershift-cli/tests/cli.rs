//! The `powershift` binary as a journalist runs it: exit codes, output lines, snapshot JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_powershift")).args(args).current_dir(root()).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn validate_a_valid_file_prints_one_summary_line_and_exits_0() {
    let (code, out, _) = run(&["validate", "static/data/powershift.json"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("static/data/powershift.json: valid: 87 events, 17 organisations, 54 relationships"),
        "{out}"
    );
}

#[test]
fn validate_an_invalid_file_prints_every_problem_and_exits_1() {
    let (code, out, err) = run(&["validate", "crates/powershift-core/tests/broken/duplicate-organisation-id.json"]);
    assert_eq!(code, 1);
    let expected =
        std::fs::read_to_string(root().join("crates/powershift-core/tests/broken/duplicate-organisation-id.expected"))
            .unwrap();
    assert_eq!(out, expected);
    assert!(err.contains("6 problems"), "{err}");
}

#[test]
fn validate_malformed_json_gives_line_and_column() {
    let (code, out, _) = run(&["validate", "crates/powershift-core/tests/broken/malformed-json.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("line 3, column 25"), "{out}");
}

#[test]
fn validate_an_unreadable_file_exits_2_and_still_checks_the_others() {
    let (code, out, err) = run(&["validate", "no/such/file.json", "static/data/powershift.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.json: cannot read the file"), "{err}");
    assert!(out.contains("powershift.json: valid"), "{out}");
}

#[test]
fn snapshot_prints_the_network_on_a_date() {
    let (code, out, _) = run(&["snapshot", "static/data/powershift.json", "--date", "2023-07-01"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["date"], "2023-07-01");
    let edges = v["edges"].as_array().unwrap();
    let cloud = edges.iter().find(|e| e["id"] == "microsoft-openai-cloud").unwrap();
    assert_eq!(cloud["from"], "microsoft");
    assert_eq!(cloud["to"], "openai");
    assert_eq!(cloud["kind"], "cloud_compute");
    assert_eq!(cloud["status"], "exclusive");
    assert!(cloud["events"].as_array().unwrap().iter().any(|e| e == "E06"));
    let nodes = v["nodes"].as_array().unwrap();
    assert!(nodes.iter().any(|n| n["id"] == "anthropic" && n["name"] == "Anthropic"));
    assert!(!nodes.iter().any(|n| n["id"] == "stargate"), "Stargate does not exist in 2023");
}

#[test]
fn snapshot_rejects_a_bad_date_and_missing_arguments() {
    assert_eq!(run(&["snapshot", "static/data/powershift.json", "--date", "2023-02-30"]).0, 2);
    assert_eq!(run(&["snapshot", "static/data/powershift.json"]).0, 2);
    assert_eq!(run(&["frobnicate"]).0, 2);
    assert_eq!(run(&[]).0, 2);
}

#[test]
fn snapshot_gives_every_node_a_position_that_is_reproducible() {
    let (_, a, _) = run(&["snapshot", "static/data/powershift.json", "--date", "2026-04-28"]);
    let (_, b, _) = run(&["snapshot", "static/data/powershift.json", "--date", "2026-04-28"]);
    assert_eq!(a, b, "same date, same positions");
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    for n in v["nodes"].as_array().unwrap() {
        assert!(n["x"].as_f64().unwrap().is_finite() && n["y"].as_f64().unwrap().is_finite(), "{n}");
    }
}

#[test]
fn layout_report_lists_every_change_date_with_zero_overlaps() {
    let (code, out, _) = run(&["layout-report", "static/data/powershift.json"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("date"), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("2025-01-21")), "{out}");
    let last = lines.last().unwrap();
    assert!(last.contains("change dates") && last.ends_with("label overlaps in total: 0"), "{last}");
}

#[test]
fn bench_prints_json_with_ms_per_tick() {
    let (code, out, _) = run(&["bench", "--nodes", "50", "--edges", "100", "--ticks", "5"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["nodes"], 50);
    assert!(v["ms_per_tick"].as_f64().unwrap() >= 0.0);
}

#[test]
fn every_command_has_help_and_the_top_level_lists_them_all() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for cmd in ["validate", "snapshot", "export", "import", "bundle", "layout-report", "bench", "generate"] {
        assert!(out.contains(cmd), "{cmd} missing from --help: {out}");
        let (code, help, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd} --help");
        assert!(help.contains(&format!("powershift {cmd}")), "{help}");
    }
}

#[test]
fn options_take_a_value_either_way() {
    let spaced = run(&["snapshot", "static/data/powershift.json", "--date", "2023-07-01"]);
    let joined = run(&["snapshot", "--date=2023-07-01", "static/data/powershift.json"]);
    assert_eq!(spaced.0, 0);
    assert_eq!(spaced, joined);
}

#[test]
fn numbers_out_of_range_are_refused_not_truncated() {
    let (code, _, err) = run(&["bench", "--nodes", "4294967296", "--ticks", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("--nodes"), "{err}");
    assert_eq!(run(&["bench", "--nodes", "-5"]).0, 2);
    assert_eq!(run(&["bench", "--ticks", "0"]).0, 2);
    assert_eq!(run(&["generate", "--orgs", "1"]).0, 2);
    assert_eq!(run(&["generate", "--orgs", "ten"]).0, 2);
}

#[test]
fn generate_prints_a_valid_dataset_of_the_asked_size_reproducibly() {
    let (code, out, _) = run(&["generate", "--orgs", "12", "--relationships=20", "--seed", "3"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["organisations"].as_array().unwrap().len(), 12);
    assert_eq!(v["relationships"].as_array().unwrap().len(), 20);
    powershift_core::model::Dataset::from_value(&v).expect("the generated dataset validates");
    assert_eq!(out, run(&["generate", "--orgs", "12", "--relationships", "20", "--seed", "3"]).1);
    assert_ne!(out, run(&["generate", "--orgs", "12", "--relationships", "20", "--seed", "4"]).1);
}

#[test]
fn validate_refuses_a_file_over_the_size_limit_with_its_size_and_the_limit() {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("too-large.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(16 * 1024 * 1024 + 1).unwrap();
    let (code, out, err) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(out, "(root): the file is 16777217 bytes (16.0 MiB); the limit is 16777216 bytes (16 MiB)\n");
    assert!(err.contains("1 problem"), "{err}");
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn validate_reports_a_duplicate_key_with_both_lines() {
    let (code, out, _) = run(&["validate", "crates/powershift-core/tests/broken/duplicate-key.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("events[0]: key \"summary\" appears twice (line 48 and line 50)"), "{out}");
}

#[test]
fn social_writes_the_card_and_the_open_graph_tags_into_a_built_site() {
    let dist = Path::new(env!("CARGO_TARGET_TMPDIR")).join("social-dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(dist.join("data")).unwrap();
    std::fs::copy(root().join("static/data/powershift.json"), dist.join("data/powershift.json")).unwrap();
    std::fs::write(dist.join("index.html"), "<!DOCTYPE html><html><head><title>T</title></head><body></body></html>\n")
        .unwrap();
    let args = ["social", dist.to_str().unwrap(), "--url", "https://news.example/powershift/"];
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let png = std::fs::read(dist.join("social-card.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap())),
        (1200, 630)
    );
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        html.contains("<meta property=\"og:image\" content=\"https://news.example/powershift/social-card.png\">"),
        "{html}"
    );
    assert!(html.contains("<meta property=\"og:title\" content=\"The AI power shift\">"), "{html}");
    assert!(html.contains("name=\"twitter:card\" content=\"summary_large_image\""), "{html}");
    // Running it again replaces the tags instead of adding more.
    assert_eq!(run(&args).0, 0);
    assert_eq!(std::fs::read_to_string(dist.join("index.html")).unwrap().matches("og:image\"").count(), 1);
}
