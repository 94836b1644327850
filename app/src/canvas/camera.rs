//! Moving the view to show a table: the one way the search, the Tables panel and the review
//! bring a table into view, and the minimap centres the view.

use leptos::prelude::*;
use relvar_layout::{Rect, Viewport};
use relvar_model::{Point, TableId};

use super::scene::Scene;
use super::state::CanvasState;
use crate::selection::Selection;
use crate::store::Store;

/// The zoom a table gone to is shown at, at least, so its rows are readable.
const READABLE_SCALE: f64 = 0.8;

/// Selects a table and brings it into view at a readable zoom (a search result or a Tables row).
pub fn go_to_table(store: Store, state: CanvasState, scene: Scene, table: TableId) {
    reveal_table(state, scene, table, READABLE_SCALE);
    store.selection.set(Selection::of_tables([table]));
}

/// `view` moved so that `point` is in the middle of a `width` × `height` screen, zoomed in to
/// `min_scale` if it is further out.
pub fn centred_on(
    view: Viewport,
    (width, height): (f64, f64),
    point: Point,
    min_scale: f64,
) -> Viewport {
    let scale = view.scale.max(min_scale);
    Viewport {
        x: width / 2.0 - point.x * scale,
        y: height / 2.0 - point.y * scale,
        scale,
    }
}

/// The view that shows all of `rect`: none when `view` already does at `min_scale` or closer,
/// else `view` centred on it, zoomed in to `min_scale` if need be.
pub fn revealing(
    view: Viewport,
    screen: (f64, f64),
    rect: Rect,
    min_scale: f64,
) -> Option<Viewport> {
    let shown = view.view_rect(screen.0, screen.1);
    let in_view = view.scale >= min_scale
        && shown.x <= rect.x
        && shown.y <= rect.y
        && rect.right() <= shown.right()
        && rect.bottom() <= shown.bottom();
    let middle = Point::new(rect.x + rect.width / 2.0, rect.y + rect.height / 2.0);
    (!in_view).then(|| centred_on(view, screen, middle, min_scale))
}

/// Brings a table's box, as drawn, into view (see [`revealing`]), drawn at once.
pub fn reveal_table(state: CanvasState, scene: Scene, table: TableId, min_scale: f64) {
    let Some(rect) = scene
        .boxes
        .with_untracked(|boxes| boxes.get(&table).copied())
    else {
        return;
    };
    let view = state.viewport.get_untracked();
    if let Some(view) = revealing(view, state.screen.get_untracked(), rect, min_scale) {
        state.jump_to(view);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: (f64, f64) = (800.0, 600.0);

    fn rect(x: f64, y: f64) -> Rect {
        Rect {
            x,
            y,
            width: 200.0,
            height: 100.0,
        }
    }

    #[test]
    fn a_table_in_view_at_a_readable_zoom_leaves_the_view_where_it_is() {
        let view = Viewport::default();
        assert_eq!(revealing(view, SCREEN, rect(100.0, 100.0), 0.8), None);
    }

    #[test]
    fn a_table_out_of_view_is_centred_at_the_same_zoom() {
        let view = Viewport {
            x: 0.0,
            y: 0.0,
            scale: 2.0,
        };
        let moved = revealing(view, SCREEN, rect(1000.0, 1000.0), 0.5);
        assert_eq!(
            moved,
            Some(Viewport {
                x: 400.0 - 1100.0 * 2.0,
                y: 300.0 - 1050.0 * 2.0,
                scale: 2.0,
            })
        );
        let middle = moved.map(|view| view.to_screen(Point::new(1100.0, 1050.0)));
        assert_eq!(middle, Some(Point::new(400.0, 300.0)));
    }

    #[test]
    fn a_table_in_view_too_far_out_is_zoomed_to_and_centred() {
        let view = Viewport {
            x: 0.0,
            y: 0.0,
            scale: 0.1,
        };
        let moved = revealing(view, SCREEN, rect(100.0, 100.0), 0.8);
        assert_eq!(moved.map(|view| view.scale), Some(0.8));
        let middle = moved.map(|view| view.to_screen(Point::new(200.0, 150.0)));
        assert_eq!(middle, Some(Point::new(400.0, 300.0)));
    }

    #[test]
    fn a_table_partly_in_view_is_centred() {
        let view = Viewport::default();
        assert!(revealing(view, SCREEN, rect(700.0, 100.0), 0.5).is_some());
        assert!(revealing(view, SCREEN, rect(-50.0, 100.0), 0.5).is_some());
    }

    #[test]
    fn a_degenerate_view_gives_a_view_not_a_panic() {
        let view = Viewport {
            x: 0.0,
            y: 0.0,
            scale: 0.0,
        };
        let moved = revealing(view, SCREEN, rect(0.0, 0.0), 0.5);
        assert_eq!(moved.map(|view| view.scale), Some(0.5));
    }
}
