//! `relvar review FILE [--dialect D] [--disable CODE] [--workload QUERIES.sql] [--json]`: the
//! schema review of a DDL file or a `.relvar.json` design (which brings its switched-off rules,
//! workload and capacity estimates), one `FILE: severity CODE where: message` line per finding; with
//! a workload, then the index recommendations (the CREATE INDEX in the design's dialect, the
//! queries served, the write cost) and the query notes; or all of it as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use relvar_analysis::workload::{Workload, design_dialect};
use relvar_analysis::{
    Advice, AdvisorOptions, ReviewOptions, advise, describe_object, review_with_advice, rule_info,
};
use relvar_model::Design;
use relvar_share::load_file;
use relvar_sql::{Dialect, detect_dialect, import_sql};
use serde::Serialize;

use crate::DialectArg;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The DDL file, or `.relvar.json` design file, to review.
    file: PathBuf,
    /// postgres, mysql, sqlite or mssql; detected from the text when not given.
    #[arg(long, value_enum)]
    dialect: Option<DialectArg>,
    /// A rule not to run, by code (RV012) or name (varchar-with-length); repeat for more.
    /// RV101 (unused-index) drops the workload's unused-index findings.
    #[arg(long = "disable", value_name = "RULE")]
    disabled: Vec<String>,
    /// The queries the application runs (`-- frequency: N` before a statement weighs it):
    /// adds index recommendations, unused indexes and query notes. Replaces the workload of a
    /// design file.
    #[arg(long, value_name = "QUERIES.sql")]
    workload: Option<PathBuf>,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    file: String,
    dialect: &'static str,
    tables: usize,
    findings: Vec<FindingJson<'a>>,
    /// With `--workload`: the queries read, by position.
    #[serde(skip_serializing_if = "Option::is_none")]
    queries: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recommendations: Option<Vec<RecommendationJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    query_notes: Option<Vec<NoteJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parse_findings: Option<Vec<ParseJson<'a>>>,
}

#[derive(Debug, Serialize)]
struct RecommendationJson<'a> {
    table: String,
    name: Option<&'a str>,
    sql: &'a str,
    /// Positions (0-based) of the queries it serves, and what of each.
    queries: &'a [usize],
    reasons: &'a [String],
    write_cost: String,
    write_cost_level: &'static str,
}

#[derive(Debug, Serialize)]
struct NoteJson<'a> {
    query: usize,
    code: &'a str,
    check: &'a str,
    message: &'a str,
    rewrite: &'a str,
}

#[derive(Debug, Serialize)]
struct ParseJson<'a> {
    query: usize,
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Debug, Serialize)]
struct FindingJson<'a> {
    code: &'a str,
    rule: &'a str,
    severity: &'a str,
    /// The main object, by name.
    location: String,
    /// Every object concerned, by name.
    objects: Vec<String>,
    message: &'a str,
    why: &'a str,
    /// What the fix does, when there is one.
    fix: Option<&'a str>,
}

/// Exit codes: 0 reviewed (whatever was found), 1 usage or unreadable file.
pub fn run(arguments: ReviewArgs) -> ExitCode {
    let unknown: Vec<&String> = arguments
        .disabled
        .iter()
        .filter(|rule| rule_info(rule).is_none())
        .collect();
    if let Some(rule) = unknown.first() {
        eprintln!("relvar: --disable {rule}: there is no rule with that code or name");
        return ExitCode::from(1);
    }
    let Some(text) = crate::read(&arguments.file) else {
        return ExitCode::from(1);
    };
    let Some((design, dialect)) = design_of(&arguments, &text) else {
        return ExitCode::from(1);
    };
    let mut options = ReviewOptions::of(&design);
    options.disabled.extend(arguments.disabled.iter().cloned());
    let workload_file = match &arguments.workload {
        Some(path) => {
            let Some(queries) = crate::read(path) else {
                return ExitCode::from(1);
            };
            Some((
                path.display().to_string(),
                Workload::from_sql(&queries, dialect),
            ))
        }
        None if !design.workload.is_empty() => Some((
            arguments.file.display().to_string(),
            Workload::of_design(&design),
        )),
        None => None,
    };
    let advice = workload_file
        .as_ref()
        .map(|(_, workload)| advise(&design, workload, &AdvisorOptions::default()));
    let findings = review_with_advice(&design, &options, advice.as_ref());
    let file = arguments.file.display().to_string();
    if arguments.json {
        let report = Report {
            file,
            dialect: dialect.id(),
            tables: design.tables.len(),
            findings: findings
                .iter()
                .map(|finding| {
                    let info = rule_info(finding.code);
                    FindingJson {
                        code: finding.code,
                        rule: info.map_or("", |info| info.name),
                        severity: finding.severity.as_str(),
                        location: finding.location(&design),
                        objects: finding
                            .objects
                            .iter()
                            .map(|object| describe_object(&design, *object))
                            .collect(),
                        message: &finding.message,
                        why: info.map_or("", |info| info.why),
                        fix: finding.fix.as_ref().map(|fix| fix.title.as_str()),
                    }
                })
                .collect(),
            queries: workload_file.as_ref().map(|(_, workload)| {
                workload
                    .queries
                    .iter()
                    .map(|query| query.sql.as_str())
                    .collect()
            }),
            recommendations: advice
                .as_ref()
                .map(|advice| recommendations_json(&design, advice)),
            query_notes: advice.as_ref().map(|advice| {
                advice
                    .query_notes
                    .iter()
                    .map(|note| NoteJson {
                        query: note.query,
                        code: note.code,
                        check: note.name,
                        message: &note.message,
                        rewrite: note.rewrite,
                    })
                    .collect()
            }),
            parse_findings: advice.as_ref().map(|advice| {
                advice
                    .parse_findings
                    .iter()
                    .map(|found| ParseJson {
                        query: found.query,
                        line: found.line,
                        column: found.column,
                        message: &found.message,
                    })
                    .collect()
            }),
        };
        match serde_json::to_string_pretty(&report) {
            Ok(written) => println!("{written}"),
            Err(error) => eprintln!("relvar: could not write JSON: {error}"),
        }
    } else {
        for finding in &findings {
            println!(
                "{file}: {} {} {}: {}",
                finding.severity.as_str(),
                finding.code,
                finding.location(&design),
                finding.message
            );
        }
        let fixable = findings
            .iter()
            .filter(|finding| finding.fix.is_some())
            .count();
        if let (Some(advice), Some((queries_file, workload))) = (&advice, &workload_file) {
            print_advice(&design, advice, queries_file, workload);
        }
        eprintln!(
            "relvar: {} findings in {} tables ({fixable} with a fix in the app)",
            findings.len(),
            design.tables.len()
        );
        if let Some(advice) = &advice {
            eprintln!(
                "relvar: {} index recommendations, {} query notes, {} queries not read",
                advice.recommendations.len(),
                advice.query_notes.len(),
                advice.parse_findings.len()
            );
        }
    }
    ExitCode::SUCCESS
}

