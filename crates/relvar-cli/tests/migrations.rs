//! `relvar import` on migration folders and several files: version order, files left out, and
//! diagnostics at FILE:LINE:COLUMN of the file they concern.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use std::path::PathBuf;

use support::{relvar, stdout};

/// Writes a folder of files under Cargo's scratch directory; returns its path.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

#[test]
fn a_folder_imports_in_version_order_with_places_in_its_files() {
    // In string order V10 would run first.
    let root = folder(
        "flyway-folder",
        &[
            (
                "V10__orders.sql",
                "CREATE TABLE orders (\n  id int PRIMARY KEY,\n  customer_id int REFERENCES customers (id)\n);\n",
            ),
            (
                "V2__people.sql",
                "CREATE TABLE people (id int PRIMARY KEY);",
            ),
            (
                "V9__customers.sql",
                "CREATE TABLE customers (id int PRIMARY KEY);\nCREATE TABLE broken (id int,\n  x nonsense nonsense);\n",
            ),
            ("U9__undo.sql", "DROP TABLE customers;"),
            ("README.md", "# migrations"),
            ("nested/V11__tags.sql", "CREATE TABLE tags (id int);"),
        ],
    );
    let output = relvar(&["import", root.to_str().unwrap(), "--dialect", "postgres"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let dir = root.display();
    assert!(
        text.starts_with(&format!("{dir}: PostgreSQL (as given)\n")),
        "{text}"
    );
    assert!(
        text.contains("\n4 files joined in version order, 2 left out\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{dir}/README.md: info: left out: not an SQL file\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{dir}/U9__undo.sql: info: left out: a Flyway undo migration\n"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{dir}/V9__customers.sql:3:")),
        "the broken column is on line 3 of V9: {text}"
    );
    assert!(text.contains(", 1 foreign keys, "), "{text}");

    let json = relvar(&["import", root.to_str().unwrap(), "--json"]);
    let summary: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let files: Vec<&str> = summary["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| file.as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "V2__people.sql",
            "V9__customers.sql",
            "V10__orders.sql",
            "V11__tags.sql"
        ]
    );
    let located = summary["diagnostics"].as_array().unwrap().iter().find(|d| {
        d["file"]
            .as_str()
            .is_some_and(|file| file.ends_with("V9__customers.sql"))
            && d["line"] == 3
    });
    assert!(located.is_some(), "{summary}");
}

#[test]
fn several_files_are_one_script_and_one_file_is_read_as_it_is() {
    let root = folder(
        "golang-migrate",
        &[
            (
                "0002_b.up.sql",
                "CREATE TABLE b (id int, a_id int REFERENCES a (id));",
            ),
            ("0002_b.down.sql", "DROP TABLE b;"),
            ("0001_a.up.sql", "CREATE TABLE a (id int PRIMARY KEY);"),
        ],
    );
    let path = |name: &str| root.join(name).display().to_string();
    let output = relvar(&[
        "import",
        &path("0002_b.up.sql"),
        &path("0002_b.down.sql"),
        &path("0001_a.up.sql"),
    ]);
    let text = stdout(&output);
    assert!(
        text.contains("2 tables, 2 columns") || text.contains("2 tables, 3 columns"),
        "{text}"
    );
    assert!(text.contains(", 1 foreign keys, "), "{text}");
    assert!(
        text.contains("2 files joined in version order, 1 left out\n"),
        "{text}"
    );

    let single = relvar(&["import", &path("0002_b.down.sql")]);
    let single = stdout(&single);
    assert!(
        !single.contains("joined"),
        "one file is read as it is: {single}"
    );
    assert!(
        single.contains("1 statements: 0 modelled, 1 kept as written"),
        "{single}"
    );

    let missing = relvar(&["import", &path("0001_a.up.sql"), "/nonexistent/V3__x.sql"]);
    assert_eq!(missing.status.code(), Some(1));
}
