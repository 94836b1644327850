//! A comparison as the studio asks for it: a version against the design now (paired by id, so a
//! rename is a rename), a schema brought in as DDL (by name), the changes in words marking the
//! newer design's tables and columns, both scripts and the migration files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_diff::{
    ChangeMark, CompareRequest, FileFormat, FileNaming, Renames, Side, Subject, compare,
};
use relvar_model::{Column, Command, Design, History, Point, Table, Version};
use relvar_sql::{Dialect, import_sql};

const SHOP: &str = "CREATE TABLE users (id bigint PRIMARY KEY, username text NOT NULL, age integer);\n\
                    CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), body varchar(40));\n";

fn request(from: Side, format: FileFormat) -> CompareRequest {
    CompareRequest {
        from,
        to: Side::Current,
        dialect: None,
        safe: false,
        naming: FileNaming {
            format,
            number: 7,
            description: "rename login".into(),
            down: false,
        },
        renames: Renames::default(),
    }
}

/// The shop saved as version v1, then edited as a person would: a column renamed, a type widened,
/// a table added.
fn edited_shop() -> Design {
    let mut design = import_sql(SHOP, Dialect::PostgreSql).design;
    let v1 = Version::of(&design, "v1", "2026-12-07T10:00:00Z", "launch");
    let mut history = History::default();
    let save = Command::SetVersions { versions: vec![v1] };
    history.apply(&mut design, save).unwrap();
    let users = design.tables[0].clone();
    let posts = design.tables[1].clone();
    let username = users.column_id("username").unwrap();
    let body = posts.column_id("body").unwrap();
    let rename = Command::RenameColumn {
        table: users.id,
        column: username,
        name: "login".into(),
    };
    history.apply(&mut design, rename).unwrap();
    let retype = Command::SetColumnType {
        table: posts.id,
        column: body,
        data_type: "text".into(),
    };
    history.apply(&mut design, retype).unwrap();
    let mut orders = Table::new(design.ids.table(), None, "orders");
    orders
        .columns
        .push(Column::new(design.ids.column(), "id", "bigint"));
    let add = Command::AddTable {
        table: Box::new(orders),
        at: Point::new(400.0, 0.0),
    };
    history.apply(&mut design, add).unwrap();
    design
}

#[test]
fn a_version_against_the_design_now_marks_what_changed_and_writes_the_files() {
    let design = edited_shop();
    let compared = compare(
        &design,
        &request(Side::Version("V1".into()), FileFormat::Flyway),
    )
    .unwrap();
    let users = &design.tables[0];
    let login = users.column_id("login").unwrap();
    let renamed = compared
        .changes
        .iter()
        .find(|change| change.column == Some(login))
        .expect("the renamed column is marked");
    assert_eq!(renamed.mark, ChangeMark::Changed);
    assert_eq!(renamed.text, "column users.login: renamed from username");
    let orders = design.tables.iter().find(|t| t.name == "orders").unwrap();
    let added = compared
        .changes
        .iter()
        .find(|c| c.table == Some(orders.id))
        .unwrap();
    assert_eq!(added.mark, ChangeMark::Added);
    assert!(
        compared
            .changes
            .iter()
            .any(|c| c.text == "column posts.body: type varchar(40) → text"),
        "{:?}",
        compared.changes
    );
    assert_eq!(compared.changes.len(), 3, "{:?}", compared.changes);
    assert!(
        compared
            .up
            .contains("ALTER TABLE users RENAME COLUMN username TO login;")
    );
    assert!(
        compared
            .down
            .contains("ALTER TABLE users RENAME COLUMN login TO username;")
    );
    assert!(compared.up.contains("CREATE TABLE orders"));
    assert!(
        compared
            .down_risks
            .iter()
            .any(|risk| risk.contains("orders"))
    );
    let names: Vec<&str> = compared.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["V7__rename_login.sql", "U7__rename_login.sql"]);
    assert_eq!(compared.files[0].text, compared.up);
    assert_eq!(compared.dialect, "PostgreSQL");
    assert_eq!(
        (compared.from.as_str(), compared.to.as_str()),
        ("version V1", "the design now")
    );
}

