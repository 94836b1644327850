//! squawk, the PostgreSQL migration linter, as the outside judge of a zero-downtime plan: it may
//! warn only in the plan's contract phase, where the header says why each removal waits.

use std::path::Path;
use std::process::Command;

/// Runs squawk on the script; an error names each warning before the contract phase.
pub fn nothing_before_contract(script: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(script).map_err(|e| e.to_string())?;
    let contract_line = text
        .lines()
        .position(|line| line.starts_with("-- Contract phase"))
        .unwrap_or(usize::MAX);
    let squawk = std::env::var("RELVAR_SQUAWK").unwrap_or_else(|_| "squawk".into());
    // Left out: squawk's rules about the design's own types (int over bigint, varchar over
    // text, timestamp over timestamptz, serial over identity). They judge the schema, which
    // the review does, not whether the migration locks or breaks its clients.
    let output = Command::new(&squawk)
        .args([
            "--pg-version=15",
            "--reporter",
            "gcc",
            "--exclude=prefer-bigint-over-int,prefer-bigint-over-smallint,prefer-identity,prefer-text-field,prefer-timestamptz",
        ])
        .arg(script)
        .output()
        .map_err(|e| format!("cannot run {squawk}: {e}"))?;
    let report = String::from_utf8_lossy(&output.stdout);
    // gcc format: `file:line:column: warning: rule message`, lines counted from 0.
    let early: Vec<&str> = report
        .lines()
        .filter(|line| {
            let line_number = line
                .split(':')
                .nth(1)
                .and_then(|number| number.parse::<usize>().ok());
            line_number.is_some_and(|number| number < contract_line)
        })
        .collect();
    if early.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "squawk before the contract phase: {}",
            early.join("; ")
        ))
    }
}
