//! `powershift bundle DIST`: one self-contained HTML file from a `trunk build` output folder, for a
//! newsroom's records: the stylesheet, the favicon, the dataset, the WebAssembly (base64) and its
//! JavaScript glue inlined, so the page works opened from disk (`file://`) with no request at all.
//!
//! - The dataset goes in `<script type="application/json" id="powershift-data">`, which the app
//!   reads instead of fetching (see `src/hooks/use_dataset.rs`).
//! - The glue (an ES module) is inlined into a module script with its `export { … }` turned into a
//!   plain object, and the boot code instantiates the Wasm from the inlined bytes.
//! - Trunk's own boot script, preloads, stylesheet and icon links, `<base>`, the site's CSP
//!   `<meta>` (which forbids inline scripts), the prerendered first screen and the layout island
//!   (`powershift site`) are removed.

use std::path::{Path, PathBuf};

/// What the bundler read from DIST, for its report.
#[derive(Debug)]
pub struct Bundle {
    /// The HTML.
    pub html: String,
    /// The Wasm's size in bytes (before base64).
    pub wasm_bytes: usize,
    /// The files inlined.
    pub inlined: Vec<PathBuf>,
}

/// The one file in `dir` whose name starts with `prefix` and ends with `suffix`.
pub fn one_file(dir: &Path, prefix: &str, suffix: &str) -> Result<PathBuf, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(prefix) && name.ends_with(suffix) && p.is_file()
        })
        .collect();
    powershift_core::sort::sort(&mut found);
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!("{}: no {prefix}*{suffix} (is it a `trunk build` output folder?)", dir.display())),
        _ => Err(format!("{}: more than one {prefix}*{suffix}; build into an empty folder", dir.display())),
    }
}

fn read_text(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read the file: {e}", p.display()))
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The wasm-bindgen glue as a module script body: every `export { a, b as c };` becomes
/// `const __powershift_exports = { a, c: b };`, and `export function f(` a plain function in it.
/// Refuses glue with other exports or with imports (snippets), which could not be inlined.
pub fn inline_glue(js: &str) -> Result<String, String> {
    let mut out = String::with_capacity(js.len() + 64);
    let mut entries: Vec<String> = Vec::new();
    for line in js.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("export {") {
            let list = rest.trim_end_matches(';').trim().trim_end_matches('}');
            for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match item.split_once(" as ") {
                    Some((local, name)) => entries.push(format!("{}: {}", name.trim(), local.trim())),
                    None => entries.push(item.to_string()),
                }
            }
            continue;
        }
        // An exported function of the app (`#[wasm_bindgen] pub fn`): a plain function here.
        if let Some(rest) = line.strip_prefix("export function ") {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
            entries.push(name);
            out.push_str("function ");
            out.push_str(rest);
            out.push('\n');
            continue;
        }
        if t.starts_with("export ") || t.starts_with("import ") || t.starts_with("import{") {
            return Err(format!("the JavaScript glue has a statement the bundler cannot inline: {t}"));
        }
        out.push_str(line);
        out.push('\n');
    }
    if !entries.iter().any(|e| e.starts_with("default:")) {
        return Err("the JavaScript glue exports no default init function".into());
    }
    if out.contains("<!--") {
        return Err("the JavaScript glue contains \"<!--\", which cannot go inside a <script>".into());
    }
    out.push_str(&format!("const __powershift_exports = {{ {} }};\n", entries.join(", ")));
    Ok(out.replace("</script", "<\\/script"))
}

/// Removes every element `<tag …>` (and, for `script`, through `</script>`) for which `drop(tag
/// text)` is true; returns the kept text and the dropped tags.
fn strip_tags(html: &str, tag: &str, drop: impl Fn(&str) -> bool) -> (String, Vec<String>) {
    let open = format!("<{tag}");
    let mut out = String::with_capacity(html.len());
    let mut dropped = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if !after.starts_with([' ', '>', '/', '\n', '\t']) {
            out.push_str(&rest[..i + open.len()]);
            rest = after;
            continue;
        }
        let end_of_open = i + rest[i..].find('>').map_or(rest.len() - i, |e| e + 1);
        let end = if tag == "script" {
            rest[end_of_open..].find("</script>").map_or(rest.len(), |e| end_of_open + e + "</script>".len())
        } else {
            end_of_open
        };
        let element = &rest[i..end];
        if drop(&rest[i..end_of_open]) {
            out.push_str(&rest[..i]);
            dropped.push(element.to_string());
        } else {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, dropped)
}

