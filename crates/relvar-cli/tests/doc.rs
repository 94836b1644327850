//! `relvar doc`: the data dictionary of a DDL file in Markdown and as one HTML file, named as the
//! studio names the schema; an unreadable file exits 2.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stderr, stdout};

const SHOP: &str = "CREATE TABLE customer (id int PRIMARY KEY, email text NOT NULL);\n\
    COMMENT ON COLUMN customer.email IS 'Where receipts go';\n\
    CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer (id));\n";

#[test]
fn the_dictionary_is_written_as_markdown_or_one_html_file() {
    let file = scratch("doc-shop.sql", SHOP);
    let markdown = relvar(&["doc", &file]);
    assert_eq!(markdown.status.code(), Some(0), "{}", stderr(&markdown));
    let text = stdout(&markdown);
    assert!(
        text.starts_with("# Data dictionary: customer, orders\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "| email | `text` |  | no |  |  |  | confidential (email) | Where receipts go |"
        ),
        "{text}"
    );
    assert!(
        text.contains("| customer\\_id | `int` |  | yes | FK | customer.id |"),
        "{text}"
    );
    let html = relvar(&["doc", &file, "--part", "dictionary", "--format", "html"]);
    assert_eq!(html.status.code(), Some(0));
    let page = stdout(&html);
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("<title>Data dictionary: customer, orders</title>"));
    assert!(!page.contains("<script"));
    let missing = relvar(&["doc", "no-such-file.sql"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("cannot read"),
        "{}",
        stderr(&missing)
    );
}
