//! `relvar review` on schemas written by the tests and on pagila: the finding lines, JSON,
//! disabled rules and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stderr, stdout};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/sql");

const SCHEMA: &str = "CREATE TABLE customer (id integer PRIMARY KEY, is_active smallint);
CREATE TABLE rental (id integer PRIMARY KEY, customer_id bigint REFERENCES customer (id), rented_at timestamp);
CREATE TABLE log (message text);
";

#[test]
fn review_prints_one_line_per_finding_most_severe_first() {
    let file = scratch("review.sql", SCHEMA);
    let output = relvar(&["review", &file, "--dialect", "postgres"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = format!(
        "{file}: error RV001 log: table log has no primary key
{file}: error RV005 rental.customer_id: rental.customer_id is bigint but customer.id, which it references, is integer
{file}: warning RV003 rental(customer_id) -> customer(id): no index leads with rental(customer_id), the columns of its foreign key to customer: deleting or re-keying a customer row scans rental
{file}: warning RV008 rental.rented_at: rental.rented_at is timestamp, which records no time zone
{file}: info RV020 customer.is_active: customer.is_active is a yes/no flag stored as smallint
{file}: info RV021 log: table log has no foreign key to or from another table
"
    );
    assert_eq!(stdout(&output), expected);
    assert_eq!(
        stderr(&output),
        "relvar: 6 findings in 3 tables (4 with a fix in the app)\n"
    );
}

#[test]
fn review_json_carries_rule_names_explanations_and_fixes() {
    let file = scratch("review-json.sql", SCHEMA);
    let output = relvar(&[
        "review",
        &file,
        "--json",
        "--disable",
        "RV021",
        "--disable",
        "boolean-as-flag",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["dialect"], "postgres");
    assert_eq!(report["tables"], 3);
    let findings = report["findings"].as_array().unwrap();
    let codes: Vec<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["RV001", "RV005", "RV003", "RV008"]);
    let mismatch = &findings[1];
    assert_eq!(mismatch["rule"], "foreign-key-type-mismatch");
    assert_eq!(mismatch["severity"], "error");
    assert_eq!(
        mismatch["objects"],
        serde_json::json!([
            "rental.customer_id",
            "customer.id",
            "rental(customer_id) -> customer(id)"
        ])
    );
    assert_eq!(mismatch["fix"], "make rental.customer_id integer");
    assert!(mismatch["why"].as_str().unwrap().contains("MySQL refuses"));
    assert_eq!(findings[0]["fix"], serde_json::Value::Null);
}

#[test]
fn review_of_pagila_finds_its_missing_foreign_keys_and_indexes() {
    let pagila = format!("{CORPUS}/pg_pagila-schema.sql");
    let output = relvar(&["review", &pagila]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains(&format!(
        "{pagila}: warning RV016 store.manager_staff_id: store.manager_staff_id looks like a reference to staff(staff_id) but has no foreign key\n"
    )), "{text}");
    assert!(
        text.contains(&format!(
            "{pagila}: warning RV003 rental(customer_id) -> customer(customer_id): "
        )),
        "{text}"
    );
    assert!(
        text.lines()
            .all(|line| line.starts_with(&format!("{pagila}: ")))
    );
}

#[test]
fn review_exits_1_for_unreadable_files_and_unknown_rules() {
    let missing = relvar(&["review", "/nonexistent/schema.sql"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read /nonexistent/schema.sql"));
    let file = scratch("review-unknown.sql", SCHEMA);
    let unknown = relvar(&["review", &file, "--disable", "RV999"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert_eq!(
        stderr(&unknown),
        "relvar: --disable RV999: there is no rule with that code or name\n"
    );
    let junk = scratch("review-junk.sql", "this is not SQL at all (");
    let output = relvar(&["review", &junk]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "nothing found is not a failure"
    );
    assert_eq!(stdout(&output), "");
}
