//! `relvar import`: one file as it is, or several files and folders joined as a migration folder
//! in version order, with diagnostics at the file, line and column they concern.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use relvar_sql::{Dialect, MigrationScript, detect_dialect, import_sql, join_migrations};

use crate::summary::Summary;

/// Imports the given paths and prints the summary; exit codes as `main` documents them.
pub fn run(paths: &[PathBuf], chosen: Option<Dialect>, json: bool) -> ExitCode {
    let (label, text, script) = match paths {
        [file] if !file.is_dir() => {
            let Some(text) = crate::read(file) else {
                return ExitCode::from(1);
            };
            (file.display().to_string(), text, None)
        }
        _ => {
            let mut files = Vec::new();
            for path in paths {
                if let Err(message) = collect(path, &mut files) {
                    eprintln!("relvar: {message}");
                    return ExitCode::from(1);
                }
            }
            let script = join_migrations(files);
            let label = match paths {
                [folder] => folder.display().to_string(),
                _ => paths
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            (label, script.text.clone(), Some(script))
        }
    };
    let dialect = chosen.unwrap_or_else(|| detect_dialect(&text));
    let import = import_sql(&text, dialect);
    let dialect = import.design.source_dialect.unwrap_or(dialect);
    let summary = Summary::new(&label, dialect, chosen.is_none(), &import, script.as_ref());
    if json {
        match serde_json::to_string_pretty(&summary) {
            Ok(written) => println!("{written}"),
            Err(error) => eprintln!("relvar: could not write JSON: {error}"),
        }
    } else {
        print!("{}", summary.text());
    }
    if import.modelled_count == 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a file, or every file under a folder (names starting with a dot skipped), as
/// (path, text) pairs; which of them are migrations is for `join_migrations` to say.
pub fn collect(path: &Path, files: &mut Vec<(String, String)>) -> Result<(), String> {
    if !path.is_dir() {
        let bytes = std::fs::read(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        files.push((
            path.display().to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
        ));
        return Ok(());
    }
    let entries = std::fs::read_dir(path)
        .map_err(|error| format!("cannot read the folder {}: {error}", path.display()))?;
    let mut children: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.path())
        .collect();
    children.sort();
    children.iter().try_for_each(|child| collect(child, files))
}

/// Where a diagnostic of the imported text is: in one of the joined files, or in the one file.
pub fn place(script: Option<&MigrationScript>, line: u32) -> (Option<String>, u32) {
    match script.and_then(|script| script.source_of(line)) {
        Some(source) => (Some(source.path.to_owned()), source.line),
        None => (None, line),
    }
}
