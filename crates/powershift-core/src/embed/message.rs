//! Our own message protocol with the host page. Messages are JSON text (objects are accepted too,
//! after the platform layer turns them into text):
//!
//! | direction | message |
//! |---|---|
//! | host → app | `{"type":"powershift:set","view":{"date":"2019-07-22","select":"org:microsoft"}}` |
//! | host → app | `{"type":"powershift:play"}`, `{"type":"powershift:pause"}`, `{"type":"powershift:step","step":3}` |
//! | app → host | `{"type":"powershift:ready","view":{…}}` once the story shows |
//! | app → host | `{"type":"powershift:view","view":{…}}` when the reader changes the durable view |
//! | app → host | `{"type":"powershift:height","height":812}` on load and when the height changes |
//!
//! The view's keys and values are exactly the deep link's (`view::LINK_KEYS`). Anything malformed is
//! an error the caller logs once and otherwise ignores.

use serde_json::Value;

use crate::view::LINK_KEYS;

/// Messages longer than this are not read at all (a host has no reason to send more).
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

/// What a host page asks of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inbound {
    /// Set these deep-link keys (applied all or nothing by `view::set_link`).
    Set(Vec<(String, String)>),
    /// Start playing.
    Play,
    /// Stop playing.
    Pause,
    /// Go to story step N (1-based).
    Step(u32),
}

/// Parses a message from the host. `Ok(None)` for messages that are not ours (Pym's, other
/// libraries'), `Err` with a reason for ours that are malformed.
///
/// ```
/// use powershift_core::embed::{parse_inbound, Inbound};
/// let set = parse_inbound(r#"{"type":"powershift:set","view":{"date":"2019-07-22"}}"#).unwrap();
/// assert_eq!(set, Some(Inbound::Set(vec![("date".into(), "2019-07-22".into())])));
/// assert_eq!(parse_inbound("pymxPYMxpsxPYMxwidthxPYMx600").unwrap(), None);
/// assert!(parse_inbound(r#"{"type":"powershift:set","view":{"date":123}}"#).is_err());
/// ```
pub fn parse_inbound(data: &str) -> Result<Option<Inbound>, String> {
    if data.len() > MAX_MESSAGE_BYTES {
        return if data.contains("powershift:") {
            Err(format!("a message of {} bytes is over the limit of {MAX_MESSAGE_BYTES}", data.len()))
        } else {
            Ok(None)
        };
    }
    let trimmed = data.trim_start();
    if !trimmed.starts_with('{') {
        return if data.contains("powershift:") { Err("a message that is not a JSON object".into()) } else { Ok(None) };
    }
    let value: Value = match serde_json::from_str(data) {
        Ok(v) => v,
        Err(e) if data.contains("powershift:") => return Err(format!("a message that is not JSON: {e}")),
        Err(_) => return Ok(None),
    };
    let Some(kind) = value.get("type").and_then(Value::as_str) else { return Ok(None) };
    let Some(kind) = kind.strip_prefix("powershift:") else { return Ok(None) };
    match kind {
        "set" => {
            let view =
                value.get("view").and_then(Value::as_object).ok_or("powershift:set without a \"view\" object")?;
            let mut pairs = Vec::with_capacity(view.len());
            for (k, v) in view {
                if !LINK_KEYS.contains(&k.as_str()) {
                    return Err(format!(
                        "powershift:set: \"{k}\" is not a view key (expected one of {})",
                        LINK_KEYS.join(", ")
                    ));
                }
                let v = v.as_str().ok_or_else(|| format!("powershift:set: the value of \"{k}\" is not a string"))?;
                pairs.push((k.clone(), v.to_string()));
            }
            Ok(Some(Inbound::Set(pairs)))
        }
        "play" => Ok(Some(Inbound::Play)),
        "pause" => Ok(Some(Inbound::Pause)),
        "step" => {
            let n = value.get("step").and_then(Value::as_u64).filter(|n| (1..=10_000).contains(n));
            Ok(Some(Inbound::Step(n.ok_or("powershift:step: \"step\" must be a whole number from 1")? as u32)))
        }
        // The app's own outbound types, echoed back by a careless host: not an order.
        "ready" | "view" | "height" => Ok(None),
        other => Err(format!("unknown message type \"powershift:{other}\"")),
    }
}

