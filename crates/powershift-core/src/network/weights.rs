//! How much a relationship weighs: the money behind it, on a log scale. Used for link strength in
//! the layout and edge width in the picture.

use crate::model::{Dataset, RelIx};

/// The largest money figure (USD, not a valuation) cited by the phase's events between the
/// relationship's two ends, if any. The largest, not the sum, because tranches and totals of one
/// commitment are often listed separately. O(events of the phase × amounts).
pub fn phase_amount_usd(ds: &Dataset, rel: RelIx, phase: usize) -> Option<f64> {
    let r = ds.rel(rel);
    let p = r.phases.get(phase)?;
    p.events
        .iter()
        .flat_map(|e| ds.event(*e).amounts.iter())
        .filter(|a| a.currency == "USD" && !a.is_valuation())
        .filter(|a| a.from.is_none_or(|f| f == r.from || f == r.to) && a.to.is_none_or(|t| t == r.to || t == r.from))
        .filter(|a| a.from.is_some() || a.to.is_some())
        .map(|a| a.value)
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
}

/// A weight in [1, ~3.5]: 1 for no known amount, rising with log10 of millions of dollars
/// ($1M → 1, $1B → 2.2, $100B → 3).
pub fn money_weight(usd: Option<f64>) -> f64 {
    match usd {
        Some(v) if v > 0.0 => 1.0 + 0.4 * libm::log10(1.0 + v / 1e6),
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_grows_with_money_on_a_log_scale() {
        assert_eq!(money_weight(None), 1.0);
        let (m, b, h) = (money_weight(Some(1e6)), money_weight(Some(1e9)), money_weight(Some(1e11)));
        assert!(1.0 < m && m < b && b < h);
        assert!((b - (1.0 + 0.4 * 1001f64.log10())).abs() < 1e-12);
    }
}
