//! `powershift social DIST`: the social card of a built site. Renders the 1200×630 card of the
//! story's last date into `DIST/social-card.png` and puts Open Graph and Twitter card tags (title and
//! description from the dataset's meta, the card as image) into `DIST/index.html`, so a shared link
//! shows the network. Run after `trunk build` (the README's build command and the Pages workflow do).

use std::io::Write;
use std::path::Path;

use powershift_core::model::Dataset;

use crate::commands::{INVALID, OK, UNREADABLE};

/// The tags for `ds`, with the card at `image` (an absolute URL where the site's address is known;
/// crawlers need one).
pub fn meta_tags(ds: &Dataset, image: &str) -> String {
    let esc = powershift_core::svg::esc;
    let title = esc(&ds.meta.title);
    let description = esc(ds.meta.headline.as_deref().or(ds.meta.subtitle.as_deref()).unwrap_or(&ds.meta.title));
    let image = esc(image);
    format!(
        "<meta property=\"og:type\" content=\"website\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:image\" content=\"{image}\">\n\
         <meta property=\"og:image:width\" content=\"1200\">\n\
         <meta property=\"og:image:height\" content=\"630\">\n\
         <meta name=\"twitter:card\" content=\"summary_large_image\">\n\
         <meta name=\"twitter:title\" content=\"{title}\">\n\
         <meta name=\"twitter:description\" content=\"{description}\">\n\
         <meta name=\"twitter:image\" content=\"{image}\">\n"
    )
}

/// Runs `social`: `dist` is the built site, `data` the dataset (default `DIST/data/powershift.json`),
/// `url` the site's public address (the card's URL is `<url>social-card.png`; relative without it).
pub fn social(dist: &str, data: Option<&str>, url: Option<&str>, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let dist = Path::new(dist);
    let index = dist.join("index.html");
    let data = data.map(Path::new).map(Path::to_path_buf).unwrap_or_else(|| dist.join("data/powershift.json"));
    let Ok(html) = std::fs::read_to_string(&index) else {
        let _ = writeln!(err, "{}: cannot read the built page", index.display());
        return UNREADABLE;
    };
    let Ok(text) = std::fs::read_to_string(&data) else {
        let _ = writeln!(err, "{}: cannot read the dataset", data.display());
        return UNREADABLE;
    };
    let ds = match Dataset::from_json_str(&text) {
        Ok(ds) => ds,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", data.display());
            return INVALID;
        }
    };
    let card = dist.join("social-card.png");
    let size = crate::export::Size { card: true, width: None, height: None, scale: None };
    let code = crate::export::export(
        &data.to_string_lossy(),
        None,
        "png",
        Some(&card.to_string_lossy()),
        size,
        &mut std::io::sink(),
        err,
    );
    if code != OK {
        return code;
    }
    let image = match url {
        Some(u) => format!("{}/social-card.png", u.trim_end_matches('/')),
        None => "social-card.png".to_string(),
    };
    // Replace the tags of an earlier run, then add these before </head>.
    let kept: String = html
        .lines()
        .filter(|l| !l.contains("property=\"og:") && !l.contains("name=\"twitter:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let Some(at) = kept.find("</head>") else {
        let _ = writeln!(err, "{}: no </head> to put the tags in", index.display());
        return INVALID;
    };
    let updated = format!("{}{}{}", &kept[..at], meta_tags(&ds, &image), &kept[at..]);
    if let Err(e) = std::fs::write(&index, updated) {
        let _ = writeln!(err, "{}: cannot write: {e}", index.display());
        return UNREADABLE;
    }
    let _ = writeln!(out, "{}: social card and tags written", dist.display());
    OK
}
