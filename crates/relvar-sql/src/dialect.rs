//! How SQL dialects differ as text: parser, statement lexicon, identifier folding, quoting
//! (names, aliases and reserved words are the model's [`Dialect`]).

pub use relvar_model::Dialect;
use sqlparser::ast::Ident;
use sqlparser::dialect::{MsSqlDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::ParserOptions;

/// How a dialect writes text that may hold a statement terminator, for the statement splitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lexicon {
    /// `\` escapes the next character inside '...' and "..." strings (MySQL).
    pub backslash_escapes: bool,
    /// "..." is a string, not an identifier (MySQL).
    pub double_quoted_strings: bool,
    /// `E'...'` strings with backslash escapes, and $tag$ ... $tag$ bodies (PostgreSQL).
    pub postgres_strings: bool,
    /// /* */ comments nest (PostgreSQL, SQL Server).
    pub nested_comments: bool,
    /// `# ...` comments (MySQL); `--` then needs a space after it, as MySQL requires.
    pub hash_comments: bool,
    /// `backtick` identifiers (MySQL, SQLite).
    pub backtick_identifiers: bool,
    /// [bracket] identifiers (SQL Server, SQLite).
    pub bracket_identifiers: bool,
    /// Lines starting with `\` are client commands (psql).
    pub psql_commands: bool,
    /// `DELIMITER x` lines change the terminator (mysql client); /*!NNNNN ... */ is code.
    pub mysql_client: bool,
    /// `GO` lines end a batch and lines starting with `:` are SQLCMD commands (SQL Server tools).
    pub batches: bool,
    /// `CREATE TRIGGER ... BEGIN ... END` bodies hold semicolons (SQLite).
    pub trigger_bodies: bool,
}

/// How each dialect is parsed and how names are written in it.
pub trait SqlSyntax {
    /// sqlparser's dialect for it.
    fn parser_dialect(self) -> Box<dyn sqlparser::dialect::Dialect>;
    /// sqlparser's options for it.
    fn parser_options(self) -> ParserOptions;
    /// The name the engine stores for an identifier as written.
    fn fold(self, ident: &Ident) -> String;
    /// Writes an identifier so the engine reads back exactly `name`, quoting only when needed.
    fn quote(self, name: &str) -> String;
}

impl SqlSyntax for Dialect {
    fn parser_dialect(self) -> Box<dyn sqlparser::dialect::Dialect> {
        match self {
            Self::PostgreSql => Box::new(PostgreSqlDialect {}),
            Self::MySql => Box::new(MySqlDialect {}),
            Self::Sqlite => Box::new(SQLiteDialect {}),
            Self::MsSql => Box::new(MsSqlDialect {}),
        }
    }

    /// T-SQL batches separate statements by line breaks as often as by semicolons, and SQL
    /// Server accepts a trailing comma in a column list.
    fn parser_options(self) -> ParserOptions {
        let tsql = self == Self::MsSql;
        ParserOptions {
            require_semicolon_stmt_delimiter: !tsql,
            trailing_commas: tsql,
            ..ParserOptions::new()
        }
    }

    /// The name the engine stores for an identifier as written: PostgreSQL folds unquoted
    /// identifiers to lower case (ASCII only); the others keep names as written.
    fn fold(self, ident: &Ident) -> String {
        match (self, ident.quote_style) {
            (Self::PostgreSql, None) => ident.value.to_ascii_lowercase(),
            _ => ident.value.clone(),
        }
    }

    /// Writes an identifier so the engine reads back exactly `name`, quoting only when needed.
    fn quote(self, name: &str) -> String {
        let mut chars = name.chars();
        let first_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
        let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        let bare = first_ok
            && rest_ok
            && match self {
                Self::PostgreSql => {
                    name.bytes().all(|b| !b.is_ascii_uppercase())
                        && !Dialect::PostgreSql.is_reserved(name)
                        && POSTGRES_COLUMN_NAME_KEYWORDS.binary_search(&name).is_err()
                }
                _ => !is_keyword(name) && !self.is_reserved(name),
            };
        match self {
            _ if bare => name.to_owned(),
            Self::PostgreSql | Self::Sqlite => format!("\"{}\"", name.replace('"', "\"\"")),
            Self::MySql => format!("`{}`", name.replace('`', "``")),
            Self::MsSql => format!("[{}]", name.replace(']', "]]")),
        }
    }
}

