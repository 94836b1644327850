//! Mermaid output: cardinality from nullability and uniqueness, identifying relationships,
//! and names Mermaid cannot take bare.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use expect_test::expect;
use relvar_artefacts::to_mermaid;
use relvar_sql::{Dialect, import_sql};

#[test]
fn cardinality_identification_and_names() {
    let design = import_sql(
        "CREATE TABLE customer (id int PRIMARY KEY, \"E-mail Address\" text);\n\
         CREATE TABLE profile (customer_id int PRIMARY KEY REFERENCES customer);\n\
         CREATE TABLE \"order\" (id int PRIMARY KEY, customer_id int REFERENCES customer, total numeric(10,2) NOT NULL);\n\
         CREATE TABLE line (order_id int NOT NULL REFERENCES \"order\", n int NOT NULL, PRIMARY KEY (order_id, n));\n\
         CREATE TABLE audit.\"Event Log\" (at timestamp with time zone, order_id int NOT NULL UNIQUE REFERENCES \"order\");",
        Dialect::PostgreSql,
    )
    .design;
    expect![[r#"
        erDiagram
            customer {
                int id PK
                text E-mail_Address "E-mail Address"
            }
            profile {
                int customer_id PK, FK
            }
            order {
                int id PK
                int customer_id FK
                numeric(10_2) total
            }
            line {
                int order_id PK, FK
                int n PK
            }
            "audit.Event Log" {
                timestamp_with_time_zone at
                int order_id FK, UK
            }
            customer ||--o| profile : "customer_id"
            customer |o..o{ order : "customer_id"
            order ||--o{ line : "order_id"
            order ||..o| "audit.Event Log" : "order_id"
    "#]]
    .assert_eq(&to_mermaid(&design));
}
