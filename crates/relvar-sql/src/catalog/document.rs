//! The catalog document as the queries print it: serde types that take each engine's spelling of
//! the same facts (booleans as `true`, `1` or `"YES"`; lists as arrays, `null` or JSON text;
//! column lists as names or as `{name, position}` objects in any order).

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_json::Value;

/// The whole document: `{"relvar_catalog": 1, "engine": ..., "tables": [...], ...}`.
#[derive(Debug, Deserialize)]
pub struct Document {
    /// The format's version; the marker that tells the document from other JSON.
    pub relvar_catalog: Value,
    #[serde(default, deserialize_with = "text")]
    pub engine: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub database: Option<String>,
    #[serde(default, deserialize_with = "names")]
    pub schemas: Vec<String>,
    #[serde(default, deserialize_with = "list")]
    pub tables: Vec<TableEntry>,
    #[serde(default, deserialize_with = "list")]
    pub views: Vec<ViewEntry>,
    #[serde(default, deserialize_with = "list")]
    pub enums: Vec<EnumEntry>,
    #[serde(default, deserialize_with = "list")]
    pub domains: Vec<DomainEntry>,
    #[serde(default, deserialize_with = "list")]
    pub sequences: Vec<SequenceEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TableEntry {
    #[serde(deserialize_with = "text")]
    pub schema: Option<String>,
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub comment: Option<String>,
    /// SQLite: the table's own CREATE statement, for what its pragmas do not tell.
    #[serde(deserialize_with = "text")]
    pub sql: Option<String>,
    #[serde(deserialize_with = "text")]
    pub partition_by: Option<String>,
    #[serde(deserialize_with = "text")]
    pub partition_of: Option<String>,
    #[serde(deserialize_with = "text")]
    pub partition_bound: Option<String>,
    #[serde(deserialize_with = "list")]
    pub columns: Vec<ColumnEntry>,
    #[serde(deserialize_with = "object")]
    pub primary_key: Option<KeyEntry>,
    #[serde(deserialize_with = "list")]
    pub uniques: Vec<KeyEntry>,
    #[serde(deserialize_with = "list")]
    pub checks: Vec<CheckEntry>,
    #[serde(deserialize_with = "list")]
    pub foreign_keys: Vec<ForeignKeyEntry>,
    #[serde(deserialize_with = "list")]
    pub indexes: Vec<IndexEntry>,
    /// Clauses after the column list the model has no field for (`INHERITS (parent)`), as SQL.
    #[serde(deserialize_with = "names")]
    pub options: Vec<String>,
    /// Constraints the model has no place for (PostgreSQL `EXCLUDE`), as SQL table elements.
    #[serde(deserialize_with = "names")]
    pub other_constraints: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ColumnEntry {
    pub position: Option<f64>,
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(rename = "type", deserialize_with = "text")]
    pub data_type: Option<String>,
    pub nullable: Flag,
    #[serde(deserialize_with = "text")]
    pub default: Option<String>,
    /// `always`, `by default` (or anything else an engine numbers with, e.g. `auto_increment`).
    #[serde(deserialize_with = "text")]
    pub identity: Option<String>,
    #[serde(deserialize_with = "text")]
    pub generated: Option<String>,
    pub stored: Flag,
    #[serde(deserialize_with = "text")]
    pub collation: Option<String>,
    #[serde(deserialize_with = "text")]
    pub comment: Option<String>,
    /// Column options the model has no field for (MySQL `ON UPDATE CURRENT_TIMESTAMP`), as SQL.
    #[serde(deserialize_with = "names")]
    pub options: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct KeyEntry {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "names")]
    pub columns: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckEntry {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub expression: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForeignKeyEntry {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "names")]
    pub columns: Vec<String>,
    #[serde(deserialize_with = "text")]
    pub ref_schema: Option<String>,
    #[serde(deserialize_with = "text")]
    pub ref_table: Option<String>,
    #[serde(deserialize_with = "names")]
    pub ref_columns: Vec<String>,
    #[serde(deserialize_with = "text")]
    pub on_delete: Option<String>,
    #[serde(deserialize_with = "text")]
    pub on_update: Option<String>,
    pub deferrable: Flag,
    pub deferred: Flag,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct IndexEntry {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    pub unique: Flag,
    #[serde(deserialize_with = "text")]
    pub method: Option<String>,
    /// SQL Server: `sys.indexes.type_desc` (`CLUSTERED`, `NONCLUSTERED`, ...).
    #[serde(deserialize_with = "text")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "list")]
    pub parts: Vec<IndexPartEntry>,
    #[serde(deserialize_with = "names")]
    pub include: Vec<String>,
    #[serde(deserialize_with = "text")]
    pub predicate: Option<String>,
    /// SQLite: the index's own CREATE statement, for expressions and the partial index's rows.
    #[serde(deserialize_with = "text")]
    pub sql: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct IndexPartEntry {
    pub position: Option<f64>,
    #[serde(deserialize_with = "text")]
    pub column: Option<String>,
    #[serde(deserialize_with = "text")]
    pub expression: Option<String>,
    pub descending: Flag,
    #[serde(deserialize_with = "text")]
    pub operator_class: Option<String>,
    #[serde(deserialize_with = "text")]
    pub collation: Option<String>,
    pub prefix: Option<f64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ViewEntry {
    #[serde(deserialize_with = "text")]
    pub schema: Option<String>,
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    pub materialized: Flag,
    /// The query (`SELECT ...`), or for SQLite the whole CREATE VIEW statement.
    #[serde(deserialize_with = "text")]
    pub definition: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EnumEntry {
    #[serde(deserialize_with = "text")]
    pub schema: Option<String>,
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "names")]
    pub values: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DomainEntry {
    #[serde(deserialize_with = "text")]
    pub schema: Option<String>,
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(rename = "type", deserialize_with = "text")]
    pub data_type: Option<String>,
    #[serde(deserialize_with = "text")]
    pub default: Option<String>,
    #[serde(deserialize_with = "text")]
    pub collation: Option<String>,
    #[serde(deserialize_with = "list")]
    pub checks: Vec<CheckEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SequenceEntry {
    #[serde(deserialize_with = "text")]
    pub schema: Option<String>,
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(rename = "type", deserialize_with = "text")]
    pub data_type: Option<String>,
    #[serde(deserialize_with = "integer")]
    pub start: Option<i64>,
    #[serde(deserialize_with = "integer")]
    pub increment: Option<i64>,
    #[serde(deserialize_with = "integer")]
    pub min_value: Option<i64>,
    #[serde(deserialize_with = "integer")]
    pub max_value: Option<i64>,
    #[serde(deserialize_with = "integer")]
    pub cache: Option<i64>,
    pub cycle: Flag,
    #[serde(deserialize_with = "text")]
    pub owned_by_table: Option<String>,
    #[serde(deserialize_with = "text")]
    pub owned_by_column: Option<String>,
}

/// A yes or no as engines print one: `true`, `1`, `"YES"`, `"t"`; anything else is no.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self(match Value::deserialize(deserializer)? {
            Value::Bool(yes) => yes,
            Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0),
            Value::String(text) => matches!(
                text.trim().to_ascii_lowercase().as_str(),
                "yes" | "y" | "true" | "t" | "1" | "on"
            ),
            _ => false,
        }))
    }
}

