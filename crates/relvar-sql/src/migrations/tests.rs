//! Generated migration folders of every naming scheme, given in shuffled order: the joined
//! script runs them in version order, leaves out what does not run, and maps every line back.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use proptest::prelude::*;

use super::{MigrationScript, join_migrations};
use crate::{Dialect, Severity, import_sql};

/// A folder: the migrations that run, in their expected order, and the files left out.
#[derive(Debug, Clone)]
struct Folder {
    runs: Vec<String>,
    left_out: Vec<String>,
}

fn words(index: usize) -> &'static str {
    [
        "init",
        "add_users",
        "orders",
        "steady_wolf",
        "fix",
        "drop_legacy",
    ][index % 6]
}

/// Paths of one naming scheme for distinct sorted numbers; `extra` picks the scheme's variants.
fn folder(scheme: u8, numbers: &[u32], extra: u32) -> Folder {
    let mut runs = Vec::new();
    let mut left_out = Vec::new();
    for (at, &n) in numbers.iter().enumerate() {
        let word = words(at + extra as usize);
        match scheme {
            0 => {
                // Flyway: `V7__`, `V7.3__` or `V7_3__`; minor parts keep the order by (major, minor).
                let (major, minor) = (n / 10, n % 10);
                runs.push(match (minor, extra % 3) {
                    (0, _) => format!("sql/V{major}__{word}.sql"),
                    (_, 0) => format!("sql/V{major}.{minor}__{word}.sql"),
                    _ => format!("sql/V{major}_{minor}__{word}.sql"),
                });
                if at % 3 == 1 {
                    left_out.push(format!("sql/U{major}__undo_{word}.sql"));
                }
            }
            1 => {
                let width = 1 + extra as usize % 6;
                runs.push(format!("migrations/{n:0width$}_{word}.up.sql"));
                left_out.push(format!("migrations/{n:0width$}_{word}.down.sql"));
            }
            2 => {
                let stamp = 20_200_101_000_000u64 + u64::from(n) * 7_919;
                runs.push(format!("db/{stamp}_{word}.sql"));
                left_out.push(format!("db/{stamp}_{word}.rb"));
            }
            3 => {
                let stamp = 20_230_000_000_000u64 + u64::from(n);
                runs.push(format!("prisma/migrations/{stamp}_{word}/migration.sql"));
            }
            4 => {
                runs.push(format!("drizzle/{n:04}_{word}.sql"));
                left_out.push(format!("drizzle/meta/{n:04}_snapshot.json"));
            }
            5 => {
                let (year, rest) = (2000 + n / 1000, n % 1000);
                let (month, day) = (rest / 100 + 1, rest % 100 / 4 + 1);
                let name = format!("diesel/{year}-{month:02}-{day:02}-{rest:06}_{word}");
                runs.push(format!("{name}/up.sql"));
                left_out.push(format!("{name}/down.sql"));
            }
            _ => runs.push(format!("numbered/{n}.sql")),
        }
    }
    match scheme {
        0 => runs.push(String::from("sql/R__views.sql")),
        3 => left_out.push(String::from("prisma/migrations/migration_lock.toml")),
        4 => left_out.push(String::from("drizzle/meta/_journal.json")),
        _ => left_out.push(String::from("README.md")),
    }
    Folder { runs, left_out }
}

/// The text of the k-th migration: a table named after k, over a few lines, sometimes without
/// its last semicolon or line break, sometimes with a Drizzle breakpoint.
fn text(k: usize, shape: u32) -> String {
    let mut text = String::new();
    if shape.is_multiple_of(2) {
        text.push_str("-- a comment first\n");
    }
    text.push_str(&format!("CREATE TABLE m_{k} (\n  id int\n)"));
    if !shape.is_multiple_of(3) {
        text.push(';');
    }
    if shape.is_multiple_of(5) && !shape.is_multiple_of(3) {
        text.push_str("\n--> statement-breakpoint\nCREATE INDEX i_{k} ON m_{k} (id);");
        text = text.replace("{k}", &k.to_string());
    }
    if !shape.is_multiple_of(4) {
        text.push('\n');
    }
    text
}

