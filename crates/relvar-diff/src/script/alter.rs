//! ALTER TABLE for a table both designs hold: its name, then columns renamed, added, changed
//! and dropped; then its new primary key, unique constraints, checks and indexes. PostgreSQL
//! changes one property at a time; MySQL restates a changed column whole (`MODIFY`/`CHANGE`);
//! SQL Server's forms are in `mssql.rs`.

use relvar_model::{Column, Dialect, Identity, Table};
use relvar_sql::UnnamedKind;

use super::Planner;
use super::drops::column_names;
use crate::tables::{ColumnDiff, TableDiff};

impl Planner<'_> {
    pub(super) fn alter_table(&mut self, at: usize) {
        let Some(changed) = self.diff.tables_changed.get(at) else {
            return;
        };
        let (Some(old), Some(new)) = (self.old_table(changed.from), self.new_table(changed.to))
        else {
            return;
        };
        if self.rebuilt.contains(&changed.to) {
            self.rebuild_sqlite_table(changed, old, new);
            return;
        }
        if changed.renamed {
            self.rename_table(old, new);
        }
        let table_name = self.new.table_name(new.id);
        for column in &changed.columns_changed {
            let (Some(old_column), Some(new_column)) = (
                old.columns.iter().find(|c| c.id == column.from),
                new.columns.iter().find(|c| c.id == column.to),
            ) else {
                continue;
            };
            if self.dialect == Dialect::MySql {
                self.modify_mysql_column(&table_name, new, old_column, new_column, column);
                continue;
            }
            if self.dialect == Dialect::MsSql {
                self.alter_mssql_column(&table_name, new, old_column, new_column, column);
                continue;
            }
            if column.renamed {
                let sql = format!(
                    "ALTER TABLE {table_name} RENAME COLUMN {} TO {}",
                    self.new.quote(&old_column.name),
                    self.new.quote(&new_column.name)
                );
                self.push(sql);
            }
            if self.dialect == Dialect::PostgreSql && column.definition_changed() {
                self.alter_postgres_column(&table_name, new, old_column, new_column, column);
            }
        }
        for &added in &changed.columns_added {
            let column = new.columns.iter().find(|c| c.id == added);
            if self.safe
                && let Some(column) = column
                && (self.add_column_safely(&table_name, new, column)
                    || self.add_required_column_safely(&table_name, new, column))
            {
                continue;
            }
            let Some((mut definition, check)) = self.new.column_definition(new.id, added) else {
                continue;
            };
            if self.dialect == Dialect::MySql
                && changed.primary_key_changed
                && super::drops::auto_increment_in_key(new) == Some(added)
            {
                // Numbered once its key is there: `renumbered_after_key`.
                definition = super::drops::without_numbering(&definition);
            }
            let add = if self.dialect == Dialect::MsSql {
                "ADD"
            } else {
                "ADD COLUMN"
            };
            let sql = format!("ALTER TABLE {table_name} {add} {definition}");
            match column.filter(|c| !c.nullable && c.default.is_none() && c.identity.is_none()) {
                Some(column) => self.push_risky(
                    sql,
                    format!(
                        "{}.{}: added NOT NULL without a default; fails if the table has rows",
                        new.qualified_name(),
                        column.name
                    ),
                ),
                None => self.push(sql),
            }
            if let Some(check) = check {
                self.push(format!("ALTER TABLE {table_name} ADD {check}"));
            }
        }
        self.follow_renames(changed, old, new);
        self.respell_indexes(changed, old, new);
        for &removed in &changed.columns_removed {
            let Some(column) = old.columns.iter().find(|c| c.id == removed) else {
                continue;
            };
            let sql = format!(
                "ALTER TABLE {table_name} DROP COLUMN {}",
                self.new.quote(&column.name)
            );
            let risk = format!(
                "drops column {}.{} and its values",
                old.qualified_name(),
                column.name
            );
            let rows = self.rows;
            let default_held = self.dialect == Dialect::MsSql && column.default.is_some();
            self.on_table(rows, super::Phase::Contract, |planner| {
                if default_held {
                    planner.drop_mssql_default(&table_name, &column.name);
                }
                planner.push_risky(sql, risk);
            });
        }
    }

    fn rename_table(&mut self, old: &Table, new: &Table) {
        let old_name = self.old.table_name(old.id);
        let sql = match self.dialect {
            Dialect::MySql => format!("RENAME TABLE {old_name} TO {}", self.new.table_name(new.id)),
            Dialect::MsSql => format!(
                "EXEC sp_rename {}, {}",
                self.new.literal(&old.qualified_name()),
                self.new.literal(&new.name)
            ),
            Dialect::Sqlite => {
                for sql in self.sqlite_rename(old, new) {
                    self.push(sql);
                }
                String::new()
            }
            Dialect::PostgreSql => {
                let mut sql = String::new();
                if old.name != new.name {
                    sql = format!(
                        "ALTER TABLE {old_name} RENAME TO {}",
                        self.new.quote(&new.name)
                    );
                }
                if self.dialect == Dialect::PostgreSql && old.schema != new.schema {
                    let renamed = self.old.qualified(old.schema.as_deref(), &new.name);
                    let schema = new.schema.as_deref().unwrap_or("public");
                    if !sql.is_empty() {
                        self.push(sql);
                    }
                    sql = format!(
                        "ALTER TABLE {renamed} SET SCHEMA {}",
                        self.new.quote(schema)
                    );
                }
                sql
            }
        };
        if !sql.is_empty() {
            self.push(sql);
        }
    }

    fn alter_postgres_column(
        &mut self,
        table_name: &str,
        table: &Table,
        old: &Column,
        new: &Column,
        change: &ColumnDiff,
    ) {
        let column = self.new.quote(&new.name);
        let alter = |what: String| format!("ALTER TABLE {table_name} ALTER COLUMN {column} {what}");
        if change.generated_changed {
            // PostgreSQL before 17 cannot change a generation: the column is made again.
            self.push(format!("ALTER TABLE {table_name} DROP COLUMN {column}"));
            if let Some((definition, _)) = self.new.column_definition(table.id, new.id) {
                self.push(format!("ALTER TABLE {table_name} ADD COLUMN {definition}"));
            }
            return;
        }
        let retyped = change.type_changed || change.collation_changed;
        // In a zero-downtime plan a default is replaced in place, and what clients may count on
        // (a default, NOT NULL, an identity) goes in the contract phase.
        let drop_default = (retyped || change.default_changed)
            && old.default.is_some()
            && !(self.safe && !retyped && new.default.is_some());
        if drop_default {
            self.push_contract_if_safe(alter("DROP DEFAULT".into()));
        }
        if change.identity_changed && old.identity.is_some() {
            self.push_contract_if_safe(alter("DROP IDENTITY IF EXISTS".into()));
        }
        if retyped
            && self.safe
            && !change.collation_changed
            && self.retype_safely(table_name, table, old, new)
        {
            if change.nullability_changed && new.nullable {
                self.push_contract_if_safe(alter("DROP NOT NULL".into()));
            }
            return;
        }
        if retyped {
            let data_type = self.new.column_type(table.id, new.id).unwrap_or_default();
            let collation = collate(new);
            // An enum casts to text only; text casts to anything.
            let from_enum = self
                .from
                .enums
                .iter()
                .any(|e| e.is_named_by(&old.data_type));
            let via = if from_enum { "::text" } else { "" };
            let sql = alter(format!(
                "TYPE {data_type}{collation} USING {column}{via}::{data_type}"
            ));
            let risk = format!(
                "{}.{}: {} to {}; values that do not fit make this fail, and the table is rewritten",
                table.qualified_name(),
                new.name,
                old.data_type,
                new.data_type
            );
            // A client may read the type: in a zero-downtime plan the change waits for the
            // contract phase.
            if self.safe {
                self.phase = super::Phase::Contract;
            }
            if super::safe::changes_catalog_only(&old.data_type, &new.data_type)
                && !change.collation_changed
            {
                self.push(sql);
                self.last_step_holds(
                    "ACCESS EXCLUSIVE, briefly: a longer varchar changes the catalog only",
                );
            } else {
                self.push_risky(sql, risk);
            }
        }
        if (retyped || change.default_changed)
            && let Some(default) = &new.default
        {
            self.push(alter(format!("SET DEFAULT {default}")));
        }
        if change.nullability_changed {
            if new.nullable {
                self.push_contract_if_safe(alter("DROP NOT NULL".into()));
            } else if self.safe {
                self.set_not_null_safely(table_name, table, new);
            } else {
                let risk = format!(
                    "{}.{}: NOT NULL; fails if a row holds NULL",
                    table.qualified_name(),
                    new.name
                );
                self.push_risky(alter("SET NOT NULL".into()), risk);
            }
        }
        if change.identity_changed
            && let Some(identity) = new.identity
        {
            if new.nullable {
                self.push(alter("SET NOT NULL".into()));
            }
            let kind = match identity {
                Identity::Always => "ALWAYS",
                Identity::ByDefault => "BY DEFAULT",
            };
            self.push_contract_if_safe(alter(format!("ADD GENERATED {kind} AS IDENTITY")));
        }
    }

    /// A step for the contract phase of a zero-downtime plan; in place in a plain script.
    fn push_contract_if_safe(&mut self, sql: String) {
        if self.safe {
            self.push_contract(sql);
        } else {
            self.push(sql);
        }
    }

    fn modify_mysql_column(
        &mut self,
        table_name: &str,
        table: &Table,
        old: &Column,
        new: &Column,
        change: &ColumnDiff,
    ) {
        if !change.definition_changed() && !change.comment_changed {
            let sql = format!(
                "ALTER TABLE {table_name} RENAME COLUMN {} TO {}",
                self.new.quote(&old.name),
                self.new.quote(&new.name)
            );
            self.push(sql);
            return;
        }
        let Some((definition, _)) = self.new.column_definition(table.id, new.id) else {
            return;
        };
        if change.generated_changed {
            // MariaDB cannot change a column into or out of a generated one in place.
            self.push(format!(
                "ALTER TABLE {table_name} DROP COLUMN {}",
                self.new.quote(&old.name)
            ));
            self.push(format!("ALTER TABLE {table_name} ADD COLUMN {definition}"));
            return;
        }
        let enum_change = self.column_enum_change(old, new);
        if let Some(enum_change) = enum_change.as_ref().filter(|c| !c.renamed.is_empty()) {
            self.rename_column_values(table_name, (table, old), enum_change);
        }
        let mut sql = if change.renamed {
            format!(
                "ALTER TABLE {table_name} CHANGE COLUMN {} {definition}",
                self.new.quote(&old.name)
            )
        } else {
            format!("ALTER TABLE {table_name} MODIFY COLUMN {definition}")
        };
        if self.online {
            let request = super::locks::mysql_column_request(change);
            sql = format!("{sql}, {}", request.clause(", "));
        }
        let retyped = "values that do not fit are refused or cut, and the table is copied";
        // An enum that keeps every value (renamed ones by now rewritten) loses nothing.
        let loses_nothing = enum_change.is_some_and(|c| c.keeps_every_value());
        let risked = ColumnDiff {
            type_changed: change.type_changed && !loses_nothing,
            ..*change
        };
        self.push_restated_column(sql, (table, old, new), &risked, retyped);
    }

    /// A statement that restates a column (MySQL's MODIFY, SQL Server's ALTER COLUMN), with what
    /// it risks: a type change (`retyped`: what becomes of values that do not fit) and NOT NULL
    /// on rows that may hold NULL.
    pub(super) fn push_restated_column(
        &mut self,
        sql: String,
        (table, old, new): (&Table, &Column, &Column),
        change: &ColumnDiff,
        retyped: &str,
    ) {
        let mut risks = Vec::new();
        if change.type_changed {
            risks.push(format!("{} to {}; {retyped}", old.data_type, new.data_type));
        }
        if change.nullability_changed && !new.nullable {
            risks.push("NOT NULL; fails if a row holds NULL".to_owned());
        }
        if risks.is_empty() {
            self.push(sql);
        } else {
            let risk = format!(
                "{}.{}: {}",
                table.qualified_name(),
                new.name,
                risks.join("; ")
            );
            self.push_risky(sql, risk);
        }
    }

    /// The changed table's new primary key, unique constraints, checks and indexes.
    pub(super) fn add_table_parts(&mut self, at: usize) {
        let Some(changed) = self.diff.tables_changed.get(at) else {
            return;
        };
        if self.rebuilt.contains(&changed.to) {
            return;
        }
        let changed: TableDiff = changed.clone();
        // A constraint replaced (its name may be taken until the old one goes) is added in
        // the contract phase, after the old one is dropped.
        if self.phased()
            && self.phase == super::Phase::Expand
            && (changed.primary_key_changed
                || !changed.uniques_removed.is_empty()
                || !changed.checks_removed.is_empty()
                || self.index_name_reused(&changed))
        {
            let rows = self.rows;
            self.on_table(rows, super::Phase::Contract, |planner| {
                planner.add_table_parts(at)
            });
            return;
        }
        let Some(table) = self.new_table(changed.to) else {
            return;
        };
        let table_name = self.new.table_name(changed.to);
        if self.dialect != Dialect::Sqlite {
            if changed.primary_key_changed
                && let Some(key) = self.new.primary_key(changed.to)
            {
                let columns = table
                    .primary_key
                    .as_ref()
                    .map(|key| column_names(table, &key.columns))
                    .unwrap_or_default();
                self.add_key(&table_name, table, &key, UnnamedKind::PrimaryKey, &columns);
                self.renumbered_after_key(&changed, table);
            }
            for &position in &changed.uniques_added {
                if let Some(unique) = self.new.unique(changed.to, position) {
                    let columns = table
                        .uniques
                        .get(position)
                        .map(|u| column_names(table, &u.columns))
                        .unwrap_or_default();
                    self.add_key(&table_name, table, &unique, UnnamedKind::Unique, &columns);
                }
            }
            let mut check_names: Vec<String> = Vec::new();
            for &position in &changed.checks_added {
                if let Some(check) = self.new.check(changed.to, position) {
                    if self.safe {
                        let expression = table
                            .checks
                            .get(position)
                            .map_or("", |c| c.expression.as_str());
                        let mentioned = super::drops::mentioned_columns(table, expression);
                        let mut name =
                            self.constraint_name(&check, UnnamedKind::Check, table, &mentioned);
                        // PostgreSQL numbers a name already given: `t_a_check1`.
                        let base = name.clone();
                        let mut number = 0;
                        while check_names
                            .iter()
                            .any(|taken| taken.eq_ignore_ascii_case(&name))
                        {
                            number += 1;
                            name = format!("{base}{number}");
                        }
                        check_names.push(name.clone());
                        self.add_validated(&table_name, &check, &name);
                    } else {
                        self.push(format!("ALTER TABLE {table_name} ADD {check}"));
                    }
                }
            }
        }
        for &position in &changed.indexes_added {
            let Some(sql) = self.new.create_index(changed.to, position) else {
                continue;
            };
            let name = table
                .indexes
                .get(position)
                .and_then(|index| index.name.as_deref());
            let replaces = self.old_table(changed.from).is_some_and(|old| {
                changed.indexes_removed.iter().any(|&removed| {
                    old.indexes
                        .get(removed)
                        .and_then(|index| index.name.as_deref())
                        .zip(name)
                        .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
                })
            });
            let sql = concurrently(sql, self.safe);
            if replaces {
                self.push_contract_if_safe(sql);
            } else {
                self.push(sql);
            }
        }
    }

    /// MySQL: the AUTO_INCREMENT column the new primary key leads with numbered once the key is
    /// there, when it was added without numbering or lost it to drop the old key
    /// (`unkeyed_auto_increment`).
    fn renumbered_after_key(&mut self, changed: &TableDiff, table: &Table) {
        if self.dialect != Dialect::MySql {
            return;
        }
        let Some(column) = super::drops::auto_increment_in_key(table) else {
            return;
        };
        let unnumbered = changed.columns_added.contains(&column)
            || self
                .old_table(changed.from)
                .and_then(super::drops::auto_increment_in_key)
                .and_then(|old| self.diff.pairing.column(old))
                == Some(column);
        if !unnumbered {
            return;
        }
        if let Some((definition, _)) = self.new.column_definition(table.id, column) {
            let table_name = self.new.table_name(table.id);
            self.push(format!(
                "ALTER TABLE {table_name} MODIFY COLUMN {definition}"
            ));
        }
    }

    /// A primary key or unique constraint; in a safe plan its index built concurrently first
    /// and the constraint made from it (`USING INDEX`), a catalog change.
    fn add_key(
        &mut self,
        table_name: &str,
        table: &Table,
        clause: &str,
        kind: UnnamedKind,
        columns: &[&str],
    ) {
        if !self.safe {
            self.push(format!("ALTER TABLE {table_name} ADD {clause}"));
            return;
        }
        let name = self.constraint_name(clause, kind, table, columns);
        let quoted = self.new.quote(&name);
        let list: Vec<String> = columns.iter().map(|c| self.new.quote(c)).collect();
        self.push(format!(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS {quoted} ON {table_name} ({})",
            list.join(", ")
        ));
        let what = if kind == UnnamedKind::PrimaryKey {
            "PRIMARY KEY"
        } else {
            "UNIQUE"
        };
        self.push(format!(
            "ALTER TABLE {table_name} ADD CONSTRAINT {quoted} {what} USING INDEX {quoted}"
        ));
    }
}

