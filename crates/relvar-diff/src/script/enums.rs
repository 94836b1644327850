//! Enum types in a migration (PostgreSQL; elsewhere an enum is a column's type): new ones
//! created, renamed types and values renamed in place, values added before the value they
//! precede, and an enum that loses values made again, its columns converted through text. A
//! MySQL column typed `enum(...)` has its renamed values rewritten through a wider list.

use relvar_model::{Column, ColumnId, Design, Dialect, Table, TableId};

use super::Planner;
use crate::diff::{Diff, EnumDiff};
use crate::enum_pairing::EnumPair;
use crate::tables::{ColumnDiff, TableDiff};

impl Planner<'_> {
    /// New enums, and values added to enums (PostgreSQL; elsewhere enums are column types).
    pub(super) fn enums_before_tables(&mut self) {
        if self.dialect != Dialect::PostgreSql {
            return;
        }
        for change in &self.diff.enums {
            match change {
                EnumDiff::Added(at) => {
                    if let Some(sql) = self.new.create_enum(*at) {
                        self.push(sql);
                    }
                }
                EnumDiff::Changed {
                    from,
                    to,
                    renamed,
                    values_renamed,
                    removed_values,
                    ..
                } => {
                    self.rename_enum(*from, *to, *renamed, values_renamed);
                    if removed_values.is_empty() {
                        self.add_enum_values(*to, values_renamed);
                    } else {
                        self.recreate_enum(*to, removed_values);
                    }
                }
                EnumDiff::Removed(_) => {}
            }
        }
    }

    /// `ALTER TYPE ... RENAME TO` for a renamed type (its schema stays), then `RENAME VALUE` for
    /// each value renamed in place: rows holding it hold the new spelling.
    fn rename_enum(&mut self, from: usize, to: usize, renamed: bool, values: &[(String, String)]) {
        let (Some(old), Some(new)) = (self.from.enums.get(from), self.to.enums.get(to)) else {
            return;
        };
        if renamed {
            let old_name = self.old.qualified(old.schema.as_deref(), &old.name);
            self.push(format!(
                "ALTER TYPE {old_name} RENAME TO {}",
                self.new.quote(&new.name)
            ));
        }
        let name = self.new.qualified(new.schema.as_deref(), &new.name);
        for (was, now) in values {
            self.push(format!(
                "ALTER TYPE {name} RENAME VALUE {} TO {}",
                self.new.literal(was),
                self.new.literal(now)
            ));
        }
    }

    /// `ALTER TYPE ... ADD VALUE` for each new value, placed before the value it precedes; the
    /// type holds the old values, renamed ones by their new spelling.
    pub(super) fn add_enum_values(&mut self, to: usize, renamed: &[(String, String)]) {
        let Some(new) = self.to.enums.get(to) else {
            return;
        };
        let old_values: Vec<String> = self
            .paired_enum(to)
            .map(|pair| pair.old.values.clone())
            .unwrap_or_default();
        let held: Vec<&String> = old_values
            .iter()
            .map(|value| {
                renamed
                    .iter()
                    .find(|(was, _)| was == value)
                    .map_or(value, |(_, now)| now)
            })
            .collect();
        let name = self.new.qualified(new.schema.as_deref(), &new.name);
        let mut present = held;
        for (at, value) in new.values.iter().enumerate() {
            if present.contains(&value) {
                continue;
            }
            let next = new.values.iter().skip(at + 1).find(|v| present.contains(v));
            let place = match next {
                Some(next) => format!(" BEFORE {}", self.new.literal(next)),
                None => String::new(),
            };
            let sql = format!(
                "ALTER TYPE {name} ADD VALUE {}{place}",
                self.new.literal(value)
            );
            self.push(sql);
            present.push(value);
        }
    }

    /// An enum that loses values is made again: the old one (by now under its new name) renamed
    /// aside, the new one created, each column using it converted through text, the old one
    /// dropped.
    pub(super) fn recreate_enum(&mut self, to: usize, removed_values: &[String]) {
        let Some(new) = self.to.enums.get(to) else {
            return;
        };
        let aside = format!("{}_relvar_old", new.name);
        let old_name = self.new.qualified(new.schema.as_deref(), &new.name);
        let aside_name = self.new.qualified(new.schema.as_deref(), &aside);
        let removed: Vec<String> = removed_values
            .iter()
            .map(|value| self.new.literal(value))
            .collect();
        self.push(format!(
            "ALTER TYPE {old_name} RENAME TO {}",
            self.old.quote(&aside)
        ));
        if let Some(sql) = self.new.create_enum(to) {
            self.push(sql);
        }
        let new_name = self.new.qualified(new.schema.as_deref(), &new.name);
        let Some(pair) = self.paired_enum(to).cloned() else {
            return;
        };
        for table in &self.to.tables {
            let Some(old_table) = self
                .diff
                .pairing
                .table_back(table.id)
                .and_then(|id| self.old_table(id))
            else {
                continue;
            };
            let table_name = self.old.table_name(old_table.id);
            for column in &table.columns {
                let before = self
                    .diff
                    .pairing
                    .column_back(column.id)
                    .and_then(|id| old_table.columns.iter().find(|c| c.id == id));
                let Some(before) =
                    before.filter(|before| pair.types(&before.data_type, &column.data_type))
                else {
                    continue;
                };
                let column_name = self.old.quote(&before.name);
                let alter = |what: &str| {
                    format!("ALTER TABLE {table_name} ALTER COLUMN {column_name} {what}")
                };
                // A default of the old type cannot be cast to the new one: it is set again after.
                if before.default.is_some() {
                    self.push(alter("DROP DEFAULT"));
                }
                self.push_risky(
                    alter(&format!(
                        "TYPE {new_name} USING {column_name}::text::{new_name}"
                    )),
                    format!(
                        "{}.{}: enum {} loses {}; rows holding them make this fail",
                        table.qualified_name(),
                        column.name,
                        new.qualified_name(),
                        removed.join(", ")
                    ),
                );
                if let Some(default) = &column.default {
                    self.push(alter(&format!("SET DEFAULT {default}")));
                }
            }
        }
        self.push(format!("DROP TYPE {aside_name}"));
    }

    fn paired_enum(&self, to: usize) -> Option<&EnumPair> {
        self.diff
            .pairing
            .enums()
            .pairs()
            .iter()
            .find(|pair| pair.to == to)
    }

    /// The values of a column's enum before and after, and those renamed between: a column typed
    /// `enum(...)` in place, or by an enum type (which MySQL writes in place).
    pub(super) fn column_enum_change(
        &self,
        old: &Column,
        new: &Column,
    ) -> Option<ColumnEnumChange> {
        if let (Some(before), Some(after)) = (
            relvar_sql::inline_enum_values(&old.data_type),
            relvar_sql::inline_enum_values(&new.data_type),
        ) {
            let renamed = self.diff.pairing.enums().inline_values_renamed(new.id);
            return Some(ColumnEnumChange {
                before,
                after,
                renamed: renamed.to_vec(),
            });
        }
        let pair = self
            .diff
            .pairing
            .enums()
            .pairs()
            .iter()
            .find(|pair| pair.types(&old.data_type, &new.data_type))?;
        Some(ColumnEnumChange {
            before: pair.old.values.clone(),
            after: pair.new.values.clone(),
            renamed: pair.values_renamed.clone(),
        })
    }

    /// Values of a column's enum renamed (MySQL): the column, as it stands, first takes both
    /// spellings (values appended, which changes the catalog only), its rows are rewritten to the
    /// new ones, and the restatement that follows drops the old. A value only respelled in
    /// letter case or trailing spaces is the same value to MySQL: the restatement alone keeps it.
    pub(super) fn rename_column_values(
        &mut self,
        table_name: &str,
        (table, old): (&Table, &Column),
        change: &ColumnEnumChange,
    ) {
        let renamed: Vec<&(String, String)> = change
            .renamed
            .iter()
            .filter(|(was, now)| !same_enum_value(was, now))
            .collect();
        let Some(old_table) = self.diff.pairing.table_back(table.id) else {
            return;
        };
        let (Some((definition, _)), Some(written)) = (
            self.old.column_definition(old_table, old.id),
            self.old.column_type(old_table, old.id),
        ) else {
            return;
        };
        if renamed.is_empty() {
            return;
        }
        let mut both = change.before.clone();
        for value in &change.after {
            if !both.iter().any(|held| same_enum_value(held, value)) {
                both.push(value.clone());
            }
        }
        let literals: Vec<String> = both.iter().map(|value| self.new.literal(value)).collect();
        let wider = definition.replacen(&written, &format!("enum({})", literals.join(",")), 1);
        let mut sql = format!("ALTER TABLE {table_name} MODIFY COLUMN {wider}");
        if self.online {
            sql = format!("{sql}, ALGORITHM=INSTANT");
        }
        self.push(sql);
        let column = self.new.quote(&old.name);
        for (was, now) in renamed {
            self.push(format!(
                "UPDATE {table_name} SET {column} = {} WHERE {column} = {}",
                self.new.literal(now),
                self.new.literal(was)
            ));
        }
    }
}

