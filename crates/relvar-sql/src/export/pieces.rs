//! A design's DDL one object at a time, for scripts that change a database rather than create it
//! (migrations): a table's CREATE TABLE, a column's definition, a key, an index, a foreign key,
//! written exactly as `export_ddl` writes them, so a migrated database and a fresh one agree.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use relvar_model::{ColumnId, Design, ForeignKeyId, Table, TableId};

use super::DdlWriter;
use super::names::NameKind;
use super::types::string_literal;
use crate::dialect::{Dialect, SqlSyntax};

/// Writes the pieces of one design's DDL for one dialect; warnings gather as in `export_ddl`.
pub struct DdlPieces<'a> {
    writer: DdlWriter<'a>,
    /// The design's tables by id: a migration looks tables up once per statement.
    tables: BTreeMap<TableId, &'a Table>,
}

impl std::fmt::Debug for DdlPieces<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("DdlPieces")
            .field("to", &self.writer.to)
            .finish_non_exhaustive()
    }
}

impl<'a> DdlPieces<'a> {
    pub fn new(design: &'a Design, dialect: Dialect) -> Self {
        let mut writer = super::writer(design, dialect);
        writer.name_tables();
        let tables = design
            .tables
            .iter()
            .map(|table| (table.id, table))
            .collect();
        Self { writer, tables }
    }

    pub fn dialect(&self) -> Dialect {
        self.writer.to
    }

    /// What could not be carried over so far, one line per loss.
    pub fn warnings(&self) -> &[String] {
        &self.writer.warnings
    }

    /// A name quoted as the dialect needs.
    pub fn quote(&self, name: &str) -> String {
        self.writer.to.quote(name)
    }

    /// A string literal.
    pub fn literal(&self, text: &str) -> String {
        string_literal(text)
    }

    /// The table's name as written in statements, with its schema where the target keeps one.
    pub fn table_name(&self, table: TableId) -> String {
        self.writer
            .design
            .table(table)
            .map(|table| self.writer.table_name(table))
            .unwrap_or_default()
    }

    /// A schema-qualified name of another object (a type, a sequence, a view).
    pub fn qualified(&self, schema: Option<&str>, name: &str) -> String {
        self.writer.qualified(schema, name)
    }

    /// The design's tables in the order they can be created: referenced tables and partitioned
    /// parents first, cycles in design order.
    pub fn creation_order(&self) -> Vec<TableId> {
        super::order::tables_in_dependency_order(self.writer.design)
            .into_iter()
            .map(|table| table.id)
            .collect()
    }

    /// `CREATE TABLE` with its keys and checks, and the statements that must follow it at once
    /// (keys PostgreSQL would merge, a partition's ATTACH). Foreign keys are declared inline when `inline_foreign_keys`
    /// (SQLite can add none later), else left for `foreign_key`. `written_name` writes the table
    /// under another name (a table rebuilt beside the old one).
    pub fn create_table(
        &mut self,
        table: TableId,
        inline_foreign_keys: bool,
        written_name: Option<&str>,
    ) -> String {
        let design = self.writer.design;
        let Some(table) = self.tables.get(&table).copied() else {
            return String::new();
        };
        let kept_name = self.writer.table_names.get(&table.id).cloned();
        if let Some(name) = written_name {
            self.writer.table_names.insert(table.id, name.to_owned());
        }
        let created: BTreeSet<TableId> = if inline_foreign_keys {
            design.tables.iter().map(|table| table.id).collect()
        } else {
            BTreeSet::new()
        };
        let mut out = String::new();
        self.writer.create_table(&mut out, table, &created);
        // A partition with columns of its own is created as a table, then attached.
        self.writer.attach_partitions(&mut out, &[table]);
        match kept_name {
            Some(name) => {
                self.writer.table_names.insert(table.id, name);
            }
            None => {
                self.writer.table_names.remove(&table.id);
            }
        }
        out.trim_end().to_owned()
    }

    /// A column's definition as in CREATE TABLE (`"name" type DEFAULT ... NOT NULL`), and a
    /// CHECK element it needs (an enum written as text).
    pub fn column_definition(
        &mut self,
        table: TableId,
        column: ColumnId,
    ) -> Option<(String, Option<String>)> {
        let table = self.tables.get(&table).copied()?;
        let column = table.columns.iter().find(|c| c.id == column)?;
        let mut numbered = false;
        Some(
            self.writer
                .column_definition(table, column, false, &mut numbered),
        )
    }

    /// A column's type as written in the target.
    pub fn column_type(&mut self, table: TableId, column: ColumnId) -> Option<String> {
        let table = self.tables.get(&table).copied()?;
        let column = table.columns.iter().find(|c| c.id == column)?;
        Some(self.writer.column_type(table, column).0)
    }

    /// `CONSTRAINT n PRIMARY KEY (a, b)` (the name where the target keeps one).
    pub fn primary_key(&mut self, table: TableId) -> Option<String> {
        let table = self.tables.get(&table).copied()?;
        let key = table.primary_key.as_ref()?;
        let (name, _) = self
            .writer
            .claim(table, NameKind::PrimaryKey, key.name.as_deref());
        let name = name.filter(|_| self.writer.to != Dialect::MySql);
        Some(format!(
            "{}PRIMARY KEY ({})",
            self.writer.constraint_prefix(name.as_deref()),
            self.writer.column_list(table, &key.columns)
        ))
    }