/// The design a file holds: a `.relvar.json` design file as saved (with its switched-off rules,
/// workload and estimates), or DDL imported in the dialect given or detected; `None` after saying
/// why a design file cannot be read.
fn design_of(arguments: &ReviewArgs, text: &str) -> Option<(Design, Dialect)> {
    if text.trim_start().starts_with('{') {
        return match load_file(text) {
            Ok(design) => {
                let dialect = arguments
                    .dialect
                    .map_or_else(|| design_dialect(&design), Dialect::from);
                Some((design, dialect))
            }
            Err(error) => {
                eprintln!("relvar: {}: {error}", arguments.file.display());
                None
            }
        };
    }
    let dialect = arguments
        .dialect
        .map_or_else(|| detect_dialect(text), Dialect::from);
    let mut design = import_sql(text, dialect).design;
    if design.source_dialect.is_none() {
        design.source_dialect = Some(dialect);
    }
    Some((design, dialect))
}

fn recommendations_json<'a>(
    design: &relvar_model::Design,
    advice: &'a Advice,
) -> Vec<RecommendationJson<'a>> {
    advice
        .recommendations
        .iter()
        .map(|rec| {
            let table = design
                .table(rec.table)
                .map(|table| table.display_name())
                .unwrap_or_default();
            RecommendationJson {
                write_cost: rec.write_cost.describe(&table),
                write_cost_level: rec.write_cost.level.as_str(),
                table,
                name: rec.index.name.as_deref(),
                sql: &rec.sql,
                queries: &rec.queries,
                reasons: &rec.reasons,
            }
        })
        .collect()
}

/// The recommendations, then the query notes, then the queries that could not be read; queries
/// are named `QUERIES.sql:LINE` after where they start.
fn print_advice(design: &relvar_model::Design, advice: &Advice, file: &str, workload: &Workload) {
    let at = |query: usize| {
        workload.queries.get(query).map_or_else(
            || format!("{file}: query {}", query + 1),
            |q| format!("{file}:{}", q.origin.line),
        )
    };
    if !advice.recommendations.is_empty() {
        println!();
        println!("Index recommendations:");
    }
    for rec in &advice.recommendations {
        let table = design
            .table(rec.table)
            .map(|table| table.display_name())
            .unwrap_or_default();
        println!("{};", rec.sql);
        for (query, reason) in rec.queries.iter().zip(&rec.reasons) {
            println!("    serves {}: {reason}", at(*query));
        }
        println!("    write cost {}", rec.write_cost.describe(&table));
    }
    if !advice.query_notes.is_empty() {
        println!();
        println!("Query notes:");
    }
    for note in &advice.query_notes {
        println!(
            "{}: {} {}: {}",
            at(note.query),
            note.code,
            note.name,
            note.message
        );
        println!("    rewrite: {}", note.rewrite);
    }
    for found in &advice.parse_findings {
        println!(
            "{file}:{}:{}: query not read: {}",
            found.line, found.column, found.message
        );
    }
}
