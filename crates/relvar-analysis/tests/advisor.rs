//! The workload extraction and the index advisor on small schemas: snapshots of what each
//! query does to each table and of the recommendations, merging across queries, what existing
//! indexes already serve, dialects without partial, INCLUDE or GIN indexes, unused indexes,
//! write costs, unparsable queries, and applying a recommendation then undoing it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use expect_test::{Expect, expect};
use relvar_analysis::workload::{Workload, WorkloadQuery, extract_workload};
use relvar_analysis::{AdvisorOptions, advise};
use relvar_model::{Design, History};
use relvar_sql::{Dialect, import_sql};

const SHOP: &str = "
CREATE TABLE customer (
    id integer PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL,
    status text NOT NULL,
    deleted_at timestamptz,
    tags text[],
    profile jsonb
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer (id),
    created_at timestamptz NOT NULL,
    total numeric(12,2) NOT NULL,
    state text NOT NULL,
    note text
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_state_idx ON orders (state);
CREATE TABLE article (id integer PRIMARY KEY, title text NOT NULL, body text NOT NULL);
";

fn design(sql: &str, dialect: Dialect) -> Design {
    let mut design = import_sql(sql, dialect).design;
    design.source_dialect = Some(dialect);
    design
}

fn workload(queries: &[&str]) -> Workload {
    Workload::new(
        queries
            .iter()
            .map(|sql| WorkloadQuery::new(*sql, 1))
            .collect(),
    )
}

/// Each query's accesses, one line each, with column names.
fn show_extraction(design: &Design, queries: &[&str]) -> String {
    let extracted = extract_workload(design, &workload(queries));
    let mut out = String::new();
    for query in &extracted.queries {
        out.push_str(&format!("q{} {:?}\n", query.query + 1, query.shape.kind));
        for access in &query.shape.accesses {
            let table = design.table(access.table).unwrap();
            let names = |ids: &[relvar_model::ColumnId]| {
                ids.iter()
                    .map(|id| {
                        table
                            .columns
                            .iter()
                            .find(|c| c.id == *id)
                            .unwrap()
                            .name
                            .clone()
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let mut parts = vec![format!("  {} as {}:", table.name, access.alias)];
            let mut add = |label: &str, text: String| {
                if !text.is_empty() {
                    parts.push(format!("{label}[{text}]"));
                }
            };
            add("eq", names(&access.equalities));
            add("literal", names(&access.literal_equalities));
            add("range", names(&access.ranges));
            add("join", names(&access.joins));
            add(
                "order",
                access
                    .order_by
                    .iter()
                    .map(|k| {
                        format!(
                            "{}{}",
                            names(&[k.column]),
                            if k.descending { " desc" } else { "" }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(","),
            );
            add("group", names(&access.group_by));
            add(
                "limit",
                access.limit.map(|l| l.to_string()).unwrap_or_default(),
            );
            let read: Vec<_> = access.columns_read.iter().copied().collect();
            add(
                "read",
                if access.reads_all_columns {
                    String::from("*")
                } else {
                    names(&read)
                },
            );
            add(
                "const",
                access
                    .constant_predicates
                    .iter()
                    .map(|c| c.sql.clone())
                    .collect::<Vec<_>>()
                    .join(" & "),
            );
            add(
                "fn",
                access
                    .function_predicates
                    .iter()
                    .map(|f| f.expression.clone())
                    .collect::<Vec<_>>()
                    .join(" & "),
            );
            add(
                "search",
                access
                    .containments
                    .iter()
                    .map(|c| {
                        format!(
                            "{:?} {}",
                            c.kind,
                            c.expression.clone().unwrap_or_else(|| names(&c.columns))
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" & "),
            );
            out.push_str(&parts.join(" "));
            out.push('\n');
        }
    }
    for finding in &extracted.parse_findings {
        out.push_str(&format!(
            "q{} does not parse at {}:{}: {}\n",
            finding.query + 1,
            finding.line,
            finding.column,
            finding.message
        ));
    }
    out
}

fn show_advice(design: &Design, queries: &[&str]) -> String {
    let advice = advise(design, &workload(queries), &AdvisorOptions::default());
    let mut out = String::new();
    for rec in &advice.recommendations {
        let served: Vec<String> = rec
            .queries
            .iter()
            .zip(&rec.reasons)
            .map(|(q, reason)| format!("q{} ({reason})", q + 1))
            .collect();
        let table = design.table(rec.table).unwrap().name.clone();
        out.push_str(&format!(
            "{}\n    serves {}\n    write cost {}\n",
            rec.sql,
            served.join(", "),
            rec.write_cost.describe(&table)
        ));
    }
    for finding in &advice.unused_indexes {
        out.push_str(&format!(
            "{} {}: {}\n",
            finding.code,
            finding.location(design),
            finding.message
        ));
    }
    out
}

fn check_extraction(queries: &[&str], expected: Expect) {
    expected.assert_eq(&show_extraction(
        &design(SHOP, Dialect::PostgreSql),
        queries,
    ));
}

fn check_advice(sql: &str, dialect: Dialect, queries: &[&str], expected: Expect) {
    expected.assert_eq(&show_advice(&design(sql, dialect), queries));
}

#[test]
fn extraction_of_predicates_joins_sorts_and_searches() {
    check_extraction(
        &[
            "SELECT o.id, o.total FROM orders o WHERE o.customer_id = $1 AND o.created_at >= $2 ORDER BY o.created_at DESC LIMIT 20",
            "SELECT c.name, o.total FROM public.customer AS c JOIN orders o ON o.customer_id = c.id WHERE c.status = 'active' AND c.deleted_at IS NULL AND o.state IN ('paid', 'sent')",
            "SELECT id FROM customer WHERE lower(email) = lower($1)",
            "SELECT id FROM customer WHERE tags @> ARRAY['vip'] OR profile @> '{\"plan\": \"pro\"}'",
            "SELECT id FROM customer WHERE profile @> $1 AND tags && $2",
            "SELECT id FROM article WHERE to_tsvector('english', body) @@ to_tsquery($1)",
            "SELECT state, count(*) FROM orders WHERE created_at BETWEEN $1 AND $2 GROUP BY state",
            "SELECT name FROM customer WHERE name LIKE 'Ann%' AND id IN (SELECT customer_id FROM orders WHERE total > 100)",
            "SELECT * FROM (SELECT customer_id FROM orders WHERE state = $1) AS recent",
            "SELECT * FORM customer",
        ],
        expect![[r#"
            q1 Select
              orders as o: eq[customer_id] range[created_at] order[created_at desc] limit[20] read[id,customer_id,created_at,total]
            q2 Select
              customer as c: eq[status] literal[status] join[id] read[id,name,status,deleted_at] const[status = 'active' & deleted_at IS NULL]
              orders as o: eq[state] join[customer_id] read[customer_id,total,state]
            q3 Select
              customer as customer: read[id,email] fn[lower(email)]
            q4 Select
              customer as customer: read[id,tags,profile]
            q5 Select
              customer as customer: read[id,tags,profile] search[Jsonb profile & Array tags]
            q6 Select
              article as article: read[id,body] search[FullText to_tsvector('english', body)]
            q7 Select
              orders as orders: range[created_at] group[state] read[created_at,state]
            q8 Select
              customer as customer: range[name] join[id] read[id,name]
              orders as orders: range[total] read[customer_id,total]
            q9 Select
              orders as orders: eq[state] read[customer_id,state]
            q10 does not parse at 1:15: Expected: end of statement, found: customer
        "#]],
    );
}

#[test]
fn recommendations_order_equality_sort_range_and_merge_across_queries() {
    check_advice(
        SHOP,
        Dialect::PostgreSql,
        &[
            // (customer_id, created_at) serves this one and, by left prefix, the next.
            "SELECT id, total FROM orders WHERE customer_id = $1 AND state = $2 ORDER BY created_at DESC LIMIT 20",
            "SELECT id FROM orders WHERE state = $1 AND customer_id = $2",
            // customer_id alone: orders_customer_id_idx serves it already.
            "SELECT id FROM orders WHERE customer_id = $1",
            "SELECT id, name FROM customer WHERE lower(email) = lower($1)",
            "SELECT id FROM customer WHERE status = 'active' AND deleted_at IS NULL ORDER BY name LIMIT 50",
            "SELECT id FROM customer WHERE tags @> $1",
            "SELECT id FROM customer WHERE profile @> $1",
            "SELECT id FROM article WHERE to_tsvector('english', body) @@ to_tsquery($1)",
            "SELECT id, total FROM orders WHERE created_at >= $1 AND created_at < $2",
            "UPDATE orders SET state = $1 WHERE id = $2",
            "INSERT INTO orders (id, customer_id, created_at, total, state) VALUES ($1, $2, now(), $3, 'new')",
        ],
        expect![[r#"
            CREATE INDEX article_to_tsvector_english_body_idx ON article USING gin ((to_tsvector('english', body)))
                serves q8 (full-text search on to_tsvector('english', body))
                write cost medium: ~40 B per entry, index 2 of article, 0% of the workload writes article
            CREATE INDEX customer_lower_email_idx ON customer ((lower(email)))
                serves q4 (lower(email) = ?)
                write cost medium: ~40 B per entry, index 2 of customer, 0% of the workload writes customer
            CREATE INDEX customer_name_idx ON customer (name) INCLUDE (id) WHERE deleted_at IS NULL AND status = 'active'
                serves q5 (ORDER BY name; WHERE deleted_at IS NULL AND status = 'active'; reads id too)
                write cost medium: ~44 B per entry, index 3 of customer, 0% of the workload writes customer
            CREATE INDEX customer_profile_idx ON customer USING gin (profile)
                serves q7 (jsonb containment on profile)
                write cost medium: ~40 B per entry, index 5 of customer, 0% of the workload writes customer
            CREATE INDEX customer_tags_idx ON customer USING gin (tags)
                serves q6 (array containment on tags)
                write cost medium: ~40 B per entry, index 4 of customer, 0% of the workload writes customer
            CREATE INDEX orders_created_at_idx ON orders (created_at) INCLUDE (id, total)
                serves q9 (range on created_at; reads id, total too)
                write cost medium: ~32 B per entry, index 5 of orders, 18% of the workload writes orders
            CREATE INDEX orders_customer_id_state_created_at_idx ON orders (customer_id, state, created_at) INCLUDE (id, total)
                serves q1 (customer_id = ?; state = ?; ORDER BY created_at DESC; reads id, total too), q2 (state = ?; customer_id = ?; reads id too)
                write cost high: ~68 B per entry, index 4 of orders, 18% of the workload writes orders; updates change its columns
        "#]],
    );
}

#[test]
fn mysql_gets_plain_btree_keys_without_partial_include_or_gin() {
    let mysql = SHOP
        .replace("timestamptz", "datetime")
        .replace("text[]", "json")
        .replace("jsonb", "json")
        .replace("text NOT NULL", "varchar(100) NOT NULL");
    check_advice(
        &mysql,
        Dialect::MySql,
        &[
            "SELECT id, total FROM orders WHERE customer_id = ? AND state = 'paid' ORDER BY created_at DESC LIMIT 20",
            "SELECT id FROM customer WHERE status = 'active' AND deleted_at IS NULL ORDER BY name LIMIT 50",
            "SELECT id FROM customer WHERE lower(email) = ?",
        ],
        expect![[r#"
            CREATE INDEX customer_lower_email_idx ON customer ((lower(email)))
                serves q3 (lower(email) = ?)
                write cost medium: ~40 B per entry, index 3 of customer, 0% of the workload writes customer
            CREATE INDEX customer_status_name_idx ON customer (`status`, `name`)
                serves q2 (status = ?; ORDER BY name)
                write cost high: ~138 B per entry, index 2 of customer, 0% of the workload writes customer
            CREATE INDEX orders_customer_id_state_created_at_idx ON orders (customer_id, state, created_at)
                serves q1 (customer_id = ?; state = ?; ORDER BY created_at DESC)
                write cost high: ~85 B per entry, index 4 of orders, 0% of the workload writes orders
        "#]],
    );
}

#[test]
fn existing_indexes_serve_by_left_prefix_and_unused_ones_are_reported() {
    let schema = "
        CREATE TABLE event (
            id bigint PRIMARY KEY,
            account_id integer NOT NULL,
            kind text NOT NULL,
            at timestamptz NOT NULL,
            payload jsonb
        );
        CREATE INDEX event_account_at_idx ON event (account_id, at);
        CREATE INDEX event_kind_idx ON event (kind);
        CREATE INDEX event_payload_idx ON event USING gin (payload);
    ";
    check_advice(
        schema,
        Dialect::PostgreSql,
        &[
            "SELECT id FROM event WHERE account_id = $1 ORDER BY at DESC LIMIT 10",
            "SELECT id FROM event WHERE account_id = $1",
            "SELECT id FROM event WHERE id = $1",
            "SELECT id FROM event WHERE payload @> $1",
        ],
        expect![[r#"
            RV101 event.event_kind_idx: no query of the workload uses event_kind_idx on event: it costs every write and serves none of these reads
        "#]],
    );
}

#[test]
fn write_cost_counts_the_workload_writes_and_updated_key_columns() {
    let design = design(SHOP, Dialect::PostgreSql);
    let reads = "SELECT id FROM orders WHERE state = $1 AND created_at > $2";
    let quiet = advise(&design, &workload(&[reads]), &AdvisorOptions::default());
    let busy = advise(
        &design,
        &Workload::new(vec![
            WorkloadQuery::new(reads, 1),
            WorkloadQuery::new("UPDATE orders SET created_at = now() WHERE id = $1", 9),
        ]),
        &AdvisorOptions::default(),
    );
    let (quiet, busy) = (
        &quiet.recommendations[0].write_cost,
        &busy.recommendations[0].write_cost,
    );
    assert_eq!(quiet.write_share, 0.0);
    assert!(!quiet.updates_key_columns);
    assert_eq!(busy.write_share, 0.9);
    assert!(busy.updates_key_columns);
    assert!(busy.level > quiet.level, "{busy:?} vs {quiet:?}");
}

#[test]
fn applying_a_recommendation_adds_the_index_and_undo_removes_it() {
    let mut design = design(SHOP, Dialect::PostgreSql);
    let original = design.clone();
    let advice = advise(
        &design,
        &workload(&["SELECT id FROM customer WHERE lower(email) = lower($1)"]),
        &AdvisorOptions::default(),
    );
    let rec = &advice.recommendations[0];
    let mut history = History::default();
    let command = rec.command(&design).unwrap();
    history.apply(&mut design, command).unwrap();
    let table = design.table(rec.table).unwrap();
    assert_eq!(table.indexes.last(), Some(&rec.index));
    // The advice for the same workload is now empty: the new index serves the query.
    let again = advise(
        &design,
        &workload(&["SELECT id FROM customer WHERE lower(email) = lower($1)"]),
        &AdvisorOptions::default(),
    );
    assert!(
        again.recommendations.is_empty(),
        "{:?}",
        again.recommendations
    );
    assert!(history.undo(&mut design).unwrap());
    assert_eq!(design, original);
}

#[test]
fn a_workload_file_gives_frequencies_and_positions_of_broken_queries() {
    let design = design(SHOP, Dialect::PostgreSql);
    let text = "-- frequency: 50\nSELECT id FROM orders WHERE created_at > $1;\n\n-- frequency: 3\nSELECT id FROM\n  orders WHERE id = = 1;\n";
    let workload = Workload::from_sql(text, Dialect::PostgreSql);
    assert_eq!(
        workload
            .queries
            .iter()
            .map(|q| q.frequency)
            .collect::<Vec<_>>(),
        [50, 3]
    );
    let advice = advise(&design, &workload, &AdvisorOptions::default());
    assert_eq!(advice.recommendations.len(), 1);
    let broken = &advice.parse_findings[..];
    assert_eq!(broken.len(), 1);
    assert_eq!(
        (broken[0].query, broken[0].line, broken[0].column),
        (1, 6, 21)
    );
}

#[test]
fn advice_is_deterministic() {
    let design = design(SHOP, Dialect::PostgreSql);
    let queries = workload(&[
        "SELECT id FROM customer WHERE status = 'active' AND name = $1",
        "SELECT o.id FROM orders o JOIN customer c ON c.id = o.customer_id WHERE c.email = $1",
        "SELECT id FROM orders WHERE total > $1 ORDER BY total LIMIT 5",
    ]);
    let first = advise(&design, &queries, &AdvisorOptions::default());
    for _ in 0..5 {
        assert_eq!(advise(&design, &queries, &AdvisorOptions::default()), first);
    }
}

#[test]
fn indexes_of_partitions_serve_their_partitioned_table() {
    // As pg_dump writes partitions (pagila): each with its columns, then attached.
    let schema = "
        CREATE TABLE payment (id integer NOT NULL, customer_id integer NOT NULL, paid_at date NOT NULL)
            PARTITION BY RANGE (paid_at);
        CREATE TABLE payment_2024 (id integer NOT NULL, customer_id integer NOT NULL, paid_at date NOT NULL);
        CREATE TABLE payment_2025 (id integer NOT NULL, customer_id integer NOT NULL, paid_at date NOT NULL);
        ALTER TABLE ONLY payment ATTACH PARTITION payment_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        ALTER TABLE ONLY payment ATTACH PARTITION payment_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE INDEX payment_2024_customer_id_idx ON payment_2024 (customer_id);
    ";
    // customer_id is indexed partition by partition; paid_at is not.
    check_advice(
        schema,
        Dialect::PostgreSql,
        &[
            "SELECT id FROM payment WHERE customer_id = $1",
            "SELECT id FROM payment WHERE paid_at = $1",
        ],
        expect![[r#"
            CREATE INDEX payment_paid_at_idx ON payment (paid_at) INCLUDE (id)
                serves q2 (paid_at = ?; reads id too)
                write cost low: ~16 B per entry, index 1 of payment, 0% of the workload writes payment
        "#]],
    );
}

#[test]
fn yes_no_flags_alone_get_no_index() {
    let schema = "CREATE TABLE task (id integer PRIMARY KEY, done boolean NOT NULL, owner integer NOT NULL);";
    check_advice(
        schema,
        Dialect::PostgreSql,
        &[
            "SELECT id FROM task WHERE done = false",
            "SELECT id FROM task WHERE owner = $1 AND done = false",
        ],
        expect![[r#"
            CREATE INDEX task_owner_idx ON task (owner) INCLUDE (id) WHERE done = false
                serves q2 (owner = ?; WHERE done = false; reads id too)
                write cost low: ~16 B per entry, index 2 of task, 0% of the workload writes task
        "#]],
    );
}

#[test]
fn a_query_in_another_engines_dialect_is_read_when_the_designs_cannot_read_it() {
    let design = design(SHOP, Dialect::PostgreSql);
    // Backquoted names and `LIMIT offset, count` are MySQL's; PostgreSQL's parser refuses them.
    let sql =
        "SELECT `id` FROM `orders` WHERE `customer_id` = ? ORDER BY `created_at` LIMIT 10, 20";
    let postgres = sqlparser::dialect::PostgreSqlDialect {};
    assert!(sqlparser::parser::Parser::parse_sql(&postgres, sql).is_err());
    let queries = workload(&[sql]);
    let (_, refused) = relvar_analysis::workload::parse_workload(&queries, Dialect::PostgreSql);
    assert_eq!(refused.len(), 0, "read by falling back: {refused:?}");
    let advice = advise(&design, &queries, &AdvisorOptions::default());
    assert!(advice.parse_findings.is_empty());
    assert!(
        advice
            .recommendations
            .iter()
            .any(|rec| rec.sql.contains("orders (customer_id, created_at)")),
        "{:?}",
        advice.recommendations
    );
}
