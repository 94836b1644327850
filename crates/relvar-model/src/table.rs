//! Tables and what belongs to them: columns, keys, checks and indexes.

use serde::{Deserialize, Serialize};

use crate::dependency::DeclaredDependency;
use crate::ids::{ColumnId, TableId};

/// A table: its schema-qualified name, columns in order, and its keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub id: TableId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_key: Option<PrimaryKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uniques: Vec<UniqueConstraint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckConstraint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Index>,
    /// How rows are split into partitions, e.g. `RANGE (payment_date)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_by: Option<String>,
    /// The partitioned table this one is a partition of, and its bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition_of: Option<PartitionOf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The colour the canvas draws the table's header in, as CSS (e.g. `#3b6fd8`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Table elements (e.g. `CONSTRAINT c CHECK (...)`) not modelled yet, as written in the source
    /// dialect; exporting to that dialect writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim_elements: Vec<String>,
    /// Clauses after the column list (e.g. `PARTITION BY RANGE (day)`) not modelled yet, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim_options: Vec<String>,
    /// Functional and multivalued dependencies declared on the table, beyond those its keys imply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<DeclaredDependency>,
    /// How many rows the table is expected to reach: the capacity estimate the review weighs
    /// keys against; none when nobody has said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_rows: Option<u64>,
}

/// A column with its type as SQL text, e.g. `numeric(5,2)` or `timestamp with time zone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub id: ColumnId,
    pub name: String,
    pub data_type: String,
    /// Saved only when false: columns are nullable unless declared `NOT NULL`.
    #[serde(
        default = "crate::saved_form::yes",
        skip_serializing_if = "crate::saved_form::is_true"
    )]
    pub nullable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<GeneratedColumn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Column options (e.g. `GENERATED ALWAYS AS (...) STORED`) not modelled yet, as written in
    /// the source dialect; exporting to that dialect writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim: Vec<String>,
}

/// The primary key of a table; its columns in key order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryKey {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub columns: Vec<ColumnId>,
}

/// A unique constraint over one or more columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UniqueConstraint {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub columns: Vec<ColumnId>,
}

/// How an engine numbers new rows in a column: PostgreSQL identity and serial, MySQL
/// `AUTO_INCREMENT`, SQLite `AUTOINCREMENT`, SQL Server `IDENTITY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Identity {
    /// The engine always supplies the value (`GENERATED ALWAYS AS IDENTITY`).
    Always,
    /// The engine supplies a value when the insert gives none.
    ByDefault,
}

/// A column computed from others of its row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedColumn {
    /// The expression as SQL text in the design's dialect.
    pub expression: String,
    /// Stored on write (`STORED`, `PERSISTED`) rather than computed on read (`VIRTUAL`).
    #[serde(default, skip_serializing_if = "crate::saved_form::is_false")]
    pub stored: bool,
}

/// A check constraint; column checks are held here too, as engines report them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckConstraint {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The boolean expression as SQL text in the design's dialect, without the outer parentheses.
    pub expression: String,
}

/// An index on a table (constraint-backed ones excepted: keys and unique constraints own theirs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "crate::saved_form::is_false")]
    pub unique: bool,
    /// Access method when it is not the engine's default, lower case: `hash`, `gin`, `gist`, `brin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub parts: Vec<IndexPart>,
    /// Columns stored in the index without being part of its key (`INCLUDE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<ColumnId>,
    /// The rows indexed, for a partial index (`WHERE ...`), as SQL text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// How the engine lays the index out, when not as its default B-tree (`IndexKind`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndexKind>,
    /// Clauses not modelled yet (SQL Server `WITH (FILLFACTOR = 80)`, `ON [INDEXES]`), as
    /// written in the source dialect; exporting to that dialect writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verbatim_options: Vec<String>,
}

