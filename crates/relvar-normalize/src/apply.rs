//! Applying a decomposition to a design as ONE undoable command: a `Command::Batch` of model
//! commands. The original table keeps the component holding its primary key (or else a candidate
//! key, or else most of the primary key, or else the largest) and its id; every other component becomes a new table with copies of
//! its columns, its key as primary key and the declared dependencies that lie within it; foreign
//! keys go from each table to each new one whose key it holds; foreign keys on moved columns
//! follow them to the new table that holds all of their columns, and are dropped otherwise.

use relvar_model::{
    ColumnId, Command, DeclaredDependency, Design, ForeignKey, IdAllocator, PrimaryKey,
    ReferentialAction, Table, TableId,
};
use thiserror::Error;

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::decompose::Component;
use crate::names::proposed_table_name;
use crate::table::{position, primary_key_positions, table_relation};

/// Why a decomposition cannot be applied; nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApplyError {
    #[error("there is no table with id {} in this design", .0.0)]
    NoSuchTable(TableId),
    #[error("a decomposition needs at least one component, each with at least one column")]
    EmptyComponent,
    #[error("the decomposition names column position {0}, past the table's last column")]
    NoSuchPosition(usize),
    #[error("the decomposition leaves out column {0}")]
    ColumnLeftOut(String),
}

/// Horizontal distance between the original table and each new one on the canvas.
const SPACING: f64 = 320.0;

/// The command that splits the table into the components (attributes are column positions).
pub fn decomposition_command(
    design: &Design,
    table: TableId,
    components: &[Component],
) -> Result<Command, ApplyError> {
    let original = design.table(table).ok_or(ApplyError::NoSuchTable(table))?;
    check_components(original, components)?;
    let home = home_component(original, components);
    let mut ids = design.ids.clone();
    let mut added_names = Vec::new();
    let mut commands = Vec::new();
    let mut made: Vec<Option<Table>> = Vec::with_capacity(components.len());
    for (index, component) in components.iter().enumerate() {
        if index == home {
            made.push(None);
            continue;
        }
        let new = new_table(design, &added_names, original, component, &mut ids);
        added_names.push(new.name.clone());
        let mut at = design.position(table);
        at.x += SPACING * made.iter().flatten().count().saturating_add(1) as f64;
        commands.push(Command::AddTable {
            table: Box::new(new.clone()),
            at,
        });
        made.push(Some(new));
    }
    let column_of = |component: usize, position: usize| -> Option<ColumnId> {
        let source = original.columns.get(position)?;
        match made.get(component)? {
            None => Some(source.id),
            Some(new) => new
                .columns
                .iter()
                .find(|c| c.name == source.name)
                .map(|c| c.id),
        }
    };
    let table_of = |component: usize| -> TableId {
        made.get(component)
            .and_then(Option::as_ref)
            .map_or(table, |new| new.id)
    };
    for foreign_key in &design.foreign_keys {
        if let Some(moved) = follow(
            foreign_key,
            original,
            components,
            home,
            &column_of,
            &table_of,
        ) {
            commands.push(Command::AddForeignKey {
                foreign_key: ForeignKey {
                    id: ids.foreign_key(),
                    ..moved
                },
            });
        }
    }
    for (from, referencing) in components.iter().enumerate() {
        for (to, referenced) in components.iter().enumerate() {
            if !references(home, (from, referencing), (to, referenced)) {
                continue;
            }
            let pairs: Option<Vec<(ColumnId, ColumnId)>> = referenced
                .key
                .iter()
                .map(|position| Some((column_of(from, position)?, column_of(to, position)?)))
                .collect();
            let Some(pairs) = pairs else { continue };
            commands.push(Command::AddForeignKey {
                foreign_key: ForeignKey {
                    id: ids.foreign_key(),
                    name: None,
                    from_table: table_of(from),
                    from_columns: pairs.iter().map(|pair| pair.0).collect(),
                    to_table: table_of(to),
                    to_columns: pairs.iter().map(|pair| pair.1).collect(),
                    on_delete: ReferentialAction::NoAction,
                    on_update: ReferentialAction::NoAction,
                    deferral: Default::default(),
                },
            });
        }
    }
    let kept = components.get(home).map(|c| &c.attributes);
    for (position, column) in original.columns.iter().enumerate() {
        if !kept.is_some_and(|kept| kept.contains(position)) {
            commands.push(Command::DeleteColumn {
                table,
                column: column.id,
            });
        }
    }
    if let Some(home_component) = components.get(home) {
        let primary = primary_key_positions(original);
        let keeps_primary = !primary.is_empty() && primary.is_subset(&home_component.attributes);
        if !keeps_primary && !home_component.key.is_empty() {
            commands.push(Command::SetPrimaryKey {
                table,
                columns: home_component
                    .key
                    .iter()
                    .filter_map(|position| original.columns.get(position).map(|c| c.id))
                    .collect(),
            });
        }
    }
    Ok(Command::Batch(commands))
}

