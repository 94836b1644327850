//! A live schema without credentials: for each engine one catalog query ([`catalog_query`]) that
//! a person runs in their own client and that prints one JSON document; importing that document
//! (the importer recognises it: text starting with `{` that holds the key `relvar_catalog`)
//! gives the design. Reading never panics and refuses malformed JSON with its line and column.
//!
//! The document: `{"relvar_catalog": 1, "engine": "postgres", "database": ..., "schemas": [...],
//! "tables": [{schema, name, comment, columns: [{position, name, type, nullable, default,
//! identity, generated, stored, collation, comment, options}], primary_key: {name, columns},
//! uniques, checks: [{name, expression}], foreign_keys: [{name, columns, ref_schema, ref_table,
//! ref_columns, on_delete, on_update, deferrable, deferred}], indexes: [{name, unique, method,
//! predicate, parts: [{position, column | expression, descending, operator_class, collation,
//! prefix}], include}], other_constraints, partition_by, partition_of, partition_bound, sql}],
//! "views": [{schema, name, materialized, definition}], "enums", "domains", "sequences"}`.
//!
//! What a catalog cannot know is left as the engine keeps it: how a type was spelled (the
//! engine's own spelling comes back), names of constraints the script left unnamed (the
//! engine's generated names come back), which indexes the engine made itself (MariaDB indexes
//! every foreign key), key declared as constraint or as unique index (MySQL has only indexes),
//! view text as written (the engine's rewrite comes back), comments and formatting.

mod build;
mod document;
mod engines;
mod mssql;
mod mysql;
mod postgres;
mod sql_text;
mod sqlite;
#[cfg(test)]
mod tests;
mod views;

use crate::diagnostic::{Diagnostic, Severity};
use crate::dialect::Dialect;
use crate::import::Import;
use crate::position::{LineColumn, LineIndex};

/// The key that marks a catalog document.
pub const CATALOG_MARKER: &str = "relvar_catalog";

/// The query that prints an engine's catalog as one JSON document, with how to run it in the
/// engine's own client in its opening comment.
pub fn catalog_query(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::PostgreSql => postgres::QUERY,
        Dialect::MySql => mysql::QUERY,
        Dialect::Sqlite => sqlite::QUERY,
        Dialect::MsSql => mssql::QUERY,
    }
}

/// Whether a text is a catalog document: it starts with `{` and holds the marker key.
pub fn is_catalog_document(text: &str) -> bool {
    document_text(text).is_some()
}

/// The engine a catalog document names, read without parsing the whole document; none when
/// the text is not one or names no engine Relvar knows.
pub fn catalog_dialect(text: &str) -> Option<Dialect> {
    let body = document_text(text)?;
    let after = body.split_once("\"engine\"")?.1.trim_start();
    let value = after.strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Dialect::from_id(value.split('"').next()?)
}

/// The document's text (from its `{`), when the text is one.
fn document_text(text: &str) -> Option<&str> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    (body.starts_with('{') && body.contains("\"relvar_catalog\"")).then_some(body)
}

/// Imports a catalog document; `None` when the text is not one. `fallback` is the dialect when
/// the document names none.
pub(crate) fn import_if_catalog(text: &str, fallback: Dialect) -> Option<Import> {
    let body = document_text(text)?;
    let start = LineIndex::new(text).locate(text.len() - body.len());
    let mut stream = serde_json::Deserializer::from_str(body).into_iter::<document::Document>();
    let mut diagnostics = Vec::new();
    let document = match stream.next() {
        Some(Ok(document)) => document,
        Some(Err(error)) => {
            let at = shifted(start, &error);
            let written = error.to_string();
            let reason = written
                .rsplit_once(" at line ")
                .map_or(written.as_str(), |(reason, _)| reason);
            let message = format!("this catalog document cannot be read: {reason}");
            return Some(refused(text, fallback, at, message));
        }
        None => {
            let message = String::from("this catalog document is empty");
            return Some(refused(text, fallback, start, message));
        }
    };
    let rest = body.get(stream.byte_offset()..).unwrap_or_default();
    if !rest.trim().is_empty() {
        let at = LineIndex::new(text).locate(text.len() - rest.trim_start().len());
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            at,
            message: String::from("text after the catalog document was left out"),
        });
    }
    let named = document.engine.as_deref().and_then(Dialect::from_id);
    let dialect = named.unwrap_or(fallback);
    let warn = |message: String| Diagnostic {
        severity: Severity::Warning,
        at: start,
        message,
    };
    if named.is_none() {
        diagnostics.push(warn(format!(
            "the catalog document names no engine Relvar knows ({}); read as {}",
            document.engine.as_deref().unwrap_or("none"),
            dialect.name()
        )));
    }
    if document
        .relvar_catalog
        .as_f64()
        .is_some_and(|version| version > 1.0)
    {
        diagnostics.push(warn(String::from(
            "this catalog document is of a newer format; what this version knows is read",
        )));
    }
    let database = document.database.clone();
    let mut built = build::build(document, dialect);
    engines::adjust(&mut built.design, dialect);
    if let Some(database) = database.filter(|name| !name.is_empty()) {
        built.design.name = database;
    }
    diagnostics.extend(built.warnings.into_iter().map(warn));
    Some(Import {
        design: built.design,
        diagnostics,
        statement_count: built.objects,
        modelled_count: built.objects,
    })
}

/// An import that read nothing, with the reason; the text is kept, as every import keeps what
/// it could not read.
fn refused(text: &str, dialect: Dialect, at: LineColumn, message: String) -> Import {
    Import {
        design: relvar_model::Design {
            source_dialect: Some(dialect),
            unmodelled: vec![relvar_model::UnmodelledStatement {
                line: 1,
                text: text.to_owned(),
                reason: String::from("a catalog document that could not be read"),
            }],
            ..relvar_model::Design::default()
        },
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            at,
            message,
        }],
        statement_count: 1,
        modelled_count: 0,
    }
}

/// A JSON error's place in the whole text, the document starting at `start`.
fn shifted(start: LineColumn, error: &serde_json::Error) -> LineColumn {
    let line = u32::try_from(error.line()).unwrap_or(u32::MAX).max(1);
    let column = u32::try_from(error.column()).unwrap_or(u32::MAX).max(1);
    if line == 1 {
        LineColumn {
            line: start.line,
            column: start.column.saturating_add(column - 1),
        }
    } else {
        LineColumn {
            line: start.line.saturating_add(line - 1),
            column,
        }
    }
}
