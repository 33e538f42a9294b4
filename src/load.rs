//! What loading a dataset can end in, as plain data the error panel can show.

use std::rc::Rc;

use powershift_core::model::limits::MAX_FILE_BYTES;
use powershift_core::model::{Dataset, LoadError};

/// Why the page has no dataset to show.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The `?data=` parameter names a URL the app will not load.
    RefusedUrl {
        /// The parameter as given.
        url: String,
        /// Why it was refused.
        reason: String,
    },
    /// The request did not complete (offline, blocked, CORS).
    Network {
        /// The URL requested.
        url: String,
        /// The browser's message.
        message: String,
    },
    /// The server answered with an error status.
    Http {
        /// The URL requested.
        url: String,
        /// HTTP status code.
        status: u16,
        /// Status text, when the server sent one.
        status_text: String,
    },
    /// The file is larger than the format allows
    /// ([`powershift_core::model::limits::MAX_FILE_BYTES`]); it is not parsed.
    TooLarge {
        /// The URL requested.
        url: String,
        /// Its size in bytes (from `Content-Length`, or the bytes received).
        bytes: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// CSV files the reader opened could not be read: the tools module that reads them could not
    /// be started or did not understand the page (see [`powershift_core::tools`]).
    Tools {
        /// The files' names.
        url: String,
        /// Why.
        message: String,
    },
    /// The file was fetched but is not a valid dataset.
    Data {
        /// The URL requested.
        url: String,
        /// The syntax error or every validation problem.
        error: LoadError,
    },
}

impl LoadFailure {
    /// The URL concerned.
    pub fn url(&self) -> &str {
        match self {
            LoadFailure::RefusedUrl { url, .. }
            | LoadFailure::Network { url, .. }
            | LoadFailure::Http { url, .. }
            | LoadFailure::TooLarge { url, .. }
            | LoadFailure::Tools { url, .. }
            | LoadFailure::Data { url, .. } => url,
        }
    }
}

/// The state of the dataset on the page.
#[derive(Clone, Debug)]
pub enum LoadState {
    /// Fetching and validating.
    Loading {
        /// The URL being fetched.
        url: String,
    },
    /// Ready.
    Ready {
        /// The URL it came from.
        url: String,
        /// The validated dataset.
        dataset: Rc<Dataset>,
        /// Its text, as it was read: the Export menu sends it to the tools module, which makes
        /// the files (see `powershift_core::export::reader_view`).
        text: Rc<str>,
        /// Which part of the text it was read from.
        part: Part,
    },
    /// Failed, with the reason.
    Failed(LoadFailure),
}

/// Which part of a dataset's text a ready dataset was read from: the whole, or the first part
/// `powershift site` writes for the shipped story's first screen (`powershift_core::model::first_part`),
/// which the whole text completes a moment later.
#[derive(Clone, Debug)]
pub enum Part {
    /// The whole text.
    Whole,
    /// The first part: the dataset has no texts (summaries, sources, notes). `failed`: why the
    /// whole text did not arrive, once it is known.
    First {
        /// Why the whole text did not arrive (the page keeps showing the story).
        failed: Option<Rc<str>>,
    },
    /// The whole text, completing the dataset read from the first part (given): the story on
    /// screen stays the one prepared from that, with this dataset in its place.
    Completing(Rc<Dataset>),
}

impl Part {
    /// The dataset the story is prepared from, if not the ready one: the first part it completes.
    pub fn first(&self) -> Option<&Rc<Dataset>> {
        match self {
            Part::Completing(first) => Some(first),
            _ => None,
        }
    }

    /// Whether the ready dataset has its texts.
    pub fn texts(&self) -> crate::state::Texts {
        match self {
            Part::Whole | Part::Completing(_) => crate::state::Texts::In,
            Part::First { failed: None } => crate::state::Texts::Coming,
            Part::First { failed: Some(why) } => crate::state::Texts::Missing(why.clone()),
        }
    }
}

