//! `powershift`: the command-line tool for Power Shift datasets.
//!
//! ```text
//! powershift validate FILE...                 exit 0 valid, 1 problems, 2 unreadable
//! powershift snapshot FILE --date YYYY-MM-DD  the network on a date, as JSON
//! powershift export FILE [--date D] [--format svg|png|csv|json|gexf|csv-templates] [-o PATH] [--card]
//! powershift import DIR [-o story.json]        spreadsheet CSVs → dataset; exit codes as validate
//! powershift bundle DIST [-o powershift.html]  one self-contained HTML file (the archive copy)
//! powershift site DIST                      boot script as a file (CSP), first screen prerendered (a Trunk hook)
//! powershift layout-report FILE               stability and label overlaps per change date
//! powershift bench [--nodes N] [--edges M] [--ticks T] [--seed S]
//! powershift generate [--orgs N] [--relationships M] [--seed S]
//! ```
//!
//! `powershift --help` and `powershift COMMAND --help` describe each; options take `--flag value`
//! or `--flag=value`. The commands live in `commands.rs`, written against `Write` handles.

use std::process::ExitCode;

mod bundle;
mod commands;
mod data_split;
mod export;
mod page_split;
mod png;
mod prerender;
mod site;
mod social;
mod tools_worker;
mod wasm_split;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    ExitCode::from(commands::run(&args, &mut out, &mut err))
}
