//! The ERD canvas: an SVG with a pan/zoom viewport whose layers (areas, relationships, tables,
//! notes, the dragged tables) are drawn by relvar-layout's drawing code; a minimap, search and
//! zoom controls over it. Gestures preview in canvas state and become one command when done.

mod connect;
mod gesture;
mod keys;
mod minimap;
mod scene;
mod search;
mod state;

use leptos::prelude::*;
use relvar_layout::Viewport;
use relvar_layout::draw::{Detail, FONT_FAMILY};

use crate::store::{Store, use_store};
use crate::theme::Themes;
use gesture::GestureHandlers;
pub use keys::ShortcutSheet;
use minimap::Minimap;
pub use scene::Scene;
use search::Search;
pub use state::{CanvasState, Preview, use_canvas};

const FIT_MARGIN: f64 = 24.0;

/// Fits every table and note into the view.
pub fn fit_to_view(store: Store, state: CanvasState, scene: Scene) {
    state.measure();
    let (width, height) = state.screen.get_untracked();
    if let Some(bounds) = store.design.with_untracked(|design| scene.bounds(design)) {
        state
            .viewport
            .set(Viewport::fit(bounds, width, height, FIT_MARGIN));
    }
}

#[component]
pub fn Canvas() -> impl IntoView {
    let store = use_store();
    let themes = expect_context::<Themes>();
    let state = use_canvas();
    let scene = Scene::new(store, state, themes.current);
    provide_context(scene);
    let handlers = GestureHandlers::new(store, state, scene);
    keys::install(store, state, scene);

    Effect::new(move |_| {
        store.replaced.track();
        fit_to_view(store, state, scene);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| state.measure());
    on_cleanup(move || resize.remove());

    let zoom_percent = move || format!("{:.0}%", state.viewport.get().scale * 100.0);
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
            <svg
                class="canvas"
                id="canvas"
                node_ref=state.svg
                tabindex="0"
                role="application"
                aria-label="Diagram canvas: drag tables to move them, drag the background to pan, Shift-drag to select, wheel to zoom; press ? for shortcuts"
                aria-describedby="design-stats"
                data-detail=move || format!("{:?}", scene.detail.get()).to_lowercase()
                on:pointerdown=move |event| handlers.pointer_down(&event)
                on:pointermove=move |event| handlers.pointer_move(&event)
                on:pointerup=move |event| handlers.pointer_up(&event)
                on:pointercancel=move |event| handlers.pointer_up(&event)
                on:wheel=move |event| handlers.wheel(&event)
            >
                <g class="viewport" id="viewport" transform=move || state.viewport.get().transform()
                    font-family=FONT_FAMILY font-size="13"
                    shape-rendering=move || if scene.detail.get() == Detail::Boxes { "optimizeSpeed" } else { "auto" }>
                    <g class="areas-layer" inner_html=move || scene.areas.get() />
                    <g class=move || if state.gesturing.get() && scene.detail.get() == Detail::Boxes { "edges-layer resting-only" } else { "edges-layer" }
                        inner_html=move || scene.still_edges.get() />
                    <g class="tables-layer" inner_html=move || scene.still_tables.get() />
                    <g class="notes-layer" inner_html=move || scene.notes.get() />
                    <g class="boundary-edges" inner_html=move || scene.boundary_edges.get() />
                    <g class="moving-layer" transform=moving_transform inner_html=move || scene.moving.get() />
                    <g class="overlay">{overlay}</g>
                </g>
            </svg>
            <Search />
            <Minimap />
            <div class="canvas-controls">
                <button id="zoom-fit" title="Fit the design into view (F)" on:click=move |_| fit_to_view(store, state, scene)>"Fit"</button>
                <span class="zoom-level" id="zoom-level" aria-live="polite">{zoom_percent}</span>
            </div>
            <Show when=move || store.design.with(|design| design.tables.is_empty() && design.notes.is_empty())>
                <p class="canvas-empty">"Paste DDL on the left and press Import, or add a table, to see its diagram."</p>
            </Show>
        </div>
    }
}
