//! `ShareError`: why a design file or a share link could not be opened, in words for the user.

use thiserror::Error;

/// Why a file or a link gave no design. Opening never changes anything when it fails.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// The text is not JSON; line and column are 1-based (columns count characters).
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON without a Relvar format version at its top.
    #[error("not a Relvar design file")]
    NotADesign,
    /// A format this build does not know yet.
    #[error("made by a newer Relvar (format {found}, this one reads up to {supported})")]
    NewerFormat { found: u64, supported: u32 },
    /// An older format whose upgrade refused the content.
    #[error("cannot upgrade the design from format {from}: {message}")]
    Upgrade { from: u32, message: String },
    /// A Relvar file whose content does not fit the format it names; line and column when known.
    #[error("not a valid Relvar design{}: {message}", location(*.line, *.column))]
    InvalidDesign {
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// The design reads, but its parts do not fit together (a repeated id, a reference to
    /// nothing); opening it would break later edits.
    #[error("the design is inconsistent: {0}")]
    Inconsistent(String),
    /// A link that does not start with a Relvar prefix (`r3.`, or `r2.` or `r1.` from earlier builds).
    #[error("not a Relvar share link (it should start with r3.)")]
    NotALink,
    /// A link from a newer link encoding.
    #[error("made by a newer Relvar (link version {found}, this one reads up to {supported})")]
    NewerLink { found: u64, supported: u32 },
    /// A link with characters base64url does not have, or an impossible length.
    #[error("the share link is damaged: it holds characters a Relvar link cannot have")]
    LinkNotBase64,
    /// A link whose compressed data is cut short, altered or followed by more data, or whose
    /// content does not follow the link's binary form.
    #[error("the share link is damaged or incomplete (was it cut short when copied?)")]
    LinkDamaged,
    /// A link that would unpack to more than the limit (a "zip bomb").
    #[error("the share link unpacks to more than {limit_mib} MiB; it was not opened")]
    LinkTooLarge { limit_mib: usize },
    /// A link whose unpacked content is not UTF-8 text.
    #[error("the share link is damaged: its content is not text")]
    LinkNotText,
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(" (line {line}, column {column})"),
        _ => String::new(),
    }
}
