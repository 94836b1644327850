//! What the canvas draws, as SVG text per layer, from the shared drawing code. Near enough to
//! show names or rows only tables near the view are drawn; far out every table is one element
//! and every line part of one path, all drawn, so moving the view there changes no markup. The
//! tables being dragged are drawn once in their own layer that moves as a whole, so a drag frame
//! redraws only the edges that join them to the rest.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use leptos::prelude::*;
use relvar_layout::draw::{
    Detail, DrawnTable, RelationshipStyle, TableFacts, TableStyle, Theme, area_frame, area_markup,
    design_facts, far_lines_markup, note_markup, relationship_markup, relationship_route,
    table_markup,
};
use relvar_layout::{EdgeRoute, Rect};
use relvar_model::{Design, Point, TableId};

use super::review_marks::{Marks, marks_of};
use super::state::CanvasState;
use crate::store::Store;

type Boxes = Arc<HashMap<TableId, Rect>>;

/// The layers' markup, each recomputed only when what it shows changes.
#[derive(Debug, Clone, Copy)]
pub struct Scene {
    /// Each table's box at its saved position, as drawn.
    pub boxes: Memo<Boxes>,
    pub detail: Memo<Detail>,
    pub areas: Memo<String>,
    pub still_edges: Memo<Vec<Keyed>>,
    /// The tables at rest, in [`TABLE_GROUPS`] groups drawn apart, each table in its own
    /// element.
    pub table_groups: [Memo<Vec<Keyed>>; TABLE_GROUPS],
    /// The part of the canvas drawn, when not all of it is.
    pub culling: Memo<Option<Rect>>,
    pub notes: Memo<String>,
    pub moving: Memo<String>,
    pub boundary_edges: Memo<String>,
}

/// One table's or relationship's markup, keyed by its id and its markup: the canvas replaces an
/// element only when its markup changes, so an edit makes the browser paint again only what it
/// changed (the browser repaints all an element covered), not a layer spread over the canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyed {
    /// The table's or foreign key's id.
    pub id: u32,
    /// A hash of `markup`.
    pub key: u64,
    pub markup: String,
}

/// The id of the one element that holds every far-out line.
const FAR_LINES: u32 = u32::MAX;

impl Keyed {
    fn new(id: u32, markup: String) -> Self {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        markup.hash(&mut hasher);
        Self {
            id,
            key: hasher.finish(),
            markup,
        }
    }
}

/// The tables layer is drawn as this many groups, a table in group `id % TABLE_GROUPS`, so that a
/// change to a few tables (a click that selects one, the start of a drag) redraws only their
/// groups rather than every table in view.
pub const TABLE_GROUPS: usize = 32;

fn group_of(table: TableId) -> usize {
    table.0 as usize % TABLE_GROUPS
}

/// Far out, more relationship lines than this in view are drawn as one path.
const LINES_DRAWN_ONE_BY_ONE: usize = 300;

fn intersects(a: Rect, b: Rect) -> bool {
    a.x <= b.right() && b.x <= a.right() && a.y <= b.bottom() && b.y <= a.bottom()
}

fn shifted(rect: Rect, by: Point) -> Rect {
    Rect {
        x: rect.x + by.x,
        y: rect.y + by.y,
        ..rect
    }
}

/// The part of the canvas to draw for the view the picture is drawn at.
fn drawing_region(state: &CanvasState) -> Rect {
    let (width, height) = state.screen.get();
    state.drawn.get().drawing_region(width, height)
}

struct Painter<'a> {
    design: &'a Design,
    facts: &'a HashMap<TableId, TableFacts>,
    fallback: TableFacts,
    theme: Theme,
    detail: Detail,
    /// The boxes relationship lines go around.
    obstacles: Vec<Rect>,
}

