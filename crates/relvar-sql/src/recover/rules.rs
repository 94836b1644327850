//! The recovery rules; the module documentation lists what each one does and why.

use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, TokenWithSpan, Whitespace, Word};

use super::tokens::{
    Significant, blank, blank_all, collapse, column_elements, is_word, table_body, word,
};
use super::{Recovery, Repair};
use relvar_model::IndexKind;

/// Words that end a column's type and start its constraints.
const COLUMN_CONSTRAINT_STARTERS: &[&str] = &[
    "CONSTRAINT",
    "PRIMARY",
    "NOT",
    "NULL",
    "UNIQUE",
    "CHECK",
    "DEFAULT",
    "COLLATE",
    "REFERENCES",
    "GENERATED",
    "AS",
    "ON",
];

pub(super) fn virtual_generated_columns(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    let mut ordinal = 0;
    let mut rewrite = Vec::new();
    let mut position = 0;
    while position < view.len() {
        if !is_word(view.get(position), "GENERATED") {
            position += 1;
            continue;
        }
        let mut cursor = position + 1;
        if is_word(view.get(cursor), "ALWAYS") {
            cursor += 1;
        }
        if !(is_word(view.get(cursor), "AS") && view.get(cursor + 1) == Some(&Token::LParen)) {
            position += 1;
            continue;
        }
        let Some(close) = view.closing(cursor + 1) else {
            break;
        };
        if is_word(view.get(close + 1), "VIRTUAL") {
            rewrite.extend(view.index(close + 1));
            recovery
                .repairs
                .push(Repair::VirtualGeneratedColumn { ordinal });
        }
        ordinal += 1;
        position = close + 1;
    }
    for index in rewrite {
        if let Some(token) = recovery.tokens.get_mut(index) {
            token.token = Token::make_keyword("STORED");
        }
    }
}

/// `) ON [fg]` after a constraint's column list; `ON DELETE` and `ON UPDATE` are left alone. An
/// index's filegroup is kept with the index (`index_layout`).
pub(super) fn constraint_filegroups(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    if index_statement(&view).is_some() {
        return;
    }
    let body_close = table_body(&view).map(|(_, close)| close);
    let mut taken = Vec::new();
    for position in 1..view.len() {
        let after_list =
            view.get(position - 1) == Some(&Token::RParen) && body_close != Some(position - 1);
        let filegroup = matches!(view.get(position + 1), Some(Token::Word(_)))
            && !is_word(view.get(position + 1), "DELETE")
            && !is_word(view.get(position + 1), "UPDATE");
        if after_list && filegroup && is_word(view.get(position), "ON") {
            taken.extend(
                [view.index(position), view.index(position + 1)]
                    .into_iter()
                    .flatten(),
            );
        }
    }
    blank_all(&mut recovery.tokens, taken);
}

