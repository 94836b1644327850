//! Expressions (defaults, checks, generated columns, index predicates) carried from one dialect
//! to another: the common forms are translated, anything else is reported as not portable.

use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};

use super::types::string_literal;
use crate::dialect::{Dialect, SqlSyntax};

/// Functions every supported engine knows under the same name and meaning.
const PORTABLE_FUNCTIONS: &[&str] = &[
    "abs", "coalesce", "lower", "upper", "nullif", "round", "trim", "ltrim", "rtrim", "replace",
];

const CURRENT_TIMESTAMP_FUNCTIONS: &[&str] = &[
    "now",
    "current_timestamp",
    "getdate",
    "sysdatetime",
    "localtimestamp",
    "getutcdate",
    "sysutcdatetime",
];

const UUID_FUNCTIONS: &[&str] = &["gen_random_uuid", "uuid_generate_v4", "newid", "uuid"];

/// Words an opening parenthesis may follow without making them a function call.
const OPERATOR_WORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "like", "ilike", "between", "when", "then", "else", "case",
    "exists", "similar", "escape",
];

/// A domain check's expression about a column of that domain: `VALUE` becomes the column's name
/// (quoted, so translation keeps its case).
pub(crate) fn value_as_column(expression: &str, column: &str, from: Dialect) -> Option<String> {
    let dialect = from.parser_dialect();
    let tokens = Tokenizer::new(dialect.as_ref(), expression)
        .tokenize()
        .ok()?;
    let quote = match from {
        Dialect::MySql => '`',
        Dialect::MsSql => '[',
        Dialect::PostgreSql | Dialect::Sqlite => '"',
    };
    Some(
        tokens
            .into_iter()
            .map(|token| match token {
                Token::Word(word)
                    if word.quote_style.is_none() && word.value.eq_ignore_ascii_case("VALUE") =>
                {
                    Token::make_word(column, Some(quote))
                }
                other => other,
            })
            .map(|token| sql_text(&token))
            .collect(),
    )
}

#[cfg(test)]
pub(crate) fn translate(expression: &str, from: Dialect, to: Dialect) -> Option<String> {
    translate_in(expression, from, to, &[])
}

