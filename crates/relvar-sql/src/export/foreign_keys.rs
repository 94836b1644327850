//! Foreign keys in each dialect's form: actions the target refuses are weakened, said so, and
//! deferral is kept where the engine has it.

use std::fmt::Write;

use relvar_model::{Deferral, ForeignKey, ReferentialAction, Table};

use super::DdlWriter;
use super::expressions::mentions;
use super::names::NameKind;
use crate::dialect::Dialect;

impl DdlWriter<'_> {
    /// `CONSTRAINT n FOREIGN KEY (a) REFERENCES t (b) ON DELETE ...`, as the target spells it.
    pub(super) fn foreign_key_clause(&mut self, foreign_key: &ForeignKey) -> Option<String> {
        let from = self.design.table(foreign_key.from_table)?;
        let to = self.design.table(foreign_key.to_table)?;
        let (from_columns, to_columns) = match self.referenced_key(to, &foreign_key.to_columns) {
            Some((_, order)) => self.key_pairs(foreign_key, &order),
            // The source engine took it: what backs it may be a part kept as written.
            None if self.same_dialect() => (
                foreign_key.from_columns.clone(),
                foreign_key.to_columns.clone(),
            ),
            None => {
                self.warn(format!(
                    "{}: the foreign key to {} ({}) references no key {} accepts one against; left out",
                    from.qualified_name(),
                    to.qualified_name(),
                    self.column_list(to, &foreign_key.to_columns),
                    self.to.name()
                ));
                return None;
            }
        };
        let (name, _) = self.claim(from, NameKind::ForeignKey, foreign_key.name.as_deref());
        let mut clause = format!(
            "{}FOREIGN KEY ({}) REFERENCES {} ({})",
            self.constraint_prefix(name.as_deref()),
            self.column_list(from, &from_columns),
            self.table_name(to),
            self.column_list(to, &to_columns),
        );
        for (event, action) in [
            ("DELETE", foreign_key.on_delete),
            ("UPDATE", foreign_key.on_update),
        ] {
            let written = match (action, self.to) {
                (ReferentialAction::SetDefault, Dialect::MySql) => {
                    self.warn(format!(
                        "{}: InnoDB has no ON {event} SET DEFAULT; written NO ACTION",
                        from.qualified_name()
                    ));
                    ReferentialAction::NoAction
                }
                (ReferentialAction::Restrict, Dialect::MsSql) => ReferentialAction::NoAction,
                (ReferentialAction::SetNull, Dialect::MySql)
                    if foreign_key.from_columns.iter().any(|id| {
                        from.columns
                            .iter()
                            .any(|column| column.id == *id && !column.nullable)
                    }) =>
                {
                    self.warn(format!(
                        "{}: ON {event} SET NULL on a NOT NULL column, which InnoDB refuses; written NO ACTION",
                        from.qualified_name()
                    ));
                    ReferentialAction::NoAction
                }
                (action, _) => action,
            };
            if written != ReferentialAction::NoAction {
                let _ = write!(clause, " ON {event} {}", written.sql());
            }
        }
        match (foreign_key.deferral, self.to) {
            (Deferral::NotDeferrable, _) => {}
            (deferral, Dialect::PostgreSql | Dialect::Sqlite) => {
                clause.push_str(if deferral == Deferral::DeferrableDeferred {
                    " DEFERRABLE INITIALLY DEFERRED"
                } else {
                    " DEFERRABLE INITIALLY IMMEDIATE"
                });
            }
            (_, _) => self.warn(format!(
                "{}: {} checks foreign keys at once; DEFERRABLE left out",
                from.qualified_name(),
                self.to.name()
            )),
        }
        Some(clause)
    }

    /// A foreign key of a cycle, added once both tables exist.
    pub(super) fn add_foreign_key(&mut self, out: &mut String, foreign_key: &ForeignKey) {
        let Some(from) = self.design.table(foreign_key.from_table) else {
            return;
        };
        let table_name = self.table_name(from);
        if let Some(clause) = self.foreign_key_clause(foreign_key) {
            let _ = writeln!(out, "ALTER TABLE {table_name} ADD {clause};");
        }
    }

    /// The column of `table` an expression names that one of the table's foreign keys changes
    /// when its referenced row does (`ON UPDATE CASCADE`/`SET NULL`, `ON DELETE SET NULL`):
    /// MariaDB refuses such a column in a check or a stored generated column.
    pub(super) fn changed_by_foreign_key(&self, table: &Table, expression: &str) -> Option<String> {
        if self.to != Dialect::MySql || self.same_dialect() {
            return None;
        }
        let changes = |fk: &&&ForeignKey| {
            matches!(
                fk.on_update,
                ReferentialAction::Cascade | ReferentialAction::SetNull
            ) || fk.on_delete == ReferentialAction::SetNull
        };
        self.graph
            .references_from(table.id)
            .iter()
            .filter(changes)
            .flat_map(|fk| fk.from_columns.iter())
            .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
            .find(|column| mentions(expression, &column.name, self.from))
            .map(|column| column.name.clone())
    }
}
