//! Crossing minimisation: orders the nodes within each layer by sweeping the layers forwards and
//! backwards, sorting each by the barycenter (or, in every second group of four sweeps, the
//! median) of its neighbours in the layer just fixed, then swapping adjacent nodes while that
//! removes crossings. The search runs from two starting orders (depth-first from the first layer
//! and from the last) and keeps the best order seen.

use super::crossings::total_crossings;
use super::layering::LayeredGraph;

const MAX_SWEEPS: usize = 64;
/// Sweeps without improvement after which a search stops.
const PATIENCE: usize = 12;
/// Passes of adjacent swaps after each sweep; more rarely pay for their time on large graphs.
const MAX_TRANSPOSE_PASSES: usize = 3;

/// Which neighbours a sweep orders a layer by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Towards later layers, by neighbours in the previous layer.
    Forward,
    /// Towards earlier layers, by neighbours in the next layer.
    Backward,
}

/// How nodes that are equally good in either order are ordered. Alternating between the two lets
/// the sweeps leave ties that block them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TieBreak {
    KeepOrder,
    Swap,
}

/// Which average of its neighbours' places a node is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Average {
    Barycenter,
    Median,
}

/// The settings of one sweep: direction every sweep, ties every two, average every four.
#[derive(Debug, Clone, Copy)]
struct Sweep {
    direction: Direction,
    ties: TieBreak,
    average: Average,
}

impl Sweep {
    fn number(sweep: usize) -> Self {
        Self {
            direction: if sweep.is_multiple_of(2) {
                Direction::Forward
            } else {
                Direction::Backward
            },
            ties: if sweep % 4 < 2 {
                TieBreak::KeepOrder
            } else {
                TieBreak::Swap
            },
            average: if sweep % 8 < 4 {
                Average::Barycenter
            } else {
                Average::Median
            },
        }
    }
}

/// The nodes of each layer in their chosen order, top to bottom, and the crossings between
/// adjacent layers that order leaves.
pub(crate) fn order_layers(graph: &LayeredGraph) -> (Vec<Vec<usize>>, u64) {
    let from_first = search(graph, initial_order(graph, Direction::Forward));
    if from_first.1 == 0 {
        return from_first;
    }
    let from_last = search(graph, initial_order(graph, Direction::Backward));
    if from_last.1 < from_first.1 {
        from_last
    } else {
        from_first
    }
}

/// Sweeps from `start` until crossings stop falling; the best order seen and its crossings.
fn search(graph: &LayeredGraph, start: Vec<Vec<usize>>) -> (Vec<Vec<usize>>, u64) {
    let mut layers = start;
    let mut position = positions(graph, &layers);
    let mut best = layers.clone();
    let mut best_crossings = total_crossings(graph, &layers, &position);
    let mut stale = 0;
    for number in 0..MAX_SWEEPS {
        if best_crossings == 0 {
            break;
        }
        let sweep = Sweep::number(number);
        sweep_layers(graph, &mut layers, &mut position, sweep);
        transpose(graph, &mut layers, &mut position, sweep.ties);
        let crossings = total_crossings(graph, &layers, &position);
        if crossings < best_crossings {
            best_crossings = crossings;
            best.clone_from(&layers);
            stale = 0;
        } else {
            stale += 1;
            if stale >= PATIENCE {
                break;
            }
        }
    }
    (best, best_crossings)
}

/// Each node's index within its layer.
pub(crate) fn positions(graph: &LayeredGraph, layers: &[Vec<usize>]) -> Vec<usize> {
    let mut position = vec![0; graph.sizes.len()];
    for layer in layers {
        for (index, &node) in layer.iter().enumerate() {
            if let Some(slot) = position.get_mut(node) {
                *slot = index;
            }
        }
    }
    position
}

/// A depth-first walk from the nodes of the first layer onwards (or of the last layer backwards),
/// placing each node in its layer when first reached, so that connected nodes start near each
/// other.
fn initial_order(graph: &LayeredGraph, direction: Direction) -> Vec<Vec<usize>> {
    let mut layers = vec![Vec::new(); graph.layer_count];
    let mut visited = vec![false; graph.sizes.len()];
    let mut starts: Vec<usize> = (0..graph.sizes.len()).collect();
    let (neighbours, last) = match direction {
        Direction::Forward => (&graph.down, 0),
        Direction::Backward => (&graph.up, graph.layer_count),
    };
    relvar_model::order::sort_by_key(&mut starts[..], |&node| {
        (graph.layer_of(node).abs_diff(last), node)
    });
    let mut stack = Vec::new();
    for start in starts {
        stack.push(start);
        while let Some(node) = stack.pop() {
            match visited.get_mut(node) {
                Some(seen) if !*seen => *seen = true,
                _ => continue,
            }
            if let Some(layer) = layers.get_mut(graph.layer_of(node)) {
                layer.push(node);
            }
            let next = neighbours.get(node).into_iter().flatten().rev();
            stack.extend(next.filter(|&&n| visited.get(n) == Some(&false)));
        }
    }
    layers
}

