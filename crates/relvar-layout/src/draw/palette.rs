//! The diagram's colours in each theme. The canvas and the exported pictures draw with these,
//! as SVG presentation attributes, so a picture looks like the canvas it came from.

/// Light or dark drawing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// Every colour the diagram uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub background: &'static str,
    pub table_fill: &'static str,
    pub table_stroke: &'static str,
    pub header_fill: &'static str,
    pub header_text: &'static str,
    pub column_text: &'static str,
    pub type_text: &'static str,
    pub primary_key: &'static str,
    pub foreign_key: &'static str,
    pub unique: &'static str,
    pub indexed: &'static str,
    pub edge: &'static str,
    pub selection: &'static str,
    pub note_fill: &'static str,
    pub note_stroke: &'static str,
    pub note_text: &'static str,
    /// Review badges by the worst severity on the table, and the text on them.
    pub badge_error: &'static str,
    pub badge_warning: &'static str,
    pub badge_info: &'static str,
    pub badge_text: &'static str,
    /// The outline of what a selected review finding concerns, and its columns' rows.
    pub highlight: &'static str,
    pub highlight_row: &'static str,
    /// A comparison's marks: the outline and rows of what is new, and of what changed.
    pub change_added: &'static str,
    pub change_added_row: &'static str,
    pub change_changed: &'static str,
    pub change_changed_row: &'static str,
}

const LIGHT: Palette = Palette {
    background: "#f5f6f8",
    table_fill: "#ffffff",
    table_stroke: "#c9cfda",
    header_fill: "#2f3b52",
    header_text: "#ffffff",
    column_text: "#1d2433",
    type_text: "#5d6679",
    primary_key: "#a86a12",
    foreign_key: "#2f62c8",
    unique: "#5d6679",
    indexed: "#2a7a52",
    edge: "#6d7a94",
    selection: "#3b6fd8",
    note_fill: "#fff6c7",
    note_stroke: "#e2c65a",
    note_text: "#3d3410",
    badge_error: "#b42318",
    badge_warning: "#8f5300",
    badge_info: "#35609c",
    badge_text: "#ffffff",
    highlight: "#d9480f",
    highlight_row: "#ffe3cc",
    change_added: "#2b8a3e",
    change_added_row: "#d3f9d8",
    change_changed: "#a35f00",
    change_changed_row: "#fff0c2",
};

const DARK: Palette = Palette {
    background: "#15181e",
    table_fill: "#1f242d",
    table_stroke: "#3a4250",
    header_fill: "#3a4b6e",
    header_text: "#f2f5fa",
    column_text: "#e4e8ef",
    type_text: "#9aa4b5",
    primary_key: "#e0b050",
    foreign_key: "#7fa8f5",
    unique: "#9aa4b5",
    indexed: "#6cc79a",
    edge: "#8b97ad",
    selection: "#7fa8f5",
    note_fill: "#3b3722",
    note_stroke: "#7a6c2c",
    note_text: "#f3ecc8",
    badge_error: "#ff8a80",
    badge_warning: "#f2b45a",
    badge_info: "#8fb4f7",
    badge_text: "#15181e",
    highlight: "#ff9f5a",
    highlight_row: "#4a3120",
    change_added: "#69db7c",
    change_added_row: "#1f3a27",
    change_changed: "#ffd43b",
    change_changed_row: "#3d3414",
};
