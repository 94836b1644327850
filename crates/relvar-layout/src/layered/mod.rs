//! Automatic layered (Sugiyama) layout of the foreign-key graph: tables in columns, referenced
//! tables left of the tables that reference them, few crossings, each connected component laid
//! out on its own and the components packed together into a block of about 16:10.
//!
//! The steps, one module each: [`graph`] (nodes, merged edges, components), [`cycles`] (cycle
//! removal), [`layering`] (columns and dummy nodes), [`ordering`] (crossing minimisation, counted
//! by [`crossings`]), [`coordinates`] (positions for the real box sizes), [`packing`].

mod coordinates;
mod crossings;
mod cycles;
mod graph;
mod layering;
mod ordering;
mod packing;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use relvar_model::{Design, Point, TableId};

use self::coordinates::{Placement, place};
use self::cycles::break_cycles;
use self::graph::{Component, FkGraph};
use self::layering::LayeredGraph;
use self::ordering::order_layers;
use self::packing::{COMPONENT_GAP, pack};
use crate::viewport::{Rect, table_rect};

/// Top-left corners for every table of the design, or only for the tables in `only`, laid out as
/// a graph of their own (keys to other tables are ignored) to the right of the tables left where
/// they are. Deterministic: the result depends on ids, sizes and keys, not on the order of the
/// design's lists.
pub fn layered_layout(
    design: &Design,
    only: Option<&BTreeSet<TableId>>,
) -> BTreeMap<TableId, Point> {
    run(design, only).positions
}

/// The most unplaced tables [`lay_out_unplaced`] gives the layered layout; beyond it the graph's
/// layers grow into columns many times taller than wide (2,000 generated tables: 12,582 x 77,081),
/// and a compact grid is the better first view.
pub const LAYERED_PLACEMENT_LIMIT: usize = 300;

/// Places every table that has no position: with the layered layout when there are at most
/// [`LAYERED_PLACEMENT_LIMIT`] of them (all as one graph when none has a position, as after an
/// import, else to the right of the rest), on the grid otherwise.
pub fn lay_out_unplaced(design: &mut Design) {
    let unplaced: BTreeSet<TableId> = design
        .tables
        .iter()
        .map(|table| table.id)
        .filter(|id| !design.layout.positions.contains_key(id))
        .collect();
    if unplaced.is_empty() {
        return;
    }
    if unplaced.len() > LAYERED_PLACEMENT_LIMIT {
        crate::grid::place_unpositioned(design);
        return;
    }
    let only = (unplaced.len() < design.tables.len()).then_some(&unplaced);
    for (table, at) in layered_layout(design, only) {
        design.layout.positions.entry(table).or_insert(at);
    }
}

/// The edges the layered layout draws, as `(child, parent)` table ids: one per pair of tables
/// joined by foreign keys in that direction, without self references, in id order.
pub fn layout_edges(design: &Design, only: Option<&BTreeSet<TableId>>) -> Vec<(TableId, TableId)> {
    let graph = FkGraph::new(design, only);
    let id = |node: usize| graph.ids.get(node).copied();
    let mut edges: Vec<_> = graph
        .edges
        .iter()
        .filter_map(|&(parent, child)| Some((id(child)?, id(parent)?)))
        .collect();
    relvar_model::order::sort(&mut edges[..]);
    edges
}

/// Crossings the layered layout leaves between adjacent columns, counting a long edge as the
/// chain of segments through the columns it passes (what the crossing minimisation minimises).
pub fn layered_crossings(design: &Design, only: Option<&BTreeSet<TableId>>) -> u64 {
    run(design, only).crossings
}

struct Outcome {
    positions: BTreeMap<TableId, Point>,
    crossings: u64,
}

fn run(design: &Design, only: Option<&BTreeSet<TableId>>) -> Outcome {
    let graph = FkGraph::new(design, only);
    let components = graph.components();
    let laid_out: Vec<(Placement, u64)> = components.iter().map(layout_component).collect();
    let sizes: Vec<_> = laid_out
        .iter()
        .map(|(placement, _)| placement.size)
        .collect();
    let origin = origin(design, only);
    let mut positions = BTreeMap::new();
    for ((component, (placement, _)), corner) in components.iter().zip(&laid_out).zip(pack(&sizes))
    {
        for (&node, local) in component.nodes.iter().zip(&placement.corners) {
            if let Some(&id) = graph.ids.get(node) {
                let x = origin.x + corner.x + local.x;
                let y = origin.y + corner.y + local.y;
                positions.insert(id, Point::new(x, y));
            }
        }
    }
    Outcome {
        positions,
        crossings: laid_out.iter().map(|(_, crossings)| crossings).sum(),
    }
}

fn layout_component(component: &Component) -> (Placement, u64) {
    let acyclic = break_cycles(component.sizes.len(), &component.edges);
    let layered = LayeredGraph::new(&component.sizes, &acyclic);
    let (layers, crossings) = order_layers(&layered);
    (place(&layered, &layers), crossings)
}

/// Where the laid out tables start: right of the box around the tables not laid out, level with
/// its top, or the origin (also when saved positions are not finite numbers).
fn origin(design: &Design, only: Option<&BTreeSet<TableId>>) -> Point {
    let Some(only) = only else {
        return Point::default();
    };
    design
        .tables
        .iter()
        .filter(|table| !only.contains(&table.id))
        .map(|table| table_rect(design, table))
        .reduce(Rect::union)
        .map(|fixed| Point::new(fixed.right() + COMPONENT_GAP, fixed.y))
        .filter(|start| start.x.is_finite() && start.y.is_finite())
        .unwrap_or_default()
}
