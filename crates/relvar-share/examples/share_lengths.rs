//! For `tests/bench/share`: imports each corpus schema given as `FILE DIALECT` pairs, places its
//! tables as an import does (`lay_out_unplaced`), and prints one JSON line per schema: the share
//! link's length (the design but its rows of data) and how many statements of rows it left out;
//! the length of the link of its tables alone (kept statements and views left out); the length
//! of the link of what the Mermaid text holds (tables, columns with their types, nullability and
//! comments, primary keys, unique constraints, relationships) with the layout; whether the link
//! opened to the same design, rows of data left out; the link itself; and the schema's Mermaid
//! erDiagram text.

use relvar_model::{Column, Design, Table};
use relvar_share::{data_statements, decode_link, encode_link};
use serde_json::json;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.is_empty() || !arguments.len().is_multiple_of(2) {
        eprintln!("usage: share_lengths FILE DIALECT [FILE DIALECT ...]");
        std::process::exit(2);
    }
    for pair in arguments.chunks(2) {
        let [file, dialect] = pair else { continue };
        let Some(dialect) = relvar_sql::Dialect::from_id(dialect) else {
            eprintln!("unknown dialect {dialect}");
            std::process::exit(2);
        };
        let text = match std::fs::read(file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(error) => {
                eprintln!("cannot read {file}: {error}");
                std::process::exit(1);
            }
        };
        let mut design = relvar_sql::import_sql(&text, dialect).design;
        relvar_layout::lay_out_unplaced(&mut design);
        let link = encode_link(&design);
        let schema = design.without_data();
        let opens_the_same = decode_link(&link).is_ok_and(|read| read == schema);
        let tables_only = Design {
            unmodelled: Vec::new(),
            views: Vec::new(),
            ..design.clone()
        };
        let mermaid_content = Design {
            tables: tables_only.tables.iter().map(as_mermaid_shows).collect(),
            enums: Vec::new(),
            domains: Vec::new(),
            sequences: Vec::new(),
            ..tables_only.clone()
        };
        println!(
            "{}",
            json!({
                "file": file,
                "tables": design.tables.len(),
                "link_chars": link.len(),
                "data_statements": data_statements(&design),
                "link": link,
                "tables_link_chars": encode_link(&tables_only).len(),
                "mermaid_content_link_chars": encode_link(&mermaid_content).len(),
                "opens_the_same": opens_the_same,
                "mermaid": relvar_artefacts::to_mermaid(&design),
            })
        );
    }
}

/// The table as far as Mermaid's erDiagram shows it: names, columns with type, nullability (which
/// sets the cardinality) and comment, primary key and unique constraints.
fn as_mermaid_shows(table: &Table) -> Table {
    Table {
        columns: table
            .columns
            .iter()
            .map(|column| Column {
                nullable: column.nullable,
                comment: column.comment.clone(),
                ..Column::new(column.id, column.name.clone(), column.data_type.clone())
            })
            .collect(),
        primary_key: table.primary_key.clone(),
        uniques: table.uniques.clone(),
        ..Table::new(table.id, table.schema.clone(), table.name.clone())
    }
}