/// The expression in `to`'s SQL, read as `from`'s, on a table with these columns (a column named
/// like a keyword, `sql` or `key`, is a name there and is quoted as the target needs); `None`
/// when it holds something with no known translation.
pub(crate) fn translate_in(
    expression: &str,
    from: Dialect,
    to: Dialect,
    columns: &[&str],
) -> Option<String> {
    if from == to {
        return Some(expression.to_owned());
    }
    let dialect = from.parser_dialect();
    let tokens: Vec<Token> = Tokenizer::new(dialect.as_ref(), expression)
        .tokenize()
        .ok()?
        .into_iter()
        .filter(|token| {
            !matches!(
                token,
                Token::Whitespace(
                    Whitespace::SingleLineComment { .. } | Whitespace::MultiLineComment(_)
                )
            )
        })
        .collect();
    let mut out = String::new();
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        at += 1;
        match token {
            Token::DoubleColon => at = skip_type(&tokens, at),
            Token::Word(word) if word.quote_style.is_some() => out.push_str(&to.quote(&word.value)),
            Token::Word(word) if word.value.eq_ignore_ascii_case("NEXT") => {
                // SQL Server's `NEXT VALUE FOR sequence`: PostgreSQL calls nextval.
                let (sequence, after) = next_value_for(&tokens, at, to)?;
                if to != Dialect::PostgreSql {
                    return None;
                }
                out.push_str(&format!(
                    "nextval({})",
                    super::types::string_literal(&sequence)
                ));
                at = after;
            }
            Token::Word(word) => {
                let lower = word.value.to_ascii_lowercase();
                let called = !OPERATOR_WORDS.contains(&lower.as_str())
                    && next_significant(&tokens, at)
                        .is_some_and(|(_, next)| *next == Token::LParen);
                if called {
                    let close = closing_parenthesis(&tokens, at)?;
                    let empty = close == next_significant(&tokens, at)?.0 + 1;
                    if CURRENT_TIMESTAMP_FUNCTIONS.contains(&lower.as_str()) && empty {
                        out.push_str("CURRENT_TIMESTAMP");
                        at = close + 1;
                    } else if UUID_FUNCTIONS.contains(&lower.as_str()) && empty {
                        out.push_str(uuid_function(to)?);
                        at = close + 1;
                    } else if PORTABLE_FUNCTIONS.contains(&lower.as_str()) {
                        out.push_str(&lower);
                    } else {
                        return None;
                    }
                } else if lower == "any" || lower == "array" {
                    return None;
                } else if (lower == "true" || lower == "false") && to == Dialect::MsSql {
                    out.push_str(if lower == "true" { "1" } else { "0" });
                } else if CURRENT_TIMESTAMP_FUNCTIONS.contains(&lower.as_str()) {
                    out.push_str("CURRENT_TIMESTAMP");
                } else if word.keyword == Keyword::NoKeyword
                    || columns
                        .iter()
                        .any(|column| column.eq_ignore_ascii_case(&word.value))
                {
                    // A column name: PostgreSQL folds unquoted names to lower case, others keep them.
                    let name = if from == Dialect::PostgreSql {
                        &lower
                    } else {
                        &word.value
                    };
                    out.push_str(&to.quote(name));
                } else {
                    out.push_str(&word.value);
                }
            }
            Token::Eq if any_array_follows(&tokens, at) => {
                // `x = ANY (ARRAY[a, b])`, as pg_dump writes an IN list: written `x IN (a, b)`.
                let (any, _) = next_significant(&tokens, at)?;
                let (open, _) = next_significant(&tokens, any + 1)?;
                let (array, _) = next_significant(&tokens, open + 1)?;
                let (bracket, _) = next_significant(&tokens, array + 1)?;
                let end = tokens
                    .iter()
                    .skip(bracket)
                    .position(|token| *token == Token::RBracket)?
                    + bracket;
                let inner = tokens.get(bracket + 1..end)?;
                let list = translate_in(&render(inner), from, to, columns)?;
                out.push_str(&format!("IN ({list})"));
                at = closing_parenthesis(&tokens, open)? + 1;
            }
            // PostgreSQL's names for LIKE, as pg_dump writes them.
            Token::DoubleTilde | Token::ExclamationMarkDoubleTilde => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(match token {
                    Token::DoubleTilde => "LIKE",
                    _ => "NOT LIKE",
                });
                if !matches!(tokens.get(at), Some(Token::Whitespace(_))) {
                    out.push(' ');
                }
            }
            Token::StringConcat
            | Token::DoubleTildeAsterisk
            | Token::ExclamationMarkDoubleTildeAsterisk
            | Token::Tilde
            | Token::TildeAsterisk
            | Token::ExclamationMarkTilde
            | Token::ExclamationMarkTildeAsterisk
            | Token::LBracket => return None,
            // MySQL's double-quoted strings are strings everywhere else only in single quotes.
            Token::NationalStringLiteral(text)
            | Token::SingleQuotedString(text)
            | Token::DoubleQuotedString(text) => out.push_str(&string_literal(text)),
            other => out.push_str(&other.to_string()),
        }
    }
    Some(out.trim().to_owned())
}

/// After `NEXT`: `VALUE FOR` and a possibly qualified sequence name, that name written for `to`
/// and the index after it.
fn next_value_for(tokens: &[Token], at: usize, to: Dialect) -> Option<(String, usize)> {
    let (value, _) = next_significant(tokens, at).filter(
        |(_, token)| matches!(token, Token::Word(w) if w.value.eq_ignore_ascii_case("VALUE")),
    )?;
    let (mut at, _) = next_significant(tokens, value + 1).filter(
        |(_, token)| matches!(token, Token::Word(w) if w.value.eq_ignore_ascii_case("FOR")),
    )?;
    let mut parts = Vec::new();
    loop {
        let (name, Token::Word(part)) = next_significant(tokens, at + 1)? else {
            return None;
        };
        parts.push(to.quote(&part.value));
        at = name;
        match tokens.get(at + 1) {
            Some(Token::Period) => at += 1,
            _ => return Some((parts.join("."), at + 1)),
        }
    }
}

