//! A plotters [`DrawingBackend`] that draws into Yew SVG elements instead of a string, so the money
//! chart reaches the page as real DOM nodes (no `from_html_unchecked`): text stays text, dashes are
//! `stroke-dasharray`, and colours come from the theme.
//!
//! **Colours are tokens.** plotters hands a backend only an RGB colour per call. The renderer draws
//! with a few agreed token colours and gives the backend a [`Paint`] table that says which CSS
//! class (and dash pattern) each token stands for; the stylesheet then colours the class from the
//! theme's custom properties, unless the paint carries a data colour of its own (an organisation's
//! network colour), which is written as itself. A colour not in the table is written as itself.
//!
//! **Text is measured by estimate** (0.6 em per character): plotters would otherwise measure with
//! the DOM on wasm32, which would make drawing touch the page and differ from native runs.

use std::convert::Infallible;

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontStyle, FontTransform};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use yew::prelude::*;

/// What a token colour stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    /// The token colour the renderer draws with.
    pub token: (u8, u8, u8),
    /// The CSS class that colours it (stroke or fill, as the element needs).
    pub class: &'static str,
    /// A dash pattern for lines drawn with it.
    pub dash: Option<&'static str>,
    /// A colour written as itself, for data colours that are not the theme's (an organisation's
    /// colour on the network); the class still names what it is.
    pub colour: Option<&'static str>,
}

/// Collects the chart as Yew SVG elements.
#[derive(Debug)]
pub struct YewSvgBackend<'a> {
    size: (u32, u32),
    paints: &'a [Paint],
    out: &'a mut Vec<Html>,
}

impl<'a> YewSvgBackend<'a> {
    /// A backend of `size` pixels that appends to `out`.
    pub fn new(size: (u32, u32), paints: &'a [Paint], out: &'a mut Vec<Html>) -> Self {
        YewSvgBackend { size, paints, out }
    }

    fn paint(&self, c: BackendColor) -> Option<&Paint> {
        self.paints.iter().find(|p| p.token == c.rgb)
    }

    /// (class, explicit colour, dash) for a colour.
    fn colour(&self, c: BackendColor) -> (Option<&'static str>, Option<String>, Option<&'static str>) {
        match self.paint(c) {
            Some(p) => (Some(p.class), p.colour.map(str::to_string), p.dash),
            None => (None, Some(format!("#{:02x}{:02x}{:02x}", c.rgb.0, c.rgb.1, c.rgb.2)), None),
        }
    }
}

/// `(fill, stroke)` attributes of a shape drawn filled or outlined in `colour` (`None`: the class
/// colours it).
fn fill_and_stroke(fill: bool, colour: Option<String>) -> (Option<String>, Option<String>) {
    if fill {
        (colour, None)
    } else {
        (Some("none".to_string()), colour)
    }
}

fn paint_class(class: Option<&'static str>, fill: bool) -> Classes {
    classes!(class, if fill { "fill" } else { "stroke" })
}

fn opacity(c: BackendColor) -> Option<String> {
    (c.alpha < 1.0).then(|| powershift_core::svg::num(c.alpha))
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ")
}

impl DrawingBackend for YewSvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (class, colour, _) = self.colour(c);
        let (fill_attr, stroke_attr) = fill_and_stroke(fill, colour);
        self.out.push(html! {
            <rect class={paint_class(class, fill)} x={x0.min(x1).to_string()} y={y0.min(y1).to_string()} width={(x1 - x0).abs().to_string()}
                  height={(y1 - y0).abs().to_string()} fill={fill_attr} stroke={stroke_attr} opacity={opacity(c)} />
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (class, colour, dash) = self.colour(c);
        self.out.push(html! {
            <polyline class={classes!(class, "stroke")} points={points(path)} fill="none" stroke={colour}
                      stroke-width={style.stroke_width().to_string()} stroke-dasharray={dash} opacity={opacity(c)} />
        });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        let (class, colour, _) = self.colour(c);
        let (fill_attr, stroke_attr) = fill_and_stroke(fill, colour);
        self.out.push(html! {
            <circle class={paint_class(class, fill)} cx={x.to_string()} cy={y.to_string()}
                    r={radius.to_string()} fill={fill_attr} stroke={stroke_attr} opacity={opacity(c)} />
        });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        let (class, colour, _) = self.colour(c);
        self.out.push(html! {
            <polygon class={classes!(class, "fill")} points={points(vert)} fill={colour} opacity={opacity(c)} />
        });
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let transform = match style.transform() {
            FontTransform::Rotate90 => Some(format!("rotate(90, {x}, {y})")),
            FontTransform::Rotate180 => Some(format!("rotate(180, {x}, {y})")),
            FontTransform::Rotate270 => Some(format!("rotate(270, {x}, {y})")),
            _ => None,
        };
        let weight = matches!(style.style(), FontStyle::Bold).then_some("bold");
        let (class, colour, _) = self.colour(c);
        // plotters' sizes are 1.24 × the CSS pixel size (as its own SVG backend writes them).
        let size = powershift_core::svg::num(style.size() / 1.24);
        self.out.push(html! {
            <text class={classes!(class, "fill")} x={x.to_string()} y={y.to_string()} dy={dy} text-anchor={anchor}
                  font-family={style.family().as_str().to_string()} font-size={size} font-weight={weight}
                  transform={transform} fill={colour} opacity={opacity(c)}>{ text }</text>
        });
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let px = style.size() / 1.24;
        Ok(((text.chars().count() as f64 * px * 0.6).ceil() as u32, px.ceil() as u32))
    }
}
