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
