//! The canvas's own state: the viewport, the screen size, the gesture being previewed and
//! whether Space is held; shared through context with the canvas's parts.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use relvar_layout::Viewport;
use relvar_model::{ColumnId, NoteId, Point, TableId};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A gesture shown before it becomes a command.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Preview {
    #[default]
    Idle,
    /// Tables (and perhaps a note) following the pointer, `by` from where they are saved.
    Move {
        tables: Arc<BTreeSet<TableId>>,
        note: Option<NoteId>,
        by: Point,
    },
    /// A relationship being dragged out of a column, to the pointer.
    Connect {
        table: TableId,
        column: ColumnId,
        from: Point,
        to: Point,
    },
    /// A selection box between two canvas points.
    BoxSelect { from: Point, to: Point },
}

#[derive(Debug, Clone, Copy)]
pub struct CanvasState {
    pub viewport: RwSignal<Viewport>,
    /// Width and height of the canvas element in CSS pixels.
    pub screen: RwSignal<(f64, f64)>,
    /// Whether `screen` has been measured from the canvas element yet.
    pub measured: RwSignal<bool>,
    pub preview: RwSignal<Preview>,
    pub space_held: RwSignal<bool>,
    /// The view or a selection is moving (pan, zoom, drag): the picture is not redrawn for the
    /// moving view meanwhile unless it stops covering it, and its detail only goes down.
    pub gesturing: RwSignal<bool>,
    /// Counts wheel events, so the pause after the last one can end the zoom gesture.
    pub wheel_generation: StoredValue<u32>,
    pub svg: NodeRef<leptos::svg::Svg>,
    /// The element that takes the canvas's pointer and wheel events and defines screen
    /// coordinates; it never moves, unlike the picture inside it.
    pub surface: NodeRef<leptos::html::Div>,
    /// The view the canvas's SVG is drawn for. While the view moves the same picture is moved
    /// and scaled by the compositor (see [`CanvasState::picture_transform`]) and redrawn only
    /// when it no longer covers the view or the gesture ends.
    pub drawn: Memo<Viewport>,
    /// The tables being moved, unchanged for the whole drag.
    pub moving: Memo<Arc<BTreeSet<TableId>>>,
    pub moving_note: Memo<Option<NoteId>>,
    /// How far the moving tables are from their saved positions.
    pub offset: Memo<Point>,
}

impl CanvasState {
    /// Where new things go: about the middle of the current view.
    pub fn centre(&self) -> Point {
        let (width, height) = self.screen.get_untracked();
        self.viewport
            .get_untracked()
            .to_world(Point::new(width / 2.0 - 80.0, height / 2.0 - 40.0))
    }

    pub fn new() -> Self {
        let preview = RwSignal::new(Preview::Idle);
        let moving = Memo::new(move |_| {
            preview.with(|preview| match preview {
                Preview::Move { tables, .. } => Arc::clone(tables),
                _ => Arc::default(),
            })
        });
        let moving_note = Memo::new(move |_| {
            preview.with(|preview| match preview {
                Preview::Move { note, .. } => *note,
                _ => None,
            })
        });
        let offset = Memo::new(move |_| {
            preview.with(|preview| match preview {
                Preview::Move { by, .. } => *by,
                _ => Point::default(),
            })
        });
        let viewport = RwSignal::new(Viewport::default());
        let screen = RwSignal::new((800.0, 600.0));
        let gesturing = RwSignal::new(false);
        let drawn = Memo::new(move |before: Option<&Viewport>| {
            let live = viewport.get();
            let (width, height) = screen.get();
            match before {
                Some(before) if gesturing.get() && before.picture_serves(live, width, height) => {
                    *before
                }
                _ => live,
            }
        });
        Self {
            viewport,
            screen,
            measured: RwSignal::new(false),
            preview,
            space_held: RwSignal::new(false),
            gesturing,
            wheel_generation: StoredValue::new(0),
            svg: NodeRef::new(),
            surface: NodeRef::new(),
            drawn,
            moving,
            moving_note,
            offset,
        }
    }

    /// Keeps `screen` true to the canvas's size, measured whenever it changes (and so never in
    /// the middle of drawing, where reading a size would force the browser to lay out early).
    pub fn watch_size(&self, surface: &web_sys::HtmlDivElement) {
        let state = *self;
        let measure = Closure::<dyn FnMut()>::new(move || state.measure());
        if let Ok(observer) = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
            observer.observe(surface);
            measure.forget();
        }
    }

    /// Reads the canvas element's size again.
    fn measure(&self) {
        if let Some(surface) = self.surface.get_untracked() {
            let rect = surface.get_bounding_client_rect();
            if rect.width() > 0.0 && rect.height() > 0.0 {
                self.screen.set((rect.width(), rect.height()));
                if !self.measured.get_untracked() {
                    self.measured.set(true);
                }
            }
        }
    }

    /// The CSS transform that shows the drawn picture as the live view, if they differ.
    pub fn picture_transform(&self) -> Option<String> {
        self.drawn.get().picture_transform(self.viewport.get())
    }

    /// Moves the view at once (fit, search, minimap), ending any wheel zoom, so the picture is
    /// redrawn for the new view straight away.
    pub fn jump_to(&self, viewport: Viewport) {
        self.wheel_generation
            .update_value(|generation| *generation = generation.wrapping_add(1));
        if self.gesturing.get_untracked() {
            self.gesturing.set(false);
        }
        self.viewport.set(viewport);
    }

    /// Centres the view on a canvas point, keeping the zoom at least `min_scale`.
    pub fn centre_on(&self, point: Point, min_scale: f64) {
        let view = self.viewport.get_untracked();
        let screen = self.screen.get_untracked();
        self.jump_to(super::camera::centred_on(view, screen, point, min_scale));
    }
}

pub fn use_canvas() -> CanvasState {
    expect_context::<CanvasState>()
}
