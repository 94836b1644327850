//! What the drawing needs to know about each table beyond its own definition: which columns
//! take part in foreign keys, unique constraints and indexes, and how the user shows the table.

use std::collections::{BTreeSet, HashMap};

use relvar_model::{Column, ColumnId, Design, Table, TableId};

use crate::geometry::{Size, size_with_rows};
use crate::viewport::Rect;

/// Markers and display settings of one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableFacts {
    pub foreign_key_columns: BTreeSet<ColumnId>,
    pub unique_columns: BTreeSet<ColumnId>,
    pub indexed_columns: BTreeSet<ColumnId>,
    /// Drawn with only its key columns (primary, foreign, unique).
    pub collapsed: bool,
    /// The box's size as drawn, measured once by [`design_facts`] so that every line drawn to
    /// the table does not measure its text again.
    size: Option<Size>,
}

/// The facts of every table of a design.
pub fn design_facts(design: &Design) -> HashMap<TableId, TableFacts> {
    let mut facts: HashMap<TableId, TableFacts> = design
        .tables
        .iter()
        .map(|table| {
            let unique_columns = table
                .uniques
                .iter()
                .flat_map(|unique| unique.columns.iter().copied())
                .chain(
                    table
                        .indexes
                        .iter()
                        .filter(|index| index.unique)
                        .flat_map(|index| index.key_columns()),
                )
                .collect();
            let indexed_columns = table
                .indexes
                .iter()
                .flat_map(|index| index.key_columns())
                .collect();
            let entry = TableFacts {
                foreign_key_columns: BTreeSet::new(),
                unique_columns,
                indexed_columns,
                collapsed: design.layout.collapsed.contains(&table.id),
                size: None,
            };
            (table.id, entry)
        })
        .collect();
    for foreign_key in &design.foreign_keys {
        if let Some(entry) = facts.get_mut(&foreign_key.from_table) {
            entry
                .foreign_key_columns
                .extend(foreign_key.from_columns.iter().copied());
        }
    }
    for table in &design.tables {
        if let Some(entry) = facts.get_mut(&table.id) {
            entry.size = Some(entry.measured_size(table));
        }
    }
    facts
}

impl TableFacts {
    /// Whether a column is part of a key the diagram always shows: primary, foreign or unique.
    pub fn is_key_column(&self, table: &Table, column: ColumnId) -> bool {
        table.is_primary_key_column(column)
            || self.foreign_key_columns.contains(&column)
            || self.unique_columns.contains(&column)
    }

    fn is_drawn(&self, table: &Table, column: &Column) -> bool {
        !self.collapsed || self.is_key_column(table, column.id)
    }

    /// The columns drawn as rows, in order: all of them, or only the key columns when collapsed.
    pub fn drawn_columns<'t>(&self, table: &'t Table) -> Vec<&'t Column> {
        table
            .columns
            .iter()
            .filter(|column| self.is_drawn(table, column))
            .collect()
    }

    /// The row a column is drawn in, if it is drawn.
    pub fn row_of(&self, table: &Table, column: ColumnId) -> Option<usize> {
        table
            .columns
            .iter()
            .filter(|candidate| self.is_drawn(table, candidate))
            .position(|candidate| candidate.id == column)
    }

    /// The size of the table's box as drawn; collapsing keeps the width so the box does not jump.
    pub fn drawn_size(&self, table: &Table) -> Size {
        self.size.unwrap_or_else(|| self.measured_size(table))
    }

    fn measured_size(&self, table: &Table) -> Size {
        let rows = if self.collapsed {
            table
                .columns
                .iter()
                .filter(|column| self.is_drawn(table, column))
                .count()
        } else {
            table.columns.len()
        };
        size_with_rows(table, rows)
    }
}

/// Each table's box as the diagram draws it, at its position in the design.
pub fn drawn_boxes(
    design: &Design,
    facts: &HashMap<TableId, TableFacts>,
) -> HashMap<TableId, Rect> {
    design
        .tables
        .iter()
        .map(|table| {
            let size = facts.get(&table.id).map_or_else(
                || TableFacts::default().drawn_size(table),
                |facts| facts.drawn_size(table),
            );
            let at = design.position(table.id);
            let rect = Rect {
                x: at.x,
                y: at.y,
                width: size.width,
                height: size.height,
            };
            (table.id, rect)
        })
        .collect()
}
