//! Token helpers for the recovery rules: significant tokens, words, and the elements of a
//! CREATE TABLE body.

use std::ops::Range;

use sqlparser::tokenizer::{Token, TokenWithSpan, Whitespace};

/// Words that open a table constraint rather than a column definition.
const TABLE_CONSTRAINT_STARTERS: &[&str] = &[
    "CONSTRAINT",
    "PRIMARY",
    "UNIQUE",
    "FOREIGN",
    "CHECK",
    "INDEX",
    "KEY",
    "FULLTEXT",
    "SPATIAL",
    "EXCLUDE",
    "PERIOD",
];

/// Indexes of the tokens that are not whitespace or comments.
pub(super) fn significant(tokens: &[TokenWithSpan]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !matches!(token.token, Token::Whitespace(_)))
        .map(|(index, _)| index)
        .collect()
}

/// The upper-cased text of an unquoted word.
pub(crate) fn word(token: &Token) -> Option<String> {
    match token {
        Token::Word(word) if word.quote_style.is_none() => Some(word.value.to_ascii_uppercase()),
        _ => None,
    }
}

pub(super) fn is_word(token: Option<&Token>, expected: &str) -> bool {
    token.and_then(word).is_some_and(|word| word == expected)
}

/// Turns a token into a space: the parser skips it, and positions of the others stay.
pub(super) fn blank(tokens: &mut [TokenWithSpan], index: usize) {
    if let Some(token) = tokens.get_mut(index) {
        token.token = Token::Whitespace(Whitespace::Space);
    }
}

/// Blanks every token at the given indexes.
pub(super) fn blank_all(tokens: &mut [TokenWithSpan], indexes: impl IntoIterator<Item = usize>) {
    for index in indexes {
        blank(tokens, index);
    }
}

/// The text of tokens `first..=last` as written; all but the first become spaces, and the first
/// becomes `replacement`.
pub(super) fn collapse(
    tokens: &mut [TokenWithSpan],
    first: usize,
    last: usize,
    replacement: impl FnOnce(&str) -> Token,
) -> String {
    let written: String = tokens
        .get(first..=last)
        .unwrap_or_default()
        .iter()
        .map(|t| t.token.to_string())
        .collect();
    blank_all(tokens, first + 1..=last);
    if let Some(token) = tokens.get_mut(first) {
        token.token = replacement(&written);
    }
    written
}

/// A view of a statement's significant tokens.
pub(super) struct Significant<'a> {
    pub tokens: &'a [TokenWithSpan],
    pub indexes: Vec<usize>,
}

impl<'a> Significant<'a> {
    pub fn new(tokens: &'a [TokenWithSpan]) -> Self {
        Self {
            tokens,
            indexes: significant(tokens),
        }
    }

    pub fn get(&self, position: usize) -> Option<&'a Token> {
        let index = *self.indexes.get(position)?;
        self.tokens.get(index).map(|token| &token.token)
    }

    pub fn index(&self, position: usize) -> Option<usize> {
        self.indexes.get(position).copied()
    }

    pub fn len(&self) -> usize {
        self.indexes.len()
    }

    /// Position of the parenthesis closing the one opened at `open`.
    pub fn closing(&self, open: usize) -> Option<usize> {
        closing_parenthesis(
            (open..self.len()).map_while(|position| Some((position, self.get(position)?))),
        )
    }
}

/// The position of the `)` closing the first `(` among `tokens`, each given with its position.
pub(crate) fn closing_parenthesis<'t>(
    tokens: impl IntoIterator<Item = (usize, &'t Token)>,
) -> Option<usize> {
    let mut depth = 0usize;
    for (position, token) in tokens {
        match token {
            Token::LParen => depth += 1,
            Token::RParen => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(position);
                }
            }
            _ => {}
        }
    }
    None
}

/// One element of a CREATE TABLE body: a column (with its name as written) or a constraint.
pub(super) struct Element {
    pub column: Option<String>,
    /// Positions among the significant tokens, the separating comma excluded.
    pub positions: Range<usize>,
}

/// The elements of a CREATE TABLE body and the position of the parenthesis closing it.
pub(super) fn table_body(view: &Significant<'_>) -> Option<(Vec<Element>, usize)> {
    if !is_word(view.get(0), "CREATE") {
        return None;
    }
    let table = (1..view.len())
        .take_while(|&p| view.get(p) != Some(&Token::LParen))
        .find(|&p| is_word(view.get(p), "TABLE"))?;
    let open = (table..view.len()).find(|&p| view.get(p) == Some(&Token::LParen))?;
    let close = view.closing(open)?;
    let mut elements = Vec::new();
    let mut start = open + 1;
    let mut depth = 0usize;
    for position in open + 1..=close {
        match view.get(position)? {
            Token::LParen => depth += 1,
            Token::RParen if depth > 0 => depth -= 1,
            Token::Comma | Token::RParen if depth == 0 => {
                let column = match view.get(start) {
                    Some(Token::Word(first)) => {
                        let starter = first.quote_style.is_none()
                            && TABLE_CONSTRAINT_STARTERS
                                .contains(&first.value.to_ascii_uppercase().as_str());
                        (!starter).then(|| first.value.clone())
                    }
                    _ => None,
                };
                elements.push(Element {
                    column,
                    positions: start..position,
                });
                start = position + 1;
            }
            _ => {}
        }
    }
    Some((elements, close))
}

/// The column definitions of a CREATE TABLE body, or the one of `ALTER TABLE t ADD [COLUMN]`:
/// each column's name as written and positions.
pub(super) fn column_elements(view: &Significant<'_>) -> Vec<(String, Range<usize>)> {
    let Some((elements, _)) = table_body(view) else {
        return added_column(view).into_iter().collect();
    };
    elements
        .into_iter()
        .filter_map(|element| Some((element.column?, element.positions)))
        .collect()
}

/// `ALTER TABLE t ADD [COLUMN] name ...` (SQLite's one operation per statement): the column's
/// name and the positions from it to the statement's end.
fn added_column(view: &Significant<'_>) -> Option<(String, Range<usize>)> {
    if !(is_word(view.get(0), "ALTER") && is_word(view.get(1), "TABLE")) {
        return None;
    }
    let add = (2..view.len()).find(|&p| is_word(view.get(p), "ADD"))?;
    let name = if is_word(view.get(add + 1), "COLUMN") {
        add + 2
    } else {
        add + 1
    };
    let end = (name..view.len())
        .find(|&p| view.get(p) == Some(&Token::SemiColon))
        .unwrap_or(view.len());
    match view.get(name)? {
        Token::Word(first)
            if !(first.quote_style.is_none()
                && TABLE_CONSTRAINT_STARTERS
                    .contains(&first.value.to_ascii_uppercase().as_str())) =>
        {
            Some((first.value.clone(), name..end))
        }
        _ => None,
    }
}
