//! Types, defaults, checks and generated columns: what each engine takes of them.

use expect_test::expect;
use relvar_sql::Dialect;

use super::check;

#[test]
fn mariadb_refusals_are_mapped_or_left_out() {
    check(
        Dialect::PostgreSql,
        "CREATE TABLE parent (id serial PRIMARY KEY, code char(2) UNIQUE);
         CREATE TABLE child (
             id serial PRIMARY KEY CHECK (id > 0),
             parent_id integer REFERENCES parent (id) ON UPDATE CASCADE CHECK (parent_id > 0),
             twice integer GENERATED ALWAYS AS (parent_id * 2) STORED,
             code char(2),
             shout char(2) GENERATED ALWAYS AS (upper(code)) STORED,
             price numeric(4,2) DEFAULT 123.5,
             flag char(1) DEFAULT 'ab'
         );",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
            -- Warning: child.twice: generated from parent_id, which a foreign key's action changes; MySQL/MariaDB stores no such column, written VIRTUAL
            -- Warning: child.shout: generated from the fixed-length code, which MySQL/MariaDB refuses in a stored generated column; written VIRTUAL
            -- Warning: child.price: default 123.5 has no MySQL/MariaDB form; left out
            -- Warning: child.flag: default 'ab' has no MySQL/MariaDB form; left out
            -- Warning: child: check (id > 0) names the AUTO_INCREMENT column id, which MySQL/MariaDB refuses; left out
            -- Warning: child: check (parent_id > 0) names parent_id, which a foreign key's action changes; MySQL/MariaDB refuses that, left out

            CREATE TABLE parent (
                `id` int NOT NULL AUTO_INCREMENT,
                code char(2),
                PRIMARY KEY (`id`),
                UNIQUE (code)
            );

            CREATE TABLE child (
                `id` int NOT NULL AUTO_INCREMENT,
                parent_id int,
                twice int GENERATED ALWAYS AS (parent_id * 2) VIRTUAL,
                code char(2),
                shout char(2) GENERATED ALWAYS AS (upper(code)) VIRTUAL,
                price decimal(4,2),
                flag char(1),
                PRIMARY KEY (`id`),
                FOREIGN KEY (parent_id) REFERENCES parent (`id`) ON UPDATE CASCADE
            );

        "#]],
    );
}

#[test]
fn mysql_8_output_is_written_as_mariadb_takes_it() {
    check(
        Dialect::MySql,
        "CREATE TABLE t (
             id char(36) NOT NULL DEFAULT (uuid()),
             code binary(16) DEFAULT (uuid_to_bin(uuid())),
             name varchar(20) COLLATE utf8mb4_0900_bin,
             CHECK (regexp_like(name, '^a')),
             PRIMARY KEY (id)
         ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
            -- Warning: t.code: default ((uuid_to_bin(uuid()))) calls uuid_to_bin, which MariaDB 10.11 does not have; left out
            -- Warning: t.name: MySQL 8's collation utf8mb4_0900_bin is unknown to MariaDB 10.11; written utf8mb4_bin
            -- Warning: t: check (regexp_like(name, '^a')) calls regexp_like, which MariaDB 10.11 does not have; left out
            -- Warning: t: MySQL 8's collation utf8mb4_0900_ai_ci is unknown to MariaDB 10.11; written utf8mb4_unicode_520_ci

            CREATE TABLE t (
                `id` char(36) DEFAULT (uuid()) NOT NULL,
                code binary(16),
                `name` varchar(20) COLLATE utf8mb4_bin,
                PRIMARY KEY (`id`)
            )
            ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

        "#]],
    );
}

