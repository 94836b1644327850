//! `relvar doc FILE [--part dictionary] [--format md|html] [--dialect D]`: the architect's
//! documents of a schema (a DDL file, a migration folder or a `.relvar.json` design, whose
//! comments and expected rows they use), printed on stdout. The data dictionary is written today.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use relvar_sql::Dialect;

use crate::DialectArg;

#[derive(Debug, Args)]
pub struct DocArgs {
    /// A DDL file, a migration folder or a `.relvar.json` design.
    file: PathBuf,
    /// Which document.
    #[arg(long, value_enum, default_value = "dictionary")]
    part: Part,
    /// Markdown, or one self-contained HTML file (no script; opens from disk).
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// The dialect FILE is written in; detected from the text when not given.
    #[arg(long, value_enum)]
    dialect: Option<DialectArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Part {
    /// Every table: columns, keys, references, constraints, indexes, views, neighbourhood diagram,
    /// comment coverage, suggested classification.
    Dictionary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Md,
    Html,
}

/// Exit codes: 0 written, 1 usage or an unreadable file, 2 nothing in it could be read.
pub fn run(arguments: DocArgs) -> ExitCode {
    let chosen = arguments.dialect.map(Dialect::from);
    let Some((design, text, _)) = crate::diff_command::read_schema(&arguments.file, chosen) else {
        return ExitCode::from(2);
    };
    let mut design = design.without_versions();
    if design.name.trim().is_empty() || design.name == relvar_model::Design::default().name {
        // As the studio names an imported schema, else by the file.
        design.name = relvar_sql::design_name(&text, &design).unwrap_or_else(|| {
            let stem = arguments.file.file_stem().unwrap_or_default();
            stem.to_string_lossy()
                .trim_end_matches(".relvar")
                .to_owned()
        });
    }
    let text = match (arguments.part, arguments.format) {
        (Part::Dictionary, Format::Md) => relvar_artefacts::dictionary_markdown(&design),
        (Part::Dictionary, Format::Html) => relvar_artefacts::dictionary_html(&design),
    };
    // A reader that stops early (`| head`) is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), text.as_bytes());
    ExitCode::SUCCESS
}
