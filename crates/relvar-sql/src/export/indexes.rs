//! CREATE INDEX in each dialect's form; what a target cannot index is left out and said so.

use std::fmt::Write;

use relvar_model::{Index, IndexKey, IndexPart, Table};

use super::DdlWriter;
use super::names::NameKind;
use super::types::SqlType;
use crate::dialect::{Dialect, SqlSyntax};

/// An index's definition: what comes before `INDEX` (`UNIQUE`, SQL Server's layout), its name as
/// written, and what follows the table's name (method, parts, INCLUDE, WHERE, options).
struct IndexPieces {
    head: String,
    name: String,
    tail: String,
}

impl DdlWriter<'_> {
    pub(super) fn indexes(&mut self, out: &mut String, table: &Table) {
        let mut any = false;
        for (position, index) in table.indexes.iter().enumerate() {
            if self.written_early.contains(&(table.id, position)) {
                continue;
            }
            if let Some(statement) = self.create_index(table, index) {
                let _ = writeln!(out, "{statement};");
                any = true;
            }
        }
        if any {
            out.push('\n');
        }
    }

    /// The indexes foreign keys need as their referenced key, right after their table.
    pub(super) fn key_indexes_now(&mut self, out: &mut String, table: &Table) {
        let mut any = false;
        for position in self.key_indexes(table) {
            if !self.written_early.insert((table.id, position)) {
                continue;
            }
            if let Some(statement) = table
                .indexes
                .get(position)
                .and_then(|index| self.create_index(table, index))
            {
                let _ = writeln!(out, "{statement};");
                any = true;
            }
        }
        if any {
            out.push('\n');
        }
    }

    pub(super) fn create_index(&mut self, table: &Table, index: &Index) -> Option<String> {
        let pieces = self.index_pieces(table, index)?;
        Some(format!(
            "CREATE {}INDEX {} ON {}{}",
            pieces.head,
            pieces.name,
            self.table_name(table),
            pieces.tail
        ))
    }

    /// MySQL numbers a column only when a key leads with it, and only when that key is declared
    /// with the table: a plain index that is the AUTO_INCREMENT column's only key is written
    /// inside CREATE TABLE (`KEY name (parts)`), and not again after it.
    pub(super) fn numbering_key_element(&mut self, table: &Table) -> Option<String> {
        if self.to != Dialect::MySql {
            return None;
        }
        let numbered = table.columns.iter().find(|c| c.identity.is_some())?.id;
        let NumberingKey::Index(position) = numbering_key(table, numbered)? else {
            return None;
        };
        let index = table.indexes.get(position)?;
        let pieces = self.index_pieces(table, index)?;
        self.written_early.insert((table.id, position));
        Some(format!("{}KEY {}{}", pieces.head, pieces.name, pieces.tail))
    }

    /// An index's definition in the target's form, around `INDEX name ON table`.
    fn index_pieces(&mut self, table: &Table, index: &Index) -> Option<IndexPieces> {
        let where_ = format!(
            "{} index {}",
            table.qualified_name(),
            index.name.as_deref().unwrap_or("(unnamed)")
        );
        let mut parts = Vec::new();
        let mut seen = Vec::new();
        for part in &index.parts {
            let key = match &part.key {
                IndexKey::Column(id) => {
                    let column = table.columns.iter().find(|column| column.id == *id)?;
                    if seen.contains(id) && matches!(self.to, Dialect::MySql | Dialect::MsSql) {
                        self.warn(format!(
                            "{where_}: {} indexes a column once; the repeated {} left out",
                            self.to.name(),
                            column.name
                        ));
                        continue;
                    }
                    seen.push(*id);
                    let mut key = self.to.quote(&column.name);
                    let prefix = match (part.prefix, self.to) {
                        (Some(length), Dialect::MySql) => Some(length),
                        (None, Dialect::MySql)
                            if !self.same_dialect() && self.needs_prefix(&column.data_type) =>
                        {
                            Some(191)
                        }
                        _ => None,
                    };
                    if let Some(length) = prefix {
                        let _ = write!(key, "({length})");
                    }
                    key
                }
                IndexKey::Expression(expression) => {
                    let retyped = self.retyped_in(table, expression).is_some();
                    let translated = self
                        .translate_on(table, expression)
                        .filter(|_| !retyped)
                        .filter(|_| !matches!(self.to, Dialect::MySql | Dialect::MsSql));
                    let Some(expression) = translated else {
                        self.warn(format!(
                            "{where_}: {} cannot index the expression {expression}; index left out",
                            self.to.name()
                        ));
                        return None;
                    };
                    format!("({expression})")
                }
            };
            let key = self.with_collation_and_operator_class(key, part, &where_);
            parts.push(if part.descending {
                format!("{key} DESC")
            } else {
                key
            });
        }
        let predicate = match &index.predicate {
            Some(predicate) if self.to == Dialect::MySql => {
                if index.unique {
                    self.warn(format!("{where_}: MySQL has no partial indexes (WHERE {predicate}); unique index left out"));
                    return None;
                }
                self.warn(format!(
                    "{where_}: MySQL has no partial indexes; WHERE {predicate} left out"
                ));
                None
            }
            Some(predicate) => match self
                .translate_on(table, predicate)
                .filter(|_| self.retyped_in(table, predicate).is_none())
            {
                Some(predicate) => Some(predicate),
                None => {
                    self.warn(format!(
                        "{where_}: WHERE {predicate} has no {} form; index left out",
                        self.to.name()
                    ));
                    return None;
                }
            },
            None => None,
        };
        let generated = generated_name(table, index);
        let wanted = index.name.clone().unwrap_or(generated);
        let (name, _) = self.claim(table, NameKind::Index, Some(&wanted));
        let name = name.unwrap_or(wanted);
        let layout = match (index.kind, self.to) {
            (Some(kind), to) if kind.dialect() == to => format!("{} ", kind.keywords()),
            (Some(kind), _) => {
                self.warn(format!(
                    "{where_}: {} has no {} indexes; written as a plain index",
                    self.to.name(),
                    kind.keywords().to_ascii_lowercase()
                ));
                String::new()
            }
            (None, _) => String::new(),
        };
        let head = format!("{}{layout}", if index.unique { "UNIQUE " } else { "" });
        let mut statement = String::new();
        // MySQL names the method after the parts (`(a) USING HASH`); InnoDB builds a B-tree
        // anyway, but the engine keeps the word, so it is written back to MySQL only.
        let mut method_after = "";
        match (&index.method, self.to) {
            // PostgreSQL's hash indexes have one key part and are never unique.
            (Some(method), Dialect::PostgreSql)
                if self.same_dialect()
                    || (method == "hash" && parts.len() == 1 && !index.unique) =>
            {
                let _ = write!(statement, " USING {method}");
            }
            (Some(method), Dialect::MySql) if self.same_dialect() && method == "hash" => {
                method_after = " USING HASH";
            }
            (Some(method), _) => self.warn(format!(
                "{where_}: {} has no {method} indexes; written as a plain index",
                self.to.name()
            )),
            (None, _) => {}
        }
        let _ = write!(statement, " ({}){method_after}", parts.join(", "));
        if !index.include.is_empty() {
            if matches!(self.to, Dialect::PostgreSql | Dialect::MsSql) {
                let _ = write!(
                    statement,
                    " INCLUDE ({})",
                    self.column_list(table, &index.include)
                );
            } else {
                self.warn(format!(
                    "{where_}: {} has no INCLUDE columns; left out",
                    self.to.name()
                ));
            }
        }
        if let Some(predicate) = predicate {
            let _ = write!(statement, " WHERE {predicate}");
        }
        for option in &index.verbatim_options {
            if self.same_dialect() {
                let _ = write!(statement, " {option}");
            } else {
                self.warn(format!(
                    "{where_}: {} option `{option}` is not carried to {}",
                    self.from.name(),
                    self.to.name()
                ));
            }
        }
        Some(IndexPieces {
            head,
            name: self.to.quote(&name),
            tail: statement,
        })
    }

    /// A part's collation and operator class, written as they were for the dialect they were
    /// read in; another engine's names for them differ, so they are left out with a warning.
    fn with_collation_and_operator_class(
        &mut self,
        mut key: String,
        part: &IndexPart,
        where_: &str,
    ) -> String {
        for (what, name, written) in [
            (
                "collation",
                part.collation.as_deref(),
                part.collation.as_deref().map(|c| format!("COLLATE {c}")),
            ),
            (
                "operator class",
                part.operator_class.as_deref(),
                part.operator_class.clone(),
            ),
        ] {
            let (Some(name), Some(written)) = (name, written) else {
                continue;
            };
            if self.same_dialect() {
                key.push(' ');
                key.push_str(&written);
            } else {
                self.warn(format!(
                    "{where_}: the {what} {name} is {}'s; left out for {}",
                    self.from.name(),
                    self.to.name()
                ));
            }
        }
        key
    }

    /// MySQL indexes text and blob columns only by a prefix.
    fn needs_prefix(&self, data_type: &str) -> bool {
        let lower = SqlType::parse(data_type).write(self.to, true).sql;
        // MariaDB's json is a longtext.
        lower.ends_with("text") || lower.ends_with("blob") || lower == "json"
    }
}

