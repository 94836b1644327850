//! The reader on hand-written documents: SQL Server's FOR JSON output (no server runs here),
//! MySQL's unordered lists and JSON nested as text, malformed and cut documents, detection.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use expect_test::expect;
use proptest::prelude::*;

use super::{catalog_dialect, catalog_query, is_catalog_document};
use crate::{Dialect, Severity, detect_dialect, import_sql};

/// What the SQL Server query prints for a small database: FOR JSON PATH leaves out nulls, writes
/// bits as booleans and schemas as objects; the primary key is one object, not a list.
const MSSQL_SAMPLE: &str = r#"{"relvar_catalog":1,"engine":"mssql","server":"16.0.1000.6","database":"Shop",
"schemas":[{"name":"sales"}],
"tables":[
 {"schema":"dbo","name":"Customer","comment":"Who buys",
  "columns":[
   {"position":1,"name":"CustomerId","type":"int","nullable":false,"identity":"always"},
   {"position":2,"name":"Email","type":"nvarchar(320)","nullable":false,"collation":"Latin1_General_CS_AS","comment":"login"},
   {"position":3,"name":"CreatedAt","type":"datetime2(7)","nullable":false,"default":"(sysutcdatetime())"},
   {"position":4,"name":"Credit","type":"decimal(10,2)","nullable":true,"default":"((0))"}],
  "primary_key":{"name":"PK_Customer","columns":[{"name":"CustomerId","position":1}]},
  "uniques":[{"name":"UQ_Customer_Email","columns":[{"name":"Email","position":1}]}],
  "checks":[{"name":"CK_Customer_Credit","expression":"([Credit]>=(0))"}],
  "indexes":[{"name":"IX_Customer_Created","unique":false,"predicate":"([Credit]>(0))",
    "parts":[{"column":"CreatedAt","position":1,"descending":true}],
    "include":[{"name":"Credit","position":4}]},
   {"name":"CX_Customer_Email","unique":false,"kind":"CLUSTERED","parts":[{"column":"Email","position":1}]}]},
 {"schema":"sales","name":"Order","columns":[
   {"position":2,"name":"CustomerId","type":"int","nullable":false},
   {"position":1,"name":"OrderId","type":"bigint","nullable":false,"identity":"always"},
   {"position":3,"name":"Total","type":"money","nullable":true},
   {"position":4,"name":"Doubled","type":"money","nullable":true,"generated":"([Total]*(2))","stored":true}],
  "primary_key":"{\"name\":\"PK_Order\",\"columns\":[{\"name\":\"OrderId\",\"position\":1}]}",
  "foreign_keys":[{"name":"FK_Order_Customer","columns":[{"name":"CustomerId","position":1}],
    "ref_schema":"dbo","ref_table":"Customer","ref_columns":[{"name":"CustomerId","position":1}],
    "on_delete":"CASCADE","on_update":"NO ACTION"}]}],
"views":[{"schema":"sales","name":"BigOrders","definition":"-- the big ones\nCREATE VIEW sales.BigOrders AS SELECT OrderId FROM sales.[Order] WHERE Total > 100"}],
"sequences":[{"schema":"dbo","name":"Tickets","type":"bigint","start":1,"increment":1,"min_value":-9223372036854775808,"max_value":9223372036854775807,"cache":0,"cycle":false}]}
(1 rows affected)
"#;

#[test]
fn sql_servers_document_gives_its_design() {
    let import = import_sql(MSSQL_SAMPLE, Dialect::PostgreSql);
    assert_eq!(detect_dialect(MSSQL_SAMPLE), Dialect::MsSql);
    assert_eq!(import.design.source_dialect, Some(Dialect::MsSql));
    assert_eq!(import.design.name, "Shop");
    assert_eq!(import.design.tables[0].comment.as_deref(), Some("Who buys"));
    assert!(
        import.design.views[0]
            .sql
            .starts_with("CREATE VIEW sales.BigOrders AS SELECT")
    );
    expect![[r#"
        schema sales
        sequence dbo.Tickets as bigint start 1 increment 1 min -9223372036854775808 max 9223372036854775807 cache 0
        table dbo.Customer
          CustomerId int NOT NULL IDENTITY ALWAYS
          Email nvarchar(320) NOT NULL COLLATE Latin1_General_CS_AS (commented)
          CreatedAt datetime2(7) NOT NULL DEFAULT sysutcdatetime()
          Credit decimal(10,2) DEFAULT 0
          primary key PK_Customer (CustomerId)
          unique UQ_Customer_Email (Email)
          check CK_Customer_Credit ([Credit]>=(0))
          index IX_Customer_Created (CreatedAt DESC) include (Credit) where [Credit]>(0)
          index CX_Customer_Email clustered (Email)
        table sales.Order
          OrderId bigint NOT NULL IDENTITY ALWAYS
          CustomerId int NOT NULL
          Total money
          Doubled money AS ([Total]*(2)) STORED
          primary key PK_Order (OrderId)
        view sales.BigOrders reads (sales.Order)
        foreign key FK_Order_Customer sales.Order (CustomerId) -> dbo.Customer (CustomerId) ON DELETE CASCADE
    "#]]
    .assert_eq(&import.design.outline());
    let trailing: Vec<_> = import
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.at.line, d.message.as_str()))
        .collect();
    assert_eq!(
        trailing,
        [(
            Severity::Warning,
            28,
            "text after the catalog document was left out"
        )]
    );
    assert_eq!((import.statement_count, import.modelled_count), (4, 4));
}

