//! User Timing marks around the page's start (parse, prepare, each deferred panel), so a profile
//! of the first load (`bench/profile.mjs`, DevTools → Performance → Timings) names the phases the
//! main thread spends its time on. Natively (the server renderer, tests) nothing is recorded.

/// Runs `f` between two marks and records a `performance.measure` named `name`.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    mark(name);
    let out = f();
    measure(name);
    out
}

/// Marks the start of `name` (ended by [`measure`]).
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark(&format!("{name}:start"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Records `performance.measure(name)` from the [`mark`] of the same name (nothing without one).
pub fn measure(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.measure_with_start_mark(name, &format!("{name}:start"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}
