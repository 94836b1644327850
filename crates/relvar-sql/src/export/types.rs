//! Column types between dialects: a type's SQL text read into a portable kind, and written in
//! each dialect's spelling, with a note whenever the target cannot hold what the source said.

use crate::dialect::Dialect;

/// A column type as a kind every dialect can express in some way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SqlType {
    Boolean,
    Integer {
        bytes: u8,
        unsigned: bool,
    },
    /// `numeric(p, s)`; no precision means unbounded (PostgreSQL `numeric`).
    Decimal {
        precision: Option<u32>,
        scale: Option<u32>,
    },
    Real,
    Double,
    Money,
    /// Fixed or varying characters; no length means unbounded (`text`, `nvarchar(max)`).
    Char {
        length: Option<u32>,
        varying: bool,
    },
    Binary {
        length: Option<u32>,
        varying: bool,
    },
    Date,
    Time {
        precision: Option<u32>,
    },
    Timestamp {
        precision: Option<u32>,
        time_zone: bool,
    },
    Interval,
    Year,
    Uuid,
    Json,
    Xml,
    /// MySQL inline `enum(...)`, or a named enum type of the design.
    Enum(Vec<String>),
    Set(Vec<String>),
    Array(Box<SqlType>),
    /// A type with no portable reading (a domain, `tsvector`, `geometry`...), as written.
    Other(String),
}

/// The element type of a PostgreSQL array type, whatever its spelling: `int[]`, `int[][]`,
/// `text[3]`, `integer ARRAY`, `integer ARRAY[4]` (the engine keeps no sizes or dimensions).
/// SQL Server's bracket quoting (`[int]`) holds a name, never only digits, so it is not one.
fn array_element(text: &str) -> Option<&str> {
    let mut rest = text.trim_end();
    let mut dimensions = 0;
    while let Some(inner) = rest.strip_suffix(']') {
        let (before, size) = inner.rsplit_once('[')?;
        if !size.trim().chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        rest = before.trim_end();
        dimensions += 1;
    }
    let lower = rest.to_ascii_lowercase();
    if let Some(element) = lower.strip_suffix("array")
        && element.ends_with(char::is_whitespace)
    {
        return rest.get(..element.len()).map(str::trim_end);
    }
    (dimensions > 0).then_some(rest)
}

/// A type written for a dialect, and what was lost on the way if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrittenType {
    pub sql: String,
    pub loss: Option<String>,
}

