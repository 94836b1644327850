//! What changed between two designs, object by object: tables and their parts (`tables.rs`),
//! foreign keys, enums, domains (`domains.rs`), sequences, views and schemas; and, between unrelated schemas, the drops
//! and adds that may be renames, for a person to confirm.

use relvar_model::{
    Design, Dialect, ForeignKey, ForeignKeyId, Sequence, Table, TableId, View, is_default_schema,
};

use crate::domains::{DomainDiff, domains};
use crate::enum_pairing::EnumCandidate;
use crate::matching::{Matching, Pairing, Renames, same_name};
use crate::normal::{normal_expression, same_type};
use crate::tables::{TableDiff, table_diff};

/// Everything that differs between two designs. Ids of added things are the second design's,
/// of removed things the first's; positions index the design's list they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub matching: Matching,
    pub pairing: Pairing,
    pub tables_added: Vec<TableId>,
    pub tables_removed: Vec<TableId>,
    pub tables_changed: Vec<TableDiff>,
    pub foreign_keys_added: Vec<ForeignKeyId>,
    pub foreign_keys_removed: Vec<ForeignKeyId>,
    pub enums: Vec<EnumDiff>,
    pub domains: Vec<DomainDiff>,
    pub sequences_added: Vec<usize>,
    pub sequences_removed: Vec<usize>,
    /// Sequences of both designs whose options differ (first design's position, second's).
    pub sequences_changed: Vec<(usize, usize)>,
    pub views_added: Vec<usize>,
    pub views_removed: Vec<usize>,
    pub schemas_added: Vec<String>,
    pub schemas_removed: Vec<String>,
    /// Drops and adds that may be one rename (by name only): never applied without a person.
    pub rename_candidates: Vec<RenameCandidate>,
}

/// A change of an enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumDiff {
    Added(usize),
    Removed(usize),
    Changed {
        from: usize,
        to: usize,
        /// The type's name differs.
        renamed: bool,
        /// Values renamed in place: the first design's spelling, then the second's.
        values_renamed: Vec<(String, String)>,
        /// Values the second design has and the first lacks.
        added_values: Vec<String>,
        /// Values the first design has and the second lacks: their rows cannot stay.
        removed_values: Vec<String>,
    },
}

/// A drop and an add the person may confirm as one rename.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameCandidate {
    /// A removed table and an added one with the same columns.
    Table { from: TableId, to: TableId },
    /// In a paired table (the second design's id), a removed and an added column of one type.
    Column {
        table: TableId,
        from: relvar_model::ColumnId,
        to: relvar_model::ColumnId,
    },
    /// A removed enum type and an added one (positions in each design's list).
    Enum { from: usize, to: usize },
    /// A value of an enum type, or of a column typed `enum(...)` (`of`: the type as the second
    /// design names it, or `table.column`), that may have been renamed.
    Value {
        of: String,
        from: String,
        to: String,
    },
}

impl Diff {
    /// Whether the designs agree on everything a database holds.
    pub fn is_empty(&self) -> bool {
        self.change_count() == 0
    }

    /// How many objects were added, removed or changed.
    pub fn change_count(&self) -> usize {
        self.tables_added.len()
            + self.tables_removed.len()
            + self
                .tables_changed
                .iter()
                .map(TableDiff::change_count)
                .sum::<usize>()
            + self.foreign_keys_added.len()
            + self.foreign_keys_removed.len()
            + self.enums.len()
            + self.domains.len()
            + self.sequences_added.len()
            + self.sequences_removed.len()
            + self.sequences_changed.len()
            + self.views_added.len()
            + self.views_removed.len()
            + self.schemas_added.len()
            + self.schemas_removed.len()
    }
}

/// What changed from `from` to `to`.
pub fn diff(from: &Design, to: &Design, matching: Matching, renames: &Renames) -> Diff {
    let dialect = to
        .source_dialect
        .or(from.source_dialect)
        .unwrap_or_default();
    let pairing = Pairing::new(from, to, matching, renames);
    let tables_removed: Vec<TableId> = from
        .tables
        .iter()
        .filter(|table| pairing.table(table.id).is_none())
        .map(|table| table.id)
        .collect();
    let tables_added: Vec<TableId> = to
        .tables
        .iter()
        .filter(|table| !pairing.has_partner(table.id))
        .map(|table| table.id)
        .collect();
    let old_tables: std::collections::BTreeMap<TableId, &Table> =
        from.tables.iter().map(|table| (table.id, table)).collect();
    let new_tables: std::collections::BTreeMap<TableId, &Table> =
        to.tables.iter().map(|table| (table.id, table)).collect();
    let tables_changed = pairing
        .tables()
        .filter_map(|(old, new)| {
            let changed = table_diff(
                old_tables.get(&old)?,
                new_tables.get(&new)?,
                &pairing,
                dialect,
            );
            (changed.change_count() > 0).then_some(changed)
        })
        .collect();
    let (foreign_keys_removed, foreign_keys_added) = foreign_keys(from, to, &pairing, dialect);
    let mut result = Diff {
        matching,
        tables_added,
        tables_removed,
        tables_changed,
        foreign_keys_added,
        foreign_keys_removed,
        enums: enums(from, to, &pairing),
        domains: domains(from, to, dialect),
        sequences_added: Vec::new(),
        sequences_removed: Vec::new(),
        sequences_changed: Vec::new(),
        views_added: Vec::new(),
        views_removed: Vec::new(),
        schemas_added: schemas_only_in(to, from, dialect),
        schemas_removed: schemas_only_in(from, to, dialect),
        rename_candidates: Vec::new(),
        pairing,
    };
    sequences(&mut result, from, to, dialect);
    views(&mut result, from, to, dialect);
    if matching == Matching::ByName {
        result.rename_candidates = rename_candidates(&result, from, to, dialect);
    }
    result
}

