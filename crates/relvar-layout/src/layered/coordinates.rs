//! Coordinate assignment: each layer is a column as wide as its widest box, columns a fixed gap
//! apart; within a column the boxes keep their order and their gaps, and each is pulled towards
//! the average height of its neighbours (long edges' dummies most strongly, to keep them
//! straight). Each pull is an exact weighted least-squares fit under the order and gap
//! constraints (isotonic regression by pooling adjacent violators).

use relvar_model::Point;

use super::layering::LayeredGraph;
use crate::geometry::Size;

/// Horizontal room between two columns.
pub(crate) const COLUMN_GAP: f64 = 100.0;
/// Vertical room between two tables of a column.
pub(crate) const ROW_GAP: f64 = 40.0;
/// Vertical room next to a dummy node.
const DUMMY_GAP: f64 = 10.0;
/// Width of a column that only long edges pass through.
const EMPTY_COLUMN_WIDTH: f64 = 40.0;
/// Rounds that pull each column towards the one before it, then towards the one after it.
const ONE_SIDED_ROUNDS: usize = 4;
/// Rounds that pull each column towards both neighbouring columns.
const TWO_SIDED_ROUNDS: usize = 4;
/// How strongly a node with no neighbours on the side considered stays where it is.
const LONE_WEIGHT: f64 = 1e-3;

/// Top-left corners of the real nodes, the top-left-most at the origin, and the size of the box
/// around them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Placement {
    pub corners: Vec<Point>,
    pub size: Size,
}

/// Places the nodes of `graph` ordered within their layers as in `layers`.
pub(crate) fn place(graph: &LayeredGraph, layers: &[Vec<usize>]) -> Placement {
    let widths: Vec<f64> = layers
        .iter()
        .map(|layer| {
            layer
                .iter()
                .filter(|&&node| !graph.is_dummy(node))
                .map(|&node| size_of(graph, node).width)
                .reduce(f64::max)
                .unwrap_or(EMPTY_COLUMN_WIDTH)
        })
        .collect();
    let lefts: Vec<f64> = widths
        .iter()
        .scan(0.0, |next, width| {
            let left = *next;
            *next += width + COLUMN_GAP;
            Some(left)
        })
        .collect();
    let tops = vertical_positions(graph, layers);
    let real = 0..graph.real_count;
    let top_of = |node: usize| tops.get(node).copied().unwrap_or_default();
    let first_top = real
        .clone()
        .map(top_of)
        .reduce(f64::min)
        .unwrap_or_default();
    let corners: Vec<Point> = real
        .map(|node| {
            let layer = graph.layer_of(node);
            let column = widths.get(layer).copied().unwrap_or_default();
            let left = lefts.get(layer).copied().unwrap_or_default();
            let width = size_of(graph, node).width;
            Point::new(
                left + ((column - width) / 2.0).floor(),
                top_of(node) - first_top,
            )
        })
        .collect();
    let height = corners
        .iter()
        .enumerate()
        .map(|(node, corner)| corner.y + size_of(graph, node).height)
        .fold(0.0, f64::max);
    Placement {
        corners,
        size: Size {
            width: lefts.last().copied().unwrap_or_default()
                + widths.last().copied().unwrap_or_default(),
            height,
        },
    }
}

fn size_of(graph: &LayeredGraph, node: usize) -> Size {
    graph.sizes.get(node).copied().unwrap_or(Size {
        width: 0.0,
        height: 0.0,
    })
}

/// Room between `node` and the one below it in its column.
fn gap_below(graph: &LayeredGraph, node: usize, next: usize) -> f64 {
    if graph.is_dummy(node) || graph.is_dummy(next) {
        DUMMY_GAP
    } else {
        ROW_GAP
    }
}

/// How strongly an edge pulls its ends level: more for edges of long (dummy) chains.
fn edge_weight(graph: &LayeredGraph, a: usize, b: usize) -> f64 {
    match (graph.is_dummy(a), graph.is_dummy(b)) {
        (false, false) => 1.0,
        (true, true) => 8.0,
        _ => 2.0,
    }
}

/// Integral top of every node (dummies too).
fn vertical_positions(graph: &LayeredGraph, layers: &[Vec<usize>]) -> Vec<f64> {
    let mut tops = vec![0.0; graph.sizes.len()];
    for layer in layers {
        stack(graph, layer, &mut tops);
    }
    let count = layers.len();
    let forward = 1..count;
    let backward = (0..count.saturating_sub(1)).rev();
    let up = [graph.up.as_slice()];
    let down = [graph.down.as_slice()];
    let both = [graph.up.as_slice(), graph.down.as_slice()];
    for _ in 0..ONE_SIDED_ROUNDS {
        for index in forward.clone() {
            align(graph, layers.get(index), &up, &mut tops);
        }
        for index in backward.clone() {
            align(graph, layers.get(index), &down, &mut tops);
        }
    }
    for _ in 0..TWO_SIDED_ROUNDS {
        for index in forward.clone().chain(backward.clone()) {
            align(graph, layers.get(index), &both, &mut tops);
        }
    }
    for layer in layers {
        snap_to_whole_units(graph, layer, &mut tops);
    }
    tops
}

