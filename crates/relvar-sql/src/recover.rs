//! Recovery for constructs that real dumps contain and sqlparser 0.63 rejects. Every such rule
//! lives in this file: it rewrites the statement's tokens into a form sqlparser accepts, and
//! records a repair that puts the original meaning back into the parsed statement, so nothing
//! the user wrote is lost. Rules run only after a plain parse has failed.
//!
//! Rules:
//! - `GENERATED ALWAYS AS (expr) VIRTUAL` (PostgreSQL 18): sqlparser's PostgreSQL dialect only
//!   accepts `STORED`. The keyword is swapped for `STORED` and the column is marked virtual again.

use sqlparser::ast::{
    AlterTableOperation, ColumnDef, ColumnOption, GeneratedExpressionMode, Statement,
};
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, TokenWithSpan};

/// Tokens rewritten so sqlparser accepts them, and how to restore what the rewrite changed.
#[derive(Debug)]
pub(crate) struct Recovery {
    pub tokens: Vec<TokenWithSpan>,
    repairs: Vec<Repair>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repair {
    /// The generated column with this ordinal (counting generated expression columns of the
    /// statement in order) was written VIRTUAL.
    VirtualGeneratedColumn { ordinal: usize },
}

/// Applies every rule that matches; `None` when none does.
pub(crate) fn recover(tokens: &[TokenWithSpan]) -> Option<Recovery> {
    let mut tokens = tokens.to_vec();
    let mut repairs = Vec::new();
    virtual_generated_columns(&mut tokens, &mut repairs);
    (!repairs.is_empty()).then_some(Recovery { tokens, repairs })
}

impl Recovery {
    /// Restores in the parsed statement what the token rewrite changed.
    pub fn repair(&self, statement: &mut Statement) {
        let virtual_ordinals: Vec<usize> = self
            .repairs
            .iter()
            .map(|Repair::VirtualGeneratedColumn { ordinal }| *ordinal)
            .collect();
        let columns: Vec<&mut ColumnDef> = match statement {
            Statement::CreateTable(create) => create.columns.iter_mut().collect(),
            Statement::AlterTable(alter) => alter
                .operations
                .iter_mut()
                .filter_map(|operation| match operation {
                    AlterTableOperation::AddColumn { column_def, .. } => Some(column_def),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let generated = columns
            .into_iter()
            .flat_map(|column| column.options.iter_mut())
            .filter_map(|option| match &mut option.option {
                ColumnOption::Generated {
                    generation_expr: Some(_),
                    generation_expr_mode,
                    ..
                } => Some(generation_expr_mode),
                _ => None,
            });
        for (ordinal, mode) in generated.enumerate() {
            if virtual_ordinals.contains(&ordinal) {
                *mode = Some(GeneratedExpressionMode::Virtual);
            }
        }
    }
}

fn is_keyword(token: &Token, keyword: Keyword) -> bool {
    matches!(token, Token::Word(word) if word.keyword == keyword && word.quote_style.is_none())
}

/// Indexes of the tokens that are not whitespace or comments.
fn significant(tokens: &[TokenWithSpan]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| !matches!(token.token, Token::Whitespace(_)))
        .map(|(index, _)| index)
        .collect()
}

fn virtual_generated_columns(tokens: &mut [TokenWithSpan], repairs: &mut Vec<Repair>) {
    let indexes = significant(tokens);
    let token_at = |position: usize| {
        indexes
            .get(position)
            .and_then(|&index| tokens.get(index))
            .map(|t| &t.token)
    };
    let mut ordinal = 0;
    let mut to_rewrite = Vec::new();
    let mut position = 0;
    while position < indexes.len() {
        let starts_generated =
            token_at(position).is_some_and(|t| is_keyword(t, Keyword::GENERATED));
        if !starts_generated {
            position += 1;
            continue;
        }
        let mut cursor = position + 1;
        if token_at(cursor).is_some_and(|t| is_keyword(t, Keyword::ALWAYS)) {
            cursor += 1;
        }
        let opens_expression = token_at(cursor).is_some_and(|t| is_keyword(t, Keyword::AS))
            && token_at(cursor + 1) == Some(&Token::LParen);
        if !opens_expression {
            position += 1;
            continue;
        }
        let mut depth = 0usize;
        cursor += 1;
        while let Some(token) = token_at(cursor) {
            match token {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            cursor += 1;
        }
        let after = cursor + 1;
        if token_at(after).is_some_and(|t| is_keyword(t, Keyword::VIRTUAL)) {
            if let Some(&index) = indexes.get(after) {
                to_rewrite.push(index);
            }
            repairs.push(Repair::VirtualGeneratedColumn { ordinal });
        }
        ordinal += 1;
        position = after;
    }
    for index in to_rewrite {
        if let Some(token) = tokens.get_mut(index) {
            token.token = Token::make_keyword("STORED");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, import_sql};

    #[test]
    fn virtual_generated_columns_are_read_and_stay_virtual() {
        let sql = "CREATE TABLE film (length smallint, a int GENERATED ALWAYS AS (1) STORED,\n\
                   hours numeric(4,2) GENERATED ALWAYS AS (round(length / 60.0, 2)) VIRTUAL);";
        let import = import_sql(sql, Dialect::PostgreSql);
        assert_eq!(import.design.tables.len(), 1, "{:?}", import.diagnostics);
        let columns = &import.design.tables[0].columns;
        assert_eq!(columns[1].verbatim, vec!["GENERATED ALWAYS AS (1) STORED"]);
        assert_eq!(
            columns[2].verbatim,
            vec!["GENERATED ALWAYS AS (round(length / 60.0, 2)) VIRTUAL"]
        );
    }

    #[test]
    fn statements_no_rule_can_fix_still_fail_with_the_original_message() {
        let import = import_sql(
            "CREATE TABLE t (a int GENERATED ALWAYS AS (1) NONSENSE);",
            Dialect::PostgreSql,
        );
        assert!(import.design.tables.is_empty());
        assert_eq!(import.design.unmodelled.len(), 1);
        assert!(
            import.diagnostics[0].message.contains("NONSENSE"),
            "{}",
            import.diagnostics[0]
        );
    }
}
