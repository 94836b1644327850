//! The actions that change what is shown, not the design: a focus view of the selected table,
//! the whole design again, the side panels, and the command palette.

use super::{Action, Context, Outcome, Shortcut};
use crate::canvas::Shown;
use crate::workspace::PanelTab;

fn always(_: &Context) -> bool {
    true
}

/// The one table selected, if exactly one is.
fn one_table(context: &Context) -> Option<relvar_model::TableId> {
    let mut tables = context.selection.tables.iter();
    match (tables.next(), tables.next()) {
        (Some(table), None) => Some(*table),
        _ => None,
    }
}

fn focus(context: &Context, steps: usize) -> Option<Outcome> {
    one_table(context).map(|table| Outcome::Show(Shown::Focus { table, steps }))
}

pub const FOCUS: Action = Action {
    id: "focus",
    label: "Focus on table",
    glyph: None,
    keys: &[Shortcut::key("v")],
    description: "Show the selected table and the tables one relationship away, alone",
    enabled: |context| one_table(context).is_some(),
    run: |context| focus(context, 1),
};

pub const FOCUS_WIDER: Action = Action {
    id: "focus-wider",
    label: "Focus two steps out",
    glyph: None,
    keys: &[],
    description: "Show the selected table and the tables up to two relationships away, alone",
    enabled: |context| one_table(context).is_some(),
    run: |context| focus(context, 2),
};

pub const SHOW_WHOLE: Action = Action {
    id: "show-whole",
    label: "Show whole design",
    glyph: None,
    keys: &[],
    description: "Leave the focus or saved view and show every table",
    enabled: |context| context.viewing_part,
    run: |_| Some(Outcome::Show(Shown::Whole)),
};

pub const PALETTE: Action = Action {
    id: "palette",
    label: "Command palette",
    glyph: None,
    keys: &[Shortcut::command("k")],
    description: "Find and run any action by name",
    enabled: always,
    run: |_| Some(Outcome::TogglePalette),
};

/// An action that opens one side panel.
macro_rules! show_panel {
    ($name:ident, $tab:expr, $id:literal, $label:literal) => {
        pub const $name: Action = Action {
            id: $id,
            label: $label,
            glyph: None,
            keys: &[],
            description: concat!("Open the ", $label, " panel"),
            enabled: always,
            run: |_| Some(Outcome::ShowPanel($tab)),
        };
    };
}

show_panel!(SHOW_TABLES, PanelTab::Tables, "panel-tables", "Tables");
show_panel!(SHOW_VIEWS, PanelTab::Views, "panel-views", "Views");
show_panel!(SHOW_REVIEW, PanelTab::Review, "panel-review", "Review");
show_panel!(
    SHOW_WORKLOAD,
    PanelTab::Workload,
    "panel-workload",
    "Workload"
);
show_panel!(
    SHOW_NORMALIZE,
    PanelTab::Normalize,
    "panel-normalize",
    "Normalize"
);
show_panel!(SHOW_ENUMS, PanelTab::Enums, "panel-enums", "Enums");
show_panel!(
    SHOW_DECISIONS,
    PanelTab::Decisions,
    "panel-decisions",
    "Decisions"
);
show_panel!(
    SHOW_VERSIONS,
    PanelTab::Versions,
    "panel-versions",
    "Versions"
);
show_panel!(SHOW_IMPORT, PanelTab::Import, "panel-import", "Import");
show_panel!(SHOW_EXPORT, PanelTab::Export, "panel-export", "Export");
