//! Column definitions in each dialect's form: type (mapped, or the referenced column's for a
//! foreign key), identity, generation, default, collation, comment and options.

use std::fmt::Write;

use relvar_model::{Column, ColumnId, Identity, Table};

use super::expressions::{is_literal, mentions};
use super::names::NameKind;
use super::types::{SqlType, string_literal};
use super::{DdlWriter, inline_enum_name};
use crate::dialect::{Dialect, SqlSyntax};

impl DdlWriter<'_> {
    /// The column definition, and a CHECK element it needs (an enum written as text).
    pub(super) fn column_definition(
        &mut self,
        table: &Table,
        column: &Column,
        sqlite_rowid: bool,
        auto_numbered: &mut bool,
    ) -> (String, Option<String>) {
        let where_ = format!("{}.{}", table.qualified_name(), column.name);
        let name = self.to.quote(&column.name);
        let (mut data_type, enum_values) = self.column_type(table, column);
        let mut kind = SqlType::parse_in(&column.data_type, self.from);
        if let Some(referenced) = self.referenced_type(table, column.id) {
            self.warn(format!(
                "{where_}: written {referenced}, its referenced column's type, as {} refuses a foreign key between {data_type} and {referenced}",
                self.to.name()
            ));
            kind = SqlType::parse(&referenced);
            data_type = referenced;
        }
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
                default = self
                    .translate_on(table, text)
                    .and_then(|translated| self.portable_default(&kind, translated));
                if default.is_none() {
                    self.warn(format!(
                        "{where_}: default {text} has no {} form; left out",
                        self.to.name()
                    ));
                }
            }
        }
        if let Some(text) = &default
            && self.lacks_function(&where_, "default", text)
        {
            default = None;
        }
        let mut generated = None;
        if let Some(generation) = &column.generated {
            let mut stored = generation.stored;
            let mut generated_ok =
                !self.lacks_function(&where_, "generated column", &generation.expression);
            if stored
                && let Some(named) = self.changed_by_foreign_key(table, &generation.expression)
            {
                self.warn(format!(
                    "{where_}: generated from {named}, which a foreign key's action changes; {} stores no such column, written VIRTUAL",
                    self.to.name()
                ));
                stored = false;
            }
            // PostgreSQL computes on read only from version 18: stored, its values are the same.
            if !stored && self.to == Dialect::PostgreSql && !self.same_dialect() {
                self.warn(format!(
                    "{where_}: PostgreSQL before 18 has no virtual generated columns; written STORED"
                ));
                stored = true;
            }
            if let Some(named) = self.fixed_characters_in(table, &generation.expression) {
                if self.in_key(table, column.id) {
                    self.warn(format!(
                        "{where_}: generated from the fixed-length {named}, which {} refuses in an indexed generated column; written as a plain column",
                        self.to.name()
                    ));
                    generated_ok = false;
                } else if stored {
                    self.warn(format!(
                        "{where_}: generated from the fixed-length {named}, which {} refuses in a stored generated column; written VIRTUAL",
                        self.to.name()
                    ));
                    stored = false;
                }
            }
            if let Some(named) = self.retyped_in(table, &generation.expression) {
                self.warn(format!(
                    "{where_}: generated from {named}, written with its referenced column's type; written as a plain column"
                ));
                generated_ok = false;
            }
            match self
                .translate_on(table, &generation.expression)
                .filter(|_| generated_ok)
            {
                Some(expression) => generated = Some((expression, stored)),
                None if !generated_ok => {}
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
        // Only SQLite takes a default on the column it numbers.
        if identity.is_some() {
            *auto_numbered = true;
            if let Some(text) = default.take_if(|_| self.to != Dialect::Sqlite)
                && !self.same_dialect()
            {
                self.warn(format!(
                    "{where_}: default {text} left out: {} numbers the column",
                    self.to.name()
                ));
            }
        }
        if sqlite_rowid {
            if !matches!(SqlType::parse(&data_type), SqlType::Integer { .. }) {
                self.warn(format!(
                    "{where_}: numbered by SQLite as its rowid, a signed 64-bit integer, not {data_type}"
                ));
            }
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
                let attribute = self.for_mariadb(&where_, attribute);
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
                let collation = self.for_mariadb(&where_, collation);
                let _ = write!(line, " COLLATE {collation}");
            } else {
                self.warn(format!(
                    "{where_}: collation {collation} is not carried to {}",
                    self.to.name()
                ));
            }
        }
        if let Some((expression, stored)) = &generated {
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
                let option = self.for_mariadb(&where_, option);
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
    fn portable_default(&self, kind: &SqlType, default: String) -> Option<String> {
        let bare = crate::import::strip_parentheses(&default);
        let strings = string_literals(&default);
        let upper = default.to_ascii_uppercase();
        match kind {
            // SQLite takes any value for any column; a number column elsewhere takes numbers.
            SqlType::Integer { .. }
            | SqlType::Decimal { .. }
            | SqlType::Real
            | SqlType::Double
            | SqlType::Money => {
                let numbers = strings.iter().all(|s| s.trim().parse::<f64>().is_ok());
                let clock = upper.contains("CURRENT_") || upper.contains("UUID");
                // A literal beyond `numeric(p, s)`'s p - s integer digits (MariaDB refuses it).
                let fits = match kind {
                    SqlType::Decimal {
                        precision: Some(precision),
                        scale,
                    } => {
                        let number = bare.trim_matches('\'').trim_start_matches(['-', '+']);
                        let whole = number.split('.').next().unwrap_or_default();
                        let digits = whole.trim_start_matches('0').len();
                        digits <= precision.saturating_sub(scale.unwrap_or(0)) as usize
                    }
                    _ => true,
                };
                // A sequence's next value (SQL Server's NEXT VALUE FOR, written for PostgreSQL)
                // names the sequence in its string.
                let sequence = upper.trim_start_matches('(').starts_with("NEXTVAL(");
                (sequence || numbers && !clock && fits).then_some(default)
            }
            // MariaDB refuses, and PostgreSQL fails every insert with, a longer string.
            SqlType::Char {
                length: Some(length),
                ..
            } => strings
                .iter()
                .all(|s| s.chars().count() <= *length as usize)
                .then_some(default),
            SqlType::Date | SqlType::Time { .. } | SqlType::Timestamp { .. }
                if bare.parse::<f64>().is_ok() =>
            {
                None
            }
            SqlType::Boolean if self.to != Dialect::MySql => {
                let (no, yes) = match self.to {
                    Dialect::PostgreSql => ("false", "true"),
                    _ => ("0", "1"),
                };
                match bare.to_ascii_lowercase().as_str() {
                    "0" | "b'0'" => Some(no.to_owned()),
                    "1" | "b'1'" => Some(yes.to_owned()),
                    _ => Some(default),
                }
            }
            // A bit string (`b'101'`) is a value only of MySQL's and PostgreSQL's bit types.
            _ if self.to != Dialect::MySql && bare.to_ascii_lowercase().starts_with("b'") => None,
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

    /// A fixed-length character column the expression names, for MariaDB, whose value for such
    /// a column depends on the session's `PAD_CHAR_TO_FULL_LENGTH`.
    fn fixed_characters_in(&mut self, table: &Table, expression: &str) -> Option<String> {
        if self.to != Dialect::MySql || self.same_dialect() {
            return None;
        }
        let before = self.warnings.len();
        let mut found = None;
        for column in &table.columns {
            if mentions(expression, &column.name, self.from)
                && self.column_type(table, column).0.starts_with("char(")
            {
                found = Some(column.name.clone());
                break;
            }
        }
        self.warnings.truncate(before);
        found
    }

    fn enum_check(&self, column: &str, values: &[String]) -> String {
        let labels: Vec<String> = values.iter().map(|value| string_literal(value)).collect();
        format!("CHECK ({column} IN ({}))", labels.join(", "))
    }

    /// The column's type in the target, and the values to check when an enum is written as text.
    pub(super) fn column_type(
        &mut self,
        table: &Table,
        column: &Column,
    ) -> (String, Option<Vec<String>>) {
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
            None => SqlType::parse_in(data_type, self.from),
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

    /// Whether the column is part of a key, a foreign key or an index.
    pub(super) fn in_key(&self, table: &Table, id: ColumnId) -> bool {
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
                let keyed = super::indexes::numbering_key(table, column.id).is_some();
                integer && keyed && !numbered
            }
        }
    }

    /// SQLite numbers a column only as the table's one-column `INTEGER PRIMARY KEY`.
    pub(super) fn sqlite_autoincrement_column(&self, table: &Table) -> Option<ColumnId> {
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
}

/// The contents of the single-quoted strings in SQL text, quotes inside undoubled.
fn string_literals(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '\'') => current = Some(String::new()),
            (Some(inside), '\'') if chars.peek() == Some(&'\'') => {
                inside.push('\'');
                chars.next();
            }
            (Some(_), '\'') => found.extend(current.take()),
            (Some(inside), c) => inside.push(c),
            (None, _) => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::string_literals;

    #[test]
    fn strings_are_read_with_their_quotes_undoubled() {
        assert_eq!(string_literals("lower('AB') || 'it''s'"), ["AB", "it's"]);
        assert!(string_literals("(1 + 2)").is_empty());
    }
}
