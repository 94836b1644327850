//! `relvar diff FROM TO`: the migration from one schema to another (DDL files, migration folders
//! or `.relvar.json` designs), printed as SQL or written as migration files (Flyway,
//! golang-migrate, Liquibase formatted SQL); each risk on stderr. Versions of one design file
//! are paired by id, so a rename is a rename; other inputs by name, with sqldef's rename hints
//! and the renames confirmed by `--rename-table` / `--rename-column` / `--rename-enum` /
//! `--rename-value`; each rename candidate left
//! unconfirmed is a warning naming the flag that confirms it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use relvar_diff::{
    ColumnRename, EnumRename, FileFormat, FileNaming, Matching, Migration, MigrationFile, Renames,
    TableRename, ValueRename, describe, diff, migration, migration_files, rename_hints,
    safe_migration,
};
use relvar_model::Design;
use relvar_sql::{Dialect, detect_dialect, import_sql, join_migrations};

use crate::DialectArg;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The schema as it is: a DDL file, a migration folder or a `.relvar.json` design.
    from: PathBuf,
    /// The schema as it should be.
    to: PathBuf,
    /// Take FROM's version of this name (FROM a `.relvar.json` design) instead of its current state.
    #[arg(long, value_name = "NAME")]
    from_version: Option<String>,
    /// Take TO's version of this name (TO a `.relvar.json` design) instead of its current state.
    #[arg(long, value_name = "NAME")]
    to_version: Option<String>,
    /// The dialect FROM and TO are written in; detected from the text when not given.
    #[arg(long, value_enum)]
    dialect: Option<DialectArg>,
    /// The engine the script is for; the inputs' dialect when not given.
    #[arg(long = "to", value_enum, value_name = "D")]
    target: Option<DialectArg>,
    /// Print the down script (TO back to FROM) instead of the up script.
    #[arg(long)]
    down: bool,
    /// Plan for no downtime (PostgreSQL): each step with its lock, indexes built concurrently,
    /// constraints validated apart, backfills in batches, removals in a contract phase.
    #[arg(long)]
    safe: bool,
    /// How the migration is written.
    #[arg(long, value_enum, default_value = "sql")]
    format: Format,
    /// Write files into this folder instead of printing the script.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The migration's version number in file names and changesets.
    #[arg(long, default_value_t = 1)]
    number: u32,
    /// The migration's description in file names and changesets.
    #[arg(long, default_value = "relvar migration")]
    description: String,
    /// A table FROM calls OLD is TO's NEW (names as `schema.name` or bare): renamed, not dropped
    /// and made again. Repeatable.
    #[arg(long, value_name = "OLD=NEW", value_parser = table_rename)]
    rename_table: Vec<TableRename>,
    /// A column of TABLE (TO's name for it) FROM calls OLD is TO's NEW. Repeatable.
    #[arg(long, value_name = "TABLE.OLD=NEW", value_parser = column_rename)]
    rename_column: Vec<ColumnRename>,
    /// An enum type FROM calls OLD is TO's NEW (PostgreSQL; names as `schema.name` or bare).
    /// Repeatable.
    #[arg(long, value_name = "OLD=NEW", value_parser = enum_rename)]
    rename_enum: Vec<EnumRename>,
    /// A value of enum type NAME (or of column NAME = `table.column` typed `enum(...)`) FROM
    /// spells OLD is TO's NEW: rows holding it keep it, newly spelled. A value with a dot in it is
    /// written in single quotes: `mood.'v1.0'=v1`. Repeatable.
    #[arg(long, value_name = "NAME.OLD=NEW", value_parser = value_rename)]
    rename_value: Vec<ValueRename>,
}

fn enum_rename(text: &str) -> Result<EnumRename, String> {
    let rename = table_rename(text)?;
    Ok(EnumRename {
        from: rename.from,
        to: rename.to,
    })
}

fn value_rename(text: &str) -> Result<ValueRename, String> {
    const USAGE: &str = "write the rename as NAME.OLD=NEW";
    let (left, to) = match text.rsplit_once('=') {
        Some((left, to)) if !to.is_empty() => (left, to),
        _ => return Err(USAGE.into()),
    };
    let quoted = left
        .strip_suffix('\'')
        .and_then(|rest| rest.rsplit_once(".'"));
    let (of, from) = quoted
        .or_else(|| left.rsplit_once('.'))
        .filter(|(of, from)| !of.is_empty() && !from.is_empty())
        .ok_or(USAGE)?;
    Ok(ValueRename {
        of: of.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
    })
}

