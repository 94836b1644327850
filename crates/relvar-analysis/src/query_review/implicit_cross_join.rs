//! RQ006 implicit cross join: tables listed with commas and no predicate joining them multiply
//! each other's rows.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ006",
    name: "implicit-cross-join",
    rewrite: "write each join explicitly, JOIN t ON t.key = other.key (CROSS JOIN when the product is meant)",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    for name in &query.shape.observations.cross_joined {
        out.push(format!(
            "{name} is listed in FROM with no predicate joining it: every row pairs with every other"
        ));
    }
}
