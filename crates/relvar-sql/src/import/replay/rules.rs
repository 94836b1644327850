//! What replay needs to know of each engine: the names it gives constraints and indexes the
//! script left unnamed (so `DROP CONSTRAINT t_a_key` finds `UNIQUE (a)`), and what a dropped
//! column takes with it.

use crate::dialect::Dialect;

/// PostgreSQL's longest identifier, in bytes (`NAMEDATALEN - 1`).
const POSTGRES_NAME_BYTES: usize = 63;

/// Kinds of object whose engine-given names follow different rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Generated {
    PrimaryKey,
    /// Unique constraints, checks and indexes.
    Key,
    ForeignKey,
}

pub(crate) trait ReplayRules {
    /// Names an unnamed primary key of `table` is known by.
    fn primary_key_names(self, table: &str) -> Vec<String>;
    /// Names an unnamed unique constraint over `columns` is known by.
    fn unique_names(self, table: &str, columns: &[&str]) -> Vec<String>;
    /// Names an unnamed foreign key from `columns` is known by, `ordinal` counting the table's
    /// unnamed foreign keys from 1.
    fn foreign_key_names(self, table: &str, columns: &[&str], ordinal: usize) -> Vec<String>;
    /// Names an unnamed check that mentions `columns` (in order) is known by, `ordinal`
    /// counting the table's unnamed checks from 1.
    fn check_names(self, table: &str, columns: &[&str], ordinal: usize) -> Vec<String>;
    /// Names an unnamed index over `columns` is known by.
    fn index_names(self, table: &str, columns: &[&str]) -> Vec<String>;
    /// Whether a name the engine gave an unnamed constraint or index stays as it was when its
    /// table (`table_renamed`) or one of its columns is renamed, so it must be written down
    /// before: always in PostgreSQL; in MySQL unique keys, indexes and checks keep theirs on a
    /// column rename, while foreign keys (`t_ibfk_1`) follow the table and `PRIMARY` never
    /// changes.
    fn keeps_generated_name(self, kind: Generated, table_renamed: bool) -> bool;
    /// Dropping a column takes it out of the keys and indexes holding it, which go only when
    /// left empty (MySQL); elsewhere they go with it.
    fn drop_column_shrinks_keys(self) -> bool;
    /// Unique constraints are indexes, dropped by `DROP INDEX` (MySQL).
    fn unique_keys_are_indexes(self) -> bool;
}

impl ReplayRules for Dialect {
    fn primary_key_names(self, table: &str) -> Vec<String> {
        match self {
            Self::PostgreSql => vec![postgres_name(table, None, "pkey")],
            Self::MySql => vec![String::from("PRIMARY")],
            Self::Sqlite | Self::MsSql => Vec::new(),
        }
    }

    fn unique_names(self, table: &str, columns: &[&str]) -> Vec<String> {
        match self {
            Self::PostgreSql => vec![postgres_name(table, Some(&columns.join("_")), "key")],
            Self::MySql => columns
                .first()
                .map(|c| (*c).to_owned())
                .into_iter()
                .collect(),
            Self::Sqlite | Self::MsSql => Vec::new(),
        }
    }

    fn foreign_key_names(self, table: &str, columns: &[&str], ordinal: usize) -> Vec<String> {
        match self {
            Self::PostgreSql => vec![postgres_name(table, Some(&columns.join("_")), "fkey")],
            Self::MySql => vec![format!("{table}_ibfk_{ordinal}")],
            Self::Sqlite | Self::MsSql => Vec::new(),
        }
    }

    fn check_names(self, table: &str, columns: &[&str], ordinal: usize) -> Vec<String> {
        match self {
            Self::PostgreSql => match columns.first() {
                Some(first) => vec![postgres_name(table, Some(first), "check")],
                None => vec![postgres_name(table, None, "check")],
            },
            Self::MySql => vec![format!("{table}_chk_{ordinal}")],
            Self::Sqlite | Self::MsSql => Vec::new(),
        }
    }

    fn index_names(self, table: &str, columns: &[&str]) -> Vec<String> {
        match self {
            Self::PostgreSql => vec![postgres_name(table, Some(&columns.join("_")), "idx")],
            Self::MySql => self.unique_names(table, columns),
            Self::Sqlite | Self::MsSql => Vec::new(),
        }
    }

