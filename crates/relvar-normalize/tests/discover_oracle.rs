//! Discovery on every real table of `../shared/datasets/fd` against desbordante's results
//! (`tests/fd-oracle/expected`, written by `tests/fd-oracle/regenerate`): the same exact FDs (by
//! HyFD and by the level-wise search), the same minimal unique column combinations and the same
//! approximate FDs, line for line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests fail by panicking

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use relvar_normalize::discover::{
    Algorithm, Discovered, DiscoveryOptions, ReadOptions, SampleTable, discover,
};

const DATASETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/datasets/fd");
const EXPECTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fd-oracle/expected"
);

/// One expected file: its `# key: value` settings and its sorted lines.
struct Expected {
    settings: Vec<(String, String)>,
    lines: BTreeSet<String>,
}

impl Expected {
    fn read(path: &Path) -> Self {
        let text = std::fs::read_to_string(path).unwrap_or_else(|error| {
            panic!(
                "{}: {error} (run tests/fd-oracle/regenerate)",
                path.display()
            )
        });
        let mut settings = Vec::new();
        let mut lines = BTreeSet::new();
        for line in text.lines() {
            if let Some(comment) = line.strip_prefix("# ") {
                if let Some((key, value)) = comment.split_once(": ") {
                    settings.push((key.to_owned(), value.to_owned()));
                }
            } else if !line.is_empty() {
                lines.insert(line.to_owned());
            }
        }
        Self { settings, lines }
    }

    fn setting(&self, key: &str) -> &str {
        self.settings
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
            .unwrap_or_else(|| panic!("no `# {key}:` line"))
    }

    fn read_options(&self) -> ReadOptions {
        let separator = match self.setting("separator") {
            "tab" => b'\t',
            other => other.as_bytes()[0],
        };
        ReadOptions {
            separator,
            has_header: self.setting("header") == "yes",
        }
    }
}

fn datasets() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(DATASETS)
        .expect("../shared/datasets/fd beside the checkout")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "csv"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 12,
        "expected the 12 datasets, found {}",
        files.len()
    );
    files
}

fn expected(file: &Path, kind: &str) -> Expected {
    let name = file.file_name().unwrap().to_string_lossy();
    Expected::read(&Path::new(EXPECTED).join(format!("{name}.{kind}.txt")))
}

fn table(file: &Path, expected: &Expected) -> SampleTable {
    let bytes = std::fs::read(file).unwrap();
    SampleTable::read(&bytes, &expected.read_options()).unwrap()
}

fn dependency_lines(found: &Discovered) -> BTreeSet<String> {
    found
        .dependencies
        .iter()
        .map(|fd| found.describe(fd))
        .collect()
}

fn assert_same(file: &Path, what: &str, ours: &BTreeSet<String>, theirs: &BTreeSet<String>) {
    if ours == theirs {
        return;
    }
    let missing: Vec<_> = theirs.difference(ours).take(10).collect();
    let extra: Vec<_> = ours.difference(theirs).take(10).collect();
    panic!(
        "{}: {what}: {} found, {} expected\nmissing: {missing:#?}\nextra: {extra:#?}",
        file.display(),
        ours.len(),
        theirs.len()
    );
}

#[test]
fn exact_dependencies_equal_desbordantes_on_every_dataset() {
    for file in datasets() {
        let expected = expected(&file, "fds");
        let found = discover(&table(&file, &expected), &DiscoveryOptions::default()).unwrap();
        assert_same(
            &file,
            "exact FDs (HyFD)",
            &dependency_lines(&found),
            &expected.lines,
        );
        assert!(found.dependencies.iter().all(|fd| fd.error == 0.0));
    }
}

#[test]
fn the_level_wise_search_finds_the_same_exact_dependencies() {
    for file in datasets() {
        let expected = expected(&file, "fds");
        let options = DiscoveryOptions {
            algorithm: Algorithm::LevelWise,
            ..DiscoveryOptions::default()
        };
        let found = discover(&table(&file, &expected), &options).unwrap();
        assert_same(
            &file,
            "exact FDs (level-wise)",
            &dependency_lines(&found),
            &expected.lines,
        );
    }
}

#[test]
fn unique_column_combinations_equal_desbordantes_on_every_dataset() {
    for file in datasets() {
        let expected = expected(&file, "uccs");
        let found = discover(&table(&file, &expected), &DiscoveryOptions::default()).unwrap();
        let ours = found
            .uniques
            .iter()
            .map(|columns| found.names(columns))
            .collect();
        assert_same(&file, "minimal UCCs", &ours, &expected.lines);
    }
}

#[test]
fn approximate_dependencies_equal_desbordantes_on_every_dataset() {
    for file in datasets() {
        let expected = expected(&file, "afds");
        let options = DiscoveryOptions {
            error: expected.setting("error").parse().unwrap(),
            max_lhs: Some(expected.setting("max_lhs").parse().unwrap()),
            ..DiscoveryOptions::default()
        };
        let found = discover(&table(&file, &expected), &options).unwrap();
        assert_same(
            &file,
            "approximate FDs",
            &dependency_lines(&found),
            &expected.lines,
        );
        assert!(
            found
                .dependencies
                .iter()
                .all(|fd| fd.error <= options.error && fd.lhs.len() <= 2)
        );
    }
}
