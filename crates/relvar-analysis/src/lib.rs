//! Schema review (rules over a design, each finding with a stable code, a severity, the objects it
//! concerns, a message and, where one exists, a fix that is a model command), index advice and
//! query review for a workload, and row-count estimates.
//!
//! [`review`] never fails and never panics; its findings come in a fixed order (severity, then
//! table, then code). Each rule lives in its own file under `rules/` and describes itself as a
//! [`RuleInfo`] that is also its doc comment; its check writes to a [`Reporter`] bound to that
//! description. Engine knowledge is in [`dialect`].
//!
//! [`advise`] reads a [`workload`] of queries against the design: the indexes that would serve
//! them (see [`advisor`]), the existing indexes none uses, and the [`query_review`] notes.

pub mod advisor;
mod context;
pub mod dialect;
mod finding;
mod fix_all;
mod fixes;
mod graph;
mod incremental;
mod names;
pub mod query_review;
mod report;
mod review;
mod row_count;
mod rule;
pub mod rules;
mod types;
pub mod workload;

pub use advisor::{Advice, AdvisorOptions, Recommendation, advise};
pub use context::Context;
pub use finding::{Finding, Fix, ObjectRef, Severity, column_names, describe_object};
pub use fix_all::{FixedAll, fix_all};
pub use incremental::IncrementalReview;
pub use report::{Reported, Reporter};
pub use review::{ReviewOptions, review, review_with_advice, rule_info};
pub use row_count::{format_row_count, parse_row_count};
pub use rule::{Rule, RuleInfo, Scope};
