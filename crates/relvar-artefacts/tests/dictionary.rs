//! The data dictionary: what it says of a design made here (keys, references both ways, the
//! engine's own constraint and index text, views, comment coverage, expected rows, suggested
//! classifications, neighbourhoods); snapshots of two corpus schemas; and for every corpus
//! schema an HTML file that is well-formed, has no script and loads nothing from outside.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use expect_test::expect_file;
use relvar_artefacts::dictionary::dictionary;
use relvar_artefacts::{dictionary_html, dictionary_markdown};
use relvar_model::Design;
use relvar_sql::{Dialect, import_sql};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

fn shop() -> Design {
    let mut design = import_sql(
        "CREATE TABLE customer (id int PRIMARY KEY, email text NOT NULL UNIQUE, name text);
         COMMENT ON TABLE customer IS 'People who buy';
         COMMENT ON COLUMN customer.email IS 'Where receipts go';
         CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
           total numeric(10,2) DEFAULT 0 CHECK (total >= 0), card_number text);
         CREATE INDEX orders_by_customer ON orders (customer_id) WHERE total > 0;
         CREATE TABLE line (order_id bigint REFERENCES orders, n int, PRIMARY KEY (order_id, n));
         CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;",
        Dialect::PostgreSql,
    )
    .design;
    design.name = "Shop".into();
    design.tables[1].expected_rows = Some(2_500_000);
    design
}

#[test]
fn a_table_is_described_with_its_keys_references_constraints_indexes_and_views() {
    let dictionary = dictionary(&shop());
    assert_eq!(dictionary.title, "Shop");
    // 3 table comments possible, 1 made; 9 columns, 1 commented.
    assert_eq!(
        (dictionary.coverage.commented, dictionary.coverage.total),
        (2, 12)
    );
    let customer = &dictionary.tables[0];
    assert_eq!(customer.coverage.text(), "2 of 4 (50%)");
    let email = &customer.columns[1];
    assert_eq!(email.keys, vec!["UK"]);
    assert_eq!(email.classification, "confidential (email)");
    assert_eq!(customer.columns[2].classification, "confidential (name)");
    assert_eq!(
        customer.columns[0].referenced_by,
        vec!["orders.customer_id"]
    );
    let orders = &dictionary.tables[1];
    assert_eq!(orders.expected_rows, Some(2_500_000));
    let customer_id = &orders.columns[1];
    assert_eq!(customer_id.keys, vec!["FK", "IX"]);
    assert_eq!(customer_id.references, vec!["customer.id"]);
    assert_eq!(orders.columns[3].classification, "restricted (payment)");
    assert!(
        orders
            .constraints
            .iter()
            .any(|c| c.contains("CHECK (total >= 0)")),
        "{:?}",
        orders.constraints
    );
    assert!(
        orders
            .constraints
            .iter()
            .any(|c| c
                .contains("FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE")),
        "{:?}",
        orders.constraints
    );
    assert_eq!(
        orders.indexes,
        vec!["CREATE INDEX orders_by_customer ON orders (customer_id) WHERE total > 0"]
    );
    assert_eq!(orders.read_by, vec!["big_orders"]);
    // Its neighbourhood: the customer it belongs to and the lines that belong to it.
    let drawn: Vec<&str> = orders
        .neighbourhood
        .design
        .tables
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(drawn, vec!["customer", "orders", "line"]);
    assert_eq!(orders.neighbourhood.design.foreign_keys.len(), 2);
    let line = &dictionary.tables[2];
    assert_eq!(line.columns[0].keys, vec!["PK", "FK"]);
    assert_eq!(line.neighbourhood.design.tables.len(), 2);
}

#[test]
fn the_markdown_escapes_what_would_break_its_tables_and_groups_row_counts() {
    let mut design = shop();
    design.tables[0].comment = Some("a | b\nsecond line".into());
    let markdown = dictionary_markdown(&design);
    assert!(
        markdown.contains("| [customer](#customer) | 3 |  | 2 of 4 (50%) | a \\| b second line |"),
        "{markdown}"
    );
    assert!(markdown.contains("Expected rows: 2,500,000."), "{markdown}");
    assert_eq!(markdown.matches("```mermaid\nerDiagram\n").count(), 3);
}

#[test]
fn two_corpus_schemas_read_as_before() {
    for (file, dialect) in [
        ("pg_chinook.sql", Dialect::PostgreSql),
        ("my_sakila-schema.sql", Dialect::MySql),
    ] {
        let text = std::fs::read_to_string(format!("{CORPUS}/sql/{file}")).unwrap();
        let design = import_sql(&text, dialect).design;
        let snapshot = format!("snapshots/dictionary_{}.md", file.trim_end_matches(".sql"));
        expect_file![snapshot].assert_eq(&dictionary_markdown(&design));
    }
}

#[test]
fn every_corpus_schemas_html_is_well_formed_without_script_or_outside_resource() {
    let manifest = std::fs::read_to_string(format!("{CORPUS}/MANIFEST.tsv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, dialect) = (column("file"), column("dialect"));
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let text = std::fs::read_to_string(format!("{CORPUS}/sql/{}", cells[file])).unwrap();
        let design = import_sql(&text, Dialect::from_id(cells[dialect]).unwrap()).design;
        let html = dictionary_html(&design);
        let document = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap_or_else(|error| panic!("{}: {error}", cells[file]));
        for node in document.descendants().filter(|n| n.is_element()) {
            let name = node.tag_name().name();
            assert!(
                !matches!(name, "script" | "link" | "img" | "iframe" | "object"),
                "{}: <{name}>",
                cells[file]
            );
            for attribute in node.attributes() {
                assert!(
                    !attribute.name().starts_with("on"),
                    "{}: {}",
                    cells[file],
                    attribute.name()
                );
                if attribute.name() == "href" {
                    assert!(attribute.value().starts_with('#'), "{}", attribute.value());
                }
            }
        }
        let sections = document
            .descendants()
            .filter(|n| n.has_tag_name("section"))
            .count();
        assert_eq!(sections, design.tables.len(), "{}", cells[file]);
        let markdown = dictionary_markdown(&design);
        assert_eq!(
            markdown.matches("```mermaid").count(),
            design.tables.len(),
            "{}",
            cells[file]
        );
    }
}

#[test]
fn anchors_follow_githubs_numbering_and_quoted_names_stay_as_written() {
    let design = import_sql(
        "CREATE TABLE `tables` (id int PRIMARY KEY);
         CREATE TABLE `order` (id int PRIMARY KEY, `group` int, KEY by_group (`group`));
         CREATE TABLE indexes (id int PRIMARY KEY);",
        Dialect::MySql,
    )
    .design;
    let markdown = dictionary_markdown(&design);
    // `## Tables` comes first, so the table named tables is `#tables-1`; each table's
    // `### Constraints` and `### Indexes` count before the table named indexes.
    assert!(markdown.contains("| [tables](#tables-1) |"), "{markdown}");
    assert!(markdown.contains("| [indexes](#indexes-1) |"), "{markdown}");
    assert!(
        markdown.contains("- `` CREATE INDEX by_group ON `order` (`group`) ``"),
        "{markdown}"
    );
}
