//! SVG markup of one table box: header with the name, one row per drawn column with its key
//! marker, name and type. The same text draws the canvas and the exported pictures.

use std::fmt::Write;

use relvar_model::{Column, ColumnId, Point, Table};

use super::facts::TableFacts;
use super::palette::Palette;
use super::{Detail, escape, safe_colour};
use crate::geometry::{HEADER_HEIGHT, MARKER_WIDTH, PADDING_X, ROW_HEIGHT, row_center_y};

const CORNER: f64 = 6.0;
const TEXT_BASELINE_OFFSET: f64 = 4.5;
const CONNECTOR_RADIUS: f64 = 5.0;
const BADGE_RADIUS: f64 = 9.0;
/// Counts above this are drawn as `99+`.
const BADGE_MOST: usize = 99;

/// The worst severity of the review findings on a table, which colours its badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BadgeLevel {
    Error,
    Warning,
    Info,
}

impl BadgeLevel {
    pub fn name(self) -> &'static str {
        match self {
            BadgeLevel::Error => "error",
            BadgeLevel::Warning => "warning",
            BadgeLevel::Info => "info",
        }
    }

    fn colour(self, palette: &Palette) -> &str {
        match self {
            BadgeLevel::Error => palette.badge_error,
            BadgeLevel::Warning => palette.badge_warning,
            BadgeLevel::Info => palette.badge_info,
        }
    }
}

/// A badge on a table's header corner: how many review findings concern it and the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableBadge {
    pub level: BadgeLevel,
    pub count: usize,
}

/// How one table is to be drawn.
#[derive(Debug, Clone, Copy)]
pub struct TableStyle<'a> {
    pub palette: &'a Palette,
    pub detail: Detail,
    pub selected: bool,
    /// Draws the handles a relationship is dragged from; pictures leave them out.
    pub interactive: bool,
    /// The review badge on the header's top-right corner, drawn with names or rows shown (far
    /// out only as `data-findings`); `None` draws none, as pictures do.
    pub badge: Option<TableBadge>,
    /// Outlines the table, and these of its columns' rows, as what a selected review finding
    /// concerns.
    pub highlight: Option<&'a [ColumnId]>,
    /// What a comparison with an earlier version marks on the table.
    pub change: ChangeMarks<'a>,
}

/// A comparison's marks on one table: the table's own (`"added"` or `"changed"`) and those of its
/// columns, drawn as an outline and row colours and written as `data-change`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChangeMarks<'a> {
    pub table: Option<&'static str>,
    pub columns: &'a [(ColumnId, &'static str)],
}

impl ChangeMarks<'_> {
    fn of_column(&self, column: ColumnId) -> Option<&'static str> {
        self.columns
            .iter()
            .find(|(id, _)| *id == column)
            .map(|(_, mark)| *mark)
    }
}

/// The outline colour of a change mark, and its rows' fill.
fn change_colours(mark: &str, palette: &Palette) -> (&'static str, &'static str) {
    if mark == "added" {
        (palette.change_added, palette.change_added_row)
    } else {
        (palette.change_changed, palette.change_changed_row)
    }
}

/// ` data-change="mark"`, or nothing.
fn change_attribute(mark: Option<&str>) -> String {
    mark.map_or_else(String::new, |mark| format!(r#" data-change="{mark}""#))
}

/// The key a column's marker shows, strongest first, and every key it belongs to.
fn markers(table: &Table, facts: &TableFacts, column: &Column) -> Vec<&'static str> {
    let mut found = Vec::new();
    if table.is_primary_key_column(column.id) {
        found.push("pk");
    }
    if facts.foreign_key_columns.contains(&column.id) {
        found.push("fk");
    }
    if facts.unique_columns.contains(&column.id) {
        found.push("uq");
    }
    if facts.indexed_columns.contains(&column.id) {
        found.push("ix");
    }
    found
}

fn marker_colour<'p>(marker: &str, palette: &'p Palette) -> &'p str {
    match marker {
        "pk" => palette.primary_key,
        "fk" => palette.foreign_key,
        "ix" => palette.indexed,
        _ => palette.unique,
    }
}

