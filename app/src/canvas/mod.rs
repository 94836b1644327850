//! The ERD canvas: an SVG with a pan/zoom viewport whose layers (areas, relationships, tables,
//! notes) are drawn by relvar-layout's drawing code, a second SVG above it for what a gesture
//! moves, and a minimap, search and zoom controls over them. Gestures preview in canvas state
//! and become one command when done; while the view pans or zooms the drawn picture is moved by
//! a CSS transform, composited without repainting, and redrawn when the gesture ends.

mod camera;
mod connect;
mod decomposition_preview;
mod empty_starts;
mod gesture;
mod kept_markup;
mod keys;
mod lens;
mod minimap;
mod review_marks;
mod scene;
mod search;
mod state;
mod view_bar;

use leptos::prelude::*;
use relvar_layout::Viewport;
use relvar_layout::draw::{Detail, FONT_FAMILY};

use crate::actions::{self, ActionButton, Studio};
use crate::store::use_store;
pub use camera::{go_to_table, reveal_table};
pub use decomposition_preview::{
    DecompositionPreview, DecompositionPreviewOverlay, DecompositionPreviews,
};
use empty_starts::EmptyStarts;
use gesture::GestureHandlers;
use kept_markup::Keyed;
pub use lens::{Lens, Shown, saved_views_changed};
use minimap::Minimap;
pub use scene::Scene;
use search::Search;
pub use state::{CanvasState, Preview, use_canvas};
use view_bar::ViewBar;

const FIT_MARGIN: f64 = 24.0;

/// Fits every table and note drawn into the view.
pub fn fit_to_view(state: CanvasState, scene: Scene) {
    let (width, height) = state.screen.get_untracked();
    if let Some(bounds) = scene.lens.with_untracked(|design| scene.bounds(design)) {
        state.jump_to(Viewport::fit(bounds, width, height, FIT_MARGIN));
    }
}

/// Groups of tables or relationships, each group a `<g>` and each item an element of its own
/// that is replaced only when its markup changes.
fn keyed_groups<const GROUPS: usize>(groups: [Memo<Vec<Keyed>>; GROUPS]) -> impl IntoView {
    groups
        .into_iter()
        .map(|group| {
            view! {
                <g>
                    <For each=move || group.get() key=|drawn| (drawn.id, drawn.key)
                        children=|drawn| view! { <g inner_html=drawn.markup /> } />
                </g>
            }
        })
        .collect_view()
}

#[component]
pub fn Canvas() -> impl IntoView {
    let store = use_store();
    let state = use_canvas();
    let scene = expect_context::<Scene>();
    let handlers = GestureHandlers::new(store, state, scene);
    keys::install(expect_context::<Studio>());

    store.on_replace(move || fit_to_view(state, scene));
    Effect::new(move |_| {
        if let Some(surface) = state.surface.get() {
            state.watch_size(&surface);
        }
    });

    let zoom_percent = move || format!("{:.0}%", state.viewport.get().scale * 100.0);
    // The drawing region on the screen, while only it is drawn.
    let clip = move || {
        let drawn = state.drawn.get();
        scene.culling.get().map(|region| {
            let at = drawn.to_screen(relvar_model::Point::new(region.x, region.y));
            relvar_layout::Rect {
                x: at.x,
                y: at.y,
                width: region.width * drawn.scale,
                height: region.height * drawn.scale,
            }
        })
    };
    let moving_transform = move || {
        let by = state.offset.get();
        format!("translate({} {})", by.x, by.y)
    };
    let overlay = move || match state.preview.get() {
        Preview::Connect { from, to, .. } => Some(
            view! {
                <line class="connect-preview" x1=from.x y1=from.y x2=to.x y2=to.y />
            }
            .into_any(),
        ),
        Preview::BoxSelect { from, to } => Some(
            view! {
                <rect class="box-select" id="box-select" x=from.x.min(to.x) y=from.y.min(to.y)
                    width=(from.x - to.x).abs() height=(from.y - to.y).abs() />
            }
            .into_any(),
        ),
        _ => None,
    };

    view! {
        <div class="canvas-wrap">
            <div
                class="canvas-surface"
                node_ref=state.surface
                on:pointerdown=move |event| handlers.pointer_down(&event)
                on:pointermove=move |event| handlers.pointer_move(&event)
                on:pointerup=move |event| handlers.pointer_up(&event)
                on:pointercancel=move |event| handlers.pointer_up(&event)
                on:wheel=move |event| handlers.wheel(&event)
            >
                <div class="canvas-picture" style:transform=move || state.picture_transform().unwrap_or_default()>
                    <svg
                        class="canvas"
                        id="canvas"
                        node_ref=state.svg
                        tabindex="0"
                        role="application"
                        aria-label="Diagram canvas: drag tables to move them, drag the background to pan, Shift-drag to select, wheel to zoom; press ? for shortcuts"
                        aria-describedby="design-stats"
                        data-detail=move || format!("{:?}", scene.detail.get()).to_lowercase()
                    >
                        // Near enough to cull, what is drawn is clipped to the drawing region, so
                        // the browser paints no line beyond it and an edit repaints only there.
                        <svg class="canvas-clip" x=move || clip().map_or(0.0, |clip| clip.x)
                            y=move || clip().map_or(0.0, |clip| clip.y)
                            width=move || clip().map_or_else(|| "100%".to_owned(), |clip| format!("{:.2}", clip.width))
                            height=move || clip().map_or_else(|| "100%".to_owned(), |clip| format!("{:.2}", clip.height))
                            viewBox=move || clip().map(|clip| format!("{:.2} {:.2} {:.2} {:.2}", clip.x, clip.y, clip.width, clip.height))
                            overflow=move || if clip().is_some() { "hidden" } else { "visible" }>
                            <g class="viewport" id="viewport" transform=move || state.drawn.get().transform()
                                font-family=FONT_FAMILY font-size="13"
                                shape-rendering=move || if scene.detail.get() == Detail::Boxes { "optimizeSpeed" } else { "auto" }>
                                <g class="areas-layer" inner_html=move || scene.areas.get() />
                                <g class="edges-layer">{keyed_groups(scene.edge_groups)}</g>
                                <g class="tables-layer">{keyed_groups(scene.table_groups)}</g>
                                <g class="notes-layer" inner_html=move || scene.notes.get() />
                            </g>
                        </svg>
                    </svg>
                    // What follows the pointer, in a layer of its own so that dragging never
                    // repaints the rest of the diagram.
                    <svg class="canvas-moving" aria-hidden="true">
                        <g transform=move || state.drawn.get().transform()
                            font-family=FONT_FAMILY font-size="13">
                            <g class="boundary-edges" inner_html=move || scene.boundary_edges.get() />
                            <g class="moving-layer" transform=moving_transform inner_html=move || scene.moving.get() />
                            <g class="overlay">{overlay}</g>
                        </g>
                    </svg>
                </div>
            </div>
            <Search />
            <ViewBar />
            <Minimap />
            <DecompositionPreviewOverlay />
            <div class="canvas-controls">
                <ActionButton action=&actions::FIT id="zoom-fit" />
                <span class="zoom-level" id="zoom-level" aria-live="polite">{zoom_percent}</span>
            </div>
            <EmptyStarts />
        </div>
    }
}
