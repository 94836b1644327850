//! Import: turns a SQL script into a design plus diagnostics. It never aborts: what it cannot
//! model is kept verbatim as an unmodelled statement, with a message naming its line.

mod alter_table;
mod comments;
mod create_table;
mod domains;
mod foreign_keys;
mod indexes;

pub(crate) use indexes::strip_parentheses;
mod names;
mod parse;
mod partitions;
mod replay;
pub use replay::{UnnamedKind, engine_given_name};
mod sequences;
mod serial;
mod taken_out;
mod token_reader;
mod views;

use relvar_model::{Design, UnmodelledStatement};
use sqlparser::ast::{
    Ident, ObjectName, SchemaName, Spanned, Statement, UserDefinedTypeRepresentation,
};

use crate::diagnostic::{Diagnostic, Severity, locate_parser_error};
use crate::dialect::Dialect;
use crate::position::{LineColumn, LineIndex};
use crate::split::{StatementKind, split_statements};
use foreign_keys::PendingForeignKey;
use parse::Failure;

/// What an import produced.
#[derive(Debug, Clone)]
pub struct Import {
    pub design: Design,
    pub diagnostics: Vec<Diagnostic>,
    /// Statements found in the script.
    pub statement_count: usize,
    /// Statements modelled completely; every other one is in `design.unmodelled`.
    pub modelled_count: usize,
}

/// Imports a script in the given dialect, or a catalog document (`crate::catalog`) as it says.
pub fn import_sql(text: &str, dialect: Dialect) -> Import {
    crate::catalog::import_if_catalog(text, dialect).unwrap_or_else(|| import_ddl(text, dialect))
}

/// Imports a script in the given dialect, never reading it as a catalog document: for callers
/// that send catalog documents elsewhere (the studio's page, whose first load leaves the catalog
/// reader to its worker).
pub fn import_ddl(text: &str, dialect: Dialect) -> Import {
    let index = LineIndex::new(text);
    let mut importer = Importer {
        dialect,
        design: Design {
            source_dialect: Some(dialect),
            ..Design::default()
        },
        diagnostics: Vec::new(),
        records: Vec::new(),
        pending: Vec::new(),
        constraint_lookups: replay::ConstraintLookups::default(),
    };
    for raw in split_statements(text, dialect) {
        let Some(statement_text) = text.get(raw.span.clone()) else {
            continue;
        };
        let at = index.locate(raw.span.start);
        importer.records.push(StatementRecord {
            at,
            kept: Vec::new(),
            reasons: Vec::new(),
        });
        match raw.kind {
            StatementKind::ClientCommand => importer.keep_whole(statement_text, "a client command"),
            StatementKind::CopyFromStdin => {
                importer.keep_whole(statement_text, "table data (COPY)")
            }
            StatementKind::Sql => importer.read(statement_text, &index, raw.span.clone()),
        }
    }
    importer.finish()
}

/// What became of one statement of the script.
struct StatementRecord {
    at: LineColumn,
    /// SQL kept verbatim because it is not modelled; empty when the statement was fully modelled.
    kept: Vec<String>,
    reasons: Vec<String>,
}

struct Importer {
    dialect: Dialect,
    design: Design,
    diagnostics: Vec<Diagnostic>,
    records: Vec<StatementRecord>,
    pending: Vec<PendingForeignKey>,
    /// SQL Server variables holding a constraint's name, until the constraint is dropped.
    constraint_lookups: replay::ConstraintLookups,
}

