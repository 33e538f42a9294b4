//! The commands, written against `Write` handles so they are tested without a process.

use std::io::Write;

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

const USAGE: &str = "\
usage:
  powershift validate FILE...
      Check datasets. Exit 0 when all are valid (one summary line each), 1 when any has problems
      (every problem, one per line, as `path: message`), 2 when a file cannot be read.
      Files over 16 MiB are refused unread (see the limits in docs/data-format.md).
  powershift snapshot FILE --date YYYY-MM-DD
      Print the network as of a date as JSON: {date, description, nodes (with x, y), edges}.
  powershift layout-report FILE
      For every change date: organisations, relationships, the stability metric (mean displacement
      since the previous change date / layout diameter) and the label overlap counts.
  powershift bench [--nodes N] [--edges M] [--ticks T] [--seed S]
      Time the force simulation natively on a seeded random graph (ms per tick).
  powershift generate [--orgs N] [--relationships M] [--seed S]
      Print a valid synthetic dataset of that size (for benchmarks and stress tests).
";

/// Runs a command line; returns the exit code.
pub fn run(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    match args.first().map(String::as_str) {
        Some("validate") => validate(&args[1..], out, err),
        Some("snapshot") => snapshot(&args[1..], out, err),
        Some("layout-report") => layout_report(&args[1..], out, err),
        Some("bench") => bench(&args[1..], out, err),
        Some("generate") => generate(&args[1..], out, err),
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

fn load(file: &str, err: &mut impl Write) -> Result<Dataset, u8> {
    let bytes = read(file, err).ok_or(UNREADABLE)?;
    Dataset::from_json_slice(&bytes).map_err(|e| {
        let _ = writeln!(err, "{file}: {e}");
        INVALID
    })
}

fn layout_report(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let [file] = args else {
        let _ = write!(err, "powershift layout-report: needs exactly one FILE\n{USAGE}");
        return UNREADABLE;
    };
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

fn bench(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let (mut nodes, mut edges, mut ticks, mut seed) = (1000u32, 5000usize, 300usize, 1u32);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = it.next().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), v) {
            ("--nodes", Some(v)) => nodes = v as u32,
            ("--edges", Some(v)) => edges = v as usize,
            ("--ticks", Some(v)) => ticks = v as usize,
            ("--seed", Some(v)) => seed = v as u32,
            _ => {
                let _ = write!(err, "powershift bench: bad argument {a:?}\n{USAGE}");
                return UNREADABLE;
            }
        }
    }
    let mut sim = powershift_core::network::bench::standard_simulation(nodes, edges, seed);
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
        powershift_core::network::bench::checksum(&sim)
    );
    OK
}

fn generate(args: &[String], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let (mut orgs, mut rels, mut seed) = (1000u32, 3000u32, 1u32);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = it.next().and_then(|v| v.parse::<u32>().ok());
        match (a.as_str(), v) {
            ("--orgs", Some(v)) if v >= 2 => orgs = v,
            ("--relationships", Some(v)) => rels = v,
            ("--seed", Some(v)) => seed = v,
            _ => {
                let _ = write!(err, "powershift generate: bad argument {a:?}\n{USAGE}");
                return UNREADABLE;
            }
        }
    }
    let v = powershift_core::synthetic::synthetic_dataset(orgs, rels, seed);
    let _ = writeln!(out, "{v}");
    OK
}
