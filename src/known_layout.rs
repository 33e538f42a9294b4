//! The story's global layout and viewBox, computed at build time for the site's own dataset.
//!
//! Why: preparing a story (the global force layout, then the layout of up to 25 change dates for
//! the box that keeps the drawing still while the date changes) was the longest piece of work at
//! load, ~180 ms on Lighthouse's phone profile (4× CPU), before anything could be drawn. The layout
//! is a pure function of the dataset and the same natively and in WebAssembly (`tests/golden_wasm.rs`),
//! so `powershift site` computes it with the same code and writes it into the page as a JSON island
//! (`<script type="application/json" id="powershift-layout">`), with a fingerprint of the dataset's
//! text. The app uses it only for a dataset whose text has exactly that fingerprint; any other
//! dataset (a `?data=` file, one the reader opens, a changed file on the server) is laid out as
//! before. Nothing is trusted that was not computed from the same bytes.

use std::cell::RefCell;
use std::rc::Rc;

use powershift_core::date::Date;
use powershift_core::model::Dataset;
use powershift_core::network::{Rect, TemporalLayout, Vec2};
use powershift_core::view::ViewState;
use serde::{Deserialize, Serialize};

use crate::state::{layout_config, Story};

/// The id of the JSON island in the page.
pub const ISLAND_ID: &str = "powershift-layout";

/// What a prepared story needs beyond the dataset: the global positions and the drawing's box.
/// Numbers are kept as their IEEE 754 bits (`f64::to_bits`): exact through JSON, so the page lays
/// out every date exactly as it would have from its own global layout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnownLayout {
    /// Every organisation's global position (x, y bits), in dataset order.
    pub global: Vec<[u64; 2]>,
    /// The box around every change date's layout (min x, min y, max x, max y bits), margin included.
    pub bounds: [u64; 4],
    /// The first date the page shows (no deep link) and its relaxed positions (x, y bits), in the
    /// order of that date's network: the costly part of laying that date out.
    #[serde(default)]
    pub first: Option<FirstDate>,
}

/// The first date's relaxation (see [`KnownLayout::first`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstDate {
    /// The date, ISO 8601 (`2026-06-11`).
    pub date: String,
    /// The relaxed positions, as `TemporalLayout::relaxed` returned them (x, y bits).
    pub relaxed: Vec<[u64; 2]>,
}

/// Both layouts of a dataset (phones get a different one: `state::layout_config`) and the
/// fingerprint of the text they were computed from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnownLayouts {
    /// [`fingerprint`] of the dataset's text.
    pub fingerprint: u64,
    /// For wide screens.
    pub wide: KnownLayout,
    /// For phones.
    pub compact: KnownLayout,
    /// The first part of the dataset's text, when the build wrote one (see
    /// `powershift_core::model::first_part`): the page shows the story from it and reads the full
    /// text after its first screen.
    #[serde(default)]
    pub first_part: Option<FirstPart>,
}

/// Where the first part of the dataset's text is (see [`KnownLayouts::first_part`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstPart {
    /// Its URL, relative to the page (`data/powershift.first.json`).
    pub url: String,
    /// [`fingerprint`] of its text: the page reads it only if it is the text the build wrote.
    pub fingerprint: u64,
}

/// FNV-1a, 64 bits, of the text: identifies the exact bytes (not a security measure: the island
/// and the dataset come from the same site). O(length).
pub fn fingerprint(text: &str) -> u64 {
    fingerprint_of(&[text.as_bytes()])
}

