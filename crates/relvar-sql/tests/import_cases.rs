//! Data-driven import cases: each script's design outline and diagnostics, as expected.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use expect_test::{Expect, expect};
use relvar_sql::{Dialect, import_sql};

fn check(script: &str, expected: Expect) {
    let import = import_sql(script, Dialect::PostgreSql);
    let mut actual = import.design.outline();
    for diagnostic in &import.diagnostics {
        actual.push_str(&format!("{diagnostic}\n"));
    }
    actual.push_str(&format!(
        "{} statements, {} modelled\n",
        import.statement_count, import.modelled_count
    ));
    assert_eq!(
        import.statement_count,
        import.modelled_count + import.design.unmodelled.len()
    );
    expected.assert_eq(&actual);
}

#[test]
fn inline_and_table_level_keys() {
    check(
        "CREATE TABLE author (id bigint PRIMARY KEY, email text UNIQUE NOT NULL, name text DEFAULT 'anon');\n\
         CREATE TABLE book (\n  author_id bigint NOT NULL REFERENCES author ON DELETE CASCADE,\n  isbn char(13),\n  \
         CONSTRAINT book_pk PRIMARY KEY (author_id, isbn),\n  CONSTRAINT isbn_ok CHECK (length(isbn) = 13)\n);",
        expect![[r#"
            table author
              id bigint NOT NULL
              email text NOT NULL
              name text DEFAULT 'anon'
              primary key (id)
              unique (email)
            table book
              author_id bigint NOT NULL
              isbn char(13) NOT NULL
              primary key book_pk (author_id, isbn)
              check isbn_ok (length(isbn) = 13)
            foreign key book (author_id) -> author (id) ON DELETE CASCADE
            2 statements, 2 modelled
        "#]],
    );
}

#[test]
fn foreign_keys_added_later_may_point_forward_and_composite() {
    check(
        "CREATE TABLE line (order_id int, product_id int, region text);\n\
         ALTER TABLE ONLY line ADD CONSTRAINT line_order_fk FOREIGN KEY (order_id, region) REFERENCES orders(id, region) ON UPDATE SET NULL;\n\
         CREATE TABLE orders (id int, region text, PRIMARY KEY (id, region));",
        expect![[r#"
            table line
              order_id int
              product_id int
              region text
            table orders
              id int NOT NULL
              region text NOT NULL
              primary key (id, region)
            foreign key line_order_fk line (order_id, region) -> orders (id, region) ON UPDATE SET NULL
            3 statements, 3 modelled
        "#]],
    );
}

#[test]
fn names_fold_like_postgres_and_quoted_names_keep_their_case() {
    check(
        "CREATE TABLE Sales.\"Order Items\" (\"ID\" INT, Qty INTEGER NOT NULL, \"select\" text);\n\
         ALTER TABLE sales.\"Order Items\" ADD PRIMARY KEY (\"ID\");",
        expect![[r#"
            table sales.Order Items
              ID int NOT NULL
              qty integer NOT NULL
              select text
              primary key (ID)
            2 statements, 2 modelled
        "#]],
    );
}

#[test]
fn what_is_not_modelled_is_kept_and_reported_with_its_line() {
    check(
        "SET client_encoding = 'UTF8';\n\\connect shop\nCREATE TABLE t (id int);\n\
         ALTER TABLE t OWNER TO postgres, ADD CONSTRAINT t_pk PRIMARY KEY (id);\n\
         ALTER TABLE t ADD CONSTRAINT gone_fk FOREIGN KEY (id) REFERENCES missing(id);\n\
         CREATE INDEX t_id ON t (id);",
        expect![[r#"
            table t
              id int NOT NULL
              primary key t_pk (id)
              index t_id (id)
            kept from line 1: SET is not modelled yet
            kept from line 2: a client command
            kept from line 4: ALTER TABLE OWNER TO is not modelled yet
            kept from line 5: a foreign key whose target is not in the design
            1:1: info: kept as written: SET is not modelled yet
            2:1: info: kept as written: a client command
            4:1: info: kept as written: ALTER TABLE OWNER TO is not modelled yet
            5:1: warning: foreign key gone_fk references table missing, which is not in the script; kept as written
            6 statements, 2 modelled
        "#]],
    );
}

#[test]
fn constraints_declared_twice_are_reported_not_duplicated() {
    check(
        "CREATE TABLE a (id int);\nCREATE TABLE b (a_id int);\n\
         ALTER TABLE a ADD CONSTRAINT a_pk PRIMARY KEY (id);\nALTER TABLE a ADD CONSTRAINT a_pk2 PRIMARY KEY (id);\n\
         ALTER TABLE b ADD CONSTRAINT b_fk FOREIGN KEY (a_id) REFERENCES a;\nALTER TABLE b ADD CONSTRAINT b_fk FOREIGN KEY (a_id) REFERENCES a;\n\
         CREATE TABLE a (other int);",
        expect![[r#"
            table a
              id int NOT NULL
              primary key a_pk (id)
            table b
              a_id int
            foreign key b_fk b (a_id) -> a (id)
            kept from line 4: ALTER TABLE ADD CONSTRAINT is not modelled yet
            kept from line 6: ALTER TABLE ADD CONSTRAINT is not modelled yet
            kept from line 7: a second definition of the same table
            4:1: warning: a already has a primary key; this one is kept as written
            4:1: info: kept as written: ALTER TABLE ADD CONSTRAINT is not modelled yet
            6:1: warning: b already has a constraint named b_fk; this one is kept as written
            6:1: info: kept as written: ALTER TABLE ADD CONSTRAINT is not modelled yet
            7:1: warning: table a is defined twice; the first definition is used and this one kept as written
            7 statements, 4 modelled
        "#]],
    );
}

#[test]
fn parse_errors_and_clauses_taken_out_point_at_the_line_and_column_in_the_script() {
    check(
        "CREATE TABLE ok (id int);\n\n  CREATE TABLE broken (\n    id int,\n    name text NOT NULL DEFAULT,\n  );\nCREATE TABLE after (id int);\n  CREATE TABLE 42 (id int);",
        expect![[r#"
            table ok
              id int
            table broken
              id int
              name text NOT NULL [DEFAULT]
            table after
              id int
            kept from line 8: it could not be parsed
            5:24: warning: could not read `DEFAULT` (Expected: an expression, found: ,); taken out of broken.name and kept on its column as written
            5:31: warning: a stray comma was taken out (Expected: column name or constraint definition, found: ))
            8:16: error: could not read this CREATE TABLE (Expected: identifier, found: 42); it is kept as written
            4 statements, 3 modelled
        "#]],
    );
}
