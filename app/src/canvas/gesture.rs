//! Pointer and wheel gestures on the canvas: drag a table, pan the background, zoom at the cursor.

use leptos::prelude::*;
use relvar_layout::Viewport;
use relvar_model::{Command, Point, TableId};
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};

use crate::store::Store;

/// A gesture in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Gesture {
    /// Moving a table: `grab` is where the pointer holds it, relative to its corner.
    MoveTable {
        table: TableId,
        grab: Point,
        at: Point,
        moved: bool,
    },
    /// Panning: the last pointer position on screen.
    Pan { last: Point },
}

/// The canvas's event handlers and the gesture they share.
#[derive(Debug, Clone, Copy)]
pub struct GestureHandlers {
    store: Store,
    viewport: RwSignal<Viewport>,
    svg: NodeRef<leptos::svg::Svg>,
    gesture: RwSignal<Option<Gesture>>,
}

/// Zoom speed: the scale changes by e^(-delta × this) for a wheel delta in pixels.
const WHEEL_ZOOM_RATE: f64 = 0.0015;
/// Pinch gestures arrive as wheel events with Ctrl held and much smaller deltas.
const PINCH_ZOOM_RATE: f64 = 0.01;

impl GestureHandlers {
    pub fn new(store: Store, viewport: RwSignal<Viewport>, svg: NodeRef<leptos::svg::Svg>) -> Self {
        Self {
            store,
            viewport,
            svg,
            gesture: RwSignal::new(None),
        }
    }

    /// The table being dragged and where it would land now.
    pub fn dragged(&self) -> Memo<Option<(TableId, Point)>> {
        let gesture = self.gesture;
        Memo::new(move |_| match gesture.get() {
            Some(Gesture::MoveTable { table, at, .. }) => Some((table, at)),
            _ => None,
        })
    }

    fn screen_point(&self, client_x: i32, client_y: i32) -> Option<Point> {
        let rect = self.svg.get_untracked()?.get_bounding_client_rect();
        Some(Point::new(
            f64::from(client_x) - rect.left(),
            f64::from(client_y) - rect.top(),
        ))
    }

    pub fn pointer_down(&self, event: &PointerEvent) {
        if event.button() != 0 {
            return;
        }
        let Some(screen) = self.screen_point(event.client_x(), event.client_y()) else {
            return;
        };
        if let Some(svg) = self.svg.get_untracked() {
            let _ = svg.set_pointer_capture(event.pointer_id());
        }
        let gesture = match table_under(event) {
            Some(table) => {
                let world = self.viewport.get_untracked().to_world(screen);
                let corner = self
                    .store
                    .design
                    .with_untracked(|design| design.position(table));
                let grab = Point::new(world.x - corner.x, world.y - corner.y);
                Gesture::MoveTable {
                    table,
                    grab,
                    at: corner,
                    moved: false,
                }
            }
            None => Gesture::Pan { last: screen },
        };
        self.gesture.set(Some(gesture));
        event.prevent_default();
    }

    pub fn pointer_move(&self, event: &PointerEvent) {
        let Some(gesture) = self.gesture.get_untracked() else {
            return;
        };
        let Some(screen) = self.screen_point(event.client_x(), event.client_y()) else {
            return;
        };
        match gesture {
            Gesture::MoveTable { table, grab, .. } => {
                let world = self.viewport.get_untracked().to_world(screen);
                let at = Point::new((world.x - grab.x).round(), (world.y - grab.y).round());
                self.gesture.set(Some(Gesture::MoveTable {
                    table,
                    grab,
                    at,
                    moved: true,
                }));
            }
            Gesture::Pan { last } => {
                self.viewport.update(|viewport| {
                    *viewport = viewport.panned(screen.x - last.x, screen.y - last.y)
                });
                self.gesture.set(Some(Gesture::Pan { last: screen }));
            }
        }
    }

    pub fn pointer_up(&self, _event: &PointerEvent) {
        if let Some(Gesture::MoveTable {
            table,
            at,
            moved: true,
            ..
        }) = self.gesture.get_untracked()
        {
            self.store.dispatch(Command::MoveTable { table, to: at });
        }
        self.gesture.set(None);
    }

    pub fn wheel(&self, event: &WheelEvent) {
        event.prevent_default();
        let Some(screen) = self.screen_point(event.client_x(), event.client_y()) else {
            return;
        };
        let pixels = match event.delta_mode() {
            WheelEvent::DOM_DELTA_LINE => event.delta_y() * 16.0,
            WheelEvent::DOM_DELTA_PAGE => event.delta_y() * 400.0,
            _ => event.delta_y(),
        };
        let rate = if event.ctrl_key() {
            PINCH_ZOOM_RATE
        } else {
            WHEEL_ZOOM_RATE
        };
        let factor = (-pixels * rate).exp();
        self.viewport
            .update(|viewport| *viewport = viewport.zoom_at(screen, factor));
    }
}

/// The table whose box the event happened on, from the `data-table-id` of its group.
fn table_under(event: &PointerEvent) -> Option<TableId> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let group = target.closest("[data-table-id]").ok()??;
    group
        .get_attribute("data-table-id")?
        .parse()
        .ok()
        .map(TableId)
}
