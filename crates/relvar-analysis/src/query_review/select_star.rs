//! RQ001 `SELECT *`: reads every column, so no index can cover the query, more bytes cross the
//! wire, and the application breaks when columns are added or reordered.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ001",
    name: "select-star",
    rewrite: "list the columns the application reads: SELECT id, name, ... FROM ...",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    if query.shape.observations.select_star {
        out.push(String::from(
            "SELECT * reads every column: no index can cover the query",
        ));
    }
}
