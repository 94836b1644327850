//! The command that sets a design's workload (`Design::workload`) as one undoable edit.

use super::{Command, CommandError};
use crate::design::Design;
use crate::workload::WorkloadQuery;

/// Replaces the workload; refused (changing nothing) when a query is blank or runs zero times,
/// naming it by its 1-based position. The inverse puts back the previous workload.
pub(super) fn set(
    design: &mut Design,
    queries: Vec<WorkloadQuery>,
) -> Result<Command, CommandError> {
    for (position, query) in queries.iter().enumerate() {
        if query.sql.trim().is_empty() {
            return Err(CommandError::BlankQuery(position + 1));
        }
        if query.frequency == 0 {
            return Err(CommandError::ZeroFrequency(position + 1));
        }
    }
    let previous = std::mem::replace(&mut design.workload, queries);
    Ok(Command::SetWorkload { queries: previous })
}
