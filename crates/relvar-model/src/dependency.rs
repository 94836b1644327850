//! Dependencies a person declares on a table: functional (`a, b -> c`) and multivalued
//! (`a ->> b`), by column id so that renaming a column keeps them.

use serde::{Deserialize, Serialize};

use crate::ids::ColumnId;

/// Whether a dependency is functional (`->`) or multivalued (`->>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DependencyKind {
    /// The left side determines one value of the right side: `lhs -> rhs`.
    Functional,
    /// The left side determines a set of values of the right side, independent of the other
    /// columns: `lhs ->> rhs`.
    Multivalued,
}

impl DependencyKind {
    /// The arrow written between the two sides.
    pub fn arrow(self) -> &'static str {
        match self {
            Self::Functional => "->",
            Self::Multivalued => "->>",
        }
    }
}

/// A dependency between columns of one table; each side lists a column once, in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclaredDependency {
    pub kind: DependencyKind,
    /// The determining columns; empty means the right side is constant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lhs: Vec<ColumnId>,
    /// The determined columns; never empty.
    pub rhs: Vec<ColumnId>,
}

impl DeclaredDependency {
    /// Whether either side names the column.
    pub fn mentions(&self, column: ColumnId) -> bool {
        self.lhs.contains(&column) || self.rhs.contains(&column)
    }

    /// Both sides' columns, left first.
    pub fn columns(&self) -> impl Iterator<Item = ColumnId> + '_ {
        self.lhs.iter().chain(&self.rhs).copied()
    }
}
