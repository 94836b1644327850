//! The command that switches a review rule off or on for a design (`Design::review_disabled`).

use super::{Command, CommandError, require_name};
use crate::design::Design;

/// Switches the rule off (`enabled` false) or on; the inverse puts back whether it was on.
pub(super) fn set_rule_enabled(
    design: &mut Design,
    rule: String,
    enabled: bool,
) -> Result<Command, CommandError> {
    require_name(&rule, "review rule")?;
    let was_enabled = if enabled {
        !design.review_disabled.remove(&rule)
    } else {
        design.review_disabled.insert(rule.clone())
    };
    Ok(Command::SetReviewRuleEnabled {
        rule,
        enabled: was_enabled,
    })
}
