//! The query review: each check on a query that has the problem and on its rewrite, which
//! must not; every note names a rewrite. Also: arbitrary query text never panics the advisor.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use proptest::prelude::*;
use relvar_analysis::query_review::CHECKS;
use relvar_analysis::workload::{Workload, WorkloadQuery};
use relvar_analysis::{AdvisorOptions, advise};
use relvar_model::Design;
use relvar_sql::{Dialect, import_sql};

const SCHEMA: &str = "
CREATE TABLE customer (
    id integer PRIMARY KEY,
    email text NOT NULL,
    referrer_id integer,
    created_at timestamptz NOT NULL
);
CREATE INDEX customer_email_idx ON customer (email);
CREATE INDEX customer_created_at_idx ON customer (created_at);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer (id),
    total numeric(12,2) NOT NULL
);
";

fn design() -> Design {
    let mut design = import_sql(SCHEMA, Dialect::PostgreSql).design;
    design.source_dialect = Some(relvar_model::Dialect::PostgreSql);
    design
}

/// The codes of the notes on one query, with a message and a rewrite each.
fn codes(sql: &str) -> Vec<&'static str> {
    let workload = Workload::new(vec![WorkloadQuery::new(sql, 1)]);
    let advice = advise(&design(), &workload, &AdvisorOptions::default());
    assert!(
        advice.parse_findings.is_empty(),
        "{sql}: {:?}",
        advice.parse_findings
    );
    for note in &advice.query_notes {
        assert!(!note.message.is_empty() && !note.rewrite.is_empty());
    }
    advice.query_notes.iter().map(|note| note.code).collect()
}

fn check(code: &str, bad: &str, good: &str) {
    assert!(
        codes(bad).contains(&code),
        "{code} on {bad}: {:?}",
        codes(bad)
    );
    assert!(
        !codes(good).contains(&code),
        "no {code} on {good}: {:?}",
        codes(good)
    );
}

#[test]
fn every_check_has_a_distinct_code_and_a_rewrite() {
    let mut seen: Vec<&str> = CHECKS.iter().map(|check| check.code).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), CHECKS.len());
    assert!(CHECKS.iter().all(|check| !check.rewrite.is_empty()));
}

#[test]
fn select_star() {
    check(
        "RQ001",
        "SELECT * FROM customer WHERE id = $1",
        "SELECT id, email FROM customer WHERE id = $1",
    );
    check(
        "RQ001",
        "SELECT c.* FROM customer c",
        "SELECT count(*) FROM customer",
    );
}

#[test]
fn leading_wildcard_like() {
    check(
        "RQ002",
        "SELECT id FROM customer WHERE email LIKE '%@example.com'",
        "SELECT id FROM customer WHERE email LIKE 'ann%'",
    );
}

#[test]
fn function_on_indexed_column() {
    check(
        "RQ003",
        "SELECT id FROM customer WHERE date(created_at) = $1",
        "SELECT id FROM customer WHERE created_at >= $1 AND created_at < $2",
    );
    // No index on total: nothing is hidden.
    assert!(!codes("SELECT id FROM orders WHERE round(total) = $1").contains(&"RQ003"));
}

#[test]
fn or_across_columns() {
    check(
        "RQ004",
        "SELECT id FROM customer WHERE email = $1 OR referrer_id = $2",
        "SELECT id FROM customer WHERE email = $1 OR email = $2",
    );
}

#[test]
fn not_in_over_a_nullable_column() {
    check(
        "RQ005",
        "SELECT id FROM customer WHERE id NOT IN (SELECT referrer_id FROM customer)",
        "SELECT id FROM customer WHERE id NOT IN (SELECT customer_id FROM orders)",
    );
}

#[test]
fn implicit_cross_join() {
    check(
        "RQ006",
        "SELECT c.id, o.id FROM customer c, orders o WHERE o.total > 10",
        "SELECT c.id, o.id FROM customer c, orders o WHERE o.customer_id = c.id",
    );
}

