//! `CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] element ...` (PostgreSQL, SQL
//! Server): sqlparser 0.63 reads no schema elements, so they are split from the tokens at each
//! top-level CREATE or GRANT, the name each creates is put in the schema, and each is read as a
//! statement of its own.

use sqlparser::tokenizer::{Token, Tokenizer};

use crate::dialect::{Dialect, SqlSyntax};
use crate::import::Importer;
use crate::import::names::fold_word;
use crate::position::LineIndex;
use crate::recover::unquoted_word;

/// Words that start a schema element.
const ELEMENT_STARTS: &[&str] = &["CREATE", "GRANT", "REVOKE", "DENY"];

impl Importer {
    /// Models a CREATE SCHEMA with its elements; `false` for text it cannot read.
    pub(in crate::import) fn create_schema_statement(
        &mut self,
        text: &str,
        index: &LineIndex<'_>,
        span: std::ops::Range<usize>,
    ) -> bool {
        if !matches!(self.dialect, Dialect::PostgreSql | Dialect::MsSql) {
            return false;
        }
        let parser_dialect = self.dialect.parser_dialect();
        let Ok(tokens) = Tokenizer::new(parser_dialect.as_ref(), text).tokenize() else {
            return false;
        };
        let Some(head) = read_head(&tokens, self.dialect) else {
            return false;
        };
        let elements = split_elements(tokens.get(head.end..).unwrap_or_default());
        let Some(elements) = elements else {
            return false;
        };
        let header: String = tokens
            .get(..head.end)
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect();
        if head.authorization {
            self.keep_whole(
                header.trim(),
                "CREATE SCHEMA with AUTHORIZATION is not modelled yet",
            );
        } else if !self.design.schemas.contains(&head.name) {
            self.design.schemas.push(head.name.clone());
        }
        let schema = self.dialect.quote(&head.name);
        for element in elements {
            let element = in_schema(element, &schema);
            let text: String = element.iter().map(ToString::to_string).collect();
            self.read(text.trim(), index, span.clone());
        }
        true
    }
}

struct Head {
    name: String,
    authorization: bool,
    /// Index of the first token after the head.
    end: usize,
}

/// `CREATE SCHEMA [IF NOT EXISTS] {name [AUTHORIZATION role] | AUTHORIZATION role}`.
fn read_head(tokens: &[Token], dialect: Dialect) -> Option<Head> {
    let mut words = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !matches!(token, Token::Whitespace(_)));
    let mut keyword = |expected: &str| {
        words
            .next()
            .filter(|(_, token)| unquoted_word(token).as_deref() == Some(expected))
            .is_some()
    };
    if !(keyword("CREATE") && keyword("SCHEMA")) {
        return None;
    }
    let mut rest = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !matches!(token, Token::Whitespace(_)))
        .skip(2)
        .peekable();
    let next_word = |rest: &mut std::iter::Peekable<_>| -> Option<(usize, String, Option<String>)> {
        let (at, token): (usize, &Token) = rest.next()?;
        match token {
            Token::Word(word) => Some((at, fold_word(word, dialect), unquoted_word(token))),
            _ => None,
        }
    };
    let (mut at, mut name, mut upper) = next_word(&mut rest)?;
    if upper.as_deref() == Some("IF") {
        let (_, _, not) = next_word(&mut rest)?;
        let (_, _, exists) = next_word(&mut rest)?;
        if not.as_deref() != Some("NOT") || exists.as_deref() != Some("EXISTS") {
            return None;
        }
        (at, name, upper) = next_word(&mut rest)?;
    }
    let mut authorization = false;
    if upper.as_deref() == Some("AUTHORIZATION") {
        (at, name, _) = next_word(&mut rest)?;
        authorization = true;
    } else if rest
        .peek()
        .is_some_and(|(_, token)| unquoted_word(token).as_deref() == Some("AUTHORIZATION"))
    {
        rest.next();
        (at, _, _) = next_word(&mut rest)?;
        authorization = true;
    }
    Some(Head {
        name,
        authorization,
        end: at + 1,
    })
}

