//! The page's tools module: what the page asks of it and what it answers.
//!
//! The page's WebAssembly carries what every reader needs on a phone. What only a few readers use
//! is a second module, `powershift-tools` (`crates/powershift-tools`), which the page fetches and
//! starts in a Web Worker the first time a reader uses it (`src/platform/tools.rs`): today, reading
//! the CSV templates of `docs/templates/` into a dataset — the importer and its problem mapping
//! were ~32 KiB of the page's gzipped WebAssembly (issue 12's budget, see BENCHMARKS.md). The two
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

use crate::export::templates;
use crate::model::Problem;

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "tool", rename_all = "snake_case")]
pub enum Request {
    /// Read CSV files (the templates of `docs/templates/`, by file name) into a dataset.
    ImportCsv {
        /// Each file's name and text, as the reader picked or dropped them.
        files: Vec<(String, String)>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

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
    fn any_text_gets_a_reply() {
        for bad in ["", "{", "[]", r#"{"tool": "format_disk"}"#, r#"{"tool": "import_csv"}"#] {
            assert!(matches!(Reply::from_json(&answer(bad)), Reply::Refused { .. }), "{bad}");
        }
        assert!(matches!(Reply::from_json("not json"), Reply::Refused { .. }));
    }
}
