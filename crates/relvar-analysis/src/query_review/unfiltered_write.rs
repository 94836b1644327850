//! RQ008 UPDATE or DELETE without WHERE: changes every row of the table.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::{ExtractedQuery, QueryKind};

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ008",
    name: "unfiltered-write",
    rewrite: "add the WHERE that selects the rows meant; to empty a table use TRUNCATE",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    if query.shape.observations.unfiltered_write {
        let verb = if query.shape.kind == QueryKind::Delete {
            "DELETE"
        } else {
            "UPDATE"
        };
        out.push(format!("{verb} without WHERE changes every row"));
    }
}
