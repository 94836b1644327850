//! Running every enabled rule over a design and putting the findings in their fixed order.

use std::collections::BTreeSet;

use relvar_model::Design;

use crate::context::Context;
use crate::finding::Finding;
use crate::rule::RuleInfo;
use crate::rules::ALL;

/// How a review runs. Which rules a design switches off is kept here for now; the design's
/// saved form does not carry it yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewOptions {
    /// Rules not run, by code (`RV012`) or name (`varchar-with-length`).
    pub disabled: BTreeSet<String>,
}

impl ReviewOptions {
    fn enabled(&self, rule: &RuleInfo) -> bool {
        !self.disabled.contains(rule.code) && !self.disabled.contains(rule.name)
    }
}

/// Reviews a design: every enabled rule's findings, ordered by severity (errors first), then by
/// the table concerned (by name, then id), then by code, objects and message. Never fails.
pub fn review(design: &Design, options: &ReviewOptions) -> Vec<Finding> {
    let context = Context::new(design);
    let mut findings = Vec::new();
    for rule in ALL.iter().filter(|rule| options.enabled(rule.info)) {
        (rule.check)(&context, &mut findings);
    }
    let mut keyed: Vec<_> = findings
        .into_iter()
        .map(|finding| {
            let table = finding.table_in(&context);
            let name = table
                .and_then(|id| context.table(id))
                .map(|table| table.display_name().to_lowercase());
            // Findings without a table come after those with one.
            ((finding.severity, name.is_none(), name, table), finding)
        })
        .collect();
    keyed.sort_by(|(a_key, a), (b_key, b)| {
        a_key
            .cmp(b_key)
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.objects.cmp(&b.objects))
            .then_with(|| a.message.cmp(&b.message))
    });
    keyed.into_iter().map(|(_, finding)| finding).collect()
}

/// The description of the rule with this code or name.
pub fn rule_info(code_or_name: &str) -> Option<&'static RuleInfo> {
    ALL.iter()
        .map(|rule| rule.info)
        .find(|info| info.code == code_or_name || info.name == code_or_name)
}
