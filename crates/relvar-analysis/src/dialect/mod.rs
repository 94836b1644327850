//! What the review needs to know about each engine beyond the model's [`Dialect`] (whose
//! reserved words and identifier limits it reads): the boolean, exact-decimal and time-ordered
//! id spellings, and what the engine does for indexes.

use relvar_model::{Dialect, IdentifierLimit};

/// What the rules consult about an engine; one entry per dialect in [`ENGINES`], and one for a
/// design written for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialectFacts {
    /// The engine; none for a design begun empty.
    pub engine: Option<Dialect>,
    /// The name shown in messages.
    pub name: &'static str,
    /// Longest identifier the engine keeps whole; `None` when there is no practical limit.
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

const RANDOM_UUIDS: &[&str] = &[
    "gen_random_uuid()",
    "newid()",
    "uuid()",
    "uuid_generate_v4()",
    "uuid_to_bin(uuid())",
];

/// Every engine's facts; the last entry is for a design written for none.
pub const ENGINES: [DialectFacts; 5] = [
    DialectFacts {
        engine: Some(Dialect::PostgreSql),
        name: "PostgreSQL",
        identifier_limit: Dialect::PostgreSql.identifier_limit(),
        reserved: Dialect::PostgreSql.reserved_words(),
        boolean_type: Some("boolean"),
        boolean_spellings: &["bool", "boolean"],
        money_type: "numeric(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: Some("uuidv7()"),
    },
    DialectFacts {
        engine: Some(Dialect::MySql),
        name: "MySQL",
        identifier_limit: Dialect::MySql.identifier_limit(),
        reserved: Dialect::MySql.reserved_words(),
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
        engine: Some(Dialect::Sqlite),
        name: "SQLite",
        identifier_limit: Dialect::Sqlite.identifier_limit(),
        reserved: Dialect::Sqlite.reserved_words(),
        boolean_type: None,
        boolean_spellings: &["bool", "boolean"],
        money_type: "decimal(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: None,
    },
    DialectFacts {
        engine: Some(Dialect::MsSql),
        name: "SQL Server",
        identifier_limit: Dialect::MsSql.identifier_limit(),
        reserved: Dialect::MsSql.reserved_words(),
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
        engine: None,
        name: "SQL",
        identifier_limit: Dialect::PostgreSql.identifier_limit(),
        reserved: Dialect::PostgreSql.reserved_words(),
        boolean_type: None,
        boolean_spellings: &["bool", "boolean"],
        money_type: "decimal(12,2)",
        random_uuid_defaults: RANDOM_UUIDS,
        partial_indexes: true,
        creates_foreign_key_indexes: false,
        ordered_uuid_default: None,
    },
];

/// The facts for a design's dialect.
pub fn facts(dialect: Option<Dialect>) -> &'static DialectFacts {
    let found = ENGINES.iter().find(|facts| facts.engine == dialect);
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
    fn every_dialect_has_its_facts_and_none_falls_back() {
        for dialect in Dialect::ALL {
            let facts = facts(Some(dialect));
            assert_eq!(facts.engine, Some(dialect));
            assert_eq!(facts.reserved, dialect.reserved_words());
            assert!(facts.is_reserved("SELECT") && !facts.is_reserved("customer"));
        }
        assert!(facts(Some(Dialect::MySql)).is_reserved("key"));
        assert!(!facts(Some(Dialect::PostgreSql)).is_reserved("key"));
        assert_eq!(facts(None).engine, None);
        let limit = facts(Some(Dialect::PostgreSql)).identifier_limit.unwrap();
        assert_eq!(limit.length("é"), 2);
    }
}
