//! Colour science for checking the palette: WCAG contrast, CIELAB, the CIE 1976 colour difference
//! ΔE*ab, and simulated colour-vision deficiencies. Only tests and the palette's own checks use it;
//! the renderers receive plain `#rrggbb` strings.
//!
//! - sRGB ↔ linear light: IEC 61966-2-1; XYZ → CIELAB with the D65 white point.
//! - Deficiencies: the full-severity deuteranopia and protanopia matrices of Machado, Oliveira and
//!   Fernandes (2009), applied to linear RGB and clamped to the gamut.
//!
//! ```
//! use powershift_core::scene::colour::{delta_e, Rgb, Vision};
//! let red = Rgb::parse("#d62728").unwrap();
//! let green = Rgb::parse("#2ca02c").unwrap();
//! assert!(delta_e(red, green, Vision::Normal) > 80.0);
//! // The classic red/green pair collapses for a deuteranope.
//! assert!(delta_e(red, green, Vision::Deuteranopia) < 20.0);
//! ```

/// An sRGB colour with 8-bit channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// How a colour is seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    /// Typical trichromatic vision.
    Normal,
    /// No M cones (the most common deficiency, ~5 % of men).
    Deuteranopia,
    /// No L cones (~1 % of men).
    Protanopia,
}

impl Vision {
    /// Every vision the palette is checked for.
    pub const ALL: [Vision; 3] = [Vision::Normal, Vision::Deuteranopia, Vision::Protanopia];
}

/// A colour in CIELAB (D65): lightness 0–100 and the two opponent axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lab {
    /// Lightness L*.
    pub l: f64,
    /// Green (−) to red (+).
    pub a: f64,
    /// Blue (−) to yellow (+).
    pub b: f64,
}

impl Lab {
    /// Chroma C*ab: distance from the grey axis.
    pub fn chroma(&self) -> f64 {
        self.a.hypot(self.b)
    }

    /// Hue angle h_ab in degrees, 0–360.
    pub fn hue(&self) -> f64 {
        self.b.atan2(self.a).to_degrees().rem_euclid(360.0)
    }
}

fn to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

impl Rgb {
    /// Parses `#rrggbb`.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let h = hex.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let ch = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb(ch(0)?, ch(2)?, ch(4)?))
    }

    fn linear(self) -> [f64; 3] {
        [to_linear(self.0), to_linear(self.1), to_linear(self.2)]
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// The colour as seen with `vision`, in linear RGB (not rounded to 8 bits).
    fn seen(self, vision: Vision) -> [f64; 3] {
        let m: [[f64; 3]; 3] = match vision {
            Vision::Normal => return self.linear(),
            Vision::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Vision::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        };
        let c = self.linear();
        // Clamped to the gamut, as the simulated colour would be displayed.
        m.map(|row| (row[0] * c[0] + row[1] * c[1] + row[2] * c[2]).clamp(0.0, 1.0))
    }

    /// CIELAB coordinates as seen with `vision`.
    pub fn lab(self, vision: Vision) -> Lab {
        let [r, g, b] = self.seen(vision);
        let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
        let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
        let z = 0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b;
        let f = |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
        let (fx, fy, fz) = (f(x / 0.950_47), f(y), f(z / 1.088_83));
        Lab { l: 116.0 * fy - 16.0, a: 500.0 * (fx - fy), b: 200.0 * (fy - fz) }
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIE 1976 colour difference ΔE*ab of two colours as seen with `vision`: about 2.3 is a just
/// noticeable difference; 20 and more reads as a different colour at a glance.
pub fn delta_e(a: Rgb, b: Rgb, vision: Vision) -> f64 {
    let (p, q) = (a.lab(vision), b.lab(vision));
    ((p.l - q.l).powi(2) + (p.a - q.a).powi(2) + (p.b - q.b).powi(2)).sqrt()
}

/// The smaller angle between two hues, in degrees (0–180).
pub fn hue_distance(h1: f64, h2: f64) -> f64 {
    let d = (h1 - h2).rem_euclid(360.0);
    d.min(360.0 - d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = Rgb(255, 255, 255);

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        // #767676 is the lightest grey with 4.5:1 on white.
        let grey = contrast(Rgb::parse("#767676").unwrap(), WHITE);
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }

    #[test]
    fn lab_of_reference_colours() {
        let w = WHITE.lab(Vision::Normal);
        assert!((w.l - 100.0).abs() < 0.01 && w.a.abs() < 0.01 && w.b.abs() < 0.01, "{w:?}");
        // sRGB red: L* 53.24, a* 80.09, b* 67.20 (Lindbloom's calculator).
        let r = Rgb(255, 0, 0).lab(Vision::Normal);
        assert!((r.l - 53.24).abs() < 0.05 && (r.a - 80.09).abs() < 0.1 && (r.b - 67.20).abs() < 0.1, "{r:?}");
    }

    #[test]
    fn simulations_keep_greys_and_merge_red_with_green() {
        let grey = Rgb(119, 119, 119);
        for v in Vision::ALL {
            assert!(delta_e(grey, grey, v) < 1e-9);
            assert!(grey.lab(v).chroma() < 1.0, "{v:?}");
        }
        let (red, green) = (Rgb::parse("#d62728").unwrap(), Rgb::parse("#2ca02c").unwrap());
        let normal = delta_e(red, green, Vision::Normal);
        assert!(delta_e(red, green, Vision::Deuteranopia) < normal / 3.0);
        assert!(delta_e(red, green, Vision::Protanopia) < normal / 3.0);
        // Blue and yellow stay apart.
        let (blue, yellow) = (Rgb::parse("#1f77b4").unwrap(), Rgb::parse("#e5c100").unwrap());
        assert!(delta_e(blue, yellow, Vision::Deuteranopia) > 50.0);
    }

    #[test]
    fn the_issue_measurements_are_reproduced() {
        // The old lawsuit and dispute reds differed by ΔE 12 in normal vision.
        let d = delta_e(Rgb::parse("#b91c1c").unwrap(), Rgb::parse("#dc2626").unwrap(), Vision::Normal);
        assert!((d - 12.0).abs() < 0.5, "{d}");
        // The old product-integration orange and partnership ochre: ≈ 2.6 for deuteranopes.
        let d = delta_e(Rgb::parse("#c2410c").unwrap(), Rgb::parse("#a16207").unwrap(), Vision::Deuteranopia);
        assert!(d < 4.0, "{d}");
    }

    #[test]
    fn hue_distance_wraps_around() {
        assert_eq!(hue_distance(350.0, 10.0), 20.0);
        assert_eq!(hue_distance(10.0, 190.0), 180.0);
    }

    #[test]
    fn parse_rejects_malformed_colours() {
        assert_eq!(Rgb::parse("#fff"), None);
        assert_eq!(Rgb::parse("123456"), None);
        assert_eq!(Rgb::parse("#12345g"), None);
        assert_eq!(Rgb::parse("#0a0B0c"), Some(Rgb(10, 11, 12)));
    }
}
