//! A name for a design imported from pasted DDL, which has no file name: the database the
//! script names (a dump's `Database:` header, `CREATE DATABASE`, `USE`, `\connect`), else its
//! first schema that is not the engine's default, else its first tables ("accounts, users and
//! 137 more").

use relvar_model::Design;

/// Schemas engines make themselves, which name nothing in particular.
const DEFAULT_SCHEMAS: [&str; 4] = ["public", "dbo", "main", "temp"];

/// The name to give the design imported from `text`; none when it names nothing and has no
/// table.
pub fn design_name(text: &str, design: &Design) -> Option<String> {
    database_named(text)
        .or_else(|| first_own_schema(design))
        .or_else(|| tables_named(design))
}

/// "author, book", or "accounts, users and 137 more".
fn tables_named(design: &Design) -> Option<String> {
    let mut names = design.tables.iter().map(|table| table.name.as_str());
    Some(match (names.next()?, names.next(), design.tables.len()) {
        (only, None, _) => only.to_owned(),
        (first, Some(second), 2) => format!("{first}, {second}"),
        (first, Some(second), count) => format!("{first}, {second} and {} more", count - 2),
    })
}

/// The database a script names, from its first lines that say.
fn database_named(text: &str) -> Option<String> {
    text.lines().take(2_000).find_map(|line| {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("--") {
            let (_, after) = comment.split_once("Database:")?;
            return identifier(after);
        }
        let lower = line.to_ascii_lowercase();
        let rest = [
            "create database if not exists ",
            "create database ",
            "use ",
            "\\connect ",
            "\\c ",
        ]
        .into_iter()
        .find_map(|prefix| lower.starts_with(prefix).then(|| &line[prefix.len()..]))?;
        identifier(rest)
    })
}

/// The first word of `text` as an identifier, without its quotes.
fn identifier(text: &str) -> Option<String> {
    let word = text
        .split(|c: char| c.is_whitespace() || c == ';')
        .find(|word| !word.is_empty())?;
    let name = word.trim_matches(|c| matches!(c, '`' | '"' | '[' | ']' | '\''));
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '$' | '.'));
    plain.then(|| name.to_owned())
}

fn first_own_schema(design: &Design) -> Option<String> {
    let own = |schema: &&str| {
        !DEFAULT_SCHEMAS
            .iter()
            .any(|default| default.eq_ignore_ascii_case(schema))
    };
    design
        .tables
        .iter()
        .filter_map(|table| table.schema.as_deref())
        .find(own)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dialect, import_sql};

    fn named(text: &str, dialect: Dialect) -> Option<String> {
        design_name(text, &import_sql(text, dialect).design)
    }

    #[test]
    fn a_dump_names_its_database() {
        let mysqldump = "-- MySQL dump 10.13\n--\n-- Host: localhost    Database: shop_42\n-- ---\nCREATE TABLE a (id int PRIMARY KEY);\n";
        assert_eq!(named(mysqldump, Dialect::MySql).as_deref(), Some("shop_42"));
        let created =
            "CREATE DATABASE IF NOT EXISTS `billing`;\nUSE `billing`;\nCREATE TABLE a (id int);\n";
        assert_eq!(named(created, Dialect::MySql).as_deref(), Some("billing"));
        let used = "USE [Inventory];\nGO\nCREATE TABLE dbo.a (id int);\n";
        assert_eq!(named(used, Dialect::MsSql).as_deref(), Some("Inventory"));
        let connect = "\\connect ledger\nCREATE TABLE a (id int);\n";
        assert_eq!(
            named(connect, Dialect::PostgreSql).as_deref(),
            Some("ledger")
        );
    }

    #[test]
    fn else_its_first_own_schema_else_its_first_tables() {
        let schemas = "CREATE SCHEMA sales;\nCREATE TABLE public.a (id int);\nCREATE TABLE sales.b (id int);\n";
        assert_eq!(
            named(schemas, Dialect::PostgreSql).as_deref(),
            Some("sales")
        );
        let plain = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
        assert_eq!(named(plain, Dialect::PostgreSql).as_deref(), Some("a, b"));
        assert_eq!(
            named("CREATE TABLE a (id int);", Dialect::Sqlite).as_deref(),
            Some("a")
        );
        let many: String = (0..139)
            .map(|n| format!("CREATE TABLE t{n} (id int);\n"))
            .collect();
        assert_eq!(
            named(&many, Dialect::PostgreSql).as_deref(),
            Some("t0, t1 and 137 more")
        );
        assert_eq!(named("-- nothing here", Dialect::PostgreSql), None);
        // A comment that only mentions a database, or a USE of something that is no name.
        let noise = "-- Database: \nUSE (x);\nCREATE TABLE a (id int);\n";
        assert_eq!(named(noise, Dialect::MySql).as_deref(), Some("a"));
    }
}