/// `name AS expr [PERSISTED]`: rewritten as `name sql_variant GENERATED ALWAYS AS (expr)
/// STORED|VIRTUAL`, which sqlparser reads as a generated column; the placeholder type is taken off
/// again by the repair.
pub(super) fn computed_columns(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    let mut rewrites = Vec::new();
    for (column, positions) in column_elements(&view) {
        let as_position = positions.start + 1;
        if !is_word(view.get(as_position), "AS") || as_position + 1 >= positions.end {
            continue;
        }
        let mut depth = 0usize;
        let mut expression_end = positions.end;
        for position in as_position + 1..positions.end {
            match view.get(position) {
                Some(Token::LParen) => depth += 1,
                Some(Token::RParen) => depth = depth.saturating_sub(1),
                token if depth == 0 && ends_computed_expression(token) => {
                    expression_end = position;
                    break;
                }
                _ => {}
            }
        }
        if expression_end == as_position + 1 {
            continue;
        }
        let persisted = is_word(view.get(expression_end), "PERSISTED");
        let parenthesized = view.get(as_position + 1) == Some(&Token::LParen)
            && view.closing(as_position + 1) == Some(expression_end - 1);
        let (Some(as_index), Some(last_index)) =
            (view.index(as_position), view.index(expression_end - 1))
        else {
            continue;
        };
        let persisted_index = if persisted {
            view.index(expression_end)
        } else {
            None
        };
        rewrites.push((column, as_index, last_index, parenthesized, persisted_index));
    }
    // From the last to the first, so the insertions leave earlier indexes in place.
    for (column, as_index, last_index, parenthesized, persisted_index) in rewrites.into_iter().rev()
    {
        let mode = if persisted_index.is_some() {
            "STORED"
        } else {
            "VIRTUAL"
        };
        if let Some(index) = persisted_index {
            blank(&mut recovery.tokens, index);
        }
        let mut after = vec![Token::Whitespace(Whitespace::Space)];
        if !parenthesized {
            after.insert(0, Token::RParen);
        }
        after.push(Token::make_keyword(mode));
        insert_tokens(&mut recovery.tokens, last_index + 1, after);
        let mut before = vec![
            Token::make_word("sql_variant", None),
            Token::Whitespace(Whitespace::Space),
            Token::make_keyword("GENERATED"),
            Token::Whitespace(Whitespace::Space),
            Token::make_keyword("ALWAYS"),
            Token::Whitespace(Whitespace::Space),
            Token::make_keyword("AS"),
        ];
        if !parenthesized {
            before.push(Token::LParen);
        }
        if let Some(token) = recovery.tokens.get_mut(as_index) {
            token.token = Token::Whitespace(Whitespace::Space);
        }
        insert_tokens(&mut recovery.tokens, as_index + 1, before);
        recovery.repairs.push(Repair::UnspecifiedType { column });
    }
}

/// Whether a token after `AS` ends a computed column's expression at the top level.
fn ends_computed_expression(token: Option<&Token>) -> bool {
    token.and_then(word).is_some_and(|word| {
        matches!(
            word.as_str(),
            "PERSISTED"
                | "NOT"
                | "NULL"
                | "CONSTRAINT"
                | "PRIMARY"
                | "UNIQUE"
                | "CHECK"
                | "REFERENCES"
                | "FOREIGN"
        )
    })
}

/// Inserts tokens before `index`, each with the span of the token they stand next to.
fn insert_tokens(tokens: &mut Vec<TokenWithSpan>, index: usize, inserted: Vec<Token>) {
    let span = tokens
        .get(index.min(tokens.len().saturating_sub(1)))
        .map(|token| token.span)
        .unwrap_or(sqlparser::tokenizer::Span::empty());
    let at = index.min(tokens.len());
    tokens.splice(
        at..at,
        inserted
            .into_iter()
            .map(|token| TokenWithSpan { token, span }),
    );
}

/// `[XML]([schema].[collection])`: the type and its dotted modifier become one type name.
pub(super) fn qualified_type_modifiers(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    let mut rewrites = Vec::new();
    for (_, positions) in column_elements(&view) {
        let type_position = positions.start + 1;
        if view.get(type_position + 1) != Some(&Token::LParen) {
            continue;
        }
        let Some(close) = view.closing(type_position + 1) else {
            continue;
        };
        let dotted =
            (type_position + 2..close).any(|position| view.get(position) == Some(&Token::Period));
        if let (true, Some(first), Some(last)) =
            (dotted, view.index(type_position), view.index(close))
        {
            rewrites.push((first, last));
        }
    }
    for (first, last) in rewrites {
        collapse(&mut recovery.tokens, first, last, |written| {
            plain_word(written)
        });
    }
}

/// An unquoted word token holding `text` as it is, which the parser reads as one name.
fn plain_word(text: &str) -> Token {
    Token::Word(Word {
        value: text.to_owned(),
        quote_style: None,
        keyword: Keyword::NoKeyword,
    })
}