/// How the dialect writes text that may hold a statement terminator.
pub(crate) fn lexicon(dialect: Dialect) -> Lexicon {
    let none = Lexicon {
        backslash_escapes: false,
        double_quoted_strings: false,
        postgres_strings: false,
        nested_comments: false,
        hash_comments: false,
        backtick_identifiers: false,
        bracket_identifiers: false,
        psql_commands: false,
        mysql_client: false,
        batches: false,
        trigger_bodies: false,
    };
    match dialect {
        Dialect::PostgreSql => Lexicon {
            postgres_strings: true,
            nested_comments: true,
            psql_commands: true,
            ..none
        },
        Dialect::MySql => Lexicon {
            backslash_escapes: true,
            double_quoted_strings: true,
            hash_comments: true,
            backtick_identifiers: true,
            mysql_client: true,
            ..none
        },
        Dialect::Sqlite => Lexicon {
            backtick_identifiers: true,
            bracket_identifiers: true,
            trigger_bodies: true,
            ..none
        },
        Dialect::MsSql => Lexicon {
            nested_comments: true,
            bracket_identifiers: true,
            batches: true,
            ..none
        },
    }
}

/// PostgreSQL's keywords that may name a column but read as something else in an expression
/// (`interval DESC`, `position`): quoted, as pg_dump quotes them (`pg_get_keywords()`, catcode C).
#[rustfmt::skip]
const POSTGRES_COLUMN_NAME_KEYWORDS: &[&str] = &[
    "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal",
    "exists", "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval",
    "least", "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay",
    "position", "precision", "real", "row", "setof", "smallint", "substring", "time", "timestamp",
    "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
    "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
];

/// Any word sqlparser knows as a keyword in some dialect: quoting those is always safe.
fn is_keyword(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    sqlparser::keywords::ALL_KEYWORDS
        .binary_search(&upper.as_str())
        .is_ok()
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
        assert_eq!(quote("interval"), "\"interval\"");
        assert!(
            POSTGRES_COLUMN_NAME_KEYWORDS
                .windows(2)
                .all(|w| w[0] < w[1])
        );
    }

    #[test]
    fn other_dialects_quote_keywords_and_odd_names_their_own_way() {
        assert_eq!(Dialect::MySql.quote("Film"), "Film");
        assert_eq!(Dialect::MySql.quote("order"), "`order`");
        // Reserved by the engine though sqlparser does not know the word.
        assert_eq!(Dialect::MySql.quote("Accessible"), "`Accessible`");
        assert_eq!(Dialect::MySql.quote("a`b"), "`a``b`");
        assert_eq!(Dialect::MsSql.quote("Order Details"), "[Order Details]");
        assert_eq!(Dialect::MsSql.quote("a]b"), "[a]]b]");
        assert_eq!(Dialect::Sqlite.quote("select"), "\"select\"");
        assert!(
            sqlparser::keywords::ALL_KEYWORDS
                .windows(2)
                .all(|pair| pair[0] < pair[1])
        );
    }

    #[test]
    fn every_offered_type_imports_as_written() {
        for dialect in Dialect::ALL {
            for name in dialect.type_names() {
                let sql = format!("CREATE TABLE t (c {name});");
                let import = crate::import_sql(&sql, dialect);
                let column = import
                    .design
                    .tables
                    .first()
                    .and_then(|table| table.columns.first());
                assert!(
                    column.is_some_and(|column| column.data_type.eq_ignore_ascii_case(name)),
                    "{dialect:?} {name}: {:?} {:?}",
                    column.map(|column| &column.data_type),
                    import.diagnostics
                );
            }
        }
    }
}
