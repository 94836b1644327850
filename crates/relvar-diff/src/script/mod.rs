//! The migration script of a diff for one dialect: statements in dependency order (views that
//! read what changes dropped first and made again last; foreign keys dropped before what they
//! need and added after it; enum values before columns use them), each destructive step flagged
//! with what it loses. SQLite's tables are rebuilt where ALTER TABLE cannot make the change.

mod alter;
mod domains;
mod drops;
mod enums;
mod locks;
mod mssql;
mod names;
mod online;
mod safe;
mod sequences;
mod sqlite;
mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use relvar_model::{Design, Dialect, ForeignKeyId, Table, TableId};
use relvar_sql::DdlPieces;

use crate::diff::{Diff, EnumDiff};

/// One statement of a migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The statement, without its closing semicolon.
    pub sql: String,
    /// What the step may lose or refuse, when it is destructive.
    pub risk: Option<String>,
    /// What it locks, whether it rewrites or scans the table, and for how long (PostgreSQL,
    /// MySQL/MariaDB).
    pub lock: Option<String>,
    pub phase: Phase,
}

/// When a step of a zero-downtime plan runs: while the old application still runs (expand), or
/// once nothing uses what it removes (contract).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    #[default]
    Expand,
    Contract,
}

/// A migration script: its statements in order, and what could not be carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub dialect: Dialect,
    /// A zero-downtime plan: expand and contract phases, lock-aware steps.
    pub safe: bool,
    pub steps: Vec<Step>,
    /// What the target cannot express (a type, a default), as `export_ddl` says it.
    pub warnings: Vec<String>,
}

impl Migration {
    /// The destructive steps' risks, in order.
    pub fn risks(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().filter_map(|step| step.risk.as_deref())
    }

    /// The script as text: each risk, and in a zero-downtime plan each lock, as a comment above
    /// its step; empty when nothing changes.
    pub fn sql(&self) -> String {
        let mut out = String::new();
        let mut phase = Phase::Expand;
        for step in &self.steps {
            if self.safe && step.phase != phase {
                phase = step.phase;
                out.push_str(safe::CONTRACT_HEADER);
            }
            if self.safe
                && let Some(lock) = &step.lock
            {
                let _ = writeln!(out, "-- Lock: {lock}");
            }
            if let Some(risk) = &step.risk {
                let _ = writeln!(out, "-- Warning: {}", risk.replace('\n', " "));
            }
            let end = if self.dialect == Dialect::MsSql {
                ";\nGO"
            } else {
                ";"
            };
            if self.safe
                && self.dialect == Dialect::PostgreSql
                && safe::in_own_transaction(&step.sql)
            {
                let _ = writeln!(out, "BEGIN;\n{}{end}\nCOMMIT;", step.sql);
            } else {
                let _ = writeln!(out, "{}{end}", step.sql);
            }
        }
        out
    }
}

/// The script that makes a database holding `from` hold `to`, as `diff` (of `from` to `to`)
/// describes it, in `dialect`.
pub fn migration(from: &Design, to: &Design, diff: &Diff, dialect: Dialect) -> Migration {
    plan(from, to, diff, dialect, false)
}

/// As [`migration`], planned for no downtime (PostgreSQL): indexes built concurrently,
/// constraints added NOT VALID then validated, NOT NULL through a validated check, volatile
/// defaults backfilled in batches, type changes through a new column kept in step by a trigger,
/// and what removes anything in a contract phase at the end; a lock timeout first.
pub fn safe_migration(from: &Design, to: &Design, diff: &Diff, dialect: Dialect) -> Migration {
    plan(from, to, diff, dialect, true)
}

fn plan(from: &Design, to: &Design, diff: &Diff, dialect: Dialect, safe: bool) -> Migration {
    let retyped = (dialect != Dialect::PostgreSql)
        .then(|| enums::with_enum_columns_retyped(from, to, diff))
        .flatten();
    let diff = retyped.as_ref().unwrap_or(diff);
    let mut planner = Planner {
        from,
        to,
        diff,
        dialect,
        safe: safe && dialect == Dialect::PostgreSql,
        online: safe && dialect == Dialect::MySql,
        rows: None,
        phase: Phase::Expand,
        old: DdlPieces::new(from, dialect),
        new: DdlPieces::new(to, dialect),
        steps: Vec::new(),
        rebuilt: BTreeSet::new(),
        foreign_keys_rebuilt: Vec::new(),
        old_tables: from.tables.iter().map(|table| (table.id, table)).collect(),
        new_tables: to.tables.iter().map(|table| (table.id, table)).collect(),
    };
    planner.plan();
    if planner.phased() && !planner.steps.is_empty() {
        let preamble = if planner.online {
            online::preamble()
        } else {
            safe::preamble()
        };
        planner.steps.insert(0, preamble);
        // Stable: each phase keeps its order.
        relvar_model::order::sort_by_key(&mut planner.steps[..], |step| step.phase);
    }
    let mut warnings: Vec<String> = planner.new.warnings().to_vec();
    warnings.extend(planner.old.warnings().iter().cloned());
    warnings.dedup();
    Migration {
        dialect,
        safe: planner.phased(),
        steps: planner.steps,
        warnings,
    }
}

