//! The one place that describes how SQL dialects differ: parser, identifier folding, quoting.

use sqlparser::ast::Ident;
use sqlparser::dialect::PostgreSqlDialect;

/// A SQL dialect Relvar reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    PostgreSql,
}

impl Dialect {
    pub fn name(self) -> &'static str {
        match self {
            Self::PostgreSql => "PostgreSQL",
        }
    }

    pub(crate) fn parser_dialect(self) -> Box<dyn sqlparser::dialect::Dialect> {
        match self {
            Self::PostgreSql => Box::new(PostgreSqlDialect {}),
        }
    }

    /// The name the engine stores for an identifier as written: PostgreSQL folds unquoted
    /// identifiers to lower case (ASCII only) and keeps quoted ones as they are.
    pub fn fold(self, ident: &Ident) -> String {
        match (self, ident.quote_style) {
            (Self::PostgreSql, None) => ident.value.to_ascii_lowercase(),
            (Self::PostgreSql, Some(_)) => ident.value.clone(),
        }
    }

    /// Writes an identifier so the engine reads back exactly `name`, quoting only when needed.
    pub fn quote(self, name: &str) -> String {
        match self {
            Self::PostgreSql => {
                let mut chars = name.chars();
                let plain = chars
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
                    && chars.all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$'
                    });
                if plain && !is_postgres_reserved(name) {
                    name.to_owned()
                } else {
                    format!("\"{}\"", name.replace('"', "\"\""))
                }
            }
        }
    }
}

/// PostgreSQL's keywords that cannot be a bare table or column name: those its documentation
/// (Appendix C) marks "reserved" or "reserved (can be function or type)".
const POSTGRES_RESERVED: &[&str] = &[
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "fetch",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "not",
    "notnull",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "returning",
    "right",
    "select",
    "session_user",
    "similar",
    "some",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
];

fn is_postgres_reserved(word: &str) -> bool {
    POSTGRES_RESERVED.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_quotes_only_what_needs_it() {
        let quote = |name| Dialect::PostgreSql.quote(name);
        assert_eq!(quote("film_actor"), "film_actor");
        assert_eq!(quote("user"), "\"user\"");
        assert_eq!(quote("Film"), "\"Film\"");
        assert_eq!(quote("1st"), "\"1st\"");
        assert_eq!(quote("bıgınt"), "\"bıgınt\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote(""), "\"\"");
        assert_eq!(quote("year"), "year");
    }

    #[test]
    fn the_reserved_word_list_is_sorted_for_binary_search() {
        assert!(POSTGRES_RESERVED.windows(2).all(|pair| pair[0] < pair[1]));
        for word in ["all", "with", "user", "table", "verbose"] {
            assert!(is_postgres_reserved(word), "{word}");
        }
    }
}