/// Appends the `<g class="table">` of one table with its top-left corner at `at`. Every part is
/// placed in canvas coordinates rather than by a transform on the group: a transform per table
/// gives the browser a property node per table to layerize on every frame that paints (4 to 6 ms
/// at 200 tables in view, against about 1 without them).
pub fn table_markup(
    out: &mut String,
    table: &Table,
    facts: &TableFacts,
    at: Point,
    style: TableStyle,
) {
    let palette = style.palette;
    let size = facts.drawn_size(table);
    let header_fill = table
        .colour
        .as_deref()
        .and_then(safe_colour)
        .unwrap_or(palette.header_fill);
    if style.detail == Detail::Boxes {
        // Far out, one element per table: its box, outlined in its header colour.
        let (stroke, width) = if style.highlight.is_some() {
            (palette.highlight, 3.0)
        } else if let Some(mark) = style.change.table {
            (change_colours(mark, palette).0, 3.0)
        } else if style.selected {
            (palette.selection, 3.0)
        } else {
            (header_fill, 1.5)
        };
        let selected = if style.selected { " selected" } else { "" };
        let highlighted = if style.highlight.is_some() {
            " highlighted"
        } else {
            ""
        };
        let findings = badge_attributes(style.badge) + &change_attribute(style.change.table);
        let _ = write!(
            out,
            r#"<rect class="table-body far{selected}{highlighted}"{findings} data-table-id="{}" data-table-name="{}" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{stroke}" stroke-width="{width}" vector-effect="non-scaling-stroke"/>"#,
            table.id.0,
            escape(&table.qualified_name()),
            at.x,
            at.y,
            size.width,
            size.height,
            palette.table_fill
        );
        return;
    }
    let mut classes = String::from("table");
    if style.selected {
        classes.push_str(" selected");
    }
    if facts.collapsed {
        classes.push_str(" collapsed");
    }
    if style.highlight.is_some() {
        classes.push_str(" highlighted");
    }
    let findings = badge_attributes(style.badge) + &change_attribute(style.change.table);
    let _ = write!(
        out,
        r#"<g class="{classes}"{findings} data-table-id="{}" data-table-name="{}">"#,
        table.id.0,
        escape(&table.qualified_name()),
    );
    let Point { x, y } = at;
    if let Some(comment) = table.comment.as_deref().filter(|text| !text.is_empty()) {
        let _ = write!(out, "<title>{}</title>", escape(comment));
    }
    if style.selected {
        let _ = write!(
            out,
            r#"<rect class="selection-outline" x="{}" y="{}" width="{}" height="{}" rx="{}" fill="none" stroke="{}" stroke-width="2.5"/>"#,
            x - 4.0,
            y - 4.0,
            size.width + 8.0,
            size.height + 8.0,
            CORNER + 3.0,
            palette.selection
        );
    }
    if style.highlight.is_some() {
        let _ = write!(
            out,
            r#"<rect class="finding-outline" x="{}" y="{}" width="{}" height="{}" rx="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="6 3"/>"#,
            x - 8.0,
            y - 8.0,
            size.width + 16.0,
            size.height + 16.0,
            CORNER + 6.0,
            palette.highlight
        );
    }
    if let Some(mark) = style.change.table {
        let _ = write!(
            out,
            r#"<rect class="change-outline {mark}" x="{}" y="{}" width="{}" height="{}" rx="{}" fill="none" stroke="{}" stroke-width="3"/>"#,
            x - 6.0,
            y - 6.0,
            size.width + 12.0,
            size.height + 12.0,
            CORNER + 4.0,
            change_colours(mark, palette).0
        );
    }
    let _ = write!(
        out,
        r#"<rect class="table-body" x="{x}" y="{y}" width="{}" height="{}" rx="{CORNER}" fill="{}" stroke="{}"/>"#,
        size.width, size.height, palette.table_fill, palette.table_stroke
    );
    let (right, header) = (x + size.width, y + HEADER_HEIGHT);
    let _ = write!(
        out,
        r#"<path class="table-header" d="M {x} {header} V {} Q {x} {y} {} {y} H {} Q {right} {y} {right} {} V {header} Z" fill="{header_fill}"/>"#,
        y + CORNER,
        x + CORNER,
        right - CORNER,
        y + CORNER,
    );
    let _ = write!(
        out,
        r#"<text class="table-name" x="{}" y="{}" fill="{}" font-weight="600">{}</text>"#,
        x + PADDING_X,
        y + HEADER_HEIGHT / 2.0 + 5.0,
        palette.header_text,
        escape(&table.display_name())
    );
    if style.detail == Detail::Full {
        for (row, column) in facts.drawn_columns(table).into_iter().enumerate() {
            let placed = PlacedRow {
                at,
                row,
                width: size.width,
            };
            column_markup(out, table, facts, column, placed, style);
        }
    }
    if let Some(badge) = style.badge {
        badge_markup(out, badge, Point::new(right, y), palette);
    }
    out.push_str("</g>");
}