/// Reorders every layer but the first one swept by the average place of its neighbours in the
/// layer before it in the sweep. Nodes without such neighbours keep their places.
fn sweep_layers(
    graph: &LayeredGraph,
    layers: &mut [Vec<usize>],
    position: &mut [usize],
    sweep: Sweep,
) {
    let direction = sweep.direction;
    let count = layers.len();
    let indexes: Vec<usize> = match direction {
        Direction::Forward => (1..count).collect(),
        Direction::Backward => (0..count.saturating_sub(1)).rev().collect(),
    };
    for index in indexes {
        let Some(layer) = layers.get_mut(index) else {
            continue;
        };
        let neighbours = match direction {
            Direction::Forward => &graph.up,
            Direction::Backward => &graph.down,
        };
        reorder_by_average(layer, neighbours, position, sweep);
        for (place, &node) in layer.iter().enumerate() {
            if let Some(slot) = position.get_mut(node) {
                *slot = place;
            }
        }
    }
}

fn reorder_by_average(
    layer: &mut [usize],
    neighbours: &[Vec<usize>],
    position: &[usize],
    sweep: Sweep,
) {
    let mut movable: Vec<(f64, usize, usize)> = Vec::with_capacity(layer.len());
    let mut free_slots = Vec::with_capacity(layer.len());
    let mut places = Vec::new();
    for (slot, &node) in layer.iter().enumerate() {
        places.clear();
        let around = neighbours.get(node).into_iter().flatten();
        places.extend(around.filter_map(|n| position.get(*n).copied()));
        if let Some(key) = average(&mut places, sweep.average) {
            movable.push((key, slot, node));
            free_slots.push(slot);
        }
    }
    relvar_model::order::sort_by(&mut movable[..], |a, b| {
        let by_slot = match sweep.ties {
            TieBreak::KeepOrder => a.1.cmp(&b.1),
            TieBreak::Swap => b.1.cmp(&a.1),
        };
        a.0.total_cmp(&b.0).then(by_slot)
    });
    for (slot, (_, _, node)) in free_slots.into_iter().zip(movable) {
        if let Some(place) = layer.get_mut(slot) {
            *place = node;
        }
    }
}

/// The barycenter or the median (the mean of the middle two for an even count) of `places`;
/// none for no places.
fn average(places: &mut [usize], average: Average) -> Option<f64> {
    if places.is_empty() {
        return None;
    }
    Some(match average {
        Average::Barycenter => places.iter().sum::<usize>() as f64 / places.len() as f64,
        Average::Median => {
            relvar_model::order::sort(&mut places[..]);
            let upper = places.get(places.len() / 2).copied()?;
            let lower = places.get((places.len() - 1) / 2).copied()?;
            (lower + upper) as f64 / 2.0
        }
    })
}

/// Swaps neighbours within a layer whenever the swap lowers the crossings of their edges on both
/// sides (or, with [`TieBreak::Swap`] and in the first pass only, leaves them as many but not
/// none), until a pass changes nothing. A pass looks again only at layers next to (or in) a layer the previous pass changed.
fn transpose(
    graph: &LayeredGraph,
    layers: &mut [Vec<usize>],
    position: &mut [usize],
    ties: TieBreak,
) {
    let mut ends = PairEnds::default();
    let mut to_visit = vec![true; layers.len()];
    for pass in 0..MAX_TRANSPOSE_PASSES {
        let mut changed = vec![false; layers.len()];
        for ((layer, visit), changed) in layers.iter_mut().zip(&to_visit).zip(&mut changed) {
            if !*visit {
                continue;
            }
            for slot in 1..layer.len() {
                let (Some(&first), Some(&second)) = (layer.get(slot - 1), layer.get(slot)) else {
                    continue;
                };
                let (kept, swapped) = ends.crossings(graph, first, second, position);
                let tie = ties == TieBreak::Swap && pass == 0 && kept > 0 && swapped == kept;
                if swapped < kept || tie {
                    layer.swap(slot - 1, slot);
                    if let Some(place) = position.get_mut(first) {
                        *place = slot;
                    }
                    if let Some(place) = position.get_mut(second) {
                        *place = slot - 1;
                    }
                    *changed = true;
                }
            }
        }
        if !changed.contains(&true) {
            break;
        }
        let near_change = |index: usize| {
            [index.wrapping_sub(1), index, index + 1]
                .iter()
                .any(|&near| changed.get(near) == Some(&true))
        };
        to_visit = (0..layers.len()).map(near_change).collect();
    }
}

