//! Property: any design, hostile names included, exported as PostgreSQL DDL imports back to the
//! same design.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use proptest::prelude::*;
use relvar_model::{
    Column, Design, ForeignKey, PrimaryKey, ReferentialAction, Table, UniqueConstraint,
};
use relvar_sql::{Dialect, export_ddl, import_sql};

const NAMES: &[&str] = &[
    "id",
    "user",
    "order",
    "select",
    "Group",
    "OrderItems",
    "first name",
    "naïve",
    "日本",
    "a\"b",
    "it's",
    "a$b",
    "_x1",
    "1st",
    "table",
    "camelCase",
    "UPPER",
    "with space\tand tab",
    "ⅰ",
];
const TYPES: &[&str] = &[
    "integer",
    "bigint",
    "smallint",
    "text",
    "boolean",
    "numeric(10,2)",
    "varchar(40)",
    "char(3)",
    "timestamp with time zone",
    "timestamp",
    "date",
    "uuid",
    "jsonb",
    "double precision",
    "bytea",
    "text[]",
];
const DEFAULTS: &[&str] = &["42", "'x'", "now()", "'it''s'", "-1"];
const ACTIONS: &[ReferentialAction] = &[
    ReferentialAction::NoAction,
    ReferentialAction::Restrict,
    ReferentialAction::Cascade,
    ReferentialAction::SetNull,
    ReferentialAction::SetDefault,
];

#[derive(Debug, Clone)]
struct ColumnSpec {
    name: usize,
    data_type: usize,
    nullable: bool,
    default: Option<usize>,
}

#[derive(Debug, Clone)]
struct TableSpec {
    schema: Option<usize>,
    name: usize,
    columns: Vec<ColumnSpec>,
    key_length: usize,
    unique_last: bool,
}

fn column_spec() -> impl Strategy<Value = ColumnSpec> {
    (
        0..NAMES.len(),
        0..TYPES.len(),
        any::<bool>(),
        prop::option::of(0..DEFAULTS.len()),
    )
        .prop_map(|(name, data_type, nullable, default)| ColumnSpec {
            name,
            data_type,
            nullable,
            default,
        })
}

fn table_spec() -> impl Strategy<Value = TableSpec> {
    (
        prop::option::of(0..NAMES.len()),
        0..NAMES.len(),
        prop::collection::vec(column_spec(), 1..6),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(
            |(schema, name, columns, key_length, unique_last)| TableSpec {
                schema,
                name,
                columns,
                key_length,
                unique_last,
            },
        )
}

/// Builds a valid design: distinct names, keys over existing columns, foreign keys to keys.
fn build(tables: &[TableSpec], links: &[(usize, usize, usize, usize)]) -> Design {
    let mut design = Design::default();
    for (index, spec) in tables.iter().enumerate() {
        let id = design.ids.table();
        let mut table = Table::new(
            id,
            spec.schema.map(|s| NAMES[s].to_owned()),
            format!("{}{index}", NAMES[spec.name]),
        );
        for (position, column) in spec.columns.iter().enumerate() {
            let column_id = design.ids.column();
            let mut built = Column::new(
                column_id,
                format!("{}{position}", NAMES[column.name]),
                TYPES[column.data_type],
            );
            built.nullable = column.nullable;
            built.default = column.default.map(|d| DEFAULTS[d].to_owned());
            table.columns.push(built);
        }
        let key: Vec<_> = table
            .columns
            .iter()
            .take(spec.key_length)
            .map(|c| c.id)
            .collect();
        if !key.is_empty() {
            for column in table.columns.iter_mut().take(key.len()) {
                column.nullable = false;
            }
            table.primary_key = Some(PrimaryKey {
                name: Some(format!("{} pk", table.name)),
                columns: key,
            });
        }
        if spec.unique_last {
            let last = table.columns.last().map(|c| c.id).into_iter().collect();
            table.uniques.push(UniqueConstraint {
                name: None,
                columns: last,
            });
        }
        design.tables.push(table);
    }
    for &(child, parent, on_delete, on_update) in links {
        let (child, parent) = (child % design.tables.len(), parent % design.tables.len());
        let Some(key) = design.tables[parent].primary_key.clone() else {
            continue;
        };
        let from: Vec<_> = design.tables[child]
            .columns
            .iter()
            .rev()
            .take(key.columns.len())
            .map(|c| c.id)
            .collect();
        if from.len() != key.columns.len() {
            continue;
        }
        let id = design.ids.foreign_key();
        design.foreign_keys.push(ForeignKey {
            id,
            name: Some(format!("fk {}", id.0)),
            from_table: design.tables[child].id,
            from_columns: from,
            to_table: design.tables[parent].id,
            to_columns: key.columns,
            on_delete: ACTIONS[on_delete],
            on_update: ACTIONS[on_update],
        });
    }
    design
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn postgres_ddl_round_trips(
        tables in prop::collection::vec(table_spec(), 1..6),
        links in prop::collection::vec((0usize..6, 0usize..6, 0..ACTIONS.len(), 0..ACTIONS.len()), 0..6),
    ) {
        let design = build(&tables, &links);
        let ddl = export_ddl(&design, Dialect::PostgreSql);
        let import = import_sql(&ddl, Dialect::PostgreSql);
        prop_assert!(import.diagnostics.is_empty(), "{ddl}\n{:#?}", import.diagnostics);
        prop_assert_eq!(import.design.outline(), design.outline(), "{}", ddl);
        prop_assert_eq!(&import.design.tables, &design.tables, "{}", ddl);
        prop_assert_eq!(&import.design.foreign_keys, &design.foreign_keys, "{}", ddl);
    }
}
