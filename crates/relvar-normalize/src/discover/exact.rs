//! Exact minimal functional dependencies by HyFD (Papenbrock & Naumann, SIGMOD 2016): sampling
//! finds agree sets, induction turns them into the most general candidates they allow (the FD
//! tree), and validation checks the candidates level by level on the whole sample, specialising
//! the false ones. When validation keeps finding false candidates it hands the row pairs that broke
//! them back to sampling. Written as a state machine so that callers can run it in slices.

use std::ops::ControlFlow;

use super::column_set::ColumnSet;
use super::fd_tree::{FdTree, NodeId};
use super::groups::{GroupScratch, for_each_group};
use super::relation::{Relation, UNIQUE};
use super::sampling::{AgreeSets, Sampler};

/// Go back to sampling when more than this share of a level's candidates were false.
const SAMPLING_RETURN_SHARE: f64 = 0.01;

/// At most this many row pairs wait to be compared by sampling.
const MAX_SUGGESTIONS: usize = 1 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Sampling,
    Inducing,
    Validating,
    Done,
}

/// The search for exact minimal FDs with left-hand sides of at most `max_lhs` columns.
#[derive(Debug)]
pub struct ExactSearch {
    tree: FdTree,
    sampler: Sampler,
    agree_sets: AgreeSets,
    max_lhs: usize,
    phase: Phase,
    pending: Vec<ColumnSet>,
    next_pending: usize,
    level: usize,
    level_nodes: Vec<(NodeId, ColumnSet)>,
    next_node: usize,
    level_checked: usize,
    level_false: usize,
    suggestions: Vec<(u32, u32)>,
    scratch: GroupScratch,
}

impl ExactSearch {
    pub fn new(relation: &Relation, max_lhs: usize) -> Self {
        let column_count = relation.column_count;
        Self {
            tree: FdTree::new(column_count, relation.all_columns()),
            sampler: Sampler::new(relation),
            agree_sets: AgreeSets::default(),
            max_lhs: max_lhs.min(column_count.saturating_sub(1)),
            phase: Phase::Sampling,
            pending: Vec::new(),
            next_pending: 0,
            level: 0,
            level_nodes: Vec::new(),
            next_node: 0,
            level_checked: 0,
            level_false: 0,
            suggestions: Vec::new(),
            scratch: GroupScratch::default(),
        }
    }

    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// The level being validated (left-hand side size) and the share of its candidates done.
    pub fn position(&self) -> (usize, f64) {
        let share = if self.level_nodes.is_empty() {
            0.0
        } else {
            self.next_node as f64 / self.level_nodes.len() as f64
        };
        (self.level, share)
    }

    /// The levels the search expects to validate: up to the largest candidate so far.
    pub fn expected_levels(&self) -> usize {
        self.tree.deepest().min(self.max_lhs) + 1
    }

    /// Does a bounded piece of work; returns roughly the cells read.
    pub fn step(&mut self, relation: &Relation) -> usize {
        match self.phase {
            Phase::Sampling => {
                if !self.suggestions.is_empty() {
                    let pairs = std::mem::take(&mut self.suggestions);
                    return self
                        .sampler
                        .compare_suggestions(relation, &pairs, &mut self.agree_sets)
                        .max(1);
                }
                let step = self.sampler.step(relation, &mut self.agree_sets);
                if step.finished {
                    self.pending = self.agree_sets.take_fresh();
                    self.next_pending = 0;
                    self.phase = Phase::Inducing;
                }
                step.cost.max(1)
            }
            Phase::Inducing => self.induce_some(relation.column_count),
            Phase::Validating => self.validate_next(relation),
            Phase::Done => 0,
        }
    }

    /// Specialises the tree with a few pending agree sets.
    fn induce_some(&mut self, column_count: usize) -> usize {
        const BATCH: usize = 64;
        let all = ColumnSet::first(column_count);
        let end = (self.next_pending + BATCH).min(self.pending.len());
        let mut cost = 1;
        for index in self.next_pending..end {
            let Some(agree) = self.pending.get(index).copied() else {
                continue;
            };
            let outside = all.difference(&agree);
            for rhs in outside.iter() {
                cost += column_count;
                for lhs in self.tree.remove_generalizations(&agree, rhs) {
                    self.specialize(&lhs, rhs, &outside);
                }
            }
        }
        self.next_pending = end;
        if self.next_pending >= self.pending.len() {
            self.pending.clear();
            self.phase = Phase::Validating;
            self.level_nodes.clear();
            self.next_node = 0;
        }
        cost
    }

    /// Adds `lhs + B -> rhs` for each allowed `B` that is not implied by a generalisation.
    fn specialize(&mut self, lhs: &ColumnSet, rhs: usize, allowed: &ColumnSet) {
        if lhs.len() >= self.max_lhs {
            return;
        }
        for extra in allowed.iter() {
            if extra == rhs || lhs.contains(extra) {
                continue;
            }
            let wider = lhs.with(extra);
            if !self.tree.contains_generalization(&wider, rhs) {
                self.tree.add(&wider, rhs);
            }
        }
    }

