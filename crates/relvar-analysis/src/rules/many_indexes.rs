//! RV023: a table with very many indexes.

use crate::context::Context;
use crate::report::Reporter;
use crate::rule::{Scope, rule_info};

rule_info! {
    code: "RV023",
    name: "many-indexes",
    severity: Info,
    summary: "A table has more than 8 indexes and unique constraints (its primary key not counted).",
    why: "Each index is updated by every insert, by every delete and by updates of its columns, takes memory the table's hot rows could use, and in PostgreSQL keeps updates from being HOT. Past a handful, some usually serve no query: check which ones the workload uses.",
    example: "CREATE TABLE film (id int PRIMARY KEY, a int, b int, c int, d int, e int, f int, g int, h int, i int);\nCREATE INDEX ON film (a); /* ... one index per column, nine in all */",
}

pub const SCOPE: Scope = Scope::Table;

/// More indexes than this are many.
pub const MANY_INDEXES: usize = 8;

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    for table in cx.checked_tables() {
        let count = table.indexes.len() + table.uniques.len();
        if count > MANY_INDEXES {
            report.table(
                table,
                format!(
                    "table {} has {count} indexes and unique constraints besides its primary key",
                    table.display_name()
                ),
            );
        }
    }
}
