//! Dropping what the first design has and the second lacks, before anything is made: foreign
//! keys, then each changed table's indexes, unique constraints, checks and primary key, by the
//! name the script gave them or the one the engine gave them when it gave none (SQL Server's,
//! which no one can foretell, looked up in its catalog: `mssql.rs`).

use std::fmt::Write as _;

use relvar_model::{ColumnId, Dialect, ForeignKey, ForeignKeyId, IndexKey, Table};
use relvar_sql::{UnnamedKind, engine_given_name};

use super::Planner;
use super::mssql::EngineNamed;

impl Planner<'_> {
    pub(super) fn drop_foreign_keys(&mut self) {
        if self.dialect == Dialect::Sqlite {
            return;
        }
        let again: Vec<ForeignKeyId> = self
            .foreign_keys_rebuilt
            .iter()
            .map(|(old, _)| *old)
            .collect();
        let dropped: Vec<ForeignKeyId> = self
            .diff
            .foreign_keys_removed
            .iter()
            .copied()
            .chain(again)
            .collect();
        for &id in &dropped {
            let Some(foreign_key) = self.from.foreign_keys.iter().find(|fk| fk.id == id) else {
                continue;
            };
            let Some(table) = self.old_table(foreign_key.from_table) else {
                continue;
            };
            let ordinal = 1 + self
                .from
                .foreign_keys
                .iter()
                .filter(|other| other.from_table == table.id && other.name.is_none())
                .take_while(|other| other.id != id)
                .count();
            let name = foreign_key.name.clone().or_else(|| {
                let columns = column_names(table, &foreign_key.from_columns);
                engine_given_name(
                    self.dialect,
                    UnnamedKind::ForeignKey,
                    &table.name,
                    &columns,
                    ordinal,
                )
            });
            let Some(name) = name else {
                if self.dialect == Dialect::MsSql {
                    let table_name = self.old.table_name(table.id);
                    let referenced = self.old.table_name(foreign_key.to_table);
                    let columns = column_names(table, &foreign_key.from_columns);
                    let column = columns.first().copied().unwrap_or_default();
                    let constraint = EngineNamed::ForeignKey {
                        referenced: &referenced,
                        column,
                    };
                    self.drop_mssql_unnamed(&table_name, constraint);
                }
                continue;
            };
            let verb = if self.dialect == Dialect::MySql {
                "DROP FOREIGN KEY"
            } else {
                "DROP CONSTRAINT"
            };
            let mut sql = format!(
                "ALTER TABLE {} {verb} {}",
                self.old.table_name(table.id),
                self.old.quote(&name)
            );
            let shares_index = |other: &&ForeignKey| {
                other.id != id
                    && other.from_table == table.id
                    && other.from_columns == foreign_key.from_columns
                    && !dropped.contains(&other.id)
            };
            if self.dialect == Dialect::MySql
                && !self
                    .from
                    .foreign_keys
                    .iter()
                    .any(|other| shares_index(&other))
                && !self.indexed_in_expand_phase(table, &foreign_key.from_columns)
                && let Some(index) = index_made_for(table, foreign_key)
            {
                let _ = write!(sql, ", DROP INDEX {}", self.old.quote(index));
            }
            self.push_contract(sql);
        }
    }

    /// Drops the changed table's removed indexes and constraints (a changed primary key too).
    pub(super) fn drop_table_parts(&mut self, at: usize) {
        let Some(changed) = self.diff.tables_changed.get(at) else {
            return;
        };
        let Some(table) = self.old_table(changed.from) else {
            return;
        };
        if self.rebuilt.contains(&changed.to) {
            return;
        }
        let table_name = self.old.table_name(table.id);
        for &position in &changed.indexes_removed {
            let Some(index) = table.indexes.get(position) else {
                continue;
            };
            let columns = column_names(table, &index.key_columns().collect::<Vec<_>>());
            let name = index.name.clone().or_else(|| {
                engine_given_name(self.dialect, UnnamedKind::Index, &table.name, &columns, 1)
            });
            let Some(name) = name else {
                continue;
            };
            let qualified = self.old.qualified(table.schema.as_deref(), &name);
            let sql = match self.dialect {
                Dialect::MySql | Dialect::MsSql => {
                    format!("DROP INDEX {} ON {table_name}", self.old.quote(&name))
                }
                _ if self.safe => format!("DROP INDEX CONCURRENTLY IF EXISTS {qualified}"),
                _ => format!("DROP INDEX {qualified}"),
            };
            // Queries may lean on an index until the new application runs.
            self.push_contract(sql);
        }
        for &position in &changed.uniques_removed {
            let Some(unique) = table.uniques.get(position) else {
                continue;
            };
            let columns = column_names(table, &unique.columns);
            let name = unique.name.clone().or_else(|| {
                engine_given_name(self.dialect, UnnamedKind::Unique, &table.name, &columns, 1)
            });
            if let Some(name) = name {
                let verb = if self.dialect == Dialect::MySql {
                    "DROP INDEX"
                } else {
                    "DROP CONSTRAINT"
                };
                let sql = format!("ALTER TABLE {table_name} {verb} {}", self.old.quote(&name));
                self.push_contract(sql);
            } else if self.dialect == Dialect::MsSql {
                let column = columns.first().copied().unwrap_or_default();
                self.drop_mssql_unnamed(&table_name, EngineNamed::Unique { column });
            }
        }
        for &position in &changed.checks_removed {
            let Some(check) = table.checks.get(position) else {
                continue;
            };
            let name = check
                .name
                .clone()
                .or_else(|| engine_named_check(self.dialect, table, position));
            if let Some(name) = name {
                let sql = format!(
                    "ALTER TABLE {table_name} DROP CONSTRAINT {}",
                    self.old.quote(&name)
                );
                self.push_contract(sql);
            }
        }
        if changed.primary_key_changed
            && let Some(key) = &table.primary_key
        {
            let sql = if self.dialect == Dialect::MySql {
                let numbering = self
                    .unkeyed_auto_increment(table)
                    .map(|plain| format!("MODIFY COLUMN {plain}, "))
                    .unwrap_or_default();
                Some(format!(
                    "ALTER TABLE {table_name} {numbering}DROP PRIMARY KEY"
                ))
            } else {
                key.name
                    .clone()
                    .or_else(|| {
                        engine_given_name(
                            self.dialect,
                            UnnamedKind::PrimaryKey,
                            &table.name,
                            &[],
                            1,
                        )
                    })
                    .map(|name| {
                        format!(
                            "ALTER TABLE {table_name} DROP CONSTRAINT {}",
                            self.old.quote(&name)
                        )
                    })
            };
            match sql {
                Some(sql) => self.push_contract(sql),
                None if self.dialect == Dialect::MsSql => {
                    self.drop_mssql_unnamed(&table_name, EngineNamed::PrimaryKey);
                }
                None => {}
            }
        }
    }
}

