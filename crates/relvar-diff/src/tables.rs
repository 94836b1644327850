//! What changed in one table that both designs hold: its name, columns (type, nullability,
//! default, identity, generation, collation, comment), primary key, unique constraints, checks,
//! indexes and comment. A key or index that changed at all is one removed and one added.

use relvar_model::{Column, ColumnId, Dialect, Index, IndexKey, Table, TableId};

use crate::diff::compatible_names;
use crate::matching::Pairing;
use crate::normal::{normal_expression, same_type};

/// The changes of one table; positions index the table's lists in the design they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDiff {
    pub from: TableId,
    pub to: TableId,
    /// The name or schema differs.
    pub renamed: bool,
    pub columns_added: Vec<ColumnId>,
    pub columns_removed: Vec<ColumnId>,
    pub columns_changed: Vec<ColumnDiff>,
    pub primary_key_changed: bool,
    pub uniques_added: Vec<usize>,
    pub uniques_removed: Vec<usize>,
    pub checks_added: Vec<usize>,
    pub checks_removed: Vec<usize>,
    pub indexes_added: Vec<usize>,
    pub indexes_removed: Vec<usize>,
    /// Indexes both hold whose names differ only in letter case, which the engine takes for one
    /// name (MySQL, SQLite, SQL Server): old position, new position.
    pub indexes_respelled: Vec<(usize, usize)>,
    pub comment_changed: bool,
}

/// What differs in one column both designs hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnDiff {
    pub from: ColumnId,
    pub to: ColumnId,
    pub renamed: bool,
    pub type_changed: bool,
    pub nullability_changed: bool,
    pub default_changed: bool,
    pub identity_changed: bool,
    pub generated_changed: bool,
    pub collation_changed: bool,
    pub comment_changed: bool,
}

impl ColumnDiff {
    /// A column both designs hold, nothing about it changed yet.
    pub fn unchanged(from: ColumnId, to: ColumnId) -> Self {
        Self {
            from,
            to,
            renamed: false,
            type_changed: false,
            nullability_changed: false,
            default_changed: false,
            identity_changed: false,
            generated_changed: false,
            collation_changed: false,
            comment_changed: false,
        }
    }

    /// Whether anything but the name and comment changed: the column's definition.
    pub fn definition_changed(&self) -> bool {
        self.type_changed
            || self.nullability_changed
            || self.default_changed
            || self.identity_changed
            || self.generated_changed
            || self.collation_changed
    }
}

impl TableDiff {
    /// A table both designs hold, nothing about it changed yet.
    pub fn unchanged(from: TableId, to: TableId) -> Self {
        Self {
            from,
            to,
            renamed: false,
            columns_added: Vec::new(),
            columns_removed: Vec::new(),
            columns_changed: Vec::new(),
            primary_key_changed: false,
            uniques_added: Vec::new(),
            uniques_removed: Vec::new(),
            checks_added: Vec::new(),
            checks_removed: Vec::new(),
            indexes_added: Vec::new(),
            indexes_removed: Vec::new(),
            indexes_respelled: Vec::new(),
            comment_changed: false,
        }
    }

    pub fn change_count(&self) -> usize {
        usize::from(self.renamed)
            + self.columns_added.len()
            + self.columns_removed.len()
            + self.columns_changed.len()
            + usize::from(self.primary_key_changed)
            + self.uniques_added.len()
            + self.uniques_removed.len()
            + self.checks_added.len()
            + self.checks_removed.len()
            + self.indexes_added.len()
            + self.indexes_removed.len()
            + self.indexes_respelled.len()
            + usize::from(self.comment_changed)
    }
}

pub(crate) fn table_diff(
    old: &Table,
    new: &Table,
    pairing: &Pairing,
    dialect: Dialect,
) -> TableDiff {
    let columns_removed = old
        .columns
        .iter()
        .filter(|column| pairing.column(column.id).is_none())
        .map(|column| column.id)
        .collect();
    let columns_added = new
        .columns
        .iter()
        .filter(|column| !pairing.has_column_partner(column.id))
        .map(|column| column.id)
        .collect();
    let columns_changed = old
        .columns
        .iter()
        .filter_map(|column| {
            let other = pairing.column(column.id)?;
            let other = new.columns.iter().find(|c| c.id == other)?;
            let changed = column_diff(column, other, pairing, dialect);
            (changed.renamed || changed.definition_changed() || changed.comment_changed)
                .then_some(changed)
        })
        .collect();
    let mapped = |ids: &[ColumnId]| -> Vec<Option<ColumnId>> {
        ids.iter().map(|id| pairing.column(*id)).collect()
    };
    let as_is =
        |ids: &[ColumnId]| -> Vec<Option<ColumnId>> { ids.iter().copied().map(Some).collect() };
    let primary_key_changed = match (&old.primary_key, &new.primary_key) {
        (None, None) => false,
        (Some(a), Some(b)) => {
            mapped(&a.columns) != as_is(&b.columns)
                || !compatible_names(a.name.as_deref(), b.name.as_deref(), dialect)
        }
        _ => true,
    };
    let (uniques_removed, uniques_added, _) = unmatched(&old.uniques, &new.uniques, |a, b| {
        mapped(&a.columns) == as_is(&b.columns)
            && compatible_names(a.name.as_deref(), b.name.as_deref(), dialect)
    });
    let (checks_removed, checks_added, _) = unmatched(&old.checks, &new.checks, |a, b| {
        normal_expression(&a.expression) == normal_expression(&b.expression)
            && compatible_names(a.name.as_deref(), b.name.as_deref(), dialect)
    });
    let (indexes_removed, indexes_added, indexes_kept) =
        unmatched(&old.indexes, &new.indexes, |a, b| {
            same_index(a, b, pairing, dialect)
        });
    let indexes_respelled = indexes_kept
        .into_iter()
        .filter(|&(a, b)| {
            let name = |indexes: &[Index], at: usize| indexes.get(at).and_then(|i| i.name.clone());
            matches!((name(&old.indexes, a), name(&new.indexes, b)), (Some(a), Some(b)) if a != b)
        })
        .collect();
    TableDiff {
        from: old.id,
        to: new.id,
        // Spelled otherwise is renamed, even where the engine takes both spellings for one name:
        // its catalog keeps the spelling it was given.
        renamed: old.name != new.name
            || old.schema.as_deref().unwrap_or_default()
                != new.schema.as_deref().unwrap_or_default()
                && !(is_default(old.schema.as_deref()) && is_default(new.schema.as_deref())),
        columns_added,
        columns_removed,
        columns_changed,
        primary_key_changed,
        uniques_added,
        uniques_removed,
        checks_added,
        checks_removed,
        indexes_added,
        indexes_removed,
        indexes_respelled,
        comment_changed: old.comment != new.comment,
    }
}

