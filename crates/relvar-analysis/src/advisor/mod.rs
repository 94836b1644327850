//! The index advisor: from a workload's queries, the indexes that would serve them (composite
//! B-tree keys ordered equality, sort, range; INCLUDE, partial, expression and GIN indexes),
//! merged across queries, none that an existing index already serves, each with its write cost
//! and the queries it serves; the existing indexes no query uses; and the query review.

mod candidates;
mod cost;
mod merge;
mod statement;
pub(crate) mod unused;

use std::collections::BTreeMap;

use relvar_model::{Command, Design, Index, TableId};

pub use cost::{CostLevel, WriteCost};
pub use statement::create_index_sql;
pub use unused::UNUSED_INDEX;

use crate::finding::Finding;
use crate::query_review::{QueryNote, review_queries};
use crate::workload::{ParseFinding, Workload, design_dialect, extract_workload};

/// How the advisor runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisorOptions {
    /// Suggest INCLUDE columns (PostgreSQL, SQL Server) so a query can read the index alone.
    pub include_columns: bool,
    /// At most this many INCLUDE columns per index.
    pub max_include_columns: usize,
}

impl Default for AdvisorOptions {
    fn default() -> Self {
        Self {
            include_columns: true,
            max_include_columns: 2,
        }
    }
}

/// One index to add, with the queries it serves and what it costs writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub table: TableId,
    /// The index as the model holds it, named.
    pub index: Index,
    /// Its `CREATE INDEX` in the design's dialect.
    pub sql: String,
    /// Positions in the workload of the queries it serves, in order.
    pub queries: Vec<usize>,
    /// For each of those, what of it the index serves.
    pub reasons: Vec<String>,
    pub write_cost: WriteCost,
}

impl Recommendation {
    /// The command that adds the index (undoable); `None` when its table is gone.
    pub fn command(&self, design: &Design) -> Option<Command> {
        statement::add_index_command(design, self.table, &self.index)
    }
}

/// What the advisor found.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub recommendations: Vec<Recommendation>,
    /// Info findings (`RV101`) for existing indexes no query uses, each with a fix that drops it.
    pub unused_indexes: Vec<Finding>,
    pub query_notes: Vec<QueryNote>,
    /// Queries that did not parse.
    pub parse_findings: Vec<ParseFinding>,
}

/// Advises on a design's indexes for a workload. Never fails; deterministic.
pub fn advise(design: &Design, workload: &Workload, options: &AdvisorOptions) -> Advice {
    let dialect = design_dialect(design);
    let extracted = extract_workload(design, workload);
    let tables: BTreeMap<TableId, &relvar_model::Table> = design
        .tables
        .iter()
        .rev()
        .map(|table| (table.id, table))
        .collect();
    let lookup = |id: TableId| tables.get(&id).copied();
    let found = candidates::collect(&lookup, dialect, &extracted.queries, options);
    let existing: BTreeMap<TableId, Vec<merge::ExistingIndex>> = tables
        .iter()
        .map(|(id, table)| {
            let mut indexes = merge::existing_indexes(table);
            indexes.extend(merge::partition_indexes(design, table));
            (*id, indexes)
        })
        .collect();
    let (merged, used) = merge::merge(found, &existing, options.max_include_columns);
    let mut taken = statement::taken_names(design);
    let total = workload.total_frequency();
    let mut added: BTreeMap<TableId, usize> = BTreeMap::new();
    let mut recommendations: Vec<Recommendation> = Vec::new();
    for rec in merged {
        let Some(table) = lookup(rec.table) else {
            continue;
        };
        let index = statement::model_index(table, &rec, dialect, &mut taken);
        let sql = create_index_sql(table, &index, dialect);
        let count = added.entry(rec.table).or_default();
        *count += 1;
        let indexes_on_table = table.indexes.len()
            + table.uniques.len()
            + usize::from(table.primary_key.is_some())
            + *count;
        let columns: Vec<_> = index
            .key_columns()
            .chain(index.include.iter().copied())
            .collect();
        let expressions = index.parts.len() - index.key_columns().count();
        let write_cost = cost::estimate(
            table,
            &columns,
            expressions,
            indexes_on_table,
            &extracted.queries,
            total,
        );
        let mut served: Vec<(usize, String)> = rec
            .served
            .iter()
            .map(|candidate| (candidate.query, candidate.reason.clone()))
            .collect();
        relvar_model::order::sort(&mut served[..]);
        served.dedup();
        recommendations.push(Recommendation {
            table: rec.table,
            index,
            sql,
            queries: served.iter().map(|(query, _)| *query).collect(),
            reasons: served.into_iter().map(|(_, reason)| reason).collect(),
            write_cost,
        });
    }
    relvar_model::order::sort_by(&mut recommendations[..], |a, b| {
        let name =
            |rec: &Recommendation| lookup(rec.table).map(|t| t.display_name().to_lowercase());
        name(a).cmp(&name(b)).then_with(|| a.sql.cmp(&b.sql))
    });
    Advice {
        unused_indexes: unused::unused_indexes(design, &extracted.queries, &used),
        query_notes: review_queries(design, &extracted.queries),
        recommendations,
        parse_findings: extracted.parse_findings,
    }
}
