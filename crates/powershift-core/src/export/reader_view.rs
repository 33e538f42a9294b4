//! The files of the page's Export menu: the network as the reader sees it (date, comparison,
//! selection, filters, focus, search, pins) as a standalone SVG document, the relationships in force
//! under the reader's filters as CSV, the date's snapshot as JSON, the whole story as GEXF.
//!
//! One definition for wherever the files are made. The page does not make them itself: the writers
//! are rarely used and were ~18 KiB of its gzipped WebAssembly, so the tools module (a second module
//! in a Web Worker, see [`crate::tools`]) makes them from what the page sends — the dataset's text,
//! the view as its deep link ([`crate::view::to_query`]) plus the pins a link does not carry, and the
//! global layout — and the page only saves the text it gets back. Every date's layout is a pure
//! function of the dataset, the global positions and the configuration, so the worker's layout of
//! the date is the page's, bit for bit.
//!
//! ```
//! use powershift_core::export::reader_view::{make, ExportFormat, ReaderView};
//! use powershift_core::model::Dataset;
//! use powershift_core::network::{LayoutConfig, TemporalLayout};
//! let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
//! let layout = TemporalLayout::new(&ds, LayoutConfig::for_screen(false));
//! let reader = ReaderView { link: "date=2019-08".into(), pins: vec![], compact: false };
//! let csv = make(ExportFormat::Csv, &ds, &layout, &reader);
//! assert!(csv.starts_with("id,"));
//! ```

use crate::model::{Dataset, OrgIx};
use crate::network::{TemporalLayout, Vec2};
use crate::scene::change_view;
use crate::scene::network::FAN_ZOOM;
use crate::snapshot::Snapshot;
use crate::svg::document::{document, DocumentSize};
use crate::view::{from_query, Camera, ViewContext, ViewState};

use super::gexf::gexf;
use super::table::relationships_csv_where;

/// A point as it crosses between the page and the tools module: its coordinates' bit patterns
/// (`f64::to_bits`), so it arrives exact and a layout computed from it is the page's, bit for bit
/// (serde_json reads decimal floats without its `float_roundtrip` feature, which may miss the
/// printed value by one unit in the last place).
pub type ExactPoint = [u64; 2];

/// `p` as an [`ExactPoint`].
pub fn exact(p: Vec2) -> ExactPoint {
    [p.x.to_bits(), p.y.to_bits()]
}

/// The point an [`ExactPoint`] stands for.
pub fn point(e: ExactPoint) -> Vec2 {
    Vec2::new(f64::from_bits(e[0]), f64::from_bits(e[1]))
}

/// What the Export menu makes (a PNG is the SVG document, drawn to a canvas by the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// The picture: a standalone SVG document of [`DocumentSize::GRAPHIC`].
    Svg,
    /// The relationships in force on the date that the reader's filters and focus show.
    Csv,
    /// The date's [`Snapshot`] with its layout, pretty-printed.
    Json,
    /// The whole story for Gephi.
    Gexf,
}

/// The reader's view as the page sends it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReaderView {
    /// The view's deep link ([`crate::view::to_query`]): date, comparison, selection, filters,
    /// focus, search and story step.
    pub link: String,
    /// Pinned organisations (dataset index) and their world positions ([`ExactPoint`]s): dragged
    /// by the reader, not part of a link.
    pub pins: Vec<(u32, ExactPoint)>,
    /// Whether the page lays the network out for a narrow screen
    /// ([`crate::network::LayoutConfig::for_screen`]).
    pub compact: bool,
}

impl ReaderView {
    /// The page's side: a view state as it is sent.
    pub fn of(view: &ViewState, ds: &Dataset, compact: bool) -> ReaderView {
        ReaderView {
            link: crate::view::to_query(view, ds),
            pins: view.pins.iter().map(|(o, p)| (o.0, exact(*p))).collect(),
            compact,
        }
    }

    /// The tools module's side: the view state again (pins of organisations the dataset does not
    /// have are left out). What a link does not carry and a file does not show — the pointer's
    /// hover, the timeline's window, playing — is the initial state's.
    pub fn view(&self, ds: &Dataset, ctx: &ViewContext) -> ViewState {
        let mut view = from_query(&self.link, ds, ctx);
        for &(org, at) in &self.pins {
            let p = point(at);
            if (org as usize) < ds.organisations.len() && p.x.is_finite() && p.y.is_finite() {
                view.pins.insert(OrgIx(org), p);
            }
        }
        view
    }
}

/// The file's text. `layout` is the page's global layout (its configuration the reader's screen's).
///
/// # Complexity
/// The date's layout (O(T_r · n log n), see [`TemporalLayout::at`]) and the writer's O(n + m) for
/// the picture and the snapshot; O(events + relationships) for the CSV and GEXF.
pub fn make(format: ExportFormat, ds: &Dataset, layout: &TemporalLayout, reader: &ReaderView) -> String {
    let ctx = ViewContext::of(ds);
    file_of_view(format, ds, &ctx, layout, &reader.view(ds, &ctx))
}