/// Whether MySQL takes two enum values for one: alike but for letter case and trailing spaces.
fn same_enum_value(a: &str, b: &str) -> bool {
    a.trim_end().to_lowercase() == b.trim_end().to_lowercase()
}

/// A column's enum values before and after a change, and those renamed between.
pub(super) struct ColumnEnumChange {
    pub before: Vec<String>,
    pub after: Vec<String>,
    pub renamed: Vec<(String, String)>,
}

impl ColumnEnumChange {
    /// Whether every value a row may hold stays, under its own or its new spelling.
    pub(super) fn keeps_every_value(&self) -> bool {
        self.before.iter().all(|value| {
            self.after.contains(value) || self.renamed.iter().any(|(was, _)| was == value)
        })
    }
}

/// The diff as a target that writes enums in place sees it (MySQL, SQLite, SQL Server): a column
/// whose enum type changed its values is a column whose type changed. `None` when nothing moves.
pub(super) fn with_enum_columns_retyped(from: &Design, to: &Design, diff: &Diff) -> Option<Diff> {
    let changed: Vec<&EnumPair> = diff
        .pairing
        .enums()
        .pairs()
        .iter()
        .filter(|pair| pair.old.values != pair.new.values)
        .collect();
    if changed.is_empty() {
        return None;
    }
    let mut adjusted = diff.clone();
    for (old_id, new_id) in diff.pairing.tables() {
        let (Some(old_table), Some(new_table)) = (from.table(old_id), to.table(new_id)) else {
            continue;
        };
        for column in &new_table.columns {
            let Some(before) = diff
                .pairing
                .column_back(column.id)
                .and_then(|id| old_table.columns.iter().find(|c| c.id == id))
            else {
                continue;
            };
            let retyped = changed
                .iter()
                .any(|pair| pair.types(&before.data_type, &column.data_type));
            if retyped {
                mark_retyped(&mut adjusted, (old_id, new_id), (before.id, column.id));
            }
        }
    }
    Some(adjusted)
}

fn mark_retyped(
    diff: &mut Diff,
    (old_table, new_table): (TableId, TableId),
    (from, to): (ColumnId, ColumnId),
) {
    let at = match diff.tables_changed.iter().position(|t| t.from == old_table) {
        Some(at) => at,
        None => {
            diff.tables_changed
                .push(TableDiff::unchanged(old_table, new_table));
            diff.tables_changed.len() - 1
        }
    };
    let Some(table) = diff.tables_changed.get_mut(at) else {
        return;
    };
    match table.columns_changed.iter_mut().find(|c| c.to == to) {
        Some(column) => column.type_changed = true,
        None => {
            let mut column = ColumnDiff::unchanged(from, to);
            column.type_changed = true;
            table.columns_changed.push(column);
        }
    }
}
