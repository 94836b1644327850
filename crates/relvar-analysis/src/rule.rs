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

/// What a rule's findings about a table depend on, so that after an edit only the findings that
/// may have changed are looked for again (`incremental.rs`). Every scope also depends on the
/// design's dialect, its domains and the review's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The table and the foreign keys from and to it; the check looks only at
    /// [`Context::checked`] tables and the foreign keys from them.
    Table,
    /// Also the tables at the other ends of those foreign keys.
    Neighbours,
    /// Anything in the design: checked in full every time.
    Design,
}

/// A rule: its description, what its findings depend on, and the check that reports them.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub info: &'static RuleInfo,
    pub scope: Scope,
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
