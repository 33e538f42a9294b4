//! Which dataset URL the page loads: the shipped default, or `?data=<url>`.
//!
//! Only **same-origin** URLs are allowed (relative paths such as `data/other.json`, or absolute URLs
//! on the page's own origin). The app promises readers no third-party requests, and an embed on a
//! news site must not be turned into a page that shows someone else's "facts" by a crafted link.
//! Journalists who want another story put its file next to the app.

/// The dataset shipped with the app, relative to the page's base URL.
pub const DEFAULT_DATA_URL: &str = "data/powershift.json";

/// The URL to fetch for a `?data=` value, or why it is refused.
///
/// `origin` is the page's origin, e.g. `https://example.github.io`.
pub fn resolve_data_url(param: Option<&str>, origin: &str) -> Result<String, String> {
    let Some(raw) = param.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(DEFAULT_DATA_URL.to_string());
    };
    if raw.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return Err("the URL contains spaces, backslashes or control characters".into());
    }
    if raw.starts_with("//") {
        return Err("protocol-relative URLs may point to another site; use a path on this site".into());
    }
    let lower = raw.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let same =
            lower.starts_with(&format!("{}/", origin.to_ascii_lowercase())) || lower == origin.to_ascii_lowercase();
        return if same {
            Ok(raw.to_string())
        } else {
            Err(format!(
                "only datasets on this site ({origin}) can be loaded, so the page makes no third-party requests"
            ))
        };
    }
    // A scheme such as `javascript:` or `data:` before any path separator.
    if let Some(colon) = raw.find(':') {
        if !raw[..colon].contains('/') && !raw[..colon].contains('?') && !raw[..colon].contains('#') {
            return Err("only http(s) URLs on this site or relative paths can be loaded".into());
        }
    }
    Ok(raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    const O: &str = "https://news.example";

    #[test]
    fn default_when_absent_or_empty() {
        assert_eq!(resolve_data_url(None, O).unwrap(), DEFAULT_DATA_URL);
        assert_eq!(resolve_data_url(Some("  "), O).unwrap(), DEFAULT_DATA_URL);
    }

    #[test]
    fn allows_relative_and_same_origin() {
        assert_eq!(resolve_data_url(Some("data/other.json"), O).unwrap(), "data/other.json");
        assert_eq!(resolve_data_url(Some("/stories/x.json"), O).unwrap(), "/stories/x.json");
        assert_eq!(resolve_data_url(Some("x.json?v=2:3"), O).unwrap(), "x.json?v=2:3");
        assert!(resolve_data_url(Some("https://news.example/d.json"), O).is_ok());
    }

    #[test]
    fn refuses_other_sites_and_schemes() {
        for bad in [
            "https://evil.example/d.json",
            "https://news.example.evil.example/d.json",
            "//evil.example/d.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "file:///etc/passwd",
            "a b.json",
        ] {
            assert!(resolve_data_url(Some(bad), O).is_err(), "{bad} should be refused");
        }
    }
}
