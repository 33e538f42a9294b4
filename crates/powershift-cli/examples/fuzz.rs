//! A mutation fuzzer for the dataset validator, on stable Rust (no libFuzzer): run it with
//! `scripts/fuzz.sh [MINUTES]`, which builds it with `--release --offline`.
//!
//! ```text
//! fuzz [--seconds N] [--seed S] [--crashes DIR] [CORPUS_FILE_OR_DIR...]   mutate and check
//! fuzz --check FILE...                                                     check saved inputs
//! ```
//!
//! It mutates copies of the corpus (by default the shipped dataset, the broken-dataset corpus and
//! the test fixtures): byte flips, token splices between files, duplicated and deleted keys, deep
//! nesting, giant strings, hostile characters (controls, bidirectional overrides, zero-width,
//! decomposed accents, lone surrogates), number edge cases, and tree edits (a value replaced by
//! another type, items duplicated or swapped). Each input goes through every target (today the
//! validator, `Dataset::from_json_slice` and `from_json_str`; the CSV importer joins when it
//! exists) and is saved to the crashes directory when it
//! - panics (a panic hook saves it, then the process stops: the release profile aborts on panic),
//! - runs longer than one second in one target (a watchdog thread saves it, then stops the
//!   process),
//! - or gives an error that does not name its place: no problems, an empty path, a path or message
//!   on more than one line, the validator's catch-all "could not be read", or text and bytes that
//!   disagree.
//!
//! Deterministic: the same seed gives the same inputs in the same order (the seeded LCG of the
//! layout core); only how many are tried depends on the machine. Exit code 0 when nothing was
//! found, 1 otherwise.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use powershift_core::model::{Dataset, LoadError};
use powershift_core::network::rng::Lcg;
use serde_json::Value;

/// The input being checked, for the panic hook and the watchdog.
static CURRENT: Mutex<Vec<u8>> = Mutex::new(Vec::new());
/// Milliseconds since `EPOCH` at which the current input started; 0 when idle.
static STARTED_MS: AtomicU64 = AtomicU64::new(0);
static CRASH_DIR: Mutex<Option<PathBuf>> = Mutex::new(None);
static LABEL: Mutex<String> = Mutex::new(String::new());

const HANG: Duration = Duration::from_secs(1);
/// Mutants are cut to this: a little over the format's 16 MiB limit, so that path is tried too.
const MAX_INPUT: usize = 17 << 20;

fn epoch() -> Instant {
    static E: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    *E.get_or_init(Instant::now)
}

fn now_ms() -> u64 {
    epoch().elapsed().as_millis() as u64 + 1
}

