//! The design document: tables with their columns and keys, relationships, layout, and the
//! statements an import kept without modelling them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{ColumnId, ForeignKeyId, IdAllocator, TableId};

/// Version of the saved and shared format; bump it together with an upgrade from the previous one.
pub const FORMAT_VERSION: u32 = 1;

/// A whole database design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Design {
    pub format_version: u32,
    pub name: String,
    pub tables: Vec<Table>,
    pub foreign_keys: Vec<ForeignKey>,
    /// Statements read on import that the model does not represent, kept verbatim in source order.
    pub unmodelled: Vec<UnmodelledStatement>,
    pub layout: Layout,
    pub ids: IdAllocator,
}

impl Default for Design {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            name: String::from("Untitled design"),
            tables: Vec::new(),
            foreign_keys: Vec::new(),
            unmodelled: Vec::new(),
            layout: Layout::default(),
            ids: IdAllocator::default(),
        }
    }
}

/// A table: its schema-qualified name, columns in order, and its keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub id: TableId,
    pub schema: Option<String>,
    pub name: String,
    pub columns: Vec<Column>,
    pub primary_key: Option<PrimaryKey>,
    pub uniques: Vec<UniqueConstraint>,
    pub comment: Option<String>,
    /// Table elements (e.g. `CONSTRAINT c CHECK (...)`) not modelled yet, as written in the source
    /// dialect; exporting to that dialect writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim_elements: Vec<String>,
    /// Clauses after the column list (e.g. `PARTITION BY RANGE (day)`) not modelled yet, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim_options: Vec<String>,
}

/// A column with its type as SQL text, e.g. `numeric(5,2)` or `timestamp with time zone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: ColumnId,
    pub name: String,
    pub data_type: String,
    pub nullable: bool,
    pub default: Option<String>,
    pub comment: Option<String>,
    /// Column options (e.g. `GENERATED ALWAYS AS (...) STORED`) not modelled yet, as written in
    /// the source dialect; exporting to that dialect writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim: Vec<String>,
}

/// The primary key of a table; its columns in key order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryKey {
    pub name: Option<String>,
    pub columns: Vec<ColumnId>,
}

/// A unique constraint over one or more columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniqueConstraint {
    pub name: Option<String>,
    pub columns: Vec<ColumnId>,
}

/// What the database does to referencing rows when the referenced row changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferentialAction {
    #[default]
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    /// The SQL words for this action, as every supported engine spells them.
    pub fn sql(self) -> &'static str {
        match self {
            Self::NoAction => "NO ACTION",
            Self::Restrict => "RESTRICT",
            Self::Cascade => "CASCADE",
            Self::SetNull => "SET NULL",
            Self::SetDefault => "SET DEFAULT",
        }
    }
}

/// A foreign key: `from_columns` of `from_table` reference `to_columns` of `to_table`, pairwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignKey {
    pub id: ForeignKeyId,
    pub name: Option<String>,
    pub from_table: TableId,
    pub from_columns: Vec<ColumnId>,
    pub to_table: TableId,
    pub to_columns: Vec<ColumnId>,
    pub on_delete: ReferentialAction,
    pub on_update: ReferentialAction,
}

/// A statement the import kept as written because the model does not represent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmodelledStatement {
    /// 1-based line of the statement's first character in the imported text.
    pub line: u32,
    pub text: String,
    /// Why it is not modelled, in words a user understands.
    pub reason: String,
}

/// A position on the canvas, in canvas units (CSS pixels at zoom 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Column {
    /// A nullable column with a name and a type, and nothing else.
    pub fn new(id: ColumnId, name: impl Into<String>, data_type: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            data_type: data_type.into(),
            nullable: true,
            default: None,
            comment: None,
            verbatim: Vec::new(),
        }
    }
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
}

/// Where each table sits on the canvas. Tables without a position are placed by the layout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub positions: BTreeMap<TableId, Point>,
}

impl Design {
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|table| table.id == id)
    }

    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.tables.iter_mut().find(|table| table.id == id)
    }

    /// Finds a table by name, ignoring ASCII case; a schema, when given, must match too.
    pub fn find_table(&self, schema: Option<&str>, name: &str) -> Option<&Table> {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        let exact = self.tables.iter().find(|table| {
            same(&table.name, name)
                && match (schema, table.schema.as_deref()) {
                    (Some(wanted), Some(actual)) => same(wanted, actual),
                    (None, _) => true,
                    (Some(_), None) => false,
                }
        });
        exact.or_else(|| {
            self.tables
                .iter()
                .find(|table| same(&table.name, name) && table.schema.is_none())
        })
    }

    pub fn foreign_key(&self, id: ForeignKeyId) -> Option<&ForeignKey> {
        self.foreign_keys.iter().find(|fk| fk.id == id)
    }

    pub fn position(&self, id: TableId) -> Point {
        self.layout.positions.get(&id).copied().unwrap_or_default()
    }
}

impl Table {
    /// A table with a name and nothing else.
    pub fn new(id: TableId, schema: Option<String>, name: impl Into<String>) -> Self {
        Self {
            id,
            schema,
            name: name.into(),
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            comment: None,
            verbatim_elements: Vec::new(),
            verbatim_options: Vec::new(),
        }
    }

    /// The id of the column with exactly this name (names are stored as the engine folds them).
    pub fn column_id(&self, name: &str) -> Option<ColumnId> {
        self.columns
            .iter()
            .find(|column| column.name == name)
            .map(|column| column.id)
    }

    pub fn is_primary_key_column(&self, id: ColumnId) -> bool {
        self.primary_key
            .as_ref()
            .is_some_and(|pk| pk.columns.contains(&id))
    }

    /// The name a table is shown with: schema-qualified unless the schema is an engine's default
    /// (`public`, `dbo`, `main`).
    pub fn display_name(&self) -> String {
        match self.schema.as_deref() {
            None | Some("public") | Some("dbo") | Some("main") => self.name.clone(),
            Some(_) => self.qualified_name(),
        }
    }

    /// The name as it appears in SQL: `schema.name`, or just `name`.
    pub fn qualified_name(&self) -> String {
        match &self.schema {
            Some(schema) => format!("{schema}.{}", self.name),
            None => self.name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schemas_are_not_shown_in_display_names() {
        assert_eq!(
            Table::new(TableId(0), Some("public".into()), "film").display_name(),
            "film"
        );
        assert_eq!(
            Table::new(TableId(0), Some("audit".into()), "log").display_name(),
            "audit.log"
        );
        assert_eq!(Table::new(TableId(0), None, "x").qualified_name(), "x");
    }
}
