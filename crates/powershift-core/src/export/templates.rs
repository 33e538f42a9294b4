//! Spreadsheet authoring: a story as a folder of CSV files (the templates in `docs/templates/`,
//! described in `docs/data-format.md`), written from a dataset ([`write_templates`]) and read back
//! ([`import`]) with every problem at its file, row and column. `import(write_templates(d)) == d`.
//!
//! | file | one row per | required |
//! |---|---|---|
//! | `story.csv` | field of `meta` (`field,value`; `note` may repeat) | yes |
//! | `organisations.csv` | organisation | yes |
//! | `events.csv` | event | yes |
//! | `sources.csv` | source, naming its `event` | yes |
//! | `relationships.csv` | phase of a relationship (the relationship's columns repeat) | yes |
//! | `amounts.csv` | money figure, naming its `event` | no |
//! | `conflicts.csv` | competing value (`event`, `conflict` number, `about`, `value`, `note`) | no |
//! | `steps.csv` | step of the guided story, in reading order (`title`, `text`, and its view) | no |
//!
//! Lists in one cell (`kinds`, `organisations`, `events`, `qualifiers`, `alternatives`) are
//! separated by `;`. Rows are numbered as a spreadsheet shows them: the header is row 1.
//! The import builds the JSON format and runs the core validator on it, so every rule of the
//! format applies; its problems are mapped back to the cell they come from.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde_json::{json, Map, Value};

use super::csv::{parse, record, Row};
use crate::model::{Dataset, LoadError};

/// A file of the folder: its name, its columns, which of them must be in the header, and whether
/// the file itself must exist.
#[derive(Clone, Copy, Debug)]
pub struct TemplateFile {
    /// File name.
    pub name: &'static str,
    /// Columns in the order written.
    pub columns: &'static [&'static str],
    /// Columns the header must have.
    pub required_columns: &'static [&'static str],
    /// Whether the file must exist.
    pub required: bool,
}

/// `story.csv`.
pub const STORY: TemplateFile = TemplateFile {
    name: "story.csv",
    columns: &["field", "value"],
    required_columns: &["field", "value"],
    required: true,
};
/// `organisations.csv`.
pub const ORGANISATIONS: TemplateFile = TemplateFile {
    name: "organisations.csv",
    columns: &["id", "name", "short_name", "kind", "description", "founded"],
    required_columns: &["id", "name", "short_name", "kind", "description"],
    required: true,
};
/// `events.csv`.
pub const EVENTS: TemplateFile = TemplateFile {
    name: "events.csv",
    columns: &[
        "id",
        "date",
        "end",
        "date_note",
        "title",
        "kinds",
        "organisations",
        "summary",
        "confidence",
        "confidence_note",
    ],
    required_columns: &["id", "date", "title", "kinds", "organisations", "summary", "confidence"],
    required: true,
};
/// `sources.csv`.
pub const SOURCES: TemplateFile = TemplateFile {
    name: "sources.csv",
    columns: &["event", "publisher", "kind", "title", "url", "date", "note", "independent"],
    required_columns: &["event", "publisher", "kind", "title", "url"],
    required: true,
};
/// `relationships.csv`.
pub const RELATIONSHIPS: TemplateFile = TemplateFile {
    name: "relationships.csv",
    columns: &[
        "id",
        "from",
        "to",
        "kind",
        "directed",
        "label",
        "start",
        "start_uncertain",
        "end",
        "end_scheduled",
        "status",
        "state",
        "confidence",
        "summary",
        "events",
    ],
    required_columns: &["id", "from", "to", "kind", "label", "start", "status", "events"],
    required: true,
};
/// `amounts.csv`.
pub const AMOUNTS: TemplateFile = TemplateFile {
    name: "amounts.csv",
    columns: &["event", "value", "currency", "qualifiers", "from", "to", "label", "alternatives"],
    required_columns: &["event", "value", "currency"],
    required: false,
};
/// `conflicts.csv`.
pub const CONFLICTS: TemplateFile = TemplateFile {
    name: "conflicts.csv",
    columns: &["event", "conflict", "about", "value", "note"],
    required_columns: &["event", "conflict", "about", "value"],
    required: false,
};

/// `steps.csv`: one row per story step; `date`, `select`, `focus` and `hide` are its view.
pub const STEPS: TemplateFile = TemplateFile {
    name: "steps.csv",
    columns: &["title", "text", "date", "select", "focus", "hide"],
    required_columns: &["title", "text", "date"],
    required: false,
};

