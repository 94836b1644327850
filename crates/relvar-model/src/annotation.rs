//! What a designer adds to the canvas beside the schema: free-text notes and subject areas.

use serde::{Deserialize, Serialize};

use crate::design::Point;
use crate::ids::{AreaId, NoteId, TableId};

/// Free text placed on the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub text: String,
    /// Top-left corner, in canvas units.
    pub at: Point,
    /// Background colour as CSS (e.g. `#fff3b0`); none draws the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
}

/// A named, coloured group of tables: the canvas draws it around its member tables, and dragging
/// it moves them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectArea {
    pub id: AreaId,
    pub name: String,
    /// Colour as CSS (e.g. `#3b6fd8`).
    pub colour: String,
    /// Member tables, in the order the designer added them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TableId>,
}