/// Foreign keys both designs hold whose columns lead a key or index the migration drops, at
/// either end: MySQL will not drop the index a foreign key stands on, so the foreign key is
/// dropped first and added again after (MySQL then finds or makes an index for it, as it did
/// when it was first made).
pub(super) fn foreign_keys_on_removed_keys(
    planner: &Planner<'_>,
) -> Vec<(ForeignKeyId, ForeignKeyId)> {
    let mut rebuilt = Vec::new();
    for changed in &planner.diff.tables_changed {
        let Some(table) = planner.old_table(changed.from) else {
            continue;
        };
        let mut removed: Vec<Vec<ColumnId>> = Vec::new();
        removed.extend(
            changed
                .uniques_removed
                .iter()
                .filter_map(|&at| Some(table.uniques.get(at)?.columns.clone())),
        );
        removed.extend(
            changed
                .indexes_removed
                .iter()
                .filter_map(|&at| Some(table.indexes.get(at)?.key_columns().collect())),
        );
        if changed.primary_key_changed {
            removed.extend(table.primary_key.as_ref().map(|key| key.columns.clone()));
        }
        for foreign_key in &planner.from.foreign_keys {
            if planner.diff.foreign_keys_removed.contains(&foreign_key.id) {
                continue;
            }
            let columns = if foreign_key.from_table == table.id {
                &foreign_key.from_columns
            } else if foreign_key.to_table == table.id {
                &foreign_key.to_columns
            } else {
                continue;
            };
            if !removed.iter().any(|key| key.starts_with(columns)) {
                continue;
            }
            let pairing = &planner.diff.pairing;
            let partner = planner.to.foreign_keys.iter().find(|new| {
                pairing.table(foreign_key.from_table) == Some(new.from_table)
                    && pairing.table(foreign_key.to_table) == Some(new.to_table)
                    && foreign_key
                        .from_columns
                        .iter()
                        .map(|id| pairing.column(*id))
                        .eq(new.from_columns.iter().map(|id| Some(*id)))
            });
            if let Some(partner) = partner
                && !rebuilt.iter().any(|(old, _)| *old == foreign_key.id)
            {
                rebuilt.push((foreign_key.id, partner.id));
            }
        }
    }
    rebuilt
}

impl Planner<'_> {
    /// A step that removes what the old application may rely on: the contract phase of a
    /// zero-downtime plan (in a plain script, in its place).
    pub(super) fn push_contract(&mut self, sql: String) {
        let rows = self.rows;
        self.on_table(rows, super::Phase::Contract, |planner| planner.push(sql));
    }
}