/// Every file, in the order they are written and read.
pub const FILES: [TemplateFile; 8] = [STORY, ORGANISATIONS, EVENTS, SOURCES, RELATIONSHIPS, AMOUNTS, CONFLICTS, STEPS];

/// The relationship's own columns, repeated on every phase row.
const REL_COLUMNS: [&str; 6] = ["id", "from", "to", "kind", "directed", "label"];

/// The dataset as the CSV files (name, text), every file with its header. O(size).
pub fn write_templates(ds: &Dataset) -> Vec<(&'static str, String)> {
    let m = &ds.meta;
    let mut story = record(STORY.columns);
    let mut kv = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            story.push_str(&record(&[k.to_string(), v]));
        }
    };
    kv("title", Some(m.title.clone()));
    kv("subtitle", m.subtitle.clone());
    kv("headline", m.headline.clone());
    kv("description", m.description.clone());
    kv("as_of", Some(m.as_of.to_string()));
    kv("start", m.start.map(|d| d.to_string()));
    kv("credit", m.credit.clone());
    for n in &m.notes {
        kv("note", Some(n.clone()));
    }

    let opt = |d: Option<crate::date::FuzzyDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut orgs = record(ORGANISATIONS.columns);
    for o in &ds.organisations {
        orgs.push_str(&record(&[
            o.id.clone(),
            o.name.clone(),
            o.short_name.clone(),
            o.kind.as_str().to_string(),
            o.description.clone(),
            opt(o.founded),
        ]));
    }
    let (mut events, mut sources, mut amounts, mut conflicts) =
        (record(EVENTS.columns), record(SOURCES.columns), record(AMOUNTS.columns), record(CONFLICTS.columns));
    let ids = |xs: &mut dyn Iterator<Item = String>| xs.collect::<Vec<_>>().join(";");
    for e in &ds.events {
        events.push_str(&record(&[
            e.id.clone(),
            e.date.to_string(),
            opt(e.end),
            e.date_note.clone().unwrap_or_default(),
            e.title.clone(),
            ids(&mut e.kinds.iter().map(|k| k.as_str().to_string())),
            ids(&mut e.organisations.iter().map(|o| ds.org(*o).id.clone())),
            e.summary.clone(),
            e.confidence.level.as_str().to_string(),
            e.confidence.note.clone().unwrap_or_default(),
        ]));
        for s in &e.sources {
            sources.push_str(&record(&[
                e.id.clone(),
                s.publisher.clone(),
                s.kind.as_str().to_string(),
                s.title.clone(),
                s.url.clone(),
                opt(s.date),
                s.note.clone().unwrap_or_default(),
                if s.independent { String::new() } else { "false".to_string() },
            ]));
        }
        for a in &e.amounts {
            amounts.push_str(&record(&[
                e.id.clone(),
                a.value.to_string(),
                a.currency.clone(),
                ids(&mut a.qualifiers.iter().map(|q| q.as_str().to_string())),
                a.from.map(|o| ds.org(o).id.clone()).unwrap_or_default(),
                a.to.map(|o| ds.org(o).id.clone()).unwrap_or_default(),
                a.label.clone().unwrap_or_default(),
                ids(&mut a.alternatives.iter().map(|x| x.to_string())),
            ]));
        }
        for (k, c) in e.confidence.conflicts.iter().enumerate() {
            for v in &c.values {
                conflicts.push_str(&record(&[
                    e.id.clone(),
                    (k + 1).to_string(),
                    c.about.as_str().to_string(),
                    v.clone(),
                    c.note.clone().unwrap_or_default(),
                ]));
            }
        }
    }
    let mut rels = record(RELATIONSHIPS.columns);
    for r in &ds.relationships {
        for p in &r.phases {
            let flag = |b: bool| if b { "true".to_string() } else { String::new() };
            rels.push_str(&record(&[
                r.id.clone(),
                ds.org(r.from).id.clone(),
                ds.org(r.to).id.clone(),
                r.kind.as_str().to_string(),
                r.directed.to_string(),
                r.label.clone(),
                p.start.to_string(),
                flag(p.start_uncertain),
                opt(p.end),
                flag(p.end_scheduled),
                p.status.clone(),
                p.state.as_str().to_string(),
                p.confidence.as_str().to_string(),
                p.summary.clone().unwrap_or_default(),
                ids(&mut p.events.iter().map(|e| ds.event(*e).id.clone())),
            ]));
        }
    }
    let mut steps = record(STEPS.columns);
    for st in &ds.story {
        let v = &st.view;
        steps.push_str(&record(&[
            st.title.clone(),
            st.text.clone(),
            v.date.to_string(),
            v.select.clone().unwrap_or_default(),
            v.focus.clone().unwrap_or_default(),
            v.hide.clone().unwrap_or_default(),
        ]));
    }
    vec![
        (STORY.name, story),
        (ORGANISATIONS.name, orgs),
        (EVENTS.name, events),
        (SOURCES.name, sources),
        (RELATIONSHIPS.name, rels),
        (AMOUNTS.name, amounts),
        (CONFLICTS.name, conflicts),
        (STEPS.name, steps),
    ]
}