/// The sorted places of two nodes' neighbours on one side, kept between calls to save
/// allocations.
#[derive(Debug, Default)]
struct PairEnds {
    first: Vec<usize>,
    second: Vec<usize>,
}

impl PairEnds {
    /// Crossings between the edges of `first` and those of `second`, on both sides of their
    /// layer: with `first` just above `second`, and the other way round.
    fn crossings(
        &mut self,
        graph: &LayeredGraph,
        first: usize,
        second: usize,
        position: &[usize],
    ) -> (u64, u64) {
        let mut kept = 0;
        let mut swapped = 0;
        for neighbours in [&graph.up, &graph.down] {
            let (Some(firsts), Some(seconds)) = (neighbours.get(first), neighbours.get(second))
            else {
                continue;
            };
            if let ([a], [b]) = (firsts.as_slice(), seconds.as_slice()) {
                let (a, b) = (position.get(*a), position.get(*b));
                kept += u64::from(b < a);
                swapped += u64::from(a < b);
                continue;
            }
            if firsts.is_empty() || seconds.is_empty() {
                continue;
            }
            sorted_places(&mut self.first, firsts, position);
            sorted_places(&mut self.second, seconds, position);
            kept += pairs_in_order(&self.second, &self.first);
            swapped += pairs_in_order(&self.first, &self.second);
        }
        (kept, swapped)
    }
}

fn sorted_places(places: &mut Vec<usize>, nodes: &[usize], position: &[usize]) {
    places.clear();
    places.extend(nodes.iter().filter_map(|node| position.get(*node).copied()));
    relvar_model::order::sort(&mut places[..]);
}

/// Pairs `(a, b)` of `lows` × `highs`, both sorted, with `a < b`.
fn pairs_in_order(lows: &[usize], highs: &[usize]) -> u64 {
    let mut below = 0;
    let mut count = 0;
    for &high in highs {
        while lows.get(below).is_some_and(|&low| low < high) {
            below += 1;
        }
        count += below as u64;
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

    fn crossings_after_ordering(node_count: usize, edges: &[(usize, usize)]) -> u64 {
        let graph = LayeredGraph::new(&vec![BOX; node_count], edges);
        let (layers, crossings) = order_layers(&graph);
        assert_eq!(
            crossings,
            total_crossings(&graph, &layers, &positions(&graph, &layers))
        );
        let mut all: Vec<usize> = layers.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..graph.sizes.len()).collect::<Vec<_>>());
        crossings
    }

    #[test]
    fn a_graph_that_can_be_drawn_without_crossings_is() {
        // Drawn without crossings as [0, 1], [4, 2, 3], [6, 5]; the order by id and both
        // depth-first orders cross.
        let edges = [(0, 2), (0, 4), (1, 3), (2, 5), (3, 5), (4, 6)];
        let graph = LayeredGraph::new(&[BOX; 7], &edges);
        for start in [
            vec![vec![0, 1], vec![2, 3, 4], vec![5, 6]],
            initial_order(&graph, Direction::Forward),
            initial_order(&graph, Direction::Backward),
        ] {
            assert!(total_crossings(&graph, &start, &positions(&graph, &start)) > 0);
        }
        assert_eq!(crossings_after_ordering(7, &edges), 0);
    }

    #[test]
    fn pairs_in_order_count_every_smaller_low_for_each_high() {
        assert_eq!(pairs_in_order(&[0, 2, 2, 5], &[1, 2, 3, 6]), 1 + 1 + 3 + 4);
        assert_eq!(pairs_in_order(&[], &[1]), 0);
    }

    #[test]
    fn trees_and_ladders_have_no_crossings() {
        let tree: Vec<_> = (1..40).map(|child| ((child - 1) / 3, child)).collect();
        assert_eq!(crossings_after_ordering(40, &tree), 0);
        let ladder: Vec<_> = (0..20)
            .flat_map(|rung| [(rung, rung + 1), (rung + 21, rung + 22), (rung, rung + 22)])
            .collect();
        assert_eq!(crossings_after_ordering(42, &ladder), 0);
    }

    #[test]
    fn a_complete_bipartite_graph_keeps_only_its_unavoidable_crossings() {
        let edges: Vec<_> = (0..3).flat_map(|a| (3..6).map(move |b| (a, b))).collect();
        assert_eq!(crossings_after_ordering(6, &edges), 9);
    }
}
