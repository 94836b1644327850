//! RQ002 leading-wildcard LIKE: `LIKE '%word'` cannot use a B-tree index, so every row is read.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ002",
    name: "leading-wildcard-like",
    rewrite: "anchor the pattern (LIKE 'word%'), or search with a trigram GIN index (pg_trgm, gin_trgm_ops) or full-text search",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    for like in &query.shape.observations.leading_wildcards {
        out.push(format!(
            "{like}: a pattern starting with a wildcard reads every row"
        ));
    }
}
