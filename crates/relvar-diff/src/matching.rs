//! Which table, column and enum type of one design is which of the other: by id for versions of
//! one design (so a rename is a rename), by name for unrelated schemas, with the renames a person
//! confirmed.

use std::collections::BTreeMap;

use relvar_model::{ColumnId, Design, Dialect, Table, TableId, is_default_schema};
use serde::{Deserialize, Serialize};

use crate::enum_pairing::{EnumPairing, pair_enums};

/// How the objects of the two designs are paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Both designs are versions of one design: equal ids are the same object.
    ById,
    /// Unrelated schemas: equal names are the same object, besides the confirmed renames.
    ByName,
}

/// Renames confirmed by a person (or read from `@renamed` hints) for a diff by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Renames {
    pub tables: Vec<TableRename>,
    pub columns: Vec<ColumnRename>,
    pub enums: Vec<EnumRename>,
    pub values: Vec<ValueRename>,
}

/// A table called `from` in the first design is `to` in the second (names as `schema.name` or
/// bare).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRename {
    pub from: String,
    pub to: String,
}

/// A column of `table` (its name in the second design) called `from` in the first design.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnRename {
    pub table: String,
    pub from: String,
    pub to: String,
}

/// An enum type the first design calls `from` is the second's `to` (`schema.name` or bare).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumRename {
    pub from: String,
    pub to: String,
}

/// A value of an enum the first design spells `from` is the second's `to`. `of` names the enum
/// type (as either design calls it) or, for a column typed `enum(...)` in place, `table.column`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueRename {
    pub of: String,
    pub from: String,
    pub to: String,
}

/// Tables and columns of the first design paired with those of the second.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pairing {
    tables: BTreeMap<TableId, TableId>,
    columns: BTreeMap<ColumnId, ColumnId>,
    /// The same pairs from the second design's side.
    tables_back: BTreeMap<TableId, TableId>,
    columns_back: BTreeMap<ColumnId, ColumnId>,
    enums: EnumPairing,
}

impl Pairing {
    pub fn new(from: &Design, to: &Design, matching: Matching, renames: &Renames) -> Self {
        let mut pairing = match matching {
            Matching::ById => by_id(from, to),
            Matching::ByName => by_name(from, to, renames),
        };
        pairing.tables_back = pairing.tables.iter().map(|(a, b)| (*b, *a)).collect();
        pairing.columns_back = pairing.columns.iter().map(|(a, b)| (*b, *a)).collect();
        pairing.enums = pair_enums(from, to, matching, renames, &pairing);
        pairing
    }

    /// Enum types paired, with their renamed values and those of `enum(...)` columns.
    pub fn enums(&self) -> &EnumPairing {
        &self.enums
    }

    /// Paired columns, first design's id first.
    pub(crate) fn columns(&self) -> impl Iterator<Item = (ColumnId, ColumnId)> + '_ {
        self.columns.iter().map(|(from, to)| (*from, *to))
    }

    /// The table of the second design the first design's `table` is.
    pub fn table(&self, table: TableId) -> Option<TableId> {
        self.tables.get(&table).copied()
    }

    /// The column of the second design the first design's `column` is.
    pub fn column(&self, column: ColumnId) -> Option<ColumnId> {
        self.columns.get(&column).copied()
    }

    /// Paired tables, first design's id first, in the first design's id order.
    pub fn tables(&self) -> impl Iterator<Item = (TableId, TableId)> + '_ {
        self.tables.iter().map(|(from, to)| (*from, *to))
    }

    /// Whether a table of the second design has a partner in the first.
    pub fn has_partner(&self, to_table: TableId) -> bool {
        self.tables_back.contains_key(&to_table)
    }

    /// The table of the first design the second design's `table` is.
    pub fn table_back(&self, to_table: TableId) -> Option<TableId> {
        self.tables_back.get(&to_table).copied()
    }

    /// Whether a column of the second design has a partner in the first.
    pub fn has_column_partner(&self, to_column: ColumnId) -> bool {
        self.columns_back.contains_key(&to_column)
    }

    /// The column of the first design the second design's `column` is.
    pub fn column_back(&self, to_column: ColumnId) -> Option<ColumnId> {
        self.columns_back.get(&to_column).copied()
    }
}

