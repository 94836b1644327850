//! The column types each dialect offers, as the type picker lists them; any other type text is
//! still accepted as written.

use super::Dialect;

const POSTGRESQL: &[&str] = &[
    "bigint",
    "integer",
    "smallint",
    "numeric(12,2)",
    "real",
    "double precision",
    "boolean",
    "text",
    "varchar(255)",
    "char(1)",
    "uuid",
    "date",
    "time",
    "timestamp",
    "timestamp with time zone",
    "interval",
    "jsonb",
    "json",
    "bytea",
    "inet",
    "cidr",
    "tsvector",
    "text[]",
    "integer[]",
];
const MYSQL: &[&str] = &[
    "bigint",
    "bigint unsigned",
    "int",
    "int unsigned",
    "smallint",
    "tinyint",
    "tinyint(1)",
    "decimal(12,2)",
    "float",
    "double",
    "varchar(255)",
    "char(1)",
    "text",
    "mediumtext",
    "longtext",
    "date",
    "time",
    "datetime",
    "timestamp",
    "year",
    "json",
    "blob",
    "longblob",
    "binary(16)",
    "enum('a', 'b')",
];
const SQLITE: &[&str] = &[
    "INTEGER",
    "REAL",
    "TEXT",
    "BLOB",
    "NUMERIC",
    "BOOLEAN",
    "DATE",
    "DATETIME",
    "VARCHAR(255)",
];
const MSSQL: &[&str] = &[
    "bigint",
    "int",
    "smallint",
    "tinyint",
    "bit",
    "decimal(12,2)",
    "money",
    "float",
    "real",
    "nvarchar(255)",
    "nvarchar(max)",
    "varchar(255)",
    "nchar(1)",
    "uniqueidentifier",
    "date",
    "time",
    "datetime2",
    "datetimeoffset",
    "varbinary(max)",
    "xml",
];

impl Dialect {
    /// The common column types of the dialect, most used first.
    pub fn type_names(self) -> &'static [&'static str] {
        match self {
            Dialect::PostgreSql => POSTGRESQL,
            Dialect::MySql => MYSQL,
            Dialect::Sqlite => SQLITE,
            Dialect::MsSql => MSSQL,
        }
    }
}

/// The types the studio gives the columns it makes, by what they hold.
impl Dialect {
    /// A new surrogate key column.
    pub fn key_type(self) -> &'static str {
        match self {
            Dialect::Sqlite => "INTEGER",
            Dialect::MySql => "bigint unsigned",
            Dialect::PostgreSql | Dialect::MsSql => "bigint",
        }
    }

    /// A column added by hand, before its type is chosen.
    pub fn new_column_type(self) -> &'static str {
        match self {
            Dialect::Sqlite => "TEXT",
            Dialect::MsSql => "nvarchar(255)",
            Dialect::PostgreSql | Dialect::MySql => "text",
        }
    }

    /// Whole numbers of a sample.
    pub fn integer_type(self) -> &'static str {
        match self {
            Dialect::Sqlite => "INTEGER",
            Dialect::PostgreSql | Dialect::MySql | Dialect::MsSql => "bigint",
        }
    }

    /// Other numbers of a sample.
    pub fn number_type(self) -> &'static str {
        match self {
            Dialect::Sqlite => "REAL",
            Dialect::MsSql | Dialect::MySql => "double precision",
            Dialect::PostgreSql => "numeric",
        }
    }

    /// Text of a sample, of any length.
    pub fn text_type(self) -> &'static str {
        match self {
            Dialect::Sqlite => "TEXT",
            Dialect::MsSql => "nvarchar(max)",
            Dialect::PostgreSql | Dialect::MySql => "text",
        }
    }
}
