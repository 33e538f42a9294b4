//! Text hygiene: the one character rule set for every text that reaches a reader
//! (docs/data-format.md, "Text rules").
//!
//! - no C0 or C1 control characters (U+0000–U+001F, U+007F–U+009F), except a line break (U+000A)
//!   in multi-line fields ([`TextKind::Paragraph`]);
//! - no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069): they make text display
//!   in another order than it is stored ("OpenAI" shown reversed), a spoofing vector;
//! - no zero-width characters (U+200B–U+200D, U+2060, U+FEFF) in names ([`TextKind::Name`]);
//! - Unicode normalisation form NFC, so equal-looking names are equal strings;
//! - at most [`TextRule::max_chars`] characters (NFC is checked only within this length).
//!
//! Each problem names the character by code point and its 1-based position. Each rule reports once
//! per text (its first offending character and how many there are), so a hostile megabyte of NULs
//! is one problem, not a million. O(length of the text).

use unicode_normalization::char::canonical_combining_class;

use super::limits::{TextKind, TextRule};

/// A function that returns its text in Unicode normalisation form NFC.
pub type Normaliser = fn(&str) -> String;

/// The host's NFC normaliser, for WebAssembly (see [`use_normaliser`]).
#[cfg(target_arch = "wasm32")]
static HOST_NFC: std::sync::OnceLock<Normaliser> = std::sync::OnceLock::new();

/// In WebAssembly, composes text with `normaliser` — the browser's own `String.prototype.normalize`
/// — instead of this crate's tables: the composition tables are 85 KB of the page's module (issue
/// 12's size profile), and every browser already has them. The page calls it once at start; until
/// then, and if it never does, the NFC rule is not checked in WebAssembly (the other rules are).
/// Natively (CLI, tests, the build's prerender) the `unicode-normalization` tables are always used,
/// and this does nothing. The first call wins.
pub fn use_normaliser(normaliser: Normaliser) {
    #[cfg(target_arch = "wasm32")]
    let _ = HOST_NFC.set(normaliser);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = normaliser;
}

/// `s` in NFC, or `None` when no normaliser is at hand (WebAssembly before [`use_normaliser`]).
fn nfc(s: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        HOST_NFC.get().map(|f| f(s))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use unicode_normalization::UnicodeNormalization;
        Some(s.nfc().collect())
    }
}

/// A C0 or C1 control character (including DEL).
pub(crate) fn is_control(c: char) -> bool {
    c.is_control()
}

/// A bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A zero-width character (U+200B–U+200D, U+2060, U+FEFF).
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// `U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and, for the characters these rules name, its
/// Unicode name.
pub(crate) fn describe_char(c: char) -> String {
    let name = match c {
        '\0' => "NULL",
        '\t' => "CHARACTER TABULATION",
        '\n' => "LINE FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{1B}' => "ESCAPE",
        '\u{7F}' => "DELETE",
        '\u{85}' => "NEXT LINE",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => "",
    };
    if name.is_empty() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("U+{:04X} {name}", u32::from(c))
    }
}

/// The first offending character of one rule and how many there are.
#[derive(Default)]
struct Found {
    first: Option<(usize, char)>,
    count: usize,
}

impl Found {
    fn note(&mut self, at: usize, c: char) {
        if self.first.is_none() {
            self.first = Some((at, c));
        }
        self.count += 1;
    }

    /// "contains X at character N" plus "(K in all)".
    fn report(&self, out: &mut Vec<String>, rest: &str) {
        if let Some((at, c)) = self.first {
            let more = if self.count > 1 { format!(" ({} in all)", self.count) } else { String::new() };
            out.push(format!("contains {} at character {}{more}; {rest}", describe_char(c), at + 1));
        }
    }
}

/// Every problem of `s` under `rule`, as messages (empty when the text is fine).
pub(crate) fn check(s: &str, rule: TextRule) -> Vec<String> {
    let mut out = Vec::new();
    let (mut control, mut line_break, mut bidi, mut zero_width) =
        (Found::default(), Found::default(), Found::default(), Found::default());
    let mut chars = 0usize;
    for (i, c) in s.chars().enumerate() {
        chars = i + 1;
        if c == '\n' {
            if rule.kind != TextKind::Paragraph {
                line_break.note(i, c);
            }
        } else if is_control(c) {
            control.note(i, c);
        } else if is_bidi_control(c) {
            bidi.note(i, c);
        } else if is_zero_width(c) && rule.kind == TextKind::Name {
            zero_width.note(i, c);
        }
    }
    if chars > rule.max_chars {
        out.push(format!("is {chars} characters long; the limit is {}", rule.max_chars));
    }
    control.report(&mut out, "control characters are not allowed");
    line_break.report(&mut out, "line breaks are allowed only in summaries, descriptions and notes");
    bidi.report(
        &mut out,
        "bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are not allowed: they can make text display in another order",
    );
    zero_width.report(&mut out, "zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are not allowed in names");
    // NFC only within the length limit: a text too long is already a problem, and normalising a
    // hostile megabyte of combining marks is the one costly step here.
    if chars <= rule.max_chars {
        if let Some(m) = nfc_problem(s) {
            out.push(m);
        }
    }
    out
}

