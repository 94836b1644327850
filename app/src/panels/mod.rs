//! The side panels: the tables, the inspector of the selection, the schema review, the workload
//! and its index advice, normalization, enums, decision records, versions and comparisons,
//! import and export; the home view of saved designs and the toolbar's file and link tools.

mod annotation_editor;
mod catalog_queries;
mod column_editor;
mod comparison_view;
mod decisions_panel;
mod designs_dialog;
mod enums_panel;
mod export_panel;
mod import_panel;
mod import_report;
mod import_source;
mod inspector;
mod normalize_panel;
mod relationship_editor;
mod review_groups;
mod review_panel;
mod sample_panel;
mod share_tools;
mod table_editor;
mod tables_panel;
mod versions_panel;
mod views_panel;
mod workload_panel;

pub use decisions_panel::DecisionsPanel;
pub use designs_dialog::{DesignsDialog, HomeView};
pub use enums_panel::EnumsPanel;
pub use export_panel::ExportPanel;
pub use import_panel::ImportPanel;
pub use inspector::Inspector;
pub use normalize_panel::NormalizePanel;
pub use review_panel::ReviewPanel;
pub use share_tools::{NoticeBar, ShareTools};
pub use tables_panel::TablesPanel;
pub use versions_panel::VersionsPanel;
pub use views_panel::ViewsPanel;
pub use workload_panel::WorkloadPanel;

/// A count with its noun: "1 query", "3 queries".
fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