/// The deep link's keys and values, in link order, for the `view` object.
pub fn view_pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// The message written by hand, not through `serde_json`'s writer: an embed sends it at load, and
/// the writer (its formatting and escaping tables) was the only one in the page's first download.
/// The keys in link order; a key given twice is written twice, and JSON readers (`JSON.parse`,
/// `serde_json`) keep the last, as the link does.
fn with_view(kind: &str, query: &str) -> String {
    let mut out = format!(r#"{{"type":"powershift:{kind}","view":{{"#);
    for (i, (k, v)) in view_pairs(query).iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(k, &mut out);
        out.push(':');
        json_string(v, &mut out);
    }
    out.push_str("}}");
    out
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it. O(length).
fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `{"type":"powershift:view","view":{…}}` for a deep link.
///
/// ```
/// assert_eq!(
///     powershift_core::embed::view_message("date=2019-07-22&select=org:microsoft"),
///     r#"{"type":"powershift:view","view":{"date":"2019-07-22","select":"org:microsoft"}}"#
/// );
/// ```
pub fn view_message(query: &str) -> String {
    with_view("view", query)
}

/// `{"type":"powershift:ready","view":{…}}`.
pub fn ready_message(query: &str) -> String {
    with_view("ready", query)
}

/// `{"type":"powershift:height","height":N}`.
pub fn height_message(height: u32) -> String {
    format!(r#"{{"type":"powershift:height","height":{height}}}"#)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    #[test]
    fn play_pause_and_step() {
        assert_eq!(parse_inbound(r#"{"type":"powershift:play"}"#), Ok(Some(Inbound::Play)));
        assert_eq!(parse_inbound(r#" {"type":"powershift:pause"}"#), Ok(Some(Inbound::Pause)));
        assert_eq!(parse_inbound(r#"{"type":"powershift:step","step":3}"#), Ok(Some(Inbound::Step(3))));
        assert!(parse_inbound(r#"{"type":"powershift:step","step":0}"#).is_err());
        assert!(parse_inbound(r#"{"type":"powershift:step","step":"3"}"#).is_err());
    }

    #[test]
    fn malformed_messages_of_ours_are_errors_and_others_are_not_ours() {
        for bad in [
            r#"{"type":"powershift:set"}"#,
            r#"{"type":"powershift:set","view":{"date":123}}"#,
            r#"{"type":"powershift:set","view":{"colour":"red"}}"#,
            r#"{"type":"powershift:set","view":["date"]}"#,
            r#"{"type":"powershift:explode"}"#,
            r#"{"type":"powershift:set", oops"#,
        ] {
            assert!(parse_inbound(bad).is_err(), "{bad}");
        }
        let huge = format!(r#"{{"type":"powershift:set","view":{{"q":"{}"}}}}"#, "x".repeat(MAX_MESSAGE_BYTES));
        assert!(parse_inbound(&huge).unwrap_err().contains("over the limit"));
        for theirs in ["hello", "", "{\"type\":\"other\"}", "{}", "[1,2]", "pymxPYMxaxPYMxheightxPYMx5", "{\"a\":1"] {
            assert_eq!(parse_inbound(theirs), Ok(None), "{theirs}");
        }
        // Our own outbound messages echoed back are not orders.
        assert_eq!(parse_inbound(&view_message("date=2019-07-22")), Ok(None));
        assert_eq!(parse_inbound(&height_message(5)), Ok(None));
    }

    #[test]
    fn outbound_messages_are_json_with_the_link_keys() {
        let v: Value = serde_json::from_str(&ready_message("date=2019-07&q=a+b")).unwrap();
        assert_eq!(v["type"], "powershift:ready");
        assert_eq!(v["view"]["date"], "2019-07");
        assert_eq!(v["view"]["q"], "a b");
        let h: Value = serde_json::from_str(&height_message(812)).unwrap();
        // Written by hand: read back, the very value serde_json would write, whatever the values hold.
        let q = "date=2019-07&q=%22quoted%22+back%5Cslash%0Aline%09tab%01%1F+caf%C3%A9+%E2%80%93&date=2020";
        let mut view = Map::new();
        for (k, v) in view_pairs(q) {
            view.insert(k, Value::String(v));
        }
        let mut m = Map::new();
        m.insert("type".into(), Value::String("powershift:view".into()));
        m.insert("view".into(), Value::Object(view));
        assert_eq!(serde_json::from_str::<Value>(&view_message(q)).unwrap(), Value::Object(m));
        assert_eq!((h["type"].as_str(), h["height"].as_u64()), (Some("powershift:height"), Some(812)));
    }
}