fn joined(
    folder: &Folder,
    order: &[usize],
    shape: u32,
) -> (MigrationScript, Vec<(String, String)>) {
    let mut given: Vec<(String, String)> = folder
        .runs
        .iter()
        .enumerate()
        .map(|(k, path)| (path.clone(), text(k, shape.wrapping_add(k as u32))))
        .chain(
            folder
                .left_out
                .iter()
                .map(|path| (path.clone(), String::from("DROP TABLE m_0;"))),
        )
        .collect();
    let shuffled: Vec<(String, String)> = order
        .iter()
        .filter_map(|&at| given.get(at).cloned())
        .collect();
    given = shuffled;
    (join_migrations(given.clone()), given)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn folders_join_in_version_order_whatever_order_they_are_given_in(
        scheme in 0u8..7,
        numbers in prop::collection::btree_set(0u32..3_000, 1..14),
        extra in 0u32..1_000,
        shape in 0u32..60,
        order in Just((0..40).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let numbers: Vec<u32> = numbers.into_iter().collect();
        let folder = folder(scheme, &numbers, extra);
        let count = folder.runs.len() + folder.left_out.len();
        let order: Vec<usize> = order.into_iter().filter(|&at| at < count).collect();
        let (script, given) = joined(&folder, &order, shape);

        let paths: Vec<&str> = script.files.iter().map(|file| file.path.as_str()).collect();
        prop_assert_eq!(&paths, &folder.runs.iter().map(String::as_str).collect::<Vec<_>>());
        let mut left: Vec<&str> = script.left_out.iter().map(|file| file.path.as_str()).collect();
        let mut expected: Vec<&str> = folder.left_out.iter().map(String::as_str).collect();
        left.sort_unstable();
        expected.sort_unstable();
        prop_assert_eq!(left, expected);

        // Every line of the joined text that came from a file maps back to that very line.
        let runnable = |path: &str| super::runnable_part(&given.iter().find(|(p, _)| p == path).unwrap().1);
        for (at, line) in script.text.lines().enumerate() {
            let at = u32::try_from(at + 1).unwrap();
            if let Some(source) = script.source_of(at) {
                let file = runnable(source.path);
                prop_assert_eq!(file.lines().nth(source.line as usize - 1), Some(line));
            }
        }
        for file in &script.files {
            prop_assert_eq!(file.lines as usize, runnable(&file.path).lines().count());
        }

        // The tables come out of the import in the order the migrations run.
        let import = import_sql(&script.text, Dialect::MySql);
        let names: Vec<&str> = import.design.tables.iter().map(|table| table.name.as_str()).collect();
        let wanted: Vec<String> = (0..folder.runs.len()).map(|k| format!("m_{k}")).collect();
        prop_assert_eq!(names, wanted.iter().map(String::as_str).collect::<Vec<_>>());
        prop_assert!(import.diagnostics.iter().all(|d| d.severity != Severity::Error), "{:?}", import.diagnostics);
    }
}

#[test]
fn diagnostics_name_the_file_line_and_column() {
    let files = vec![
        ("app/V2__orders.sql".to_owned(), "-- orders\nCREATE TABLE orders (id int,\n  user_id int REFERENCES users,\n  total nonsense nonsense);\n".to_owned()),
        ("app/V1__users.sql".to_owned(), "CREATE TABLE users (id int PRIMARY KEY)".to_owned()),
        ("app/V10__late.sql".to_owned(), "\u{feff}CREATE TABLE late (id int);".to_owned()),
        ("app/notes.txt".to_owned(), "not sql".to_owned()),
    ];
    let script = join_migrations(files);
    assert_eq!(
        script.text,
        "-- source: app/V1__users.sql\nCREATE TABLE users (id int PRIMARY KEY)\n;\n\
         -- source: app/V2__orders.sql\n-- orders\nCREATE TABLE orders (id int,\n  user_id int REFERENCES users,\n  total nonsense nonsense);\n\
         -- source: app/V10__late.sql\nCREATE TABLE late (id int);\n"
    );
    assert_eq!(script.name().as_deref(), Some("app"));
    assert_eq!(script.left_out[0].reason, "not an SQL file");
    let import = import_sql(&script.text, Dialect::PostgreSql);
    let error = import
        .diagnostics
        .iter()
        .find(|d| d.severity >= Severity::Warning)
        .unwrap();
    assert!(
        script
            .describe(error.at)
            .starts_with("app/V2__orders.sql:4:"),
        "{}",
        script.describe(error.at)
    );
    assert_eq!(
        script.describe(crate::LineColumn { line: 3, column: 1 }),
        "3:1",
        "an added line"
    );
    let late = import
        .design
        .tables
        .iter()
        .find(|t| t.name == "late")
        .unwrap();
    assert_eq!(late.columns.len(), 1);
    assert_eq!(
        script.source_of(10).map(|s| (s.path, s.line)),
        Some(("app/V10__late.sql", 1))
    );
}

#[test]
fn one_file_is_its_own_text_and_names_the_design() {
    let script = join_migrations(vec![(
        "schema.sql".to_owned(),
        "CREATE TABLE a (id int)".to_owned(),
    )]);
    assert_eq!(script.text, "CREATE TABLE a (id int)");
    assert_eq!(script.name().as_deref(), Some("schema"));
    assert_eq!(
        script.describe(crate::LineColumn { line: 1, column: 5 }),
        "schema.sql:1:5"
    );
    let none = join_migrations(Vec::new());
    assert_eq!((none.text.as_str(), none.name()), ("", None));
}

#[test]
fn goose_and_dbmate_files_run_only_their_up_section() {
    let files = vec![
        (
            "20240101_a.sql".to_owned(),
            "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n".to_owned(),
        ),
        (
            "20240102_b.sql".to_owned(),
            "-- migrate:up\nCREATE TABLE b (id int);\n\n-- migrate:down\nDROP TABLE b;\n"
                .to_owned(),
        ),
    ];
    let script = join_migrations(files);
    assert!(!script.text.contains("DROP"), "{}", script.text);
    assert_eq!(
        import_sql(&script.text, Dialect::Sqlite)
            .design
            .tables
            .len(),
        2
    );
}
