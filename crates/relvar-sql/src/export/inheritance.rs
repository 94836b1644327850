//! PostgreSQL table inheritance written back for PostgreSQL: the import gives a child its
//! parents' columns and checks (so the design shows the whole table), but the child declares only
//! its own; the rest comes from `INHERITS (...)`, and an inherited column's default is set on
//! the child alone after it, as pg_dump writes it.

use std::collections::BTreeSet;
use std::fmt::Write;

use relvar_model::{ColumnId, Table};

use super::DdlWriter;
use super::order::inherited;
use crate::dialect::{Dialect, SqlSyntax};

/// What a child table has from its parents: column ids and positions in its checks.
#[derive(Debug, Default)]
pub(super) struct Inherited {
    pub columns: BTreeSet<ColumnId>,
    pub checks: BTreeSet<usize>,
}

impl DdlWriter<'_> {
    /// The columns and checks `table` has from the parents its `INHERITS` names, when written
    /// for PostgreSQL from PostgreSQL; nothing otherwise.
    pub(super) fn inherited(&self, table: &Table) -> Inherited {
        let mut found = Inherited::default();
        if !(self.same_dialect() && self.to == Dialect::PostgreSql) || table.partition_of.is_some()
        {
            return found;
        }
        for (schema, name) in inherited(table) {
            let parent = self.design.tables.iter().find(|candidate| {
                candidate.id != table.id
                    && candidate.name == name
                    && (schema.is_none() || candidate.schema == schema)
            });
            let Some(parent) = parent else {
                continue;
            };
            for column in &table.columns {
                if parent.columns.iter().any(|own| own.name == column.name) {
                    found.columns.insert(column.id);
                }
            }
            for (position, check) in table.checks.iter().enumerate() {
                if parent
                    .checks
                    .iter()
                    .any(|own| own.name.is_some() && own.name == check.name)
                {
                    found.checks.insert(position);
                }
            }
        }
        found
    }

    /// `ALTER TABLE ONLY child ALTER COLUMN c SET DEFAULT d` for each inherited column with a
    /// default.
    pub(super) fn inherited_defaults(&self, out: &mut String, table: &Table, from: &Inherited) {
        for column in table
            .columns
            .iter()
            .filter(|c| from.columns.contains(&c.id))
        {
            if let Some(default) = &column.default {
                let _ = writeln!(
                    out,
                    "ALTER TABLE ONLY {} ALTER COLUMN {} SET DEFAULT {default};",
                    self.table_name(table),
                    self.to.quote(&column.name)
                );
            }
        }
    }
}
