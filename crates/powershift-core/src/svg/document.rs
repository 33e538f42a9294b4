//! The network on a date as a standalone SVG file: title, date, the sentence, the network (the
//! same [`NetworkScene`] the page draws, written with the same structure, classes and data
//! attributes as the app's `render/network.rs`), a legend of what is drawn, the credit and the
//! "data checked as of" line. Styles are presentation attributes (no stylesheet), fonts a fallback
//! list, so the file looks the same in a browser, Inkscape and resvg.
//!
//! ```text
//! ┌──────────────────────────────────────────────┐
//! │ Title                                        │
//! │ Partnerships on 28 April 2026                │
//! │ The sentence, wrapped …                      │
//! │ ┌────────────────────────────┐ ┌───────────┐ │
//! │ │ the network (nested <svg>, │ │ legend    │ │
//! │ │ its own viewBox)           │ │           │ │
//! │ └────────────────────────────┘ └───────────┘ │
//! │ credit · Data checked as of …                │
//! └──────────────────────────────────────────────┘
//! ```

use std::fmt::Write as _;

use crate::date::Date;
use crate::model::{ConfidenceLevel, Dataset, OrgGroup, RelationGroup};
use crate::network::{NetworkLayout, Rect, TemporalLayout};
use crate::scene::network::{Annotation, Ghost, FAN_ZOOM};
use crate::scene::{
    change_view, confidence_dash, group_colour, network_scene, org_group_colour, relation_colour, sentence, ChangeView,
    Counts, NetworkScene, SceneEdge, SceneNode, MIN_EDGE_WIDTH,
};
use crate::view::{apply, Action, ViewContext, ViewState};

use super::{esc, num};

/// The font list of every text: the app's, then common fallbacks.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";
/// Text colour (the app's `--ink`).
pub const INK: &str = "#1b1f24";
/// Secondary text (the app's `--muted`).
pub const MUTED: &str = "#4f5b66";

/// Size of the picture in CSS pixels (a PNG is rendered at a multiple of it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DocumentSize {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl DocumentSize {
    /// A print or slide graphic: 1200 × 800.
    pub const GRAPHIC: DocumentSize = DocumentSize { width: 1200.0, height: 800.0 };
    /// A social card: 1200 × 630.
    pub const CARD: DocumentSize = DocumentSize { width: 1200.0, height: 630.0 };
}

/// The view an export draws on `date`: the reader's first view moved to the date, with every
/// agreement drawn as its own line (the camera's zoom at [`FAN_ZOOM`]; the export does not apply
/// the camera, it frames the drawing itself).
pub fn export_view(ds: &Dataset, date: Date) -> (ViewContext, ViewState) {
    let ctx = ViewContext::of(ds);
    let mut view = apply(&ViewState::initial(&ctx), Action::SetDate(date), &ctx);
    view.camera.k = FAN_ZOOM;
    (ctx, view)
}

/// The standalone SVG of the network on `date` (clamped to the story's range, as the page does).
/// O(layout of one date + size of the drawing).
pub fn network_document(ds: &Dataset, temporal: &TemporalLayout, date: Date, size: DocumentSize) -> String {
    let (ctx, view) = export_view(ds, date);
    let layout = temporal.at(ds, view.date);
    let change = change_view(ds, &ctx, &view);
    document(ds, &layout, &view, change.as_ref(), temporal.config.font_px, size)
}

