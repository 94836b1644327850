//! Applying the diff of `a` to `b` to `a` gives `b`, with our importer's replay as the engine: the
//! DDL of `a` followed by the up script imports as the DDL of `b` does, and the down script after
//! that as `a` does. For every corpus schema, person-like edits (columns renamed, added, retyped,
//! made nullable, given defaults, dropped; tables renamed, added and dropped; comments; enum
//! types renamed, their values renamed in place and added) are made
//! through the history, seeded, and the law checked in PostgreSQL, MySQL, SQLite and SQL Server
//! (whose scripts must also use only its own forms), paired by id as versions of one design are.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use relvar_diff::{Matching, Renames, diff, migration, safe_migration};
use relvar_model::{
    Column, ColumnId, Command, Design, Dialect, History, PrimaryKey, Table, TableId,
};
use relvar_sql::{UnnamedKind, engine_given_name, export_ddl, import_sql};

/// Edit sequences per corpus schema and dialect (more with `RELVAR_REPLAY_SEEDS`).
const DEFAULT_SEEDS: u64 = 3;
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// A small deterministic generator (a linear congruential one): the seeds are the test's.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

/// Up to `count` edits a person makes, each applied through the history when the model takes it.
fn edit(design: &mut Design, seed: u64, count: usize) {
    let mut random = Seeded(seed);
    let mut history = History::default();
    for step in 0..count {
        if design.tables.is_empty() {
            break;
        }
        let table = &design.tables[random.next(design.tables.len())];
        let referenced: Vec<TableId> = design.foreign_keys.iter().map(|fk| fk.to_table).collect();
        let in_foreign_key = |id: ColumnId| {
            design
                .foreign_keys
                .iter()
                .any(|fk| fk.from_columns.contains(&id) || fk.to_columns.contains(&id))
        };
        let plain: Vec<&Column> = table
            .columns
            .iter()
            .filter(|c| {
                !table.is_primary_key_column(c.id)
                    && !in_foreign_key(c.id)
                    && !table.uniques.iter().any(|u| u.columns.contains(&c.id))
                    && !table
                        .indexes
                        .iter()
                        .any(|i| i.key_columns().any(|k| k == c.id) || i.include.contains(&c.id))
                    && c.generated.is_none()
                    && !table
                        .checks
                        .iter()
                        .any(|check| check.expression.contains(c.name.as_str()))
            })
            .collect();
        // The model keeps a view's query as text and does not rewrite it (ARCHITECTURE.md):
        // what a view reads keeps its names and columns here.
        let viewed = design.views.iter().any(|view| {
            view.reads
                .iter()
                .any(|read| read.rsplit('.').next() == Some(table.name.as_str()))
        });
        // Nor does it hold which columns a child inherits: tables in an inheritance keep theirs.
        let inherits = table.partition_of.is_some()
            || table
                .verbatim_options
                .iter()
                .any(|option| option.starts_with("INHERITS"))
            || named_as_parent(design, table);
        let column =
            (!plain.is_empty() && !viewed && !inherits).then(|| plain[random.next(plain.len())]);
        let mut ids = design.ids.clone();
        let command = match (random.next(13), column) {
            (0, Some(column)) => Command::RenameColumn {
                table: table.id,
                column: column.id,
                name: format!("{}_v{step}", column.name),
            },
            (1, _) if !inherits => Command::AddColumn {
                table: table.id,
                column: Column::new(ids.column(), format!("added_{step}"), "text"),
                index: table.columns.len(),
            },
            (2, Some(column))
                if column.data_type.eq_ignore_ascii_case("integer")
                    || column.data_type.eq_ignore_ascii_case("int") =>
            {
                Command::SetColumnType {
                    table: table.id,
                    column: column.id,
                    data_type: "bigint".into(),
                }
            }
            (3, Some(column)) if !column.nullable => Command::SetColumnNullable {
                table: table.id,
                column: column.id,
                nullable: true,
            },
            (4, Some(column))
                if column.default.is_none() && column.data_type.eq_ignore_ascii_case("text") =>
            {
                Command::SetColumnDefault {
                    table: table.id,
                    column: column.id,
                    default: Some("'none'".into()),
                }
            }
            (5, Some(column)) => Command::DeleteColumn {
                table: table.id,
                column: column.id,
            },
            // The model keeps INHERITS and PARTITION OF parents as names, and does not rewrite
            // them on a rename (ARCHITECTURE.md): such a parent keeps its name here.
            (6, _) if !named_as_parent(design, table) && !viewed => Command::RenameTable {
                table: table.id,
                schema: table.schema.clone(),
                name: format!("{}_v{step}", table.name),
            },
            (7, _)
                if !referenced.contains(&table.id) && table.partition_by.is_none() && !viewed =>
            {
                Command::DeleteTable { table: table.id }
            }
            (8, _) => {
                let mut added = Table::new(
                    ids.table(),
                    table.schema.clone(),
                    format!("added_table_{step}"),
                );
                let id = ids.column();
                let mut key = Column::new(id, "id", "bigint");
                key.nullable = false;
                added.columns = vec![key, Column::new(ids.column(), "label", "text")];
                added.primary_key = Some(PrimaryKey {
                    name: None,
                    columns: vec![id],
                });
                Command::AddTable {
                    table: Box::new(added),
                    at: relvar_model::Point::new(0.0, 0.0),
                }
            }
            (9, _) => Command::SetTableComment {
                table: table.id,
                comment: Some(format!("edited {step}")),
            },
            (10..=12, _) if !design.enums.is_empty() => {
                let enum_type = &design.enums[random.next(design.enums.len())];
                let name = enum_type.qualified_name();
                let mut values = enum_type.values.clone();
                let at = random.next(values.len());
                match random.next(3) {
                    0 => Command::RenameEnum {
                        name,
                        schema: enum_type.schema.clone(),
                        new_name: format!("{}_v{step}", enum_type.name),
                    },
                    1 => {
                        values[at] = format!("{}_v{step}", values[at]);
                        Command::SetEnumValues { name, values }
                    }
                    _ => {
                        values.insert(at, format!("added_{step}"));
                        Command::SetEnumValues { name, values }
                    }
                }
            }
            (10..=12, _) => {
                // A column typed `enum(...)` in place (MySQL) has a value renamed.
                let inline = table.columns.iter().find_map(|column| {
                    Some((column, relvar_sql::inline_enum_values(&column.data_type)?))
                });
                let Some((column, mut values)) = inline else {
                    continue;
                };
                let at = random.next(values.len());
                values[at] = format!("{}_v{step}", values[at]);
                let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                Command::SetColumnType {
                    table: table.id,
                    column: column.id,
                    data_type: format!("enum({})", quoted.join(",")),
                }
            }
            _ => continue,
        };
        let _ = history.apply(design, command);
    }
}

