//! Properties of the whole layered layout on random designs: no overlaps, parents left of
//! children, determinism, subsets.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use relvar_model::{Column, Design, ForeignKey, Point, ReferentialAction, Table, TableId};

use super::{layered_crossings, layered_layout, layout_edges};
use crate::geometry::table_size;
use crate::viewport::{Rect, table_rect_at};

/// Tables given as (column count, name length), keys as (child, parent) table indexes.
fn design(tables: &[(usize, usize)], keys: &[(usize, usize)]) -> Design {
    let mut design = Design::default();
    for (index, &(columns, name_length)) in tables.iter().enumerate() {
        let id = design.ids.table();
        let name = format!("t{index}_{}", "x".repeat(name_length));
        let mut table = Table::new(id, None, name);
        for column in 0..columns {
            let column_id = design.ids.column();
            table
                .columns
                .push(Column::new(column_id, format!("c{column}"), "integer"));
        }
        design.tables.push(table);
    }
    for &(child, parent) in keys {
        if tables.is_empty() {
            break;
        }
        let id = design.ids.foreign_key();
        let from_table = design.tables[child % tables.len()].id;
        let to_table = design.tables[parent % tables.len()].id;
        design.foreign_keys.push(ForeignKey {
            id,
            name: None,
            from_table,
            from_columns: Vec::new(),
            to_table,
            to_columns: Vec::new(),
            on_delete: ReferentialAction::NoAction,
            on_update: ReferentialAction::NoAction,
            deferral: Default::default(),
        });
    }
    design
}

fn rects(design: &Design, positions: &BTreeMap<TableId, Point>) -> Vec<(TableId, Rect)> {
    positions
        .iter()
        .map(|(id, at)| (*id, table_rect_at(design.table(*id).unwrap(), *at)))
        .collect()
}

/// At least `gap` apart horizontally or vertically.
fn apart(a: &Rect, b: &Rect, gap: f64) -> bool {
    a.right() + gap <= b.x
        || b.right() + gap <= a.x
        || a.bottom() + gap <= b.y
        || b.bottom() + gap <= a.y
}

fn assert_no_overlap(
    design: &Design,
    positions: &BTreeMap<TableId, Point>,
) -> Result<(), TestCaseError> {
    let boxes = rects(design, positions);
    for (index, (a_id, a)) in boxes.iter().enumerate() {
        for (b_id, b) in boxes.iter().skip(index + 1) {
            prop_assert!(
                apart(a, b, 30.0),
                "{a_id:?} {a:?} and {b_id:?} {b:?} too close"
            );
        }
    }
    Ok(())
}

fn tables_strategy() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0usize..14, 1usize..30), 0..36)
}

fn keys_strategy() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0usize..36, 0usize..36), 0..70)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn boxes_never_overlap(tables in tables_strategy(), keys in keys_strategy()) {
        let design = design(&tables, &keys);
        let positions = layered_layout(&design, None);
        prop_assert_eq!(positions.len(), design.tables.len());
        assert_no_overlap(&design, &positions)?;
        prop_assert!(positions.values().all(|p| p.x >= 0.0 && p.y >= 0.0));
    }

    #[test]
    fn every_referenced_table_is_left_of_its_referrers_when_there_is_no_cycle(
        tables in tables_strategy(), keys in keys_strategy(),
    ) {
        let count = tables.len().max(1);
        let acyclic: Vec<_> = keys
            .iter()
            .map(|&(a, b)| ((a % count).max(b % count), (a % count).min(b % count)))
            .collect();
        let design = design(&tables, &acyclic);
        let positions = layered_layout(&design, None);
        let boxes: BTreeMap<_, _> = rects(&design, &positions).into_iter().collect();
        for (child, parent) in layout_edges(&design, None) {
            prop_assert!(boxes[&parent].right() + 80.0 <= boxes[&child].x);
        }
    }

    #[test]
    fn the_order_of_the_design_lists_does_not_matter(
        tables in tables_strategy(), keys in keys_strategy(),
    ) {
        let design = design(&tables, &keys);
        let mut shuffled = design.clone();
        shuffled.tables.reverse();
        shuffled.foreign_keys.reverse();
        prop_assert_eq!(layered_layout(&design, None), layered_layout(&shuffled, None));
    }

    #[test]
    fn a_subset_is_laid_out_alone_right_of_the_other_tables(
        tables in tables_strategy(), keys in keys_strategy(),
        chosen in prop::collection::vec(any::<bool>(), 36),
        corners in prop::collection::vec((-2000.0f64..2000.0, -2000.0f64..2000.0), 36),
    ) {
        let mut design = design(&tables, &keys);
        for (table, &(x, y)) in design.tables.iter().zip(&corners) {
            design.layout.positions.insert(table.id, Point::new(x, y));
        }
        let only: BTreeSet<TableId> = design
            .tables
            .iter()
            .zip(&chosen)
            .filter(|(_, chosen)| **chosen)
            .map(|(table, _)| table.id)
            .chain([TableId(99_999)])
            .collect();
        let positions = layered_layout(&design, Some(&only));
        let laid_out: BTreeSet<TableId> = positions.keys().copied().collect();
        let expected: BTreeSet<TableId> = design.tables.iter().map(|t| t.id).filter(|id| only.contains(id)).collect();
        prop_assert_eq!(&laid_out, &expected);
        assert_no_overlap(&design, &positions)?;
        let fixed = design
            .tables
            .iter()
            .filter(|table| !only.contains(&table.id))
            .map(|table| table_rect_at(table, design.position(table.id)))
            .reduce(Rect::union);
        let start = fixed.map_or(Point::default(), |fixed| Point::new(fixed.right(), fixed.y));
        for (_, placed) in rects(&design, &positions) {
            prop_assert!(placed.x >= start.x + 80.0 || fixed.is_none() && placed.x >= 0.0);
            prop_assert!(placed.y >= start.y);
        }
    }
}

