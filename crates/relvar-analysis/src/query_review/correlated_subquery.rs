//! RQ011 correlated subquery per row: a subquery in the select list (or compared in WHERE)
//! that refers to the outer row runs once per row.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ011",
    name: "correlated-subquery",
    rewrite: "join once to the aggregated rows (JOIN (SELECT key, count(*) ... GROUP BY key) USING (key)) or use a LATERAL join",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    for subquery in &query.shape.observations.correlated_subqueries {
        let mut shown: String = subquery.chars().take(80).collect();
        if shown.len() < subquery.len() {
            shown.push_str("...");
        }
        out.push(format!("{shown} runs once per outer row"));
    }
}
