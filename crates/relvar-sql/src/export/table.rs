//! CREATE TABLE in each dialect's form: columns (type, identity, generation, default, collation,
//! comment), keys, checks, the foreign keys that can be declared inline, and table options.

use std::collections::BTreeSet;
use std::fmt::Write;

use relvar_model::{Column, ColumnId, ForeignKey, Identity, Table, TableId};

use super::expressions::{is_literal, translate, value_as_column};
use super::names::NameKind;
use super::types::{SqlType, string_literal};
use super::{DdlWriter, inline_enum_name};
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
        for column in &table.columns {
            let (line, check) = self.column_definition(
                table,
                column,
                sqlite_rowid == Some(column.id),
                &mut auto_numbered,
            );
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
        for unique in &table.uniques {
            let (name, _) = self.claim(table, NameKind::Unique, unique.name.as_deref());
            elements.push(format!(
                "{}UNIQUE ({})",
                self.constraint_prefix(name.as_deref()),
                self.column_list(table, &unique.columns)
            ));
        }
        for check in &table.checks {
            let translated =
                translate(&check.expression, self.from, self.to).filter(|expression| {
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
            let inline = self.to == Dialect::Sqlite
                || foreign_key.to_table == table.id
                || created.contains(&foreign_key.to_table);
            if inline {
                if let Some(clause) = self.foreign_key_clause(foreign_key) {
                    elements.push(clause);
                }
            } else {
                deferred.push(foreign_key);
            }
        }
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
        out.push_str(";\n\n");
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
                write(part);
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

    /// The column definition, and a CHECK element it needs (an enum written as text).
    fn column_definition(
        &mut self,
        table: &Table,
        column: &Column,
        sqlite_rowid: bool,
        auto_numbered: &mut bool,
    ) -> (String, Option<String>) {
        let where_ = format!("{}.{}", table.qualified_name(), column.name);
        let name = self.to.quote(&column.name);
        let (mut data_type, enum_values) = self.column_type(table, column);
        let mut identity = column.identity;
        let mut default = column.default.clone();
        if let Some(text) = column.default.as_ref()
            && !self.same_dialect()
        {
            if text
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("nextval(")
            {
                identity = identity.or(Some(Identity::ByDefault));
                default = None;
            } else {
                default = translate(text, self.from, self.to)
                    .and_then(|translated| self.portable_default(column, translated));
                if default.is_none() {
                    self.warn(format!(
                        "{where_}: default {text} has no {} form; left out",
                        self.to.name()
                    ));
                }
            }
        }
        let mut generated = None;
        if let Some(generation) = &column.generated {
            match translate(&generation.expression, self.from, self.to) {
                Some(expression) => generated = Some((expression, generation.stored)),
                None => self.warn(format!(
                    "{where_}: generated as ({}), which has no {} form; written as a plain column",
                    generation.expression,
                    self.to.name()
                )),
            }
            default = None;
        }
        if identity.is_some()
            && !self.identity_allowed(table, column, &data_type, sqlite_rowid, *auto_numbered)
        {
            self.warn(format!(
                "{where_}: {} cannot number this column; identity left out",
                self.to.name()
            ));
            identity = None;
        }
        if identity.is_some() {
            *auto_numbered = true;
            default = None;
        }
        if sqlite_rowid {
            data_type = "integer".to_owned();
        }
        let mut line = name.clone();
        if let (Some((expression, stored)), Dialect::MsSql) = (&generated, self.to) {
            let _ = write!(
                line,
                " AS ({expression}){}",
                if *stored { " PERSISTED" } else { "" }
            );
            let check = enum_values.map(|values| self.enum_check(&name, &values));
            return (line, check);
        }
        let _ = write!(line, " {data_type}");
        // MySQL's type attributes (`BINARY`, `CHARACTER SET x`) must follow the type itself, and
        // SQL Server's column properties (`SPARSE`, `MASKED WITH`, `GENERATED ALWAYS AS ROW
        // START`) come before its nullability.
        let is_type_attribute = |option: &String| {
            let upper = option.to_ascii_uppercase();
            ["BINARY", "SPARSE", "FILESTREAM"].contains(&upper.as_str())
                || [
                    "CHARACTER SET",
                    "CHARSET",
                    "MASKED WITH",
                    "GENERATED ALWAYS AS ",
                ]
                .iter()
                .any(|start| upper.starts_with(start))
        };
        let (type_attributes, options): (Vec<&String>, Vec<&String>) = column
            .verbatim
            .iter()
            .partition(|option| is_type_attribute(option));
        if self.same_dialect() {
            for attribute in &type_attributes {
                let _ = write!(line, " {attribute}");
            }
        }
        if sqlite_rowid {
            let key_name = table
                .primary_key
                .as_ref()
                .and_then(|key| key.name.as_deref());
            let (name, _) = self.claim(table, NameKind::PrimaryKey, key_name);
            let _ = write!(
                line,
                " {}PRIMARY KEY AUTOINCREMENT",
                self.constraint_prefix(name.as_deref())
            );
        }
        if let Some(collation) = &column.collation {
            if self.same_dialect() {
                let _ = write!(line, " COLLATE {collation}");
            } else {
                self.warn(format!(
                    "{where_}: collation {collation} is not carried to {}",
                    self.to.name()
                ));
            }
        }
        if let Some((expression, stored)) = &generated {
            // PostgreSQL reads VIRTUAL from version 18; the scripts target current engines.
            let _ = write!(
                line,
                " GENERATED ALWAYS AS ({expression}) {}",
                if *stored { "STORED" } else { "VIRTUAL" }
            );
        }
        if let Some(default) = &default {
            let needs_parentheses = !self.same_dialect()
                && matches!(self.to, Dialect::MySql | Dialect::Sqlite)
                && !is_literal(default);
            if needs_parentheses {
                let _ = write!(line, " DEFAULT ({default})");
            } else {
                let _ = write!(line, " DEFAULT {default}");
            }
        }
        if !column.nullable && !sqlite_rowid {
            line.push_str(" NOT NULL");
        }
        match (identity, self.to) {
            (None, _) | (_, Dialect::Sqlite) => {}
            (Some(Identity::Always), Dialect::PostgreSql) => {
                line.push_str(" GENERATED ALWAYS AS IDENTITY")
            }
            (Some(Identity::ByDefault), Dialect::PostgreSql) => {
                line.push_str(" GENERATED BY DEFAULT AS IDENTITY")
            }
            (Some(_), Dialect::MySql) => line.push_str(" AUTO_INCREMENT"),
            (Some(_), Dialect::MsSql) => line.push_str(" IDENTITY(1,1)"),
        }
        if self.to == Dialect::MySql
            && let Some(comment) = &column.comment
        {
            let _ = write!(line, " COMMENT {}", string_literal(comment));
        }
        let not_carried = if self.same_dialect() {
            Vec::new()
        } else {
            type_attributes
        };
        for option in options.into_iter().chain(not_carried) {
            if self.same_dialect() {
                let _ = write!(line, " {option}");
            } else {
                self.warn(format!(
                    "{where_}: {} option `{option}` is not carried to {}",
                    self.from.name(),
                    self.to.name()
                ));
            }
        }
        let check = enum_values.map(|values| self.enum_check(&name, &values));
        (line, check)
    }

    /// A translated default the target accepts for the column's type: booleans as the target
    /// spells them, dates only in the plain form every engine reads (no zero dates, no offsets).
    fn portable_default(&self, column: &Column, default: String) -> Option<String> {
        let bare = crate::import::strip_parentheses(&default);
        match SqlType::parse(&column.data_type) {
            SqlType::Boolean if self.to == Dialect::PostgreSql => match bare.as_str() {
                "0" | "b'0'" => Some("false".to_owned()),
                "1" | "b'1'" => Some("true".to_owned()),
                _ => Some(default),
            },
            SqlType::Date | SqlType::Timestamp { .. } if bare.starts_with('\'') => {
                let literal = bare.trim_matches('\'');
                let plain = literal.len() >= 10
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | '.'));
                let zero = literal.starts_with("0000");
                (plain && !(zero && self.to != Dialect::MySql)).then_some(default)
            }
            _ => Some(default),
        }
    }

    fn enum_check(&self, column: &str, values: &[String]) -> String {
        let labels: Vec<String> = values.iter().map(|value| string_literal(value)).collect();
        format!("CHECK ({column} IN ({}))", labels.join(", "))
    }

    /// The column's type in the target, and the values to check when an enum is written as text.
    fn column_type(&mut self, table: &Table, column: &Column) -> (String, Option<Vec<String>>) {
        if self.same_dialect() {
            return (column.data_type.clone(), None);
        }
        let named = self
            .enum_type(&column.data_type)
            .map(|enum_type| enum_type.values.clone());
        let mut data_type = column.data_type.as_str();
        if let Some(domain) = super::domain_named(self.design, &column.data_type) {
            if let Some(default) = &domain.default {
                self.warn(format!(
                    "{}.{}: domain {} written as its type {}, without its default {default} ({} has no domains)",
                    table.qualified_name(),
                    column.name,
                    domain.qualified_name(),
                    domain.data_type,
                    self.to.name()
                ));
            }
            data_type = &domain.data_type;
        }
        let parsed = match named {
            Some(values) => SqlType::Enum(values),
            None => SqlType::parse(data_type),
        };
        if let SqlType::Enum(values) = &parsed {
            return match self.to {
                Dialect::PostgreSql => (
                    self.qualified(
                        table.schema.as_deref(),
                        &inline_enum_name(table, &column.name),
                    ),
                    None,
                ),
                Dialect::MySql => (parsed.write(self.to, false).sql, None),
                _ => (
                    parsed.write(self.to, self.in_key(table, column.id)).sql,
                    Some(values.clone()),
                ),
            };
        }
        let written = parsed.write(self.to, self.in_key(table, column.id));
        if let Some(loss) = written.loss {
            self.warn(format!(
                "{}.{} {}: {loss}",
                table.qualified_name(),
                column.name,
                column.data_type
            ));
        }
        (written.sql, None)
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
            for check in &domain.checks {
                let translated = value_as_column(&check.expression, &column.name, self.from)
                    .and_then(|expression| translate(&expression, self.from, self.to));
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

    /// Whether the column is part of a key, a foreign key or an index.
    fn in_key(&self, table: &Table, id: ColumnId) -> bool {
        table.is_primary_key_column(id)
            || table
                .uniques
                .iter()
                .any(|unique| unique.columns.contains(&id))
            || table
                .indexes
                .iter()
                .any(|index| index.key_columns().any(|column| column == id))
            || self.foreign_key_columns.contains(&(table.id, id))
    }

    fn identity_allowed(
        &self,
        table: &Table,
        column: &Column,
        data_type: &str,
        sqlite_rowid: bool,
        numbered: bool,
    ) -> bool {
        let parsed = SqlType::parse(data_type);
        let integer = matches!(parsed, SqlType::Integer { .. } | SqlType::Decimal { .. });
        match self.to {
            Dialect::PostgreSql => matches!(parsed, SqlType::Integer { .. }),
            Dialect::MsSql => integer && !numbered,
            Dialect::Sqlite => sqlite_rowid,
            Dialect::MySql => {
                let leads =
                    |columns: &mut dyn Iterator<Item = ColumnId>| columns.next() == Some(column.id);
                let keyed = table
                    .primary_key
                    .as_ref()
                    .is_some_and(|key| leads(&mut key.columns.iter().copied()))
                    || table
                        .uniques
                        .iter()
                        .any(|unique| leads(&mut unique.columns.iter().copied()))
                    || table
                        .indexes
                        .iter()
                        .any(|index| leads(&mut index.key_columns()));
                integer && keyed && !numbered
            }
        }
    }

    /// SQLite numbers a column only as the table's one-column `INTEGER PRIMARY KEY`.
    fn sqlite_autoincrement_column(&self, table: &Table) -> Option<ColumnId> {
        if self.to != Dialect::Sqlite {
            return None;
        }
        let key = table.primary_key.as_ref()?;
        let [id] = key.columns.as_slice() else {
            return None;
        };
        let column = table.columns.iter().find(|column| column.id == *id)?;
        let numbered = column.identity.is_some()
            || (!self.same_dialect()
                && column
                    .default
                    .as_deref()
                    .is_some_and(|d| d.to_ascii_lowercase().starts_with("nextval(")));
        let integer = matches!(SqlType::parse(&column.data_type), SqlType::Integer { .. });
        (numbered && integer).then_some(*id)
    }

    pub(super) fn claim(
        &mut self,
        table: &Table,
        kind: NameKind,
        wanted: Option<&str>,
    ) -> (Option<String>, bool) {
        let (name, changed) = self
            .names
            .claim(table.schema.as_deref(), &table.name, kind, wanted);
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
