//! A decomposition shown over the canvas before it is applied: the tables it would leave and make,
//! drawn by the same code as the diagram, with Apply (one undoable edit) and Cancel. Any edit of
//! the design closes it, since the decomposition was computed for the design as it was.

use std::collections::BTreeSet;

use leptos::prelude::*;
use relvar_layout::draw::{DiagramScope, Theme, diagram_svg};
use relvar_model::{Command, Design, TableId};

use crate::store::use_store;

/// What the preview shows and the edit it would make.
#[derive(Debug, Clone, PartialEq)]
pub struct DecompositionPreview {
    title: String,
    /// The tables after the edit, as an SVG document; none when there is nothing to draw.
    picture: Option<String>,
    table_names: Vec<String>,
    command: Command,
}

impl DecompositionPreview {
    /// The preview of `command` (already applied to `before`, giving `after`): the tables it adds
    /// or changes, drawn in `theme`.
    pub fn new(
        title: &str,
        before: &Design,
        after: &Design,
        command: Command,
        theme: Theme,
    ) -> Self {
        let touched: BTreeSet<TableId> = after
            .tables
            .iter()
            .filter(|table| before.table(table.id) != Some(*table))
            .map(|table| table.id)
            .collect();
        let table_names = after
            .tables
            .iter()
            .filter(|table| touched.contains(&table.id))
            .map(|table| table.name.clone())
            .collect();
        Self {
            title: title.to_owned(),
            picture: diagram_svg(after, DiagramScope::Tables(&touched), theme),
            table_names,
            command,
        }
    }
}

/// The preview on show, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct DecompositionPreviews(RwSignal<Option<DecompositionPreview>>);

impl DecompositionPreviews {
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    pub fn show(&self, preview: DecompositionPreview) {
        self.0.set(Some(preview));
    }

    fn close(&self) {
        if self.0.with_untracked(Option::is_some) {
            self.0.set(None);
        }
    }
}

#[component]
pub fn DecompositionPreviewOverlay() -> impl IntoView {
    let store = use_store();
    let previews = expect_context::<DecompositionPreviews>();
    Effect::new(move |_| {
        store.design.track();
        previews.close();
    });
    let apply = move |_| {
        if let Some(preview) = previews.0.get_untracked() {
            previews.close();
            let _ = store.dispatch(preview.command);
        }
    };
    view! {
        <Show when=move || previews.0.with(Option::is_some)>
            <div class="decomposition-preview" id="decomposition-preview" role="dialog" aria-labelledby="decomposition-preview-title">
                <h2 id="decomposition-preview-title">{move || previews.0.with(|shown| shown.as_ref().map(|shown| format!("Preview: {}", shown.title)))}</h2>
                <p class="status">{move || previews.0.with(|shown| shown.as_ref().map(|shown| format!("Tables after it: {}", shown.table_names.join(", "))))}</p>
                <div class="preview-picture" inner_html=move || previews.0.with(|shown| shown.as_ref().and_then(|shown| shown.picture.clone()).unwrap_or_default())></div>
                <div class="panel-row">
                    <button id="decomposition-apply" class="primary" on:click=apply>"Apply"</button>
                    <button id="decomposition-cancel" on:click=move |_| previews.close()>"Cancel"</button>
                </div>
            </div>
        </Show>
    }
}
