//! Pym.js's message format (NPR's responsive-iframe library, 1.x), so the many newsroom templates
//! that already use `pym.Parent` size our frame unchanged: `pymxPYMx<id>xPYMx<type>xPYMx<message>`.
//! A child sends `height` on load and whenever its height changes, and answers the parent's `width`
//! with its height.

const DELIMITER: &str = "xPYMx";

/// A message in Pym's format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PymMessage {
    /// The child frame's id.
    pub id: String,
    /// The message type: `width`, `height`, `navigateTo`, `scrollToChildPos`, …
    pub kind: String,
    /// The payload.
    pub message: String,
}

/// The height message of child `id`.
///
/// ```
/// assert_eq!(powershift_core::embed::pym_height("ps", 812), "pymxPYMxpsxPYMxheightxPYMx812");
/// ```
pub fn pym_height(id: &str, height: u32) -> String {
    format!("pym{DELIMITER}{id}{DELIMITER}height{DELIMITER}{height}")
}

/// Parses a Pym message (None for anything else).
///
/// ```
/// use powershift_core::embed::parse_pym;
/// let m = parse_pym("pymxPYMxpsxPYMxwidthxPYMx600").unwrap();
/// assert_eq!((m.id.as_str(), m.kind.as_str(), m.message.as_str()), ("ps", "width", "600"));
/// assert!(parse_pym("{\"type\":\"powershift:play\"}").is_none());
/// ```
pub fn parse_pym(data: &str) -> Option<PymMessage> {
    let rest = data.strip_prefix("pym")?.strip_prefix(DELIMITER)?;
    let mut parts = rest.splitn(3, DELIMITER);
    let (id, kind, message) = (parts.next()?, parts.next()?, parts.next()?);
    (!id.is_empty() && !kind.is_empty()).then(|| PymMessage {
        id: id.into(),
        kind: kind.into(),
        message: message.into(),
    })
}
