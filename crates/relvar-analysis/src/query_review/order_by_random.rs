//! RQ009 ORDER BY random(): numbers and sorts every row to keep a few.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ009",
    name: "order-by-random",
    rewrite: "pick random keys instead: TABLESAMPLE SYSTEM_ROWS(n), or WHERE id >= (random key) ORDER BY id LIMIT n",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    if query.shape.observations.random_order {
        out.push(String::from(
            "ORDER BY random() sorts the whole table to return a few rows",
        ));
    }
}
