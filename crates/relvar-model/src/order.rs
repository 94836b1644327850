//! Stable sorting with little code. The standard library's sorts are instantiated whole (about
//! 3 KB of wasm) for every call site's element type and comparison; the studio's first load has a
//! budget, so the crates it loads sort through these instead: one merge sort over positions,
//! shared by every caller, and a short permutation step per element type. Hot loops (dependency
//! discovery) keep the standard sorts.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` puts them, equal ones kept in order: a bottom-up
/// merge sort.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut scratch = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            // Two runs already in order are copied as they are: sorted input costs one
            // comparison per run, as it does the standard sort.
            let in_order = match (order.get(middle.wrapping_sub(1)), order.get(middle)) {
                (Some(&last), Some(&first)) if middle < end => {
                    compare(last, first) != Ordering::Greater
                }
                _ => true,
            };
            if in_order {
                if let (Some(to), Some(from)) = (scratch.get_mut(start..end), order.get(start..end))
                {
                    to.copy_from_slice(from);
                }
                start = end;
                continue;
            }
            let (mut left, mut right) = (start, middle);
            for slot in scratch.iter_mut().take(end).skip(start) {
                let take_left = match (order.get(left), order.get(right)) {
                    (Some(&a), Some(&b)) if left < middle && right < end => {
                        compare(a, b) != Ordering::Greater
                    }
                    _ => left < middle,
                };
                let source = if take_left { &mut left } else { &mut right };
                if let Some(&position) = order.get(*source) {
                    *slot = position;
                }
                *source += 1;
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut scratch);
        width *= 2;
    }
    order
}

/// Puts `items` in `order` (`order[i]` is where the item that goes to `i` is now).
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut current = start;
        while placed.get(current) == Some(&false) {
            if let Some(done) = placed.get_mut(current) {
                *done = true;
            }
            let Some(&next) = order.get(current) else {
                break;
            };
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_positions(view.len(), &mut |a, b| match (view.get(a), view.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    permute(items, &order);
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, Ord::cmp);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort_does(items in proptest::collection::vec((0_u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut standard = items;
            standard.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, standard);
        }
    }

    #[test]
    fn sorted_input_costs_about_one_comparison_per_item() {
        let mut items: Vec<u32> = (0..4096).collect();
        let mut comparisons = 0;
        sort_by(&mut items, |a, b| {
            comparisons += 1;
            a.cmp(b)
        });
        assert!(comparisons < 4096, "{comparisons}");
        assert!(items.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn sorts_strings_and_reverses() {
        let mut words = vec!["pear", "apple", "fig", "apple"];
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "apple", "apple"]);
    }
}
