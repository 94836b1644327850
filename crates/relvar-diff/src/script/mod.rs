//! The migration script of a diff for one dialect: statements in dependency order (views that
//! read what changes dropped first and made again last; foreign keys dropped before what they
//! need and added after it; enum values before columns use them), each destructive step flagged
//! with what it loses. SQLite's tables are rebuilt where ALTER TABLE cannot make the change.

mod alter;
mod drops;
mod sqlite;

use std::collections::BTreeSet;
use std::fmt::Write;

use relvar_model::{Design, Dialect, TableId};
use relvar_sql::DdlPieces;

use crate::diff::{Diff, EnumDiff};

/// One statement of a migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The statement, without its closing semicolon.
    pub sql: String,
    /// What the step may lose or refuse, when it is destructive.
    pub risk: Option<String>,
}

/// A migration script: its statements in order, and what could not be carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub dialect: Dialect,
    pub steps: Vec<Step>,
    /// What the target cannot express (a type, a default), as `export_ddl` says it.
    pub warnings: Vec<String>,
}

impl Migration {
    /// The destructive steps' risks, in order.
    pub fn risks(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().filter_map(|step| step.risk.as_deref())
    }

    /// The script as text: each risk as a comment above its step; empty when nothing changes.
    pub fn sql(&self) -> String {
        let mut out = String::new();
        for step in &self.steps {
            if let Some(risk) = &step.risk {
                let _ = writeln!(out, "-- Warning: {}", risk.replace('\n', " "));
            }
            let end = if self.dialect == Dialect::MsSql {
                ";\nGO"
            } else {
                ";"
            };
            let _ = writeln!(out, "{}{end}", step.sql);
        }
        out
    }
}

/// The script that makes a database holding `from` hold `to`, as `diff` (of `from` to `to`)
/// describes it, in `dialect`.
pub fn migration(from: &Design, to: &Design, diff: &Diff, dialect: Dialect) -> Migration {
    let mut planner = Planner {
        from,
        to,
        diff,
        dialect,
        old: DdlPieces::new(from, dialect),
        new: DdlPieces::new(to, dialect),
        steps: Vec::new(),
        rebuilt: BTreeSet::new(),
    };
    planner.plan();
    let mut warnings: Vec<String> = planner.new.warnings().to_vec();
    warnings.extend(planner.old.warnings().iter().cloned());
    warnings.dedup();
    Migration {
        dialect,
        steps: planner.steps,
        warnings,
    }
}

pub(crate) struct Planner<'a> {
    pub(crate) from: &'a Design,
    pub(crate) to: &'a Design,
    pub(crate) diff: &'a Diff,
    pub(crate) dialect: Dialect,
    /// Names and definitions as the first design has them (what is dropped).
    pub(crate) old: DdlPieces<'a>,
    /// As the second design has them (what is made).
    pub(crate) new: DdlPieces<'a>,
    pub(crate) steps: Vec<Step>,
    /// Tables (second design's ids) rebuilt whole by SQLite's procedure.
    pub(crate) rebuilt: BTreeSet<TableId>,
}

