//! The chase: a tableau of rows of symbols, with functional dependencies equating symbols and
//! multivalued dependencies adding rows, until nothing changes. Decides whether a decomposition
//! is lossless and, for tests, whether a dependency follows.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

use crate::attrs::AttrSet;
use crate::relation::{Fd, Mvd, Relation};

/// The chase would need more rows than it may make; multivalued dependencies can multiply them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the chase needed more than {0} rows and stopped")]
pub struct ChaseTooLarge(pub usize);

/// Rows the chase may hold before it gives up.
pub const ROW_LIMIT: usize = 20_000;

type Row = Vec<u32>;

/// Whether joining the projections of any relation satisfying the dependencies onto `components`
/// gives back that relation. Only multivalued dependencies can make the chase give up.
pub fn is_lossless(relation: &Relation, components: &[AttrSet]) -> Result<bool, ChaseTooLarge> {
    let width = relation.width();
    let rows: Vec<Row> = components
        .iter()
        .enumerate()
        .map(|(index, component)| {
            let own = u32::try_from(index + 1).unwrap_or(u32::MAX);
            (0..width)
                .map(|column| if component.contains(column) { 0 } else { own })
                .collect()
        })
        .collect();
    let distinguished = |rows: &BTreeSet<Row>| rows.iter().any(|row| row.iter().all(|s| *s == 0));
    let rows = chase(rows, &relation.fds, &relation.mvds, distinguished)?;
    Ok(distinguished(&rows))
}

/// Whether the relation's dependencies imply `fd`, by chasing two rows that agree on its left.
pub fn chase_implies_fd(relation: &Relation, fd: &Fd) -> Result<bool, ChaseTooLarge> {
    let width = relation.width();
    let first = vec![0; width];
    let second = (0..width)
        .map(|column| u32::from(!fd.lhs.contains(column)))
        .collect();
    let rows = chase(vec![first, second], &relation.fds, &relation.mvds, |_| {
        false
    })?;
    let columns: Vec<usize> = fd.rhs.iter().collect();
    Ok(columns.iter().all(|&column| {
        let mut symbols = rows.iter().filter_map(|row| row.get(column));
        let first = symbols.next();
        symbols.all(|symbol| Some(symbol) == first)
    }))
}

/// Whether the relation's dependencies imply `mvd`: the decomposition into `lhs ∪ rhs` and
/// `lhs ∪ (rest)` is lossless.
pub fn chase_implies_mvd(relation: &Relation, mvd: &Mvd) -> Result<bool, ChaseTooLarge> {
    let all = relation.all();
    let with = mvd.lhs.union(&mvd.rhs);
    let without = mvd.lhs.union(&all.difference(&mvd.rhs));
    is_lossless(relation, &[with, without])
}

/// Applies the dependencies until no row or symbol changes, or `done` says the answer is known.
fn chase(
    rows: Vec<Row>,
    fds: &[Fd],
    mvds: &[Mvd],
    done: impl Fn(&BTreeSet<Row>) -> bool,
) -> Result<BTreeSet<Row>, ChaseTooLarge> {
    let mut rows: BTreeSet<Row> = rows.into_iter().collect();
    loop {
        if done(&rows) {
            return Ok(rows);
        }
        let mut changed = false;
        for fd in fds {
            while let Some(renamed) = equate_once(&rows, fd) {
                rows = renamed;
                changed = true;
            }
        }
        for mvd in mvds {
            let added = combine(&rows, mvd);
            if !added.is_empty() {
                rows.extend(added);
                changed = true;
                if rows.len() > ROW_LIMIT {
                    return Err(ChaseTooLarge(ROW_LIMIT));
                }
            }
        }
        if !changed {
            return Ok(rows);
        }
    }
}

/// Finds two rows that agree on the left side and differ on the right; renames the larger symbol
/// of the first such column to the smaller everywhere in that column.
fn equate_once(rows: &BTreeSet<Row>, fd: &Fd) -> Option<BTreeSet<Row>> {
    let mut seen: BTreeMap<Vec<u32>, &Row> = BTreeMap::new();
    for row in rows {
        let key: Vec<u32> = fd.lhs.iter().filter_map(|c| row.get(c).copied()).collect();
        let Some(other) = seen.get(&key) else {
            seen.insert(key, row);
            continue;
        };
        for column in fd.rhs.iter() {
            let (Some(&mine), Some(&theirs)) = (row.get(column), other.get(column)) else {
                continue;
            };
            if mine != theirs {
                let (keep, drop) = (mine.min(theirs), mine.max(theirs));
                return Some(rename(rows, column, drop, keep));
            }
        }
    }
    None
}

fn rename(rows: &BTreeSet<Row>, column: usize, from: u32, to: u32) -> BTreeSet<Row> {
    rows.iter()
        .map(|row| {
            let mut row = row.clone();
            if let Some(symbol) = row.get_mut(column)
                && *symbol == from
            {
                *symbol = to;
            }
            row
        })
        .collect()
}

/// The rows the dependency requires that are missing: for two rows agreeing on its left side, the
/// first's values on both sides with the second's elsewhere.
fn combine(rows: &BTreeSet<Row>, mvd: &Mvd) -> Vec<Row> {
    let mut groups: BTreeMap<Vec<u32>, Vec<&Row>> = BTreeMap::new();
    for row in rows {
        let key: Vec<u32> = mvd.lhs.iter().filter_map(|c| row.get(c).copied()).collect();
        groups.entry(key).or_default().push(row);
    }
    let taken = mvd.lhs.union(&mvd.rhs);
    let mut added = BTreeSet::new();
    for group in groups.values() {
        for first in group {
            for second in group {
                let made: Row = first
                    .iter()
                    .zip(second.iter())
                    .enumerate()
                    .map(|(column, (a, b))| if taken.contains(column) { *a } else { *b })
                    .collect();
                if !rows.contains(&made) {
                    added.insert(made);
                }
            }
        }
    }
    added.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_on_a_determining_attribute_is_lossless_and_others_are_not() {
        let relation = Relation::new(["zip", "city", "street"]).with_fd(&["zip"], &["city"]);
        let set = |names: &[&str]| relation.set_of(names).unwrap_or_default();
        let good = [set(&["zip", "city"]), set(&["zip", "street"])];
        let bad = [set(&["zip", "city"]), set(&["city", "street"])];
        assert_eq!(is_lossless(&relation, &good), Ok(true));
        assert_eq!(is_lossless(&relation, &bad), Ok(false));
        let mvds = Relation::new(["course", "teacher", "book"]).with_mvd(&["course"], &["teacher"]);
        let split = [
            mvds.set_of(&["course", "teacher"]).unwrap_or_default(),
            mvds.set_of(&["course", "book"]).unwrap_or_default(),
        ];
        assert_eq!(is_lossless(&mvds, &split), Ok(true));
    }
}
