//! Replay, one statement form at a time: the design a script leaves, with what was kept and why.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use expect_test::{Expect, expect};
use relvar_sql::{Dialect, import_sql};

fn check(dialect: Dialect, script: &str, expected: Expect) {
    let import = import_sql(script, dialect);
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

fn postgres(script: &str, expected: Expect) {
    check(Dialect::PostgreSql, script, expected);
}

#[test]
fn create_schema_creates_its_elements_in_the_schema() {
    postgres(
        "CREATE SCHEMA shop\n  CREATE TABLE customer (id int PRIMARY KEY)\n  \
         CREATE TABLE orders (id int, customer_id int REFERENCES customer)\n  \
         CREATE INDEX orders_customer ON orders (customer_id)\n  \
         CREATE VIEW big AS SELECT * FROM orders\n  GRANT SELECT ON orders TO clerk;\n\
         CREATE SCHEMA AUTHORIZATION joe CREATE TABLE t (x int);",
        expect![[r#"
            schema shop
            table shop.customer
              id int NOT NULL
              primary key (id)
            table shop.orders
              id int
              customer_id int
              index orders_customer (customer_id)
            table joe.t
              x int
            view shop.big reads (shop.orders)
            foreign key shop.orders (customer_id) -> shop.customer (id)
            kept from line 1: GRANT is not modelled yet
            kept from line 7: CREATE SCHEMA with AUTHORIZATION is not modelled yet
            1:1: info: kept as written: GRANT is not modelled yet
            7:1: info: kept as written: CREATE SCHEMA with AUTHORIZATION is not modelled yet
            2 statements, 0 modelled
        "#]],
    );
}

#[test]
fn columns_are_added_dropped_and_altered_in_order() {
    postgres(
        "CREATE TABLE t (id int, a text, b int, c int);\n\
         ALTER TABLE t ADD COLUMN d numeric(5,2) NOT NULL DEFAULT 0, ADD e serial;\n\
         ALTER TABLE t ADD COLUMN IF NOT EXISTS a int;\n\
         ALTER TABLE t DROP COLUMN IF EXISTS missing, DROP COLUMN c CASCADE;\n\
         ALTER TABLE ONLY t ALTER COLUMN b TYPE bigint USING b::bigint, ALTER b SET NOT NULL;\n\
         ALTER TABLE t ALTER COLUMN a SET DEFAULT 'x', ALTER COLUMN d DROP DEFAULT, ALTER d DROP NOT NULL;\n\
         ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;\n\
         ALTER TABLE t ALTER COLUMN e DROP IDENTITY IF EXISTS, ADD f date;\n\
         ALTER TABLE t ADD COLUMN a int;\n\
         ALTER TABLE IF EXISTS gone ADD COLUMN x int;\n\
         ALTER TABLE gone DROP COLUMN x;",
        expect![[r#"
            sequence t_e_seq as integer owned by t.e
            table t
              id int NOT NULL IDENTITY ALWAYS
              a text DEFAULT 'x'
              b bigint NOT NULL
              d numeric(5,2)
              e integer NOT NULL DEFAULT nextval('t_e_seq'::regclass)
              f date
            kept from line 9: ALTER TABLE ADD COLUMN is not modelled yet
            kept from line 11: it alters a table that is not in the design
            9:1: warning: t already has a column named a; this one is kept as written
            9:1: info: kept as written: ALTER TABLE ADD COLUMN is not modelled yet
            11:1: warning: ALTER TABLE changes gone, which is not a table defined before it; kept as written
            11 statements, 9 modelled
        "#]],
    );
}

#[test]
fn dropping_a_column_takes_what_uses_it() {
    postgres(
        "CREATE TABLE p (id int, code text, PRIMARY KEY (id, code), UNIQUE (code));\n\
         CREATE TABLE c (id int PRIMARY KEY, p_id int, p_code text, n int CHECK (n > 0),\n  \
         FOREIGN KEY (p_id, p_code) REFERENCES p (id, code));\n\
         CREATE INDEX c_lower ON c (lower(p_code));\nCREATE INDEX c_n ON c (id) WHERE n > 1;\n\
         ALTER TABLE c DROP COLUMN p_code;\nALTER TABLE c DROP COLUMN n;\nALTER TABLE p DROP COLUMN code;",
        expect![[r#"
            table p
              id int NOT NULL
            table c
              id int NOT NULL
              p_id int
              primary key (id)
            7 statements, 7 modelled
        "#]],
    );
}

#[test]
fn constraints_are_dropped_and_renamed_by_name_or_by_the_name_the_engine_gave_them() {
    postgres(
        "CREATE TABLE a (id int PRIMARY KEY, email text UNIQUE, n int CHECK (n > 0));\n\
         CREATE TABLE b (id int CONSTRAINT b_pk PRIMARY KEY, a_id int REFERENCES a, x int);\n\
         ALTER TABLE b ADD CONSTRAINT x_positive CHECK (x > 0), ADD UNIQUE (x);\n\
         ALTER TABLE a DROP CONSTRAINT a_email_key, DROP CONSTRAINT a_n_check;\n\
         ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;\n\
         ALTER TABLE b RENAME CONSTRAINT x_positive TO x_above_zero;\n\
         ALTER TABLE b RENAME CONSTRAINT b_x_key TO b_x_unique;\n\
         ALTER TABLE b DROP CONSTRAINT IF EXISTS nothing, DROP CONSTRAINT b_pk;\n\
         ALTER TABLE b DROP CONSTRAINT nothing;\n\
         ALTER TABLE b ADD CONSTRAINT b_a FOREIGN KEY (a_id) REFERENCES a (id);\n\
         ALTER TABLE a DROP CONSTRAINT a_pkey CASCADE;",
        expect![[r#"
            table a
              id int NOT NULL
              email text
              n int
            table b
              id int NOT NULL
              a_id int
              x int
              unique b_x_unique (x)
              check x_above_zero (x > 0)
            kept from line 9: ALTER TABLE DROP CONSTRAINT is not modelled yet
            9:1: warning: b has no constraint named nothing; this one is kept as written
            9:1: info: kept as written: ALTER TABLE DROP CONSTRAINT is not modelled yet
            11 statements, 10 modelled
        "#]],
    );
}

#[test]
fn renames_carry_references_expressions_and_engine_given_names() {
    postgres(
        "CREATE TABLE film (id int PRIMARY KEY, title text UNIQUE, CHECK (title <> ''));\n\
         CREATE INDEX film_title_lower ON film (lower(title)) WHERE title IS NOT NULL;\n\
         CREATE TABLE scene (id int, film int REFERENCES film (id));\n\
         ALTER TABLE film RENAME COLUMN title TO name;\n\
         ALTER TABLE film RENAME id TO film_id;\n\
         ALTER TABLE film RENAME TO movie;\n\
         ALTER INDEX film_title_lower RENAME TO movie_name_lower;\n\
         ALTER INDEX IF EXISTS nothing RENAME TO still_nothing;\n\
         ALTER TABLE scene SET SCHEMA archive;\n\
         ALTER TABLE movie DROP CONSTRAINT film_title_key;",
        expect![[r#"
            table movie
              film_id int NOT NULL
              name text
              primary key film_pkey (film_id)
              check film_title_check (name <> '')
              index movie_name_lower ((lower(name))) where name IS NOT NULL
            table archive.scene
              id int
              film int
            foreign key scene_film_fkey archive.scene (film) -> movie (film_id)
            10 statements, 10 modelled
        "#]],
    );
}

#[test]
fn drops_remove_what_exists_and_warn_about_what_does_not() {
    postgres(
        "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TYPE colour AS ENUM ('red');\n\
         CREATE TABLE a (id int PRIMARY KEY, m mood, c colour);\n\
         CREATE TABLE b (id int, a_id int REFERENCES a);\nCREATE TABLE c (a_id int REFERENCES a);\n\
         CREATE INDEX b_a ON b (a_id);\nCREATE VIEW v AS SELECT * FROM a;\n\
         DROP INDEX CONCURRENTLY IF EXISTS public.b_a;\nCREATE INDEX b_a ON b (id, a_id);\n\
         DROP VIEW IF EXISTS v, nope;\nDROP TABLE IF EXISTS nothing;\nDROP TABLE nothing;\n\
         DROP TYPE mood;\nDROP TYPE colour CASCADE;\nDROP TABLE c;\nDROP TABLE a CASCADE;",
        expect![[r#"
            enum mood (sad, ok)
            table b
              id int
              a_id int
              index b_a (id, a_id)
            kept from line 12: it drops something not in the design
            kept from line 13: it drops something not in the design
            12:1: warning: DROP TABLE: nothing is not in the design; kept as written
            13:1: warning: DROP TYPE: mood is used by a.m (CASCADE would drop them); kept as written
            16 statements, 14 modelled
        "#]],
    );
}

#[test]
fn a_table_dropped_and_created_again_keeps_the_foreign_keys_naming_it() {
    check(
        Dialect::Sqlite,
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n\
         CREATE TABLE child (id INTEGER, parent_id INTEGER REFERENCES parent (id));\n\
         CREATE TABLE new__parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born DATE);\n\
         INSERT INTO new__parent (id, name) SELECT id, name FROM parent;\n\
         DROP TABLE parent;\nALTER TABLE new__parent RENAME TO parent;\n\
         ALTER TABLE child ADD COLUMN note TEXT;\nALTER TABLE child RENAME COLUMN note TO remark;\n\
         ALTER TABLE child DROP COLUMN remark;",
        expect![[r#"
            table child
              id integer
              parent_id integer
            table parent
              id integer NOT NULL
              name text NOT NULL
              born date
              primary key (id)
            foreign key child (parent_id) -> parent (id)
            kept from line 4: INSERT is not modelled yet
            4:1: info: kept as written: INSERT is not modelled yet
            9 statements, 8 modelled
        "#]],
    );
}

#[test]
fn enum_values_are_added_and_renamed() {
    postgres(
        "CREATE TYPE public.rating AS ENUM ('G', 'R');\nCREATE TABLE film (r public.rating);\n\
         ALTER TYPE rating ADD VALUE 'PG' BEFORE 'R';\nALTER TYPE rating ADD VALUE 'NC-17' AFTER 'R';\n\
         ALTER TYPE rating ADD VALUE IF NOT EXISTS 'G';\nALTER TYPE rating ADD VALUE 'G';\n\
         ALTER TYPE rating RENAME VALUE 'NC-17' TO 'NC17';\nALTER TYPE public.rating RENAME TO film_rating;\n\
         ALTER TYPE nothing ADD VALUE 'x';",
        expect![[r#"
            enum public.film_rating (G, PG, R, NC17)
            table film
              r public.film_rating
            kept from line 6: it does not apply to the design
            kept from line 9: it does not apply to the design
            6:1: warning: ALTER TYPE: public.rating already has the value G; kept as written
            9:1: warning: ALTER TYPE: type nothing is not an enum of the design; kept as written
            9 statements, 7 modelled
        "#]],
    );
}

#[test]
fn inheriting_tables_get_their_parents_columns_first() {
    postgres(
        "CREATE TABLE item (id int NOT NULL, name text, CHECK (id > 0));\n\
         CREATE TABLE book (isbn text, name text NOT NULL) INHERITS (item);\n\
         CREATE TABLE ebook (url text) INHERITS (public.book);\n\
         ALTER TABLE item ADD COLUMN price numeric;\nALTER TABLE ONLY item ADD COLUMN sku text;\n\
         ALTER TABLE item RENAME name TO title;\nALTER TABLE item RENAME TO product;",
        expect![[r#"
            table product
              id int NOT NULL
              title text
              price numeric
              sku text
              check item_id_check (id > 0)
            table book
              id int NOT NULL
              title text NOT NULL
              isbn text
              price numeric
              check item_id_check (id > 0)
              [INHERITS (product)]
            table ebook
              id int NOT NULL
              title text NOT NULL
              isbn text
              url text
              price numeric
              check item_id_check (id > 0)
              [INHERITS (public.book)]
            2:1: info: carried as written, not modelled yet: book: INHERITS (item)
            3:1: info: carried as written, not modelled yet: ebook: INHERITS (public.book)
            7 statements, 7 modelled
        "#]],
    );
}

#[test]
fn mysql_modify_change_positions_and_keys() {
    check(
        Dialect::MySql,
        "DROP TABLE IF EXISTS `t`;\nCREATE TABLE `t` (`id` int NOT NULL, `a` int, `b` varchar(10), \
         PRIMARY KEY (`id`, `a`), UNIQUE KEY `uk_b` (`b`), KEY `ab` (`a`, `b`));\n\
         CREATE TABLE u (id int PRIMARY KEY, t_id int, FOREIGN KEY (t_id) REFERENCES t (id));\n\
         ALTER TABLE t MODIFY COLUMN b varchar(20) NOT NULL DEFAULT '' COMMENT 'bee' AFTER id;\n\
         ALTER TABLE t CHANGE a alpha bigint NOT NULL, ADD c int FIRST, ADD (d int, e int);\n\
         ALTER TABLE t DROP INDEX uk_b, DROP KEY ab;\nALTER TABLE t ADD UNIQUE (c), ADD INDEX (d);\n\
         ALTER TABLE t RENAME INDEX c TO c_unique;\nALTER TABLE t DROP COLUMN alpha;\n\
         ALTER TABLE u DROP FOREIGN KEY u_ibfk_1;\nALTER TABLE u DROP PRIMARY KEY;\n\
         RENAME TABLE t TO tee, u TO you;",
        expect![[r#"
            table tee
              c int
              id int NOT NULL
              b varchar(20) NOT NULL DEFAULT '' (commented)
              d int
              e int
              primary key (id)
              unique c_unique (c)
              index (d)
            table you
              id int NOT NULL
              t_id int
            12 statements, 12 modelled
        "#]],
    );
}

#[test]
fn sql_server_column_lists_alter_column_and_sp_rename() {
    check(
        Dialect::MsSql,
        "CREATE SCHEMA sales AUTHORIZATION dbo\nCREATE TABLE orders (id int NOT NULL, note varchar(10))\nGO\n\
         ALTER TABLE sales.orders ADD total money NULL, placed datetime NOT NULL CONSTRAINT df_placed DEFAULT GETDATE()\nGO\n\
         ALTER TABLE sales.orders ALTER COLUMN note nvarchar(max) NOT NULL\nGO\n\
         ALTER TABLE sales.orders ADD CONSTRAINT pk_orders PRIMARY KEY CLUSTERED (id)\nGO\n\
         CREATE INDEX ix_total ON sales.orders (total)\nGO\n\
         EXEC sp_rename 'sales.orders.total', 'amount', 'COLUMN'\nGO\n\
         EXEC sp_rename N'sales.orders.ix_total', N'ix_amount', N'INDEX'\nGO\n\
         EXEC sp_rename 'sales.orders', 'order_header'\nGO\n\
         ALTER TABLE sales.order_header DROP COLUMN placed, note\nGO\n\
         DROP INDEX ix_amount ON sales.order_header\nGO\n\
         ALTER TABLE sales.order_header DROP CONSTRAINT pk_orders\nGO\n",
        expect![[r#"
            table sales.order_header
              id int NOT NULL
              amount money
            kept from line 1: CREATE SCHEMA with AUTHORIZATION is not modelled yet
            1:1: info: kept as written: CREATE SCHEMA with AUTHORIZATION is not modelled yet
            11 statements, 10 modelled
        "#]],
    );
}

#[test]
fn django_migrations_for_postgresql_replay_in_order() {
    postgres(
        "BEGIN;\n--\n-- Create model Author\n--\n\
         CREATE TABLE \"library_author\" (\"id\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, \"name\" varchar(100) NOT NULL);\n\
         CREATE TABLE \"library_book\" (\"id\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, \"title\" varchar(200) NOT NULL, \"author_id\" bigint NOT NULL);\n\
         ALTER TABLE \"library_book\" ADD CONSTRAINT \"library_book_author_id_0bd5b5e6_fk_library_author_id\" \
         FOREIGN KEY (\"author_id\") REFERENCES \"library_author\" (\"id\") DEFERRABLE INITIALLY DEFERRED;\n\
         CREATE INDEX \"library_book_author_id_0bd5b5e6\" ON \"library_book\" (\"author_id\");\nCOMMIT;\n\
         BEGIN;\nALTER TABLE \"library_book\" ADD COLUMN \"pages\" integer DEFAULT 0 NOT NULL CHECK (\"pages\" >= 0);\n\
         ALTER TABLE \"library_book\" ALTER COLUMN \"pages\" DROP DEFAULT;\n\
         ALTER TABLE \"library_book\" RENAME COLUMN \"title\" TO \"name\";\n\
         ALTER TABLE \"library_author\" RENAME TO \"library_writer\";\nCOMMIT;",
        expect![[r#"
            table library_writer
              id bigint NOT NULL IDENTITY
              name varchar(100) NOT NULL
              primary key library_author_pkey (id)
            table library_book
              id bigint NOT NULL IDENTITY
              name varchar(200) NOT NULL
              author_id bigint NOT NULL
              pages integer NOT NULL
              primary key library_book_pkey (id)
              check library_book_pages_check ("pages" >= 0)
              index library_book_author_id_0bd5b5e6 (author_id)
            foreign key library_book_author_id_0bd5b5e6_fk_library_author_id library_book (author_id) -> library_writer (id) DEFERRABLE INITIALLY DEFERRED
            kept from line 1: BEGIN is not modelled yet
            kept from line 9: COMMIT is not modelled yet
            kept from line 10: BEGIN is not modelled yet
            kept from line 15: COMMIT is not modelled yet
            1:1: info: kept as written: BEGIN is not modelled yet
            9:1: info: kept as written: COMMIT is not modelled yet
            10:1: info: kept as written: BEGIN is not modelled yet
            15:1: info: kept as written: COMMIT is not modelled yet
            12 statements, 8 modelled
        "#]],
    );
}

#[test]
fn inheritance_cycles_and_fans_reach_each_table_once() {
    postgres(
        "CREATE TABLE a (x int) INHERITS (b);\nCREATE TABLE b (y int) INHERITS (a);\n\
         CREATE TABLE c (z int) INHERITS (a, b);\nALTER TABLE a ADD COLUMN w int;\nALTER TABLE b RENAME y TO v;",
        expect![[r#"
            table a
              x int
              w int
              [INHERITS (b)]
            table b
              x int
              v int
              w int
              [INHERITS (a)]
            table c
              x int
              v int
              z int
              w int
              [INHERITS (a, b)]
            1:1: info: carried as written, not modelled yet: a: INHERITS (b)
            2:1: info: carried as written, not modelled yet: b: INHERITS (a)
            3:1: info: carried as written, not modelled yet: c: INHERITS (a, b)
            5 statements, 5 modelled
        "#]],
    );
}

#[test]
fn an_unreadable_operation_is_kept_and_the_others_replayed() {
    postgres(
        "CREATE TABLE t (a int, b int);\n\
         ALTER TABLE t ALTER COLUMN a DROP IDENTITY IF EXISTS, ADD CONSTRAINT c CHECK (a >), DROP COLUMN b, \
         OWNER TO someone, ALTER COLUMN a SET STATISTICS 100;",
        expect![[r#"
            table t
              a int
            kept from line 2: it could not be parsed; ALTER TABLE OWNER TO is not modelled yet; ALTER TABLE ALTER COLUMN is not modelled yet
            2:1: error: could not read this ALTER TABLE operation (Expected: an expression, found: )); it is kept as written
            2:1: info: kept as written: it could not be parsed; ALTER TABLE OWNER TO is not modelled yet; ALTER TABLE ALTER COLUMN is not modelled yet
            2 statements, 1 modelled
        "#]],
    );
}

#[test]
fn pg_dump_identity_columns_and_their_changes() {
    postgres(
        "CREATE TABLE public.t (id integer NOT NULL, n integer);\n\
         ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (\n    \
         SEQUENCE NAME public.t_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    \
         NO MAXVALUE\n    CACHE 1\n);\n\
         ALTER TABLE public.t ALTER COLUMN n ADD GENERATED BY DEFAULT AS IDENTITY;\n\
         ALTER TABLE public.t ALTER COLUMN id SET GENERATED BY DEFAULT;\n\
         ALTER TABLE public.t ALTER COLUMN n DROP IDENTITY;\n\
         ALTER TABLE public.t ALTER COLUMN n DROP IDENTITY;",
        expect![[r#"
            table public.t
              id integer NOT NULL IDENTITY
              n integer NOT NULL
            kept from line 13: it does not apply to the design
            13:1: warning: public.t column n is not an identity column; this one is kept as written
            13:1: info: kept as written: it does not apply to the design
            6 statements, 5 modelled
        "#]],
    );
}
