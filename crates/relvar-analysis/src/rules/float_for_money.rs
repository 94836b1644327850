//! RV007: a binary floating-point column whose name says it holds money.

use crate::context::Context;
use crate::finding::column_label;
use crate::fixes::set_type;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV007",
    name: "float-for-money",
    severity: Warning,
    summary: "A column named like an amount of money (price, amount, cost, total, balance, fee, ...) has a binary floating-point type (real, float, double).",
    why: "Binary floating point cannot represent most decimal fractions: 0.1 + 0.2 is not 0.3, sums drift by cents, and equality tests fail. Money needs an exact decimal type.",
    example: "CREATE TABLE invoice (id int PRIMARY KEY, total_amount double precision);",
}

pub const SCOPE: Scope = Scope::Table;

/// Words that make a column name a sum of money.
const MONEY_WORDS: &[&str] = &[
    "amount", "balance", "budget", "charge", "cost", "fee", "fees", "income", "money", "payment",
    "price", "refund", "revenue", "salary", "subtotal", "tax", "total", "wage", "wages",
];

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for (table, column, facts) in cx.entity_columns() {
        let money = facts
            .words
            .iter()
            .any(|word| MONEY_WORDS.contains(&word.as_str()));
        if !money || !facts.resolved.is_float() {
            continue;
        }
        report
            .column(
                table,
                column,
                format!(
                    "{} holds money as {}, which rounds decimal fractions",
                    column_label(table, column),
                    column.data_type
                ),
            )
            .fix(set_type(table, column, cx.dialect.money_type));
    }
}
