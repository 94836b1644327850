//! Reading and writing types between dialects.

use super::SqlType;
use crate::Dialect;

fn written(text: &str, dialect: Dialect) -> String {
    SqlType::parse(text).write(dialect, false).sql
}

#[test]
fn types_are_read_from_every_dialect() {
    assert_eq!(
        SqlType::parse("character varying(20)"),
        SqlType::Char {
            length: Some(20),
            varying: true
        }
    );
    assert_eq!(
        SqlType::parse("int(10) unsigned"),
        SqlType::Integer {
            bytes: 4,
            unsigned: true
        }
    );
    assert_eq!(SqlType::parse("tinyint(1)"), SqlType::Boolean);
    assert_eq!(
        SqlType::parse("nvarchar(max)"),
        SqlType::Char {
            length: None,
            varying: true
        }
    );
    assert_eq!(
        SqlType::parse("numeric(5, 2)"),
        SqlType::Decimal {
            precision: Some(5),
            scale: Some(2)
        }
    );
    assert_eq!(
        SqlType::parse("enum('a','it''s')"),
        SqlType::Enum(vec!["a".into(), "it's".into()])
    );
    for spelled in [
        "text[3]",
        "text[][]",
        "text [ 3 ] [2]",
        "text array",
        "text array[4]",
    ] {
        assert_eq!(
            SqlType::parse(spelled),
            SqlType::parse("text[]"),
            "{spelled}"
        );
    }
    assert_ne!(SqlType::parse("[nvarchar]"), SqlType::parse("nvarchar[]"));
    assert_ne!(SqlType::parse("myarray"), SqlType::parse("my[]"));
    assert_eq!(
        SqlType::parse("text[]"),
        SqlType::Array(Box::new(SqlType::Char {
            length: None,
            varying: true
        }))
    );
    assert_eq!(
        SqlType::parse("timestamp(6) with time zone"),
        SqlType::Timestamp {
            precision: Some(6),
            time_zone: true
        }
    );
}

#[test]
fn types_are_written_in_each_dialects_spelling() {
    assert_eq!(
        written("timestamp with time zone", Dialect::MsSql),
        "datetimeoffset"
    );
    assert_eq!(written("datetime2(7)", Dialect::PostgreSql), "timestamp(6)");
    assert_eq!(written("int unsigned", Dialect::PostgreSql), "bigint");
    assert_eq!(written("int unsigned", Dialect::MySql), "int unsigned");
    assert_eq!(written("text", Dialect::MySql), "longtext");
    assert_eq!(written("uuid", Dialect::MsSql), "uniqueidentifier");
    assert_eq!(written("enum('a','b')", Dialect::PostgreSql), "varchar(1)");
    assert_eq!(
        SqlType::parse("text").write(Dialect::MySql, true).sql,
        "varchar(191)"
    );
    assert!(
        SqlType::parse("tsvector")
            .write(Dialect::MySql, false)
            .loss
            .is_some()
    );
    assert!(
        SqlType::parse("timestamptz")
            .write(Dialect::MySql, false)
            .loss
            .is_some()
    );
}

#[test]
fn fractions_beyond_microseconds_are_cut_where_the_engine_keeps_six_digits() {
    let time = SqlType::parse("time(7)").write(Dialect::PostgreSql, false);
    assert_eq!(time.sql, "time(6)");
    assert!(time.loss.is_some());
    assert_eq!(written("datetime2(7)", Dialect::MySql), "datetime(6)");
    assert_eq!(written("datetime2(7)", Dialect::MsSql), "datetime2(7)");
    assert_eq!(written("timestamp(3)", Dialect::MySql), "datetime(3)");
}
