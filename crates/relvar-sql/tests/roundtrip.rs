//! Property: any design, hostile names included, exported as DDL for its own dialect imports back
//! to the same design: PostgreSQL, MySQL, SQLite and SQL Server.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use proptest::prelude::*;
use relvar_model::{
    CheckConstraint, Column, Deferral, Design, ForeignKey, Identity, Index, IndexKey, IndexPart,
    PrimaryKey, ReferentialAction, Table, UniqueConstraint,
};
use relvar_sql::{Dialect, SqlSyntax, export_ddl, import_sql};
use support::sorted_entries;

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
/// Column types as the importer stores them, per dialect.
fn types(dialect: Dialect) -> &'static [&'static str] {
    match dialect {
        Dialect::PostgreSql => &[
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
        ],
        Dialect::MySql => &[
            "int",
            "bigint",
            "int unsigned",
            "varchar(40)",
            "text",
            "decimal(10,2)",
            "datetime",
            "date",
            "double",
            "blob",
            "json",
        ],
        Dialect::Sqlite => &[
            "integer",
            "text",
            "real",
            "blob",
            "numeric",
            "varchar(40)",
            "boolean",
            "datetime",
        ],
        Dialect::MsSql => &[
            "int",
            "bigint",
            "nvarchar(40)",
            "nvarchar(max)",
            "decimal(10,2)",
            "datetime2",
            "bit",
            "uniqueidentifier",
            "varbinary(max)",
            "date",
        ],
    }
}

const DEFAULTS: &[&str] = &["42", "'x'", "'it''s'", "-1"];
const ACTIONS: &[ReferentialAction] = &[
    ReferentialAction::NoAction,
    ReferentialAction::Restrict,
    ReferentialAction::Cascade,
    ReferentialAction::SetNull,
    ReferentialAction::SetDefault,
];

fn integer_type(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::PostgreSql | Dialect::Sqlite => "integer",
        Dialect::MySql | Dialect::MsSql => "int",
    }
}

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
    numbered: bool,
    checked: bool,
    indexed: Option<bool>,
    comment: Option<usize>,
}

fn column_spec() -> impl Strategy<Value = ColumnSpec> {
    (
        0..NAMES.len(),
        0usize..16,
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
        (
            any::<bool>(),
            any::<bool>(),
            prop::option::of(any::<bool>()),
            prop::option::of(0..NAMES.len()),
        ),
    )
        .prop_map(
            |(
                schema,
                name,
                columns,
                key_length,
                unique_last,
                (numbered, checked, indexed, comment),
            )| {
                TableSpec {
                    schema,
                    name,
                    columns,
                    key_length,
                    unique_last,
                    numbered,
                    checked,
                    indexed,
                    comment,
                }
            },
        )
}

