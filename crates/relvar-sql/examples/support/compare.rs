//! What an engine holds against what was written to it: the script and the engine's dump, both
//! read by our importer, compared table by table under the documented type mapping.

use std::collections::BTreeMap;

use relvar_model::{Design, ReferentialAction, Table, is_default_schema};
use relvar_sql::{Dialect, import_sql, mapped_type};

/// Compares what the script says (as our importer reads it) with what the engine holds.
pub fn compare(written_sql: &str, dump: &str, target: Dialect) -> Result<(), String> {
    let written = import_sql(written_sql, target).design;
    let mut read = import_sql(dump, target).design;
    // SQLite's own bookkeeping for AUTOINCREMENT.
    read.tables.retain(|table| table.name != "sqlite_sequence");
    let key = |table: &Table| {
        let schema = table
            .schema
            .as_deref()
            .filter(|schema| !is_default_schema(schema))
            .map(str::to_lowercase);
        (schema, table.name.to_lowercase())
    };
    let read_tables: BTreeMap<(Option<String>, String), &Table> =
        read.tables.iter().map(|t| (key(t), t)).collect();
    let mut problems = Vec::new();
    for table in &written.tables {
        let Some(back) = read_tables.get(&key(table)) else {
            problems.push(format!("table {} missing", table.name));
            continue;
        };
        problems.extend(compare_table(table, back, &written, &read, target));
    }
    if read.tables.len() != written.tables.len() {
        problems.push(format!(
            "{} tables written, {} read back",
            written.tables.len(),
            read.tables.len()
        ));
    }
    if read.foreign_keys.len() != written.foreign_keys.len() {
        problems.push(format!(
            "{} foreign keys written, {} read back",
            written.foreign_keys.len(),
            read.foreign_keys.len()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} differences, first: {}",
            problems.len(),
            problems[..problems.len().min(3)].join("; ")
        ))
    }
}

fn compare_table(
    table: &Table,
    back: &Table,
    written: &Design,
    read: &Design,
    target: Dialect,
) -> Vec<String> {
    let mut problems = Vec::new();
    let names = |t: &Table| {
        t.columns
            .iter()
            .map(|c| c.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    if names(table) != names(back) {
        problems.push(format!(
            "{}: columns {:?} read back as {:?}",
            table.name,
            names(table),
            names(back)
        ));
        return problems;
    }
    for (column, again) in table.columns.iter().zip(&back.columns) {
        // pg_dump names user-defined types (domains, enums) with their schema.
        let unqualified = |data_type: &str| match target {
            Dialect::PostgreSql => data_type.trim_start_matches("public.").to_owned(),
            _ => data_type.to_owned(),
        };
        let (a, b) = (
            mapped_type(&unqualified(&column.data_type), target),
            mapped_type(&unqualified(&again.data_type), target),
        );
        if !same_type(&a, &b, target) {
            problems.push(format!(
                "{}.{}: type {} read back as {}",
                table.name, column.name, column.data_type, again.data_type
            ));
        }
        if column.nullable != again.nullable {
            problems.push(format!(
                "{}.{}: nullable {} read back {}",
                table.name, column.name, column.nullable, again.nullable
            ));
        }
    }
    let column_names = |t: &Table, ids: &[relvar_model::ColumnId]| {
        ids.iter()
            .filter_map(|id| t.columns.iter().find(|c| c.id == *id))
            .map(|c| c.name.to_lowercase())
            .collect::<Vec<_>>()
    };
    let key_of = |t: &Table| t.primary_key.as_ref().map(|k| column_names(t, &k.columns));
    if key_of(table) != key_of(back) {
        problems.push(format!(
            "{}: primary key {:?} read back {:?}",
            table.name,
            key_of(table),
            key_of(back)
        ));
    }
    let uniques = |t: &Table| {
        let mut sets: Vec<Vec<String>> = t
            .uniques
            .iter()
            .map(|u| column_names(t, &u.columns))
            .collect();
        sets.extend(
            t.indexes
                .iter()
                .filter(|i| i.unique)
                .map(|i| column_names(t, &i.key_columns().collect::<Vec<_>>())),
        );
        sets.sort();
        sets
    };
    if uniques(table) != uniques(back) {
        problems.push(format!(
            "{}: unique keys {:?} read back {:?}",
            table.name,
            uniques(table),
            uniques(back)
        ));
    }
    let plain = |t: &Table| t.indexes.iter().filter(|i| !i.unique).count();
    if plain(table) > plain(back) {
        problems.push(format!(
            "{}: {} indexes written, {} read back",
            table.name,
            plain(table),
            plain(back)
        ));
    }
    // MariaDB adds a json_valid check to every json column.
    let checks = |t: &Table| {
        t.checks
            .iter()
            .filter(|c| !c.expression.contains("json_valid"))
            .count()
    };
    if checks(table) != checks(back) {
        problems.push(format!(
            "{}: {} checks written, {} read back",
            table.name,
            table.checks.len(),
            back.checks.len()
        ));
    }
    // MariaDB treats RESTRICT as NO ACTION and dumps neither.
    let action = |a: ReferentialAction| match (target, a) {
        (Dialect::MySql, ReferentialAction::Restrict) => ReferentialAction::NoAction,
        (_, a) => a,
    };
    let fks = |d: &Design, t: &Table| {
        let mut list: Vec<String> = d
            .foreign_keys
            .iter()
            .filter(|fk| fk.from_table == t.id)
            .filter_map(|fk| {
                let to = d.table(fk.to_table)?;
                Some(format!(
                    "{:?}->{}{:?} {:?}/{:?}",
                    column_names(t, &fk.from_columns),
                    to.name.to_lowercase(),
                    column_names(to, &fk.to_columns),
                    action(fk.on_delete),
                    action(fk.on_update)
                ))
            })
            .collect();
        list.sort();
        list
    };
    if fks(written, table) != fks(read, back) {
        problems.push(format!(
            "{}: foreign keys {:?} read back {:?}",
            table.name,
            fks(written, table),
            fks(read, back)
        ));
    }
    problems
}

/// Types equal under the documented mapping, and the engines' own synonyms.
fn same_type(a: &str, b: &str, target: Dialect) -> bool {
    let canonical = |t: &str| -> String {
        let t = t.to_lowercase();
        match (target, t.as_str()) {
            (Dialect::MySql, "json") => "longtext".into(),
            // MariaDB shows no fraction digits as none.
            (Dialect::MySql, _) => t.replace("(0)", ""),
            _ => t,
        }
    };
    canonical(a) == canonical(b)
}
