//! What a foreign key needs of the target engine: a key of the referenced table the engine
//! accepts it against (a unique key; for InnoDB an index led by the referenced columns),
//! created before the foreign key, and referencing columns of the referenced columns' type.

use std::collections::BTreeSet;
use std::mem::discriminant;

use relvar_model::{ColumnId, ForeignKey, IndexKey, Table};

use super::DdlWriter;
use super::expressions::mentions;
use super::types::SqlType;
use crate::dialect::Dialect;

/// The key a foreign key is checked against in the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ReferencedKey {
    /// The primary key or a unique constraint, written inside `CREATE TABLE`.
    Constraint,
    /// The table's index at this position, which must be created before the foreign key.
    Index(usize),
}

impl DdlWriter<'_> {
    /// The key of `to` a foreign key over `columns` relies on in the target, and the referenced
    /// columns in the key's order (InnoDB wants them as the index's leading columns, in order);
    /// none when the target would refuse the foreign key.
    pub(super) fn referenced_key(
        &self,
        to: &Table,
        columns: &[ColumnId],
    ) -> Option<(ReferencedKey, Vec<ColumnId>)> {
        let wanted: BTreeSet<ColumnId> = columns.iter().copied().collect();
        if wanted.len() != columns.len() {
            return None;
        }
        let innodb = self.to == Dialect::MySql;
        let leading = |key: &[ColumnId]| -> Option<Vec<ColumnId>> {
            if !innodb && key.len() != columns.len() {
                return None;
            }
            let start = key.get(..columns.len())?;
            let same = start.iter().copied().collect::<BTreeSet<_>>() == wanted;
            // Only InnoDB cares in which order the key holds the columns.
            same.then(|| if innodb { start } else { columns }.to_vec())
        };
        let constraints = to
            .primary_key
            .iter()
            .map(|key| key.columns.as_slice())
            .chain(to.uniques.iter().map(|unique| unique.columns.as_slice()));
        for key in constraints {
            if let Some(order) = leading(key) {
                return Some((ReferencedKey::Constraint, order));
            }
        }
        for (position, index) in to.indexes.iter().enumerate() {
            let plain = index.parts.iter().all(|part| {
                matches!(part.key, IndexKey::Column(_))
                    && (part.prefix.is_none() || self.to != Dialect::MySql)
            });
            let usable = match self.to {
                Dialect::MySql => {
                    plain
                        && (index.predicate.is_none() || !index.unique)
                        && index
                            .method
                            .as_deref()
                            .is_none_or(|m| matches!(m, "btree" | "hash"))
                }
                _ => {
                    plain
                        && index.unique
                        && index.predicate.is_none()
                        && index.method.as_deref().is_none_or(|m| m == "btree")
                }
            };
            let key: Vec<ColumnId> = index.key_columns().collect();
            if usable && let Some(order) = leading(&key) {
                return Some((ReferencedKey::Index(position), order));
            }
        }
        None
    }

    /// Positions of `table`'s indexes that foreign keys rely on as their referenced key: they
    /// are created right after the table, before any foreign key that needs them.
    pub(super) fn key_indexes(&self, table: &Table) -> BTreeSet<usize> {
        self.graph
            .references_to(table.id)
            .iter()
            .filter_map(|foreign_key| self.referenced_key(table, &foreign_key.to_columns))
            .filter_map(|(key, _)| match key {
                ReferencedKey::Index(position) => Some(position),
                ReferencedKey::Constraint => None,
            })
            .collect()
    }

    /// The foreign key's column pairs in the order its referenced key has them.
    pub(super) fn key_pairs(
        &self,
        foreign_key: &ForeignKey,
        order: &[ColumnId],
    ) -> (Vec<ColumnId>, Vec<ColumnId>) {
        let pairs: Vec<(ColumnId, ColumnId)> = foreign_key
            .from_columns
            .iter()
            .copied()
            .zip(foreign_key.to_columns.iter().copied())
            .collect();
        order
            .iter()
            .filter_map(|to| {
                pairs
                    .iter()
                    .find(|(_, referenced)| referenced == to)
                    .copied()
            })
            .unzip()
    }

    /// The type a referencing column must take in another engine when its own type, written
    /// there, differs from its referenced column's (PostgreSQL refuses incompatible key types,
    /// InnoDB any other integer size or sign): the referenced column's, followed to the end of a
    /// chain of references.
    pub(super) fn referenced_type(&mut self, table: &Table, column: ColumnId) -> Option<String> {
        if self.same_dialect() || self.to == Dialect::Sqlite {
            return None;
        }
        let mut at = (table.id, column);
        let mut seen = BTreeSet::from([at]);
        let mut last = None;
        while let Some((to_table, to_column)) = self.references_of(at) {
            if !seen.insert((to_table, to_column)) {
                break;
            }
            last = Some((to_table, to_column));
            at = (to_table, to_column);
        }
        let (to_table, to_column) = last?;
        let design = self.design;
        let to = design.table(to_table)?;
        let referenced = to.columns.iter().find(|c| c.id == to_column)?;
        let own = table.columns.iter().find(|c| c.id == column)?;
        let before = self.warnings.len();
        let written = self.column_type(to, referenced).0;
        let mine = self.column_type(table, own).0;
        self.warnings.truncate(before);
        (written != mine).then_some(written)
    }

    /// The (table, column) the column references by its first foreign key naming it.
    fn references_of(
        &self,
        (table, column): (relvar_model::TableId, ColumnId),
    ) -> Option<(relvar_model::TableId, ColumnId)> {
        self.graph
            .references_from(table)
            .iter()
            .find_map(|foreign_key| {
                let at = foreign_key.from_columns.iter().position(|c| *c == column)?;
                Some((foreign_key.to_table, *foreign_key.to_columns.get(at)?))
            })
    }

    /// The column of `table` an expression names whose type, taken from its referenced column,
    /// is of another kind than its own (text made integer): what the expression says of it
    /// may not hold of the new type.
    pub(super) fn retyped_in(&mut self, table: &Table, expression: &str) -> Option<String> {
        for column in &table.columns {
            if !mentions(expression, &column.name, self.from) {
                continue;
            }
            let Some(referenced) = self.referenced_type(table, column.id) else {
                continue;
            };
            let own = SqlType::parse_in(&column.data_type, self.from);
            if discriminant(&own) != discriminant(&SqlType::parse(&referenced)) {
                return Some(column.name.clone());
            }
        }
        None
    }
}