impl SqlType {
    /// Reads a type as the importer stores it (lower case SQL text, e.g. `character varying(20)`).
    pub fn parse(text: &str) -> Self {
        if let Some(element) = array_element(text) {
            return Self::Array(Box::new(Self::parse(element)));
        }
        let unquoted = text.replace(['"', '[', ']', '`'], "");
        let text = unquoted.trim();
        let (words, arguments) = split_arguments(text);
        let unsigned = words
            .split_ascii_whitespace()
            .any(|word| word == "unsigned");
        let base: Vec<&str> = words
            .split_ascii_whitespace()
            .filter(|word| !matches!(*word, "unsigned" | "signed" | "zerofill"))
            .collect();
        let first_number = |at: usize| arguments.get(at).and_then(|value| value.parse().ok());
        let length = || first_number(0);
        let integer = |bytes| Self::Integer { bytes, unsigned };
        match base.join(" ").as_str() {
            "boolean" | "bool" | "bit" if first_number(0).is_none_or(|n: u32| n == 1) => {
                Self::Boolean
            }
            "tinyint" if first_number(0) == Some(1) && !unsigned => Self::Boolean,
            "tinyint" => integer(1),
            "smallint" | "int2" => integer(2),
            "mediumint" => integer(3),
            "integer" | "int" | "int4" => integer(4),
            "bigint" | "int8" => integer(8),
            "numeric" | "decimal" | "dec" => Self::Decimal {
                precision: first_number(0),
                scale: first_number(1).or(first_number(0).map(|_| 0)),
            },
            "real" | "float4" => Self::Real,
            "float" if first_number(0).is_some_and(|bits: u32| bits <= 24) => Self::Real,
            "double precision" | "double" | "float8" | "float" => Self::Double,
            "money" | "smallmoney" => Self::Money,
            "char" | "character" | "nchar" | "national character" => Self::Char {
                length: length().or(Some(1)),
                varying: false,
            },
            "varchar"
            | "character varying"
            | "nvarchar"
            | "national character varying"
            | "varchar2"
            | "nvarchar2" => Self::Char {
                length: length(),
                varying: true,
            },
            "text" | "tinytext" | "mediumtext" | "longtext" | "ntext" | "clob" | "citext"
            | "string" => Self::Char {
                length: None,
                varying: true,
            },
            "binary" => Self::Binary {
                length: length().or(Some(1)),
                varying: false,
            },
            "varbinary" => Self::Binary {
                length: length(),
                varying: true,
            },
            "bytea" | "blob" | "tinyblob" | "mediumblob" | "longblob" | "image" => Self::Binary {
                length: None,
                varying: true,
            },
            "date" => Self::Date,
            "time" | "time without time zone" => Self::Time {
                precision: first_number(0),
            },
            "timestamp"
            | "timestamp without time zone"
            | "datetime"
            | "datetime2"
            | "smalldatetime" => Self::Timestamp {
                precision: first_number(0),
                time_zone: false,
            },
            "timestamptz" | "timestamp with time zone" | "datetimeoffset" => Self::Timestamp {
                precision: first_number(0),
                time_zone: true,
            },
            "interval" => Self::Interval,
            "year" => Self::Year,
            "uuid" | "uniqueidentifier" => Self::Uuid,
            "json" | "jsonb" => Self::Json,
            "xml" => Self::Xml,
            "enum" => Self::Enum(arguments.iter().map(|value| unquote(value)).collect()),
            "set" => Self::Set(arguments.iter().map(|value| unquote(value)).collect()),
            _ => Self::Other(text.to_owned()),
        }
    }

    /// Reads a type as `dialect` does: SQLite gives a name it does not know a meaning by its
    /// affinity rules (`UNSIGNED BIG INT` holds integers, `VARYING CHARACTER` text).
    pub fn parse_in(text: &str, dialect: Dialect) -> Self {
        match (Self::parse(text), dialect) {
            (Self::Other(other), Dialect::Sqlite) => {
                super::affinity::known(&other).unwrap_or(Self::Other(other))
            }
            (parsed, _) => parsed,
        }
    }

