//! Index parts keep their operator class and collation: read from every form PostgreSQL and
//! SQLite write them in, written back for the same dialect, and left out with a warning for
//! another engine, whose names for them differ. Cases are generated from lists of columns,
//! operator classes, collations and orders, not taken from a corpus file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_model::IndexPart;
use relvar_sql::{Dialect, export_ddl, import_sql};

const OPERATOR_CLASSES: &[Option<&str>] = &[
    None,
    Some("text_pattern_ops"),
    Some("varchar_pattern_ops"),
    Some("gin_trgm_ops"),
    Some("public.vector_cosine_ops"),
];
const COLLATIONS: &[Option<&str>] = &[
    None,
    Some("\"C\""),
    Some("\"en_US\""),
    Some("pg_catalog.\"default\""),
];

/// The index parts of the only index of the only table of a script.
fn parts(script: &str, dialect: Dialect) -> Vec<IndexPart> {
    let import = import_sql(script, dialect);
    assert!(
        import.design.unmodelled.is_empty(),
        "{script}: {:?}",
        import.design.unmodelled
    );
    let table = &import.design.tables[0];
    assert_eq!(table.indexes.len(), 1, "{script}");
    table.indexes[0].parts.clone()
}

#[test]
fn postgres_operator_classes_and_collations_come_back_from_the_export() {
    let mut cases = 0;
    for (n, class) in OPERATOR_CLASSES.iter().enumerate() {
        for (m, collation) in COLLATIONS.iter().enumerate() {
            let descending = (n + m) % 2 == 1;
            let mut part = String::from("name");
            if let Some(collation) = collation {
                part.push_str(&format!(" COLLATE {collation}"));
            }
            if let Some(class) = class {
                part.push_str(&format!(" {class}"));
            }
            if descending {
                part.push_str(" DESC");
            }
            let script = format!(
                "CREATE TABLE t (id int PRIMARY KEY, name varchar(40), other text);\n\
                 CREATE INDEX t_name ON t (other, {part});\n"
            );
            let read = parts(&script, Dialect::PostgreSql);
            assert_eq!(read.len(), 2, "{script}");
            assert_eq!(read[0].operator_class, None);
            assert_eq!(read[0].collation, None);
            assert_eq!(read[1].operator_class.as_deref(), *class, "{script}");
            assert_eq!(read[1].collation.as_deref(), *collation, "{script}");
            assert_eq!(read[1].descending, descending);

            let import = import_sql(&script, Dialect::PostgreSql);
            let exported = export_ddl(&import.design, Dialect::PostgreSql);
            assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
            assert_eq!(
                parts(&exported.sql, Dialect::PostgreSql),
                read,
                "{}",
                exported.sql
            );

            for other in [Dialect::MySql, Dialect::Sqlite, Dialect::MsSql] {
                let exported = export_ddl(&import.design, other);
                let dropped = usize::from(class.is_some()) + usize::from(collation.is_some());
                let warned = exported
                    .warnings
                    .iter()
                    .filter(|warning| warning.contains("left out for"))
                    .count();
                assert_eq!(warned, dropped, "{other:?}: {:?}", exported.warnings);
                let statements: String = exported
                    .sql
                    .lines()
                    .filter(|line| !line.starts_with("--"))
                    .collect();
                for written in class.iter().chain(collation.iter()) {
                    assert!(!statements.contains(written), "{other:?}: {statements}");
                }
            }
            cases += 1;
        }
    }
    assert_eq!(cases, OPERATOR_CLASSES.len() * COLLATIONS.len());
}

#[test]
fn sqlite_collations_on_index_columns_come_back() {
    for collation in ["NOCASE", "BINARY", "RTRIM"] {
        let script = format!(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\n\
             CREATE UNIQUE INDEX t_name ON t (name COLLATE {collation});\n"
        );
        let read = parts(&script, Dialect::Sqlite);
        assert_eq!(read[0].collation.as_deref(), Some(collation));
        let import = import_sql(&script, Dialect::Sqlite);
        let exported = export_ddl(&import.design, Dialect::Sqlite);
        assert_eq!(
            parts(&exported.sql, Dialect::Sqlite),
            read,
            "{}",
            exported.sql
        );
    }
}
