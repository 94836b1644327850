//! Share links: the whole design in a URL fragment, `r1.` followed by the base64url (no padding)
//! of the zlib stream of its compact JSON (see `compact`), the family of Mermaid Live's `#pako:`.

use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use relvar_model::Design;
use serde_json::Value;

use crate::compact::{compact, expand};
use crate::compression::{FASTEST, MAX_UNPACKED_BYTES, SMALLEST, deflate, inflate};
use crate::error::ShareError;
use crate::file::{design_from_value, parse_json, saved_value};

/// What every link this build makes starts with: `r`, the link encoding's version, a dot.
pub const LINK_PREFIX: &str = "r1.";

/// The link encoding this build writes and the newest it reads.
const LINK_VERSION: u32 = 1;

/// Links longer than this many characters may be cut by mail and chat programs; the app warns.
pub const LINK_WARN_CHARS: usize = 8000;

/// base64url; written without padding, read with or without it.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The fragment payload carrying the whole design (layout included): `r1.` + base64url. The app
/// puts it after `#` (with a key of its own, such as `d=`, if it likes); it never reaches a server.
pub fn encode_link(design: &Design) -> String {
    encode_at(design, SMALLEST)
}

/// The same payload as [`encode_link`], compressed at the fastest level: a few times quicker and
/// somewhat longer, for keeping a design in the browser after every edit. [`decode_link`] reads it.
pub fn encode_stored(design: &Design) -> String {
    encode_at(design, FASTEST)
}

fn encode_at(design: &Design, level: u8) -> String {
    let mut value = saved_value(design);
    if let Value::Object(object) = &mut value {
        compact(object);
    }
    // Writing a `Value` to a string cannot fail: every map key is already a string.
    let json = serde_json::to_string(&value).unwrap_or_default();
    format!(
        "{LINK_PREFIX}{}",
        BASE64URL.encode(deflate(json.as_bytes(), level))
    )
}

/// Opens a link made by [`encode_link`], of this or an earlier design format. Takes the payload,
/// the fragment with its `#`, or a whole URL; an app-defined key before the payload (`d=r1.…`) is
/// skipped; surrounding whitespace is ignored. Never panics; unpacking stops at 64 MiB.
pub fn decode_link(link: &str) -> Result<Design, ShareError> {
    decode_link_within(link, MAX_UNPACKED_BYTES)
}

pub(crate) fn decode_link_within(link: &str, limit: usize) -> Result<Design, ShareError> {
    let packed = BASE64URL
        .decode(payload(link)?)
        .map_err(|_| ShareError::LinkNotBase64)?;
    let text = String::from_utf8(inflate(&packed, limit)?).map_err(|_| ShareError::LinkNotText)?;
    let mut value = parse_json(&text)?;
    if let Value::Object(object) = &mut value {
        expand(object);
    }
    design_from_value(value, None)
}

/// The base64url part of a link, once its version is known to be readable.
fn payload(link: &str) -> Result<&str, ShareError> {
    let mut rest = link.trim();
    if let Some((_, fragment)) = rest.split_once('#') {
        rest = fragment;
    }
    if let Some((key, value)) = rest.split_once('=') {
        let is_key = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-';
        if !key.is_empty() && key.bytes().all(is_key) {
            rest = value;
        }
    }
    let (version, payload) = rest
        .strip_prefix('r')
        .and_then(|rest| rest.split_once('.'))
        .ok_or(ShareError::NotALink)?;
    if version.is_empty() || !version.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(ShareError::NotALink);
    }
    match version.parse::<u64>().unwrap_or(u64::MAX) {
        0 => Err(ShareError::NotALink),
        found if found > u64::from(LINK_VERSION) => Err(ShareError::NewerLink {
            found,
            supported: LINK_VERSION,
        }),
        _ => Ok(payload),
    }
}
