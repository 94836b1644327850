//! Minimal approximate functional dependencies under the g3 error, level by level over left-hand
//! sides in the manner of TANE (Huhtala, Kärkkäinen, Porkka & Toivonen, 1999): each set `X` keeps
//! its partition (the product of two parents' partitions) and the right-hand sides no subset of
//! `X` already determines; `X -> A` is reported when its g3 error is within the threshold. With a
//! threshold of 0 it finds the exact FDs (used to cross-check HyFD).

use rustc_hash::FxHashMap;

use super::column_set::ColumnSet;
use super::relation::{Partition, Relation, UNIQUE};

/// g3 of `violations` rows out of `rows` is within `error` (the one comparison used everywhere).
pub fn within_error(violations: usize, rows: usize, error: f64) -> bool {
    g3(violations, rows) <= error
}

/// The g3 error: the share of rows to remove for the dependency to hold.
pub fn g3(violations: usize, rows: usize) -> f64 {
    if rows == 0 {
        0.0
    } else {
        violations as f64 / rows as f64
    }
}

#[derive(Debug)]
struct Node {
    lhs: ColumnSet,
    partition: Partition,
    /// Right-hand sides still open: no subset of `lhs` (itself included) determines them.
    open: ColumnSet,
    /// Right-hand sides `lhs` determines exactly.
    exact: ColumnSet,
}

/// A left-hand side of the next level, before its partition is computed.
#[derive(Debug, Clone, Copy)]
struct Planned {
    lhs: ColumnSet,
    parents: (usize, usize),
    candidates: ColumnSet,
}

#[derive(Debug)]
pub struct ApproximateSearch {
    error: f64,
    max_lhs: usize,
    level: usize,
    current: Vec<Node>,
    index: FxHashMap<ColumnSet, usize>,
    planned: Vec<Planned>,
    next_join: usize,
    next_planned: usize,
    next: Vec<Node>,
    found: Vec<(ColumnSet, usize, f64)>,
    product: ProductScratch,
    counts: Vec<u32>,
    done: bool,
}

