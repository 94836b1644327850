//! The data dictionary as Markdown: an index of tables, then a section per table with its
//! columns as a table, constraints, indexes, views and a Mermaid diagram of its neighbourhood.

use std::fmt::Write;

use relvar_model::{Design, grouped};

use super::{Dictionary, TableEntry, dictionary};
use crate::mermaid::to_mermaid;

/// The data dictionary of `design` as Markdown.
pub fn dictionary_markdown(design: &Design) -> String {
    write_markdown(&dictionary(design))
}

fn write_markdown(dictionary: &Dictionary) -> String {
    let mut out = String::new();
    let column_count: usize = dictionary.tables.iter().map(|t| t.columns.len()).sum();
    let _ = writeln!(out, "# Data dictionary: {}\n", inline(&dictionary.title));
    let _ = writeln!(
        out,
        "{}; {} tables, {column_count} columns. Tables and columns with a comment: {}.\n",
        dictionary.dialect.name(),
        dictionary.tables.len(),
        dictionary.coverage.text()
    );
    out.push_str("## Tables\n\n");
    out.push_str("| Table | Columns | Expected rows | Comments | Comment |\n");
    out.push_str("|---|---:|---:|---:|---|\n");
    for table in &dictionary.tables {
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} | {} |",
            cell(&table.name),
            anchor(&table.name),
            table.columns.len(),
            table.expected_rows.map(grouped).unwrap_or_default(),
            table.coverage.text(),
            cell(table.comment.as_deref().unwrap_or_default())
        );
    }
    for table in &dictionary.tables {
        write_table(&mut out, table);
    }
    out
}

fn write_table(out: &mut String, table: &TableEntry) {
    let _ = writeln!(out, "\n## {}\n", inline(&table.name));
    if let Some(comment) = &table.comment {
        let _ = writeln!(out, "{}\n", inline(comment));
    }
    let mut facts = Vec::new();
    if let Some(rows) = table.expected_rows {
        facts.push(format!("Expected rows: {}.", grouped(rows)));
    }
    facts.push(format!("Comments: {}.", table.coverage.text()));
    let _ = writeln!(out, "{}\n", facts.join(" "));
    out.push_str("| Column | Type | Default | Nullable | Keys | References | Referenced by | Classification | Comment |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|\n");
    for column in &table.columns {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} |",
            cell(&column.name),
            code_cell(&column.data_type),
            column
                .default
                .as_deref()
                .map(|d| format!("`{}`", code_cell(d)))
                .unwrap_or_default(),
            if column.nullable { "yes" } else { "no" },
            column.keys.join(", "),
            cell(&column.references.join(", ")),
            cell(&column.referenced_by.join(", ")),
            column.classification,
            cell(column.comment.as_deref().unwrap_or_default())
        );
    }
    let listed = |out: &mut String, heading: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "\n### {heading}\n");
        for item in items {
            let _ = writeln!(out, "- `{}`", code_inline(item));
        }
    };
    listed(out, "Constraints", &table.constraints);
    listed(out, "Indexes", &table.indexes);
    listed(out, "Read by views", &table.read_by);
    let _ = writeln!(out, "\n### Neighbourhood\n");
    let _ = writeln!(
        out,
        "```mermaid\n{}```",
        to_mermaid(&table.neighbourhood.design)
    );
    if !table.neighbourhood.not_drawn.is_empty() {
        let _ = writeln!(
            out,
            "\nAlso joined to: {}.",
            inline(&table.neighbourhood.not_drawn.join(", "))
        );
    }
}

/// An anchor GitHub-flavoured Markdown gives a heading: lower case, spaces as `-`, other
/// punctuation but `-` and `_` dropped.
pub(super) fn anchor(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Text on one line, Markdown's own characters escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text in a table cell.
fn cell(text: &str) -> String {
    inline(text)
}

/// Code in a table cell: a pipe must still be escaped there, and a backtick cannot stand.
fn code_cell(text: &str) -> String {
    code_inline(text).replace('|', "\\|")
}

/// Code on one line, its backticks turned to quotes (a code span cannot hold its delimiter).
fn code_inline(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            '`' => '\'',
            c => c,
        })
        .collect()
}
