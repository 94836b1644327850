//! The relation on a subset of the attributes: its functional dependencies are the projection of
//! the whole's (`X -> X+ ∩ S` for each `X` within `S`, Garcia-Molina, Ullman and Widom's
//! algorithm, skipping supersets of sets that already determine all of `S`), as a minimal cover.
//! Exponential in the width of the subset, so it works within a budget.

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::cover::{merge_left_sides, minimal_cover};
use crate::decompose::{SEARCH_BUDGET, Search, search_subsets};
use crate::relation::{Fd, Mvd, Relation};

/// The relation on `attributes` (renumbered `0..` in their order) with the projected functional
/// dependencies as a canonical cover, and each multivalued dependency whose left side lies in
/// `attributes` restricted to them; `None` when the projection needs more closures than the
/// budget allows.
pub fn restrict(relation: &Relation, attributes: &AttrSet) -> Option<Relation> {
    let closure = Closure::new(&relation.fds);
    let mut projected = Vec::new();
    let mut budget = SEARCH_BUDGET;
    let search: Search<()> =
        search_subsets(attributes, attributes.len(), &mut budget, |lhs, skip| {
            let reached = closure.of(lhs).intersection(attributes);
            if &reached == attributes {
                skip.push(lhs.clone());
            }
            let rhs = reached.difference(lhs);
            if !rhs.is_empty() {
                projected.push(Fd::new(lhs.clone(), rhs));
            }
            None
        });
    if search == Search::OutOfBudget {
        return None;
    }
    let order: Vec<usize> = attributes.iter().collect();
    let renumber = |set: &AttrSet| -> AttrSet {
        set.iter()
            .filter_map(|attribute| order.iter().position(|kept| *kept == attribute))
            .collect()
    };
    let names = order
        .iter()
        .filter_map(|attribute| relation.names.get(*attribute).cloned());
    let mut restricted = Relation::new(names);
    restricted.fds = merge_left_sides(&minimal_cover(&projected))
        .iter()
        .map(|fd| Fd::new(renumber(&fd.lhs), renumber(&fd.rhs)))
        .collect();
    restricted.mvds = relation
        .mvds
        .iter()
        .filter(|mvd| mvd.lhs.is_subset(attributes))
        .map(|mvd| {
            Mvd::new(
                renumber(&mvd.lhs),
                renumber(&mvd.rhs.intersection(attributes)),
            )
        })
        .filter(|mvd| !mvd.rhs.difference(&mvd.lhs).is_empty())
        .collect();
    Some(restricted)
}
