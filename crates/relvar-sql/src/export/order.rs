//! The order tables are created in: each after the tables its foreign keys reference, where
//! cycles allow it, otherwise in design order.

use std::collections::{BTreeMap, BTreeSet};

use relvar_model::{Design, Table, TableId};

/// The design's tables, referenced ones first (Kahn's algorithm, ties in design order; tables
/// caught in a cycle follow in design order).
pub(super) fn tables_in_dependency_order(design: &Design) -> Vec<&Table> {
    let mut waiting_on: BTreeMap<TableId, BTreeSet<TableId>> = design
        .tables
        .iter()
        .map(|table| (table.id, BTreeSet::new()))
        .collect();
    for (child, parent, _) in design.foreign_key_graph().edges() {
        if let Some(needs) = waiting_on.get_mut(&child) {
            needs.insert(parent);
        }
    }
    for table in &design.tables {
        for parent in inherited(table) {
            if let Some(parent) = design.find_table(parent.0.as_deref(), &parent.1)
                && parent.id != table.id
                && let Some(needs) = waiting_on.get_mut(&table.id)
            {
                needs.insert(parent.id);
            }
        }
    }
    let mut ordered: Vec<&Table> = Vec::with_capacity(design.tables.len());
    let mut placed = BTreeSet::new();
    loop {
        let ready: Vec<&Table> = design
            .tables
            .iter()
            .filter(|table| !placed.contains(&table.id))
            .filter(|table| {
                waiting_on
                    .get(&table.id)
                    .is_none_or(|needs| needs.iter().all(|need| placed.contains(need)))
            })
            .collect();
        if ready.is_empty() {
            break;
        }
        for table in ready {
            placed.insert(table.id);
            ordered.push(table);
        }
    }
    ordered.extend(
        design
            .tables
            .iter()
            .filter(|table| !placed.contains(&table.id)),
    );
    ordered
}

/// `schema.name` as (schema, name); a name without a dot has no schema.
pub(super) fn split_qualified(name: &str) -> (Option<&str>, &str) {
    match name.rsplit_once('.') {
        Some((schema, name)) => (Some(schema), name),
        None => (None, name),
    }
}

/// The parents a PostgreSQL table inherits from (`INHERITS (a, s.b)`) or is a partition of, as
/// (schema, name).
pub(super) fn inherited(table: &Table) -> Vec<(Option<String>, String)> {
    table
        .verbatim_options
        .iter()
        .filter_map(|option| option.strip_prefix("INHERITS ("))
        .filter_map(|rest| rest.strip_suffix(')'))
        .flat_map(|list| list.split(','))
        .map(|name| super::unquoted_name(name.trim()))
        .chain(
            table
                .partition_of
                .iter()
                .map(|partition| partition.parent.clone()),
        )
        .map(|name| {
            let (schema, name) = split_qualified(&name);
            (schema.map(str::to_owned), name.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use relvar_model::{Design, ForeignKey, ReferentialAction, Table};

    #[test]
    fn referenced_tables_come_first_and_cycles_keep_design_order() {
        let mut design = Design::default();
        for name in ["child", "parent", "a", "b"] {
            let id = design.ids.table();
            design.tables.push(Table::new(id, None, name));
        }
        let ids: Vec<_> = design.tables.iter().map(|table| table.id).collect();
        for (from, to) in [(0, 1), (2, 3), (3, 2), (1, 1)] {
            let id = design.ids.foreign_key();
            design.foreign_keys.push(ForeignKey {
                id,
                name: None,
                from_table: ids[from],
                from_columns: Vec::new(),
                to_table: ids[to],
                to_columns: Vec::new(),
                on_delete: ReferentialAction::NoAction,
                on_update: ReferentialAction::NoAction,
                deferral: Default::default(),
            });
        }
        let names: Vec<&str> = super::tables_in_dependency_order(&design)
            .iter()
            .map(|table| table.name.as_str())
            .collect();
        assert_eq!(names, ["parent", "child", "a", "b"]);
    }
}
