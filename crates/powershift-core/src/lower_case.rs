//! Lower case without Unicode's case table on the common path.
//!
//! Why: `str::to_lowercase` reaches Unicode's lowercase table (11.7 KB) whatever the text, so
//! any code that runs at load and lowercases — the network's wording compares labels, terms and
//! kinds case-insensitively — put the table in the page's first download (issue 12's size
//! profile). [`to_lower`] lowercases text whose letters are ASCII itself and hands anything else
//! to `str::to_lowercase` in a function of its own, which the page's first screen never calls for
//! the shipped story (its labels and terms are ASCII), so it and the table come with the rest of
//! the page's WebAssembly. The result is always exactly `str::to_lowercase`'s.

/// `s` in lower case, exactly as `str::to_lowercase`. O(length).
///
/// ```
/// use powershift_core::lower_case::to_lower;
/// assert_eq!(to_lower("Azure – Cloud"), "azure – cloud");
/// assert_eq!(to_lower("ÉTUDE"), "étude");
/// assert_eq!(to_lower("ΟΔΟΣ"), "ΟΔΟΣ".to_lowercase()); // a final sigma, as the standard library does
/// ```
pub fn to_lower(s: &str) -> String {
    // Only letters change case (every character that lowercases to something else is alphabetic:
    // checked over all of Unicode by the tests), so text whose letters are ASCII lowercases byte
    // by byte.
    if s.chars().all(|c| c.is_ascii() || !c.is_alphabetic()) {
        s.to_ascii_lowercase()
    } else {
        unicode_lower(s)
    }
}

#[inline(never)]
#[cold]
fn unicode_lower(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::to_lower;

    #[test]
    fn only_letters_change_case() {
        // The premise of the ASCII path: a character that is not alphabetic lowercases to itself.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| !c.is_alphabetic()) {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn agrees_with_the_standard_library() {
        for s in [
            "",
            "Investment",
            "Azure API exclusivity (Cloud / Compute)",
            "$1B invested – 2019’s deal",
            "ÉTUDE",
            "İstanbul",
            "ΟΔΟΣ ΣΑΣ",
            "\u{212A}elvin",
            "Ⅻ Ⓐ",
            "straße STRASSE",
        ] {
            assert_eq!(to_lower(s), s.to_lowercase(), "{s}");
        }
    }
}
