//! CREATE TABLE in each dialect's form: its columns (`columns.rs`), keys (a key PostgreSQL would
//! merge with another added after the table), checks, the foreign keys that can be declared
//! inline, and table options.

use std::collections::BTreeSet;
use std::fmt::Write;

use relvar_model::{ColumnId, ForeignKey, Table, TableId};

use super::DdlWriter;
use super::expressions::{mentions, value_as_column};
use super::names::NameKind;
use super::references::ReferencedKey;
use super::types::string_literal;
use crate::dialect::{Dialect, SqlSyntax};

impl<'a> DdlWriter<'a> {
    /// Writes the table; returns its foreign keys that must wait for tables not created yet.
    pub(super) fn create_table(
        &mut self,
        out: &mut String,
        table: &'a Table,
        created: &BTreeSet<TableId>,
    ) -> Vec<&'a ForeignKey> {
        if self.partition_of(out, table) {
            return Vec::new();
        }
        if table.columns.is_empty() && !self.same_dialect() {
            self.warn(format!(
                "{}: a table without columns of its own (a partition or child) is not written for {}",
                table.qualified_name(),
                self.to.name()
            ));
            return Vec::new();
        }
        let sqlite_rowid = self.sqlite_autoincrement_column(table);
        let mut elements = Vec::new();
        let mut checks = Vec::new();
        let mut auto_numbered = false;
        let mut numbered_column = None;
        let inherited = self.inherited(table);
        for column in &table.columns {
            if inherited.columns.contains(&column.id) {
                continue;
            }
            let before = auto_numbered;
            let (line, check) = self.column_definition(
                table,
                column,
                sqlite_rowid == Some(column.id),
                &mut auto_numbered,
            );
            if auto_numbered && !before {
                numbered_column = Some(column.name.as_str());
            }
            elements.push(line);
            checks.extend(check);
        }
        if let Some(key) = &table.primary_key
            && sqlite_rowid.is_none()
        {
            let (name, _) = self.claim(table, NameKind::PrimaryKey, key.name.as_deref());
            let name = if self.to == Dialect::MySql {
                None
            } else {
                name
            };
            // SQL Server makes a key clustered unless told otherwise, and allows one per table.
            let clustered_elsewhere = self.to == Dialect::MsSql
                && table
                    .indexes
                    .iter()
                    .any(|index| index.kind.is_some_and(|kind| kind.is_clustered()));
            elements.push(format!(
                "{}PRIMARY KEY {}({})",
                self.constraint_prefix(name.as_deref()),
                if clustered_elsewhere {
                    "NONCLUSTERED "
                } else {
                    ""
                },
                self.column_list(table, &key.columns)
            ));
        }
        // PostgreSQL drops a key that repeats another in the same CREATE TABLE: such a one
        // is added after it.
        let mut keys: Vec<&[ColumnId]> = table
            .primary_key
            .iter()
            .map(|key| key.columns.as_slice())
            .collect();
        let mut repeated = Vec::new();
        for unique in &table.uniques {
            let (name, _) = self.claim(table, NameKind::Unique, unique.name.as_deref());
            let element = format!(
                "{}UNIQUE ({})",
                self.constraint_prefix(name.as_deref()),
                self.column_list(table, &unique.columns)
            );
            if self.to == Dialect::PostgreSql && keys.contains(&unique.columns.as_slice()) {
                repeated.push(element);
            } else {
                elements.push(element);
            }
            keys.push(&unique.columns);
        }
        for (position, check) in table.checks.iter().enumerate() {
            if inherited.checks.contains(&position) {
                continue;
            }
            if self.lacks_function(&table.qualified_name(), "check", &check.expression) {
                continue;
            }
            if let Some(column) = self.retyped_in(table, &check.expression) {
                self.warn(format!(
                    "{}: check ({}) is about {column}, written with its referenced column's type; left out",
                    table.qualified_name(),
                    check.expression
                ));
                continue;
            }
            if self.to == Dialect::MySql
                && !self.same_dialect()
                && let Some(numbered) =
                    numbered_column.filter(|name| mentions(&check.expression, name, self.from))
            {
                self.warn(format!(
                    "{}: check ({}) names the AUTO_INCREMENT column {numbered}, which {} refuses; left out",
                    table.qualified_name(),
                    check.expression,
                    self.to.name()
                ));
                continue;
            }
            if let Some(column) = self.changed_by_foreign_key(table, &check.expression) {
                self.warn(format!(
                    "{}: check ({}) names {column}, which a foreign key's action changes; {} refuses that, left out",
                    table.qualified_name(),
                    check.expression,
                    self.to.name()
                ));
                continue;
            }
            let translated = self
                .translate_on(table, &check.expression)
                .filter(|expression| {
                    // MariaDB and MySQL refuse checks that depend on the clock.
                    !(self.to == Dialect::MySql && expression.contains("CURRENT_TIMESTAMP"))
                });
            match translated {
                Some(expression) => {
                    let (name, _) = self.claim(table, NameKind::Check, check.name.as_deref());
                    elements.push(format!(
                        "{}CHECK ({expression})",
                        self.constraint_prefix(name.as_deref())
                    ));
                }
                None => self.warn(format!(
                    "{}: check ({}) has no {} form; left out",
                    table.qualified_name(),
                    check.expression,
                    self.to.name()
                )),
            }
        }
        elements.extend(checks);
        elements.extend(self.domain_checks(table));
        let mut deferred = Vec::new();
        let own_foreign_keys = self.graph.references_from(table.id).to_vec();
        for foreign_key in own_foreign_keys {
            // A key of its own table that is an index exists only once the table does.
            let own_key = foreign_key.to_table == table.id
                && self
                    .referenced_key(table, &foreign_key.to_columns)
                    .is_none_or(|(key, _)| key == ReferencedKey::Constraint);
            let inline =
                self.to == Dialect::Sqlite || own_key || created.contains(&foreign_key.to_table);
            if inline {
                if let Some(clause) = self.foreign_key_clause(foreign_key) {
                    elements.push(clause);
                }
            } else {
                deferred.push(foreign_key);
            }
        }
        elements.extend(self.numbering_key_element(table));
        self.carried(table, &table.verbatim_elements, "table element", |text| {
            elements.push(text.to_owned())
        });
        if self.to == Dialect::Sqlite {
            self.sqlite_comments(out, table);
        }
        let _ = write!(
            out,
            "CREATE TABLE {} (\n    {}\n)",
            self.table_name(table),
            elements.join(",\n    ")
        );
        self.table_options(out, table);
        out.push_str(";\n");
        for element in repeated {
            let _ = writeln!(out, "ALTER TABLE {} ADD {element};", self.table_name(table));
        }
        self.inherited_defaults(out, table, &inherited);
        out.push('\n');
        deferred
    }

    fn table_options(&mut self, out: &mut String, table: &Table) {
        if let Some(partitioning) = &table.partition_by {
            if self.same_dialect() {
                let _ = write!(out, "\nPARTITION BY {partitioning}");
            } else {
                self.warn(format!(
                    "{}: partitioning (PARTITION BY {partitioning}) is not carried to {}",
                    table.qualified_name(),
                    self.to.name()
                ));
            }
        }
        self.carried(table, &table.verbatim_options, "table option", |text| {
            let _ = write!(out, "\n{text}");
        });
        if self.to == Dialect::MySql
            && let Some(comment) = &table.comment
        {
            let _ = write!(out, "\nCOMMENT={}", string_literal(comment));
        }
    }

    /// Writes verbatim parts when the target is their dialect; otherwise says they are left out.
    fn carried(
        &mut self,
        table: &Table,
        parts: &[String],
        what: &str,
        mut write: impl FnMut(&str),
    ) {
        for part in parts {
            if self.same_dialect() {
                write(&self.for_mariadb(&table.qualified_name(), part));
            } else {
                self.warn(format!(
                    "{}: {} {what} `{part}` is not carried to {}",
                    table.qualified_name(),
                    self.from.name(),
                    self.to.name()
                ));
            }
        }
    }

    /// The checks of the domains the table's columns use, as checks on those columns, for a target
    /// that has no domains.
    fn domain_checks(&mut self, table: &Table) -> Vec<String> {
        if self.to == Dialect::PostgreSql {
            return Vec::new();
        }
        let mut elements = Vec::new();
        for column in &table.columns {
            let Some(domain) = super::domain_named(self.design, &column.data_type) else {
                continue;
            };
            if let Some(named) = self.changed_by_foreign_key(table, &self.from.quote(&column.name))
                && !domain.checks.is_empty()
            {
                self.warn(format!(
                    "{}.{}: the checks of domain {} name {named}, which a foreign key's action changes; {} refuses that, left out",
                    table.qualified_name(),
                    column.name,
                    domain.qualified_name(),
                    self.to.name()
                ));
                continue;
            }
            for check in &domain.checks {
                let translated = value_as_column(&check.expression, &column.name, self.from)
                    .and_then(|expression| self.translate_on(table, &expression));
                let Some(expression) = translated else {
                    self.warn(format!(
                        "{}.{}: check ({}) of domain {} has no {} form; left out",
                        table.qualified_name(),
                        column.name,
                        check.expression,
                        domain.qualified_name(),
                        self.to.name()
                    ));
                    continue;
                };
                let (name, _) = self.claim(table, NameKind::Check, check.name.as_deref());
                elements.push(format!(
                    "{}CHECK ({expression})",
                    self.constraint_prefix(name.as_deref())
                ));
            }
        }
        elements
    }

    pub(super) fn claim(
        &mut self,
        table: &Table,
        kind: NameKind,
        wanted: Option<&str>,
    ) -> (Option<String>, bool) {
        let scope = self.schema_of(table.schema.as_deref());
        let written = self.written_name(table).to_owned();
        let (name, changed) = self.names.claim(scope, &written, kind, wanted);
        if changed && let (Some(wanted), Some(name)) = (wanted, &name) {
            self.warn(format!(
                "{}: the name {wanted} is taken in {}'s scope for it; renamed {name}",
                table.qualified_name(),
                self.to.name()
            ));
        }
        (name, changed)
    }

    pub(super) fn constraint_prefix(&self, name: Option<&str>) -> String {
        name.map(|name| format!("CONSTRAINT {} ", self.to.quote(name)))
            .unwrap_or_default()
    }

    pub(super) fn column_list(&self, table: &Table, ids: &[ColumnId]) -> String {
        let names: Vec<String> = ids
            .iter()
            .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
            .map(|column| self.to.quote(&column.name))
            .collect();
        names.join(", ")
    }
}
