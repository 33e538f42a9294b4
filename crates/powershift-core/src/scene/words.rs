//! Wording the scenes share, and [`lint`], the check that no code reaches a reader: no event id
//! ("E79"), no ISO date ("2026-02-27 or 2026-02-26"), no formula ("7 + 3·√n") and no word said twice
//! ("Investment (investment)"). Ids stay where they are data (deep links, `data-*` attributes,
//! the CSV export's id columns); everything a reader sees or hears is words.

use crate::date::{Date, FuzzyDate, Precision};
use crate::lower_case::to_lower;
use crate::model::{Conflict, RelationKind};

/// Whether `text` already names `kind`: any word of its label ("cloud" of "Cloud / compute")
/// appears in it.
fn names_kind(text: &str, kind: RelationKind) -> bool {
    let text = to_lower(text);
    to_lower(kind.label())
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 4)
        .any(|w| text.split(|c: char| !c.is_alphanumeric()).any(|t| t == w))
}

/// A relationship's label with its kind, unless the label already says it: "Azure API exclusivity
/// (cloud / compute)", but "Investment", not "Investment (investment)", and "Azure cloud".
///
/// ```
/// use powershift_core::{model::RelationKind, scene::words::label_with_kind};
/// assert_eq!(label_with_kind("GPT licence", RelationKind::Licence), "GPT licence");
/// assert_eq!(label_with_kind("Azure API exclusivity", RelationKind::CloudCompute), "Azure API exclusivity (cloud / compute)");
/// assert_eq!(label_with_kind("Nvidia investment", RelationKind::Investment), "Nvidia investment");
/// ```
pub fn label_with_kind(label: &str, kind: RelationKind) -> String {
    if names_kind(label, kind) {
        label.to_string()
    } else {
        format!("{label} ({})", to_lower(kind.label()))
    }
}

/// What a line of the network says after its two organisations: the label, the kind unless the
/// label or the terms name it, the terms unless they repeat the label, and the confidence unless
/// already said: "Investment, $1B invested, confirmed", "Musk v. Altman, lawsuit (state, then
/// federal court), confirmed", "About 6% stake (reported)".
///
/// ```
/// use powershift_core::{model::{ConfidenceLevel, RelationKind}, scene::words::line_words};
/// assert_eq!(line_words("Investment", RelationKind::Investment, "$1B invested", ConfidenceLevel::Confirmed),
///            "Investment, $1B invested, confirmed");
/// assert_eq!(line_words("About 6% stake", RelationKind::Investment, "about 6% stake (reported)", ConfidenceLevel::Reported),
///            "About 6% stake (reported)");
/// assert_eq!(line_words("Musk v. Altman", RelationKind::Lawsuit, "lawsuit (state court)", ConfidenceLevel::Confirmed),
///            "Musk v. Altman, lawsuit (state court), confirmed");
/// ```
pub fn line_words(label: &str, kind: RelationKind, status: &str, confidence: crate::model::ConfidenceLevel) -> String {
    let (l, st) = (to_lower(label), to_lower(status));
    let mut parts: Vec<String> = Vec::new();
    if st.starts_with(&l) {
        // The terms repeat the label and say more: say them once, in the label's case.
        parts.push(format!("{label}{}", &status[label.len().min(status.len())..]));
    } else if names_kind(label, kind) || names_kind(status, kind) {
        parts.push(label.to_string());
        parts.push(status.to_string());
    } else {
        parts.push(label_with_kind(label, kind));
        parts.push(status.to_string());
    }
    let c = to_lower(confidence.label());
    if !parts.iter().any(|p| to_lower(p).split(|ch: char| !ch.is_alphanumeric()).any(|w| w == c)) {
        parts.push(c);
    }
    parts.join(", ")
}