impl Importer {
    fn read(&mut self, text: &str, index: &LineIndex<'_>, span: std::ops::Range<usize>) {
        if self.dialect == Dialect::MsSql && self.extended_property(text) {
            return;
        }
        if self.dialect == Dialect::MsSql && (self.sp_rename(text) || self.constraint_lookup(text))
        {
            return;
        }
        let label = statement_label(text);
        if self.replay_statement(&label, text, index, span.clone()) {
            return;
        }
        if label == "ALTER TABLE" && has_word(text, "attach") && self.attach_partition(text) {
            return;
        }
        if label.ends_with(" SEQUENCE") && self.sequence_statement(text) {
            return;
        }
        if label.starts_with("CREATE") && names_view_early(text) && self.create_view(text) {
            return;
        }
        if label == "DO" && self.replay_do_block(text, index, span.clone()) {
            return;
        }
        if is_data_only(text) || is_routine_or_view(&label) {
            self.keep_whole(text, &format!("{label} is not modelled yet"));
            return;
        }
        match self.parse(text, &label) {
            Ok(parsed) if !parsed.statements.is_empty() => {
                let recovered = !parsed.removals.is_empty() || parsed.index_kind.is_some();
                let marks = recovered.then(|| self.marks());
                let batch_index = (parsed.statements.len() > 1).then(|| LineIndex::new(text));
                for statement in parsed.statements {
                    let own_text = match &batch_index {
                        Some(batch_index) => statement_text(&statement, text, batch_index),
                        None => text.to_owned(),
                    };
                    self.model(statement, &own_text);
                }
                if let Some(marks) = marks {
                    let start = index.locate(span.start);
                    let altered = label == "ALTER TABLE";
                    self.keep_taken_out(parsed.removals, parsed.index_kind, &marks, start, altered);
                }
            }
            Err(Failure::Batch(pieces)) => {
                // Each statement of the batch is one of the script's: kept or modelled on its
                // own, so that a kept one is written back where statements of its kind go.
                for (number, piece) in pieces.into_iter().enumerate() {
                    if let Some(piece_text) = text.get(piece.clone()) {
                        let piece_span = span.start + piece.start..span.start + piece.end;
                        if number > 0 {
                            self.records.push(StatementRecord {
                                at: index.locate(piece_span.start),
                                kept: Vec::new(),
                                reasons: Vec::new(),
                            });
                        }
                        self.read(piece_text, index, piece_span);
                    }
                }
            }
            Ok(_) => self.keep_whole(text, "an empty statement"),
            Err(Failure::Message(_))
                if label == "ALTER TABLE" && self.alter_table_by_operations(text) => {}
            Err(Failure::Message(error)) => {
                if loses_design_information(&label, text) {
                    let (message, at) = locate_parser_error(&error, index, span.clone());
                    let message =
                        format!("could not read this {label} ({message}); it is kept as written");
                    self.diagnose(Severity::Error, at, message);
                    self.keep(text.to_owned(), "it could not be parsed");
                } else {
                    let label = match alter_operation_words(text) {
                        Some(words) => format!("{label} {words}"),
                        None => label,
                    };
                    self.keep_whole(text, &format!("{label} is not modelled yet"));
                }
            }
        }
    }

    fn model(&mut self, statement: Statement, text: &str) {
        match statement {
            Statement::CreateTable(create) => self.create_table(create, text),
            Statement::AlterTable(alter) => self.alter_table(alter, text),
            Statement::CreateIndex(create) => self.create_index(create, text),
            Statement::CreateDomain(create) => self.create_domain(create, text),
            Statement::CreateSchema {
                schema_name: SchemaName::Simple(name),
                with: None,
                options: None,
                default_collate_spec: None,
                clone: None,
                ..
            } if matches!(self.dialect, Dialect::PostgreSql | Dialect::MsSql) => {
                self.create_schema(&name, text)
            }
            Statement::CreateType {
                name,
                representation: Some(UserDefinedTypeRepresentation::Enum { labels }),
            } => self.create_enum(&name, &labels, text),
            Statement::AlterType(alter) => self.alter_type(&alter, text),
            Statement::RenameTable(pairs) => self.rename_tables(&pairs, text),
            Statement::Comment {
                object_type,
                object_name,
                comment,
                ..
            } => self.comment_on(object_type, &object_name, comment, text),
            _ => {
                let label = statement_label(text);
                self.keep_whole(text, &format!("{label} is not modelled yet"));
            }
        }
    }

    fn create_schema(&mut self, name: &ObjectName, text: &str) {
        let [sqlparser::ast::ObjectNamePart::Identifier(name)] = name.0.as_slice() else {
            self.keep_whole(text, "CREATE SCHEMA with a qualified name");
            return;
        };
        if !self.design.schemas.contains(&name.value) {
            self.design.schemas.push(name.value.clone());
        }
    }

    fn create_enum(&mut self, name: &ObjectName, labels: &[Ident], text: &str) {
        let Some(name) = names::QualifiedName::from_object_name(name, self.dialect) else {
            self.keep_whole(text, "CREATE TYPE with a computed name");
            return;
        };
        self.design.enums.push(relvar_model::EnumType {
            schema: name.schema,
            name: name.name,
            values: labels.iter().map(|label| label.value.clone()).collect(),
        });
    }

    /// The table of the design a statement names, if it is defined.
    fn table_named(&self, name: &names::QualifiedName) -> Option<relvar_model::TableId> {
        let table = self.design.find_table(name.schema.as_deref(), &name.name)?;
        Some(table.id)
    }

    /// Where the statement being read starts.
    fn here(&self) -> LineColumn {
        self.records
            .last()
            .map_or(LineColumn { line: 1, column: 1 }, |record| record.at)
    }

    /// Where the statement being read starts, and its index among the script's statements.
    fn origin(&self) -> (LineColumn, usize) {
        (self.here(), self.records.len().saturating_sub(1))
    }

