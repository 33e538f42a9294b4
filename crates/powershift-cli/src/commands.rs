//! The commands, written against `Write` handles so they are tested without a process.

use std::io::Write;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use powershift_core::date::Date;
use powershift_core::model::limits::MAX_FILE_BYTES;
use powershift_core::model::{too_large, Dataset, LoadError};
use powershift_core::network::{LayoutConfig, TemporalLayout};
use powershift_core::snapshot::Snapshot;

/// Exit code: success.
pub const OK: u8 = 0;
/// Exit code: the data has problems.
pub const INVALID: u8 = 1;
/// Exit code: a file could not be read, or the command line is wrong.
pub const UNREADABLE: u8 = 2;

/// `powershift`: the command-line tool for Power Shift datasets.
#[derive(Debug, Parser)]
#[command(
    name = "powershift",
    version,
    about = "Check, inspect and lay out Power Shift datasets",
    max_term_width = 100
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check datasets: exit 0 when all are valid (one summary line each), 1 when any has problems
    /// (every problem, one per line, as `path: message`), 2 when a file cannot be read. Files over
    /// 16 MiB are refused unread (see the limits in docs/data-format.md).
    Validate {
        /// The dataset files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Print the network as of a date as JSON: {date, description, nodes (with x, y), edges}.
    Snapshot {
        /// The dataset file.
        file: String,
        /// The as-of date.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Date,
    },
    /// Write the network out: the picture on a date (svg, png at 2×), the relationships in force
    /// (csv), the snapshot (json), the whole story as a dynamic graph for Gephi (gexf), or the
    /// story as spreadsheet templates (csv-templates, a folder). File names carry the story and
    /// the date (`powershift-2026-04-28.svg`) unless `-o` names one; `-o -` writes to standard
    /// output. `--card` renders the 1200×630 social card PNG of the story's last date.
    Export {
        /// The dataset file.
        file: String,
        /// The as-of date (default: the story's last date); clamped to the story's range.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<Date>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = Format::Svg)]
        format: Format,
        /// The output file (a folder for csv-templates); `-` for standard output.
        #[arg(short, long, value_name = "PATH")]
        output: Option<String>,
        /// The social card: a 1200×630 PNG (at 1×) of the story's last date unless --date is given.
        #[arg(long)]
        card: bool,
        /// Width of the picture in CSS pixels (svg, png; default 1200).
        #[arg(long, value_parser = clap::value_parser!(u32).range(200..=8000))]
        width: Option<u32>,
        /// Height of the picture in CSS pixels (svg, png; default 800, 630 for --card).
        #[arg(long, value_parser = clap::value_parser!(u32).range(150..=8000))]
        height: Option<u32>,
        /// Pixels per CSS pixel of a PNG (default 2; 1 for --card).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
        scale: Option<u8>,
    },
    /// Build a dataset from spreadsheet CSV files (the templates in docs/templates/): exit 0 and
    /// write it, 1 with every problem as `file row R, column "C": message`, 2 when the folder or a
    /// required file cannot be read.
    Import {
        /// The folder with story.csv, organisations.csv, events.csv, sources.csv,
        /// relationships.csv (and optionally amounts.csv, conflicts.csv).
        dir: String,
        /// The dataset file to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
    },
    /// Write one self-contained HTML file from a `trunk build` output folder (the Wasm, its glue,
    /// the CSS and the dataset inlined): the archive copy, which works from disk with no network.
    Bundle {
        /// The `trunk build` output folder (index.html, powershift-app-*.js, *_bg.wasm, style-*.css,
        /// data/powershift.json).
        dist: String,
        /// The HTML file to write.
        #[arg(short, long, value_name = "FILE", default_value = "powershift.html")]
        output: String,
    },
    /// Put the social card into a built site: DIST/social-card.png (1200×630, the story's last date)
    /// and Open Graph / Twitter card tags in DIST/index.html (title and description from the
    /// dataset's meta). Run after `trunk build`.
    Social {
        /// The `trunk build` output folder.
        dist: String,
        /// The dataset (default: DIST/data/powershift.json).
        #[arg(long, value_name = "FILE")]
        data: Option<String>,
        /// The site's public address, e.g. https://owner.github.io/powershift/ (crawlers need an
        /// absolute image URL; without it the tag is relative).
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
    /// Finish a `trunk build`: the inline boot script becomes DIST/boot-<hash>.js (the page's Content
    /// Security Policy allows no inline script), and the default view of DIST/data/powershift.json
    /// is prerendered into DIST/index.html (Trunk runs this as a post-build hook).
    Site {
        /// The built site folder (Trunk's staging folder in the hook).
        dist: String,
    },
    /// For every change date: organisations, relationships, the stability metric (mean
    /// displacement since the previous change date / layout diameter) and the label overlaps.
    LayoutReport {
        /// The dataset file.
        file: String,
    },
    /// Time the force simulation natively on a seeded random graph (ms per tick, as JSON).
    Bench {
        /// Nodes of the random graph.
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..))]
        nodes: u32,
        /// Edges of the random graph.
        #[arg(long, default_value_t = 5000)]
        edges: usize,
        /// Ticks to time.
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..))]
        ticks: u32,
        /// Seed of the graph and the simulation.
        #[arg(long, default_value_t = 1)]
        seed: u32,
    },
    /// Print a valid synthetic dataset of that size (for benchmarks and stress tests).
    Generate {
        /// Organisations (at least 2).
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(2..))]
        orgs: u32,
        /// Relationships.
        #[arg(long, default_value_t = 3000)]
        relationships: u32,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u32,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Standalone SVG of the network on the date.
    Svg,
    /// The same picture as PNG (2× by default).
    Png,
    /// The relationships in force on the date (RFC 4180).
    Csv,
    /// The `powershift snapshot` JSON of the date.
    Json,
    /// The whole story as a dynamic GEXF 1.3 graph (Gephi's timeline).
    Gexf,
    /// The story as the spreadsheet templates (a folder of CSV files).
    CsvTemplates,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).map_err(|e| format!("{e}; expected YYYY-MM-DD"))
}

