//! The strings an `r2.` link names by number instead of spelling them out: the design format's
//! field names, its enum variants, the dialect ids and SQL's commonest types and defaults.
//!
//! Append only: an entry's position is written in links, so changing, removing or reordering one
//! makes every `r2.` link made before open wrongly. A new field needs no entry (strings not here
//! are written out); an entry only makes links shorter.

use std::collections::HashMap;

/// Every known string, its position being its number in a link.
pub(crate) const DICTIONARY: &[&str] = &[
    // The strings nearly every design has come first: numbers below 128 take one byte in a link.
    // Field names (relvar-model's serde names; `@` is `compact`'s).
    "@",
    "tables",
    "columns",
    "name",
    "schema",
    "data_type",
    "nullable",
    "default",
    "comment",
    "primary_key",
    "uniques",
    "unique",
    "indexes",
    "parts",
    "key",
    "Column",
    "Expression",
    "checks",
    "expression",
    "foreign_keys",
    "from_table",
    "from_columns",
    "to_table",
    "to_columns",
    "on_delete",
    "on_update",
    "sequences",
    "start",
    "increment",
    "cache",
    "enums",
    "values",
    "domains",
    "identity",
    "generated",
    "stored",
    "collation",
    "verbatim",
    "verbatim_options",
    "id",
    "ids",
    "next",
    "format_version",
    "source_dialect",
    "layout",
    "positions",
    "schemas",
    // Enum variants, dialect ids, default schemas, the name of a new design.
    "NoAction",
    "Restrict",
    "Cascade",
    "SetNull",
    "SetDefault",
    "Always",
    "ByDefault",
    "postgresql",
    "mysql",
    "sqlite",
    "mssql",
    "public",
    "dbo",
    "main",
    "Untitled design",
    // Column types common to SQL dialects.
    "integer",
    "int",
    "bigint",
    "smallint",
    "tinyint",
    "mediumint",
    "serial",
    "bigserial",
    "smallserial",
    "boolean",
    "bool",
    "bit",
    "text",
    "tinytext",
    "mediumtext",
    "longtext",
    "ntext",
    "character varying",
    "varchar",
    "varchar(255)",
    "varchar(max)",
    "char",
    "char(1)",
    "nchar",
    "nvarchar",
    "nvarchar(255)",
    "nvarchar(max)",
    "date",
    "time",
    "datetime",
    "datetime2",
    "datetimeoffset",
    "smalldatetime",
    "timestamp",
    "timestamptz",
    "timestamp with time zone",
    "timestamp without time zone",
    "interval",
    "year",
    "numeric",
    "decimal",
    "real",
    "double precision",
    "double",
    "float",
    "money",
    "uuid",
    "uniqueidentifier",
    "json",
    "jsonb",
    "xml",
    "blob",
    "mediumblob",
    "longblob",
    "bytea",
    "binary",
    "varbinary",
    "varbinary(max)",
    "image",
    "inet",
    "tsvector",
    "int unsigned",
    "bigint unsigned",
    "smallint unsigned",
    "tinyint unsigned",
    "tinyint(1)",
    "int(11)",
    "bigint(20)",
    // Column defaults.
    "NULL",
    "0",
    "1",
    "''",
    "true",
    "false",
    "now()",
    "CURRENT_TIMESTAMP",
    "CURRENT_DATE",
    "gen_random_uuid()",
    "getdate()",
    "(getdate())",
    "GETDATE()",
    "(GETDATE())",
    "newid()",
    "(newid())",
    "NEWID()",
    "(NEWID())",
    // Other field names and enum variants.
    "areas",
    "at",
    "bound",
    "collapsed",
    "colour",
    "column",
    "consequences",
    "context",
    "cycle",
    "decision",
    "decisions",
    "deferral",
    "dependencies",
    "descending",
    "expected_rows",
    "frequency",
    "include",
    "kind",
    "lhs",
    "line",
    "materialized",
    "max_value",
    "method",
    "min_value",
    "notes",
    "owned_by",
    "parent",
    "partition_by",
    "partition_of",
    "predicate",
    "prefix",
    "reads",
    "reason",
    "review_disabled",
    "rhs",
    "sql",
    "status",
    "table",
    "title",
    "unmodelled",
    "verbatim_elements",
    "views",
    "workload",
    "x",
    "y",
    "NotDeferrable",
    "DeferrableImmediate",
    "DeferrableDeferred",
    "Functional",
    "Multivalued",
    "Proposed",
    "Accepted",
    "Rejected",
    "Deprecated",
    "Superseded",
];

/// Looks strings up in [`DICTIONARY`].
pub(crate) struct Known(HashMap<&'static str, u64>);

impl Known {
    pub(crate) fn new() -> Self {
        Self(
            (0u64..)
                .zip(DICTIONARY.iter().copied())
                .map(|(number, text)| (text, number))
                .collect(),
        )
    }

    pub(crate) fn number(&self, text: &str) -> Option<u64> {
        self.0.get(text).copied()
    }
}

/// The string a link names by `number`, if this build knows it.
pub(crate) fn known(number: u64) -> Option<&'static str> {
    usize::try_from(number)
        .ok()
        .and_then(|number| DICTIONARY.get(number).copied())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_entry_is_there_once_and_found_by_its_number() {
        let distinct: BTreeSet<&str> = DICTIONARY.iter().copied().collect();
        assert_eq!(distinct.len(), DICTIONARY.len());
        let known_strings = Known::new();
        for (number, text) in (0u64..).zip(DICTIONARY) {
            assert_eq!(known_strings.number(text), Some(number));
            assert_eq!(known(number), Some(*text));
        }
        assert_eq!(known(DICTIONARY.len() as u64), None);
        assert_eq!(known(u64::MAX), None);
    }

    /// Links made by earlier builds name these numbers: the list may only grow at its end.
    #[test]
    fn the_entries_links_already_name_keep_their_numbers() {
        assert_eq!(DICTIONARY.len(), 203);
        assert_eq!(DICTIONARY[0], "@");
        assert_eq!(DICTIONARY[3], "name");
        assert_eq!(DICTIONARY[16], "Expression");
        assert_eq!(DICTIONARY[62], "integer");
        assert_eq!(DICTIONARY[202], "Superseded");
        let digest = DICTIONARY.iter().fold(0u64, |hash, text| {
            text.bytes().chain([0]).fold(hash, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
            })
        });
        assert_eq!(digest, 13_777_413_023_750_742_806, "an entry changed");
    }
}
