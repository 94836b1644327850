//! The canvas viewport: pan and zoom as a plain value, with zoom that keeps the point under the
//! cursor still, and fitting a design into view.

use relvar_model::{Design, Point};

use crate::geometry::table_size;

/// Far enough out to see a few thousand tables at once.
pub const MIN_SCALE: f64 = 0.02;
pub const MAX_SCALE: f64 = 4.0;
/// How far a picture of the canvas may be magnified while the view zooms before it is redrawn.
pub const MAX_PICTURE_MAGNIFICATION: f64 = 4.0;

/// Maps canvas (world) coordinates to screen coordinates: `screen = world * scale + (x, y)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub scale: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            x: 0.0,
            y: 0.0,
            scale: 1.0,
        }
    }
}

/// An axis-aligned rectangle in canvas units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// The smallest rectangle holding every point; none for no points.
    pub fn around<'a>(points: impl IntoIterator<Item = &'a Point>) -> Option<Rect> {
        let mut points = points.into_iter();
        let first = points.next()?;
        let (mut left, mut top, mut right, mut bottom) = (first.x, first.y, first.x, first.y);
        for point in points {
            left = left.min(point.x);
            top = top.min(point.y);
            right = right.max(point.x);
            bottom = bottom.max(point.y);
        }
        Some(Rect {
            x: left,
            y: top,
            width: right - left,
            height: bottom - top,
        })
    }

    pub fn union(self, other: Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }
}

impl Viewport {
    pub fn to_world(&self, screen: Point) -> Point {
        Point::new(
            (screen.x - self.x) / self.scale,
            (screen.y - self.y) / self.scale,
        )
    }

    pub fn to_screen(&self, world: Point) -> Point {
        Point::new(world.x * self.scale + self.x, world.y * self.scale + self.y)
    }

    /// Zooms by `factor` around a screen point, which stays over the same canvas point.
    pub fn zoom_at(&self, screen: Point, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let world = self.to_world(screen);
        Viewport {
            x: screen.x - world.x * scale,
            y: screen.y - world.y * scale,
            scale,
        }
    }

    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            scale: self.scale,
        }
    }

    /// The viewport that shows all of `bounds` in a `width` × `height` screen with a margin,
    /// never magnifying past 1.
    pub fn fit(bounds: Rect, width: f64, height: f64, margin: f64) -> Viewport {
        let room_x = (width - 2.0 * margin).max(1.0);
        let room_y = (height - 2.0 * margin).max(1.0);
        let scale = (room_x / bounds.width.max(1.0))
            .min(room_y / bounds.height.max(1.0))
            .clamp(MIN_SCALE, 1.0);
        let x = (width - bounds.width * scale) / 2.0 - bounds.x * scale;
        let y = (height - bounds.height * scale) / 2.0 - bounds.y * scale;
        Viewport { x, y, scale }
    }

    /// The canvas area a `width` × `height` screen shows.
    pub fn view_rect(&self, width: f64, height: f64) -> Rect {
        let top_left = self.to_world(Point::new(0.0, 0.0));
        let bottom_right = self.to_world(Point::new(width, height));
        Rect {
            x: top_left.x,
            y: top_left.y,
            width: bottom_right.x - top_left.x,
            height: bottom_right.y - top_left.y,
        }
    }

    /// The part of the canvas worth drawing for this view: the view and a quarter of a view
    /// around it, snapped outwards to a grid that grows with the view, so small pans keep the
    /// same region. Every edit costs the browser in proportion to what is drawn, so the margin
    /// is only what a short pan uncovers.
    pub fn drawing_region(&self, width: f64, height: f64) -> Rect {
        let view = self.view_rect(width, height);
        let step = 2f64.powf((view.width.max(view.height).max(64.0) / 4.0).log2().ceil());
        let snap_down = |value: f64| (value / step).floor() * step;
        let snap_up = |value: f64| (value / step).ceil() * step;
        let x = snap_down(view.x - view.width / 4.0);
        let y = snap_down(view.y - view.height / 4.0);
        Rect {
            x,
            y,
            width: snap_up(view.right() + view.width / 4.0) - x,
            height: snap_up(view.bottom() + view.height / 4.0) - y,
        }
    }

    /// Whether a picture drawn for `self` can stand in for `live` while the view moves, moved
    /// and scaled by [`Viewport::picture_transform`]: its drawing region still covers the view
    /// and it is magnified at most [`MAX_PICTURE_MAGNIFICATION`] times.
    pub fn picture_serves(&self, live: Viewport, width: f64, height: f64) -> bool {
        let region = self.drawing_region(width, height);
        let view = live.view_rect(width, height);
        live.scale / self.scale <= MAX_PICTURE_MAGNIFICATION
            && region.x <= view.x
            && region.y <= view.y
            && view.right() <= region.right()
            && view.bottom() <= region.bottom()
    }

    /// The CSS transform (origin at the top left) that shows a picture drawn for `self` as
    /// `live` would draw it; `None` when they are the same view.
    pub fn picture_transform(&self, live: Viewport) -> Option<String> {
        if *self == live {
            return None;
        }
        let ratio = live.scale / self.scale;
        let x = live.x - self.x * ratio;
        let y = live.y - self.y * ratio;
        Some(format!(
            "matrix({ratio:.6}, 0, 0, {ratio:.6}, {x:.2}, {y:.2})"
        ))
    }

    /// The SVG `transform` attribute for the canvas group.
    pub fn transform(&self) -> String {
        format!(
            "translate({:.2} {:.2}) scale({:.5})",
            self.x, self.y, self.scale
        )
    }
}