/// [`make`] for a view state at hand (what the page made itself before the writers moved).
pub fn file_of_view(
    format: ExportFormat,
    ds: &Dataset,
    ctx: &ViewContext,
    layout: &TemporalLayout,
    v: &ViewState,
) -> String {
    match format {
        ExportFormat::Svg => {
            // Every agreement as its own line, framed by the export, not the reader's camera.
            let mut view = v.clone();
            view.camera = Camera { k: FAN_ZOOM, ..Camera::default() };
            view.hover = None;
            let at = layout.at(ds, view.date);
            let change = change_view(ds, ctx, &view);
            document(ds, &at, &view, change.as_ref(), layout.config.font_px, DocumentSize::GRAPHIC)
        }
        ExportFormat::Csv => relationships_csv_where(ds, v.date, |r| {
            let rel = ds.rel(r);
            v.shows_kind(rel.kind) && v.focus_org.is_none_or(|o| rel.from == o || rel.to == o)
        }),
        ExportFormat::Json => {
            let snap = Snapshot::with_layout(ds, v.date, &layout.at(ds, v.date));
            serde_json::to_string_pretty(&snap).unwrap_or_default()
        }
        ExportFormat::Gexf => gexf(ds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::network::LayoutConfig;
    use crate::view::{apply, Action, Selection};

    const STORY: &str = include_str!("../../tests/res/story-frozen.json");

    #[test]
    fn a_readers_view_sent_as_link_and_pins_makes_the_files_the_page_made() {
        let ds = Dataset::from_json_str(STORY).unwrap();
        let ctx = ViewContext::of(&ds);
        let orgs = |id: &str| ds.organisations.iter().position(|o| o.id == id).map(|i| OrgIx(i as u32)).unwrap();
        for compact in [false, true] {
            let layout = TemporalLayout::new(&ds, LayoutConfig::for_screen(compact));
            let mut v = ViewState::initial(&ctx);
            for action in [
                Action::SetDate(Date::from_ymd(2023, 3, 1).unwrap()),
                Action::Select(Some(Selection::Org(orgs("openai")))),
                Action::Compare(Some(Date::from_ymd(2020, 1, 1).unwrap())),
                Action::Pin(orgs("microsoft"), Vec2::new(12.5, -40.25)),
                Action::Hover(Some(Selection::Org(orgs("microsoft")))),
            ] {
                v = apply(&v, action, &ctx);
            }
            assert!(!v.pins.is_empty() && v.compare.is_some(), "the view under test has pins and a comparison");
            let reader = ReaderView::of(&v, &ds, compact);
            for format in [ExportFormat::Svg, ExportFormat::Csv, ExportFormat::Json, ExportFormat::Gexf] {
                assert_eq!(
                    make(format, &ds, &layout, &reader),
                    file_of_view(format, &ds, &ctx, &layout, &v),
                    "{format:?}"
                );
            }
            let unpinned = ReaderView { pins: vec![], ..reader.clone() };
            assert_ne!(
                make(ExportFormat::Svg, &ds, &layout, &reader),
                make(ExportFormat::Svg, &ds, &layout, &unpinned),
                "the pin moves Microsoft in the picture"
            );
        }
    }

    #[test]
    fn a_filter_and_a_focus_narrow_the_csv() {
        let ds = Dataset::from_json_str(STORY).unwrap();
        let layout = TemporalLayout::new(&ds, LayoutConfig::for_screen(false));
        let all = make(
            ExportFormat::Csv,
            &ds,
            &layout,
            &ReaderView { link: "date=2025-01".into(), pins: vec![], compact: false },
        );
        let focused = make(
            ExportFormat::Csv,
            &ds,
            &layout,
            &ReaderView { link: "date=2025-01&focus=openai".into(), pins: vec![], compact: false },
        );
        let rows = |t: &str| t.lines().count();
        assert!(rows(&focused) > 1 && rows(&focused) < rows(&all), "{} of {}", rows(&focused), rows(&all));
        assert!(focused.lines().skip(1).all(|l| l.contains("openai")));
    }

    #[test]
    fn pins_of_organisations_the_story_does_not_have_are_left_out() {
        let ds = Dataset::from_json_str(STORY).unwrap();
        let ctx = ViewContext::of(&ds);
        let reader = ReaderView {
            link: String::new(),
            pins: vec![
                (9999, exact(Vec2::new(1.0, 2.0))),
                (0, exact(Vec2::new(f64::NAN, 0.0))),
                (1, exact(Vec2::new(3.0, 4.0))),
            ],
            compact: true,
        };
        let v = reader.view(&ds, &ctx);
        assert_eq!(v.pins.len(), 1);
        assert_eq!(v.pins[&OrgIx(1)], Vec2::new(3.0, 4.0));
    }
}
