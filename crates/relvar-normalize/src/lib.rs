//! Normalization theory for Relvar: functional and multivalued dependencies, attribute closure,
//! candidate keys, minimal covers, normal forms with explained violations, 3NF synthesis, BCNF and
//! 4NF decomposition, the chase for lossless joins, dependency preservation, applying a
//! decomposition as one undoable command, and the dependencies and keys that sample rows show,
//! discovered in slices.
//!
//! Attributes are column positions `0..n` held in an [`AttrSet`]; a [`Relation`] names them and
//! carries the dependencies. [`table_relation`] makes one from a model table.

mod apply;
mod attrs;
mod basis;
mod chase;
mod closure;
mod cover;
mod decompose;
pub mod discover;
mod keys;
mod names;
mod normal_form;
mod parse;
mod preserve;
mod project;
mod propose;
mod relation;
mod report;
mod table;

pub use apply::{ApplyError, decomposition_command, decomposition_table_names};
pub use attrs::AttrSet;
pub use basis::{dependency_basis, implies_mvd};
pub use chase::{ChaseTooLarge, ROW_LIMIT, chase_implies_fd, chase_implies_mvd, is_lossless};
pub use closure::{Closure, closure, equivalent, implies};
pub use cover::{canonical_cover, merge_left_sides, minimal_cover};
pub use decompose::{Component, Decomposition, decompose_4nf, decompose_bcnf, synthesize_3nf};
pub use keys::{CandidateKeys, KeySearch, candidate_keys};
pub use names::proposed_table_name;
pub use normal_form::{Analysis, Dependency, KEY_CAP, NormalForm, Violation, analyse};
pub use parse::{ParseError, ParseErrorKind, ParsedDependency, parse_dependencies};
pub use preserve::{lost_dependencies, preserves};
pub use project::restrict;
pub use propose::{Proposal, ProposedDependency, ProposedKey, Unmatched, UnmatchedColumn, propose};
pub use relation::{Fd, Mvd, Relation};
pub use report::{
    DecompositionKind, ProposedDecomposition, ProposedTable, ReportedDependency, TableReport,
    table_report,
};
pub use table::{
    key_dependencies, read_table_dependencies, set_dependencies_command, table_dependencies_text,
    table_relation,
};