/// A problem with a place in the CSV files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// File name (`events.csv`), or `None` for the dataset as a whole.
    pub file: Option<String>,
    /// 1-based row (the header is row 1).
    pub row: Option<usize>,
    /// Column name.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => f.write_str(file)?,
            None => f.write_str("(dataset)")?,
        }
        if let Some(r) = self.row {
            write!(f, " row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column \"{c}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl From<CsvProblem> for crate::model::Problem {
    /// The problem as the page lists a dataset's: its place (`events.csv row 3, column "date"`) as
    /// the path, `(files)` when it has none.
    fn from(p: CsvProblem) -> Self {
        let text = p.to_string();
        match text.split_once(": ") {
            Some((place, message)) => crate::model::Problem { path: place.to_string(), message: message.to_string() },
            None => crate::model::Problem { path: "(files)".into(), message: text },
        }
    }
}

/// Where a value of the built JSON came from.
#[derive(Clone, Debug)]
struct Loc {
    file: &'static str,
    row: Option<usize>,
    column: Option<&'static str>,
}

/// A parsed file: header positions and data rows.
struct Table {
    file: TemplateFile,
    index: HashMap<String, usize>,
    rows: Vec<Row>,
}

impl Table {
    fn cell<'a>(&self, row: &'a Row, column: &str) -> &'a str {
        self.index.get(column).and_then(|&i| row.fields.get(i)).map_or("", |s| s.as_str())
    }
}

/// Collects problems and the JSON-path → cell map.
#[derive(Default)]
struct Importer {
    problems: Vec<CsvProblem>,
    places: HashMap<String, Loc>,
}

impl Importer {
    fn problem(&mut self, file: &str, row: Option<usize>, column: Option<&str>, message: impl Into<String>) {
        self.problems.push(CsvProblem {
            file: Some(file.to_string()),
            row,
            column: column.map(str::to_string),
            message: message.into(),
        });
    }

    fn place(&mut self, path: String, file: &'static str, row: Option<usize>, column: Option<&'static str>) {
        self.places.insert(path, Loc { file, row, column });
    }

    fn table(&mut self, file: TemplateFile, text: Option<&str>) -> Option<Table> {
        let Some(text) = text else {
            if file.required {
                self.problem(file.name, None, None, "the file is missing");
            }
            return None;
        };
        let rows = match parse(text) {
            Ok(rows) => rows,
            Err((row, message)) => {
                self.problem(file.name, Some(row), None, format!("not valid CSV: {message}"));
                return None;
            }
        };
        let mut rows = rows.into_iter();
        let Some(header) = rows.next() else {
            self.problem(
                file.name,
                Some(1),
                None,
                format!("the file is empty; the header is {}", file.columns.join(",")),
            );
            return None;
        };
        let mut index = HashMap::new();
        for (i, h) in header.fields.iter().enumerate() {
            let h = h.trim();
            if !file.columns.contains(&h) {
                self.problem(
                    file.name,
                    Some(1),
                    Some(h),
                    format!("unknown column; the columns are {}", file.columns.join(", ")),
                );
            } else if index.insert(h.to_string(), i).is_some() {
                self.problem(file.name, Some(1), Some(h), "the column appears twice");
            }
        }
        for c in file.required_columns {
            if !index.contains_key(*c) {
                self.problem(file.name, Some(1), Some(c), "the column is missing");
            }
        }
        let rows: Vec<Row> = rows.collect();
        for r in &rows {
            if r.fields.len() > header.fields.len() {
                self.problem(
                    file.name,
                    Some(r.row),
                    None,
                    format!("has {} cells but the header has {}", r.fields.len(), header.fields.len()),
                );
            }
        }
        // The table is still read (a missing column reads as empty cells), so the other files'
        // references to it are checked and not reported as missing too.
        Some(Table { file, index, rows })
    }

