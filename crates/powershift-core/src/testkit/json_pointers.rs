//! Every location in a JSON value, for property tests that replace one part of a valid dataset.

use serde_json::Value;

/// Every location (JSON pointer, RFC 6901) in `v`, `at` first, depth first. O(size of `v`).
///
/// ```
/// let v = serde_json::json!({"a": [1, {"b/c": 2}]});
/// assert_eq!(powershift_core::testkit::json_pointers::pointers(&v), ["", "/a", "/a/0", "/a/1", "/a/1/b~1c"]);
/// ```
pub fn pointers(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(v, String::new(), &mut out);
    out
}

fn walk(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(x, format!("{at}/{i}"), out)),
        Value::Object(m) => {
            m.iter().for_each(|(k, x)| walk(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        _ => {}
    }
}
