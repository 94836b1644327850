//! Names the engine gave, following a rename: PostgreSQL keeps `orders_pkey` when `orders`
//! becomes `purchases`, and MySQL keeps a unique key named after a column the column's old name;
//! a fresh database of the new design would have the new names. So after a table or its columns
//! are renamed, each constraint and index the script left unnamed is renamed as the engine would
//! name it now, and the migrated database equals a fresh one. An index whose name is only
//! spelled otherwise (`IDX_NAME`, `idx_name`) is renamed too: the catalog keeps the spelling.

use relvar_model::{ColumnId, Dialect, Table};
use relvar_sql::{UnnamedKind, engine_given_name};

use super::Planner;
use super::drops::{column_names, engine_named_check};
use crate::tables::TableDiff;

impl Planner<'_> {
    pub(super) fn follow_renames(&mut self, changed: &TableDiff, old: &Table, new: &Table) {
        let renamed_columns = changed.columns_changed.iter().any(|column| column.renamed);
        if !(changed.renamed || renamed_columns) {
            return;
        }
        let table_name = self.new.table_name(new.id);
        let pairing = &self.diff.pairing;
        let paired = |old_ids: &[ColumnId], new_ids: &[ColumnId]| {
            old_ids.len() == new_ids.len()
                && old_ids
                    .iter()
                    .zip(new_ids)
                    .all(|(a, b)| pairing.column(*a) == Some(*b))
        };
        // (kind, old columns, new columns), for what both tables hold unnamed and unchanged.
        let mut unnamed: Vec<(UnnamedKind, Vec<ColumnId>, Vec<ColumnId>)> = Vec::new();
        if !changed.primary_key_changed
            && let (Some(a), Some(b)) = (&old.primary_key, &new.primary_key)
            && a.name.is_none()
            && b.name.is_none()
        {
            unnamed.push((
                UnnamedKind::PrimaryKey,
                a.columns.clone(),
                b.columns.clone(),
            ));
        }
        for unique in new.uniques.iter().filter(|unique| unique.name.is_none()) {
            if let Some(before) = old
                .uniques
                .iter()
                .find(|before| before.name.is_none() && paired(&before.columns, &unique.columns))
            {
                unnamed.push((
                    UnnamedKind::Unique,
                    before.columns.clone(),
                    unique.columns.clone(),
                ));
            }
        }
        for index in new.indexes.iter().filter(|index| index.name.is_none()) {
            let columns: Vec<ColumnId> = index.key_columns().collect();
            if let Some(before) = old.indexes.iter().find(|before| {
                before.name.is_none() && paired(&before.key_columns().collect::<Vec<_>>(), &columns)
            }) {
                unnamed.push((UnnamedKind::Index, before.key_columns().collect(), columns));
            }
        }
        for foreign_key in self
            .to
            .foreign_keys
            .iter()
            .filter(|fk| fk.from_table == new.id && fk.name.is_none())
        {
            if let Some(before) = self.from.foreign_keys.iter().find(|before| {
                before.from_table == old.id
                    && before.name.is_none()
                    && paired(&before.from_columns, &foreign_key.from_columns)
                    && !self.diff.foreign_keys_removed.contains(&before.id)
            }) {
                unnamed.push((
                    UnnamedKind::ForeignKey,
                    before.from_columns.clone(),
                    foreign_key.from_columns.clone(),
                ));
            }
        }
        let mut names: Vec<(UnnamedKind, Option<String>, Option<String>)> = unnamed
            .into_iter()
            .map(|(kind, before, after)| {
                let was = column_names(old, &before);
                let now = column_names(new, &after);
                (
                    kind,
                    engine_given_name(self.dialect, kind, &old.name, &was, 1),
                    engine_given_name(self.dialect, kind, &new.name, &now, 1),
                )
            })
            .collect();
        names.extend(self.unnamed_checks(old, new));
        for (kind, was, now) in names {
            let keeps = match self.dialect {
                Dialect::PostgreSql => true,
                // MySQL renames its foreign keys with their table; a key's name is a column's.
                Dialect::MySql => matches!(kind, UnnamedKind::Unique | UnnamedKind::Index),
                Dialect::Sqlite | Dialect::MsSql => false,
            };
            let (Some(was), Some(now)) = (was, now) else {
                continue;
            };
            if !keeps || was == now {
                continue;
            }
            let index = self.new.qualified(new.schema.as_deref(), &was);
            let (was, now) = (self.new.quote(&was), self.new.quote(&now));
            let sql = match (self.dialect, kind) {
                (Dialect::MySql, _) => {
                    format!("ALTER TABLE {table_name} RENAME INDEX {was} TO {now}")
                }
                (_, UnnamedKind::Index) => format!("ALTER INDEX {index} RENAME TO {now}"),
                _ => format!("ALTER TABLE {table_name} RENAME CONSTRAINT {was} TO {now}"),
            };
            self.push(sql);
        }
    }

    /// Renames the indexes whose names differ only in letter case (`TableDiff::indexes_respelled`).
    pub(super) fn respell_indexes(&mut self, changed: &TableDiff, old: &Table, new: &Table) {
        let table_name = self.new.table_name(new.id);
        for &(was, now) in &changed.indexes_respelled {
            let (Some(was_name), Some(now_name)) = (
                old.indexes.get(was).and_then(|i| i.name.as_deref()),
                new.indexes.get(now).and_then(|i| i.name.as_deref()),
            ) else {
                continue;
            };
            match self.dialect {
                Dialect::MySql => self.push(format!(
                    "ALTER TABLE {table_name} RENAME INDEX {} TO {}",
                    self.new.quote(was_name),
                    self.new.quote(now_name)
                )),
                Dialect::MsSql => self.push(format!(
                    "EXEC sp_rename {}, {}, 'INDEX'",
                    self.new
                        .literal(&format!("{}.{was_name}", new.qualified_name())),
                    self.new.literal(now_name)
                )),
                // SQLite renames no index; PostgreSQL tells the spellings apart (never here).
                Dialect::Sqlite | Dialect::PostgreSql => {
                    let qualified = self.old.qualified(old.schema.as_deref(), was_name);
                    self.push(format!("DROP INDEX {qualified}"));
                    if let Some(sql) = self.new.create_index(new.id, now) {
                        self.push(sql);
                    }
                }
            }
        }
    }

    /// The engine's names, before and after, of the checks both tables hold unnamed with the
    /// same expression; numbered as the engine numbers them among the table's unnamed checks.
    fn unnamed_checks(
        &self,
        old: &Table,
        new: &Table,
    ) -> Vec<(UnnamedKind, Option<String>, Option<String>)> {
        let name =
            |table: &Table, position: usize| engine_named_check(self.dialect, table, position);
        let mut names = Vec::new();
        for (position, check) in new.checks.iter().enumerate() {
            if check.name.is_some() {
                continue;
            }
            if let Some(before) = old
                .checks
                .iter()
                .position(|before| before.name.is_none() && before.expression == check.expression)
            {
                names.push((UnnamedKind::Check, name(old, before), name(new, position)));
            }
        }
        names
    }
}