pub(crate) struct Planner<'a> {
    pub(crate) from: &'a Design,
    pub(crate) to: &'a Design,
    pub(crate) diff: &'a Diff,
    pub(crate) dialect: Dialect,
    /// Planning for no downtime in PostgreSQL: its lock-safe forms of each step.
    pub(crate) safe: bool,
    /// Planning for no downtime in MySQL/MariaDB: each statement asks for its algorithm and lock.
    pub(crate) online: bool,
    /// The expected rows of the table the steps being planned touch.
    pub(crate) rows: Option<u64>,
    /// The phase the steps being planned belong to.
    pub(crate) phase: Phase,
    /// Names and definitions as the first design has them (what is dropped).
    pub(crate) old: DdlPieces<'a>,
    /// As the second design has them (what is made).
    pub(crate) new: DdlPieces<'a>,
    pub(crate) steps: Vec<Step>,
    /// Tables (second design's ids) rebuilt whole by SQLite's procedure.
    pub(crate) rebuilt: BTreeSet<TableId>,
    /// Foreign keys both designs hold, dropped and added again around the removal of the key
    /// that backs them (MySQL refuses to drop an index a foreign key needs): first design's id,
    /// second's.
    pub(crate) foreign_keys_rebuilt: Vec<(ForeignKeyId, ForeignKeyId)>,
    old_tables: BTreeMap<TableId, &'a Table>,
    new_tables: BTreeMap<TableId, &'a Table>,
}

