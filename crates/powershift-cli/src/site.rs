//! `powershift site DIST`: finishes a `trunk build` for the page's Content Security Policy, which
//! allows no inline script. Trunk boots the app with an inline `<script type="module">`; this moves
//! it into a file named after its content (`boot-<hash>.js`, cacheable like Trunk's own files) and
//! loads it with `src`. Trunk runs it as a post-build hook (`Trunk.toml`), so `trunk build` and
//! `trunk serve` both produce a page that boots under `script-src 'self' 'wasm-unsafe-eval'`.
//! It also writes the first screen into the page (`crate::prerender`): the default view of the
//! site's dataset, rendered natively by the app's components, so the story paints from the HTML
//! before the WebAssembly has loaded, and names the tools module's files by their content
//! (`crate::tools_worker`). Idempotent: it can run again on its own output.

use std::path::Path;

use powershift::platform::data_url::{DEFAULT_DATA_URL, FIRST_PART_URL};

const OPEN: &str = "<script type=\"module\">";
const CLOSE: &str = "</script>";

/// The `<base href>` of the page, which Trunk sets to the public URL (`/` when absent).
fn base_href(html: &str) -> &str {
    html.find("<base href=\"")
        .map(|i| &html[i + 12..])
        .and_then(|rest| rest.find('"').map(|j| &rest[..j]))
        .unwrap_or("/")
}

/// The page with its inline module script moved out: (new html, file name, script), or None when
/// there is none.
/// With `rest` (the split module's rest, see `crate::page_split`), the script loads it once the app
/// has started.
pub fn externalize_boot(html: &str, rest: Option<&str>) -> Option<(String, String, String)> {
    let start = html.find(OPEN)?;
    let body_start = start + OPEN.len();
    let end = body_start + html[body_start..].find(CLOSE)?;
    let mut script = crate::prerender::BOOT_PRELUDE.to_string();
    if let Some(rest) = rest {
        script += &crate::page_split::loader(rest);
    }
    script += html[body_start..end].trim();
    script += "\n";
    if rest.is_some() {
        script += "powershiftRest.fetch(wasm);\n";
    }
    let name = format!("boot-{:016x}.js", powershift::known_layout::fingerprint(&script));
    let tag = format!("<script type=\"module\" src=\"{}{name}\"></script>", base_href(html));
    let page = format!("{}{tag}{}", &html[..start], &html[end + CLOSE.len()..]);
    Some((page, name, script))
}