impl Planner<'_> {
    pub(crate) fn push(&mut self, sql: impl Into<String>) {
        self.steps.push(Step {
            sql: sql.into(),
            risk: None,
        });
    }

    pub(crate) fn push_risky(&mut self, sql: impl Into<String>, risk: impl Into<String>) {
        self.steps.push(Step {
            sql: sql.into(),
            risk: Some(risk.into()),
        });
    }

    fn plan(&mut self) {
        if self.dialect == Dialect::Sqlite {
            self.rebuilt = sqlite::tables_to_rebuild(self);
        }
        let views_dropped = self.drop_views();
        self.drop_foreign_keys();
        for at in 0..self.diff.tables_changed.len() {
            self.drop_table_parts(at);
        }
        self.create_schemas();
        self.enums_before_tables();
        self.create_sequences();
        self.create_tables();
        for at in 0..self.diff.tables_changed.len() {
            self.alter_table(at);
        }
        for at in 0..self.diff.tables_changed.len() {
            self.add_table_parts(at);
        }
        self.add_foreign_keys();
        self.drop_tables();
        self.drop_leftovers();
        self.create_views(&views_dropped);
        self.comments();
    }

    /// Drops removed views and those reading a table that changes; returns the names of views
    /// of the first design dropped.
    fn drop_views(&mut self) -> Vec<String> {
        let touched: Vec<String> = self
            .diff
            .tables_removed
            .iter()
            .chain(self.diff.tables_changed.iter().map(|changed| &changed.from))
            .filter_map(|id| self.from.table(*id))
            .flat_map(|table| [table.qualified_name(), table.name.clone()])
            .collect();
        let mut dropped = Vec::new();
        for (at, view) in self.from.views.iter().enumerate().rev() {
            let reads_touched = view
                .reads
                .iter()
                .any(|read| touched.iter().any(|name| name.eq_ignore_ascii_case(read)));
            if !(self.diff.views_removed.contains(&at) || reads_touched) {
                continue;
            }
            let kind = if view.materialized {
                "MATERIALIZED VIEW"
            } else {
                "VIEW"
            };
            let name = self.old.qualified(view.schema.as_deref(), &view.name);
            self.push(format!("DROP {kind} {name}"));
            dropped.push(view.qualified_name());
        }
        dropped
    }

    /// Creates the second design's views that are new or were dropped, in its order.
    fn create_views(&mut self, dropped: &[String]) {
        for (at, view) in self.to.views.iter().enumerate() {
            let again = dropped
                .iter()
                .any(|name| name.eq_ignore_ascii_case(&view.qualified_name()));
            if self.diff.views_added.contains(&at) || again {
                let sql = view.sql.trim_end().trim_end_matches(';').to_owned();
                self.push(sql);
            }
        }
    }

    fn create_schemas(&mut self) {
        if self.dialect != Dialect::PostgreSql {
            return;
        }
        for schema in &self.diff.schemas_added {
            let sql = format!("CREATE SCHEMA IF NOT EXISTS {}", self.new.quote(schema));
            self.push(sql);
        }
    }

    /// New enums, and values added to enums (PostgreSQL; elsewhere enums are column types).
    fn enums_before_tables(&mut self) {
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
                    removed_values,
                    ..
                } if removed_values.is_empty() => self.add_enum_values(*from, *to),
                EnumDiff::Changed { from, to, .. } => self.recreate_enum(*from, *to),
                EnumDiff::Removed(_) => {}
            }
        }
    }

    /// `ALTER TYPE ... ADD VALUE` for each new value, placed before the value it precedes.
    fn add_enum_values(&mut self, from: usize, to: usize) {
        let (Some(old), Some(new)) = (self.from.enums.get(from), self.to.enums.get(to)) else {
            return;
        };
        let name = self.new.qualified(new.schema.as_deref(), &new.name);
        let mut present: Vec<&String> = old.values.iter().collect();
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

    /// An enum that loses values is made again: the old one renamed aside, the new one created,
    /// each column using it converted through text, the old one dropped.
    fn recreate_enum(&mut self, from: usize, to: usize) {
        let (Some(old), Some(new)) = (self.from.enums.get(from), self.to.enums.get(to)) else {
            return;
        };
        let aside = format!("{}_relvar_old", old.name);
        let old_name = self.old.qualified(old.schema.as_deref(), &old.name);
        let aside_name = self.old.qualified(old.schema.as_deref(), &aside);
        let removed: Vec<String> = old
            .values
            .iter()
            .filter(|value| !new.values.contains(value))
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
        for table in &self.to.tables {
            for column in &table.columns {
                if !new.is_named_by(&column.data_type) {
                    continue;
                }
                let column_name = self.new.quote(&column.name);
                let Some(old_table) = self
                    .diff
                    .pairing
                    .tables()
                    .find(|(_, paired)| *paired == table.id)
                    .and_then(|(old_id, _)| self.from.table(old_id))
                else {
                    continue;
                };
                let sql = format!(
                    "ALTER TABLE {} ALTER COLUMN {column_name} TYPE {new_name} USING {column_name}::text::{new_name}",
                    self.old.table_name(old_table.id)
                );
                self.push_risky(
                    sql,
                    format!(
                        "{}.{}: enum {} loses {}; rows holding them make this fail",
                        table.qualified_name(),
                        column.name,
                        new.qualified_name(),
                        removed.join(", ")
                    ),
                );
            }
        }
        self.push(format!("DROP TYPE {aside_name}"));
    }

    fn create_sequences(&mut self) {
        if !matches!(self.dialect, Dialect::PostgreSql | Dialect::MsSql) {
            return;
        }
        for &at in &self.diff.sequences_added {
            if let Some(sql) = self.new.create_sequence(at) {
                self.push(sql);
            }
        }
        for &(_, at) in &self.diff.sequences_changed {
            if let Some(sql) = self.new.create_sequence(at) {
                self.push(
                    sql.replacen("CREATE SEQUENCE", "ALTER SEQUENCE", 1)
                        .replace(" START WITH ", " RESTART WITH "),
                );
            }
        }
    }

    fn create_tables(&mut self) {
        let inline = self.dialect == Dialect::Sqlite;
        for id in self.new.creation_order() {
            if !self.diff.tables_added.contains(&id) {
                continue;
            }
            let sql = self.new.create_table(id, inline, None);
            for statement in split_statements(&sql) {
                self.push(statement);
            }
            let count = self.to.table(id).map_or(0, |table| table.indexes.len());
            for position in 0..count {
                if let Some(sql) = self.new.create_index(id, position) {
                    self.push(sql);
                }
            }
        }
    }

    fn add_foreign_keys(&mut self) {
        if self.dialect == Dialect::Sqlite {
            return;
        }
        for &id in &self.diff.foreign_keys_added {
            let Some(foreign_key) = self.to.foreign_keys.iter().find(|fk| fk.id == id) else {
                continue;
            };
            let table = self.new.table_name(foreign_key.from_table);
            if let Some(clause) = self.new.foreign_key(id) {
                self.push(format!("ALTER TABLE {table} ADD {clause}"));
            }
        }
    }

    fn drop_tables(&mut self) {
        let order = self.old.creation_order();
        for id in order.into_iter().rev() {
            if !self.diff.tables_removed.contains(&id) {
                continue;
            }
            let Some(table) = self.from.table(id) else {
                continue;
            };
            let sql = format!("DROP TABLE {}", self.old.table_name(id));
            let risk = format!("drops table {} and its rows", table.qualified_name());
            self.push_risky(sql, risk);
        }
    }

    /// Enums, sequences and schemas the second design no longer has.
    fn drop_leftovers(&mut self) {
        if self.dialect == Dialect::PostgreSql {
            for change in &self.diff.enums {
                if let EnumDiff::Removed(at) = change
                    && let Some(old) = self.from.enums.get(*at)
                {
                    let sql = format!(
                        "DROP TYPE {}",
                        self.old.qualified(old.schema.as_deref(), &old.name)
                    );
                    self.push(sql);
                }
            }
        }
        if matches!(self.dialect, Dialect::PostgreSql | Dialect::MsSql) {
            for &at in &self.diff.sequences_removed {
                if let Some(old) = self.from.sequences.get(at) {
                    let sql = format!(
                        "DROP SEQUENCE {}{}",
                        if self.dialect == Dialect::PostgreSql {
                            "IF EXISTS "
                        } else {
                            ""
                        },
                        self.old.qualified(old.schema.as_deref(), &old.name)
                    );
                    self.push(sql);
                }
            }
        }
        if self.dialect == Dialect::PostgreSql {
            for schema in &self.diff.schemas_removed {
                let sql = format!("DROP SCHEMA IF EXISTS {}", self.old.quote(schema));
                self.push(sql);
            }
        }
    }

    /// Comments of new tables, and comments that changed (PostgreSQL, SQL Server keep them
    /// apart from the definitions; MySQL's column comments travel in the column's definition).
    fn comments(&mut self) {
        let mut statements = Vec::new();
        for &id in &self.diff.tables_added {
            let Some(table) = self.to.table(id) else {
                continue;
            };
            if table.comment.is_some() && self.dialect != Dialect::MySql {
                statements.extend(self.new.comment_on(id, None, table.comment.as_deref()));
            }
            for column in &table.columns {
                if column.comment.is_some() && self.dialect != Dialect::MySql {
                    statements.extend(self.new.comment_on(
                        id,
                        Some(column.id),
                        column.comment.as_deref(),
                    ));
                }
            }
        }
        for changed in &self.diff.tables_changed {
            let Some(table) = self.to.table(changed.to) else {
                continue;
            };
            if changed.comment_changed {
                statements.extend(
                    self.new
                        .comment_on(changed.to, None, table.comment.as_deref()),
                );
            }
            if self.dialect == Dialect::MySql {
                continue;
            }
            for column_change in changed.columns_changed.iter().filter(|c| c.comment_changed) {
                let comment = table
                    .columns
                    .iter()
                    .find(|c| c.id == column_change.to)
                    .and_then(|c| c.comment.as_deref());
                statements.extend(
                    self.new
                        .comment_on(changed.to, Some(column_change.to), comment),
                );
            }
            for &added in &changed.columns_added {
                let comment = table
                    .columns
                    .iter()
                    .find(|c| c.id == added)
                    .and_then(|c| c.comment.as_deref());
                if comment.is_some() {
                    statements.extend(self.new.comment_on(changed.to, Some(added), comment));
                }
            }
        }
        for statement in statements {
            self.push(statement);
        }
    }
}

/// The statements of a piece of DDL text that ends each with `;` at a line's end.
pub(crate) fn split_statements(sql: &str) -> Vec<String> {
    let mut statements = Vec::new();
    let mut current = String::new();
    for line in sql.lines() {
        if line.trim().is_empty() || (current.is_empty() && line.trim_start().starts_with("--")) {
            continue;
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
        if line.trim_end().ends_with(';') {
            let statement = current.trim_end().trim_end_matches(';').to_owned();
            statements.push(statement);
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        statements.push(current.trim_end().to_owned());
    }
    statements
}