/// Saves `input` as `<kind>-<label>.json` with a `.txt` saying why; returns the path.
fn save(kind: &str, input: &[u8], why: &str) -> PathBuf {
    let dir = CRASH_DIR.lock().map(|d| d.clone()).ok().flatten().unwrap_or_else(|| PathBuf::from("fuzz/crashes"));
    let _ = std::fs::create_dir_all(&dir);
    let label = LABEL.lock().map(|l| l.clone()).unwrap_or_default();
    let path = dir.join(format!("{kind}-{label}.json"));
    let _ = std::fs::write(&path, input);
    let _ = std::fs::write(path.with_extension("txt"), format!("{kind}: {why}\n"));
    path
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut seconds = 600u64;
    let mut seed = 15u32;
    let mut crashes = PathBuf::from("fuzz/crashes");
    let mut corpus: Vec<PathBuf> = Vec::new();
    let mut check_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => seconds = it.next().and_then(|s| s.parse().ok()).expect("--seconds N"),
            "--seed" => seed = it.next().and_then(|s| s.parse().ok()).expect("--seed S (0..2^32)"),
            "--crashes" => crashes = PathBuf::from(it.next().expect("--crashes DIR")),
            "--check" => check_only = true,
            other => corpus.push(PathBuf::from(other)),
        }
    }
    *CRASH_DIR.lock().unwrap() = Some(crashes.clone());
    install_guards();

    if check_only {
        let mut bad = 0;
        for file in &corpus {
            let input = std::fs::read(file).expect("readable input");
            *LABEL.lock().unwrap() = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let start = Instant::now();
            let verdict = check(&input);
            println!("{}: {:?} in {:.1} ms", file.display(), verdict, start.elapsed().as_secs_f64() * 1e3);
            bad += usize::from(verdict.is_err());
        }
        std::process::exit(i32::from(bad > 0));
    }

    if corpus.is_empty() {
        corpus = vec![
            PathBuf::from("static/data/powershift.json"),
            PathBuf::from("crates/powershift-core/tests/broken"),
            PathBuf::from("crates/powershift-core/tests/res"),
        ];
    }
    let seeds = load_corpus(&corpus);
    assert!(!seeds.is_empty(), "no corpus files found (run from the repository root)");
    println!(
        "fuzz: seed {seed}, {seconds} s, {} corpus files, targets: validator (bytes and text); crashes go to {}",
        seeds.len(),
        crashes.display()
    );

    let mut rng = Lcg::new(seed);
    let mut stats = Stats::default();
    // Recent mutants that still parse as JSON are mutated further (stacked mutations).
    let mut pool: Vec<Vec<u8>> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut n: u64 = 0;
    while Instant::now() < deadline {
        for _ in 0..16 {
            n += 1;
            let base = if !pool.is_empty() && rng.next() < 0.3 {
                pool[rng.below(pool.len() as u32) as usize].clone()
            } else {
                seeds[rng.below(seeds.len() as u32) as usize].clone()
            };
            let mut input = base;
            let rounds = 1 + rng.below(2);
            for _ in 0..rounds {
                let m = rng.below(MUTATORS.len() as u32) as usize;
                stats.by_mutator[m] += 1;
                input = (MUTATORS[m].1)(&mut rng, input, &seeds);
                // Past the size limit only the size check runs; keep memory bounded.
                input.truncate(MAX_INPUT);
            }
            *LABEL.lock().unwrap() = format!("seed{seed}-n{n}");
            let start = Instant::now();
            let verdict = check(&input);
            let took = start.elapsed();
            stats.note(&verdict, took, input.len());
            if let Err(why) = &verdict {
                let path = save("nopath", &input, why);
                println!("found: {why} → {}", path.display());
            } else if input.len() < 1 << 20 && serde_json::from_slice::<Value>(&input).is_ok() {
                if pool.len() < 64 {
                    pool.push(input);
                } else {
                    let k = rng.below(64) as usize;
                    pool[k] = input;
                }
            }
        }
    }
    let mutators: Vec<String> =
        MUTATORS.iter().zip(stats.by_mutator).map(|((name, _), k)| format!("{name} {k}")).collect();
    println!("mutations: {}", mutators.join(", "));
    println!(
        "inputs tried: {n} in {seconds} s ({:.0}/s); valid {}, not JSON {}, invalid {}; slowest {:.1} ms ({} bytes)",
        n as f64 / seconds.max(1) as f64,
        stats.valid,
        stats.syntax,
        stats.invalid,
        stats.slowest.as_secs_f64() * 1e3,
        stats.slowest_bytes
    );
    println!("crashes: {} (panics 0, hangs 0, errors without a place {})", stats.bad, stats.bad);
    std::process::exit(i32::from(stats.bad > 0));
}

#[derive(Default)]
struct Stats {
    valid: u64,
    syntax: u64,
    invalid: u64,
    bad: u64,
    slowest: Duration,
    slowest_bytes: usize,
    by_mutator: [u64; MUTATOR_COUNT],
}

