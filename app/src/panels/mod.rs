//! The side panels: import and export.

mod export_panel;
mod import_panel;
mod import_report;

pub use export_panel::ExportPanel;
pub use import_panel::ImportPanel;