fn is_default(schema: Option<&str>) -> bool {
    schema.is_none_or(relvar_model::is_default_schema)
}

fn column_diff(old: &Column, new: &Column, pairing: &Pairing, dialect: Dialect) -> ColumnDiff {
    // Most columns are spelled alike on both sides: compared as written first.
    let default_changed = old.default != new.default
        && old.default.as_deref().map(normal_expression)
            != new.default.as_deref().map(normal_expression);
    let generated_changed = old.generated != new.generated
        && old
            .generated
            .as_ref()
            .map(|g| (normal_expression(&g.expression), g.stored))
            != new
                .generated
                .as_ref()
                .map(|g| (normal_expression(&g.expression), g.stored));
    ColumnDiff {
        from: old.id,
        to: new.id,
        renamed: old.name != new.name,
        // A column typed by an enum that was renamed follows it.
        type_changed: old.data_type != new.data_type
            && !same_type(&old.data_type, &new.data_type, dialect)
            && pairing
                .enums()
                .renamed_type(&old.data_type, &new.data_type)
                .is_none(),
        nullability_changed: old.nullable != new.nullable,
        default_changed,
        identity_changed: old.identity != new.identity,
        generated_changed,
        collation_changed: !old
            .collation
            .as_deref()
            .unwrap_or_default()
            .eq_ignore_ascii_case(new.collation.as_deref().unwrap_or_default()),
        comment_changed: old.comment != new.comment,
    }
}

fn same_index(old: &Index, new: &Index, pairing: &Pairing, dialect: Dialect) -> bool {
    let parts_equal = old.parts.len() == new.parts.len()
        && old.parts.iter().zip(&new.parts).all(|(a, b)| {
            let keys = match (&a.key, &b.key) {
                (IndexKey::Column(a), IndexKey::Column(b)) => pairing.column(*a) == Some(*b),
                (IndexKey::Expression(a), IndexKey::Expression(b)) => {
                    normal_expression(a) == normal_expression(b)
                }
                _ => false,
            };
            keys && a.prefix == b.prefix
                && a.descending == b.descending
                && a.operator_class == b.operator_class
                && a.collation == b.collation
        });
    parts_equal
        && old.unique == new.unique
        && old.method.as_deref().unwrap_or("btree") == new.method.as_deref().unwrap_or("btree")
        && old.include.len() == new.include.len()
        && old
            .include
            .iter()
            .zip(&new.include)
            .all(|(a, b)| pairing.column(*a) == Some(*b))
        && old.predicate.as_deref().map(normal_expression)
            == new.predicate.as_deref().map(normal_expression)
        && old.kind == new.kind
        && compatible_names(old.name.as_deref(), new.name.as_deref(), dialect)
}

/// Positions of `old` matched by nothing in `new`, of `new` matched by nothing in `old`, and the
/// matched pairs (old position, new position).
type Matched = (Vec<usize>, Vec<usize>, Vec<(usize, usize)>);

fn unmatched<T>(old: &[T], new: &[T], same: impl Fn(&T, &T) -> bool) -> Matched {
    let mut taken = vec![false; new.len()];
    let mut removed = Vec::new();
    let mut pairs = Vec::new();
    for (at, item) in old.iter().enumerate() {
        let found = new.iter().enumerate().position(|(other, candidate)| {
            !taken.get(other).copied().unwrap_or(true) && same(item, candidate)
        });
        match found.and_then(|other| taken.get_mut(other).map(|slot| (other, slot))) {
            Some((other, slot)) => {
                *slot = true;
                pairs.push((at, other));
            }
            None => removed.push(at),
        }
    }
    let added = taken
        .iter()
        .enumerate()
        .filter(|(_, taken)| !**taken)
        .map(|(at, _)| at)
        .collect();
    (removed, added, pairs)
}
