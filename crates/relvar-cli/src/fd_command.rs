//! `relvar fd FILE`: the functional dependencies and unique column combinations of sample rows
//! in a CSV/TSV file, as text for people or JSON for machines, with the time taken.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};
use relvar_normalize::discover::{
    Algorithm, Discovered, Discovery, DiscoveryOptions, NullEquality, NullRule, ReadOptions,
    SampleTable,
};
use serde::Serialize;

#[derive(Debug, Args)]
pub struct FdArgs {
    /// CSV or TSV file of sample rows.
    file: PathBuf,
    /// Field separator: one character, or `tab`; `,` by default (tab for a `.tsv` file).
    #[arg(long)]
    sep: Option<String>,
    /// The first line is a row, not column names; columns are then named 0, 1, 2, ...
    #[arg(long)]
    no_header: bool,
    /// The most columns on a left-hand side (and in a unique column combination).
    #[arg(long, value_name = "N")]
    max_lhs: Option<usize>,
    /// Find approximate dependencies: the largest share of rows (0 to 1) to remove for a
    /// dependency to hold (the g3 error).
    #[arg(long, value_name = "E", default_value_t = 0.0)]
    error: f64,
    /// The text of a NULL field, e.g. "" or NULL; none by default (every field is a value).
    #[arg(long, value_name = "TEXT")]
    null: Option<String>,
    /// Whether two NULLs are equal (desbordante's default) or distinct (as in SQL).
    #[arg(long, value_enum, default_value_t = NullsArg::Equal)]
    nulls: NullsArg,
    /// The search: HyFD for exact dependencies and the level-wise search for approximate ones
    /// unless chosen.
    #[arg(long, value_enum, default_value_t = AlgorithmArg::Auto)]
    algorithm: AlgorithmArg,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum NullsArg {
    Equal,
    Distinct,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum AlgorithmArg {
    Auto,
    Hyfd,
    LevelWise,
}

/// Work between two looks at the clock (and progress updates): a few milliseconds.
const SLICE: usize = 200_000;
/// Progress is shown on a terminal once a run has taken this long.
const QUIET_PERIOD: Duration = Duration::from_secs(1);

/// Exit codes: 0 found, 1 usage or unreadable file, 2 rows that cannot be read.
pub fn run(arguments: FdArgs) -> ExitCode {
    let started = Instant::now();
    let bytes = match std::fs::read(&arguments.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("relvar: cannot read {}: {error}", arguments.file.display());
            return ExitCode::from(1);
        }
    };
    let Some(separator) = separator(arguments.sep.as_deref(), &arguments.file) else {
        eprintln!("relvar: --sep takes one ASCII character or `tab`");
        return ExitCode::from(1);
    };
    let read_options = ReadOptions {
        separator,
        has_header: !arguments.no_header,
    };
    let table = match SampleTable::read(&bytes, &read_options) {
        Ok(table) => table,
        Err(error) => {
            eprintln!("relvar: {}: {error}", arguments.file.display());
            return ExitCode::from(2);
        }
    };
    let read_time = started.elapsed();
    let options = DiscoveryOptions {
        max_lhs: arguments.max_lhs,
        error: arguments.error,
        nulls: NullRule {
            marker: arguments.null.clone(),
            equality: match arguments.nulls {
                NullsArg::Equal => NullEquality::Equal,
                NullsArg::Distinct => NullEquality::Distinct,
            },
        },
        algorithm: match arguments.algorithm {
            AlgorithmArg::Auto => Algorithm::Auto,
            AlgorithmArg::Hyfd => Algorithm::HyFd,
            AlgorithmArg::LevelWise => Algorithm::LevelWise,
        },
    };
    let discovery = match Discovery::new(&table, &options) {
        Ok(discovery) => discovery,
        Err(error) => {
            eprintln!("relvar: {error}");
            return ExitCode::from(1);
        }
    };
    let show_progress = !arguments.json && std::io::stderr().is_terminal();
    let discovery_started = Instant::now();
    let found = discovery.run(SLICE, |progress| {
        if show_progress && discovery_started.elapsed() > QUIET_PERIOD {
            eprint!(
                "\rrelvar: discovering... {:3.0}%",
                progress.fraction * 100.0
            );
            let _ = std::io::stderr().flush();
        }
        true
    });
    if show_progress && discovery_started.elapsed() > QUIET_PERIOD {
        eprint!("\r{:40}\r", "");
    }
    let Some(found) = found else {
        return ExitCode::from(1);
    };
    let timing = Timing {
        read_ms: read_time.as_secs_f64() * 1000.0,
        discovery_ms: discovery_started.elapsed().as_secs_f64() * 1000.0,
    };
    if arguments.json {
        let report = JsonReport::new(&arguments.file, &found, &options, &timing);
        match serde_json::to_string_pretty(&report) {
            Ok(written) => println!("{written}"),
            Err(error) => eprintln!("relvar: could not write JSON: {error}"),
        }
    } else {
        print!("{}", text(&arguments.file, &found, &options, &timing));
    }
    ExitCode::SUCCESS
}

/// The separator byte from `--sep`, or the default for the file's extension.
fn separator(chosen: Option<&str>, file: &Path) -> Option<u8> {
    match chosen {
        None if file
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("tsv")) =>
        {
            Some(b'\t')
        }
        None => Some(b','),
        Some("tab" | "\\t" | "\t") => Some(b'\t'),
        Some(text) => match text.as_bytes() {
            [byte] if byte.is_ascii() => Some(*byte),
            _ => None,
        },
    }
}

