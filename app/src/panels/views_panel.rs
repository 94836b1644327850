//! The design's saved views: open one on the canvas, rename or delete it (each one undoable
//! edit), and how to make one (focus on a table, then save what the canvas shows).

use leptos::prelude::*;
use relvar_model::SavedView;

use super::counted;
use crate::actions::Studio;
use crate::canvas::{Shown, saved_views_changed};

fn view_item(studio: Studio, view: SavedView) -> impl IntoView {
    let store = studio.store;
    let name = view.name.clone();
    let open = {
        let name = name.clone();
        move |_| studio.show(Shown::Saved(name.clone()))
    };
    let rename = {
        let name = name.clone();
        move |event| {
            let new_name = event_target_value(&event).trim().to_owned();
            let was_shown = studio.lens.shown.get_untracked() == Shown::Saved(name.clone());
            let command = saved_views_changed(store, |views| {
                for view in views.iter_mut().filter(|view| view.name == name) {
                    view.name = new_name.clone();
                }
            });
            if store.dispatch(command).is_ok() && was_shown {
                studio.lens.shown.set(Shown::Saved(new_name));
            }
        }
    };
    let delete = {
        let name = name.clone();
        move |_| {
            let _ = store.dispatch(saved_views_changed(store, |views| {
                views.retain(|view| view.name != name);
            }));
        }
    };
    let current = {
        let name = name.clone();
        Memo::new(move |_| {
            studio
                .lens
                .shown
                .with(|shown| *shown == Shown::Saved(name.clone()))
        })
    };
    view! {
        <li class="saved-view" data-view=name.clone() class:current=move || current.get()>
            <input class="view-name" type="text" aria-label=format!("Name of view {name}")
                prop:value=name.clone() on:change=rename />
            <span class="status">{counted(view.tables.len(), "table", "tables")}</span>
            <button class="view-open" aria-label=format!("Open view {name}")
                aria-current=move || current.get().then_some("true") on:click=open>"Open"</button>
            <button class="view-delete danger" aria-label=format!("Delete view {name}") on:click=delete>"Delete"</button>
        </li>
    }
}

#[component]
pub fn ViewsPanel() -> impl IntoView {
    let studio = expect_context::<Studio>();
    let store = studio.store;
    let views = move || {
        store
            .design
            .with(|design| design.saved_views.clone())
            .into_iter()
            .map(|view| view_item(studio, view))
            .collect_view()
    };
    let summary = move || {
        store.design.with(|design| match design.saved_views.len() {
            0 => "No saved views yet.".to_owned(),
            count => counted(count, "saved view", "saved views"),
        })
    };
    view! {
        <section class="panel views-panel" id="views-panel" aria-labelledby="views-title">
            <h2 id="views-title">"Views"</h2>
            <p class="hint">
                "A view draws some of the tables alone, with a layout of its own. Select a table and press "
                <kbd>"V"</kbd>" (Focus on table) to see it with its neighbours, then save it by name; "
                "views travel with the design in files and links."
            </p>
            <p class="status" id="views-summary">{summary}</p>
            <ul class="saved-views" id="saved-views">{views}</ul>
        </section>
    }
}
