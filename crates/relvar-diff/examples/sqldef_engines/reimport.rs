//! SQL Server's cases, with no engine to run them: our importer replays `current` followed by our
//! up script, and what it builds must be what `desired` builds; then the down script, back to
//! `current`. Column order is left out, as on the engines.

use relvar_diff::{Matching, diff, migration, rename_hints};
use relvar_model::{ColumnId, Design, ForeignKey, Table};
use relvar_sql::{Dialect, import_sql};

use super::Case;

/// What a script builds, one sorted line per table, column, key and foreign key, and each
/// statement the importer kept unread (a script statement it cannot read differs from `desired`).
fn outline(design: &Design) -> String {
    let mut lines: Vec<String> = design
        .outline()
        .lines()
        .filter(|line| !line.starts_with("kept from line"))
        .map(str::to_owned)
        .chain(
            design
                .unmodelled
                .iter()
                .map(|kept| format!("unread: {}", kept.text.trim())),
        )
        .collect();
    lines.sort();
    lines.join("\n")
}

fn built(sql: &str) -> Design {
    import_sql(sql, Dialect::MsSql).design
}

fn names(table: &Table, columns: &[ColumnId]) -> Vec<String> {
    columns
        .iter()
        .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
        .map(|column| column.name.to_ascii_lowercase())
        .collect()
}

/// What the script of `wanted` leaves unnamed, SQL Server names as it likes: the same key,
/// check or foreign key under any name in `reached` matches it (the engines' catalogs are
/// compared alike).
fn forget_names_left_to_the_engine(reached: &mut Design, wanted: &Design) {
    for table in &mut reached.tables {
        let Some(other) = wanted.find_table(table.schema.as_deref(), &table.name) else {
            continue;
        };
        // Its columns, read while its constraints change.
        let before = table.clone();
        if let (Some(key), Some(other_key)) = (&mut table.primary_key, &other.primary_key)
            && other_key.name.is_none()
            && names(&before, &key.columns) == names(other, &other_key.columns)
        {
            key.name = None;
        }
        for unique in &mut table.uniques {
            if other.uniques.iter().any(|o| {
                o.name.is_none() && names(other, &o.columns) == names(&before, &unique.columns)
            }) {
                unique.name = None;
            }
        }
        for check in &mut table.checks {
            if other
                .checks
                .iter()
                .any(|o| o.name.is_none() && o.expression == check.expression)
            {
                check.name = None;
            }
        }
    }
    let shape = |design: &Design, fk: &ForeignKey| {
        let (Some(from), Some(to)) = (design.table(fk.from_table), design.table(fk.to_table))
        else {
            return None;
        };
        Some((
            from.qualified_name().to_ascii_lowercase(),
            names(from, &fk.from_columns),
            to.qualified_name().to_ascii_lowercase(),
            names(to, &fk.to_columns),
        ))
    };
    let unnamed: Vec<_> = wanted
        .foreign_keys
        .iter()
        .filter(|fk| fk.name.is_none())
        .filter_map(|fk| shape(wanted, fk))
        .collect();
    let matched: Vec<bool> = reached
        .foreign_keys
        .iter()
        .map(|fk| shape(reached, fk).is_some_and(|found| unnamed.contains(&found)))
        .collect();
    for (fk, matched) in reached.foreign_keys.iter_mut().zip(matched) {
        if matched {
            fk.name = None;
        }
    }
}

fn first_difference(reached: &str, wanted: &str) -> String {
    let only = |a: &str, b: &str| -> Vec<String> {
        a.lines()
            .filter(|line| !b.lines().any(|other| other == *line))
            .take(3)
            .map(str::to_owned)
            .collect()
    };
    format!(
        "reached [{}], wanted [{}]",
        only(reached, wanted).join(" | "),
        only(wanted, reached).join(" | ")
    )
}

/// Up, compared with `desired`; then down, compared with `current`.
pub fn run_case(case: &Case) -> Result<(), String> {
    let design_of = |sql: &str| {
        let mut design = import_sql(sql, Dialect::MsSql).design;
        design.source_dialect.get_or_insert(Dialect::MsSql);
        design
    };
    let (from, to) = (design_of(&case.current), design_of(&case.desired));
    let renames = rename_hints(&case.desired);
    let changes = diff(&from, &to, Matching::ByName, &renames);
    let up = migration(&from, &to, &changes, Dialect::MsSql).sql();
    let back = diff(&to, &from, Matching::ByName, &renames.reversed());
    let down = migration(&to, &from, &back, Dialect::MsSql).sql();
    let before = built(&case.current);
    let wanted = built(&case.desired);
    if outline(&before) == outline(&wanted) && !changes.is_empty() {
        return Err(
            "current and desired read alike: the check cannot see this case's change".into(),
        );
    }
    let mut reached = built(&format!("{}\nGO\n{up}", case.current));
    forget_names_left_to_the_engine(&mut reached, &wanted);
    let (reached, wanted) = (outline(&reached), outline(&wanted));
    if reached != wanted {
        return Err(format!(
            "after up: {}\n{up}",
            first_difference(&reached, &wanted)
        ));
    }
    let mut returned = built(&format!("{}\nGO\n{up}\n{down}", case.current));
    forget_names_left_to_the_engine(&mut returned, &before);
    let (returned, before) = (outline(&returned), outline(&before));
    if returned != before {
        return Err(format!(
            "after down: {}\n{down}",
            first_difference(&returned, &before)
        ));
    }
    Ok(())
}