fn uuid_function(dialect: Dialect) -> Option<&'static str> {
    match dialect {
        Dialect::PostgreSql => Some("gen_random_uuid()"),
        Dialect::MySql => Some("uuid()"),
        Dialect::MsSql => Some("newid()"),
        Dialect::Sqlite => None,
    }
}

fn render(tokens: &[Token]) -> String {
    tokens.iter().map(sql_text).collect()
}

/// A token as SQL: sqlparser prints a string token without doubling the quotes inside it.
fn sql_text(token: &Token) -> String {
    match token {
        Token::SingleQuotedString(text) => string_literal(text),
        other => other.to_string(),
    }
}

/// Whether the expression names the column (unquoted names compared without case).
pub(crate) fn mentions(expression: &str, column: &str, dialect: Dialect) -> bool {
    let parser = dialect.parser_dialect();
    let Ok(tokens) = Tokenizer::new(parser.as_ref(), expression).tokenize() else {
        return true;
    };
    tokens.iter().any(|token| match token {
        Token::Word(word) if word.quote_style.is_some() => word.value == column,
        Token::Word(word) => word.value.eq_ignore_ascii_case(column),
        _ => false,
    })
}

fn next_significant(tokens: &[Token], from: usize) -> Option<(usize, &Token)> {
    tokens
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, token)| !matches!(token, Token::Whitespace(_)))
}

/// Index of the `)` closing the first `(` at or after `from`.
fn closing_parenthesis(tokens: &[Token], from: usize) -> Option<usize> {
    crate::recover::closing_parenthesis(tokens.iter().enumerate().skip(from))
}

fn any_array_follows(tokens: &[Token], from: usize) -> bool {
    let word_at = |index: usize, wanted: &str| {
        next_significant(tokens, index)
            .filter(|(_, token)| matches!(token, Token::Word(word) if word.value.eq_ignore_ascii_case(wanted)))
            .map(|(found, _)| found)
    };
    let Some(any) = word_at(from, "ANY") else {
        return false;
    };
    let Some((open, Token::LParen)) = next_significant(tokens, any + 1) else {
        return false;
    };
    let Some(array) = word_at(open + 1, "ARRAY") else {
        return false;
    };
    matches!(
        next_significant(tokens, array + 1),
        Some((_, Token::LBracket))
    )
}

/// Skips the type after `::`: a possibly qualified, possibly several-word name, its arguments
/// and array brackets.
fn skip_type(tokens: &[Token], mut at: usize) -> usize {
    const CONTINUATIONS: &[&str] = &["varying", "precision", "with", "without", "time", "zone"];
    let mut first = true;
    loop {
        match tokens.get(at) {
            Some(Token::Word(_)) if first => {
                first = false;
                at += 1;
            }
            Some(Token::Period) => at += 1,
            Some(Token::Word(_)) if tokens.get(at.wrapping_sub(1)) == Some(&Token::Period) => {
                at += 1
            }
            Some(Token::Whitespace(_)) => match tokens.get(at + 1) {
                Some(Token::Word(word))
                    if CONTINUATIONS.contains(&word.value.to_ascii_lowercase().as_str()) =>
                {
                    at += 2;
                }
                _ => break,
            },
            Some(Token::LParen) => match closing_parenthesis(tokens, at) {
                Some(close) => at = close + 1,
                None => break,
            },
            Some(Token::LBracket) if tokens.get(at + 1) == Some(&Token::RBracket) => at += 2,
            _ => break,
        }
    }
    at
}

