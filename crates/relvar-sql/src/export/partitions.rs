//! Partitions: PostgreSQL gets `CREATE TABLE ... PARTITION OF` for partitions with no columns of
//! their own and `ATTACH PARTITION` for the others; other engines get plain tables and a warning.

use std::fmt::Write;

use relvar_model::Table;

use super::DdlWriter;
use super::order::split_qualified;
use crate::dialect::Dialect;

impl DdlWriter<'_> {
    /// Writes a partition declared with `PARTITION OF` (no columns of its own); `true` when the
    /// table was such a partition, written or left out with a warning.
    pub(super) fn partition_of(&mut self, out: &mut String, table: &Table) -> bool {
        let Some(partition) = &table.partition_of else {
            return false;
        };
        if !table.columns.is_empty() {
            if self.to != Dialect::PostgreSql {
                self.warn(format!(
                    "{}: a partition of {} ({}), written as a table of its own",
                    table.qualified_name(),
                    partition.parent,
                    partition.bound
                ));
            }
            return false;
        }
        if self.to != Dialect::PostgreSql {
            self.warn(format!(
                "{}: a partition of {} with no columns of its own, not written for {}",
                table.qualified_name(),
                partition.parent,
                self.to.name()
            ));
            return true;
        }
        let _ = writeln!(
            out,
            "CREATE TABLE {} PARTITION OF {} {};\n",
            self.table_name(table),
            self.parent_name(&partition.parent),
            partition.bound
        );
        true
    }

    /// `ALTER TABLE ONLY parent ATTACH PARTITION child bound` for partitions with their own
    /// columns, once every table exists.
    pub(super) fn attach_partitions(&self, out: &mut String, tables: &[&Table]) {
        if self.to != Dialect::PostgreSql {
            return;
        }
        let mut any = false;
        for table in tables {
            let Some(partition) = &table.partition_of else {
                continue;
            };
            if table.columns.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "ALTER TABLE ONLY {} ATTACH PARTITION {} {};",
                self.parent_name(&partition.parent),
                self.table_name(table),
                partition.bound
            );
            any = true;
        }
        if any {
            out.push('\n');
        }
    }

    fn parent_name(&self, parent: &str) -> String {
        let (schema, name) = split_qualified(parent);
        match self.design.find_table(schema, name) {
            Some(parent) => self.table_name(parent),
            None => parent.to_owned(),
        }
    }
}
