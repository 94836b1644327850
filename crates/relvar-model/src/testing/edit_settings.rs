//! Random edits of what a design records beside its schema, for the property test of the
//! commands: switched-off review rules, the workload, decision records and expected rows.

use super::edits::{Recipe, text};
use crate::command::Command;
use crate::decision::{Decision, DecisionStatus};
use crate::ids::TableId;
use crate::workload::WorkloadQuery;

/// The design's review, workload, decision and capacity settings, some of them refused (a blank
/// rule, a blank query, a query that never runs, an untitled decision, a missing table).
pub(crate) fn settings(recipe: &Recipe, table: TableId) -> Command {
    let [a, b, c, _] = recipe.picks;
    match c % 4 {
        0 => Command::SetReviewRuleEnabled {
            rule: ["RV001", "RV012", "varchar-with-length", " "][usize::from(a % 4)].to_owned(),
            enabled: recipe.fresh,
        },
        1 => Command::SetWorkload {
            queries: (0..a % 4)
                .map(|n| {
                    let sql = ["SELECT 1", "SELECT * FROM film", " ", "DELETE FROM actor"];
                    WorkloadQuery::new(sql[usize::from(n.wrapping_add(b) % 4)], u32::from(b % 3))
                })
                .collect(),
        },
        3 => Command::SetDecisions {
            decisions: (0..a % 3)
                .map(|n| Decision {
                    title: text(b.wrapping_add(n)),
                    status: DecisionStatus::ALL[usize::from(n) % 5],
                    ..Decision::default()
                })
                .collect(),
        },
        _ => Command::SetTableExpectedRows {
            table,
            rows: recipe.fresh.then(|| u64::from(b) << 24),
        },
    }
}
