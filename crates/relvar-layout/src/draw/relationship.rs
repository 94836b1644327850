//! SVG markup of one relationship: a curve from the referencing column's row to the referenced
//! column's row, with crow's foot ends whose cardinality the model implies; identifying
//! relationships (the foreign key inside the primary key) solid, others dashed (in short pieces,
//! `dashes.rs`).

use std::fmt::Write;

use relvar_model::{
    Cardinality, ColumnId, ForeignKey, ForeignKeyId, Maximum, Minimum, Point, RelationshipEnds,
    Table,
};

use super::dashes::{DASH_PATTERN, cubic_polyline, pieces_markup};
use super::facts::TableFacts;
use super::palette::Palette;
use super::{Detail, escape};
use crate::edges::{EdgeRoute, Side, route};
use crate::geometry::HEADER_HEIGHT;
use crate::viewport::Rect;

/// One end of a drawn relationship: a table, how it is drawn, and where.
#[derive(Debug, Clone, Copy)]
pub struct DrawnTable<'a> {
    pub table: &'a Table,
    pub facts: &'a TableFacts,
    pub at: Point,
}

impl DrawnTable<'_> {
    fn rect(&self) -> Rect {
        let size = self.facts.drawn_size(self.table);
        Rect {
            x: self.at.x,
            y: self.at.y,
            width: size.width,
            height: size.height,
        }
    }

    /// Where an edge meets the box: the column's row, or the header when the row is hidden.
    fn anchor_y(&self, column: Option<&ColumnId>) -> f64 {
        let row = column.and_then(|column| self.facts.row_of(self.table, *column));
        self.at.y
            + match row {
                Some(row) => crate::geometry::row_center_y(row),
                None => HEADER_HEIGHT / 2.0,
            }
    }
}

const MARK_HALF_HEIGHT: f64 = 7.0;
const FOOT_LENGTH: f64 = 14.0;
const INNER_BAR: f64 = 8.0;
const OUTER_BAR: f64 = 20.0;
const ZERO_CENTRE: f64 = 24.0;
const ZERO_RADIUS: f64 = 4.0;

/// Adds one end's symbols: the maximum next to the box, the minimum further out.
fn end_marks(lines: &mut String, circles: &mut String, at: Point, side: Side, ends: Cardinality) {
    let out = match side {
        Side::Left => -1.0,
        Side::Right => 1.0,
    };
    let (x, y) = (at.x, at.y);
    let (top, bottom) = (y - MARK_HALF_HEIGHT, y + MARK_HALF_HEIGHT);
    match ends.max {
        Maximum::Many => {
            let tip = x + out * FOOT_LENGTH;
            let _ = write!(
                lines,
                "M {tip:.1} {y:.1} L {x:.1} {top:.1} M {tip:.1} {y:.1} L {x:.1} {y:.1} M {tip:.1} {y:.1} L {x:.1} {bottom:.1} "
            );
        }
        Maximum::One => {
            let bar = x + out * INNER_BAR;
            let _ = write!(lines, "M {bar:.1} {top:.1} V {bottom:.1} ");
        }
    }
    match ends.min {
        Minimum::One => {
            let bar = x + out * OUTER_BAR;
            let _ = write!(lines, "M {bar:.1} {top:.1} V {bottom:.1} ");
        }
        Minimum::Zero => {
            let left = x + out * ZERO_CENTRE - ZERO_RADIUS;
            let _ = write!(
                circles,
                "M {left:.1} {y:.1} a {ZERO_RADIUS} {ZERO_RADIUS} 0 1 0 {d} 0 a {ZERO_RADIUS} {ZERO_RADIUS} 0 1 0 -{d} 0 ",
                d = 2.0 * ZERO_RADIUS
            );
        }
    }
}

/// How a relationship is to be drawn.
#[derive(Debug, Clone, Copy)]
pub struct RelationshipStyle<'a> {
    pub palette: &'a Palette,
    pub detail: Detail,
    pub selected: bool,
    /// The table boxes a line should go around (any may be given; only those near it count).
    pub obstacles: &'a [Rect],
    /// The part of the canvas being drawn, when not all of it is: a dashed line's pieces
    /// outside it are left out.
    pub clip: Option<Rect>,
}