/// Foreign keys removed and added: each paired with one of the same columns, ends, actions and
/// deferral (and name, where both have one), through the pairing.
fn foreign_keys(
    from: &Design,
    to: &Design,
    pairing: &Pairing,
    dialect: Dialect,
) -> (Vec<ForeignKeyId>, Vec<ForeignKeyId>) {
    let mut taken = vec![false; to.foreign_keys.len()];
    let mut by_table: std::collections::BTreeMap<TableId, Vec<usize>> = Default::default();
    for (at, new) in to.foreign_keys.iter().enumerate() {
        by_table.entry(new.from_table).or_default().push(at);
    }
    let mut removed = Vec::new();
    for old in &from.foreign_keys {
        let candidates = pairing
            .table(old.from_table)
            .and_then(|table| by_table.get(&table))
            .map_or(&[][..], Vec::as_slice);
        let found = candidates.iter().copied().find(|&at| {
            !taken.get(at).copied().unwrap_or(true)
                && to
                    .foreign_keys
                    .get(at)
                    .is_some_and(|new| same_foreign_key(old, new, pairing, dialect))
        });
        match found.and_then(|at| taken.get_mut(at)) {
            Some(slot) => *slot = true,
            None => removed.push(old.id),
        }
    }
    let added = to
        .foreign_keys
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(new, _)| new.id)
        .collect();
    (removed, added)
}

fn same_foreign_key(
    old: &ForeignKey,
    new: &ForeignKey,
    pairing: &Pairing,
    dialect: Dialect,
) -> bool {
    let columns = |ids: &[relvar_model::ColumnId], others: &[relvar_model::ColumnId]| {
        ids.len() == others.len()
            && ids
                .iter()
                .zip(others)
                .all(|(id, other)| pairing.column(*id) == Some(*other))
    };
    pairing.table(old.from_table) == Some(new.from_table)
        && pairing.table(old.to_table) == Some(new.to_table)
        && columns(&old.from_columns, &new.from_columns)
        && columns(&old.to_columns, &new.to_columns)
        && old.on_delete == new.on_delete
        && old.on_update == new.on_update
        && old.deferral == new.deferral
        && compatible_names(old.name.as_deref(), new.name.as_deref(), dialect)
}

/// Names of constraints agree when equal, or when either was left to the engine.
pub(crate) fn compatible_names(a: Option<&str>, b: Option<&str>, dialect: Dialect) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_name(a, b, dialect),
        _ => true,
    }
}

/// Enum types added, removed, and changed (renamed, values renamed, added or removed), as the
/// pairing paired them.
fn enums(from: &Design, to: &Design, pairing: &Pairing) -> Vec<EnumDiff> {
    let pairs = pairing.enums().pairs();
    let mut changes = Vec::new();
    for at in 0..from.enums.len() {
        let Some(pair) = pairs.iter().find(|pair| pair.from == at) else {
            changes.push(EnumDiff::Removed(at));
            continue;
        };
        if pair.renamed() || pair.old.values != pair.new.values {
            changes.push(EnumDiff::Changed {
                from: pair.from,
                to: pair.to,
                renamed: pair.renamed(),
                values_renamed: pair.values_renamed.clone(),
                added_values: pair.added_values(),
                removed_values: pair.removed_values(),
            });
        }
    }
    for at in 0..to.enums.len() {
        if !pairs.iter().any(|pair| pair.to == at) {
            changes.push(EnumDiff::Added(at));
        }
    }
    changes
}

pub(crate) fn same_schema(a: Option<&str>, b: Option<&str>, dialect: Dialect) -> bool {
    fn own(schema: Option<&str>) -> Option<&str> {
        schema.filter(|schema| !is_default_schema(schema))
    }
    match (own(a), own(b)) {
        (Some(a), Some(b)) => same_name(a, b, dialect),
        (None, None) => true,
        _ => false,
    }
}

