//! The one description of what the review needs to know about each engine: reserved words,
//! identifier length limits, the boolean, exact-decimal and time-ordered id spellings.

mod reserved_words;

use reserved_words::{MSSQL_RESERVED, MYSQL_RESERVED, POSTGRES_RESERVED, SQLITE_RESERVED};

/// The engine a design's SQL is written for, from `Design::source_dialect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Engine {
    PostgreSql,
    MySql,
    Sqlite,
    MsSql,
    /// A design begun empty, or naming a dialect not known here.
    Unknown,
}

/// What the rules consult about an engine; one entry per [`Engine`] in [`ENGINES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialectFacts {
    pub engine: Engine,
    /// The name shown in messages.
    pub name: &'static str,
    /// Longest identifier the engine keeps whole, and whether it counts bytes (PostgreSQL's
    /// NAMEDATALEN - 1) rather than characters; `None` when there is no practical limit.
    pub identifier_limit: Option<IdentifierLimit>,
    /// Words that cannot be a bare table or column name, lower case, sorted.
    pub reserved: &'static [&'static str],
    /// The type a yes/no column should have; `None` where the engine has none (SQLite).
    pub boolean_type: Option<&'static str>,
    /// Types (lower case, as normalized) that already are the engine's boolean.
    pub boolean_spellings: &'static [&'static str],
    /// The exact decimal type suggested for money.
    pub money_type: &'static str,
    /// Default expressions (lower case, without spaces) that make a random UUID.
    pub random_uuid_defaults: &'static [&'static str],
    /// A default that makes a time-ordered UUID instead, where the engine has one.
    pub ordered_uuid_default: Option<&'static str>,
    /// Whether the engine indexes a foreign key's columns itself when no index serves (InnoDB).
    pub creates_foreign_key_indexes: bool,
    /// Whether an index can cover only the rows a predicate selects (partial or filtered index).
    pub partial_indexes: bool,
}

/// An identifier length limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentifierLimit {
    pub max: usize,
    pub counts_bytes: bool,
}

impl IdentifierLimit {
    /// The length of a name as this engine counts it.
    pub fn length(&self, name: &str) -> usize {
        if self.counts_bytes {
            name.len()
        } else {
            name.chars().count()
        }
    }
}

const RANDOM_UUIDS: &[&str] = &[
    "gen_random_uuid()",
    "newid()",
    "uuid()",
    "uuid_generate_v4()",
    "uuid_to_bin(uuid())",
];

/// Every engine's facts; the last entry is the fallback for [`Engine::Unknown`].
pub const ENGINES: [DialectFacts; 5] = [
    DialectFacts {
        engine: Engine::PostgreSql,
        name: "PostgreSQL",
        identifier_limit: Some(IdentifierLimit {
            max: 63,
            counts_bytes: true,
        }),
        reserved: POSTGRES_RESERVED,
        boolean_type: Some("boolean"),
        boolean_spellings: &["bool", "boolean"],
        money_type: "numeric(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: Some("uuidv7()"),
    },
    DialectFacts {
        engine: Engine::MySql,
        name: "MySQL",
        identifier_limit: Some(IdentifierLimit {
            max: 64,
            counts_bytes: false,
        }),
        reserved: MYSQL_RESERVED,
        boolean_type: Some("boolean"),
        boolean_spellings: &[
            "bit(1)",
            "bool",
            "boolean",
            "tinyint(1)",
            "tinyint(1) unsigned",
        ],
        money_type: "decimal(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: false,
        creates_foreign_key_indexes: true,
        ordered_uuid_default: None,
    },
    DialectFacts {
        engine: Engine::Sqlite,
        name: "SQLite",
        identifier_limit: None,
        reserved: SQLITE_RESERVED,
        boolean_type: None,
        boolean_spellings: &["bool", "boolean"],
        money_type: "decimal(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: None,
    },
    DialectFacts {
        engine: Engine::MsSql,
        name: "SQL Server",
        identifier_limit: Some(IdentifierLimit {
            max: 128,
            counts_bytes: false,
        }),
        reserved: MSSQL_RESERVED,
        boolean_type: Some("bit"),
        boolean_spellings: &["bit"],
        money_type: "decimal(19,4)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: Some("newsequentialid()"),
    },
    // No dialect: PostgreSQL's reserved words (close to the SQL standard's) and the strictest
    // limit of the engines that have one; engine-specific type advice is not given.
    DialectFacts {
        engine: Engine::Unknown,
        name: "SQL",
        identifier_limit: Some(IdentifierLimit {
            max: 63,
            counts_bytes: true,
        }),
        reserved: POSTGRES_RESERVED,
        boolean_type: None,
        boolean_spellings: &["bool", "boolean"],
        money_type: "decimal(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: None,
    },
];

/// The facts for a design's `source_dialect` (`postgres`/`postgresql`, `mysql`/`mariadb`,
/// `sqlite`, `mssql`/`sqlserver`), ignoring ASCII case.
pub fn facts(source_dialect: Option<&str>) -> &'static DialectFacts {
    let engine = match source_dialect.map(str::to_ascii_lowercase).as_deref() {
        Some("postgres" | "postgresql" | "pg") => Engine::PostgreSql,
        Some("mysql" | "mariadb") => Engine::MySql,
        Some("sqlite" | "sqlite3") => Engine::Sqlite,
        Some("mssql" | "sqlserver" | "tsql") => Engine::MsSql,
        _ => Engine::Unknown,
    };
    facts_of(engine)
}

/// The facts of one engine.
pub fn facts_of(engine: Engine) -> &'static DialectFacts {
    let found = ENGINES.iter().find(|facts| facts.engine == engine);
    match found {
        Some(facts) => facts,
        None => &FALLBACK,
    }
}

const FALLBACK: DialectFacts = ENGINES[4];

impl DialectFacts {
    /// Whether a name is one of the engine's reserved words, ignoring ASCII case.
    pub fn is_reserved(&self, name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        self.reserved.binary_search(&lower.as_str()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_word_lists_are_sorted_lower_case_and_found() {
        for facts in &ENGINES {
            assert!(
                facts.reserved.windows(2).all(|pair| pair[0] < pair[1]),
                "{}",
                facts.name
            );
            assert!(facts.reserved.iter().all(|w| *w == w.to_ascii_lowercase()));
            assert!(facts.is_reserved("SELECT") && !facts.is_reserved("customer"));
        }
        assert!(facts(Some("mysql")).is_reserved("key"));
        assert!(!facts(Some("postgres")).is_reserved("key"));
    }

    #[test]
    fn dialect_ids_pick_their_engine() {
        assert_eq!(facts(Some("postgres")).engine, Engine::PostgreSql);
        assert_eq!(facts(Some("MSSQL")).engine, Engine::MsSql);
        assert_eq!(facts(None).engine, Engine::Unknown);
        assert_eq!(facts(Some("oracle")).engine, Engine::Unknown);
        let limit = facts(Some("postgres")).identifier_limit.unwrap();
        assert_eq!(limit.length("é"), 2);
    }
}