    fn keeps_generated_name(self, kind: Generated, table_renamed: bool) -> bool {
        match self {
            Self::PostgreSql => true,
            Self::MySql => kind == Generated::Key && !table_renamed,
            Self::Sqlite | Self::MsSql => false,
        }
    }

    fn drop_column_shrinks_keys(self) -> bool {
        self == Self::MySql
    }

    fn unique_keys_are_indexes(self) -> bool {
        self == Self::MySql
    }
}

/// What a constraint or index is, for the name an engine gives it when the script names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnnamedKind {
    PrimaryKey,
    Unique,
    ForeignKey,
    Check,
    Index,
}

/// The name the engine gives an unnamed constraint or index of `table` over `columns` (the
/// columns a check mentions), `ordinal` counting the table's unnamed ones of that kind from 1;
/// none where the engine's name cannot be known from the script (SQLite, SQL Server).
pub fn engine_given_name(
    dialect: Dialect,
    kind: UnnamedKind,
    table: &str,
    columns: &[&str],
    ordinal: usize,
) -> Option<String> {
    let names = match kind {
        UnnamedKind::PrimaryKey => dialect.primary_key_names(table),
        UnnamedKind::Unique => dialect.unique_names(table, columns),
        UnnamedKind::ForeignKey => dialect.foreign_key_names(table, columns, ordinal),
        UnnamedKind::Check => dialect.check_names(table, columns, ordinal),
        UnnamedKind::Index => dialect.index_names(table, columns),
    };
    names.into_iter().next()
}

/// Whether two names of the same kind name the same object, as the engine compares them.
pub(crate) fn same_name(a: &str, b: &str, dialect: Dialect) -> bool {
    if dialect.names_match_exactly() {
        a == b
    } else {
        a.eq_ignore_ascii_case(b)
    }
}

/// PostgreSQL's `makeObjectName`: `name1[_name2]_label`, the longer of the two names shortened
/// a character at a time until the whole fits in 63 bytes.
fn postgres_name(name1: &str, name2: Option<&str>, label: &str) -> String {
    let overhead = label.len() + 1 + usize::from(name2.is_some());
    let available = POSTGRES_NAME_BYTES.saturating_sub(overhead);
    let mut first = name1.len();
    let mut second = name2.map_or(0, str::len);
    while first + second > available {
        if first > second {
            first -= 1;
        } else {
            second -= 1;
        }
    }
    let mut name = clip(name1, first).to_owned();
    if let Some(name2) = name2 {
        name.push('_');
        name.push_str(clip(name2, second));
    }
    name.push('_');
    name.push_str(label);
    name
}

/// The longest prefix of `text` of at most `bytes` bytes that ends on a character boundary.
fn clip(text: &str, bytes: usize) -> &str {
    let end = (0..=bytes.min(text.len()))
        .rev()
        .find(|&end| text.is_char_boundary(end))
        .unwrap_or(0);
    text.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_names_unnamed_constraints_within_63_bytes() {
        let pg = Dialect::PostgreSql;
        assert_eq!(pg.primary_key_names("film"), ["film_pkey"]);
        assert_eq!(pg.unique_names("film", &["a", "b"]), ["film_a_b_key"]);
        assert_eq!(
            pg.foreign_key_names("artifact_accessory", &["subject_artifact_id"], 1),
            ["artifact_accessory_subject_artifact_id_fkey"]
        );
        assert_eq!(pg.check_names("t", &["price"], 1), ["t_price_check"]);
        let long = postgres_name(&"t".repeat(40), Some(&"c".repeat(40)), "fkey");
        assert_eq!(long.len(), 63);
        assert!(
            long.starts_with(&"t".repeat(29)) && long.ends_with("_fkey"),
            "{long}"
        );
        assert_eq!(
            Dialect::MySql.foreign_key_names("t", &["a"], 2),
            ["t_ibfk_2"]
        );
        assert_eq!(Dialect::MySql.unique_names("t", &["email", "x"]), ["email"]);
        assert!(Dialect::MsSql.primary_key_names("t").is_empty());
    }
}
