//! The first automatic layout: tables in a near-square grid, in design order, cells sized to fit.

use std::collections::BTreeMap;

use relvar_model::{Design, Point, TableId};

use crate::geometry::table_size;

const GAP: f64 = 60.0;
const ORIGIN: f64 = 40.0;

/// Positions for every table of the design in a grid of about √n columns.
pub fn grid_layout(design: &Design) -> BTreeMap<TableId, Point> {
    let count = design.tables.len();
    let columns = (count as f64).sqrt().ceil().max(1.0) as usize;
    let sizes: Vec<_> = design.tables.iter().map(table_size).collect();
    let mut column_widths = vec![0.0f64; columns];
    let mut row_heights = vec![0.0f64; count.div_ceil(columns)];
    for (index, size) in sizes.iter().enumerate() {
        if let Some(width) = column_widths.get_mut(index % columns) {
            *width = width.max(size.width);
        }
        if let Some(height) = row_heights.get_mut(index / columns) {
            *height = height.max(size.height);
        }
    }
    let offsets = |lengths: &[f64]| -> Vec<f64> {
        lengths
            .iter()
            .scan(ORIGIN, |next, length| {
                let at = *next;
                *next += length + GAP;
                Some(at)
            })
            .collect()
    };
    let xs = offsets(&column_widths);
    let ys = offsets(&row_heights);
    design
        .tables
        .iter()
        .enumerate()
        .map(|(index, table)| {
            let x = xs.get(index % columns).copied().unwrap_or(ORIGIN);
            let y = ys.get(index / columns).copied().unwrap_or(ORIGIN);
            (table.id, Point::new(x, y))
        })
        .collect()
}

/// Gives a grid position to every table that has none, keeping the positions that exist.
pub fn place_unpositioned(design: &mut Design) {
    let missing = design
        .tables
        .iter()
        .any(|table| !design.layout.positions.contains_key(&table.id));
    if !missing {
        return;
    }
    for (id, point) in grid_layout(design) {
        design.layout.positions.entry(id).or_insert(point);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::table_size;
    use proptest::prelude::*;
    use relvar_model::{Column, Table};

    fn design(columns_per_table: &[usize]) -> Design {
        let mut design = Design::default();
        for (index, &columns) in columns_per_table.iter().enumerate() {
            let id = design.ids.table();
            let mut table = Table::new(id, None, format!("table_{index}"));
            for column in 0..columns {
                let column_id = design.ids.column();
                table
                    .columns
                    .push(Column::new(column_id, format!("c{column}"), "integer"));
            }
            design.tables.push(table);
        }
        design
    }

    proptest! {
        #[test]
        fn grid_boxes_never_overlap(columns in prop::collection::vec(0usize..30, 0..40)) {
            let design = design(&columns);
            let positions = grid_layout(&design);
            prop_assert_eq!(positions.len(), design.tables.len());
            let boxes: Vec<_> = design.tables.iter().map(|table| (positions[&table.id], table_size(table))).collect();
            for (i, (a, a_size)) in boxes.iter().enumerate() {
                for (b, b_size) in boxes.iter().skip(i + 1) {
                    let apart = a.x + a_size.width <= b.x || b.x + b_size.width <= a.x
                        || a.y + a_size.height <= b.y || b.y + b_size.height <= a.y;
                    prop_assert!(apart, "{:?} overlaps {:?}", a, b);
                }
            }
        }
    }

    #[test]
    fn placing_keeps_existing_positions() {
        let mut design = design(&[2, 3, 1]);
        let first = design.tables[0].id;
        design
            .layout
            .positions
            .insert(first, Point::new(-500.0, 7.0));
        place_unpositioned(&mut design);
        assert_eq!(design.position(first), Point::new(-500.0, 7.0));
        assert_eq!(design.layout.positions.len(), 3);
    }
}
