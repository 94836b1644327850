//! The strings an `r2.` link names by number instead of spelling them out: the design format's
//! field names, its enum variants, the dialect ids and SQL's commonest types and defaults.
//!
//! Append only: an entry's position is written in links, so changing, removing or reordering one
//! makes every `r2.` link made before open wrongly. A new field needs no entry (strings not here
//! are written out); an entry only makes links shorter.

use std::collections::HashMap;

/// Every known string, its position being its number in a link.
pub(crate) const DICTIONARY: &[&str] = &[
    // The saved form's field names (relvar-model's serde names) and what `compact` adds.
    "@",
    "areas",
    "at",
    "bound",
    "cache",
    "checks",
    "collapsed",
    "collation",
    "colour",
    "column",
    "columns",
    "comment",
    "cycle",
    "data_type",
    "default",
    "deferral",
    "dependencies",
    "descending",
    "domains",
    "enums",
    "expression",
    "foreign_keys",
    "format_version",
    "from_columns",
    "from_table",
    "generated",
    "id",
    "identity",
    "ids",
    "include",
    "increment",
    "indexes",
    "key",
    "kind",
    "layout",
    "lhs",
    "line",
    "materialized",
    "max_value",
    "method",
    "min_value",
    "name",
    "next",
    "notes",
    "nullable",
    "on_delete",
    "on_update",
    "owned_by",
    "parent",
    "partition_by",
    "partition_of",
    "parts",
    "positions",
    "predicate",
    "prefix",
    "primary_key",
    "reads",
    "reason",
    "review_disabled",
    "rhs",
    "schema",
    "schemas",
    "sequences",
    "source_dialect",
    "sql",
    "start",
    "stored",
    "table",
    "tables",
    "text",
    "to_columns",
    "to_table",
    "unique",
    "uniques",
    "unmodelled",
    "values",
    "verbatim",
    "verbatim_elements",
    "verbatim_options",
    "views",
    "x",
    "y",
    // Enum variants as serde writes them.
    "Column",
    "Expression",
    "NoAction",
    "Restrict",
    "Cascade",
    "SetNull",
    "SetDefault",
    "NotDeferrable",
    "DeferrableImmediate",
    "DeferrableDeferred",
    "Always",
    "ByDefault",
    "Functional",
    "Multivalued",
    // Dialect ids, default schemas, the name of a new design.
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
        assert_eq!(DICTIONARY.len(), 189);
        assert_eq!(DICTIONARY[0], "@");
        assert_eq!(DICTIONARY[41], "name");
        assert_eq!(DICTIONARY[83], "Expression");
        assert_eq!(DICTIONARY[104], "integer");
        assert_eq!(DICTIONARY[188], "(NEWID())");
        let digest = DICTIONARY.iter().fold(0u64, |hash, text| {
            text.bytes().chain([0]).fold(hash, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
            })
        });
        assert_eq!(digest, 14_623_225_596_110_071_147, "an entry changed");
    }
}
