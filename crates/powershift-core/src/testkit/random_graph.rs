//! Seeded random graphs for benchmarks and property tests (the same graph natively, in Wasm and, by
//! exporting the edge list, in d3-force).

use crate::network::forces::LinkSpec;
use crate::network::rng::Lcg;

/// `m` distinct edges over `n` nodes (no self-loops), drawn with a seeded LCG. Half the edges attach
/// preferentially to low-numbered nodes so the graph has hubs, like real alliance networks.
/// O(m log m).
pub fn random_graph(n: u32, m: usize, seed: u32) -> Vec<(u32, u32)> {
    assert!(n >= 2, "need at least two nodes");
    let max_edges = (n as usize) * (n as usize - 1) / 2;
    let m = m.min(max_edges);
    let mut rng = Lcg::new(seed);
    let mut seen = std::collections::BTreeSet::new();
    let mut edges = Vec::with_capacity(m);
    // First a random spanning tree, so the graph is connected.
    for i in 1..n.min(m as u32 + 1) {
        let j = rng.below(i);
        seen.insert((j, i));
        edges.push((j, i));
    }
    while edges.len() < m {
        let a = rng.below(n);
        let b = if rng.next() < 0.5 {
            let hub_range = rng.below(n).max(1);
            rng.below(hub_range)
        } else {
            rng.below(n)
        };
        let (a, b) = (a.min(b), a.max(b));
        if a != b && seen.insert((a, b)) {
            edges.push((a, b));
        }
    }
    edges
}

/// The graph's edges as default links.
pub fn links(edges: &[(u32, u32)]) -> Vec<LinkSpec> {
    edges.iter().map(|&(a, b)| LinkSpec::new(a, b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_distinct_and_loop_free() {
        let a = random_graph(100, 300, 7);
        assert_eq!(a, random_graph(100, 300, 7));
        assert_ne!(a, random_graph(100, 300, 8));
        assert_eq!(a.len(), 300);
        let set: std::collections::BTreeSet<_> = a.iter().collect();
        assert_eq!(set.len(), 300);
        assert!(a.iter().all(|(x, y)| x < y && *y < 100));
    }
}
