//! The error panel: what went wrong, where, in plain words. Shown instead of the views, never a
//! blank page.

use powershift_core::model::LoadError;
use yew::prelude::*;

use crate::load::LoadFailure;

/// Props of [`ErrorPanel`].
#[derive(Properties, PartialEq, Debug)]
pub struct ErrorPanelProps {
    /// The failure.
    pub failure: LoadFailure,
}

/// Most problems shown before "and N more" (the full list is in the console and the CLI).
const MAX_SHOWN: usize = 200;

/// The error panel.
#[function_component(ErrorPanel)]
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    let url = props.failure.url().to_string();
    let (heading, body): (&str, Html) = match &props.failure {
        LoadFailure::RefusedUrl { reason, .. } => (
            "This data address is not allowed",
            html! { <p>{ format!("The page was asked to load “{url}”, but {reason}.") }</p> },
        ),
        LoadFailure::Network { message, .. } => {
            ("The data could not be loaded", html! { <p>{ format!("The request for {url} failed: {message}") }</p> })
        }
        LoadFailure::Http { status, status_text, .. } => (
            "The data could not be loaded",
            html! { <p>
                { "The server answered " }<strong data-testid="http-status">{ format!("HTTP {status}") }</strong>
                { if status_text.is_empty() { String::new() } else { format!(" {status_text}") } }
                { format!(" for {url}.") }
            </p> },
        ),
        LoadFailure::TooLarge { bytes, limit, .. } => (
            "The data file is too large",
            html! { <p data-testid="too-large">
                { format!("{url} is {bytes} bytes ({}); Power Shift reads datasets of at most {limit} bytes ({}).",
                    mib(*bytes), mib(*limit)) }
            </p> },
        ),
        LoadFailure::Tools { message, .. } => (
            "The CSV files could not be read",
            html! { <p>
                { format!("Reading {url} needs the page's tools module, which could not be started ({message}). \
                           A JSON dataset opens without it; or try again when the connection is back.") }
            </p> },
        ),
        LoadFailure::Data { error: LoadError::Syntax { line, column, message }, .. } => (
            "The data file is not valid JSON",
            html! { <p>
                { format!("{url}: ") }
                <strong data-testid="syntax-position">{ format!("line {line}, column {column}") }</strong>
                { format!(": {message}.") }
            </p> },
        ),
        LoadFailure::Data { error: LoadError::Invalid(problems), .. } => (
            "The data file has problems",
            html! { <>
                <p>{ format!("{url} is not a valid Power Shift dataset. {} problem{} found:",
                    problems.len(), if problems.len() == 1 { "" } else { "s" }) }</p>
                <ul class="problems" data-testid="problems">
                    { for problems.iter().take(MAX_SHOWN).map(|p| html! {
                        <li><code>{ &p.path }</code>{ ": " }{ &p.message }</li>
                    }) }
                </ul>
                if problems.len() > MAX_SHOWN {
                    <p>{ format!("…and {} more. Run `powershift validate` for the full list.", problems.len() - MAX_SHOWN) }</p>
                }
            </> },
        ),
    };
    html! {
        <section class="panel error-panel" role="alert" aria-labelledby="error-title">
            <h2 id="error-title">{ heading }</h2>
            { body }
        </section>
    }
}

/// "17.3 MiB".
fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}