/// The table each component would become: the original's name for the one it keeps, a free
/// proposed name (see `proposed_table_name`) for each new one, as `decomposition_command` names
/// them.
pub fn decomposition_table_names(
    design: &Design,
    table: TableId,
    components: &[Component],
) -> Result<Vec<String>, ApplyError> {
    let original = design.table(table).ok_or(ApplyError::NoSuchTable(table))?;
    check_components(original, components)?;
    let home = home_component(original, components);
    let mut added_names = Vec::new();
    let mut ids = design.ids.clone();
    Ok(components
        .iter()
        .enumerate()
        .map(|(index, component)| {
            if index == home {
                return original.name.clone();
            }
            let new = new_table(design, &added_names, original, component, &mut ids);
            added_names.push(new.name.clone());
            new.name
        })
        .collect())
}

fn check_components(original: &Table, components: &[Component]) -> Result<(), ApplyError> {
    if components.is_empty() || components.iter().any(|c| c.attributes.is_empty()) {
        return Err(ApplyError::EmptyComponent);
    }
    let mut covered = AttrSet::new();
    for component in components {
        if let Some(past) = component
            .attributes
            .union(&component.key)
            .iter()
            .find(|&position| position >= original.columns.len())
        {
            return Err(ApplyError::NoSuchPosition(past));
        }
        covered.union_with(&component.attributes);
    }
    match original
        .columns
        .iter()
        .enumerate()
        .find(|(position, _)| !covered.contains(*position))
    {
        Some((_, column)) => Err(ApplyError::ColumnLeftOut(column.name.clone())),
        None => Ok(()),
    }
}

/// The component the original table becomes: the first holding its primary key, else the first
/// holding a candidate key, else the first with the most primary key columns, else the first
/// largest.
fn home_component(original: &Table, components: &[Component]) -> usize {
    let relation = table_relation(original);
    let closure = Closure::new(&relation.fds);
    let all = relation.all();
    let primary = primary_key_positions(original);
    let holds_primary = || {
        components
            .iter()
            .position(|c| !primary.is_empty() && primary.is_subset(&c.attributes))
    };
    let holds_key = || {
        components
            .iter()
            .position(|c| closure.determines(&c.attributes, &all))
    };
    let first_most = |measure: &dyn Fn(&Component) -> usize| {
        let most = components.iter().map(measure).max().unwrap_or(0);
        components
            .iter()
            .position(|c| measure(c) == most)
            .filter(|_| most > 0)
    };
    holds_primary()
        .or_else(holds_key)
        .or_else(|| first_most(&|c| c.attributes.intersection(&primary).len()))
        .or_else(|| first_most(&|c| c.attributes.len()))
        .unwrap_or(0)
}

