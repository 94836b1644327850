//! Saved design files and share links: the whole design (model, layout, notes, areas) as a
//! versioned `.relvar.json` file, or in a URL fragment, and back.
//!
//! - Files ([`save_file`], [`load_file`]) are the design's serde form. Its `format_version` field
//!   ([`relvar_model::FORMAT_VERSION`]) says which format a file is in; older formats are upgraded
//!   step by step on opening, and a newer one or a file that is not a design is refused with a
//!   clear [`ShareError`] (opening never changes anything when it fails).
//! - Links ([`encode_link`], [`decode_link`]) are `r1.` then base64url without padding of the zlib
//!   stream of the design's compact JSON: the saved form without inferable ids and with positions
//!   inside their tables. Reading one is bounded (64 MiB unpacked) and never panics.
//!
//! A design read either way has been checked: ids unique, references resolving.

mod check;
mod compact;
mod compression;
mod error;
mod file;
mod link;
mod upgrade;

pub use compression::MAX_UNPACKED_BYTES;
pub use error::ShareError;
pub use file::{JsonStyle, load_file, save_file};
pub use link::{LINK_PREFIX, LINK_WARN_CHARS, decode_link, encode_link, encode_stored};