impl<'a> Planner<'a> {
    /// The first design's table.
    pub(crate) fn old_table(&self, id: TableId) -> Option<&'a Table> {
        self.old_tables.get(&id).copied()
    }

    /// The second design's table.
    pub(crate) fn new_table(&self, id: TableId) -> Option<&'a Table> {
        self.new_tables.get(&id).copied()
    }

    pub(crate) fn push(&mut self, sql: impl Into<String>) {
        self.push_step(sql.into(), None);
    }

    pub(crate) fn push_risky(&mut self, sql: impl Into<String>, risk: impl Into<String>) {
        self.push_step(sql.into(), Some(risk.into()));
    }

    /// Says what the last step holds where its statement alone cannot tell.
    pub(crate) fn last_step_holds(&mut self, lock: &str) {
        if let Some(step) = self.steps.last_mut() {
            step.lock = Some(lock.to_owned());
        }
    }

    fn push_step(&mut self, sql: String, risk: Option<String>) {
        let lock = locks::lock_note(self.dialect, &sql, self.rows);
        let step = Step {
            sql,
            risk,
            lock,
            phase: self.phase,
        };
        let step = if self.online {
            online::asked(step, self.rows)
        } else {
            step
        };
        self.steps.push(step);
    }

    /// A zero-downtime plan, in phases: PostgreSQL's or MySQL's.
    pub(crate) fn phased(&self) -> bool {
        self.safe || self.online
    }

    /// Plans the steps of `work` as about `table` of the first or second design (its expected
    /// rows) in `phase`.
    pub(crate) fn on_table(
        &mut self,
        rows: Option<u64>,
        phase: Phase,
        work: impl FnOnce(&mut Self),
    ) {
        let (kept_rows, kept_phase) = (self.rows, self.phase);
        self.rows = rows;
        self.phase = phase;
        work(self);
        self.rows = kept_rows;
        self.phase = kept_phase;
    }

    fn plan(&mut self) {
        if self.dialect == Dialect::Sqlite {
            self.rebuilt = sqlite::tables_to_rebuild(self);
        }
        if self.dialect == Dialect::MySql {
            self.foreign_keys_rebuilt = drops::foreign_keys_on_removed_keys(self);
        }
        // Clients read views: in a zero-downtime plan they are made again at the switch.
        let view_phase = if self.phased() {
            Phase::Contract
        } else {
            Phase::Expand
        };
        let mut views_dropped = Vec::new();
        self.on_table(None, view_phase, |planner| {
            views_dropped = planner.drop_views()
        });
        self.drop_foreign_keys();
        for at in 0..self.diff.tables_changed.len() {
            let (rows, phase) = (self.changed_rows(at), self.table_phase(at));
            self.on_table(rows, phase, |planner| planner.drop_table_parts(at));
        }
        self.create_schemas();
        self.enums_before_tables();
        self.create_domains();
        self.create_sequences();
        self.create_tables();
        for at in 0..self.diff.tables_changed.len() {
            let (rows, phase) = (self.changed_rows(at), self.table_phase(at));
            self.on_table(rows, phase, |planner| planner.alter_table(at));
        }
        for at in 0..self.diff.tables_changed.len() {
            let (rows, phase) = (self.changed_rows(at), self.table_phase(at));
            self.on_table(rows, phase, |planner| planner.add_table_parts(at));
        }
        self.add_foreign_keys();
        self.on_table(None, Phase::Contract, Self::drop_tables);
        self.on_table(None, Phase::Contract, Self::drop_leftovers);
        self.on_table(None, view_phase, |planner| {
            planner.create_views(&views_dropped)
        });
        // Comments may name what is renamed at the switch.
        let comment_phase = if self.phased() {
            Phase::Contract
        } else {
            Phase::Expand
        };
        self.on_table(None, comment_phase, Self::comments);
        // The owning column may be added at the switch.
        self.on_table(None, comment_phase, Self::sequence_owners);
    }

    /// The phase of a changed table's steps: a table whose name or a column's name changes
    /// changes at the switch, in the contract phase of a zero-downtime plan (clients name it).
    fn table_phase(&self, at: usize) -> Phase {
        let renamed = self.diff.tables_changed.get(at).is_some_and(|changed| {
            changed.renamed || changed.columns_changed.iter().any(|column| column.renamed)
        });
        if self.phased() && renamed {
            Phase::Contract
        } else {
            Phase::Expand
        }
    }

    /// Whether the second design's table is one whose names change (see `table_phase`).
    fn names_change(&self, table: TableId) -> bool {
        self.diff
            .tables_changed
            .iter()
            .position(|changed| changed.to == table)
            .is_some_and(|at| self.table_phase(at) == Phase::Contract)
    }

    /// The expected rows of the changed table at `at`.
    fn changed_rows(&self, at: usize) -> Option<u64> {
        let changed = self.diff.tables_changed.get(at)?;
        self.new_table(changed.to)?.expected_rows
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
            let count = self.new_table(id).map_or(0, |table| table.indexes.len());
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
        let again: Vec<ForeignKeyId> = self
            .foreign_keys_rebuilt
            .iter()
            .map(|(_, new)| *new)
            .collect();
        let new_foreign_keys: BTreeMap<ForeignKeyId, &relvar_model::ForeignKey> =
            self.to.foreign_keys.iter().map(|fk| (fk.id, fk)).collect();
        let removed: BTreeSet<ForeignKeyId> =
            self.diff.foreign_keys_removed.iter().copied().collect();
        let removed_names: BTreeSet<String> = self
            .from
            .foreign_keys
            .iter()
            .filter(|old| removed.contains(&old.id))
            .filter_map(|old| old.name.as_deref().map(str::to_ascii_lowercase))
            .collect();
        for id in self.diff.foreign_keys_added.iter().copied().chain(again) {
            let Some(foreign_key) = new_foreign_keys.get(&id).copied() else {
                continue;
            };
            let table_name = self.new.table_name(foreign_key.from_table);
            let Some(clause) = self.new.foreign_key(id) else {
                continue;
            };
            let rows = self
                .new_table(foreign_key.from_table)
                .and_then(|t| t.expected_rows);
            // Its name may be taken until the foreign key it replaces goes, or it names what
            // changes name at the switch.
            let replaces = foreign_key
                .name
                .as_deref()
                .is_some_and(|name| removed_names.contains(&name.to_ascii_lowercase()));
            // One dropped and added again around a key that goes (MySQL) comes back after it.
            let around_removed_key = self.online
                && self
                    .foreign_keys_rebuilt
                    .iter()
                    .any(|(_, again)| *again == id);
            let phase = if replaces
                || around_removed_key
                || self.names_change(foreign_key.from_table)
                || self.names_change(foreign_key.to_table)
            {
                Phase::Contract
            } else {
                Phase::Expand
            };
            match self.new_table(foreign_key.from_table).filter(|_| self.safe) {
                Some(table) => {
                    let columns = drops::column_names(table, &foreign_key.from_columns);
                    let name = self.constraint_name(
                        &clause,
                        relvar_sql::UnnamedKind::ForeignKey,
                        table,
                        &columns,
                    );
                    self.on_table(rows, phase, |planner| {
                        planner.add_validated(&table_name, &clause, &name);
                    });
                }
                None => {
                    let sql = format!("ALTER TABLE {table_name} ADD {clause}");
                    self.on_table(rows, phase, |planner| planner.push(sql));
                }
            }
        }
    }

    fn drop_tables(&mut self) {
        let order = self.old.creation_order();
        for id in order.into_iter().rev() {
            if !self.diff.tables_removed.contains(&id) {
                continue;
            }
            let Some(table) = self.old_table(id) else {
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
        self.drop_domains();
        self.drop_sequences();
        if self.dialect == Dialect::PostgreSql {
            for schema in &self.diff.schemas_removed {
                let sql = format!("DROP SCHEMA IF EXISTS {}", self.old.quote(schema));
                self.push(sql);
            }
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