/// The box a table occupies on the canvas when its corner is at `at`.
pub fn table_rect_at(table: &relvar_model::Table, at: Point) -> Rect {
    let size = table_size(table);
    Rect {
        x: at.x,
        y: at.y,
        width: size.width,
        height: size.height,
    }
}

/// The box a table occupies on the canvas at its saved position.
pub fn table_rect(design: &Design, table: &relvar_model::Table) -> Rect {
    table_rect_at(table, design.position(table.id))
}

/// The smallest rectangle holding every table; `None` for an empty design.
pub fn design_bounds(design: &Design) -> Option<Rect> {
    design
        .tables
        .iter()
        .map(|table| table_rect(design, table))
        .reduce(Rect::union)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn zoom_keeps_the_point_under_the_cursor(
            x in -1e3f64..1e3, y in -1e3f64..1e3, scale in 0.1f64..3.0,
            cx in 0f64..2e3, cy in 0f64..2e3, factor in 0.5f64..2.0,
        ) {
            let viewport = Viewport { x, y, scale };
            let cursor = Point::new(cx, cy);
            let before = viewport.to_world(cursor);
            let zoomed = viewport.zoom_at(cursor, factor);
            let after = zoomed.to_world(cursor);
            prop_assert!((before.x - after.x).abs() < 1e-6 && (before.y - after.y).abs() < 1e-6);
            prop_assert!(zoomed.scale >= MIN_SCALE && zoomed.scale <= MAX_SCALE);
        }
    }

    #[test]
    fn bad_zoom_factors_change_nothing() {
        let viewport = Viewport::default();
        for factor in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(viewport.zoom_at(Point::new(5.0, 5.0), factor), viewport);
        }
    }

    #[test]
    fn fit_puts_the_whole_bounds_on_screen() {
        let bounds = Rect {
            x: 100.0,
            y: -50.0,
            width: 3000.0,
            height: 2000.0,
        };
        let viewport = Viewport::fit(bounds, 1000.0, 800.0, 20.0);
        let top_left = viewport.to_screen(Point::new(bounds.x, bounds.y));
        let bottom_right = viewport.to_screen(Point::new(bounds.right(), bounds.bottom()));
        assert!(top_left.x >= 19.9 && top_left.y >= 19.9, "{top_left:?}");
        assert!(
            bottom_right.x <= 980.1 && bottom_right.y <= 780.1,
            "{bottom_right:?}"
        );
        let small = Viewport::fit(
            Rect {
                x: 0.0,
                y: 0.0,
                width: 10.0,
                height: 10.0,
            },
            1000.0,
            800.0,
            20.0,
        );
        assert_eq!(small.scale, 1.0, "small designs are not magnified");
    }

    #[test]
    fn a_moving_view_keeps_its_picture_while_the_picture_covers_it() {
        let (width, height) = (1600.0, 1000.0);
        let drawn = Viewport {
            x: 10.0,
            y: 20.0,
            scale: 0.5,
        };
        assert!(drawn.picture_serves(drawn, width, height));
        assert!(drawn.picture_serves(drawn.panned(300.0, -200.0), width, height));
        assert!(
            !drawn.picture_serves(drawn.panned(1300.0, 0.0), width, height),
            "far past a quarter of a view away the picture has nothing to show"
        );
        let centre = Point::new(width / 2.0, height / 2.0);
        assert!(drawn.picture_serves(drawn.zoom_at(centre, 0.75), width, height));
        assert!(
            !drawn.picture_serves(drawn.zoom_at(centre, 0.3), width, height),
            "zoomed far out the view leaves the drawn region"
        );
        assert!(drawn.picture_serves(drawn.zoom_at(centre, 3.9), width, height));
        assert!(
            !drawn.picture_serves(drawn.zoom_at(centre, 4.5), width, height),
            "magnified too much the picture is redrawn"
        );
    }

    proptest! {
        #[test]
        fn the_picture_transform_maps_the_drawn_view_onto_the_live_one(
            x in -1e3f64..1e3, y in -1e3f64..1e3, scale in 0.1f64..3.0,
            dx in -500f64..500.0, dy in -500f64..500.0, factor in 0.25f64..4.0,
            wx in -1e4f64..1e4, wy in -1e4f64..1e4,
        ) {
            let drawn = Viewport { x, y, scale };
            let live = drawn.panned(dx, dy).zoom_at(Point::new(400.0, 300.0), factor);
            let world = Point::new(wx, wy);
            let Some(transform) = drawn.picture_transform(live) else {
                prop_assert_eq!(drawn, live);
                return Ok(());
            };
            let numbers: Vec<f64> = transform
                .trim_start_matches("matrix(")
                .trim_end_matches(')')
                .split(", ")
                .map(|number| number.parse().unwrap_or(f64::NAN))
                .collect();
            let [ratio, _, _, _, tx, ty] = numbers[..] else {
                return Err(TestCaseError::fail(transform));
            };
            let on_picture = drawn.to_screen(world);
            let moved = Point::new(on_picture.x * ratio + tx, on_picture.y * ratio + ty);
            let wanted = live.to_screen(world);
            let tolerance = 0.02 + 1e-5 * (wx.abs() + wy.abs()) * live.scale;
            prop_assert!((moved.x - wanted.x).abs() < tolerance, "{moved:?} {wanted:?}");
            prop_assert!((moved.y - wanted.y).abs() < tolerance, "{moved:?} {wanted:?}");
        }
    }
}
