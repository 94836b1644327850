//! The minimap: every table as a small box, the part in view as a frame; pressing or dragging
//! on it moves the view there.

use leptos::prelude::*;
use relvar_layout::Rect;
use relvar_model::Point;
use std::fmt::Write;

use super::scene::Scene;
use super::state::use_canvas;
use crate::store::use_store;

const WIDTH: f64 = 200.0;
const HEIGHT: f64 = 130.0;
const PAD: f64 = 6.0;

/// Maps canvas coordinates into the minimap and back.
#[derive(Debug, Clone, Copy, PartialEq)]
struct MinimapScale {
    bounds: Rect,
    scale: f64,
}

impl MinimapScale {
    fn new(bounds: Rect) -> Self {
        let scale = ((WIDTH - 2.0 * PAD) / bounds.width.max(1.0))
            .min((HEIGHT - 2.0 * PAD) / bounds.height.max(1.0));
        Self { bounds, scale }
    }

    fn to_map(self, point: Point) -> Point {
        Point::new(
            PAD + (point.x - self.bounds.x) * self.scale,
            PAD + (point.y - self.bounds.y) * self.scale,
        )
    }

    fn to_world(self, point: Point) -> Point {
        Point::new(
            (point.x - PAD) / self.scale + self.bounds.x,
            (point.y - PAD) / self.scale + self.bounds.y,
        )
    }
}

/// A number written with one decimal through integer formatting, which costs a fraction of a
/// float's: the minimap writes five per table on every edit.
struct Tenths(i64);

impl Tenths {
    fn of(value: f64) -> Self {
        Self((value * 10.0).round() as i64)
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        write!(out, "{sign}{}.{}", magnitude / 10, magnitude % 10)
    }
}

#[component]
pub fn Minimap() -> impl IntoView {
    let store = use_store();
    let state = use_canvas();
    let scene = expect_context::<Scene>();
    let mapping = Memo::new(move |_| {
        scene.boxes.track();
        store
            .design
            .with(|design| scene.bounds(design))
            .map(MinimapScale::new)
    });
    let boxes_path = Memo::new(move |_| {
        let Some(mapping) = mapping.get() else {
            return String::new();
        };
        let mut path = String::new();
        scene.boxes.with(|boxes| {
            for rect in boxes.values() {
                let corner = mapping.to_map(Point::new(rect.x, rect.y));
                let width = Tenths::of((rect.width * mapping.scale).max(1.0));
                let _ = write!(
                    path,
                    "M{} {}h{width}v{}h-{width}z",
                    Tenths::of(corner.x),
                    Tenths::of(corner.y),
                    Tenths::of((rect.height * mapping.scale).max(1.0)),
                );
            }
        });
        path
    });
    let view_frame = move || {
        let mapping = mapping.get()?;
        let viewport = state.viewport.get();
        let (width, height) = state.screen.get();
        let top_left = mapping.to_map(viewport.to_world(Point::new(0.0, 0.0)));
        let bottom_right = mapping.to_map(viewport.to_world(Point::new(width, height)));
        Some(view! {
            <rect class="minimap-view" id="minimap-view" x=top_left.x y=top_left.y
                width=(bottom_right.x - top_left.x).max(2.0) height=(bottom_right.y - top_left.y).max(2.0) />
        })
    };
    let dragging = StoredValue::new(false);
    let go = move |event: &web_sys::PointerEvent| {
        let Some(mapping) = mapping.get_untracked() else {
            return;
        };
        let Some(target) = event
            .current_target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
        else {
            return;
        };
        let rect = target.get_bounding_client_rect();
        let at = Point::new(
            f64::from(event.client_x()) - rect.left(),
            f64::from(event.client_y()) - rect.top(),
        );
        state.centre_on(mapping.to_world(at), 0.0);
    };
    view! {
        <svg class="minimap" id="minimap" width=WIDTH height=HEIGHT role="img" aria-label="Minimap: press to move the view"
            on:pointerdown=move |event| {
                dragging.set_value(true);
                if let Some(target) = event.current_target().and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok()) {
                    let _ = target.set_pointer_capture(event.pointer_id());
                }
                go(&event);
            }
            on:pointermove=move |event| if dragging.get_value() { go(&event) }
            on:pointerup=move |_| dragging.set_value(false)
        >
            <path class="minimap-tables" d=move || boxes_path.get() />
            {view_frame}
        </svg>
    }
}
