//! Column names inside SQL text the design holds (checks, index expressions and predicates,
//! generated columns): which columns an expression names, and the text with one renamed.

use relvar_model::{IndexKey, Table};
use sqlparser::tokenizer::{Token, Tokenizer};

use super::rules::same_name;
use crate::dialect::{Dialect, SqlSyntax};
use crate::import::names::fold_word;

/// The names an expression uses as identifiers (words not called as functions), in order.
pub(super) fn identifiers(expression: &str, dialect: Dialect) -> Vec<String> {
    let tokens = tokens(expression, dialect);
    let mut names = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if let Token::Word(word) = token
            && !is_called(&tokens, at)
        {
            names.push(fold_word(word, dialect));
        }
    }
    names
}

/// Whether an expression uses `column` as an identifier.
pub(super) fn mentions(expression: &str, column: &str, dialect: Dialect) -> bool {
    identifiers(expression, dialect)
        .iter()
        .any(|name| same_name(name, column, dialect))
}

/// The expression with every identifier naming `old` written as `new`; unchanged if it names
/// none (or does not tokenize).
pub(super) fn rename_identifier(
    expression: &str,
    old: &str,
    new: &str,
    dialect: Dialect,
) -> String {
    let mut tokens = tokens(expression, dialect);
    let mut changed = false;
    for at in 0..tokens.len() {
        let renames = match tokens.get(at) {
            Some(Token::Word(word)) => {
                same_name(&fold_word(word, dialect), old, dialect) && !is_called(&tokens, at)
            }
            _ => false,
        };
        if renames && let Some(token) = tokens.get_mut(at) {
            *token = Token::make_word(&dialect.quote(new), None);
            changed = true;
        }
    }
    if !changed {
        return expression.to_owned();
    }
    tokens.iter().map(ToString::to_string).collect()
}

/// Renames a column inside every expression of its table: checks, index parts and predicates,
/// generated columns.
pub(super) fn rename_in_table(table: &mut Table, old: &str, new: &str, dialect: Dialect) {
    let rename = |text: &mut String| {
        if mentions(text, old, dialect) {
            *text = rename_identifier(text, old, new, dialect);
        }
    };
    for check in &mut table.checks {
        rename(&mut check.expression);
    }
    for index in &mut table.indexes {
        for part in &mut index.parts {
            if let IndexKey::Expression(expression) = &mut part.key {
                rename(expression);
            }
        }
        if let Some(predicate) = &mut index.predicate {
            rename(predicate);
        }
    }
    for column in &mut table.columns {
        if let Some(generated) = &mut column.generated {
            rename(&mut generated.expression);
        }
    }
}

fn tokens(expression: &str, dialect: Dialect) -> Vec<Token> {
    let parser_dialect = dialect.parser_dialect();
    Tokenizer::new(parser_dialect.as_ref(), expression)
        .tokenize()
        .unwrap_or_default()
}

/// Whether the word at `at` is a function's name: an opening parenthesis follows it.
fn is_called(tokens: &[Token], at: usize) -> bool {
    tokens
        .iter()
        .skip(at + 1)
        .find(|token| !matches!(token, Token::Whitespace(_)))
        .is_some_and(|token| *token == Token::LParen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_reach_identifiers_and_spare_functions_and_strings() {
        let pg = Dialect::PostgreSql;
        assert_eq!(
            rename_identifier(
                "lower(email) = 'email' AND email <> ''",
                "email",
                "mail",
                pg
            ),
            "lower(mail) = 'email' AND mail <> ''"
        );
        assert_eq!(
            rename_identifier("\"Price\" > 0", "Price", "Cost", pg),
            "\"Cost\" > 0"
        );
        assert_eq!(rename_identifier("a > 0", "b", "c", pg), "a > 0");
        assert!(mentions("count(x) > y", "y", pg));
        assert!(!mentions("count(x) > y", "count", pg));
        assert_eq!(identifiers("a + b > 0", pg), ["a", "b"]);
        assert!(mentions("`Qty` > 0", "qty", Dialect::MySql));
    }
}
