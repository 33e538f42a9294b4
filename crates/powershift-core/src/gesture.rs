//! Gestures as a pure state machine: pointer and wheel events in, view [`Action`]s out. The browser
//! only converts its events into these calls (positions in the network's viewBox units) and
//! dispatches what comes back, so "is this a click or a drag?" is decided here and tested natively.
//!
//! The network's rules:
//! - a pointer that goes down and up within `slop` of where it started is a **click**: it selects
//!   the organisation or relationship under it (nothing on the background);
//! - moving further **pans** the view, or, when it went down on an organisation, **drags** that
//!   organisation and pins it where it is let go;
//! - two pointers **pinch**: the view zooms about their midpoint by the change of their distance, and
//!   pans with the midpoint;
//! - the wheel scrolls the page, as in every embedded map: only Ctrl/⌘ + wheel (or a trackpad
//!   pinch, which browsers report as Ctrl + wheel) zooms about the cursor ([`wheel_zoom`]); a plain
//!   wheel over the graphic asks the page to show a hint ([`Wheel::Hint`]);
//! - on touch, one finger scrolls the page (the browser keeps it) and taps select; two fingers pan
//!   and zoom.
//!
//! The timeline's overview strip is a [`Brush`]: dragging across it sets the visible window.
//!
//! ```
//! use powershift_core::gesture::{Gesture, Target};
//! use powershift_core::network::Vec2;
//! use powershift_core::view::{Action, Camera};
//! let mut g = Gesture::new(4.0);
//! let cam = Camera::default();
//! g.pointer_down(1, Vec2::new(0.0, 0.0), Target::Background);
//! assert_eq!(g.pointer_move(1, Vec2::new(10.0, 0.0), cam), vec![Action::Pan(Vec2::new(10.0, 0.0))]);
//! assert_eq!(g.pointer_up(1), vec![]);
//! ```

use std::collections::BTreeMap;

use crate::model::{OrgIx, RelIx};
use crate::network::Vec2;
use crate::timeline::WarpedScale;
use crate::view::{Action, Camera, Selection};

/// What a pointer went down on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Empty space.
    Background,
    /// An organisation (it can be dragged).
    Org(OrgIx),
    /// A relationship line.
    Rel(RelIx),
    /// A bundled line: every agreement between two organisations.
    Pair(OrgIx, OrgIx),
}

