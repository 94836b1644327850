//! Dropping what the first design has and the second lacks, before anything is made: foreign
//! keys, then each changed table's indexes, unique constraints, checks and primary key, by the
//! name the script gave them or the one the engine gave them when it gave none.

use relvar_model::{ColumnId, Dialect, Table};
use relvar_sql::{UnnamedKind, engine_given_name};

use super::Planner;

impl Planner<'_> {
    pub(super) fn drop_foreign_keys(&mut self) {
        if self.dialect == Dialect::Sqlite {
            return;
        }
        for &id in &self.diff.foreign_keys_removed {
            let Some(foreign_key) = self.from.foreign_keys.iter().find(|fk| fk.id == id) else {
                continue;
            };
            let Some(table) = self.from.table(foreign_key.from_table) else {
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
                continue;
            };
            let verb = if self.dialect == Dialect::MySql {
                "DROP FOREIGN KEY"
            } else {
                "DROP CONSTRAINT"
            };
            let sql = format!(
                "ALTER TABLE {} {verb} {}",
                self.old.table_name(table.id),
                self.old.quote(&name)
            );
            self.push(sql);
        }
    }

    /// Drops the changed table's removed indexes and constraints (a changed primary key too).
    pub(super) fn drop_table_parts(&mut self, at: usize) {
        let Some(changed) = self.diff.tables_changed.get(at) else {
            return;
        };
        let Some(table) = self.from.table(changed.from) else {
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
            let sql = match self.dialect {
                Dialect::MySql | Dialect::MsSql => {
                    format!("DROP INDEX {} ON {table_name}", self.old.quote(&name))
                }
                _ => format!(
                    "DROP INDEX {}",
                    self.old.qualified(table.schema.as_deref(), &name)
                ),
            };
            self.push(sql);
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
                self.push(sql);
            }
        }
        for &position in &changed.checks_removed {
            let Some(check) = table.checks.get(position) else {
                continue;
            };
            let ordinal = 1 + table
                .checks
                .iter()
                .take(position)
                .filter(|other| other.name.is_none())
                .count();
            // PostgreSQL names an unnamed check after the first column its expression names.
            let mut mentioned: Vec<(usize, &str)> = table
                .columns
                .iter()
                .filter_map(|column| {
                    Some((
                        first_mention(&check.expression, &column.name)?,
                        column.name.as_str(),
                    ))
                })
                .collect();
            relvar_model::order::sort(&mut mentioned[..]);
            let mentioned: Vec<&str> = mentioned.into_iter().map(|(_, name)| name).collect();
            let name = check.name.clone().or_else(|| {
                engine_given_name(
                    self.dialect,
                    UnnamedKind::Check,
                    &table.name,
                    &mentioned,
                    ordinal,
                )
            });
            if let Some(name) = name {
                let sql = format!(
                    "ALTER TABLE {table_name} DROP CONSTRAINT {}",
                    self.old.quote(&name)
                );
                self.push(sql);
            }
        }
        if changed.primary_key_changed
            && let Some(key) = &table.primary_key
        {
            let sql = if self.dialect == Dialect::MySql {
                Some(format!("ALTER TABLE {table_name} DROP PRIMARY KEY"))
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
            if let Some(sql) = sql {
                self.push(sql);
            }
        }
    }
}

pub(super) fn column_names<'t>(table: &'t Table, ids: &[ColumnId]) -> Vec<&'t str> {
    ids.iter()
        .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
        .map(|column| column.name.as_str())
        .collect()
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
