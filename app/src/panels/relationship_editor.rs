//! Editing one relationship: its column pairs (one relationship however many columns), what
//! happens on delete and on update, and deleting it.

use leptos::prelude::*;
use relvar_model::{ColumnId, Command, ForeignKeyId, ReferentialAction};

use crate::store::use_store;

const ACTIONS: [ReferentialAction; 5] = [
    ReferentialAction::NoAction,
    ReferentialAction::Restrict,
    ReferentialAction::Cascade,
    ReferentialAction::SetNull,
    ReferentialAction::SetDefault,
];

#[derive(Debug, Clone, PartialEq)]
struct RelationshipView {
    child: String,
    parent: String,
    child_columns: Vec<(ColumnId, String)>,
    parent_columns: Vec<(ColumnId, String)>,
    pairs: Vec<(ColumnId, ColumnId)>,
    on_delete: ReferentialAction,
    on_update: ReferentialAction,
}

#[component]
pub fn RelationshipEditor(id: ForeignKeyId) -> impl IntoView {
    let store = use_store();
    let shown = Memo::new(move |_| {
        store.design.with(|design| {
            let foreign_key = design.foreign_key(id)?;
            let child = design.table(foreign_key.from_table)?;
            let parent = design.table(foreign_key.to_table)?;
            let columns = |table: &relvar_model::Table| {
                table
                    .columns
                    .iter()
                    .map(|column| (column.id, column.name.clone()))
                    .collect()
            };
            Some(RelationshipView {
                child: child.display_name(),
                parent: parent.display_name(),
                child_columns: columns(child),
                parent_columns: columns(parent),
                pairs: foreign_key
                    .from_columns
                    .iter()
                    .copied()
                    .zip(foreign_key.to_columns.iter().copied())
                    .collect(),
                on_delete: foreign_key.on_delete,
                on_update: foreign_key.on_update,
            })
        })
    });
    let set_pairs = move |pairs: Vec<(ColumnId, ColumnId)>| {
        let (from_columns, to_columns) = pairs.into_iter().unzip();
        let _ = store.dispatch(Command::SetForeignKeyColumns {
            id,
            from_columns,
            to_columns,
        });
    };
    let change_pair = move |index: usize, child_side: bool, value: String| {
        let Some(view) = shown.get_untracked() else {
            return;
        };
        let Ok(column) = value.parse::<u32>().map(ColumnId) else {
            return;
        };
        let mut pairs = view.pairs.clone();
        if let Some(pair) = pairs.get_mut(index) {
            if child_side {
                pair.0 = column
            } else {
                pair.1 = column
            }
        }
        set_pairs(pairs);
    };
    let set_actions = move |on_delete: Option<ReferentialAction>,
                            on_update: Option<ReferentialAction>| {
        let Some(view) = shown.get_untracked() else {
            return;
        };
        let _ = store.dispatch(Command::SetForeignKeyActions {
            id,
            on_delete: on_delete.unwrap_or(view.on_delete),
            on_update: on_update.unwrap_or(view.on_update),
        });
    };
    let parse_action = |value: String| ACTIONS.into_iter().find(|action| action.sql() == value);
    let action_options = move |current: ReferentialAction| {
        ACTIONS.into_iter().map(|action| view! { <option value=action.sql() selected=action == current>{action.sql()}</option> }).collect_view()
    };
    let body = move || {
        let view = shown.get()?;
        let options = |columns: &[(ColumnId, String)], chosen: ColumnId| {
            columns.iter().map(|(column, name)| view! { <option value=column.0.to_string() selected=*column == chosen>{name.clone()}</option> }).collect_view()
        };
        let pair_count = view.pairs.len();
        let rows = view.pairs.iter().enumerate().map(|(index, (from, to))| {
            let without = {
                let mut pairs = view.pairs.clone();
                pairs.remove(index);
                pairs
            };
            view! {
                <li class="field-row">
                    <select class="grow" aria-label=format!("Referencing column {}", index + 1) on:change=move |event| change_pair(index, true, event_target_value(&event))>
                        {options(&view.child_columns, *from)}
                    </select>
                    "→"
                    <select class="grow" aria-label=format!("Referenced column {}", index + 1) on:change=move |event| change_pair(index, false, event_target_value(&event))>
                        {options(&view.parent_columns, *to)}
                    </select>
                    <button class="icon danger" title="Remove this pair" aria-label=format!("Remove column pair {}", index + 1) disabled=pair_count < 2
                        on:click=move |_| set_pairs(without.clone())>"✕"</button>
                </li>
            }
        }).collect_view();
        let next_pair = view
            .child_columns
            .iter()
            .find(|(column, _)| !view.pairs.iter().any(|(from, _)| from == column))
            .map(|(column, _)| *column)
            .zip(
                view.parent_columns
                    .iter()
                    .find(|(column, _)| !view.pairs.iter().any(|(_, to)| to == column))
                    .map(|(column, _)| *column),
            );
        let add_pair = move |_| {
            if let Some(pair) = next_pair {
                let mut pairs = shown
                    .get_untracked()
                    .map(|view| view.pairs)
                    .unwrap_or_default();
                pairs.push(pair);
                set_pairs(pairs);
            }
        };
        Some(view! {
            <div class="editor relationship-editor" id="relationship-editor">
                <p class="relationship-title"><strong>{view.child.clone()}</strong>" references "<strong>{view.parent.clone()}</strong></p>
                <ol class="pairs" id="relationship-pairs">{rows}</ol>
                <button id="add-pair" disabled=next_pair.is_none() on:click=add_pair>"Add column pair"</button>
                <div class="field-row">
                    <label class="field">"On delete"
                        <select id="on-delete" on:change=move |event| set_actions(parse_action(event_target_value(&event)), None)>{action_options(view.on_delete)}</select>
                    </label>
                    <label class="field">"On update"
                        <select id="on-update" on:change=move |event| set_actions(None, parse_action(event_target_value(&event)))>{action_options(view.on_update)}</select>
                    </label>
                </div>
                <button id="relationship-delete" class="danger" on:click=move |_| { let _ = store.dispatch(Command::DeleteForeignKey { id }); }>"Delete relationship"</button>
            </div>
        })
    };
    view! { {body} }
}
