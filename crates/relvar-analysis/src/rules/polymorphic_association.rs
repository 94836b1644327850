//! RV018: a polymorphic association, `<x>_type` with `<x>_id` and no foreign key.

use crate::context::Context;
use crate::finding::column_label;
use crate::names::words;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV018",
    name: "polymorphic-association",
    severity: Warning,
    summary: "A table pairs an `<x>_type` column with an `<x>_id` column that has no foreign key: each row points at a row of a table named by data.",
    why: "No foreign key can say 'a row of whichever table the type column names', so the database cannot stop references to rows that do not exist, cannot cascade deletes, and every query must join each possible table separately. One nullable foreign key per target table, or a shared parent table, keeps the references checked.",
    example: "CREATE TABLE comment (id int PRIMARY KEY, commentable_type text, commentable_id int, body text);",
}

pub const SCOPE: Scope = Scope::Table;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.entity_tables() {
        for kind in &table.columns {
            let Some(facts) = cx.column_facts(table.id, kind.id) else {
                continue;
            };
            if facts.words.len() < 2 || facts.words.last().map(String::as_str) != Some("type") {
                continue;
            }
            let mut parts = facts.words.clone();
            parts.pop();
            let stem = parts.join("_");
            let reference = table.columns.iter().find(|column| {
                let mut other = words(&column.name);
                other.len() >= 2 && other.pop().as_deref() == Some("id") && other.join("_") == stem
            });
            let Some(reference) = reference else {
                continue;
            };
            if cx.is_referencing(table.id, reference.id) {
                continue;
            }
            report.columns(
                table,
                [reference, kind],
                format!(
                    "{} points at a row of whichever table {} names, with no foreign key",
                    column_label(table, reference),
                    kind.name
                ),
            );
        }
    }
}