impl Stats {
    fn note(&mut self, verdict: &Result<Outcome, String>, took: Duration, bytes: usize) {
        match verdict {
            Ok(Outcome::Valid) => self.valid += 1,
            Ok(Outcome::Syntax) => self.syntax += 1,
            Ok(Outcome::Invalid) => self.invalid += 1,
            Err(_) => self.bad += 1,
        }
        if took > self.slowest {
            self.slowest = took;
            self.slowest_bytes = bytes;
        }
    }
}

/// The panic hook and the hang watchdog: both save the current input and stop the process.
fn install_guards() {
    let _ = epoch();
    std::panic::set_hook(Box::new(|info| {
        let input = CURRENT.lock().map(|c| c.clone()).unwrap_or_default();
        let path = save("panic", &input, &info.to_string());
        eprintln!("PANIC: {info}\nthe input is saved to {}", path.display());
        std::process::exit(3);
    }));
    std::thread::spawn(|| loop {
        std::thread::sleep(Duration::from_millis(50));
        let started = STARTED_MS.load(Ordering::SeqCst);
        if started != 0 && now_ms().saturating_sub(started) > HANG.as_millis() as u64 {
            let input = CURRENT.lock().map(|c| c.clone()).unwrap_or_default();
            let path = save("hang", &input, "ran longer than one second");
            eprintln!("HANG: an input ran longer than one second; saved to {}", path.display());
            std::process::exit(4);
        }
    });
}

#[derive(Debug)]
enum Outcome {
    Valid,
    Syntax,
    Invalid,
}

/// Runs every target on `input` under the guards; `Err` says what is wrong with the result.
fn check(input: &[u8]) -> Result<Outcome, String> {
    if let Ok(mut c) = CURRENT.lock() {
        c.clear();
        c.extend_from_slice(input);
    }
    STARTED_MS.store(now_ms(), Ordering::SeqCst);
    let verdict = validator(input);
    STARTED_MS.store(0, Ordering::SeqCst);
    verdict
}

/// The validator target: bytes and text must agree, every problem must name its place, and a
/// valid dataset must answer as-of questions.
fn validator(input: &[u8]) -> Result<Outcome, String> {
    let from_bytes = Dataset::from_json_slice(input);
    if let Ok(text) = std::str::from_utf8(input) {
        // Each target gets its own second.
        STARTED_MS.store(now_ms(), Ordering::SeqCst);
        let from_text = Dataset::from_json_str(text);
        let same = match (&from_bytes, &from_text) {
            (Ok(_), Ok(_)) => true,
            (Err(a), Err(b)) => a == b,
            _ => false,
        };
        if !same {
            return Err("from_json_slice and from_json_str disagree".into());
        }
    }
    match from_bytes {
        Ok(ds) => {
            let (a, b) = ds.time_range();
            let net = ds.network_at(b);
            let _ = ds.network_at(a);
            let changes = ds.changes_between(a, b);
            let _ = (net.nodes.len(), changes);
            Ok(Outcome::Valid)
        }
        Err(LoadError::Syntax { line, column, message }) => {
            if line == 0 || column == 0 || message.is_empty() || message.contains('\n') {
                return Err(format!("a syntax error without a place: line {line}, column {column}: {message:?}"));
            }
            Ok(Outcome::Syntax)
        }
        Err(LoadError::Invalid(problems)) => {
            if problems.is_empty() {
                return Err("invalid with no problem listed".into());
            }
            for p in &problems {
                let one_line = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_control());
                // "(root)", a quoted key (`["a b"]…`) or a key first (`events[3].title`).
                let place = p.path == "(root)" || p.path.starts_with("[\"") || !p.path.starts_with(['.', '[']);
                if !one_line(&p.path) || !one_line(&p.message) || !place {
                    return Err(format!("a problem without a clear place: {:?}", p.to_string()));
                }
                if p.message.contains("could not be read") {
                    return Err(format!("the catch-all problem: {p}"));
                }
            }
            Ok(Outcome::Invalid)
        }
    }
}

