//! Migration folders: the files of a folder (Flyway, golang-migrate, Prisma, Drizzle, Diesel,
//! timestamped or numbered names) joined into one script in version order, with a map from each
//! line of the joined text back to its file and line. Takes paths and texts; reads nothing.
//!
//! Files that do not run when migrating up (down and undo migrations, files that are not SQL,
//! unversioned files beside versioned ones) are left out and listed. A goose or dbmate file is cut
//! at its down section, and Drizzle's `--> statement-breakpoint` lines become plain comments
//! (MySQL reads `-->` as code).

mod naming;
#[cfg(test)]
mod tests;

use crate::position::LineColumn;
use naming::{Kind, Version, classify};

/// Several files as one script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationScript {
    /// The files' texts in order; each but a lone file preceded by a `-- source: PATH` line.
    pub text: String,
    /// The files joined, in the order they run.
    pub files: Vec<MigrationFile>,
    /// The files given that were not joined, with the reason, in the order given.
    pub left_out: Vec<LeftOutFile>,
}

/// One file of the joined script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationFile {
    pub path: String,
    /// The version its name gives, as dotted numbers; none for a repeatable or unversioned file.
    pub version: Option<String>,
    /// The line of the joined text holding the file's first line (1-based).
    pub first_line: u32,
    /// How many of the file's lines the joined text holds.
    pub lines: u32,
}

/// A file given but not joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOutFile {
    pub path: String,
    pub reason: String,
}

/// A place in one of the joined files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine<'a> {
    pub path: &'a str,
    pub line: u32,
}

/// Joins migration files, given as (path, text), into one script in the order they run:
/// versioned files by version (numbers compared as numbers), then by path; then Flyway's
/// repeatable ones by path. Unversioned SQL files are joined, by path, only when no file is
/// versioned.
pub fn join_migrations(files: impl IntoIterator<Item = (String, String)>) -> MigrationScript {
    let mut versioned: Vec<(Version, String, String)> = Vec::new();
    let mut repeatable = Vec::new();
    let mut unversioned = Vec::new();
    let mut left_out = Vec::new();
    for (path, text) in files {
        match classify(&path) {
            Kind::Versioned(version) => versioned.push((version, path, text)),
            Kind::Repeatable => repeatable.push((path, text)),
            Kind::Unversioned => unversioned.push((path, text)),
            Kind::LeftOut(reason) => left_out.push(LeftOutFile {
                path,
                reason: reason.to_owned(),
            }),
        }
    }
    relvar_model::order::sort_by(&mut versioned[..], |a, b| {
        a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1))
    });
    relvar_model::order::sort(&mut repeatable[..]);
    relvar_model::order::sort(&mut unversioned[..]);
    if versioned.is_empty() && repeatable.is_empty() {
        repeatable = unversioned;
    } else {
        left_out.extend(unversioned.into_iter().map(|(path, _)| LeftOutFile {
            path,
            reason: String::from("no version in its name, beside files that have one"),
        }));
    }
    let ordered: Vec<(Option<String>, String, String)> = versioned
        .into_iter()
        .map(|(version, path, text)| (Some(version.display()), path, text))
        .chain(
            repeatable
                .into_iter()
                .map(|(path, text)| (None, path, text)),
        )
        .collect();
    let headed = ordered.len() > 1;
    let mut script = MigrationScript {
        text: String::new(),
        files: Vec::new(),
        left_out,
    };
    let mut line = 1u32;
    for (version, path, text) in ordered {
        let body = runnable_part(&text);
        if headed {
            script.text.push_str("-- source: ");
            script
                .text
                .extend(path.chars().map(|c| if c.is_control() { '?' } else { c }));
            script.text.push('\n');
            line = line.saturating_add(1);
        }
        script.text.push_str(&body);
        let lines = count_lines(&body);
        let mut added = 0;
        if headed {
            if !body.is_empty() && !body.ends_with('\n') {
                script.text.push('\n');
            }
            // A last statement without its semicolon must not run into the next file's first.
            if !body.trim_end().ends_with(';') {
                script.text.push_str(";\n");
                added = 1;
            }
        }
        script.files.push(MigrationFile {
            path,
            version,
            first_line: line,
            lines,
        });
        line = line.saturating_add(lines).saturating_add(added);
    }
    script
}

impl MigrationScript {
    /// The file and line of a line of the joined text; none for a line the joining added.
    pub fn source_of(&self, line: u32) -> Option<SourceLine<'_>> {
        let index = self
            .files
            .partition_point(|file| file.first_line <= line)
            .checked_sub(1)?;
        let file = self.files.get(index)?;
        let within = line - file.first_line;
        (within < file.lines).then_some(SourceLine {
            path: &file.path,
            line: within + 1,
        })
    }

    /// `PATH:LINE:COLUMN` for a place in the joined text, or `LINE:COLUMN` of the joined text
    /// when the joining added that line.
    pub fn describe(&self, at: LineColumn) -> String {
        match self.source_of(at.line) {
            Some(source) => format!("{}:{}:{}", source.path, source.line, at.column),
            None => format!("{}:{}", at.line, at.column),
        }
    }

    /// A name for the design: the folder all the files are in (the first part of their paths),
    /// else the first file's name without its extension.
    pub fn name(&self) -> Option<String> {
        let first_part = |path: &str| {
            let mut parts = path.split(['/', '\\']).filter(|part| !part.is_empty());
            let first = parts.next()?;
            parts.next().map(|_| first.to_owned())
        };
        let paths = self
            .files
            .iter()
            .map(|file| file.path.as_str())
            .chain(self.left_out.iter().map(|file| file.path.as_str()));
        let mut folders = paths.map(first_part);
        if let Some(Some(folder)) = folders.next()
            && folders.all(|other| other.as_deref() == Some(folder.as_str()))
        {
            return Some(folder);
        }
        let first = self.files.first()?;
        let name = first.path.rsplit(['/', '\\']).next().unwrap_or_default();
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        (!stem.is_empty()).then(|| stem.to_owned())
    }
}

/// The part of a file that runs when migrating up: without a byte-order mark, up to a goose or
/// dbmate down section, with Drizzle's breakpoints as comments in every dialect.
fn runnable_part(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = trimmed.to_ascii_lowercase();
        if marker.starts_with("-- +goose down") || marker.starts_with("-- migrate:down") {
            break;
        }
        match trimmed.strip_prefix("-->") {
            Some(rest) => {
                out.push_str("-- >");
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Lines of a text as an editor counts them (a last line without a line break counts).
fn count_lines(text: &str) -> u32 {
    let breaks = text.matches('\n').count();
    let last = usize::from(!text.is_empty() && !text.ends_with('\n'));
    u32::try_from(breaks + last).unwrap_or(u32::MAX)
}
