//! Layering: gives every node of an acyclic graph a layer (a column, left to right) so that each
//! edge goes to a later layer, keeps edges short, and splits edges that span several layers with
//! dummy nodes, one per layer crossed.

use std::collections::VecDeque;

use crate::geometry::Size;

/// A dummy node's box: a thin point where a long edge passes a layer.
pub(crate) const DUMMY_SIZE: Size = Size {
    width: 0.0,
    height: 10.0,
};

/// A proper layered graph: nodes `0..real_count` are the real nodes, those after are dummies;
/// every edge joins two adjacent layers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LayeredGraph {
    pub real_count: usize,
    pub sizes: Vec<Size>,
    pub layer: Vec<usize>,
    pub layer_count: usize,
    /// Neighbours in the previous layer.
    pub up: Vec<Vec<usize>>,
    /// Neighbours in the next layer.
    pub down: Vec<Vec<usize>>,
}

impl LayeredGraph {
    /// Layers the acyclic graph `edges` (`(from, to)`, `to` in a later layer) over nodes with
    /// `sizes`, and inserts the dummy nodes.
    pub fn new(sizes: &[Size], edges: &[(usize, usize)]) -> Self {
        let layer = shortened_layers(sizes.len(), edges);
        let layer_count = layer.iter().max().map_or(0, |last| last + 1);
        let mut graph = Self {
            real_count: sizes.len(),
            sizes: sizes.to_vec(),
            layer,
            layer_count,
            up: vec![Vec::new(); sizes.len()],
            down: vec![Vec::new(); sizes.len()],
        };
        for &(from, to) in edges {
            graph.add_chain(from, to);
        }
        graph
    }

    pub fn is_dummy(&self, node: usize) -> bool {
        node >= self.real_count
    }

    pub fn layer_of(&self, node: usize) -> usize {
        self.layer.get(node).copied().unwrap_or_default()
    }

    /// Joins `from` to `to` through one new dummy node for each layer strictly between them.
    fn add_chain(&mut self, from: usize, to: usize) {
        let mut previous = from;
        for layer in self.layer_of(from) + 1..self.layer_of(to) {
            let dummy = self.sizes.len();
            self.sizes.push(DUMMY_SIZE);
            self.layer.push(layer);
            self.up.push(Vec::new());
            self.down.push(Vec::new());
            self.link(previous, dummy);
            previous = dummy;
        }
        self.link(previous, to);
    }

    fn link(&mut self, from: usize, to: usize) {
        if let Some(list) = self.down.get_mut(from) {
            list.push(to);
        }
        if let Some(list) = self.up.get_mut(to) {
            list.push(from);
        }
    }
}

/// Longest-path layers, then each node moved to whichever end of its free range shortens its
/// edges in total (a node with more edges to earlier layers than to later ones moves left, and
/// the other way round), until nothing moves.
fn shortened_layers(node_count: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    let mut earlier = vec![Vec::new(); node_count];
    let mut later = vec![Vec::new(); node_count];
    for &(from, to) in edges {
        if let Some(list) = later.get_mut(from) {
            list.push(to);
        }
        if let Some(list) = earlier.get_mut(to) {
            list.push(from);
        }
    }
    let mut layer = longest_path_layers(&earlier, &later);
    let layer_at = |layer: &[usize], node: &usize| layer.get(*node).copied().unwrap_or_default();
    const MAX_PASSES: usize = 64;
    for _ in 0..MAX_PASSES {
        let mut moved = false;
        for node in 0..node_count {
            let before = earlier.get(node).map_or(&[][..], Vec::as_slice);
            let after = later.get(node).map_or(&[][..], Vec::as_slice);
            let target = if before.len() > after.len() {
                before.iter().map(|n| layer_at(&layer, n) + 1).max()
            } else if after.len() > before.len() {
                after
                    .iter()
                    .map(|n| layer_at(&layer, n).saturating_sub(1))
                    .min()
            } else {
                None
            };
            if let (Some(target), Some(slot)) = (target, layer.get_mut(node))
                && *slot != target
            {
                *slot = target;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    let first = layer.iter().min().copied().unwrap_or_default();
    layer.iter().map(|l| l - first).collect()
}

/// Each node one layer after the latest of its predecessors (Kahn's order, so the result does
/// not depend on recursion depth).
fn longest_path_layers(earlier: &[Vec<usize>], later: &[Vec<usize>]) -> Vec<usize> {
    let mut waiting: Vec<usize> = earlier.iter().map(Vec::len).collect();
    let mut layer = vec![0; earlier.len()];
    let mut ready: VecDeque<usize> = (0..earlier.len())
        .filter(|&node| waiting.get(node) == Some(&0))
        .collect();
    while let Some(node) = ready.pop_front() {
        let next = layer.get(node).copied().unwrap_or_default() + 1;
        for &successor in later.get(node).into_iter().flatten() {
            if let Some(slot) = layer.get_mut(successor) {
                *slot = (*slot).max(next);
            }
            if let Some(count) = waiting.get_mut(successor) {
                *count -= 1;
                if *count == 0 {
                    ready.push_back(successor);
                }
            }
        }
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Size = Size {
        width: 100.0,
        height: 50.0,
    };

    #[test]
    fn every_edge_points_to_a_later_layer_and_long_edges_get_dummies() {
        let edges = [(0, 1), (1, 2), (2, 3), (0, 3)];
        let graph = LayeredGraph::new(&[BOX; 4], &edges);
        assert_eq!(graph.layer, vec![0, 1, 2, 3, 1, 2]);
        assert_eq!(graph.layer_count, 4);
        assert!(graph.is_dummy(4) && graph.is_dummy(5));
        assert_eq!(graph.down[0], vec![1, 4]);
        assert_eq!(graph.up[3], vec![2, 5]);
        for node in 0..graph.sizes.len() {
            for &next in &graph.down[node] {
                assert_eq!(graph.layer[next], graph.layer[node] + 1);
            }
        }
    }

    #[test]
    fn a_lookup_table_sits_next_to_its_only_referrer() {
        // 0 -> 1 -> 2 -> 3 is the long chain; 4 is referenced only by 3.
        let edges = [(0, 1), (1, 2), (2, 3), (4, 3)];
        let graph = LayeredGraph::new(&[BOX; 5], &edges);
        assert_eq!(graph.layer[4], 2);
        assert_eq!(graph.sizes.len(), 5, "no dummy needed");
    }

    #[test]
    fn an_isolated_node_is_in_the_first_layer() {
        let graph = LayeredGraph::new(&[BOX], &[]);
        assert_eq!(graph.layer, vec![0]);
        assert_eq!(graph.layer_count, 1);
    }
}
