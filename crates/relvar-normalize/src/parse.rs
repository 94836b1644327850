//! Reads dependencies written one per line, `order_id, product_id -> quantity` or
//! `course ->> teacher`, against a table's column names. `#` starts a comment; names may be
//! quoted with `"…"`, `` `…` `` or `[…]`; `→` and `↠` are accepted as arrows.

use relvar_model::DependencyKind;
use thiserror::Error;

/// A dependency read from one line: column positions in the order written, each once per side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDependency {
    pub kind: DependencyKind,
    pub lhs: Vec<usize>,
    pub rhs: Vec<usize>,
    /// The 1-based line it was read from.
    pub line: usize,
}

/// What is wrong at a place in the text; lines and columns count from 1, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}, column {column}: {kind}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseErrorKind {
    #[error("there is no column named {0}")]
    UnknownColumn(String),
    #[error("expected -> or ->> between the determining and the determined columns")]
    MissingArrow,
    #[error("only one arrow is allowed in a dependency")]
    SecondArrow,
    #[error("nothing is written on the right of {0}")]
    EmptyRightSide(&'static str),
    #[error("the quoted name is not closed")]
    UnclosedQuote,
    #[error("unexpected character {0:?}")]
    UnexpectedCharacter(char),
}

/// Reads every line; returns the dependencies, or every error found (at most one per line).
pub fn parse_dependencies<S: AsRef<str>>(
    text: &str,
    columns: &[S],
) -> Result<Vec<ParsedDependency>, Vec<ParseError>> {
    let mut dependencies = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        match parse_line(line, index + 1, columns) {
            Ok(Some(dependency)) => dependencies.push(dependency),
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(dependencies)
    } else {
        Err(errors)
    }
}

#[derive(Debug, PartialEq)]
enum Token {
    Name(String),
    Arrow(DependencyKind),
}

/// A token and the 1-based character column it starts at.
type Located = (Token, usize);

fn parse_line<S: AsRef<str>>(
    line: &str,
    number: usize,
    columns: &[S],
) -> Result<Option<ParsedDependency>, ParseError> {
    let at = |column: usize, kind: ParseErrorKind| ParseError {
        line: number,
        column,
        kind,
    };
    let tokens = tokenize(line).map_err(|(column, kind)| at(column, kind))?;
    if tokens.is_empty() {
        return Ok(None);
    }
    let mut arrows = tokens.iter().filter_map(|(token, column)| match token {
        Token::Arrow(kind) => Some((*kind, *column)),
        Token::Name(_) => None,
    });
    let Some((kind, arrow_column)) = arrows.next() else {
        let end = line.chars().count() + 1;
        return Err(at(end, ParseErrorKind::MissingArrow));
    };
    if let Some((_, second)) = arrows.next() {
        return Err(at(second, ParseErrorKind::SecondArrow));
    }
    let mut lhs = Vec::new();
    let mut rhs = Vec::new();
    let mut right = false;
    for (token, column) in &tokens {
        match token {
            Token::Arrow(_) => right = true,
            Token::Name(name) => {
                let position = position(columns, name)
                    .ok_or_else(|| at(*column, ParseErrorKind::UnknownColumn(name.clone())))?;
                let side = if right { &mut rhs } else { &mut lhs };
                if !side.contains(&position) {
                    side.push(position);
                }
            }
        }
    }
    if rhs.is_empty() {
        let arrow = match kind {
            DependencyKind::Functional => "->",
            DependencyKind::Multivalued => "->>",
        };
        return Err(at(arrow_column, ParseErrorKind::EmptyRightSide(arrow)));
    }
    Ok(Some(ParsedDependency {
        kind,
        lhs,
        rhs,
        line: number,
    }))
}

/// The column position of a name: exactly, else ignoring ASCII case when only one matches.
fn position<S: AsRef<str>>(columns: &[S], name: &str) -> Option<usize> {
    if let Some(exact) = columns.iter().position(|known| known.as_ref() == name) {
        return Some(exact);
    }
    let mut matching = columns
        .iter()
        .enumerate()
        .filter(|(_, known)| known.as_ref().eq_ignore_ascii_case(name));
    match (matching.next(), matching.next()) {
        (Some((position, _)), None) => Some(position),
        _ => None,
    }
}

