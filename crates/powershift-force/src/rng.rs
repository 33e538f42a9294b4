//! A seeded linear congruential generator: reproducible layouts by construction.
//!
//! The same generator and constants as d3-force's `lcg.js` (Numerical Recipes' a = 1664525,
//! c = 1013904223, m = 2³²). It is computed in `u32` wrapping arithmetic, so the sequence is
//! bit-identical natively and in WebAssembly. Quality is modest, which is fine: it only jiggles
//! coincident nodes and seeds random test graphs.

/// The generator's state.
#[derive(Clone, Debug)]
pub struct Lcg {
    state: u32,
}

impl Lcg {
    /// A generator with a seed. Seeds are `u32`, never `usize`, so they mean the same on every target.
    pub fn new(seed: u32) -> Lcg {
        Lcg { state: seed }
    }

    /// The next value in [0, 1).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        f64::from(self.state) / 4_294_967_296.0
    }

    /// A tiny random displacement (±0.5e-6) that separates coincident points, as d3's `jiggle`.
    pub fn jiggle(&mut self) -> f64 {
        (self.next() - 0.5) * 1e-6
    }

    /// A value in `0..n` (n > 0).
    pub fn below(&mut self, n: u32) -> u32 {
        ((self.next() * f64::from(n)) as u32).min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_d3_sequence_for_seed_zero() {
        // d3: s = (1664525 * 0 + 1013904223) % 2^32 = 1013904223 → 0.2360680…
        let mut r = Lcg::new(0);
        assert!((r.next() - 1_013_904_223.0 / 4_294_967_296.0).abs() < 1e-15);
        let second = (1_664_525u64 * 1_013_904_223 + 1_013_904_223) % 4_294_967_296;
        assert!((r.next() - second as f64 / 4_294_967_296.0).abs() < 1e-15);
    }

    #[test]
    fn same_seed_same_sequence() {
        let (mut a, mut b) = (Lcg::new(42), Lcg::new(42));
        for _ in 0..1000 {
            assert_eq!(a.next().to_bits(), b.next().to_bits());
        }
        assert!((0..1000).all(|_| (0.0..1.0).contains(&a.next())));
    }
}
