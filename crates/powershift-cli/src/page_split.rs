//! The page's WebAssembly split by its load profile, in a built site folder (issue 12 §1).
//!
//! Trunk builds the page's module with its function names (`data-wasm-opt-params="-g"` in
//! `index.html`); `powershift site` then cuts it in two with [`crate::wasm_split::split`]: the
//! functions named in the load profile (`crates/powershift-cli/load-profile.txt`, recorded by
//! `bench/split-profile.mjs`) stay in the first part, the rest go to a second file; both are named
//! by their content (`powershift-app-<hash>_bg.wasm` replaces Trunk's name, and
//! `powershift-app-<hash>-rest-<hash>.wasm`), so a cached first part never meets another rest.
//! The boot script fetches the rest once the app has started ([`LOADER`]). Neither file keeps the
//! names. `POWERSHIFT_SPLIT=off` keeps one module; `POWERSHIFT_SPLIT=instrument` writes the
//! instrumented module that records a profile, with its names beside it (`<stem>.names.json`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The names of the functions the page's loads ran (one per line), recorded by
/// `bench/split-profile.mjs`. A function missing here is fetched after the start, or loaded
/// synchronously if it is needed before (the e2e suite fails when a load does that).
pub const PROFILE: &str = include_str!("../load-profile.txt");

/// The boot script's loader of the rest (`REST` is replaced by the file's name). `fetch` runs once
/// the app has started; `load` is the synchronous safety net the primary module's thunks call
/// (`src/platform/rest_module.rs`). `synchronous` counts its uses, for the e2e tests.
pub const LOADER: &str = r#"// The rest of the page's WebAssembly: what its first load does not run (`powershift site`).
window.powershiftRest = (() => {
  const url = new URL('REST', document.baseURI).href;
  let pending;
  const finish = (module, exports) => {
    if (rest.done) return;
    new WebAssembly.Instance(module, { p: exports });
    exports.ps_rest_ready.value = 1;
    rest.done = true;
    dispatchEvent(new Event('powershift-rest'));
  };
  const rest = {
    // In: the panels off the first screen wait for it (src/platform/rest_module.rs).
    done: false,
    // Loads that could not wait (counted for the e2e tests).
    synchronous: 0,
    load(exports) {
      if (rest.done) return;
      rest.synchronous += 1;
      console.warn(`Power Shift: ${url} was needed before it had arrived; loading it synchronously.`);
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url, false);
      xhr.overrideMimeType('text/plain; charset=x-user-defined');
      xhr.send();
      if (xhr.status !== 200) throw new Error(`Power Shift: ${url}: HTTP ${xhr.status}`);
      const text = xhr.responseText;
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      finish(new WebAssembly.Module(bytes), exports);
    },
    fetch(exports) {
      pending = pending || fetch(url)
        .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((bytes) => WebAssembly.compile(bytes))
        .then((module) => finish(module, exports))
        .catch((e) => {
          // Tried again a little later: the panels off the first screen wait for it.
          console.error(`Power Shift: ${url}: ${e}; trying again in 3 s`);
          setTimeout(() => { pending = undefined; rest.fetch(exports); }, 3000);
        });
      return pending;
    },
  };
  return rest;
})();
"#;

/// What `powershift site` does with the page's module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Split by [`PROFILE`] (the default).
    Split,
    /// One module, names removed.
    Off,
    /// Instrumented to record a profile.
    Instrument,
    /// Left as built: a development build (`TRUNK_PROFILE=debug`), whose names help a stack trace
    /// and whose functions are not the release build's the profile names.
    Untouched,
}

impl Mode {
    /// From `POWERSHIFT_SPLIT` (`off`, `instrument`; anything else splits) and Trunk's
    /// `TRUNK_PROFILE` (a `debug` build is left as built).
    pub fn from_env() -> Mode {
        if std::env::var("TRUNK_PROFILE").as_deref() == Ok("debug") {
            return Mode::Untouched;
        }
        match std::env::var("POWERSHIFT_SPLIT").as_deref() {
            Ok("off") => Mode::Off,
            Ok("instrument") => Mode::Instrument,
            _ => Mode::Split,
        }
    }
}

/// The page's module in `dir` (Trunk's `powershift-app-<hash>_bg.wasm`), if built.
pub fn page_module(dir: &Path) -> Option<PathBuf> {
    crate::bundle::one_file(dir, "powershift-app-", "_bg.wasm").ok()
}

/// The profile's names.
pub fn profile(text: &str) -> BTreeSet<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
}

