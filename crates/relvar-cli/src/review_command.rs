//! `relvar review FILE [--dialect D] [--disable CODE] [--json]`: the schema review of a DDL file,
//! one `FILE: severity CODE where: message` line per finding, or JSON with each rule's
//! explanation and fix.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use relvar_analysis::{ReviewOptions, describe_object, review, rule_info};
use relvar_sql::{Dialect, detect_dialect, import_sql};
use serde::Serialize;

use crate::DialectArg;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The DDL file to review.
    file: PathBuf,
    /// postgres, mysql, sqlite or mssql; detected from the text when not given.
    #[arg(long, value_enum)]
    dialect: Option<DialectArg>,
    /// A rule not to run, by code (RV012) or name (varchar-with-length); repeat for more.
    #[arg(long = "disable", value_name = "RULE")]
    disabled: Vec<String>,
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
    let dialect = arguments
        .dialect
        .map_or_else(|| detect_dialect(&text), Dialect::from);
    let design = import_sql(&text, dialect).design;
    let options = ReviewOptions {
        disabled: arguments.disabled.iter().cloned().collect(),
    };
    let findings = review(&design, &options);
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
        eprintln!(
            "relvar: {} findings in {} tables ({fixable} with a fix in the app)",
            findings.len(),
            design.tables.len()
        );
    }
    ExitCode::SUCCESS
}
