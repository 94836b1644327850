//! Editing one table: name, schema, colour, comment, collapse, subject area, and its columns.

use leptos::prelude::*;
use relvar_analysis::{format_row_count, parse_row_count};
use relvar_model::{Column, Command, Design, Dialect, TableId};

use super::column_editor::ColumnEditor;
use crate::actions::{self, ActionButton};
use crate::store::{Store, use_store};

fn blank_to_none(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The dialect whose types the type picker offers: the design's own, else PostgreSQL.
pub fn design_dialect(store: Store) -> Dialect {
    store.design.with(Design::dialect)
}

#[component]
pub fn TableEditor(table: TableId) -> impl IntoView {
    let store = use_store();
    let snapshot = Memo::new(move |_| store.design.with(|design| design.table(table).cloned()));
    let collapsed = Memo::new(move |_| {
        store
            .design
            .with(|design| design.layout.collapsed.contains(&table))
    });
    let column_ids = move || {
        snapshot.with(|table| {
            table
                .as_ref()
                .map(|table| {
                    table
                        .columns
                        .iter()
                        .map(|column| column.id)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let rename = move |name: String, schema: Option<String>| {
        let _ = store.dispatch(Command::RenameTable {
            table,
            schema,
            name: name.trim().to_owned(),
        });
    };
    let add_column = move |_| {
        let command = store.design.with_untracked(|design| {
            let found = design.table(table)?;
            let mut ids = design.ids.clone();
            let mut number = found.columns.len() + 1;
            let mut name = format!("column_{number}");
            while found
                .columns
                .iter()
                .any(|column| column.name.eq_ignore_ascii_case(&name))
            {
                number += 1;
                name = format!("column_{number}");
            }
            let data_type = design.dialect().new_column_type();
            let column = Column::new(ids.column(), name, data_type);
            Some(Command::AddColumn {
                table,
                column,
                index: found.columns.len(),
            })
        });
        if let Some(command) = command {
            let _ = store.dispatch(command);
        }
    };
    let area_options = move || {
        store.design.with(|design| {
            design
                .areas
                .iter()
                .map(|area| (area.id, area.name.clone(), area.tables.contains(&table)))
                .collect::<Vec<_>>()
        })
    };
    let set_area = move |value: String| {
        let wanted = value.parse::<u32>().ok().map(relvar_model::AreaId);
        let commands: Vec<Command> = store.design.with_untracked(|design| {
            design
                .areas
                .iter()
                .filter_map(|area| {
                    let inside = area.tables.contains(&table);
                    let should = wanted == Some(area.id);
                    (inside != should).then(|| {
                        let mut tables = area.tables.clone();
                        if should {
                            tables.push(table)
                        } else {
                            tables.retain(|id| *id != table)
                        }
                        Command::SetAreaTables {
                            id: area.id,
                            tables,
                        }
                    })
                })
                .collect()
        });
        if !commands.is_empty() {
            let _ = store.dispatch(Command::Batch(commands));
        }
    };
    let types_list = move || {
        design_dialect(store)
            .type_names()
            .iter()
            .map(|name| view! { <option value=*name></option> })
            .collect_view()
    };
    view! {
        <Show when=move || snapshot.with(Option::is_some)>
            <div class="editor table-editor" data-table-id=table.0.to_string()>
                <div class="field-row">
                    <label class="field grow">"Name"
                        <input id="table-name" type="text" prop:value=move || snapshot.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default())
                            on:change=move |event| {
                                let schema = snapshot.with_untracked(|t| t.as_ref().and_then(|t| t.schema.clone()));
                                rename(event_target_value(&event), schema);
                            } />
                    </label>
                    <label class="field">"Schema"
                        <input id="table-schema" type="text" size="8" prop:value=move || snapshot.with(|t| t.as_ref().and_then(|t| t.schema.clone()).unwrap_or_default())
                            on:change=move |event| {
                                let name = snapshot.with_untracked(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
                                rename(name, blank_to_none(event_target_value(&event)));
                            } />
                    </label>
                    <label class="field">"Colour"
                        <input id="table-colour" type="color" prop:value=move || snapshot.with(|t| t.as_ref().and_then(|t| t.colour.clone()).unwrap_or_else(|| String::from("#2f3b52")))
                            on:change=move |event| { let _ = store.dispatch(Command::SetTableColour { table, colour: Some(event_target_value(&event)) }); } />
                    </label>
                </div>
                <label class="field">"Comment"
                    <input id="table-comment" type="text" prop:value=move || snapshot.with(|t| t.as_ref().and_then(|t| t.comment.clone()).unwrap_or_default())
                        on:change=move |event| { let _ = store.dispatch(Command::SetTableComment { table, comment: blank_to_none(event_target_value(&event)) }); } />
                </label>
                <label class="field">"Expected rows"
                    <input id="table-expected-rows" type="text" inputmode="numeric" placeholder="e.g. 3,000,000,000 or 3b"
                        title="The rows this table is expected to reach; the review checks its key against it"
                        prop:value=move || snapshot.with(|t| t.as_ref().and_then(|t| t.expected_rows).map(format_row_count).unwrap_or_default())
                        on:change=move |event| match parse_row_count(&event_target_value(&event)) {
                            Ok(rows) => { let _ = store.dispatch(Command::SetTableExpectedRows { table, rows }); }
                            Err(message) => store.refusal.set(Some(message)),
                        } />
                </label>
                <div class="panel-row">
                    <button id="table-collapse" aria-pressed=move || collapsed.get().to_string()
                        on:click=move |_| { let _ = store.dispatch(Command::SetCollapsed { table, collapsed: !collapsed.get_untracked() }); }>
                        {move || if collapsed.get() { "Show all columns" } else { "Collapse to keys" }}
                    </button>
                    <ActionButton action=&actions::DUPLICATE id="table-duplicate" />
                    <ActionButton action=&actions::DELETE id="table-delete" class="danger" />
                    <Show when=move || store.design.with(|design| !design.areas.is_empty())>
                        <label class="field inline">"Area"
                            <select id="table-area" on:change=move |event| set_area(event_target_value(&event))>
                                <option value="">"none"</option>
                                {move || area_options().into_iter().map(|(id, name, inside)| view! {
                                    <option value=id.0.to_string() selected=inside>{name}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </Show>
                </div>
                <h3>"Columns"</h3>
                <datalist id="type-names">{types_list}</datalist>
                <ol class="columns-editor" id="columns-editor">
                    <For each=column_ids key=|id| *id let:column>
                        <ColumnEditor table=table column=column />
                    </For>
                </ol>
                <button id="add-column" on:click=add_column>"Add column"</button>
            </div>
        </Show>
    }
}
