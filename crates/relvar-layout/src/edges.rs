//! Routes for relationship edges: from the row of a referencing column to the row of the
//! referenced column, leaving and entering on the sides that face each other.

use relvar_model::Point;

use crate::viewport::Rect;

/// Which side of a box an edge leaves or enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// +1 for a line leaving to the right, -1 to the left.
    pub(crate) fn direction(self) -> f64 {
        match self {
            Side::Left => -1.0,
            Side::Right => 1.0,
        }
    }
}

/// An edge from a point on one box's side to a point on another's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeRoute {
    pub start: Point,
    pub start_side: Side,
    pub end: Point,
    pub end_side: Side,
}

/// Routes an edge from row height `from_y` of box `from` to row height `to_y` of box `to`.
/// Boxes side by side connect their facing sides; overlapping columns of boxes (and a table
/// referencing itself) connect right side to right side.
pub fn route(from: Rect, from_y: f64, to: Rect, to_y: f64) -> EdgeRoute {
    let (start_side, end_side) = if to.x >= from.right() {
        (Side::Right, Side::Left)
    } else if to.right() <= from.x {
        (Side::Left, Side::Right)
    } else {
        (Side::Right, Side::Right)
    };
    let side_x = |rect: Rect, side: Side| match side {
        Side::Left => rect.x,
        Side::Right => rect.right(),
    };
    EdgeRoute {
        start: Point::new(side_x(from, start_side), from_y),
        start_side,
        end: Point::new(side_x(to, end_side), to_y),
        end_side,
    }
}

impl EdgeRoute {
    /// The control points of the cubic curve drawn for this route, which leaves and enters
    /// horizontally.
    pub(crate) fn controls(&self) -> (Point, Point) {
        let reach = ((self.end.x - self.start.x).abs() / 2.0).max(40.0);
        let c1 = Point::new(
            self.start.x + self.start_side.direction() * reach,
            self.start.y,
        );
        let c2 = Point::new(self.end.x + self.end_side.direction() * reach, self.end.y);
        (c1, c2)
    }

    /// An SVG path: a cubic curve that leaves and enters horizontally.
    pub fn path(&self) -> String {
        let (c1, c2) = self.controls();
        format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            self.start.x, self.start.y, c1.x, c1.y, c2.x, c2.y, self.end.x, self.end.y
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64) -> Rect {
        Rect {
            x,
            y: 0.0,
            width: 100.0,
            height: 100.0,
        }
    }

    #[test]
    fn facing_sides_connect() {
        let right = route(rect(0.0), 40.0, rect(300.0), 60.0);
        assert_eq!(
            (right.start, right.end),
            (Point::new(100.0, 40.0), Point::new(300.0, 60.0))
        );
        let left = route(rect(300.0), 40.0, rect(0.0), 60.0);
        assert_eq!((left.start_side, left.end_side), (Side::Left, Side::Right));
        assert_eq!((left.start.x, left.end.x), (300.0, 100.0));
    }

    #[test]
    fn overlapping_boxes_and_self_references_loop_on_the_right() {
        let same = route(rect(0.0), 40.0, rect(0.0), 70.0);
        assert_eq!((same.start_side, same.end_side), (Side::Right, Side::Right));
        assert!(
            same.path().starts_with("M 100.0 40.0 C 140.0 40.0"),
            "{}",
            same.path()
        );
    }
}
