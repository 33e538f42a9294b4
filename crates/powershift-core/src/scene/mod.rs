//! Scenes: (dataset, layouts, view state) → display lists of plain data, one per panel. Renderers
//! turn a scene into markup without decisions of their own, so what the page, an export and the
//! prerendered first screen show cannot drift apart, and every decision is tested natively.
//!
//! ```text
//! Dataset ─┬─ TemporalLayout::at(date) ─▶ NetworkLayout ─┐
//!          ├─ timeline_marks(warp, …) ──▶ MarkLayout ────┼─ + ViewState ─▶ NetworkScene / TimelineScene
//!          └─ money::commitments ───────▶ MoneySeries ───┘                 + SceneMarks / MoneyScene
//! ```
//!
//! - [`counts`]: what every count means (relationships, phases, in force on a date, over the story).
//! - [`details`], [`org_details`]: the details panel's texts.
//! - [`encoding`]: which colour, dash, width and opacity stand for what (the legend uses them too).
//! - [`linking`]: what the hovered or selected item connects to; emphasis and dimming.
//! - [`words`]: shared wording, and the check that no id, ISO date or formula reaches a reader.
//! - [`network`](mod@network), [`timeline`](mod@timeline), [`money`](mod@money): one scene each.
//! - [`timeline_key`](mod@timeline_key): the timeline's colour key, from the marks' encoding.

pub mod change;
pub mod colour;
pub mod counts;
pub mod details;
pub mod encoding;
pub mod linking;
pub mod money;
pub mod network;
pub mod org_details;
pub mod palette;
pub mod sentence;
pub mod table;
pub mod timeline;
pub mod timeline_key;
pub mod touch;
pub mod traversal;
pub mod words;

pub use change::{change_view, ChangeItem, ChangeKind, ChangeView};
pub use counts::{Counts, StoryCounts};
pub use encoding::{
    confidence_dash, edge_width, event_colour, event_relation_kind, org_colour, relation_colour, state_opacity,
    MIN_EDGE_WIDTH, MONEY_INK, MONEY_KEY, NEUTRAL_COLOUR,
};
pub use linking::{linked, Emphasis, Linked};
pub use money::{
    billions_label, hubs, log_range, money_readout, money_scene, shown_series, spread_labels, usd, MoneyLine,
    MoneyOptions, MoneyReadout, MoneyRow, MoneyScene,
};
pub use network::{
    ease_in_out, network_scene, tween_positions, Exiting, NetworkScene, SceneEdge, SceneNode, Transition,
};
pub use palette::{
    group_colour, group_colour_dark, group_property, org_group_colour, org_group_colour_dark, org_group_property,
    DARK_BACKGROUND,
};
pub use sentence::{play_step_ms, sentence, Sentence};
pub use timeline::{
    mark_scene, mark_scene_for, timeline_marks, timeline_scene, zoom_buttons, zoom_focus, DensityBar, MarkLayout,
    SceneMark, SceneTick, TimelineScene,
};
pub use timeline_key::{mark_kind, timeline_key, KeyEntry};
pub use touch::{touch_side, TOUCH_PX};