/// A character that is its own NFC and composes with nothing before it, in the blocks a story's
/// text is mostly made of: everything below U+0300 (the first combining mark), the general
/// punctuation from U+2002 (dashes, quotes, ellipsis; U+2000 and U+2001 are not NFC) and the
/// currency signs. A text of only these is NFC without a call to the normaliser, which in the page
/// is a round trip to JavaScript (the common case; checked against the tables in the tests).
fn is_inert_in_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{2002}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}')
}

/// Why `s` is not in NFC, naming the first characters that normalise differently, or `None`.
fn nfc_problem(s: &str) -> Option<String> {
    if s.chars().all(is_inert_in_nfc) {
        return None;
    }
    let nfc = nfc(s)?;
    if nfc == s {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let diff = chars.iter().zip(nfc.chars()).position(|(a, b)| *a != b).unwrap_or(chars.len().saturating_sub(1));
    // The segment around the difference: from the starter at or before it to the next starter
    // after it, grown while it still normalises to itself (Hangul jamo compose across starters).
    let start = (0..=diff).rev().find(|&k| canonical_combining_class(chars[k]) == 0).unwrap_or(0);
    let mut end = diff + 1;
    loop {
        while end < chars.len() && canonical_combining_class(chars[end]) != 0 {
            end += 1;
        }
        let seg: String = chars[start..end].iter().collect();
        let composed = self::nfc(&seg)?;
        if composed != seg || end >= chars.len() || end - start > 32 {
            let code_points =
                |t: &str| t.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect::<Vec<_>>().join(" ");
            return Some(format!(
                "is not in Unicode normalisation form NFC: at character {}, {} should be written {}; save the text as NFC (composed characters)",
                start + 1,
                code_points(&seg),
                code_points(&composed)
            ));
        }
        end += 1;
    }
}

/// Writes `c` for a message so that it cannot hide or reorder text: controls, bidirectional
/// controls, zero-width characters and line separators become `\u{…}` escapes.
pub(crate) fn is_unsafe_to_echo(c: char) -> bool {
    is_control(c) || is_bidi_control(c) || is_zero_width(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: TextRule = TextRule { kind: TextKind::Name, max_chars: 10 };
    const PARA: TextRule = TextRule { kind: TextKind::Paragraph, max_chars: 100 };

    #[test]
    fn clean_text_passes() {
        assert!(check("OpenAI", NAME).is_empty());
        assert!(check("Zoë 東京 🙂", NAME).is_empty());
        assert!(check("one\ntwo", PARA).is_empty());
    }

    #[test]
    fn each_rule_names_the_character_by_code_point() {
        assert_eq!(
            check("\u{202E}IAnepO", NAME),
            ["contains U+202E RIGHT-TO-LEFT OVERRIDE at character 1; bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are not allowed: they can make text display in another order"]
        );
        assert_eq!(
            check("Open\u{200B}AI", NAME),
            ["contains U+200B ZERO WIDTH SPACE at character 5; zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are not allowed in names"]
        );
        assert!(check("Open\u{200B}AI", PARA).is_empty(), "zero-width is a name rule");
        assert_eq!(
            check("a\0b\0", PARA),
            ["contains U+0000 NULL at character 2 (2 in all); control characters are not allowed"]
        );
        assert_eq!(
            check("a\nb", NAME),
            ["contains U+000A LINE FEED at character 2; line breaks are allowed only in summaries, descriptions and notes"]
        );
        assert_eq!(check("\u{9F}", PARA)[0], "contains U+009F at character 1; control characters are not allowed");
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(check("éééééééééé", NAME).is_empty());
        assert_eq!(check("abcdefghijk", NAME), ["is 11 characters long; the limit is 10"]);
    }

    #[test]
    fn inert_characters_are_nfc_alone_and_after_any_character() {
        use unicode_normalization::{is_nfc, UnicodeNormalization};
        let inert: Vec<char> = (0..=0x20CF).filter_map(char::from_u32).filter(|&c| is_inert_in_nfc(c)).collect();
        assert!(inert.len() > 800);
        // Each is NFC alone, and does not compose with (or reorder after) anything before it,
        // starters and combining marks alike.
        let before = ['a', 'e', 'A', '\u{300}', '\u{301}', '\u{327}', '\u{1100}', '\u{3099}', '\u{AC00}'];
        for &c in &inert {
            assert!(is_nfc(&c.to_string()), "U+{:04X}", u32::from(c));
            for &b in &before {
                let pair: String = [b, c].iter().collect();
                let composed: String = pair.nfc().collect();
                assert_eq!(composed.chars().last(), Some(c), "U+{:04X} after U+{:04X}", u32::from(c), u32::from(b));
            }
        }
        assert!(!is_inert_in_nfc('\u{2000}') && !is_inert_in_nfc('\u{300}') && !is_inert_in_nfc('\u{212B}'));
    }

    #[test]
    fn non_nfc_text_says_what_to_compose() {
        assert_eq!(
            check("Caf\u{65}\u{301}", NAME),
            ["is not in Unicode normalisation form NFC: at character 4, U+0065 U+0301 should be written U+00E9; save the text as NFC (composed characters)"]
        );
        assert_eq!(
            check("\u{212B}", NAME)[0].split(';').next().unwrap(),
            "is not in Unicode normalisation form NFC: at character 1, U+212B should be written U+00C5"
        );
        // Hangul jamo compose across starters.
        assert!(check("\u{1100}\u{1161}", NAME)[0].contains("U+1100 U+1161 should be written U+AC00"));
        assert!(check("Caf\u{e9}", NAME).is_empty());
    }
}