fn load_corpus(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|e| e == "json"))
                .collect();
            powershift_core::sort::sort(&mut in_dir);
            files.extend(in_dir);
        } else if Path::new(p).exists() {
            files.push(p.clone());
        }
    }
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

// ---------------------------------------------------------------------------------------------
// Mutators: each takes the input and returns a new one. Positions come from the seeded LCG.

type Mutator = fn(&mut Lcg, Vec<u8>, &[Vec<u8>]) -> Vec<u8>;
const MUTATOR_COUNT: usize = 11;
const MUTATORS: [(&str, Mutator); MUTATOR_COUNT] = [
    ("byte flips", byte_flips),
    ("token splice", token_splice),
    ("duplicate key", duplicate_key),
    ("delete key", delete_key),
    ("deep nesting", deep_nesting),
    ("giant string", giant_string),
    ("hostile characters", hostile_characters),
    ("number edge", number_edge),
    ("tree edit", tree_edit),
    ("truncate", truncate),
    ("repeat chunk", repeat_chunk),
];

fn pick(rng: &mut Lcg, n: usize) -> usize {
    if n == 0 {
        0
    } else {
        rng.below(n.min(u32::MAX as usize) as u32) as usize
    }
}

fn byte_flips(rng: &mut Lcg, mut v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    for _ in 0..1 + rng.below(8) {
        if v.is_empty() {
            v.push(b'{');
        }
        let i = pick(rng, v.len());
        match rng.below(4) {
            0 => v[i] ^= 1 << rng.below(8),
            1 => v[i] = rng.below(256) as u8,
            2 => v.insert(i, b"{}[]\",:\\0-eE.tfn \n"[pick(rng, 18)]),
            _ => {
                v.remove(i);
            }
        }
    }
    v
}

/// Byte offsets where JSON tokens start or end (structural characters and quotes).
fn boundaries(v: &[u8]) -> Vec<usize> {
    v.iter().enumerate().filter(|(_, b)| b"{}[],:\"".contains(b)).map(|(i, _)| i).collect()
}

fn token_splice(rng: &mut Lcg, v: Vec<u8>, seeds: &[Vec<u8>]) -> Vec<u8> {
    let donor = &seeds[pick(rng, seeds.len())];
    let (bt, bd) = (boundaries(&v), boundaries(donor));
    if bt.is_empty() || bd.len() < 2 {
        return v;
    }
    let (x, y) = (bd[pick(rng, bd.len())], bd[pick(rng, bd.len())]);
    let a = x.min(y);
    let b = x.max(y).min(a + 4096);
    let at = bt[pick(rng, bt.len())];
    let cut = if rng.next() < 0.5 { bt[pick(rng, bt.len())].max(at) } else { at };
    let mut out = v[..at].to_vec();
    out.extend_from_slice(&donor[a..b]);
    out.extend_from_slice(&v[cut..]);
    out
}

