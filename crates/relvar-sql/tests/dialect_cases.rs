//! Data-driven import cases for MySQL, SQLite and SQL Server, including each recovery rule.

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
    assert_eq!(
        import.statement_count,
        import.modelled_count + import.design.unmodelled.len()
    );
    expected.assert_eq(&actual);
}

#[test]
fn mysql_dump_with_conditional_comments_delimiters_and_binary() {
    check(
        Dialect::MySql,
        "/*!40101 SET NAMES utf8 */;\nDROP TABLE IF EXISTS `Film`;\n\
         CREATE TABLE `Film` (\n  `film_id` smallint unsigned NOT NULL AUTO_INCREMENT,\n  `password` varchar(40) BINARY DEFAULT NULL,\n  \
         `Lang_ID` int NOT NULL,\n  PRIMARY KEY (`film_id`),\n  KEY `idx_lang` (`lang_id`),\n  \
         CONSTRAINT `fk_lang` FOREIGN KEY (`lang_id`) REFERENCES `language` (`language_id`) ON DELETE RESTRICT\n\
         ) ENGINE=InnoDB /*!40101 DEFAULT CHARSET=utf8 */;\n\
         CREATE TABLE language (language_id int PRIMARY KEY);\n\
         DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON Film FOR EACH ROW BEGIN SET NEW.Lang_ID = 1; END ;;\nDELIMITER ;\n",
        expect![[r#"
            table Film
              film_id smallint unsigned NOT NULL IDENTITY
              password varchar(40) DEFAULT NULL [BINARY]
              Lang_ID int NOT NULL
              primary key (film_id)
              index idx_lang (Lang_ID)
              [ENGINE = InnoDB DEFAULT CHARSET = utf8]
            table language
              language_id int NOT NULL
              primary key (language_id)
            foreign key fk_lang Film (Lang_ID) -> language (language_id) ON DELETE RESTRICT
            kept from line 12: a client command
            kept from line 13: CREATE TRIGGER is not modelled yet
            kept from line 14: a client command
            3:1: info: carried as written, not modelled yet: Film: ENGINE = InnoDB DEFAULT CHARSET = utf8
            5:26: info: carried as written, not modelled yet: Film.password: BINARY
            12:1: info: kept as written: a client command
            13:1: info: kept as written: CREATE TRIGGER is not modelled yet
            14:1: info: kept as written: a client command
        "#]],
    );
}

#[test]
fn sqlite_multi_word_types_and_triggers() {
    check(
        Dialect::Sqlite,
        "CREATE TABLE film (film_id INTEGER PRIMARY KEY AUTOINCREMENT, description BLOB SUB_TYPE TEXT DEFAULT NULL,\n  \
         id BIGINT AUTO_INCREMENT UNIQUE, [rate] DOUBLE PRECISION NOT NULL);\n\
         CREATE TRIGGER film_update AFTER UPDATE ON film BEGIN UPDATE film SET rate = CASE WHEN rate > 0 THEN rate END; END;\n\
         CREATE TABLE rental (film_id INTEGER REFERENCES film ON DELETE CASCADE);",
        expect![[r#"
            table film
              film_id integer NOT NULL IDENTITY
              description blob sub_type text DEFAULT NULL
              id bigint auto_increment
              rate double precision NOT NULL
              primary key (film_id)
              unique (id)
            table rental
              film_id integer
            foreign key rental (film_id) -> film (film_id) ON DELETE CASCADE
            kept from line 3: CREATE TRIGGER is not modelled yet
            3:1: info: kept as written: CREATE TRIGGER is not modelled yet
        "#]],
    );
}

#[test]
fn sqlite_multi_word_types_in_added_columns() {
    // SQLite takes every word before a column's constraints as its type, in ALTER TABLE too.
    check(
        Dialect::Sqlite,
        "CREATE TABLE t (id integer PRIMARY KEY);\n\
         ALTER TABLE t ADD COLUMN total unsigned big int NOT NULL DEFAULT 0;\n\
         ALTER TABLE t ADD note varying character(40);",
        expect![[r#"
            table t
              id integer NOT NULL
              total unsigned big int NOT NULL DEFAULT 0
              note varying character(40)
              primary key (id)
        "#]],
    );
}

#[test]
fn mysql_online_ddl_options_are_how_a_change_runs_not_what_it_changes() {
    // ALGORITHM= and LOCK= (gh-ost, Rails and hand-written online migrations) change nothing.
    check(
        Dialect::MySql,
        "CREATE TABLE t (id int PRIMARY KEY, a int);\n\
         ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT;\n\
         ALTER TABLE t ALGORITHM=INPLACE, LOCK=NONE, ADD INDEX t_a (a);\n\
         ALTER TABLE t MODIFY COLUMN a bigint NOT NULL, ALGORITHM=COPY, LOCK=SHARED;\n\
         CREATE INDEX t_c ON t (c) ALGORITHM=INPLACE LOCK=NONE;\n\
         ALTER TABLE t RENAME COLUMN c TO d, ALGORITHM=INSTANT;\n\
         ALTER TABLE t LOCK=EXCLUSIVE;",
        expect![[r#"
            table t
              id int NOT NULL
              a bigint NOT NULL
              d int
              primary key (id)
              index t_a (a)
              index t_c (d)
        "#]],
    );
}

#[test]
fn sql_server_script_with_batches_and_recovered_syntax() {
    check(
        Dialect::MsSql,
        "\u{feff}:setvar DatabaseName \"Shop\"\r\nSET ANSI_NULLS ON\r\nGO\r\n\
         CREATE TABLE [Sales].[Customer](\r\n    [CustomerID] [int] IDENTITY (1, 1) NOT FOR REPLICATION NOT NULL,\r\n    \
         [rowguid] uniqueidentifier ROWGUIDCOL NOT NULL,\r\n    [Notes] [XML]([Sales].[NotesSchema]) NULL,\r\n    \
         [Total] AS ([CustomerID] * 2) PERSISTED,\r\n    [Name] nvarchar(50) NOT NULL,\r\n) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY];\r\nGO\r\n\
         CREATE TABLE [Sales].[Order] ([OrderID] int NOT NULL, [CustomerID] int NOT NULL)\r\nGO\r\n\
         ALTER TABLE [Sales].[Customer] WITH CHECK ADD\r\n    CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED ([CustomerID]) ON [PRIMARY];\r\nGO\r\n\
         ALTER TABLE [Sales].[Order] ADD CONSTRAINT [PK_Order] PRIMARY KEY ([OrderID]),\r\n    \
         CONSTRAINT [FK_Order_Customer] FOREIGN KEY ([CustomerID]) REFERENCES [Sales].[Customer] ([CustomerID]) ON DELETE CASCADE;\r\nGO\r\n\
         ALTER TABLE [Sales].[Customer] ADD CONSTRAINT [DF_Customer_Name] DEFAULT (N'anon') FOR [Name]\r\nGO\r\n",
        expect![[r#"
            table Sales.Customer
              CustomerID int NOT NULL IDENTITY ALWAYS [NOT FOR REPLICATION]
              rowguid uniqueidentifier NOT NULL [ROWGUIDCOL]
              Notes [xml]([sales].[notesschema])
              Total  AS ([CustomerID] * 2) STORED
              Name nvarchar(50) NOT NULL DEFAULT (N'anon')
              primary key PK_Customer (CustomerID)
              [ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]]
            table Sales.Order
              OrderID int NOT NULL
              CustomerID int NOT NULL
              primary key PK_Order (OrderID)
            foreign key FK_Order_Customer Sales.Order (CustomerID) -> Sales.Customer (CustomerID) ON DELETE CASCADE
            kept from line 1: a client command
            kept from line 2: SET is not modelled yet
            1:1: info: kept as written: a client command
            2:1: info: kept as written: SET is not modelled yet
            5:40: info: carried as written, not modelled yet: Sales.Customer.CustomerID: NOT FOR REPLICATION
            6:32: info: carried as written, not modelled yet: Sales.Customer.rowguid: ROWGUIDCOL
            10:3: info: carried as written, not modelled yet: Sales.Customer: ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
        "#]],
    );
}