/// A count as an English-language news text writes it: thousands grouped with commas. O(digits).
///
/// ```
/// use powershift_core::scene::words::count_in_words;
/// assert_eq!(count_in_words(17), "17");
/// assert_eq!(count_in_words(1000), "1,000");
/// assert_eq!(count_in_words(1_234_567), "1,234,567");
/// ```
pub fn count_in_words(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A value that starts with an ISO date, in words: "2024-11 (late November; MENAFN)" → "November
/// 2024 (late November; MENAFN)". Other values are returned unchanged.
pub fn value_in_words(v: &str) -> String {
    let v = v.trim();
    let (head, rest) = v.split_once(char::is_whitespace).unwrap_or((v, ""));
    match FuzzyDate::parse(head) {
        Ok(d) if rest.is_empty() => d.to_words(),
        Ok(d) => format!("{} {}", d.to_words(), rest.trim_start()),
        Err(_) => v.to_string(),
    }
}

/// "A", "A or B", "A, B or C".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// (day, month name, year) of a date in words.
fn parts(d: Date) -> (String, String, String) {
    let words = d.to_words();
    let mut it = words.split(' ').map(str::to_string);
    let (day, month, year) = (it.next(), it.next(), it.next());
    (day.unwrap_or_default(), month.unwrap_or_default(), year.unwrap_or_default())
}

/// Competing values in words, dates said once where they share a month or year: "26 or 27 February
/// 2026", "30 November or 1 December 2023", "22 May 2026 or June 2026", "$350B or $380B".
///
/// ```
/// use powershift_core::scene::words::alternatives_in_words;
/// let s = |v: &[&str]| alternatives_in_words(&v.iter().map(|x| x.to_string()).collect::<Vec<_>>());
/// assert_eq!(s(&["2026-02-26", "2026-02-27"]), "26 or 27 February 2026");
/// assert_eq!(s(&["2023-11-30", "2023-12-01"]), "30 November or 1 December 2023");
/// assert_eq!(s(&["2026-05-22", "2026-06"]), "22 May 2026 or June 2026");
/// assert_eq!(s(&["$350B", "$380B"]), "$350B or $380B");
/// ```
pub fn alternatives_in_words(values: &[String]) -> String {
    let days: Option<Vec<Date>> = values
        .iter()
        .map(|v| FuzzyDate::parse(v.trim()).ok().filter(|d| d.precision == Precision::Day).map(|d| d.start))
        .collect();
    if let Some(days) = days.filter(|d| d.len() >= 2) {
        let p: Vec<(String, String, String)> = days.iter().map(|d| parts(*d)).collect();
        let year = &p[0].2;
        if p.iter().all(|x| &x.2 == year) {
            let month = &p[0].1;
            let items: Vec<String> = if p.iter().all(|x| &x.1 == month) {
                p.iter().map(|x| x.0.clone()).collect()
            } else {
                p.iter().map(|x| format!("{} {}", x.0, x.1)).collect()
            };
            let last_month = if p.iter().all(|x| &x.1 == month) { format!(" {month}") } else { String::new() };
            return format!("{}{last_month} {year}", or_list(&items));
        }
    }
    or_list(&values.iter().map(|v| value_in_words(v)).collect::<Vec<_>>())
}

/// A one-day date difference as a footnote, dates in time order: "Sources give 26 or 27 February
/// 2026, one day apart. Announced on the evening of 26 February in US Pacific time, …".
pub fn date_footnote(c: &Conflict) -> String {
    let mut values = c.values.clone();
    crate::sort::sort_by_key(&mut values, |v| FuzzyDate::parse(v.trim()).map(|d| d.start).ok());
    let head = format!("Sources give {}, one day apart.", alternatives_in_words(&values));
    match &c.note {
        Some(n) => format!("{head} {n}"),
        None => head,
    }
}

/// A real conflict, best-supported value first: "Amount reported as $350B or $380B — Anthropic's
/// valuation: …".
pub fn conflict_line(c: &Conflict) -> String {
    let head = format!("{} reported as {}", c.about.label(), alternatives_in_words(&c.values));
    match &c.note {
        Some(n) => format!("{head} — {n}"),
        None => head,
    }
}

/// What [`lint`] finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Code {
    /// An event id such as "E79".
    EventId(String),
    /// An ISO date such as "2026-02-27".
    IsoDate(String),
    /// A formula: "√" or "·".
    Formula,
    /// A word said twice: "the the", "Investment (investment)".
    Doubled(String),
}

