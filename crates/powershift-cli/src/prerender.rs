//! The first screen as HTML: the page the app renders for the default view (title, summary,
//! scrubber, sentence, the network SVG of the default date, its details), rendered natively at
//! build time with the app's own components through Yew's server renderer, and written into
//! `index.html` by `powershift site`. The reader sees the story before the WebAssembly has
//! arrived, and a reader without JavaScript can still read it.
//!
//! Phones get a different network layout (larger labels, longer links: `state::layout_config`),
//! so the page is rendered twice, wide and compact, and the stylesheet shows the one that matches
//! the app's own switch (viewport narrower than 640 px). The panels the app defers
//! (`components::Deferred`) are placeholders here as in the app's first render.
//!
//! The hand-over: `#prerender` sits before `#app`; the app renders invisibly in its place
//! (`#prerender + #app` in the stylesheet) and removes `#prerender` once its own first screen is in
//! the DOM, so the picture does not jump. The boot script hides the prerender from assistive
//! technology while the app starts (nothing announced twice), makes it inert from the reader's first
//! key, touch or click (no dead controls; see [`BOOT_PRELUDE`]) and drops it at once for a page that
//! will show something else (`?data=`, `?embed=`).

use std::rc::Rc;

use powershift::app::{Page, PageProps};
use powershift::load::LoadState;
use powershift_core::model::Dataset;

/// Where the prerender goes in `index.html`: between these two markers (kept, so `site` can run
/// again on its own output).
pub const START: &str = "<!--prerender-->";
/// The end marker.
pub const END: &str = "<!--/prerender-->";

/// The JavaScript that runs first in the boot script (see the module documentation). It then waits
/// until the browser has reported the prerendered page's paint before it asks for the WebAssembly:
/// fetched earlier, the big download competes with the page's own first paint on a slow connection,
/// and Lighthouse's simulation counts it in the largest contentful paint. Reported means the
/// `largest-contentful-paint` entry (else `first-contentful-paint`), which arrives when the frame
/// is on screen: on a slow host a frame's main-thread work can end hundreds of milliseconds before
/// its presentation (measured under Lighthouse on a 2× slower machine: first paint at 1.27 s, the
/// subtitle, the largest text, at 1.47 s, while the old wait — an animation frame and a 200 ms
/// timer — had already asked for the Wasm at 0.47 s: a simulated LCP of 4.2 s instead of 1.3).
/// A hidden tab paints nothing and a browser without paint timing reports nothing, hence the timers.
///
/// The copy becomes `inert` only when the reader presses a key, touches or clicks, or focus lands in
/// it, before the app has taken over: setting it restyles every element of the copy, which right
/// after the first paint was a task of 20–60 ms on this 2× slower host (80–240 ms in Lighthouse's
/// 4× count), paid by every reader though most never reach a control in the first seconds. The
/// copy is held only inside a block (the listener looks it up by id), so once the app has removed it
/// the browser can free it: a module's top-level `const` would keep it for the page's life.
pub const BOOT_PRELUDE: &str = "// In a block: once the app has removed the copy, nothing of this script holds on to it.\n\
{\n\
const pre = document.getElementById('prerender');\n\
if (pre && /[?&](data|embed)=/.test(location.search)) pre.remove();\n\
else if (pre) {\n  pre.setAttribute('aria-hidden', 'true');\n  \
// No dead controls while the app starts: the copy turns inert once the reader could reach one\n  \
// (a key, a touch or a click, focus inside it). Not at once: `inert` restyles the whole copy.\n  \
const inputs = ['keydown', 'pointerdown', 'focusin'];\n  \
const still = (e) => {\n    \
const copy = document.getElementById('prerender');\n    \
if (copy && e.type === 'focusin' && !copy.contains(e.target)) return;\n    \
if (copy) copy.inert = true;\n    \
for (const t of inputs) removeEventListener(t, still, true);\n  \
};\n  \
for (const t of inputs) addEventListener(t, still, true);\n  \
// After the first screen is painted (see `BOOT_PRELUDE` in crates/powershift-cli/src/prerender.rs).\n  \
await new Promise((painted) => {\n    \
const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];\n    \
const type = ['largest-contentful-paint', 'paint'].find((t) => types.includes(t));\n    \
const next = () => requestAnimationFrame(() => setTimeout(painted, 0));\n    \
if (type && !document.hidden) {\n      \
new PerformanceObserver((list, seen) => { seen.disconnect(); next(); }).observe({ type, buffered: true });\n      \
setTimeout(painted, 3000);\n    \
} else {\n      next();\n      setTimeout(painted, 200);\n    }\n  });\n}\n}\n\
// The default dataset's first part (its full text comes after the first screen) downloads beside\n\
// the WebAssembly instead of after it has started (the app's fetch of the same address takes this\n\
// response).\n\
if (!/[?&]data=/.test(location.search)) {\n  const data = document.createElement('link');\n  \
data.rel = 'preload';\n  data.as = 'fetch';\n  data.crossOrigin = 'anonymous';\n  data.href = 'data/powershift.first.json';\n  \
document.head.append(data);\n}\n";