/// Index layouts other than the engine's default B-tree: SQL Server's (its default is the
/// `NONCLUSTERED` rowstore) and MySQL's full-text and spatial indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndexKind {
    /// `CLUSTERED`: the table's rows are stored in the index's order (one per table).
    Clustered,
    /// `CLUSTERED COLUMNSTORE`: the table is stored by column (one per table).
    ClusteredColumnstore,
    /// `NONCLUSTERED COLUMNSTORE`: a copy of the key columns stored by column.
    Columnstore,
    /// MySQL `FULLTEXT`: words of text columns, for `MATCH ... AGAINST`.
    Fulltext,
    /// MySQL `SPATIAL`: an R-tree over a geometry column.
    Spatial,
}

impl IndexKind {
    /// The words written between `CREATE [UNIQUE]` and `INDEX`.
    pub fn keywords(self) -> &'static str {
        match self {
            Self::Clustered => "CLUSTERED",
            Self::ClusteredColumnstore => "CLUSTERED COLUMNSTORE",
            Self::Columnstore => "NONCLUSTERED COLUMNSTORE",
            Self::Fulltext => "FULLTEXT",
            Self::Spatial => "SPATIAL",
        }
    }

    /// The engine whose layout this is.
    pub fn dialect(self) -> crate::Dialect {
        match self {
            Self::Clustered | Self::ClusteredColumnstore | Self::Columnstore => {
                crate::Dialect::MsSql
            }
            Self::Fulltext | Self::Spatial => crate::Dialect::MySql,
        }
    }

    /// Whether the index holds the table's rows, which SQL Server allows once per table.
    pub fn is_clustered(self) -> bool {
        matches!(self, Self::Clustered | Self::ClusteredColumnstore)
    }
}

/// One key part of an index: a column or an expression, and its sort order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexPart {
    pub key: IndexKey,
    /// MySQL: only the first this many characters of the column are indexed, `name(10)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
    /// The operator class, as written (`gin_trgm_ops`, `text_pattern_ops`); none for the
    /// type's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator_class: Option<String>,
    /// The collation the part sorts by, as written (`"C"`); none for the column's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndexKey {
    Column(ColumnId),
    /// An expression as SQL text, e.g. `lower(email)`.
    Expression(String),
}

impl Index {
    /// A plain ascending index over these columns, in order: unnamed, not unique, of the engine's
    /// default method, over every row.
    pub fn on_columns(columns: &[ColumnId]) -> Self {
        Self {
            name: None,
            unique: false,
            method: None,
            parts: columns
                .iter()
                .map(|column| IndexPart {
                    key: IndexKey::Column(*column),
                    prefix: None,
                    descending: false,
                    operator_class: None,
                    collation: None,
                })
                .collect(),
            include: Vec::new(),
            predicate: None,
            kind: None,
            verbatim_options: Vec::new(),
        }
    }

    /// The columns an index's key parts name, in order; expression parts are left out.
    pub fn key_columns(&self) -> impl Iterator<Item = ColumnId> + '_ {
        self.parts.iter().filter_map(|part| match part.key {
            IndexKey::Column(id) => Some(id),
            IndexKey::Expression(_) => None,
        })
    }
}

/// Where a partition sits: its partitioned table (a qualified name as the design spells it) and
/// its bound, e.g. `FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')` or `DEFAULT`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionOf {
    pub parent: String,
    pub bound: String,
}

/// A name as it appears in SQL: `schema.name`, or just `name`.
pub(crate) fn qualified_name(schema: Option<&str>, name: &str) -> String {
    match schema {
        Some(schema) => format!("{schema}.{name}"),
        None => name.to_owned(),
    }
}

/// Whether a schema is an engine's default one (`public`, `dbo`, `main`), which names need not show.
pub fn is_default_schema(schema: &str) -> bool {
    matches!(schema, "public" | "dbo" | "main")
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
            identity: None,
            generated: None,
            collation: None,
            comment: None,
            verbatim: Vec::new(),
        }
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
            checks: Vec::new(),
            indexes: Vec::new(),
            partition_by: None,
            partition_of: None,
            comment: None,
            colour: None,
            verbatim_elements: Vec::new(),
            verbatim_options: Vec::new(),
            dependencies: Vec::new(),
            expected_rows: None,
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
            Some(schema) if !is_default_schema(schema) => self.qualified_name(),
            _ => self.name.clone(),
        }
    }

    /// The name as it appears in SQL: `schema.name`, or just `name`.
    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
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