/// Text, or a number or boolean written as text; `null` is none.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(yes) => Some(yes.to_string()),
        _ => None,
    })
}

/// A whole number, as a number or as text; anything else is none.
fn integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(number) => number.as_i64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    })
}

/// A list: an array, `null` (none), or text holding a JSON array (engines that nest JSON as text).
fn list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    let items = match Value::deserialize(deserializer)? {
        Value::Array(items) => items,
        Value::String(text) if text.trim_start().starts_with('[') => {
            serde_json::from_str(&text).map_err(serde::de::Error::custom)?
        }
        Value::Null => Vec::new(),
        other => {
            return Err(serde::de::Error::custom(format!(
                "expected a list, found {}",
                kind(&other)
            )));
        }
    };
    items
        .into_iter()
        .filter(|item| !item.is_null())
        .map(|item| serde_json::from_value(item).map_err(serde::de::Error::custom))
        .collect()
}

/// An object, `null`, or text holding a JSON object (engines that nest JSON as text).
fn object<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    let value = match Value::deserialize(deserializer)? {
        Value::String(text) if text.trim_start().starts_with('{') => {
            serde_json::from_str(&text).map_err(serde::de::Error::custom)?
        }
        Value::Null => return Ok(None),
        other => other,
    };
    serde_json::from_value(value)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// Names in order: strings, or `{"name": ..., "position": n}` objects sorted by position.
fn names<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Name {
        Plain(String),
        Placed {
            name: String,
            #[serde(default)]
            position: Option<f64>,
        },
    }
    let mut placed: Vec<(f64, String)> = list::<D, Option<Name>>(deserializer)?
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(at, name)| match name {
            Name::Plain(name) => (at as f64, name),
            Name::Placed { name, position } => (position.unwrap_or(at as f64), name),
        })
        .collect();
    relvar_model::order::sort_by(&mut placed[..], |a, b| a.0.total_cmp(&b.0));
    Ok(placed.into_iter().map(|(_, name)| name).collect())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
