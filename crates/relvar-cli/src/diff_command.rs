//! `relvar diff FROM TO`: the migration from one schema to another (DDL files, migration folders
//! or `.relvar.json` designs), printed as SQL or written as migration files (Flyway,
//! golang-migrate, Liquibase formatted SQL); each risk on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use relvar_diff::{Matching, Migration, Renames, diff, migration, rename_hints, safe_migration};
use relvar_model::Design;
use relvar_sql::{Dialect, detect_dialect, import_sql, join_migrations};

use crate::DialectArg;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The schema as it is: a DDL file, a migration folder or a `.relvar.json` design.
    from: PathBuf,
    /// The schema as it should be.
    to: PathBuf,
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
    let Some((from, _)) = read_schema(&arguments.from, chosen) else {
        return ExitCode::from(2);
    };
    let Some((to, to_text)) = read_schema(&arguments.to, chosen) else {
        return ExitCode::from(2);
    };
    let target = arguments
        .target
        .map(Dialect::from)
        .unwrap_or_else(|| to.dialect());
    let renames = rename_hints(&to_text);
    let up = plan(&from, &to, &renames, target, arguments.safe);
    let down = plan(&to, &from, &renames.reversed(), target, arguments.safe);
    if arguments.safe && target != Dialect::PostgreSql {
        eprintln!(
            "relvar: warning: --safe plans are written for PostgreSQL; the {} script is the plain one",
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
            for (_, text) in files(&arguments, &up, &down) {
                print!("{text}");
            }
            ExitCode::SUCCESS
        }
        Some(folder) => write_files(folder, files(&arguments, &up, &down)),
    }
}

fn plan(from: &Design, to: &Design, renames: &Renames, target: Dialect, safe: bool) -> Migration {
    let changes = diff(from, to, Matching::ByName, renames);
    if safe {
        safe_migration(from, to, &changes, target)
    } else {
        migration(from, to, &changes, target)
    }
}

/// The file names and contents of the chosen format.
fn files(arguments: &DiffArgs, up: &Migration, down: &Migration) -> Vec<(String, String)> {
    let number = arguments.number;
    let slug: String = arguments
        .description
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    match arguments.format {
        Format::Sql => {
            let (name, script) = if arguments.down {
                ("down.sql", down)
            } else {
                ("up.sql", up)
            };
            vec![(format!("{number}_{slug}.{name}"), script.sql())]
        }
        Format::Flyway => vec![
            (format!("V{number}__{slug}.sql"), up.sql()),
            (format!("U{number}__{slug}.sql"), down.sql()),
        ],
        Format::GolangMigrate => vec![
            (format!("{number}_{slug}.up.sql"), up.sql()),
            (format!("{number}_{slug}.down.sql"), down.sql()),
        ],
        Format::Liquibase => {
            let mut text = String::from("--liquibase formatted sql\n\n");
            text.push_str(&format!(
                "--changeset relvar:{number}\n--comment: {}\n",
                arguments.description.replace('\n', " ")
            ));
            text.push_str(&up.sql());
            for line in down.sql().lines() {
                text.push_str("--rollback ");
                text.push_str(line);
                text.push('\n');
            }
            vec![(format!("{number}_{slug}.sql"), text)]
        }
    }
}

fn write_files(folder: &Path, files: Vec<(String, String)>) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(folder) {
        eprintln!("relvar: cannot make {}: {error}", folder.display());
        return ExitCode::from(1);
    }
    for (name, text) in files {
        let path = folder.join(&name);
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("relvar: cannot write {}: {error}", path.display());
            return ExitCode::from(1);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}

/// A schema from a DDL file, a migration folder or a design file, and the text it was read from.
fn read_schema(path: &Path, chosen: Option<Dialect>) -> Option<(Design, String)> {
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
            Ok(design) => return Some((design, String::new())),
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
    Some((design, text))
}