    /// `CONSTRAINT n UNIQUE (a, b)` for the table's unique constraint at `position`.
    pub fn unique(&mut self, table: TableId, position: usize) -> Option<String> {
        let table = self.tables.get(&table).copied()?;
        let unique = table.uniques.get(position)?;
        let (name, _) = self
            .writer
            .claim(table, NameKind::Unique, unique.name.as_deref());
        Some(format!(
            "{}UNIQUE ({})",
            self.writer.constraint_prefix(name.as_deref()),
            self.writer.column_list(table, &unique.columns)
        ))
    }

    /// `CONSTRAINT n CHECK (expression)` for the table's check at `position`, translated.
    pub fn check(&mut self, table: TableId, position: usize) -> Option<String> {
        let table = self.tables.get(&table).copied()?;
        let check = table.checks.get(position)?;
        let expression = self.writer.translate_on(table, &check.expression)?;
        let (name, _) = self
            .writer
            .claim(table, NameKind::Check, check.name.as_deref());
        Some(format!(
            "{}CHECK ({expression})",
            self.writer.constraint_prefix(name.as_deref())
        ))
    }

    /// `CREATE [UNIQUE] INDEX ...` for the table's index at `position`; none when the target
    /// cannot build it (said in the warnings).
    pub fn create_index(&mut self, table: TableId, position: usize) -> Option<String> {
        let table = self.tables.get(&table).copied()?;
        let index = table.indexes.get(position)?;
        self.writer.create_index(table, index)
    }

    /// `CONSTRAINT n FOREIGN KEY (a) REFERENCES t (b) ...`, as the target spells it.
    pub fn foreign_key(&mut self, id: ForeignKeyId) -> Option<String> {
        let foreign_key = self
            .writer
            .design
            .foreign_keys
            .iter()
            .find(|foreign_key| foreign_key.id == id)?;
        self.writer.foreign_key_clause(foreign_key)
    }

    /// `CREATE DOMAIN` for the design's domain at `position`, with its checks or without them
    /// (to be added apart); `None` where the target has no domains (all but PostgreSQL).
    pub fn create_domain(&self, position: usize, with_checks: bool) -> Option<String> {
        let domain = self.writer.design.domains.get(position)?;
        if self.writer.to != crate::Dialect::PostgreSql {
            return None;
        }
        if with_checks {
            return Some(self.writer.create_domain(domain));
        }
        let unchecked = relvar_model::Domain {
            checks: Vec::new(),
            ..domain.clone()
        };
        Some(self.writer.create_domain(&unchecked))
    }

    /// `CREATE TYPE name AS ENUM (...)` for the design's enum at `position` (PostgreSQL).
    pub fn create_enum(&self, position: usize) -> Option<String> {
        let enum_type = self.writer.design.enums.get(position)?;
        let mut out = String::new();
        self.writer.create_enum(
            &mut out,
            enum_type.schema.as_deref(),
            &enum_type.name,
            &enum_type.values,
        );
        Some(out.trim_end().trim_end_matches(';').to_owned())
    }

    /// `CREATE SEQUENCE ...` for the design's sequence at `position`.
    pub fn create_sequence(&self, position: usize) -> Option<String> {
        let sequence = self.writer.design.sequences.get(position)?;
        Some(self.writer.create_sequence(sequence))
    }

    /// The statement that sets (or with `None` removes) a comment on a table or one of its
    /// columns, where the target keeps comments outside the definitions (PostgreSQL, SQL Server);
    /// `before` is the comment it replaces (SQL Server adds, updates and drops by different calls).
    pub fn comment_on(
        &self,
        table: TableId,
        column: Option<ColumnId>,
        before: Option<&str>,
        comment: Option<&str>,
    ) -> Option<String> {
        let table = self.tables.get(&table).copied()?;
        let column = match column {
            Some(id) => Some(table.columns.iter().find(|c| c.id == id)?.name.as_str()),
            None => None,
        };
        let value = comment.map_or_else(|| "NULL".to_owned(), string_literal);
        match self.writer.to {
            Dialect::PostgreSql => {
                let mut target = match column {
                    Some(column) => format!(
                        "COLUMN {}.{}",
                        self.writer.table_name(table),
                        self.quote(column)
                    ),
                    None => format!("TABLE {}", self.writer.table_name(table)),
                };
                let _ = write!(target, " IS {value}");
                Some(format!("COMMENT ON {target}"))
            }
            Dialect::MsSql => {
                let procedure = match (before, comment) {
                    (None, None) => return None,
                    (None, Some(_)) => "sp_addextendedproperty",
                    (Some(_), Some(_)) => "sp_updateextendedproperty",
                    (Some(_), None) => "sp_dropextendedproperty",
                };
                let value = comment
                    .map(|comment| format!(", @value = N{}", string_literal(comment)))
                    .unwrap_or_default();
                let schema = self
                    .writer
                    .schema_of(table.schema.as_deref())
                    .unwrap_or("dbo");
                let mut sql = format!(
                    "EXEC {procedure} @name = N'MS_Description'{value}, @level0type = N'SCHEMA', @level0name = N{}, @level1type = N'TABLE', @level1name = N{}",
                    string_literal(schema),
                    string_literal(&table.name)
                );
                if let Some(column) = column {
                    let _ = write!(
                        sql,
                        ", @level2type = N'COLUMN', @level2name = N{}",
                        string_literal(column)
                    );
                }
                Some(sql)
            }
            Dialect::MySql if column.is_none() => Some(format!(
                "ALTER TABLE {} COMMENT = {}",
                self.writer.table_name(table),
                comment.map_or_else(|| "''".to_owned(), string_literal)
            )),
            _ => None,
        }
    }
}