    /// Writes the type for `dialect`. `in_key` says the column is part of a key or index, where
    /// MySQL and SQL Server cannot use unbounded text.
    pub fn write(&self, dialect: Dialect, in_key: bool) -> WrittenType {
        // PostgreSQL and MySQL keep microseconds at most; SQL Server keeps 100 ns.
        let most = 6;
        if let Self::Time {
            precision: Some(digits),
        }
        | Self::Timestamp {
            precision: Some(digits),
            ..
        } = self
            && *digits > most
            && dialect != Dialect::MsSql
        {
            let mut fewer = self.clone();
            if let Self::Time { precision } | Self::Timestamp { precision, .. } = &mut fewer {
                *precision = Some(most);
            }
            return WrittenType {
                loss: Some(format!(
                    "fractions of a second kept to {most} digits, not {digits}"
                )),
                ..fewer.write(dialect, in_key)
            };
        }
        let exact = |sql: &str| WrittenType {
            sql: sql.to_owned(),
            loss: None,
        };
        let lossy = |sql: &str, loss: &str| WrittenType {
            sql: sql.to_owned(),
            loss: Some(loss.to_owned()),
        };
        let with = |name: &str, value: Option<u32>| match value {
            Some(value) => format!("{name}({value})"),
            None => name.to_owned(),
        };
        use Dialect::{MsSql, MySql, PostgreSql, Sqlite};
        match (self, dialect) {
            (Self::Boolean, PostgreSql | Sqlite) => exact("boolean"),
            (Self::Boolean, MySql) => exact("tinyint(1)"),
            (Self::Boolean, MsSql) => exact("bit"),
            (Self::Integer { bytes, unsigned }, _) => integer(*bytes, *unsigned, dialect),
            (Self::Decimal { precision, scale }, _) => decimal(*precision, *scale, dialect),
            (Self::Real, MySql) => exact("float"),
            (Self::Real, _) => exact("real"),
            (Self::Double, PostgreSql) => exact("double precision"),
            (Self::Double, MySql) => exact("double"),
            (Self::Double, Sqlite) => exact("real"),
            (Self::Double, MsSql) => exact("float"),
            (Self::Money, MsSql) => exact("money"),
            (Self::Money, PostgreSql) => exact("numeric(19,4)"),
            (Self::Money, _) => exact("decimal(19,4)"),
            (Self::Char { length, varying }, _) => characters(*length, *varying, dialect, in_key),
            (Self::Binary { length, varying }, _) => binary(*length, *varying, dialect, in_key),
            (Self::Date, _) => exact("date"),
            (Self::Time { precision }, _) => exact(&with("time", *precision)),
            (
                Self::Timestamp {
                    precision,
                    time_zone: false,
                },
                PostgreSql | Sqlite,
            ) => exact(&with("timestamp", *precision)),
            (
                Self::Timestamp {
                    precision,
                    time_zone: false,
                },
                MySql,
            ) => exact(&with("datetime", *precision)),
            (
                Self::Timestamp {
                    precision,
                    time_zone: false,
                },
                MsSql,
            ) => exact(&with("datetime2", *precision)),
            (
                Self::Timestamp {
                    precision,
                    time_zone: true,
                },
                PostgreSql,
            ) => exact(&format!("{} with time zone", with("timestamp", *precision))),
            (
                Self::Timestamp {
                    precision,
                    time_zone: true,
                },
                MySql,
            ) => lossy(
                &with("datetime", *precision),
                "MySQL stores no time zone with a datetime",
            ),
            (
                Self::Timestamp {
                    time_zone: true, ..
                },
                Sqlite,
            ) => exact("timestamptz"),
            (
                Self::Timestamp {
                    precision,
                    time_zone: true,
                },
                MsSql,
            ) => exact(&with("datetimeoffset", *precision)),
            (Self::Interval, PostgreSql) => exact("interval"),
            (Self::Interval, _) => lossy("varchar(64)", "no interval type; written as text"),
            (Self::Year, MySql) => exact("year"),
            (Self::Year, _) => exact("smallint"),
            (Self::Uuid, PostgreSql) => exact("uuid"),
            (Self::Uuid, MySql) => exact("char(36)"),
            (Self::Uuid, Sqlite) => exact("text"),
            (Self::Uuid, MsSql) => exact("uniqueidentifier"),
            (Self::Json, PostgreSql) => exact("jsonb"),
            (Self::Json, MySql) => exact("json"),
            (Self::Json, Sqlite) => exact("text"),
            (Self::Json, MsSql) => exact("nvarchar(max)"),
            (Self::Xml, PostgreSql | MsSql) => exact("xml"),
            (Self::Xml, _) => lossy(
                if dialect == MySql { "longtext" } else { "text" },
                "no xml type; written as text",
            ),
            (Self::Enum(values) | Self::Set(values), MySql) => {
                let kind = if matches!(self, Self::Enum(_)) {
                    "enum"
                } else {
                    "set"
                };
                let quoted: Vec<String> =
                    values.iter().map(|value| string_literal(value)).collect();
                exact(&format!("{kind}({})", quoted.join(",")))
            }
            (Self::Enum(values), _) => {
                let longest = values.iter().map(|value| value.chars().count()).max();
                let length = u32::try_from(longest.unwrap_or(1).max(1)).unwrap_or(255);
                characters(Some(length), true, dialect, in_key)
            }
            (Self::Set(_), _) => lossy(
                if dialect == MsSql {
                    "nvarchar(max)"
                } else {
                    "text"
                },
                "no set type; written as text holding the comma-separated members",
            ),
            (Self::Array(element), PostgreSql) => {
                let inner = element.write(dialect, in_key);
                WrittenType {
                    sql: format!("{}[]", inner.sql),
                    loss: inner.loss,
                }
            }
            (Self::Array(_), MySql) => lossy("json", "no array type; written as json"),
            (Self::Array(_), Sqlite) => lossy("text", "no array type; written as text"),
            (Self::Array(_), MsSql) => lossy("nvarchar(max)", "no array type; written as text"),
            (Self::Other(text), _) => other(text, dialect, in_key),
        }
    }
}

