//! HyFD's sampling phase: compares rows that share a value in some column and are close once that
//! column's groups are sorted by the next columns, and keeps each new agree set (the columns on
//! which two rows agree). An agree set `X` proves `X -> A` false for every column `A` outside `X`
//! (a non-FD), and proves `X` not unique. Each column's window grows while it keeps paying off.

use rustc_hash::FxHashSet;

use super::column_set::ColumnSet;
use super::relation::{Partition, Relation};

/// Sampling stops when the best column finds fewer new agree sets per comparison than this; the
/// threshold halves each time validation sends the search back to sampling.
const FIRST_EFFICIENCY_THRESHOLD: f64 = 0.01;

/// Every agree set seen, and those not yet turned into specialisations of the FD tree.
#[derive(Debug)]
pub struct AgreeSets {
    seen: FxHashSet<ColumnSet>,
    fresh: Vec<ColumnSet>,
}

impl Default for AgreeSets {
    fn default() -> Self {
        Self {
            seen: FxHashSet::with_capacity_and_hasher(1024, Default::default()),
            fresh: Vec::new(),
        }
    }
}

impl AgreeSets {
    /// Records the agree set of two rows; true when it is new.
    pub fn record(&mut self, relation: &Relation, first: u32, second: u32) -> bool {
        let agree = relation.agree_set(first, second);
        if self.seen.insert(agree) {
            self.fresh.push(agree);
            true
        } else {
            false
        }
    }

    /// The agree sets found since the last call, largest first.
    pub fn take_fresh(&mut self) -> Vec<ColumnSet> {
        let mut fresh = std::mem::take(&mut self.fresh);
        fresh.sort_unstable_by_key(|agree| std::cmp::Reverse(agree.len()));
        fresh
    }

    /// Every agree set seen, largest first.
    pub fn all(&self) -> Vec<ColumnSet> {
        let mut all: Vec<ColumnSet> = self.seen.iter().copied().collect();
        all.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        all
    }
}

/// The windows of every column and how well they paid off last time.
#[derive(Debug)]
pub struct Sampler {
    /// Per column, its groups with rows sorted by the values of the following columns.
    neighbourhoods: Vec<Partition>,
    /// Per column, the distance of the next comparisons within a group.
    distances: Vec<usize>,
    /// Per column, new agree sets per comparison at its last distance.
    efficiencies: Vec<f64>,
    threshold: f64,
    next_first_round: usize,
}

/// What one sampling step did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleStep {
    /// Roughly the cells read.
    pub cost: usize,
    /// True when sampling has stopped paying off.
    pub finished: bool,
}

impl Sampler {
    pub fn new(relation: &Relation) -> Self {
        let column_count = relation.column_count;
        let mut scratch = SortScratch::default();
        let neighbourhoods = relation
            .partitions
            .iter()
            .enumerate()
            .map(|(column, partition)| {
                sorted_by_following_columns(relation, partition, column, &mut scratch)
            })
            .collect();
        Self {
            neighbourhoods,
            distances: vec![1; column_count],
            efficiencies: vec![0.0; column_count],
            threshold: FIRST_EFFICIENCY_THRESHOLD,
            next_first_round: 0,
        }
    }

    /// A sampler that never samples, only compares the pairs validation suggests (tests of the
    /// validation alone).
    #[cfg(test)]
    pub fn idle(column_count: usize) -> Self {
        Self {
            neighbourhoods: Vec::new(),
            distances: vec![1; column_count],
            efficiencies: vec![0.0; column_count],
            threshold: f64::INFINITY,
            next_first_round: column_count,
        }
    }

    /// Compares row pairs that validation found to break a candidate; lowers the threshold so the
    /// next sampling round digs deeper.
    pub fn compare_suggestions(
        &mut self,
        relation: &Relation,
        pairs: &[(u32, u32)],
        agree_sets: &mut AgreeSets,
    ) -> usize {
        for (first, second) in pairs {
            agree_sets.record(relation, *first, *second);
        }
        self.threshold /= 2.0;
        pairs.len() * relation.column_count
    }

