//! Running every enabled rule over a design and putting the findings in their fixed order.

use std::collections::{BTreeSet, HashMap};

use relvar_model::{Design, TableId};

use crate::advisor::{Advice, unused};
use crate::context::Context;
use crate::finding::Finding;
use crate::report::Reporter;
use crate::rule::{Rule, RuleInfo};
use crate::rules::ALL;

/// How a review runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewOptions {
    /// Rules not run, by code (`RV012`) or name (`varchar-with-length`).
    pub disabled: BTreeSet<String>,
}

impl ReviewOptions {
    /// The options a design asks for: the rules it switches off (`Design::review_disabled`).
    pub fn of(design: &Design) -> Self {
        Self {
            disabled: design.review_disabled.clone(),
        }
    }

    pub fn enabled(&self, rule: &RuleInfo) -> bool {
        !self.disabled.contains(rule.code) && !self.disabled.contains(rule.name)
    }
}

/// The review's findings together with the advisor's unused indexes (`RV101`, unless switched
/// off), in the review's order.
pub fn review_with_advice(
    design: &Design,
    options: &ReviewOptions,
    advice: Option<&Advice>,
) -> Vec<Finding> {
    let context = Context::new(design);
    let findings = run_rules(&context, options, |_| true);
    with_unused_indexes(&context, findings, options, advice)
}

/// `findings` with the advisor's unused indexes (unless switched off), in the review's order.
pub(crate) fn with_unused_indexes(
    context: &Context<'_>,
    mut findings: Vec<Finding>,
    options: &ReviewOptions,
    advice: Option<&Advice>,
) -> Vec<Finding> {
    if let Some(advice) = advice
        && options.enabled(&unused::INFO)
    {
        findings.extend(advice.unused_indexes.iter().cloned());
    }
    ordered(context, findings)
}

/// The findings of the enabled rules that `wanted` picks, over the context's checked tables.
pub(crate) fn run_rules(
    context: &Context<'_>,
    options: &ReviewOptions,
    wanted: impl Fn(&Rule) -> bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in ALL
        .iter()
        .filter(|rule| options.enabled(rule.info) && wanted(rule))
    {
        (rule.check)(context, &mut Reporter::new(rule.info, &mut findings));
    }
    findings
}

/// Reviews a design: every enabled rule's findings, ordered by severity (errors first), then by
/// the table concerned (by name, then id), then by code, objects and message. Never fails.
pub fn review(design: &Design, options: &ReviewOptions) -> Vec<Finding> {
    let context = Context::new(design);
    let findings = run_rules(&context, options, |_| true);
    ordered(&context, findings)
}

/// Findings by severity (errors first), then the table concerned (by name, then id; none last),
/// then code, objects and message.
pub(crate) fn ordered(context: &Context<'_>, findings: Vec<Finding>) -> Vec<Finding> {
    // Each table's place in name order, worked out once rather than per comparison.
    let mut names: Vec<(String, TableId)> = context
        .design
        .tables
        .iter()
        .map(|table| (table.display_name().to_lowercase(), table.id))
        .collect();
    relvar_model::order::sort(&mut names[..]);
    let mut rank: HashMap<TableId, usize> = HashMap::with_capacity(names.len());
    for (place, (_, id)) in names.into_iter().enumerate() {
        rank.entry(id).or_insert(place);
    }
    let mut keyed: Vec<_> = findings
        .into_iter()
        .map(|finding| {
            let place = finding
                .table_in(context)
                .and_then(|id| rank.get(&id).copied())
                .unwrap_or(usize::MAX);
            ((finding.severity, place), finding)
        })
        .collect();
    relvar_model::order::sort_by(&mut keyed[..], |(a_key, a), (b_key, b)| {
        a_key
            .cmp(b_key)
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.objects.cmp(&b.objects))
            .then_with(|| a.message.cmp(&b.message))
    });
    keyed.into_iter().map(|(_, finding)| finding).collect()
}

/// The description of the rule with this code or name: a review rule, or the advisor's
/// unused-index finding (`RV101`).
pub fn rule_info(code_or_name: &str) -> Option<&'static RuleInfo> {
    ALL.iter()
        .map(|rule| rule.info)
        .chain(std::iter::once(&unused::INFO))
        .find(|info| info.code == code_or_name || info.name == code_or_name)
}