/// `table_column_idx`, for an index the source left unnamed.
fn generated_name(table: &Table, index: &Index) -> String {
    let mut name = table.name.clone();
    for id in index.key_columns() {
        if let Some(column) = table.columns.iter().find(|column| column.id == id) {
            name.push('_');
            name.push_str(&column.name);
        }
    }
    name.push_str(if index.unique { "_key" } else { "_idx" });
    name
}

/// Which key MySQL accepts for an AUTO_INCREMENT column: one that leads with it.
pub(super) enum NumberingKey {
    /// The primary key or a unique constraint.
    Constraint,
    /// A plain index, by its position in the table's indexes.
    Index(usize),
}

/// The key of `table` that leads with `column`, constraints before indexes.
pub(super) fn numbering_key(table: &Table, column: relvar_model::ColumnId) -> Option<NumberingKey> {
    let leads = |columns: &[relvar_model::ColumnId]| columns.first() == Some(&column);
    let constraint = table
        .primary_key
        .as_ref()
        .is_some_and(|key| leads(&key.columns))
        || table.uniques.iter().any(|unique| leads(&unique.columns));
    if constraint {
        return Some(NumberingKey::Constraint);
    }
    table
        .indexes
        .iter()
        .position(|index| index.key_columns().next() == Some(column))
        .map(NumberingKey::Index)
}
