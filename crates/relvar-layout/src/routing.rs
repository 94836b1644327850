//! Relationship lines that go around table boxes: when the plain curve between two rows would
//! cross a box, an orthogonal route with rounded corners through the gaps between boxes (a Z
//! through a vertical gap, or a detour above or below what is in the way) is drawn instead.

use std::fmt::Write;

use relvar_model::Point;

use crate::edges::EdgeRoute;
use crate::viewport::Rect;

/// How far a line runs straight out of a box before it may turn.
const STUB: f64 = 18.0;
/// Room kept between a detour and the box it goes around.
const CLEARANCE: f64 = 12.0;
/// What a turn costs, in canvas units of length, when routes are compared.
const TURN_COST: f64 = 60.0;
/// Corner radius of a routed line.
const CORNER_RADIUS: f64 = 8.0;
/// Points sampled along the plain curve to see whether it crosses a box.
const CURVE_SAMPLES: usize = 24;
/// With more boxes than this around a line, it is drawn plain: routing through a crowd costs
/// more than a frame and rarely finds a clear way.
const MOST_BOXES_NEAR: usize = 48;
/// How far around the line's own extent a route may run, and boxes are looked at.
const REACH: f64 = 400.0;
/// The most routes tried for one line, cheapest first.
const MOST_ROUTES_TRIED: usize = 200;