    /// A text cell into `obj[key]` (left out when empty), with its place.
    fn text(&mut self, obj: &mut Map<String, Value>, key: &str, t: &Table, row: &Row, col: &'static str, path: &str) {
        self.place(format!("{path}.{key}"), t.file.name, Some(row.row), Some(col));
        let v = t.cell(row, col);
        if !v.is_empty() {
            obj.insert(key.to_string(), json!(v));
        }
    }

    /// A token cell (an id, a kind, a date): trimmed.
    fn token(&mut self, obj: &mut Map<String, Value>, key: &str, t: &Table, row: &Row, col: &'static str, path: &str) {
        self.place(format!("{path}.{key}"), t.file.name, Some(row.row), Some(col));
        let v = t.cell(row, col).trim();
        if !v.is_empty() {
            obj.insert(key.to_string(), json!(v));
        }
    }

    /// A `;`-separated list cell (left out when empty).
    fn list(&mut self, obj: &mut Map<String, Value>, key: &str, t: &Table, row: &Row, col: &'static str, path: &str) {
        self.place(format!("{path}.{key}"), t.file.name, Some(row.row), Some(col));
        let items = split_list(t.cell(row, col));
        if !items.is_empty() {
            obj.insert(key.to_string(), json!(items));
        }
    }

    /// A true/false cell (left out when empty).
    fn flag(&mut self, obj: &mut Map<String, Value>, key: &str, t: &Table, row: &Row, col: &'static str, path: &str) {
        self.place(format!("{path}.{key}"), t.file.name, Some(row.row), Some(col));
        let v = t.cell(row, col).trim();
        match v.to_ascii_lowercase().as_str() {
            "" => {}
            "true" | "yes" => {
                obj.insert(key.to_string(), json!(true));
            }
            "false" | "no" => {
                obj.insert(key.to_string(), json!(false));
            }
            _ => self.problem(t.file.name, Some(row.row), Some(col), format!("\"{v}\" is not true or false")),
        }
    }

    fn number(&mut self, t: &Table, row: &Row, col: &'static str, v: &str) -> Option<f64> {
        match v.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Some(x),
            _ => {
                self.problem(
                    t.file.name,
                    Some(row.row),
                    Some(col),
                    format!("\"{v}\" is not a number (digits only, e.g. 1000000000 for one billion)"),
                );
                None
            }
        }
    }
}

/// A conflict being read: its number, its fields, its values.
type Conflict = (String, Map<String, Value>, Vec<String>);
/// A relationship being read: its id, its first row, its fields, its phases.
type Rel = (String, usize, Map<String, Value>, Vec<Value>);

fn split_list(s: &str) -> Vec<&str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).collect()
}

/// Reads a folder of CSV files (`read(name)` gives a file's text, `None` when it does not exist)
/// into a validated dataset, or every problem with its file, row and column: those of the CSV
/// itself (columns, numbers, flags, references between files), then the core validator's on the
/// dataset they describe, mapped back to their cells. O(size).
pub fn import(read: &dyn Fn(&str) -> Option<String>) -> Result<Dataset, Vec<CsvProblem>> {
    import_with_json(read).map(|(ds, _)| ds)
}

/// [`import`], with the dataset also as JSON text in the format of `docs/data-format.md` (what the
/// page's tools module hands back to the page, which reads it like a dataset it fetched).
/// `Dataset::from_json_str(&text) == Ok(dataset)`.
pub fn import_json(read: &dyn Fn(&str) -> Option<String>) -> Result<(Dataset, String), Vec<CsvProblem>> {
    import_with_json(read).map(|(ds, value)| (ds, value.to_string()))
}

