//! The canvas viewport: pan and zoom as a plain value, with zoom that keeps the point under the
//! cursor still, and fitting a design into view.

use relvar_model::{Design, Point};

use crate::geometry::table_size;

pub const MIN_SCALE: f64 = 0.05;
pub const MAX_SCALE: f64 = 4.0;

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
}
