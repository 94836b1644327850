//! SQL in and out of a design: a statement splitter with byte spans, import through sqlparser that
//! never aborts, DDL export for PostgreSQL, MySQL/MariaDB, SQLite and SQL Server, and how each
//! dialect is parsed and quoted.

mod catalog;
mod design_name;
mod detect;
mod diagnostic;
mod dialect;
mod export;
mod import;
mod migrations;
mod position;
mod recover;
mod split;

pub use catalog::{CATALOG_MARKER, catalog_dialect, catalog_query, is_catalog_document};
pub use design_name::design_name;
pub use detect::detect_dialect;
pub use diagnostic::{Diagnostic, Severity};
pub use dialect::{Dialect, SqlSyntax};
pub use export::{DdlExport, DdlPieces, export_ddl, inline_enum_values, mapped_type};
pub use import::{Import, UnnamedKind, engine_given_name, import_ddl, import_sql};
pub use migrations::{LeftOutFile, MigrationFile, MigrationScript, SourceLine, join_migrations};
pub use position::{LineColumn, LineIndex};
pub use split::{RawStatement, StatementKind, split_statements};
