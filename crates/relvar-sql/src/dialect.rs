//! The one place that describes how SQL dialects differ: parser, identifier folding, quoting.

use sqlparser::ast::Ident;
use sqlparser::dialect::{MsSqlDialect, MySqlDialect, PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::ParserOptions;

/// A SQL dialect Relvar reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    #[default]
    PostgreSql,
    MySql,
    Sqlite,
    MsSql,
}

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

impl Dialect {
    pub const ALL: [Dialect; 4] = [
        Dialect::PostgreSql,
        Dialect::MySql,
        Dialect::Sqlite,
        Dialect::MsSql,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::PostgreSql => "PostgreSQL",
            Self::MySql => "MySQL/MariaDB",
            Self::Sqlite => "SQLite",
            Self::MsSql => "SQL Server",
        }
    }

    /// The short name used on the command line and in files: postgres, mysql, sqlite, mssql.
    pub fn id(self) -> &'static str {
        match self {
            Self::PostgreSql => "postgres",
            Self::MySql => "mysql",
            Self::Sqlite => "sqlite",
            Self::MsSql => "mssql",
        }
    }

    pub fn from_id(id: &str) -> Option<Dialect> {
        let id = id.to_ascii_lowercase();
        let aliases: &[(&str, Dialect)] = &[
            ("postgres", Self::PostgreSql),
            ("postgresql", Self::PostgreSql),
            ("pg", Self::PostgreSql),
            ("mysql", Self::MySql),
            ("mariadb", Self::MySql),
            ("sqlite", Self::Sqlite),
            ("sqlite3", Self::Sqlite),
            ("mssql", Self::MsSql),
            ("sqlserver", Self::MsSql),
            ("tsql", Self::MsSql),
        ];
        aliases
            .iter()
            .find(|(alias, _)| *alias == id)
            .map(|(_, dialect)| *dialect)
    }

    pub fn parser_dialect(self) -> Box<dyn sqlparser::dialect::Dialect> {
        match self {
            Self::PostgreSql => Box::new(PostgreSqlDialect {}),
            Self::MySql => Box::new(MySqlDialect {}),
            Self::Sqlite => Box::new(SQLiteDialect {}),
            Self::MsSql => Box::new(MsSqlDialect {}),
        }
    }

    /// T-SQL batches separate statements by line breaks as often as by semicolons, and SQL
    /// Server accepts a trailing comma in a column list.
    pub fn parser_options(self) -> ParserOptions {
        let tsql = self == Self::MsSql;
        ParserOptions {
            require_semicolon_stmt_delimiter: !tsql,
            trailing_commas: tsql,
            ..ParserOptions::new()
        }
    }

    pub(crate) fn lexicon(self) -> Lexicon {
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
        match self {
            Self::PostgreSql => Lexicon {
                postgres_strings: true,
                nested_comments: true,
                psql_commands: true,
                ..none
            },
            Self::MySql => Lexicon {
                backslash_escapes: true,
                double_quoted_strings: true,
                hash_comments: true,
                backtick_identifiers: true,
                mysql_client: true,
                ..none
            },
            Self::Sqlite => Lexicon {
                backtick_identifiers: true,
                bracket_identifiers: true,
                trigger_bodies: true,
                ..none
            },
            Self::MsSql => Lexicon {
                nested_comments: true,
                bracket_identifiers: true,
                batches: true,
                ..none
            },
        }
    }

    /// Whether the engine tells names apart by case. PostgreSQL does once names are folded;
    /// MySQL column names, SQLite and SQL Server (default collation) do not.
    pub fn names_match_exactly(self) -> bool {
        self == Self::PostgreSql
    }

    /// The name the engine stores for an identifier as written: PostgreSQL folds unquoted
    /// identifiers to lower case (ASCII only); the others keep names as written.
    pub fn fold(self, ident: &Ident) -> String {
        match (self, ident.quote_style) {
            (Self::PostgreSql, None) => ident.value.to_ascii_lowercase(),
            _ => ident.value.clone(),
        }
    }

    /// Writes an identifier so the engine reads back exactly `name`, quoting only when needed.
    pub fn quote(self, name: &str) -> String {
        let mut chars = name.chars();
        let first_ok = chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
        let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        let bare = first_ok
            && rest_ok
            && match self {
                Self::PostgreSql => {
                    name.bytes().all(|b| !b.is_ascii_uppercase()) && !is_postgres_reserved(name)
                }
                _ => !is_keyword(name),
            };
        match self {
            _ if bare => name.to_owned(),
            Self::PostgreSql | Self::Sqlite => format!("\"{}\"", name.replace('"', "\"\"")),
            Self::MySql => format!("`{}`", name.replace('`', "``")),
            Self::MsSql => format!("[{}]", name.replace(']', "]]")),
        }
    }
}

/// Any word sqlparser knows as a keyword in some dialect: quoting those is always safe.
fn is_keyword(word: &str) -> bool {
    let upper = word.to_ascii_uppercase();
    sqlparser::keywords::ALL_KEYWORDS
        .binary_search(&upper.as_str())
        .is_ok()
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
    fn other_dialects_quote_keywords_and_odd_names_their_own_way() {
        assert_eq!(Dialect::MySql.quote("Film"), "Film");
        assert_eq!(Dialect::MySql.quote("order"), "`order`");
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
    fn dialects_are_found_by_their_names() {
        for dialect in Dialect::ALL {
            assert_eq!(Dialect::from_id(dialect.id()), Some(dialect));
        }
        assert_eq!(Dialect::from_id("MariaDB"), Some(Dialect::MySql));
        assert_eq!(Dialect::from_id("oracle"), None);
    }

    #[test]
    fn the_reserved_word_list_is_sorted_for_binary_search() {
        assert!(POSTGRES_RESERVED.windows(2).all(|pair| pair[0] < pair[1]));
        for word in ["all", "with", "user", "table", "verbose"] {
            assert!(is_postgres_reserved(word), "{word}");
        }
    }
}
