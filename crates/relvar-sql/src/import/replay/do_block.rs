//! PostgreSQL `DO $$ ... $$` blocks that only guard DDL, as migration tools write them (`IF NOT
//! EXISTS (SELECT ... FROM pg_constraint ...) THEN ALTER TABLE ...`; Drizzle's `BEGIN ALTER
//! TABLE ...; EXCEPTION WHEN duplicate_object THEN null; END`): their DDL is replayed in order, as
//! the block means "make sure this exists". A block that also moves data is kept as written.

use std::ops::Range;

use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer};

use crate::dialect::{Dialect, SqlSyntax};
use crate::import::Importer;
use crate::position::{LineColumn, LineIndex};
use crate::recover::unquoted_word;

/// Words that begin a DDL statement inside a block.
const DDL: &[&str] = &["CREATE", "ALTER", "DROP", "COMMENT"];

/// Words after which a statement of the block begins.
const STATEMENT_BEFORE: &[&str] = &["BEGIN", "THEN", "ELSE", "LOOP"];

/// Words that begin a statement doing something other than DDL or control flow.
const DATA_WORK: &[&str] = &[
    "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "COPY", "PERFORM", "EXECUTE", "FOR",
    "WHILE", "SELECT", "CALL", "RAISE", "RETURN", "GRANT", "REVOKE", "SET",
];

impl Importer {
    /// Replays the DDL of a `DO` block that holds nothing else; `false` (nothing done) for any
    /// other block or statement.
    pub(in crate::import) fn replay_do_block(
        &mut self,
        text: &str,
        index: &LineIndex<'_>,
        span: Range<usize>,
    ) -> bool {
        if self.dialect != Dialect::PostgreSql {
            return false;
        }
        let Some((body_start, body)) = block_body(text) else {
            return false;
        };
        let Some(statements) = ddl_statements(body) else {
            return false;
        };
        for statement in statements {
            if let Some(ddl) = body.get(statement.clone()) {
                let start = span.start + body_start + statement.start;
                self.read(ddl, index, start..start + ddl.len());
            }
        }
        true
    }
}

/// The block's body and where it starts in the text: the contents of its dollar-quoted string.
fn block_body(text: &str) -> Option<(usize, &str)> {
    let dialect = Dialect::PostgreSql.parser_dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), text).tokenize().ok()?;
    let mut significant = tokens
        .iter()
        .filter(|token| !matches!(token, Token::Whitespace(_)));
    if unquoted_word(significant.next()?).as_deref() != Some("DO") {
        return None;
    }
    let body = significant.find_map(|token| match token {
        Token::DollarQuotedString(quoted) => Some(quoted.value.as_str()),
        _ => None,
    })?;
    let start = text.find(body)?;
    Some((start, text.get(start..start + body.len())?))
}

/// The byte ranges of the body's DDL statements, when it holds at least one and no statement
/// that does other work; `None` otherwise.
fn ddl_statements(body: &str) -> Option<Vec<Range<usize>>> {
    let dialect = Dialect::PostgreSql.parser_dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), body)
        .tokenize_with_location()
        .ok()?;
    let lines = LineIndex::new(body);
    let offset = |token: &TokenWithSpan| {
        lines.offset_of(LineColumn {
            line: u32::try_from(token.span.start.line).ok()?,
            column: u32::try_from(token.span.start.column).ok()?,
        })
    };
    let mut statements = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    let mut starts_statement = true;
    for token in &tokens {
        match &token.token {
            Token::Whitespace(_) => continue,
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            Token::SemiColon if depth == 0 => {
                if let Some(start) = open.take() {
                    statements.push(start..offset(token)?);
                }
                starts_statement = true;
                continue;
            }
            _ => {}
        }
        let word = unquoted_word(&token.token);
        if starts_statement && open.is_none() && depth == 0 {
            match word.as_deref() {
                Some(word) if DDL.contains(&word) => open = Some(offset(token)?),
                Some(word) if DATA_WORK.contains(&word) => return None,
                _ => {}
            }
        }
        starts_statement = open.is_none()
            && word
                .as_deref()
                .is_some_and(|word| STATEMENT_BEFORE.contains(&word));
    }
    if open.is_some() {
        return None;
    }
    (!statements.is_empty()).then_some(statements)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_ddl_is_found_and_data_work_refuses_the_block() {
        let guarded = "\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'u') THEN\n    ALTER TABLE t ADD CONSTRAINT u UNIQUE (a);\n  END IF;\nEND\n";
        let found = ddl_statements(guarded).unwrap();
        let texts: Vec<&str> = found.iter().map(|r| &guarded[r.clone()]).collect();
        assert_eq!(texts, ["ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)"]);
        let drizzle = " BEGIN\n ALTER TABLE \"a\" ADD CONSTRAINT \"f\" FOREIGN KEY (\"b\") REFERENCES \"c\"(\"id\");\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND ";
        assert_eq!(ddl_statements(drizzle).unwrap().len(), 1);
        let mixed = "BEGIN UPDATE t SET a = 1; ALTER TABLE t ADD COLUMN b int; END";
        assert_eq!(ddl_statements(mixed), None);
        let looping = "BEGIN FOR r IN SELECT * FROM t LOOP CREATE TABLE x (); END LOOP; END";
        assert_eq!(ddl_statements(looping), None);
        assert_eq!(ddl_statements("BEGIN NULL; END"), None);
    }
}
