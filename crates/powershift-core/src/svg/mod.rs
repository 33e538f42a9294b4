//! SVG text helpers shared by every renderer of a scene (the page, exports and the prerendered
//! first screen), so numbers in markup are written one way everywhere; and [`document`], the one
//! writer of a network scene as a standalone SVG file (the CLI's `export` and the app's export).

pub mod document;

/// Text escaped for XML content and attribute values (`&`, `<`, `>`, `"`, `'`).
///
/// ```
/// assert_eq!(powershift_core::svg::esc("AT&T <\"x\">"), "AT&amp;T &lt;&quot;x&quot;&gt;");
/// ```
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A number for SVG markup: rounded to 0.01 and written without trailing zeros, so a coordinate
/// costs at most a few bytes and equal values always print the same ("12", "12.5", "-0.25").
/// Non-finite values print as "0", which keeps the markup valid whatever a caller computed.
///
/// ```
/// use powershift_core::svg::num;
/// assert_eq!(num(12.0), "12");
/// assert_eq!(num(12.504), "12.5");
/// assert_eq!(num(-0.004), "0");
/// assert_eq!(num(f64::NAN), "0");
/// ```
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let r = (v * 100.0).round() / 100.0;
    // -0.0 prints as "-0".
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn rounds_and_trims() {
        for (v, want) in
            [(0.0, "0"), (1.0, "1"), (1.5, "1.5"), (1.255, "1.25"), (1.256, "1.26"), (-3.1, "-3.1"), (100.1, "100.1")]
        {
            assert_eq!(num(v), want, "{v}");
        }
        assert_eq!(num(f64::INFINITY), "0");
    }
}
