//! What becomes of statements the design keeps only as written, generated over dialects and
//! forms: a later DROP of the object they make takes them out, a dropped table takes its kept
//! triggers, a same-dialect export writes each where its kind goes (data and changes to tables
//! the script never made left out), and guarded DDL in PostgreSQL `DO` blocks is replayed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_sql::{Dialect, Import, export_ddl, import_sql};

fn import(text: &str, dialect: Dialect) -> Import {
    let import = import_sql(text, dialect);
    assert_eq!(
        import.statement_count,
        import.modelled_count + import.design.unmodelled.len(),
        "{text}"
    );
    import
}

fn kept_texts(import: &Import) -> Vec<String> {
    import
        .design
        .unmodelled
        .iter()
        .map(|kept| kept.text.clone())
        .collect()
}

/// Each dialect's CREATE of a trigger named `name` on table `t`, with the batch separator the
/// dialect's scripts use after it.
fn create_trigger(dialect: Dialect, name: &str) -> String {
    match dialect {
        Dialect::PostgreSql => format!(
            "CREATE TRIGGER {name} BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n"
        ),
        Dialect::MySql => format!(
            "DELIMITER ;;\nCREATE DEFINER=`root`@`localhost` TRIGGER {name} BEFORE UPDATE ON t FOR EACH ROW BEGIN SET NEW.a = 1; END ;;\nDELIMITER ;\n"
        ),
        Dialect::Sqlite => {
            format!("CREATE TRIGGER {name} AFTER UPDATE ON t BEGIN UPDATE t SET a = 1; END;\n")
        }
        Dialect::MsSql => {
            format!("CREATE TRIGGER {name} ON t AFTER UPDATE AS BEGIN SET NOCOUNT ON; END\nGO\n")
        }
    }
}

fn drop_trigger(dialect: Dialect, name: &str) -> String {
    match dialect {
        Dialect::PostgreSql => format!("DROP TRIGGER IF EXISTS {name} ON t;\n"),
        Dialect::MsSql => format!("DROP TRIGGER {name}\nGO\n"),
        _ => format!("DROP TRIGGER IF EXISTS {name};\n"),
    }
}

const DIALECTS: [Dialect; 4] = [
    Dialect::PostgreSql,
    Dialect::MySql,
    Dialect::Sqlite,
    Dialect::MsSql,
];

#[test]
fn a_dropped_trigger_and_the_triggers_of_a_dropped_table_are_not_kept() {
    for dialect in DIALECTS {
        let separator = if dialect == Dialect::MsSql {
            "GO\n"
        } else {
            ""
        };
        let table = format!("CREATE TABLE t (a int);\n{separator}");
        for triggers in 1..4 {
            for dropped in 0..triggers {
                let mut text = table.clone();
                for number in 0..triggers {
                    text.push_str(&create_trigger(dialect, &format!("trg{number}")));
                }
                text.push_str(&drop_trigger(dialect, &format!("trg{dropped}")));
                let kept = kept_texts(&import(&text, dialect));
                let triggers_kept: Vec<&String> =
                    kept.iter().filter(|k| k.contains("TRIGGER trg")).collect();
                assert_eq!(triggers_kept.len(), triggers - 1, "{text}\n{kept:#?}");
                let dropped_name = format!("TRIGGER trg{dropped} ");
                assert!(
                    !kept.iter().any(|k| k.contains(&dropped_name)),
                    "{text}\n{kept:#?}"
                );
                let export = export_ddl(&import(&text, dialect).design, dialect).sql;
                assert!(!export.contains(&dropped_name), "{export}");
            }
            let mut text = table.clone();
            for number in 0..triggers {
                text.push_str(&create_trigger(dialect, &format!("trg{number}")));
            }
            text.push_str(&format!("DROP TABLE t;\n{separator}"));
            let kept = kept_texts(&import(&text, dialect));
            assert!(
                !kept.iter().any(|k| k.contains("TRIGGER trg")),
                "{text}\n{kept:#?}"
            );
        }
    }
}

#[test]
fn dropping_an_overloaded_function_takes_out_its_latest_definition_only() {
    let define = |body: &str| {
        format!("CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ {body} $$;\n")
    };
    let text = format!(
        "{}{}DROP FUNCTION f(int);\n",
        define("SELECT 1"),
        define("SELECT 2")
    );
    let kept = kept_texts(&import(&text, Dialect::PostgreSql));
    assert_eq!(kept.len(), 1, "{kept:#?}");
    assert!(kept[0].contains("SELECT 1"));
    let absent = "DROP FUNCTION g(int);\n";
    let kept = kept_texts(&import(absent, Dialect::PostgreSql));
    assert_eq!(kept, [absent.trim_end().trim_end_matches(';')]);
}

/// Statements that change rows, in each dialect's words.
const DATA_STATEMENTS: &[&str] = &[
    "INSERT INTO t VALUES (1)",
    "UPDATE t SET a = 2 WHERE a = 1",
    "DELETE FROM t WHERE a = 2",
    "TRUNCATE TABLE t",
];

