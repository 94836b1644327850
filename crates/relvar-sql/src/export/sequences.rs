//! Sequences: `CREATE SEQUENCE` before the tables whose defaults call them, `OWNED BY` after the
//! tables (PostgreSQL; SQL Server has no owners); MySQL and SQLite have no sequences and get a
//! warning (owned ones live on as the column's identity).

use std::fmt::Write;

use relvar_model::Sequence;

use super::DdlWriter;
use super::order::split_qualified;
use super::types::SqlType;
use crate::dialect::{Dialect, SqlSyntax};

impl DdlWriter<'_> {
    pub(super) fn sequences(&mut self, out: &mut String) {
        if matches!(self.to, Dialect::MySql | Dialect::Sqlite) {
            for sequence in &self.design.sequences {
                if sequence.owned_by.is_none() {
                    self.warn(format!(
                        "sequence {} is not written: {} has no sequences",
                        sequence.qualified_name(),
                        self.to.name()
                    ));
                }
            }
            return;
        }
        for sequence in &self.design.sequences {
            let _ = writeln!(out, "{};", self.create_sequence(sequence));
        }
        if !self.design.sequences.is_empty() {
            out.push('\n');
        }
    }

    pub(super) fn create_sequence(&self, sequence: &Sequence) -> String {
        let mut line = format!(
            "CREATE SEQUENCE {}",
            self.qualified(sequence.schema.as_deref(), &sequence.name)
        );
        if let Some(data_type) = &sequence.data_type {
            let written = if self.same_dialect() {
                data_type.clone()
            } else {
                SqlType::parse(data_type).write(self.to, false).sql
            };
            let _ = write!(line, " AS {written}");
        }
        let options = [
            ("START WITH", sequence.start),
            ("INCREMENT BY", sequence.increment),
            ("MINVALUE", sequence.min_value),
            ("MAXVALUE", sequence.max_value),
            ("CACHE", sequence.cache),
        ];
        for (option, value) in options {
            if let Some(value) = value {
                let _ = write!(line, " {option} {value}");
            }
        }
        if sequence.cycle {
            line.push_str(" CYCLE");
        }
        line
    }

    /// `ALTER SEQUENCE ... OWNED BY table.column`, once the tables exist.
    pub(super) fn sequence_owners(&self, out: &mut String) {
        if self.to != Dialect::PostgreSql {
            return;
        }
        for sequence in &self.design.sequences {
            let Some(owner) = &sequence.owned_by else {
                continue;
            };
            let (schema, table) = split_qualified(&owner.table);
            let _ = writeln!(
                out,
                "ALTER SEQUENCE {} OWNED BY {}.{};",
                self.qualified(sequence.schema.as_deref(), &sequence.name),
                self.qualified(schema, table),
                self.to.quote(&owner.column)
            );
        }
        if self.design.sequences.iter().any(|s| s.owned_by.is_some()) {
            out.push('\n');
        }
    }
}