/// An attribute's value in a tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(tag[i..i + j].to_string())
}

/// Builds the page from DIST. Errors are messages naming the file.
pub fn bundle(dist: &Path) -> Result<Bundle, String> {
    let index = dist.join("index.html");
    let html = read_text(&index)?;
    let js_path = one_file(dist, "powershift-app-", ".js")?;
    let wasm_path = one_file(dist, "powershift-app-", "_bg.wasm")?;
    let css_path = one_file(dist, "style-", ".css")?;
    let data_path = dist.join("data").join("powershift.json");
    let glue = inline_glue(&read_text(&js_path)?).map_err(|e| format!("{}: {e}", js_path.display()))?;
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("{}: cannot read the file: {e}", wasm_path.display()))?;
    if !wasm.starts_with(b"\0asm") {
        return Err(format!("{}: not a WebAssembly module", wasm_path.display()));
    }
    let css = read_text(&css_path)?.replace("</style", "<\\/style");
    let data = read_text(&data_path)?;
    powershift_core::model::Dataset::from_json_str(&data)
        .map_err(|e| format!("{}: the dataset is not valid: {e}", data_path.display()))?;
    let mut inlined = vec![js_path.clone(), wasm_path.clone(), css_path.clone(), data_path.clone()];

    // The prerendered first screen goes (nothing here would make it inert while the app starts,
    // and from disk the app starts at once); Trunk's boot script, the layout island, the links and
    // <base> go; the icon comes back as a data: URL.
    let html = crate::prerender::remove(&html);
    let (html, _) = strip_tags(&html, "script", |_| true);
    let (html, links) = strip_tags(&html, "link", |_| true);
    let (html, _) = strip_tags(&html, "base", |_| true);
    // The site's CSP allows no inline script, and this file is all inline script: it has none.
    let (html, _) = strip_tags(&html, "meta", |t| t.contains("Content-Security-Policy"));
    // The tools module's worker starts from the script inlined below, not from a file.
    let (html, _) = strip_tags(&html, "meta", |t| t.contains("name=\"powershift-tools\""));
    let mut icon = String::new();
    for l in &links {
        if attr(l, "rel").as_deref() == Some("icon") {
            if let Some(href) = attr(l, "href") {
                let name = href.rsplit('/').next().unwrap_or("");
                let p = dist.join(name);
                if let Ok(bytes) = std::fs::read(&p) {
                    let mime = if name.ends_with(".svg") { "image/svg+xml" } else { "image/png" };
                    icon = format!("<link rel=\"icon\" href=\"data:{mime};base64,{}\">\n", base64(&bytes));
                    inlined.push(p);
                }
            }
        }
    }
    // The tools module (reading CSV files), when the build has one: its worker script inline.
    let tools = match (one_file(dist, "powershift-tools-", ".js"), one_file(dist, "powershift-tools-", "_bg.wasm")) {
        (Ok(glue_path), Ok(tools_wasm_path)) => {
            let glue = read_text(&glue_path)?;
            let bytes = std::fs::read(&tools_wasm_path)
                .map_err(|e| format!("{}: cannot read the file: {e}", tools_wasm_path.display()))?;
            inlined.extend([glue_path, tools_wasm_path]);
            let script = crate::tools_worker::archive_script(&glue, &bytes).replace("</script", "<\\/script");
            format!("<script type=\"text/plain\" id=\"powershift-tools\">{script}</script>\n")
        }
        _ => String::new(),
    };
    // The rest of the page's module, when the build split it (`crate::page_split`): inline too, and
    // instantiated as soon as the app has started (from disk it costs no wait).
    let (rest_bytes, rest_boot, rest_start) = match rest_module(dist)? {
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: cannot read the file: {e}", path.display()))?;
            inlined.push(path);
            (
                format!(
                    "<script type=\"application/octet-stream\" id=\"powershift-rest\">{}</script>\n",
                    base64(&bytes)
                ),
                REST_BOOT,
                "powershiftRest.load(__powershift_wasm);\n",
            )
        }
        None => (String::new(), "", ""),
    };
    let head = format!("<style>\n{css}</style>\n{icon}");
    let data_json = data.replace('<', "\\u003c");
    let id = powershift_core::EMBEDDED_DATA_ID;
    let body = format!(
        r#"<script type="application/json" id="{id}">{data_json}</script>
{tools}{rest_bytes}<script type="application/octet-stream" id="powershift-wasm">{wasm64}</script>
<script type="module">
{glue}
// Boot: instantiate the WebAssembly from the bytes above; no request is made.
const __bytesOf = (id) => {{
  const bin = atob(document.getElementById(id).textContent.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}};
{rest_boot}const __powershift_wasm = await __powershift_exports.default({{ module_or_path: __bytesOf("powershift-wasm") }});
{rest_start}window.wasmBindings = __powershift_exports;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm: __powershift_wasm }} }}));
</script>
"#,
        wasm64 = base64(&wasm),
    );
    let html = insert_before(&html, "</head>", &head)?;
    let html = insert_before(&html, "</body>", &body)?;
    Ok(Bundle { html, wasm_bytes: wasm.len(), inlined })
}