/// What splitting changed that the page must know.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Finished {
    /// The rest's file name, when the module was split.
    pub rest: Option<String>,
    /// The glue's Subresource Integrity value before and after its imports were renamed (Trunk
    /// writes it into the page's `modulepreload` link).
    pub integrity: Option<(String, String)>,
    /// The page's module's file name before and after (the first part is named by its content).
    pub renamed: Option<(String, String)>,
}

/// The `sha384-…` Subresource Integrity value of `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("sha384-{}", crate::bundle::base64(&sha2::Sha384::digest(bytes)))
}

/// Processes the page's module in `dir` (see [`Finished`]); nothing to do when there is no module,
/// a module without names (already processed) or another mode. Messages go to `out`.
pub fn finish(dir: &Path, mode: Mode, out: &mut impl std::io::Write) -> Result<Finished, String> {
    let Some(path) = page_module(dir) else { return Ok(Finished::default()) };
    if mode == Mode::Untouched {
        return Ok(Finished::default());
    }
    let wasm = std::fs::read(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let names = crate::wasm_split::local_names(&wasm).map_err(|e| format!("{}: {e}", path.display()))?;
    if names.iter().all(String::is_empty) {
        return Ok(Finished::default());
    }
    let write =
        |p: &Path, bytes: &[u8]| std::fs::write(p, bytes).map_err(|e| format!("{}: cannot write: {e}", p.display()));
    let stem = path.file_name().and_then(|n| n.to_str()).unwrap_or("").trim_end_matches(".wasm").to_string();
    let keep = profile(PROFILE);
    match mode {
        Mode::Instrument => {
            write(&path, &crate::wasm_split::instrument(&wasm).map_err(|e| format!("{}: {e}", path.display()))?)?;
            let json = serde_json::to_string(&names).map_err(|e| e.to_string())?;
            write(&dir.join(format!("{stem}.names.json")), json.as_bytes())?;
            let _ = writeln!(out, "{}: instrumented ({} functions)", path.display(), names.len());
            Ok(Finished::default())
        }
        Mode::Off => {
            write(&path, &crate::wasm_split::without_names(&wasm).map_err(|e| format!("{}: {e}", path.display()))?)?;
            Ok(Finished::default())
        }
        Mode::Untouched => Ok(Finished::default()),
        Mode::Split if keep.is_empty() => finish(dir, Mode::Off, out),
        Mode::Split if !matches(&names, &keep) => {
            let _ = writeln!(
                out,
                "{}: the load profile does not name this build's functions (another Rust version?): one module; \
                 record it again with scripts/split-profile.sh",
                path.display()
            );
            finish(dir, Mode::Off, out)
        }
        Mode::Split => {
            // The statics only the rest uses go with it, when the linker's map describes this build.
            let statics = match crate::data_split::linker_statics(&wasm) {
                Ok(statics) => Some(statics),
                Err(why) => {
                    let _ = writeln!(
                        out,
                        "{}: the data stays in the first part (no linker map of this build: {why})",
                        path.display()
                    );
                    None
                }
            };
            let s = crate::wasm_split::split(&wasm, &keep, statics.as_deref())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            // The first part's imports get short names, in the module and in the glue alike.
            let glue_path = dir.join(format!("{}.js", stem.trim_end_matches("_bg")));
            let glue = std::fs::read_to_string(&glue_path)
                .map_err(|e| format!("{}: cannot read: {e}", glue_path.display()))?;
            let module = format!("./{}.js", glue_module(&glue).unwrap_or_default());
            let (short, renames) = crate::wasm_split::shorten_imports(&s.primary, &module)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let (primary, sri) = match glue_with_short_imports(&glue, &module, &renames) {
                Some(g) if !renames.is_empty() => {
                    write(&glue_path, g.as_bytes())?;
                    (short, Some((integrity(glue.as_bytes()), integrity(g.as_bytes()))))
                }
                _ => {
                    let _ = writeln!(out, "{}: the glue's imports were left as they are", glue_path.display());
                    (s.primary.clone(), None)
                }
            };
            // Both parts named by their content: Trunk's name is the whole module's, and a first part
            // cached under it must never meet the rest of another split (their table slots differ).
            let both = powershift::known_layout::fingerprint_of(&[&primary, &s.secondary]);
            let rest_hash = powershift::known_layout::fingerprint_of(&[&s.secondary]);
            let first = format!("powershift-app-{both:016x}_bg.wasm");
            let rest = format!("powershift-app-{both:016x}-rest-{rest_hash:016x}.wasm");
            std::fs::remove_file(&path).map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
            write(&dir.join(&first), &primary)?;
            write(&dir.join(&rest), &s.secondary)?;
            let old_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            let _ = writeln!(
                out,
                "{}: split by the load profile into {first} ({} bytes) and {rest} ({} bytes): {} of {} functions in the rest, {} thunks",
                path.display(),
                primary.len(),
                s.secondary.len(),
                s.moved,
                s.functions,
                s.thunks
            );
            if let Some(d) = s.data {
                let _ = writeln!(
                    out,
                    "  and {} of {} statics ({} bytes of data) only the rest uses",
                    d.statics, d.of, d.bytes
                );
            }
            Ok(Finished { rest: Some(rest), integrity: sri, renamed: Some((old_name, first)) })
        }
    }
}

/// The name of the module wasm-bindgen's glue gives its imports (`powershift-app_bg` in
/// `"./powershift-app_bg.js": import0`).
fn glue_module(glue: &str) -> Option<&str> {
    let end = glue.find(".js\": import0")?;
    let start = glue[..end].rfind("\"./")? + 3;
    Some(&glue[start..end])
}

/// `glue` with its import object's keys renamed as `renames` says and its module as `w`
/// ([`crate::wasm_split::shorten_imports`]); `None` unless every name is a key exactly once.
pub fn glue_with_short_imports(glue: &str, module: &str, renames: &[(String, String)]) -> Option<String> {
    let object = format!("\"{module}\": import0");
    if glue.matches(&object).count() != 1 {
        return None;
    }
    let mut out = glue.replacen(&object, "\"w\": import0", 1);
    for (old, new) in renames {
        let key = format!(" {old}: ");
        if out.matches(&key).count() != 1 {
            return None;
        }
        out = out.replacen(&key, &format!(" {new}: "), 1);
    }
    Some(out)
}

/// Whether the profile fits the build: nine in ten of its names are functions of the module.
/// Another compiler names functions differently, and a split by a profile that names none of them
/// would put the whole first screen in the rest, to be loaded synchronously.
pub fn matches(names: &[String], keep: &BTreeSet<String>) -> bool {
    use crate::wasm_split::base_name;
    let have: BTreeSet<&str> = names.iter().map(|n| base_name(n)).collect();
    let found = keep.iter().filter(|k| have.contains(base_name(k))).count();
    found * 10 >= keep.len() * 9
}

/// The loader for the rest file `rest`.
pub fn loader(rest: &str) -> String {
    LOADER.replace("REST", rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_skips_comments_and_blank_lines() {
        let p = profile("# recorded by bench/split-profile.mjs\n\nmain\n  dlmalloc::malloc \n");
        assert_eq!(p.into_iter().collect::<Vec<_>>(), ["dlmalloc::malloc", "main"]);
    }

    #[test]
    fn the_glue_s_import_keys_are_renamed_or_left_alone() {
        let glue = "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        __wbg_log_1a2b: function(arg0) { console.log(arg0); },\n        __wbindgen_cast_3c: function(arg0) { return arg0; },\n    };\n    return {\n        __proto__: null,\n        \"./powershift-app_bg.js\": import0,\n    };\n}\n";
        assert_eq!(glue_module(glue), Some("powershift-app_bg"));
        let renames =
            [("__wbg_log_1a2b".to_string(), "_0".to_string()), ("__wbindgen_cast_3c".to_string(), "_1".to_string())];
        let g = glue_with_short_imports(glue, "./powershift-app_bg.js", &renames).unwrap();
        assert!(g.contains(" _0: function(arg0) { console.log") && g.contains(" _1: function(arg0) { return"));
        assert!(g.contains("\"w\": import0") && !g.contains("__wbg_log") && !g.contains("powershift-app_bg"));
        // A name the glue does not have as a key: nothing is renamed.
        let unknown = [("__wbg_other_9".to_string(), "_0".to_string())];
        assert_eq!(glue_with_short_imports(glue, "./powershift-app_bg.js", &unknown), None);
    }

    #[test]
    fn a_profile_of_another_build_does_not_split() {
        let names: Vec<String> = (0..20).map(|i| format!("f{i}")).collect();
        let keep = |r: std::ops::Range<usize>| r.map(|i| format!("f{i}")).collect::<BTreeSet<_>>();
        assert!(matches(&names, &keep(0..10)));
        assert!(matches(&names, &keep(2..22)), "18 of 20 found");
        assert!(!matches(&names, &keep(5..25)), "15 of 20 found");
    }

    #[test]
    fn integrity_is_the_sha384_digest_in_base64() {
        assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn the_loader_names_its_file() {
        let l = loader("powershift-app-1-rest-2.wasm");
        assert!(l.contains("new URL('powershift-app-1-rest-2.wasm', document.baseURI)"), "{l}");
        assert!(!l.contains("REST"));
    }
}
