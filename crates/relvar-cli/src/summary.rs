//! What `relvar import` reports, as text for people and as JSON for machines.

use std::fmt::Write;

use relvar_sql::{Dialect, Import, MigrationScript};
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
    /// The files of a migration folder, in the order they ran; empty for one file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// Files given that are not migrations to run, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
    pub diagnostics: Vec<DiagnosticLine>,
}

#[derive(Debug, Serialize)]
pub struct LeftOut {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct DiagnosticLine {
    /// The file of a migration folder the line and column are in; none for one file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    pub line: u32,
    pub column: u32,
    pub severity: &'static str,
    pub message: String,
}

impl Summary {
    pub fn new(
        file: &str,
        dialect: Dialect,
        detected: bool,
        import: &Import,
        script: Option<&MigrationScript>,
    ) -> Self {
        let design = &import.design;
        Self {
            file: file.to_owned(),
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
            files: script.map_or_else(Vec::new, |script| {
                script.files.iter().map(|file| file.path.clone()).collect()
            }),
            left_out: script.map_or_else(Vec::new, |script| {
                script
                    .left_out
                    .iter()
                    .map(|file| LeftOut {
                        path: file.path.clone(),
                        reason: file.reason.clone(),
                    })
                    .collect()
            }),
            diagnostics: import
                .diagnostics
                .iter()
                .map(|diagnostic| {
                    let (file, line) = crate::import_command::place(script, diagnostic.at.line);
                    DiagnosticLine {
                        file,
                        line,
                        column: diagnostic.at.column,
                        severity: diagnostic.severity.label(),
                        message: diagnostic.message.clone(),
                    }
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
        if !self.files.is_empty() || !self.left_out.is_empty() {
            let _ = writeln!(
                out,
                "{} files joined in version order, {} left out",
                self.files.len(),
                self.left_out.len()
            );
        }
        for file in &self.left_out {
            let _ = writeln!(out, "{}: info: left out: {}", file.path, file.reason);
        }
        for diagnostic in &self.diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}: {}",
                diagnostic.file.as_deref().unwrap_or(&self.file),
                diagnostic.line,
                diagnostic.column,
                diagnostic.severity,
                diagnostic.message
            );
        }
        out
    }
}
