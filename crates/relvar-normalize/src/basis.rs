//! The dependency basis of a set of attributes under functional and multivalued dependencies
//! (Beeri, 1980): the finest partition of the other attributes such that `X ->> Y` follows
//! exactly when `Y - X` is a union of its blocks. Functional dependencies `V -> W` take part as
//! the multivalued dependencies `V ->> A` for each `A` in `W`.

use crate::attrs::AttrSet;
use crate::relation::{Fd, Mvd};

/// The blocks of the dependency basis of `start` within `universe`, ordered by first attribute.
pub fn dependency_basis(
    universe: &AttrSet,
    fds: &[Fd],
    mvds: &[Mvd],
    start: &AttrSet,
) -> Vec<AttrSet> {
    let rest = universe.difference(start);
    let mut blocks = if rest.is_empty() {
        Vec::new()
    } else {
        vec![rest]
    };
    let single_fds = fds.iter().flat_map(|fd| {
        fd.rhs
            .iter()
            .map(|attribute| (fd.lhs.clone(), AttrSet::single(attribute)))
    });
    let splitters: Vec<(AttrSet, AttrSet)> = mvds
        .iter()
        .map(|mvd| (mvd.lhs.clone(), mvd.rhs.clone()))
        .chain(single_fds)
        .collect();
    let mut changed = true;
    while changed {
        changed = false;
        for (lhs, rhs) in &splitters {
            let mut next = Vec::with_capacity(blocks.len() + 1);
            for block in blocks {
                let inside = block.intersection(rhs);
                let outside = block.difference(rhs);
                if !lhs.intersects(&block) && !inside.is_empty() && !outside.is_empty() {
                    next.push(inside);
                    next.push(outside);
                    changed = true;
                } else {
                    next.push(block);
                }
            }
            blocks = next;
        }
    }
    relvar_model::order::sort_by_key(&mut blocks[..], AttrSet::first);
    blocks
}

/// Whether the dependencies imply `mvd` over `universe`.
pub fn implies_mvd(universe: &AttrSet, fds: &[Fd], mvds: &[Mvd], mvd: &Mvd) -> bool {
    let wanted = mvd.rhs.intersection(universe).difference(&mvd.lhs);
    dependency_basis(universe, fds, mvds, &mvd.lhs)
        .iter()
        .all(|block| block.is_subset(&wanted) || !block.intersects(&wanted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::Relation;

    #[test]
    fn the_basis_splits_by_each_dependency_whose_left_side_is_outside_the_block() {
        let relation = Relation::new(["course", "teacher", "book", "room"])
            .with_mvd(&["course"], &["teacher"])
            .with_fd(&["book"], &["room"]);
        let course = relation.set_of(&["course"]).unwrap_or_default();
        let blocks = dependency_basis(&relation.all(), &relation.fds, &relation.mvds, &course);
        let shown: Vec<String> = blocks.iter().map(|b| relation.show(b)).collect();
        assert_eq!(shown, vec!["teacher", "book, room"]);
        let implied = Mvd::new(
            course,
            relation.set_of(&["book", "room"]).unwrap_or_default(),
        );
        assert!(implies_mvd(
            &relation.all(),
            &relation.fds,
            &relation.mvds,
            &implied
        ));
    }
}
