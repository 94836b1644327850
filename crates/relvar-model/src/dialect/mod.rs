//! The SQL engines a design is written for, and the one description of what sets them apart as
//! names and types go: ids and their aliases, reserved words, identifier length limits, the
//! types a picker offers.

mod reserved_words;
mod type_names;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use reserved_words::{MSSQL_RESERVED, MYSQL_RESERVED, POSTGRES_RESERVED, SQLITE_RESERVED};

/// A SQL dialect Relvar reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Dialect {
    #[default]
    PostgreSql,
    MySql,
    Sqlite,
    MsSql,
}

/// An identifier length limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdentifierLimit {
    pub max: usize,
    /// Whether the limit counts bytes (PostgreSQL's NAMEDATALEN - 1) rather than characters.
    pub counts_bytes: bool,
}

impl IdentifierLimit {
    /// The length of a name as this limit counts it.
    pub fn length(&self, name: &str) -> usize {
        if self.counts_bytes {
            name.len()
        } else {
            name.chars().count()
        }
    }
}

/// Every name a dialect is known by, lower case; the first of each dialect is its id.
const ALIASES: &[(&str, Dialect)] = &[
    ("postgres", Dialect::PostgreSql),
    ("postgresql", Dialect::PostgreSql),
    ("pg", Dialect::PostgreSql),
    ("mysql", Dialect::MySql),
    ("mariadb", Dialect::MySql),
    ("sqlite", Dialect::Sqlite),
    ("sqlite3", Dialect::Sqlite),
    ("mssql", Dialect::MsSql),
    ("sqlserver", Dialect::MsSql),
    ("tsql", Dialect::MsSql),
];

impl Dialect {
    pub const ALL: [Dialect; 4] = [
        Dialect::PostgreSql,
        Dialect::MySql,
        Dialect::Sqlite,
        Dialect::MsSql,
    ];

    /// The name shown to people.
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
        ALIASES
            .iter()
            .find(|(_, dialect)| *dialect == self)
            .map_or("postgres", |(id, _)| id)
    }

    /// The dialect an id or alias names (`postgresql`, `MariaDB`, `sqlserver`, ...), ignoring
    /// ASCII case.
    pub fn from_id(id: &str) -> Option<Dialect> {
        ALIASES
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(id))
            .map(|(_, dialect)| *dialect)
    }

    /// Words that cannot be a bare table or column name, lower case, sorted.
    pub const fn reserved_words(self) -> &'static [&'static str] {
        match self {
            Self::PostgreSql => POSTGRES_RESERVED,
            Self::MySql => MYSQL_RESERVED,
            Self::Sqlite => SQLITE_RESERVED,
            Self::MsSql => MSSQL_RESERVED,
        }
    }

    /// Whether a name is one of the engine's reserved words, ignoring ASCII case.
    pub fn is_reserved(self, name: &str) -> bool {
        is_listed(self.reserved_words(), name)
    }

    /// The longest identifier the engine keeps whole; `None` when there is no practical limit.
    pub const fn identifier_limit(self) -> Option<IdentifierLimit> {
        match self {
            Self::PostgreSql => Some(IdentifierLimit {
                max: 63,
                counts_bytes: true,
            }),
            Self::MySql => Some(IdentifierLimit {
                max: 64,
                counts_bytes: false,
            }),
            Self::Sqlite => None,
            Self::MsSql => Some(IdentifierLimit {
                max: 128,
                counts_bytes: false,
            }),
        }
    }

    /// Whether the engine tells names apart by case. PostgreSQL does once names are folded;
    /// MySQL column names, SQLite and SQL Server (default collation) do not.
    pub fn names_match_exactly(self) -> bool {
        self == Self::PostgreSql
    }
}

/// Whether `name`, ignoring ASCII case, is in a sorted lower-case word list.
pub(crate) fn is_listed(words: &[&str], name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    words.binary_search(&lower.as_str()).is_ok()
}

impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Dialect {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Dialect {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Dialect::from_id(&id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown SQL dialect `{id}`")))
    }
}

/// Reads a saved design's dialect: an id or alias in any case, and a name no dialect answers to
/// as none (a design of an engine Relvar does not know is read as written for none).
pub(crate) fn deserialize_lenient<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Dialect>, D::Error> {
    let id = Option::<String>::deserialize(deserializer)?;
    Ok(id.as_deref().and_then(Dialect::from_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialects_are_found_by_their_ids_and_aliases() {
        for dialect in Dialect::ALL {
            assert_eq!(Dialect::from_id(dialect.id()), Some(dialect));
            assert_eq!(
                Dialect::from_id(&dialect.id().to_uppercase()),
                Some(dialect)
            );
        }
        assert_eq!(Dialect::from_id("MariaDB"), Some(Dialect::MySql));
        assert_eq!(Dialect::from_id("postgresql"), Some(Dialect::PostgreSql));
        assert_eq!(Dialect::from_id("oracle"), None);
        let ids: Vec<&str> = Dialect::ALL.iter().map(|d| d.id()).collect();
        assert_eq!(ids, ["postgres", "mysql", "sqlite", "mssql"]);
    }

    #[test]
    fn reserved_word_lists_are_sorted_lower_case_and_found() {
        for dialect in Dialect::ALL {
            let words = dialect.reserved_words();
            assert!(words.windows(2).all(|pair| pair[0] < pair[1]), "{dialect}");
            assert!(words.iter().all(|w| *w == w.to_ascii_lowercase()));
            assert!(dialect.is_reserved("SELECT") && !dialect.is_reserved("customer"));
        }
        assert!(Dialect::MySql.is_reserved("key"));
        assert!(!Dialect::PostgreSql.is_reserved("key"));
        for word in ["all", "with", "user", "table", "verbose"] {
            assert!(Dialect::PostgreSql.is_reserved(word), "{word}");
        }
    }

    #[test]
    fn identifier_limits_count_as_the_engine_counts() {
        let postgres = Dialect::PostgreSql.identifier_limit();
        assert_eq!(postgres.map(|limit| limit.length("é")), Some(2));
        let mysql = Dialect::MySql.identifier_limit();
        assert_eq!(mysql.map(|limit| limit.length("é")), Some(1));
        assert_eq!(Dialect::Sqlite.identifier_limit(), None);
    }

    #[test]
    fn a_dialect_is_saved_as_its_id_and_read_from_any_alias() {
        let saved = serde_json::to_string(&Dialect::MsSql).unwrap();
        assert_eq!(saved, "\"mssql\"");
        let read: Dialect = serde_json::from_str("\"SQLServer\"").unwrap();
        assert_eq!(read, Dialect::MsSql);
        assert!(serde_json::from_str::<Dialect>("\"oracle\"").is_err());
    }
}
