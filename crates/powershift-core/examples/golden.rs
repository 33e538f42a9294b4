//! Prints the golden scenarios' positions as JSON (see `powershift_core::testkit::golden`).
fn main() {
    let cases: Vec<serde_json::Value> = powershift_core::testkit::golden::scenarios()
        .into_iter()
        .map(|(name, pos)| serde_json::json!({ "name": name, "positions": pos.iter().map(|p| [p.x, p.y]).collect::<Vec<_>>() }))
        .collect();
    println!("{}", serde_json::to_string_pretty(&cases).unwrap());
}
