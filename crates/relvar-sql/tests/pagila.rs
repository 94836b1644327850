//! The pagila pg_dump from ../shared/corpus, as users paste it: every table, key and foreign key,
//! every statement accounted for, and a lossless PostgreSQL round trip.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use relvar_sql::{Dialect, Severity, export_ddl, import_sql};
use support::sorted_entries;

fn pagila() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/sql/pg_pagila-schema.sql"
    );
    std::fs::read_to_string(path).expect("../shared/corpus sits beside the project")
}

fn manifest_table_count(file: &str) -> usize {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/MANIFEST.tsv"
    );
    let manifest = std::fs::read_to_string(path).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = header
        .iter()
        .position(|name| *name == "create_table")
        .unwrap();
    let row = lines
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .find(|cells| cells[0] == file)
        .unwrap();
    row[column].parse().unwrap()
}

#[test]
fn every_table_foreign_key_and_statement_is_accounted_for() {
    let text = pagila();
    let import = import_sql(&text, Dialect::PostgreSql);
    let design = &import.design;
    assert_eq!(
        design.tables.len(),
        manifest_table_count("pg_pagila-schema.sql")
    );
    let declared: Vec<String> = text
        .lines()
        .filter_map(|line| line.strip_prefix("CREATE TABLE "))
        .map(|rest| rest.trim_end_matches(" (").to_owned())
        .collect();
    let imported: Vec<String> = design
        .tables
        .iter()
        .map(|table| table.qualified_name())
        .collect();
    assert_eq!(imported, declared);
    assert_eq!(
        design.foreign_keys.len(),
        text.matches("FOREIGN KEY").count()
    );
    assert_eq!(
        import.statement_count,
        import.modelled_count + design.unmodelled.len()
    );
    let errors: Vec<_> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let with_primary_key = design
        .tables
        .iter()
        .filter(|table| table.primary_key.is_some())
        .count();
    assert_eq!(with_primary_key, text.matches(" PRIMARY KEY (").count());
}

#[test]
fn keys_and_actions_are_read_exactly() {
    let outline = import_sql(&pagila(), Dialect::PostgreSql).design.outline();
    for expected in [
        "table public.film_actor\n  actor_id integer NOT NULL\n  film_id integer NOT NULL\n  last_update timestamp with time zone NOT NULL DEFAULT now()\n  primary key film_actor_pkey (actor_id, film_id)\n",
        "foreign key rental_inventory_id_fkey public.rental (inventory_id) -> public.inventory (inventory_id) ON DELETE RESTRICT ON UPDATE CASCADE\n",
        "foreign key staff_store_id_fkey public.staff (store_id) -> public.store (store_id)\n",
        "  length_hours numeric(4,2) AS (round(length / 60.0, 2)) VIRTUAL\n",
        "  primary key (payment_date, payment_id)\n  unique index payment_uuid_key (uuid, payment_date)\n  partition by RANGE(payment_date)\n",
        "materialized view public.rental_by_category reads (public.payment, public.rental, public.inventory, public.film, public.film_category, public.category)\n",
        "  rating public.mpaa_rating DEFAULT 'G'::public.mpaa_rating\n",
    ] {
        assert!(outline.contains(expected), "missing:\n{expected}");
    }
}

#[test]
fn exported_ddl_imports_back_to_the_same_design() {
    let first = import_sql(&pagila(), Dialect::PostgreSql).design;
    let ddl = export_ddl(&first, Dialect::PostgreSql).sql;
    let second = import_sql(&ddl, Dialect::PostgreSql);
    let errors: Vec<_> = second
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity != Severity::Info)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Tables come out in dependency order: compare each table's block, in name order.
    let modelled_blocks = |outline: String| {
        sorted_entries(
            outline
                .lines()
                .filter(|line| !line.starts_with("kept from")),
        )
    };
    assert_eq!(
        modelled_blocks(second.design.outline()),
        modelled_blocks(first.outline())
    );
    let statements = |ddl: &str| {
        ddl.lines()
            .filter(|line| !line.starts_with("--"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let (again, once) = (
        statements(&export_ddl(&second.design, Dialect::PostgreSql).sql),
        statements(&ddl),
    );
    let first_difference = again.iter().zip(&once).position(|(a, b)| a != b);
    assert_eq!(
        first_difference,
        None,
        "first different line: {:?}",
        first_difference.map(|at| (&again[at], &once[at]))
    );
    assert_eq!(again.len(), once.len());
}
