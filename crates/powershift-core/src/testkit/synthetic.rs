//! Synthetic datasets of any size, valid by construction, for benchmarks and stress tests of the
//! whole pipeline (validation, as-of queries, layouts, the page). Seeded: the same arguments give
//! the same file on every machine.

use serde_json::{json, Value};

use crate::network::rng::Lcg;

const KINDS: [&str; 6] = ["ai_lab", "cloud", "chipmaker", "investor", "software", "gpu_cloud"];
const REL_KINDS: [&str; 7] =
    ["investment", "cloud_compute", "licence", "product_integration", "chips", "partnership", "lawsuit"];

/// A dataset with `orgs` organisations and `relationships` relationships (each with one to three
/// phases and one event per phase) between 2015 and 2026, as JSON. O(orgs + relationships).
pub fn synthetic_dataset(orgs: u32, relationships: u32, seed: u32) -> Value {
    let mut rng = Lcg::new(seed);
    let organisations: Vec<Value> = (0..orgs)
        .map(|i| {
            json!({
                "id": format!("org{i}"),
                "name": format!("Organisation {i}"),
                "short_name": format!("Org {i}"),
                "kind": KINDS[(i % KINDS.len() as u32) as usize],
                "description": format!("Synthetic organisation number {i}."),
            })
        })
        .collect();
    let start = crate::date::Date::from_ymd(2015, 1, 1).expect("a real date").days();
    let end = crate::date::Date::from_ymd(2026, 6, 1).expect("a real date").days();
    let mut events = Vec::new();
    let mut rels = Vec::new();
    for r in 0..relationships {
        // Preferential attachment towards low ids gives hubs, like the real story.
        let a = rng.below(orgs);
        let hub = rng.below(orgs.max(2) / 2 + 1);
        let b = if hub == a { (a + 1) % orgs } else { hub };
        let n_phases = 1 + rng.below(3);
        let mut t = start + rng.below((end - start) as u32 - 400) as i32;
        let mut phases = Vec::new();
        for p in 0..n_phases {
            let id = format!("e{r}_{p}");
            let date = crate::date::Date::from_days(t);
            events.push(json!({
                "id": id,
                "date": date.to_string(),
                "title": format!("Deal {r}, step {p}"),
                "kinds": [REL_KINDS[(r % REL_KINDS.len() as u32) as usize]],
                "organisations": [format!("org{a}"), format!("org{b}")],
                "amounts": [{ "value": f64::from(1 + rng.below(1000)) * 1e7, "currency": "USD", "from": format!("org{a}"), "to": format!("org{b}") }],
                "summary": "A synthetic event.",
                "confidence": { "level": "confirmed" },
                "sources": [{ "publisher": "Synthetic", "kind": "other", "title": "Generated", "url": format!("https://example.com/{r}/{p}") }],
            }));
            let next = t + 30 + rng.below(900) as i32;
            let mut phase = json!({ "start": date.to_string(), "status": format!("terms {p}"), "events": [id] });
            if p + 1 < n_phases && next < end {
                phase["end"] = json!(crate::date::Date::from_days(next).to_string());
            } else if rng.next() < 0.3 && next < end {
                phase["end"] = json!(crate::date::Date::from_days(next).to_string());
                phases.push(phase);
                break;
            }
            phases.push(phase);
            if next >= end {
                break;
            }
            t = next;
        }
        rels.push(json!({
            "id": format!("r{r}"),
            "from": format!("org{a}"),
            "to": format!("org{b}"),
            "kind": REL_KINDS[(r % REL_KINDS.len() as u32) as usize],
            "label": format!("Deal {r}"),
            "phases": phases,
        }));
    }
    json!({
        "format_version": 1,
        "meta": { "title": format!("Synthetic story: {orgs} organisations, {relationships} relationships"), "as_of": "2026-06-01", "start": "2015-01-01" },
        "organisations": organisations,
        "events": events,
        "relationships": rels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn is_valid_and_deterministic() {
        let v = synthetic_dataset(200, 600, 1);
        let ds = Dataset::from_value(&v).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.organisations.len(), 200);
        assert_eq!(ds.relationships.len(), 600);
        assert_eq!(v, synthetic_dataset(200, 600, 1));
    }
}