/// A new table for a component: copies of its columns (plain: no identity, not generated) with
/// fresh ids, its key as primary key, and the declared dependencies that lie within it.
/// A table for a component, named so that it meets no table of `design` nor `added_names`.
fn new_table(
    design: &Design,
    added_names: &[String],
    original: &Table,
    component: &Component,
    ids: &mut IdAllocator,
) -> Table {
    let key_names: Vec<&str> = component
        .key
        .iter()
        .filter_map(|position| original.columns.get(position).map(|c| c.name.as_str()))
        .collect();
    let base = proposed_table_name(&original.name, &key_names);
    let name = design.unused_table_name_besides(original.schema.as_deref(), &base, added_names);
    let mut new = Table::new(ids.table(), original.schema.clone(), name);
    let mut renumbered: Vec<(ColumnId, ColumnId)> = Vec::new();
    for position in component.attributes.iter() {
        let Some(source) = original.columns.get(position) else {
            continue;
        };
        let mut copy = source.clone();
        copy.id = ids.column();
        copy.identity = None;
        copy.generated = None;
        if component.key.contains(position) {
            copy.nullable = false;
        }
        renumbered.push((source.id, copy.id));
        new.columns.push(copy);
    }
    let fresh = |id: &ColumnId| {
        renumbered
            .iter()
            .find(|(old, _)| old == id)
            .map(|(_, new)| *new)
    };
    let key: Vec<ColumnId> = component
        .key
        .iter()
        .filter_map(|position| original.columns.get(position))
        .filter_map(|column| fresh(&column.id))
        .collect();
    new.primary_key = (!key.is_empty()).then_some(PrimaryKey {
        name: None,
        columns: key,
    });
    new.dependencies = original
        .dependencies
        .iter()
        .filter_map(|dependency| {
            Some(DeclaredDependency {
                kind: dependency.kind,
                lhs: dependency.lhs.iter().map(fresh).collect::<Option<_>>()?,
                rhs: dependency.rhs.iter().map(fresh).collect::<Option<_>>()?,
            })
        })
        .collect();
    new
}

/// Whether a foreign key should go from component `from` to component `to`: `to` is a new
/// table whose key `from` holds; between two components holding each other's keys, only from
/// the original table or from the earlier one.
fn references(
    home: usize,
    (from, referencing): (usize, &Component),
    (to, referenced): (usize, &Component),
) -> bool {
    if from == to || to == home || referenced.key.is_empty() {
        return false;
    }
    if !referenced.key.is_subset(&referencing.attributes) {
        return false;
    }
    let mutual = referencing.key.is_subset(&referenced.attributes);
    !mutual || from == home || from < to
}

/// The foreign key moved to where its columns go, when some of its columns on the split table
/// leave the original table and one new table holds all of them; `None` when it stays as it is
/// or cannot follow (it is then dropped with the columns).
fn follow(
    foreign_key: &ForeignKey,
    original: &Table,
    components: &[Component],
    home: usize,
    column_of: &impl Fn(usize, usize) -> Option<ColumnId>,
    table_of: &impl Fn(usize) -> TableId,
) -> Option<ForeignKey> {
    let stays = |columns: &[ColumnId]| -> Option<AttrSet> {
        columns.iter().map(|id| position(original, *id)).collect()
    };
    let home_attributes = &components.get(home)?.attributes;
    let mut moved = foreign_key.clone();
    let mut changed = false;
    for (side_table, side_columns) in [
        (&mut moved.from_table, &mut moved.from_columns),
        (&mut moved.to_table, &mut moved.to_columns),
    ] {
        if *side_table != original.id {
            continue;
        }
        let positions = stays(side_columns)?;
        if positions.is_subset(home_attributes) {
            continue;
        }
        let target = components
            .iter()
            .position(|c| positions.is_subset(&c.attributes))?;
        let mapped: Option<Vec<ColumnId>> = side_columns
            .iter()
            .map(|id| column_of(target, position(original, *id)?))
            .collect();
        *side_columns = mapped?;
        *side_table = table_of(target);
        changed = true;
    }
    changed.then_some(moved)
}
