//! Renamed enum values keep their rows, on the engines: a version of a design renames an enum
//! type (PostgreSQL), edits a value where it stands and adds one; the table, filled with rows,
//! is migrated up (each row holding the old spelling now holds the new one, every other row as
//! it was, the catalog that of a fresh database of the new version) and down again (rows and
//! catalog as at first). MariaDB's column typed `enum(...)` in place is also renamed. Plain and
//! zero-downtime plans.

use relvar_diff::{Matching, Renames, diff, migration, safe_migration};
use relvar_model::{Command, Design, History};
use relvar_sql::{Dialect, export_ddl, import_sql};

use crate::catalog::{catalog_text, differences};
use crate::engines::Engines;

const ROWS: usize = 3_000;
const VALUES: [&str; 3] = ["sad", "ok", "happy"];

const POSTGRES: &str = "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (id integer NOT NULL PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', was mood);
";

const MYSQL: &str = "CREATE TABLE person (id integer NOT NULL PRIMARY KEY,
  m enum('sad','ok','happy') NOT NULL DEFAULT 'ok', was enum('sad','ok','happy'));
";

/// Each engine's and plan's outcome, labelled.
pub fn enum_values_survive(engines: &Engines) -> Vec<(String, Result<(), String>)> {
    let mut outcomes = Vec::new();
    for dialect in [Dialect::PostgreSql, Dialect::MySql] {
        for safe in [false, true] {
            let plan = if safe {
                "zero-downtime plan"
            } else {
                "plain script"
            };
            outcomes.push((
                format!(
                    "{}:renamed enum values keep their rows ({plan})",
                    dialect.id()
                ),
                round_trip(engines, dialect, safe),
            ));
        }
    }
    outcomes
}

/// The next version: the type renamed (PostgreSQL), `ok` edited into `fine`, `glad` added, the
/// column renamed.
fn next_version(before: &Design, dialect: Dialect) -> Result<Design, String> {
    let mut after = before.clone();
    let table = before.tables.first().ok_or("no table")?;
    let (id, column) = (table.id, table.columns.get(1).ok_or("no column")?.id);
    let mut commands = vec![Command::RenameColumn {
        table: id,
        column,
        name: "feels".into(),
    }];
    let values = ["sad", "fine", "happy", "glad"];
    if dialect == Dialect::PostgreSql {
        commands.push(Command::RenameEnum {
            name: "mood".into(),
            schema: None,
            new_name: "feeling".into(),
        });
        commands.push(Command::SetEnumValues {
            name: "feeling".into(),
            values: values.map(str::to_owned).to_vec(),
        });
    } else {
        let inline = format!("enum('{}')", values.join("','"));
        for column in &table.columns[1..] {
            commands.push(Command::SetColumnType {
                table: id,
                column: column.id,
                data_type: inline.clone(),
            });
        }
    }
    commands.push(Command::SetColumnDefault {
        table: id,
        column,
        default: Some("'fine'".into()),
    });
    let mut history = History::default();
    for command in commands {
        history
            .apply(&mut after, command)
            .map_err(|refusal| format!("the edit was refused: {refusal:?}"))?;
    }
    Ok(after)
}

fn round_trip(engines: &Engines, dialect: Dialect, safe: bool) -> Result<(), String> {
    let current = if dialect == Dialect::PostgreSql {
        POSTGRES
    } else {
        MYSQL
    };
    let mut from = import_sql(current, dialect).design;
    from.source_dialect = Some(dialect);
    let to = next_version(&from, dialect)?;
    let plan = |a: &Design, b: &Design| {
        let changes = diff(a, b, Matching::ById, &Renames::default());
        if safe {
            safe_migration(a, b, &changes, dialect).sql()
        } else {
            migration(a, b, &changes, dialect).sql()
        }
    };
    let (up, down) = (plan(&from, &to), plan(&to, &from));
    let desired = export_ddl(&to, dialect).sql;
    let texts = [current, desired.as_str()];
    let database = format!("relvar_enum_rename_{}", if safe { "safe" } else { "plain" });
    let fresh = format!("{database}_fresh");
    engines
        .execute_in(dialect, &database, &format!("{current}{}", rows()))
        .map_err(|r| format!("the rows were refused: {r}"))?;
    let before = read(engines, dialect, &database, "m")?;
    engines
        .execute_more(dialect, &database, &up)
        .map_err(|r| format!("up refused: {r}\n{up}"))?;
    if read(engines, dialect, &database, "feels")? != before.replace("|ok", "|fine") {
        return Err(format!(
            "rows other than the renamed value's changed by\n{up}"
        ));
    }
    engines
        .execute_in(dialect, &fresh, &desired)
        .map_err(|r| format!("the new version's DDL was refused: {r}"))?;
    let reached = catalog_text(engines, dialect, &database, &texts)?;
    let wanted = catalog_text(engines, dialect, &fresh, &texts)?;
    if reached != wanted {
        let found = differences(&reached, &wanted, 6).join("; ");
        return Err(format!("after up: {found}"));
    }
    engines
        .execute_more(dialect, &database, &down)
        .map_err(|r| format!("down refused: {r}\n{down}"))?;
    if read(engines, dialect, &database, "m")? != before {
        return Err(format!("rows changed by the down script\n{down}"));
    }
    engines
        .execute_in(dialect, &fresh, current)
        .map_err(|r| format!("the first version's DDL was refused: {r}"))?;
    let reached = catalog_text(engines, dialect, &database, &texts)?;
    let wanted = catalog_text(engines, dialect, &fresh, &texts)?;
    if reached != wanted {
        let found = differences(&reached, &wanted, 6).join("; ");
        return Err(format!("after down: {found}"));
    }
    Ok(())
}

/// Rows holding each value in turn, and `was` empty in every third.
fn rows() -> String {
    let values: Vec<String> = (0..ROWS)
        .map(|i| {
            let value = VALUES[i % VALUES.len()];
            let was = if i % 3 == 0 {
                "NULL".to_owned()
            } else {
                format!("'{}'", VALUES[(i / 3) % VALUES.len()])
            };
            format!("({i}, '{value}', {was})")
        })
        .collect();
    format!(
        "INSERT INTO person (id, m, was) VALUES {};\n",
        values.join(", ")
    )
}

/// The rows as text, one per line, fields separated alike on every engine.
fn read(
    engines: &Engines,
    dialect: Dialect,
    database: &str,
    column: &str,
) -> Result<String, String> {
    let text = engines
        .query_in(
            dialect,
            database,
            &format!("SELECT id, {column}, was FROM person ORDER BY id;"),
        )
        .map_err(|r| format!("cannot read back: {r}"))?;
    let text = text.replace('\t', "|");
    if text.lines().count() != ROWS {
        return Err(format!("read back {} rows of {ROWS}", text.lines().count()));
    }
    Ok(text)
}