/// ` COLLATE x` for a column with a collation of its own; empty otherwise.
pub(super) fn collate(column: &Column) -> String {
    column
        .collation
        .as_deref()
        .map(|collation| format!(" COLLATE {collation}"))
        .unwrap_or_default()
}

/// `CREATE INDEX` built without blocking writes, in a safe plan.
fn concurrently(sql: String, safe: bool) -> String {
    if !safe {
        return sql;
    }
    for head in ["CREATE UNIQUE INDEX ", "CREATE INDEX "] {
        if let Some(rest) = sql.strip_prefix(head) {
            return format!("{head}CONCURRENTLY IF NOT EXISTS {rest}");
        }
    }
    sql
}

impl Planner<'_> {
    /// Whether an index the table gains takes the name of one it loses (dropped in the contract
    /// phase, so the new one must come after it).
    fn index_name_reused(&self, changed: &TableDiff) -> bool {
        let (Some(old), Some(new)) = (self.old_table(changed.from), self.new_table(changed.to))
        else {
            return false;
        };
        let names = |table: &Table, positions: &[usize]| -> Vec<String> {
            positions
                .iter()
                .filter_map(|at| table.indexes.get(*at)?.name.as_deref())
                .map(str::to_ascii_lowercase)
                .collect()
        };
        let removed = names(old, &changed.indexes_removed);
        names(new, &changed.indexes_added)
            .iter()
            .any(|name| removed.contains(name))
    }
}
