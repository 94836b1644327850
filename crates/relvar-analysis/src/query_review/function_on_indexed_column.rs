//! RQ003 function on an indexed column: `WHERE lower(email) = ?` or `date(created_at) = ?`
//! cannot use the index on the bare column.

use relvar_model::{Design, IndexKey};

use super::{QueryCheck, column_label};
use crate::workload::ExtractedQuery;

pub const CHECK: QueryCheck = QueryCheck {
    code: "RQ003",
    name: "function-on-indexed-column",
    rewrite: "compare the bare column (a range such as created_at >= $1 AND created_at < $1 + 1 instead of date(created_at) = $1), or index the expression",
    check,
};

fn check(design: &Design, query: &ExtractedQuery, out: &mut Vec<String>) {
    for (table, column, written) in &query.shape.observations.functions_on_columns {
        let Some(found) = design.table(*table) else {
            continue;
        };
        let leads = |columns: &[relvar_model::ColumnId]| columns.first() == Some(column);
        let indexed = found
            .primary_key
            .as_ref()
            .is_some_and(|key| leads(&key.columns))
            || found.uniques.iter().any(|unique| leads(&unique.columns))
            || found.indexes.iter().any(|index| {
                index
                    .parts
                    .first()
                    .is_some_and(|part| part.key == IndexKey::Column(*column))
            });
        if indexed {
            out.push(format!(
                "{written}: the function hides {} from its index",
                column_label(design, *table, *column)
            ));
        }
    }
}
