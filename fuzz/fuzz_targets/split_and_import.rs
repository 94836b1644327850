//! Fuzz target: any bytes, decoded as a browser decodes a file, split and imported in every
//! dialect. The importer must never panic, must account for every statement it splits, and must
//! point every diagnostic inside the text (a clause taken out by recovery included). Seeded with
//! `seeds/split_and_import`, which fails plain parses, so mutations reach the recovery's bound.
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
        let lines = text.split('\n').count();
        for diagnostic in &import.diagnostics {
            let line = usize::try_from(diagnostic.at.line).unwrap_or(usize::MAX);
            assert!(line >= 1 && line <= lines && diagnostic.at.column >= 1, "{diagnostic}");
        }
    }
});
