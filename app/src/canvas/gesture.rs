//! Pointer and wheel gestures on the canvas: select and move tables, notes and areas, pan the
//! background (or anything with Space held), Shift-drag a selection box, drag a relationship out
//! of a column's handle, zoom with the wheel or a pinch around the cursor. Gestures preview in
//! canvas state and become one command when the pointer is released.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use relvar_layout::Rect;
use relvar_model::{AreaId, ColumnId, Command, NoteId, Point, TableId};
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};

use super::connect::connect_command;
use super::scene::Scene;
use super::state::{CanvasState, Preview};
use crate::edits;
use crate::selection::Selection;
use crate::store::Store;

/// What a pointer press started.
#[derive(Debug, Clone, PartialEq)]
enum Gesture {
    /// Moving tables and perhaps a note; `grab` is the canvas point first pressed.
    Move {
        tables: Arc<BTreeSet<TableId>>,
        note: Option<NoteId>,
        grab: Point,
    },
    Pan {
        last: Point,
    },
    BoxSelect {
        from: Point,
    },
    Connect {
        table: TableId,
        column: ColumnId,
        from: Point,
    },
    /// Two fingers: the distance between them when the pinch began, and the scale then.
    Pinch {
        distance: f64,
        scale: f64,
    },
}

/// The canvas's event handlers and the gesture they share.
#[derive(Debug, Clone, Copy)]
pub struct GestureHandlers {
    store: Store,
    state: CanvasState,
    scene: Scene,
    gesture: StoredValue<Option<Gesture>>,
    pointers: StoredValue<BTreeMap<i32, Point>>,
}

/// Zoom speed: the scale changes by e^(-delta × this) for a wheel delta in pixels.
const WHEEL_ZOOM_RATE: f64 = 0.0015;
/// Pinch gestures arrive as wheel events with Ctrl held and much smaller deltas.
const PINCH_ZOOM_RATE: f64 = 0.01;
/// How long after the last wheel event a zoom counts as finished.
const WHEEL_PAUSE_MS: u64 = 150;

/// No pointer gesture holds the view (one may have started during the wheel pause).
fn self_gesture_idle(state: &CanvasState) -> bool {
    matches!(state.preview.get_untracked(), Preview::Idle)
}

fn element_of(event: &PointerEvent) -> Option<Element> {
    event.target()?.dyn_into().ok()
}

fn id_in(element: &Element, attribute: &str) -> Option<u32> {
    element
        .closest(&format!("[{attribute}]"))
        .ok()??
        .get_attribute(attribute)?
        .parse()
        .ok()
}

impl GestureHandlers {
    pub fn new(store: Store, state: CanvasState, scene: Scene) -> Self {
        Self {
            store,
            state,
            scene,
            gesture: StoredValue::new(None),
            pointers: StoredValue::new(BTreeMap::new()),
        }
    }

    fn screen_point(&self, client_x: i32, client_y: i32) -> Option<Point> {
        let rect = self
            .state
            .surface
            .get_untracked()?
            .get_bounding_client_rect();
        Some(Point::new(
            f64::from(client_x) - rect.left(),
            f64::from(client_y) - rect.top(),
        ))
    }

    fn world(&self, screen: Point) -> Point {
        self.state.viewport.get_untracked().to_world(screen)
    }

    pub fn pointer_down(&self, event: &PointerEvent) {
        let Some(screen) = self.screen_point(event.client_x(), event.client_y()) else {
            return;
        };
        self.pointers.update_value(|pointers| {
            pointers.insert(event.pointer_id(), screen);
        });
        if let Some(surface) = self.state.surface.get_untracked() {
            let _ = surface.set_pointer_capture(event.pointer_id());
        }
        if let Some(svg) = self.state.svg.get_untracked() {
            let _ = svg.focus();
        }
        if let Some(pinch) = self.pinch_start() {
            self.begin(pinch);
            return;
        }
        if event.button() != 0 {
            return;
        }
        let world = self.world(screen);
        let additive = event.shift_key() || event.ctrl_key() || event.meta_key();
        let gesture = match element_of(event) {
            _ if self.state.space_held.get_untracked() => Gesture::Pan { last: screen },
            Some(element) => self.press_on(&element, world, screen, additive, event.shift_key()),
            None => Gesture::Pan { last: screen },
        };
        self.begin(gesture);
        event.prevent_default();
    }

