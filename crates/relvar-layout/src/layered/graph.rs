//! The foreign-key graph the layered layout works on: tables in id order with their box sizes,
//! one edge per referenced/referencing pair, split into connected components.

use std::collections::{BTreeMap, BTreeSet};

use relvar_model::{Design, TableId};

use crate::geometry::{Size, table_size};

/// Tables as nodes `0..ids.len()` in id order; `edges` are `(parent, child)` pairs, parent being
/// the referenced table, sorted, without self references or repeats.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FkGraph {
    pub ids: Vec<TableId>,
    pub sizes: Vec<Size>,
    pub edges: Vec<(usize, usize)>,
}

/// A connected part of an [`FkGraph`]: `nodes` are indexes into the whole graph, `edges` are
/// `(parent, child)` pairs of indexes into `nodes`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Component {
    pub nodes: Vec<usize>,
    pub sizes: Vec<Size>,
    pub edges: Vec<(usize, usize)>,
}

impl FkGraph {
    /// The graph of the whole design, or of the tables in `only` and the keys between them.
    pub fn new(design: &Design, only: Option<&BTreeSet<TableId>>) -> Self {
        let tables: BTreeMap<TableId, Size> = design
            .tables
            .iter()
            .filter(|table| only.is_none_or(|only| only.contains(&table.id)))
            .map(|table| (table.id, table_size(table)))
            .collect();
        let index: BTreeMap<TableId, usize> = tables
            .keys()
            .enumerate()
            .map(|(position, id)| (*id, position))
            .collect();
        let edges: BTreeSet<(usize, usize)> = design
            .foreign_key_graph()
            .edges()
            .filter_map(|(child, parent, _)| Some((*index.get(&parent)?, *index.get(&child)?)))
            .collect();
        Self {
            ids: tables.keys().copied().collect(),
            sizes: tables.into_values().collect(),
            edges: edges.into_iter().collect(),
        }
    }

    /// The connected components, each listing its nodes in increasing order; components are
    /// ordered by their first node.
    pub fn components(&self) -> Vec<Component> {
        let mut roots = UnionFind::new(self.ids.len());
        for &(parent, child) in &self.edges {
            roots.join(parent, child);
        }
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for node in 0..self.ids.len() {
            members.entry(roots.root(node)).or_default().push(node);
        }
        let mut local = vec![0; self.ids.len()];
        for nodes in members.values() {
            for (position, &node) in nodes.iter().enumerate() {
                if let Some(slot) = local.get_mut(node) {
                    *slot = position;
                }
            }
        }
        let mut edges_of: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for &(parent, child) in &self.edges {
            let at = |node: usize| local.get(node).copied().unwrap_or_default();
            edges_of
                .entry(roots.root(parent))
                .or_default()
                .push((at(parent), at(child)));
        }
        members
            .into_iter()
            .map(|(root, nodes)| Component {
                sizes: nodes
                    .iter()
                    .filter_map(|&node| self.sizes.get(node).copied())
                    .collect(),
                edges: edges_of.remove(&root).unwrap_or_default(),
                nodes,
            })
            .collect()
    }
}

/// Disjoint sets over `0..n` with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(count: usize) -> Self {
        Self {
            parent: (0..count).collect(),
        }
    }

    fn root(&mut self, mut node: usize) -> usize {
        while let Some(&up) = self.parent.get(node) {
            if up == node {
                break;
            }
            let grand = self.parent.get(up).copied().unwrap_or(up);
            if let Some(slot) = self.parent.get_mut(node) {
                *slot = grand;
            }
            node = grand;
        }
        node
    }

    /// Joins the sets of `a` and `b`; the smaller root becomes the root of both.
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        let (keep, drop) = (a.min(b), a.max(b));
        if let Some(slot) = self.parent.get_mut(drop) {
            *slot = keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_split_the_graph_and_renumber_their_edges() {
        let graph = FkGraph {
            ids: (0..5).map(TableId).collect(),
            sizes: vec![
                Size {
                    width: 1.0,
                    height: 1.0
                };
                5
            ],
            edges: vec![(0, 3), (1, 4), (3, 4)],
        };
        let components = graph.components();
        let nodes: Vec<_> = components.iter().map(|c| c.nodes.clone()).collect();
        assert_eq!(nodes, vec![vec![0, 1, 3, 4], vec![2]]);
        assert_eq!(components[0].edges, vec![(0, 2), (1, 3), (2, 3)]);
        assert!(components[1].edges.is_empty());
    }
}
