//! The command that sets the functional and multivalued dependencies declared on a table.

use super::{Command, CommandError, find_table, require_own_columns, tables};
use crate::dependency::DeclaredDependency;
use crate::design::Design;
use crate::ids::TableId;

/// Replaces the table's declared dependencies; each must name only the table's columns, each
/// once per side, and have a non-empty right side.
pub(super) fn set(
    design: &mut Design,
    table: TableId,
    dependencies: Vec<DeclaredDependency>,
) -> Result<Command, CommandError> {
    let owner = find_table(design, table)?;
    for dependency in &dependencies {
        require_own_columns(owner, &dependency.lhs)?;
        require_own_columns(owner, &dependency.rhs)?;
        if dependency.rhs.is_empty() {
            return Err(CommandError::EmptyDependency(owner.qualified_name()));
        }
    }
    let mut changed = owner.clone();
    changed.dependencies = dependencies;
    // The inverse puts the whole table back, judged only for consistency, so undoing never
    // trips over a dependency an opened file declared against these rules.
    tables::replace(design, changed)
}
