//! Cycle removal: orders the nodes with the greedy heuristic of Eades, Lin and Smyth and turns the
//! edges that point backwards in that order around, so that the graph becomes acyclic while
//! turning few edges.

use std::cmp::Reverse;
use std::collections::BTreeSet;

/// The edges `(from, to)` of a graph over `0..node_count` with enough of them reversed to leave no
/// cycle, sorted and without repeats (reversing one edge of a two-cycle makes its twin).
pub(crate) fn break_cycles(node_count: usize, edges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let order = greedy_order(node_count, edges);
    let mut rank = vec![0; node_count];
    for (position, &node) in order.iter().enumerate() {
        if let Some(slot) = rank.get_mut(node) {
            *slot = position;
        }
    }
    let at = |node: usize| rank.get(node).copied().unwrap_or_default();
    let acyclic: BTreeSet<(usize, usize)> = edges
        .iter()
        .map(|&(from, to)| {
            if at(from) < at(to) {
                (from, to)
            } else {
                (to, from)
            }
        })
        .collect();
    acyclic.into_iter().collect()
}

/// Eades–Lin–Smyth: repeatedly take sinks to the back and sources to the front; when neither is
/// left, the node whose out-degree most exceeds its in-degree goes to the front. Ties go to the
/// smallest node, so the order depends only on the graph.
fn greedy_order(node_count: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut outgoing = vec![Vec::new(); node_count];
    let mut incoming = vec![Vec::new(); node_count];
    for &(from, to) in edges {
        if let Some(list) = outgoing.get_mut(from) {
            list.push(to);
        }
        if let Some(list) = incoming.get_mut(to) {
            list.push(from);
        }
    }
    let mut out_degree: Vec<i64> = outgoing.iter().map(|list| list.len() as i64).collect();
    let mut in_degree: Vec<i64> = incoming.iter().map(|list| list.len() as i64).collect();
    let key = |node: usize, out: &[i64], inn: &[i64]| {
        let delta =
            out.get(node).copied().unwrap_or_default() - inn.get(node).copied().unwrap_or_default();
        (Reverse(delta), node)
    };
    let mut by_delta: BTreeSet<(Reverse<i64>, usize)> = (0..node_count)
        .map(|node| key(node, &out_degree, &in_degree))
        .collect();
    let mut sinks: BTreeSet<usize> = (0..node_count)
        .filter(|&node| out_degree.get(node) == Some(&0))
        .collect();
    let mut sources: BTreeSet<usize> = (0..node_count)
        .filter(|&node| in_degree.get(node) == Some(&0) && out_degree.get(node) != Some(&0))
        .collect();
    let mut removed = vec![false; node_count];
    let mut front = Vec::with_capacity(node_count);
    let mut back = Vec::new();
    loop {
        let node = if let Some(sink) = sinks.pop_first() {
            back.push(sink);
            sink
        } else if let Some(source) = sources.pop_first() {
            front.push(source);
            source
        } else if let Some((_, node)) = by_delta.first().copied() {
            front.push(node);
            node
        } else {
            break;
        };
        by_delta.remove(&key(node, &out_degree, &in_degree));
        sources.remove(&node);
        if let Some(flag) = removed.get_mut(node) {
            *flag = true;
        }
        let is_live = |other: usize| removed.get(other) == Some(&false);
        for &child in outgoing.get(node).into_iter().flatten() {
            if !is_live(child) {
                continue;
            }
            by_delta.remove(&key(child, &out_degree, &in_degree));
            if let Some(degree) = in_degree.get_mut(child) {
                *degree -= 1;
            }
            by_delta.insert(key(child, &out_degree, &in_degree));
            if in_degree.get(child) == Some(&0) && out_degree.get(child) != Some(&0) {
                sources.insert(child);
            }
        }
        for &parent in incoming.get(node).into_iter().flatten() {
            if !is_live(parent) {
                continue;
            }
            by_delta.remove(&key(parent, &out_degree, &in_degree));
            if let Some(degree) = out_degree.get_mut(parent) {
                *degree -= 1;
            }
            by_delta.insert(key(parent, &out_degree, &in_degree));
            if out_degree.get(parent) == Some(&0) {
                sources.remove(&parent);
                sinks.insert(parent);
            }
        }
    }
    back.reverse();
    front.extend(back);
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_cycle(node_count: usize, edges: &[(usize, usize)]) -> bool {
        let mut in_degree = vec![0; node_count];
        for &(_, to) in edges {
            in_degree[to] += 1;
        }
        let mut ready: Vec<usize> = (0..node_count).filter(|&n| in_degree[n] == 0).collect();
        let mut seen = 0;
        while let Some(node) = ready.pop() {
            seen += 1;
            for &(from, to) in edges {
                if from == node {
                    in_degree[to] -= 1;
                    if in_degree[to] == 0 {
                        ready.push(to);
                    }
                }
            }
        }
        seen < node_count
    }

    #[test]
    fn acyclic_graphs_keep_every_edge() {
        let edges = vec![(0, 1), (0, 2), (1, 3), (2, 3), (4, 0)];
        assert_eq!(break_cycles(5, &edges), {
            let mut sorted = edges.clone();
            sorted.sort();
            sorted
        });
    }

    #[test]
    fn a_cycle_loses_one_edge_direction() {
        let edges = vec![(0, 1), (1, 2), (2, 0), (2, 3)];
        let acyclic = break_cycles(4, &edges);
        assert!(!has_cycle(4, &acyclic));
        let kept = edges.iter().filter(|edge| acyclic.contains(edge)).count();
        assert_eq!(kept, 3);
    }

    #[test]
    fn two_cycles_merge_into_one_edge() {
        let acyclic = break_cycles(2, &[(0, 1), (1, 0)]);
        assert_eq!(acyclic.len(), 1);
    }

    #[test]
    fn dense_random_graphs_become_acyclic() {
        let mut state = 7u64;
        let mut next = |bound: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % bound
        };
        for _ in 0..50 {
            let nodes = 2 + next(30);
            let edges: Vec<_> = (0..next(80))
                .map(|_| (next(nodes), next(nodes)))
                .filter(|(a, b)| a != b)
                .collect();
            assert!(!has_cycle(nodes, &break_cycles(nodes, &edges)));
        }
    }
}
