//! MySQL's index forms: full-text and spatial indexes and the `USING BTREE|HASH` method, written
//! inside CREATE TABLE, as CREATE INDEX or as ALTER TABLE ADD, the method before or after the
//! column list. Each is modelled (nothing kept as written), comes back from a MySQL export as it
//! was, and is written as a plain index, with a warning, for an engine that has no such index.
//! Cases are generated from the lists below, not taken from a corpus file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_model::{Index, IndexKind};
use relvar_sql::{Dialect, export_ddl, import_sql};

/// (the words before INDEX or KEY, the kind the model holds).
const KINDS: &[(&str, Option<IndexKind>)] = &[
    ("", None),
    ("FULLTEXT ", Some(IndexKind::Fulltext)),
    ("SPATIAL ", Some(IndexKind::Spatial)),
];
/// (the method clause, where it goes: before the column list or after it, the method held).
const METHODS: &[(&str, bool, Option<&str>)] = &[
    ("", false, None),
    ("USING BTREE", false, None),
    ("USING BTREE", true, None),
    ("USING HASH", false, Some("hash")),
];

fn only_index(script: &str) -> Index {
    let import = import_sql(script, Dialect::MySql);
    assert!(
        import.design.unmodelled.is_empty(),
        "{script}: {:?}",
        import.design.unmodelled
    );
    let table = &import.design.tables[0];
    assert!(
        table.verbatim_elements.is_empty(),
        "{script}: {:?}",
        table.verbatim_elements
    );
    assert_eq!(table.indexes.len(), 1, "{script}");
    table.indexes[0].clone()
}

#[test]
fn full_text_spatial_and_method_forms_are_modelled_and_come_back() {
    let mut cases = 0;
    for &(words, kind) in KINDS {
        for &(method, before, held) in METHODS {
            // Full-text and spatial indexes take no method.
            if kind.is_some() && !method.is_empty() {
                continue;
            }
            let column = if kind == Some(IndexKind::Spatial) {
                "at"
            } else {
                "body"
            };
            let (ahead, behind) = match (method.is_empty(), before) {
                (true, _) => (String::new(), String::new()),
                (false, true) => (format!(" {method}"), String::new()),
                (false, false) => (String::new(), format!(" {method}")),
            };
            let table = "CREATE TABLE note (id int PRIMARY KEY, body text, at point NOT NULL";
            let forms = [
                format!("{table}, {words}KEY by_it{ahead} ({column}){behind});"),
                format!("{table});\nCREATE {words}INDEX by_it{ahead} ON note ({column}){behind};"),
                format!(
                    "{table});\nALTER TABLE note ADD {words}INDEX by_it{ahead} ({column}){behind};"
                ),
            ];
            for script in forms {
                let index = only_index(&script);
                assert_eq!(index.kind, kind, "{script}");
                assert_eq!(index.method.as_deref(), held, "{script}");
                assert_eq!(index.name.as_deref(), Some("by_it"), "{script}");
                let design = import_sql(&script, Dialect::MySql).design;
                let mysql = export_ddl(&design, Dialect::MySql);
                let back = only_index(&mysql.sql);
                assert_eq!(
                    (back.kind, back.method.as_deref()),
                    (kind, held),
                    "{}",
                    mysql.sql
                );
                let postgres = export_ddl(&design, Dialect::PostgreSql);
                if let Some(kind) = kind {
                    assert!(
                        postgres
                            .sql
                            .contains(&format!("CREATE INDEX by_it ON note ({column})")),
                        "{}",
                        postgres.sql
                    );
                    let told = kind.keywords().to_ascii_lowercase();
                    assert!(
                        postgres.warnings.iter().any(|w| w.contains(&told)),
                        "{:?}",
                        postgres.warnings
                    );
                }
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 18);
}
