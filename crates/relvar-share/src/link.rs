//! Share links: the whole design in a URL fragment, the family of Mermaid Live's `#pako:`: `r3.`
//! followed by the base64url (no padding) of the zlib stream, with the preset dictionary of
//! `link_dictionary`, of the design's compact form (see `compact`, relationships naming their
//! tables by position) with its names as templates (see `templates`), in the binary form of
//! `pack`. Links of the versions before still open: `r2.` is the same without the dictionary,
//! `r1.` the zlib stream of the compact JSON.

use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use relvar_model::Design;
use serde_json::Value;

use crate::compact::{TableReferences, compact, expand};
use crate::compression::{MAX_UNPACKED_BYTES, SMALLEST, deflate, inflate};
use crate::error::ShareError;
use crate::file::{design_from_value, parse_json, saved_value};
use crate::link_dictionary::LINK_DICTIONARY;
use crate::pack::pack;
use crate::templates::{fill_templates, write_templates};
use crate::unpack::unpack;

/// What every link this build makes starts with: `r`, the link encoding's version, a dot.
pub const LINK_PREFIX: &str = "r3.";

/// The link encoding this build writes and the newest it reads.
const LINK_VERSION: u32 = 3;

/// Links longer than this many characters may be cut by mail and chat programs; the app warns.
pub const LINK_WARN_CHARS: usize = 8000;

/// base64url; written without padding, read with or without it.
pub(crate) const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The fragment payload carrying the design (layout included): `r3.` + base64url. The app puts
/// it after `#` (with a key of its own, such as `d=`, if it likes); it never reaches a server.
/// It leaves out the statements that hold rows of data and nothing of the design
/// ([`Design::without_data`]; [`data_statements`] counts them), which only a saved file carries:
/// a dump's rows would make a link hundreds of times longer than its schema's. The design's versions
/// stay out too ([`encode_link_with_versions`] carries them).
pub fn encode_link(design: &Design) -> String {
    if design.versions.is_empty() {
        encode_link_with_versions(design)
    } else {
        encode_link_with_versions(&design.without_versions())
    }
}

/// As [`encode_link`], with the design's versions, each without its statements of data.
pub fn encode_link_with_versions(design: &Design) -> String {
    let versions_hold_data = design
        .versions
        .iter()
        .any(|version| data_statements(&version.design) > 0);
    if data_statements(design) == 0 && !versions_hold_data {
        return encode_at(design, SMALLEST);
    }
    let mut light = design.without_data();
    for version in &mut light.versions {
        *version.design = version.design.without_data();
    }
    encode_at(&light, SMALLEST)
}

/// How many of the design's kept statements hold rows of data, which [`encode_link`] leaves out.
pub fn data_statements(design: &Design) -> usize {
    design
        .unmodelled
        .iter()
        .filter(|statement| statement.holds_data())
        .count()
}

fn encode_at(design: &Design, level: u8) -> String {
    let mut value = saved_value(&write_templates(design));
    if let Value::Object(object) = &mut value {
        compact(object, TableReferences::Positions);
    }
    format!(
        "{LINK_PREFIX}{}",
        BASE64URL.encode(deflate(&pack(&value), level, LINK_DICTIONARY))
    )
}

/// Opens a link made by [`encode_link`] (`r3.`) or by an earlier build (`r2.`, `r1.`), of this
/// or an earlier design format. Takes the payload, the fragment with its `#`, or a whole URL; an
/// app-defined key before the payload (`d=r3.…`) is skipped; surrounding whitespace is ignored.
/// Never panics; unpacking stops at 64 MiB (of JSON, for a link whose content is binary).
pub fn decode_link(link: &str) -> Result<Design, ShareError> {
    decode_link_within(link, MAX_UNPACKED_BYTES)
}

pub(crate) fn decode_link_within(link: &str, limit: usize) -> Result<Design, ShareError> {
    let (version, payload) = payload(link)?;
    let packed = BASE64URL
        .decode(payload)
        .map_err(|_| ShareError::LinkNotBase64)?;
    let dictionary: &[u8] = if version >= 3 { LINK_DICTIONARY } else { &[] };
    let unpacked = inflate(&packed, limit, dictionary)?;
    if version == 1 {
        let text = String::from_utf8(unpacked).map_err(|_| ShareError::LinkNotText)?;
        let mut value = parse_json(&text)?;
        if let Value::Object(object) = &mut value {
            expand(object, TableReferences::Ids);
        }
        return design_from_value(value, None);
    }
    let mut value = unpack(&unpacked, limit)?;
    if let Value::Object(object) = &mut value {
        expand(object, TableReferences::Positions);
    }
    let mut design = design_from_value(value, None)?;
    fill_templates(&mut design).ok_or(ShareError::LinkDamaged)?;
    Ok(design)
}

/// The link's version and its base64url part, once the version is known to be readable.
fn payload(link: &str) -> Result<(u64, &str), ShareError> {
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
        found => Ok((found, payload)),
    }
}