#[test]
fn the_design_against_itself_changes_nothing_and_a_missing_version_is_said() {
    let design = edited_shop();
    let same = compare(&design, &request(Side::Current, FileFormat::Sql)).unwrap();
    assert!(same.changes.is_empty());
    assert_eq!(same.up, "");
    let missing = compare(
        &design,
        &request(Side::Version("v9".into()), FileFormat::Sql),
    );
    assert_eq!(missing.unwrap_err(), "the design keeps no version named v9");
}

#[test]
fn a_schema_brought_in_is_paired_by_name_and_a_rename_is_only_a_candidate() {
    let design = import_sql(SHOP, Dialect::PostgreSql).design;
    let elsewhere = SHOP.replace("username", "handle");
    let from = Side::Schema {
        text: elsewhere,
        dialect: Some("postgres".into()),
    };
    let mut asked = request(from, FileFormat::GolangMigrate);
    asked.dialect = Some("mysql".into());
    let compared = compare(&design, &asked).unwrap();
    assert!(
        compared
            .changes
            .iter()
            .any(|c| c.text.contains("may be handle renamed") && c.mark == ChangeMark::Changed),
        "{:?}",
        compared.changes
    );
    assert!(
        compared.up.contains("DROP COLUMN handle"),
        "{}",
        compared.up
    );
    assert_eq!(compared.dialect, "MySQL/MariaDB");
    assert_eq!(compared.files[1].name, "7_rename_login.down.sql");
    let unreadable = Side::Schema {
        text: "this is not sql".into(),
        dialect: None,
    };
    assert!(compare(&design, &request(unreadable, FileFormat::Sql)).is_err());
}

#[test]
fn a_confirmed_candidate_is_a_rename_both_ways() {
    // A table and a column renamed in the schema brought in: both are candidates, each with the
    // rename that confirms it; confirmed, the scripts rename and drop nothing.
    let design = import_sql(SHOP, Dialect::PostgreSql).design;
    let elsewhere = SHOP
        .replace("username", "handle")
        .replace("posts", "articles");
    let from = Side::Schema {
        text: elsewhere,
        dialect: None,
    };
    let mut asked = request(from, FileFormat::Sql);
    let compared = compare(&design, &asked).unwrap();
    let candidates: Vec<_> = compared
        .changes
        .iter()
        .filter(|change| change.subject == Subject::RenameCandidate)
        .collect();
    assert_eq!(candidates.len(), 2, "{:?}", compared.changes);
    assert!(
        compared.up.contains("DROP COLUMN handle"),
        "{}",
        compared.up
    );
    for candidate in candidates {
        let confirms = candidate
            .confirms
            .clone()
            .expect("a candidate says what confirms it");
        asked.renames.tables.extend(confirms.tables);
        asked.renames.columns.extend(confirms.columns);
    }
    assert!(
        compared
            .changes
            .iter()
            .all(|change| (change.subject == Subject::RenameCandidate) == change.confirms.is_some())
    );
    let confirmed = compare(&design, &asked).unwrap();
    assert!(
        confirmed
            .changes
            .iter()
            .all(|change| change.subject != Subject::RenameCandidate),
        "{:?}",
        confirmed.changes
    );
    assert!(
        confirmed.up.contains("RENAME COLUMN handle TO username"),
        "{}",
        confirmed.up
    );
    assert!(confirmed.up.contains("RENAME TO posts"), "{}", confirmed.up);
    assert!(!confirmed.up.contains("DROP"), "{}", confirmed.up);
    assert!(
        confirmed.down.contains("RENAME COLUMN username TO handle"),
        "{}",
        confirmed.down
    );
    assert!(!confirmed.down.contains("DROP"), "{}", confirmed.down);
}
