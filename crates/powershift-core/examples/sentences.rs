//! Prints the sentence of every change date of a dataset (default: the shipped story), to read
//! them as a reader would: `cargo run -p powershift-core --example sentences [FILE]`.
use powershift_core::model::Dataset;
use powershift_core::scene::{change_view, sentence, Counts};
use powershift_core::view::{apply, Action, ViewContext, ViewState};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "static/data/powershift.json".into());
    let ds = Dataset::from_json_str(&std::fs::read_to_string(path).expect("readable")).expect("valid");
    let ctx = ViewContext::of(&ds);
    let s0 = ViewState::initial(&ctx);
    for d in &ctx.change_dates {
        let s = apply(&s0, Action::SetDate(*d), &ctx);
        let n = ds.network_at(*d);
        let c = change_view(&ds, &ctx, &s);
        let t = sentence(
            &ds,
            &s,
            c.as_ref(),
            Counts { organisations: n.nodes.len(), in_force: n.edges.len(), shown: n.edges.len() },
        );
        println!("{} [{} words]", t.text, t.words());
    }
}
