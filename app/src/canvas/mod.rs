//! The ERD canvas: an SVG with a pan/zoom viewport, relationship edges under table boxes.
//! Gestures preview in local state and become one command when the pointer is released.

mod edges;
mod gesture;
mod table_box;

use leptos::prelude::*;
use relvar_layout::{Viewport, design_bounds};
use relvar_model::{Design, Point, TableId};

use crate::store::use_store;
use edges::Edges;
use gesture::GestureHandlers;
use table_box::TableBox;

/// Where tables are drawn: their saved position, or the drag preview for the one being moved.
#[derive(Debug, Clone, Copy)]
pub struct Positions {
    design: RwSignal<Design>,
    dragged: Memo<Option<(TableId, Point)>>,
}

impl Positions {
    pub fn get(&self, table: TableId) -> Point {
        match self.dragged.get() {
            Some((dragged, at)) if dragged == table => at,
            _ => self.design.with(|design| design.position(table)),
        }
    }
}

const FIT_MARGIN: f64 = 24.0;

#[component]
pub fn Canvas() -> impl IntoView {
    let store = use_store();
    let viewport = RwSignal::new(Viewport::default());
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let handlers = GestureHandlers::new(store, viewport, svg);
    let positions = Positions {
        design: store.design,
        dragged: handlers.dragged(),
    };

    let fit = move || {
        let Some(element) = svg.get_untracked() else {
            return;
        };
        let screen = element.get_bounding_client_rect();
        if let Some(bounds) = store.design.with_untracked(design_bounds) {
            viewport.set(Viewport::fit(
                bounds,
                screen.width(),
                screen.height(),
                FIT_MARGIN,
            ));
        }
    };
    Effect::new(move |_| {
        store.replaced.track();
        fit();
    });

    let table_ids = move || {
        store.design.with(|design| {
            design
                .tables
                .iter()
                .map(|table| table.id)
                .collect::<Vec<_>>()
        })
    };
    let zoom_percent = move || format!("{:.0}%", viewport.get().scale * 100.0);

    view! {
        <div class="canvas-wrap">
            <svg
                class="canvas"
                id="canvas"
                node_ref=svg
                on:pointerdown=move |event| handlers.pointer_down(&event)
                on:pointermove=move |event| handlers.pointer_move(&event)
                on:pointerup=move |event| handlers.pointer_up(&event)
                on:pointercancel=move |event| handlers.pointer_up(&event)
                on:wheel=move |event| handlers.wheel(&event)
            >
                <g class="viewport" id="viewport" transform=move || viewport.get().transform()>
                    <Edges positions=positions />
                    <For each=table_ids key=|id| *id let:id>
                        <TableBox id=id positions=positions />
                    </For>
                </g>
            </svg>
            <div class="canvas-controls">
                <button id="zoom-fit" title="Fit the design into view" on:click=move |_| fit()>"Fit"</button>
                <span class="zoom-level" id="zoom-level">{zoom_percent}</span>
            </div>
            <Show when=move || store.design.with(|design| design.tables.is_empty())>
                <p class="canvas-empty">"Paste DDL on the left and press Import to see its diagram."</p>
            </Show>
        </div>
    }
}