/// Packs a layer tightly, centred on zero.
fn stack(graph: &LayeredGraph, layer: &[usize], tops: &mut [f64]) {
    let mut next = 0.0;
    for (index, &node) in layer.iter().enumerate() {
        if let Some(top) = tops.get_mut(node) {
            *top = next;
        }
        next += size_of(graph, node).height;
        if let Some(&below) = layer.get(index + 1) {
            next += gap_below(graph, node, below);
        }
    }
    for &node in layer {
        if let Some(top) = tops.get_mut(node) {
            *top -= next / 2.0;
        }
    }
}

/// Moves the nodes of `layer` as close as the gaps allow to the weighted mean centre of their
/// neighbours in `sides`, keeping their order.
fn align(
    graph: &LayeredGraph,
    layer: Option<&Vec<usize>>,
    sides: &[&[Vec<usize>]],
    tops: &mut [f64],
) {
    let Some(layer) = layer else { return };
    let centre = |tops: &[f64], node: usize| {
        tops.get(node).copied().unwrap_or_default() + size_of(graph, node).height / 2.0
    };
    let mut offsets = Vec::with_capacity(layer.len());
    let mut targets = Vec::with_capacity(layer.len());
    let mut offset = 0.0;
    for (index, &node) in layer.iter().enumerate() {
        let (mut pull, mut weight) = (0.0, 0.0);
        for neighbours in sides {
            for &other in neighbours.get(node).into_iter().flatten() {
                let w = edge_weight(graph, node, other);
                pull += w * centre(tops, other);
                weight += w;
            }
        }
        let (wanted, weight) = if weight > 0.0 {
            (pull / weight, weight)
        } else {
            (centre(tops, node), LONE_WEIGHT)
        };
        let height = size_of(graph, node).height;
        targets.push((wanted - height / 2.0 - offset, weight));
        offsets.push(offset);
        offset += height;
        if let Some(&below) = layer.get(index + 1) {
            offset += gap_below(graph, node, below);
        }
    }
    let fitted = isotonic_fit(&targets);
    for ((&node, shift), offset) in layer.iter().zip(fitted).zip(offsets) {
        if let Some(top) = tops.get_mut(node) {
            *top = shift + offset;
        }
    }
}

/// The non-decreasing sequence closest to the `(value, weight)` targets in weighted least
/// squares: adjacent blocks that are out of order are pooled into their weighted mean.
fn isotonic_fit(targets: &[(f64, f64)]) -> Vec<f64> {
    struct Block {
        weighted_sum: f64,
        weight: f64,
        len: usize,
    }
    impl Block {
        fn mean(&self) -> f64 {
            self.weighted_sum / self.weight
        }
    }
    let mut blocks: Vec<Block> = Vec::with_capacity(targets.len());
    for &(value, weight) in targets {
        let mut block = Block {
            weighted_sum: value * weight,
            weight,
            len: 1,
        };
        while let Some(previous) = blocks.last() {
            if previous.mean() <= block.mean() {
                break;
            }
            if let Some(previous) = blocks.pop() {
                block.weighted_sum += previous.weighted_sum;
                block.weight += previous.weight;
                block.len += previous.len;
            }
        }
        blocks.push(block);
    }
    blocks
        .iter()
        .flat_map(|block| std::iter::repeat_n(block.mean(), block.len))
        .collect()
}

/// Rounds tops to whole units, then pushes down whatever rounding brought closer than its gap.
fn snap_to_whole_units(graph: &LayeredGraph, layer: &[usize], tops: &mut [f64]) {
    let mut lowest_free: Option<f64> = None;
    for (index, &node) in layer.iter().enumerate() {
        let Some(top) = tops.get_mut(node) else {
            continue;
        };
        *top = (*top + 0.5).floor().max(lowest_free.unwrap_or(f64::MIN));
        let below = layer
            .get(index + 1)
            .map_or(0.0, |&below| gap_below(graph, node, below));
        lowest_free = Some(*top + size_of(graph, node).height + below);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layered::ordering::order_layers;

    #[test]
    fn isotonic_fit_pools_out_of_order_targets() {
        assert_eq!(isotonic_fit(&[(1.0, 1.0), (3.0, 1.0)]), vec![1.0, 3.0]);
        assert_eq!(isotonic_fit(&[(3.0, 1.0), (1.0, 1.0)]), vec![2.0, 2.0]);
        assert_eq!(
            isotonic_fit(&[(4.0, 3.0), (0.0, 1.0), (5.0, 1.0)]),
            vec![3.0, 3.0, 5.0]
        );
    }

    #[test]
    fn a_parent_sits_level_with_its_children_and_columns_keep_their_gap() {
        let sizes = [
            Size {
                width: 200.0,
                height: 100.0,
            },
            Size {
                width: 160.0,
                height: 60.0,
            },
            Size {
                width: 180.0,
                height: 60.0,
            },
        ];
        let graph = LayeredGraph::new(&sizes, &[(0, 1), (0, 2)]);
        let placement = place(&graph, &order_layers(&graph).0);
        let [parent, first, second] = placement.corners[..] else {
            panic!("three corners")
        };
        assert_eq!(parent.x, 0.0);
        assert_eq!(first.x.min(second.x), 200.0 + COLUMN_GAP);
        let children_centre = (first.y + second.y) / 2.0 + 30.0;
        let parent_centre = parent.y + 50.0;
        assert!((children_centre - parent_centre).abs() <= 1.0);
        assert!((second.y - first.y).abs() >= 60.0 + ROW_GAP);
        assert_eq!(placement.size.width, 200.0 + COLUMN_GAP + 180.0);
    }
}