/// The codes in a text meant for readers (see the module docs). O(length).
///
/// ```
/// use powershift_core::scene::words::{lint, Code};
/// assert_eq!(lint("See E79."), vec![Code::EventId("E79".into())]);
/// assert_eq!(lint("Investment (investment), confirmed"), vec![Code::Doubled("investment".into())]);
/// assert_eq!(lint("2026-02-27 or 2026-02-26").len(), 2);
/// assert_eq!(lint("radius 7 + 3·√n"), vec![Code::Formula]);
/// assert!(lint("Exxon E-Corp, 27 February 2026, GPT-5.5 and the E3 expo in 1999").len() == 1);
/// ```
pub fn lint(text: &str) -> Vec<Code> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let word_char = |c: char| c.is_alphanumeric();
    // Event ids: "E" and one to three digits, as a whole word.
    for i in 0..chars.len() {
        if chars[i] == 'E' && (i == 0 || !word_char(chars[i - 1])) {
            let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let end = i + 1 + digits;
            if (1..=3).contains(&digits) && (end == chars.len() || !word_char(chars[end])) {
                found.push(Code::EventId(chars[i..end].iter().collect()));
            }
        }
    }
    // ISO dates: four digits, a hyphen, two digits.
    for i in 0..chars.len().saturating_sub(6) {
        let w = &chars[i..i + 7];
        if (i == 0 || !chars[i - 1].is_ascii_digit())
            && w[..4].iter().all(|c| c.is_ascii_digit())
            && w[4] == '-'
            && w[5..].iter().all(|c| c.is_ascii_digit())
        {
            found.push(Code::IsoDate(w.iter().collect()));
        }
    }
    if text.contains('√') || text.contains('·') && text.contains(['+', '=', '√']) {
        found.push(Code::Formula);
    }
    // A word repeated at once ("the the"), not across punctuation ("OpenAI: OpenAI on Bedrock") and
    // not in a name whose two words are capitalised ("Boing Boing").
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for w in tokens.windows(2) {
        let (a, b) = (bare(w[0]), bare(w[1]));
        let joined = w[0].ends_with(|c: char| c.is_alphanumeric()) && !w[1].starts_with('(');
        if joined && a == b && a.chars().any(char::is_alphabetic) && !(capital(w[0]) && capital(w[1])) {
            found.push(Code::Doubled(a));
        }
    }
    // A parenthesis that repeats the words just before it ("Investment (investment)").
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else { break };
        let inner: Vec<String> = rest[open + 1..open + close].split_whitespace().map(bare).collect();
        let before: Vec<String> = rest[..open].split_whitespace().map(bare).collect();
        if !inner.is_empty() && before.len() >= inner.len() && before[before.len() - inner.len()..] == inner[..] {
            found.push(Code::Doubled(inner.join(" ")));
        }
        rest = &rest[open + close + 1..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_words() {
        assert_eq!(value_in_words("2024-11 (late November; MENAFN)"), "November 2024 (late November; MENAFN)");
        assert_eq!(value_in_words("2026-01-07"), "7 January 2026");
        assert_eq!(value_in_words("up to $134B"), "up to $134B");
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(alternatives_in_words(&v(&["2026-01-15", "2026-01-16", "2026-01-17"])), "15, 16 or 17 January 2026");
        assert_eq!(alternatives_in_words(&v(&["2023-12-31", "2024-01-01"])), "31 December 2023 or 1 January 2024");
    }

    #[test]
    fn footnotes_put_dates_in_time_order_and_conflicts_keep_the_best_first() {
        let c = Conflict {
            about: crate::model::ConflictAbout::Date,
            values: vec!["2026-02-27".into(), "2026-02-26".into()],
            note: Some("A time-zone difference.".into()),
        };
        assert_eq!(date_footnote(&c), "Sources give 26 or 27 February 2026, one day apart. A time-zone difference.");
        assert_eq!(conflict_line(&c), "Date reported as 27 or 26 February 2026 — A time-zone difference.");
    }

    #[test]
    fn lint_finds_each_kind_of_code_and_passes_plain_words() {
        assert!(lint("27 February 2026: Amazon and OpenAI sign a broad strategic partnership.").is_empty());
        assert!(lint("Microsoft → OpenAI: Investment, about 27% stake, confirmed").is_empty());
        assert!(lint("Larger discs: more relationships in force on the date.").is_empty());
        assert_eq!(lint("Revenue share (revenue share)"), vec![Code::Doubled("revenue share".into())]);
        assert_eq!(lint("the the"), vec![Code::Doubled("the".into())]);
        assert!(lint("Boing Boing, 1 March 2024; → OpenAI: OpenAI on Bedrock").is_empty(), "names and labels");
        assert_eq!(lint("E1 and E100"), vec![Code::EventId("E1".into()), Code::EventId("E100".into())]);
        assert!(lint("E1000 and XE12").is_empty(), "not an id");
        assert_eq!(lint("in 2023-11").len(), 1);
    }
}
