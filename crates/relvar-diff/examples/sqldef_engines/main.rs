//! The migration scripts on real engines, with sqldef's test cases as the oracle
//! (`../shared/migrations/sqldef/*.yml`): for each case, `current` is applied to a fresh
//! database, then our up script; its catalog must equal that of a fresh database built from
//! `desired`. Then our down script, compared with a fresh `current`. PostgreSQL, MariaDB and
//! SQLite; SQL Server's cases by re-importing (`reimport.rs`); our own cases beside sqldef's
//! (`own_cases.rs`); pass counts per dialect. Cases listed in `tests/engines/sqldef-known-failures.txt`
//! may fail (each with its reason); any other failure, or a listed case that passes, fails the
//! run, so the list only shrinks. Run by `tests/engines/migrations`, which starts the engines.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // a test runner: it fails by stopping

mod catalog;
mod data;
#[path = "../../../relvar-sql/examples/support/engines.rs"]
#[allow(dead_code)] // shared with relvar-sql's runners, which use the rest
mod engines;
mod enum_renames;
mod own_cases;
mod reimport;
mod squawk;

use std::path::PathBuf;
use std::process::ExitCode;

use relvar_diff::{Matching, diff, migration, rename_hints, safe_migration};
use relvar_sql::{Dialect, import_sql};
use yaml_rust2::{Yaml, YamlLoader};

use catalog::{catalog_text, differences};
use engines::Engines;

struct Case {
    name: String,
    current: String,
    desired: String,
}

fn main() -> ExitCode {
    let work = PathBuf::from("target/engines/migrations");
    let engines = Engines::from_env(&work, "relvar_migrate_");
    let root =
        std::env::var("RELVAR_MIGRATIONS").unwrap_or_else(|_| "../shared/migrations/sqldef".into());
    let only = std::env::args().nth(1);
    let known = known_failures();
    let mut unexpected = Vec::new();
    let mut summary = Vec::new();
    for (file, dialect) in [
        ("postgres.yml", Dialect::PostgreSql),
        ("mysql.yml", Dialect::MySql),
        ("sqlite.yml", Dialect::Sqlite),
        ("mssql.yml", Dialect::MsSql),
    ] {
        let mut cases = read_cases(&format!("{root}/{file}"));
        cases.extend(own_cases::cases(dialect));
        // sqldef's cases and ours (`own_cases.rs`), counted apart: [passed, total] each.
        let mut counts = [[0, 0], [0, 0]];
        for (number, case) in cases.iter().enumerate() {
            if only
                .as_ref()
                .is_some_and(|only| !case.name.contains(only.as_str()))
            {
                continue;
            }
            let counted = usize::from(case.name.starts_with("relvar:"));
            if let Some([_, total]) = counts.get_mut(counted) {
                *total += 1;
            }
            let label = format!("{}:{}", dialect.id(), case.name);
            let outcome = if dialect == Dialect::MsSql {
                reimport::run_case(case)
            } else {
                run_case(&engines, dialect, number, case)
            };
            let listed = known.contains(&label);
            match (&outcome, listed) {
                (Ok(()), false) => {
                    if let Some([passed, _]) = counts.get_mut(counted) {
                        *passed += 1;
                    }
                    println!("{label:<60} passes");
                }
                (Ok(()), true) => {
                    if let Some([passed, _]) = counts.get_mut(counted) {
                        *passed += 1;
                    }
                    println!("{label:<60} PASSES but is listed as failing: take it off the list");
                    unexpected.push(label);
                }
                (Err(problem), true) => println!("{label:<60} known failure: {problem}"),
                (Err(problem), false) => {
                    println!("{label:<60} FAILS: {problem}");
                    unexpected.push(label);
                }
            }
        }
        let checked_by = if dialect == Dialect::MsSql {
            " (re-imported: no engine)"
        } else {
            ""
        };
        let [[passed, total], [ours_passed, ours]] = counts;
        summary.push(format!(
            "{}{checked_by}: {passed} of {total} sqldef cases pass, {ours_passed} of {ours} of ours",
            dialect.name()
        ));
    }
    if only
        .as_ref()
        .is_none_or(|only| "data".contains(only.as_str()))
    {
        let outcomes = data::data_survives(&engines)
            .into_iter()
            .chain(enum_renames::enum_values_survive(&engines));
        for (label, outcome) in outcomes {
            match outcome {
                Ok(()) => println!("{label:<60} passes"),
                Err(problem) => {
                    println!("{label:<60} FAILS: {problem}");
                    unexpected.push(label);
                }
            }
        }
    }
    for line in &summary {
        println!("{line}");
    }
    if unexpected.is_empty() {
        ExitCode::SUCCESS
    } else {
        println!("unexpected: {}", unexpected.join(", "));
        ExitCode::FAILURE
    }
}

