//! SQLite's ALTER TABLE renames tables and columns and adds plain columns; any other change to a
//! table is made by SQLite's documented rebuild: foreign keys off, the new table created beside
//! the old, the rows copied, the old dropped, the new renamed, its indexes made again, the
//! foreign keys checked and switched back on.

use std::collections::BTreeSet;

use relvar_model::{Column, Table, TableId};

use super::Planner;
use super::drops::column_names;
use crate::tables::TableDiff;

/// The changed tables (second design's ids) ALTER TABLE cannot change.
pub(super) fn tables_to_rebuild(planner: &Planner<'_>) -> BTreeSet<TableId> {
    let mut rebuilt = BTreeSet::new();
    // Tables whose own foreign keys change: SQLite declares them inside the table.
    let removed: BTreeSet<_> = planner.diff.foreign_keys_removed.iter().copied().collect();
    let added: BTreeSet<_> = planner.diff.foreign_keys_added.iter().copied().collect();
    let losing: BTreeSet<TableId> = planner
        .from
        .foreign_keys
        .iter()
        .filter(|fk| removed.contains(&fk.id))
        .map(|fk| fk.from_table)
        .collect();
    let gaining: BTreeSet<TableId> = planner
        .to
        .foreign_keys
        .iter()
        .filter(|fk| added.contains(&fk.id))
        .map(|fk| fk.from_table)
        .collect();
    for changed in &planner.diff.tables_changed {
        let (Some(old), Some(new)) = (
            planner.old_table(changed.from),
            planner.new_table(changed.to),
        ) else {
            continue;
        };
        let foreign_keys_changed = losing.contains(&old.id) || gaining.contains(&new.id);
        let columns_changed = changed
            .columns_changed
            .iter()
            .any(|column| column.definition_changed());
        let hard_add = changed
            .columns_added
            .iter()
            .filter_map(|id| new.columns.iter().find(|c| c.id == *id))
            .any(|column| !plain_addition(new, column));
        if foreign_keys_changed
            || columns_changed
            || hard_add
            || !changed.columns_removed.is_empty()
            || changed.primary_key_changed
            || !changed.uniques_added.is_empty()
            || !changed.uniques_removed.is_empty()
            || !changed.checks_added.is_empty()
            || !changed.checks_removed.is_empty()
        {
            rebuilt.insert(changed.to);
        }
    }
    rebuilt
}

/// A column `ALTER TABLE ADD COLUMN` can add: not in a key or a foreign key, and either nullable
/// or with a constant default.
fn plain_addition(table: &Table, column: &relvar_model::Column) -> bool {
    let keyed = table.is_primary_key_column(column.id)
        || table
            .uniques
            .iter()
            .any(|unique| unique.columns.contains(&column.id));
    let constant_default = column.default.as_deref().is_some_and(|default| {
        let upper = default.to_ascii_uppercase();
        !upper.contains("CURRENT_") && !upper.contains('(')
    });
    !keyed
        && column.generated.is_none()
        && column.identity.is_none()
        && (column.default.is_none() || constant_default)
        && (column.nullable || constant_default)
}

impl Planner<'_> {
    /// A table renamed: SQLite refuses a new name that differs only in letter case (it takes
    /// both for one), so such a rename goes through a name of its own.
    pub(super) fn sqlite_rename(&self, old: &Table, new: &Table) -> Vec<String> {
        let old_name = self.old.table_name(old.id);
        let renamed = self.new.table_name(new.id);
        if !old.name.eq_ignore_ascii_case(&new.name) {
            return vec![format!("ALTER TABLE {old_name} RENAME TO {renamed}")];
        }
        let aside = self.new.quote(&format!("_relvar_renamed_{}", new.name));
        vec![
            format!("ALTER TABLE {old_name} RENAME TO {aside}"),
            format!("ALTER TABLE {aside} RENAME TO {renamed}"),
        ]
    }

    pub(super) fn rebuild_sqlite_table(&mut self, changed: &TableDiff, old: &Table, new: &Table) {
        let aside = format!("_relvar_new_{}", new.name);
        let mut old_name = self.old.table_name(old.id);
        self.push("PRAGMA foreign_keys = OFF");
        // Renamed first, so SQLite rewrites the other tables' references to it; the rebuild
        // then keeps the new name.
        if changed.renamed {
            for sql in self.sqlite_rename(old, new) {
                self.push(sql);
            }
            old_name = self.new.table_name(new.id);
        }
        let create = self.new.create_table(new.id, true, Some(&aside));
        for statement in super::split_statements(&create) {
            self.push(statement);
        }
        let copied: Vec<(&str, String)> = new
            .columns
            .iter()
            .filter(|column| column.generated.is_none())
            .filter_map(|column| {
                let (from, _) = self
                    .diff
                    .pairing
                    .tables()
                    .find(|(from, _)| *from == old.id)?;
                let source = self.old_table(from)?.columns.iter().find(|source| {
                    self.diff.pairing.column(source.id) == Some(column.id)
                        && source.generated.is_none()
                })?;
                Some((column.name.as_str(), self.copied_value(source, column)))
            })
            .collect();
        if !copied.is_empty() {
            let into: Vec<String> = copied.iter().map(|(to, _)| self.new.quote(to)).collect();
            let from: Vec<String> = copied.iter().map(|(_, from)| from.clone()).collect();
            let sql = format!(
                "INSERT INTO {} ({}) SELECT {} FROM {old_name}",
                self.new.quote(&aside),
                into.join(", "),
                from.join(", ")
            );
            let dropped = column_names(old, &changed.columns_removed);
            if dropped.is_empty() {
                self.push(sql);
            } else {
                let risk = format!(
                    "rebuilds {}: the values of {} are not copied",
                    old.qualified_name(),
                    dropped.join(", ")
                );
                self.push_risky(sql, risk);
            }
        }
        self.push(format!("DROP TABLE {old_name}"));
        self.push(format!(
            "ALTER TABLE {} RENAME TO {}",
            self.new.quote(&aside),
            self.new.quote(&new.name)
        ));
        for position in 0..new.indexes.len() {
            if let Some(sql) = self.new.create_index(new.id, position) {
                self.push(sql);
            }
        }
        self.push("PRAGMA foreign_key_check");
        self.push("PRAGMA foreign_keys = ON");
    }

    /// What a rebuild copies into a column: the old column, its renamed enum values (held in a
    /// check) spelled anew.
    fn copied_value(&self, source: &Column, column: &Column) -> String {
        let name = self.old.quote(&source.name);
        let renamed = self
            .column_enum_change(source, column)
            .map(|change| change.renamed)
            .unwrap_or_default();
        if renamed.is_empty() {
            return name;
        }
        let cases: Vec<String> = renamed
            .iter()
            .map(|(was, now)| {
                format!(
                    "WHEN {} THEN {}",
                    self.new.literal(was),
                    self.new.literal(now)
                )
            })
            .collect();
        format!("CASE {name} {} ELSE {name} END", cases.join(" "))
    }
}
