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

const SHOP: &str = "CREATE TABLE customer (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES customer (id), created_at timestamptz NOT NULL, note text);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_note_idx ON orders (note);
";

const QUERIES: &str = "-- frequency: 50
SELECT id, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;
-- frequency: 10
SELECT id FROM customer WHERE lower(email) = lower($1) AND deleted_at IS NULL;
SELECT * FROM orders WHERE note LIKE '%refund%';
SELECT id FROM orders WHERE WHERE id = 1;
";

#[test]
fn review_with_a_workload_prints_recommendations_and_query_notes() {
    let schema = scratch("shop.sql", SHOP);
    let queries = scratch("shop-queries.sql", QUERIES);
    let output = relvar(&[
        "review",
        &schema,
        "--dialect",
        "postgres",
        "--workload",
        &queries,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let after = |marker: &str| text.split(marker).nth(1).unwrap_or_default().to_owned();
    assert!(
        text.contains(&format!("{schema}: info RV101 orders.orders_note_idx: no query of the workload uses orders_note_idx")),
        "{text}"
    );
    let recommendations = after("Index recommendations:\n");
    let expected = format!(
        "CREATE INDEX customer_lower_email_idx ON customer ((lower(email))) WHERE deleted_at IS NULL;
    serves {queries}:4: lower(email) = ?; WHERE deleted_at IS NULL
    write cost medium: ~40 B per entry, index 2 of customer, 0% of the workload writes customer
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at) INCLUDE (id);
    serves {queries}:2: customer_id = ?; ORDER BY created_at DESC; reads id too
    write cost low: ~28 B per entry, index 4 of orders, 0% of the workload writes orders

Query notes:
{queries}:5: RQ001 select-star: SELECT * reads every column: no index can cover the query
    rewrite: list the columns the application reads: SELECT id, name, ... FROM ...
{queries}:5: RQ002 leading-wildcard-like: note LIKE '%refund%': a pattern starting with a wildcard reads every row
    rewrite: anchor the pattern (LIKE 'word%'), or search with a trigram GIN index (pg_trgm, gin_trgm_ops) or full-text search
{queries}:6:35: query not read: Expected: end of statement, found: id
"
    );
    assert_eq!(recommendations, expected);
    assert!(
        stderr(&output)
            .contains("relvar: 2 index recommendations, 2 query notes, 1 queries not read")
    );
}

#[test]
fn review_json_with_a_workload_carries_recommendations_notes_and_parse_findings() {
    let schema = scratch("shop-json.sql", SHOP);
    let queries = scratch("shop-json-queries.sql", QUERIES);
    let output = relvar(&["review", &schema, "--workload", &queries, "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["queries"].as_array().unwrap().len(), 4);
    let recommendations = report["recommendations"].as_array().unwrap();
    assert_eq!(recommendations.len(), 2);
    assert_eq!(recommendations[1]["table"], "orders");
    assert_eq!(recommendations[1]["queries"], serde_json::json!([0]));
    assert_eq!(recommendations[1]["write_cost_level"], "low");
    assert!(
        recommendations[1]["sql"]
            .as_str()
            .unwrap()
            .starts_with("CREATE INDEX orders_customer_id_created_at_idx")
    );
    let notes = report["query_notes"].as_array().unwrap();
    assert_eq!(
        notes
            .iter()
            .map(|n| n["code"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["RQ001", "RQ002"]
    );
    assert!(
        notes
            .iter()
            .all(|n| !n["rewrite"].as_str().unwrap().is_empty())
    );
    assert_eq!(report["parse_findings"][0]["line"], 6);
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"RV101"), "{codes:?}");
    let quiet = relvar(&[
        "review",
        &schema,
        "--workload",
        &queries,
        "--json",
        "--disable",
        "unused-index",
    ]);
    let quiet: serde_json::Value = serde_json::from_str(&stdout(&quiet)).unwrap();
    assert!(
        quiet["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["code"] != "RV101")
    );
    // Without a workload the JSON has none of these keys.
    let plain = relvar(&["review", &schema, "--json"]);
    let plain: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert!(plain.get("recommendations").is_none());
}

#[test]
fn review_with_an_unreadable_workload_exits_1() {
    let schema = scratch("shop-missing.sql", SHOP);
    let output = relvar(&["review", &schema, "--workload", "/nonexistent/queries.sql"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn review_of_a_design_file_uses_its_switched_off_rules_workload_and_estimates() {
    let design = r#"{
  "format_version": 3,
  "name": "Shop",
  "source_dialect": "postgresql",
  "tables": [
    {"id": 0, "name": "orders", "expected_rows": 3000000000,
     "columns": [
       {"id": 1, "name": "id", "data_type": "integer", "nullable": false},
       {"id": 2, "name": "status", "data_type": "text", "nullable": false},
       {"id": 3, "name": "created_at", "data_type": "timestamp", "nullable": false}
     ],
     "primary_key": {"columns": [1]}}
  ],
  "review_disabled": ["RV008"],
  "workload": [
    {"sql": "SELECT id FROM orders WHERE status = 'open' ORDER BY created_at", "frequency": 40}
  ],
  "ids": {"next": 4}
}"#;
    let file = scratch("shop.relvar.json", design);
    let output = relvar(&["review", &file, "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"RV032"), "the estimate is read: {codes:?}");
    assert!(
        !codes.contains(&"RV008"),
        "the design switches RV008 off: {codes:?}"
    );
    assert_eq!(
        report["queries"],
        serde_json::json!(["SELECT id FROM orders WHERE status = 'open' ORDER BY created_at"])
    );
    let recommendations = report["recommendations"].as_array().unwrap();
    assert_eq!(recommendations.len(), 1, "{recommendations:?}");
    assert!(
        recommendations[0]["sql"]
            .as_str()
            .unwrap()
            .starts_with("CREATE INDEX orders_created_at_idx ON orders (created_at) INCLUDE (id) WHERE status = 'open'"),
        "{recommendations:?}"
    );
    let why = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "RV032")
        .unwrap()["why"]
        .as_str()
        .unwrap();
    assert!(why.contains("2,147,483,647"), "{why}");
    // A damaged design file is refused with the reason, as the app refuses it.
    let broken = scratch("broken.relvar.json", "{\"format_version\": 3, \"name\": 7}");
    let output = relvar(&["review", &broken]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not a valid Relvar design"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_unused_index_finding_explains_itself_like_every_rule() {
    let schema = scratch(
        "unused.sql",
        "CREATE TABLE film (id bigint PRIMARY KEY, title text NOT NULL, rating text);\nCREATE INDEX film_rating ON film (rating);\n",
    );
    let queries = scratch(
        "unused-queries.sql",
        "SELECT title FROM film WHERE id = $1;\n",
    );
    let output = relvar(&["review", &schema, "--workload", &queries, "--json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let unused = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "RV101")
        .unwrap()
        .clone();
    assert_eq!(unused["rule"], "unused-index");
    assert!(
        unused["why"].as_str().unwrap().contains("Every insert"),
        "{unused}"
    );
}
