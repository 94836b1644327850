//! Query review: for each workload query, the shapes that make it slow or wrong, each with
//! the rewrite to use. One check per file, registered in [`CHECKS`] in code order.

mod correlated_subquery;
mod deep_offset;
mod distinct_over_join;
mod function_on_indexed_column;
mod implicit_cross_join;
mod leading_wildcard_like;
mod not_in_nullable_subquery;
mod or_across_columns;
mod order_by_random;
mod select_star;
mod unfiltered_write;

use relvar_model::Design;

use crate::workload::ExtractedQuery;

/// A query review check: a stable code, a name, and what to write instead.
#[derive(Debug, Clone, Copy)]
pub struct QueryCheck {
    /// `RQ001`...
    pub code: &'static str,
    pub name: &'static str,
    /// The rewrite, in general terms.
    pub rewrite: &'static str,
    pub check: fn(&Design, &ExtractedQuery, &mut Vec<String>),
}

/// One thing found in one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryNote {
    /// The query's position in the workload.
    pub query: usize,
    pub code: &'static str,
    pub name: &'static str,
    /// What is wrong here, naming the part of the query.
    pub message: String,
    /// What to write instead.
    pub rewrite: &'static str,
}

/// Every check, in code order.
pub const CHECKS: [QueryCheck; 11] = [
    select_star::CHECK,
    leading_wildcard_like::CHECK,
    function_on_indexed_column::CHECK,
    or_across_columns::CHECK,
    not_in_nullable_subquery::CHECK,
    implicit_cross_join::CHECK,
    deep_offset::CHECK,
    unfiltered_write::CHECK,
    order_by_random::CHECK,
    distinct_over_join::CHECK,
    correlated_subquery::CHECK,
];

/// The notes of every query, by query then code.
pub fn review_queries(design: &Design, queries: &[ExtractedQuery]) -> Vec<QueryNote> {
    let mut notes = Vec::new();
    for query in queries {
        for check in &CHECKS {
            let mut messages = Vec::new();
            (check.check)(design, query, &mut messages);
            messages.dedup();
            notes.extend(messages.into_iter().map(|message| QueryNote {
                query: query.query,
                code: check.code,
                name: check.name,
                message,
                rewrite: check.rewrite,
            }));
        }
    }
    notes
}

/// `table.column` by ids, for messages.
fn column_label(
    design: &Design,
    table: relvar_model::TableId,
    column: relvar_model::ColumnId,
) -> String {
    crate::describe_object(design, crate::ObjectRef::Column { table, column })
}
