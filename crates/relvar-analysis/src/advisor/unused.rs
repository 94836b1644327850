//! Existing indexes no workload query uses: on a table the workload reads, a non-unique index
//! whose leading key no query filters, joins, sorts or groups by, and which does not back a
//! foreign key (those serve the checks of deletes on the referenced table).

use std::collections::{BTreeMap, BTreeSet};

use relvar_model::{Design, IndexKey, TableId};

use super::candidates::KeyPart;
use super::merge::normalize;
use crate::finding::Finding;
use crate::fixes::drop_index;
use crate::report::Reporter;
use crate::rule::rule_info;
use crate::workload::ExtractedQuery;

rule_info! {
    code: "RV101",
    name: "unused-index",
    severity: Info,
    summary: "An existing non-unique index on a table the workload reads that no workload query filters, joins, sorts or groups by with its leading key, and that backs no foreign key.",
    why: "Every insert, every delete and every update of its columns writes the index too, it takes space in memory that the indexes queries use could have, and it makes the planner consider one more path; if no query needs it, dropping it makes writes cheaper at no cost to reads. The verdict is only as good as the workload: queries that run rarely (reports, batch jobs) belong in it.",
    example: "CREATE TABLE film (id bigint PRIMARY KEY, title text NOT NULL, rating text);\nCREATE INDEX film_rating ON film (rating);\n-- workload: SELECT title FROM film WHERE id = $1",
}

/// The code of the finding.
pub const UNUSED_INDEX: &str = INFO.code;

pub fn unused_indexes(
    design: &Design,
    queries: &[ExtractedQuery],
    used: &BTreeMap<TableId, BTreeSet<usize>>,
) -> Vec<Finding> {
    let mut leading: BTreeMap<TableId, BTreeSet<KeyPart>> = BTreeMap::new();
    for query in queries {
        for access in &query.shape.accesses {
            let parts = leading.entry(access.table).or_default();
            for column in access
                .equalities
                .iter()
                .chain(&access.ranges)
                .chain(&access.joins)
                .chain(&access.group_by)
                .chain(access.order_by.iter().map(|key| &key.column))
                .chain(access.containments.iter().flat_map(|c| c.column.iter()))
            {
                parts.insert(KeyPart::Column(*column));
            }
            for function in &access.function_predicates {
                parts.insert(KeyPart::Expression(normalize(&function.expression)));
            }
            for search in &access.containments {
                if let Some(expression) = &search.expression {
                    parts.insert(KeyPart::Expression(normalize(expression)));
                }
            }
        }
    }
    let mut findings = Vec::new();
    let mut report = Reporter::new(&INFO, &mut findings);
    for table in &design.tables {
        let Some(parts) = leading.get(&table.id) else {
            continue;
        };
        for (position, index) in table.indexes.iter().enumerate() {
            if index.unique
                || used
                    .get(&table.id)
                    .is_some_and(|set| set.contains(&position))
            {
                continue;
            }
            let Some(first) = index.parts.first() else {
                continue;
            };
            let first = match &first.key {
                IndexKey::Column(column) => KeyPart::Column(*column),
                IndexKey::Expression(text) => KeyPart::Expression(normalize(text)),
            };
            if parts.contains(&first) {
                continue;
            }
            let key: Vec<_> = index.key_columns().collect();
            let backs_foreign_key = design.foreign_keys.iter().any(|fk| {
                fk.from_table == table.id
                    && key.len() >= fk.from_columns.len()
                    && fk
                        .from_columns
                        .iter()
                        .all(|c| key.iter().take(fk.from_columns.len()).any(|k| k == c))
            });
            if backs_foreign_key {
                continue;
            }
            let name = index
                .name
                .clone()
                .unwrap_or_else(|| format!("index #{}", position + 1));
            report
                .index(
                    table,
                    position,
                    format!(
                        "no query of the workload uses {name} on {}: it costs every write and serves none of these reads",
                        table.display_name()
                    ),
                )
                .fix(drop_index(table, position, &name));
        }
    }
    findings
}
