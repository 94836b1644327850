//! The data dictionary as Markdown: an index of tables, then a section per table with its
//! columns as a table, constraints, indexes, views and a Mermaid diagram of its neighbourhood.

use std::collections::HashMap;
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
    let anchors = table_anchors(dictionary);
    out.push_str("## Tables\n\n");
    out.push_str("| Table | Columns | Expected rows | Comments | Comment |\n");
    out.push_str("|---|---:|---:|---:|---|\n");
    for (table, anchor) in dictionary.tables.iter().zip(&anchors) {
        let _ = writeln!(
            out,
            "| [{}](#{anchor}) | {} | {} | {} | {} |",
            cell(&table.name),
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
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&column.name),
            code_cell(&column.data_type),
            column.default.as_deref().map(code_cell).unwrap_or_default(),
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
            let _ = writeln!(out, "- {}", code_span(item));
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

/// The anchor GitHub-flavoured Markdown gives each table's heading, counting every heading
/// written before it: a repeated slug takes `-1`, `-2`, ... in document order.
fn table_anchors(dictionary: &Dictionary) -> Vec<String> {
    let mut slugs = Slugs::default();
    slugs.next(&format!("Data dictionary: {}", dictionary.title));
    slugs.next("Tables");
    let mut anchors = Vec::with_capacity(dictionary.tables.len());
    for table in &dictionary.tables {
        anchors.push(slugs.next(&table.name));
        for (heading, items) in [
            ("Constraints", &table.constraints),
            ("Indexes", &table.indexes),
            ("Read by views", &table.read_by),
        ] {
            if !items.is_empty() {
                slugs.next(heading);
            }
        }
        slugs.next("Neighbourhood");
    }
    anchors
}

/// Heading slugs as GitHub makes them: lower case, spaces as `-`, punctuation but `-` and `_`
/// dropped, a repeat numbered.
#[derive(Default)]
struct Slugs {
    seen: HashMap<String, usize>,
}

impl Slugs {
    fn next(&mut self, heading: &str) -> String {
        let slug: String = heading
            .chars()
            .filter_map(|c| match c {
                ' ' => Some("-".to_owned()),
                c if c.is_alphanumeric() || c == '-' || c == '_' => {
                    Some(c.to_lowercase().collect())
                }
                _ => None,
            })
            .collect();
        let count = self.seen.entry(slug.clone()).or_insert(0);
        let numbered = if *count == 0 {
            slug
        } else {
            format!("{slug}-{count}")
        };
        *count += 1;
        numbered
    }
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

/// Code in a table cell: a pipe must still be escaped there.
fn code_cell(text: &str) -> String {
    code_span(text).replace('|', "\\|")
}

/// Code on one line as a code span: fenced by one backtick more than the longest run of them
/// inside, padded when it holds any (so MySQL's quoted names stay as written).
fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{text}{fence}")
    } else {
        format!("{fence} {text} {fence}")
    }
}
