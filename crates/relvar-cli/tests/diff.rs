//! `relvar diff FROM TO`: the up script on stdout (the down one with `--down`), each risk on
//! stderr, migration files with `--format` and `--out`; exit 0 when a script was written (an empty
//! one too), 2 when an input cannot be read.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stderr, stdout};

const FROM: &str =
    "CREATE TABLE users (id bigint PRIMARY KEY, username text NOT NULL, age integer);\n";
const TO: &str = "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  user_name text NOT NULL, -- @renamed from=username\n  email text\n);\n";

#[test]
fn the_up_and_down_scripts_are_printed_with_their_risks() {
    let from = scratch("diff-print-from.sql", FROM);
    let to = scratch("diff-print-to.sql", TO);
    let (from, to) = (from.as_str(), to.as_str());
    let up = relvar(&["diff", from, to]);
    assert_eq!(up.status.code(), Some(0));
    let script = stdout(&up);
    assert!(
        script.contains("ALTER TABLE users RENAME COLUMN username TO user_name;"),
        "{script}"
    );
    assert!(
        script.contains("ALTER TABLE users ADD COLUMN email text;"),
        "{script}"
    );
    assert!(
        script.contains("ALTER TABLE users DROP COLUMN age;"),
        "{script}"
    );
    let warnings = stderr(&up);
    assert!(
        warnings.contains("relvar: warning: drops column users.age and its values"),
        "{warnings}"
    );
    let down = stdout(&relvar(&["diff", from, to, "--down"]));
    assert!(
        down.contains("RENAME COLUMN user_name TO username;"),
        "{down}"
    );
    assert!(down.contains("ADD COLUMN age integer;"), "{down}");
    let same = relvar(&["diff", from, from]);
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout(&same), "");
    let mysql = stdout(&relvar(&["diff", from, to, "--to", "mysql"]));
    assert!(mysql.contains("DROP COLUMN age;"), "{mysql}");
}

#[test]
fn migration_files_are_written_in_each_tool_s_naming() {
    let from = scratch("diff-files-from.sql", FROM);
    let to = scratch("diff-files-to.sql", TO);
    let (from, to) = (from.as_str(), to.as_str());
    for (format, names) in [
        ("flyway", vec!["V3__add_email.sql", "U3__add_email.sql"]),
        (
            "golang-migrate",
            vec!["3_add_email.up.sql", "3_add_email.down.sql"],
        ),
        ("liquibase", vec!["3_add_email.sql"]),
    ] {
        let out =
            std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("diff-{format}"));
        let written = relvar(&[
            "diff",
            from,
            to,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--number",
            "3",
            "--description",
            "add email",
        ]);
        assert_eq!(written.status.code(), Some(0), "{format}");
        for name in names {
            let text = std::fs::read_to_string(out.join(name)).unwrap();
            assert!(text.contains("email"), "{format} {name}: {text}");
        }
    }
    let liquibase = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("diff-liquibase/3_add_email.sql"),
    )
    .unwrap();
    assert!(
        liquibase.starts_with("--liquibase formatted sql"),
        "{liquibase}"
    );
    assert!(liquibase.contains("--changeset relvar:3"), "{liquibase}");
    assert!(
        liquibase.contains("--rollback ALTER TABLE users DROP COLUMN email;"),
        "{liquibase}"
    );
}

#[test]
fn an_input_that_cannot_be_read_exits_2() {
    let to = scratch("diff-missing-to.sql", TO);
    let missing = format!("{}/no-such-schema.sql", env!("CARGO_TARGET_TMPDIR"));
    let output = relvar(&["diff", &missing, &to]);
    assert_eq!(output.status.code(), Some(2));
}

/// A design file whose current state renames `username` (same column id) and drops `age` since
/// its version `v1`, and adds a table `orders`.
fn design_with_a_version() -> String {
    let users = |second: &str, third: bool| {
        let mut columns = vec![
            serde_json::json!({"id": 1, "name": "id", "data_type": "bigint", "nullable": false}),
            serde_json::json!({"id": 2, "name": second, "data_type": "text", "nullable": false}),
        ];
        if third {
            columns.push(serde_json::json!({"id": 3, "name": "age", "data_type": "integer"}));
        }
        serde_json::json!({"id": 0, "name": "users", "columns": columns,
            "primary_key": {"columns": [1]}})
    };
    let v1 = serde_json::json!({"format_version": 6, "name": "shop", "source_dialect": "postgres",
        "tables": [users("username", true)], "ids": {"next": 4}});
    let orders = serde_json::json!({"id": 4, "name": "orders", "columns": [
        {"id": 5, "name": "id", "data_type": "bigint", "nullable": false}],
        "primary_key": {"columns": [5]}});
    serde_json::json!({"format_version": 6, "name": "shop", "source_dialect": "postgres",
        "tables": [users("login", false), orders], "ids": {"next": 6},
        "versions": [{"name": "v1", "saved_at": "2026-12-07T10:00:00Z", "note": "launch",
            "design": v1}]})
    .to_string()
}

