//! One panel per file. A panel reads the story and view state from the context, builds its scene
//! with `powershift_core::scene`, hands it to a renderer in `crate::render` and turns the reader's
//! input into actions; browser effects go through `crate::hooks` and `crate::platform`, so the
//! panels render natively with Yew's server renderer.

mod deferred;
mod details;
mod embed_footer;
mod error_panel;
mod event_list;
mod export_menu;
mod filter_chips;
mod filters;
mod frozen;
mod loading;
mod money_chart;
mod network_key;
mod network_view;
mod notes;
mod open_dataset;
mod partnership_table;
mod scrubber;
mod sentence;
mod share_dialog;
mod step_bar;
mod story_view;
mod summary;
mod timeline_view;

pub use deferred::{Deferred, FirstScreenOnly};
pub use details::Details;
pub use embed_footer::EmbedFooter;
pub use error_panel::ErrorPanel;
pub use event_list::EventList;
pub use export_menu::ExportMenu;
pub use filter_chips::FilterChips;
pub use filters::Filters;
pub use frozen::Frozen;
pub use loading::Loading;
pub use money_chart::{MoneyChart, MoneyPanel};
pub use network_key::NetworkKey;
pub use network_view::NetworkView;
pub use notes::Notes;
pub use open_dataset::OpenDataset;
pub use partnership_table::PartnershipTable;
pub use scrubber::Scrubber;
pub use sentence::Sentence;
pub use share_dialog::ShareDialog;
pub use step_bar::StepBar;
pub use story_view::StoryView;
pub use summary::{StoryFacts, Summary, SummaryFacts};
pub use timeline_view::TimelineView;