#[test]
fn a_same_dialect_export_writes_no_data_and_no_change_to_a_table_never_made() {
    for dialect in DIALECTS {
        let separator = if dialect == Dialect::MsSql {
            ";\nGO\n"
        } else {
            ";\n"
        };
        for (at, data) in DATA_STATEMENTS.iter().enumerate() {
            let mut statements = vec![
                "CREATE TABLE t (a int NOT NULL)".to_owned(),
                "ALTER TABLE migrations_log ADD COLUMN note int".to_owned(),
            ];
            statements.insert(1 + at % 2, (*data).to_owned());
            let text = statements.join(separator) + separator;
            let export = export_ddl(&import(&text, dialect).design, dialect);
            let body: String = (export.sql.lines())
                .filter(|line| !line.starts_with("--"))
                .collect();
            let verb = data.split(' ').next().unwrap();
            assert!(!body.contains(verb), "{text}\n{}", export.sql);
            assert!(!body.contains("migrations_log"), "{text}\n{}", export.sql);
            assert!(export.sql.contains("table data"), "{}", export.sql);
            assert!(
                export.sql.contains("changes to tables not in the design"),
                "{}",
                export.sql
            );
        }
    }
}

#[test]
fn a_kept_alter_table_of_a_table_of_the_design_is_written_back() {
    // An ALTER TABLE the import keeps (an operation it does not model) names a table it made.
    let text = "CREATE TABLE t (a int);\nALTER TABLE t CLUSTER ON t_pkey;\n";
    let import = import(text, Dialect::PostgreSql);
    assert_eq!(
        import.design.unmodelled.len(),
        1,
        "{:#?}",
        import.design.unmodelled
    );
    let export = export_ddl(&import.design, Dialect::PostgreSql).sql;
    assert!(
        export.contains("ALTER TABLE t CLUSTER ON t_pkey"),
        "{export}"
    );
}

/// One piece of DDL and the same written inside a guard, as migration tools write it.
fn guarded(ddl: &str, form: usize) -> String {
    match form % 3 {
        0 => format!(
            "DO $$\nBEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relname = 'x') THEN\n        {ddl};\n    END IF;\nEND $$;\n"
        ),
        1 => {
            format!("DO $$ BEGIN\n {ddl};\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n")
        }
        _ => format!("DO LANGUAGE plpgsql $body$\nBEGIN\n  {ddl};\nEND\n$body$;\n"),
    }
}

#[test]
fn guarded_ddl_in_do_blocks_builds_the_schema_written_at_once() {
    let changes = [
        "CREATE TYPE mood AS ENUM ('sad', 'happy')",
        "CREATE TABLE parent (id int PRIMARY KEY, code text)",
        "ALTER TABLE parent ADD CONSTRAINT parent_code UNIQUE (code)",
        "CREATE TABLE child (id int, parent_id int, feeling mood)",
        "ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE",
        "ALTER TABLE child ADD COLUMN note text NOT NULL DEFAULT ''",
        "CREATE INDEX child_note ON child (note)",
        "ALTER TABLE child ADD CONSTRAINT child_id_positive CHECK (id > 0)",
    ];
    let plain: String = changes.iter().map(|ddl| format!("{ddl};\n")).collect();
    let expected = import(&plain, Dialect::PostgreSql).design.outline();
    for rotation in 0..3 {
        let mut text = String::new();
        for (at, ddl) in changes.iter().enumerate() {
            // Some plain, some guarded in each of the forms.
            if (at + rotation) % 4 == 0 {
                text.push_str(&format!("{ddl};\n"));
            } else {
                text.push_str(&guarded(ddl, at + rotation));
            }
        }
        let import = import(&text, Dialect::PostgreSql);
        assert_eq!(import.design.outline(), expected, "{text}");
        assert!(import.design.unmodelled.is_empty(), "{text}");
    }
}

#[test]
fn a_do_block_that_moves_data_is_kept_and_left_out_of_the_schema() {
    let moving = "DO $$\nBEGIN\n  UPDATE t SET a = 1;\nEND $$;\n";
    let mixed = "DO $$\nBEGIN\n  UPDATE t SET a = 1;\n  ALTER TABLE t ADD COLUMN b int;\nEND $$;\n";
    for (block, written) in [(moving, false), (mixed, true)] {
        let text = format!("CREATE TABLE t (a int);\n{block}");
        let import = import(&text, Dialect::PostgreSql);
        assert_eq!(import.design.unmodelled.len(), 1, "{text}");
        assert_eq!(import.design.tables[0].columns.len(), 1, "{text}");
        let export = export_ddl(&import.design, Dialect::PostgreSql).sql;
        assert_eq!(export.contains("UPDATE t SET a = 1"), written, "{export}");
    }
}
