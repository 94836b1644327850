//! Exports the engines accept: one hand-made minimal case for each class of export the real
//! engines refused or changed in the corpus and generated round trips (`tests/engines/run`,
//! `tests/engines/generated`), written as the engine must receive it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod keys;
mod values;

use expect_test::Expect;
use relvar_sql::{Dialect, export_ddl, import_sql};

/// Imports `script` as `from` and checks its export for `to`.
fn check(from: Dialect, script: &str, to: Dialect, expected: Expect) {
    let design = import_sql(script, from).design;
    expected.assert_eq(&export_ddl(&design, to).sql);
}
