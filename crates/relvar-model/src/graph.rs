//! The foreign-key graph of a design: which foreign keys leave and reach each table, and the
//! table-to-table edges they make, gathered once so callers never rebuild it.

use std::collections::BTreeMap;

use crate::design::{Design, ForeignKey};
use crate::ids::TableId;
use crate::table::Table;

/// Which way the edges of [`ForeignKeyGraph::adjacency`] point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeDirection {
    /// From the referencing (child) table to the referenced (parent) table.
    ToReferenced,
    /// From the referenced (parent) table to the referencing (child) table.
    ToReferencing,
}

/// The foreign keys of a design by table; tables are numbered by their position in
/// `design.tables` (the first table of an id, should an id repeat).
#[derive(Debug, Clone)]
pub struct ForeignKeyGraph<'a> {
    design: &'a Design,
    positions: BTreeMap<TableId, usize>,
    from: Vec<Vec<&'a ForeignKey>>,
    to: Vec<Vec<&'a ForeignKey>>,
}

impl<'a> ForeignKeyGraph<'a> {
    pub fn new(design: &'a Design) -> Self {
        let mut positions = BTreeMap::new();
        for (position, table) in design.tables.iter().enumerate() {
            positions.entry(table.id).or_insert(position);
        }
        let mut from = vec![Vec::new(); design.tables.len()];
        let mut to = vec![Vec::new(); design.tables.len()];
        for foreign_key in &design.foreign_keys {
            if let Some(list) = positions
                .get(&foreign_key.from_table)
                .and_then(|at| from.get_mut(*at))
            {
                list.push(foreign_key);
            }
            if let Some(list) = positions
                .get(&foreign_key.to_table)
                .and_then(|at| to.get_mut(*at))
            {
                list.push(foreign_key);
            }
        }
        Self {
            design,
            positions,
            from,
            to,
        }
    }

    /// The position of a table in `design.tables`.
    pub fn position(&self, table: TableId) -> Option<usize> {
        self.positions.get(&table).copied()
    }

    pub fn table(&self, table: TableId) -> Option<&'a Table> {
        self.design.tables.get(self.position(table)?)
    }

    /// The foreign keys whose referencing side is this table, in design order.
    pub fn references_from(&self, table: TableId) -> &[&'a ForeignKey] {
        self.position(table)
            .and_then(|at| self.from.get(at))
            .map_or(&[], Vec::as_slice)
    }

    /// The foreign keys that reference this table, in design order.
    pub fn references_to(&self, table: TableId) -> &[&'a ForeignKey] {
        self.position(table)
            .and_then(|at| self.to.get(at))
            .map_or(&[], Vec::as_slice)
    }

    /// The table-to-table edges of the foreign keys `keep` selects, by table position, in the
    /// order of the design's foreign keys; a table referencing itself makes no edge, and a
    /// foreign key naming a table not in the design is left out.
    pub fn adjacency(
        &self,
        direction: EdgeDirection,
        keep: impl Fn(&ForeignKey) -> bool,
    ) -> Vec<Vec<usize>> {
        let mut adjacency = vec![Vec::new(); self.design.tables.len()];
        for (child, parent, foreign_key) in self.edges() {
            let (Some(child), Some(parent)) = (self.position(child), self.position(parent)) else {
                continue;
            };
            if !keep(foreign_key) {
                continue;
            }
            let (start, end) = match direction {
                EdgeDirection::ToReferenced => (child, parent),
                EdgeDirection::ToReferencing => (parent, child),
            };
            if let Some(edges) = adjacency.get_mut(start) {
                edges.push(end);
            }
        }
        adjacency
    }

    /// Every foreign key between two different tables of the design as `(referencing,
    /// referenced, foreign key)`, in the design's order.
    pub fn edges(&self) -> impl Iterator<Item = (TableId, TableId, &'a ForeignKey)> + '_ {
        self.design.foreign_keys.iter().filter_map(|foreign_key| {
            let known = self.positions.contains_key(&foreign_key.from_table)
                && self.positions.contains_key(&foreign_key.to_table);
            (known && foreign_key.from_table != foreign_key.to_table).then_some((
                foreign_key.from_table,
                foreign_key.to_table,
                foreign_key,
            ))
        })
    }
}

impl Design {
    /// The design's foreign keys by table.
    pub fn foreign_key_graph(&self) -> ForeignKeyGraph<'_> {
        ForeignKeyGraph::new(self)
    }
}