    fn diagnose(&mut self, severity: Severity, at: LineColumn, message: String) {
        self.diagnostics.push(Diagnostic {
            severity,
            at,
            message,
        });
    }

    /// Keeps part of the current statement verbatim, for a reason shown to the user.
    fn keep(&mut self, sql: String, reason: &str) {
        if let Some(record) = self.records.last_mut() {
            record.kept.push(sql);
            if !record.reasons.iter().any(|known| known == reason) {
                record.reasons.push(reason.to_owned());
            }
        }
    }

    fn keep_whole(&mut self, text: &str, reason: &str) {
        let at = self.here();
        self.diagnose(Severity::Info, at, format!("kept as written: {reason}"));
        self.keep(text.to_owned(), reason);
    }

    fn finish(mut self) -> Import {
        self.resolve_foreign_keys();
        let statement_count = self.records.len();
        let mut modelled_count = 0;
        for record in self.records {
            if record.kept.is_empty() {
                modelled_count += 1;
                continue;
            }
            self.design.unmodelled.push(UnmodelledStatement {
                line: record.at.line,
                text: record.kept.join(";\n"),
                reason: record.reasons.join("; "),
            });
        }
        relvar_model::order::sort_by_key(&mut self.diagnostics[..], |diagnostic| diagnostic.at);
        Import {
            design: self.design,
            diagnostics: self.diagnostics,
            statement_count,
            modelled_count,
        }
    }
}

/// Rows of data (INSERT, REPLACE) hold no design and are kept as written without a full parse,
/// which is most of the time a dump with data takes. A text that also holds the word CREATE or
/// ALTER (a T-SQL batch may follow its INSERTs with a table) is parsed as usual.
fn is_data_only(text: &str) -> bool {
    let first = text.split_ascii_whitespace().next().unwrap_or_default();
    let data = first.eq_ignore_ascii_case("INSERT") || first.eq_ignore_ascii_case("REPLACE");
    data && !has_word(text, "create") && !has_word(text, "alter")
}

/// Functions, procedures, triggers and views (those not read as views) stand alone in their
/// statement (T-SQL requires it of their batch), so they are kept without a parse. Takes the
/// statement's label.
fn is_routine_or_view(label: &str) -> bool {
    let mut words = label.split(' ');
    words.next() == Some("CREATE")
        && words.next_back().is_some_and(|kind| {
            matches!(kind, "FUNCTION" | "PROCEDURE" | "PROC" | "TRIGGER" | "VIEW")
        })
}

/// Whether VIEW stands in the first 300 bytes of the text: the check before reading a view
/// (`CREATE ALGORITHM=... DEFINER=... VIEW` hides it from the label).
fn names_view_early(text: &str) -> bool {
    let head_end = (0..=text.len().min(300))
        .rev()
        .find(|&end| text.is_char_boundary(end))
        .unwrap_or(0);
    text.get(..head_end)
        .is_some_and(|head| has_word(head, "view"))
}

/// Whether `word` (lower case ASCII) stands in `text` as a whole word, in any case.
pub(super) fn has_word(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    let is_word_byte = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'_';
    bytes.windows(word.len()).enumerate().any(|(at, window)| {
        window.eq_ignore_ascii_case(word.as_bytes())
            && (at == 0
                || bytes
                    .get(at - 1)
                    .is_some_and(|&before| !is_word_byte(before)))
            && bytes
                .get(at + word.len())
                .is_none_or(|&after| !is_word_byte(after))
    })
}

/// The source text of one statement of a batch, from the span sqlparser gives it; its SQL as
/// sqlparser writes it when the span is missing.
fn statement_text(statement: &Statement, batch: &str, index: &LineIndex<'_>) -> String {
    let span = statement.span();
    let at = |location: sqlparser::tokenizer::Location| {
        let line = u32::try_from(location.line).ok()?;
        let column = u32::try_from(location.column).ok()?;
        index.offset_of(LineColumn { line, column })
    };
    match (at(span.start), at(span.end)) {
        (Some(start), Some(end)) if start < end => batch
            .get(start..end)
            .map_or_else(|| statement.to_string(), str::to_owned),
        _ => statement.to_string(),
    }
}

