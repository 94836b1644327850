//! Keys, foreign keys, indexes and names: what each engine needs of them.

use expect_test::expect;
use relvar_sql::Dialect;

use super::check;

#[test]
fn a_foreign_key_to_a_unique_index_follows_the_index() {
    check(
        Dialect::PostgreSql,
        "CREATE TABLE account (id integer PRIMARY KEY, code text NOT NULL, parent_code text);
         CREATE UNIQUE INDEX account_code ON account (code);
         ALTER TABLE account ADD FOREIGN KEY (parent_code) REFERENCES account (code);
         CREATE TABLE invoice (id integer PRIMARY KEY, account_code text REFERENCES account (code));",
        Dialect::PostgreSql,
        expect![[r#"
            -- PostgreSQL DDL for the Relvar design 'Untitled design': 2 tables, 2 foreign keys.

            CREATE TABLE account (
                id integer NOT NULL,
                code text NOT NULL,
                parent_code text,
                PRIMARY KEY (id)
            );

            CREATE UNIQUE INDEX account_code ON account (code);

            CREATE TABLE invoice (
                id integer NOT NULL,
                account_code text,
                PRIMARY KEY (id),
                FOREIGN KEY (account_code) REFERENCES account (code)
            );

            ALTER TABLE account ADD FOREIGN KEY (parent_code) REFERENCES account (code);
        "#]],
    );
}

#[test]
fn a_foreign_key_to_no_key_is_left_out_where_the_engine_needs_one() {
    let script = "CREATE TABLE parent (id int PRIMARY KEY, code int, KEY (code));
         CREATE TABLE child (id int PRIMARY KEY, code int, FOREIGN KEY (code) REFERENCES parent (code));";
    check(
        Dialect::MySql,
        script,
        Dialect::PostgreSql,
        expect![[r#"
        -- PostgreSQL DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
        -- Warning: child: the foreign key to parent (code) references no key PostgreSQL accepts one against; left out

        CREATE TABLE parent (
            id integer NOT NULL,
            code integer,
            PRIMARY KEY (id)
        );

        CREATE TABLE child (
            id integer NOT NULL,
            code integer,
            PRIMARY KEY (id)
        );

        CREATE INDEX parent_code_idx ON parent (code);

    "#]],
    );
    check(
        Dialect::MySql,
        script,
        Dialect::Sqlite,
        expect![[r#"
        -- SQLite DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
        -- Warning: child: the foreign key to parent (code) references no key SQLite accepts one against; left out

        CREATE TABLE parent (
            "id" integer NOT NULL,
            code integer,
            PRIMARY KEY ("id")
        );

        CREATE TABLE child (
            "id" integer NOT NULL,
            code integer,
            PRIMARY KEY ("id")
        );

        CREATE INDEX parent_code_idx ON parent (code);

    "#]],
    );
}

#[test]
fn innodb_gets_the_foreign_key_columns_in_its_referenced_key_order() {
    check(
        Dialect::PostgreSql,
        "CREATE TABLE parent (a integer, b integer, PRIMARY KEY (a, b));
         CREATE TABLE child (x integer, y integer, FOREIGN KEY (y, x) REFERENCES parent (b, a));",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.

            CREATE TABLE parent (
                a int NOT NULL,
                b int NOT NULL,
                PRIMARY KEY (a, b)
            );

            CREATE TABLE child (
                x int,
                y int,
                FOREIGN KEY (x, y) REFERENCES parent (a, b)
            );

        "#]],
    );
}

#[test]
fn a_referencing_column_takes_its_referenced_columns_type_elsewhere() {
    // SQLite takes a text column referencing an integer one; PostgreSQL does not. What was said
    // about the text (its default, its check) does not hold of an integer.
    check(
        Dialect::Sqlite,
        "CREATE TABLE parent (id INTEGER PRIMARY KEY);
         CREATE TABLE child (pid TEXT DEFAULT 'x' CHECK (lower(pid) = pid) REFERENCES parent (id));",
        Dialect::PostgreSql,
        expect![[r#"
            -- PostgreSQL DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
            -- Warning: child.pid: written integer, its referenced column's type, as PostgreSQL refuses a foreign key between text and integer
            -- Warning: child.pid: default 'x' has no PostgreSQL form; left out
            -- Warning: child: check (lower(pid) = pid) is about pid, written with its referenced column's type; left out

            CREATE TABLE parent (
                id integer NOT NULL,
                PRIMARY KEY (id)
            );

            CREATE TABLE child (
                pid integer,
                FOREIGN KEY (pid) REFERENCES parent (id)
            );

        "#]],
    );
    // PostgreSQL compares integer with bigint; InnoDB wants the same integer type.
    check(
        Dialect::PostgreSql,
        "CREATE TABLE parent (id integer PRIMARY KEY);
         CREATE TABLE child (parent_id bigint REFERENCES parent (id));",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
            -- Warning: child.parent_id: written int, its referenced column's type, as MySQL/MariaDB refuses a foreign key between bigint and int

            CREATE TABLE parent (
                `id` int NOT NULL,
                PRIMARY KEY (`id`)
            );

            CREATE TABLE child (
                parent_id int,
                FOREIGN KEY (parent_id) REFERENCES parent (`id`)
            );

        "#]],
    );
}

#[test]
fn schemas_are_flattened_where_the_engine_has_none() {
    let script = "CREATE SCHEMA sales;
         CREATE TABLE public.orders (id integer PRIMARY KEY);
         CREATE TABLE sales.orders (id integer PRIMARY KEY, origin integer REFERENCES public.orders (id));
         CREATE INDEX orders_origin ON sales.orders (origin);
         CREATE INDEX orders_origin2 ON public.orders (id);";
    check(
        Dialect::PostgreSql,
        script,
        Dialect::MySql,
        expect![[r#"
        -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
        -- Warning: schema sales: MySQL/MariaDB has no schemas beside the database; its tables are written as sales_<table>

        CREATE TABLE orders (
            `id` int NOT NULL,
            PRIMARY KEY (`id`)
        );

        CREATE TABLE sales_orders (
            `id` int NOT NULL,
            origin int,
            PRIMARY KEY (`id`),
            FOREIGN KEY (origin) REFERENCES orders (`id`)
        );

        CREATE INDEX orders_origin2 ON orders (`id`);

        CREATE INDEX orders_origin ON sales_orders (origin);

    "#]],
    );
    check(
        Dialect::PostgreSql,
        script,
        Dialect::Sqlite,
        expect![[r#"
        -- SQLite DDL for the Relvar design 'Untitled design': 2 tables, 1 foreign keys.
        -- Warning: schema sales: SQLite has no schemas beside the database; its tables are written as sales_<table>

        CREATE TABLE orders (
            "id" integer NOT NULL,
            PRIMARY KEY ("id")
        );

        CREATE TABLE sales_orders (
            "id" integer NOT NULL,
            origin integer,
            PRIMARY KEY ("id"),
            FOREIGN KEY (origin) REFERENCES orders ("id")
        );

        CREATE INDEX orders_origin2 ON orders ("id");

        CREATE INDEX orders_origin ON sales_orders (origin);

    "#]],
    );
}

#[test]
fn sqlite_declares_every_foreign_key_inline_even_in_a_cycle() {
    check(
        Dialect::PostgreSql,
        "CREATE TABLE a (id integer PRIMARY KEY, b_id integer);
         CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));
         ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id);",
        Dialect::Sqlite,
        expect![[r#"
            -- SQLite DDL for the Relvar design 'Untitled design': 2 tables, 2 foreign keys.

            CREATE TABLE a (
                "id" integer NOT NULL,
                b_id integer,
                PRIMARY KEY ("id"),
                FOREIGN KEY (b_id) REFERENCES b ("id")
            );

            CREATE TABLE b (
                "id" integer NOT NULL,
                a_id integer,
                PRIMARY KEY ("id"),
                FOREIGN KEY (a_id) REFERENCES a ("id")
            );

        "#]],
    );
}

#[test]
fn names_the_engine_or_our_reader_takes_for_keywords_are_quoted() {
    let script =
        "CREATE TABLE t (accessible integer, \"interval\" text, sql integer CHECK (sql > 0));
         CREATE INDEX t_interval ON t (\"interval\" DESC);";
    check(
        Dialect::PostgreSql,
        script,
        Dialect::PostgreSql,
        expect![[r#"
        -- PostgreSQL DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

        CREATE TABLE t (
            accessible integer,
            "interval" text,
            sql integer,
            CHECK (sql > 0)
        );

        CREATE INDEX t_interval ON t ("interval" DESC);

    "#]],
    );
    check(
        Dialect::PostgreSql,
        script,
        Dialect::MySql,
        expect![[r#"
        -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
        -- Warning: t.interval text: unbounded text in a key written as 191 characters

        CREATE TABLE t (
            `accessible` int,
            `interval` varchar(191),
            `sql` int,
            CHECK (`sql` > 0)
        );

        CREATE INDEX t_interval ON t (`interval` DESC);

    "#]],
    );
}

#[test]
fn indexes_innodb_can_build() {
    check(
        Dialect::PostgreSql,
        "CREATE TABLE t (a integer, doc jsonb, name text);
         CREATE INDEX t_a_a ON t (a, a DESC);
         CREATE INDEX t_doc ON t (doc);
         CREATE INDEX t_name ON t (name, a);",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
            -- Warning: t.name text: unbounded text in a key written as 191 characters
            -- Warning: t index t_a_a: MySQL/MariaDB indexes a column once; the repeated a left out

            CREATE TABLE t (
                a int,
                doc json,
                `name` varchar(191)
            );

            CREATE INDEX t_a_a ON t (a);
            CREATE INDEX t_doc ON t (doc(191));
            CREATE INDEX t_name ON t (`name`, a);

        "#]],
    );
}

#[test]
fn keys_postgresql_would_merge_are_added_after_the_table() {
    check(
        Dialect::MySql,
        "CREATE TABLE t (id int NOT NULL, code int, PRIMARY KEY (id), UNIQUE KEY t_id (id),
             UNIQUE KEY c1 (code), UNIQUE KEY c2 (code));",
        Dialect::PostgreSql,
        expect![[r#"
            -- PostgreSQL DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE t (
                id integer NOT NULL,
                code integer,
                PRIMARY KEY (id),
                CONSTRAINT c1 UNIQUE (code)
            );
            ALTER TABLE t ADD CONSTRAINT t_id UNIQUE (id);
            ALTER TABLE t ADD CONSTRAINT c2 UNIQUE (code);

        "#]],
    );
}

#[test]
fn check_names_repeated_by_a_domain_stay_unique_in_mysql() {
    check(
        Dialect::PostgreSql,
        "CREATE DOMAIN positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
         CREATE TABLE t (a positive, b positive);",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.
            -- Warning: t: the name positive_check is taken in MySQL/MariaDB's scope for it; renamed t_positive_check

            CREATE TABLE t (
                a int,
                b int,
                CONSTRAINT positive_check CHECK (a > 0),
                CONSTRAINT t_positive_check CHECK (b > 0)
            );

        "#]],
    );
}

#[test]
fn mysql_unique_keys_keep_their_names_and_prefixes() {
    check(
        Dialect::MySql,
        "CREATE TABLE t (a varchar(300), b int,
             UNIQUE KEY t_b (b), UNIQUE KEY t_a (a(20)), KEY t_b_a (b, a(10)));",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE t (
                a varchar(300),
                b int,
                CONSTRAINT t_b UNIQUE (b)
            );

            CREATE UNIQUE INDEX t_a ON t (a(20));
            CREATE INDEX t_b_a ON t (b, a(10));

        "#]],
    );
}

#[test]
fn mysql_index_options_are_written_as_mysql_reads_them() {
    check(
        Dialect::MySql,
        "CREATE TABLE t (a int, KEY t_a (a) USING HASH COMMENT 'why');",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE t (
                a int,
                KEY t_a (a) USING HASH COMMENT 'why'
            );

        "#]],
    );
}

#[test]
fn sqlite_keeps_a_foreign_key_it_cannot_resolve_in_its_table() {
    // SQLite has no ALTER TABLE ADD CONSTRAINT; the clause stays where SQLite reads it.
    check(
        Dialect::Sqlite,
        "CREATE TABLE u (a TEXT, CONSTRAINT f FOREIGN KEY (a) REFERENCES elsewhere (id));",
        Dialect::Sqlite,
        expect![[r#"
            -- SQLite DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE u (
                a text,
                CONSTRAINT f FOREIGN KEY (a) REFERENCES elsewhere(id)
            );

        "#]],
    );
}

#[test]
fn an_auto_increment_column_keyed_by_a_plain_index_gets_it_inside_create_table() {
    // MySQL refuses a numbered column no key leads with when the table is created.
    check(
        Dialect::MySql,
        "CREATE TABLE job (id bigint NOT NULL AUTO_INCREMENT, pid int NOT NULL, name varchar(20),
           PRIMARY KEY (pid), KEY by_name (name), KEY id (id));",
        Dialect::MySql,
        expect![[r#"
            -- MySQL/MariaDB DDL for the Relvar design 'Untitled design': 1 tables, 0 foreign keys.

            CREATE TABLE job (
                `id` bigint NOT NULL AUTO_INCREMENT,
                pid int NOT NULL,
                `name` varchar(20),
                PRIMARY KEY (pid),
                KEY `id` (`id`)
            );

            CREATE INDEX by_name ON job (`name`);

        "#]],
    );
}

#[test]
fn an_inheriting_table_declares_only_its_own_columns_and_checks() {
    // The import gives `child` its parent's columns (the design shows the whole table); written
    // for PostgreSQL, INHERITS brings them again, and a child's own default for one comes after.
    check(
        Dialect::PostgreSql,
        "CREATE TABLE parent (id integer NOT NULL, amount integer DEFAULT 0 CONSTRAINT positive CHECK (amount > 0));
         CREATE TABLE child (extra text DEFAULT 'x') INHERITS (parent);
         ALTER TABLE ONLY child ALTER COLUMN amount SET DEFAULT 42;",
        Dialect::PostgreSql,
        expect![[r#"
            -- PostgreSQL DDL for the Relvar design 'Untitled design': 2 tables, 0 foreign keys.

            CREATE TABLE parent (
                id integer NOT NULL,
                amount integer DEFAULT 0,
                CONSTRAINT positive CHECK (amount > 0)
            );

            CREATE TABLE child (
                extra text DEFAULT 'x'
            )
            INHERITS (parent);
            ALTER TABLE ONLY child ALTER COLUMN amount SET DEFAULT 42;

        "#]],
    );
}
