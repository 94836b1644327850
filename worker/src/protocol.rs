//! What the page asks of the worker and what it answers, as JSON both ways (the design itself
//! travels beside the request as a design file's JSON).

use relvar_diff::{Change, CompareRequest, MigrationFile};
use serde::{Deserialize, Serialize};

/// What the worker says once it listens; requests sent before then wait on the page's side.
pub const READY: &str = "ready";

/// One request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Two sides of the design compared: changes, scripts, files.
    Compare(Box<CompareRequest>),
    /// The design written out as text.
    Export(ExportFormat),
    /// A catalog document (the JSON a catalog query prints) read as a design; the design sent
    /// beside it is not read.
    ImportCatalog(String),
}

/// The texts the Export panel offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// DDL for the engine of this id (`postgres`, `mysql`, `sqlite`, `mssql`).
    Ddl(String),
    Mermaid,
    /// The decision records as ADRs in Markdown.
    Decisions,
    /// The data dictionary in Markdown.
    Dictionary,
    /// The data dictionary as one self-contained HTML file.
    DictionaryHtml,
    /// The catalog query of the engine of this id, which prints its schema as a document to
    /// import (the design is not read).
    CatalogQuery(String),
}

/// One answer; a request that cannot be met is answered `Err` with why, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Compared(Compared),
    Exported {
        text: String,
        /// What the target cannot hold as the design says, one line each.
        warnings: Vec<String>,
    },
    Imported(Imported),
}

/// A catalog document's import, as `relvar_sql::Import` holds it, the design as a design file's
/// JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub design_file: String,
    pub diagnostics: Vec<relvar_sql::Diagnostic>,
    pub statement_count: usize,
    pub modelled_count: usize,
}

/// A comparison as the page shows it: the changes (for the canvas's marks), the markup of the
/// report beside the canvas, and the migration's files (a zip of them travels apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compared {
    pub changes: Vec<Change>,
    pub markup: String,
    pub files: Vec<MigrationFile>,
}
