//! Views and comments in a migration: views that read what changes are dropped first and made
//! again last, in the second design's order; comments of new tables and changed ones.

use relvar_model::Dialect;

use super::Planner;

impl Planner<'_> {
    /// Drops removed views and those reading a table that changes; returns the names of views
    /// of the first design dropped.
    pub(super) fn drop_views(&mut self) -> Vec<String> {
        let touched: Vec<String> = self
            .diff
            .tables_removed
            .iter()
            .chain(self.diff.tables_changed.iter().map(|changed| &changed.from))
            .filter_map(|id| self.old_table(*id))
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
    pub(super) fn create_views(&mut self, dropped: &[String]) {
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

    /// Comments of new tables, and comments that changed (PostgreSQL, SQL Server keep them
    /// apart from the definitions; MySQL's column comments travel in the column's definition).
    pub(super) fn comments(&mut self) {
        let mut statements = Vec::new();
        for &id in &self.diff.tables_added {
            let Some(table) = self.new_table(id) else {
                continue;
            };
            if table.comment.is_some() && self.dialect != Dialect::MySql {
                statements.extend(
                    self.new
                        .comment_on(id, None, None, table.comment.as_deref()),
                );
            }
            for column in &table.columns {
                if column.comment.is_some() && self.dialect != Dialect::MySql {
                    statements.extend(self.new.comment_on(
                        id,
                        Some(column.id),
                        None,
                        column.comment.as_deref(),
                    ));
                }
            }
        }
        for changed in &self.diff.tables_changed {
            let Some(table) = self.new_table(changed.to) else {
                continue;
            };
            let old = self.old_table(changed.from);
            if changed.comment_changed {
                let before = old.and_then(|old| old.comment.as_deref());
                statements.extend(self.new.comment_on(
                    changed.to,
                    None,
                    before,
                    table.comment.as_deref(),
                ));
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
                let before = old
                    .and_then(|old| old.columns.iter().find(|c| c.id == column_change.from))
                    .and_then(|c| c.comment.as_deref());
                statements.extend(self.new.comment_on(
                    changed.to,
                    Some(column_change.to),
                    before,
                    comment,
                ));
            }
            for &added in &changed.columns_added {
                let comment = table
                    .columns
                    .iter()
                    .find(|c| c.id == added)
                    .and_then(|c| c.comment.as_deref());
                if comment.is_some() {
                    statements.extend(self.new.comment_on(changed.to, Some(added), None, comment));
                }
            }
        }
        for statement in statements {
            self.push(statement);
        }
    }
}
