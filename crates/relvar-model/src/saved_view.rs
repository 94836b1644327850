//! Views of part of a design: a table's neighbourhood (the tables within a number of
//! relationships of it), saved views (named subsets of the tables with their own layout, as tbls'
//! viewpoints), and the design as such a view draws it: its tables alone, placed by the view.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::design::{Design, Point};
use crate::ids::TableId;

/// A named subset of a design's tables, drawn alone with its own layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedView {
    pub name: String,
    /// Member tables, in the order they were added.
    pub tables: Vec<TableId>,
    /// Where each member is drawn in this view; a member without one is drawn where the design's
    /// own layout has it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub positions: BTreeMap<TableId, Point>,
}

impl SavedView {
    pub fn members(&self) -> BTreeSet<TableId> {
        self.tables.iter().copied().collect()
    }

    /// The view without `table` (its membership and its position).
    pub fn without(&self, table: TableId) -> SavedView {
        let mut view = self.clone();
        view.tables.retain(|member| *member != table);
        view.positions.remove(&table);
        view
    }
}

/// `centre` and every table within `steps` relationships of it, whichever way they point; empty
/// when the design has no such table.
pub fn neighbourhood(design: &Design, centre: TableId, steps: usize) -> BTreeSet<TableId> {
    let mut reached = BTreeSet::new();
    if design.table(centre).is_none() {
        return reached;
    }
    let mut neighbours: BTreeMap<TableId, Vec<TableId>> = BTreeMap::new();
    for foreign_key in &design.foreign_keys {
        let (from, to) = (foreign_key.from_table, foreign_key.to_table);
        neighbours.entry(from).or_default().push(to);
        neighbours.entry(to).or_default().push(from);
    }
    reached.insert(centre);
    let mut frontier = vec![centre];
    for _ in 0..steps {
        let mut next = Vec::new();
        for table in frontier {
            for neighbour in neighbours.get(&table).into_iter().flatten() {
                if reached.insert(*neighbour) {
                    next.push(*neighbour);
                }
            }
        }
        frontier = next;
    }
    reached
}

/// The design as a view of `members` draws it: those tables alone (in the design's order), the
/// relationships between them, the subject areas cut down to them and without the empty ones,
/// no notes, and each member at `positions` where it has one, else at its place in the design.
pub fn drawn_alone(
    design: &Design,
    members: &BTreeSet<TableId>,
    positions: &BTreeMap<TableId, Point>,
) -> Design {
    let mut shown = Design {
        name: design.name.clone(),
        source_dialect: design.source_dialect,
        schemas: design.schemas.clone(),
        enums: design.enums.clone(),
        domains: design.domains.clone(),
        ids: design.ids.clone(),
        ..Design::default()
    };
    shown.tables = design
        .tables
        .iter()
        .filter(|table| members.contains(&table.id))
        .cloned()
        .collect();
    shown.foreign_keys = design
        .foreign_keys
        .iter()
        .filter(|key| members.contains(&key.from_table) && members.contains(&key.to_table))
        .cloned()
        .collect();
    shown.areas = design
        .areas
        .iter()
        .filter_map(|area| {
            let mut area = area.clone();
            area.tables.retain(|table| members.contains(table));
            (!area.tables.is_empty()).then_some(area)
        })
        .collect();
    for table in &shown.tables {
        let at = positions
            .get(&table.id)
            .or_else(|| design.layout.positions.get(&table.id));
        if let Some(at) = at {
            shown.layout.positions.insert(table.id, *at);
        }
        if design.layout.collapsed.contains(&table.id) {
            shown.layout.collapsed.insert(table.id);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{ForeignKey, ReferentialAction};
    use crate::table::{Column, Table};

    /// a → b ← c → d, and e alone.
    fn chain() -> (Design, Vec<TableId>) {
        let mut design = Design::default();
        let mut ids = Vec::new();
        for name in ["a", "b", "c", "d", "e"] {
            let id = design.ids.table();
            let mut table = Table::new(id, None, name);
            table
                .columns
                .push(Column::new(design.ids.column(), "id", "int"));
            design.tables.push(table);
            ids.push(id);
        }
        for (from, to) in [(0, 1), (2, 1), (2, 3)] {
            let column = |index: usize| design.tables[index].columns[0].id;
            let foreign_key = ForeignKey {
                id: design.ids.foreign_key(),
                name: None,
                from_table: ids[from],
                from_columns: vec![column(from)],
                to_table: ids[to],
                to_columns: vec![column(to)],
                on_delete: ReferentialAction::NoAction,
                on_update: ReferentialAction::NoAction,
                deferral: Default::default(),
            };
            design.foreign_keys.push(foreign_key);
        }
        (design, ids)
    }

    #[test]
    fn a_neighbourhood_follows_relationships_both_ways_as_far_as_asked() {
        let (design, ids) = chain();
        let set = |members: &[usize]| members.iter().map(|i| ids[*i]).collect::<BTreeSet<_>>();
        assert_eq!(neighbourhood(&design, ids[0], 0), set(&[0]));
        assert_eq!(neighbourhood(&design, ids[0], 1), set(&[0, 1]));
        assert_eq!(neighbourhood(&design, ids[0], 2), set(&[0, 1, 2]));
        assert_eq!(neighbourhood(&design, ids[1], 1), set(&[0, 1, 2]));
        assert_eq!(neighbourhood(&design, ids[4], 2), set(&[4]));
        assert!(neighbourhood(&design, TableId(999), 2).is_empty());
    }

    #[test]
    fn drawn_alone_keeps_only_the_members_and_the_lines_between_them() {
        let (mut design, ids) = chain();
        design.layout.positions.insert(ids[1], Point::new(5.0, 6.0));
        design.layout.positions.insert(ids[2], Point::new(7.0, 8.0));
        let members: BTreeSet<TableId> = [ids[1], ids[2]].into();
        let positions = BTreeMap::from([(ids[2], Point::new(100.0, 200.0))]);
        let shown = drawn_alone(&design, &members, &positions);
        let names: Vec<&str> = shown.tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["b", "c"]);
        assert_eq!(shown.foreign_keys.len(), 1);
        assert_eq!(shown.layout.positions[&ids[1]], Point::new(5.0, 6.0));
        assert_eq!(shown.layout.positions[&ids[2]], Point::new(100.0, 200.0));
        assert!(shown.notes.is_empty());
    }
}
