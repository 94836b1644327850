//! Parsing one statement: sqlparser first; when it refuses, a batch of several statements is
//! split for reading one by one, or else the recoveries of `crate::recover` are tried.

use std::ops::Range;

use relvar_model::IndexKind;
use sqlparser::ast::Statement;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

use super::Importer;
use crate::dialect::SqlSyntax;
use crate::position::{LineColumn, LineIndex};
use crate::recover::{Removal, degrade, recover};

/// A statement as parsed, with what recovery took out of it.
pub(super) struct Parsed {
    pub statements: Vec<Statement>,
    pub removals: Vec<Removal>,
    pub index_kind: Option<IndexKind>,
}

/// Why a statement could not be parsed.
pub(super) enum Failure {
    /// What the parser said.
    Message(String),
    /// The text holds several statements (a script whose delimiter was changed); their byte
    /// ranges, each to be read on its own.
    Batch(Vec<Range<usize>>),
}

/// Whether clauses may be taken out of a statement with this label, and if so whether only the
/// clauses engines write that the model does not hold (an ALTER TABLE has nothing to keep others
/// on).
fn degradable(label: &str) -> Option<bool> {
    let mut words = label.split(' ');
    let (first, last) = (words.next()?, label.rsplit(' ').next()?);
    match (first, last) {
        ("CREATE", "TABLE" | "INDEX") => Some(false),
        ("ALTER", "TABLE") => Some(true),
        _ => None,
    }
}

/// The byte ranges of the statements of a text holding several, split at semicolons outside
/// parentheses, each from its first token (comments before it left out); `None` when it holds
/// one.
fn batch_pieces(tokens: &[TokenWithSpan], text: &str) -> Option<Vec<Range<usize>>> {
    let lines = LineIndex::new(text);
    let offset = |location: sqlparser::tokenizer::Location| {
        lines.offset_of(LineColumn {
            line: u32::try_from(location.line).ok()?,
            column: u32::try_from(location.column).ok()?,
        })
    };
    let mut depth = 0usize;
    let mut pieces = Vec::new();
    let mut start = None;
    for token in tokens {
        match token.token {
            Token::Whitespace(_) => continue,
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            Token::SemiColon if depth == 0 => {
                if let Some(start) = start.take() {
                    pieces.push(start..offset(token.span.start)?);
                }
                continue;
            }
            _ => {}
        }
        if start.is_none() {
            start = Some(offset(token.span.start)?);
        }
    }
    pieces.extend(start.map(|start| start..text.len()));
    let pieces: Vec<Range<usize>> = pieces
        .into_iter()
        .filter_map(|piece| {
            let written = text.get(piece.clone())?;
            let leading = written.len() - written.trim_start().len();
            let trimmed = written.trim();
            (!trimmed.is_empty())
                .then(|| piece.start + leading..piece.start + leading + trimmed.len())
        })
        .collect();
    (pieces.len() > 1).then_some(pieces)
}

impl Importer {
    /// Parses one statement; when sqlparser rejects it, splits a batch of several statements, or
    /// else tries the documented recoveries (`recover`): its rules, then taking out clauses, for
    /// the statements whose clauses have a place to be kept.
    pub(super) fn parse(&self, text: &str, label: &str) -> Result<Parsed, Failure> {
        let dialect = self.dialect.parser_dialect();
        let tokenize = || {
            Tokenizer::new(dialect.as_ref(), text)
                .tokenize_with_location()
                .map_err(|error| Failure::Message(error.to_string()))
        };
        let parse = |tokens: Vec<_>| {
            Parser::new(dialect.as_ref())
                .with_options(self.dialect.parser_options())
                .with_tokens_with_locations(tokens)
                .parse_statements()
        };
        let tokens = tokenize()?;
        // Several statements without a body that holds semicolons (no BEGIN): split before the
        // whole is parsed, which would read every row of data only to fail.
        if text.contains(';')
            && !super::has_word(text, "begin")
            && let Some(pieces) = batch_pieces(&tokens, text)
        {
            return Err(Failure::Batch(pieces));
        }
        let error = match parse(tokens) {
            Ok(statements) => {
                return Ok(Parsed {
                    statements,
                    removals: Vec::new(),
                    index_kind: None,
                });
            }
            Err(error) => Failure::Message(
                error
                    .to_string()
                    .trim_start_matches("sql parser error: ")
                    .to_owned(),
            ),
        };
        // Rare: tokenizing again is cheaper than keeping a copy of every statement's tokens.
        let tokens = tokenize()?;
        if let Some(pieces) = batch_pieces(&tokens, text) {
            return Err(Failure::Batch(pieces));
        }
        let recovery = recover(&tokens, self.dialect);
        let parsed = match degradable(label) {
            Some(only_known) => {
                degrade(recovery.tokens.clone(), text, parse).filter(|(_, removals)| {
                    !only_known
                        || removals
                            .iter()
                            .all(|removal| removal.known && removal.default.is_none())
                })
            }
            None if recovery.changes(&tokens) => parse(recovery.tokens.clone())
                .ok()
                .map(|statements| (statements, Vec::new())),
            None => None,
        };
        let (mut statements, removals) = parsed.ok_or(error)?;
        statements
            .iter_mut()
            .for_each(|statement| recovery.repair(statement));
        Ok(Parsed {
            statements,
            removals,
            index_kind: recovery.index_kind,
        })
    }

    /// Parses one operation of an ALTER TABLE replayed on its own: the recovery rules apply but
    /// no clause is taken out, since an operation has no place to keep one.
    pub(super) fn parse_operation(&self, text: &str) -> Result<Vec<Statement>, String> {
        match self.parse(text, "") {
            Ok(parsed) => Ok(parsed.statements),
            Err(Failure::Message(message)) => Err(message),
            Err(Failure::Batch(_)) => Err("several statements".to_owned()),
        }
    }
}
