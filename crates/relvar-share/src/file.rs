//! Design files (`.relvar.json`): the design's own serde form, whose `format_version` says which
//! format it is in; reading checks the version, upgrades older formats step by step and checks
//! the design's consistency.

use relvar_model::{Design, FORMAT_VERSION};
use serde_json::{Map, Value};

use crate::error::ShareError;
use crate::upgrade::{UPGRADES, upgrade};

/// How [`save_file`] lays out its JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonStyle {
    /// Indented, one field a line: for files people keep, read and diff.
    Pretty,
    /// No whitespace at all.
    Compact,
}

/// The design as a `.relvar.json` file in the current format: its serde form with
/// `format_version` set to [`FORMAT_VERSION`] whatever the design held.
pub fn save_file(design: &Design, style: JsonStyle) -> String {
    let value = saved_value(design);
    let written = match style {
        JsonStyle::Pretty => serde_json::to_string_pretty(&value),
        JsonStyle::Compact => serde_json::to_string(&value),
    };
    // Writing a `Value` to a string cannot fail: every map key is already a string.
    written.unwrap_or_default()
}

/// Opens a `.relvar.json` file of this or any earlier format. Not JSON: [`ShareError::NotJson`]
/// with line and column; JSON without a top-level `format_version`: [`ShareError::NotADesign`];
/// a later format: [`ShareError::NewerFormat`]; content that does not fit its format:
/// [`ShareError::InvalidDesign`]; parts that do not fit together: [`ShareError::Inconsistent`].
pub fn load_file(text: &str) -> Result<Design, ShareError> {
    let value = parse_json(text)?;
    design_from_value(value, Some(text))
}

/// The design's serde form as a JSON object, stamped with the current format.
pub(crate) fn saved_value(design: &Design) -> Value {
    let mut value = serde_json::to_value(design).unwrap_or(Value::Null);
    if let Value::Object(object) = &mut value {
        object.insert("format_version".into(), Value::from(FORMAT_VERSION));
    }
    value
}

pub(crate) fn parse_json(text: &str) -> Result<Value, ShareError> {
    serde_json::from_str(text).map_err(|error| ShareError::NotJson {
        line: error.line(),
        column: error.column(),
        message: message_without_location(&error),
    })
}

/// Reads a design from its JSON: version, upgrades, the model's form, consistency. `text`, when
/// given, is the JSON as written, read again for the line and column of a misfit.
pub(crate) fn design_from_value(value: Value, text: Option<&str>) -> Result<Design, ShareError> {
    let Value::Object(mut object) = value else {
        return Err(ShareError::NotADesign);
    };
    let version = format_version(&object)?;
    let design: Design = if version < FORMAT_VERSION {
        upgrade(UPGRADES, &mut object, version)?;
        serde_json::from_value(Value::Object(object)).map_err(|error| invalid(&error, false))?
    } else if let Some(text) = text {
        serde_json::from_str(text).map_err(|error| invalid(&error, true))?
    } else {
        serde_json::from_value(Value::Object(object)).map_err(|error| invalid(&error, false))?
    };
    design
        .check_consistent()
        .map_err(ShareError::Inconsistent)?;
    Ok(design)
}

/// The file's format: a whole number from 1 up to [`FORMAT_VERSION`].
fn format_version(object: &Map<String, Value>) -> Result<u32, ShareError> {
    let version = object
        .get("format_version")
        .and_then(Value::as_u64)
        .filter(|version| *version >= 1)
        .ok_or(ShareError::NotADesign)?;
    match u32::try_from(version) {
        Ok(version) if version <= FORMAT_VERSION => Ok(version),
        _ => Err(ShareError::NewerFormat {
            found: version,
            supported: FORMAT_VERSION,
        }),
    }
}

fn invalid(error: &serde_json::Error, located: bool) -> ShareError {
    ShareError::InvalidDesign {
        line: located.then(|| error.line()),
        column: located.then(|| error.column()),
        message: message_without_location(error),
    }
}

/// serde_json's message without its " at line L column C" ending (the error has them apart).
fn message_without_location(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let ending = format!(" at line {} column {}", error.line(), error.column());
    message
        .strip_suffix(&ending)
        .map_or_else(|| message.clone(), str::to_owned)
}
