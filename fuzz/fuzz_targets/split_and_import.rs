//! Fuzz target: any bytes, decoded as a browser decodes a file, split and imported in every
//! dialect. The importer must never panic, and must account for every statement it splits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relvar_sql::{Dialect, import_sql, split_statements};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for dialect in Dialect::ALL {
        for statement in split_statements(&text, dialect) {
            assert!(text.get(statement.span).is_some(), "spans fall on character boundaries");
        }
        let import = import_sql(&text, dialect);
        assert_eq!(import.statement_count, import.modelled_count + import.design.unmodelled.len());
    }
});
