//! What a database holds, as text two databases can be compared by: the engine's catalog query
//! imported as a design, names the schema text never wrote (the engine's own) left out, and
//! columns, keys and tables in name order (a migration adds columns at the end).

use relvar_model::Design;
use relvar_sql::{Dialect, catalog_query, import_sql};

use crate::engines::Engines;

/// The schema of `database` as comparable text; `texts` are the scripts whose names count.
pub fn catalog_text(
    engines: &Engines,
    dialect: Dialect,
    database: &str,
    texts: &[&str],
) -> Result<String, String> {
    let json = engines
        .query_in(dialect, database, catalog_query(dialect))
        .map_err(|refusal| format!("the catalog query failed: {refusal}"))?;
    let mut design = import_sql(&json, dialect).design;
    let written = texts.join("\n").to_ascii_lowercase();
    let unwritten = |name: &mut Option<String>| {
        if name
            .as_deref()
            .is_some_and(|name| !written.contains(&name.to_ascii_lowercase()))
        {
            *name = None;
        }
    };
    for table in &mut design.tables {
        if let Some(key) = &mut table.primary_key {
            unwritten(&mut key.name);
        }
        table
            .uniques
            .iter_mut()
            .for_each(|u| unwritten(&mut u.name));
        table.checks.iter_mut().for_each(|c| unwritten(&mut c.name));
        table
            .indexes
            .iter_mut()
            .for_each(|i| unwritten(&mut i.name));
        for column in &mut table.columns {
            if let Some(comment) = column.comment.take() {
                column.verbatim.push(format!("comment {comment}"));
            }
        }
        if let Some(comment) = table.comment.take() {
            table.verbatim_options.push(format!("comment {comment}"));
        }
    }
    design
        .foreign_keys
        .iter_mut()
        .for_each(|fk| unwritten(&mut fk.name));
    for domain in &mut design.domains {
        domain
            .checks
            .iter_mut()
            .for_each(|c| unwritten(&mut c.name));
    }
    Ok(sorted_outline(&design))
}

/// The design's outline with each table's lines, and the top-level blocks, in sorted order.
fn sorted_outline(design: &Design) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    for line in design.outline().lines() {
        match blocks.last_mut() {
            Some(block) if line.starts_with("  ") => block.push(line.to_owned()),
            _ => blocks.push(vec![line.to_owned()]),
        }
    }
    for view in &design.views {
        let query: String = view.sql.split_whitespace().collect::<Vec<_>>().join(" ");
        blocks.push(vec![format!("view {} as {query}", view.qualified_name())]);
    }
    for table in &design.tables {
        for option in &table.verbatim_options {
            blocks.push(vec![format!("{} {option}", table.qualified_name())]);
        }
    }
    for block in &mut blocks {
        if let Some(rest) = block.get_mut(1..) {
            rest.sort();
        }
    }
    blocks.sort();
    blocks
        .into_iter()
        .map(|block| block.join("\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines of `a` and `b` that differ, marked `-` and `+`, at most `limit` of them.
pub fn differences(a: &str, b: &str, limit: usize) -> Vec<String> {
    let left: Vec<&str> = a.lines().collect();
    let right: Vec<&str> = b.lines().collect();
    let only_left = left
        .iter()
        .filter(|line| !right.contains(line))
        .map(|line| format!("-{}", line.trim()));
    let only_right = right
        .iter()
        .filter(|line| !left.contains(line))
        .map(|line| format!("+{}", line.trim()));
    only_left.chain(only_right).take(limit).collect()
}
