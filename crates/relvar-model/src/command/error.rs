//! Why a command could not be applied.

use thiserror::Error;

use crate::ids::{AreaId, ColumnId, ForeignKeyId, NoteId, TableId};

/// Why a command could not be applied; the design is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CommandError {
    #[error("there is no table with id {} in this design", .0.0)]
    NoSuchTable(TableId),
    #[error("table {table} has no column with id {}", .column.0)]
    NoSuchColumn { table: String, column: ColumnId },
    #[error("there is no relationship with id {} in this design", .0.0)]
    NoSuchForeignKey(ForeignKeyId),
    #[error("there is no note with id {} in this design", .0.0)]
    NoSuchNote(NoteId),
    #[error("there is no subject area with id {} in this design", .0.0)]
    NoSuchArea(AreaId),
    #[error("there is no enum type named {0}")]
    NoSuchEnum(String),
    #[error("no sequence named {0}")]
    NoSuchSequence(String),
    #[error("a table named {0} already exists")]
    TableNameTaken(String),
    #[error("table {table} already has a column named {column}")]
    ColumnNameTaken { table: String, column: String },
    #[error("an enum type named {0} already exists")]
    EnumNameTaken(String),
    #[error("the {0} name cannot be blank")]
    BlankName(&'static str),
    #[error("column {column} of table {table} needs a data type")]
    BlankDataType { table: String, column: String },
    #[error("{kind} id {id} is already in use in this design")]
    IdInUse { kind: &'static str, id: u32 },
    #[error("column {column} of table {table} is listed twice")]
    RepeatedColumn { table: String, column: String },
    #[error("a relationship needs at least one column on each side")]
    EmptyForeignKey,
    #[error(
        "a relationship needs as many referencing columns as referenced ones, not {from} and {to}"
    )]
    MismatchedKeyColumns { from: usize, to: usize },
    #[error("column {column} of table {table} is in the primary key, so it cannot be nullable")]
    NullablePrimaryKeyColumn { table: String, column: String },
    #[error("column {column} of table {table} is used by a relationship")]
    ColumnUsedByForeignKey { table: String, column: String },
    #[error("enum type {name} is used by {}", .columns.join(", "))]
    EnumInUse { name: String, columns: Vec<String> },
    #[error("enum type {0} cannot have a blank value")]
    BlankEnumValue(String),
    #[error("enum type {name} lists the value {value} twice")]
    RepeatedEnumValue { name: String, value: String },
    #[error("a dependency on table {0} needs at least one column on its right side")]
    EmptyDependency(String),
    #[error("decision {0} needs a title")]
    UntitledDecision(usize),
    #[error("query {0} of the workload is empty")]
    BlankQuery(usize),
    #[error("query {0} of the workload needs a frequency of at least 1")]
    ZeroFrequency(usize),
    #[error("table {table} is listed twice in subject area {area}")]
    RepeatedAreaTable { area: String, table: String },
    #[error("there is already a saved view named {0}")]
    ViewNameTaken(String),
    #[error("saved view {0} has no tables")]
    EmptyView(String),
    #[error("a version is already named {0}")]
    VersionNameTaken(String),
    #[error("version {0} holds versions of its own")]
    NestedVersions(String),
}
