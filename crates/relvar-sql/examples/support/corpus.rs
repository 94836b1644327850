//! The corpus files the engine runners read: the directories `RELVAR_CORPUS` names (separated by
//! `:`), each file's dialect named by its prefix (see MANIFEST.tsv), and what PostgreSQL 15 lacks
//! of the scripts written for PostgreSQL 18.

use std::path::PathBuf;

use relvar_sql::{Dialect, detect_dialect};

/// PostgreSQL 15 (Debian 12's) lacks what pagila's PostgreSQL 18 schema calls; these stand in.
pub const PG15_SHIMS: &str =
    "CREATE FUNCTION uuidv7() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()';\n";

/// A corpus file: its name, its text and its dialect.
pub struct CorpusFile {
    pub name: String,
    pub text: String,
    pub dialect: Dialect,
}

/// The `.sql` files of the directories `RELVAR_CORPUS` names (else `default`), each directory's
/// in name order, keeping those whose name holds `only` when given.
pub fn corpus_files(default: &str, only: Option<&str>) -> Vec<CorpusFile> {
    let corpora = std::env::var("RELVAR_CORPUS").unwrap_or_else(|_| default.into());
    let mut files = Vec::new();
    for corpus in corpora.split(':').filter(|corpus| !corpus.is_empty()) {
        let mut found: Vec<PathBuf> = std::fs::read_dir(corpus)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "sql"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files
        .into_iter()
        .filter_map(|file| {
            let name = file.file_name()?.to_string_lossy().into_owned();
            if only.is_some_and(|only| !name.contains(only)) {
                return None;
            }
            let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
            let dialect = match name.get(..3) {
                Some("pg_") => Dialect::PostgreSql,
                Some("my_") => Dialect::MySql,
                Some("sq_") => Dialect::Sqlite,
                Some("ms_") => Dialect::MsSql,
                _ => detect_dialect(&text),
            };
            Some(CorpusFile {
                name,
                text,
                dialect,
            })
        })
        .collect()
}