    /// Runs one window: first every column at distance 1, then the column that paid off best.
    pub fn step(&mut self, relation: &Relation, agree_sets: &mut AgreeSets) -> SampleStep {
        let column = if self.next_first_round < self.distances.len() {
            self.next_first_round += 1;
            self.next_first_round - 1
        } else {
            let best = self
                .efficiencies
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .filter(|(_, efficiency)| **efficiency >= self.threshold);
            match best {
                Some((column, _)) => column,
                None => {
                    return SampleStep {
                        cost: 0,
                        finished: true,
                    };
                }
            }
        };
        let cost = self.run_window(relation, column, agree_sets);
        SampleStep {
            cost,
            finished: false,
        }
    }

    fn run_window(
        &mut self,
        relation: &Relation,
        column: usize,
        agree_sets: &mut AgreeSets,
    ) -> usize {
        let distance = self.distances.get(column).copied().unwrap_or(1);
        let mut comparisons = 0usize;
        let mut found = 0usize;
        if let Some(neighbourhood) = self.neighbourhoods.get(column) {
            for group in neighbourhood.groups() {
                for (first, second) in group.iter().zip(group.iter().skip(distance)) {
                    comparisons += 1;
                    if agree_sets.record(relation, *first, *second) {
                        found += 1;
                    }
                }
            }
        }
        if let Some(next) = self.distances.get_mut(column) {
            *next += 1;
        }
        if let Some(efficiency) = self.efficiencies.get_mut(column) {
            *efficiency = if comparisons == 0 {
                0.0
            } else {
                found as f64 / comparisons as f64
            };
        }
        comparisons.max(1) * relation.column_count
    }
}

/// The column's groups with rows sorted by their values in the next two columns (rows alone with
/// their value last), so that rows alike beyond this column become neighbours. Counting sorts:
/// linear in the rows.
fn sorted_by_following_columns(
    relation: &Relation,
    partition: &Partition,
    column: usize,
    scratch: &mut SortScratch,
) -> Partition {
    let column_count = relation.column_count.max(1);
    scratch.order.clear();
    scratch.order.extend(0..relation.row_count as u32);
    scratch.sort_by(relation, (column + 2) % column_count);
    scratch.sort_by(relation, (column + 1) % column_count);
    // Deal the rows, in that order, into their groups of `column`.
    let mut next_slot: Vec<u32> = Vec::with_capacity(partition.group_count());
    let mut offset = 0;
    for group in partition.groups() {
        next_slot.push(offset);
        offset += group.len() as u32;
    }
    let mut rows = vec![0u32; partition.size()];
    for row in &scratch.order {
        if let Some(slot) = next_slot.get_mut(relation.cell(*row, column) as usize) {
            if let Some(place) = rows.get_mut(*slot as usize) {
                *place = *row;
            }
            *slot += 1;
        }
    }
    partition.with_rows(rows)
}

/// Memory reused by the counting sorts.
#[derive(Debug, Default)]
struct SortScratch {
    order: Vec<u32>,
    sorted: Vec<u32>,
    starts: Vec<usize>,
}

impl SortScratch {
    /// Sorts `order` stably by the rows' groups in `column`, rows alone with their value last.
    fn sort_by(&mut self, relation: &Relation, column: usize) {
        let groups = relation
            .partitions
            .get(column)
            .map_or(0, Partition::group_count);
        let key = |row: u32| (relation.cell(row, column) as usize).min(groups);
        self.starts.clear();
        self.starts.resize(groups + 2, 0);
        for row in &self.order {
            if let Some(count) = self.starts.get_mut(key(*row) + 1) {
                *count += 1;
            }
        }
        for index in 1..self.starts.len() {
            let previous = self.starts.get(index - 1).copied().unwrap_or_default();
            if let Some(start) = self.starts.get_mut(index) {
                *start += previous;
            }
        }
        self.sorted.clear();
        self.sorted.resize(self.order.len(), 0);
        for row in &self.order {
            if let Some(start) = self.starts.get_mut(key(*row)) {
                if let Some(slot) = self.sorted.get_mut(*start) {
                    *slot = *row;
                }
                *start += 1;
            }
        }
        std::mem::swap(&mut self.order, &mut self.sorted);
    }
}
