//! Drawing: data → SVG markup. No state, no hooks, nothing that touches the page; components put the
//! output into the DOM.

pub mod money_chart;