    fn validate_next(&mut self, relation: &Relation) -> usize {
        if self.level_nodes.is_empty() && self.next_node == 0 {
            if self.level > self.max_lhs {
                self.phase = Phase::Done;
                return 1;
            }
            self.level_nodes = self.tree.level(self.level);
            self.level_checked = 0;
            self.level_false = 0;
            if self.level_nodes.is_empty() {
                self.finish_level();
                return 1;
            }
        }
        let Some((node, lhs)) = self.level_nodes.get(self.next_node).copied() else {
            self.finish_level();
            return 1;
        };
        self.next_node += 1;
        let candidates = self.tree.fds(node);
        let (false_rhs, cost) = self.check(relation, &lhs, candidates);
        self.level_checked += candidates.len();
        self.level_false += false_rhs.len();
        let allowed = relation.all_columns();
        for rhs in false_rhs.iter() {
            self.tree.remove_fd(node, rhs);
            self.specialize(&lhs, rhs, &allowed);
        }
        if self.next_node >= self.level_nodes.len() {
            self.finish_level();
        }
        cost
    }

    /// Ends a level: on to the next, through sampling again when the level was mostly false.
    fn finish_level(&mut self) {
        let mostly_false =
            self.level_false as f64 > SAMPLING_RETURN_SHARE * self.level_checked as f64;
        self.level += 1;
        self.level_nodes.clear();
        self.next_node = 0;
        if self.level > self.max_lhs || !self.tree_has_deeper_nodes() {
            self.phase = Phase::Done;
        } else if mostly_false && !self.suggestions.is_empty() {
            self.phase = Phase::Sampling;
        }
    }

    fn tree_has_deeper_nodes(&self) -> bool {
        (self.level..=self.max_lhs).any(|depth| self.tree.has_level(depth))
    }

    /// The right-hand sides among `candidates` that `lhs` does not determine.
    fn check(
        &mut self,
        relation: &Relation,
        lhs: &ColumnSet,
        candidates: ColumnSet,
    ) -> (ColumnSet, usize) {
        let mut remaining = candidates;
        if lhs.is_empty() {
            for rhs in candidates.iter() {
                if !relation.is_constant(rhs) {
                    remaining.remove(rhs);
                }
            }
            return (candidates.difference(&remaining), relation.column_count);
        }
        let suggestions = &mut self.suggestions;
        let cost = for_each_group(relation, lhs, &mut self.scratch, |group| {
            let Some((first, rest)) = group.split_first() else {
                return ControlFlow::Continue(());
            };
            for rhs in remaining.iter() {
                let value = relation.cell(*first, rhs);
                let breaking = if value == UNIQUE {
                    rest.first()
                } else {
                    rest.iter().find(|row| relation.cell(**row, rhs) != value)
                };
                if let Some(other) = breaking {
                    remaining.remove(rhs);
                    if suggestions.len() < MAX_SUGGESTIONS {
                        suggestions.push((*first, *other));
                    }
                }
            }
            if remaining.is_empty() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        (candidates.difference(&remaining), cost)
    }

    /// The minimal FDs found, as (left-hand side, right-hand sides); complete once done.
    pub fn dependencies(&self) -> Vec<(ColumnSet, ColumnSet)> {
        self.tree.all()
    }

    pub fn agree_sets(&self) -> &AgreeSets {
        &self.agree_sets
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::discover::approximate::ApproximateSearch;
    use crate::discover::relation::{NullEquality, NullRule};
    use crate::discover::table::SampleTable;

    fn run_exact(mut search: ExactSearch, relation: &Relation) -> Vec<(Vec<usize>, usize)> {
        while !search.is_done() {
            search.step(relation);
        }
        let mut found: Vec<_> = search
            .dependencies()
            .into_iter()
            .flat_map(|(lhs, rhs)| rhs.iter().map(move |rhs| (lhs.to_vec(), rhs)))
            .collect();
        found.sort();
        found
    }

    fn run_level_wise(relation: &Relation) -> Vec<(Vec<usize>, usize)> {
        let mut search = ApproximateSearch::new(relation, 0.0, usize::MAX);
        while !search.is_done() {
            search.step(relation);
        }
        let mut found: Vec<_> = search
            .dependencies()
            .iter()
            .map(|(lhs, rhs, _)| (lhs.to_vec(), *rhs))
            .collect();
        found.sort();
        found
    }

    proptest! {
        /// Validation alone (no sampling: every candidate is refuted on the whole sample, rows
        /// alone with their value included) still finds every minimal FD.
        #[test]
        fn validation_without_sampling_finds_the_same_dependencies(
            rows in proptest::collection::vec(proptest::collection::vec(0u8..4, 5), 0..40),
            nulls_distinct in any::<bool>(),
        ) {
            let names = (0..5).map(|column| column.to_string()).collect();
            let table = SampleTable::from_rows(
                names,
                rows.iter().map(|row| row.iter().map(|value| value.to_string()).collect::<Vec<_>>()),
            )
            .unwrap();
            let nulls = NullRule {
                marker: Some("0".to_owned()),
                equality: if nulls_distinct { NullEquality::Distinct } else { NullEquality::Equal },
            };
            let relation = Relation::new(&table, &nulls);
            let mut unsampled = ExactSearch::new(&relation, usize::MAX);
            unsampled.sampler = Sampler::idle(relation.column_count);
            let expected = run_level_wise(&relation);
            prop_assert_eq!(run_exact(unsampled, &relation), expected.clone());
            prop_assert_eq!(run_exact(ExactSearch::new(&relation, usize::MAX), &relation), expected);
        }
    }
}
