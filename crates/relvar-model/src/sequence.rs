//! Sequences: named number generators (PostgreSQL `CREATE SEQUENCE`), and the column that owns one.

use serde::{Deserialize, Serialize};

use crate::table::qualified_name;

/// A sequence with the options the script gave; `None` leaves an option at the engine's default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequence {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub name: String,
    /// `AS smallint|integer|bigint`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub increment: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<i64>,
    #[serde(default, skip_serializing_if = "crate::saved_form::is_false")]
    pub cycle: bool,
    /// The column that owns the sequence (`OWNED BY table.column`): dropping it drops the sequence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owned_by: Option<SequenceOwner>,
}

/// A column named by its table's qualified name and its own name, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SequenceOwner {
    pub table: String,
    pub column: String,
}

impl SequenceOwner {
    /// Whether the owner names the table of this qualified name and bare name (either will do).
    pub fn names_table(&self, qualified: &str, name: &str) -> bool {
        self.table.eq_ignore_ascii_case(qualified) || self.table.eq_ignore_ascii_case(name)
    }

    /// Whether the owner is a column of `table`.
    pub fn is_of(&self, table: &crate::Table) -> bool {
        self.names_table(&table.qualified_name(), &table.name)
    }

    /// Whether the owner is `table`'s column called `column`.
    pub fn is_column(&self, table: &crate::Table, column: &str) -> bool {
        self.is_of(table) && self.column.eq_ignore_ascii_case(column)
    }
}

impl Sequence {
    /// The name as it appears in SQL: `schema.name`, or just `name`.
    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
    }
}
