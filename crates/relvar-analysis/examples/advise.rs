//! Prints the index advice for a schema and a workload as JSON, for `tests/advisor/run`:
//! `advise SCHEMA.sql QUERIES.sql [DIALECT]` (dialect detected from the schema when not given).
//! One object: `queries` (the SQL of each workload query), `recommendations` (table, name,
//! sql, queries served by position, reasons, write cost), `unused_indexes`, `query_notes` and
//! `parse_findings`.

use std::process::ExitCode;

use relvar_analysis::workload::Workload;
use relvar_analysis::{AdvisorOptions, advise};
use relvar_sql::{Dialect, detect_dialect, import_sql};
use serde_json::json;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (Some(schema_path), Some(workload_path)) = (arguments.first(), arguments.get(1)) else {
        eprintln!("usage: advise SCHEMA.sql QUERIES.sql [DIALECT]");
        return ExitCode::from(2);
    };
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| eprintln!("{path}: {e}"));
    let (Ok(schema), Ok(queries)) = (read(schema_path), read(workload_path)) else {
        return ExitCode::from(1);
    };
    let dialect = arguments
        .get(2)
        .and_then(|id| Dialect::from_id(id))
        .unwrap_or_else(|| detect_dialect(&schema));
    let mut design = import_sql(&schema, dialect).design;
    design.source_dialect = Some(dialect);
    let workload = Workload::from_sql(&queries, dialect);
    let advice = advise(&design, &workload, &AdvisorOptions::default());
    let table_name = |id| {
        design
            .table(id)
            .map(|t| t.display_name())
            .unwrap_or_default()
    };
    let output = json!({
        "queries": workload.queries.iter().map(|q| q.sql.clone()).collect::<Vec<_>>(),
        "recommendations": advice.recommendations.iter().map(|rec| json!({
            "table": table_name(rec.table),
            "name": rec.index.name,
            "sql": rec.sql,
            "queries": rec.queries,
            "reasons": rec.reasons,
            "write_cost": rec.write_cost.describe(&table_name(rec.table)),
        })).collect::<Vec<_>>(),
        "unused_indexes": advice.unused_indexes.iter().map(|f| json!({
            "location": f.location(&design), "message": f.message,
        })).collect::<Vec<_>>(),
        "query_notes": advice.query_notes.iter().map(|n| json!({
            "query": n.query, "code": n.code, "message": n.message, "rewrite": n.rewrite,
        })).collect::<Vec<_>>(),
        "parse_findings": advice.parse_findings.iter().map(|p| json!({
            "query": p.query, "line": p.line, "column": p.column, "message": p.message,
        })).collect::<Vec<_>>(),
    });
    println!("{output:#}");
    ExitCode::SUCCESS
}
