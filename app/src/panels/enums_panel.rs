//! The design's enumerated types as a compact list (name, number of values, columns using it),
//! filtered by name, with an editor for the one chosen: rename it (columns that use it follow),
//! edit its values (one per line), see the columns that use it, delete it when none does.

use leptos::prelude::*;
use relvar_model::{Command, Design, EnumType};

use super::counted;
use crate::store::{Store, use_store};
use crate::workspace::{PanelTab, Workspace};

fn values_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One enum as the list shows it.
#[derive(Debug, Clone, PartialEq)]
struct EnumRow {
    name: String,
    values: usize,
    users: usize,
}

/// The enums whose name holds `filter` (ignoring case), in the design's order.
fn rows(design: &Design, filter: &str) -> Vec<EnumRow> {
    let filter = filter.trim().to_lowercase();
    design
        .enums
        .iter()
        .filter(|enum_type| enum_type.qualified_name().to_lowercase().contains(&filter))
        .map(|enum_type| EnumRow {
            name: enum_type.qualified_name(),
            values: enum_type.values.len(),
            users: enum_type.users(design).len(),
        })
        .collect()
}

/// The command adding a new enum with a free name (`status_N`), and that name.
fn new_enum(design: &Design) -> (Command, String) {
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
    let command = Command::AddEnum {
        enum_type: EnumType {
            schema: None,
            name: name.clone(),
            values: vec![String::from("active"), String::from("archived")],
        },
    };
    (command, name)
}

#[component]
pub fn EnumsPanel() -> impl IntoView {
    let store = use_store();
    let filter = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<String>);
    // Counting each enum's columns reads every column: done only while the panel is shown.
    let shown = expect_context::<Workspace>().tab;
    let listed = Memo::new(move |before: Option<&Vec<EnumRow>>| {
        if shown.get() != PanelTab::Enums {
            return before.cloned().unwrap_or_default();
        }
        let filter = filter.get();
        store.design.with(|design| rows(design, &filter))
    });
    let summary = move || {
        let total = store.design.with(|design| design.enums.len());
        let shown = listed.with(Vec::len);
        if shown == total {
            counted(total, "enum", "enums")
        } else {
            format!("{shown} of {}", counted(total, "enum", "enums"))
        }
    };
    let add = move |_| {
        let (command, name) = store.design.with_untracked(new_enum);
        if store.dispatch(command).is_ok() {
            filter.set(String::new());
            chosen.set(Some(name));
        }
    };
    view! {
        <section class="panel enums-panel" aria-labelledby="enums-title">
            <h2 id="enums-title">"Enums"</h2>
            <div class="panel-row">
                <input id="enums-filter" type="search" placeholder="Filter by name" aria-label="Filter enums by name"
                    prop:value=move || filter.get() on:input=move |event| filter.set(event_target_value(&event)) />
                <button id="add-enum" on:click=add>"Add enum"</button>
            </div>
            <p class="status" id="enums-summary" aria-live="polite">{summary}</p>
            <ul class="enum-list" id="enum-list">
                <For each=move || listed.get() key=|row: &EnumRow| (row.name.clone(), row.values, row.users) let:row>
                    {
                        let name = row.name.clone();
                        let picked = name.clone();
                        let is_chosen = move || chosen.with(|chosen| chosen.as_deref() == Some(name.as_str()));
                        view! {
                            <li class="enum-row" data-enum=row.name.clone()>
                                <button class="link enum-pick" aria-pressed=move || is_chosen().to_string()
                                    on:click=move |_| chosen.set(Some(picked.clone()))>{row.name.clone()}</button>
                                <span class="status">{format!("{} · {}", counted(row.values, "value", "values"), counted(row.users, "column", "columns"))}</span>
                            </li>
                        }
                    }
                </For>
            </ul>
            {move || chosen.get().map(|name| view! { <EnumEditor store=store name=name chosen=chosen /> })}
        </section>
    }
}

#[component]
fn EnumEditor(store: Store, name: String, chosen: RwSignal<Option<String>>) -> impl IntoView {
    let key = name.clone();
    let found = Memo::new(move |_| {
        store.design.with(|design| {
            let enum_type = design
                .enums
                .iter()
                .find(|candidate| candidate.qualified_name() == key)?;
            Some((enum_type.clone(), enum_type.users(design)))
        })
    });
    let rename_from = name.clone();
    let values_of_name = name.clone();
    let delete_name = name.clone();
    let rename = move |event| {
        let schema = found
            .with_untracked(|found| found.as_ref().and_then(|(found, _)| found.schema.clone()));
        let new_name = event_target_value(&event).trim().to_owned();
        let renamed = EnumType {
            schema: schema.clone(),
            name: new_name.clone(),
            values: Vec::new(),
        };
        if store
            .dispatch(Command::RenameEnum {
                name: rename_from.clone(),
                schema,
                new_name,
            })
            .is_ok()
        {
            chosen.set(Some(renamed.qualified_name()));
        }
    };
    let delete = move |_| {
        if store
            .dispatch(Command::DeleteEnum {
                name: delete_name.clone(),
            })
            .is_ok()
        {
            chosen.set(None);
        }
    };
    let users = move || {
        found.with(|found| match found {
            Some((_, users)) if !users.is_empty() => format!("Used by {}", users.join(", ")),
            Some(_) => "No column uses it.".to_owned(),
            None => String::new(),
        })
    };
    view! {
        <Show when=move || found.with(Option::is_some)>
            <div class="enum-editor" id="enum-editor" role="group" aria-label=format!("Enum {name}")>
                <label class="field">"Name"
                    <input type="text" id="enum-name" prop:value=move || found.with(|found| found.as_ref().map(|(found, _)| found.name.clone()).unwrap_or_default())
                        on:change=rename.clone() />
                </label>
                <label class="field">"Values, one per line"
                    <textarea id="enum-values" rows="6" prop:value=move || found.with(|found| found.as_ref().map(|(found, _)| found.values.join("\n")).unwrap_or_default())
                        on:change={
                            let values_of_name = values_of_name.clone();
                            move |event| { let _ = store.dispatch(Command::SetEnumValues { name: values_of_name.clone(), values: values_of(&event_target_value(&event)) }); }
                        }></textarea>
                </label>
                <p class="status" id="enum-users">{users}</p>
                <div class="panel-row">
                    <button class="danger" id="enum-delete" on:click=delete.clone()>"Delete enum"</button>
                </div>
            </div>
        </Show>
    }
}
