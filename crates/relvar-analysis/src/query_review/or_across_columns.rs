//! RQ004 OR across different columns: `WHERE a = ? OR b = ?` can use at most a bitmap of two
//! indexes, and often none.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ004",
    name: "or-across-columns",
    rewrite: "split into one query per column joined by UNION (ALL when the branches cannot overlap), each served by its own index",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    for or in &query.shape.observations.or_across_columns {
        out.push(format!("{or}: OR over different columns"));
    }
}
