//! Mermaid `erDiagram`: one entity per table with its columns, one relationship per foreign key,
//! cardinality read from the model (nullability and uniqueness of the referencing columns).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use relvar_model::{Cardinality, Design, ForeignKey, Maximum, Minimum, Table, TableId};

/// Writes the design as a Mermaid entity-relationship diagram.
pub fn to_mermaid(design: &Design) -> String {
    let entities = entity_names(design);
    let entity = |id: TableId| entities.get(&id).cloned().unwrap_or_default();
    let graph = design.foreign_key_graph();
    let mut out = String::from("erDiagram\n");
    for table in &design.tables {
        let _ = writeln!(out, "    {} {{", entity(table.id));
        for column in &table.columns {
            let mut keys = Vec::new();
            if table.is_primary_key_column(column.id) {
                keys.push("PK");
            }
            if graph
                .references_from(table.id)
                .iter()
                .any(|fk| fk.from_columns.contains(&column.id))
            {
                keys.push("FK");
            }
            if table
                .uniques
                .iter()
                .any(|unique| unique.columns.contains(&column.id))
            {
                keys.push("UK");
            }
            let name = word(&column.name);
            let mut line = format!("        {} {name}", word(&column.data_type));
            if !keys.is_empty() {
                let _ = write!(line, " {}", keys.join(", "));
            }
            let mut notes = Vec::new();
            if name != column.name {
                notes.push(column.name.clone());
            }
            if let Some(comment) = &column.comment {
                notes.push(comment.clone());
            }
            if !notes.is_empty() {
                let _ = write!(line, " \"{}\"", quoted_text(&notes.join(": ")));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push_str("    }\n");
    }
    for foreign_key in &design.foreign_keys {
        let (Some(child), Some(_)) = (
            design.table(foreign_key.from_table),
            design.table(foreign_key.to_table),
        ) else {
            continue;
        };
        let ends = child.relationship_ends(foreign_key);
        let _ = writeln!(
            out,
            "    {} {}{}{} {} : \"{}\"",
            entity(foreign_key.to_table),
            parent_end(ends.parent),
            if ends.identifying { "--" } else { ".." },
            child_end(ends.child),
            entity(foreign_key.from_table),
            quoted_text(&relationship_label(child, foreign_key)),
        );
    }
    out
}

/// `||` for exactly one parent (every referencing column NOT NULL), else `|o` (zero or one).
fn parent_end(parent: Cardinality) -> &'static str {
    match parent.min {
        Minimum::One => "||",
        Minimum::Zero => "|o",
    }
}

/// `o|` for at most one child (the referencing columns are a unique key), else `o{`.
fn child_end(child: Cardinality) -> &'static str {
    match child.max {
        Maximum::One => "o|",
        Maximum::Many => "o{",
    }
}

fn relationship_label(child: &Table, foreign_key: &ForeignKey) -> String {
    foreign_key.name.clone().unwrap_or_else(|| {
        let names: Vec<&str> = foreign_key
            .from_columns
            .iter()
            .filter_map(|id| child.columns.iter().find(|column| column.id == *id))
            .map(|column| column.name.as_str())
            .collect();
        names.join(", ")
    })
}

/// Entity names, unique per table: bare when Mermaid accepts them, quoted otherwise.
fn entity_names(design: &Design) -> BTreeMap<TableId, String> {
    let mut taken = BTreeSet::new();
    let mut names = BTreeMap::new();
    for table in &design.tables {
        let base = table.display_name();
        let mut candidate = base.clone();
        let mut suffix = 2;
        while !taken.insert(candidate.clone()) {
            candidate = format!("{base}_{suffix}");
            suffix += 1;
        }
        let written = if is_word(&candidate) {
            candidate
        } else {
            format!("\"{}\"", quoted_text(&candidate))
        };
        names.insert(table.id, written);
    }
    names
}

fn is_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A single Mermaid word: runs of characters Mermaid does not accept in a type or name become `_`.
fn word(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let keep = c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '(' | ')' | '[' | ']');
        if keep {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}

/// Text inside Mermaid double quotes, which cannot hold `"`, `%`, `\` or line breaks.
fn quoted_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => '\'',
            '%' | '\\' | '\n' | '\r' => ' ',
            other => other,
        })
        .collect()
}