/// The standalone SVG for a view (what the app's export calls with the reader's own view).
pub fn document(
    ds: &Dataset,
    layout: &NetworkLayout,
    view: &ViewState,
    change: Option<&ChangeView>,
    font_px: f64,
    size: DocumentSize,
) -> String {
    let scene = network_scene(ds, layout, view, None, change);
    let counts = Counts {
        organisations: scene.nodes.len(),
        in_force: layout.edges.len(),
        shown: scene.edges.iter().map(|e| e.rels.len()).sum(),
    };
    let text = sentence(ds, view, change, counts).text;
    let (w, h) = (size.width, size.height);
    let s = (w / 1200.0).min(h / 630.0).max(0.25);
    let m = 32.0 * s;

    let mut out = String::new();
    let title = &ds.meta.title;
    let date_line = format!("Partnerships on {}", view.date_words());
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}" role="img" aria-labelledby="ps-title ps-desc" data-date="{date}">
<title id="ps-title">{t} — {dl}</title>
<desc id="ps-desc">{d}</desc>
<rect class="page" x="0" y="0" width="{w}" height="{h}" fill="white"/>
"#,
        w = num(w),
        h = num(h),
        font = esc(FONT_FAMILY),
        date = view.date,
        t = esc(title),
        dl = esc(&date_line),
        d = esc(&text),
    );

    // Heading: title, date, the sentence.
    let mut y = m + 28.0 * s;
    let _ = writeln!(
        out,
        r#"<text class="title" x="{}" y="{}" font-size="{}" font-weight="700" fill="{INK}">{}</text>"#,
        num(m),
        num(y),
        num(28.0 * s),
        esc(title)
    );
    y += 26.0 * s;
    let _ = writeln!(
        out,
        r#"<text class="date" x="{}" y="{}" font-size="{}" font-weight="600" fill="{MUTED}">{}</text>"#,
        num(m),
        num(y),
        num(18.0 * s),
        esc(&date_line)
    );
    let sentence_px = 16.0 * s;
    let max_lines = if h < 700.0 { 2 } else { 3 };
    let lines = wrap(&text, ((w - 2.0 * m) / (sentence_px * 0.52)) as usize, max_lines);
    let _ = write!(out, r#"<text class="sentence" font-size="{}" fill="{INK}">"#, num(sentence_px));
    for l in &lines {
        y += sentence_px * 1.35;
        let _ = write!(out, r#"<tspan x="{}" y="{}">{}</tspan>"#, num(m), num(y), esc(l));
    }
    out.push_str("</text>\n");
    let top = y + 14.0 * s;

    // Footer: credit and the date the data was checked.
    let foot_px = 12.5 * s;
    let checked = format!("Data checked as of {}.", ds.meta.as_of.to_words());
    let credit = match &ds.meta.credit {
        Some(c) => format!("{c} {checked} Power Shift."),
        None => format!("{checked} Power Shift."),
    };
    let foot_lines = wrap(&credit, ((w - 2.0 * m) / (foot_px * 0.52)) as usize, 2);
    let foot_top = h - m - (foot_lines.len() as f64 - 1.0) * foot_px * 1.3;
    let _ = write!(out, r#"<text class="credit" font-size="{}" fill="{MUTED}">"#, num(foot_px));
    for (i, l) in foot_lines.iter().enumerate() {
        let _ =
            write!(out, r#"<tspan x="{}" y="{}">{}</tspan>"#, num(m), num(foot_top + i as f64 * foot_px * 1.3), esc(l));
    }
    out.push_str("</text>\n");
    let bottom = foot_top - foot_px - 12.0 * s;

    // The legend on the right, the network in the rest.
    let legend_w = if w >= 800.0 { 250.0 * s } else { 0.0 };
    let area =
        Rect::new(m, top, w - m - legend_w - if legend_w > 0.0 { 16.0 * s } else { 0.0 }, bottom.max(top + 10.0));
    if legend_w > 0.0 {
        legend(&mut out, &scene, Rect::new(w - m - legend_w, top, w - m, bottom), s);
    }
    network(&mut out, &scene, area, font_px);
    out.push_str("</svg>\n");
    out
}

/// The network in `area`: a nested `<svg>` whose viewBox frames the drawing (with room at the top
/// for the change's headline), structured as the app's renderer.
fn network(out: &mut String, scene: &NetworkScene, area: Rect, font_px: f64) {
    let headroom = if scene.annotation.is_some() { Annotation::headroom(font_px) } else { 0.0 };
    let mut vb = scene.bounds.inflate(24.0);
    vb.min.y -= headroom;
    // Grow the frame to the area's aspect ratio, so the headline is fitted to what is shown.
    let aspect = area.width() / area.height().max(1.0);
    if vb.width() / vb.height().max(1e-9) < aspect {
        let grow = (vb.height() * aspect - vb.width()) / 2.0;
        vb.min.x -= grow;
        vb.max.x += grow;
    } else {
        let grow = (vb.width() / aspect - vb.height()) / 2.0;
        vb.min.y -= grow;
        vb.max.y += grow;
    }
    let _ = writeln!(
        out,
        r#"<svg class="network" x="{}" y="{}" width="{}" height="{}" viewBox="{} {} {} {}" preserveAspectRatio="xMidYMid meet">"#,
        num(area.min.x),
        num(area.min.y),
        num(area.width()),
        num(area.height()),
        num(vb.min.x),
        num(vb.min.y),
        num(vb.width()),
        num(vb.height())
    );
    out.push_str("<defs>");
    for k in &scene.arrow_kinds {
        let _ = write!(
            out,
            r#"<marker id="arrow-{}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="M0,0L10,5L0,10z" fill="{}"/></marker>"#,
            k.as_str(),
            relation_colour(*k)
        );
    }
    out.push_str("</defs>\n<g class=\"ghosts\">");
    for g in &scene.ghosts {
        ghost(out, g);
    }
    out.push_str("</g>\n<g class=\"edges\">\n");
    for e in &scene.edges {
        edge(out, e, font_px);
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for n in &scene.nodes {
        node(out, n, font_px);
    }
    out.push_str("</g>\n");
    if let Some(a) = scene.annotation.as_ref().map(|a| a.fit(vb, font_px)) {
        let _ = write!(
            out,
            r#"<g class="annotation"><line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{INK}" stroke-width="1" stroke-dasharray="2 2" opacity="0.7"/><text x="{}" y="{}" font-size="{}" text-anchor="middle" font-weight="700" fill="{INK}" stroke="white" stroke-width="4" stroke-linejoin="round" paint-order="stroke">"#,
            num(a.leader.0.x),
            num(a.leader.0.y),
            num(a.leader.1.x),
            num(a.leader.1.y),
            num(a.x),
            num(a.y),
            num(font_px)
        );
        for (i, l) in a.lines.iter().enumerate() {
            let dy = if i == 0 { "0".to_string() } else { num(font_px * 1.2) };
            let _ = write!(out, r#"<tspan x="{}" dy="{dy}">{}</tspan>"#, num(a.x), esc(l));
        }
        out.push_str("</text></g>\n");
    }
    out.push_str("</svg>\n");
}

fn edge(out: &mut String, e: &SceneEdge, font_px: f64) {
    let mut class = String::from("edge");
    for c in [e.change.map(|c| c.class()), e.muted.then_some("muted"), (e.rels.len() > 1).then_some("bundle")]
        .into_iter()
        .flatten()
    {
        class.push(' ');
        class.push_str(c);
    }
    let single = e.rels.len() == 1;
    let rel_attr = if single { format!(r#" data-rel="{}""#, esc(&e.id)) } else { String::new() };
    let opacity = if e.muted { r#" opacity="0.5""# } else { "" };
    let _ = write!(
        out,
        r#"<g class="{class}"{rel_attr} data-rels="{}" data-from="{}" data-to="{}" data-kind="{}" data-status="{}"{opacity}><title>{}</title>"#,
        esc(&e.rel_ids.join(" ")),
        esc(&e.from),
        esc(&e.to),
        e.kind.as_str(),
        esc(&e.status),
        esc(&e.description)
    );
    let d = e.curve.svg_path();
    if e.change.is_some() {
        let _ = write!(
            out,
            r##"<path class="edge-halo" d="{d}" fill="none" stroke="#fbbf24" stroke-opacity="0.6" stroke-linecap="round" stroke-width="{}"/>"##,
            num(e.width + 7.0)
        );
    }
    let dash = e.dash.map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
    let marker = if e.arrow { format!(r#" marker-end="url(#arrow-{})""#, e.kind.as_str()) } else { String::new() };
    let _ = write!(
        out,
        r#"<path class="edge-line" d="{d}" fill="none" stroke-linecap="round" stroke="{}" stroke-width="{}"{dash} opacity="{}"{marker}/>"#,
        e.stroke,
        num(e.width),
        num(e.opacity)
    );
    if let Some(b) = e.badge {
        let _ = write!(
            out,
            r#"<g class="badge"><circle cx="{x}" cy="{y}" r="{}" fill="white" stroke="{INK}" stroke-width="1.2"/><text x="{x}" y="{y}" font-size="{}" text-anchor="middle" dominant-baseline="central" font-weight="700" fill="{INK}">{}</text></g>"#,
            num(font_px * 0.75),
            num(font_px * 0.85),
            e.rels.len(),
            x = num(b.x),
            y = num(b.y)
        );
    }
    out.push_str("</g>\n");
}

fn ghost(out: &mut String, g: &Ghost) {
    let _ = write!(
        out,
        r#"<g class="ghost" data-ghost="{}"><title>{}</title><path class="ghost-line" d="{}" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="3 4" opacity="0.4"/></g>"#,
        esc(&g.id),
        esc(&g.description),
        g.curve.svg_path(),
        g.stroke
    );
}

fn node(out: &mut String, n: &SceneNode, font_px: f64) {
    let _ = write!(
        out,
        r#"<g class="node" data-id="{}"><title>{}</title><circle cx="{}" cy="{}" r="{}" fill="{}" stroke="white" stroke-width="2"/>"#,
        esc(&n.id),
        esc(&n.description),
        num(n.pos.x),
        num(n.pos.y),
        num(n.radius),
        n.fill
    );
    if let Some(l) = n.label_rect {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" dominant-baseline="central" fill="{INK}" stroke="white" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text>"#,
            num(l.min.x + 3.0),
            num(l.center().y),
            num(font_px),
            esc(&n.label)
        );
    }
    out.push_str("</g>\n");
}

/// The legend of what the picture uses: relationship kinds drawn, organisation kinds present, the
/// confidence dashes, and how to read width and arrows; sections that do not fit are left out.
fn legend(out: &mut String, scene: &NetworkScene, area: Rect, s: f64) {
    let mut rel_kinds: Vec<RelationGroup> = scene.edges.iter().map(|e| e.kind.group()).collect();
    crate::sort::sort(&mut rel_kinds);
    rel_kinds.dedup();
    let org_kinds: Vec<OrgGroup> =
        OrgGroup::ALL.iter().copied().filter(|g| scene.nodes.iter().any(|n| n.fill == org_group_colour(*g))).collect();
    let row = 19.0 * s;
    let head = 24.0 * s;
    let px = 13.0 * s;
    let mut y = area.min.y + 4.0 * s;
    let x = area.min.x;
    let fits = |y: f64, rows: usize| y + head + rows as f64 * row <= area.max.y;
    let _ = writeln!(out, r#"<g class="legend" font-size="{}" fill="{INK}">"#, num(px));
    let heading = |out: &mut String, y: &mut f64, text: &str| {
        *y += head;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-weight="700" fill="{MUTED}" font-size="{}">{}</text>"#,
            num(x),
            num(*y - 6.0 * s),
            num(px * 0.92),
            text
        );
    };
    if !rel_kinds.is_empty() && fits(y, rel_kinds.len()) {
        heading(out, &mut y, "RELATIONSHIPS");
        for k in &rel_kinds {
            let _ = writeln!(
                out,
                r#"<g class="legend-item" data-group="{}"><line x1="{}" y1="{cy}" x2="{}" y2="{cy}" stroke="{}" stroke-width="{}" stroke-linecap="round"/><text x="{}" y="{cy}" dominant-baseline="central">{}</text></g>"#,
                k.as_str(),
                num(x),
                num(x + 26.0 * s),
                group_colour(*k),
                num(3.0 * s),
                num(x + 34.0 * s),
                esc(k.label()),
                cy = num(y + row / 2.0)
            );
            y += row;
        }
    }
    if !org_kinds.is_empty() && fits(y, org_kinds.len()) {
        heading(out, &mut y, "ORGANISATIONS");
        for k in &org_kinds {
            let _ = writeln!(
                out,
                r#"<g class="legend-item" data-org-group="{}"><circle cx="{}" cy="{cy}" r="{}" fill="{}"/><text x="{}" y="{cy}" dominant-baseline="central">{}</text></g>"#,
                k.as_str(),
                num(x + 13.0 * s),
                num(6.0 * s),
                org_group_colour(*k),
                num(x + 34.0 * s),
                esc(k.label()),
                cy = num(y + row / 2.0)
            );
            y += row;
        }
    }
    let levels = [
        ConfidenceLevel::Confirmed,
        ConfidenceLevel::Reported,
        ConfidenceLevel::SingleSource,
        ConfidenceLevel::Conflicting,
    ];
    if fits(y, levels.len() + 3) {
        heading(out, &mut y, "CONFIDENCE");
        for l in levels {
            let dash = confidence_dash(l).map(|d| format!(r#" stroke-dasharray="{d}""#)).unwrap_or_default();
            let _ = writeln!(
                out,
                r#"<g class="legend-item"><line x1="{}" y1="{cy}" x2="{}" y2="{cy}" stroke="{INK}" stroke-width="{}"{dash}/><text x="{}" y="{cy}" dominant-baseline="central">{}</text></g>"#,
                num(x),
                num(x + 26.0 * s),
                num(MIN_EDGE_WIDTH * s),
                num(x + 34.0 * s),
                esc(l.label()),
                cy = num(y + row / 2.0)
            );
            y += row;
        }
        let note_px = px * 0.9;
        let _ = write!(out, r#"<text class="legend-note" font-size="{}" fill="{MUTED}">"#, num(note_px));
        for line in
            ["Thicker lines: more money committed.", "Arrows: investor → investee,", "supplier → customer, and so on."]
        {
            y += row;
            let _ = write!(out, r#"<tspan x="{}" y="{}">{}</tspan>"#, num(x), num(y), esc(line));
        }
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n");
}

/// Words into lines of at most `max_chars` characters, at most `max_lines` of them (the last ends
/// with "…" when text was left out).
///
/// ```
/// use powershift_core::svg::document::wrap;
/// assert_eq!(wrap("one two three four", 9, 5), ["one two", "three", "four"]);
/// assert_eq!(wrap("one two three four", 9, 2), ["one two", "three …"]);
/// ```
pub fn wrap(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(8);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= max_chars => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        let last = lines.last_mut().expect("at least one line");
        while last.chars().count() + 2 > max_chars {
            match last.rfind(' ') {
                Some(i) => last.truncate(i),
                None => break,
            }
        }
        last.push_str(" …");
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::LayoutConfig;

    #[test]
    fn the_document_names_the_story_the_date_and_every_organisation() {
        let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
        let temporal = TemporalLayout::new(&ds, LayoutConfig::default());
        let (_, end) = ds.time_range();
        let svg = network_document(&ds, &temporal, end, DocumentSize::GRAPHIC);
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains(&esc(&ds.meta.title)));
        assert!(svg.contains("Data checked as of"));
        for n in ds.network_at(end).nodes {
            assert!(svg.contains(&format!("data-id=\"{}\"", ds.org(n.org).id)), "{}", ds.org(n.org).id);
        }
        assert_eq!(svg.matches("<svg").count(), 2);
        assert_eq!(svg.matches("</svg>").count(), 2);
    }
}
