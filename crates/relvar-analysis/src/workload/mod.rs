//! A workload: the queries an application runs, each with a relative frequency, as given or read
//! from a SQL file where a `-- frequency: N` comment before a statement sets its frequency.

mod conditions;
mod expressions;
pub mod parse;
pub mod predicates;
mod scope;
mod walk;

use relvar_sql::{Dialect, LineColumn, LineIndex, StatementKind, split_statements};

pub use parse::{ParseFinding, ParsedQuery, parse_workload};
pub use predicates::{
    ConstantPredicate, Containment, ContainmentKind, FunctionPredicate, Observations, QueryKind,
    QueryShape, SortKey, TableAccess,
};

use relvar_model::Design;

/// A workload read against a design: what each query that parsed does, and the queries that
/// did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub queries: Vec<ExtractedQuery>,
    pub parse_findings: Vec<ParseFinding>,
}

/// One parsed query's shape, with its position in the workload and its frequency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedQuery {
    pub query: usize,
    pub frequency: u32,
    pub shape: QueryShape,
}

/// The SQL dialect a design is written in (PostgreSQL when it does not say).
pub fn design_dialect(design: &Design) -> Dialect {
    design.dialect()
}

/// Parses every query in the design's dialect and extracts what it does to the design's tables.
/// Never fails: queries that do not parse become findings.
pub fn extract_workload(design: &Design, workload: &Workload) -> Extracted {
    let dialect = design_dialect(design);
    let (parsed, parse_findings) = parse_workload(workload, dialect);
    let tables = scope::Tables::new(design, dialect);
    let queries = parsed
        .iter()
        .map(|query| ExtractedQuery {
            query: query.query,
            frequency: query.frequency,
            shape: predicates::extract(&query.statement, &tables),
        })
        .collect();
    Extracted {
        queries,
        parse_findings,
    }
}

/// One query of a workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkloadQuery {
    /// The statement's SQL text, without its terminator.
    pub sql: String,
    /// How often it runs relative to the others (1 when not said).
    pub frequency: u32,
    /// Where the statement starts in the file it was read from (1:1 when given directly).
    pub origin: LineColumn,
}

impl WorkloadQuery {
    /// A query with its frequency, not read from a file.
    pub fn new(sql: impl Into<String>, frequency: u32) -> Self {
        Self {
            sql: sql.into(),
            frequency,
            origin: LineColumn { line: 1, column: 1 },
        }
    }
}

/// The queries an application runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workload {
    pub queries: Vec<WorkloadQuery>,
}

impl Workload {
    pub fn new(queries: Vec<WorkloadQuery>) -> Self {
        Self { queries }
    }

    /// The workload a design carries (`Design::workload`), each query placed at 1:1.
    pub fn of_design(design: &Design) -> Self {
        Self::new(
            design
                .workload
                .iter()
                .map(|query| WorkloadQuery::new(query.sql.clone(), query.frequency))
                .collect(),
        )
    }

    /// The statements of a SQL file, each with the frequency of the last `-- frequency: N`
    /// comment between it and the statement before (1 when there is none). Never fails.
    pub fn from_sql(text: &str, dialect: Dialect) -> Self {
        let lines = LineIndex::new(text);
        let mut queries = Vec::new();
        let mut previous_end = 0;
        for statement in split_statements(text, dialect) {
            let gap = text
                .get(previous_end.min(statement.span.start)..statement.span.start)
                .unwrap_or_default();
            previous_end = statement.span.end;
            if statement.kind != StatementKind::Sql {
                continue;
            }
            let Some(sql) = text.get(statement.span.clone()) else {
                continue;
            };
            if sql.trim().is_empty() {
                continue;
            }
            queries.push(WorkloadQuery {
                sql: sql.to_owned(),
                frequency: frequency_in(gap).unwrap_or(1),
                origin: lines.locate(statement.span.start),
            });
        }
        Self { queries }
    }

    /// The sum of every query's frequency (at least 1).
    pub fn total_frequency(&self) -> u64 {
        self.queries
            .iter()
            .map(|query| u64::from(query.frequency))
            .sum::<u64>()
            .max(1)
    }
}

/// The number of the last `-- frequency: N` comment in the text before a statement.
fn frequency_in(gap: &str) -> Option<u32> {
    gap.lines().rev().find_map(|line| {
        let comment = line.trim().strip_prefix("--")?.trim();
        let (word, value) = comment.split_once(':')?;
        if !word.trim().eq_ignore_ascii_case("frequency") {
            return None;
        }
        value.trim().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_comments_set_the_next_statement_and_default_to_one() {
        let text = "-- frequency: 50\nSELECT 1;\nSELECT 2;\n-- a note\n-- Frequency: 7\n  SELECT 3";
        let workload = Workload::from_sql(text, Dialect::PostgreSql);
        let found: Vec<(&str, u32, u32, u32)> = workload
            .queries
            .iter()
            .map(|q| (q.sql.as_str(), q.frequency, q.origin.line, q.origin.column))
            .collect();
        assert_eq!(
            found,
            vec![
                ("SELECT 1", 50, 2, 1),
                ("SELECT 2", 1, 3, 1),
                ("SELECT 3", 7, 6, 3)
            ]
        );
        assert_eq!(workload.total_frequency(), 58);
    }
}
