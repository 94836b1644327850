//! Running the `relvar` binary and writing its input files, for the CLI tests.

#![allow(dead_code)] // each test file uses its own part

use std::path::PathBuf;
use std::process::{Command, Output};

pub fn relvar(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relvar"))
        .args(arguments)
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Writes a file for one test under Cargo's scratch directory for integration tests (this
/// target directory's own, so that checkouts testing side by side never share a file).
pub fn scratch(name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}
