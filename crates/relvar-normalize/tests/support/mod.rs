//! Brute-force oracles over every subset of a small schema, and random relations, for the tests.

#![allow(dead_code)] // each test file uses its own part

use proptest::prelude::*;
use relvar_normalize::{AttrSet, Fd, Mvd, Relation};

#[allow(unused_imports)]
pub use relvar_normalize::NormalForm;

/// The closure by the textbook fixpoint: fire any dependency whose left side is reached.
pub fn naive_closure(fds: &[Fd], start: &AttrSet) -> AttrSet {
    let mut reached = start.clone();
    loop {
        let before = reached.clone();
        for fd in fds {
            if fd.lhs.is_subset(&reached) {
                reached.union_with(&fd.rhs);
            }
        }
        if reached == before {
            return reached;
        }
    }
}

/// Every subset of `set`.
pub fn subsets(set: &AttrSet) -> Vec<AttrSet> {
    let members: Vec<usize> = set.iter().collect();
    (0..1u32 << members.len())
        .map(|mask| {
            members
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask & (1 << bit) != 0)
                .map(|(_, attribute)| *attribute)
                .collect()
        })
        .collect()
}

/// The candidate keys of `schema` under `fds`, by trying every subset, in reading order.
pub fn brute_keys(fds: &[Fd], schema: &AttrSet) -> Vec<AttrSet> {
    let superkeys: Vec<AttrSet> = subsets(schema)
        .into_iter()
        .filter(|set| schema.is_subset(&naive_closure(fds, set)))
        .collect();
    let mut keys: Vec<AttrSet> = superkeys
        .iter()
        .filter(|set| {
            !superkeys
                .iter()
                .any(|other| other != *set && other.is_subset(set))
        })
        .cloned()
        .collect();
    keys.sort_by(AttrSet::reading_order);
    keys
}

/// The dependencies that hold on `schema`: `X -> (X+ ∩ schema)` for every `X` within it.
pub fn projection(fds: &[Fd], schema: &AttrSet) -> Vec<Fd> {
    subsets(schema)
        .into_iter()
        .map(|lhs| {
            let rhs = naive_closure(fds, &lhs).intersection(schema);
            Fd::new(lhs, rhs)
        })
        .collect()
}

pub fn is_bcnf(fds: &[Fd], schema: &AttrSet) -> bool {
    subsets(schema).iter().all(|lhs| {
        let reached = naive_closure(fds, lhs).intersection(schema);
        &reached == lhs || &reached == schema
    })
}

pub fn is_3nf(fds: &[Fd], schema: &AttrSet) -> bool {
    let prime = union_of(&brute_keys(fds, schema));
    subsets(schema).iter().all(|lhs| {
        let reached = naive_closure(fds, lhs).intersection(schema);
        &reached == schema || reached.difference(lhs).is_subset(&prime)
    })
}

pub fn is_2nf(fds: &[Fd], schema: &AttrSet) -> bool {
    let keys = brute_keys(fds, schema);
    let prime = union_of(&keys);
    keys.iter().all(|key| {
        subsets(key).iter().filter(|part| *part != key).all(|part| {
            naive_closure(fds, part)
                .intersection(schema)
                .difference(part)
                .is_subset(&prime)
        })
    })
}

pub fn union_of(sets: &[AttrSet]) -> AttrSet {
    let mut union = AttrSet::new();
    for set in sets {
        union.union_with(set);
    }
    union
}

fn set_of(width: usize, bits: u16) -> AttrSet {
    (0..width).filter(|bit| bits & (1 << bit) != 0).collect()
}

/// A random relation of 2 to `widest` attributes with up to `most` functional dependencies
/// (left sides of 0 to 3 attributes, mostly 1 or 2) and, when `with_mvds`, up to 2 multivalued.
pub fn relation(widest: usize, most: usize, with_mvds: bool) -> impl Strategy<Value = Relation> {
    (2..=widest).prop_flat_map(move |width| {
        let side = move || {
            (any::<u16>(), 0..4usize).prop_map(move |(bits, size)| {
                let all: Vec<usize> = (0..width).filter(|b| bits & (1 << b) != 0).collect();
                let keep = if size == 0 { 1 } else { size.min(3) };
                all.into_iter().take(keep).collect::<AttrSet>()
            })
        };
        let fds = prop::collection::vec((side(), any::<u16>()), 0..=most);
        let mvds = prop::collection::vec((side(), any::<u16>()), 0..=if with_mvds { 2 } else { 0 });
        (fds, mvds).prop_map(move |(fds, mvds)| {
            let mut relation = Relation::new((0..width).map(|i| format!("a{i}")));
            for (lhs, bits) in fds {
                let rhs = set_of(width, bits).difference(&lhs);
                if !rhs.is_empty() {
                    relation.fds.push(Fd::new(lhs, rhs));
                }
            }
            for (lhs, bits) in mvds {
                let rhs = set_of(width, bits).difference(&lhs);
                if !rhs.is_empty() {
                    relation.mvds.push(Mvd::new(lhs, rhs));
                }
            }
            relation
        })
    })
}

/// A relation over whitespace-separated attribute names with dependencies written one per line.
pub fn textbook(attributes: &str, dependencies: &str) -> Relation {
    let names: Vec<&str> = attributes.split_whitespace().collect();
    let mut relation = Relation::new(names.iter().copied());
    let parsed = relvar_normalize::parse_dependencies(dependencies, &names)
        .unwrap_or_else(|errors| panic!("{errors:?}"));
    for dependency in parsed {
        let lhs: AttrSet = dependency.lhs.iter().copied().collect();
        let rhs: AttrSet = dependency.rhs.iter().copied().collect();
        match dependency.kind {
            relvar_model::DependencyKind::Functional => relation.fds.push(Fd::new(lhs, rhs)),
            relvar_model::DependencyKind::Multivalued => relation.mvds.push(Mvd::new(lhs, rhs)),
        }
    }
    relation
}

/// Sets as sorted lists of names, so that answers compare whatever the order.
pub fn named_sets(
    relation: &Relation,
    sets: &[AttrSet],
) -> std::collections::BTreeSet<Vec<String>> {
    sets.iter()
        .map(|set| {
            let mut names: Vec<String> = set
                .iter()
                .map(|position| relation.names[position].clone())
                .collect();
            names.sort();
            names
        })
        .collect()
}

/// The published sets, each written as whitespace-separated names.
pub fn published(sets: &[&str]) -> std::collections::BTreeSet<Vec<String>> {
    sets.iter()
        .map(|set| {
            let mut names: Vec<String> = set.split_whitespace().map(str::to_owned).collect();
            names.sort();
            names
        })
        .collect()
}

/// The candidate keys of the whole relation, as name lists.
pub fn keys(relation: &Relation) -> std::collections::BTreeSet<Vec<String>> {
    let search = relvar_normalize::candidate_keys(&relation.fds, &relation.all(), 1_000);
    assert!(!search.more);
    named_sets(relation, &search.keys)
}

/// The schemas of a decomposition, as name lists.
pub fn schemas(
    relation: &Relation,
    decomposition: &relvar_normalize::Decomposition,
) -> std::collections::BTreeSet<Vec<String>> {
    named_sets(relation, &decomposition.schemas())
}

/// The dependencies a decomposition loses, as text.
pub fn lost(relation: &Relation, decomposition: &relvar_normalize::Decomposition) -> Vec<String> {
    decomposition
        .lost
        .iter()
        .map(|fd| relation.show_fd(fd))
        .collect()
}
