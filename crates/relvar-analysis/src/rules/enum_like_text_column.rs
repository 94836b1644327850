//! RV029: a text column named like a fixed set of values (`status`, `priority`) with no
//! check, enum or foreign key limiting it.

use crate::context::Context;
use crate::finding::column_label;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV029",
    name: "enum-like-text-column",
    severity: Info,
    summary: "A text column named for one of a fixed set of values (`status`, `kind`, `level`, `priority`, `stage`, `role`, `tier`, `gender`) has no CHECK naming it, no enum type and no foreign key.",
    why: "Nothing then stops 'actve' next to 'active' or 'Active': every query must guess the spellings, and the set of values lives only in application code. A CHECK (status IN (...)), an enum type or a foreign key to a lookup table writes the set down where the database enforces it.",
    example: "CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);",
}

pub const SCOPE: Scope = Scope::Table;

/// Last words of names that take one of a few values.
/// (`state` is left out: in an address it is a region, not one of a few values.)
const ENUM_WORDS: &[&str] = &[
    "gender", "kind", "level", "priority", "role", "stage", "status", "tier",
];

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns() {
        let enum_like = facts
            .words
            .last()
            .is_some_and(|word| ENUM_WORDS.contains(&word.as_str()));
        // A domain may carry the check; only plain text types are judged.
        let plain_text = facts.written.is_text();
        if !enum_like || !plain_text || cx.is_referencing(table.id, column.id) {
            continue;
        }
        let lower = column.name.to_lowercase();
        let checked = table
            .checks
            .iter()
            .any(|check| check.expression.to_lowercase().contains(&lower));
        if checked {
            continue;
        }
        report.column(
            table,
            column,
            format!(
                "{} takes one of a few values but nothing limits them (no CHECK, enum or foreign key)",
                column_label(table, column)
            ),
        );
    }
}