impl Target {
    fn selection(self) -> Option<Selection> {
        match self {
            Target::Background => None,
            Target::Org(o) => Some(Selection::Org(o)),
            Target::Rel(r) => Some(Selection::Rel(r)),
            Target::Pair(a, b) => Some(Selection::pair(a, b)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    Idle,
    /// Down, not yet moved beyond the slop: may still be a click (or a tap when `touch`).
    Pending {
        id: i32,
        start: Vec2,
        target: Target,
        touch: bool,
    },
    Pan {
        id: i32,
        last: Vec2,
    },
    Drag {
        id: i32,
        org: OrgIx,
    },
    Pinch {
        distance: f64,
        mid: Vec2,
    },
}

/// The network's gesture state. One per network view.
#[derive(Clone, Debug)]
pub struct Gesture {
    slop: f64,
    pointers: BTreeMap<i32, Vec2>,
    state: State,
}

impl Gesture {
    /// A machine for which moves of at most `slop` (viewBox units; the page passes 4 CSS pixels
    /// converted) still count as a click.
    pub fn new(slop: f64) -> Gesture {
        Gesture { slop, pointers: BTreeMap::new(), state: State::Idle }
    }

    /// Changes the click tolerance (the drawing's scale changes with the page's width).
    pub fn set_slop(&mut self, slop: f64) {
        self.slop = slop;
    }

    /// Whether a gesture is under way (the page then captures the pointer).
    pub fn is_active(&self) -> bool {
        self.state != State::Idle
    }

    /// A mouse or pen pointer went down at `at` on `target`.
    pub fn pointer_down(&mut self, id: i32, at: Vec2, target: Target) -> Vec<Action> {
        self.press(id, at, target, false)
    }

    /// A finger went down: alone it only taps (a one-finger drag scrolls the page); with a second
    /// finger it pinches.
    pub fn touch_down(&mut self, id: i32, at: Vec2, target: Target) -> Vec<Action> {
        self.press(id, at, target, true)
    }

    fn press(&mut self, id: i32, at: Vec2, target: Target, touch: bool) -> Vec<Action> {
        self.pointers.insert(id, at);
        self.state = match self.pointers.len() {
            1 => State::Pending { id, start: at, target, touch },
            2 => {
                let (a, b) = self.two();
                State::Pinch { distance: a.distance(b), mid: a.lerp(b, 0.5) }
            }
            // A third finger: ignore everything until the pointers are lifted.
            _ => State::Idle,
        };
        Vec::new()
    }

    /// A pointer moved to `at`; `camera` is the view's, to turn a drag into a world position.
    pub fn pointer_move(&mut self, id: i32, at: Vec2, camera: Camera) -> Vec<Action> {
        if let Some(p) = self.pointers.get_mut(&id) {
            *p = at;
        } else {
            return Vec::new();
        }
        match self.state {
            State::Idle => Vec::new(),
            State::Pending { id: pid, start, target, touch } if pid == id => {
                if start.distance(at) <= self.slop {
                    return Vec::new();
                }
                if touch {
                    // One finger moving is the page scrolling, not a gesture on the graphic.
                    self.state = State::Idle;
                    return Vec::new();
                }
                match target {
                    Target::Org(org) => {
                        self.state = State::Drag { id, org };
                        vec![Action::Pin(org, camera.to_world(at))]
                    }
                    Target::Background | Target::Rel(_) | Target::Pair(..) => {
                        self.state = State::Pan { id, last: at };
                        vec![Action::Pan(at - start)]
                    }
                }
            }
            State::Pan { id: pid, last } if pid == id => {
                self.state = State::Pan { id, last: at };
                vec![Action::Pan(at - last)]
            }
            State::Drag { id: pid, org } if pid == id => vec![Action::Pin(org, camera.to_world(at))],
            State::Pinch { distance, mid } => {
                let (a, b) = self.two();
                let (d, m) = (a.distance(b), a.lerp(b, 0.5));
                self.state = State::Pinch { distance: d, mid: m };
                let mut out = Vec::new();
                if distance > 0.0 && d > 0.0 && d != distance {
                    out.push(Action::Zoom { at: m, factor: d / distance });
                }
                if m != mid {
                    out.push(Action::Pan(m - mid));
                }
                out
            }
            _ => Vec::new(),
        }
    }

    /// A pointer was lifted: a pending press is a click and selects what it went down on.
    pub fn pointer_up(&mut self, id: i32) -> Vec<Action> {
        self.pointers.remove(&id);
        let out = match self.state {
            State::Pending { id: pid, target, .. } if pid == id => match target.selection() {
                Some(sel) => vec![Action::Select(Some(sel))],
                None => Vec::new(),
            },
            _ => Vec::new(),
        };
        // After a pinch, the finger left on the screen does nothing until it is lifted too.
        if !matches!(self.state, State::Pinch { .. }) || self.pointers.len() < 2 {
            self.state = State::Idle;
        }
        out
    }

    /// The browser took the pointer away (scrolling, a system gesture): nothing is selected.
    pub fn pointer_cancel(&mut self, id: i32) -> Vec<Action> {
        self.pointers.remove(&id);
        self.state = State::Idle;
        Vec::new()
    }

    fn two(&self) -> (Vec2, Vec2) {
        let mut it = self.pointers.values().copied();
        let a = it.next().unwrap_or_default();
        (a, it.next().unwrap_or(a))
    }
}

/// The zoom factor for a wheel movement: `delta_y` in pixels, or in lines when `lines` (Firefox's
/// mouse wheel). Scrolling up (negative) zooms in; one notch of about 100 px is ×1.22.
pub fn wheel_factor(delta_y: f64, lines: bool) -> f64 {
    let per_unit = if lines { 0.05 } else { 0.002 };
    let f = (-delta_y * per_unit).exp();
    if f.is_finite() && f > 0.0 {
        f
    } else {
        1.0
    }
}

/// The network's wheel zoom about the cursor at `at`.
pub fn wheel_zoom(at: Vec2, delta_y: f64, lines: bool) -> Action {
    Action::Zoom { at, factor: wheel_factor(delta_y, lines) }
}

/// What a wheel movement over a graphic does.
#[derive(Clone, Debug, PartialEq)]
pub enum Wheel {
    /// Zoom (the page must not scroll).
    Zoom(f64),
    /// Let the page scroll, and hint that Ctrl/⌘ + wheel zooms.
    Hint,
}

/// The wheel rule of embedded maps: with Ctrl or ⌘ held (a trackpad pinch arrives as Ctrl + wheel)
/// the wheel zooms by [`wheel_factor`]; otherwise it belongs to the page.
///
/// ```
/// use powershift_core::gesture::{wheel, Wheel};
/// assert_eq!(wheel(-100.0, false, false), Wheel::Hint);
/// assert!(matches!(wheel(-100.0, false, true), Wheel::Zoom(f) if f > 1.0));
/// ```
pub fn wheel(delta_y: f64, lines: bool, modifier: bool) -> Wheel {
    if modifier {
        Wheel::Zoom(wheel_factor(delta_y, lines))
    } else {
        Wheel::Hint
    }
}

/// The timeline's window after zooming by `factor` about pixel `x` (the cursor) of a timeline drawn
/// with `scale`, kept inside `bounds` (the story's range, days): the date under the cursor stays
/// under it, as in every map (see [`WarpedScale::zoom_at`]).
pub fn timeline_zoom(scale: &WarpedScale, x: f64, factor: f64, bounds: (f64, f64)) -> Action {
    let (a, b) = scale.zoom_at(x, factor, bounds);
    Action::SetWindow(a, b)
}

/// Dragging across the timeline's overview strip selects the window between the press and the
/// pointer; moves of at most `slop` pixels do nothing (a click on the strip is not a window).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Brush {
    start: Option<f64>,
}

impl Brush {
    /// Least movement, in pixels, that sets a window.
    pub const SLOP: f64 = 3.0;

    /// Pressed at pixel `x`.
    pub fn down(&mut self, x: f64) {
        self.start = Some(x);
    }

    /// Moved to pixel `x` on the strip drawn with `full` (the whole story's scale).
    pub fn moved(&self, x: f64, full: &WarpedScale) -> Option<Action> {
        let start = self.start?;
        ((x - start).abs() > Self::SLOP).then(|| Action::SetWindow(full.invert(start), full.invert(x)))
    }

    /// Released.
    pub fn up(&mut self) {
        self.start = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CAM: Camera = Camera { x: 0.0, y: 0.0, k: 1.0 };

    fn v(x: f64, y: f64) -> Vec2 {
        Vec2::new(x, y)
    }

    #[test]
    fn a_3px_move_is_a_click_and_a_10px_move_pans() {
        let org = Target::Org(OrgIx(2));
        let mut g = Gesture::new(4.0);
        g.pointer_down(1, v(0.0, 0.0), org);
        assert!(g.pointer_move(1, v(3.0, 0.0), CAM).is_empty());
        assert_eq!(g.pointer_up(1), vec![Action::Select(Some(Selection::Org(OrgIx(2))))]);

        g.pointer_down(1, v(0.0, 0.0), Target::Background);
        assert_eq!(g.pointer_move(1, v(10.0, 0.0), CAM), vec![Action::Pan(v(10.0, 0.0))]);
        assert_eq!(g.pointer_move(1, v(12.0, 1.0), CAM), vec![Action::Pan(v(2.0, 1.0))]);
        assert!(g.pointer_up(1).is_empty(), "a pan selects nothing");
        assert!(!g.is_active());
    }

    #[test]
    fn a_line_is_selected_by_a_click_and_panned_by_a_drag() {
        let line = Target::Rel(RelIx(5));
        let mut g = Gesture::new(4.0);
        g.pointer_down(7, v(1.0, 1.0), line);
        assert_eq!(g.pointer_up(7), vec![Action::Select(Some(Selection::Rel(RelIx(5))))]);
        g.pointer_down(7, v(1.0, 1.0), line);
        assert_eq!(g.pointer_move(7, v(1.0, 20.0), CAM), vec![Action::Pan(v(0.0, 19.0))]);
        assert!(g.pointer_up(7).is_empty());
    }

    #[test]
    fn one_finger_taps_but_does_not_pan_and_two_fingers_pan_and_zoom() {
        let mut g = Gesture::new(4.0);
        g.touch_down(1, v(0.0, 0.0), Target::Org(OrgIx(3)));
        assert_eq!(g.pointer_up(1), vec![Action::Select(Some(Selection::Org(OrgIx(3))))], "a tap selects");
        g.touch_down(1, v(0.0, 0.0), Target::Background);
        assert!(g.pointer_move(1, v(0.0, 40.0), CAM).is_empty(), "one finger scrolls the page");
        assert!(g.pointer_move(1, v(0.0, 80.0), CAM).is_empty());
        assert!(g.pointer_up(1).is_empty());
        g.touch_down(1, v(0.0, 0.0), Target::Background);
        g.touch_down(2, v(100.0, 0.0), Target::Background);
        assert!(!g.pointer_move(2, v(120.0, 10.0), CAM).is_empty(), "two fingers move the graphic");
    }

    #[test]
    fn a_click_on_the_background_selects_nothing() {
        let mut g = Gesture::new(4.0);
        g.pointer_down(1, v(0.0, 0.0), Target::Background);
        assert!(g.pointer_up(1).is_empty());
    }

    #[test]
    fn dragging_an_organisation_pins_it_in_world_coordinates() {
        let cam = Camera { x: 10.0, y: 0.0, k: 2.0 };
        let mut g = Gesture::new(4.0);
        g.pointer_down(1, v(0.0, 0.0), Target::Org(OrgIx(0)));
        assert_eq!(g.pointer_move(1, v(30.0, 10.0), cam), vec![Action::Pin(OrgIx(0), v(10.0, 5.0))]);
        assert_eq!(g.pointer_move(1, v(50.0, 10.0), cam), vec![Action::Pin(OrgIx(0), v(20.0, 5.0))]);
        assert!(g.pointer_up(1).is_empty(), "a drag is not a click");
    }

    #[test]
    fn two_pointers_pinch_about_their_midpoint() {
        let mut g = Gesture::new(4.0);
        g.pointer_down(1, v(0.0, 0.0), Target::Org(OrgIx(0)));
        g.pointer_down(2, v(100.0, 0.0), Target::Background);
        // Spread symmetrically: the midpoint stays, the distance doubles.
        assert!(g.pointer_move(1, v(-50.0, 0.0), CAM).iter().any(|a| matches!(a, Action::Zoom { .. })));
        let out = g.pointer_move(2, v(150.0, 0.0), CAM);
        let Action::Zoom { at, factor } = out[0] else { panic!("{out:?}") };
        assert_eq!(at, v(50.0, 0.0));
        assert!((factor - 200.0 / 150.0).abs() < 1e-12, "{factor}");
        // Both move right by 10 (one after the other, as events arrive): in all, a pan by 10 and
        // no net zoom.
        let mut out = g.pointer_move(1, v(-40.0, 0.0), CAM);
        out.extend(g.pointer_move(2, v(160.0, 0.0), CAM));
        let (mut pan, mut zoom) = (Vec2::default(), 1.0);
        for a in out {
            match a {
                Action::Pan(d) => pan += d,
                Action::Zoom { factor, .. } => zoom *= factor,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(pan, v(10.0, 0.0));
        assert!((zoom - 1.0).abs() < 1e-12, "{zoom}");
        // Lifting one finger ends the pinch without selecting; the other finger does nothing.
        assert!(g.pointer_up(1).is_empty());
        assert!(g.pointer_move(2, v(300.0, 0.0), CAM).is_empty());
        assert!(g.pointer_up(2).is_empty());
    }

    #[test]
    fn cancel_and_unknown_pointers_do_nothing() {
        let mut g = Gesture::new(4.0);
        assert!(g.pointer_move(9, v(1.0, 1.0), CAM).is_empty());
        g.pointer_down(1, v(0.0, 0.0), Target::Org(OrgIx(1)));
        g.pointer_cancel(1);
        assert!(g.pointer_up(1).is_empty());
    }

    #[test]
    fn wheel_up_zooms_in() {
        assert!(wheel_factor(-100.0, false) > 1.0);
        assert!(wheel_factor(100.0, false) < 1.0);
        assert!(wheel_factor(-3.0, true) > 1.0);
        assert_eq!(wheel_factor(f64::NAN, false), 1.0);
    }

    #[test]
    fn brush_needs_a_real_drag() {
        use crate::timeline::Warp;
        // Days 0..10 on the first half of the strip, 10..100 on the second.
        let warp = Warp::from_knots(&[(0.0, 0.0), (10.0, 50.0), (100.0, 100.0)]).unwrap();
        let full = WarpedScale::new(warp, (0.0, 100.0), (0.0, 100.0));
        let mut b = Brush::default();
        assert_eq!(b.moved(10.0, &full), None, "not pressed");
        b.down(10.0);
        assert_eq!(b.moved(12.0, &full), None, "within the slop");
        let Some(Action::SetWindow(a, z)) = b.moved(75.0, &full) else { panic!() };
        assert_eq!((a, z), (2.0, 55.0), "through the warp: 10 px is day 2, 75 px day 55");
        b.up();
        assert_eq!(b.moved(80.0, &full), None);
    }
}