/// The archive's loader of the rest of the page's module (the site's is `crate::page_split::LOADER`):
/// the same interface, from the inlined bytes.
const REST_BOOT: &str = r#"window.powershiftRest = {
  done: false,
  synchronous: 0,
  load(exports) {
    if (powershiftRest.done) return;
    new WebAssembly.Instance(new WebAssembly.Module(__bytesOf("powershift-rest")), { p: exports });
    exports.ps_rest_ready.value = 1;
    powershiftRest.done = true;
    dispatchEvent(new Event("powershift-rest"));
  },
};
"#;

/// The rest of the page's module in `dist` (`powershift-app-<hash>-rest-<hash>.wasm`), if split.
fn rest_module(dist: &Path) -> Result<Option<PathBuf>, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: cannot read the folder: {e}", dist.display()))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("powershift-app-") && name.contains("-rest-") && name.ends_with(".wasm")
        })
        .collect();
    powershift_core::sort::sort(&mut found);
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(format!("{}: more than one rest module; build into an empty folder", dist.display())),
    }
}

fn insert_before(html: &str, marker: &str, text: &str) -> Result<String, String> {
    let i = html.rfind(marker).ok_or_else(|| format!("index.html has no {marker}"))?;
    Ok(format!("{}{}{}", &html[..i], text, &html[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nexport function ps_load_rest() {\n    wasm.ps_load_rest();\n}\nfunction initSync(m) { return m; }\nasync function __wbg_init(m) {\n    if (m === undefined) { m = new URL('x_bg.wasm', import.meta.url); }\n    return m;\n}\n\nexport { initSync, __wbg_init as default };\n";

    const INDEX: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" />
    <meta charset="utf-8" />
    <title>The AI power shift</title>
    <base href="/powershift/" />
<script type="module">
import init, * as bindings from '/powershift/powershift-app-abc.js';
const wasm = await init({ module_or_path: '/powershift/powershift-app-abc_bg.wasm' });
window.wasmBindings = bindings;
</script>
    <link rel="stylesheet" href="/powershift/style-123.css" integrity="sha384-x"/>
    <link rel="icon" href="/powershift/favicon-9.svg" integrity="sha384-y"/>
  <link rel="modulepreload" href="/powershift/powershift-app-abc.js" crossorigin="anonymous"><link rel="preload" href="/powershift/powershift-app-abc_bg.wasm" as="fetch" type="application/wasm"></head>
  <body>
    <div id="app"><p>Loading…</p></div>
  </body>
</html>
"#;

    /// A fake `trunk build` output in a fresh temporary folder.
    fn fake_dist(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("powershift-bundle-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("index.html"), INDEX).unwrap();
        std::fs::write(dir.join("powershift-app-abc.js"), GLUE).unwrap();
        std::fs::write(dir.join("powershift-app-abc_bg.wasm"), b"\0asm\x01\0\0\0 fake module bytes").unwrap();
        std::fs::write(dir.join("style-123.css"), "body { color: #111; }\n").unwrap();
        std::fs::write(dir.join("favicon-9.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
        let data = include_str!("../../powershift-core/tests/res/tiny.json");
        std::fs::write(dir.join("data/powershift.json"), data).unwrap();
        dir
    }

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), enc);
        }
    }

    #[test]
    fn the_page_inlines_everything_and_requests_nothing() {
        let dir = fake_dist("ok");
        let b = bundle(&dir).unwrap();
        let html = &b.html;
        // Nothing left that a browser would fetch.
        for needle in
            ["src=", "<base", "modulepreload", "rel=\"preload\"", "rel=\"stylesheet\"", "/powershift/", "fetch("]
        {
            assert!(!html.contains(needle), "{needle} left in:\n{html}");
        }
        assert!(!html.contains("href=\"") || html.matches("href=\"").count() == html.matches("href=\"data:").count());
        // The stylesheet, the Wasm bytes, the glue without exports, the boot code.
        assert!(html.contains("<style>\nbody { color: #111; }"));
        assert!(html.contains(&base64(b"\0asm\x01\0\0\0 fake module bytes")));
        assert!(html.contains("const __powershift_exports = { ps_load_rest, initSync, default: __wbg_init };"));
        assert!(html.contains("\nfunction ps_load_rest() {\n"));
        assert!(!html.contains("export {"));
        assert!(html.contains("__powershift_exports.default({ module_or_path: __bytesOf(\"powershift-wasm\") })"));
        assert!(!html.contains("powershiftRest"), "a module that was not split has no rest");
        assert!(html.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,"));
        // The dataset, in the element the app reads, parses back to the file's JSON.
        assert!(!html.contains("Content-Security-Policy"), "the archive page is inline scripts only");
        let open = format!("<script type=\"application/json\" id=\"{}\">", powershift_core::EMBEDDED_DATA_ID);
        let start = html.find(&open).unwrap() + open.len();
        let end = start + html[start..].find("</script>").unwrap();
        let embedded: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../powershift-core/tests/res/tiny.json")).unwrap();
        assert_eq!(embedded, file);
        // The data comes before the module script that boots the app.
        assert!(start < html.find("<script type=\"module\">").unwrap());
        assert_eq!(b.inlined.len(), 5);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_split_module_s_rest_is_inlined_and_instantiated_once_the_app_has_started() {
        let dir = fake_dist("rest");
        std::fs::write(dir.join("powershift-app-abc-rest-def.wasm"), b"\0asm\x01\0\0\0 the rest").unwrap();
        let b = bundle(&dir).unwrap();
        let html = &b.html;
        assert!(html.contains(&format!(
            "<script type=\"application/octet-stream\" id=\"powershift-rest\">{}</script>",
            base64(b"\0asm\x01\0\0\0 the rest")
        )));
        let defined = html.find("window.powershiftRest = {").unwrap();
        let started = html.find("const __powershift_wasm = await").unwrap();
        let loaded = html.find("powershiftRest.load(__powershift_wasm);").unwrap();
        assert!(defined < started && started < loaded);
        assert_eq!(b.inlined.len(), 6);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn markup_in_the_data_cannot_close_its_script() {
        let dir = fake_dist("escape");
        let data = include_str!("../../powershift-core/tests/res/tiny.json").replacen(
            "\"title\": \"",
            "\"title\": \"</script><b>",
            1,
        );
        std::fs::write(dir.join("data/powershift.json"), &data).unwrap();
        let b = bundle(&dir).unwrap();
        assert!(!b.html.contains("</script><b>"));
        assert!(b.html.contains("\\u003c/script>\\u003cb>"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_that_is_not_a_build_is_refused_with_the_reason() {
        let dir = fake_dist("missing");
        std::fs::remove_file(dir.join("powershift-app-abc_bg.wasm")).unwrap();
        assert!(bundle(&dir).unwrap_err().contains("no powershift-app-*_bg.wasm"));
        std::fs::write(dir.join("powershift-app-abc_bg.wasm"), b"not wasm").unwrap();
        assert!(bundle(&dir).unwrap_err().contains("not a WebAssembly module"));
        std::fs::write(dir.join("powershift-app-abc_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(
            dir.join("powershift-app-abc.js"),
            "import x from './snippets/a.js';\nexport { x as default };\n",
        )
        .unwrap();
        assert!(bundle(&dir).unwrap_err().contains("cannot inline"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
