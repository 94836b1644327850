//! The home view: the designs saved in this browser, newest change first, to open, rename,
//! duplicate or delete (after a confirmation), and the templates a new design can start from.

use leptos::prelude::*;

use crate::dialog::ModalDialog;
use crate::library::Library;
use crate::opening::{open_new, open_saved};
use crate::store::Store;
use crate::templates::TEMPLATES;

/// Whether the home view is open, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct HomeView(pub RwSignal<bool>);

fn when(updated: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(updated));
    let time = date.to_locale_time_string("en-GB");
    let day = date.to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED);
    format!("{} {}", String::from(day), String::from(time))
}

#[component]
fn DesignRow(id: String, store: Store, library: Library, home: HomeView) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let renaming = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    // The row lives as long as its design does; saves and renames only change what it shows, so a
    // name being typed survives an autosave landing meanwhile.
    let entry = {
        let id = id.clone();
        Memo::new(move |_| {
            library.entries.with(|entries| {
                entries
                    .iter()
                    .find(|entry| entry.id == id)
                    .cloned()
                    .unwrap_or_default()
            })
        })
    };
    let is_open = {
        let id = id.clone();
        move || library.current.get().as_deref() == Some(id.as_str())
    };
    let open = {
        let id = id.clone();
        move |_| match open_saved(store, library, &id) {
            Ok(()) => home.0.set(false),
            Err(error) => problem.set(Some(format!("Could not open it: {error}"))),
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            if let Err(error) = library.duplicate(&id) {
                problem.set(Some(format!("Could not duplicate it: {error}")));
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let was_open = library.current.get_untracked().as_deref() == Some(id.as_str());
            library.delete(&id);
            if was_open {
                let next = library
                    .entries
                    .with_untracked(|entries| entries.first().map(|entry| entry.id.clone()));
                let reopened = next.is_some_and(|next| open_saved(store, library, &next).is_ok());
                if !reopened {
                    open_new(
                        store,
                        library,
                        "Untitled design",
                        relvar_model::Design::default(),
                    );
                }
            }
        }
    };
    let rename = {
        let id = id.clone();
        move |name: String| {
            library.rename(&id, &name);
            renaming.set(false);
        }
    };
    let label = move || {
        entry.with(|entry| {
            format!(
                "{} ({} tables, changed {})",
                entry.name,
                entry.tables,
                when(entry.updated)
            )
        })
    };
    view! {
        <li class="design-row" data-design-id=id.clone() data-open=move || is_open().to_string()>
            <Show when=move || renaming.get() fallback=move || {
                view! { <button class="link design-open" on:click=open.clone()>{label}</button> }
            }>
                <input class="design-name" aria-label="Design name"
                    value=move || entry.with_untracked(|entry| entry.name.clone()) autofocus
                    on:change={
                        let rename = rename.clone();
                        move |event| rename(event_target_value(&event))
                    } />
            </Show>
            <span class="design-actions">
                <button class="design-rename" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button class="design-duplicate" on:click=duplicate>"Duplicate"</button>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button class="design-delete" on:click=move |_| confirming.set(true)>"Delete"</button>
                }>
                    <span class="confirm" role="alert">"Delete it for good? "
                        <button class="design-delete-confirm danger" on:click=delete.clone()>"Delete"</button>
                        <button class="design-delete-keep" on:click=move |_| confirming.set(false)>"Keep"</button>
                    </span>
                </Show>
            </span>
            {move || problem.get().map(|problem| view! { <p class="error">{problem}</p> })}
        </li>
    }
}

#[component]
pub fn DesignsDialog(store: Store, library: Library) -> impl IntoView {
    let home = expect_context::<HomeView>();
    let ids = move || {
        library.entries.with(|entries| {
            entries
                .iter()
                .map(|entry| entry.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let templates = move || {
        TEMPLATES
        .iter()
        .map(|template| {
            let start = move |_| {
                open_new(store, library, &template.design_name(), template.design());
                home.0.set(false);
            };
            view! {
                <li>
                    <button class="template" data-template=template.id on:click=start>{template.name}</button>
                    <span class="status">{template.summary}</span>
                </li>
            }
        })
        .collect_view()
    };
    view! {
        <Show when=move || home.0.get()>
            <ModalDialog id="designs-dialog" labelled_by="designs-title" class="designs-dialog"
                close=Callback::new(move |()| home.0.set(false))>
                <h2 id="designs-title">"Designs in this browser"</h2>
                <ul class="design-list" id="design-list">
                    <For each=ids key=|id| id.clone() let(id)>
                        <DesignRow id=id store=store library=library home=home />
                    </For>
                </ul>
                <h2>"New design"</h2>
                <ul class="template-list" id="template-list">{templates}</ul>
                <button id="designs-close" on:click=move |_| home.0.set(false)>"Close"</button>
            </ModalDialog>
        </Show>
    }
}