/// Runs the command on a built site folder.
pub fn site(dist: &str, out: &mut impl std::io::Write, err: &mut impl std::io::Write) -> u8 {
    let dir = Path::new(dist);
    let index = dir.join("index.html");
    let html = match std::fs::read_to_string(&index) {
        Ok(h) => h,
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read the page: {e}", index.display());
            return 2;
        }
    };
    let mut page = html;
    // The page's module, split by what its load runs.
    let split = match crate::page_split::finish(dir, crate::page_split::Mode::from_env(), out) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    if let Some((old, new)) = &split.integrity {
        page = page.replace(old.as_str(), new);
    }
    if let Some((old, new)) = &split.renamed {
        page = page.replace(old.as_str(), new);
    }
    match externalize_boot(&page, split.rest.as_deref()) {
        Some((p, name, script)) => {
            if let Err(e) = std::fs::write(dir.join(&name), script) {
                let _ = writeln!(err, "{}: cannot write: {e}", dir.join(&name).display());
                return 2;
            }
            let _ = writeln!(out, "{}: boot script moved to {name}", index.display());
            page = p;
        }
        None => {
            let _ = writeln!(out, "{}: no inline boot script", index.display());
        }
    }
    // The tools module (a Web Worker the page starts on first use): files named by content.
    match crate::tools_worker::finish(dir, &page) {
        Ok(Some(p)) => {
            let _ = writeln!(out, "{}: tools module named {:?}", index.display(), crate::tools_worker::script_of(&p));
            page = p;
        }
        Ok(None) => {}
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    }
    // The first screen, from the dataset the page loads by default.
    let data = dir.join(DEFAULT_DATA_URL);
    let json = match std::fs::read_to_string(&data) {
        Ok(j) => j,
        Err(e) => {
            let _ = writeln!(err, "{}: cannot read the default dataset: {e}", data.display());
            return 2;
        }
    };
    let ds = match crate::prerender::dataset(&json) {
        Ok(ds) => ds,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", data.display());
            return 2;
        }
    };
    let screen = match crate::prerender::first_screen(&ds, DEFAULT_DATA_URL) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", data.display());
            return 2;
        }
    };
    match crate::prerender::insert(&page, &screen) {
        Some(p) => {
            let _ = writeln!(out, "{}: first screen prerendered ({} bytes)", index.display(), screen.len());
            page = p;
        }
        None => {
            let _ = writeln!(
                err,
                "{}: no {}…{} markers for the first screen",
                index.display(),
                crate::prerender::START,
                crate::prerender::END
            );
            return 2;
        }
    }
    // The first part of the dataset's text, which the page's first screen reads (the full text
    // comes after it: `powershift_core::model::first_part`).
    let first_part = match crate::prerender::first_part_text(&json, FIRST_PART_URL) {
        Ok((text, place)) => match std::fs::write(dir.join(FIRST_PART_URL), &text) {
            Ok(()) => {
                let _ = writeln!(
                    out,
                    "{}: first part of the dataset ({} bytes)",
                    dir.join(FIRST_PART_URL).display(),
                    text.len()
                );
                place
            }
            Err(e) => {
                let _ = writeln!(err, "{}: cannot write: {e}", dir.join(FIRST_PART_URL).display());
                return 2;
            }
        },
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", data.display());
            return 2;
        }
    };
    match crate::prerender::layout_island(&ds, &json, DEFAULT_DATA_URL, Some(first_part))
        .map(|i| crate::prerender::with_island(&page, &i))
    {
        Ok(Some(p)) => page = p,
        Ok(None) => {
            let _ = writeln!(err, "{}: no </body> for the layout island", index.display());
            return 2;
        }
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", data.display());
            return 2;
        }
    }
    let page = crate::prerender::without_wasm_preload(&page);
    if let Err(e) = std::fs::write(&index, page) {
        let _ = writeln!(err, "{}: cannot write: {e}", index.display());
        return 2;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><base href="/powershift/" />
<script type="module">
import init, * as bindings from '/powershift/app-1.js';
const wasm = await init({ module_or_path: '/powershift/app-1_bg.wasm' });
</script>
<link rel="stylesheet" href="/powershift/style.css"/></head><body><script type="application/json" id="x">{}</script></body></html>"#;

    #[test]
    fn the_inline_boot_script_becomes_a_file_loaded_from_the_public_url() {
        let (page, name, script) = externalize_boot(PAGE, None).unwrap();
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert!(
            script.starts_with(crate::prerender::BOOT_PRELUDE)
                && script.contains("import init")
                && script.contains("await init")
        );
        assert!(page.contains(&format!(r#"<script type="module" src="/powershift/{name}"></script>"#)));
        assert!(!page.contains("import init"));
        // The JSON data island and everything else stay.
        assert!(page.contains(r#"<script type="application/json" id="x">{}</script>"#));
        assert!(page.contains(r#"<link rel="stylesheet""#));
        // Idempotent, and the name follows the content.
        assert_eq!(externalize_boot(&page, None), None);
        let other = PAGE.replace("app-1", "app-2");
        assert_ne!(externalize_boot(&other, None).unwrap().1, name);
        assert!(!script.contains("powershiftRest"));
    }

    #[test]
    fn a_split_module_s_boot_script_fetches_the_rest_once_the_app_has_started() {
        let (_, name, script) = externalize_boot(PAGE, Some("app-1-rest-2.wasm")).unwrap();
        let defined = script.find("window.powershiftRest = ").unwrap();
        let started = script.find("const wasm = await init(").unwrap();
        let fetched = script.find("powershiftRest.fetch(wasm);").unwrap();
        assert!(defined < started && started < fetched, "{script}");
        assert!(script.contains("new URL('app-1-rest-2.wasm', document.baseURI)"));
        assert_ne!(externalize_boot(PAGE, None).unwrap().1, name);
    }
}