/// Runs a command line (without the program name); returns the exit code. `--help` and
/// `--version` print to `out` and exit 0; a wrong command line prints clap's message to `err` and
/// exits 2.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let cli = match Cli::try_parse_from(std::iter::once("powershift".to_string()).chain(args.iter().cloned())) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = write!(out, "{text}");
                    OK
                }
                _ => {
                    let _ = write!(err, "{text}");
                    UNREADABLE
                }
            };
        }
    };
    match cli.command {
        Command::Validate { files } => validate(&files, out, err),
        Command::Snapshot { file, date } => snapshot(&file, date, out, err),
        Command::Export { file, date, format, output, card, width, height, scale } => {
            let size = crate::export::Size { card, width, height, scale };
            crate::export::export(&file, date, format_name(format), output.as_deref(), size, out, err)
        }
        Command::Import { dir, output } => crate::export::import(&dir, output.as_deref(), out, err),
        Command::Bundle { dist, output } => bundle(&dist, &output, out, err),
        Command::Social { dist, data, url } => crate::social::social(&dist, data.as_deref(), url.as_deref(), out, err),
        Command::Site { dist } => crate::site::site(&dist, out, err),
        Command::LayoutReport { file } => layout_report(&file, out, err),
        Command::Bench { nodes, edges, ticks, seed } => bench(nodes, edges, ticks as usize, seed, out),
        Command::Generate { orgs, relationships, seed } => generate(orgs, relationships, seed, out),
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Svg => "svg",
        Format::Png => "png",
        Format::Csv => "csv",
        Format::Json => "json",
        Format::Gexf => "gexf",
        Format::CsvTemplates => "csv-templates",
    }
}

fn bundle(dist: &str, output: &str, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let b = match crate::bundle::bundle(std::path::Path::new(dist)) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return UNREADABLE;
        }
    };
    if let Err(e) = std::fs::write(output, &b.html) {
        let _ = writeln!(err, "{output}: cannot write the file: {e}");
        return UNREADABLE;
    }
    let _ = writeln!(
        out,
        "wrote {output}: {} bytes ({} files inlined, WebAssembly {} bytes)",
        b.html.len(),
        b.inlined.len(),
        b.wasm_bytes
    );
    OK
}

