//! A recommendation written out: the model's `Index` (named freely within the engine's limit),
//! its `CREATE INDEX` statement in the design's dialect, and the command that adds it.

use std::collections::BTreeSet;

use relvar_model::{Command, Design, Index, IndexKey, IndexPart, Table};
use relvar_sql::{Dialect, SqlSyntax};

use super::candidates::{KeyPart, part_name};
use super::merge::Merged;

/// The model index for a merged recommendation, named `<table>_<keys>_idx` unless that name
/// is taken (by an index of the design or an earlier recommendation).
pub fn model_index(
    table: &Table,
    merged: &Merged,
    dialect: Dialect,
    taken: &mut BTreeSet<String>,
) -> Index {
    let words: Vec<String> = merged
        .keys
        .iter()
        .map(|part| identifier_words(&part_name(table, part)))
        .collect();
    let base = format!("{}_{}_idx", table.name, words.join("_"));
    let name = free_name(&base, dialect, taken);
    Index {
        name: Some(name),
        unique: false,
        method: merged.method.map(str::to_owned),
        parts: merged
            .keys
            .iter()
            .map(|part| IndexPart {
                key: match part {
                    KeyPart::Column(column) => IndexKey::Column(*column),
                    KeyPart::Expression(text) => IndexKey::Expression(text.clone()),
                },
                prefix: None,
                descending: false,
                operator_class: None,
                collation: None,
            })
            .collect(),
        include: merged.include.clone(),
        predicate: merged.predicate.clone(),
        kind: None,
        verbatim_options: Vec::new(),
    }
}

/// Lower-case words of a name or an expression joined by `_`: `lower(email)` -> `lower_email`.
fn identifier_words(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// `base` within the engine's identifier limit, numbered until no taken name (ignoring case)
/// has it; the name is then taken.
fn free_name(base: &str, dialect: Dialect, taken: &mut BTreeSet<String>) -> String {
    let limit = match dialect {
        Dialect::PostgreSql => 63,
        Dialect::MySql => 64,
        Dialect::MsSql => 128,
        Dialect::Sqlite => usize::MAX,
    };
    for number in 0..10_000u32 {
        let suffix = if number == 0 {
            String::new()
        } else {
            number.to_string()
        };
        let room = limit.saturating_sub(suffix.len());
        let mut stem = String::new();
        for c in base.chars() {
            if stem.len() + c.len_utf8() > room {
                break;
            }
            stem.push(c);
        }
        let candidate = format!("{stem}{suffix}");
        if taken.insert(candidate.to_ascii_lowercase()) {
            return candidate;
        }
    }
    base.to_owned()
}

/// The index names of a design, lower case.
pub fn taken_names(design: &Design) -> BTreeSet<String> {
    design
        .tables
        .iter()
        .flat_map(|table| table.indexes.iter())
        .filter_map(|index| index.name.as_deref())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `CREATE INDEX` for the index in the dialect: `USING gin`, `INCLUDE (...)` and `WHERE ...`
/// where the engine has them (the advisor proposes them only there).
pub fn create_index_sql(table: &Table, index: &Index, dialect: Dialect) -> String {
    let quote = |name: &str| dialect.quote(name);
    let column = |id| {
        table
            .columns
            .iter()
            .find(|column| column.id == id)
            .map_or_else(|| format!("#{}", id.0), |column| quote(&column.name))
    };
    let table_name = match table.schema.as_deref() {
        Some(schema) if !relvar_model::is_default_schema(schema) => {
            format!("{}.{}", quote(schema), quote(&table.name))
        }
        _ => quote(&table.name),
    };
    let parts: Vec<String> = index
        .parts
        .iter()
        .map(|part| match &part.key {
            IndexKey::Column(id) => column(*id),
            IndexKey::Expression(text) => format!("({text})"),
        })
        .collect();
    let mut sql = format!(
        "CREATE INDEX {} ON {table_name}",
        quote(index.name.as_deref().unwrap_or("new_idx"))
    );
    if let Some(method) = &index.method {
        sql.push_str(&format!(" USING {method}"));
    }
    sql.push_str(&format!(" ({})", parts.join(", ")));
    if !index.include.is_empty() {
        let include: Vec<String> = index.include.iter().map(|id| column(*id)).collect();
        sql.push_str(&format!(" INCLUDE ({})", include.join(", ")));
    }
    if let Some(predicate) = &index.predicate {
        sql.push_str(&format!(" WHERE {predicate}"));
    }
    sql
}

/// `ReplaceTable` with the index added to the table as the design has it now; `None` when the
/// table is gone.
pub fn add_index_command(
    design: &Design,
    table: relvar_model::TableId,
    index: &Index,
) -> Option<Command> {
    let mut grown = design.table(table)?.clone();
    grown.indexes.push(index.clone());
    Some(Command::ReplaceTable(Box::new(grown)))
}