/// Members `"key": value` as (start of the key, start of the value, end of the value), in one pass.
fn members(v: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    // Per open container: the key start and value start of the member being read.
    let mut stack: Vec<Option<(usize, usize)>> = Vec::new();
    let trimmed_end = |i: usize| {
        let mut e = i;
        while e > 0 && v[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        e
    };
    let mut i = 0;
    while i < v.len() {
        match v[i] {
            b'"' => {
                let mut j = i + 1;
                while j < v.len() && v[j] != b'"' {
                    j += if v[j] == b'\\' { 2 } else { 1 };
                }
                let mut k = j + 1;
                while k < v.len() && v[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < v.len() && v[k] == b':' {
                    if let Some(top) = stack.last_mut() {
                        *top = Some((i, k + 1));
                    }
                }
                i = j + 1;
            }
            b'{' | b'[' => {
                stack.push(None);
                i += 1;
            }
            b'}' | b']' | b',' => {
                let closing = v[i] != b',';
                if let Some(top) = stack.last_mut() {
                    if let Some((s, vs)) = top.take() {
                        out.push((s, vs, trimmed_end(i)));
                    }
                }
                if closing {
                    stack.pop();
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn duplicate_key(rng: &mut Lcg, mut v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let m = members(&v);
    if m.is_empty() {
        return v;
    }
    let (a, va, b) = m[pick(rng, m.len())];
    let mut copy = v[a..b].to_vec();
    if rng.next() < 0.5 {
        // Same key, another member's value.
        let (_, vc, d) = m[pick(rng, m.len())];
        copy = [&v[a..va], &v[vc..d]].concat();
    }
    copy.extend_from_slice(b",\n");
    v.splice(a..a, copy);
    v
}

fn delete_key(rng: &mut Lcg, mut v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let m = members(&v);
    if m.is_empty() {
        return v;
    }
    let (a, _, mut b) = m[pick(rng, m.len())];
    while b < v.len() && (v[b].is_ascii_whitespace() || v[b] == b',') {
        b += 1;
    }
    v.drain(a..b);
    v
}

/// Replaces the value of a random member (or, when there is none, the whole input).
fn replace_value(rng: &mut Lcg, mut v: Vec<u8>, with: Vec<u8>) -> Vec<u8> {
    let m = members(&v);
    if m.is_empty() {
        return with;
    }
    let (_, s, e) = m[pick(rng, m.len())];
    v.splice(s..e, with);
    v
}

fn deep_nesting(rng: &mut Lcg, v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let depth = [2usize, 10, 100, 126, 127, 128, 129, 1000, 100_000][pick(rng, 9)];
    let (open, close): (&[u8], &[u8]) = match rng.below(3) {
        0 => (b"[", b"]"),
        1 => (b"{\"a\":", b"}"),
        _ => (b"{\"summary\":[", b"]}"),
    };
    let mut nest = open.repeat(depth);
    nest.extend_from_slice(b"\"x\"");
    nest.extend_from_slice(&close.repeat(depth));
    replace_value(rng, v, nest)
}

/// Characters that text rules and escapes must handle, as JSON string content.
const HOSTILE: &[&str] = &[
    "\\u0000",
    "\\n",
    "\\r\\n",
    "\\t",
    "\u{202E}",
    "\u{2066}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{2060}",
    "e\u{301}",
    "\u{212B}",
    "\u{1100}\u{1161}",
    "\u{85}",
    "\u{9F}",
    "\\u007f",
    "\u{2028}",
    "\u{1F642}",
    "\\ud83d\\ude42",
    "\\ud800",
    "\\udc00x",
    "\\\"",
    "\\\\",
    "\\u",
    "\u{1}",
    "\u{301}\u{301}\u{301}",
    "\u{10FFFF}",
    "<script>",
];

fn giant_string(rng: &mut Lcg, v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let len = [25usize, 121, 161, 1_201, 2_001, 10_000, 100_000, 1_000_000, 3_000_000][pick(rng, 9)];
    let unit: &str = if rng.next() < 0.5 { "a" } else { HOSTILE[pick(rng, HOSTILE.len())] };
    let mut s = b"\"".to_vec();
    let unit = unit.as_bytes();
    while s.len() < len {
        s.extend_from_slice(unit);
    }
    s.push(b'"');
    replace_value(rng, v, s)
}

fn hostile_characters(rng: &mut Lcg, mut v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    // Insert just after an opening quote (inside a key or a string value).
    let quotes: Vec<usize> = v.iter().enumerate().filter(|(_, b)| **b == b'"').map(|(i, _)| i + 1).collect();
    for _ in 0..1 + rng.below(3) {
        if quotes.is_empty() {
            break;
        }
        let at = quotes[pick(rng, quotes.len())].min(v.len());
        let h = HOSTILE[pick(rng, HOSTILE.len())].as_bytes().to_vec();
        v.splice(at..at, h);
    }
    v
}

fn number_edge(rng: &mut Lcg, v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    const NUMBERS: &[&str] = &[
        "-0",
        "-1",
        "1e999",
        "-1e999",
        "18446744073709551616",
        "1.7976931348623157e308",
        "5e-324",
        "0.1",
        "2",
        "1.0",
        "1e2",
        "100000000000000000000000000000000000000000",
        "\"1\"",
        "true",
        "null",
    ];
    let n = NUMBERS[pick(rng, NUMBERS.len())].as_bytes().to_vec();
    replace_value(rng, v, n)
}

fn truncate(rng: &mut Lcg, mut v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let at = pick(rng, v.len() + 1);
    v.truncate(at);
    v
}

fn repeat_chunk(rng: &mut Lcg, mut v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let b = boundaries(&v);
    if b.len() < 2 {
        return v;
    }
    let (p, q) = (b[pick(rng, b.len())], b[pick(rng, b.len())]);
    let x = p.min(q);
    let y = p.max(q).min(x + 2048);
    let times = 1 + rng.below(200) as usize;
    let chunk = v[x..y].repeat(times);
    v.splice(y..y, chunk);
    v
}

/// Edits of the parsed tree: a node replaced by another type or by a hostile value, an array item
/// duplicated (duplicate ids) or removed, two nodes swapped. Re-serialised compact or pretty.
fn tree_edit(rng: &mut Lcg, v: Vec<u8>, _: &[Vec<u8>]) -> Vec<u8> {
    let Ok(mut tree) = serde_json::from_slice::<Value>(&v) else { return v };
    let mut ptrs = Vec::new();
    pointers(&tree, String::new(), &mut ptrs);
    if ptrs.is_empty() {
        return v;
    }
    let p = ptrs[pick(rng, ptrs.len())].clone();
    let replacement = |rng: &mut Lcg| -> Value {
        match rng.below(12) {
            0 => Value::Null,
            1 => Value::Bool(true),
            2 => serde_json::json!(-1),
            3 => serde_json::json!(""),
            4 => serde_json::json!("   "),
            5 => serde_json::json!([]),
            6 => serde_json::json!({}),
            7 => serde_json::json!(1e300),
            8 => serde_json::json!("x".repeat(1 + rng.below(300) as usize)),
            9 => {
                serde_json::json!(format!("Open{}AI", ["\u{202E}", "\u{200B}", "\u{0}", "\n", "\u{301}"][pick(rng, 5)]))
            }
            10 => serde_json::json!("2020-02-30"),
            _ => serde_json::json!("openai"),
        }
    };
    match rng.below(4) {
        0 | 1 => {
            if let Some(node) = tree.pointer_mut(&p) {
                *node = replacement(rng);
            }
        }
        2 => {
            // Duplicate or remove an array item.
            let parent = &p[..p.rfind('/').unwrap_or(0)];
            let dup = rng.next() < 0.6;
            if let Some(Value::Array(a)) = tree.pointer_mut(parent) {
                if !a.is_empty() {
                    let i = pick(rng, a.len());
                    if dup {
                        let item = a[i].clone();
                        a.insert(i, item);
                    } else {
                        a.remove(i);
                    }
                }
            }
        }
        _ => {
            let q = ptrs[pick(rng, ptrs.len())].clone();
            if !p.starts_with(&q) && !q.starts_with(&p) {
                let (a, b) = (tree.pointer(&p).cloned(), tree.pointer(&q).cloned());
                if let (Some(a), Some(b)) = (a, b) {
                    *tree.pointer_mut(&p).unwrap_or(&mut Value::Null) = b;
                    *tree.pointer_mut(&q).unwrap_or(&mut Value::Null) = a;
                }
            }
        }
    }
    if rng.next() < 0.5 {
        serde_json::to_vec(&tree).unwrap_or(v)
    } else {
        serde_json::to_vec_pretty(&tree).unwrap_or(v)
    }
}

fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    if !at.is_empty() {
        out.push(at.clone());
    }
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}
