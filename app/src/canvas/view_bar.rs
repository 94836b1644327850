//! The bar over the canvas while it shows part of the design: which part, how far a focus view
//! reaches (one or two relationships), saving it as a named view, and the way back to the whole.

use leptos::prelude::*;
use relvar_model::TableId;

use super::lens::Shown;
use crate::actions::Studio;

/// A focus view's title: its table and how many neighbours are drawn with it.
fn focus_title(studio: Studio, table: TableId) -> String {
    let name = studio.store.design.with(|design| {
        design
            .table(table)
            .map(|table| table.name.clone())
            .unwrap_or_default()
    });
    let neighbours = studio
        .lens
        .with(|drawn| drawn.tables.len())
        .saturating_sub(1);
    let noun = if neighbours == 1 {
        "neighbour"
    } else {
        "neighbours"
    };
    format!("Focus: {name} and {neighbours} {noun}")
}

#[component]
fn FocusControls(table: TableId, steps: usize) -> impl IntoView {
    let studio = expect_context::<Studio>();
    let default_name = studio.store.design.with_untracked(|design| {
        design
            .table(table)
            .map(|table| format!("{} and neighbours", table.name))
            .unwrap_or_default()
    });
    let name = RwSignal::new(default_name);
    let reach = move |to: usize| {
        move |_| {
            if to != steps {
                studio.show(Shown::Focus { table, steps: to });
            }
        }
    };
    let save = move || {
        let name = name.get_untracked().trim().to_owned();
        if let Some(command) = studio.lens.save_focus(&name)
            && studio.store.dispatch(command).is_ok()
        {
            studio.lens.shown.set(Shown::Saved(name));
        }
    };
    view! {
        <span class="view-title" id="view-title">{move || focus_title(studio, table)}</span>
        <span class="segments" role="group" aria-label="How far the focus reaches">
            <button class="segment" id="focus-steps-1" aria-pressed=(steps == 1).to_string() on:click=reach(1)>"1 step"</button>
            <button class="segment" id="focus-steps-2" aria-pressed=(steps == 2).to_string() on:click=reach(2)>"2 steps"</button>
        </span>
        <input id="view-name" type="text" aria-label="Name of the view to save" prop:value=move || name.get()
            on:input=move |event| name.set(event_target_value(&event))
            on:keydown=move |event| if event.key() == "Enter" { save() } />
        <button id="save-view" on:click=move |_| save()>"Save view"</button>
    }
}

#[component]
pub fn ViewBar() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let shown = studio.lens.shown;
    let controls = move || match shown.get() {
        Shown::Whole => None,
        Shown::Focus { table, steps } => {
            Some(view! { <FocusControls table=table steps=steps /> }.into_any())
        }
        Shown::Saved(name) => {
            let count = studio.lens.with(|drawn| drawn.tables.len());
            Some(view! { <span class="view-title" id="view-title">{format!("View: {name} · {count} tables")}</span> }.into_any())
        }
    };
    view! {
        <Show when=move || shown.with(|shown| *shown != Shown::Whole)>
            <div class="view-bar" id="view-bar" role="region" aria-label="Part of the design shown">
                {controls}
                <button id="show-whole" on:click=move |_| studio.show(Shown::Whole)>"Show whole design"</button>
            </div>
        </Show>
    }
}