    fn begin(&self, gesture: Gesture) {
        let moves_the_view = matches!(
            gesture,
            Gesture::Pan { .. } | Gesture::Pinch { .. } | Gesture::Move { .. }
        );
        if moves_the_view && !self.state.gesturing.get_untracked() {
            self.state.gesturing.set(true);
        }
        self.gesture.set_value(Some(gesture));
    }

    /// What pressing on an element of the canvas starts, selecting what was pressed.
    fn press_on(
        &self,
        element: &Element,
        world: Point,
        screen: Point,
        additive: bool,
        shift: bool,
    ) -> Gesture {
        let store = self.store;
        if element.closest(".connector").ok().flatten().is_some()
            && let (Some(column), Some(table)) = (
                id_in(element, "data-column-id"),
                id_in(element, "data-table-id"),
            )
        {
            return Gesture::Connect {
                table: TableId(table),
                column: ColumnId(column),
                from: world,
            };
        }
        if let Some(table) = id_in(element, "data-table-id").map(TableId) {
            let selection = store.selection.get_untracked();
            let next = if additive {
                selection.toggled(table)
            } else if selection.tables.contains(&table) {
                selection
            } else {
                Selection::of_tables([table])
            };
            let tables = Arc::new(next.tables.clone());
            store.selection.set(next);
            let tables = if tables.contains(&table) {
                tables
            } else {
                Arc::default()
            };
            return Gesture::Move {
                tables,
                note: None,
                grab: world,
            };
        }
        if let Some(note) = id_in(element, "data-note-id").map(NoteId) {
            store.selection.set(Selection::of_note(note));
            return Gesture::Move {
                tables: Arc::default(),
                note: Some(note),
                grab: world,
            };
        }
        if let Some(area) = id_in(element, "data-area-id").map(AreaId) {
            store.selection.set(Selection::of_area(area));
            let members = self.scene.lens.with_untracked(|design| {
                design
                    .area(area)
                    .map(|area| area.tables.iter().copied().collect())
                    .unwrap_or_default()
            });
            return Gesture::Move {
                tables: Arc::new(members),
                note: None,
                grab: world,
            };
        }
        if let Some(foreign_key) = id_in(element, "data-fk-id") {
            store
                .selection
                .set(Selection::of_foreign_key(relvar_model::ForeignKeyId(
                    foreign_key,
                )));
            return Gesture::Pan { last: screen };
        }
        if shift {
            return Gesture::BoxSelect { from: world };
        }
        if !store.selection.with_untracked(Selection::is_empty) {
            store.selection.set(Selection::default());
        }
        Gesture::Pan { last: screen }
    }

    fn pinch_start(&self) -> Option<Gesture> {
        let distance = self.pointers.with_value(|pointers| {
            let mut points = pointers.values();
            let (a, b) = (points.next()?, points.next()?);
            Some((a.x - b.x).hypot(a.y - b.y))
        })?;
        self.state.preview.set(Preview::Idle);
        Some(Gesture::Pinch {
            distance: distance.max(1.0),
            scale: self.state.viewport.get_untracked().scale,
        })
    }

    pub fn pointer_move(&self, event: &PointerEvent) {
        let Some(screen) = self.screen_point(event.client_x(), event.client_y()) else {
            return;
        };
        self.pointers.update_value(|pointers| {
            if let Some(point) = pointers.get_mut(&event.pointer_id()) {
                *point = screen;
            }
        });
        let Some(gesture) = self.gesture.get_value() else {
            return;
        };
        let world = self.world(screen);
        let preview = self.state.preview;
        match gesture {
            Gesture::Move { tables, note, grab } => {
                let by = Point::new((world.x - grab.x).round(), (world.y - grab.y).round());
                preview.set(Preview::Move { tables, note, by });
            }
            Gesture::Pan { last } => {
                self.state.viewport.update(|viewport| {
                    *viewport = viewport.panned(screen.x - last.x, screen.y - last.y)
                });
                self.begin(Gesture::Pan { last: screen });
            }
            Gesture::BoxSelect { from } => preview.set(Preview::BoxSelect { from, to: world }),
            Gesture::Connect {
                table,
                column,
                from,
            } => {
                preview.set(Preview::Connect {
                    table,
                    column,
                    from,
                    to: world,
                });
            }
            Gesture::Pinch { distance, scale } => self.pinch(distance, scale),
        }
    }