struct Timing {
    read_ms: f64,
    discovery_ms: f64,
}

fn text(file: &Path, found: &Discovered, options: &DiscoveryOptions, timing: &Timing) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} rows, {} columns",
        file.display(),
        found.row_count,
        found.columns.len()
    );
    let limit = options
        .max_lhs
        .map(|max| format!(", at most {max} columns on the left"))
        .unwrap_or_default();
    if options.error > 0.0 {
        let _ = writeln!(
            out,
            "{} approximate functional dependencies (g3 error at most {}{limit}):",
            found.dependencies.len(),
            options.error
        );
        for dependency in &found.dependencies {
            let _ = writeln!(
                out,
                "{}  (g3 {:.4})",
                found.describe(dependency),
                dependency.error
            );
        }
    } else {
        let _ = writeln!(
            out,
            "{} functional dependencies (exact, minimal{limit}):",
            found.dependencies.len()
        );
        for dependency in &found.dependencies {
            let _ = writeln!(out, "{}", found.describe(dependency));
        }
    }
    let key_limit = options
        .max_lhs
        .map(|max| format!(", at most {max} columns"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} unique column combinations (minimal{key_limit}):",
        found.uniques.len()
    );
    for unique in &found.uniques {
        let _ = writeln!(out, "{}", found.names(unique));
    }
    let _ = writeln!(
        out,
        "time: {:.1} ms (reading {:.1} ms, discovery {:.1} ms)",
        timing.read_ms + timing.discovery_ms,
        timing.read_ms,
        timing.discovery_ms
    );
    out
}

#[derive(Debug, Serialize)]
struct JsonReport {
    file: String,
    rows: usize,
    columns: Vec<String>,
    error: f64,
    max_lhs: Option<usize>,
    dependencies: Vec<JsonDependency>,
    uniques: Vec<Vec<String>>,
    read_ms: f64,
    discovery_ms: f64,
}

#[derive(Debug, Serialize)]
struct JsonDependency {
    lhs: Vec<String>,
    rhs: String,
    error: f64,
}

impl JsonReport {
    fn new(file: &Path, found: &Discovered, options: &DiscoveryOptions, timing: &Timing) -> Self {
        let names = |columns: &[usize]| {
            columns
                .iter()
                .map(|column| found.columns.get(*column).cloned().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        Self {
            file: file.display().to_string(),
            rows: found.row_count,
            columns: found.columns.clone(),
            error: options.error,
            max_lhs: options.max_lhs,
            dependencies: found
                .dependencies
                .iter()
                .map(|dependency| JsonDependency {
                    lhs: names(&dependency.lhs),
                    rhs: names(&[dependency.rhs]).concat(),
                    error: dependency.error,
                })
                .collect(),
            uniques: found.uniques.iter().map(|unique| names(unique)).collect(),
            read_ms: timing.read_ms,
            discovery_ms: timing.discovery_ms,
        }
    }
}
