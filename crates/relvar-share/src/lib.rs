//! Saved design files and share links: the whole design (model, layout, notes, areas, workload,
//! decisions) as a versioned .relvar.json file, upgraded on opening, or compressed in a URL
//! fragment, and back.
//!
//! - Files ([`save_file`], [`load_file`]) are the design's serde form. Its `format_version` field
//!   ([`relvar_model::FORMAT_VERSION`]) says which format a file is in; older formats are upgraded
//!   step by step on opening, and a newer one or a file that is not a design is refused with a
//!   clear [`ShareError`] (opening never changes anything when it fails).
//! - Links ([`encode_link`], [`decode_link`]) carry all of the design but its statements of data
//!   rows ([`data_statements`]), which only a file keeps. They are `r3.` then base64url without
//!   padding of a zlib stream with a preset dictionary of SQL's and dump tools' common text: the
//!   design's compact form (the saved form without inferable ids, with positions
//!   inside their tables and references by position), its names written as templates of the
//!   names around them, in a binary form that keeps like values together (a stream per place in
//!   the design, strings and shapes numbered once seen, common strings from a fixed dictionary).
//!   Links of the earlier versions (`r2.`, the same without the preset dictionary; `r1.`, the
//!   compact form as JSON) still open. Reading is bounded
//!   (64 MiB unpacked, or standing for 64 MiB of JSON) and never panics.
//!
//! - Designs kept in the browser after every edit ([`encode_stored`], [`decode_stored`]) are `s1.`
//!   then base64url of the zlib stream of the file's JSON at the fastest level: quick to write.
//!
//! A design read any way has been checked: ids unique, references resolving.

mod compact;
mod compression;
mod dictionary;
mod error;
mod file;
mod link;
mod link_dictionary;
mod pack;
mod stored;
mod templates;
mod unpack;
mod upgrade;

pub use compression::MAX_UNPACKED_BYTES;
pub use error::ShareError;
pub use file::{JsonStyle, load_file, save_file};
pub use link::{
    LINK_PREFIX, LINK_WARN_CHARS, data_statements, decode_link, encode_link,
    encode_link_with_versions,
};
pub use link_dictionary::LINK_DICTIONARY;
pub use stored::{STORED_PREFIX, decode_stored, encode_stored};
