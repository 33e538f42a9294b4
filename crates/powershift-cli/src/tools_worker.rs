//! The tools module's worker script (`powershift_core::tools`; the page's side is
//! `src/platform/tools.rs`). Trunk builds `crates/powershift-tools` as a worker with fixed file
//! names (`powershift-tools.js`, `powershift-tools_bg.wasm`); [`finish`] (run by `powershift site`)
//! names them by their content, so a static host can cache them like Trunk's other files, writes
//! the worker script around them and tells the page where it is with
//! `<meta name="powershift-tools" content="…">`. The archive copy (`powershift bundle`) inlines
//! the same script with the module's bytes ([`archive_script`]).

use std::path::Path;

/// The worker's message loop: `{id, request}` in, `{id, reply}` or `{id, error}` out. Messages that
/// arrive while the module starts wait for it (the page posts its first request at once).
const LOOP: &str = r#"
const ready = startTools();
onmessage = async ({ data }) => {
  try {
    await ready;
    postMessage({ id: data.id, reply: wasm_bindgen.answer(String(data.request)) });
  } catch (e) {
    postMessage({ id: data.id, error: String((e && e.message) || e) });
  }
};
"#;

/// Trunk's names for the tools module's glue and WebAssembly.
pub const GLUE: &str = "powershift-tools.js";
/// See [`GLUE`].
pub const WASM: &str = "powershift-tools_bg.wasm";

/// The `<meta>` that names the worker script (see `src/platform/tools.rs`).
const META_START: &str = "<meta name=\"powershift-tools\" content=\"";

/// The worker script of the site: the glue and the module are files next to it.
pub fn site_script(glue: &str, wasm: &str) -> String {
    format!(
        "// Power Shift's tools module in a Web Worker (see powershift_core::tools).\n\
         importScripts('./{glue}');\n\
         function startTools() {{ return wasm_bindgen({{ module_or_path: './{wasm}' }}); }}\n{LOOP}"
    )
}

/// The worker script of the archive copy: the glue and the module's bytes inline.
pub fn archive_script(glue: &str, wasm: &[u8]) -> String {
    format!(
        "// Power Shift's tools module in a Web Worker (see powershift_core::tools).\n{glue}\n\
         const toolsWasm = Uint8Array.from(atob('{}'), (c) => c.charCodeAt(0));\n\
         function startTools() {{ return wasm_bindgen({{ module_or_path: toolsWasm }}); }}\n{LOOP}",
        crate::bundle::base64(wasm)
    )
}

/// The worker script named in `page`, if any.
pub fn script_of(page: &str) -> Option<&str> {
    let start = page.find(META_START)? + META_START.len();
    page[start..].find('"').map(|end| &page[start..start + end])
}

/// `page` naming `script` as the tools' worker script (replacing an older name).
pub fn with_script(page: &str, script: &str) -> Option<String> {
    let tag = format!("{META_START}{script}\" />");
    if let Some(start) = page.find(META_START) {
        let end = start + page[start..].find('>')? + 1;
        return Some(format!("{}{tag}{}", &page[..start], &page[end..]));
    }
    let head = page.find("</head>")?;
    Some(format!("{}    {tag}\n  {}", &page[..head], &page[head..]))
}

/// Names Trunk's tools files in `dir` by their content and writes the worker script: the new
/// page, or `None` when there is nothing to do (no tools module built, or already done).
pub fn finish(dir: &Path, page: &str) -> Result<Option<String>, String> {
    let (glue_path, wasm_path) = (dir.join(GLUE), dir.join(WASM));
    if !glue_path.is_file() || !wasm_path.is_file() {
        return Ok(None);
    }
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()));
    let (glue, wasm) = (read(&glue_path)?, read(&wasm_path)?);
    let hash = powershift::known_layout::fingerprint_of(&[&glue, &wasm]);
    let (glue_name, wasm_name) =
        (format!("powershift-tools-{hash:016x}.js"), format!("powershift-tools-{hash:016x}_bg.wasm"));
    let script_name = format!("tools-worker-{hash:016x}.js");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).map_err(|e| format!("{}: cannot write: {e}", dir.join(name).display()))
    };
    write(&glue_name, &glue)?;
    write(&wasm_name, &wasm)?;
    write(&script_name, site_script(&glue_name, &wasm_name).as_bytes())?;
    for p in [&glue_path, &wasm_path] {
        std::fs::remove_file(p).map_err(|e| format!("{}: cannot remove: {e}", p.display()))?;
    }
    with_script(page, &script_name).map(Some).ok_or_else(|| "the page has no </head>".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_the_worker_script_once() {
        let page = "<html><head><title>x</title>\n  </head><body></body></html>";
        let once = with_script(page, "tools-worker-1.js").unwrap();
        assert_eq!(script_of(&once), Some("tools-worker-1.js"));
        let twice = with_script(&once, "tools-worker-2.js").unwrap();
        assert_eq!(script_of(&twice), Some("tools-worker-2.js"));
        assert_eq!(twice.matches(META_START).count(), 1);
        assert_eq!(script_of(page), None);
    }

    #[test]
    fn trunk_files_are_named_by_content_and_wrapped_in_a_worker_script() {
        let dir = std::env::temp_dir().join(format!("powershift-tools-worker-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(GLUE), "let wasm_bindgen = 1;").unwrap();
        std::fs::write(dir.join(WASM), b"\0asm\x01\0\0\0").unwrap();
        let page = finish(&dir, "<head></head>").unwrap().unwrap();
        let script = script_of(&page).unwrap().to_string();
        let text = std::fs::read_to_string(dir.join(&script)).unwrap();
        let glue = text.split("importScripts('./").nth(1).unwrap().split('\'').next().unwrap();
        assert!(glue.starts_with("powershift-tools-") && dir.join(glue).is_file(), "{text}");
        let wasm = glue.replace(".js", "_bg.wasm");
        assert!(text.contains(&format!("module_or_path: './{wasm}'")) && dir.join(&wasm).is_file(), "{text}");
        assert!(!dir.join(GLUE).exists() && !dir.join(WASM).exists());
        // Run again on its own output: nothing to do, the page keeps its name.
        assert_eq!(finish(&dir, &page).unwrap(), None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_archive_script_carries_the_module() {
        let s = archive_script("let wasm_bindgen;", b"\0asm");
        assert!(s.contains("let wasm_bindgen;") && s.contains("atob('AGFzbQ==')") && s.contains("onmessage"));
    }
}
