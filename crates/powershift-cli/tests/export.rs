//! `powershift export`, `import` and `bundle` as a journalist runs them, each format checked for
//! content against `powershift snapshot` on several dates.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const STORY: &str = "static/data/powershift.json";
const DATES: [&str; 5] = ["2016-06-01", "2019-07-22", "2023-07-01", "2025-01-21", "2026-04-28"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_powershift")).args(args).current_dir(root()).output().unwrap();
    (out.status.code().unwrap(), out.stdout, String::from_utf8(out.stderr).unwrap())
}

fn text(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    String::from_utf8(out).unwrap()
}

/// A fresh temporary folder for one test.
fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// (node ids, edge ids) of `powershift snapshot` on a date.
fn snapshot(date: &str) -> (BTreeSet<String>, Vec<serde_json::Value>) {
    let v: serde_json::Value = serde_json::from_str(&text(&["snapshot", STORY, "--date", date])).unwrap();
    let nodes = v["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap().to_string()).collect();
    (nodes, v["edges"].as_array().unwrap().clone())
}

fn ids(edges: &[serde_json::Value]) -> BTreeSet<String> {
    edges.iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn svg_is_xml_with_the_snapshots_organisations_and_relationships() {
    for date in DATES {
        let svg = text(&["export", STORY, "--date", date, "--format", "svg", "-o", "-"]);
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{date}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("width"), Some("1200"));
        assert_eq!(root.attribute("data-date"), Some(date));
        let (nodes, edges) = snapshot(date);
        let drawn: BTreeSet<String> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("node"))
            .map(|n| n.attribute("data-id").unwrap().to_string())
            .collect();
        assert_eq!(drawn, nodes, "{date}");
        let lines: BTreeSet<String> = doc
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.split(' ').next() == Some("edge")))
            .flat_map(|n| n.attribute("data-rels").unwrap().split(' ').map(str::to_string).collect::<Vec<_>>())
            .collect();
        assert_eq!(lines, ids(&edges), "{date}: one line per relationship in force");
        let all_text: String = doc.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap()).collect();
        for want in ["The AI power shift", "Partnerships on", "Data checked as of 11 June 2026", "RELATIONSHIPS"] {
            assert!(all_text.contains(want), "{date}: {want}");
        }
        assert!(root.attribute("font-family").unwrap().contains("sans-serif"));
    }
}

