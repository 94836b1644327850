//! Enum renames. Between versions of one design (paired by id) a renamed enum type is renamed and
//! a value edited in place is renamed, rows keeping it; between unrelated schemas both are
//! candidates a person confirms. PostgreSQL renames in place; MySQL widens the column's list,
//! rewrites the rows and narrows it; an enum type's changed values restate its columns on every
//! engine that writes enums in place.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_diff::{
    EnumDiff, EnumRename, Matching, RenameCandidate, Renames, ValueRename, describe, diff,
    migration,
};
use relvar_model::{Command, Design, History};
use relvar_sql::{Dialect, import_sql};

const MOODS: &str = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\n\
    CREATE TABLE person (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok');\n";

fn design(sql: &str, dialect: Dialect) -> Design {
    let mut design = import_sql(sql, dialect).design;
    design.source_dialect = Some(dialect);
    design
}

fn edited(before: &Design, commands: Vec<Command>) -> Design {
    let mut after = before.clone();
    let mut history = History::default();
    for command in commands {
        history.apply(&mut after, command).unwrap();
    }
    after
}

fn statements(sql: &str) -> Vec<&str> {
    sql.lines()
        .filter(|line| !line.starts_with("--") && !line.trim().is_empty())
        .collect()
}

/// The type renamed, `ok` edited into `fine` where it stands, `glad` added at the end.
fn renamed_version(before: &Design) -> Design {
    edited(
        before,
        vec![
            Command::RenameEnum {
                name: "mood".into(),
                schema: None,
                new_name: "feeling".into(),
            },
            Command::SetEnumValues {
                name: "feeling".into(),
                values: vec!["sad".into(), "fine".into(), "happy".into(), "glad".into()],
            },
        ],
    )
}

#[test]
fn a_version_that_renames_an_enum_and_a_value_renames_them_in_place() {
    let before = design(MOODS, Dialect::PostgreSql);
    let after = renamed_version(&before);
    let changes = diff(&before, &after, Matching::ById, &Renames::default());
    assert_eq!(
        changes.enums,
        vec![EnumDiff::Changed {
            from: 0,
            to: 0,
            renamed: true,
            values_renamed: vec![("ok".into(), "fine".into())],
            added_values: vec!["glad".into()],
            removed_values: Vec::new(),
        }]
    );
    // The column follows its type: nothing about it changed.
    assert!(
        changes.tables_changed.is_empty(),
        "{:?}",
        changes.tables_changed
    );
    let words: Vec<String> = describe(&before, &after, &changes)
        .into_iter()
        .map(|change| change.text)
        .collect();
    assert_eq!(
        words,
        vec!["enum feeling: renamed from mood; value ok renamed to fine; values glad added"]
    );
    let up = migration(&before, &after, &changes, Dialect::PostgreSql);
    assert_eq!(
        statements(&up.sql()),
        vec![
            "ALTER TYPE mood RENAME TO feeling;",
            "ALTER TYPE feeling RENAME VALUE 'ok' TO 'fine';",
            "ALTER TYPE feeling ADD VALUE 'glad';",
        ]
    );
    assert!(up.steps.iter().all(|step| step.risk.is_none()));
    // Back: renamed again, and `glad` can only go by making the type again, flagged.
    let back = diff(&after, &before, Matching::ById, &Renames::default());
    let down = migration(&after, &before, &back, Dialect::PostgreSql).sql();
    let down = statements(&down);
    assert_eq!(down[0], "ALTER TYPE feeling RENAME TO mood;");
    assert_eq!(down[1], "ALTER TYPE mood RENAME VALUE 'fine' TO 'ok';");
    assert!(
        down.contains(&"ALTER TABLE person ALTER COLUMN m DROP DEFAULT;"),
        "{down:?}"
    );
    assert!(
        down.contains(&"ALTER TABLE person ALTER COLUMN m TYPE mood USING m::text::mood;"),
        "{down:?}"
    );
}

#[test]
fn between_unrelated_schemas_enum_renames_are_candidates_until_confirmed() {
    let before = design(MOODS, Dialect::PostgreSql);
    let after = design(
        "CREATE TYPE feeling AS ENUM ('sad', 'fine', 'happy');\n\
         CREATE TABLE person (id int PRIMARY KEY, m feeling NOT NULL DEFAULT 'fine');\n",
        Dialect::PostgreSql,
    );
    let unconfirmed = diff(&before, &after, Matching::ByName, &Renames::default());
    assert_eq!(
        unconfirmed.rename_candidates,
        vec![RenameCandidate::Enum { from: 0, to: 0 }]
    );
    let offered = describe(&before, &after, &unconfirmed)
        .into_iter()
        .find_map(|change| change.confirms)
        .unwrap();
    assert_eq!(
        offered.enums,
        vec![EnumRename {
            from: "mood".into(),
            to: "feeling".into()
        }]
    );
    // The type confirmed, its value edited in place is offered next.
    let typed = diff(&before, &after, Matching::ByName, &offered);
    assert_eq!(
        typed.rename_candidates,
        vec![RenameCandidate::Value {
            of: "feeling".into(),
            from: "ok".into(),
            to: "fine".into()
        }]
    );
    let mut confirmed = offered.clone();
    confirmed.extend(
        describe(&before, &after, &typed)
            .into_iter()
            .find_map(|change| change.confirms)
            .unwrap(),
    );
    assert_eq!(
        confirmed.values,
        vec![ValueRename {
            of: "feeling".into(),
            from: "ok".into(),
            to: "fine".into()
        }]
    );
    let changes = diff(&before, &after, Matching::ByName, &confirmed);
    assert!(changes.rename_candidates.is_empty());
    let up = migration(&before, &after, &changes, Dialect::PostgreSql).sql();
    assert!(
        up.starts_with(
            "ALTER TYPE mood RENAME TO feeling;\nALTER TYPE feeling RENAME VALUE 'ok' TO 'fine';\n"
        ),
        "{up}"
    );
    assert!(!up.contains("DROP TYPE"), "{up}");
    // Read back the other way, the same renames confirm the down script.
    let back = diff(&after, &before, Matching::ByName, &confirmed.reversed());
    let down = migration(&after, &before, &back, Dialect::PostgreSql).sql();
    assert!(
        down.starts_with(
            "ALTER TYPE feeling RENAME TO mood;\nALTER TYPE mood RENAME VALUE 'fine' TO 'ok';\n"
        ),
        "{down}"
    );
}

#[test]
fn unconfirmed_an_enum_column_moves_to_the_other_type_through_text() {
    let before = design(MOODS, Dialect::PostgreSql);
    let after = design(
        "CREATE TYPE feeling AS ENUM ('sad', 'ok', 'happy');\n\
         CREATE TABLE person (id int PRIMARY KEY, m feeling NOT NULL DEFAULT 'ok');\n",
        Dialect::PostgreSql,
    );
    let changes = diff(&before, &after, Matching::ByName, &Renames::default());
    let up = migration(&before, &after, &changes, Dialect::PostgreSql).sql();
    assert!(
        up.contains("ALTER TABLE person ALTER COLUMN m TYPE feeling USING m::text::feeling;"),
        "{up}"
    );
}

#[test]
fn a_mysql_column_whose_value_was_edited_keeps_its_rows_through_a_wider_list() {
    let before = design(
        "CREATE TABLE person (id int PRIMARY KEY, m enum('sad','ok','happy') NOT NULL);",
        Dialect::MySql,
    );
    let table = before.tables[0].id;
    let column = before.tables[0].columns[1].id;
    let after = edited(
        &before,
        vec![Command::SetColumnType {
            table,
            column,
            data_type: "enum('sad','fine','happy')".into(),
        }],
    );
    let changes = diff(&before, &after, Matching::ById, &Renames::default());
    let up = migration(&before, &after, &changes, Dialect::MySql);
    assert_eq!(
        statements(&up.sql()),
        vec![
            "ALTER TABLE person MODIFY COLUMN m enum('sad','ok','happy','fine') NOT NULL;",
            "UPDATE person SET m = 'fine' WHERE m = 'ok';",
            "ALTER TABLE person MODIFY COLUMN m enum('sad','fine','happy') NOT NULL;",
        ]
    );
    // Every row keeps its value, newly spelled: no step is flagged.
    assert!(
        up.steps.iter().all(|step| step.risk.is_none()),
        "{:?}",
        up.steps
    );
    let words: Vec<String> = describe(&before, &after, &changes)
        .into_iter()
        .map(|change| change.text)
        .collect();
    assert!(words[0].ends_with("value ok renamed to fine"), "{words:?}");
    // Between unrelated schemas the same edit is a candidate, confirmed by `table.column`.
    let unconfirmed = diff(&before, &after, Matching::ByName, &Renames::default());
    assert_eq!(
        unconfirmed.rename_candidates,
        vec![RenameCandidate::Value {
            of: "person.m".into(),
            from: "ok".into(),
            to: "fine".into()
        }]
    );
    let flagged = migration(&before, &after, &unconfirmed, Dialect::MySql);
    assert!(flagged.steps.iter().any(|step| step.risk.is_some()));
}

#[test]
fn an_enum_types_new_values_restate_its_columns_where_enums_are_written_in_place() {
    let before = design(MOODS, Dialect::PostgreSql);
    let after = edited(
        &before,
        vec![Command::SetEnumValues {
            name: "mood".into(),
            values: vec!["sad".into(), "ok".into(), "happy".into(), "glad".into()],
        }],
    );
    let changes = diff(&before, &after, Matching::ById, &Renames::default());
    let mysql = migration(&before, &after, &changes, Dialect::MySql).sql();
    assert_eq!(
        statements(&mysql),
        vec![
            "ALTER TABLE person MODIFY COLUMN m enum('sad','ok','happy','glad') DEFAULT 'ok' NOT NULL;"
        ]
    );
    // SQLite holds the values in a check, which a rebuilt table carries.
    let sqlite = migration(&before, &after, &changes, Dialect::Sqlite).sql();
    assert!(sqlite.contains("'glad'"), "{sqlite}");
    let postgres = migration(&before, &after, &changes, Dialect::PostgreSql).sql();
    assert_eq!(
        statements(&postgres),
        vec!["ALTER TYPE mood ADD VALUE 'glad';"]
    );
}

#[test]
fn a_value_respelled_in_letter_case_is_restated_on_mysql_and_copied_anew_on_sqlite() {
    let before = design(
        "CREATE TABLE grade (id int PRIMARY KEY, g enum('pg','r') NOT NULL);",
        Dialect::MySql,
    );
    let (table, column) = (before.tables[0].id, before.tables[0].columns[1].id);
    let after = edited(
        &before,
        vec![Command::SetColumnType {
            table,
            column,
            data_type: "enum('PG','r')".into(),
        }],
    );
    let changes = diff(&before, &after, Matching::ById, &Renames::default());
    // MySQL takes `pg` and `PG` for one value: a wider list would hold it twice.
    assert_eq!(
        statements(&migration(&before, &after, &changes, Dialect::MySql).sql()),
        vec!["ALTER TABLE grade MODIFY COLUMN g enum('PG','r') NOT NULL;"]
    );
    // SQLite holds an enum type's values in a check: the rebuild copies renamed values anew.
    let moods = design(MOODS, Dialect::PostgreSql);
    let renamed = edited(
        &moods,
        vec![Command::SetEnumValues {
            name: "mood".into(),
            values: vec!["sad".into(), "fine".into(), "happy".into()],
        }],
    );
    let changes = diff(&moods, &renamed, Matching::ById, &Renames::default());
    let sqlite = migration(&moods, &renamed, &changes, Dialect::Sqlite).sql();
    assert!(
        sqlite.contains(r#"SELECT "id", CASE m WHEN 'ok' THEN 'fine' ELSE m END FROM person"#),
        "{sqlite}"
    );
}