/// Whether a default is a constant the engine accepts without parentheses.
pub(crate) fn is_literal(expression: &str) -> bool {
    let text = expression.trim();
    let numeric = text
        .strip_prefix('-')
        .unwrap_or(text)
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        && !text.is_empty();
    let string = text.starts_with('\'') && text.ends_with('\'') && text.len() >= 2;
    numeric
        || string
        || ["NULL", "TRUE", "FALSE", "CURRENT_TIMESTAMP"]
            .iter()
            .any(|word| text.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::translate;
    use crate::Dialect::{MsSql, MySql, PostgreSql, Sqlite};

    #[test]
    fn common_forms_are_translated() {
        assert_eq!(
            translate("'G'::mpaa_rating", PostgreSql, MySql).as_deref(),
            Some("'G'")
        );
        assert_eq!(
            translate("now()", PostgreSql, MsSql).as_deref(),
            Some("CURRENT_TIMESTAMP")
        );
        assert_eq!(
            translate("(getdate())", MsSql, PostgreSql).as_deref(),
            Some("(CURRENT_TIMESTAMP)")
        );
        assert_eq!(translate("N'x'", MsSql, Sqlite).as_deref(), Some("'x'"));
        assert_eq!(translate("true", PostgreSql, MsSql).as_deref(), Some("1"));
        assert_eq!(
            translate(
                "rating = ANY (ARRAY['G'::text, 'PG'::text])",
                PostgreSql,
                Sqlite
            )
            .as_deref(),
            Some("rating IN ('G', 'PG')")
        );
        assert_eq!(
            translate("\"Price\" >= 0::numeric(10, 2)", PostgreSql, MySql).as_deref(),
            Some("Price >= 0")
        );
        assert_eq!(
            translate("'a'::character varying", PostgreSql, MsSql).as_deref(),
            Some("'a'")
        );
        assert_eq!(
            translate("(NEXT VALUE FOR [Sequences].[OrderIds])", MsSql, PostgreSql).as_deref(),
            Some("(nextval('\"Sequences\".\"OrderIds\"'))")
        );
        assert_eq!(
            translate("NEXT VALUE FOR seq", MsSql, PostgreSql).as_deref(),
            Some("nextval('seq')")
        );
    }

    #[test]
    fn like_as_pg_dump_writes_it() {
        assert_eq!(
            translate("(code ~~ 'a%'::text)", PostgreSql, Sqlite).as_deref(),
            Some("(code LIKE 'a%')")
        );
        assert_eq!(
            translate("code !~~ 'a%'", PostgreSql, MySql).as_deref(),
            Some("code NOT LIKE 'a%'")
        );
        assert_eq!(translate("code ~~* 'a%'", PostgreSql, MySql), None);
    }

    #[test]
    fn columns_named_like_keywords_are_quoted() {
        let columns = ["sql", "key", "order", "x"];
        assert_eq!(
            super::translate_in("sql IS NULL OR \"key\" >= x", PostgreSql, MySql, &columns)
                .as_deref(),
            Some("`sql` IS NULL OR `key` >= x")
        );
        assert_eq!(
            super::translate_in("`order` IN ('a')", MySql, PostgreSql, &columns).as_deref(),
            Some("\"order\" IN ('a')")
        );
    }

    #[test]
    fn quotes_inside_strings_stay_doubled() {
        assert_eq!(
            translate("'it''s'", Sqlite, PostgreSql).as_deref(),
            Some("'it''s'")
        );
        assert_eq!(
            translate("x IN ('a', 'it''s')", PostgreSql, MySql).as_deref(),
            Some("x IN ('a', 'it''s')")
        );
        assert_eq!(
            translate("x = ANY (ARRAY['it''s'::text])", PostgreSql, Sqlite).as_deref(),
            Some("x IN ('it''s')")
        );
        assert_eq!(
            translate(r"'it\'s'", MySql, PostgreSql).as_deref(),
            Some("'it''s'")
        );
        assert_eq!(
            translate("\"x\"", MySql, PostgreSql).as_deref(),
            Some("'x'")
        );
    }

    #[test]
    fn what_has_no_translation_is_refused() {
        assert_eq!(translate("nextval('s'::regclass)", PostgreSql, MySql), None);
        assert_eq!(translate("a || b", PostgreSql, MySql), None);
        assert_eq!(translate("uuid()", MySql, Sqlite), None);
        assert_eq!(translate("x ~ '^a'", PostgreSql, MsSql), None);
        assert_eq!(translate("NEXT VALUE FOR [s]", MsSql, MySql), None);
        assert_eq!(translate("NEXT VALUE FOR [s]", MsSql, Sqlite), None);
    }
}
