//! The design's enumerated types: add one, rename it (columns that use it follow), edit its
//! values (one per line), delete it when no column uses it.

use leptos::prelude::*;
use relvar_model::{Command, EnumType};

use crate::store::use_store;

fn values_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
        .collect()
}

#[component]
pub fn EnumsPanel() -> impl IntoView {
    let store = use_store();
    let names = move || {
        store.design.with(|design| {
            design
                .enums
                .iter()
                .map(EnumType::qualified_name)
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let command = store.design.with_untracked(|design| {
            let mut number = design.enums.len() + 1;
            let taken = |name: &str| {
                design
                    .enums
                    .iter()
                    .any(|existing| existing.name.eq_ignore_ascii_case(name))
            };
            let mut name = format!("status_{number}");
            while taken(&name) {
                number += 1;
                name = format!("status_{number}");
            }
            Command::AddEnum {
                enum_type: EnumType {
                    schema: None,
                    name,
                    values: vec![String::from("active"), String::from("archived")],
                },
            }
        });
        let _ = store.dispatch(command);
    };
    view! {
        <section class="panel enums-panel" aria-labelledby="enums-title">
            <h2 id="enums-title">"Enums"</h2>
            <ul class="enum-list" id="enum-list">
                <For each=names key=|name| name.clone() let:name>
                    <EnumEditor name=name />
                </For>
            </ul>
            <button id="add-enum" on:click=add>"Add enum"</button>
        </section>
    }
}

#[component]
fn EnumEditor(name: String) -> impl IntoView {
    let store = use_store();
    let key = name.clone();
    let found = Memo::new(move |_| {
        store.design.with(|design| {
            design
                .enums
                .iter()
                .find(|candidate| candidate.qualified_name() == key)
                .cloned()
        })
    });
    let rename_from = name.clone();
    let values_of_name = name.clone();
    let delete_name = name.clone();
    view! {
        <li class="enum-editor">
            <input type="text" aria-label=format!("Name of enum {name}") prop:value=move || found.with(|found| found.as_ref().map(|found| found.name.clone()).unwrap_or_default())
                on:change=move |event| {
                    let schema = found.with_untracked(|found| found.as_ref().and_then(|found| found.schema.clone()));
                    let _ = store.dispatch(Command::RenameEnum { name: rename_from.clone(), schema, new_name: event_target_value(&event).trim().to_owned() });
                } />
            <textarea rows="3" aria-label=format!("Values of enum {name}, one per line") prop:value=move || found.with(|found| found.as_ref().map(|found| found.values.join("\n")).unwrap_or_default())
                on:change=move |event| { let _ = store.dispatch(Command::SetEnumValues { name: values_of_name.clone(), values: values_of(&event_target_value(&event)) }); }></textarea>
            <button class="danger" aria-label=format!("Delete enum {name}") on:click=move |_| { let _ = store.dispatch(Command::DeleteEnum { name: delete_name.clone() }); }>"Delete"</button>
        </li>
    }
}
