//! RV032: an integer key too narrow for the rows its table is expected to reach.

use relvar_model::{Column, Command, Table};

use crate::context::Context;
use crate::finding::{Fix, column_label};
use crate::report::Reporter;
use crate::row_count::format_row_count;
use crate::rule::{Scope, rule_info};
use crate::types::SqlType;
use relvar_model::Dialect;

rule_info! {
    code: "RV032",
    name: "integer-key-overflow",
    severity: Warning,
    summary: "A table's expected row count (its capacity estimate) reaches half the range of its integer primary key's type, such as 2^31 for integer.",
    why: "When the key's sequence passes the type's largest value (2,147,483,647 for a 32-bit integer) every insert fails until the key and every column referencing it are rewritten, which locks and copies the tables when they are at their biggest. Ids run out before rows do: rolled-back inserts, sequence caches and deleted rows all use ids up. A 64-bit key costs four bytes more per row and lasts practically forever.",
    example: "-- expected rows: event 3000000000\nCREATE TABLE event (id serial PRIMARY KEY, happened_at timestamptz NOT NULL);",
}

pub const SCOPE: Scope = Scope::Neighbours;

/// The largest value of a too-narrow integer type, and the 64-bit type to widen it to; `None`
/// for types that are already 64 bits wide (or not integers). MySQL's `serial` is 64 bits wide.
fn limit_and_wider(
    written: &SqlType,
    resolved: &SqlType,
    engine: Option<Dialect>,
) -> Option<(u64, &'static str)> {
    let unsigned = resolved.rest.split(' ').any(|word| word == "unsigned");
    let written_base = match written.base.as_str() {
        "serial" if engine == Some(Dialect::MySql) => return None,
        base => base,
    };
    let (bits, wider) = match (written_base, resolved.base.as_str()) {
        ("serial" | "serial4", _) => (32, "bigserial"),
        ("smallserial" | "serial2", _) => (16, "bigserial"),
        (_, "integer") => (32, "bigint"),
        (_, "mediumint") => (24, "bigint"),
        (_, "smallint") => (16, "bigint"),
        (_, "tinyint") => (8, "bigint"),
        _ => return None,
    };
    let wider = if unsigned && wider == "bigint" {
        "bigint unsigned"
    } else {
        wider
    };
    let limit = if unsigned {
        (1u64 << bits) - 1
    } else {
        (1u64 << (bits - 1)) - 1
    };
    Some((limit, wider))
}

pub fn check(cx: &Context<'_>, report: &mut Reporter<'_>) {
    // Every SQLite integer, a rowid key included, is 64 bits wide.
    if cx.is(Dialect::Sqlite) {
        return;
    }
    for table in cx.entity_tables() {
        let Some(expected) = table.expected_rows else {
            continue;
        };
        let Some(key) = table.primary_key.as_ref() else {
            continue;
        };
        for column_id in &key.columns {
            let (Some(column), Some(facts)) = (
                table.columns.iter().find(|column| column.id == *column_id),
                cx.column_facts(table.id, *column_id),
            ) else {
                continue;
            };
            let Some((limit, wider)) =
                limit_and_wider(&facts.written, &facts.resolved, cx.dialect.engine)
            else {
                continue;
            };
            if expected < limit / 2 {
                continue;
            }
            report_narrow(cx, report, table, column, expected, limit, wider);
        }
    }
}

/// The narrow key, with widening it and the columns referencing it as its fix.
fn report_narrow(
    cx: &Context<'_>,
    report: &mut Reporter<'_>,
    table: &Table,
    column: &Column,
    expected: u64,
    limit: u64,
    wider: &str,
) {
    let name = column_label(table, column);
    let mut widen = vec![Command::SetColumnType {
        table: table.id,
        column: column.id,
        data_type: wider.to_owned(),
    }];
    let referencing_type = wider.replace("bigserial", "bigint");
    let mut referencing = 0;
    for foreign_key in cx.foreign_keys_to(table.id) {
        for (from, to) in foreign_key.from_columns.iter().zip(&foreign_key.to_columns) {
            let narrow = cx
                .column_facts(foreign_key.from_table, *from)
                .is_some_and(|facts| {
                    limit_and_wider(&facts.written, &facts.resolved, cx.dialect.engine).is_some()
                });
            if *to == column.id && narrow {
                referencing += 1;
                widen.push(Command::SetColumnType {
                    table: foreign_key.from_table,
                    column: *from,
                    data_type: referencing_type.clone(),
                });
            }
        }
    }
    let and_referencing = match referencing {
        0 => String::new(),
        1 => " and the column referencing it".to_owned(),
        n => format!(" and the {n} columns referencing it"),
    };
    report
        .column(
            table,
            column,
            format!(
                "{} is expected to reach {} rows, but its key {name} is {}, which stops at {}",
                table.display_name(),
                format_row_count(expected),
                column.data_type,
                format_row_count(limit)
            ),
        )
        .fix(Fix::new(
            format!("make {name} {wider}{and_referencing}"),
            Command::Batch(widen),
        ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_follow_the_width_and_signedness_of_the_type() {
        let limit = |text: &str| {
            let parsed = SqlType::parse(text);
            limit_and_wider(&parsed, &parsed, Some(Dialect::PostgreSql))
        };
        assert_eq!(limit("integer"), Some((2_147_483_647, "bigint")));
        assert_eq!(
            limit("int(10) unsigned"),
            Some((4_294_967_295, "bigint unsigned"))
        );
        assert_eq!(limit("serial"), Some((2_147_483_647, "bigserial")));
        assert_eq!(limit("smallint"), Some((32_767, "bigint")));
        assert_eq!(limit("mediumint"), Some((8_388_607, "bigint")));
        assert_eq!(limit("bigint"), None);
        assert_eq!(limit("bigserial"), None);
        assert_eq!(limit("uuid"), None);
        let parsed = SqlType::parse("serial");
        assert_eq!(
            limit_and_wider(&parsed, &parsed, Some(Dialect::MySql)),
            None
        );
    }
}
