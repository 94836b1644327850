//! Designs kept in the browser after every edit: `s1.` then base64url of the zlib stream, at
//! the fastest level, of the design's `.relvar.json` text. Written several times a minute while
//! a person edits, so it is made for speed over length: about a fifth of the time of a link,
//! for a text a few times longer. Reading also takes a link, the form earlier builds kept.

use base64::Engine;
use relvar_model::{Design, FORMAT_VERSION};

use crate::compression::{FASTEST, MAX_UNPACKED_BYTES, deflate, inflate};
use crate::error::ShareError;
use crate::file::{load_file, saved_value};
use crate::link::{BASE64URL, decode_link};

/// What every design this build keeps in the browser starts with.
pub const STORED_PREFIX: &str = "s1.";

/// The design, data statements included, as kept in the browser; [`decode_stored`] reads it.
pub fn encode_stored(design: &Design) -> String {
    let json = if design.format_version == FORMAT_VERSION {
        serde_json::to_vec(design)
    } else {
        serde_json::to_vec(&saved_value(design))
    };
    // Writing the model to JSON cannot fail: its maps are keyed by strings.
    let json = json.unwrap_or_default();
    format!(
        "{STORED_PREFIX}{}",
        BASE64URL.encode(deflate(&json, FASTEST, &[]))
    )
}

/// Opens a design kept by [`encode_stored`], or by an earlier build as a link
/// ([`decode_link`]). Never panics; unpacking stops at 64 MiB.
pub fn decode_stored(stored: &str) -> Result<Design, ShareError> {
    let Some(payload) = stored.trim().strip_prefix(STORED_PREFIX) else {
        return decode_link(stored);
    };
    let packed = BASE64URL
        .decode(payload)
        .map_err(|_| ShareError::LinkNotBase64)?;
    let unpacked = inflate(&packed, MAX_UNPACKED_BYTES, &[])?;
    let text = String::from_utf8(unpacked).map_err(|_| ShareError::LinkNotText)?;
    load_file(&text)
}
