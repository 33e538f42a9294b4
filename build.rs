//! The page's linker map (issue 12 §1): `powershift site` reads where each static of the page's
//! module lies to move the data only the rest of the module uses into the rest
//! (`crates/powershift-cli/src/data_split.rs`). Only the WebAssembly link of `powershift-app`
//! writes one; it lands beside the linker's output (`target/wasm32-unknown-unknown/<profile>/`).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return;
    }
    let Ok(out) = std::env::var("OUT_DIR") else { return };
    // OUT_DIR is <target>/<triple>/<profile>/build/powershift-<hash>/out.
    let Some(profile_dir) = std::path::Path::new(&out).ancestors().nth(3) else { return };
    let map = profile_dir.join("powershift-app.map");
    println!("cargo:rustc-link-arg-bin=powershift-app=--Map={}", map.display());
}