/// `html` without Trunk's `<link rel="preload" … type="application/wasm">`, which would start the
/// WebAssembly download before the first paint (see [`BOOT_PRELUDE`]).
pub fn without_wasm_preload(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<link rel=\"preload\"") {
        let end = i + rest[i..].find('>').map_or(rest.len() - i, |j| j + 1);
        out.push_str(&rest[..i]);
        if !rest[i..end].contains("application/wasm") {
            out.push_str(&rest[i..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Parses and validates the site's dataset once, for [`first_screen`] and [`layout_island`].
pub fn dataset(json: &str) -> Result<Rc<Dataset>, String> {
    Dataset::from_json_str(json).map(Rc::new).map_err(|e| format!("the dataset is not valid: {e}"))
}

/// Renders the default view of `ds` (the dataset the page loads from `url`), wide and compact.
pub fn first_screen(ds: &Rc<Dataset>, url: &str) -> Result<String, String> {
    let runtime =
        tokio::runtime::Builder::new_current_thread().build().map_err(|e| format!("cannot start the renderer: {e}"))?;
    let render = |compact: bool| {
        let props = PageProps {
            // A static page exports nothing, so it needs no text of the dataset.
            state: LoadState::Ready {
                url: url.to_string(),
                dataset: ds.clone(),
                text: "".into(),
                part: powershift::load::Part::Whole,
            },
            query: Default::default(),
            compact,
            options: Default::default(),
            first_screen_only: true,
        };
        runtime.block_on(yew::LocalServerRenderer::<Page>::with_props(props).hydratable(false).render())
    };
    Ok(format!(
        "<div class=\"prerender-wide\"><main class=\"app\">{}</main></div>\
         <div class=\"prerender-compact\"><main class=\"app\">{}</main></div>",
        private_ids(&only_what_shows(&render(false)), "pw-"),
        private_ids(&only_what_shows(&render(true)), "pc-")
    ))
}

/// The copy without what cannot be seen before the app takes over, so the page the phone parses and
/// lays out first is lighter: the drawing's transparent touch squares (the copy is inert) and the
/// options of a closed `<select>` other than the one it shows. O(length of `html`).
pub fn only_what_shows(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        // The next `<rect ` or `<option ` start tag, and whether it goes.
        let next = [("<rect ", "</rect>"), ("<option ", "</option>")]
            .into_iter()
            .filter_map(|(open, close)| rest.find(open).map(|i| (i, close)))
            .min_by_key(|(i, _)| *i);
        let Some((i, close)) = next else {
            out.push_str(rest);
            return out;
        };
        let tag = &rest[i..i + rest[i..].find('>').unwrap_or(rest.len() - i)];
        let drop = if close == "</rect>" { tag.contains("class=\"touch\"") } else { !tag.contains(" selected") };
        let end = if drop { i + rest[i..].find(close).map_or(rest.len() - i, |j| j + close.len()) } else { i + 1 };
        out.push_str(&rest[..if drop { i } else { end }]);
        rest = &rest[end..];
    }
}

/// Attributes whose value is a list of ids.
const ID_LISTS: [&str; 5] = [" id=\"", " for=\"", " aria-labelledby=\"", " aria-describedby=\"", " aria-controls=\""];

/// The copy's ids and every reference to them (`url(#…)`, `href="#…"`, the ARIA and label lists)
/// prefixed, and its test ids dropped: the wide and compact copies and the app's own first render
/// are in the page together for a moment, and each must keep its own arrow markers, labels and
/// descriptions while no script or test finds a copy instead of the app.
/// O(length of `html`).
pub fn private_ids(html: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    loop {
        // The next place to rewrite: an id list, a fragment URL, a fragment link or a test id.
        let next = ID_LISTS
            .iter()
            .map(|a| (*a, 0))
            .chain([(" data-testid=\"", 1), ("url(#", 2), (" href=\"#", 2)])
            .filter_map(|(pat, kind)| rest.find(pat).map(|i| (i, pat, kind)))
            .min_by_key(|(i, _, _)| *i);
        let Some((i, pat, kind)) = next else {
            out.push_str(rest);
            return out;
        };
        let after = i + pat.len();
        match kind {
            0 => {
                let end = after + rest[after..].find('"').unwrap_or(rest.len() - after);
                out.push_str(&rest[..after]);
                let ids: Vec<String> = rest[after..end].split_whitespace().map(|id| format!("{prefix}{id}")).collect();
                out.push_str(&ids.join(" "));
                rest = &rest[end..];
            }
            1 => {
                let end = after + rest[after..].find('"').map_or(rest.len() - after, |j| j + 1);
                out.push_str(&rest[..i]);
                rest = &rest[end..];
            }
            _ => {
                out.push_str(&rest[..after]);
                out.push_str(prefix);
                rest = &rest[after..];
            }
        }
    }
}

/// The JSON island with the dataset's layouts (see `powershift::known_layout`), to go before
/// `</body>`: `<` escaped so the text cannot end the script element. `json` is the text `ds` was
/// parsed from (its fingerprint goes in the island); `first_part`, where the build wrote the first
/// part of that text ([`first_part_text`]) and its fingerprint.
pub fn layout_island(
    ds: &Rc<Dataset>,
    json: &str,
    url: &str,
    first_part: Option<powershift::known_layout::FirstPart>,
) -> Result<String, String> {
    let known = powershift::known_layout::KnownLayouts {
        first_part,
        ..powershift::known_layout::KnownLayouts::of(ds.clone(), json, url)
    };
    let text = serde_json::to_string(&known).map_err(|e| e.to_string())?.replace('<', "\\u003c");
    Ok(format!("<script type=\"application/json\" id=\"{}\">{text}</script>\n", powershift::known_layout::ISLAND_ID))
}

/// The first part of a valid dataset's text (`powershift_core::model::first_part`), without
/// whitespace, and where the page finds it (`url`, with its fingerprint) for the island.
pub fn first_part_text(json: &str, url: &str) -> Result<(String, powershift::known_layout::FirstPart), String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let text = serde_json::to_string(&powershift_core::model::first_part(&value)).map_err(|e| e.to_string())?;
    let fingerprint = powershift::known_layout::fingerprint(&text);
    Ok((text, powershift::known_layout::FirstPart { url: url.to_string(), fingerprint }))
}

/// `html` with its layout island (if any) replaced by `island`, before `</body>`.
pub fn with_island(html: &str, island: &str) -> Option<String> {
    let open = format!("<script type=\"application/json\" id=\"{}\">", powershift::known_layout::ISLAND_ID);
    let html = match html.find(&open) {
        Some(i) => {
            let end = i + html[i..].find("</script>")? + "</script>\n".len();
            format!("{}{}", &html[..i], &html[end.min(html.len())..])
        }
        None => html.to_string(),
    };
    let body = html.rfind("</body>")?;
    Some(format!("{}{island}{}", &html[..body], &html[body..]))
}

/// `html` without its prerendered first screen (the `#prerender` element): for the archive copy,
/// whose page has no boot script to make it inert and loads from disk at once. Unchanged when
/// there is none.
pub fn remove(html: &str) -> String {
    const OPEN: &str = "<div id=\"prerender\">";
    let close = format!("{END}</div>");
    match (html.find(OPEN), html.find(&close)) {
        (Some(i), Some(j)) if j > i => format!("{}{}", &html[..i], &html[j + close.len()..]),
        _ => html.to_string(),
    }
}

/// `html` with `screen` between the markers, or None when the page has no markers.
pub fn insert(html: &str, screen: &str) -> Option<String> {
    let start = html.find(START)? + START.len();
    let end = start + html[start..].find(END)?;
    Some(format!("{}{screen}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../../powershift-core/tests/res/story-frozen.json");

    #[test]
    fn the_first_screen_has_the_title_the_sentence_and_the_network_in_both_layouts() {
        let html = first_screen(&dataset(STORY).unwrap(), "data/powershift.json").unwrap();
        let (wide, compact) = html.split_once("<div class=\"prerender-compact\">").unwrap();
        for half in [wide, compact] {
            assert!(half.contains("story-title\">The AI power shift</h1>"), "title");
            assert!(half.contains("class=\"sentence"), "sentence");
            assert!(half.contains("<svg") && half.contains("class=\"network"), "network drawing");
            // Deferred panels are placeholders, as in the app's first render.
            assert!(half.contains("class=\"deferred\""));
            assert!(!half.contains("money-chart-svg"));
        }
        // The two layouts differ (labels are larger on phones), so both are needed.
        let drawing =
            |h: &str| h.split("class=\"network").nth(1).and_then(|d| d.split("</svg>").next()).map(str::to_owned);
        assert_ne!(drawing(wide).unwrap().replace("pw-", ""), drawing(compact).unwrap().replace("pc-", ""));
    }

    #[test]
    fn each_copy_has_its_own_ids_and_no_test_ids() {
        let html = r##"<h2 id="t" data-testid="x">T</h2><svg aria-labelledby="t d"><path marker-end="url(#arrow)"/></svg><a href="#t">t</a><a href="https://x/#y">y</a><label for="q">Q</label>"##;
        assert_eq!(
            private_ids(html, "pc-"),
            r##"<h2 id="pc-t">T</h2><svg aria-labelledby="pc-t pc-d"><path marker-end="url(#pc-arrow)"/></svg><a href="#pc-t">t</a><a href="https://x/#y">y</a><label for="pc-q">Q</label>"##
        );
        let screen = first_screen(&dataset(STORY).unwrap(), "data/powershift.json").unwrap();
        assert!(!screen.contains("data-testid") && !screen.contains(" id=\"story-title\""));
        assert!(screen.contains(" id=\"pw-story-title\"") && screen.contains(" id=\"pc-story-title\""));
    }

    #[test]
    fn the_copy_drops_touch_squares_and_unshown_options_only() {
        let html = r#"<svg><rect x="1" class="touch"></rect><rect x="2" class="backdrop"></rect><rect class="touch" x="3"></rect></svg><select><option value="a">A</option><option value="b" selected="selected">B</option><option value="c">C</option></select>"#;
        assert_eq!(
            only_what_shows(html),
            r#"<svg><rect x="2" class="backdrop"></rect></svg><select><option value="b" selected="selected">B</option></select>"#
        );
    }

    #[test]
    fn insertion_replaces_what_is_between_the_markers_and_can_run_again() {
        let page =
            format!("<body><div id=\"prerender\">{START}<p>Loading…</p>{END}</div><div id=\"app\"></div></body>");
        let once = insert(&page, "<p>one</p>").unwrap();
        assert!(once.contains(&format!("{START}<p>one</p>{END}")) && !once.contains("Loading"));
        let twice = insert(&once, "<p>two</p>").unwrap();
        assert!(twice.contains(&format!("{START}<p>two</p>{END}")) && !twice.contains("one"));
        assert_eq!(insert("<body></body>", "x"), None);
    }

    #[test]
    fn the_wasm_is_not_preloaded_but_other_preloads_stay() {
        let head = r#"<link rel="modulepreload" href="/a.js"><link rel="preload" href="/a_bg.wasm" as="fetch" type="application/wasm"><link rel="preload" href="/f.woff2" as="font"></head>"#;
        assert_eq!(
            without_wasm_preload(head),
            r#"<link rel="modulepreload" href="/a.js"><link rel="preload" href="/f.woff2" as="font"></head>"#
        );
    }

    #[test]
    fn the_layout_island_fits_the_dataset_and_replaces_an_older_one() {
        let island = layout_island(&dataset(STORY).unwrap(), STORY, "data/powershift.json", None).unwrap();
        let page = with_island("<body><div id=\"app\"></div>\n</body>", &island).unwrap();
        let again = with_island(&page, &island).unwrap();
        assert_eq!(page, again, "idempotent");
        let json = island.split_once('>').unwrap().1.trim_end().strip_suffix("</script>").unwrap();
        let known: powershift::known_layout::KnownLayouts = serde_json::from_str(json).unwrap();
        assert_eq!(known.fingerprint, powershift::known_layout::fingerprint(STORY));
        assert_eq!(known.first_part, None);
        // With the first part written beside the dataset: its place and fingerprint, read by the page.
        let (text, place) = first_part_text(STORY, "data/x.first.json").unwrap();
        assert_eq!(place.fingerprint, powershift::known_layout::fingerprint(&text));
        assert!(text.len() < STORY.len() / 2 && !text.contains('\n'), "without texts and whitespace");
        let island =
            layout_island(&dataset(STORY).unwrap(), STORY, "data/powershift.json", Some(place.clone())).unwrap();
        let json = island.split_once('>').unwrap().1.trim_end().strip_suffix("</script>").unwrap();
        assert_eq!(powershift::known_layout::KnownLayouts::from_json(json).unwrap().first_part, Some(place));
    }

    #[test]
    fn the_boot_script_preloads_the_default_dataset_s_first_part_only() {
        let preload = format!("data.href = '{}';", powershift::platform::data_url::FIRST_PART_URL);
        assert!(BOOT_PRELUDE.contains(&preload), "{BOOT_PRELUDE}");
        assert!(BOOT_PRELUDE.contains("if (!/[?&]data=/.test(location.search))"));
    }

    #[test]
    fn the_archive_copy_can_drop_the_prerender() {
        let page = format!("<body><div id=\"prerender\">{START}<main>x</main>{END}</div><div id=\"app\"></div></body>");
        assert_eq!(remove(&page), "<body><div id=\"app\"></div></body>");
        assert_eq!(remove("<body></body>"), "<body></body>");
    }

    #[test]
    fn a_broken_dataset_is_an_error_not_a_page() {
        assert!(dataset("{}").unwrap_err().contains("not valid"));
    }
}