#[test]
fn a_chain_runs_left_to_right() {
    let keys: Vec<_> = (1..6).map(|child| (child, child - 1)).collect();
    let design = design(&[(3, 5); 6], &keys);
    let positions = layered_layout(&design, None);
    let xs: Vec<f64> = design.tables.iter().map(|t| positions[&t.id].x).collect();
    for pair in xs.windows(2) {
        assert!(pair[0] + 160.0 + 80.0 <= pair[1], "{xs:?}");
    }
    assert_eq!(layered_crossings(&design, None), 0);
}

#[test]
fn self_references_and_repeated_keys_make_one_edge() {
    let design = design(&[(2, 3), (2, 3)], &[(0, 0), (1, 0), (1, 0), (0, 1)]);
    let (first, second) = (design.tables[0].id, design.tables[1].id);
    assert_eq!(
        layout_edges(&design, None),
        vec![(first, second), (second, first)]
    );
    assert_eq!(layered_layout(&design, None).len(), 2);
}

#[test]
fn an_empty_design_and_an_empty_subset_lay_out_nothing() {
    let design = design(&[(1, 1)], &[]);
    assert!(layered_layout(&Design::default(), None).is_empty());
    assert!(layered_layout(&design, Some(&BTreeSet::new())).is_empty());
    assert_eq!(
        layered_layout(&design, None),
        BTreeMap::from([(design.tables[0].id, Point::new(0.0, 0.0))])
    );
}

#[test]
fn many_small_components_are_packed_into_a_wide_block_not_a_line() {
    let tables = vec![(4, 6); 200];
    let keys: Vec<_> = (0..200)
        .filter(|i| i % 4 != 0)
        .map(|i| (i, i - 1))
        .collect();
    let design = design(&tables, &keys);
    let positions = layered_layout(&design, None);
    let bounds = rects(&design, &positions)
        .into_iter()
        .map(|(_, rect)| rect)
        .reduce(Rect::union)
        .unwrap();
    let ratio = bounds.width / bounds.height;
    assert!(
        ratio > 1.0 && ratio < 2.6,
        "{} x {}",
        bounds.width,
        bounds.height
    );
}

#[test]
fn a_few_hundred_tables_with_cycles_lay_out_without_overlap() {
    let mut state = 11u64;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % bound
    };
    let tables: Vec<_> = (0..300).map(|_| (1 + next(15), 3 + next(20))).collect();
    let keys: Vec<_> = (0..380).map(|_| (next(300), next(300))).collect();
    let design = design(&tables, &keys);
    let positions = layered_layout(&design, None);
    assert_eq!(positions.len(), 300);
    assert_no_overlap(&design, &positions).unwrap();
    assert!(table_size(&design.tables[0]).width >= 160.0);
}

#[test]
fn unplaced_tables_are_laid_out_and_placed_ones_stay() {
    let mut fresh = design(&[(3, 4), (2, 6), (5, 2)], &[(1, 0), (2, 0)]);
    super::lay_out_unplaced(&mut fresh);
    assert_eq!(
        fresh.layout.positions,
        layered_layout(&fresh, None),
        "a design placed nowhere gets the whole layered layout"
    );

    let mut partly = design(&[(3, 4), (2, 6), (5, 2)], &[(1, 0), (2, 0)]);
    let kept = partly.tables[0].id;
    partly
        .layout
        .positions
        .insert(kept, Point::new(-500.0, 40.0));
    super::lay_out_unplaced(&mut partly);
    assert_eq!(partly.layout.positions[&kept], Point::new(-500.0, 40.0));
    assert_eq!(partly.layout.positions.len(), 3, "every table has a place");
    let unplaced: BTreeSet<TableId> = partly.tables[1..].iter().map(|table| table.id).collect();
    for (table, at) in layered_layout(&partly, Some(&unplaced)) {
        assert_eq!(partly.layout.positions[&table], at);
    }
}

#[test]
fn beyond_the_limit_unplaced_tables_go_on_the_grid() {
    let many = vec![(2, 3); super::LAYERED_PLACEMENT_LIMIT + 1];
    let mut big = design(&many, &[(1, 0), (2, 0)]);
    super::lay_out_unplaced(&mut big);
    assert_eq!(big.layout.positions, crate::grid::grid_layout(&big));
}
