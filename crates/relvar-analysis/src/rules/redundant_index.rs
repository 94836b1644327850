//! RV004: an index that duplicates another, or whose key is a left prefix of another's.

use relvar_model::{ColumnId, Index, IndexKey, IndexPart, Table};

use crate::context::Context;
use crate::finding::ObjectRef;
use crate::fixes::drop_index;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV004",
    name: "redundant-index",
    severity: Warning,
    summary: "An index is a duplicate of another index or key, or its columns are a left prefix of another's (same predicate, same method; a unique index only when the other enforces the same uniqueness).",
    why: "Every index is written on each insert and update, takes memory and disk, and gives the planner more to choose from; one that another index already serves costs all that for nothing.",
    example: "CREATE TABLE rental (id int PRIMARY KEY, customer_id int, rented_at date);\nCREATE INDEX rental_customer ON rental (customer_id);\nCREATE INDEX rental_customer_date ON rental (customer_id, rented_at);",
}

pub const SCOPE: Scope = Scope::Table;

/// An index or key as the comparison sees it.
struct Candidate<'a> {
    parts: Vec<IndexPart>,
    unique: bool,
    ordered: bool,
    method: Option<String>,
    predicate: Option<String>,
    include: &'a [ColumnId],
    /// The index's position, or `None` for the primary key and unique constraints.
    position: Option<usize>,
    label: String,
}

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.checked_tables() {
        if table.indexes.is_empty() {
            continue;
        }
        let candidates = candidates(table);
        for (position, index) in table.indexes.iter().enumerate() {
            let Some(this) = candidates.iter().find(|c| c.position == Some(position)) else {
                continue;
            };
            let wider = candidates.iter().find(|other| {
                other.position != Some(position)
                    && serves(other, this)
                    && (!serves(this, other) || other.position < Some(position))
            });
            if let Some(wider) = wider {
                report_redundant(report, table, position, index, this, wider);
            }
        }
    }
}

fn report_redundant(
    report: &mut Reporter<'_>,
    table: &Table,
    position: usize,
    index: &Index,
    this: &Candidate<'_>,
    wider: &Candidate<'_>,
) {
    let how = if this.parts.len() == wider.parts.len() {
        "duplicates"
    } else {
        "is a left prefix of"
    };
    let name = index.name.clone().unwrap_or_else(|| this.label.clone());
    let other = match wider.position {
        Some(other) => ObjectRef::Index {
            table: table.id,
            position: other,
        },
        None => ObjectRef::Table(table.id),
    };
    report
        .index(
            table,
            position,
            format!(
                "index {name} on {} {how} {}, which serves every lookup it does",
                table.display_name(),
                wider.label
            ),
        )
        .also(other)
        .fix(drop_index(table, position, &name));
}

/// Whether `wider` serves every lookup `narrow` does and enforces what it enforces.
fn serves(wider: &Candidate<'_>, narrow: &Candidate<'_>) -> bool {
    let same_rows = wider.predicate == narrow.predicate;
    let same_kind = if wider.ordered && narrow.ordered {
        wider.parts.starts_with(&narrow.parts)
    } else {
        wider.method == narrow.method && wider.parts == narrow.parts
    };
    let enforces = !narrow.unique || (wider.unique && wider.parts.len() == narrow.parts.len());
    let wider_columns = || {
        wider
            .parts
            .iter()
            .filter_map(|part| match part.key {
                IndexKey::Column(id) => Some(id),
                IndexKey::Expression(_) => None,
            })
            .chain(wider.include.iter().copied())
            .collect::<Vec<_>>()
    };
    let covers_include = narrow.include.is_empty() || {
        let columns = wider_columns();
        narrow.include.iter().all(|id| columns.contains(id))
    };
    same_rows && same_kind && enforces && covers_include && !narrow.parts.is_empty()
}

fn candidates(table: &Table) -> Vec<Candidate<'_>> {
    let names = |columns: &[ColumnId]| -> String {
        let names: Vec<&str> = columns
            .iter()
            .filter_map(|id| table.columns.iter().find(|c| c.id == *id))
            .map(|c| c.name.as_str())
            .collect();
        names.join(", ")
    };
    let keys = table
        .primary_key
        .iter()
        .map(|key| ("the primary key", &key.columns))
        .chain(
            table
                .uniques
                .iter()
                .map(|unique| ("the unique constraint", &unique.columns)),
        );
    let mut out = Vec::new();
    for (what, columns) in keys {
        out.push(Candidate {
            parts: Index::on_columns(columns).parts,
            unique: true,
            ordered: true,
            method: None,
            predicate: None,
            include: &[],
            position: None,
            label: format!("{what} ({})", names(columns)),
        });
    }
    for (position, index) in table.indexes.iter().enumerate() {
        let method = index.method.as_deref().map(str::to_ascii_lowercase);
        let ordered = method.as_deref().is_none_or(|method| method == "btree");
        out.push(Candidate {
            parts: index.parts.clone(),
            unique: index.unique,
            ordered,
            method: if ordered { None } else { method },
            predicate: index.predicate.as_deref().map(normalize_predicate),
            include: &index.include,
            position: Some(position),
            label: match &index.name {
                Some(name) => format!("index {name}"),
                None => format!(
                    "index #{} ({})",
                    position + 1,
                    names(&index.key_columns().collect::<Vec<_>>())
                ),
            },
        });
    }
    out
}

/// A predicate compared without case or spaces.
fn normalize_predicate(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}
