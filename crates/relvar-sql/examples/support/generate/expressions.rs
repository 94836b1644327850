//! Defaults, checks, generation expressions, index expressions and partial-index predicates
//! that fit a column's family, in a dialect's spelling.

use relvar_sql::Dialect;

use super::plan::{Column, Family};
use super::{Rng, literal, quote};

/// A default for the column, if its family has one here.
pub fn default(rng: &mut Rng, column: &Column, dialect: Dialect) -> Option<String> {
    use Dialect::{MySql, PostgreSql};
    let sql = column.ty.sql.as_str();
    if sql.starts_with("bit(") {
        return Some(if dialect == MySql { "b'1'" } else { "B'1'" }.to_owned())
            .filter(|_| sql == "bit(1)");
    }
    if sql == "year" {
        return Some("2020".to_owned());
    }
    let options: Vec<String> = match (&column.ty.family, dialect) {
        (Family::Int, _) => vec!["0".into(), "42".into(), "-7".into(), "(1 + 2)".into()],
        (Family::Decimal, _) => vec!["0".into(), "1.50".into(), "-2.25".into()],
        (Family::Float, _) => vec!["0".into(), "1.5".into()],
        (Family::Bool, PostgreSql) => vec!["true".into(), "false".into()],
        (Family::Bool, _) => vec!["0".into(), "1".into(), "TRUE".into()],
        (Family::String | Family::Text, _) => {
            let room = length(&column.ty.sql).unwrap_or(usize::MAX);
            [("x", 1), ("", 0), ("it's", 4), ("(lower('AB'))", 2)]
                .iter()
                .filter(|(_, needs)| *needs <= room)
                .map(|(text, _)| {
                    if text.starts_with('(') {
                        (*text).to_owned()
                    } else {
                        literal(text)
                    }
                })
                .collect()
        }
        (Family::Date, MySql) => vec![literal("2020-01-31"), "(curdate())".into()],
        (Family::Date, _) => vec![literal("2020-01-31"), "CURRENT_DATE".into()],
        (Family::Time, MySql) => vec![literal("12:30:00"), "(curtime())".into()],
        (Family::Time, _) => vec![literal("12:30:00"), "CURRENT_TIME".into()],
        (Family::Timestamp, PostgreSql) => vec![
            "CURRENT_TIMESTAMP".into(),
            "now()".into(),
            literal("2020-01-31 12:00:00"),
        ],
        (Family::Timestamp, _) => vec!["CURRENT_TIMESTAMP".into(), literal("2020-01-31 12:00:00")],
        (Family::Uuid, PostgreSql) => vec!["gen_random_uuid()".into()],
        (Family::Uuid, MySql) => vec!["(uuid())".into()],
        (Family::Json, PostgreSql) => vec![literal("{}")],
        (Family::Json, _) => vec![literal("{}"), literal("[]")],
        (Family::Enum(values), _) => values.iter().take(2).map(|v| literal(v)).collect(),
        _ => Vec::new(),
    };
    rng.pick(&options).cloned()
}

/// A check on the column alone, if its family has one here.
pub fn check(rng: &mut Rng, column: &Column, dialect: Dialect) -> Option<String> {
    let c = quote(&column.name, dialect);
    let length = match dialect {
        Dialect::MySql => "char_length",
        _ => "length",
    };
    let options: Vec<String> = match &column.ty.family {
        Family::Int | Family::Decimal | Family::Float => vec![
            format!("{c} >= 0"),
            format!("{c} <> 13"),
            format!("{c} BETWEEN -5 AND 1000"),
            format!("{c} > 0 OR {c} IS NULL"),
        ],
        Family::String | Family::Text => vec![
            format!("{length}({c}) > 0"),
            format!("{c} <> ''"),
            format!("{c} IN ('a', 'b', 'it''s')"),
            format!("{c} LIKE 'a%'"),
            format!("lower({c}) = {c}"),
        ],
        Family::Date => vec![format!("{c} > '2000-01-01'")],
        Family::Timestamp => vec![format!("{c} >= '2000-01-01 00:00:00'")],
        Family::Enum(values) => values
            .first()
            .map(|value| format!("{c} <> {}", literal(value)))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    };
    rng.pick(&options).cloned()
}

/// A check over two columns of a table, if two fit.
pub fn table_check(rng: &mut Rng, columns: &[Column], dialect: Dialect) -> Option<String> {
    let numbers: Vec<&Column> = columns
        .iter()
        .filter(|column| matches!(column.ty.family, Family::Int | Family::Decimal))
        .collect();
    if numbers.len() >= 2 && rng.chance(60) {
        let a = quote(&numbers.first()?.name, dialect);
        let b = quote(&numbers.get(1)?.name, dialect);
        return Some(format!("{a} <= {b} OR {a} IS NULL OR {b} IS NULL"));
    }
    let a = quote(&rng.pick(columns)?.name, dialect);
    let b = quote(&rng.pick(columns)?.name, dialect);
    (a != b).then(|| format!("{a} IS NOT NULL OR {b} IS NOT NULL"))
}

/// An expression computing a column of the same type from `column`.
pub fn generation(rng: &mut Rng, column: &Column, dialect: Dialect) -> Option<String> {
    let c = quote(&column.name, dialect);
    match &column.ty.family {
        Family::Int => Some(if rng.chance(50) {
            format!("{c} * 2")
        } else {
            format!("{c} + 1")
        }),
        Family::Decimal => Some(format!("{c} * 2")),
        Family::String | Family::Text => Some(if rng.chance(50) {
            format!("lower({c})")
        } else {
            format!("upper({c})")
        }),
        _ => None,
    }
}

/// An expression to index over `column` (PostgreSQL and SQLite).
pub fn index_expression(column: &Column, dialect: Dialect) -> Option<String> {
    let c = quote(&column.name, dialect);
    match &column.ty.family {
        Family::String | Family::Text => Some(format!("lower({c})")),
        Family::Int | Family::Decimal => Some(format!("{c} + 1")),
        _ => None,
    }
}

/// Which rows a partial index covers.
pub fn predicate(rng: &mut Rng, column: &Column, dialect: Dialect) -> String {
    let c = quote(&column.name, dialect);
    match &column.ty.family {
        Family::Int | Family::Decimal | Family::Float if rng.chance(60) => format!("{c} > 0"),
        Family::String | Family::Text if rng.chance(60) => format!("{c} <> ''"),
        _ => format!("{c} IS NOT NULL"),
    }
}

/// The length a character type declares, `n` in `varchar(n)`.
fn length(sql: &str) -> Option<usize> {
    let open = sql.find('(')?;
    let close = sql.find(')')?;
    sql.get(open + 1..close)?.trim().parse().ok()
}
