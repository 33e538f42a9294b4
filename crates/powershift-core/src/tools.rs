//! The page's tools module: what the page asks of it and what it answers.
//!
//! The page's WebAssembly carries what every reader needs on a phone. What only a few readers use
//! is a second module, `powershift-tools` (`crates/powershift-tools`), which the page fetches and
//! starts in a Web Worker the first time a reader uses it (`src/platform/tools.rs`): reading the
//! CSV templates of `docs/templates/` into a dataset — the importer and its problem mapping were
//! ~32 KiB of the page's gzipped WebAssembly (issue 12's budget, see BENCHMARKS.md) — and making
//! the Export menu's files ([`crate::export::reader_view`], ~18 KiB). The two
//! modules share no memory, so a request and its reply are JSON texts; this file is both ends'
//! one definition of them, and [`answer`] is the whole of the module's work, so native tests run
//! the exchange without a browser.
//!
//! ```
//! use powershift_core::tools::{answer, Reply, Request};
//! let request = Request::ImportCsv { files: vec![("story.csv".into(), "field,value\n".into())] };
//! let reply = Reply::from_json(&answer(&request.to_json()));
//! assert!(matches!(reply, Reply::Problems { .. })); // no organisations.csv, events.csv, …
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::export::reader_view::{self, point, ExactPoint, ExportFormat, ReaderView};
use crate::export::templates;
use crate::model::{Dataset, Problem};
use crate::network::{LayoutConfig, TemporalLayout};

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "tool", rename_all = "snake_case")]
pub enum Request {
    /// Read CSV files (the templates of `docs/templates/`, by file name) into a dataset.
    ImportCsv {
        /// Each file's name and text, as the reader picked or dropped them.
        files: Vec<(String, String)>,
    },
    /// Make one of the Export menu's files of the view the reader sees.
    Export {
        /// Which file.
        format: ExportFormat,
        /// The dataset's text, as the page loaded it.
        dataset: String,
        /// The page's global layout: every organisation's position, in dataset order, exact (a
        /// list of another length is computed afresh, the same by construction but slower).
        global: Vec<ExactPoint>,
        /// The reader's view.
        reader: ReaderView,
    },
}

impl Request {
    /// The request as the text the page posts to the worker.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What the tools module answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reply", rename_all = "snake_case")]
pub enum Reply {
    /// A valid dataset as JSON text: the page reads it like a dataset it fetched.
    Dataset {
        /// The dataset in the format of `docs/data-format.md`.
        text: String,
    },
    /// Every problem, each at its place (`events.csv row 3, column "date"`).
    Problems {
        /// The problems, in the order the importer found them.
        problems: Vec<Problem>,
    },
    /// A file's text.
    File {
        /// The file, as the page saves it.
        text: String,
    },
    /// The request could not be read: a page and a tools module from different builds.
    Refused {
        /// What was wrong with it.
        message: String,
    },
}

impl Reply {
    /// Reads a reply text; a text that is not a reply is [`Reply::Refused`], named. Read by hand
    /// from a JSON value, not derived: serde's code for internally tagged enums cost the page's
    /// module ~10 KiB gzipped, a third of what moving the importer out saved.
    pub fn from_json(text: &str) -> Reply {
        let refused =
            |why: &str| Reply::Refused { message: format!("the tools module's reply could not be read: {why}") };
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return refused(&e.to_string()),
        };
        let text_of = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
        match value.get("reply").and_then(Value::as_str) {
            Some("dataset") => {
                text_of("text").map_or_else(|| refused("a dataset without its text"), |text| Reply::Dataset { text })
            }
            Some("problems") => {
                let problems = value.get("problems").and_then(Value::as_array).map(|list| {
                    list.iter()
                        .map(|p| Problem {
                            path: p.get("path").and_then(Value::as_str).unwrap_or("(files)").to_string(),
                            message: p.get("message").and_then(Value::as_str).unwrap_or_default().to_string(),
                        })
                        .collect()
                });
                problems.map_or_else(|| refused("problems without their list"), |problems| Reply::Problems { problems })
            }
            Some("file") => {
                text_of("text").map_or_else(|| refused("a file without its text"), |text| Reply::File { text })
            }
            Some("refused") => Reply::Refused { message: text_of("message").unwrap_or_default() },
            _ => refused("no known \"reply\""),
        }
    }
}