/// ` data-findings="N" data-severity="worst"`, or nothing without a badge.
fn badge_attributes(badge: Option<TableBadge>) -> String {
    badge.map_or_else(String::new, |badge| {
        format!(
            r#" data-findings="{}" data-severity="{}""#,
            badge.count,
            badge.level.name()
        )
    })
}

/// The badge: a dot in the worst severity's colour on the header's top-right corner (`corner`),
/// with the count in it.
fn badge_markup(out: &mut String, badge: TableBadge, corner: Point, palette: &Palette) {
    let count = if badge.count > BADGE_MOST {
        format!("{BADGE_MOST}+")
    } else {
        badge.count.to_string()
    };
    let plural = if badge.count == 1 { "" } else { "s" };
    let _ = write!(
        out,
        r#"<g class="review-badge {level}"><title>{} review finding{plural}, the worst: {level}</title><circle cx="{}" cy="{}" r="{BADGE_RADIUS}" fill="{}" stroke="{}" stroke-width="2"/><text x="{}" y="{}" text-anchor="middle" font-size="10" font-weight="700" fill="{}">{count}</text></g>"#,
        badge.count,
        corner.x,
        corner.y,
        badge.level.colour(palette),
        palette.table_fill,
        corner.x,
        corner.y + 3.5,
        palette.badge_text,
        level = badge.level.name(),
    );
}

/// Where a column's row is drawn: the table's top-left corner, the row's index, the box's width.
#[derive(Debug, Clone, Copy)]
struct PlacedRow {
    at: Point,
    row: usize,
    width: f64,
}

fn column_markup(
    out: &mut String,
    table: &Table,
    facts: &TableFacts,
    column: &Column,
    placed: PlacedRow,
    style: TableStyle,
) {
    let PlacedRow { at, row, width } = placed;
    let palette = style.palette;
    let found = markers(table, facts, column);
    let baseline = at.y + row_center_y(row) + TEXT_BASELINE_OFFSET;
    let highlighted = style
        .highlight
        .is_some_and(|columns| columns.contains(&column.id));
    let change = style.change.of_column(column.id);
    let (class, fill) = match change {
        _ if highlighted => ("column highlighted", palette.highlight_row),
        Some(mark) => ("column changed-column", change_colours(mark, palette).1),
        None => ("column", "transparent"),
    };
    let _ = write!(
        out,
        r#"<g class="{class}"{} data-column-id="{}" data-column="{}" data-markers="{}"><rect class="column-row" x="{}" y="{}" width="{width}" height="{ROW_HEIGHT}" fill="{fill}"/>"#,
        change_attribute(change),
        column.id.0,
        escape(&column.name),
        found.join(" "),
        at.x,
        at.y + HEADER_HEIGHT + row as f64 * ROW_HEIGHT
    );
    if let Some(first) = found.first() {
        let _ = write!(
            out,
            r#"<text class="key-marker {first}" x="{}" y="{baseline}" fill="{}" font-size="10" font-weight="700">{}</text>"#,
            at.x + PADDING_X,
            marker_colour(first, palette),
            first.to_ascii_uppercase()
        );
    }
    let name_colour = if found.contains(&"fk") {
        palette.foreign_key
    } else {
        palette.column_text
    };
    let _ = write!(
        out,
        r#"<text class="column-name" x="{}" y="{baseline}" fill="{name_colour}">{}</text>"#,
        at.x + PADDING_X + MARKER_WIDTH,
        escape(&column.name)
    );
    let nullable = if column.nullable { "?" } else { "" };
    let _ = write!(
        out,
        r#"<text class="column-type" x="{}" y="{baseline}" text-anchor="end" fill="{}">{}{nullable}</text>"#,
        at.x + width - PADDING_X,
        palette.type_text,
        escape(&column.data_type)
    );
    if style.interactive {
        let _ = write!(
            out,
            r#"<circle class="connector" data-column-id="{}" cx="{}" cy="{}" r="{CONNECTOR_RADIUS}" fill="{}"/>"#,
            column.id.0,
            at.x + width,
            at.y + row_center_y(row),
            palette.foreign_key
        );
    }
    out.push_str("</g>");
}