/// The elements after the head, each from its starting word; `None` when something else
/// stands between the head and the first element.
fn split_elements(tokens: &[Token]) -> Option<Vec<&[Token]>> {
    let mut starts = Vec::new();
    let mut depth = 0usize;
    for (at, token) in tokens.iter().enumerate() {
        match token {
            Token::LParen => depth += 1,
            Token::RParen => depth = depth.saturating_sub(1),
            Token::Whitespace(_) | Token::SemiColon => {}
            _ if depth == 0
                && unquoted_word(token)
                    .is_some_and(|word| ELEMENT_STARTS.contains(&word.as_str())) =>
            {
                starts.push(at);
            }
            _ if starts.is_empty() => return None,
            _ => {}
        }
    }
    let mut elements = Vec::new();
    for (position, &start) in starts.iter().enumerate() {
        let end = starts.get(position + 1).copied().unwrap_or(tokens.len());
        elements.push(tokens.get(start..end)?);
    }
    Some(elements)
}

/// An element with the name of what it creates put in the schema, when written without one:
/// the table, view or sequence, or the table an index is on.
fn in_schema(element: &[Token], schema: &str) -> Vec<Token> {
    let mut tokens = element.to_vec();
    let words: Vec<(usize, Option<String>)> = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !matches!(token, Token::Whitespace(_)))
        .map(|(at, token)| (at, unquoted_word(token)))
        .collect();
    let kind_at = words.iter().position(|(_, word)| {
        matches!(
            word.as_deref(),
            Some("TABLE" | "VIEW" | "SEQUENCE" | "INDEX" | "TRIGGER")
        )
    });
    let Some(kind_at) = kind_at else {
        return tokens;
    };
    let kind = words.get(kind_at).and_then(|(_, word)| word.clone());
    let mut name_at = kind_at + 1;
    if kind.as_deref() == Some("INDEX") {
        let Some(on) = words
            .iter()
            .skip(kind_at)
            .position(|(_, word)| word.as_deref() == Some("ON"))
        else {
            return tokens;
        };
        name_at = kind_at + on + 1;
        if words.get(name_at).and_then(|(_, word)| word.as_deref()) == Some("ONLY") {
            name_at += 1;
        }
    } else if kind.as_deref() == Some("TRIGGER") {
        return tokens;
    } else if words.get(name_at).and_then(|(_, word)| word.as_deref()) == Some("IF") {
        name_at += 3;
    }
    let Some(&(at, _)) = words.get(name_at) else {
        return tokens;
    };
    let qualified = tokens.get(at + 1) == Some(&Token::Period);
    if matches!(tokens.get(at), Some(Token::Word(_))) && !qualified {
        tokens.splice(at..at, [Token::make_word(schema, None), Token::Period]);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elements(text: &str) -> Vec<String> {
        let dialect = Dialect::PostgreSql.parser_dialect();
        let tokens = Tokenizer::new(dialect.as_ref(), text)
            .tokenize()
            .unwrap_or_default();
        let head = read_head(&tokens, Dialect::PostgreSql).map_or(0, |head| head.end);
        split_elements(tokens.get(head..).unwrap_or_default())
            .unwrap_or_default()
            .into_iter()
            .map(|element| {
                in_schema(element, "s")
                    .iter()
                    .map(ToString::to_string)
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn elements_are_split_and_put_in_the_schema() {
        assert_eq!(
            elements(
                "CREATE SCHEMA s CREATE TABLE a (id int) CREATE TABLE t.b (x int)\n\
                 CREATE UNIQUE INDEX i ON a (id) CREATE VIEW v AS SELECT 1 GRANT ALL ON a TO r"
            ),
            [
                "CREATE TABLE s.a (id int)",
                "CREATE TABLE t.b (x int)",
                "CREATE UNIQUE INDEX i ON s.a (id)",
                "CREATE VIEW s.v AS SELECT 1",
                "GRANT ALL ON a TO r"
            ]
        );
        assert!(elements("CREATE SCHEMA s").is_empty());
        assert!(elements("CREATE SCHEMA s x").is_empty());
    }
}