fn import_with_json(read: &dyn Fn(&str) -> Option<String>) -> Result<(Dataset, Value), Vec<CsvProblem>> {
    let mut im = Importer::default();
    let texts: Vec<Option<String>> = FILES.iter().map(|f| read(f.name)).collect();
    let tables: Vec<Option<Table>> = FILES.iter().zip(&texts).map(|(f, t)| im.table(*f, t.as_deref())).collect();
    let tables_read: Vec<bool> = tables.iter().map(Option::is_some).collect();
    let [story, orgs, events, sources, rels, amounts, conflicts, steps] = match <[Option<Table>; 8]>::try_from(tables) {
        Ok(t) => t,
        Err(_) => unreachable!("eight files"),
    };

    // meta
    let mut meta = Map::new();
    let mut notes = Vec::new();
    im.place("meta".into(), STORY.name, None, None);
    if let Some(t) = &story {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for row in &t.rows {
            let field = t.cell(row, "field").trim();
            let value = t.cell(row, "value");
            let known = ["title", "subtitle", "headline", "description", "as_of", "start", "credit", "note"];
            if !known.contains(&field) {
                im.problem(
                    STORY.name,
                    Some(row.row),
                    Some("field"),
                    format!("\"{field}\" is not a field of the story; the fields are {}", known.join(", ")),
                );
                continue;
            }
            if field == "note" {
                im.place(format!("meta.notes[{}]", notes.len()), STORY.name, Some(row.row), Some("value"));
                notes.push(value.to_string());
                continue;
            }
            if let Some(first) = seen.insert(field.to_string(), row.row) {
                im.problem(
                    STORY.name,
                    Some(row.row),
                    Some("field"),
                    format!("\"{field}\" is already given in row {first}"),
                );
                continue;
            }
            im.place(format!("meta.{field}"), STORY.name, Some(row.row), Some("value"));
            if !value.is_empty() {
                let v = if matches!(field, "as_of" | "start") { value.trim() } else { value };
                meta.insert(field.to_string(), json!(v));
            }
        }
    }
    if !notes.is_empty() {
        meta.insert("notes".into(), json!(notes));
    }

    // organisations
    let mut org_list = Vec::new();
    if let Some(t) = &orgs {
        for (i, row) in t.rows.iter().enumerate() {
            let path = format!("organisations[{i}]");
            im.place(path.clone(), ORGANISATIONS.name, Some(row.row), None);
            let mut o = Map::new();
            im.token(&mut o, "id", t, row, "id", &path);
            im.text(&mut o, "name", t, row, "name", &path);
            im.text(&mut o, "short_name", t, row, "short_name", &path);
            im.token(&mut o, "kind", t, row, "kind", &path);
            im.text(&mut o, "description", t, row, "description", &path);
            im.token(&mut o, "founded", t, row, "founded", &path);
            org_list.push(Value::Object(o));
        }
    }

    // events, with their sources, amounts and conflicts
    let mut event_list: Vec<Map<String, Value>> = Vec::new();
    let mut event_rows: Vec<usize> = Vec::new();
    let mut event_ix: HashMap<String, usize> = HashMap::new();
    if let Some(t) = &events {
        for (i, row) in t.rows.iter().enumerate() {
            let path = format!("events[{i}]");
            im.place(path.clone(), EVENTS.name, Some(row.row), None);
            let mut e = Map::new();
            im.token(&mut e, "id", t, row, "id", &path);
            im.token(&mut e, "date", t, row, "date", &path);
            im.token(&mut e, "end", t, row, "end", &path);
            im.text(&mut e, "date_note", t, row, "date_note", &path);
            im.text(&mut e, "title", t, row, "title", &path);
            im.list(&mut e, "kinds", t, row, "kinds", &path);
            im.list(&mut e, "organisations", t, row, "organisations", &path);
            im.text(&mut e, "summary", t, row, "summary", &path);
            let mut c = Map::new();
            im.place(format!("{path}.confidence"), EVENTS.name, Some(row.row), Some("confidence"));
            im.token(&mut c, "level", t, row, "confidence", &format!("{path}.confidence"));
            im.text(&mut c, "note", t, row, "confidence_note", &format!("{path}.confidence"));
            im.place(format!("{path}.confidence.conflicts"), EVENTS.name, Some(row.row), Some("confidence"));
            e.insert("confidence".into(), Value::Object(c));
            let id = t.cell(row, "id").trim().to_string();
            event_ix.entry(id).or_insert(i);
            event_list.push(e);
            event_rows.push(row.row);
        }
    }
    let owner = |im: &mut Importer, t: &Table, row: &Row| -> Option<usize> {
        let id = t.cell(row, "event").trim();
        let found = event_ix.get(id).copied();
        if found.is_none() {
            let msg = if id.is_empty() {
                "is empty; name the event's id from events.csv".to_string()
            } else {
                format!("\"{id}\" is not an event id in events.csv")
            };
            im.problem(t.file.name, Some(row.row), Some("event"), msg);
        }
        found
    };
    let mut source_lists: Vec<Vec<Value>> = vec![Vec::new(); event_list.len()];
    if let Some(t) = &sources {
        for row in &t.rows {
            let Some(i) = owner(&mut im, t, row) else { continue };
            let path = format!("events[{i}].sources[{}]", source_lists[i].len());
            im.place(path.clone(), SOURCES.name, Some(row.row), None);
            let mut s = Map::new();
            im.text(&mut s, "publisher", t, row, "publisher", &path);
            im.token(&mut s, "kind", t, row, "kind", &path);
            im.text(&mut s, "title", t, row, "title", &path);
            im.token(&mut s, "url", t, row, "url", &path);
            im.token(&mut s, "date", t, row, "date", &path);
            im.text(&mut s, "note", t, row, "note", &path);
            im.flag(&mut s, "independent", t, row, "independent", &path);
            // `true` is the default: leave it out, as the JSON writer does.
            if s.get("independent") == Some(&json!(true)) {
                s.remove("independent");
            }
            source_lists[i].push(Value::Object(s));
        }
    }
    let mut amount_lists: Vec<Vec<Value>> = vec![Vec::new(); event_list.len()];
    if let Some(t) = &amounts {
        for row in &t.rows {
            let Some(i) = owner(&mut im, t, row) else { continue };
            let path = format!("events[{i}].amounts[{}]", amount_lists[i].len());
            im.place(path.clone(), AMOUNTS.name, Some(row.row), None);
            let mut a = Map::new();
            im.place(format!("{path}.value"), AMOUNTS.name, Some(row.row), Some("value"));
            let v = t.cell(row, "value");
            if !v.trim().is_empty() {
                if let Some(x) = im.number(t, row, "value", v) {
                    a.insert("value".into(), json!(x));
                }
            }
            im.token(&mut a, "currency", t, row, "currency", &path);
            im.list(&mut a, "qualifiers", t, row, "qualifiers", &path);
            im.token(&mut a, "from", t, row, "from", &path);
            im.token(&mut a, "to", t, row, "to", &path);
            im.text(&mut a, "label", t, row, "label", &path);
            im.place(format!("{path}.alternatives"), AMOUNTS.name, Some(row.row), Some("alternatives"));
            let alts: Vec<f64> = split_list(t.cell(row, "alternatives"))
                .into_iter()
                .filter_map(|x| im.number(t, row, "alternatives", x))
                .collect();
            if !alts.is_empty() {
                a.insert("alternatives".into(), json!(alts));
            }
            amount_lists[i].push(Value::Object(a));
        }
    }
    // Conflicts: rows of one (event, conflict number) are one conflict, in order of first row.
    let mut conflict_lists: Vec<Vec<Conflict>> = vec![Vec::new(); event_list.len()];
    if let Some(t) = &conflicts {
        for row in &t.rows {
            let Some(i) = owner(&mut im, t, row) else { continue };
            let number = t.cell(row, "conflict").trim().to_string();
            if number.parse::<u32>().map_or(true, |n| n == 0) {
                im.problem(
                    CONFLICTS.name,
                    Some(row.row),
                    Some("conflict"),
                    format!("\"{number}\" is not a conflict number (1, 2, … within the event)"),
                );
                continue;
            }
            let k = match conflict_lists[i].iter().position(|c| c.0 == number) {
                Some(k) => k,
                None => {
                    let k = conflict_lists[i].len();
                    let path = format!("events[{i}].confidence.conflicts[{k}]");
                    im.place(path.clone(), CONFLICTS.name, Some(row.row), None);
                    let mut c = Map::new();
                    im.token(&mut c, "about", t, row, "about", &path);
                    im.text(&mut c, "note", t, row, "note", &path);
                    im.place(format!("{path}.values"), CONFLICTS.name, Some(row.row), Some("value"));
                    conflict_lists[i].push((number.clone(), c, Vec::new()));
                    k
                }
            };
            let entry = &mut conflict_lists[i][k];
            for col in ["about", "note"] {
                let first = entry.1.get(col).and_then(|v| v.as_str()).unwrap_or("");
                let here = t.cell(row, col);
                let here = if col == "about" { here.trim() } else { here };
                if !here.is_empty() && here != first {
                    im.problem(
                        CONFLICTS.name,
                        Some(row.row),
                        Some(col),
                        format!("\"{here}\" differs from the first row of conflict {number} (\"{first}\")"),
                    );
                }
            }
            let path = format!("events[{i}].confidence.conflicts[{k}].values[{}]", entry.2.len());
            im.place(path, CONFLICTS.name, Some(row.row), Some("value"));
            entry.2.push(t.cell(row, "value").to_string());
        }
    }
    let mut event_values = Vec::new();
    for (i, mut e) in event_list.into_iter().enumerate() {
        if sources.is_some() && source_lists[i].is_empty() {
            let id = e.get("id").and_then(|v| v.as_str()).unwrap_or("").to_string();
            im.problem(
                EVENTS.name,
                Some(event_rows[i]),
                Some("id"),
                format!("the event \"{id}\" has no source; add a row for it to sources.csv"),
            );
        }
        e.insert("sources".into(), Value::Array(std::mem::take(&mut source_lists[i])));
        if !amount_lists[i].is_empty() {
            e.insert("amounts".into(), Value::Array(std::mem::take(&mut amount_lists[i])));
        }
        if !conflict_lists[i].is_empty() {
            let list: Vec<Value> = std::mem::take(&mut conflict_lists[i])
                .into_iter()
                .map(|(_, mut c, values)| {
                    c.insert("values".into(), json!(values));
                    Value::Object(c)
                })
                .collect();
            if let Some(Value::Object(c)) = e.get_mut("confidence") {
                c.insert("conflicts".into(), Value::Array(list));
            }
        }
        event_values.push(Value::Object(e));
    }

    // relationships: rows of one id are its phases, in row order
    let mut rel_list: Vec<Rel> = Vec::new();
    if let Some(t) = &rels {
        for row in &t.rows {
            let id = t.cell(row, "id").trim().to_string();
            let i = match rel_list.iter().position(|r| r.0 == id && !id.is_empty()) {
                Some(i) => {
                    let first_row = rel_list[i].1;
                    let first = t.rows.iter().find(|r| r.row == first_row).expect("the first row");
                    for col in REL_COLUMNS.iter().skip(1) {
                        let (a, b) = (t.cell(first, col).trim(), t.cell(row, col).trim());
                        if !b.is_empty() && a != b {
                            im.problem(
                                RELATIONSHIPS.name,
                                Some(row.row),
                                Some(col),
                                format!("\"{b}\" differs from the relationship's first row {first_row} (\"{a}\"); every phase row of a relationship has the same id, from, to, kind, directed and label"),
                            );
                        }
                    }
                    i
                }
                None => {
                    let i = rel_list.len();
                    let path = format!("relationships[{i}]");
                    im.place(path.clone(), RELATIONSHIPS.name, Some(row.row), None);
                    im.place(format!("{path}.phases"), RELATIONSHIPS.name, Some(row.row), None);
                    let mut r = Map::new();
                    im.token(&mut r, "id", t, row, "id", &path);
                    im.token(&mut r, "from", t, row, "from", &path);
                    im.token(&mut r, "to", t, row, "to", &path);
                    im.token(&mut r, "kind", t, row, "kind", &path);
                    im.flag(&mut r, "directed", t, row, "directed", &path);
                    im.text(&mut r, "label", t, row, "label", &path);
                    rel_list.push((id, row.row, r, Vec::new()));
                    i
                }
            };
            let path = format!("relationships[{i}].phases[{}]", rel_list[i].3.len());
            im.place(path.clone(), RELATIONSHIPS.name, Some(row.row), None);
            let mut p = Map::new();
            im.token(&mut p, "start", t, row, "start", &path);
            im.flag(&mut p, "start_uncertain", t, row, "start_uncertain", &path);
            im.token(&mut p, "end", t, row, "end", &path);
            im.flag(&mut p, "end_scheduled", t, row, "end_scheduled", &path);
            im.text(&mut p, "status", t, row, "status", &path);
            im.token(&mut p, "state", t, row, "state", &path);
            im.token(&mut p, "confidence", t, row, "confidence", &path);
            im.text(&mut p, "summary", t, row, "summary", &path);
            im.list(&mut p, "events", t, row, "events", &path);
            // Flags that are false are the default: leave them out, as the JSON writer does.
            for f in ["start_uncertain", "end_scheduled"] {
                if p.get(f) == Some(&json!(false)) {
                    p.remove(f);
                }
            }
            rel_list[i].3.push(Value::Object(p));
        }
    }
    let rel_values: Vec<Value> = rel_list
        .into_iter()
        .map(|(_, _, mut r, phases)| {
            r.insert("phases".into(), Value::Array(phases));
            Value::Object(r)
        })
        .collect();

    // story steps: one row each, in reading order
    let mut step_values = Vec::new();
    if let Some(t) = &steps {
        for row in &t.rows {
            let path = format!("story[{}]", step_values.len());
            im.place(path.clone(), STEPS.name, Some(row.row), None);
            let mut st = Map::new();
            im.text(&mut st, "title", t, row, "title", &path);
            im.text(&mut st, "text", t, row, "text", &path);
            let view_path = format!("{path}.view");
            im.place(view_path.clone(), STEPS.name, Some(row.row), Some("date"));
            let mut view = Map::new();
            im.token(&mut view, "date", t, row, "date", &view_path);
            im.token(&mut view, "select", t, row, "select", &view_path);
            im.token(&mut view, "focus", t, row, "focus", &view_path);
            im.token(&mut view, "hide", t, row, "hide", &view_path);
            st.insert("view".into(), Value::Object(view));
            step_values.push(Value::Object(st));
        }
    }

    let mut value = json!({
        "format_version": crate::model::FORMAT_VERSION,
        "meta": meta,
        "organisations": org_list,
        "events": event_values,
        "relationships": rel_values,
    });
    if !step_values.is_empty() {
        value["story"] = Value::Array(step_values);
    }
    // A missing or unparseable file makes every reference to it a problem: until it is fixed,
    // only the CSV problems are reported.
    let files_ok =
        FILES.iter().zip(&texts).zip(&tables_read).all(|((f, t), read)| (t.is_none() && !f.required) || *read);
    match Dataset::from_value(&value) {
        Ok(ds) if im.problems.is_empty() => Ok((ds, value)),
        Ok(_) => Err(im.problems),
        Err(e) => {
            if !files_ok {
                return Err(im.problems);
            }
            let problems = match e {
                LoadError::Invalid(p) => p,
                other => other.problems(),
            };
            let mut out = im.problems.clone();
            for p in problems {
                let mapped = im.map(&p.path, &p.message);
                // A cell the CSV checks already reported is not reported twice.
                // Nor is a cell of a column whose header was reported.
                let dup = im.problems.iter().any(|q| {
                    q.file == mapped.file
                        && ((q.row == mapped.row && (q.column == mapped.column || mapped.column.is_none()))
                            || (q.row == Some(1) && q.column.is_some() && q.column == mapped.column))
                });
                if !dup {
                    out.push(mapped);
                }
            }
            Err(out)
        }
    }
}

