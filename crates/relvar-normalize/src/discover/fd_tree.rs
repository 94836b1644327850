//! The prefix tree of candidate dependencies `X -> A` (HyFD's FD tree): one node per left-hand
//! side, reached by its columns in ascending order, holding the right-hand sides it determines.
//! Each node also knows which right-hand sides occur anywhere below it, so that searches for a
//! generalisation (a subset of a left-hand side with the same right-hand side) skip whole branches.

use super::column_set::ColumnSet;

const NO_CHILD: u32 = 0; // the root is node 0 and is nobody's child

#[derive(Debug, Clone)]
struct Node {
    /// Empty until the node has a child; then one slot per column.
    children: Vec<u32>,
    /// Right-hand sides determined by this node's left-hand side.
    fds: ColumnSet,
    /// Right-hand sides of this node and every node below (may keep removed ones).
    below: ColumnSet,
}

impl Node {
    fn new() -> Self {
        Self {
            children: Vec::new(),
            fds: ColumnSet::EMPTY,
            below: ColumnSet::EMPTY,
        }
    }
}

/// A node of the tree, for reading and removing the dependencies of one left-hand side.
pub type NodeId = u32;

#[derive(Debug, Clone)]
pub struct FdTree {
    column_count: usize,
    nodes: Vec<Node>,
    /// The largest left-hand side ever added.
    deepest: usize,
}

impl FdTree {
    /// A tree holding `{} -> A` for every `A` of `right_hand_sides`.
    pub fn new(column_count: usize, right_hand_sides: ColumnSet) -> Self {
        let mut root = Node::new();
        root.fds = right_hand_sides;
        root.below = right_hand_sides;
        Self {
            column_count,
            nodes: vec![root],
            deepest: 0,
        }
    }

    pub fn add(&mut self, lhs: &ColumnSet, rhs: usize) {
        self.deepest = self.deepest.max(lhs.len());
        let mut node = 0;
        for column in lhs.iter() {
            if let Some(current) = self.nodes.get_mut(node as usize) {
                current.below.insert(rhs);
            }
            node = self.child_or_new(node, column);
        }
        if let Some(current) = self.nodes.get_mut(node as usize) {
            current.below.insert(rhs);
            current.fds.insert(rhs);
        }
    }

    fn child_or_new(&mut self, node: NodeId, column: usize) -> NodeId {
        let fresh = self.nodes.len() as u32;
        let column_count = self.column_count;
        let Some(current) = self.nodes.get_mut(node as usize) else {
            return node;
        };
        if current.children.is_empty() {
            current.children = vec![NO_CHILD; column_count];
        }
        match current.children.get_mut(column) {
            Some(slot) if *slot != NO_CHILD => *slot,
            Some(slot) => {
                *slot = fresh;
                self.nodes.push(Node::new());
                fresh
            }
            None => node,
        }
    }

    fn node(&self, node: NodeId) -> Option<&Node> {
        self.nodes.get(node as usize)
    }

    fn child(&self, node: &Node, column: usize) -> Option<NodeId> {
        node.children
            .get(column)
            .copied()
            .filter(|child| *child != NO_CHILD)
    }

    /// True when some subset of `lhs` (itself included) determines `rhs` in the tree.
    pub fn contains_generalization(&self, lhs: &ColumnSet, rhs: usize) -> bool {
        self.contains_generalization_from(0, lhs, rhs, 0)
    }

    fn contains_generalization_from(
        &self,
        node: NodeId,
        lhs: &ColumnSet,
        rhs: usize,
        from: usize,
    ) -> bool {
        let Some(current) = self.node(node) else {
            return false;
        };
        if current.fds.contains(rhs) {
            return true;
        }
        if current.children.is_empty() {
            return false;
        }
        lhs.iter_from(from).any(|column| {
            self.child(current, column).is_some_and(|child| {
                self.node(child)
                    .is_some_and(|below| below.below.contains(rhs))
                    && self.contains_generalization_from(child, lhs, rhs, column + 1)
            })
        })
    }

    /// Removes every `Y -> rhs` with `Y` a subset of `lhs`, returning those `Y`.
    pub fn remove_generalizations(&mut self, lhs: &ColumnSet, rhs: usize) -> Vec<ColumnSet> {
        let mut found = Vec::new();
        self.remove_generalizations_from(0, ColumnSet::EMPTY, lhs, rhs, 0, &mut found);
        found
    }

