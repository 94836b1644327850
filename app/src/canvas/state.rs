//! The canvas's own state: the viewport, the screen size, the gesture being previewed and
//! whether Space is held; shared through context with the canvas's parts.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use relvar_layout::Viewport;
use relvar_model::{ColumnId, NoteId, Point, TableId};

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
    pub preview: RwSignal<Preview>,
    pub space_held: RwSignal<bool>,
    /// The view or a selection is moving (pan, zoom, drag); far out, the relationship lines that
    /// do not touch the dragged tables are hidden meanwhile, which keeps frames fast.
    pub gesturing: RwSignal<bool>,
    /// Counts wheel events, so the pause after the last one can end the zoom gesture.
    pub wheel_generation: StoredValue<u32>,
    pub svg: NodeRef<leptos::svg::Svg>,
    /// The tables being moved, unchanged for the whole drag.
    pub moving: Memo<Arc<BTreeSet<TableId>>>,
    pub moving_note: Memo<Option<NoteId>>,
    /// How far the moving tables are from their saved positions.
    pub offset: Memo<Point>,
}

impl CanvasState {
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
        Self {
            viewport: RwSignal::new(Viewport::default()),
            screen: RwSignal::new((800.0, 600.0)),
            preview,
            space_held: RwSignal::new(false),
            gesturing: RwSignal::new(false),
            wheel_generation: StoredValue::new(0),
            svg: NodeRef::new(),
            moving,
            moving_note,
            offset,
        }
    }

    /// Reads the canvas element's size again (after a resize).
    pub fn measure(&self) {
        if let Some(svg) = self.svg.get_untracked() {
            let rect = svg.get_bounding_client_rect();
            if rect.width() > 0.0 && rect.height() > 0.0 {
                self.screen.set((rect.width(), rect.height()));
            }
        }
    }

    /// Centres the view on a canvas point, keeping the zoom at least `min_scale`.
    pub fn centre_on(&self, point: Point, min_scale: f64) {
        let (width, height) = self.screen.get_untracked();
        self.viewport.update(|viewport| {
            let scale = viewport.scale.max(min_scale);
            *viewport = Viewport {
                x: width / 2.0 - point.x * scale,
                y: height / 2.0 - point.y * scale,
                scale,
            };
        });
    }
}

pub fn use_canvas() -> CanvasState {
    expect_context::<CanvasState>()
}
