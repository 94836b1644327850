//! A whole diagram, or a selection of it, as a standalone SVG document: what the SVG and PNG
//! exports save. It draws with the same markup as the canvas, at full detail.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use relvar_model::{Design, TableId};

use super::Detail;
use super::annotations::{area_frame, area_markup, note_markup, note_size};
use super::facts::{TableFacts, design_facts};
use super::palette::Theme;
use super::relationship::{DrawnTable, RelationshipStyle, relationship_plan};
use super::table::{ChangeMarks, TableStyle, table_markup};
use crate::viewport::Rect;

/// Room around the drawing in the picture.
const PICTURE_MARGIN: f64 = 24.0;
pub const FONT_FAMILY: &str = "'DejaVu Sans Mono', ui-monospace, Menlo, Consolas, monospace";

/// What a picture shows.
#[derive(Debug, Clone, Copy)]
pub enum DiagramScope<'a> {
    /// Every table, relationship, note and area.
    Whole,
    /// These tables, the relationships between them, and their areas.
    Tables(&'a BTreeSet<TableId>),
}

impl DiagramScope<'_> {
    fn includes(&self, table: TableId) -> bool {
        match self {
            DiagramScope::Whole => true,
            DiagramScope::Tables(tables) => tables.contains(&table),
        }
    }
}

/// The SVG document of the scope in a theme, or none when it holds nothing to draw.
pub fn diagram_svg(design: &Design, scope: DiagramScope, theme: Theme) -> Option<String> {
    let palette = theme.palette();
    let facts = design_facts(design);
    let fallback = TableFacts::default();
    let facts_of = |id: &TableId| facts.get(id).unwrap_or(&fallback);
    let drawn: HashMap<TableId, DrawnTable> = design
        .tables
        .iter()
        .filter(|table| scope.includes(table.id))
        .map(|table| {
            let drawn = DrawnTable {
                table,
                facts: facts_of(&table.id),
                at: design.position(table.id),
            };
            (table.id, drawn)
        })
        .collect();
    let rect_of = |drawn: &DrawnTable| {
        let size = drawn.facts.drawn_size(drawn.table);
        Rect {
            x: drawn.at.x,
            y: drawn.at.y,
            width: size.width,
            height: size.height,
        }
    };
    let mut body = String::new();
    let mut bounds: Option<Rect> = None;
    let mut grow = |rect: Rect| bounds = Some(bounds.map_or(rect, |all| all.union(rect)));
    for area in &design.areas {
        let members = area
            .tables
            .iter()
            .filter_map(|id| drawn.get(id))
            .map(&rect_of);
        if let Some(frame) = area_frame(members) {
            area_markup(&mut body, area, frame, palette, false);
            grow(frame);
        }
    }
    let boxes: Vec<Rect> = design
        .tables
        .iter()
        .filter_map(|table| drawn.get(&table.id))
        .map(&rect_of)
        .collect();
    let relationship_style = RelationshipStyle {
        palette,
        detail: Detail::Full,
        selected: false,
        obstacles: &boxes,
        clip: None,
    };
    for foreign_key in &design.foreign_keys {
        if let (Some(child), Some(parent)) = (
            drawn.get(&foreign_key.from_table),
            drawn.get(&foreign_key.to_table),
        ) {
            let plan = relationship_plan(foreign_key, *child, *parent, relationship_style);
            plan.markup(&mut body);
            // A line may loop out past the boxes it joins: the picture holds it whole.
            grow(plan.reach());
        }
    }
    let table_style = TableStyle {
        palette,
        detail: Detail::Full,
        selected: false,
        interactive: false,
        badge: None,
        highlight: None,
        change: ChangeMarks::default(),
    };
    for table in &design.tables {
        if let Some(drawn) = drawn.get(&table.id) {
            table_markup(&mut body, table, drawn.facts, drawn.at, table_style);
            grow(rect_of(drawn));
        }
    }
    if matches!(scope, DiagramScope::Whole) {
        for note in &design.notes {
            note_markup(&mut body, note, palette, false);
            let size = note_size(note);
            grow(Rect {
                x: note.at.x,
                y: note.at.y,
                width: size.width,
                height: size.height,
            });
        }
    }
    let bounds = bounds?;
    let (x, y) = (bounds.x - PICTURE_MARGIN, bounds.y - PICTURE_MARGIN);
    let (width, height) = (
        (bounds.width + 2.0 * PICTURE_MARGIN).ceil(),
        (bounds.height + 2.0 * PICTURE_MARGIN).ceil(),
    );
    let mut svg = String::with_capacity(body.len() + 512);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="{x} {y} {width} {height}" data-theme="{}"><rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{}"/><g font-family="{FONT_FAMILY}" font-size="13">{body}</g></svg>"#,
        theme.name(),
        palette.background
    );
    Some(svg)
}