fn by_id(from: &Design, to: &Design) -> Pairing {
    let mut pairing = Pairing::default();
    for table in &from.tables {
        let Some(other) = to.table(table.id) else {
            continue;
        };
        pairing.tables.insert(table.id, other.id);
        for column in &table.columns {
            if other.columns.iter().any(|c| c.id == column.id) {
                pairing.columns.insert(column.id, column.id);
            }
        }
    }
    pairing
}

fn by_name(from: &Design, to: &Design, renames: &Renames) -> Pairing {
    let dialect = to
        .source_dialect
        .or(from.source_dialect)
        .unwrap_or_default();
    let mut pairing = Pairing::default();
    let fold = |name: &str| {
        if dialect.names_match_exactly() {
            name.to_owned()
        } else {
            name.to_ascii_lowercase()
        }
    };
    let key = |table: &Table| (own_schema(table).map(fold), fold(&table.name));
    let mut by_key: BTreeMap<(Option<String>, String), Vec<&Table>> = BTreeMap::new();
    for table in &from.tables {
        by_key.entry(key(table)).or_default().push(table);
    }
    for other in &to.tables {
        // A rename from a table the first design lacks pairs by name as if none were given.
        let renamed_from = renames
            .tables
            .iter()
            .find(|rename| {
                names_table(&rename.to, other, dialect)
                    && from
                        .tables
                        .iter()
                        .any(|table| names_table(&rename.from, table, dialect))
            })
            .map(|rename| rename.from.as_str());
        let unpaired = |table: &&&Table| !pairing.tables.contains_key(&table.id);
        let partner = match renamed_from {
            Some(old) => from.tables.iter().find(|table| {
                !pairing.tables.contains_key(&table.id) && names_table(old, table, dialect)
            }),
            None => by_key
                .get(&key(other))
                .and_then(|tables| tables.iter().find(unpaired).copied()),
        };
        let Some(table) = partner else {
            continue;
        };
        pairing.tables.insert(table.id, other.id);
        for column in &other.columns {
            let old_name = renames
                .columns
                .iter()
                .find(|rename| {
                    names_table(&rename.table, other, dialect)
                        && same_name(&rename.to, &column.name, dialect)
                })
                .map_or(column.name.as_str(), |rename| rename.from.as_str());
            let unpaired = |name: &str| {
                table.columns.iter().find(|candidate| {
                    same_name(&candidate.name, name, dialect)
                        && !pairing.columns.contains_key(&candidate.id)
                })
            };
            let found = unpaired(old_name).or_else(|| unpaired(&column.name));
            if let Some(found) = found {
                pairing.columns.insert(found.id, column.id);
            }
        }
    }
    pairing
}

/// Whether two names of one kind name the same object, as the engine compares them.
pub(crate) fn same_name(a: &str, b: &str, dialect: Dialect) -> bool {
    if dialect.names_match_exactly() {
        a == b
    } else {
        a.eq_ignore_ascii_case(b)
    }
}

/// The schema a table is in, an engine's default schema as none.
pub(crate) fn own_schema(table: &Table) -> Option<&str> {
    table
        .schema
        .as_deref()
        .filter(|schema| !is_default_schema(schema))
}

/// Whether `name` (`schema.name` or bare) names `table`.
pub(crate) fn names_table(name: &str, table: &Table, dialect: Dialect) -> bool {
    match name.rsplit_once('.') {
        Some((schema, bare)) => {
            same_name(bare, &table.name, dialect)
                && own_schema(table).map_or(is_default_schema(schema), |own| {
                    same_name(own, schema, dialect)
                })
        }
        None => same_name(name, &table.name, dialect),
    }
}
