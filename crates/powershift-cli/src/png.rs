//! SVG text → PNG with resvg (pure Rust, native only: this crate is never part of the page).

/// Renders `svg` at `scale` (2 for a sharp print or slide picture) with the system's fonts.
pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let mut opt = usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    // The document's own fallback list names DejaVu Sans; make it the generic family too.
    opt.fontdb_mut().set_sans_serif_family("DejaVu Sans");
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| format!("the SVG cannot be read: {e}"))?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or("the picture is empty")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("the picture is too large")?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("cannot encode the PNG: {e}"))
}

#[cfg(test)]
mod tests {
    /// The page's icon is a PNG drawn from `static/favicon.svg`: Chromium draws an SVG icon in a
    /// document of its own on the page's main thread (a task of ~65 ms on this host after the first
    /// paint, and again after every address change while scrubbing); a 32 × 32 PNG is only decoded.
    /// After changing the SVG: `POWERSHIFT_WRITE_FAVICON=1 cargo test -p powershift-cli favicon`.
    #[test]
    fn the_favicon_png_is_the_favicon_svg_drawn_at_32_pixels() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static");
        let svg = std::fs::read_to_string(dir.join("favicon.svg")).unwrap();
        let png = super::render(&svg, 1.0).unwrap();
        if std::env::var_os("POWERSHIFT_WRITE_FAVICON").is_some() {
            std::fs::write(dir.join("favicon.png"), &png).unwrap();
        }
        let shipped = std::fs::read(dir.join("favicon.png")).unwrap_or_default();
        assert!(
            shipped == png,
            "static/favicon.png is not static/favicon.svg drawn at 32 px: \
             POWERSHIFT_WRITE_FAVICON=1 cargo test -p powershift-cli favicon"
        );
        assert_eq!(&png[16..24], &[0, 0, 0, 32, 0, 0, 0, 32], "32 × 32 (the PNG's IHDR)");
    }
}