impl<'a> Painter<'a> {
    /// Sets the boxes lines go around: every table box meeting `region` (only where rows are
    /// drawn; farther out lines go around nothing), with the moving tables moved by `by`, or
    /// left out.
    fn avoid(
        &mut self,
        boxes: &HashMap<TableId, Rect>,
        region: Rect,
        moving: &BTreeSet<TableId>,
        by: Option<Point>,
    ) {
        if self.detail != Detail::Full {
            return;
        }
        self.obstacles = self
            .design
            .tables
            .iter()
            .filter_map(|table| {
                let rect = *boxes.get(&table.id)?;
                if moving.contains(&table.id) {
                    by.map(|by| shifted(rect, by))
                } else {
                    Some(rect)
                }
            })
            .filter(|rect| intersects(*rect, region))
            .collect();
    }

    fn facts_of(&self, table: TableId) -> &TableFacts {
        self.facts.get(&table).unwrap_or(&self.fallback)
    }

    fn table(
        &self,
        out: &mut String,
        table: &relvar_model::Table,
        at: Point,
        selected: bool,
        marks: &Marks,
    ) {
        let style = TableStyle {
            palette: self.theme.palette(),
            detail: self.detail,
            selected,
            interactive: true,
            badge: marks.badge(table.id),
            highlight: marks.highlight(table.id),
        };
        table_markup(out, table, self.facts_of(table.id), at, style);
    }

    fn route(
        &self,
        foreign_key: &relvar_model::ForeignKey,
        child_at: Point,
        parent_at: Point,
    ) -> Option<EdgeRoute> {
        let child = self.design.table(foreign_key.from_table)?;
        let parent = self.design.table(foreign_key.to_table)?;
        let drawn = |table: &'a relvar_model::Table, at| DrawnTable {
            table,
            facts: self.facts_of(table.id),
            at,
        };
        Some(relationship_route(
            foreign_key,
            drawn(child, child_at),
            drawn(parent, parent_at),
        ))
    }

    fn edge(
        &self,
        out: &mut String,
        foreign_key: &relvar_model::ForeignKey,
        child_at: Point,
        parent_at: Point,
        selected: bool,
    ) {
        let (Some(child), Some(parent)) = (
            self.design.table(foreign_key.from_table),
            self.design.table(foreign_key.to_table),
        ) else {
            return;
        };
        let style = RelationshipStyle {
            palette: self.theme.palette(),
            detail: self.detail,
            selected,
            obstacles: &self.obstacles,
        };
        let drawn = |table: &'a relvar_model::Table, at| DrawnTable {
            table,
            facts: self.facts_of(table.id),
            at,
        };
        relationship_markup(
            out,
            foreign_key,
            drawn(child, child_at),
            drawn(parent, parent_at),
            style,
        );
    }
}

