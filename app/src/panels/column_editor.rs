//! Editing one column: name, type (picked from the dialect's types or typed), nullable, primary
//! key, unique, default, comment; moving it up or down; deleting it.

use leptos::prelude::*;
use relvar_model::{ColumnId, Command, TableId};

use crate::store::use_store;

fn blank_to_none(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// What the editor shows of a column and its table's keys.
#[derive(Debug, Clone, PartialEq)]
struct ColumnView {
    name: String,
    data_type: String,
    nullable: bool,
    default: String,
    comment: String,
    primary_key: bool,
    unique: bool,
    index: usize,
    count: usize,
    key_columns: Vec<ColumnId>,
}

#[component]
pub fn ColumnEditor(table: TableId, column: ColumnId) -> impl IntoView {
    let store = use_store();
    let shown = Memo::new(move |_| {
        store.design.with(|design| {
            let found = design.table(table)?;
            let index = found
                .columns
                .iter()
                .position(|candidate| candidate.id == column)?;
            let data = found.columns.get(index)?;
            let key_columns = found
                .primary_key
                .as_ref()
                .map(|key| key.columns.clone())
                .unwrap_or_default();
            Some(ColumnView {
                name: data.name.clone(),
                data_type: data.data_type.clone(),
                nullable: data.nullable,
                default: data.default.clone().unwrap_or_default(),
                comment: data.comment.clone().unwrap_or_default(),
                primary_key: key_columns.contains(&column),
                unique: found
                    .uniques
                    .iter()
                    .any(|unique| unique.columns == [column]),
                index,
                count: found.columns.len(),
                key_columns,
            })
        })
    });
    let get = move |read: fn(&ColumnView) -> String| {
        move || shown.with(|view| view.as_ref().map(read).unwrap_or_default())
    };
    let flag = move |read: fn(&ColumnView) -> bool| {
        move || shown.with(|view| view.as_ref().is_some_and(read))
    };
    let label = move |what: &str| {
        format!(
            "{what} of column {}",
            shown.with_untracked(|view| view
                .as_ref()
                .map(|view| view.name.clone())
                .unwrap_or_default())
        )
    };
    let send = move |command: Command| {
        let _ = store.dispatch(command);
    };
    let toggle_key = move |_| {
        let Some(view) = shown.get_untracked() else {
            return;
        };
        let mut columns = view.key_columns.clone();
        if view.primary_key {
            columns.retain(|id| *id != column);
        } else {
            columns.push(column);
        }
        send(Command::SetPrimaryKey { table, columns });
    };
    let move_to = move |delta: isize| {
        let Some(view) = shown.get_untracked() else {
            return;
        };
        let to = view
            .index
            .saturating_add_signed(delta)
            .min(view.count.saturating_sub(1));
        if to != view.index {
            send(Command::MoveColumn { table, column, to });
        }
    };
    let id = column.0;
    view! {
        <li class="column-editor" data-column-id=id.to_string()>
            <div class="field-row">
                <input class="column-name grow" id=format!("column-name-{id}") type="text" aria-label=move || label("Name") prop:value=get(|view| view.name.clone())
                    on:change=move |event| send(Command::RenameColumn { table, column, name: event_target_value(&event).trim().to_owned() }) />
                <input class="column-type" id=format!("column-type-{id}") type="text" list="type-names" aria-label=move || label("Type") prop:value=get(|view| view.data_type.clone())
                    on:change=move |event| send(Command::SetColumnType { table, column, data_type: event_target_value(&event).trim().to_owned() }) />
            </div>
            <div class="field-row small">
                <label><input type="checkbox" id=format!("column-pk-{id}") prop:checked=flag(|view| view.primary_key) on:change=toggle_key />"PK"</label>
                <label><input type="checkbox" id=format!("column-null-{id}") prop:checked=flag(|view| view.nullable)
                    on:change=move |event| send(Command::SetColumnNullable { table, column, nullable: event_target_checked(&event) }) />"Null"</label>
                <label><input type="checkbox" id=format!("column-unique-{id}") prop:checked=flag(|view| view.unique)
                    on:change=move |event| send(Command::SetColumnUnique { table, column, unique: event_target_checked(&event) }) />"Unique"</label>
                <input class="column-default grow" id=format!("column-default-{id}") type="text" placeholder="default" aria-label=move || label("Default") prop:value=get(|view| view.default.clone())
                    on:change=move |event| send(Command::SetColumnDefault { table, column, default: blank_to_none(event_target_value(&event)) }) />
                <button class="icon" title="Move up" aria-label=move || label("Move up") disabled=flag(|view| view.index == 0) on:click=move |_| move_to(-1)>"↑"</button>
                <button class="icon" title="Move down" aria-label=move || label("Move down") disabled=flag(|view| view.index + 1 >= view.count) on:click=move |_| move_to(1)>"↓"</button>
                <button class="icon danger" id=format!("column-delete-{id}") title="Delete column" aria-label=move || label("Delete")
                    on:click=move |_| send(Command::DeleteColumn { table, column })>"✕"</button>
            </div>
            <input class="column-comment" id=format!("column-comment-{id}") type="text" placeholder="comment" aria-label=move || label("Comment") prop:value=get(|view| view.comment.clone())
                on:change=move |event| send(Command::SetColumnComment { table, column, comment: blank_to_none(event_target_value(&event)) }) />
        </li>
    }
}
