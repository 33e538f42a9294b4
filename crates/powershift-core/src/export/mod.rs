//! Getting the network out, on the core so the CLI and the page write the same files: the
//! relationships in force as CSV ([`table`]), the whole story as a dynamic GEXF graph for Gephi
//! ([`gexf`]), and the story as spreadsheet templates, written and imported ([`templates`]), over
//! an RFC 4180 reader and writer with a formula-injection guard ([`csv`]). The standalone SVG is
//! [`crate::svg::document`]; JSON is [`crate::snapshot`]. The page's Export menu makes
//! its files through [`reader_view`].

pub mod csv;
pub mod gexf;
pub mod reader_view;
pub mod table;
pub mod templates;
