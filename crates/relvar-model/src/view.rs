//! Views and materialized views: their name, their SQL as written, and the relations they read.

use serde::{Deserialize, Serialize};

use crate::table::qualified_name;

/// A view read from a script. Its query stays SQL text in the design's source dialect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub name: String,
    /// Stored and refreshed on demand (`CREATE MATERIALIZED VIEW`) rather than computed on read.
    #[serde(default, skip_serializing_if = "crate::saved_form::is_false")]
    pub materialized: bool,
    /// The whole `CREATE ... VIEW` statement as written, without its closing semicolon.
    pub sql: String,
    /// Qualified names of the tables and views the query reads, in first-use order: spelled as
    /// the design names them when they are in it, as written otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reads: Vec<String>,
    /// 1-based line of the statement in the imported text: views are written back in source
    /// order among the statements kept as written.
    pub line: u32,
}

impl View {
    /// The name as it appears in SQL: `schema.name`, or just `name`.
    pub fn qualified_name(&self) -> String {
        qualified_name(self.schema.as_deref(), &self.name)
    }
}