/// `ADD CONSTRAINT a ..., CONSTRAINT b ...` gets an `ADD` before each further constraint.
pub(super) fn one_add_per_constraint(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    if !(is_word(view.get(0), "ALTER") && is_word(view.get(1), "TABLE")) {
        return;
    }
    let mut depth = 0usize;
    let mut inserts = Vec::new();
    for position in 2..view.len() {
        match view.get(position) {
            Some(Token::LParen) => depth += 1,
            Some(Token::RParen) => depth = depth.saturating_sub(1),
            Some(Token::Comma) if depth == 0 && is_word(view.get(position + 1), "CONSTRAINT") => {
                inserts.extend(view.index(position + 1));
            }
            _ => {}
        }
    }
    for index in inserts.into_iter().rev() {
        if let Some(constraint) = recovery.tokens.get(index).cloned() {
            let mut add = constraint;
            add.token = Token::make_keyword("ADD");
            recovery.tokens.insert(index, add);
            if let Some(space) = recovery.tokens.get(index).cloned() {
                let mut space = space;
                space.token = Token::Whitespace(Whitespace::Space);
                recovery.tokens.insert(index + 1, space);
            }
        }
    }
}

/// `ALTER TABLE t WITH CHECK ADD ...` and `WITH NOCHECK`.
pub(super) fn alter_with_check(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    if !(is_word(view.get(0), "ALTER") && is_word(view.get(1), "TABLE")) {
        return;
    }
    let found = (2..view.len()).find(|&p| {
        is_word(view.get(p), "WITH")
            && (is_word(view.get(p + 1), "CHECK") || is_word(view.get(p + 1), "NOCHECK"))
    });
    if let Some(position) = found {
        let indexes: Vec<usize> = [view.index(position), view.index(position + 1)]
            .into_iter()
            .flatten()
            .collect();
        blank_all(&mut recovery.tokens, indexes);
    }
}

/// `ADD CONSTRAINT name DEFAULT (expr) FOR column` becomes `ALTER COLUMN column SET DEFAULT (expr)`.
pub(super) fn default_for_column(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    let Some(add) = (0..view.len()).find(|&p| {
        is_word(view.get(p), "ADD")
            && is_word(view.get(p + 1), "CONSTRAINT")
            && is_word(view.get(p + 3), "DEFAULT")
    }) else {
        return;
    };
    let Some(for_position) = (add + 4..view.len())
        .rev()
        .find(|&p| is_word(view.get(p), "FOR"))
    else {
        return;
    };
    let Some(column @ Token::Word(_)) = view.get(for_position + 1).cloned() else {
        return;
    };
    let (
        Some(add_index),
        Some(constraint_index),
        Some(name_index),
        Some(default_index),
        Some(for_index),
        Some(column_index),
    ) = (
        view.index(add),
        view.index(add + 1),
        view.index(add + 2),
        view.index(add + 3),
        view.index(for_position),
        view.index(for_position + 1),
    )
    else {
        return;
    };
    blank(&mut recovery.tokens, for_index);
    blank(&mut recovery.tokens, column_index);
    let tokens = &mut recovery.tokens;
    let mut set = |index: usize, token: Token| {
        if let Some(slot) = tokens.get_mut(index) {
            slot.token = token;
        }
    };
    set(add_index, Token::make_keyword("ALTER"));
    set(constraint_index, Token::make_keyword("COLUMN"));
    set(name_index, column);
    if let Some(default) = recovery.tokens.get(default_index).cloned() {
        let mut set_keyword = default;
        set_keyword.token = Token::make_keyword("SET");
        recovery.tokens.insert(default_index, set_keyword);
    }
}

/// SQLite reads every word between a column's name and its constraints as the type name.
pub(super) fn multi_word_type_names(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    let mut rewrites = Vec::new();
    for (column, positions) in column_elements(&view) {
        let words: Vec<(usize, String)> = (positions.start + 1..positions.end)
            .map_while(|position| {
                let text = word(view.get(position)?)?;
                (!COLUMN_CONSTRAINT_STARTERS.contains(&text.as_str()))
                    .then(|| (view.index(position), view.get(position)))
            })
            .filter_map(|(index, token)| match (index, token) {
                (Some(index), Some(Token::Word(word))) => Some((index, word.value.clone())),
                _ => None,
            })
            .collect();
        if words.len() >= 2 {
            rewrites.push((column, words));
        }
    }
    for (column, words) in rewrites {
        let name = words
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for (position, (index, _)) in words.iter().enumerate() {
            if position == 0 {
                if let Some(token) = recovery.tokens.get_mut(*index) {
                    token.token = Token::Word(Word {
                        value: name.clone(),
                        quote_style: Some('"'),
                        keyword: Keyword::NoKeyword,
                    });
                }
            } else {
                blank(&mut recovery.tokens, *index);
            }
        }
        recovery.repairs.push(Repair::PlainTypeName { column });
    }
}