/// [`fingerprint`] of the parts one after the other (the build names files by their content with it).
pub fn fingerprint_of(parts: &[&[u8]]) -> u64 {
    parts
        .iter()
        .flat_map(|p| p.iter())
        .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

impl KnownLayout {
    /// The parts of a prepared story this records.
    pub fn of(story: &Story) -> KnownLayout {
        let b = story.bounds;
        let first = ViewState::initial(&story.ctx).date;
        KnownLayout {
            global: story.layout.global.iter().map(|p| [p.x.to_bits(), p.y.to_bits()]).collect(),
            bounds: [b.min.x, b.min.y, b.max.x, b.max.y].map(f64::to_bits),
            first: Some(FirstDate {
                date: first.to_string(),
                relaxed: story
                    .layout
                    .relaxed(&story.ds, first)
                    .iter()
                    .map(|p| [p.x.to_bits(), p.y.to_bits()])
                    .collect(),
            }),
        }
    }

    /// The first date and its relaxed positions, if recorded and readable.
    pub fn first_relaxed(&self) -> Option<(Date, Rc<Vec<Vec2>>)> {
        let first = self.first.as_ref()?;
        let date = Date::parse_iso(&first.date).ok()?;
        let relaxed = first.relaxed.iter().map(|p| Vec2::new(f64::from_bits(p[0]), f64::from_bits(p[1]))).collect();
        Some((date, Rc::new(relaxed)))
    }

    /// The global layout, if it fits the dataset (one position per organisation).
    pub fn layout(&self, ds: &Dataset, compact: bool) -> Option<TemporalLayout> {
        (self.global.len() == ds.organisations.len()).then(|| TemporalLayout {
            config: layout_config(compact),
            global: self.global.iter().map(|p| Vec2::new(f64::from_bits(p[0]), f64::from_bits(p[1]))).collect(),
        })
    }

    /// The drawing's box.
    pub fn bounds(&self) -> Rect {
        let [x0, y0, x1, y1] = self.bounds.map(f64::from_bits);
        Rect::new(x0, y0, x1, y1)
    }
}

impl KnownLayouts {
    /// Prepares `text` (a valid dataset) both ways, as the app would.
    pub fn of(ds: Rc<Dataset>, text: &str, url: &str) -> KnownLayouts {
        KnownLayouts {
            fingerprint: fingerprint(text),
            wide: KnownLayout::of(&Story::prepare(ds.clone(), false, url)),
            compact: KnownLayout::of(&Story::prepare(ds, true, url)),
            first_part: None,
        }
    }

    /// The layouts in the island's text (as `powershift site` writes them, with serde), or `None`.
    /// Read by hand from a JSON value: the page's first download then carries serde_json's reader
    /// of values, which the dataset needs anyway, and no typed reader for these structs (issue 12).
    pub fn from_json(text: &str) -> Option<KnownLayouts> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        Some(KnownLayouts {
            fingerprint: v.get("fingerprint")?.as_u64()?,
            wide: layout_of(v.get("wide")?)?,
            compact: layout_of(v.get("compact")?)?,
            first_part: match v.get("first_part") {
                None | Some(serde_json::Value::Null) => None,
                Some(f) => Some(FirstPart {
                    url: f.get("url")?.as_str()?.to_string(),
                    fingerprint: f.get("fingerprint")?.as_u64()?,
                }),
            },
        })
    }

    /// The layout for a screen.
    pub fn get(&self, compact: bool) -> &KnownLayout {
        if compact {
            &self.compact
        } else {
            &self.wide
        }
    }
}

fn layout_of(v: &serde_json::Value) -> Option<KnownLayout> {
    let bounds = match v.get("bounds")?.as_array()?.as_slice() {
        [a, b, c, d] => [a.as_u64()?, b.as_u64()?, c.as_u64()?, d.as_u64()?],
        _ => return None,
    };
    let first = match v.get("first") {
        None | Some(serde_json::Value::Null) => None,
        Some(f) => {
            Some(FirstDate { date: f.get("date")?.as_str()?.to_string(), relaxed: pairs_of(f.get("relaxed")?)? })
        }
    };
    Some(KnownLayout { global: pairs_of(v.get("global")?)?, bounds, first })
}

fn pairs_of(v: &serde_json::Value) -> Option<Vec<[u64; 2]>> {
    let items = v.as_array()?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item.as_array()?.as_slice() {
            [x, y] => out.push([x.as_u64()?, y.as_u64()?]),
            _ => return None,
        }
    }
    Some(out)
}

thread_local! {
    /// The island's layouts and the dataset they were found to belong to (by its fingerprint).
    static KNOWN: RefCell<Option<(*const Dataset, Rc<KnownLayouts>)>> = const { RefCell::new(None) };
}

/// The island's layouts if `text` (a dataset's text) has the island's fingerprint: `Ok(None)` for
/// another text or a page without an island, `Err` with a warning that names a malformed island (the
/// story is then laid out in the page, as without one). A text with the fingerprint is the very text
/// the build validated in full (`powershift site` refuses an invalid dataset), or the first part of
/// it the build wrote (`powershift_core::model::first_part`).
pub fn island_for(text: &str, island: Option<&str>) -> Result<Option<KnownLayouts>, String> {
    let Some(island) = island else { return Ok(None) };
    let known = KnownLayouts::from_json(island)
        .ok_or_else(|| format!("#{ISLAND_ID}: not a layout; laying the story out in the page"))?;
    let mark = fingerprint(text);
    let first_part = known.first_part.as_ref().is_some_and(|f| f.fingerprint == mark);
    Ok((known.fingerprint == mark || first_part).then_some(known))
}

/// The page's island, if it has a readable one (a malformed one is a console warning elsewhere:
/// [`island_for`]).
pub fn island() -> Option<KnownLayouts> {
    crate::platform::dom::text_of_id(ISLAND_ID).and_then(|t| KnownLayouts::from_json(&t))
}

