//! What `relvar import` reports, as text for people and as JSON for machines.

use std::fmt::Write;
use std::path::Path;

use relvar_sql::{Dialect, Import};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Summary {
    pub file: String,
    pub dialect: &'static str,
    #[serde(skip)]
    pub dialect_name: &'static str,
    pub detected: bool,
    pub tables: usize,
    pub columns: usize,
    pub primary_keys: usize,
    pub unique_constraints: usize,
    pub foreign_keys: usize,
    pub indexes: usize,
    pub checks: usize,
    pub enums: usize,
    pub domains: usize,
    pub sequences: usize,
    pub views: usize,
    pub statements: usize,
    pub modelled: usize,
    pub unmodelled: usize,
    pub diagnostics: Vec<DiagnosticLine>,
}

#[derive(Debug, Serialize)]
pub struct DiagnosticLine {
    pub line: u32,
    pub column: u32,
    pub severity: &'static str,
    pub message: String,
}

impl Summary {
    pub fn new(file: &Path, dialect: Dialect, detected: bool, import: &Import) -> Self {
        let design = &import.design;
        Self {
            file: file.display().to_string(),
            dialect: dialect.id(),
            dialect_name: dialect.name(),
            detected,
            tables: design.tables.len(),
            columns: design.tables.iter().map(|table| table.columns.len()).sum(),
            primary_keys: design
                .tables
                .iter()
                .filter(|table| table.primary_key.is_some())
                .count(),
            unique_constraints: design.tables.iter().map(|table| table.uniques.len()).sum(),
            foreign_keys: design.foreign_keys.len(),
            indexes: design.tables.iter().map(|table| table.indexes.len()).sum(),
            checks: design.tables.iter().map(|table| table.checks.len()).sum(),
            enums: design.enums.len(),
            domains: design.domains.len(),
            sequences: design.sequences.len(),
            views: design.views.len(),
            statements: import.statement_count,
            modelled: import.modelled_count,
            unmodelled: design.unmodelled.len(),
            diagnostics: import
                .diagnostics
                .iter()
                .map(|diagnostic| DiagnosticLine {
                    line: diagnostic.at.line,
                    column: diagnostic.at.column,
                    severity: diagnostic.severity.label(),
                    message: diagnostic.message.clone(),
                })
                .collect(),
        }
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        let how = if self.detected {
            "detected"
        } else {
            "as given"
        };
        let _ = writeln!(out, "{}: {} ({how})", self.file, self.dialect_name);
        let _ = writeln!(
            out,
            "{} tables, {} columns, {} primary keys, {} unique constraints, {} foreign keys, {} indexes, {} checks, {} enums, {} domains, {} sequences, {} views",
            self.tables,
            self.columns,
            self.primary_keys,
            self.unique_constraints,
            self.foreign_keys,
            self.indexes,
            self.checks,
            self.enums,
            self.domains,
            self.sequences,
            self.views
        );
        let _ = writeln!(
            out,
            "{} statements: {} modelled, {} kept as written",
            self.statements, self.modelled, self.unmodelled
        );
        for diagnostic in &self.diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}: {}",
                self.file,
                diagnostic.line,
                diagnostic.column,
                diagnostic.severity,
                diagnostic.message
            );
        }
        out
    }
}