pub(crate) fn read(path: &str, err: &mut impl Write) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(b) => Some(b),
        Err(e) => {
            let _ = writeln!(err, "{path}: cannot read the file: {e}");
            None
        }
    }
}

fn validate(files: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let mut code = OK;
    for path in files {
        // Refuse an oversized file before reading it (the core checks the bytes read as well).
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.len() > MAX_FILE_BYTES as u64 {
                code = code.max(INVALID);
                let _ = writeln!(err, "{path}: 1 problem");
                let _ = writeln!(out, "(root): {}", too_large(meta.len()));
                continue;
            }
        }
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
                let _ =
                    writeln!(err, "{path}: {} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" });
                for p in problems {
                    let _ = writeln!(out, "{p}");
                }
            }
        }
    }
    code
}

fn snapshot(file: &str, date: Date, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let Some(bytes) = read(file, err) else { return UNREADABLE };
    let ds = match Dataset::from_json_slice(&bytes) {
        Ok(ds) => ds,
        Err(e @ (LoadError::Syntax { .. } | LoadError::Invalid(_))) => {
            let _ = writeln!(err, "{file}: {e}");
            return INVALID;
        }
    };
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let snap = Snapshot::with_layout(&ds, date, &layout.at(&ds, date));
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

pub(crate) fn load(file: &str, err: &mut impl Write) -> Result<Dataset, u8> {
    let bytes = read(file, err).ok_or(UNREADABLE)?;
    Dataset::from_json_slice(&bytes).map_err(|e| {
        let _ = writeln!(err, "{file}: {e}");
        INVALID
    })
}

fn layout_report(file: &str, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let ds = match load(file, err) {
        Ok(ds) => ds,
        Err(code) => return code,
    };
    let layout = TemporalLayout::new(&ds, LayoutConfig::default());
    let report = layout.report(&ds);
    let _ = writeln!(out, "date        nodes edges  stability  label-label label-node");
    let (mut worst, mut sum, mut count, mut overlaps) = (0.0f64, 0.0, 0usize, 0usize);
    for r in &report {
        let s = r.stability.map_or("-".to_string(), |s| format!("{s:.4}"));
        let _ = writeln!(
            out,
            "{}  {:>5} {:>5}  {:>9}  {:>11} {:>10}",
            r.date, r.nodes, r.edges, s, r.overlaps.label_label, r.overlaps.label_node
        );
        if let Some(s) = r.stability {
            worst = worst.max(s);
            sum += s;
            count += 1;
        }
        overlaps += r.overlaps.total();
    }
    let _ = writeln!(
        out,
        "{} change dates; stability mean {:.4}, worst {:.4}; label overlaps in total: {overlaps}",
        report.len(),
        if count > 0 { sum / count as f64 } else { 0.0 },
        worst
    );
    OK
}

fn bench(nodes: u32, edges: usize, ticks: usize, seed: u32, out: &mut impl Write) -> u8 {
    let mut sim = powershift_core::testkit::bench::standard_simulation(nodes, edges, seed);
    // Warm up (page in, grow buffers) outside the timing.
    sim.tick();
    let start = std::time::Instant::now();
    for _ in 0..ticks {
        sim.tick();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let _ = writeln!(
        out,
        "{{\"runtime\": \"native\", \"nodes\": {nodes}, \"edges\": {edges}, \"ticks\": {ticks}, \"ms_per_tick\": {:.4}, \"checksum\": {:.6}}}",
        ms / ticks.max(1) as f64,
        powershift_core::testkit::bench::checksum(&sim)
    );
    OK
}

fn generate(orgs: u32, rels: u32, seed: u32, out: &mut impl Write) -> u8 {
    let v = powershift_core::testkit::synthetic::synthetic_dataset(orgs, rels, seed);
    let _ = writeln!(out, "{v}");
    OK
}