impl Planner<'_> {
    /// Whether a zero-downtime plan builds, before its contract phase drops foreign keys, an
    /// index of the table leading with `columns` (first design's ids): MySQL then drops the
    /// index it had made for a foreign key on them by itself.
    fn indexed_in_expand_phase(&self, table: &Table, columns: &[ColumnId]) -> bool {
        let Some(new) = self
            .diff
            .pairing
            .table(table.id)
            .and_then(|id| self.new_table(id))
        else {
            return false;
        };
        let pairing = &self.diff.pairing;
        self.phased()
            && new.indexes.iter().any(|index| {
                leads_with(
                    &mut index.parts.iter().map(|part| match &part.key {
                        IndexKey::Column(id) if part.prefix.is_none() => pairing.column_back(*id),
                        _ => None,
                    }),
                    columns,
                )
            })
    }

    /// The definition, without `AUTO_INCREMENT`, of the first design's AUTO_INCREMENT column that
    /// only the table's primary key leads with: MySQL refuses to drop that key while the column
    /// is numbered, so the numbering goes with it (and comes back with the new key:
    /// `renumbered_after_key`).
    pub(super) fn unkeyed_auto_increment(&mut self, table: &Table) -> Option<String> {
        let column = auto_increment_in_key(table)?;
        let (definition, _) = self.old.column_definition(table.id, column)?;
        Some(without_numbering(&definition))
    }
}

/// A MySQL column definition as our exporter writes it, without its `AUTO_INCREMENT`.
pub(super) fn without_numbering(definition: &str) -> String {
    definition.replacen(" AUTO_INCREMENT", "", 1)
}

/// The AUTO_INCREMENT column the table's primary key leads with, when no other key does.
pub(super) fn auto_increment_in_key(table: &Table) -> Option<ColumnId> {
    let key = table.primary_key.as_ref()?;
    let first = *key.columns.first()?;
    let numbered = table
        .columns
        .iter()
        .any(|column| column.id == first && column.identity.is_some());
    let other_key_leads = table.uniques.iter().any(|u| u.columns.first() == Some(&first))
        || table.indexes.iter().any(|index| {
            matches!(index.parts.first(), Some(part) if part.key == IndexKey::Column(first))
        });
    (numbered && !other_key_leads).then_some(first)
}

/// The index MySQL made for a foreign key, which stays when the key is dropped: InnoDB makes one,
/// named as the key (or as its first column when the key has no name), when no index of the table
/// begins with the key's columns.
fn index_made_for<'t>(table: &'t Table, foreign_key: &'t ForeignKey) -> Option<&'t str> {
    let columns = &foreign_key.from_columns;
    let begins_with_columns =
        |keys: &mut dyn Iterator<Item = Option<ColumnId>>| leads_with(keys, columns);
    let by_primary_key = table
        .primary_key
        .as_ref()
        .is_some_and(|key| begins_with_columns(&mut key.columns.iter().map(|c| Some(*c))));
    let by_unique = table
        .uniques
        .iter()
        .any(|unique| begins_with_columns(&mut unique.columns.iter().map(|c| Some(*c))));
    let by_index = table.indexes.iter().any(|index| {
        begins_with_columns(&mut index.parts.iter().map(|part| match &part.key {
            IndexKey::Column(id) if part.prefix.is_none() => Some(*id),
            _ => None,
        }))
    });
    if by_primary_key || by_unique || by_index {
        return None;
    }
    match &foreign_key.name {
        Some(name) => Some(name),
        None => column_names(table, columns).first().copied(),
    }
}

/// Whether an index's key parts (columns, `None` for anything else) begin with `columns`.
fn leads_with(keys: &mut dyn Iterator<Item = Option<ColumnId>>, columns: &[ColumnId]) -> bool {
    let leading: Vec<Option<ColumnId>> = keys.take(columns.len()).collect();
    leading.len() == columns.len() && leading.iter().zip(columns).all(|(a, b)| *a == Some(*b))
}

pub(super) fn column_names<'t>(table: &'t Table, ids: &[ColumnId]) -> Vec<&'t str> {
    ids.iter()
        .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
        .map(|column| column.name.as_str())
        .collect()
}

/// The name the engine gives the table's unnamed check at `position`: after the columns it
/// names, numbered among the table's unnamed checks.
pub(super) fn engine_named_check(
    dialect: Dialect,
    table: &Table,
    position: usize,
) -> Option<String> {
    let check = table.checks.get(position)?;
    let ordinal = 1 + table
        .checks
        .iter()
        .take(position)
        .filter(|other| other.name.is_none())
        .count();
    let mentioned = mentioned_columns(table, &check.expression);
    engine_given_name(
        dialect,
        UnnamedKind::Check,
        &table.name,
        &mentioned,
        ordinal,
    )
}

/// The columns an expression names, in the order it first names them: PostgreSQL names an
/// unnamed check after the first.
pub(super) fn mentioned_columns<'t>(table: &'t Table, expression: &str) -> Vec<&'t str> {
    let mut mentioned: Vec<(usize, &str)> = table
        .columns
        .iter()
        .filter_map(|column| {
            Some((
                first_mention(expression, &column.name)?,
                column.name.as_str(),
            ))
        })
        .collect();
    relvar_model::order::sort(&mut mentioned[..]);
    mentioned.into_iter().map(|(_, name)| name).collect()
}

/// Where `name` first appears in `expression` as a whole word.
fn first_mention(expression: &str, name: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    expression
        .match_indices(name)
        .map(|(at, _)| at)
        .find(|&at| {
            let before = expression.get(..at).and_then(|s| s.chars().next_back());
            let after = expression
                .get(at + name.len()..)
                .and_then(|s| s.chars().next());
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
}
