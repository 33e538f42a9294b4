//! The embed options of the page's URL: `embed=1`, `title=0`, `theme=light|dark|auto`, and the
//! `childId` Pym.js adds. The deep-link keys are read by `view::from_query`; unknown keys (hosts add
//! their own, e.g. Pym's `initialWidth`, `parentTitle`, `parentUrl`) are ignored by both.

/// The colour theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// Follow the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    /// The value in URLs and in the page's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// Parses `light`, `dark` or `auto`.
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }
}

/// How the page is laid out and themed, from its URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Laid out for an iframe in an article column (`embed=1`).
    pub embed: bool,
    /// Whether the small title line is shown in the embed (`title=0` hides it).
    pub title: bool,
    /// The colour theme (`theme=`).
    pub theme: Theme,
    /// Pym.js's id for this child frame (`childId=`), which its messages must carry.
    pub child_id: Option<String>,
    /// The `data=` parameter (another dataset), which links to this view must keep.
    pub data: Option<String>,
}

impl EmbedOptions {
    /// Reads the options from a query string; malformed values keep the defaults.
    ///
    /// ```
    /// use powershift_core::embed::{EmbedOptions, Theme};
    /// let o = EmbedOptions::from_query("date=2019-07-22&embed=1&title=0&theme=dark&initialWidth=600&childId=ps");
    /// assert!(o.embed && !o.title);
    /// assert_eq!(o.theme, Theme::Dark);
    /// assert_eq!(o.child_id.as_deref(), Some("ps"));
    /// assert_eq!(EmbedOptions::from_query("theme=purple").theme, Theme::Auto);
    /// ```
    pub fn from_query(query: &str) -> EmbedOptions {
        let mut o = EmbedOptions { title: true, ..EmbedOptions::default() };
        for (k, v) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            match k.as_ref() {
                "embed" => o.embed = matches!(v.as_ref(), "1" | "true" | "yes"),
                "title" => o.title = !matches!(v.as_ref(), "0" | "false" | "no"),
                "theme" => o.theme = Theme::parse(&v).unwrap_or_default(),
                "data" if !v.is_empty() => o.data = Some(v.into_owned()),
                // Pym's ids are short words; anything else cannot be one of its frames.
                "childId" if !v.is_empty() && v.len() <= 64 && !v.contains("xPYMx") => {
                    o.child_id = Some(v.into_owned())
                }
                _ => {}
            }
        }
        o
    }
}

/// The query of the "Open the full view" link and of shared links: the view's deep link, plus the
/// options a full page keeps (`theme` when not automatic, `data` when the story is not the default).
///
/// ```
/// use powershift_core::embed::{full_view_query, Theme};
/// assert_eq!(full_view_query("date=2019-07-22", Theme::Dark, None), "date=2019-07-22&theme=dark");
/// assert_eq!(full_view_query("date=2019-07-22", Theme::Auto, Some("data/x.json")), "data=data%2Fx.json&date=2019-07-22");
/// ```
pub fn full_view_query(view_query: &str, theme: Theme, data: Option<&str>) -> String {
    let mut q = String::new();
    if let Some(d) = data {
        q.push_str(&form_urlencoded::Serializer::new(String::new()).append_pair("data", d).finish());
        q.push('&');
    }
    q.push_str(view_query);
    if theme != Theme::Auto {
        q.push_str("&theme=");
        q.push_str(theme.as_str());
    }
    q
}

/// The three codes of the Share dialog for one view: the link, an `<iframe>` and the `embed.js`
/// snippet, all at the page's real public address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareCodes {
    /// The full page at this view.
    pub link: String,
    /// A fixed-height iframe (for hosts that allow no script).
    pub iframe: String,
    /// The self-sizing embed: a container and the embed script.
    pub script: String,
}

/// Escapes text for a double-quoted HTML attribute.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The Share dialog's codes. `base` is the page's public address without query (`https://…/powershift/`
/// or `…/powershift/index.html`), `view_query` the deep link, `data` the `data=` parameter if any.
///
/// ```
/// use powershift_core::embed::{share_codes, Theme};
/// let c = share_codes("https://n.example/ps/", "date=2019-07-22&select=org:microsoft", None, Theme::Dark, false, "The AI power shift");
/// assert_eq!(c.link, "https://n.example/ps/?date=2019-07-22&select=org:microsoft&theme=dark");
/// assert!(c.iframe.starts_with(r#"<iframe src="https://n.example/ps/?date=2019-07-22&amp;select=org:microsoft&amp;theme=dark&amp;embed=1&amp;title=0""#));
/// assert!(c.script.contains(r#"<script async src="https://n.example/ps/embed.js"></script>"#));
/// ```
pub fn share_codes(
    base: &str,
    view_query: &str,
    data: Option<&str>,
    theme: Theme,
    title: bool,
    name: &str,
) -> ShareCodes {
    let q = full_view_query(view_query, theme, data);
    let link = format!("{base}?{q}");
    let embed_url = format!("{link}&embed=1{}", if title { "" } else { "&title=0" });
    let dir = &base[..base.rfind('/').map_or(base.len(), |i| i + 1)];
    let iframe = format!(
        r#"<iframe src="{}" title="{}" width="100%" height="1100" loading="lazy" style="border:0;width:100%"></iframe>"#,
        attr(&embed_url),
        attr(name)
    );
    let script = format!(
        r#"<div data-powershift-src="{}"{}></div><script async src="{}embed.js"></script>"#,
        attr(&link),
        if title { "" } else { r#" data-powershift-title="0""# },
        attr(dir)
    );
    ShareCodes { link, iframe, script }
}
