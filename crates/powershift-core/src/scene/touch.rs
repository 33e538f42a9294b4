//! The size of touch targets in a zoomable drawing.

/// The smallest touch target, in CSS pixels (WCAG 2.5.5 and the platforms' guidelines).
pub const TOUCH_PX: f64 = 44.0;

/// The side of a drawing's touch squares in world units, given how many world units one CSS pixel
/// spans at the current zoom: [`TOUCH_PX`] pixels, rounded **up** to a step of a geometric ladder
/// (ratio 1.1). The squares are then 44–48.4 CSS pixels, and keep their size while the camera eases
/// a little from one date's frame to the next: scrubbing does not rewrite the size of every square
/// in the drawing on every date (issue 12 §5: those were half the DOM writes of a date change).
/// O(1).
///
/// ```
/// use powershift_core::scene::touch_side;
/// let side = touch_side(0.5); // one CSS pixel is half a world unit
/// assert!(side >= 22.0 && side <= 22.0 * 1.1 + 1e-9);
/// assert_eq!(touch_side(0.5), touch_side(0.51)); // a small zoom keeps the size
/// ```
pub fn touch_side(units_per_px: f64) -> f64 {
    let exact = TOUCH_PX * units_per_px;
    if !(exact.is_finite() && exact > 0.0) {
        return exact;
    }
    let step = (libm::log(exact) / libm::log(1.1)).ceil();
    // Rounding of the logarithm may land a hair under `exact`; then the next step.
    let side = libm::pow(1.1, step);
    if side < exact {
        side * 1.1
    } else {
        side
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_least_44_pixels_and_at_most_ten_percent_more_at_every_zoom() {
        let mut upp = 0.01;
        while upp < 100.0 {
            let px = touch_side(upp) / upp;
            assert!((TOUCH_PX..=TOUCH_PX * 1.1 + 1e-9).contains(&px), "{upp}: {px}");
            upp *= 1.013;
        }
    }

    #[test]
    fn keeps_its_size_over_small_zooms_and_steps_over_large_ones() {
        let sizes: Vec<f64> = (0..100).map(|i| touch_side(1.0 + f64::from(i) * 0.001)).collect();
        let distinct = sizes.windows(2).filter(|w| w[0] != w[1]).count();
        assert!(distinct <= 1, "a 10 % zoom range crosses at most one step: {distinct}");
        assert!(touch_side(2.0) > touch_side(1.0));
        assert_eq!(touch_side(0.0), 0.0);
    }
}
