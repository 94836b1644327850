//! RV022: a table with very many columns.

use crate::context::Context;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV022",
    name: "wide-table",
    severity: Info,
    summary: "A table has more than 50 columns.",
    why: "Very wide tables usually hold several entities or optional groups of facts in one row: most columns are NULL in most rows, every update rewrites the whole wide row, and each new attribute is a schema change. Splitting by entity or by how often columns are read and written keeps rows small.",
    example: "CREATE TABLE customer (id int PRIMARY KEY, c1 text, c2 text, /* ... */ c51 text);",
}

pub const SCOPE: Scope = Scope::Table;

/// More columns than this make a table wide.
pub const WIDE_TABLE_COLUMNS: usize = 50;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.entity_tables() {
        if table.columns.len() > WIDE_TABLE_COLUMNS {
            report.table(
                table,
                format!(
                    "table {} has {} columns",
                    table.display_name(),
                    table.columns.len()
                ),
            );
        }
    }
}
