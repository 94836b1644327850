//! The groups of rows that agree on a set of columns, found from one column's partition and the
//! compressed records (HyFD's validation without building the set's partition).

use std::cmp::Ordering;
use std::ops::ControlFlow;

use super::column_set::ColumnSet;
use super::relation::{Relation, UNIQUE};

/// Reusable memory for [`for_each_group`].
#[derive(Debug, Default)]
pub struct GroupScratch {
    rows: Vec<u32>,
    others: Vec<usize>,
    all_rows: Vec<u32>,
}

/// Calls `visit` with every group of two or more rows equal on all of `columns` (in no particular
/// order) until it breaks. Returns roughly the cells read. With no columns, all rows are one group.
pub fn for_each_group(
    relation: &Relation,
    columns: &ColumnSet,
    scratch: &mut GroupScratch,
    mut visit: impl FnMut(&[u32]) -> ControlFlow<()>,
) -> usize {
    let pivot = columns.iter().min_by_key(|column| {
        relation
            .partitions
            .get(*column)
            .map_or(usize::MAX, |partition| partition.size())
    });
    let Some(pivot) = pivot else {
        if relation.row_count >= 2 {
            scratch.all_rows.clear();
            scratch.all_rows.extend(0..relation.row_count as u32);
            let _ = visit(&scratch.all_rows);
        }
        return relation.row_count;
    };
    let Some(partition) = relation.partitions.get(pivot) else {
        return 0;
    };
    scratch.others.clear();
    scratch
        .others
        .extend(columns.iter().filter(|column| *column != pivot));
    let others = &scratch.others;
    let mut cost = partition.size();
    for group in partition.groups() {
        if others.is_empty() {
            if visit(group).is_break() {
                break;
            }
            continue;
        }
        let rows = &mut scratch.rows;
        rows.clear();
        rows.extend(group.iter().copied().filter(|row| {
            others
                .iter()
                .all(|column| relation.cell(*row, *column) != UNIQUE)
        }));
        if rows.len() < 2 {
            continue;
        }
        cost += rows.len() * others.len();
        if let [only] = others.as_slice() {
            rows.sort_unstable_by_key(|row| relation.cell(*row, *only));
        } else {
            rows.sort_unstable_by(|a, b| compare_on(relation, others, *a, *b));
        }
        let mut start = 0;
        let mut flow = ControlFlow::Continue(());
        while start < rows.len() && flow.is_continue() {
            let Some(first) = rows.get(start).copied() else {
                break;
            };
            let end = rows
                .iter()
                .skip(start + 1)
                .position(|row| compare_on(relation, others, first, *row) != Ordering::Equal)
                .map_or(rows.len(), |offset| start + 1 + offset);
            if end - start >= 2
                && let Some(run) = rows.get(start..end)
            {
                flow = visit(run);
            }
            start = end;
        }
        if flow.is_break() {
            break;
        }
    }
    cost
}

fn compare_on(relation: &Relation, columns: &[usize], first: u32, second: u32) -> Ordering {
    for column in columns {
        let ordering = relation
            .cell(first, *column)
            .cmp(&relation.cell(second, *column));
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
    Ordering::Equal
}
