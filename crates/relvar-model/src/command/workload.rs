//! The commands that set what a design records beside its schema, each as one undoable edit:
//! its workload (`Design::workload`) and its decision records (`Design::decisions`).

use super::{Command, CommandError};
use crate::decision::Decision;
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

/// Replaces the decision records; refused (changing nothing) when one has a blank title, naming
/// it by its 1-based position.
pub(super) fn set_decisions(
    design: &mut Design,
    decisions: Vec<Decision>,
) -> Result<Command, CommandError> {
    if let Some(position) = decisions
        .iter()
        .position(|decision| decision.title.trim().is_empty())
    {
        return Err(CommandError::UntitledDecision(position + 1));
    }
    let previous = std::mem::replace(&mut design.decisions, decisions);
    Ok(Command::SetDecisions {
        decisions: previous,
    })
}
