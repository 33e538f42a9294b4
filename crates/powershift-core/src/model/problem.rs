//! Problems found while loading a dataset: data, not panics.
//!
//! Validation never stops at the first problem: it collects every one, each with the JSON path of
//! the offending value (`events[12].sources[0].url`) and a plain-language message, so a journalist
//! can fix a file in one pass.

use std::fmt;

/// One thing wrong with a dataset, at a place.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// JSON path of the value, e.g. `relationships[3].phases[1].end`; `(root)` for the document.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a dataset could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON. Line and column are 1-based, as editors show them.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The JSON does not describe a valid dataset: every problem found.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column, message } => {
                write!(f, "not valid JSON at line {line}, column {column}: {message}")
            }
            LoadError::Invalid(problems) => {
                write!(f, "{} problem{} in the dataset", problems.len(), if problems.len() == 1 { "" } else { "s" })?;
                for p in problems {
                    write!(f, "\n{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// Builds the syntax error from serde_json's, keeping its line and column and dropping
    /// its trailing " at line L column C" (we print those ourselves).
    pub(crate) fn from_json(e: &serde_json::Error) -> LoadError {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        LoadError::Syntax { line: e.line().max(1), column: e.column().max(1), message }
    }

    /// The problems, or the syntax error as a single problem at `(root)`.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            LoadError::Invalid(p) => p.clone(),
            s @ LoadError::Syntax { .. } => vec![Problem { path: "(root)".into(), message: s.to_string() }],
        }
    }
}
