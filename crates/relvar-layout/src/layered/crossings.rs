//! Counting edge crossings between adjacent layers with the accumulator tree of Barth, Jünger and
//! Mutzel: O(E log V) per pair of layers instead of comparing every pair of edges.

use super::layering::LayeredGraph;

/// Crossings of the whole layered drawing: the sum over each pair of adjacent layers.
/// `position` gives each node's place within its layer.
pub(crate) fn total_crossings(
    graph: &LayeredGraph,
    layers: &[Vec<usize>],
    position: &[usize],
) -> u64 {
    layers
        .iter()
        .zip(layers.iter().skip(1))
        .map(|(upper, lower)| layer_crossings(graph, upper, lower.len(), position))
        .sum()
}

/// Crossings between the edges from `upper` to the next layer (of `lower_len` nodes). Two edges
/// cross when their ends are in opposite orders in the two layers; edges sharing an end do not.
pub(crate) fn layer_crossings(
    graph: &LayeredGraph,
    upper: &[usize],
    lower_len: usize,
    position: &[usize],
) -> u64 {
    let mut ends: Vec<usize> = Vec::new();
    let mut sorted_ends: Vec<usize> = Vec::new();
    for &node in upper {
        sorted_ends.clear();
        sorted_ends.extend(
            graph
                .down
                .get(node)
                .into_iter()
                .flatten()
                .filter_map(|next| position.get(*next).copied()),
        );
        relvar_model::order::sort(&mut sorted_ends[..]);
        ends.extend_from_slice(&sorted_ends);
    }
    inversions(&ends, lower_len)
}

/// Pairs `i < j` with `values[i] > values[j]`, for values below `bound`, counted with a Fenwick
/// tree of how many values seen so far lie above each value.
pub(crate) fn inversions(values: &[usize], bound: usize) -> u64 {
    let mut tree = vec![0u64; bound + 1];
    let mut count = 0u64;
    for (seen, &value) in (0u64..).zip(values) {
        let mut at_most = 0u64;
        let mut index = value + 1;
        while index > 0 {
            at_most += tree.get(index).copied().unwrap_or_default();
            index &= index - 1;
        }
        count += seen - at_most;
        let mut index = value + 1;
        while let Some(slot) = tree.get_mut(index) {
            *slot += 1;
            index += index & index.wrapping_neg();
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Size;

    const BOX: Size = Size {
        width: 10.0,
        height: 10.0,
    };

    fn brute_force(values: &[usize]) -> u64 {
        let mut count = 0;
        for i in 0..values.len() {
            for j in i + 1..values.len() {
                if values[i] > values[j] {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn inversions_match_counting_every_pair() {
        let mut state = 3u64;
        for length in 0..60 {
            let values: Vec<usize> = (0..length)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (state >> 40) as usize % 9
                })
                .collect();
            assert_eq!(inversions(&values, 9), brute_force(&values), "{values:?}");
        }
    }

    #[test]
    fn two_swapped_edges_cross_once_and_shared_ends_never_cross() {
        // Layer 0: a=0, b=1; layer 1: c=2, d=3. Edges a-d and b-c cross; a-c and a-d share a.
        let graph = LayeredGraph::new(&[BOX; 4], &[(0, 3), (1, 2), (0, 2)]);
        let layers = vec![vec![0, 1], vec![2, 3]];
        let position = vec![0, 1, 0, 1];
        assert_eq!(total_crossings(&graph, &layers, &position), 1);
        let fan = LayeredGraph::new(&[BOX; 3], &[(0, 1), (0, 2)]);
        assert_eq!(total_crossings(&fan, &[vec![0], vec![1, 2]], &[0, 0, 1]), 0);
    }
}
