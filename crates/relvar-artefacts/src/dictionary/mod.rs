//! The data dictionary: every table with its columns (type, default, nullability, keys, what
//! they reference and what references them, comment, suggested classification), constraints and
//! indexes as the design's engine writes them, the views that read it, the neighbourhood of
//! foreign keys around it, and how much of it is commented. Gathered once here, written as
//! Markdown (`markdown.rs`) or as one self-contained HTML file (`html.rs`).

mod html;
mod markdown;

use std::collections::{BTreeSet, HashMap};

use relvar_model::{Column, Design, Dialect, ForeignKey, Table, TableId};
use relvar_sql::DdlPieces;

use crate::classification::suggest;

pub use html::dictionary_html;
pub use markdown::dictionary_markdown;

/// Tables a neighbourhood shows besides its own: more are named in words.
const NEIGHBOURS_DRAWN: usize = 12;

/// What the dictionary says of a design.
#[derive(Debug, Clone, PartialEq)]
pub struct Dictionary {
    pub title: String,
    pub dialect: Dialect,
    pub tables: Vec<TableEntry>,
    pub coverage: Coverage,
}

/// One table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableEntry {
    pub id: TableId,
    /// As the design shows it: `schema.name` outside the engine's default schema.
    pub name: String,
    pub schema: Option<String>,
    pub comment: Option<String>,
    pub expected_rows: Option<u64>,
    pub columns: Vec<ColumnEntry>,
    /// Primary key, unique constraints, checks and foreign keys, as the engine writes them.
    pub constraints: Vec<String>,
    /// `CREATE INDEX` statements, as the engine writes them.
    pub indexes: Vec<String>,
    /// Views that read the table, by name.
    pub read_by: Vec<String>,
    /// The table and those its foreign keys join it to, drawn; the rest named.
    pub neighbourhood: Neighbourhood,
    pub coverage: Coverage,
}

/// One column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnEntry {
    pub name: String,
    pub data_type: String,
    pub default: Option<String>,
    pub nullable: bool,
    /// `PK`, `UK`, `FK`, `IX`: in the primary key, a unique constraint or index, a foreign key, an
    /// index.
    pub keys: Vec<&'static str>,
    /// `table.column` this column references.
    pub references: Vec<String>,
    /// `table.column` that reference this column.
    pub referenced_by: Vec<String>,
    pub comment: Option<String>,
    /// The suggested classification, as `confidential (email)`.
    pub classification: String,
}

/// The tables around one, drawn, and those beyond what is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbourhood {
    /// The table and its closest neighbours, with the foreign keys between them, as a design.
    pub design: Design,
    /// Neighbours left out of the drawing, by name.
    pub not_drawn: Vec<String>,
}

/// How many of the tables and columns have a comment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Coverage {
    pub commented: usize,
    pub total: usize,
}

impl Coverage {
    fn add(&mut self, commented: bool) {
        self.total += 1;
        self.commented += usize::from(commented);
    }

    /// `5 of 8 (62%)`; `none to comment` when there is nothing.
    pub fn text(self) -> String {
        match (self.commented * 100).checked_div(self.total) {
            Some(percent) => format!("{} of {} ({percent}%)", self.commented, self.total),
            None => "none to comment".to_owned(),
        }
    }
}

/// Gathers what the dictionary says of `design`, in the design's table order.
pub fn dictionary(design: &Design) -> Dictionary {
    let dialect = design.dialect();
    let mut pieces = DdlPieces::new(design, dialect);
    let links = Links::of(design);
    let mut coverage = Coverage::default();
    let mut tables = Vec::with_capacity(design.tables.len());
    for table in &design.tables {
        let entry = table_entry(design, table, &links, &mut pieces);
        coverage.commented += entry.coverage.commented;
        coverage.total += entry.coverage.total;
        tables.push(entry);
    }
    let title = if design.name.trim().is_empty() {
        "Untitled design".to_owned()
    } else {
        design.name.trim().to_owned()
    };
    Dictionary {
        title,
        dialect,
        tables,
        coverage,
    }
}

/// Each table by id, and the foreign keys from and to each: looked up once per design.
struct Links<'a> {
    tables: HashMap<TableId, &'a Table>,
    from: HashMap<TableId, Vec<&'a ForeignKey>>,
    to: HashMap<TableId, Vec<&'a ForeignKey>>,
}

impl<'a> Links<'a> {
    fn of(design: &'a Design) -> Self {
        let mut links = Links {
            tables: design.tables.iter().map(|t| (t.id, t)).collect(),
            from: HashMap::new(),
            to: HashMap::new(),
        };
        for fk in &design.foreign_keys {
            links.from.entry(fk.from_table).or_default().push(fk);
            links.to.entry(fk.to_table).or_default().push(fk);
        }
        links
    }

    fn outgoing(&self, table: TableId) -> &[&'a ForeignKey] {
        self.from.get(&table).map_or(&[], Vec::as_slice)
    }

    fn incoming(&self, table: TableId) -> &[&'a ForeignKey] {
        self.to.get(&table).map_or(&[], Vec::as_slice)
    }
}