fn integer(bytes: u8, unsigned: bool, dialect: Dialect) -> WrittenType {
    let sql = match dialect {
        Dialect::MySql => {
            let name = match bytes {
                1 => "tinyint",
                2 => "smallint",
                3 => "mediumint",
                4 => "int",
                _ => "bigint",
            };
            if unsigned {
                format!("{name} unsigned")
            } else {
                name.to_owned()
            }
        }
        // SQL Server's tinyint is unsigned: it holds an unsigned byte exactly, a signed one not.
        Dialect::MsSql if bytes == 1 && unsigned => "tinyint".to_owned(),
        _ => {
            // Without unsigned types, the next wider signed type holds every unsigned value.
            let needed = if unsigned {
                bytes.saturating_mul(2)
            } else {
                bytes
            };
            match (needed, dialect) {
                (0..=2, _) => "smallint",
                (3..=4, Dialect::MsSql) => "int",
                (3..=4, _) => "integer",
                (5..=8, _) => "bigint",
                _ => "numeric(20)",
            }
            .to_owned()
        }
    };
    WrittenType { sql, loss: None }
}

fn decimal(precision: Option<u32>, scale: Option<u32>, dialect: Dialect) -> WrittenType {
    let (name, limit) = match dialect {
        Dialect::PostgreSql => ("numeric", 1000),
        Dialect::MySql => ("decimal", 65),
        Dialect::Sqlite => ("numeric", u32::MAX),
        Dialect::MsSql => ("decimal", 38),
    };
    match (precision, scale) {
        (None, _) if dialect == Dialect::PostgreSql || dialect == Dialect::Sqlite => WrittenType {
            sql: name.to_owned(),
            loss: None,
        },
        (None, _) => WrittenType {
            sql: format!("{name}({limit},10)"),
            loss: Some(format!("unbounded numeric written as {name}({limit},10)")),
        },
        (Some(precision), scale) if precision > limit => WrittenType {
            sql: format!("{name}({limit},{})", scale.unwrap_or(0).min(limit)),
            loss: Some(format!("precision {precision} is more than {limit}")),
        },
        (Some(precision), Some(0)) => WrittenType {
            sql: format!("{name}({precision})"),
            loss: None,
        },
        (Some(precision), Some(scale)) => WrittenType {
            sql: format!("{name}({precision},{scale})"),
            loss: None,
        },
        (Some(precision), None) => WrittenType {
            sql: format!("{name}({precision})"),
            loss: None,
        },
    }
}

/// MySQL and SQL Server key columns need a bounded type; this many characters is what both index
/// in full under their key size limits.
const KEY_TEXT_LENGTH: u32 = 191;

fn characters(length: Option<u32>, varying: bool, dialect: Dialect, in_key: bool) -> WrittenType {
    let exact = |sql: String| WrittenType { sql, loss: None };
    match (dialect, length, varying) {
        (Dialect::PostgreSql, None, _) => exact("text".to_owned()),
        (Dialect::PostgreSql, Some(n), true) => exact(format!("varchar({n})")),
        (Dialect::PostgreSql | Dialect::Sqlite, Some(n), false) => exact(format!("char({n})")),
        (Dialect::Sqlite, None, _) => exact("text".to_owned()),
        (Dialect::Sqlite, Some(n), true) => exact(format!("varchar({n})")),
        (Dialect::MySql | Dialect::MsSql, None, _) if in_key => WrittenType {
            sql: if dialect == Dialect::MySql {
                format!("varchar({KEY_TEXT_LENGTH})")
            } else {
                format!("nvarchar({KEY_TEXT_LENGTH})")
            },
            loss: Some(format!(
                "unbounded text in a key written as {KEY_TEXT_LENGTH} characters"
            )),
        },
        (Dialect::MySql, None, _) => exact("longtext".to_owned()),
        (Dialect::MySql, Some(n), false) if n <= 255 => exact(format!("char({n})")),
        (Dialect::MySql, Some(n), _) if n <= 16383 => exact(format!("varchar({n})")),
        (Dialect::MySql, Some(_), _) => exact("longtext".to_owned()),
        (Dialect::MsSql, None, _) => exact("nvarchar(max)".to_owned()),
        (Dialect::MsSql, Some(n), false) if n <= 4000 => exact(format!("nchar({n})")),
        (Dialect::MsSql, Some(n), _) if n <= 4000 => exact(format!("nvarchar({n})")),
        (Dialect::MsSql, Some(_), _) => exact("nvarchar(max)".to_owned()),
    }
}

