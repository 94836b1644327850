//! Graph algorithms over tables by position (the model's `ForeignKeyGraph::adjacency`), without
//! recursion (a design may be a long chain): strongly connected components (Tarjan) and longest
//! paths in a graph that may have cycles.

/// The strongly connected components of a directed graph with nodes `0..adjacency.len()`, each
/// sorted, components ordered by their smallest node.
pub fn strongly_connected(adjacency: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let count = adjacency.len();
    let mut index = vec![usize::MAX; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack: Vec<usize> = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for root in 0..count {
        if index.get(root).is_some_and(|i| *i != usize::MAX) {
            continue;
        }
        // (node, position of the next edge to look at)
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&(node, edge)) = work.last() {
            if edge == 0 {
                set(&mut index, node, next);
                set(&mut low, node, next);
                next += 1;
                stack.push(node);
                set(&mut on_stack, node, true);
            }
            let successors = adjacency.get(node).map_or(&[][..], Vec::as_slice);
            if let Some(&target) = successors.get(edge) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                if get(&index, target) == Some(usize::MAX) {
                    work.push((target, 0));
                } else if get(&on_stack, target) == Some(true) {
                    let lowest = get(&low, node)
                        .unwrap_or(0)
                        .min(get(&index, target).unwrap_or(0));
                    set(&mut low, node, lowest);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                let lowest = get(&low, parent)
                    .unwrap_or(0)
                    .min(get(&low, node).unwrap_or(0));
                set(&mut low, parent, lowest);
            }
            if get(&low, node) == get(&index, node) {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    set(&mut on_stack, member, false);
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                relvar_model::order::sort(&mut component[..]);
                components.push(component);
            }
        }
    }
    relvar_model::order::sort(&mut components[..]);
    components
}

/// For each node, the longest simple-enough path from it (edges counted) and the next node on
/// it; an edge back into the path being explored counts as 0, so cycles end a path.
pub fn longest_paths(adjacency: &[Vec<usize>]) -> Vec<(usize, Option<usize>)> {
    let count = adjacency.len();
    // 0 = not seen, 1 = on the path, 2 = done
    let mut state = vec![0u8; count];
    let mut best: Vec<(usize, Option<usize>)> = vec![(0, None); count];
    for root in 0..count {
        if get(&state, root) != Some(0) {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        set(&mut state, root, 1);
        while let Some(&(node, edge)) = work.last() {
            let successors = adjacency.get(node).map_or(&[][..], Vec::as_slice);
            if let Some(&target) = successors.get(edge) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                match get(&state, target) {
                    Some(0) => {
                        set(&mut state, target, 1);
                        work.push((target, 0));
                    }
                    Some(2) => relax(&mut best, node, target),
                    _ => {}
                }
                continue;
            }
            set(&mut state, node, 2);
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                relax(&mut best, parent, node);
            }
        }
    }
    best
}

/// Makes `node`'s path go through `target` when that is longer.
fn relax(best: &mut [(usize, Option<usize>)], node: usize, target: usize) {
    let through = best.get(target).map_or(0, |(length, _)| length + 1);
    if let Some(entry) = best.get_mut(node)
        && through > entry.0
    {
        *entry = (through, Some(target));
    }
}

fn get<T: Copy>(values: &[T], at: usize) -> Option<T> {
    values.get(at).copied()
}

fn set<T>(values: &mut [T], at: usize, value: T) {
    if let Some(slot) = values.get_mut(at) {
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_of_a_graph_with_two_cycles_and_a_tail() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 4 -> 3, 5 alone
        let graph = vec![vec![1], vec![2], vec![0, 3], vec![4], vec![3], vec![]];
        assert_eq!(
            strongly_connected(&graph),
            vec![vec![0, 1, 2], vec![3, 4], vec![5]]
        );
    }

    #[test]
    fn longest_paths_follow_the_deepest_chain_and_stop_at_cycles() {
        // 0 -> 1 -> 2 -> 3, 0 -> 3, 4 -> 5 -> 4
        let graph = vec![vec![3, 1], vec![2], vec![3], vec![], vec![5], vec![4]];
        let paths = longest_paths(&graph);
        assert_eq!(paths[0], (3, Some(1)));
        assert_eq!(paths[3], (0, None));
        assert!(paths[4].0 <= 1 && paths[5].0 <= 1);
    }

    #[test]
    fn a_chain_of_a_hundred_thousand_does_not_overflow_the_stack() {
        let graph: Vec<Vec<usize>> = (0..100_000)
            .map(|n| if n + 1 < 100_000 { vec![n + 1] } else { vec![] })
            .collect();
        assert_eq!(strongly_connected(&graph).len(), 100_000);
        assert_eq!(longest_paths(&graph)[0].0, 99_999);
    }
}