fn sequences(result: &mut Diff, from: &Design, to: &Design, dialect: Dialect) {
    let same = |a: &Sequence, b: &Sequence| {
        same_name(&a.name, &b.name, dialect)
            && same_schema(a.schema.as_deref(), b.schema.as_deref(), dialect)
    };
    for (at, old) in from.sequences.iter().enumerate() {
        match to.sequences.iter().position(|new| same(old, new)) {
            None => result.sequences_removed.push(at),
            Some(other) => {
                let differs = to.sequences.get(other).is_some_and(|new| {
                    let mut old = old.clone();
                    // An owner renamed with its table or column is the same owner.
                    if old.owned_by.is_some() && new.owned_by.is_some() {
                        old.owned_by.clone_from(&new.owned_by);
                    }
                    old.name.clone_from(&new.name);
                    old.schema.clone_from(&new.schema);
                    old != *new
                });
                if differs {
                    result.sequences_changed.push((at, other));
                }
            }
        }
    }
    for (at, new) in to.sequences.iter().enumerate() {
        if !from.sequences.iter().any(|old| same(old, new)) {
            result.sequences_added.push(at);
        }
    }
}

/// Views by name; one whose query changed is removed and added again.
fn views(result: &mut Diff, from: &Design, to: &Design, dialect: Dialect) {
    let same = |a: &View, b: &View| {
        same_name(&a.name, &b.name, dialect)
            && same_schema(a.schema.as_deref(), b.schema.as_deref(), dialect)
    };
    for (at, old) in from.views.iter().enumerate() {
        let kept = to.views.iter().any(|new| {
            same(old, new)
                && new.materialized == old.materialized
                && normal_expression(&new.sql) == normal_expression(&old.sql)
        });
        if !kept {
            result.views_removed.push(at);
        }
    }
    for (at, new) in to.views.iter().enumerate() {
        let kept = from.views.iter().any(|old| {
            same(old, new)
                && new.materialized == old.materialized
                && normal_expression(&new.sql) == normal_expression(&old.sql)
        });
        if !kept {
            result.views_added.push(at);
        }
    }
}

/// Schemas declared or used by `design` and not by `other` (engine defaults left out).
fn schemas_only_in(design: &Design, other: &Design, dialect: Dialect) -> Vec<String> {
    let used = |design: &Design| {
        let mut names: Vec<String> = design
            .schemas
            .iter()
            .cloned()
            .chain(
                design
                    .tables
                    .iter()
                    .filter_map(|table| table.schema.clone()),
            )
            .filter(|schema| !is_default_schema(schema))
            .collect();
        relvar_model::order::sort(&mut names[..]);
        names.dedup();
        names
    };
    let theirs = used(other);
    used(design)
        .into_iter()
        .filter(|schema| !theirs.iter().any(|other| same_name(schema, other, dialect)))
        .collect()
}

fn rename_candidates(
    result: &Diff,
    from: &Design,
    to: &Design,
    dialect: Dialect,
) -> Vec<RenameCandidate> {
    let old_tables: std::collections::BTreeMap<TableId, &Table> =
        from.tables.iter().map(|table| (table.id, table)).collect();
    let new_tables: std::collections::BTreeMap<TableId, &Table> =
        to.tables.iter().map(|table| (table.id, table)).collect();
    let mut candidates = Vec::new();
    for &old in &result.tables_removed {
        let Some(old_table) = old_tables.get(&old).copied() else {
            continue;
        };
        let mut names: Vec<String> = old_table
            .columns
            .iter()
            .map(|c| c.name.to_ascii_lowercase())
            .collect();
        relvar_model::order::sort(&mut names[..]);
        for &new in &result.tables_added {
            let Some(new_table) = new_tables.get(&new).copied() else {
                continue;
            };
            let mut other: Vec<String> = new_table
                .columns
                .iter()
                .map(|c| c.name.to_ascii_lowercase())
                .collect();
            relvar_model::order::sort(&mut other[..]);
            if !names.is_empty() && names == other {
                candidates.push(RenameCandidate::Table { from: old, to: new });
            }
        }
    }
    for changed in &result.tables_changed {
        let (Some(old_table), Some(new_table)) = (
            old_tables.get(&changed.from).copied(),
            new_tables.get(&changed.to).copied(),
        ) else {
            continue;
        };
        for &old in &changed.columns_removed {
            let Some(old_column) = old_table.columns.iter().find(|c| c.id == old) else {
                continue;
            };
            for &new in &changed.columns_added {
                let compatible = new_table.columns.iter().any(|c| {
                    c.id == new && same_type(&c.data_type, &old_column.data_type, dialect)
                });
                if compatible {
                    candidates.push(RenameCandidate::Column {
                        table: changed.to,
                        from: old,
                        to: new,
                    });
                }
            }
        }
    }
    candidates.extend(result.pairing.enums().candidates().iter().map(|candidate| {
        match candidate.clone() {
            EnumCandidate::Type { from, to } => RenameCandidate::Enum { from, to },
            EnumCandidate::Value { of, from, to } => RenameCandidate::Value { of, from, to },
        }
    }));
    candidates
}
