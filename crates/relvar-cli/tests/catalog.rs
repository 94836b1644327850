//! `relvar catalog-query ENGINE` prints each engine's catalog query, and `relvar import` reads
//! the JSON document such a query prints (and refuses a broken one, saying where).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stdout};

#[test]
fn each_engine_has_its_query() {
    for (engine, client) in [
        ("postgres", "psql"),
        ("mysql", "mysql"),
        ("sqlite", "sqlite3"),
        ("mssql", "sqlcmd"),
    ] {
        let output = relvar(&["catalog-query", engine]);
        assert!(output.status.success(), "{engine}");
        let query = stdout(&output);
        assert!(
            query.starts_with("-- Relvar: the schema of this "),
            "{query}"
        );
        assert!(
            query.contains(&format!("--   {client} ")),
            "{engine} says how to run it"
        );
        assert!(query.contains("relvar_catalog"), "{engine}");
    }
    assert_eq!(relvar(&["catalog-query", "oracle"]).status.code(), Some(1));
}

#[test]
fn a_catalog_document_imports_as_the_live_schema() {
    let document = r#"{"relvar_catalog": 1, "engine": "sqlite", "server": "3.40.1", "tables": [
      {"name": "album", "sql": "CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT NOT NULL CHECK (title <> ''))",
       "columns": [{"position": 0, "name": "id", "type": "INTEGER", "nullable": false},
                   {"position": 1, "name": "title", "type": "TEXT", "nullable": false}],
       "primary_key": {"columns": [{"name": "id", "position": 1}]}},
      {"name": "track", "sql": "CREATE TABLE track (id INTEGER PRIMARY KEY, album_id INTEGER REFERENCES album (id))",
       "columns": [{"position": 0, "name": "id", "type": "INTEGER", "nullable": false},
                   {"position": 1, "name": "album_id", "type": "INTEGER", "nullable": true}],
       "primary_key": {"columns": [{"name": "id", "position": 1}]},
       "foreign_keys": [{"ref_table": "album", "columns": [{"name": "album_id", "position": 0}],
                         "ref_columns": [{"name": "id", "position": 0}], "on_delete": "CASCADE"}],
       "indexes": [{"name": "track_album", "unique": false, "sql": "CREATE INDEX track_album ON track (album_id)",
                    "parts": [{"position": 0, "column": "album_id"}]}]}],
      "views": [{"name": "titles", "definition": "CREATE VIEW titles AS SELECT title FROM album"}]}"#;
    let file = scratch("schema.json", document);
    let output = relvar(&["import", &file]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with(&format!("{file}: SQLite (detected)\n2 tables, 4 columns, 2 primary keys, 0 unique constraints, 1 foreign keys, 1 indexes, 1 checks, 0 enums, 0 domains, 0 sequences, 1 views\n")), "{text}");

    let exported = stdout(&relvar(&["export", &file, "--to", "postgres"]));
    assert!(
        exported.contains("FOREIGN KEY (album_id) REFERENCES album (id) ON DELETE CASCADE"),
        "{exported}"
    );

    let broken = scratch("broken.json", "{\"relvar_catalog\": 1,\n \"tables\": [}");
    let output = relvar(&["import", &broken]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains(&format!(
            "{broken}:2:13: error: this catalog document cannot be read: "
        )),
        "{}",
        stdout(&output)
    );
}
