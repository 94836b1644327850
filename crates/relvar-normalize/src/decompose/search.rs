//! Searching the subsets of a component for a violation that no declared dependency shows: a
//! component's own dependencies are a projection, and deciding BCNF for one is coNP-complete
//! (Beeri and Bernstein, 1979), so the search is exhaustive by increasing size within a budget.

use crate::attrs::AttrSet;

/// Closures a whole decomposition may compute while searching subsets.
pub const SEARCH_BUDGET: usize = 200_000;

/// What a search of subsets concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search<T> {
    Found(T),
    NoneFound,
    /// The budget ran out first.
    OutOfBudget,
}

/// Visits the subsets of `set` with at most `largest` attributes, smallest first and then in
/// lexicographic order of positions, until `visit` returns something or the budget runs out.
/// Subsets containing a set `visit` marked (by pushing it to `skip`) are not visited.
pub fn search_subsets<T>(
    set: &AttrSet,
    largest: usize,
    budget: &mut usize,
    mut visit: impl FnMut(&AttrSet, &mut Vec<AttrSet>) -> Option<T>,
) -> Search<T> {
    let members: Vec<usize> = set.iter().collect();
    let mut skip: Vec<AttrSet> = Vec::new();
    for size in 0..=largest.min(members.len()) {
        let mut chosen: Vec<usize> = (0..size).collect();
        loop {
            let subset: AttrSet = chosen
                .iter()
                .filter_map(|&i| members.get(i).copied())
                .collect();
            if !skip.iter().any(|marked| marked.is_subset(&subset)) {
                if *budget == 0 {
                    return Search::OutOfBudget;
                }
                *budget -= 1;
                if let Some(found) = visit(&subset, &mut skip) {
                    return Search::Found(found);
                }
            }
            if !advance(&mut chosen, members.len()) {
                break;
            }
        }
    }
    Search::NoneFound
}

/// The next combination of `chosen.len()` indices below `count`; false after the last.
fn advance(chosen: &mut [usize], count: usize) -> bool {
    let size = chosen.len();
    let mut slot = size;
    while slot > 0 {
        slot -= 1;
        let limit = count - size + slot;
        let Some(value) = chosen.get(slot).copied() else {
            return false;
        };
        if value < limit {
            for (offset, later) in chosen.iter_mut().skip(slot).enumerate() {
                *later = value + 1 + offset;
            }
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsets_come_smallest_first_and_skip_supersets_of_marked_ones() {
        let set: AttrSet = [1, 4, 7].into_iter().collect();
        let mut seen = Vec::new();
        let mut budget = 100;
        let result: Search<()> = search_subsets(&set, 3, &mut budget, |subset, skip| {
            seen.push(subset.iter().collect::<Vec<_>>());
            if subset == &AttrSet::single(4) {
                skip.push(subset.clone());
            }
            None
        });
        assert_eq!(result, Search::NoneFound);
        assert_eq!(seen, vec![vec![], vec![1], vec![4], vec![7], vec![1, 7]]);
        let mut small = 2;
        let out: Search<()> = search_subsets(&set, 3, &mut small, |_, _| None);
        assert_eq!(out, Search::OutOfBudget);
    }
}
