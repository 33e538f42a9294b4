//! The commands, written against `Write` handles so they are tested without a process.

use std::io::Write;

use powershift_core::date::Date;
use powershift_core::model::{Dataset, LoadError};
use powershift_core::snapshot::Snapshot;

/// Exit code: success.
pub const OK: u8 = 0;
/// Exit code: the data has problems.
pub const INVALID: u8 = 1;
/// Exit code: a file could not be read, or the command line is wrong.
pub const UNREADABLE: u8 = 2;

const USAGE: &str = "\
usage:
  powershift validate FILE...
      Check datasets. Exit 0 when all are valid (one summary line each), 1 when any has problems
      (every problem, one per line, as `path: message`), 2 when a file cannot be read.
  powershift snapshot FILE --date YYYY-MM-DD
      Print the network as of a date as JSON: {date, description, nodes, edges}.
";

/// Runs a command line; returns the exit code.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..], out, err),
        Some("snapshot") => snapshot(&args[1..], out, err),
        Some("-h" | "--help" | "help") => {
            let _ = write!(out, "{USAGE}");
            OK
        }
        Some(other) => {
            let _ = write!(err, "powershift: unknown command {other:?}\n{USAGE}");
            UNREADABLE
        }
        None => {
            let _ = write!(err, "{USAGE}");
            UNREADABLE
        }
    }
}

fn read(path: &str, err: &mut impl Write) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(b) => Some(b),
        Err(e) => {
            let _ = writeln!(err, "{path}: cannot read the file: {e}");
            None
        }
    }
}

fn validate(files: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    if files.is_empty() {
        let _ = write!(err, "powershift validate: name at least one FILE\n{USAGE}");
        return UNREADABLE;
    }
    let mut code = OK;
    for path in files {
        let Some(bytes) = read(path, err) else {
            code = code.max(UNREADABLE);
            continue;
        };
        match Dataset::from_json_slice(&bytes) {
            Ok(ds) => {
                let (a, b) = ds.time_range();
                let _ = writeln!(
                    out,
                    "{path}: valid: {} events, {} organisations, {} relationships, {a} to {b}",
                    ds.events.len(),
                    ds.organisations.len(),
                    ds.relationships.len()
                );
            }
            Err(e) => {
                code = code.max(INVALID);
                let problems = e.problems();
                let _ = writeln!(err, "{path}: {} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
                for p in problems {
                    let _ = writeln!(out, "{p}");
                }
            }
        }
    }
    code
}

fn snapshot(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let mut file = None;
    let mut date = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--date" => date = it.next().cloned(),
            s if s.starts_with("--date=") => date = Some(s["--date=".len()..].to_string()),
            s if file.is_none() && !s.starts_with("--") => file = Some(s.to_string()),
            s => {
                let _ = write!(err, "powershift snapshot: unexpected argument {s:?}\n{USAGE}");
                return UNREADABLE;
            }
        }
    }
    let (Some(file), Some(date)) = (file, date) else {
        let _ = write!(err, "powershift snapshot: needs FILE and --date YYYY-MM-DD\n{USAGE}");
        return UNREADABLE;
    };
    let date = match Date::parse_iso(&date) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "--date: {date:?} {e}; expected YYYY-MM-DD");
            return UNREADABLE;
        }
    };
    let Some(bytes) = read(&file, err) else { return UNREADABLE };
    let ds = match Dataset::from_json_slice(&bytes) {
        Ok(ds) => ds,
        Err(e @ (LoadError::Syntax { .. } | LoadError::Invalid(_))) => {
            let _ = writeln!(err, "{file}: {e}");
            return INVALID;
        }
    };
    let snap = Snapshot::of(&ds, date);
    match serde_json::to_writer_pretty(&mut *out, &snap) {
        Ok(()) => {
            let _ = writeln!(out);
            OK
        }
        Err(e) => {
            let _ = writeln!(err, "cannot write the snapshot: {e}");
            UNREADABLE
        }
    }
}
