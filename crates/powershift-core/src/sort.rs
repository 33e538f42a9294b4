//! Stable sorting with one compiled copy of the algorithm.
//!
//! Why not `slice::sort_by`: the standard library's sorts (driftsort and ipnsort) are generic over
//! the element type *and* the comparator, and each instantiation is 2–5 KB of WebAssembly. With ~40
//! call sites in the core and the app, and more from dependencies, they were 85 copies and ~210 KB
//! of the page's 1.45 MB module (issue 12's size profile, `twiggy top`). Here the algorithm — a
//! bottom-up merge sort of positions — is compiled once, behind a `dyn FnMut` comparison; what is
//! generic per call site is only a closure that compares two elements by position and the loop
//! that moves the elements into their sorted places.
//!
//! All sorts here are **stable** (equal elements keep their order), so they are deterministic and
//! give the same result as `sort_by` with the same comparator, natively and in Wasm. They are not
//! for hot loops: a comparison is an indirect call. O(n log n) comparisons, O(n) extra memory.
//!
//! ```
//! use powershift_core::sort;
//! let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
//! sort::sort_by_key(&mut v, |p| p.0);
//! assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
//! ```

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` with `compare`, stably (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(v, order);
}

/// Sorts `v` by the key `key` returns, stably (like `slice::sort_by_key`; the key is computed for
/// each comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably (like `slice::sort`; also stands in for `sort_unstable`,
/// whose result is the same for a total order).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A `BTreeMap` from pairs, inserted one by one (a later pair replaces an earlier one with the same
/// key, as with `collect`). `collect::<BTreeMap<_, _>>()` sorts its input with the standard stable
/// sort first: a copy of it per key type.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// A `BTreeSet` of the items, inserted one by one (see [`map_of`]).
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for t in items {
        set.insert(t);
    }
    set
}

/// The positions `0..n` in the order that sorts them by `compare`, stably: a bottom-up merge sort
/// whose first pass sorts runs of 8 by insertion. The one non-generic piece of this module.
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    const RUN: usize = 8;
    let mut a: Vec<usize> = (0..n).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && compare(run[j - 1], run[j]) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut b[start..end] {
                // Take from the right run only when it is strictly smaller: stability.
                if j < end && (i >= mid || compare(a[i], a[j]) == Ordering::Greater) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Puts `v[order[k]]` at position `k` for every `k`, in place, by following the permutation's
/// cycles with swaps. O(n); `order` is used up as the record of which positions are done.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == DONE || from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency): many sizes, many duplicate keys.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // the standard sort is the reference here
    fn equals_the_standard_stable_sort_on_every_size_and_many_duplicates() {
        let mut seed = 7;
        for n in (0..70).chain([127, 128, 129, 1000, 4099]) {
            for spread in [1, 3, 50, 1_000_000] {
                let v: Vec<(u64, usize)> = (0..n).map(|i| (lcg(&mut seed) % spread, i)).collect();
                let mut ours = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                let mut std = v.clone();
                std.sort_by_key(|p| p.0);
                assert_eq!(ours, std, "n = {n}, spread = {spread}");
            }
        }
    }

    #[test]
    fn sorts_descending_comparators_and_owned_values() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        assert_eq!(words, ["apple", "apple", "kiwi", "pear", "fig"]);
        let mut n = vec![5, -1, 3, 3, 0];
        sort(&mut n);
        assert_eq!(n, [-1, 0, 3, 3, 5]);
        let m = map_of([(2, 'a'), (1, 'b'), (2, 'c')]);
        assert_eq!(m.into_iter().collect::<Vec<_>>(), [(1, 'b'), (2, 'c')]);
        assert_eq!(set_of([3, 1, 3]).into_iter().collect::<Vec<_>>(), [1, 3]);
    }
}