/// Where a relationship's line runs: from the referencing row of `child` to the referenced row of
/// `parent`, on the sides that face each other.
pub fn relationship_route(
    foreign_key: &ForeignKey,
    child: DrawnTable,
    parent: DrawnTable,
) -> EdgeRoute {
    route(
        child.rect(),
        child.anchor_y(foreign_key.from_columns.first()),
        parent.rect(),
        parent.anchor_y(foreign_key.to_columns.first()),
    )
}

/// Appends every line as one path: how thousands of relationships are drawn far out, where one
/// element each would cost most of the painting.
pub fn far_lines_markup(out: &mut String, routes: &[EdgeRoute], palette: &Palette) {
    out.push_str(r#"<path class="far-edges" d=""#);
    for line in routes {
        let _ = write!(
            out,
            "M{:.0} {:.0}L{:.0} {:.0}",
            line.start.x, line.start.y, line.end.x, line.end.y
        );
    }
    let _ = write!(
        out,
        r#"" fill="none" stroke="{}" stroke-width="1" vector-effect="non-scaling-stroke"/>"#,
        palette.edge
    );
}

/// Everything one relationship's markup is drawn from: equal plans draw equal markup, so a
/// canvas may keep a relationship's markup for as long as its plan stays the same.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationshipPlan {
    foreign_key: ForeignKeyId,
    /// `child->parent` by qualified names.
    label: String,
    ends: RelationshipEnds,
    path: EdgeRoute,
    /// The corners of the line's way around the boxes in it (`routing::route_around`): none
    /// for the plain curve.
    corners: Option<Vec<Point>>,
    detail: Detail,
    selected: bool,
    stroke: &'static str,
    background: &'static str,
    /// Where a dashed line's pieces are drawn.
    clip: Option<Rect>,
}

/// What [`relationship_markup`] draws for one foreign key from `child` to `parent`.
pub fn relationship_plan(
    foreign_key: &ForeignKey,
    child: DrawnTable,
    parent: DrawnTable,
    style: RelationshipStyle,
) -> RelationshipPlan {
    let path = relationship_route(foreign_key, child, parent);
    let corners = if style.detail == Detail::Boxes {
        None
    } else {
        crate::routing::route_around(&path, style.obstacles)
    };
    relationship_plan_around(
        foreign_key,
        [child.table, parent.table],
        path,
        corners,
        style,
    )
}

/// What [`relationship_markup`] draws for one foreign key between `[child, parent]` along
/// `path` (its [`relationship_route`]) by `corners`, the way `routing::route_around` gives for it
/// (kept by the caller, see [`crate::KeptRoutes`]); `style.obstacles` is not read.
pub fn relationship_plan_around(
    foreign_key: &ForeignKey,
    [child, parent]: [&Table; 2],
    path: EdgeRoute,
    corners: Option<Vec<Point>>,
    style: RelationshipStyle,
) -> RelationshipPlan {
    let ends = child.relationship_ends(foreign_key);
    let full = style.detail != Detail::Boxes;
    RelationshipPlan {
        foreign_key: foreign_key.id,
        label: format!("{}->{}", child.qualified_name(), parent.qualified_name()),
        ends,
        path,
        corners: corners.filter(|_| full),
        detail: style.detail,
        selected: style.selected,
        stroke: if style.selected {
            style.palette.selection
        } else {
            style.palette.edge
        },
        background: style.palette.background,
        clip: style.clip.filter(|_| full && !ends.identifying),
    }
}

/// Appends the `<g class="relationship">` of one foreign key from `child` to `parent`.
pub fn relationship_markup(
    out: &mut String,
    foreign_key: &ForeignKey,
    child: DrawnTable,
    parent: DrawnTable,
    style: RelationshipStyle,
) {
    relationship_plan(foreign_key, child, parent, style).markup(out);
}

