//! BCNF and 4NF decomposition by repeated binary splits. A component with a violating `X -> Y`
//! becomes `X+` (within it) and `X ∪ (rest)`, as Garcia-Molina, Ullman and Widom split; one with
//! a violating `X ->> Y` becomes `X ∪ Y` and `X ∪ (rest)`. The violation used is the first
//! declared dependency that shows one (functional before multivalued, in the order given), else
//! the smallest left side a search of subsets finds. Each split is lossless, so the whole is;
//! components within another are dropped at the end.

use super::search::{SEARCH_BUDGET, Search, search_subsets};
use super::{Component, Decomposition, key_of, without_contained};
use crate::attrs::AttrSet;
use crate::basis::dependency_basis;
use crate::closure::Closure;
use crate::relation::Relation;

/// A split of a component into two smaller ones, the first determined by the left side `lhs`.
struct Split {
    lhs: AttrSet,
    first: AttrSet,
    second: AttrSet,
}

/// Splits until every component is in BCNF under the relation's functional dependencies.
pub fn decompose_bcnf(relation: &Relation) -> Decomposition {
    decompose(relation, false)
}

/// Splits until every component is in 4NF under the relation's functional and multivalued
/// dependencies.
pub fn decompose_4nf(relation: &Relation) -> Decomposition {
    decompose(relation, true)
}

fn decompose(relation: &Relation, fourth: bool) -> Decomposition {
    let closure = Closure::new(&relation.fds);
    let all = relation.all();
    let mut budget = SEARCH_BUDGET;
    let mut checked = true;
    let mut pending = vec![(all.clone(), None::<AttrSet>)];
    let mut components = Vec::new();
    while let Some((attributes, preferred)) = pending.pop() {
        let whole = attributes == all;
        let found = declared_violation(relation, &closure, &attributes, fourth).map_or_else(
            || {
                if whole {
                    Search::NoneFound
                } else {
                    searched_violation(relation, &closure, &attributes, fourth, &mut budget)
                }
            },
            Search::Found,
        );
        match found {
            Search::Found(split) => {
                pending.push((split.second, None));
                pending.push((split.first, Some(split.lhs)));
            }
            Search::NoneFound | Search::OutOfBudget => {
                checked &= matches!(found, Search::NoneFound);
                let key = key_of(&closure, &attributes, preferred.as_ref());
                components.push(Component { attributes, key });
            }
        }
    }
    Decomposition::new(relation, without_contained(components), checked)
}

/// The split a declared dependency calls for in `attributes`, if any.
fn declared_violation(
    relation: &Relation,
    closure: &Closure<'_>,
    attributes: &AttrSet,
    fourth: bool,
) -> Option<Split> {
    let functional = relation
        .fds
        .iter()
        .filter(|fd| fd.lhs.is_subset(attributes))
        .find_map(|fd| functional_split(closure, attributes, &fd.lhs));
    if functional.is_some() || !fourth {
        return functional;
    }
    relation.mvds.iter().find_map(|mvd| {
        if !mvd.lhs.is_subset(attributes) || closure.determines(&mvd.lhs, attributes) {
            return None;
        }
        let rhs = mvd.rhs.intersection(attributes).difference(&mvd.lhs);
        let rest = attributes.difference(&mvd.lhs).difference(&rhs);
        (!rhs.is_empty() && !rest.is_empty()).then(|| Split {
            lhs: mvd.lhs.clone(),
            first: mvd.lhs.union(&rhs),
            second: mvd.lhs.union(&rest),
        })
    })
}

/// `X+` within the component and `X ∪ (rest)`, when `X` determines more than itself there but
/// not the whole component.
fn functional_split(closure: &Closure<'_>, attributes: &AttrSet, lhs: &AttrSet) -> Option<Split> {
    let determined = closure.of(lhs).intersection(attributes);
    if determined.len() == lhs.len() || &determined == attributes {
        return None;
    }
    let rest = attributes.difference(&determined);
    Some(Split {
        lhs: lhs.clone(),
        first: determined,
        second: lhs.union(&rest),
    })
}

/// Searches the subsets of a component for a left side of a violation of its projected
/// dependencies; superkeys of the component (and so their supersets) are skipped.
fn searched_violation(
    relation: &Relation,
    closure: &Closure<'_>,
    attributes: &AttrSet,
    fourth: bool,
    budget: &mut usize,
) -> Search<Split> {
    let all = relation.all();
    let largest = attributes.len().saturating_sub(2);
    search_subsets(attributes, largest, budget, |lhs, skip| {
        if closure.determines(lhs, attributes) {
            skip.push(lhs.clone());
            return None;
        }
        if let Some(split) = functional_split(closure, attributes, lhs) {
            return Some(split);
        }
        if !fourth {
            return None;
        }
        let blocks = dependency_basis(&all, &relation.fds, &relation.mvds, lhs);
        let mut within = blocks
            .iter()
            .map(|block| block.intersection(attributes))
            .filter(|block| !block.is_empty());
        let first = within.next()?;
        within.next()?;
        Some(Split {
            lhs: lhs.clone(),
            first: lhs.union(&first),
            second: attributes.difference(&first),
        })
    })
}
