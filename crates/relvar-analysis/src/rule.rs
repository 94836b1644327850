//! A review rule: its description as data ([`RuleInfo`], also its doc comment) and its check.

use crate::context::Context;
use crate::finding::Severity;
use crate::report::Reporter;

/// What a rule is about, as the app and the command line show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable code: `RV` and three digits; never reused for another rule.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `foreign-key-without-index`.
    pub name: &'static str,
    pub severity: Severity,
    /// What the rule finds, in one sentence.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// SQL that triggers it.
    pub example: &'static str,
}

/// A rule: its description and the check that reports its findings.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub info: &'static RuleInfo,
    pub check: fn(&Context<'_>, &mut Reporter<'_>),
}

/// Declares a rule's `INFO` constant and gives it a doc comment made of the same text, so the
/// documentation and what the app shows cannot drift apart.
macro_rules! rule_info {
    (
        code: $code:literal,
        name: $name:literal,
        severity: $severity:ident,
        summary: $summary:literal,
        why: $why:literal,
        example: $example:literal $(,)?
    ) => {
        #[doc = concat!("**", $code, " ", $name, "** (", stringify!($severity), "): ", $summary)]
        #[doc = ""]
        #[doc = concat!("Why it matters: ", $why)]
        #[doc = ""]
        #[doc = "Example:"]
        #[doc = "```sql"]
        #[doc = $example]
        #[doc = "```"]
        pub const INFO: $crate::rule::RuleInfo = $crate::rule::RuleInfo {
            code: $code,
            name: $name,
            severity: $crate::finding::Severity::$severity,
            summary: $summary,
            why: $why,
            example: $example,
        };
    };
}

pub(crate) use rule_info;

impl RuleInfo {
    /// The rule's doc comment as `rule_info!` writes it (Markdown).
    pub fn doc(&self) -> String {
        format!(
            "**{} {}** ({:?}): {}\n\nWhy it matters: {}\n\nExample:\n```sql\n{}\n```",
            self.code, self.name, self.severity, self.summary, self.why, self.example
        )
    }
}
