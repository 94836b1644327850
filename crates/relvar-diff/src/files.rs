//! Migration files as the tools people keep them name and shape them: plain SQL, Flyway
//! (`V<n>__<desc>.sql`, `U<n>__<desc>.sql`), golang-migrate (`<n>_<desc>.up.sql`, `.down.sql`) and
//! Liquibase formatted SQL (one changeset with its rollback).

use serde::{Deserialize, Serialize};

use crate::script::Migration;

/// How a migration is written into files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    /// One plain SQL file: the up script, or the down one when asked.
    #[default]
    Sql,
    Flyway,
    GolangMigrate,
    Liquibase,
}

impl FileFormat {
    pub const ALL: [FileFormat; 4] = [
        FileFormat::Sql,
        FileFormat::Flyway,
        FileFormat::GolangMigrate,
        FileFormat::Liquibase,
    ];

    /// Stable: the command line's `--format` value.
    pub fn id(self) -> &'static str {
        match self {
            FileFormat::Sql => "sql",
            FileFormat::Flyway => "flyway",
            FileFormat::GolangMigrate => "golang-migrate",
            FileFormat::Liquibase => "liquibase",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Sql => "Plain SQL",
            FileFormat::Flyway => "Flyway",
            FileFormat::GolangMigrate => "golang-migrate",
            FileFormat::Liquibase => "Liquibase formatted SQL",
        }
    }

    pub fn from_id(id: &str) -> Option<FileFormat> {
        FileFormat::ALL.into_iter().find(|format| format.id() == id)
    }
}

/// One file of a migration: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationFile {
    pub name: String,
    pub text: String,
}

/// Which migration, under which number and description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileNaming {
    pub format: FileFormat,
    pub number: u32,
    pub description: String,
    /// For plain SQL: the down script's file instead of the up script's.
    pub down: bool,
}

/// The files of `up` and `down` in the chosen format; the description becomes the file names'
/// slug (letters and digits kept, everything else `_`).
pub fn migration_files(
    naming: &FileNaming,
    up: &Migration,
    down: &Migration,
) -> Vec<MigrationFile> {
    let number = naming.number;
    let slug: String = naming
        .description
        .trim()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let file = |name: String, text: String| MigrationFile { name, text };
    match naming.format {
        FileFormat::Sql if naming.down => {
            vec![file(format!("{number}_{slug}.down.sql"), down.sql())]
        }
        FileFormat::Sql => vec![file(format!("{number}_{slug}.up.sql"), up.sql())],
        FileFormat::Flyway => vec![
            file(format!("V{number}__{slug}.sql"), up.sql()),
            file(format!("U{number}__{slug}.sql"), down.sql()),
        ],
        FileFormat::GolangMigrate => vec![
            file(format!("{number}_{slug}.up.sql"), up.sql()),
            file(format!("{number}_{slug}.down.sql"), down.sql()),
        ],
        FileFormat::Liquibase => {
            let mut text = String::from("--liquibase formatted sql\n\n");
            text.push_str(&format!(
                "--changeset relvar:{number}\n--comment: {}\n",
                naming.description.trim().replace('\n', " ")
            ));
            text.push_str(&up.sql());
            for line in down.sql().lines() {
                text.push_str("--rollback ");
                text.push_str(line);
                text.push('\n');
            }
            vec![file(format!("{number}_{slug}.sql"), text)]
        }
    }
}
