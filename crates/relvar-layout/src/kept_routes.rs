//! The route each line takes around boxes, kept between redraws: a line's answer can change only
//! when its own route moved or a box appeared, went or moved within its reach, so an edit that
//! adds one table looks again only at the lines passing near it, not at every line in view; and a
//! line whose way round stays the same is not drawn again.

use std::collections::HashMap;

use crate::edges::EdgeRoute;
use relvar_model::Point;

use crate::routing::{boxes_routed_around, reach_of, route_around_near, within_reach};
use crate::viewport::Rect;

/// The answers of [`crate::routing::route_around`] for the lines of one redraw, kept for the next.
#[derive(Debug, Default)]
pub struct KeptRoutes {
    /// The boxes lines went around in the last redraw.
    obstacles: Vec<Rect>,
    /// The boxes added, removed or moved since the redraw before (both places of a moved box).
    changed: Vec<Rect>,
    kept: HashMap<u32, Kept>,
    pass: u64,
}

#[derive(Debug)]
struct Kept {
    route: EdgeRoute,
    /// The boxes the way was found around ([`boxes_routed_around`]).
    near: Vec<Rect>,
    corners: Option<Vec<Point>>,
    pass: u64,
}

impl KeptRoutes {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a redraw whose lines go around `obstacles`.
    pub fn begin(&mut self, obstacles: &[Rect]) {
        self.pass += 1;
        self.changed = changed_boxes(&self.obstacles, obstacles);
        // Among routes of equal cost the first found wins, in the obstacles' order: a new order
        // is a change for every line.
        if unchanged_in_order(&self.obstacles, &self.changed)
            != unchanged_in_order(obstacles, &self.changed)
        {
            self.kept.clear();
        }
        self.obstacles.clear();
        self.obstacles.extend_from_slice(obstacles);
    }

    /// The corners of line `id` around the redraw's obstacles ([`crate::routing::route_around`];
    /// `None` for the plain curve), looked at again only when the route or a box within its reach
    /// changed, and searched for again only when the boxes it goes around did.
    pub fn corners(&mut self, id: u32, route: &EdgeRoute) -> Option<Vec<Point>> {
        let pass = self.pass;
        let mut kept = self.kept.get_mut(&id).filter(|kept| kept.route == *route);
        if let Some(kept) = kept.as_mut() {
            let reach = reach_of(route);
            if !self.changed.iter().any(|rect| within_reach(*rect, reach)) {
                kept.pass = pass;
                return kept.corners.clone();
            }
        }
        let near = boxes_routed_around(route, &self.obstacles);
        if let Some(kept) = kept
            && kept.near == near
        {
            kept.pass = pass;
            return kept.corners.clone();
        }
        let corners = route_around_near(route, &near);
        let kept = Kept {
            route: *route,
            near,
            corners: corners.clone(),
            pass,
        };
        self.kept.insert(id, kept);
        corners
    }

    /// Ends a redraw, forgetting the lines it did not ask about.
    pub fn end(&mut self) {
        let pass = self.pass;
        self.kept.retain(|_, kept| kept.pass == pass);
    }
}

fn bits(rect: &Rect) -> [u64; 4] {
    [rect.x, rect.y, rect.width, rect.height].map(f64::to_bits)
}

/// The boxes of `boxes` in their order, less one of each box in `changed` for each time it is
/// there (a box both lists hold as often is in neither list's part of `changed`).
fn unchanged_in_order(boxes: &[Rect], changed: &[Rect]) -> Vec<[u64; 4]> {
    let mut left_out: HashMap<[u64; 4], usize> = HashMap::new();
    for rect in changed {
        *left_out.entry(bits(rect)).or_default() += 1;
    }
    boxes
        .iter()
        .map(bits)
        .filter(|key| match left_out.get_mut(key) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// The boxes in one list and not the other, counting repeats (both lists in any order).
fn changed_boxes(before: &[Rect], after: &[Rect]) -> Vec<Rect> {
    let mut before: Vec<&Rect> = before.iter().collect();
    let mut after: Vec<&Rect> = after.iter().collect();
    relvar_model::order::sort_by_key(&mut before[..], |rect| bits(rect));
    relvar_model::order::sort_by_key(&mut after[..], |rect| bits(rect));
    let (mut old, mut new) = (before.into_iter().peekable(), after.into_iter().peekable());
    let mut changed = Vec::new();
    loop {
        match (old.peek(), new.peek()) {
            (Some(a), Some(b)) if bits(a) == bits(b) => {
                old.next();
                new.next();
            }
            (Some(a), Some(b)) if bits(a) < bits(b) => changed.extend(old.next().copied()),
            (Some(_), Some(_)) => changed.extend(new.next().copied()),
            (Some(_), None) => changed.extend(old.next().copied()),
            (None, Some(_)) => changed.extend(new.next().copied()),
            (None, None) => return changed,
        }
    }
}

#[cfg(test)]
#[path = "kept_routes_tests.rs"]
mod tests;