/// Datasets compare by address (see [`LoadState`]'s `PartialEq`).
impl PartialEq for Part {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Part::Whole, Part::Whole) => true,
            (Part::First { failed: a }, Part::First { failed: b }) => a == b,
            (Part::Completing(a), Part::Completing(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A ready dataset compares by address: the same load is the same dataset, and comparing two
/// datasets field by field on every render of the page was both slow and ~5 KB of Wasm.
impl PartialEq for LoadState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (LoadState::Loading { url: a }, LoadState::Loading { url: b }) => a == b,
            (
                LoadState::Ready { url: a, dataset: x, part: p, .. },
                LoadState::Ready { url: b, dataset: y, part: q, .. },
            ) => a == b && Rc::ptr_eq(x, y) && p == q,
            (LoadState::Failed(a), LoadState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// Refuses a body of `bytes` bytes over the format's limit, before it is parsed.
pub fn check_size(url: &str, bytes: u64) -> Result<(), LoadFailure> {
    let limit = MAX_FILE_BYTES as u64;
    if bytes > limit {
        return Err(LoadFailure::TooLarge { url: url.to_string(), bytes, limit });
    }
    Ok(())
}

/// Where a dataset embedded in the page "comes from", for the error panel and the state.
pub const EMBEDDED_URL: &str = "(the dataset embedded in this page)";

/// The state for the dataset embedded in the page by `powershift bundle` (the text of the
/// `<script type="application/json" id="powershift-data">` element), checked like a fetched one.
/// Not inlined into the app's start: only the archive copy runs it, so its code stays out of the
/// page's first download.
#[inline(never)]
pub fn from_embedded(text: &str) -> LoadState {
    parse_body(EMBEDDED_URL, text)
}

/// Turns a fetched body into a state: the dataset, or every problem with its place.
pub fn parse_body(url: &str, body: &str) -> LoadState {
    match parse_step(url, body) {
        Ok(value) => validate_step(url, body, &value, false),
        Err(failed) => failed,
    }
}

/// The first half of [`parse_body`]: the size and the JSON syntax (the page runs the halves in two
/// tasks). An error is the final state.
pub fn parse_step(url: &str, body: &str) -> Result<serde_json::Value, LoadState> {
    if let Err(failure) = check_size(url, body.len() as u64) {
        return Err(LoadState::Failed(failure));
    }
    Dataset::parse_json(body).map_err(|error| LoadState::Failed(LoadFailure::Data { url: url.to_string(), error }))
}

/// The second half of [`parse_body`]: every check of `value`, parsed from `body` by [`parse_step`].
/// `validated_by_the_build`: `body` is the very text the build validated in full (it has the
/// layout island's fingerprint, see [`crate::known_layout::island_for`]); the page then skips the
/// one pass that reads the text again (duplicate keys, a third of the validation's time) and runs
/// the checks that build the dataset.
pub fn validate_step(url: &str, body: &str, value: &serde_json::Value, validated_by_the_build: bool) -> LoadState {
    validated(url, body, validation(body, value, validated_by_the_build).finish())
}

/// [`validate_step`] in steps, for the page to run one task each (see
/// [`powershift_core::model::Validation`]); [`validated`] turns the result into a state.
pub fn validation<'a>(
    body: &'a str,
    value: &'a serde_json::Value,
    validated_by_the_build: bool,
) -> powershift_core::model::Validation<'a> {
    Dataset::validation((!validated_by_the_build).then_some(body), value)
}

/// A finished validation of the dataset from `url`, read from `body`, as a load state.
pub fn validated(url: &str, body: &str, result: Result<Dataset, LoadError>) -> LoadState {
    match result {
        Ok(ds) => {
            LoadState::Ready { url: url.to_string(), dataset: Rc::new(ds), text: Rc::from(body), part: Part::Whole }
        }
        Err(error) => LoadState::Failed(LoadFailure::Data { url: url.to_string(), error }),
    }
}

#[cfg(test)]
mod embedded_tests {
    use super::*;

    #[test]
    fn an_embedded_dataset_is_validated_like_a_fetched_one() {
        let tiny = include_str!("../tests/data/tiny.json");
        match from_embedded(tiny) {
            LoadState::Ready { url, dataset, .. } => {
                assert_eq!(url, EMBEDDED_URL);
                assert_eq!(dataset.organisations.len(), Dataset::from_json_str(tiny).unwrap().organisations.len());
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(from_embedded("{"), LoadState::Failed(LoadFailure::Data { .. })));
    }
}

/// What the files a reader opened need before they are a load state.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenedFiles {
    /// Read here: one JSON dataset, or nothing to read.
    Read(LoadState),
    /// CSV files: the tools module reads them (see [`powershift_core::tools`]); its reply goes to
    /// [`from_tools_reply`] with `label`.
    ForTools {
        /// The files' names, as the page shows where a dataset came from.
        label: String,
        /// The request to post to the tools module.
        request: String,
    },
}

/// Sorts out files a reader opened (one JSON dataset, or the CSV templates of `docs/templates/`).
/// Pure; nothing leaves the page.
pub fn parse_files(files: &[(String, String)]) -> OpenedFiles {
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let label = format!("your file{} {}", if files.len() == 1 { "" } else { "s" }, names.join(", "));
    if let [(name, text)] = files {
        if !name.to_ascii_lowercase().ends_with(".csv") {
            return OpenedFiles::Read(parse_body(name, text));
        }
    }
    if files.is_empty() {
        return OpenedFiles::Read(LoadState::Failed(LoadFailure::Data {
            url: label,
            error: LoadError::Invalid(vec![powershift_core::model::Problem {
                path: "(files)".into(),
                message: "no file was opened".into(),
            }]),
        }));
    }
    let request = powershift_core::tools::Request::ImportCsv { files: files.to_vec() }.to_json();
    OpenedFiles::ForTools { label, request }
}

/// The tools module's reply to the CSV files labelled `label` (see [`parse_files`]) as a load
/// state: the dataset, read like a fetched one; every problem at its file, row and column; or why
/// the tools module could not answer (`Err`: it could not be loaded or started).
pub fn from_tools_reply(label: &str, reply: Result<String, String>) -> LoadState {
    use powershift_core::tools::Reply;
    let tools = |message: String| LoadState::Failed(LoadFailure::Tools { url: label.to_string(), message });
    match reply.map(|text| Reply::from_json(&text)) {
        Ok(Reply::Dataset { text }) => match parse_body(label, &text) {
            // Checked by the tools module already; a failure here would be a mismatch of builds.
            LoadState::Ready { dataset, text, part, .. } => {
                LoadState::Ready { url: label.to_string(), dataset, text, part }
            }
            other => other,
        },
        Ok(Reply::File { .. }) => tools("a file where a dataset was asked for".into()),
        Ok(Reply::Problems { problems }) => {
            LoadState::Failed(LoadFailure::Data { url: label.to_string(), error: LoadError::Invalid(problems) })
        }
        Ok(Reply::Refused { message }) => tools(message),
        Err(why) => tools(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = include_str!("../tests/data/tiny.json");

    #[test]
    fn a_text_validated_by_the_build_reads_as_the_same_dataset() {
        let value = parse_step("x", TINY).unwrap();
        let (LoadState::Ready { dataset: full, .. }, LoadState::Ready { dataset: quick, .. }) =
            (validate_step("x", TINY, &value, false), validate_step("x", TINY, &value, true))
        else {
            panic!("the tiny story is valid");
        };
        assert_eq!(full, quick);
        // Only the text pass is skipped: the checks that build the dataset still refuse bad data.
        let bad = parse_step("x", r#"{"format_version": 1}"#).unwrap();
        assert!(matches!(validate_step("x", "", &bad, true), LoadState::Failed(LoadFailure::Data { .. })));
    }

    #[test]
    fn one_json_file_is_read_as_a_dataset() {
        let read = |files: &[(String, String)]| match parse_files(files) {
            OpenedFiles::Read(state) => state,
            other => panic!("{other:?}"),
        };
        assert!(matches!(read(&[("story.json".into(), TINY.into())]), LoadState::Ready { .. }));
        assert!(matches!(read(&[("story.json".into(), "{".into())]), LoadState::Failed(LoadFailure::Data { .. })));
        assert!(matches!(read(&[]), LoadState::Failed(_)));
    }

    /// The page's side of a CSV import, with the tools module's answer run natively.
    fn import(files: &[(String, String)]) -> LoadState {
        match parse_files(files) {
            OpenedFiles::ForTools { label, request } => {
                assert_eq!(
                    label,
                    format!("your files {}", files.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "))
                );
                from_tools_reply(&label, Ok(powershift_core::tools::answer(&request)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn csv_templates_are_imported_by_the_tools_module_with_problems_placed_in_their_files() {
        let ds = powershift_core::model::Dataset::from_json_str(TINY).unwrap();
        let files: Vec<(String, String)> = powershift_core::export::templates::write_templates(&ds)
            .into_iter()
            .map(|(n, t)| (n.to_string(), t))
            .collect();
        match import(&files) {
            LoadState::Ready { dataset, url, .. } => {
                assert_eq!(*dataset, ds);
                assert!(url.starts_with("your files story.csv, "), "{url}");
            }
            other => panic!("{other:?}"),
        }
        let broken: Vec<(String, String)> = files
            .iter()
            .map(
                |(n, t)| {
                    if n == "events.csv" {
                        (n.clone(), t.replacen(",20", ",2O", 1))
                    } else {
                        (n.clone(), t.clone())
                    }
                },
            )
            .collect();
        match import(&broken) {
            LoadState::Failed(LoadFailure::Data { error: LoadError::Invalid(p), .. }) => {
                assert!(p.iter().any(|p| p.path.starts_with("events.csv row ")), "{p:?}")
            }
            other => panic!("{other:?}"),
        }
        // One CSV file goes to the tools module too (it names the files that are missing).
        assert!(matches!(parse_files(&[("events.csv".into(), String::new())]), OpenedFiles::ForTools { .. }));
    }

    #[test]
    fn a_tools_module_that_cannot_answer_is_an_error_naming_why() {
        let why = |state: LoadState| match state {
            LoadState::Failed(LoadFailure::Tools { url, message }) => {
                assert_eq!(url, "your files a.csv");
                message
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(why(from_tools_reply("your files a.csv", Err("404 Not Found".into()))), "404 Not Found");
        assert!(why(from_tools_reply("your files a.csv", Ok("<html>".into()))).contains("could not be read"));
    }
}