#[test]
fn deep_offset() {
    check(
        "RQ007",
        "SELECT id FROM customer ORDER BY id LIMIT 20 OFFSET 5000",
        "SELECT id FROM customer ORDER BY id LIMIT 20 OFFSET 40",
    );
    check(
        "RQ007",
        "SELECT id FROM customer ORDER BY id LIMIT 20 OFFSET $1",
        "SELECT id FROM customer WHERE id > $1 ORDER BY id LIMIT 20",
    );
}

#[test]
fn update_or_delete_without_where() {
    check(
        "RQ008",
        "DELETE FROM orders",
        "DELETE FROM orders WHERE id = $1",
    );
    check(
        "RQ008",
        "UPDATE customer SET email = lower(email)",
        "UPDATE customer SET email = $1 WHERE id = $2",
    );
}

#[test]
fn order_by_random() {
    check(
        "RQ009",
        "SELECT id FROM customer ORDER BY random() LIMIT 1",
        "SELECT id FROM customer ORDER BY id LIMIT 1",
    );
}

#[test]
fn distinct_over_a_join() {
    check(
        "RQ010",
        "SELECT DISTINCT c.id FROM customer c JOIN orders o ON o.customer_id = c.id",
        "SELECT c.id FROM customer c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)",
    );
}

#[test]
fn correlated_subquery_per_row() {
    check(
        "RQ011",
        "SELECT c.id, (SELECT sum(o.total) FROM orders o WHERE o.customer_id = c.id) FROM customer c",
        "SELECT c.id, t.total FROM customer c JOIN (SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id) t ON t.customer_id = c.id",
    );
}

fn sql_words() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "SELECT",
        "FROM",
        "WHERE",
        "AND",
        "OR",
        "NOT",
        "IN",
        "LIKE",
        "BETWEEN",
        "JOIN",
        "ON",
        "ORDER",
        "BY",
        "GROUP",
        "LIMIT",
        "OFFSET",
        "DISTINCT",
        "EXISTS",
        "UPDATE",
        "SET",
        "DELETE",
        "INSERT",
        "INTO",
        "VALUES",
        "WITH",
        "AS",
        "customer",
        "orders",
        "c",
        "o",
        "id",
        "email",
        "c.id",
        "o.customer_id",
        "lower(email)",
        "=",
        "<",
        ">",
        "@>",
        "@@",
        "?",
        "&&",
        "(",
        ")",
        ",",
        "*",
        "$1",
        "'x%'",
        "'%x'",
        "1",
        "NULL",
        "IS",
        "random()",
        ";",
        "UNION",
        "LATERAL",
        "to_tsvector(email)",
        "ARRAY['a']",
    ]);
    prop::collection::vec(word, 0..40).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_query_text_never_panics(text in "\\PC{0,200}", words in sql_words()) {
        let design = design();
        for dialect in Dialect::ALL {
            for sql in [&text, &words] {
                let workload = Workload::from_sql(sql, dialect);
                let mut design = design.clone();
                design.source_dialect = Some(dialect);
                let advice = advise(&design, &workload, &AdvisorOptions::default());
                prop_assert!(advice.parse_findings.iter().all(|f| f.line >= 1 && f.column >= 1));
                prop_assert_eq!(&advice, &advise(&design, &workload, &AdvisorOptions::default()));
            }
        }
    }
}

#[test]
fn long_condition_chains_do_not_overflow_the_stack() {
    for joiner in [" AND ", " OR ", " + "] {
        let chain: Vec<String> = (0..20_000).map(|n| format!("id = {n}")).collect();
        let sql = format!("SELECT id FROM customer WHERE {}", chain.join(joiner));
        let advice = advise(
            &design(),
            &Workload::new(vec![WorkloadQuery::new(sql, 1)]),
            &AdvisorOptions::default(),
        );
        let _ = advice.query_notes.len();
    }
}
