//! A minimal (canonical) cover: one attribute on each right side, no extraneous attribute on a
//! left side, no redundant dependency. Deterministic: dependencies are worked through in the
//! order given, right sides and left sides in increasing attribute position.

use crate::attrs::AttrSet;
use crate::closure::Closure;
use crate::relation::Fd;

/// A minimal cover of `fds`, each dependency with a single attribute on the right.
pub fn minimal_cover(fds: &[Fd]) -> Vec<Fd> {
    let mut cover = split_right_sides(fds);
    reduce_left_sides(&mut cover);
    remove_redundant(&mut cover);
    cover
}

/// The minimal cover with the dependencies that share a left side joined, in the order their
/// left sides first appear.
pub fn canonical_cover(fds: &[Fd]) -> Vec<Fd> {
    merge_left_sides(&minimal_cover(fds))
}

/// Joins dependencies with the same left side, in the order the left sides first appear.
pub fn merge_left_sides(fds: &[Fd]) -> Vec<Fd> {
    let mut merged: Vec<Fd> = Vec::new();
    for fd in fds {
        match merged.iter_mut().find(|known| known.lhs == fd.lhs) {
            Some(known) => known.rhs.union_with(&fd.rhs),
            None => merged.push(fd.clone()),
        }
    }
    merged
}

/// `X -> A` for each `A` of each right side not already on its left, without repeats.
fn split_right_sides(fds: &[Fd]) -> Vec<Fd> {
    let mut split: Vec<Fd> = Vec::new();
    for fd in fds {
        for attribute in fd.rhs.difference(&fd.lhs).iter() {
            let single = Fd::new(fd.lhs.clone(), AttrSet::single(attribute));
            if !split.contains(&single) {
                split.push(single);
            }
        }
    }
    split
}

/// Drops each left-side attribute whose removal keeps the dependency implied; repeats that
/// appear are dropped, keeping the first.
fn reduce_left_sides(cover: &mut Vec<Fd>) {
    for index in 0..cover.len() {
        let Some(fd) = cover.get(index) else {
            continue;
        };
        let mut lhs = fd.lhs.clone();
        let rhs = fd.rhs.clone();
        for attribute in fd.lhs.iter() {
            let smaller = lhs.without(attribute);
            if rhs.is_subset(&Closure::new(cover).of(&smaller)) {
                lhs = smaller;
            }
        }
        if let Some(slot) = cover.get_mut(index) {
            slot.lhs = lhs;
        }
    }
    let mut unique: Vec<Fd> = Vec::with_capacity(cover.len());
    for fd in cover.drain(..) {
        if !unique.contains(&fd) {
            unique.push(fd);
        }
    }
    *cover = unique;
}

/// Drops each dependency the remaining ones imply, in order.
fn remove_redundant(cover: &mut Vec<Fd>) {
    let mut index = 0;
    while index < cover.len() {
        let redundant = cover.get(index).is_some_and(|fd| {
            fd.rhs
                .is_subset(&Closure::new(cover).without(&fd.lhs, Some(index)))
        });
        if redundant {
            cover.remove(index);
        } else {
            index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relation::Relation;

    #[test]
    fn the_cover_of_a_textbook_set_drops_the_extraneous_and_the_redundant() {
        // Silberschatz, Korth, Sudarshan, Database System Concepts, 6th ed., section 8.4.3:
        // F = {A -> BC, B -> C, A -> B, AB -> C} has the canonical cover {A -> B, B -> C}.
        let relation = Relation::new(["A", "B", "C"])
            .with_fd(&["A"], &["B", "C"])
            .with_fd(&["B"], &["C"])
            .with_fd(&["A"], &["B"])
            .with_fd(&["A", "B"], &["C"]);
        let cover = canonical_cover(&relation.fds);
        let shown: Vec<String> = cover.iter().map(|fd| relation.show_fd(fd)).collect();
        assert_eq!(shown, vec!["A -> B", "B -> C"]);
    }
}