/// Up, compared with `desired`; then down, compared with `current`.
fn run_case(engines: &Engines, dialect: Dialect, number: usize, case: &Case) -> Result<(), String> {
    let from = design_of(&case.current, dialect);
    let to = design_of(&case.desired, dialect);
    let renames = rename_hints(&case.desired);
    let changes = diff(&from, &to, Matching::ByName, &renames);
    let up = migration(&from, &to, &changes, dialect);
    let down = migration(
        &to,
        &from,
        &diff(&to, &from, Matching::ByName, &renames.reversed()),
        dialect,
    );
    let migrated = format!("relvar_migrate_{number}_a");
    let fresh = format!("relvar_migrate_{number}_b");
    build(engines, dialect, &migrated, &case.current)
        .map_err(|refusal| format!("NOT RUNNABLE: current refused: {refusal}"))?;
    let texts = [case.current.as_str(), case.desired.as_str()];
    let before = catalog_text(engines, dialect, &migrated, &texts)?;
    engines
        .execute_more(dialect, &migrated, &up.sql())
        .map_err(|refusal| format!("the up script was refused: {refusal}\n{}", up.sql()))?;
    build(engines, dialect, &fresh, &case.desired)
        .map_err(|refusal| format!("NOT RUNNABLE: desired refused: {refusal}"))?;
    let reached = catalog_text(engines, dialect, &migrated, &texts)?;
    let wanted = catalog_text(engines, dialect, &fresh, &texts)?;
    // The oracle must see the case's change, or agreement proves nothing.
    if before == wanted && !changes.is_empty() {
        return Err("the catalogs of current and desired agree: the comparison cannot see this case's change".into());
    }
    if reached != wanted {
        return Err(format!(
            "after up: {}",
            differences(&reached, &wanted, 6).join("; ")
        ));
    }
    if matches!(dialect, Dialect::PostgreSql | Dialect::MySql) {
        safe_up(engines, number, case, (&from, &to), &changes, &wanted)?;
    }
    engines
        .execute_more(dialect, &migrated, &down.sql())
        .map_err(|refusal| format!("the down script was refused: {refusal}\n{}", down.sql()))?;
    build(engines, dialect, &fresh, &case.current)
        .map_err(|refusal| format!("current refused: {refusal}"))?;
    let reached = catalog_text(engines, dialect, &migrated, &texts)?;
    let wanted = catalog_text(engines, dialect, &fresh, &texts)?;
    if reached != wanted {
        return Err(format!(
            "after down: {}",
            differences(&reached, &wanted, 6).join("; ")
        ));
    }
    Ok(())
}

/// The zero-downtime plan of the same change reaches the same catalog (on MariaDB: the server
/// accepts every algorithm and lock it asks for), and on PostgreSQL squawk finds nothing to say
/// about it before its contract phase.
fn safe_up(
    engines: &Engines,
    number: usize,
    case: &Case,
    (from, to): (&relvar_model::Design, &relvar_model::Design),
    changes: &relvar_diff::Diff,
    wanted: &str,
) -> Result<(), String> {
    let dialect = to.dialect();
    let safe = safe_migration(from, to, changes, dialect);
    let database = format!("relvar_migrate_{number}_safe");
    build(engines, dialect, &database, &case.current)
        .map_err(|refusal| format!("current refused: {refusal}"))?;
    engines
        .execute_more(dialect, &database, &safe.sql())
        .map_err(|refusal| format!("the safe up script was refused: {refusal}\n{}", safe.sql()))?;
    let texts = [case.current.as_str(), case.desired.as_str()];
    let reached = catalog_text(engines, dialect, &database, &texts)?;
    if reached != wanted {
        return Err(format!(
            "after the safe up: {}",
            differences(&reached, wanted, 6).join("; ")
        ));
    }
    if dialect != Dialect::PostgreSql {
        return Ok(());
    }
    let file = engines.work.join(format!("{number}.safe.sql"));
    std::fs::write(&file, safe.sql()).unwrap();
    squawk::nothing_before_contract(&file)
}

/// A fresh database built from a case's schema. A schema may name a table before creating it
/// (a view written first): sqldef orders the statements itself, so when the script is refused as
/// written its statements are run in rounds, each round the ones the engine refused before,
/// until all ran (the engine alone decides what runs) or a round runs none.
fn build(
    engines: &Engines,
    dialect: Dialect,
    database: &str,
    script: &str,
) -> Result<(), engines::Refusal> {
    let Err(refusal) = engines.execute_in(dialect, database, script) else {
        return Ok(());
    };
    engines.execute_in(dialect, database, "")?;
    let mut pending: Vec<&str> = relvar_sql::split_statements(script, dialect)
        .into_iter()
        .filter_map(|statement| script.get(statement.span))
        .collect();
    while !pending.is_empty() {
        let before = pending.len();
        pending.retain(|statement| {
            engines
                .execute_more(dialect, database, &format!("{statement};"))
                .is_err()
        });
        if pending.len() == before {
            return Err(refusal);
        }
    }
    Ok(())
}

fn design_of(sql: &str, dialect: Dialect) -> relvar_model::Design {
    let mut design = import_sql(sql, dialect).design;
    design.source_dialect.get_or_insert(dialect);
    design
}

fn read_cases(path: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let documents = YamlLoader::load_from_str(&text).unwrap();
    let Some(Yaml::Hash(cases)) = documents.into_iter().next() else {
        panic!("{path} holds no cases");
    };
    let field = |case: &Yaml, name: &str| case[name].as_str().unwrap_or_default().to_owned();
    cases
        .iter()
        .map(|(name, case)| Case {
            name: name.as_str().unwrap_or_default().to_owned(),
            current: field(case, "current"),
            desired: field(case, "desired"),
        })
        .collect()
}

/// `dialect:case` labels of the cases allowed to fail, from the list beside the runner script.
fn known_failures() -> Vec<String> {
    let text =
        std::fs::read_to_string("tests/engines/sqldef-known-failures.txt").unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|line| !line.is_empty())
        .map(|line| {
            line.split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}
