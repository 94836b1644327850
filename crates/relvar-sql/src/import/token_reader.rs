//! A cursor over a statement's tokens, for the statements read without sqlparser's parser
//! (sequences, ATTACH PARTITION, DROP, renames): keywords, dotted names, numbers, and the rest as written.
//! Whitespace, comments and semicolons are stepped over.

use sqlparser::tokenizer::{Token, Tokenizer};

use super::names::{QualifiedName, fold_word};
use crate::dialect::{Dialect, SqlSyntax};
use crate::recover::unquoted_word;

pub(super) struct TokenReader {
    tokens: Vec<Token>,
    at: usize,
    dialect: Dialect,
}

impl TokenReader {
    /// `None` when the text does not tokenize.
    pub fn new(text: &str, dialect: Dialect) -> Option<Self> {
        let parser_dialect = dialect.parser_dialect();
        let tokens = Tokenizer::new(parser_dialect.as_ref(), text)
            .tokenize()
            .ok()?;
        let mut reader = Self {
            tokens,
            at: 0,
            dialect,
        };
        reader.skip_blanks();
        Some(reader)
    }

    fn skip_blanks(&mut self) {
        while matches!(
            self.tokens.get(self.at),
            Some(Token::Whitespace(_) | Token::SemiColon)
        ) {
            self.at += 1;
        }
    }

    fn advance(&mut self) {
        self.at += 1;
        self.skip_blanks();
    }

    /// The next token if it is an unquoted word, upper-cased; the cursor stays.
    pub fn peek_keyword(&self) -> Option<String> {
        self.tokens.get(self.at).and_then(unquoted_word)
    }

    /// The next token if it is an unquoted word, upper-cased; the cursor moves past it.
    pub fn next_keyword(&mut self) -> Option<String> {
        let word = self.peek_keyword()?;
        self.advance();
        Some(word)
    }

    /// Steps over the next token if it is the keyword `expected` (upper case).
    pub fn keyword(&mut self, expected: &str) -> bool {
        let found = self.peek_keyword().as_deref() == Some(expected);
        if found {
            self.advance();
        }
        found
    }

    /// Steps over the next token if it is `expected`.
    pub fn token(&mut self, expected: &Token) -> bool {
        let found = self.tokens.get(self.at) == Some(expected);
        if found {
            self.advance();
        }
        found
    }

    /// Steps over `IF EXISTS`; `None` when IF is followed by something else.
    pub fn if_exists(&mut self) -> Option<bool> {
        if !self.keyword("IF") {
            return Some(false);
        }
        self.keyword("EXISTS").then_some(true)
    }

    pub fn done(&self) -> bool {
        self.at >= self.tokens.len()
    }

    /// `word(.word)*`, each folded as the dialect folds names.
    pub fn parts(&mut self) -> Vec<String> {
        let mut parts = Vec::new();
        while let Some(Token::Word(word)) = self.tokens.get(self.at) {
            parts.push(fold_word(word, self.dialect));
            self.advance();
            if self.tokens.get(self.at) != Some(&Token::Period) {
                break;
            }
            self.advance();
        }
        parts
    }

    /// Steps past the first unquoted word among the next `within` tokens that is one of `words`
    /// (upper case), and returns it; the cursor stays when there is none.
    pub fn past_any(&mut self, words: &[&str], within: usize) -> Option<String> {
        let (offset, word) = (self.tokens.get(self.at..)?.iter())
            .take(within)
            .enumerate()
            .find_map(|(offset, token)| {
                unquoted_word(token)
                    .filter(|word| words.contains(&word.as_str()))
                    .map(|word| (offset, word))
            })?;
        self.at += offset;
        self.advance();
        Some(word)
    }

    pub fn name(&mut self) -> Option<QualifiedName> {
        QualifiedName::from_parts(self.parts())
    }

    /// An integer, possibly negative.
    pub fn number(&mut self) -> Option<i64> {
        let negative = self.tokens.get(self.at) == Some(&Token::Minus);
        if negative {
            self.advance();
        }
        let Some(Token::Number(digits, _)) = self.tokens.get(self.at) else {
            return None;
        };
        let value: i64 = digits.parse().ok()?;
        self.advance();
        Some(if negative { -value } else { value })
    }

    /// What is left of the statement as written, semicolons left out; empty at the end.
    pub fn rest_as_written(&self) -> String {
        let rest: String = self
            .tokens
            .get(self.at..)
            .unwrap_or_default()
            .iter()
            .filter(|token| **token != Token::SemiColon)
            .map(ToString::to_string)
            .collect();
        rest.trim().to_owned()
    }
}
