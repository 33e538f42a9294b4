//! RFC 4180 CSV, written and read by hand (no dependency, so it also runs in the page): fields
//! with a comma, a quote, a line break or spaces at either end are quoted, quotes doubled, lines
//! end in CRLF. Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) are written with a leading apostrophe ([`guard`]), which
//! [`unguard`] removes again, so the round trip is exact.

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `s` needs the apostrophe: it starts with a formula character, possibly after
/// apostrophes (so that an apostrophe written by us is always the first of its kind).
fn needs_guard(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// The formula-injection guard: `=SUM(A1)` → `'=SUM(A1)`; other text unchanged.
///
/// ```
/// use powershift_core::export::csv::{guard, unguard};
/// assert_eq!(guard("=1+1"), "'=1+1");
/// assert_eq!(guard("-5"), "'-5");
/// assert_eq!(guard("OpenAI"), "OpenAI");
/// for s in ["=1", "'=1", "''@x", "'plain", "plain", ""] {
///     assert_eq!(unguard(&guard(s)), s);
/// }
/// ```
pub fn guard(s: &str) -> String {
    if needs_guard(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The inverse of [`guard`].
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

/// One field, quoted when needed (after the guard).
pub fn field(s: &str) -> String {
    let s = guard(s);
    let quote = s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if quote {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One record with its CRLF.
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields.iter().map(|f| field(f.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// A record read back: its 1-based row number (the header is row 1, as a spreadsheet numbers
/// rows) and its fields, unguarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based record number.
    pub row: usize,
    /// The fields.
    pub fields: Vec<String>,
}

/// Parses CSV text (a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with doubled
/// quotes and line breaks). Rows are records, as a spreadsheet shows them (a line break inside
/// a quoted cell does not start a row); blank lines are skipped but still count as rows. An unclosed quote
/// is an error naming its row. O(length).
///
/// ```
/// use powershift_core::export::csv::parse;
/// let rows = parse("a,b\r\n\"x, \"\"y\"\"\",'=1\n").unwrap();
/// assert_eq!(rows[1].fields, ["x, \"y\"", "=1"]);
/// assert_eq!(rows[1].row, 2);
/// ```
pub fn parse(text: &str) -> Result<Vec<Row>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut quoted_field = false;
    let mut in_quotes = false;
    let mut row = 1;
    let mut start_row = 1;
    let mut chars = text.chars().peekable();
    let finish_field = |cur: &mut String, quoted: &mut bool, fields: &mut Vec<String>| {
        let v = std::mem::take(cur);
        fields.push(unguard(&v).to_string());
        *quoted = false;
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                '"' => in_quotes = false,
                c => cur.push(c),
            }
            continue;
        }
        match c {
            '"' if cur.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
            }
            '"' => return Err((start_row, "a quote in the middle of an unquoted field".to_string())),
            ',' => finish_field(&mut cur, &mut quoted_field, &mut fields),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                let blank = fields.is_empty() && cur.is_empty() && !quoted_field;
                if !blank {
                    finish_field(&mut cur, &mut quoted_field, &mut fields);
                    rows.push(Row { row: start_row, fields: std::mem::take(&mut fields) });
                }
                row += 1;
                start_row = row;
            }
            c => cur.push(c),
        }
    }
    if in_quotes {
        return Err((start_row, "a quoted field is not closed".to_string()));
    }
    if !fields.is_empty() || !cur.is_empty() || quoted_field {
        finish_field(&mut cur, &mut quoted_field, &mut fields);
        rows.push(Row { row: start_row, fields });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_rfc_4180_and_reads_it_back() {
        let cells = ["plain", "a,b", "say \"hi\"", "two\nlines", " padded ", "=cmd()", "@SUM", "+1", "-1", ""];
        let text = record(&["h"; 10]) + &record(&cells);
        assert!(text.contains("\"say \"\"hi\"\"\""), "{text}");
        assert!(text.contains("'=cmd()") && text.contains("'@SUM"), "{text}");
        let rows = parse(&text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].fields, cells);
        assert_eq!(rows[1].row, 2);
    }

    #[test]
    fn rows_count_like_a_spreadsheet_and_errors_name_the_row() {
        let rows = parse("\u{feff}h1,h2\n\"a\nb\",c\n\nd,e").unwrap();
        assert_eq!(rows.iter().map(|r| r.row).collect::<Vec<_>>(), [1, 2, 4]);
        assert_eq!(parse("h\n\"open").unwrap_err().0, 2);
        assert_eq!(parse("h\nab\"c\n").unwrap_err().0, 2);
    }
}
