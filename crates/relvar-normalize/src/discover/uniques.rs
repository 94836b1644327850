//! Minimal unique column combinations (the candidate keys of the sample), in the manner of HyUCC:
//! the candidates are the minimal column sets contained in no known agree set (minimal hitting
//! sets of their complements, kept in a prefix tree); each candidate is checked on the whole
//! sample, and a false one yields a new agree set, until every candidate holds.

use std::ops::ControlFlow;

use rustc_hash::FxHashSet;

use super::column_set::ColumnSet;
use super::fd_tree::FdTree;
use super::groups::{GroupScratch, for_each_group};
use super::relation::Relation;

/// The prefix tree stores sets as left-hand sides of one made-up right-hand side.
const LABEL: usize = 0;

#[derive(Debug)]
pub struct UniqueSearch {
    candidates: FdTree,
    max_size: usize,
    known: Vec<ColumnSet>,
    next_known: usize,
    to_check: Vec<ColumnSet>,
    next_check: usize,
    confirmed: FxHashSet<ColumnSet>,
    found_agree_set: bool,
    scratch: GroupScratch,
    done: bool,
}

impl UniqueSearch {
    /// Starts from the agree sets found so far (largest first), looking for keys of at most
    /// `max_size` columns.
    pub fn new(relation: &Relation, agree_sets: Vec<ColumnSet>, max_size: usize) -> Self {
        Self {
            candidates: FdTree::new(relation.column_count, ColumnSet::single(LABEL)),
            max_size: max_size.min(relation.column_count),
            known: agree_sets,
            next_known: 0,
            to_check: Vec::new(),
            next_check: 0,
            confirmed: FxHashSet::default(),
            found_agree_set: false,
            scratch: GroupScratch::default(),
            done: false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Share of the current round's candidates checked.
    pub fn share_checked(&self) -> f64 {
        if self.to_check.is_empty() {
            0.0
        } else {
            self.next_check as f64 / self.to_check.len() as f64
        }
    }

    /// Does a bounded piece of work; returns roughly the cells read.
    pub fn step(&mut self, relation: &Relation) -> usize {
        if self.done {
            return 0;
        }
        if self.next_known < self.known.len() {
            return self.induce_some(relation);
        }
        if self.next_check >= self.to_check.len() {
            if !self.to_check.is_empty() && !self.found_agree_set {
                self.done = true;
                return 1;
            }
            self.to_check = self
                .candidates
                .all()
                .into_iter()
                .map(|(set, _)| set)
                .filter(|set| !self.confirmed.contains(set))
                .collect();
            self.next_check = 0;
            self.found_agree_set = false;
            if self.to_check.is_empty() {
                self.done = true;
            }
            return 1;
        }
        let Some(candidate) = self.to_check.get(self.next_check).copied() else {
            return 1;
        };
        self.next_check += 1;
        let mut witness = None;
        let cost = for_each_group(relation, &candidate, &mut self.scratch, |group| {
            if let [first, second, ..] = group {
                witness = Some((*first, *second));
            }
            ControlFlow::Break(())
        });
        match witness {
            Some((first, second)) => {
                self.known.push(relation.agree_set(first, second));
                self.found_agree_set = true;
            }
            None => {
                self.confirmed.insert(candidate);
            }
        }
        cost.max(1)
    }

    fn induce_some(&mut self, relation: &Relation) -> usize {
        const BATCH: usize = 64;
        let all = relation.all_columns();
        let end = (self.next_known + BATCH).min(self.known.len());
        let mut cost = 1;
        for index in self.next_known..end {
            let Some(agree) = self.known.get(index).copied() else {
                continue;
            };
            cost += relation.column_count;
            let outside = all.difference(&agree);
            for covered in self.candidates.remove_generalizations(&agree, LABEL) {
                if covered.len() >= self.max_size {
                    continue;
                }
                for extra in outside.iter() {
                    let wider = covered.with(extra);
                    if !self.candidates.contains_generalization(&wider, LABEL) {
                        self.candidates.add(&wider, LABEL);
                    }
                }
            }
        }
        self.next_known = end;
        cost
    }

    /// The minimal unique column combinations; complete once done.
    pub fn uniques(&self) -> Vec<ColumnSet> {
        let mut uniques: Vec<ColumnSet> = self.confirmed.iter().copied().collect();
        uniques.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then(a.to_vec().cmp(&b.to_vec())));
        uniques
    }
}