/// The leading keywords of a statement, e.g. `CREATE FUNCTION`, `COMMENT ON EXTENSION` or `SET`.
pub(crate) fn statement_label(text: &str) -> String {
    const MODIFIERS: &[&str] = &[
        "OR",
        "REPLACE",
        "UNIQUE",
        "MATERIALIZED",
        "TEMPORARY",
        "TEMP",
        "UNLOGGED",
        "GLOBAL",
        "LOCAL",
        "RECURSIVE",
        "ON",
        "CLUSTERED",
        "NONCLUSTERED",
        "COLUMNSTORE",
        "FULLTEXT",
        "SPATIAL",
    ];
    let mut words = text.split_ascii_whitespace().map(str::to_ascii_uppercase);
    let Some(first) = words.next() else {
        return String::new();
    };
    let mut label = vec![first.clone()];
    if matches!(first.as_str(), "CREATE" | "ALTER" | "DROP" | "COMMENT") {
        for word in words {
            if !word.chars().all(|c| c.is_ascii_alphabetic() || c == '_') {
                break;
            }
            let is_modifier = MODIFIERS.contains(&word.as_str());
            label.push(word);
            if !is_modifier {
                break;
            }
        }
    }
    label.join(" ")
}

/// Whether a statement that could not be parsed held something the model reads: a table, or
/// an ALTER TABLE that adds columns or constraints.
fn loses_design_information(label: &str, text: &str) -> bool {
    match label {
        "CREATE TABLE" => true,
        "ALTER TABLE" => text
            .split_ascii_whitespace()
            .any(|word| word.eq_ignore_ascii_case("ADD")),
        _ => false,
    }
}

/// The two words naming what an `ALTER TABLE [ONLY] [IF EXISTS] name ...` does, e.g.
/// `ATTACH PARTITION`.
fn alter_operation_words(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    let upper = |index: usize| words.get(index).map(|word| word.to_ascii_uppercase());
    if upper(0)? != "ALTER" || upper(1)? != "TABLE" {
        return None;
    }
    let mut at = 2;
    while matches!(upper(at)?.as_str(), "ONLY" | "IF" | "EXISTS") {
        at += 1;
    }
    // Skip the table name, which may be quoted and hold spaces: "Order Details", [Order Details].
    let mut open_quote = None;
    loop {
        let word = words.get(at)?;
        at += 1;
        for character in word.chars() {
            open_quote = match (open_quote, character) {
                (None, '"') => Some('"'),
                (None, '[') => Some(']'),
                (None, '`') => Some('`'),
                (Some(close), found) if found == close => None,
                (state, _) => state,
            };
        }
        if open_quote.is_none() {
            break;
        }
    }
    let operation: Vec<String> = (at..at + 2).filter_map(upper).collect();
    Some(operation.join(" "))
}

#[cfg(test)]
mod tests {
    use super::{alter_operation_words, statement_label};

    #[test]
    fn data_statements_skip_the_parse_unless_they_may_hide_a_table() {
        assert!(super::is_data_only(
            "INSERT INTO t VALUES ('Walter', 'creates')"
        ));
        assert!(super::is_data_only("replace into t values (1)"));
        assert!(!super::is_data_only(
            "INSERT INTO t VALUES (1)\nCREATE TABLE u (id int)"
        ));
        assert!(!super::is_data_only(
            "insert into t values (1) alter table t add x int"
        ));
        assert!(!super::is_data_only("SELECT 1"));
        assert!(super::is_routine_or_view(&super::statement_label(
            "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ CREATE TABLE x $$"
        )));
        assert!(super::is_routine_or_view(&super::statement_label(
            "create materialized view v as select 1"
        )));
        assert!(!super::is_routine_or_view(&super::statement_label(
            "CREATE TABLE view (id int)"
        )));
    }

    #[test]
    fn alter_operations_are_named() {
        let text = "ALTER TABLE ONLY public.payment ATTACH PARTITION public.p1 FOR VALUES";
        assert_eq!(
            alter_operation_words(text).as_deref(),
            Some("ATTACH PARTITION")
        );
        assert_eq!(alter_operation_words("SELECT 1"), None);
        let quoted = "ALTER TABLE \"Order Details\" NOCHECK CONSTRAINT ALL";
        assert_eq!(
            alter_operation_words(quoted).as_deref(),
            Some("NOCHECK CONSTRAINT")
        );
        assert_eq!(
            alter_operation_words("ALTER TABLE [dbo].[Order Details] CHECK CONSTRAINT x")
                .as_deref(),
            Some("CHECK CONSTRAINT")
        );
    }

    #[test]
    fn labels_name_the_kind_of_statement() {
        assert_eq!(
            statement_label("CREATE OR REPLACE FUNCTION f()"),
            "CREATE OR REPLACE FUNCTION"
        );
        assert_eq!(statement_label("set x = 1"), "SET");
        assert_eq!(
            statement_label("COMMENT ON EXTENSION vector IS 'v'"),
            "COMMENT ON EXTENSION"
        );
        assert_eq!(
            statement_label("create unique index i on t"),
            "CREATE UNIQUE INDEX"
        );
        assert_eq!(
            statement_label("SELECT pg_catalog.set_config('x')"),
            "SELECT"
        );
    }
}
