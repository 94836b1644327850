//! Where each kept statement goes in a script for its own dialect: before the tables (what they
//! use), after them, or left out (table data, data migrations, client commands, DROP).

use relvar_model::{Design, UnmodelledStatement};
use sqlparser::tokenizer::{Token, Tokenizer};

use crate::dialect::{Dialect, SqlSyntax};
use crate::import::statement_label;

/// Whether a kept statement goes before the tables (it defines what they use), after them, or
/// not into a DDL script at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placement {
    BeforeTables,
    AfterTables,
    Left { what: &'static str },
}

/// Where a kept statement written in `from` goes in a script for that same dialect.
pub(super) fn placement(
    design: &Design,
    statement: &UnmodelledStatement,
    from: Dialect,
) -> Placement {
    let label = statement_label(&statement.text);
    let mut words = label.split(' ');
    let first = words.next().unwrap_or_default();
    let last = label.rsplit(' ').next().unwrap_or_default();
    let reason = statement.reason.as_str();
    if reason.contains("client command") || first.starts_with('\\') {
        return Placement::Left {
            what: "client commands",
        };
    }
    match (first, last) {
        (
            "INSERT" | "REPLACE" | "COPY" | "LOCK" | "UNLOCK" | "BULK" | "UPDATE" | "DELETE"
            | "TRUNCATE" | "MERGE",
            _,
        ) => Placement::Left { what: "table data" },
        // A table the script alters but never creates (a migration tool's own) is not there.
        ("ALTER", "TABLE") if !alters_a_table_of(design, &statement.text, from) => {
            Placement::Left {
                what: "changes to tables not in the design",
            }
        }
        // A migration's procedural block that only moves data did so on the tables of its time.
        ("DO", _) if !changes_schema(&statement.text, from) => Placement::Left {
            what: "data migrations",
        },
        (_, "DATABASE") | ("USE", _) => Placement::Left {
            what: "database selection",
        },
        ("DROP", _) => Placement::Left {
            what: "DROP statements",
        },
        ("CREATE" | "ALTER", "SCHEMA") if from == Dialect::MySql => Placement::Left {
            what: "database selection",
        },
        // Routines may name tables' row types; with bodies unchecked they can follow them.
        ("CREATE", "FUNCTION" | "AGGREGATE" | "PROCEDURE" | "PROC") => Placement::AfterTables,
        (
            "CREATE" | "ALTER",
            "TYPE" | "DOMAIN" | "SEQUENCE" | "EXTENSION" | "SCHEMA" | "COLLATION",
        )
        | ("SET" | "SELECT" | "PRAGMA", _) => {
            if label == "ALTER SEQUENCE"
                || label.starts_with("SELECT") && !statement.text.contains("set_config")
            {
                Placement::AfterTables
            } else {
                Placement::BeforeTables
            }
        }
        _ => Placement::AfterTables,
    }
}

/// Whether a procedural block (PostgreSQL's `DO $$ ... $$`) holds DDL: CREATE, ALTER or DROP as
/// a word of its body, or inside a string it may EXECUTE.
fn changes_schema(text: &str, dialect: Dialect) -> bool {
    let parser_dialect = dialect.parser_dialect();
    let words_in = |text: &str| {
        Tokenizer::new(parser_dialect.as_ref(), text)
            .tokenize()
            .unwrap_or_default()
    };
    let is_ddl = |word: &str| {
        ["CREATE", "ALTER", "DROP"]
            .iter()
            .any(|ddl| word.eq_ignore_ascii_case(ddl))
    };
    // A string to EXECUTE starts with its statement's first word.
    let mentions_ddl = |text: &str| {
        let mut words = text.split_ascii_whitespace();
        words.next().is_some_and(is_ddl) && words.next().is_some()
    };
    let tokens = words_in(text);
    if tokens.is_empty() {
        return true;
    }
    tokens.iter().any(|token| match token {
        Token::DollarQuotedString(body) => words_in(&body.value).iter().any(|inner| match inner {
            Token::Word(word) => word.quote_style.is_none() && is_ddl(&word.value),
            Token::SingleQuotedString(string) => mentions_ddl(string),
            _ => false,
        }),
        Token::SingleQuotedString(string) => mentions_ddl(string),
        Token::Word(word) => word.quote_style.is_none() && is_ddl(&word.value),
        _ => false,
    })
}

/// Whether an `ALTER TABLE [ONLY] [IF EXISTS] name ...` names a table of the design (or cannot be
/// read, and so may).
fn alters_a_table_of(design: &Design, text: &str, dialect: Dialect) -> bool {
    let parser_dialect = dialect.parser_dialect();
    let Ok(tokens) = Tokenizer::new(parser_dialect.as_ref(), text).tokenize() else {
        return true;
    };
    let mut words = tokens
        .iter()
        .filter(|token| !matches!(token, Token::Whitespace(_)))
        .skip(2)
        .peekable();
    let mut parts = Vec::new();
    while let Some(token) = words.next() {
        match token {
            Token::Word(word)
                if word.quote_style.is_none()
                    && parts.is_empty()
                    && ["ONLY", "IF", "EXISTS"]
                        .iter()
                        .any(|skipped| word.value.eq_ignore_ascii_case(skipped)) => {}
            Token::Word(word) => {
                parts.push(word.value.clone());
                if words.peek() != Some(&&Token::Period) {
                    break;
                }
                words.next();
            }
            _ => break,
        }
    }
    let Some(name) = parts.pop() else {
        return true;
    };
    let schema = parts.pop();
    design.tables.iter().any(|table| {
        table.name.eq_ignore_ascii_case(&name)
            && schema.as_deref().is_none_or(|schema| {
                table
                    .schema
                    .as_deref()
                    .is_none_or(|own| own.eq_ignore_ascii_case(schema))
            })
    })
}
