//! The documented limits of the format (docs/data-format.md, "Limits"): the file size, the number
//! of items in each list, and the length and character rules of every text that reaches a reader.
//!
//! They are generous: the shipped story uses at most a fifth of any of them (most far less), and a
//! synthetic story of 1 000 organisations and 3 000 relationships fits. They exist so that a
//! dataset from an untrusted place cannot make the page slow, unreadable or misleading.
//! `static/data/powershift.schema.json` repeats the lengths, counts and character rules
//! (`maxLength`, `maxItems`, `pattern`); a test keeps the two in step.

/// Largest dataset file read, in bytes (16 MiB). The app checks the `Content-Length` header and the
/// bytes it received against this before parsing; the CLI checks the file size; the core checks the
/// text it is given.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Most problems listed for one file; the rest are counted in a last problem at `(root)`. Enough
/// for any real file, and a bound on the time and memory a hostile one can cost.
pub const MAX_PROBLEMS: usize = 10_000;

/// Which characters a text may contain. Every kind forbids C0 and C1 control characters and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), and requires Unicode NFC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// A name (organisation name and short name, source publisher, URL): one line, and no
    /// zero-width characters (U+200B–U+200D, U+2060, U+FEFF), which hide differences between names.
    Name,
    /// One line of text (titles, labels, statuses).
    Line,
    /// Multi-line text (summaries, descriptions, notes): may contain line breaks (U+000A).
    Paragraph,
}

impl TextKind {
    /// The name of the JSON Schema definition (`#/$defs/…`) that expresses the same character rule.
    pub fn schema_def(self) -> &'static str {
        match self {
            TextKind::Name => "name",
            TextKind::Line => "line",
            TextKind::Paragraph => "paragraph",
        }
    }
}

/// The rule for one text field: which characters, and at most how many (Unicode scalar values,
/// as JSON Schema's `maxLength` counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRule {
    /// Which characters.
    pub kind: TextKind,
    /// Most characters allowed.
    pub max_chars: usize,
}

const fn rule(kind: TextKind, max_chars: usize) -> TextRule {
    TextRule { kind, max_chars }
}

/// `meta.title`.
pub const META_TITLE: TextRule = rule(TextKind::Line, 160);
/// `meta.subtitle`.
pub const META_SUBTITLE: TextRule = rule(TextKind::Line, 300);
/// `meta.headline`: the finding in one sentence, shown under the title on the first screen.
pub const META_HEADLINE: TextRule = rule(TextKind::Line, 200);
/// `meta.description`.
pub const META_DESCRIPTION: TextRule = rule(TextKind::Paragraph, 2_000);
/// `meta.credit`.
pub const META_CREDIT: TextRule = rule(TextKind::Line, 300);
/// Each of `meta.notes`.
pub const META_NOTE: TextRule = rule(TextKind::Paragraph, 1_200);
/// `organisations[].name`.
pub const ORG_NAME: TextRule = rule(TextKind::Name, 120);
/// `organisations[].short_name` (the network label).
pub const ORG_SHORT_NAME: TextRule = rule(TextKind::Name, 24);
/// `organisations[].description`.
pub const ORG_DESCRIPTION: TextRule = rule(TextKind::Paragraph, 600);
/// `events[].title`.
pub const EVENT_TITLE: TextRule = rule(TextKind::Line, 160);
/// `events[].date_note`.
pub const EVENT_DATE_NOTE: TextRule = rule(TextKind::Line, 300);
/// `events[].summary`.
pub const EVENT_SUMMARY: TextRule = rule(TextKind::Paragraph, 1_200);
/// `amount.label`.
pub const AMOUNT_LABEL: TextRule = rule(TextKind::Line, 160);
/// `confidence.note`.
pub const CONFIDENCE_NOTE: TextRule = rule(TextKind::Paragraph, 600);
/// Each of `conflict.values`.
pub const CONFLICT_VALUE: TextRule = rule(TextKind::Line, 160);
/// `conflict.note`.
pub const CONFLICT_NOTE: TextRule = rule(TextKind::Paragraph, 600);
/// `source.publisher`.
pub const SOURCE_PUBLISHER: TextRule = rule(TextKind::Name, 120);
/// `source.title`.
pub const SOURCE_TITLE: TextRule = rule(TextKind::Line, 300);
/// `source.url`.
pub const SOURCE_URL: TextRule = rule(TextKind::Name, 2_000);
/// `source.note`.
pub const SOURCE_NOTE: TextRule = rule(TextKind::Paragraph, 600);
/// `relationships[].label`.
pub const REL_LABEL: TextRule = rule(TextKind::Line, 80);
/// `phase.status`.
pub const PHASE_STATUS: TextRule = rule(TextKind::Line, 160);
/// `phase.summary`.
pub const PHASE_SUMMARY: TextRule = rule(TextKind::Paragraph, 600);

/// `story[].title`: a heading of a few words.
pub const STEP_TITLE: TextRule = rule(TextKind::Line, 80);
/// `story[].text`: one short paragraph (event references count as written, `[E06]`).
pub const STEP_TEXT: TextRule = rule(TextKind::Line, 600);

/// The most items of one list: `what` names them in messages ("lists 60 phases; at most 50 …").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountRule {
    /// Most items allowed.
    pub max_items: usize,
    /// The items, plural, for messages.
    pub what: &'static str,
}

const fn count(max_items: usize, what: &'static str) -> CountRule {
    CountRule { max_items, what }
}

/// `organisations`.
pub const ORGANISATIONS: CountRule = count(2_000, "organisations");
/// `events`.
pub const EVENTS: CountRule = count(20_000, "events");
/// `relationships`.
pub const RELATIONSHIPS: CountRule = count(10_000, "relationships");
/// `meta.notes`.
pub const NOTES: CountRule = count(50, "notes");
/// `events[].kinds`.
pub const EVENT_KINDS: CountRule = count(12, "kinds");
/// `events[].organisations`.
pub const EVENT_ORGANISATIONS: CountRule = count(50, "organisations");
/// `events[].amounts`.
pub const AMOUNTS: CountRule = count(50, "amounts");
/// `events[].sources`.
pub const SOURCES: CountRule = count(50, "sources");
/// `amount.qualifiers`.
pub const QUALIFIERS: CountRule = count(9, "qualifiers");
/// `amount.alternatives`.
pub const ALTERNATIVES: CountRule = count(20, "alternative values");
/// `confidence.conflicts`.
pub const CONFLICTS: CountRule = count(20, "conflicts");
/// `conflict.values`.
pub const CONFLICT_VALUES: CountRule = count(20, "values");
/// `relationships[].phases`.
pub const PHASES: CountRule = count(100, "phases");
/// `phase.events`.
pub const PHASE_EVENTS: CountRule = count(100, "events");
/// `story`: a guided story is read step by step; thirty steps is already a long one, and the step
/// bar counts them ("Step 3 of 9").
pub const STEPS: CountRule = count(30, "steps");