impl ApproximateSearch {
    pub fn new(relation: &Relation, error: f64, max_lhs: usize) -> Self {
        let mut search = Self {
            error,
            max_lhs: max_lhs.min(relation.column_count.saturating_sub(1)),
            level: 0,
            current: Vec::new(),
            index: FxHashMap::default(),
            planned: Vec::new(),
            next_join: 0,
            next_planned: 0,
            next: Vec::new(),
            found: Vec::new(),
            product: ProductScratch::default(),
            counts: Vec::new(),
            done: false,
        };
        let all_rows: Vec<u32> = (0..relation.row_count as u32).collect();
        let root = Partition::from_groups([all_rows.as_slice()]);
        let root = search.evaluate(relation, ColumnSet::EMPTY, root, relation.all_columns());
        search.current = vec![root];
        search.start_level_one(relation);
        search
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The level being built (left-hand side size) and the share of it done.
    pub fn position(&self) -> (usize, f64) {
        let share = if self.planned.is_empty() {
            0.0
        } else {
            self.next_planned as f64 / self.planned.len() as f64
        };
        (self.level, share)
    }

    /// The levels the search may build: every left-hand side size allowed.
    pub fn expected_levels(&self) -> usize {
        self.max_lhs + 1
    }

    /// Level 1: one set per column, its partition the column's own.
    fn start_level_one(&mut self, relation: &Relation) {
        let (open, exact) = self
            .current
            .first()
            .map_or((ColumnSet::EMPTY, ColumnSet::EMPTY), |root| {
                (root.open, root.exact)
            });
        self.level = 1;
        if self.max_lhs == 0 {
            self.done = true;
            return;
        }
        for column in 0..relation.column_count {
            if exact.contains(column) {
                continue; // a constant column adds nothing to any left-hand side
            }
            let candidates = open.without(column);
            if candidates.is_empty() {
                continue;
            }
            let partition = relation.partitions.get(column).cloned().unwrap_or_default();
            let node = self.evaluate(relation, ColumnSet::single(column), partition, candidates);
            self.next.push(node);
        }
        self.advance_level();
    }

    /// Does a bounded piece of work; returns roughly the cells read.
    pub fn step(&mut self, relation: &Relation) -> usize {
        if self.done {
            return 0;
        }
        if self.next_join < self.current.len() {
            return self.plan_joins_of(self.next_join);
        }
        let Some(planned) = self.planned.get(self.next_planned).copied() else {
            self.advance_level();
            return 1;
        };
        self.next_planned += 1;
        let (Some(left), Some(right)) = (
            self.current.get(planned.parents.0),
            self.current.get(planned.parents.1),
        ) else {
            return 1;
        };
        let cost = left.partition.size() + right.partition.size();
        let partition = self
            .product
            .product(&left.partition, &right.partition, relation.row_count);
        let node = self.evaluate(relation, planned.lhs, partition, planned.candidates);
        self.next.push(node);
        cost.max(1)
    }

    /// Makes the next level current and plans the one after, or finishes.
    fn advance_level(&mut self) {
        self.current = std::mem::take(&mut self.next)
            .into_iter()
            .filter(|node| !node.open.is_empty())
            .collect();
        self.current.sort_by_cached_key(|node| node.lhs.to_vec());
        self.index = self
            .current
            .iter()
            .enumerate()
            .map(|(position, node)| (node.lhs, position))
            .collect();
        self.planned.clear();
        self.next_planned = 0;
        self.next_join = 0;
        if self.level >= self.max_lhs || self.current.len() < 2 {
            self.done = true;
            self.current.clear();
        }
        self.level += 1;
    }

    /// Plans the unions of one set with the later sets sharing all but its last column.
    fn plan_joins_of(&mut self, position: usize) -> usize {
        self.next_join = position + 1;
        let Some(first) = self.current.get(position) else {
            return 1;
        };
        let prefix = last_removed(&first.lhs);
        let mut cost = 1;
        for (offset, second) in self.current.iter().enumerate().skip(position + 1) {
            if last_removed(&second.lhs) != prefix {
                break;
            }
            cost += 1;
            let lhs = first.lhs.union(&second.lhs);
            if let Some(candidates) = self.candidates_of(&lhs) {
                self.planned.push(Planned {
                    lhs,
                    parents: (position, offset),
                    candidates,
                });
            }
        }
        cost
    }

    /// The open right-hand sides of `lhs` from its subsets one smaller, or `None` when some subset
    /// was dropped, determines one of its own columns exactly, or nothing stays open.
    fn candidates_of(&self, lhs: &ColumnSet) -> Option<ColumnSet> {
        let mut candidates = ColumnSet::first(MAX_ALL).difference(lhs);
        for removed in lhs.iter() {
            let subset = self.current.get(*self.index.get(&lhs.without(removed))?)?;
            if subset.exact.contains(removed) {
                return None;
            }
            candidates = candidates.intersection(&subset.open);
        }
        (!candidates.is_empty()).then_some(candidates)
    }

    /// Tests `lhs -> A` for every candidate `A`, recording the dependencies within the error.
    fn evaluate(
        &mut self,
        relation: &Relation,
        lhs: ColumnSet,
        partition: Partition,
        candidates: ColumnSet,
    ) -> Node {
        let mut open = candidates;
        let mut exact = ColumnSet::EMPTY;
        for rhs in candidates.iter() {
            let violations = self.violations(relation, &partition, rhs);
            if within_error(violations, relation.row_count, self.error) {
                open.remove(rhs);
                self.found
                    .push((lhs, rhs, g3(violations, relation.row_count)));
            }
            if violations == 0 {
                exact.insert(rhs);
            }
        }
        Node {
            lhs,
            partition,
            open,
            exact,
        }
    }

    /// Rows to remove so that each group of `partition` has one value of `rhs`.
    fn violations(&mut self, relation: &Relation, partition: &Partition, rhs: usize) -> usize {
        let groups_of_rhs = relation
            .partitions
            .get(rhs)
            .map_or(0, Partition::group_count);
        self.counts.clear();
        self.counts.resize(groups_of_rhs, 0);
        let mut violations = 0;
        for group in partition.groups() {
            let mut most = 1;
            for row in group {
                let value = relation.cell(*row, rhs);
                if value != UNIQUE
                    && let Some(count) = self.counts.get_mut(value as usize)
                {
                    *count += 1;
                    most = most.max(*count);
                }
            }
            for row in group {
                if let Some(count) = self.counts.get_mut(relation.cell(*row, rhs) as usize) {
                    *count = 0;
                }
            }
            violations += group.len() - most as usize;
        }
        violations
    }

    /// The minimal dependencies within the error: (left-hand side, right-hand side, g3 error).
    pub fn dependencies(&self) -> &[(ColumnSet, usize, f64)] {
        &self.found
    }
}

const MAX_ALL: usize = super::column_set::MAX_COLUMNS;

/// The set without its largest column (the prefix that joins sets of one level).
fn last_removed(set: &ColumnSet) -> ColumnSet {
    set.iter().last().map_or(*set, |last| set.without(last))
}

/// Memory reused by partition products.
#[derive(Debug, Default)]
struct ProductScratch {
    group_of_row: Vec<u32>,
    buckets: Vec<Vec<u32>>,
}

impl ProductScratch {
    /// The partition of the union of two column sets from theirs (TANE's product).
    fn product(&mut self, left: &Partition, right: &Partition, row_count: usize) -> Partition {
        const NONE: u32 = u32::MAX;
        self.group_of_row.resize(row_count, NONE);
        self.buckets.resize_with(left.group_count(), Vec::new);
        for (group_number, group) in left.groups().enumerate() {
            for row in group {
                if let Some(slot) = self.group_of_row.get_mut(*row as usize) {
                    *slot = group_number as u32;
                }
            }
        }
        let mut result = Partition::default();
        let group_of_row = &self.group_of_row;
        let owner = |row: u32| group_of_row.get(row as usize).map_or(NONE, |group| *group) as usize;
        for group in right.groups() {
            for row in group {
                if let Some(bucket) = self.buckets.get_mut(owner(*row)) {
                    bucket.push(*row);
                }
            }
            for row in group {
                if let Some(bucket) = self.buckets.get_mut(owner(*row)) {
                    result.push_group(bucket);
                    bucket.clear();
                }
            }
        }
        for group in left.groups() {
            for row in group {
                if let Some(slot) = self.group_of_row.get_mut(*row as usize) {
                    *slot = NONE;
                }
            }
        }
        result
    }
}
