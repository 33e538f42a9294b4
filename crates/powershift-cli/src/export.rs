//! `powershift export` and `powershift import`: the core's writers and reader, with files.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use powershift_core::date::Date;
use powershift_core::export::{gexf::gexf, table::relationships_csv, templates};
use powershift_core::network::{LayoutConfig, TemporalLayout};
use powershift_core::snapshot::Snapshot;
use powershift_core::svg::document::{network_document, DocumentSize};
use powershift_core::view::ViewContext;

use crate::commands::{load, INVALID, OK, UNREADABLE};

/// The picture's size options.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// The social card (1200×630 at 1×).
    pub card: bool,
    /// CSS width.
    pub width: Option<u32>,
    /// CSS height.
    pub height: Option<u32>,
    /// PNG pixels per CSS pixel.
    pub scale: Option<u8>,
}

/// The story's id for file names: the dataset file's name without its extension.
fn story_id(file: &str) -> String {
    Path::new(file).file_stem().and_then(|s| s.to_str()).filter(|s| !s.is_empty()).unwrap_or("story").to_string()
}

/// Runs `export`; see the command's help.
pub fn export(
    file: &str,
    date: Option<Date>,
    format: &str,
    output: Option<&str>,
    size: Size,
    out: &mut impl Write,
    err: &mut impl Write,
) -> u8 {
    let ds = match load(file, err) {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    let ctx = ViewContext::of(&ds);
    let asked = date.unwrap_or(ctx.range.1);
    let d = ctx.clamp(asked);
    if d != asked && !matches!(format, "gexf" | "csv-templates") {
        let _ = writeln!(err, "note: the story runs from {} to {}; exporting {d}", ctx.range.0, ctx.range.1);
    }
    let story = story_id(file);
    if format == "csv-templates" {
        let dir = output.map_or_else(|| format!("{story}-templates"), str::to_string);
        if let Err(e) = std::fs::create_dir_all(&dir) {
            let _ = writeln!(err, "{dir}: cannot create the folder: {e}");
            return UNREADABLE;
        }
        for (name, text) in templates::write_templates(&ds) {
            let path = Path::new(&dir).join(name);
            if let Err(e) = std::fs::write(&path, text) {
                let _ = writeln!(err, "{}: cannot write the file: {e}", path.display());
                return UNREADABLE;
            }
        }
        let _ = writeln!(out, "wrote {dir}/: {} files", templates::FILES.len());
        return OK;
    }
    let card = size.card;
    let doc_size = DocumentSize {
        width: f64::from(size.width.unwrap_or(1200)),
        height: f64::from(size.height.unwrap_or(if card { 630 } else { 800 })),
    };
    let scale = size.scale.unwrap_or(if card { 1 } else { 2 });
    let (bytes, default_name): (Vec<u8>, String) = match format {
        "svg" | "png" => {
            let temporal = TemporalLayout::new(&ds, LayoutConfig::default());
            let svg = network_document(&ds, &temporal, d, doc_size);
            if format == "svg" {
                (svg.into_bytes(), format!("{story}-{d}.svg"))
            } else {
                match crate::png::render(&svg, f32::from(scale)) {
                    Ok(png) => (png, format!("{story}-{d}{}.png", if card { "-card" } else { "" })),
                    Err(e) => {
                        let _ = writeln!(err, "cannot render the PNG: {e}");
                        return UNREADABLE;
                    }
                }
            }
        }
        "csv" => (relationships_csv(&ds, d).into_bytes(), format!("{story}-{d}.csv")),
        "json" => {
            let layout = TemporalLayout::new(&ds, LayoutConfig::default());
            let snap = Snapshot::with_layout(&ds, d, &layout.at(&ds, d));
            let mut text = serde_json::to_string_pretty(&snap).unwrap_or_default();
            text.push('\n');
            (text.into_bytes(), format!("{story}-{d}.json"))
        }
        _ => (gexf(&ds).into_bytes(), format!("{story}.gexf")),
    };
    write_output(output.unwrap_or(&default_name), &bytes, out, err)
}

fn write_output(path: &str, bytes: &[u8], out: &mut impl Write, err: &mut impl Write) -> u8 {
    if path == "-" {
        return match out.write_all(bytes) {
            Ok(()) => OK,
            Err(e) => {
                let _ = writeln!(err, "cannot write to standard output: {e}");
                UNREADABLE
            }
        };
    }
    match std::fs::write(path, bytes) {
        Ok(()) => {
            let _ = writeln!(out, "wrote {path} ({} bytes)", bytes.len());
            OK
        }
        Err(e) => {
            let _ = writeln!(err, "{path}: cannot write the file: {e}");
            UNREADABLE
        }
    }
}

/// Runs `import`; see the command's help.
pub fn import(dir: &str, output: Option<&str>, out: &mut impl Write, err: &mut impl Write) -> u8 {
    if !Path::new(dir).is_dir() {
        let _ = writeln!(err, "{dir}: not a folder (give the folder that holds the CSV files)");
        return UNREADABLE;
    }
    let mut files: BTreeMap<&str, String> = BTreeMap::new();
    let mut unreadable = false;
    for f in templates::FILES {
        let path = Path::new(dir).join(f.name);
        if !path.exists() && !f.required {
            continue;
        }
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                files.insert(f.name, text);
            }
            Ok(Err(_)) => {
                let _ = writeln!(err, "{}: not UTF-8 text (save the sheet as \"CSV UTF-8\")", path.display());
                unreadable = true;
            }
            Err(e) => {
                let _ = writeln!(err, "{}: cannot read the file: {e}", path.display());
                unreadable = true;
            }
        }
    }
    if unreadable {
        return UNREADABLE;
    }
    match templates::import(&|name| files.get(name).cloned()) {
        Ok(ds) => {
            let mut text = serde_json::to_string_pretty(&ds.to_json_value()).unwrap_or_default();
            text.push('\n');
            let (a, b) = ds.time_range();
            let summary = format!(
                "valid: {} events, {} organisations, {} relationships, {a} to {b}",
                ds.events.len(),
                ds.organisations.len(),
                ds.relationships.len()
            );
            match output {
                None | Some("-") => {
                    let _ = out.write_all(text.as_bytes());
                    let _ = writeln!(err, "{dir}: {summary}");
                    OK
                }
                Some(path) => match std::fs::write(path, text) {
                    Ok(()) => {
                        let _ = writeln!(out, "wrote {path}: {summary}");
                        OK
                    }
                    Err(e) => {
                        let _ = writeln!(err, "{path}: cannot write the file: {e}");
                        UNREADABLE
                    }
                },
            }
        }
        Err(problems) => {
            let n = problems.len();
            let _ = writeln!(err, "{dir}: {n} problem{}", if n == 1 { "" } else { "s" });
            for p in problems {
                let _ = writeln!(out, "{p}");
            }
            INVALID
        }
    }
}
