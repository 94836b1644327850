//! RQ005 `NOT IN (subquery)` over a nullable column: one NULL in the subquery makes the
//! condition unknown for every row, so the query silently returns nothing.

use relvar_model::Design;

use super::{QueryCheck, column_label};
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ005",
    name: "not-in-nullable-subquery",
    rewrite: "use NOT EXISTS (SELECT 1 FROM ... WHERE inner.col = outer.col), which also plans as an anti-join",
    check,
};

fn check(design: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    for (table, column) in &query.shape.observations.not_in_nullable {
        out.push(format!(
            "NOT IN over {}, which may be NULL: a single NULL makes it match no row",
            column_label(design, *table, *column)
        ));
    }
}
