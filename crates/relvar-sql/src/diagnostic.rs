//! Messages about imported text, each with the line and column it concerns.

use crate::position::{LineColumn, LineIndex};

/// How much a diagnostic matters to the user.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Kept but not modelled: nothing is lost, the statement travels with the design.
    Info,
    /// Modelled only in part, or a reference that could not be resolved.
    Warning,
    /// The statement could not be read at all; it is kept verbatim.
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// One message about the imported text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub at: LineColumn,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self {
            severity,
            at,
            message,
        } = self;
        write!(
            f,
            "{}:{}: {}: {message}",
            at.line,
            at.column,
            severity.label()
        )
    }
}

/// Splits a sqlparser error message into its text and the position it names, made absolute.
///
/// sqlparser reports positions inside the statement it was given as a suffix
/// `" at Line: L, Column: C"` (1-based); `statement` is where that statement sits in the whole
/// script. A message without a position points at the statement's end when the parser ran out
/// of input ("found: EOF"), and at its start otherwise.
pub fn locate_parser_error(
    message: &str,
    index: &LineIndex<'_>,
    statement: std::ops::Range<usize>,
) -> (String, LineColumn) {
    let start = index.locate(statement.start);
    let Some((text, position)) = message.rsplit_once(" at Line: ") else {
        let at = if message.ends_with("found: EOF") {
            index.locate(statement.end)
        } else {
            start
        };
        return (message.to_owned(), at);
    };
    let parsed = position
        .split_once(", Column: ")
        .and_then(|(line, column)| {
            Some((
                line.trim().parse::<u32>().ok()?,
                column.trim().parse::<u32>().ok()?,
            ))
        });
    match parsed {
        Some((line, column)) if line >= 1 && column >= 1 => {
            let absolute = if line == 1 {
                LineColumn {
                    line: start.line,
                    column: start.column + column - 1,
                }
            } else {
                LineColumn {
                    line: start.line + line - 1,
                    column,
                }
            };
            (text.to_owned(), absolute)
        }
        _ => (message.to_owned(), start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_inside_a_statement_become_positions_in_the_script() {
        let script = "SELECT 1;\n  CREATE TABLE t (a int,\n  b nonsense nonsense);";
        let index = LineIndex::new(script);
        let start = script.find("CREATE").unwrap();
        let statement = start..script.len() - 1;
        let locate = |message| locate_parser_error(message, &index, statement.clone());
        let (text, at) = locate("Expected: ), found: nonsense at Line: 2, Column: 14");
        assert_eq!(text, "Expected: ), found: nonsense");
        assert_eq!(
            at,
            LineColumn {
                line: 3,
                column: 14
            }
        );
        assert_eq!(
            locate("oops at Line: 1, Column: 8").1,
            LineColumn {
                line: 2,
                column: 10
            }
        );
        let (plain, fallback) = locate("recursion limit exceeded");
        assert_eq!(
            (plain.as_str(), fallback),
            (
                "recursion limit exceeded",
                LineColumn { line: 2, column: 3 }
            )
        );
        assert_eq!(
            locate("Expected: a data type name, found: EOF").1,
            LineColumn {
                line: 3,
                column: 23
            }
        );
    }
}