#[test]
fn strings_and_pg_dump_operators_are_translated() {
    check(
        Dialect::PostgreSql,
        "CREATE TABLE t (
             code text DEFAULT 'it''s',
             CONSTRAINT t_code_check CHECK ((code ~~ 'a%'::text) AND (code !~~ '%''%'::text))
         );",
        Dialect::Sqlite,
        expect![[r#"
            -- SQLite DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE t (
                code text DEFAULT 'it''s',
                CONSTRAINT t_code_check CHECK ((code LIKE 'a%') AND (code NOT LIKE '%''%'))
            );

        "#]],
    );
}

#[test]
fn generated_columns_and_fractions_fit_postgresql_15() {
    check(
        Dialect::MySql,
        "CREATE TABLE t (a int, b int AS (a + 1) VIRTUAL, at datetime(6), d time(7));",
        Dialect::PostgreSql,
        expect![[r#"
            -- PostgreSQL DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
            -- Warning: t.b: PostgreSQL before 18 has no virtual generated columns; written STORED
            -- Warning: t.d time(7): fractions of a second kept to 6 digits, not 7

            CREATE TABLE t (
                a integer,
                b integer GENERATED ALWAYS AS (a + 1) STORED,
                at timestamp(6),
                d time(6)
            );

        "#]],
    );
    check(
        Dialect::MsSql,
        "CREATE TABLE t (a datetime2(7), b time(7));",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
            -- Warning: t.a datetime2(7): fractions of a second kept to 6 digits, not 7
            -- Warning: t.b time(7): fractions of a second kept to 6 digits, not 7

            CREATE TABLE t (
                a datetime(6),
                b time(6)
            );

        "#]],
    );
}

#[test]
fn sqlite_types_and_tables_of_its_own() {
    check(
        Dialect::Sqlite,
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT DEFAULT 7, n UNSIGNED BIG INT);
         CREATE TABLE sqlite_sequence(name,seq);",
        Dialect::PostgreSql,
        expect![[r#"
            -- PostgreSQL DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
            -- Warning: t.id: default 7 left out: PostgreSQL numbers the column

            CREATE TABLE t (
                id integer NOT NULL GENERATED BY DEFAULT AS IDENTITY,
                n bigint,
                PRIMARY KEY (id)
            );

        "#]],
    );
    check(
        Dialect::Sqlite,
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT DEFAULT 7, n UNSIGNED BIG INT);
         CREATE TABLE sqlite_sequence(name,seq);",
        Dialect::Sqlite,
        expect![[r#"
            -- SQLite DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE t (
                "id" integer PRIMARY KEY AUTOINCREMENT DEFAULT 7,
                n unsigned big int
            );

        "#]],
    );
}

#[test]
fn an_enum_named_with_a_quote_is_still_found_elsewhere() {
    check(
        Dialect::PostgreSql,
        "CREATE TYPE \"a\"\"b\" AS ENUM ('x', 'y');
         CREATE TABLE t (c \"a\"\"b\");",
        Dialect::Sqlite,
        expect![[r#"
            -- SQLite DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE t (
                c varchar(1),
                CHECK (c IN ('x', 'y'))
            );

        "#]],
    );
}

#[test]
fn bit_defaults_become_the_targets_booleans() {
    let script = "CREATE TABLE t (flag bit(1) DEFAULT b'1', mask bit(4) DEFAULT b'0101');";
    check(
        Dialect::MySql,
        script,
        Dialect::PostgreSql,
        expect![[r#"
        -- PostgreSQL DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
        -- Warning: t.mask bit(4): bit(4) has no PostgreSQL equivalent; written as text
        -- Warning: t.mask: default B'0101' has no PostgreSQL form; left out

        CREATE TABLE t (
            flag boolean DEFAULT true,
            mask text
        );

    "#]],
    );
    check(
        Dialect::MySql,
        script,
        Dialect::Sqlite,
        expect![[r#"
        -- SQLite DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
        -- Warning: t.mask bit(4): bit(4) has no SQLite equivalent; written as text
        -- Warning: t.mask: default B'0101' has no SQLite form; left out

        CREATE TABLE t (
            flag boolean DEFAULT 1,
            mask text
        );

    "#]],
    );
}

#[test]
fn sqlite_table_options_come_back() {
    check(
        Dialect::Sqlite,
        "CREATE TABLE a (k TEXT PRIMARY KEY) WITHOUT ROWID;
         CREATE TABLE b (k INTEGER PRIMARY KEY, v ANY) STRICT;",
        Dialect::Sqlite,
        expect![[r#"
            -- SQLite DDL for the Relvar design 'Untitled design': 2 tables, 0 foreign keys.

            CREATE TABLE a (
                k text NOT NULL,
                PRIMARY KEY (k)
            )
            WITHOUT ROWID;

            CREATE TABLE b (
                k integer NOT NULL,
                v any,
                PRIMARY KEY (k)
            )
            STRICT;

        "#]],
    );
}