#[test]
fn mysql_lists_in_any_order_and_json_nested_as_text_read_alike() {
    let tables = r#"[{"name": "film", "columns": [
        {"position": 2, "name": "title", "type": "varchar(255)", "nullable": 0},
        {"position": 1, "name": "film_id", "type": "smallint(5) unsigned", "nullable": 0, "identity": "by default"},
        {"position": 3, "name": "meta", "type": "longtext", "nullable": 1, "collation": "utf8mb4_bin"}],
      "primary_key": {"columns": [{"name": "film_id", "position": 1}]},
      "checks": [{"name": "meta", "expression": "json_valid(`meta`)"}],
      "indexes": [
        {"name": "ft", "unique": 0, "method": "FULLTEXT", "parts": [{"position": 1, "column": "title"}]},
        {"name": "t2", "unique": 0, "method": "BTREE", "parts": [
          {"position": 2, "column": "film_id", "descending": 1},
          {"position": 1, "column": "title", "prefix": 10}]}]}]"#;
    let nested = serde_json::to_string(tables).unwrap();
    let document = format!(r#"{{"engine": "mysql", "relvar_catalog": 1, "tables": {nested}}}"#);
    let document = document.as_str();
    assert!(is_catalog_document(document));
    assert_eq!(catalog_dialect(document), Some(Dialect::MySql));
    let import = import_sql(document, Dialect::Sqlite);
    expect![[r#"
        table film
          film_id smallint(5) unsigned NOT NULL IDENTITY
          title varchar(255) NOT NULL
          meta json
          primary key (film_id)
          index ft fulltext (title)
          index t2 (title(10), film_id DESC)
    "#]]
    .assert_eq(&import.design.outline());
    assert!(import.diagnostics.is_empty(), "{:?}", import.diagnostics);
}

#[test]
fn malformed_documents_are_refused_with_their_place_and_kept() {
    let text = "\n  {\"relvar_catalog\": 1, \"engine\": \"postgres\",\n  \"tables\": [{\"name\": \"a\",, }]}";
    let import = import_sql(text, Dialect::PostgreSql);
    assert_eq!(import.design.tables.len(), 0);
    assert_eq!(import.modelled_count, 0);
    assert_eq!(import.statement_count, import.design.unmodelled.len());
    let error = &import.diagnostics[0];
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(
        (error.at.line, error.at.column),
        (3, 27),
        "{}",
        error.message
    );
    assert!(
        error
            .message
            .starts_with("this catalog document cannot be read: "),
        "{}",
        error.message
    );

    let wrong_kind = import_sql(r#"{"relvar_catalog": 1, "tables": 5}"#, Dialect::MySql);
    assert!(
        wrong_kind.diagnostics[0]
            .message
            .contains("expected a list, found a number")
    );

    let unknown = import_sql(
        r#"{"relvar_catalog": 2, "engine": "oracle", "tables": []}"#,
        Dialect::Sqlite,
    );
    assert_eq!(unknown.design.source_dialect, Some(Dialect::Sqlite));
    assert_eq!(unknown.diagnostics.len(), 2, "{:?}", unknown.diagnostics);

    assert!(!is_catalog_document("{\"tables\": []}"));
    assert!(!is_catalog_document(
        "-- {\"relvar_catalog\": 1}\nCREATE TABLE t (id int);"
    ));
}

#[test]
fn references_that_do_not_resolve_are_warned_about() {
    let document = r#"{"relvar_catalog":1,"engine":"postgres","tables":[
      {"schema":"public","name":"a","columns":[{"name":"id","type":"integer","nullable":false}],
       "primary_key":{"columns":["id","nope"]},
       "foreign_keys":[{"name":"f","columns":["id"],"ref_table":"missing","ref_columns":["id"]},
                       {"name":"g","columns":["id"],"ref_schema":"public","ref_table":"a","ref_columns":[]}]}]}"#;
    let import = import_sql(document, Dialect::PostgreSql);
    let messages: Vec<&str> = import
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].contains("primary key names columns the table does not have"));
    assert!(messages[1].contains("references missing"));
    assert!(import.design.tables[0].primary_key.is_none());
}

#[test]
fn every_engine_has_a_query_that_builds_the_marked_document() {
    for dialect in Dialect::ALL {
        let query = catalog_query(dialect);
        assert!(
            query.starts_with("-- Relvar: the schema of this "),
            "{dialect:?}"
        );
        assert!(query.contains("relvar_catalog"), "{dialect:?}");
        assert!(
            query.contains(&format!("'{}'", dialect.id())),
            "{dialect:?} names its engine"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Cut or damaged documents give messages, never a panic.
    #[test]
    fn damaged_documents_never_panic(cut in 0usize..2_000, at in 0usize..2_000, byte in any::<u8>()) {
        let mut bytes = MSSQL_SAMPLE.as_bytes().to_vec();
        bytes.truncate(cut.max(20));
        if let Some(place) = bytes.get_mut(at) {
            *place = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        let import = import_sql(&text, Dialect::MsSql);
        prop_assert!(import.statement_count >= import.modelled_count);
    }
}