impl Importer {
    /// A core problem at a JSON path, at the cell it came from: the longest prefix of the path
    /// with a known place; what is left of the path is named in the message.
    fn map(&self, path: &str, message: &str) -> CsvProblem {
        let mut p = path.to_string();
        let mut rest: Vec<String> = Vec::new();
        loop {
            if let Some(loc) = self.places.get(&p) {
                let message =
                    if rest.is_empty() { message.to_string() } else { format!("{}: {message}", rest.join("")) };
                let message = message.trim_start_matches('.').to_string();
                return CsvProblem {
                    file: Some(loc.file.to_string()),
                    row: loc.row,
                    column: loc.column.map(str::to_string),
                    message,
                };
            }
            // Drop the last segment: `[n]` or `.key`.
            let cut = if p.ends_with(']') { p.rfind('[') } else { p.rfind('.') };
            match cut {
                Some(i) if i > 0 => {
                    // An item of a list cell is the cell itself.
                    if !p[i..].starts_with('[') {
                        rest.insert(0, p[i..].to_string());
                    }
                    p.truncate(i);
                }
                _ => return CsvProblem { file: None, row: None, column: None, message: format!("{path}: {message}") },
            }
        }
    }
}

/// The templates as a map of file name → text (for tests and the CLI).
pub fn templates_map(ds: &Dataset) -> BTreeMap<String, String> {
    write_templates(ds).into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(ds: &Dataset) -> Result<Dataset, Vec<CsvProblem>> {
        let files = templates_map(ds);
        import(&|name| files.get(name).cloned())
    }

    #[test]
    fn the_shipped_story_survives_export_and_import() {
        let ds = Dataset::from_json_str(include_str!("../../../../static/data/powershift.json")).unwrap();
        assert_eq!(round_trip(&ds).unwrap(), ds);
    }

    #[test]
    fn problems_name_file_row_and_column() {
        let ds = Dataset::from_json_str(include_str!("../../tests/res/tiny.json")).unwrap();
        let mut files = templates_map(&ds);
        let events = files["events.csv"].clone();
        let first_date = ds.events[0].date.to_string();
        files.insert("events.csv".into(), events.replacen(&format!(",{first_date},"), ",2025-13-01,", 1));
        let err = import(&|name| files.get(name).cloned()).unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].to_string(), "events.csv row 2, column \"date\": \"2025-13-01\" is not a real calendar date");
    }
}