/// Whether the segment from `a` to `b` passes through the inside of `rect` (touching its border
/// does not count). Liang–Barsky clipping against the open rectangle.
pub fn segment_crosses(a: Point, b: Point, rect: Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut enter = 0.0f64;
    let mut leave = 1.0f64;
    let limits = [
        (-dx, a.x - rect.x),
        (dx, rect.right() - a.x),
        (-dy, a.y - rect.y),
        (dy, rect.bottom() - a.y),
    ];
    for (p, q) in limits {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    leave - enter > 1e-9
}

fn polyline_crosses(points: &[Point], obstacles: &[Rect]) -> bool {
    points.windows(2).any(|pair| match pair {
        [a, b] => obstacles.iter().any(|rect| segment_crosses(*a, *b, *rect)),
        _ => false,
    })
}

fn length(points: &[Point]) -> f64 {
    points
        .windows(2)
        .map(|pair| match pair {
            [a, b] => (b.x - a.x).abs() + (b.y - a.y).abs(),
            _ => 0.0,
        })
        .sum()
}

/// Points along the plain curve [`EdgeRoute::path`] draws.
fn curve_points(route: &EdgeRoute) -> Vec<Point> {
    let (c1, c2) = route.controls();
    (0..=CURVE_SAMPLES)
        .map(|step| {
            let t = step as f64 / CURVE_SAMPLES as f64;
            let u = 1.0 - t;
            let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            Point::new(
                a * route.start.x + b * c1.x + c * c2.x + d * route.end.x,
                a * route.start.y + b * c1.y + c * c2.y + d * route.end.y,
            )
        })
        .collect()
}

/// The part of the canvas a route around boxes may use.
pub(crate) fn reach_of(route: &EdgeRoute) -> Rect {
    let (start, end) = (route.start, route.end);
    Rect {
        x: start.x.min(end.x) - REACH,
        y: start.y.min(end.y) - REACH,
        width: (start.x - end.x).abs() + 2.0 * REACH,
        height: (start.y - end.y).abs() + 2.0 * REACH,
    }
}

/// The boxes of `obstacles`, in their order, that [`route_around`] looks at for `route`: given
/// only these it finds the same route.
pub fn boxes_near(route: &EdgeRoute, obstacles: &[Rect]) -> Vec<Rect> {
    let reach = reach_of(route);
    obstacles
        .iter()
        .copied()
        .filter(|rect| within_reach(*rect, reach))
        .collect()
}

/// Whether a box is near enough a route whose reach is `reach` ([`reach_of`]) to be looked at.
pub(crate) fn within_reach(rect: Rect, reach: Rect) -> bool {
    rect.x < reach.right()
        && reach.x < rect.right()
        && rect.y < reach.bottom()
        && reach.y < rect.bottom()
}

/// The boxes of `obstacles` that decide [`route_around`]'s answer for `route`: none when it draws
/// the plain curve whatever the boxes near it (the curve crosses none of them, or too many are
/// near), else the boxes near it, in their order. Given only these it finds the same route, so a
/// box added near a line that it does not cross leaves what the line is drawn from unchanged.
pub fn boxes_routed_around(route: &EdgeRoute, obstacles: &[Rect]) -> Vec<Rect> {
    let near = boxes_near(route, obstacles);
    // The curve lies within the box around its end and control points: most boxes near a line
    // are outside that box, and sampling the curve is then not needed.
    let (c1, c2) = route.controls();
    let [left, right] =
        [f64::min, f64::max].map(|pick| pick(pick(route.start.x, route.end.x), pick(c1.x, c2.x)));
    let [top, bottom] =
        [f64::min, f64::max].map(|pick| pick(pick(route.start.y, route.end.y), pick(c1.y, c2.y)));
    let may_cross = |rect: &Rect| {
        rect.x < right && left < rect.right() && rect.y < bottom && top < rect.bottom()
    };
    if near.len() > MOST_BOXES_NEAR
        || !near.iter().any(may_cross)
        || !polyline_crosses(&curve_points(route), &near)
    {
        return Vec::new();
    }
    near
}

/// The corners of a route around `obstacles` from `route.start` to `route.end` (both included),
/// or `None` when the plain curve crosses no box, when more than [`MOST_BOXES_NEAR`] boxes are
/// near it, or when none of the [`MOST_ROUTES_TRIED`] cheapest routes is clear of them all.
/// Only the boxes near the line matter, so callers may pass every box in view.
pub fn route_around(route: &EdgeRoute, obstacles: &[Rect]) -> Option<Vec<Point>> {
    route_around_near(route, &boxes_routed_around(route, obstacles))
}

/// [`route_around`] given the line's [`boxes_routed_around`] (`near`) rather than every box.
pub fn route_around_near(route: &EdgeRoute, near: &[Rect]) -> Option<Vec<Point>> {
    let (start, end) = (route.start, route.end);
    let reach = reach_of(route);
    if near.is_empty() {
        return None;
    }
    let out_of_start = Point::new(start.x + route.start_side.direction() * STUB, start.y);
    let into_end = Point::new(end.x + route.end_side.direction() * STUB, end.y);
    let mut candidates: Vec<Vec<Point>> = Vec::new();

    // A Z through a vertical gap between the two stubs.
    let (low_x, high_x) = (
        out_of_start.x.min(into_end.x),
        out_of_start.x.max(into_end.x),
    );
    let mut gap_xs = vec![
        out_of_start.x,
        into_end.x,
        (out_of_start.x + into_end.x) / 2.0,
    ];
    for rect in near {
        gap_xs.extend([rect.x - CLEARANCE, rect.right() + CLEARANCE]);
    }
    for x in gap_xs {
        if (low_x..=high_x).contains(&x) {
            candidates.push(vec![
                start,
                Point::new(x, start.y),
                Point::new(x, end.y),
                end,
            ]);
        }
    }
    // A detour above or below what is in the way, through the two stubs.
    let mut gap_ys = Vec::new();
    for rect in near {
        gap_ys.extend([rect.y - CLEARANCE, rect.bottom() + CLEARANCE]);
    }
    // Only detours inside the reach: every box a route there could meet is in `near`.
    for y in gap_ys
        .into_iter()
        .filter(|y| (reach.y..=reach.bottom()).contains(y))
    {
        candidates.push(vec![
            start,
            out_of_start,
            Point::new(out_of_start.x, y),
            Point::new(into_end.x, y),
            into_end,
            end,
        ]);
    }
    let mut costed: Vec<(f64, Vec<Point>)> = candidates
        .into_iter()
        .map(|points| {
            let points = simplified(&points);
            let cost = length(&points) + TURN_COST * points.len().saturating_sub(2) as f64;
            (cost, points)
        })
        .collect();
    relvar_model::order::sort_by(&mut costed[..], |a, b| a.0.total_cmp(&b.0));
    // The box that blocked the last route tried is asked first: it usually blocks the next.
    let mut last_blocker = 0;
    costed
        .into_iter()
        .take(MOST_ROUTES_TRIED)
        .map(|(_, points)| points)
        .find(|points| {
            let blocks = |rect: &Rect| {
                points
                    .windows(2)
                    .any(|pair| matches!(pair, [a, b] if segment_crosses(*a, *b, *rect)))
            };
            if near.get(last_blocker).is_some_and(blocks) {
                return false;
            }
            match near.iter().position(blocks) {
                Some(blocker) => {
                    last_blocker = blocker;
                    false
                }
                None => true,
            }
        })
}

/// The points without repeats and without corners that do not turn.
fn simplified(points: &[Point]) -> Vec<Point> {
    let mut kept: Vec<Point> = Vec::with_capacity(points.len());
    for &point in points {
        if kept.last() == Some(&point) {
            continue;
        }
        if let [.., before, last] = kept.as_slice() {
            let straight = (before.x == last.x && last.x == point.x)
                || (before.y == last.y && last.y == point.y);
            if straight {
                kept.pop();
            }
        }
        kept.push(point);
    }
    kept
}

/// Each corner of the polyline through `points`, rounded: where the curve leaves the line
/// before it, the corner (its control point) and where it joins the line after it.
fn rounded_corners(points: &[Point]) -> Vec<[Point; 3]> {
    points
        .windows(3)
        .filter_map(|triple| {
            let [before, corner, after] = triple else {
                return None;
            };
            let toward = |from: &Point, to: &Point| {
                let distance = (to.x - from.x).abs() + (to.y - from.y).abs();
                let radius = CORNER_RADIUS.min(distance / 2.0);
                if distance == 0.0 {
                    *to
                } else {
                    Point::new(
                        to.x + (from.x - to.x) / distance * radius,
                        to.y + (from.y - to.y) / distance * radius,
                    )
                }
            };
            Some([toward(before, corner), *corner, toward(after, corner)])
        })
        .collect()
}

/// An SVG path through `points` with rounded corners.
pub fn rounded_path(points: &[Point]) -> String {
    let mut d = String::new();
    let Some(first) = points.first() else {
        return d;
    };
    let _ = write!(d, "M {:.1} {:.1}", first.x, first.y);
    for [entry, corner, exit] in rounded_corners(points) {
        let _ = write!(
            d,
            " L {:.1} {:.1} Q {:.1} {:.1}, {:.1} {:.1}",
            entry.x, entry.y, corner.x, corner.y, exit.x, exit.y
        );
    }
    if let Some(last) = points.last().filter(|_| points.len() > 1) {
        let _ = write!(d, " L {:.1} {:.1}", last.x, last.y);
    }
    d
}

/// The points of [`rounded_path`] with each rounded corner as a few straight steps.
pub fn rounded_polyline(points: &[Point]) -> Vec<Point> {
    const CORNER_STEPS: u32 = 4;
    let mut line: Vec<Point> = points.first().copied().into_iter().collect();
    for [entry, corner, exit] in rounded_corners(points) {
        line.push(entry);
        for step in 1..=CORNER_STEPS {
            let t = f64::from(step) / f64::from(CORNER_STEPS);
            let u = 1.0 - t;
            line.push(Point::new(
                u * u * entry.x + 2.0 * u * t * corner.x + t * t * exit.x,
                u * u * entry.y + 2.0 * u * t * corner.y + t * t * exit.y,
            ));
        }
    }
    if let Some(last) = points.last().filter(|_| points.len() > 1) {
        line.push(*last);
    }
    line
}

#[cfg(test)]
#[path = "routing_tests.rs"]
mod tests;