    fn remove_generalizations_from(
        &mut self,
        node: NodeId,
        path: ColumnSet,
        lhs: &ColumnSet,
        rhs: usize,
        from: usize,
        found: &mut Vec<ColumnSet>,
    ) {
        let Some(current) = self.nodes.get_mut(node as usize) else {
            return;
        };
        if current.fds.contains(rhs) {
            current.fds.remove(rhs);
            found.push(path);
        }
        if current.children.is_empty() {
            return;
        }
        for column in lhs.iter_from(from) {
            let child = self
                .node(node)
                .and_then(|current| self.child(current, column));
            if let Some(child) = child
                && self
                    .node(child)
                    .is_some_and(|below| below.below.contains(rhs))
            {
                self.remove_generalizations_from(
                    child,
                    path.with(column),
                    lhs,
                    rhs,
                    column + 1,
                    found,
                );
            }
        }
    }

    /// The size of the largest left-hand side ever added (removed ones included).
    pub fn deepest(&self) -> usize {
        self.deepest
    }

    pub fn fds(&self, node: NodeId) -> ColumnSet {
        self.node(node)
            .map_or(ColumnSet::EMPTY, |current| current.fds)
    }

    pub fn remove_fd(&mut self, node: NodeId, rhs: usize) {
        if let Some(current) = self.nodes.get_mut(node as usize) {
            current.fds.remove(rhs);
        }
    }

    /// The nodes at `depth` (left-hand sides of that many columns) that determine something.
    pub fn level(&self, depth: usize) -> Vec<(NodeId, ColumnSet)> {
        let mut found = Vec::new();
        self.collect_level(0, ColumnSet::EMPTY, depth, &mut found);
        found
    }

    fn collect_level(
        &self,
        node: NodeId,
        path: ColumnSet,
        depth: usize,
        found: &mut Vec<(NodeId, ColumnSet)>,
    ) {
        let Some(current) = self.node(node) else {
            return;
        };
        if depth == 0 {
            if !current.fds.is_empty() {
                found.push((node, path));
            }
            return;
        }
        for (column, child) in current.children.iter().enumerate() {
            if *child != NO_CHILD
                && self
                    .node(*child)
                    .is_some_and(|below| !below.below.is_empty())
            {
                self.collect_level(*child, path.with(column), depth - 1, found);
            }
        }
    }

    /// Whether any node deeper than `depth` exists (more levels to validate).
    pub fn has_level(&self, depth: usize) -> bool {
        !self.level(depth).is_empty()
    }

    /// Every dependency in the tree, as (left-hand side, right-hand sides).
    pub fn all(&self) -> Vec<(ColumnSet, ColumnSet)> {
        let mut found = Vec::new();
        self.collect_all(0, ColumnSet::EMPTY, &mut found);
        found
    }

    fn collect_all(&self, node: NodeId, path: ColumnSet, found: &mut Vec<(ColumnSet, ColumnSet)>) {
        let Some(current) = self.node(node) else {
            return;
        };
        if !current.fds.is_empty() {
            found.push((path, current.fds));
        }
        for (column, child) in current.children.iter().enumerate() {
            if *child != NO_CHILD {
                self.collect_all(*child, path.with(column), found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(columns: &[usize]) -> ColumnSet {
        ColumnSet::from_columns(columns.iter().copied())
    }

    #[test]
    fn generalizations_are_found_and_removed_by_subset() {
        let mut tree = FdTree::new(4, ColumnSet::EMPTY);
        tree.add(&set(&[0, 2]), 3);
        tree.add(&set(&[1]), 3);
        tree.add(&set(&[0, 1, 2]), 1);
        assert!(tree.contains_generalization(&set(&[0, 1, 2]), 3));
        assert!(tree.contains_generalization(&set(&[0, 2]), 3));
        assert!(!tree.contains_generalization(&set(&[0, 3]), 3));
        assert!(!tree.contains_generalization(&set(&[0, 2]), 1));
        let mut removed = tree.remove_generalizations(&set(&[0, 1, 2]), 3);
        removed.sort_by_key(|lhs| lhs.to_vec());
        assert_eq!(removed, vec![set(&[0, 2]), set(&[1])]);
        assert!(!tree.contains_generalization(&set(&[0, 1, 2, 3]), 3));
        assert_eq!(tree.level(3).len(), 1);
        assert_eq!(tree.all(), vec![(set(&[0, 1, 2]), set(&[1]))]);
    }
}