fn binary(length: Option<u32>, varying: bool, dialect: Dialect, in_key: bool) -> WrittenType {
    let exact = |sql: String| WrittenType { sql, loss: None };
    match (dialect, length, varying) {
        (Dialect::PostgreSql, _, _) => exact("bytea".to_owned()),
        (Dialect::Sqlite, _, _) => exact("blob".to_owned()),
        (Dialect::MySql | Dialect::MsSql, None, _) if in_key => WrittenType {
            sql: format!("varbinary({KEY_TEXT_LENGTH})"),
            loss: Some(format!(
                "unbounded binary in a key written as {KEY_TEXT_LENGTH} bytes"
            )),
        },
        (Dialect::MySql, None, _) => exact("longblob".to_owned()),
        (Dialect::MsSql, None, _) => exact("varbinary(max)".to_owned()),
        (Dialect::MySql, Some(n), false) if n <= 255 => exact(format!("binary({n})")),
        (Dialect::MsSql, Some(n), false) if n <= 8000 => exact(format!("binary({n})")),
        (Dialect::MySql, Some(n), _) if n <= 65535 => exact(format!("varbinary({n})")),
        (Dialect::MsSql, Some(n), _) if n <= 8000 => exact(format!("varbinary({n})")),
        (Dialect::MySql, Some(_), _) => exact("longblob".to_owned()),
        (Dialect::MsSql, Some(_), _) => exact("varbinary(max)".to_owned()),
    }
}

/// A type with no portable reading: kept as written where the target is likely to know it,
/// otherwise text, said so.
fn other(text: &str, dialect: Dialect, in_key: bool) -> WrittenType {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ');
    if dialect == Dialect::Sqlite && plain {
        return WrittenType {
            sql: text.to_owned(),
            loss: None,
        };
    }
    let fallback = characters(None, true, dialect, in_key);
    WrittenType {
        loss: Some(format!(
            "{text} has no {} equivalent; written as {}",
            dialect.name(),
            fallback.sql
        )),
        sql: fallback.sql,
    }
}

/// `numeric(5, 2)` as (`numeric`, [`5`, `2`]); list items are trimmed, quotes kept.
fn split_arguments(text: &str) -> (String, Vec<String>) {
    let Some(open) = text.find('(') else {
        return (text.to_owned(), Vec::new());
    };
    let close = text
        .rfind(')')
        .filter(|close| *close > open)
        .unwrap_or(text.len());
    let inside = text.get(open + 1..close).unwrap_or_default();
    let after = text.get(close + 1..).unwrap_or_default();
    let words = format!(
        "{} {}",
        text.get(..open).unwrap_or_default().trim(),
        after.trim()
    );
    let mut arguments = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for character in inside.chars() {
        match character {
            '\'' => {
                quoted = !quoted;
                current.push(character);
            }
            ',' if !quoted => arguments.push(std::mem::take(&mut current).trim().to_owned()),
            _ => current.push(character),
        }
    }
    if !current.trim().is_empty() {
        arguments.push(current.trim().to_owned());
    }
    (words.trim().to_owned(), arguments)
}

fn unquote(value: &str) -> String {
    value
        .strip_prefix('\'')
        .and_then(|rest| rest.strip_suffix('\''))
        .map_or_else(|| value.to_owned(), |inner| inner.replace("''", "'"))
}

/// A SQL string literal: single quotes, inner quotes doubled.
pub(crate) fn string_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
#[path = "types_tests.rs"]
mod tests;