/// Builds a valid design: distinct names, keys over existing columns, foreign keys to keys.
fn build(
    dialect: Dialect,
    tables: &[TableSpec],
    links: &[(usize, usize, usize, usize, bool)],
) -> Design {
    let mut design = Design {
        source_dialect: Some(dialect),
        ..Design::default()
    };
    let types = types(dialect);
    let has_schemas = matches!(dialect, Dialect::PostgreSql | Dialect::MsSql);
    for (index, spec) in tables.iter().enumerate() {
        let id = design.ids.table();
        let mut table = Table::new(
            id,
            spec.schema
                .filter(|_| has_schemas)
                .map(|s| NAMES[s].to_owned()),
            format!("{}{index}", NAMES[spec.name]),
        );
        for (position, column) in spec.columns.iter().enumerate() {
            let column_id = design.ids.column();
            let mut built = Column::new(
                column_id,
                format!("{}{position}", NAMES[column.name]),
                types[column.data_type % types.len()],
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
                name: (dialect != Dialect::MySql).then(|| format!("{} pk", table.name)),
                columns: key,
            });
            // Every dialect numbers a leading integer key column; SQLite only a one-column key.
            if spec.numbered && (dialect != Dialect::Sqlite || spec.key_length == 1) {
                let first = &mut table.columns[0];
                first.data_type = integer_type(dialect).to_owned();
                first.default = None;
                first.identity = Some(match dialect {
                    Dialect::PostgreSql if spec.unique_last => Identity::Always,
                    Dialect::MsSql => Identity::Always,
                    _ => Identity::ByDefault,
                });
            }
        }
        if spec.checked {
            let column = &table.columns[0];
            table.checks.push(CheckConstraint {
                name: Some(format!("{} check", table.name)),
                expression: format!("{} IS NOT NULL", dialect.quote(&column.name)),
            });
        }
        if let Some(descending) = spec.indexed {
            let last = table.columns.last().map(|c| c.id).unwrap();
            table.indexes.push(Index {
                name: Some(format!("{} ix", table.name)),
                unique: false,
                method: None,
                parts: vec![IndexPart {
                    key: IndexKey::Column(last),
                    prefix: None,
                    descending,
                    operator_class: None,
                    collation: None,
                }],
                include: Vec::new(),
                predicate: None,
                kind: None,
                verbatim_options: Vec::new(),
            });
        }
        if let Some(comment) = spec.comment.filter(|_| dialect != Dialect::Sqlite) {
            table.columns[0].comment = Some(format!("about {}", NAMES[comment]));
            table.comment = Some(NAMES[comment].to_owned());
        }
        if spec.unique_last {
            let last = table.columns.last().map(|c| c.id).into_iter().collect();
            table.uniques.push(UniqueConstraint {
                name: None,
                columns: last,
            });
        }
        if let Some(schema) = &table.schema
            && !design.schemas.contains(schema)
            && matches!(dialect, Dialect::PostgreSql | Dialect::MsSql)
        {
            design.schemas.push(schema.clone());
        }
        design.tables.push(table);
    }
    let actions: Vec<ReferentialAction> = ACTIONS
        .iter()
        .copied()
        .filter(|action| match dialect {
            Dialect::MySql => *action != ReferentialAction::SetDefault,
            Dialect::MsSql => *action != ReferentialAction::Restrict,
            _ => true,
        })
        .collect();
    for &(child, parent, on_delete, on_update, deferrable) in links {
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
        // InnoDB refuses SET NULL on a NOT NULL column, and export says so: a design error, not
        // a round-trip one.
        let any_required = design.tables[child]
            .columns
            .iter()
            .any(|column| from.contains(&column.id) && !column.nullable);
        let action = |choice: usize| match actions[choice % actions.len()] {
            ReferentialAction::SetNull if any_required && dialect == Dialect::MySql => {
                ReferentialAction::Cascade
            }
            action => action,
        };
        let id = design.ids.foreign_key();
        design.foreign_keys.push(ForeignKey {
            id,
            name: Some(format!("fk {}", id.0)),
            from_table: design.tables[child].id,
            from_columns: from,
            to_table: design.tables[parent].id,
            to_columns: key.columns,
            on_delete: action(on_delete),
            on_update: action(on_update),
            deferral: if deferrable && matches!(dialect, Dialect::PostgreSql | Dialect::Sqlite) {
                Deferral::DeferrableDeferred
            } else {
                Deferral::NotDeferrable
            },
        });
    }
    design
}

/// The outline with tables and foreign keys in name order: export writes tables in dependency
/// order, so the order of both may change; everything else must not.
fn canonical(design: &Design) -> String {
    let blocks = sorted_entries(design.outline().lines());
    let mut comments: Vec<String> = design
        .tables
        .iter()
        .flat_map(|table| {
            let columns = table
                .columns
                .iter()
                .map(move |column| format!("{}.{}: {:?}", table.name, column.name, column.comment));
            std::iter::once(format!("{}: {:?}", table.name, table.comment)).chain(columns)
        })
        .collect();
    comments.sort();
    format!("{}\n{}", blocks.join("\n"), comments.join("\n"))
}

fn round_trip(
    dialect: Dialect,
    tables: &[TableSpec],
    links: &[(usize, usize, usize, usize, bool)],
) -> Result<(), TestCaseError> {
    let design = build(dialect, tables, links);
    let ddl = export_ddl(&design, dialect);
    prop_assert!(ddl.warnings.is_empty(), "{:?}\n{}", ddl.warnings, ddl.sql);
    let import = import_sql(&ddl.sql, dialect);
    prop_assert!(
        import.diagnostics.is_empty(),
        "{}\n{:#?}",
        ddl.sql,
        import.diagnostics
    );
    prop_assert_eq!(canonical(&import.design), canonical(&design), "{}", ddl.sql);
    Ok(())
}

fn links() -> impl Strategy<Value = Vec<(usize, usize, usize, usize, bool)>> {
    prop::collection::vec(
        (0usize..6, 0usize..6, 0usize..5, 0usize..5, any::<bool>()),
        0..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]
    #[test]
    fn postgres_ddl_round_trips(tables in prop::collection::vec(table_spec(), 1..6), links in links()) {
        round_trip(Dialect::PostgreSql, &tables, &links)?;
    }

    #[test]
    fn mysql_ddl_round_trips(tables in prop::collection::vec(table_spec(), 1..6), links in links()) {
        round_trip(Dialect::MySql, &tables, &links)?;
    }

    #[test]
    fn sqlite_ddl_round_trips(tables in prop::collection::vec(table_spec(), 1..6), links in links()) {
        round_trip(Dialect::Sqlite, &tables, &links)?;
    }

    #[test]
    fn sql_server_ddl_round_trips(tables in prop::collection::vec(table_spec(), 1..6), links in links()) {
        round_trip(Dialect::MsSql, &tables, &links)?;
    }
}
