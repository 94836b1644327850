//! The Relvar design document as plain data (tables, columns, keys, relationships, enums, domains,
//! sequences, views, layout, notes, areas, workload, decisions), the SQL dialects it is written in,
//! what its keys imply (unique keys, cardinality, the foreign-key graph, consistency), and the
//! commands that edit it, each with its inverse, for undo and redo.
//!
//! A [`Design`] holds no signals and does no I/O. Every edit is a [`Command`]; applying one returns
//! its inverse, and [`History`] keeps both stacks for undo and redo.

mod annotation;
mod check;
mod command;
mod counts;
mod decision;
mod dependency;
mod design;
mod dialect;
mod duplicate;
mod graph;
mod history;
mod ids;
mod keys;
pub mod order;
mod outline;
mod saved_form;
mod saved_view;
mod sequence;
mod table;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
mod version;
mod view;
mod workload;

pub use annotation::{Note, SubjectArea};
pub use command::{Command, CommandError};
pub use counts::grouped;
pub use decision::{Decision, DecisionStatus};
pub use dependency::{DeclaredDependency, DependencyKind};
pub use design::{
    Deferral, Design, Domain, EnumType, FORMAT_VERSION, ForeignKey, Layout, Point,
    ReferentialAction, UnmodelledStatement,
};
pub use dialect::{Dialect, IdentifierLimit};
pub use graph::{EdgeDirection, ForeignKeyGraph};
pub use history::History;
pub use ids::{AreaId, ColumnId, ForeignKeyId, IdAllocator, NoteId, TableId};
pub use keys::{Cardinality, Maximum, Minimum, RelationshipEnds, same_columns};
pub use saved_view::{SavedView, drawn_alone, neighbourhood};
pub use sequence::{Sequence, SequenceOwner};
pub use table::{
    CheckConstraint, Column, GeneratedColumn, Identity, Index, IndexKey, IndexKind, IndexPart,
    PartitionOf, PrimaryKey, Table, UniqueConstraint, is_default_schema,
};
pub use version::Version;
pub use view::View;
pub use workload::WorkloadQuery;
