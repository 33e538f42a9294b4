//! Mounts the app. Everything else lives in the library so tests can reach it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    powershift::run();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("powershift-app runs in the browser: use `scripts/serve.sh` (or `trunk serve`).");
}
