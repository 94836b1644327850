//! The column types each dialect offers, as the type picker lists them; any other type text is
//! still accepted as written.

use crate::dialect::Dialect;

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

#[cfg(test)]
mod tests {
    use super::*;

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
