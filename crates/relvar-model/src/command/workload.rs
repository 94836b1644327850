//! The commands that set what a design records beside its schema, each as one undoable edit:
//! its workload (`Design::workload`) and its decision records (`Design::decisions`).

use super::{Command, CommandError};
use crate::decision::Decision;
use crate::design::Design;
use crate::workload::WorkloadQuery;

/// Replaces the workload; refused (changing nothing) when a query is blank or runs zero times,
/// naming it by its 1-based position. The inverse restores the previous workload.
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
    Ok(restore(design, queries))
}

/// Puts a workload in place as it is; the inverse puts back the previous one the same way, so
/// undoing never trips over a rule the design broke before (an old or hand-written file).
pub(super) fn restore(design: &mut Design, queries: Vec<WorkloadQuery>) -> Command {
    Command::RestoreWorkload(std::mem::replace(&mut design.workload, queries))
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
    Ok(restore_decisions(design, decisions))
}

/// Puts decision records in place as they are; the inverse puts back the previous ones.
pub(super) fn restore_decisions(design: &mut Design, decisions: Vec<Decision>) -> Command {
    Command::RestoreDecisions(std::mem::replace(&mut design.decisions, decisions))
}
