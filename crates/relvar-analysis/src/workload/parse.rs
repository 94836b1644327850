//! Parsing a workload's queries with sqlparser in the design's dialect, or failing that in any
//! other dialect that reads it (queries are pasted from applications written against any
//! engine): each query gives its statement, or a finding naming the line and column (in the
//! workload file) where the design's dialect stops.

use relvar_sql::{Dialect, SqlSyntax};
use sqlparser::ast::Statement;
use sqlparser::parser::Parser;

use super::{Workload, WorkloadQuery};

/// A query that could not be read, with where (1-based, in the workload's file) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFinding {
    /// The query's position in the workload.
    pub query: usize,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// A query that parsed: its position in the workload, its frequency and its statement.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedQuery {
    pub query: usize,
    pub frequency: u32,
    pub statement: Statement,
}

/// Every query parsed: the statements, and a finding for each query that is not SQL the parser
/// reads (or holds no statement). A query of several statements keeps its first.
pub fn parse_workload(
    workload: &Workload,
    dialect: Dialect,
) -> (Vec<ParsedQuery>, Vec<ParseFinding>) {
    let mut parsed = Vec::new();
    let mut findings = Vec::new();
    for (position, query) in workload.queries.iter().enumerate() {
        let read = parse_one(query, dialect).or_else(|failure| {
            Dialect::ALL
                .into_iter()
                .filter(|other| *other != dialect)
                .find_map(|other| parse_one(query, other).ok())
                .ok_or(failure)
        });
        match read {
            Ok(statement) => parsed.push(ParsedQuery {
                query: position,
                frequency: query.frequency,
                statement,
            }),
            Err((line, column, message)) => {
                let (line, column) = in_file(query, line, column);
                findings.push(ParseFinding {
                    query: position,
                    line,
                    column,
                    message,
                });
            }
        }
    }
    (parsed, findings)
}

/// The statement of one query, or the line and column within it and the parser's message.
fn parse_one(query: &WorkloadQuery, dialect: Dialect) -> Result<Statement, (u32, u32, String)> {
    let parser_dialect = dialect.parser_dialect();
    let statements = Parser::new(parser_dialect.as_ref())
        .with_options(dialect.parser_options())
        .try_with_sql(&query.sql)
        .and_then(|mut parser| parser.parse_statements())
        .map_err(|error| {
            let text = error.to_string();
            let (line, column) = position_in(&text).unwrap_or((1, 1));
            (line, column, clean(&text))
        })?;
    statements
        .into_iter()
        .next()
        .ok_or_else(|| (1, 1, String::from("no statement")))
}

/// `Line: N, Column: M` in a sqlparser message.
fn position_in(message: &str) -> Option<(u32, u32)> {
    let after_line = message.get(message.rfind("Line: ")? + "Line: ".len()..)?;
    let (line, rest) = after_line.split_once(',')?;
    let column_text = rest.trim_start().strip_prefix("Column: ")?;
    let digits: String = column_text
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((line.trim().parse().ok()?, digits.parse().ok()?))
}

/// The parser's message without its prefix and position.
fn clean(message: &str) -> String {
    let message = message
        .strip_prefix("sql parser error: ")
        .unwrap_or(message);
    let message = match message.rfind(" at Line: ") {
        Some(at) => message.get(..at).unwrap_or(message),
        None => message,
    };
    message.trim().to_owned()
}

/// A position within a query as a position in its file.
fn in_file(query: &WorkloadQuery, line: u32, column: u32) -> (u32, u32) {
    if line <= 1 {
        (
            query.origin.line,
            query.origin.column.saturating_add(column.saturating_sub(1)),
        )
    } else {
        (query.origin.line.saturating_add(line - 1), column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_query_is_found_at_its_line_and_column_in_the_file() {
        let text = "SELECT 1;\n\n  SELECT * FORM film;\nSELECT 2";
        let workload = Workload::from_sql(text, Dialect::PostgreSql);
        let (parsed, findings) = parse_workload(&workload, Dialect::PostgreSql);
        assert_eq!(parsed.len(), 2);
        assert_eq!(findings.len(), 1);
        let finding = &findings[0];
        assert_eq!((finding.query, finding.line), (1, 3));
        assert_eq!(finding.column, 17, "{finding:?}");
        assert!(finding.message.contains("film"), "{}", finding.message);
    }
}
