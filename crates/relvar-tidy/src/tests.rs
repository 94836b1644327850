//! The checks themselves, over every Rust source file and crate manifest of the repository.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

use std::fs;
use std::path::{Path, PathBuf};

/// The most lines a source file may have.
const MAX_LINES: usize = 600;

/// Folders that hold no source of ours: build output, installed packages, version control.
const SKIPPED: &[&str] = &["target", "node_modules", ".git", "dist"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir` whose name ends with `ending`, skipping [`SKIPPED`] folders.
fn files(dir: &Path, ending: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !SKIPPED.contains(&name.as_str()) {
                files(&path, ending, out);
            }
        } else if name.ends_with(ending) {
            out.push(path);
        }
    }
}

fn rust_sources() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    for dir in ["crates", "app", "worker", "fuzz", "tests"] {
        files(&root().join(dir), ".rs", &mut paths);
    }
    paths.sort();
    assert!(paths.len() > 100, "only {} Rust files found", paths.len());
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            let shown = path
                .strip_prefix(root())
                .unwrap_or(&path)
                .display()
                .to_string();
            (shown, text)
        })
        .collect()
}

#[test]
fn every_module_opens_with_a_line_saying_what_it_is_for() {
    let undocumented: Vec<String> = rust_sources()
        .into_iter()
        .filter(|(_, text)| {
            let first = text.lines().find(|line| !line.trim().is_empty());
            !first.is_some_and(|line| line.starts_with("//! ") && line.len() > 8)
        })
        .map(|(path, _)| path)
        .collect();
    assert!(
        undocumented.is_empty(),
        "open these with a //! line: {undocumented:?}"
    );
}

#[test]
fn no_source_file_is_over_the_line_limit() {
    let long: Vec<String> = rust_sources()
        .into_iter()
        .filter_map(|(path, text)| {
            let lines = text.lines().count();
            (lines > MAX_LINES).then(|| format!("{path}: {lines} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these (at most {MAX_LINES} lines): {long:?}"
    );
}

#[test]
fn no_test_is_ignored() {
    let attribute = ["#[", "ignore"].concat();
    let ignoring: Vec<String> = rust_sources()
        .into_iter()
        .filter(|(_, text)| text.contains(&attribute))
        .map(|(path, _)| path)
        .collect();
    assert!(ignoring.is_empty(), "tests ignored in {ignoring:?}");
}

/// The crate's root module: `src/lib.rs`, else `src/main.rs`.
fn crate_root(manifest: &Path) -> Option<PathBuf> {
    let dir = manifest.parent()?;
    ["src/lib.rs", "src/main.rs"]
        .into_iter()
        .map(|root| dir.join(root))
        .find(|path| path.exists())
}

/// The first paragraph of a module's `//!` documentation, lines joined by spaces, without
/// Markdown's code and link marks.
fn first_paragraph(source: &str) -> String {
    let lines: Vec<&str> = source
        .lines()
        .map_while(|line| line.strip_prefix("//!"))
        .map(str::trim)
        .take_while(|line| !line.is_empty())
        .collect();
    lines
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '`' | '[' | ']'))
        .collect()
}

/// The `description = "..."` of a Cargo manifest's package.
fn description(manifest: &str) -> Option<String> {
    manifest.lines().find_map(|line| {
        let value = line.strip_prefix("description = \"")?;
        Some(value.strip_suffix('"')?.replace("\\\"", "\""))
    })
}

#[test]
fn each_crate_description_is_its_documentation_first_paragraph() {
    let mut manifests = Vec::new();
    for dir in ["crates", "app", "worker"] {
        files(&root().join(dir), "Cargo.toml", &mut manifests);
    }
    assert!(manifests.len() >= 10, "{manifests:?}");
    for manifest in manifests {
        let text = fs::read_to_string(&manifest).unwrap();
        let described = description(&text)
            .unwrap_or_else(|| panic!("{} has no description", manifest.display()));
        let root = crate_root(&manifest)
            .unwrap_or_else(|| panic!("{} has no crate root", manifest.display()));
        let documented = first_paragraph(&fs::read_to_string(&root).unwrap());
        assert_eq!(
            described,
            documented,
            "{}: the description and {}'s first paragraph differ",
            manifest.display(),
            root.display()
        );
    }
}

#[test]
fn the_checks_see_what_they_check() {
    assert_eq!(
        first_paragraph("//! The `a` and [`b`]\n//! of it.\n//!\n//! More."),
        "The a and b of it."
    );
    assert_eq!(
        description("[package]\nname = \"x\"\ndescription = \"Says \\\"what\\\"\"\n"),
        Some("Says \"what\"".to_owned())
    );
}