/// Remembers `known` (see [`island_for`]) as the layouts of `ds`, the dataset read from its text.
pub fn remember(ds: &Rc<Dataset>, known: KnownLayouts) {
    KNOWN.with(|k| *k.borrow_mut() = Some((Rc::as_ptr(ds), Rc::new(known))));
}

/// The layout remembered for this very dataset, if any.
pub fn recall(ds: &Rc<Dataset>, compact: bool) -> Option<KnownLayout> {
    KNOWN.with(|k| k.borrow().as_ref().filter(|(p, _)| *p == Rc::as_ptr(ds)).map(|(_, l)| l.get(compact).clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = include_str!("../crates/powershift-core/tests/res/story-frozen.json");

    #[test]
    fn a_story_prepared_from_its_known_layout_equals_one_laid_out_in_the_page() {
        let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
        let known = KnownLayouts::of(ds.clone(), STORY, "data/x.json");
        // Through JSON, as in the page: the numbers survive exactly.
        let written = serde_json::to_string(&known).unwrap();
        let read = KnownLayouts::from_json(&written).unwrap();
        assert_eq!(read, known, "the page reads the island as the build wrote it");
        assert_eq!(read, serde_json::from_str::<KnownLayouts>(&written).unwrap());
        for broken in [&written[..written.len() - 1], "{}", "[]", &written.replace("\"bounds\":[", "\"bounds\":[1,")] {
            assert_eq!(KnownLayouts::from_json(broken), None, "{broken}");
        }
        let known = read;
        for compact in [false, true] {
            let fresh = Story::prepare(ds.clone(), compact, "data/x.json");
            let quick = Story::prepare_known(ds.clone(), compact, "data/x.json", Some(known.get(compact)));
            assert_eq!(quick.layout.global, fresh.layout.global);
            assert_eq!(quick.bounds, fresh.bounds);
            assert_eq!(quick.layout.config, fresh.layout.config);
            let date = *fresh.ctx.change_dates.last().unwrap();
            assert_eq!(quick.layout.at(&ds, date), fresh.layout.at(&ds, date));
            // The first date comes from its recorded relaxation, and is the same layout.
            let first = ViewState::initial(&fresh.ctx).date;
            assert_eq!(quick.first_relaxed.as_ref().map(|(d, _)| *d), Some(first));
            assert_eq!(quick.layout_on(first), fresh.layout_on(first));
            assert!(fresh.first_relaxed.is_none());
        }
        assert_ne!(known.wide, known.compact);
    }

    #[test]
    fn the_island_is_used_only_for_the_text_it_was_computed_from() {
        let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
        let island = serde_json::to_string(&KnownLayouts::of(ds.clone(), STORY, "x")).unwrap();
        // Another text (one space more), even of the same story: not used; no island: nothing.
        assert_eq!(island_for(&format!("{STORY} "), Some(&island)), Ok(None));
        assert_eq!(island_for(STORY, None), Ok(None));
        assert_eq!(recall(&ds, false), None);
        // The same text: used, for this dataset only.
        remember(&ds, island_for(STORY, Some(&island)).unwrap().unwrap());
        assert!(recall(&ds, false).is_some() && recall(&ds, true).is_some());
        let other = Rc::new(Dataset::from_json_str(STORY).unwrap());
        assert_eq!(recall(&other, false), None);
        // A malformed island: a warning naming it.
        let warning = island_for(STORY, Some("{\"fingerprint\": 1}")).unwrap_err();
        assert!(warning.contains("#powershift-layout"), "{warning}");
    }

    #[test]
    fn the_island_names_the_first_part_and_is_used_for_its_text_too() {
        let ds = Rc::new(Dataset::from_json_str(STORY).unwrap());
        let value: serde_json::Value = serde_json::from_str(STORY).unwrap();
        let first = serde_json::to_string(&powershift_core::model::first_part(&value)).unwrap();
        let place = FirstPart { url: "data/x.first.json".into(), fingerprint: fingerprint(&first) };
        let known = KnownLayouts { first_part: Some(place.clone()), ..KnownLayouts::of(ds, STORY, "x") };
        let island = serde_json::to_string(&known).unwrap();
        assert_eq!(KnownLayouts::from_json(&island).unwrap().first_part, Some(place));
        assert_eq!(island_for(&first, Some(&island)), Ok(Some(known.clone())));
        assert_eq!(island_for(STORY, Some(&island)), Ok(Some(known)));
        assert_eq!(island_for(&format!("{first} "), Some(&island)), Ok(None), "another text");
        // Without a first part, its text is another text.
        let without =
            serde_json::to_string(&KnownLayouts { first_part: None, ..KnownLayouts::from_json(&island).unwrap() })
                .unwrap();
        assert_eq!(island_for(&first, Some(&without)), Ok(None));
    }
}