#[test]
fn versions_of_one_design_file_are_paired_by_id_so_a_rename_is_a_rename() {
    let design = scratch("diff-versions.relvar.json", design_with_a_version());
    let design = design.as_str();
    let up = relvar(&["diff", design, design, "--from-version", "V1"]);
    assert_eq!(up.status.code(), Some(0), "{}", stderr(&up));
    let script = stdout(&up);
    assert!(
        script.contains("ALTER TABLE users RENAME COLUMN username TO login;"),
        "{script}"
    );
    assert!(script.contains("CREATE TABLE orders"), "{script}");
    assert!(!script.contains("ADD COLUMN login"), "{script}");
    assert!(
        stderr(&up).contains("relvar: warning: drops column users.age and its values"),
        "{}",
        stderr(&up)
    );
    let back = relvar(&["diff", design, design, "--to-version", "v1"]);
    let back = stdout(&back);
    assert!(back.contains("RENAME COLUMN login TO username;"), "{back}");
    assert!(back.contains("DROP TABLE orders"), "{back}");
    let same = relvar(&[
        "diff",
        design,
        design,
        "--from-version",
        "v1",
        "--to-version",
        "v1",
    ]);
    assert_eq!(stdout(&same), "");
}

#[test]
fn a_missing_version_or_a_version_of_ddl_cannot_be_read() {
    let design = scratch("diff-versions-missing.relvar.json", design_with_a_version());
    let missing = relvar(&["diff", &design, &design, "--from-version", "v9"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("keeps no version named v9 (it keeps: v1)"),
        "{}",
        stderr(&missing)
    );
    let ddl = scratch("diff-versions-ddl.sql", FROM);
    let of_ddl = relvar(&["diff", &ddl, &design, "--from-version", "v1"]);
    assert_eq!(of_ddl.status.code(), Some(2));
    assert!(stderr(&of_ddl).contains("is not a .relvar.json design"));
}

#[test]
fn a_rename_candidate_is_named_with_the_flag_that_confirms_it() {
    let from = scratch(
        "diff-candidate-from.sql",
        "CREATE TABLE users (id int PRIMARY KEY, username text, email text);\n\
         CREATE TABLE post (id int PRIMARY KEY, body text);\n",
    );
    let to = scratch(
        "diff-candidate-to.sql",
        "CREATE TABLE users (id int PRIMARY KEY, login text, email text);\n\
         CREATE TABLE article (id int PRIMARY KEY, body text);\n",
    );
    let (from, to) = (from.as_str(), to.as_str());
    let unconfirmed = relvar(&["diff", from, to]);
    let warnings = stderr(&unconfirmed);
    assert!(
        warnings.contains("--rename-column users.username=login"),
        "{warnings}"
    );
    assert!(
        warnings.contains("--rename-table post=article"),
        "{warnings}"
    );
    assert!(stdout(&unconfirmed).contains("DROP TABLE post;"));
    let confirmed = relvar(&[
        "diff",
        from,
        to,
        "--rename-table",
        "post=article",
        "--rename-column",
        "users.username=login",
    ]);
    assert_eq!(confirmed.status.code(), Some(0));
    let script = stdout(&confirmed);
    assert!(
        script.contains("ALTER TABLE users RENAME COLUMN username TO login;"),
        "{script}"
    );
    assert!(
        script.contains("ALTER TABLE post RENAME TO article;"),
        "{script}"
    );
    assert!(!script.contains("DROP"), "{script}");
    assert!(
        !stderr(&confirmed).contains("--rename"),
        "{}",
        stderr(&confirmed)
    );
    let down = stdout(&relvar(&[
        "diff",
        from,
        to,
        "--down",
        "--rename-table",
        "post=article",
        "--rename-column",
        "users.username=login",
    ]));
    assert!(down.contains("RENAME COLUMN login TO username;"), "{down}");
    let malformed = relvar(&["diff", from, to, "--rename-column", "login"]);
    assert_ne!(malformed.status.code(), Some(0));
    assert!(stderr(&malformed).contains("TABLE.OLD=NEW"));
}

#[test]
fn enum_renames_are_confirmed_by_their_flags_a_dotted_value_quoted() {
    let from = scratch(
        "diff-enum-from.sql",
        "CREATE TYPE mood AS ENUM ('sad', 'v1.0', 'happy');\n\
         CREATE TABLE person (id int PRIMARY KEY, m mood);\n",
    );
    let to = scratch(
        "diff-enum-to.sql",
        "CREATE TYPE feeling AS ENUM ('sad', 'v1', 'happy');\n\
         CREATE TABLE person (id int PRIMARY KEY, m feeling);\n",
    );
    let (from, to) = (from.as_str(), to.as_str());
    let unconfirmed = relvar(&["diff", from, to]);
    let warnings = stderr(&unconfirmed);
    assert!(
        warnings.contains("--rename-enum mood=feeling"),
        "{warnings}"
    );
    let typed = relvar(&["diff", from, to, "--rename-enum", "mood=feeling"]);
    let warnings = stderr(&typed);
    assert!(
        warnings.contains("--rename-value \"feeling.'v1.0'=v1\""),
        "{warnings}"
    );
    let confirmed = relvar(&[
        "diff",
        from,
        to,
        "--rename-enum",
        "mood=feeling",
        "--rename-value",
        "feeling.'v1.0'=v1",
    ]);
    assert_eq!(confirmed.status.code(), Some(0));
    assert_eq!(
        stdout(&confirmed),
        "ALTER TYPE mood RENAME TO feeling;\nALTER TYPE feeling RENAME VALUE 'v1.0' TO 'v1';\n"
    );
    assert!(stderr(&confirmed).is_empty(), "{}", stderr(&confirmed));
    let malformed = relvar(&["diff", from, to, "--rename-value", "v1"]);
    assert_ne!(malformed.status.code(), Some(0));
    assert!(stderr(&malformed).contains("NAME.OLD=NEW"));
}