fn tokenize(line: &str) -> Result<Vec<Located>, (usize, ParseErrorKind)> {
    let characters: Vec<char> = line.chars().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    while let Some(&character) = characters.get(index) {
        let column = index + 1;
        let next = characters.get(index + 1).copied();
        match character {
            '#' => break,
            ',' => index += 1,
            c if c.is_whitespace() => index += 1,
            '-' if next == Some('>') => {
                if characters.get(index + 2) == Some(&'>') {
                    tokens.push((Token::Arrow(DependencyKind::Multivalued), column));
                    index += 3;
                } else {
                    tokens.push((Token::Arrow(DependencyKind::Functional), column));
                    index += 2;
                }
            }
            '→' => {
                tokens.push((Token::Arrow(DependencyKind::Functional), column));
                index += 1;
            }
            '↠' => {
                tokens.push((Token::Arrow(DependencyKind::Multivalued), column));
                index += 1;
            }
            '"' | '`' | '[' => {
                let close = match character {
                    '[' => ']',
                    other => other,
                };
                let (name, end) = quoted(&characters, index + 1, close)
                    .ok_or((column, ParseErrorKind::UnclosedQuote))?;
                tokens.push((Token::Name(name), column));
                index = end;
            }
            c if is_name_character(c) => {
                let end = (index..characters.len())
                    .find(|&at| !characters.get(at).copied().is_some_and(is_name_character))
                    .unwrap_or(characters.len());
                let name = characters.get(index..end).unwrap_or_default();
                tokens.push((Token::Name(name.iter().collect()), column));
                index = end;
            }
            other => return Err((column, ParseErrorKind::UnexpectedCharacter(other))),
        }
    }
    Ok(tokens)
}

fn is_name_character(character: char) -> bool {
    character.is_alphanumeric() || character == '_' || character == '$'
}

/// The name inside quotes opened just before `start`, and the index after the closing quote; a
/// doubled closing quote stands for itself.
fn quoted(characters: &[char], start: usize, close: char) -> Option<(String, usize)> {
    let mut name = String::new();
    let mut index = start;
    loop {
        let character = *characters.get(index)?;
        if character == close {
            if characters.get(index + 1) == Some(&close) {
                name.push(close);
                index += 2;
                continue;
            }
            return Some((name, index + 1));
        }
        name.push(character);
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [&str; 5] = [
        "order_id",
        "product_id",
        "quantity",
        "Course",
        "the teacher",
    ];

    fn errors(text: &str) -> Vec<String> {
        parse_dependencies(text, &COLUMNS)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn functional_and_multivalued_dependencies_are_read_by_position() {
        let text = "order_id, product_id -> quantity\n\n  # a comment\ncourse ->> \"the teacher\" # why\n-> quantity";
        let read = parse_dependencies(text, &COLUMNS).unwrap();
        assert_eq!(
            read,
            vec![
                ParsedDependency {
                    kind: DependencyKind::Functional,
                    lhs: vec![0, 1],
                    rhs: vec![2],
                    line: 1
                },
                ParsedDependency {
                    kind: DependencyKind::Multivalued,
                    lhs: vec![3],
                    rhs: vec![4],
                    line: 4
                },
                ParsedDependency {
                    kind: DependencyKind::Functional,
                    lhs: vec![],
                    rhs: vec![2],
                    line: 5
                },
            ]
        );
        let unicode = parse_dependencies(
            "order_id → quantity, quantity\n[Course] ↠ `the teacher`",
            &COLUMNS,
        )
        .unwrap();
        assert_eq!(unicode[0].rhs, vec![2]);
        assert_eq!(unicode[1].kind, DependencyKind::Multivalued);
    }

    #[test]
    fn errors_name_the_line_the_column_and_what_is_wrong() {
        assert_eq!(
            errors("order_id -> quantity\norder_id, zip -> quantity\norder_id quantity\n"),
            vec![
                "line 2, column 11: there is no column named zip",
                "line 3, column 18: expected -> or ->> between the determining and the determined columns",
            ]
        );
        assert_eq!(
            errors("a -> quantity"),
            vec!["line 1, column 1: there is no column named a"]
        );
        assert_eq!(
            errors("order_id -> quantity -> order_id"),
            vec!["line 1, column 22: only one arrow is allowed in a dependency"]
        );
        assert_eq!(
            errors("order_id ->>  "),
            vec!["line 1, column 10: nothing is written on the right of ->>"]
        );
        assert_eq!(
            errors("\"order_id -> x"),
            vec!["line 1, column 1: the quoted name is not closed"]
        );
        assert_eq!(
            errors("order_id -> quantity;"),
            vec!["line 1, column 21: unexpected character ';'"]
        );
    }
}