fn table_entry(
    design: &Design,
    table: &Table,
    links: &Links,
    pieces: &mut DdlPieces,
) -> TableEntry {
    let (outgoing, incoming) = (links.outgoing(table.id), links.incoming(table.id));
    let column_name = |table: TableId, column| {
        links.tables.get(&table).and_then(|table| {
            let column = table.columns.iter().find(|c| c.id == column)?;
            Some(format!("{}.{}", table.display_name(), column.name))
        })
    };
    let mut coverage = Coverage::default();
    coverage.add(table.comment.is_some());
    let columns = table
        .columns
        .iter()
        .map(|column| {
            coverage.add(column.comment.is_some());
            let mut keys = Vec::new();
            if table.is_primary_key_column(column.id) {
                keys.push("PK");
            }
            let in_unique = table.uniques.iter().any(|u| u.columns.contains(&column.id))
                || table
                    .indexes
                    .iter()
                    .any(|i| i.unique && i.key_columns().any(|k| k == column.id));
            if in_unique {
                keys.push("UK");
            }
            if outgoing
                .iter()
                .any(|fk| fk.from_columns.contains(&column.id))
            {
                keys.push("FK");
            }
            if table
                .indexes
                .iter()
                .any(|i| !i.unique && i.key_columns().any(|k| k == column.id))
            {
                keys.push("IX");
            }
            let pairs = |fks: &[&ForeignKey], here_from: bool| -> Vec<String> {
                fks.iter()
                    .flat_map(|fk| {
                        let (here, there, other) = if here_from {
                            (&fk.from_columns, &fk.to_columns, fk.to_table)
                        } else {
                            (&fk.to_columns, &fk.from_columns, fk.from_table)
                        };
                        here.iter()
                            .zip(there)
                            .filter(|(own, _)| **own == column.id)
                            .filter_map(|(_, theirs)| column_name(other, *theirs))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            };
            ColumnEntry {
                name: column.name.clone(),
                data_type: column.data_type.clone(),
                default: column.default.clone(),
                nullable: column.nullable,
                keys,
                references: pairs(outgoing, true),
                referenced_by: pairs(incoming, false),
                comment: column.comment.clone(),
                classification: suggest(table, column).label(),
            }
        })
        .collect();
    let mut constraints: Vec<String> = pieces.primary_key(table.id).into_iter().collect();
    constraints.extend((0..table.uniques.len()).filter_map(|at| pieces.unique(table.id, at)));
    constraints.extend((0..table.checks.len()).filter_map(|at| pieces.check(table.id, at)));
    constraints.extend(outgoing.iter().filter_map(|fk| pieces.foreign_key(fk.id)));
    let indexes = (0..table.indexes.len())
        .filter_map(|at| pieces.create_index(table.id, at))
        .collect();
    let own = table.qualified_name();
    let read_by = design
        .views
        .iter()
        .filter(|view| {
            view.reads.iter().any(|read| {
                read.eq_ignore_ascii_case(&own) || read.eq_ignore_ascii_case(&table.name)
            })
        })
        .map(|view| view.qualified_name())
        .collect();
    TableEntry {
        id: table.id,
        name: table.display_name(),
        schema: table.schema.clone(),
        comment: table.comment.clone(),
        expected_rows: table.expected_rows,
        columns,
        constraints,
        indexes,
        read_by,
        neighbourhood: neighbourhood(design, table, links),
        coverage,
    }
}

/// The table, the tables its foreign keys join it to (parents first, up to
/// [`NEIGHBOURS_DRAWN`]), and the foreign keys among them; each table with its key columns only
/// (primary, unique, foreign), which are what join them (the columns are listed above it).
fn neighbourhood(design: &Design, table: &Table, links: &Links) -> Neighbourhood {
    let mut neighbours: Vec<TableId> = Vec::new();
    for id in links
        .outgoing(table.id)
        .iter()
        .map(|fk| fk.to_table)
        .chain(links.incoming(table.id).iter().map(|fk| fk.from_table))
    {
        if id != table.id && !neighbours.contains(&id) {
            neighbours.push(id);
        }
    }
    let drawn_count = neighbours.len().min(NEIGHBOURS_DRAWN);
    let not_drawn = neighbours
        .get(drawn_count..)
        .unwrap_or_default()
        .iter()
        .filter_map(|id| links.tables.get(id).map(|t| t.display_name()))
        .collect();
    let drawn: BTreeSet<TableId> = neighbours
        .iter()
        .take(drawn_count)
        .copied()
        .chain([table.id])
        .collect();
    let mut shown = Design {
        name: table.display_name(),
        source_dialect: design.source_dialect,
        ..Design::default()
    };
    let mut joins: Vec<&ForeignKey> = Vec::new();
    for id in &drawn {
        for fk in links.outgoing(*id) {
            if drawn.contains(&fk.to_table) {
                joins.push(fk);
            }
        }
    }
    joins.sort_by_key(|fk| fk.id);
    shown.tables = drawn
        .iter()
        .filter_map(|id| links.tables.get(id))
        .map(|t| keys_only(t, &joins))
        .collect();
    shown.foreign_keys = joins.into_iter().cloned().collect();
    Neighbourhood {
        design: shown,
        not_drawn,
    }
}

/// The table with the columns of its keys and of the foreign keys drawn.
fn keys_only(table: &Table, joins: &[&ForeignKey]) -> Table {
    let joined = |column: &Column| {
        joins.iter().any(|fk| {
            (fk.from_table == table.id && fk.from_columns.contains(&column.id))
                || (fk.to_table == table.id && fk.to_columns.contains(&column.id))
        })
    };
    let mut kept = Table::new(table.id, table.schema.clone(), table.name.clone());
    kept.primary_key = table.primary_key.clone();
    kept.uniques = table.uniques.clone();
    kept.columns = table
        .columns
        .iter()
        .filter(|column| {
            table.is_primary_key_column(column.id)
                || table.uniques.iter().any(|u| u.columns.contains(&column.id))
                || joined(column)
        })
        .cloned()
        .collect();
    kept
}
