//! The diff's laws on random designs and every corpus schema: a design compared with itself
//! differs in nothing and migrates by no statement; random edits through the history never make
//! the diff or any dialect's script panic, both ways; a rename made by a command is a rename
//! (ids), and what the script writes for it keeps the column.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use proptest::prelude::*;
use relvar_diff::{Matching, Renames, diff, migration, rename_hints};
use relvar_model::{Command, Design, Dialect, History, testing};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
const DIALECTS: [Dialect; 4] = [
    Dialect::PostgreSql,
    Dialect::MySql,
    Dialect::Sqlite,
    Dialect::MsSql,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_random_design_differs_from_itself_in_nothing(seed in testing::design_seed()) {
        let design = testing::build(&seed);
        let same = diff(&design, &design, Matching::ById, &Renames::default());
        prop_assert!(same.is_empty(), "{same:?}");
        for dialect in DIALECTS {
            prop_assert!(migration(&design, &design, &same, dialect).steps.is_empty());
        }
    }

    #[test]
    fn random_edits_diff_and_migrate_both_ways_without_panicking(
        seed in testing::design_seed(),
        recipes in prop::collection::vec(testing::edits::recipe(), 1..12),
    ) {
        let before = testing::build(&seed);
        let mut after = before.clone();
        let mut history = History::default();
        for recipe in &recipes {
            let command = testing::edits::command(&after, recipe);
            let _ = history.apply(&mut after, command);
        }
        for matching in [Matching::ById, Matching::ByName] {
            let up = diff(&before, &after, matching, &Renames::default());
            let down = diff(&after, &before, matching, &Renames::default());
            for dialect in DIALECTS {
                let _ = migration(&before, &after, &up, dialect).sql();
                let _ = migration(&after, &before, &down, dialect).sql();
            }
            if before == after {
                prop_assert!(up.is_empty());
            }
        }
    }
}

fn import(sql: &str, dialect: Dialect) -> Design {
    let mut design = relvar_sql::import_sql(sql, dialect).design;
    design.source_dialect.get_or_insert(dialect);
    design
}

#[test]
fn every_corpus_schema_differs_from_itself_in_nothing() {
    let manifest = std::fs::read_to_string(format!("{CORPUS}/MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect) = (column("file"), column("dialect"));
    let mut checked = 0;
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let bytes = std::fs::read(format!("{CORPUS}/sql/{}", cells[file])).unwrap();
        let dialect = Dialect::from_id(cells[dialect]).unwrap();
        let design = import(&String::from_utf8_lossy(&bytes), dialect);
        // Imported twice, by names: nothing differs, and no statement is written.
        let again = design.clone();
        let changes = diff(&design, &again, Matching::ByName, &Renames::default());
        assert!(changes.is_empty(), "{}: {changes:?}", cells[file]);
        let script = migration(&design, &again, &changes, dialect);
        assert!(script.steps.is_empty(), "{}", cells[file]);
        checked += 1;
    }
    assert!(checked >= 4, "the corpus was read");
}

#[test]
fn a_column_renamed_by_a_command_is_renamed_not_dropped() {
    let before = import(
        "CREATE TABLE users (id bigint PRIMARY KEY, username text NOT NULL);",
        Dialect::PostgreSql,
    );
    let table = &before.tables[0];
    let column = table.columns[1].id;
    let mut after = before.clone();
    History::default()
        .apply(
            &mut after,
            Command::RenameColumn {
                table: table.id,
                column,
                name: "user_name".into(),
            },
        )
        .unwrap();
    let changes = diff(&before, &after, Matching::ById, &Renames::default());
    assert_eq!(changes.change_count(), 1);
    for dialect in [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite] {
        let script = migration(&before, &after, &changes, dialect);
        assert_eq!(script.risks().count(), 0, "{}", script.sql());
        assert!(
            script.sql().contains("RENAME COLUMN username TO user_name"),
            "{}",
            script.sql()
        );
    }
    // By names alone the same change is a drop and an add, offered as a rename to confirm.
    let by_name = diff(&before, &after, Matching::ByName, &Renames::default());
    assert_eq!(by_name.rename_candidates.len(), 1);
    let confirmed =
        rename_hints("CREATE TABLE users (\n user_name text, -- @renamed from=username\n);");
    let renamed = diff(&before, &after, Matching::ByName, &confirmed);
    assert_eq!(renamed.tables_changed, changes.tables_changed);
    assert!(renamed.rename_candidates.is_empty());
}

#[test]
fn a_script_drops_what_depends_first_and_adds_enum_values_before_their_use() {
    let before = import(
        "CREATE TYPE mood AS ENUM ('sad', 'happy');\nCREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a (id), m mood);",
        Dialect::PostgreSql,
    );
    let after = import(
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');\nCREATE TABLE b (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'ok');",
        Dialect::PostgreSql,
    );
    let changes = diff(&before, &after, Matching::ByName, &Renames::default());
    let script = migration(&before, &after, &changes, Dialect::PostgreSql).sql();
    let at = |text: &str| {
        script
            .find(text)
            .unwrap_or_else(|| panic!("{text} in\n{script}"))
    };
    assert!(
        at("DROP CONSTRAINT b_a_id_fkey") < at("DROP TABLE a"),
        "{script}"
    );
    assert!(
        at("ADD VALUE 'ok' BEFORE 'happy'") < at("SET DEFAULT 'ok'"),
        "{script}"
    );
    assert!(
        script.contains("-- Warning: drops table a and its rows"),
        "{script}"
    );
    assert!(
        script.contains("-- Warning: drops column b.a_id and its values"),
        "{script}"
    );
}