/// Answers one request (a JSON [`Request`]) with a JSON [`Reply`]. Pure and total: any text gets a
/// reply, never a panic.
pub fn answer(request: &str) -> String {
    let reply = match serde_json::from_str::<Request>(request) {
        Ok(Request::ImportCsv { files }) => import_csv(&files),
        Ok(Request::Export { format, dataset, global, reader }) => export(format, &dataset, global, &reader),
        Err(e) => Reply::Refused { message: format!("the request could not be read: {e}") },
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// The CSV templates → a dataset, or every problem at its cell. File names match case-insensitively.
fn import_csv(files: &[(String, String)]) -> Reply {
    let read = |want: &str| files.iter().find(|(n, _)| n.eq_ignore_ascii_case(want)).map(|(_, t)| t.clone());
    match templates::import_json(&read) {
        Ok((_, text)) => Reply::Dataset { text },
        Err(problems) => Reply::Problems { problems: problems.into_iter().map(Problem::from).collect() },
    }
}

/// One of the Export menu's files: the dataset read again (it is valid: the page checked it), the
/// page's global layout with the configuration of the reader's screen, the file made.
fn export(format: ExportFormat, dataset: &str, global: Vec<ExactPoint>, reader: &ReaderView) -> Reply {
    let ds = match Dataset::from_json_str(dataset) {
        Ok(ds) => ds,
        Err(e) => return Reply::Refused { message: format!("the dataset could not be read: {e}") },
    };
    let config = LayoutConfig::for_screen(reader.compact);
    let layout = if global.len() == ds.organisations.len() {
        TemporalLayout { config, global: global.into_iter().map(point).collect() }
    } else {
        TemporalLayout::new(&ds, config)
    };
    Reply::File { text: reader_view::make(format, &ds, &layout, reader) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;
    use crate::network::Vec2;

    const TINY: &str = include_str!("../tests/res/tiny.json");

    fn templates_of(ds: &Dataset) -> Vec<(String, String)> {
        templates::write_templates(ds).into_iter().map(|(n, t)| (n.to_string(), t)).collect()
    }

    fn ask(request: &Request) -> Reply {
        Reply::from_json(&answer(&request.to_json()))
    }

    #[test]
    fn the_templates_of_a_story_come_back_as_that_story() {
        let ds = Dataset::from_json_str(TINY).unwrap();
        match ask(&Request::ImportCsv { files: templates_of(&ds) }) {
            Reply::Dataset { text } => assert_eq!(Dataset::from_json_str(&text).unwrap(), ds),
            other => panic!("{other:?}"),
        }
        // Names as a spreadsheet program may save them.
        let upper: Vec<(String, String)> = templates_of(&ds).into_iter().map(|(n, t)| (n.to_uppercase(), t)).collect();
        assert!(matches!(ask(&Request::ImportCsv { files: upper }), Reply::Dataset { .. }));
    }

    #[test]
    fn a_broken_cell_is_a_problem_at_its_file_row_and_column() {
        let ds = Dataset::from_json_str(TINY).unwrap();
        let broken: Vec<(String, String)> = templates_of(&ds)
            .into_iter()
            .map(|(n, t)| if n == "events.csv" { (n, t.replacen(",20", ",2O", 1)) } else { (n, t) })
            .collect();
        match ask(&Request::ImportCsv { files: broken }) {
            Reply::Problems { problems } => {
                assert!(problems.iter().any(|p| p.path.starts_with("events.csv row ")), "{problems:?}")
            }
            other => panic!("{other:?}"),
        }
        match ask(&Request::ImportCsv { files: vec![] }) {
            Reply::Problems { problems } => {
                assert!(problems.iter().any(|p| p.path == "story.csv" && p.message.contains("missing")), "{problems:?}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_export_is_the_file_of_the_readers_view_with_the_pages_layout() {
        let ds = Dataset::from_json_str(TINY).unwrap();
        let layout = TemporalLayout::new(&ds, LayoutConfig::for_screen(true));
        let global: Vec<ExactPoint> = layout.global.iter().map(|p| reader_view::exact(*p)).collect();
        let reader = ReaderView {
            link: "date=2019-08".into(),
            pins: vec![(0, reader_view::exact(Vec2::new(5.0, 6.0)))],
            compact: true,
        };
        for format in [ExportFormat::Svg, ExportFormat::Csv, ExportFormat::Json, ExportFormat::Gexf] {
            let want = reader_view::make(format, &ds, &layout, &reader);
            let request = |global| Request::Export { format, dataset: TINY.into(), global, reader: reader.clone() };
            assert_eq!(ask(&request(global.clone())), Reply::File { text: want.clone() }, "{format:?}");
            // Without the page's positions (or with the wrong count) the same layout is computed.
            assert_eq!(ask(&request(vec![[0, 0]])), Reply::File { text: want }, "{format:?}");
        }
        // The page's positions are used as they are: moving one moves the picture.
        let mut moved = global.clone();
        moved[0] = reader_view::exact(point(moved[0]) + Vec2::new(300.0, 0.0));
        let svg = |global| {
            ask(&Request::Export { format: ExportFormat::Svg, dataset: TINY.into(), global, reader: reader.clone() })
        };
        assert_ne!(svg(moved), svg(global));
        let broken = Request::Export { format: ExportFormat::Csv, dataset: "{".into(), global: vec![], reader };
        assert!(matches!(ask(&broken), Reply::Refused { message } if message.contains("dataset")));
    }

    #[test]
    fn any_text_gets_a_reply() {
        for bad in ["", "{", "[]", r#"{"tool": "format_disk"}"#, r#"{"tool": "import_csv"}"#] {
            assert!(matches!(Reply::from_json(&answer(bad)), Reply::Refused { .. }), "{bad}");
        }
        assert!(matches!(Reply::from_json("not json"), Reply::Refused { .. }));
    }
}