fn table_rename(text: &str) -> Result<TableRename, String> {
    let (from, to) = text
        .split_once('=')
        .filter(|(from, to)| !from.is_empty() && !to.is_empty())
        .ok_or("write the rename as OLD=NEW")?;
    Ok(TableRename {
        from: from.to_owned(),
        to: to.to_owned(),
    })
}

fn column_rename(text: &str) -> Result<ColumnRename, String> {
    let (column, to) = text
        .split_once('=')
        .filter(|(_, to)| !to.is_empty())
        .ok_or("write the rename as TABLE.OLD=NEW")?;
    let (table, from) = column
        .rsplit_once('.')
        .filter(|(table, from)| !table.is_empty() && !from.is_empty())
        .ok_or("write the rename as TABLE.OLD=NEW")?;
    Ok(ColumnRename {
        table: table.to_owned(),
        from: from.to_owned(),
        to: to.to_owned(),
    })
}

/// The flags that confirm a rename candidate, each argument as a shell reads it back.
fn confirming_flags(renames: &Renames) -> String {
    let tables = renames
        .tables
        .iter()
        .map(|rename| ("--rename-table", format!("{}={}", rename.from, rename.to)));
    let columns = renames.columns.iter().map(|rename| {
        let argument = format!("{}.{}={}", rename.table, rename.from, rename.to);
        ("--rename-column", argument)
    });
    let enums = renames
        .enums
        .iter()
        .map(|rename| ("--rename-enum", format!("{}={}", rename.from, rename.to)));
    let values = renames.values.iter().map(|rename| {
        let from = if rename.from.contains('.') {
            format!("'{}'", rename.from)
        } else {
            rename.from.clone()
        };
        (
            "--rename-value",
            format!("{}.{from}={}", rename.of, rename.to),
        )
    });
    tables
        .chain(columns)
        .chain(enums)
        .chain(values)
        .map(|(flag, argument)| format!("{flag} {}", shell_word(&argument)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An argument as a POSIX shell reads it back whole: bare when plain, else quoted.
fn shell_word(argument: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_.=:/,+-@%".contains(c);
    if !argument.is_empty() && argument.chars().all(plain) {
        return argument.to_owned();
    }
    if !argument.chars().any(|c| "\"$`\\!".contains(c)) {
        return format!("\"{argument}\"");
    }
    format!("'{}'", argument.replace('\'', "'\\''"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Sql,
    Flyway,
    GolangMigrate,
    Liquibase,
}

/// Exit codes: 0 a script was written (an empty one too), 1 usage or writing failed, 2 an input
/// cannot be read.
pub fn run(arguments: DiffArgs) -> ExitCode {
    let chosen = arguments.dialect.map(Dialect::from);
    let from_version = arguments.from_version.as_deref();
    let Some((from, _, from_file)) = read_side(&arguments.from, from_version, chosen) else {
        return ExitCode::from(2);
    };
    let to_version = arguments.to_version.as_deref();
    let Some((to, to_text, to_file)) = read_side(&arguments.to, to_version, chosen) else {
        return ExitCode::from(2);
    };
    let matching = if from_file.is_some() && from_file == to_file {
        Matching::ById
    } else {
        Matching::ByName
    };
    let target = arguments
        .target
        .map(Dialect::from)
        .unwrap_or_else(|| to.dialect());
    let mut renames = rename_hints(&to_text);
    renames.extend(Renames {
        tables: arguments.rename_table.clone(),
        columns: arguments.rename_column.clone(),
        enums: arguments.rename_enum.clone(),
        values: arguments.rename_value.clone(),
    });
    if matching == Matching::ByName {
        let changes = describe(&from, &to, &diff(&from, &to, matching, &renames));
        for change in &changes {
            if let Some(confirms) = &change.confirms {
                eprintln!(
                    "relvar: warning: {}; a rename if you confirm it: {}",
                    change.text,
                    confirming_flags(confirms)
                );
            }
        }
    }
    let up = plan(&from, &to, (matching, &renames), target, arguments.safe);
    let down = plan(
        &to,
        &from,
        (matching, &renames.reversed()),
        target,
        arguments.safe,
    );
    if arguments.safe && !matches!(target, Dialect::PostgreSql | Dialect::MySql) {
        eprintln!(
            "relvar: warning: --safe plans are written for PostgreSQL and MySQL/MariaDB; the {} script is the plain one",
            target.name()
        );
    }
    let shown = if arguments.down { &down } else { &up };
    for warning in &shown.warnings {
        eprintln!("relvar: warning: {warning}");
    }
    for risk in shown.risks() {
        eprintln!("relvar: warning: {risk}");
    }
    match &arguments.out {
        None if arguments.format == Format::Sql => {
            print!("{}", shown.sql());
            ExitCode::SUCCESS
        }
        None => {
            for file in files(&arguments, &up, &down) {
                print!("{}", file.text);
            }
            ExitCode::SUCCESS
        }
        Some(folder) => write_files(folder, files(&arguments, &up, &down)),
    }
}

fn plan(
    from: &Design,
    to: &Design,
    (matching, renames): (Matching, &Renames),
    target: Dialect,
    safe: bool,
) -> Migration {
    let changes = diff(from, to, matching, renames);
    if safe {
        safe_migration(from, to, &changes, target)
    } else {
        migration(from, to, &changes, target)
    }
}

/// The file names and contents of the chosen format.
fn files(arguments: &DiffArgs, up: &Migration, down: &Migration) -> Vec<MigrationFile> {
    let format = match arguments.format {
        Format::Sql => FileFormat::Sql,
        Format::Flyway => FileFormat::Flyway,
        Format::GolangMigrate => FileFormat::GolangMigrate,
        Format::Liquibase => FileFormat::Liquibase,
    };
    let naming = FileNaming {
        format,
        number: arguments.number,
        description: arguments.description.clone(),
        down: arguments.down,
    };
    migration_files(&naming, up, down)
}

fn write_files(folder: &Path, files: Vec<MigrationFile>) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(folder) {
        eprintln!("relvar: cannot make {}: {error}", folder.display());
        return ExitCode::from(1);
    }
    for file in files {
        let path = folder.join(&file.name);
        if let Err(error) = std::fs::write(&path, file.text) {
            eprintln!("relvar: cannot write {}: {error}", path.display());
            return ExitCode::from(1);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}

/// One side of the diff: the schema, the text it was read from (none for a design file), and the
/// design file it came from, so that two versions of one design are paired by id.
fn read_side(
    path: &Path,
    version: Option<&str>,
    chosen: Option<Dialect>,
) -> Option<(Design, String, Option<PathBuf>)> {
    let (design, text, is_design_file) = read_schema(path, chosen)?;
    let design_file = is_design_file.then(|| path.canonicalize().ok()).flatten();
    let Some(name) = version else {
        return Some((design.without_versions(), text, design_file));
    };
    if design_file.is_none() {
        eprintln!(
            "relvar: {} is not a .relvar.json design, so it keeps no version {name}",
            path.display()
        );
        return None;
    }
    match design.version(name) {
        Some(version) => Some(((*version.design).clone(), text, design_file)),
        None => {
            let kept: Vec<&str> = design.versions.iter().map(|v| v.name.as_str()).collect();
            let kept = if kept.is_empty() {
                String::from("none")
            } else {
                kept.join(", ")
            };
            eprintln!(
                "relvar: {} keeps no version named {name} (it keeps: {kept})",
                path.display()
            );
            None
        }
    }
}

/// A schema from a DDL file, a migration folder or a design file, the text it was read from (empty
/// for a design file), and whether it was a design file.
pub(crate) fn read_schema(path: &Path, chosen: Option<Dialect>) -> Option<(Design, String, bool)> {
    let text = if path.is_dir() {
        let mut files = Vec::new();
        if let Err(message) = crate::import_command::collect(path, &mut files) {
            eprintln!("relvar: {message}");
            return None;
        }
        join_migrations(files).text
    } else {
        crate::read(&path.to_path_buf())?
    };
    if path.to_string_lossy().ends_with(".relvar.json") || text.trim_start().starts_with('{') {
        match relvar_share::load_file(&text) {
            Ok(design) => return Some((design, String::new(), true)),
            Err(error) if path.to_string_lossy().ends_with(".relvar.json") => {
                eprintln!("relvar: cannot open {}: {error}", path.display());
                return None;
            }
            Err(_) => {}
        }
    }
    let dialect = chosen.unwrap_or_else(|| detect_dialect(&text));
    let import = import_sql(&text, dialect);
    if import.modelled_count == 0 && !text.trim().is_empty() {
        eprintln!(
            "relvar: nothing in {} could be read as {}",
            path.display(),
            dialect.name()
        );
        return None;
    }
    let mut design = import.design;
    design.source_dialect.get_or_insert(dialect);
    Some((design, text, false))
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_flag_argument_is_printed_as_a_shell_reads_it_back() {
        assert_eq!(shell_word("users.username=login"), "users.username=login");
        assert_eq!(shell_word("mood.'v1.0'=v1"), "\"mood.'v1.0'=v1\"");
        assert_eq!(shell_word("Order Items=items"), "\"Order Items=items\"");
        assert_eq!(shell_word("t.a=$b'"), "'t.a=$b'\\'''");
    }
}