#[test]
fn csv_has_one_row_per_relationship_in_force_and_parses_back() {
    for date in DATES {
        let csv = text(&["export", STORY, "--date", date, "--format", "csv", "-o", "-"]);
        let rows = powershift_core::export::csv::parse(&csv).unwrap();
        let (_, edges) = snapshot(date);
        assert_eq!(rows.len(), edges.len() + 1, "{date}");
        assert_eq!(rows[0].fields[..4], ["id", "from", "to", "from_name"]);
        for (row, e) in rows[1..].iter().zip(&edges) {
            assert_eq!(row.fields[0], e["id"].as_str().unwrap());
            assert_eq!(row.fields[1], e["from"].as_str().unwrap());
            assert_eq!(row.fields[2], e["to"].as_str().unwrap());
            assert_eq!(row.fields[7], e["status"].as_str().unwrap());
            assert_eq!(row.fields[10], e["since"].as_str().unwrap());
            let events: Vec<&str> = e["events"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
            assert_eq!(row.fields[13], events.join(" "));
            assert!(row.fields[14].split(' ').all(|u| u.starts_with("http")), "{:?}", row.fields[14]);
        }
    }
}

#[test]
fn json_is_the_snapshot() {
    for date in DATES {
        assert_eq!(
            text(&["export", STORY, "--date", date, "--format", "json", "-o", "-"]),
            text(&["snapshot", STORY, "--date", date])
        );
    }
}

#[test]
fn gexf_read_by_networkx_has_the_snapshots_nodes_and_edges_on_every_date() {
    let dir = tmp("gexf");
    let path = dir.join("story.gexf");
    let (code, _, err) = run(&["export", STORY, "--format", "gexf", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // networkx's own reader (scripts/setup.sh installs it); spells are closed date intervals.
    let script = r#"
import sys, json, networkx as nx
g = nx.read_gexf(sys.argv[1])
def on(data, d):
    spells = data.get("spells") or [(data.get("start"), data.get("end"))]
    return any((s is None or s <= d) and (e is None or d <= e) for s, e in spells)
out = {}
for d in sys.argv[2:]:
    out[d] = {"nodes": sorted(n for n, a in g.nodes(data=True) if on(a, d)),
              "edges": sorted(a["id"] for u, v, k, a in g.edges(keys=True, data=True) if on(a, d))}
print(json.dumps(out))
"#;
    let mut args = vec!["-c".to_string(), script.to_string(), path.to_str().unwrap().to_string()];
    args.extend(DATES.iter().map(|d| d.to_string()));
    let py = Command::new("python3").args(&args).output().expect("python3 (scripts/setup.sh installs it)");
    assert!(py.status.success(), "networkx could not read the GEXF: {}", String::from_utf8_lossy(&py.stderr));
    let v: serde_json::Value = serde_json::from_slice(&py.stdout).unwrap();
    for date in DATES {
        let (nodes, edges) = snapshot(date);
        let got_nodes: BTreeSet<String> =
            v[date]["nodes"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        let got_edges: BTreeSet<String> =
            v[date]["edges"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        assert_eq!(got_nodes, nodes, "{date}");
        assert_eq!(got_edges, ids(&edges), "{date}");
    }
}

/// Width and height from a PNG's IHDR.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn png_is_the_picture_at_twice_the_size_and_the_card_is_1200_by_630() {
    let dir = tmp("png");
    let path = dir.join("p.png");
    let (code, out, err) =
        run(&["export", STORY, "--date", "2023-07-01", "--format", "png", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().starts_with("wrote "));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(png_size(&bytes), (2400, 1600));
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap();
    let inked = pixmap.pixels().iter().filter(|p| p.red() < 128).count();
    assert!(inked > 10_000, "the picture is drawn ({inked} dark pixels)");
    let card = dir.join("card.png");
    let (code, _, err) = run(&["export", STORY, "--format", "png", "--card", "-o", card.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(png_size(&std::fs::read(&card).unwrap()), (1200, 630));
}

#[test]
fn file_names_carry_the_story_and_the_date() {
    let dir = tmp("names");
    let story = root().join(STORY);
    for (format, name) in [
        ("svg", "powershift-2023-07-01.svg"),
        ("csv", "powershift-2023-07-01.csv"),
        ("json", "powershift-2023-07-01.json"),
        ("gexf", "powershift.gexf"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_powershift"))
            .args(["export", story.to_str().unwrap(), "--date", "2023-07-01", "--format", format])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        assert!(dir.join(name).is_file(), "{name}");
    }
}

#[test]
fn templates_exported_then_imported_give_the_same_dataset() {
    let dir = tmp("templates");
    let t = dir.join("sheets");
    let (code, _, err) = run(&["export", STORY, "--format", "csv-templates", "-o", t.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let json = dir.join("story.json");
    let (code, out, err) = run(&["import", t.to_str().unwrap(), "-o", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().contains("valid: 87 events"));
    let back = powershift_core::model::Dataset::from_json_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let original =
        powershift_core::model::Dataset::from_json_str(&std::fs::read_to_string(root().join(STORY)).unwrap()).unwrap();
    assert_eq!(back, original);
}

#[test]
fn the_documented_templates_import_cleanly() {
    let (code, out, err) = run(&["import", "docs/templates"]);
    assert_eq!(code, 0, "{err}");
    powershift_core::model::Dataset::from_json_str(std::str::from_utf8(&out).unwrap()).unwrap();
    assert!(err.contains("valid: 2 events, 2 organisations, 1 relationships"), "{err}");
}

/// Every case in tests/broken-csv/ is docs/templates/ with its own files laid over it; `expected`
/// is the exact output.
#[test]
fn every_broken_csv_gives_its_exact_problems_and_exit_1() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken-csv");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus).unwrap().map(|e| e.unwrap().path()).collect();
    powershift_core::sort::sort(&mut cases);
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap().to_string();
        let dir = tmp(&format!("broken-{name}"));
        for f in std::fs::read_dir(root().join("docs/templates")).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
        }
        for f in std::fs::read_dir(&case).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "csv") {
                std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
            }
        }
        let (code, out, err) = run(&["import", dir.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {err}");
        let expected = std::fs::read_to_string(case.join("expected")).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected, "{name}");
        let n = expected.lines().count();
        assert!(err.contains(&format!("{n} problem")), "{name}: {err}");
    }
}

#[test]
fn import_exits_2_when_the_folder_or_a_required_file_cannot_be_read() {
    assert_eq!(run(&["import", "no/such/folder"]).0, 2);
    let dir = tmp("import-missing");
    std::fs::copy(root().join("docs/templates/story.csv"), dir.join("story.csv")).unwrap();
    let (code, _, err) = run(&["import", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("organisations.csv: cannot read the file"), "{err}");
}

#[test]
fn bundle_writes_one_file_and_refuses_a_folder_that_is_not_a_build() {
    let dist = tmp("dist");
    std::fs::create_dir_all(dist.join("data")).unwrap();
    std::fs::write(dist.join("index.html"), "<html><head><title>t</title><link rel=\"stylesheet\" href=\"/style-1.css\"/></head><body><div id=\"app\"></div></body></html>").unwrap();
    std::fs::write(
        dist.join("powershift-app-1.js"),
        "async function __wbg_init() {}\nexport { __wbg_init as default };\n",
    )
    .unwrap();
    std::fs::write(dist.join("powershift-app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dist.join("style-1.css"), "body{}").unwrap();
    std::fs::copy(root().join("tests/data/tiny.json"), dist.join("data/powershift.json")).unwrap();
    let html = dist.join("out.html");
    let (code, out, err) = run(&["bundle", dist.to_str().unwrap(), "-o", html.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(String::from_utf8(out).unwrap().starts_with("wrote "));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("id=\"powershift-data\"") && !page.contains("href=\"/style-1.css\""));
    assert_eq!(run(&["bundle", "no/such/dist"]).0, 2);
}

#[test]
fn the_rasteriser_stays_out_of_the_core_and_the_app() {
    for manifest in ["Cargo.toml", "crates/powershift-core/Cargo.toml"] {
        let text = std::fs::read_to_string(root().join(manifest)).unwrap();
        for name in ["resvg", "tiny-skia", "usvg"] {
            assert!(!text.contains(name), "{manifest} must not depend on {name}: it would enter the Wasm bundle");
        }
    }
}