/// `CREATE [UNIQUE] [NON]CLUSTERED [COLUMNSTORE] INDEX` (SQL Server), `CREATE FULLTEXT|SPATIAL
/// INDEX` (MySQL): the layout words are taken off and the layout kept for the index, when it is
/// the dialect's own (SQL Server's full-text indexes are another object, kept as written).
pub(super) fn index_layout(recovery: &mut Recovery, dialect: crate::Dialect) {
    let view = Significant::new(&recovery.tokens);
    let Some(index) = index_statement(&view) else {
        return;
    };
    let start = if is_word(view.get(1), "UNIQUE") { 2 } else { 1 };
    let layout: Vec<String> = (start..index)
        .filter_map(|p| view.get(p).and_then(word))
        .collect();
    let kind = match layout
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["NONCLUSTERED"] => None,
        ["CLUSTERED"] => Some(IndexKind::Clustered),
        ["CLUSTERED", "COLUMNSTORE"] => Some(IndexKind::ClusteredColumnstore),
        ["COLUMNSTORE"] | ["NONCLUSTERED", "COLUMNSTORE"] => Some(IndexKind::Columnstore),
        ["FULLTEXT"] => Some(IndexKind::Fulltext),
        ["SPATIAL"] => Some(IndexKind::Spatial),
        _ => return,
    };
    if kind.is_some_and(|kind| kind.dialect() != dialect) {
        return;
    }
    let taken: Vec<usize> = (start..index).filter_map(|p| view.index(p)).collect();
    blank_all(&mut recovery.tokens, taken);
    recovery.index_kind = kind;
}

/// The position of `INDEX` in `CREATE [UNIQUE] [NON]CLUSTERED [COLUMNSTORE] INDEX`.
fn index_statement(view: &Significant<'_>) -> Option<usize> {
    if !is_word(view.get(0), "CREATE") {
        return None;
    }
    (1..view.len().min(5))
        .take_while(|&p| {
            view.get(p).and_then(word).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "UNIQUE"
                        | "CLUSTERED"
                        | "NONCLUSTERED"
                        | "COLUMNSTORE"
                        | "FULLTEXT"
                        | "SPATIAL"
                        | "INDEX"
                )
            })
        })
        .find(|&p| is_word(view.get(p), "INDEX"))
}

/// `PRIMARY KEY CLUSTERED`, `UNIQUE NONCLUSTERED` (SQL Server), `PRIMARY KEY USING BTREE (...)`
/// (MySQL): the layout or method is taken off, as sqlparser does with the first when a column
/// list follows; the model holds neither for keys.
pub(super) fn key_layout(recovery: &mut Recovery) {
    let view = Significant::new(&recovery.tokens);
    if index_statement(&view).is_some() {
        return;
    }
    let primary_key =
        |p: usize| p >= 2 && is_word(view.get(p - 1), "KEY") && is_word(view.get(p - 2), "PRIMARY");
    let method: Vec<usize> = (2..view.len())
        .filter(|&p| {
            primary_key(p)
                && is_word(view.get(p), "USING")
                && view.get(p + 2) == Some(&Token::LParen)
        })
        .flat_map(|p| [view.index(p), view.index(p + 1)])
        .flatten()
        .collect();
    blank_all(&mut recovery.tokens, method);
    let view = Significant::new(&recovery.tokens);
    let taken: Vec<usize> = (1..view.len())
        .filter(|&p| {
            let layout = is_word(view.get(p), "CLUSTERED") || is_word(view.get(p), "NONCLUSTERED");
            let key = is_word(view.get(p - 1), "UNIQUE")
                || (is_word(view.get(p - 1), "KEY")
                    && p >= 2
                    && is_word(view.get(p - 2), "PRIMARY"));
            layout && key
        })
        .filter_map(|p| view.index(p))
        .collect();
    blank_all(&mut recovery.tokens, taken);
}