impl Scene {
    pub fn new(store: Store, state: CanvasState, theme: Memo<Theme>) -> Self {
        let facts = Memo::new(move |_| Arc::new(store.design.with(design_facts)));
        let boxes = Memo::new(move |_| {
            let facts = facts.get();
            let boxes: HashMap<TableId, Rect> = store.design.with(|design| {
                design
                    .tables
                    .iter()
                    .map(|table| {
                        let size = facts.get(&table.id).map_or_else(
                            || relvar_layout::table_size(table),
                            |facts| facts.drawn_size(table),
                        );
                        let at = design.position(table.id);
                        let rect = Rect {
                            x: at.x,
                            y: at.y,
                            width: size.width,
                            height: size.height,
                        };
                        (table.id, rect)
                    })
                    .collect()
            });
            Arc::new(boxes)
        });
        let region = Memo::new(move |_| drawing_region(&state));
        let detail = Memo::new(move |before: Option<&Detail>| {
            Detail::while_moving(
                state.drawn.get().scale,
                before.copied(),
                state.gesturing.get(),
            )
        });
        // Far out every table is one element and all the lines one path, so everything is drawn
        // and moving the view never changes the markup; nearer, only the drawing region.
        let culling = Memo::new(move |_| (detail.get() != Detail::Boxes).then(|| region.get()));
        let paint = move |draw: &mut dyn FnMut(&mut Painter)| {
            let facts = facts.get();
            store.design.with(|design| {
                let mut painter = Painter {
                    design,
                    facts: &facts,
                    fallback: TableFacts::default(),
                    theme: theme.get(),
                    detail: detail.get(),
                    obstacles: Vec::new(),
                };
                draw(&mut painter);
            });
        };

        // The lines follow only which relationship is selected, not the rest of the selection.
        let selected_foreign_key =
            Memo::new(move |_| store.selection.with(|selection| selection.foreign_key));
        let table_groups: [Memo<Vec<Keyed>>; TABLE_GROUPS] = std::array::from_fn(|group| {
            let in_group = move |ids: &BTreeSet<TableId>| -> Vec<TableId> {
                ids.iter()
                    .copied()
                    .filter(|id| group_of(*id) == group)
                    .collect()
            };
            let selected =
                Memo::new(move |_| store.selection.with(|chosen| in_group(&chosen.tables)));
            let moving = Memo::new(move |_| state.moving.with(|moving| in_group(moving)));
            let marks = marks_of(move |id| group_of(id) == group);
            Memo::new(move |_| {
                let (culling, boxes) = (culling.get(), boxes.get());
                let (selected, moving, marks) = (selected.get(), moving.get(), marks.get());
                let mut drawn = Vec::new();
                paint(&mut |painter| {
                    for table in &painter.design.tables {
                        if group_of(table.id) != group || moving.contains(&table.id) {
                            continue;
                        }
                        let visible = boxes.get(&table.id).is_some_and(|rect| {
                            culling.is_none_or(|region| intersects(*rect, region))
                        });
                        if visible {
                            let at = painter.design.position(table.id);
                            let selected = selected.contains(&table.id);
                            let mut markup = String::new();
                            painter.table(&mut markup, table, at, selected, &marks);
                            drawn.push(Keyed::new(table.id.0, markup));
                        }
                    }
                });
                drawn
            })
        });
        let still_edges = Memo::new(move |_| {
            let (culling, boxes, moving) = (culling.get(), boxes.get(), state.moving.get());
            let mut drawn = Vec::new();
            let selected_fk = selected_foreign_key.get();
            paint(&mut |painter| {
                if let Some(region) = culling {
                    painter.avoid(&boxes, region, &moving, None);
                }
                let shown: Vec<&relvar_model::ForeignKey> = painter
                    .design
                    .foreign_keys
                    .iter()
                    .filter(|foreign_key| {
                        let (child, parent) = (foreign_key.from_table, foreign_key.to_table);
                        !moving.contains(&child)
                            && !moving.contains(&parent)
                            && boxes.get(&child).zip(boxes.get(&parent)).is_some_and(
                                |(child_box, parent_box)| {
                                    culling.is_none_or(|region| {
                                        intersects(child_box.union(*parent_box), region)
                                    })
                                },
                            )
                    })
                    .collect();
                let far = painter.detail == Detail::Boxes && shown.len() > LINES_DRAWN_ONE_BY_ONE;
                let mut far_routes = Vec::new();
                for foreign_key in shown {
                    let selected = selected_fk == Some(foreign_key.id);
                    let child_at = painter.design.position(foreign_key.from_table);
                    let parent_at = painter.design.position(foreign_key.to_table);
                    if far && !selected {
                        far_routes.extend(painter.route(foreign_key, child_at, parent_at));
                    } else {
                        let mut markup = String::new();
                        painter.edge(&mut markup, foreign_key, child_at, parent_at, selected);
                        drawn.push(Keyed::new(foreign_key.id.0, markup));
                    }
                }
                if !far_routes.is_empty() {
                    let mut markup = String::new();
                    far_lines_markup(&mut markup, &far_routes, painter.theme.palette());
                    drawn.push(Keyed::new(FAR_LINES, markup));
                }
            });
            drawn
        });
        let all_marks = marks_of(|_| true);
        let moving_layer = Memo::new(move |_| {
            let moving = state.moving.get();
            let mut out = String::new();
            if moving.is_empty() {
                return out;
            }
            let selection = store.selection.get();
            let marks = all_marks.get();
            paint(&mut |painter| {
                for foreign_key in &painter.design.foreign_keys {
                    let (child, parent) = (foreign_key.from_table, foreign_key.to_table);
                    if moving.contains(&child) && moving.contains(&parent) {
                        let selected = selection.foreign_key == Some(foreign_key.id);
                        painter.edge(
                            &mut out,
                            foreign_key,
                            painter.design.position(child),
                            painter.design.position(parent),
                            selected,
                        );
                    }
                }
                for table in &painter.design.tables {
                    if moving.contains(&table.id) {
                        let at = painter.design.position(table.id);
                        let selected = selection.tables.contains(&table.id);
                        painter.table(&mut out, table, at, selected, &marks);
                    }
                }
            });
            out
        });
        let boundary_edges = Memo::new(move |_| {
            let (moving, by) = (state.moving.get(), state.offset.get());
            let mut out = String::new();
            if moving.is_empty() {
                return out;
            }
            let (culling, boxes) = (culling.get(), boxes.get());
            let selected_fk = selected_foreign_key.get();
            paint(&mut |painter| {
                if let Some(region) = culling {
                    painter.avoid(&boxes, region, &moving, Some(by));
                }
                let at = |table: TableId| {
                    let saved = painter.design.position(table);
                    if moving.contains(&table) {
                        Point::new(saved.x + by.x, saved.y + by.y)
                    } else {
                        saved
                    }
                };
                for foreign_key in &painter.design.foreign_keys {
                    let (child, parent) = (foreign_key.from_table, foreign_key.to_table);
                    if moving.contains(&child) != moving.contains(&parent) {
                        let selected = selected_fk == Some(foreign_key.id);
                        painter.edge(&mut out, foreign_key, at(child), at(parent), selected);
                    }
                }
            });
            out
        });
        let areas = Memo::new(move |_| {
            let (boxes, moving, by) = (boxes.get(), state.moving.get(), state.offset.get());
            let palette = theme.get().palette();
            let selected = store.selection.with(|selection| selection.area);
            store.design.with(|design| {
                let mut out = String::new();
                for area in &design.areas {
                    let members = area.tables.iter().filter_map(|id| {
                        let rect = *boxes.get(id)?;
                        Some(if moving.contains(id) {
                            shifted(rect, by)
                        } else {
                            rect
                        })
                    });
                    if let Some(frame) = area_frame(members) {
                        area_markup(&mut out, area, frame, palette, selected == Some(area.id));
                    }
                }
                out
            })
        });
        let notes = Memo::new(move |_| {
            let (moving_note, by) = (state.moving_note.get(), state.offset.get());
            let palette = theme.get().palette();
            let selected = store.selection.with(|selection| selection.note);
            store.design.with(|design| {
                let mut out = String::new();
                for note in &design.notes {
                    if moving_note == Some(note.id) {
                        let mut moved = note.clone();
                        moved.at = Point::new(note.at.x + by.x, note.at.y + by.y);
                        note_markup(&mut out, &moved, palette, true);
                    } else {
                        note_markup(&mut out, note, palette, selected == Some(note.id));
                    }
                }
                out
            })
        });
        Scene {
            boxes,
            detail,
            areas,
            still_edges,
            table_groups,
            culling,
            notes,
            moving: moving_layer,
            boundary_edges,
        }
    }

    /// The tables whose boxes meet a canvas rectangle.
    pub fn tables_in(&self, area: Rect) -> BTreeSet<TableId> {
        self.boxes.with_untracked(|boxes| {
            boxes
                .iter()
                .filter(|(_, rect)| intersects(**rect, area))
                .map(|(id, _)| *id)
                .collect()
        })
    }

    /// The smallest rectangle holding every table and note, if there is any.
    pub fn bounds(&self, design: &Design) -> Option<Rect> {
        let tables = self
            .boxes
            .with_untracked(|boxes| boxes.values().copied().reduce(Rect::union));
        design
            .notes
            .iter()
            .map(|note| {
                let size = relvar_layout::draw::note_size(note);
                Rect {
                    x: note.at.x,
                    y: note.at.y,
                    width: size.width,
                    height: size.height,
                }
            })
            .fold(tables, |all, rect| {
                Some(all.map_or(rect, |all| all.union(rect)))
            })
    }
}
