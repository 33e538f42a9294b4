//! The page's linker map and relocations (issue 12 §1): `powershift site` reads where each static
//! of the page's module lies (the map) and which statics the code addresses from outside their
//! bounds (the relocations) to move the data only the rest of the module uses into the rest
//! (`crates/powershift-cli/src/data_split.rs`). Only the release WebAssembly link of
//! `powershift-app` asks for them; the map lands beside the linker's output
//! (`target/wasm32-unknown-unknown/release/`), the relocations in it (`powershift site` removes
//! them from the modules the page loads; wasm-opt warns that a "linking section is present").

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PROFILE");
    let release = std::env::var("PROFILE").as_deref() == Ok("release");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") || !release {
        return;
    }
    let Ok(out) = std::env::var("OUT_DIR") else { return };
    // OUT_DIR is <target>/<triple>/<profile>/build/powershift-<hash>/out.
    let Some(profile_dir) = std::path::Path::new(&out).ancestors().nth(3) else { return };
    let map = profile_dir.join("powershift-app.map");
    println!("cargo:rustc-link-arg-bin=powershift-app=--Map={}", map.display());
    println!("cargo:rustc-link-arg-bin=powershift-app=--emit-relocs");
}
