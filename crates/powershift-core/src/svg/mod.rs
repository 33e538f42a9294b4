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
    // Hundredths as an integer, written by hand: formatting the float with `{:.2}` was a fifth of
    // the script time of a date change on a phone (issue 12). Same digits as that formatting.
    let hundredths = (v * 100.0).round();
    if hundredths.abs() >= 9.0e15 {
        return num_by_format(v);
    }
    let k = hundredths as i64;
    let a = k.unsigned_abs();
    let (whole, frac) = (a / 100, a % 100);
    let mut s = String::with_capacity(12);
    if k < 0 {
        s.push('-');
    }
    s.push_str(&whole.to_string());
    if frac != 0 {
        s.push('.');
        s.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 != 0 {
            s.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    s
}

/// [`num`] through the standard float formatting: for magnitudes whose hundredths do not fit an
/// integer exactly, and as the reference the fast path is tested against.
fn num_by_format(v: f64) -> String {
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

    #[test]
    fn the_fast_path_writes_what_float_formatting_writes() {
        // A deterministic sweep: small and large, halves, near-halves, negative, tiny.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values = vec![0.005, -0.005, 0.015, 1.005, 2.675, -2.675, 1e-9, -1e-9, 123456.785, 9.0e12, -0.5, 0.995];
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let unit = (x >> 11) as f64 / (1u64 << 53) as f64;
            let scale = [1.0, 10.0, 1000.0, 1e6][(x % 4) as usize];
            values.push((unit - 0.5) * 2.0 * scale);
            values.push(((unit * 2000.0).round() + 0.5) / 100.0); // exact half-hundredths
        }
        for v in values {
            assert_eq!(num(v), super::num_by_format(v), "{v:e}");
        }
    }
}