/// Whether another table names this one as its parent (INHERITS, PARTITION OF) in text.
fn named_as_parent(design: &Design, table: &Table) -> bool {
    design.tables.iter().any(|other| {
        other
            .verbatim_options
            .iter()
            .any(|option| option.contains(&table.name))
            || other
                .partition_of
                .as_ref()
                .is_some_and(|partition| partition.parent.contains(&table.name))
    })
}

/// The outline of what a script builds, less what depends on where statements stand, and with
/// a name that is the one the engine would give counted as no name (replay writes down the name
/// a rename leaves, which the script renames to the engine's own).
fn built(sql: &str, dialect: Dialect) -> String {
    let mut design = import_sql(sql, dialect).design;
    let generated = |kind, table: &Table, columns: &[ColumnId]| {
        let names: Vec<&str> = columns
            .iter()
            .filter_map(|id| table.columns.iter().find(|c| c.id == *id))
            .map(|c| c.name.as_str())
            .collect();
        engine_given_name(dialect, kind, &table.name, &names, 1)
    };
    let unnamed = |name: &mut Option<String>, engine: Option<String>| {
        if name.is_some() && *name == engine {
            *name = None;
        }
    };
    for at in 0..design.tables.len() {
        let table = design.tables[at].clone();
        let target = &mut design.tables[at];
        if let Some(key) = &mut target.primary_key {
            unnamed(
                &mut key.name,
                generated(UnnamedKind::PrimaryKey, &table, &key.columns),
            );
        }
        for unique in &mut target.uniques {
            unnamed(
                &mut unique.name,
                generated(UnnamedKind::Unique, &table, &unique.columns),
            );
        }
        for (position, check) in target.checks.iter_mut().enumerate() {
            let mut mentioned: Vec<(usize, ColumnId)> = table
                .columns
                .iter()
                .filter_map(|c| Some((check.expression.find(c.name.as_str())?, c.id)))
                .collect();
            mentioned.sort();
            let columns: Vec<ColumnId> = mentioned.into_iter().map(|(_, id)| id).collect();
            let ordinal = 1 + table
                .checks
                .iter()
                .take(position)
                .filter(|c| c.name.is_none())
                .count();
            let names: Vec<&str> = columns
                .iter()
                .filter_map(|id| table.columns.iter().find(|c| c.id == *id))
                .map(|c| c.name.as_str())
                .collect();
            let engine =
                engine_given_name(dialect, UnnamedKind::Check, &table.name, &names, ordinal);
            unnamed(&mut check.name, engine);
        }
        for index in &mut target.indexes {
            let columns: Vec<ColumnId> = index.key_columns().collect();
            unnamed(
                &mut index.name,
                generated(UnnamedKind::Index, &table, &columns),
            );
        }
    }
    for at in 0..design.foreign_keys.len() {
        let foreign_key = design.foreign_keys[at].clone();
        if let Some(table) = design.table(foreign_key.from_table).cloned() {
            let engine = generated(UnnamedKind::ForeignKey, &table, &foreign_key.from_columns);
            unnamed(&mut design.foreign_keys[at].name, engine);
        }
    }
    let mut lines: Vec<String> = design
        .outline()
        .lines()
        .filter(|line| !line.starts_with("kept from line"))
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines.join("\n")
}

