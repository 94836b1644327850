//! RQ010 DISTINCT over a join: usually hides the fan-out of a join used only to filter, and
//! pays a sort or hash of every joined row to undo it.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ010",
    name: "distinct-over-join",
    rewrite: "filter with EXISTS (SELECT 1 FROM joined WHERE ...) instead of joining, and drop the DISTINCT",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    if query.shape.observations.distinct_over_join {
        out.push(String::from(
            "SELECT DISTINCT over a join: the join multiplies rows that DISTINCT then removes",
        ));
    }
}
