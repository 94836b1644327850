//! `relvar fd` on real and made-up CSV files: dependencies, keys, options, JSON and exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

mod support;

use support::{relvar, scratch, stderr, stdout};

const DATASETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/datasets/fd");
const EXPECTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fd-oracle/expected"
);

/// The lines between a section's heading (which starts with a count) and the next heading.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = text.lines().skip_while(|line| !line.contains(heading));
    lines.next().expect("the heading");
    lines
        .take_while(|line| {
            !line.contains(" unique column combinations (") && !line.starts_with("time: ")
        })
        .collect()
}

#[test]
fn prints_the_same_dependencies_as_desbordante_and_the_keys() {
    let file = format!("{DATASETS}/sk_wine.csv");
    let output = relvar(&["fd", &file]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!(
            "{file}: 178 rows, 14 columns\n1374 functional dependencies (exact, minimal):\n"
        )),
        "{text}"
    );
    let mut ours = section(&text, "functional dependencies (exact");
    ours.sort_unstable();
    let expected = std::fs::read_to_string(format!("{EXPECTED}/sk_wine.csv.fds.txt")).unwrap();
    let theirs: Vec<&str> = expected
        .lines()
        .filter(|line| !line.starts_with('#'))
        .collect();
    assert_eq!(ours, theirs);
    assert!(
        text.contains("\n128 unique column combinations (minimal):\n"),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("time: ") && last.contains(" ms (reading "),
        "{last}"
    );
}

#[test]
fn without_a_header_columns_are_numbered_from_zero() {
    let file = format!("{DATASETS}/desb_breast-cancer-wisconsin.csv");
    let output = relvar(&["fd", &file, "--no-header", "--max-lhs", "1"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains(": 699 rows, 11 columns\n"), "{text}");
    assert!(
        text.contains("(exact, minimal, at most 1 columns on the left):\n"),
        "{text}"
    );
    for line in section(&text, "functional dependencies") {
        let (lhs, rhs) = line.split_once(" -> ").unwrap();
        assert!(
            lhs.parse::<usize>().is_ok() && rhs.parse::<usize>().is_ok(),
            "{line}"
        );
    }
}

#[test]
fn approximate_dependencies_show_their_error() {
    let file = scratch("approximate.csv", "a,b\n1,x\n1,x\n1,x\n2,x\n3,y\n");
    let output = relvar(&["fd", &file, "--error", "0.2"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("2 approximate functional dependencies (g3 error at most 0.2):\n{} -> b  (g3 0.2000)\nb -> a  (g3 0.2000)\n"), "{text}");
}

#[test]
fn json_is_for_machines() {
    let file = scratch(
        "cities.tsv",
        "city\tzip\nParis\t75001\nParis\t75002\nLyon\t69001\n",
    );
    let output = relvar(&["fd", &file, "--json"]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["rows"], 3);
    assert_eq!(report["columns"], serde_json::json!(["city", "zip"]));
    assert_eq!(
        report["dependencies"],
        serde_json::json!([{ "lhs": ["zip"], "rhs": "city", "error": 0.0 }])
    );
    assert_eq!(report["uniques"], serde_json::json!([["zip"]]));
    assert!(report["discovery_ms"].as_f64().unwrap() >= 0.0);
}

#[test]
fn separators_and_null_rules_are_chosen() {
    let file = scratch("nulls.csv", "a;b\n;1\n;2\nq;3\n");
    let equal = stdout(&relvar(&["fd", &file, "--sep", ";"]));
    assert!(
        equal.contains("1 functional dependencies (exact, minimal):\nb -> a\n"),
        "{equal}"
    );
    let distinct = stdout(&relvar(&[
        "fd", &file, "--sep", ";", "--null", "", "--nulls", "distinct",
    ]));
    assert!(
        distinct.contains("2 functional dependencies (exact, minimal):\na -> b\nb -> a\n"),
        "{distinct}"
    );
}

#[test]
fn bad_input_and_options_exit_with_a_message() {
    let ragged = scratch("ragged.csv", "a,b\n1,2\n3\n");
    let output = relvar(&["fd", &ragged]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!("relvar: {ragged}: line 3: 1 fields where the first record has 2\n")
    );
    let empty = scratch("empty.csv", "");
    let output = relvar(&["fd", &empty]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the input has no columns"));
    let output = relvar(&["fd", "/nonexistent/file.csv"]);
    assert_eq!(output.status.code(), Some(1));
    let fine = scratch("fine.csv", "a\n1\n");
    for arguments in [["--sep", "ab"], ["--error", "1.5"], ["--error", "x"]] {
        let output = relvar(&[&["fd", fine.as_str()][..], &arguments[..]].concat());
        assert_eq!(output.status.code(), Some(1), "{arguments:?}");
        assert!(
            stderr(&output).contains("relvar") || stderr(&output).contains("error"),
            "{arguments:?}"
        );
    }
    let output = relvar(&["fd", &fine, "--algorithm", "hyfd", "--error", "0.1"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("HyFD finds exact dependencies only"));
}