#[test]
fn a_migration_replayed_after_its_source_builds_its_target_and_back() {
    let manifest = std::fs::read_to_string(format!("{CORPUS}/MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect_column) = (column("file"), column("dialect"));
    let seeds = std::env::var("RELVAR_REPLAY_SEEDS")
        .ok()
        .and_then(|seeds| seeds.parse().ok())
        .unwrap_or(DEFAULT_SEEDS);
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let source = Dialect::from_id(cells[dialect_column]).unwrap();
        let text = std::fs::read_to_string(format!("{CORPUS}/sql/{}", cells[file])).unwrap();
        for dialect in [
            Dialect::PostgreSql,
            Dialect::MySql,
            Dialect::Sqlite,
            Dialect::MsSql,
        ] {
            // The design as that engine's DDL reads back: what a database of it holds.
            let a = import_sql(
                &export_ddl(&import_sql(&text, source).design, dialect).sql,
                dialect,
            )
            .design;
            for seed in 1..=seeds {
                let mut b = a.clone();
                edit(&mut b, seed * 7919 + checked as u64, 12);
                let changes = diff(&a, &b, Matching::ById, &Renames::default());
                // MySQL's online plan too: its algorithm and lock clauses must read as nothing.
                let online_too: &[bool] = if dialect == Dialect::MySql {
                    &[false, true]
                } else {
                    &[false]
                };
                let plan = |from: &Design, to: &Design, changes: &relvar_diff::Diff, online| {
                    if online {
                        safe_migration(from, to, changes, dialect)
                    } else {
                        migration(from, to, changes, dialect)
                    }
                };
                for &online in online_too {
                    let up = plan(&a, &b, &changes, online).sql();
                    if let Some(line) = refused_by_sql_server(dialect, &up) {
                        failures.push(format!(
                            "{} mssql seed {seed}: SQL Server has no such form: {line}",
                            cells[file]
                        ));
                    }
                    let a_ddl = export_ddl(&a, dialect).sql;
                    let wanted = built(&export_ddl(&b, dialect).sql, dialect);
                    let reached = built(&format!("{a_ddl}\n{up}"), dialect);
                    if reached != wanted {
                        let shown: Vec<&str> = if std::env::var("RELVAR_SHOW_SCRIPTS").is_ok() {
                            up.lines().collect()
                        } else {
                            Vec::new()
                        };
                        failures.push(format!(
                            "{} {}{} seed {seed}: up\n{}\n{}",
                            cells[file],
                            dialect.id(),
                            if online { " online" } else { "" },
                            first_difference(&reached, &wanted),
                            shown.join("\n")
                        ));
                        continue;
                    }
                    let back = diff(&b, &a, Matching::ById, &Renames::default());
                    let down = plan(&b, &a, &back, online).sql();
                    if let Some(line) = refused_by_sql_server(dialect, &down) {
                        failures.push(format!(
                            "{} mssql seed {seed}: SQL Server has no such form: {line}",
                            cells[file]
                        ));
                    }
                    let returned = built(&format!("{a_ddl}\n{up}\n{down}"), dialect);
                    if returned != built(&a_ddl, dialect) {
                        let shown = if std::env::var("RELVAR_SHOW_SCRIPTS").is_ok() {
                            format!("{up}\n-- down\n{down}")
                        } else {
                            String::new()
                        };
                        failures.push(format!(
                            "{} {}{} seed {seed}: down\n{}\n{shown}",
                            cells[file],
                            dialect.id(),
                            if online { " online" } else { "" },
                            first_difference(&returned, &built(&a_ddl, dialect))
                        ));
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures of {}:\n{}",
        failures.len(),
        checked + failures.len(),
        failures.join("\n\n")
    );
}

/// A line of a SQL Server script in a form other engines take and SQL Server refuses (our
/// importer reads them all, so replay alone would not see it).
fn refused_by_sql_server(dialect: Dialect, script: &str) -> Option<String> {
    const OTHER_ENGINES_ONLY: [&str; 7] = [
        " ADD COLUMN ",
        " RENAME COLUMN ",
        " RENAME TO ",
        " SET DEFAULT ",
        " DROP DEFAULT",
        " SET NOT NULL",
        " DROP NOT NULL",
    ];
    if dialect != Dialect::MsSql {
        return None;
    }
    script
        .lines()
        .find(|line| {
            !line.starts_with("--") && OTHER_ENGINES_ONLY.iter().any(|form| line.contains(form))
        })
        .map(str::to_owned)
}

/// The lines one outline has more often than the other, a few of each side.
fn first_difference(reached: &str, wanted: &str) -> String {
    let count = |text: &str| {
        let mut counts = std::collections::BTreeMap::new();
        for line in text.lines() {
            *counts.entry(line.to_owned()).or_insert(0_usize) += 1;
        }
        counts
    };
    let (left, right) = (count(reached), count(wanted));
    let more = |a: &std::collections::BTreeMap<String, usize>,
                b: &std::collections::BTreeMap<String, usize>,
                label: &str| {
        a.iter()
            .filter(|(line, n)| b.get(*line).copied().unwrap_or(0) < **n)
            .take(4)
            .map(|(line, n)| format!("  {label} ({n}x): {line}"))
            .collect::<Vec<_>>()
    };
    let mut out = more(&left, &right, "reached");
    out.extend(more(&right, &left, "wanted"));
    out.join("\n")
}
