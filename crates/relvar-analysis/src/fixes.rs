//! Fixes that rules share, each a titled command (adding or dropping an index, changing a
//! column's type), and the commands and free index names they are built from.

use relvar_model::{CheckConstraint, Column, ColumnId, Command, Index, Table};

use crate::context::Context;
use crate::finding::{Fix, column_label, column_names};

/// Add an index over `columns`, in order, named freely after the table and columns (within the
/// engine's length limit).
pub fn add_index(cx: &Context<'_>, table: &Table, columns: &[ColumnId]) -> Fix {
    let column_words: Vec<String> = columns
        .iter()
        .filter_map(|id| table.columns.iter().find(|column| column.id == *id))
        .map(|column| column.name.clone())
        .collect();
    let base = format!("{}_{}_idx", table.name, column_words.join("_"));
    let mut grown = table.clone();
    grown.indexes.push(Index {
        name: Some(free_index_name(cx, table, &base)),
        ..Index::on_columns(columns)
    });
    Fix::new(
        format!(
            "add an index on {}({})",
            table.display_name(),
            column_names(cx.design, table.id, columns)
        ),
        Command::ReplaceTable(Box::new(grown)),
    )
}

/// Drop the index at `position`, called `name` in the title.
pub fn drop_index(table: &Table, position: usize, name: &str) -> Fix {
    let mut shrunk = table.clone();
    if position < shrunk.indexes.len() {
        shrunk.indexes.remove(position);
    }
    Fix::new(
        format!("drop index {name}"),
        Command::ReplaceTable(Box::new(shrunk)),
    )
}

/// Give the column another type.
pub fn set_type(table: &Table, column: &Column, data_type: impl Into<String>) -> Fix {
    let data_type = data_type.into();
    Fix::new(
        format!("make {} {data_type}", column_label(table, column)),
        Command::SetColumnType {
            table: table.id,
            column: column.id,
            data_type,
        },
    )
}

/// `ReplaceColumn` with the column changed by `change`.
pub fn change_column(table: &Table, column: &Column, change: impl FnOnce(&mut Column)) -> Command {
    let mut changed = column.clone();
    change(&mut changed);
    Command::ReplaceColumn {
        table: table.id,
        column: changed,
    }
}

/// Make the column's type `text` with a check keeping its length at most `limit` (PostgreSQL).
pub fn text_with_length_check(table: &Table, column: &Column, limit: u32) -> Fix {
    let mut changed = table.clone();
    if let Some(target) = changed.columns.iter_mut().find(|c| c.id == column.id) {
        target.data_type = String::from("text");
    }
    changed.checks.push(CheckConstraint {
        name: None,
        expression: format!("char_length({}) <= {limit}", quote_pg(&column.name)),
    });
    Fix::new(
        format!(
            "make {} text with CHECK (char_length({}) <= {limit})",
            column_label(table, column),
            column.name
        ),
        Command::ReplaceTable(Box::new(changed)),
    )
}

/// A PostgreSQL identifier, quoted unless it is plain lower case.
fn quote_pg(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// `base`, shortened to the engine's limit and numbered if an index of the same schema has the
/// name already (ignoring ASCII case).
fn free_index_name(cx: &Context<'_>, table: &Table, base: &str) -> String {
    let taken = |name: &str| cx.index_name_taken(table.schema.as_deref(), name);
    for number in 0..1000u32 {
        let suffix = if number == 0 {
            String::new()
        } else {
            format!("{number}")
        };
        let candidate = format!("{}{suffix}", shorten(cx, base, suffix.len()));
        if !taken(&candidate) {
            return candidate;
        }
    }
    base.to_owned()
}

/// The longest start of `name` that leaves room for `reserve` more bytes within the limit.
fn shorten(cx: &Context<'_>, name: &str, reserve: usize) -> String {
    let Some(limit) = cx.dialect.identifier_limit else {
        return name.to_owned();
    };
    let room = limit.max.saturating_sub(reserve);
    let mut out = String::new();
    for c in name.chars() {
        let mut next = out.clone();
        next.push(c);
        if limit.length(&next) > room {
            break;
        }
        out = next;
    }
    out
}