/// How far an end mark (a crow's foot, a bar, a circle) reaches past the line's end.
const END_MARK_REACH: f64 = 16.0;

impl RelationshipPlan {
    /// The box the line and its end marks stay within: a curve stays within its control points,
    /// a routed line within its corners.
    pub fn reach(&self) -> Rect {
        let (c1, c2) = self.path.controls();
        let ends = [self.path.start, self.path.end, c1, c2];
        let corners = self.corners.as_deref().unwrap_or_default();
        let line = Rect::around(ends.iter().chain(corners)).unwrap_or(Rect {
            x: self.path.start.x,
            y: self.path.start.y,
            width: 0.0,
            height: 0.0,
        });
        Rect {
            x: line.x - END_MARK_REACH,
            y: line.y - END_MARK_REACH,
            width: line.width + 2.0 * END_MARK_REACH,
            height: line.height + 2.0 * END_MARK_REACH,
        }
    }

    /// Appends the relationship's markup.
    pub fn markup(&self, out: &mut String) {
        let (ends, path, stroke) = (self.ends, self.path, self.stroke);
        let label = escape(&self.label);
        let identifying = if ends.identifying { " identifying" } else { "" };
        let width = if self.selected { 2.5 } else { 1.5 };
        if self.detail == Detail::Boxes {
            // Far out, a straight solid line per relationship: curves, dashes and ends are too
            // small to see and cost most of the painting.
            let _ = write!(
                out,
                r#"<path class="edge{identifying}" d="M {:.0} {:.0} L {:.0} {:.0}" data-fk="{label}" data-fk-id="{}" fill="none" stroke="{stroke}" stroke-width="{width}"/>"#,
                path.start.x, path.start.y, path.end.x, path.end.y, self.foreign_key.0
            );
            return;
        }
        let routed = self.corners.as_deref();
        let d = routed.map_or_else(|| path.path(), crate::routing::rounded_path);
        let selected = if self.selected { " selected" } else { "" };
        let _ = write!(
            out,
            r#"<g class="relationship{identifying}{selected}" data-fk-id="{}" data-parent-end="{}" data-child-end="{}"><path class="edge-hit" d="{d}" fill="none" stroke="transparent" stroke-width="12"/>"#,
            self.foreign_key.0,
            ends.parent.name(),
            ends.child.name(),
        );
        if ends.identifying {
            let _ = write!(
                out,
                r#"<path class="edge identifying" d="{d}" data-fk="{label}" fill="none" stroke="{stroke}" stroke-width="{width}"/>"#
            );
        } else {
            let points = routed.map_or_else(
                || {
                    let (c1, c2) = path.controls();
                    cubic_polyline(path.start, c1, c2, path.end)
                },
                crate::routing::rounded_polyline,
            );
            let _ = write!(
                out,
                r#"<g class="edge" data-fk="{label}" fill="none" stroke="{stroke}" stroke-width="{width}" stroke-dasharray="{DASH_PATTERN}">"#
            );
            pieces_markup(out, &points, self.clip);
            out.push_str("</g>");
        }
        self.end_marks_markup(out);
        out.push_str("</g>");
    }

    fn end_marks_markup(&self, out: &mut String) {
        let (ends, path, stroke) = (self.ends, self.path, self.stroke);
        let (mut lines, mut circles) = (String::new(), String::new());
        end_marks(
            &mut lines,
            &mut circles,
            path.start,
            path.start_side,
            ends.child,
        );
        end_marks(
            &mut lines,
            &mut circles,
            path.end,
            path.end_side,
            ends.parent,
        );
        let _ = write!(
            out,
            r#"<path class="crow-foot" d="{}" fill="none" stroke="{stroke}" stroke-width="1.5"/>"#,
            lines.trim_end()
        );
        if !circles.is_empty() {
            let _ = write!(
                out,
                r#"<path class="crow-foot-zero" d="{}" fill="{}" stroke="{stroke}" stroke-width="1.5"/>"#,
                circles.trim_end(),
                self.background
            );
        }
    }
}
