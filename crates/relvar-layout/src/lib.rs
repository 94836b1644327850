//! Geometry of the ERD: how big a table box is, where each column row sits, where tables go when
//! the design does not say (a grid, or the layered layout of the foreign-key graph), how edges run
//! around the boxes in their way, the pan/zoom viewport, and the SVG drawing itself.

pub mod draw;
mod edges;
mod geometry;
mod grid;
mod kept_routes;
mod layered;
mod routing;
mod viewport;

pub use edges::{EdgeRoute, Side, route};
pub use geometry::{
    CHAR_WIDTH, HEADER_HEIGHT, MARKER_WIDTH, PADDING_X, ROW_HEIGHT, Size, row_center_y,
    size_with_rows, table_size,
};
pub use grid::{grid_layout, place_unpositioned};
pub use kept_routes::KeptRoutes;
pub use layered::{
    LAYERED_PLACEMENT_LIMIT, lay_out_unplaced, layered_crossings, layered_layout, layout_edges,
};
pub use routing::{rounded_path, route_around, segment_crosses};
pub use viewport::{
    MAX_SCALE, MIN_SCALE, Rect, Viewport, design_bounds, table_rect, table_rect_at,
};
