//! The sentence above the network, written for people: it leads with the headlines of the events
//! behind the change on view (the data's own titles), groups what one event changed into one
//! headline, then gives the counts, saying what is counted and what the filters leave shown. It
//! stays within about [`MAX_WORDS`] words; the rest is listed under "and N more".

use crate::model::Dataset;
use crate::view::ViewState;

use super::change::{ChangeItem, ChangeKind, ChangeView};
pub use super::counts::Counts;

/// About how many words the sentence may have before the rest goes under "and N more".
pub const MAX_WORDS: usize = 40;

/// The sentence: `lead` (date and headlines), then "and N more" when `more` is not empty (a
/// control that opens the list), then `tally` (the counts). [`Sentence::text`] joins them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The date and the headlines shown, ending with a full stop.
    pub lead: String,
    /// Headlines left out of `lead` (the "and N more" list), in full.
    pub more: Vec<String>,
    /// The counts: "17 organisations, 47 relationships in force."
    pub tally: String,
    /// The whole sentence as text.
    pub text: String,
}

impl Sentence {
    /// Words in `text`, for the reading pace of play.
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// One headline per event behind the change: the event's title, with how many relationships it
/// changed when more than one; a change with no event behind it is described from the data.
pub fn headlines(ds: &Dataset, change: &ChangeView) -> Vec<String> {
    change
        .groups()
        .into_iter()
        .map(|(event, items)| match event {
            Some(e) if items.len() > 1 => {
                format!("{} ({} relationships)", ds.event(e).title.trim_end_matches('.'), items.len())
            }
            Some(e) => ds.event(e).title.trim_end_matches('.').to_string(),
            None => describe(ds, items[0]),
        })
        .collect()
}

/// "Amazon–OpenAI “Investment” began" for a change no event names.
fn describe(ds: &Dataset, item: &ChangeItem) -> String {
    let r = ds.rel(item.rel);
    let pair = format!("{}–{} “{}”", ds.org(r.from).short_name, ds.org(r.to).short_name, r.label);
    match item.kind {
        ChangeKind::Changed { .. } => format!("{pair} now {}", r.phases[item.phase].status),
        k => format!("{pair} {}", k.verb()),
    }
}

/// The sentence for the view's date. O(changes + title lengths).
///
/// ```
/// use powershift_core::scene::sentence::{sentence, Counts};
/// use powershift_core::{model::Dataset, view::{ViewContext, ViewState}};
/// let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
/// let view = ViewState::initial(&ViewContext::of(&ds));
/// let s = sentence(&ds, &view, None, Counts { organisations: 3, in_force: 2, shown: 2 });
/// assert!(s.text.ends_with("3 organisations, 2 relationships in force."), "{}", s.text);
/// ```
pub fn sentence(ds: &Dataset, view: &ViewState, change: Option<&ChangeView>, counts: Counts) -> Sentence {
    let tally = counts.tally();
    let date = view.date_words();
    let Some(change) = change.filter(|c| !c.items.is_empty()) else {
        let lead = if view.compare.is_some() {
            format!("{date}: no change from the compared date.")
        } else {
            format!("{date}:")
        };
        return Sentence { text: format!("{lead} {tally}"), lead, more: Vec::new(), tally };
    };
    let prefix = if change.compare {
        let (b, e, c) = change.items.iter().fold((0, 0, 0), |(b, e, c), i| match i.kind {
            ChangeKind::Began => (b + 1, e, c),
            ChangeKind::Ended => (b, e + 1, c),
            ChangeKind::Changed { .. } => (b, e, c + 1),
        });
        format!(
            "Since {}: {} began, {} ended, {} changed.",
            crate::date::FuzzyDate { start: change.from, precision: crate::date::Precision::Day }.to_words(),
            b,
            e,
            c
        )
    } else {
        format!("{date}:")
    };
    let all = headlines(ds, change);
    let budget = MAX_WORDS.saturating_sub(prefix.split_whitespace().count() + tally.split_whitespace().count());
    let mut shown: Vec<&String> = Vec::new();
    let mut words = 0;
    for h in &all {
        let w = h.split_whitespace().count();
        if !shown.is_empty() && words + w > budget {
            break;
        }
        words += w;
        shown.push(h);
    }
    let rest = all.len() - shown.len();
    // Headlines are titles that may hold semicolons of their own: each ends with a full stop.
    let list = shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(". ");
    let lead = format!("{prefix} {list}.");
    let text = if rest > 0 { format!("{lead} And {rest} more. {tally}") } else { format!("{lead} {tally}") };
    Sentence { lead, more: all[shown.len()..].to_vec(), tally, text }
}

/// How long a play step shows a sentence of `words` words: about 1.2 s plus 0.25 s a word, at
/// least 1.6 s and at most 8 s.
///
/// ```
/// use powershift_core::scene::sentence::play_step_ms;
/// assert_eq!(play_step_ms(0), 1600);
/// assert_eq!(play_step_ms(20), 6200);
/// assert_eq!(play_step_ms(100), 8000);
/// ```
pub fn play_step_ms(words: usize) -> u32 {
    (1200 + 250 * words as u32).clamp(1600, 8000)
}
