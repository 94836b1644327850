//! Rows survive a migration: a schema filled with generated rows is migrated up (a column
//! renamed, one widened, one dropped, one added with a default, a key and an index added) and
//! down again on each engine, and every value of every column that survives both ways is read
//! back unchanged; the zero-downtime plans too (on PostgreSQL the widening goes through a new
//! column, a trigger and a batched backfill; on MariaDB each statement names its algorithm).

use relvar_diff::{Matching, diff, migration, rename_hints, safe_migration};
use relvar_sql::{Dialect, import_sql};

use crate::engines::Engines;

const ROWS: usize = 25_000;

const CURRENT: &str = "CREATE TABLE items (
  id integer NOT NULL PRIMARY KEY,
  name varchar(40) NOT NULL,
  qty integer,
  note varchar(40)
);
CREATE TABLE tags (
  id integer NOT NULL PRIMARY KEY,
  item_id integer REFERENCES items (id),
  label varchar(40)
);
";

const DESIRED: &str = "CREATE TABLE items (
  id integer NOT NULL PRIMARY KEY,
  title varchar(40) NOT NULL, -- @renamed from=name
  qty bigint,
  price integer DEFAULT 0
);
CREATE TABLE tags (
  id integer NOT NULL PRIMARY KEY,
  item_id integer REFERENCES items (id),
  label varchar(80),
  UNIQUE (item_id, label)
);
CREATE INDEX tags_label ON tags (label);
";

/// Each engine's outcome, labelled.
pub fn data_survives(engines: &Engines) -> Vec<(String, Result<(), String>)> {
    let mut outcomes = Vec::new();
    for dialect in [Dialect::PostgreSql, Dialect::MySql, Dialect::Sqlite] {
        outcomes.push((
            format!("{}:data survives up and down", dialect.id()),
            round_trip(engines, dialect, false),
        ));
    }
    for dialect in [Dialect::PostgreSql, Dialect::MySql] {
        outcomes.push((
            format!("{}:data survives the zero-downtime plan", dialect.id()),
            round_trip(engines, dialect, true),
        ));
    }
    outcomes
}

fn round_trip(engines: &Engines, dialect: Dialect, safe: bool) -> Result<(), String> {
    let design = |sql: &str| {
        let mut design = import_sql(sql, dialect).design;
        design.source_dialect.get_or_insert(dialect);
        design
    };
    let (from, to) = (design(CURRENT), design(DESIRED));
    let renames = rename_hints(DESIRED);
    let plan = |a, b, renames| {
        let changes = diff(a, b, Matching::ByName, renames);
        if safe {
            safe_migration(a, b, &changes, dialect).sql()
        } else {
            migration(a, b, &changes, dialect).sql()
        }
    };
    let up = plan(&from, &to, &renames);
    let down = plan(&to, &from, &renames.reversed());
    let database = format!(
        "relvar_migrate_data_{}",
        if safe { "safe" } else { "plain" }
    );
    engines
        .execute_in(dialect, &database, &format!("{CURRENT}{}", rows()))
        .map_err(|r| format!("the rows were refused: {r}"))?;
    let items = |title: &str| format!("SELECT id, {title}, qty FROM items ORDER BY id");
    let tags = "SELECT id, item_id, label FROM tags ORDER BY id";
    let before = (
        read(engines, dialect, &database, &items("name"))?,
        read(engines, dialect, &database, tags)?,
    );
    engines
        .execute_more(dialect, &database, &up)
        .map_err(|r| format!("up refused: {r}\n{up}"))?;
    let after_up = (
        read(engines, dialect, &database, &items("title"))?,
        read(engines, dialect, &database, tags)?,
    );
    if after_up != before {
        return Err("rows changed by the up script".into());
    }
    engines
        .execute_more(dialect, &database, &down)
        .map_err(|r| format!("down refused: {r}\n{down}"))?;
    let after_down = (
        read(engines, dialect, &database, &items("name"))?,
        read(engines, dialect, &database, tags)?,
    );
    if after_down != before {
        return Err("rows changed by the down script".into());
    }
    Ok(())
}

/// The generated rows: every item with a name, most with a quantity, some tagged.
fn rows() -> String {
    let mut sql = String::new();
    for chunk in (0..ROWS).collect::<Vec<_>>().chunks(1_000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|i| {
                let qty = if i % 7 == 0 {
                    "NULL".to_owned()
                } else {
                    (i * 37 % 1_000_003).to_string()
                };
                format!("({i}, 'item {i} ''quoted''', {qty}, 'note {}')", i % 13)
            })
            .collect();
        sql.push_str(&format!(
            "INSERT INTO items (id, name, qty, note) VALUES {};\n",
            values.join(", ")
        ));
        let tags: Vec<String> = chunk
            .iter()
            .filter(|i| *i % 3 == 0)
            .map(|i| format!("({i}, {}, 'label {}')", i / 3, i % 101))
            .collect();
        sql.push_str(&format!(
            "INSERT INTO tags (id, item_id, label) VALUES {};\n",
            tags.join(", ")
        ));
    }
    sql
}

/// A query's rows as text, one per line, fields separated alike on every engine.
fn read(
    engines: &Engines,
    dialect: Dialect,
    database: &str,
    query: &str,
) -> Result<String, String> {
    let text = engines
        .query_in(dialect, database, &format!("{query};"))
        .map_err(|r| format!("cannot read back: {r}"))?;
    let text = text.replace('\t', "|").replace("|NULL", "|");
    if text.lines().count() < ROWS / 3 {
        return Err(format!("read back only {} rows", text.lines().count()));
    }
    Ok(text)
}