    fn pinch(&self, start_distance: f64, start_scale: f64) {
        let Some((middle, distance)) = self.pointers.with_value(|pointers| {
            let mut points = pointers.values();
            let (a, b) = (points.next()?, points.next()?);
            Some((
                Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0),
                (a.x - b.x).hypot(a.y - b.y),
            ))
        }) else {
            return;
        };
        self.state.viewport.update(|viewport| {
            let wanted = start_scale * distance / start_distance;
            *viewport = viewport.zoom_at(middle, wanted / viewport.scale);
        });
    }

    pub fn pointer_up(&self, event: &PointerEvent) {
        self.pointers.update_value(|pointers| {
            pointers.remove(&event.pointer_id());
        });
        let gesture = self.gesture.get_value();
        self.gesture.set_value(None);
        self.state.gesturing.set(false);
        let preview = self.state.preview.get_untracked();
        self.state.preview.set(Preview::Idle);
        match (gesture, preview) {
            (Some(Gesture::Move { tables, note, .. }), Preview::Move { by, .. })
                if by != Point::default() && (!tables.is_empty() || note.is_some()) =>
            {
                self.commit_move(&tables, note, by);
            }
            (Some(Gesture::BoxSelect { .. }), Preview::BoxSelect { from, to }) => {
                let area = Rect {
                    x: from.x.min(to.x),
                    y: from.y.min(to.y),
                    width: (from.x - to.x).abs(),
                    height: (from.y - to.y).abs(),
                };
                self.store
                    .selection
                    .set(Selection::of_tables(self.scene.tables_in(area)));
            }
            (Some(Gesture::Connect { table, column, .. }), _) => {
                if let Some((to_table, to_column)) = column_at(event) {
                    let command = self.store.design.with_untracked(|design| {
                        connect_command(design, (table, column), (to_table, to_column))
                    });
                    match command {
                        Ok(command) => {
                            if self.store.dispatch(command).is_ok() {
                                let created = self.store.design.with_untracked(|design| {
                                    design.foreign_keys.last().map(|fk| fk.id)
                                });
                                if let Some(id) = created {
                                    self.store.selection.set(Selection::of_foreign_key(id));
                                }
                            }
                        }
                        Err(message) => self.store.refusal.set(Some(message)),
                    }
                }
            }
            _ => {}
        }
    }

    fn commit_move(&self, tables: &BTreeSet<TableId>, note: Option<NoteId>, by: Point) {
        if self.scene.lens.move_tables(tables, by) {
            return;
        }
        let mut commands = self
            .store
            .design
            .with_untracked(|design| edits::moves_by(design, tables, by));
        if let Some(note) = note
            && let Some(at) = self
                .store
                .design
                .with_untracked(|design| design.note(note).map(|note| note.at))
        {
            commands.push(Command::MoveNote {
                id: note,
                to: Point::new(at.x + by.x, at.y + by.y),
            });
        }
        let _ = self.store.dispatch(Command::Batch(commands));
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
        if !self.state.gesturing.get_untracked() {
            self.state.gesturing.set(true);
        }
        self.state
            .viewport
            .update(|viewport| *viewport = viewport.zoom_at(screen, factor));
        self.end_zoom_after_a_pause();
    }

    /// Wheel zooming has no end event: it ends when no wheel event came for a moment.
    fn end_zoom_after_a_pause(&self) {
        let state = self.state;
        state
            .wheel_generation
            .update_value(|generation| *generation = generation.wrapping_add(1));
        let mine = state.wheel_generation.get_value();
        set_timeout(
            move || {
                if state.wheel_generation.get_value() == mine && self_gesture_idle(&state) {
                    state.gesturing.set(false);
                }
            },
            std::time::Duration::from_millis(WHEEL_PAUSE_MS),
        );
    }
}

/// The column under the pointer where it was released, found by position because the canvas
/// holds the pointer capture.
fn column_at(event: &PointerEvent) -> Option<(TableId, ColumnId)> {
    let document = web_sys::window()?.document()?;
    let element = document.element_from_point(event.client_x() as f32, event.client_y() as f32)?;
    let column = id_in(&element, "data-column-id")?;
    let table = id_in(&element, "data-table-id")?;
    Some((TableId(table), ColumnId(column)))
}
