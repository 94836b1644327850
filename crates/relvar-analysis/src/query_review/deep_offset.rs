//! RQ007 deep OFFSET pagination: the engine reads and throws away every skipped row, so page
//! N costs N pages.

use relvar_model::Design;

use super::QueryCheck;
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ007",
    name: "deep-offset",
    rewrite: "paginate by key: WHERE (sort_key, id) > ($last_sort_key, $last_id) ORDER BY sort_key, id LIMIT n",
    check,
};

fn check(_: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    if let Some(offset) = &query.shape.observations.deep_offset {
        out.push(format!(
            "OFFSET {offset} reads and discards every skipped row"
        ));
    }
}
