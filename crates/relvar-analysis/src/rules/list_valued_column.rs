//! RV028: a text column whose name says it holds a list (`tags`, `role_ids`, `emails`): 1NF.

use crate::context::Context;
use crate::finding::column_label;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV028",
    name: "list-valued-column",
    severity: Warning,
    summary: "A text column is named for a list of values (`tags`, `emails`, `role_ids`, `..._list`, `..._csv`).",
    why: "A list in a string (`'red,green'`) cannot be indexed, joined or constrained per value: finding rows with one value needs LIKE over every row, a value can be misspelt or repeated, and ids in it reference nothing. A child table with one row per value is the first normal form (or, in PostgreSQL, an array with a GIN index when the values need no constraint).",
    example: "CREATE TABLE article (id int PRIMARY KEY, title text, tags text);",
}

pub const SCOPE: Scope = Scope::Table;

/// Last words of names that hold lists.
const LIST_WORDS: &[&str] = &[
    "categories",
    "csv",
    "emails",
    "ids",
    "keywords",
    "labels",
    "list",
    "permissions",
    "phones",
    "roles",
    "skills",
    "tags",
];

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns() {
        let listed = facts
            .words
            .last()
            .is_some_and(|word| LIST_WORDS.contains(&word.as_str()));
        if !listed || !facts.resolved.is_text() {
            continue;
        }
        report.column(
            table,
            column,
            format!(
                "{} looks like a list of values kept in one {} string",
                column_label(table, column),
                column.data_type
            ),
        );
    }
}
