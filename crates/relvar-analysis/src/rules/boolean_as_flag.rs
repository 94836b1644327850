//! RV020: a yes/no column (`is_active`, `has_paid`, `deleted_flag`) stored as an integer or a
//! one-character string.

use relvar_model::{Column, Table};

use crate::context::Context;
use crate::finding::{Fix, column_label};
use crate::fixes::change_column;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};
use relvar_model::Dialect;

rule_info! {
    code: "RV020",
    name: "boolean-as-flag",
    severity: Info,
    summary: "A column named as a yes/no question (`is_...`, `has_...`, `can_...`, `..._flag`) is an integer or a one-character string rather than the engine's boolean.",
    why: "An integer or character flag accepts values that mean nothing (2, 'x', 'y' next to 'Y'), needs a CHECK to say otherwise, and every reader must know the encoding. A boolean holds exactly true, false (and NULL if allowed). SQLite has no boolean type, so the rule does not apply there; MySQL's tinyint(1) is its boolean.",
    example: "CREATE TABLE account (id int PRIMARY KEY, is_active smallint NOT NULL DEFAULT 1);",
}

pub const SCOPE: Scope = Scope::Table;

const QUESTION_WORDS: &[&str] = &["is", "has", "can", "should", "was", "allow", "allows"];

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    let Some(boolean) = cx.dialect.boolean_type else {
        return;
    };
    for (table, column, facts) in cx.entity_columns() {
        let parts = &facts.words;
        let question = parts.len() >= 2
            && (parts
                .first()
                .is_some_and(|w| QUESTION_WORDS.contains(&w.as_str()))
                || parts.last().is_some_and(|w| w == "flag"));
        if !question {
            continue;
        }
        let parsed = &facts.resolved;
        let spelled = &facts.canonical;
        let with_width = format!("{}({})", facts.written.base, raw_args(&column.data_type));
        let is_boolean = cx
            .dialect
            .boolean_spellings
            .iter()
            .any(|b| b == spelled || *b == with_width);
        let one_char = matches!(
            parsed.base.as_str(),
            "char" | "varchar" | "nchar" | "nvarchar"
        ) && parsed.length() == Some(1);
        let flag_type = parsed.is_integer() || one_char || parsed.base == "bit";
        if is_boolean || !flag_type {
            continue;
        }
        report_flag(cx, report, table, column, boolean);
    }
}

/// The flag column, with the boolean type as its fix where its default and checks allow.
fn report_flag(
    cx: &Context<'_>,
    report: &mut Reporter<'_>,
    table: &Table,
    column: &Column,
    boolean: &str,
) {
    let name = column_label(table, column);
    let mut finding = report.column(
        table,
        column,
        format!("{name} is a yes/no flag stored as {}", column.data_type),
    );
    // A check or a non-0/1 default would need rewriting by hand.
    let checked = table
        .checks
        .iter()
        .any(|check| check.expression.contains(&column.name));
    let default = match column.default.as_deref().map(str::trim) {
        None => Some(None),
        Some("0" | "'0'" | "false") => Some(Some(false)),
        Some("1" | "'1'" | "true") => Some(Some(true)),
        Some(_) => None,
    };
    let (Some(default), false) = (default, checked) else {
        return;
    };
    let spelled = default.map(|value| match (cx.dialect.engine, value) {
        (Some(Dialect::MsSql), true) => String::from("1"),
        (Some(Dialect::MsSql), false) => String::from("0"),
        (_, value) => value.to_string(),
    });
    finding.fix(Fix::new(
        format!("make {name} {boolean}"),
        change_column(table, column, |changed| {
            changed.data_type = boolean.to_owned();
            changed.default = spelled;
        }),
    ));
}

/// The arguments of a type as written, without spaces (`tinyint(1)` gives `1`).
fn raw_args(data_type: &str) -> String {
    match (data_type.find('('), data_type.find(')')) {
        (Some(open), Some(close)) if open < close => data_type
            .get(open + 1..close)
            .unwrap_or_default()
            .replace(' ', ""),
        _ => String::new(),
    }
}
