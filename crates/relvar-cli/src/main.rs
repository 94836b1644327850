//! relvar: the Relvar engine on the command line (import, export, diff, normalize, fd, review), for CI
//! and scripts.
//!
//! `relvar import FILE... [--dialect D] [--json]` prints what a schema holds and every
//! diagnostic; several files or a folder are read as one migration folder in version order, and
//! a catalog document (what `relvar catalog-query ENGINE` has a live database print) as the
//! schema it describes. It exits non-zero only when nothing could be read. `relvar export FILE
//! --to T [--from D]` prints the schema as DDL or a diagram. `relvar normalize FILE --table T
//! --fd "a -> b"` prints a table's keys, normal form, violations and proposed decompositions.
//! `relvar fd FILE.csv` prints the functional dependencies and unique column combinations of
//! sample rows. `relvar review FILE [--dialect D] [--workload QUERIES.sql] [--json]` prints the
//! schema review's findings and, with a workload, the index recommendations and query notes.
//! `relvar diff FROM TO [--dialect D] [--to D] [--down] [--format F] [--out DIR]` prints the
//! migration from one schema to another (exit 0 when a script was written, an empty one too; 2
//! when an input cannot be read). `relvar doc FILE [--part dictionary] [--format md|html]` prints
//! the architect's documents of a schema.

mod diff_command;
mod doc_command;
mod fd_command;
mod import_command;
mod normalize_command;
mod review_command;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use relvar_sql::{Dialect, detect_dialect, import_sql};

#[derive(Debug, Parser)]
#[command(
    name = "relvar",
    version,
    about = "Database design from the command line: import, export, review and normalize schemas, find dependencies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read a schema and summarise it: tables, columns, keys, what was not modelled, diagnostics.
    Import {
        /// A file, or several files and folders read as one migration folder in version order.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// postgres, mysql, sqlite or mssql; detected from the text when not given.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Read a schema and write it for another engine or as a diagram.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        to: Target,
        /// The dialect FILE is written in; detected from the text when not given.
        #[arg(long, value_enum)]
        from: Option<DialectArg>,
    },
    /// Show a table's candidate keys, normal form, violations and 3NF/BCNF decompositions.
    Normalize {
        file: PathBuf,
        /// The table, as `name` or `schema.name`.
        #[arg(long)]
        table: String,
        /// A dependency such as "a, b -> c" or "a ->> b"; repeat for more.
        #[arg(long = "fd", value_name = "DEPENDENCY")]
        fds: Vec<String>,
        /// The dialect FILE is written in; detected from the text when not given.
        #[arg(long, value_enum)]
        dialect: Option<DialectArg>,
    },
    /// Find the functional dependencies and unique column combinations of sample rows (CSV/TSV).
    Fd(fd_command::FdArgs),
    /// Review a schema: missing keys and indexes, type and naming problems, design smells.
    Review(review_command::ReviewArgs),
    /// The migration from one schema to another: the up script (or the down one) on stdout,
    /// each risk on stderr; or migration files in a folder.
    Diff(diff_command::DiffArgs),
    /// The architect's documents of a schema: the data dictionary (Markdown, or one HTML file).
    Doc(doc_command::DocArgs),
    /// Print the query that has a live database print its schema as one JSON document, to run
    /// in the engine's own client; `relvar import` reads what it prints.
    CatalogQuery {
        #[arg(value_enum)]
        engine: DialectArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DialectArg {
    Postgres,
    Mysql,
    Sqlite,
    Mssql,
}

impl From<DialectArg> for Dialect {
    fn from(argument: DialectArg) -> Self {
        match argument {
            DialectArg::Postgres => Dialect::PostgreSql,
            DialectArg::Mysql => Dialect::MySql,
            DialectArg::Sqlite => Dialect::Sqlite,
            DialectArg::Mssql => Dialect::MsSql,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Target {
    Postgres,
    Mysql,
    Sqlite,
    Mssql,
    Mermaid,
}

impl Target {
    /// The SQL dialect written, or `None` for a diagram.
    fn dialect(self) -> Option<Dialect> {
        match self {
            Self::Postgres => Some(Dialect::PostgreSql),
            Self::Mysql => Some(Dialect::MySql),
            Self::Sqlite => Some(Dialect::Sqlite),
            Self::Mssql => Some(Dialect::MsSql),
            Self::Mermaid => None,
        }
    }
}

/// Exit codes: 0 read, 1 usage or file error, 2 nothing could be read, 3 export not available.
fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Fd(arguments) => fd_command::run(arguments),
        Command::Diff(arguments) => diff_command::run(arguments),
        Command::Doc(arguments) => doc_command::run(arguments),
        Command::Review(arguments) => review_command::run(arguments),
        Command::CatalogQuery { engine } => {
            print!("{}", relvar_sql::catalog_query(engine.into()));
            ExitCode::SUCCESS
        }
        Command::Import {
            files,
            dialect,
            json,
        } => import_command::run(&files, dialect.map(Dialect::from), json),
        Command::Export { file, to, from } => {
            let Some(text) = read(&file) else {
                return ExitCode::from(1);
            };
            let dialect = from.map_or_else(|| detect_dialect(&text), Dialect::from);
            let import = import_sql(&text, dialect);
            if import.modelled_count == 0 {
                eprintln!(
                    "relvar: nothing in {} could be read as {}",
                    file.display(),
                    dialect.name()
                );
                return ExitCode::from(2);
            }
            match to.dialect() {
                None => print!("{}", relvar_artefacts::to_mermaid(&import.design)),
                Some(target) => {
                    let ddl = relvar_sql::export_ddl(&import.design, target);
                    for warning in &ddl.warnings {
                        eprintln!("relvar: warning: {warning}");
                    }
                    print!("{}", ddl.sql);
                }
            }
            ExitCode::SUCCESS
        }
        Command::Normalize {
            file,
            table,
            fds,
            dialect,
        } => {
            let Some(text) = read(&file) else {
                return ExitCode::from(1);
            };
            let dialect = dialect.map_or_else(|| detect_dialect(&text), Dialect::from);
            normalize_command::run(&import_sql(&text, dialect).design, &table, &fds)
        }
    }
}

/// Reads a file as text (invalid UTF-8 replaced, as the browser does); reports why not.
fn read(file: &PathBuf) -> Option<String> {
    match std::fs::read(file) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) => {
            eprintln!("relvar: cannot read {}: {error}", file.display());
            None
        }
    }
}
