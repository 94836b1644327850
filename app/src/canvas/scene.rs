//! What the canvas draws, as SVG text per layer, from the shared drawing code. Near enough to
//! show names or rows only tables near the view are drawn; far out every table is one element
//! and every line part of one path, all drawn, so moving the view there changes no markup. The
//! tables being dragged are drawn once in their own layer that moves as a whole, so a drag frame
//! redraws only the edges that join them to the rest.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use leptos::prelude::*;
use relvar_layout::draw::{
    ChangeMarks, Detail, DrawnTable, RelationshipPlan, RelationshipStyle, TableBadge, TableFacts,
    TableStyle, Theme, area_frame, area_markup, design_facts, drawn_boxes, far_lines_markup,
    note_markup, relationship_plan, relationship_plan_around, relationship_route, table_markup,
};
use relvar_layout::{EdgeRoute, KeptRoutes, Rect};
use relvar_model::{ColumnId, Design, Point, Table, TableId};

use super::kept_markup::{KeptMarkup, Keyed};
use super::lens::Lens;
use super::review_marks::{Marks, marks_of};
use super::state::CanvasState;
use crate::comparing::TableChanges;
use crate::store::Store;

type Boxes = Arc<HashMap<TableId, Rect>>;

/// The layers' markup, each recomputed only when what it shows changes.
#[derive(Debug, Clone, Copy)]
pub struct Scene {
    /// The part of the design drawn.
    pub lens: Lens,
    /// Each table's box at its saved position, as drawn.
    pub boxes: Memo<Boxes>,
    pub detail: Memo<Detail>,
    pub areas: Memo<String>,
    /// The relationships not being dragged, in [`GROUPS`] groups drawn apart by id, as the
    /// tables are.
    pub edge_groups: [Memo<Vec<Keyed>>; GROUPS],
    /// The tables at rest, in [`GROUPS`] groups drawn apart, each table in its own element.
    pub table_groups: [Memo<Vec<Keyed>>; GROUPS],
    /// The part of the canvas drawn, when not all of it is.
    pub culling: Memo<Option<Rect>>,
    pub notes: Memo<String>,
    pub moving: Memo<String>,
    pub boundary_edges: Memo<String>,
}

/// The id of the one element that holds every far-out line.
const FAR_LINES: u32 = u32::MAX;

/// The tables and the relationships are each drawn as this many groups, an item in group
/// `id % GROUPS`, so that a change to a few of them (a click that selects one, the start of a
/// drag, an edit) redraws and moves elements only in their groups rather than all in view.
pub const GROUPS: usize = 32;

/// The group of a table or relationship by its id.
fn group_of_id(id: u32) -> usize {
    id as usize % GROUPS
}

fn group_of(table: TableId) -> usize {
    group_of_id(table.0)
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

/// Everything one table's markup is drawn from on the canvas.
#[derive(Debug, Clone, PartialEq)]
struct TablePlan {
    table: Table,
    facts: TableFacts,
    at: Point,
    theme: Theme,
    detail: Detail,
    selected: bool,
    badge: Option<TableBadge>,
    highlight: Option<Vec<ColumnId>>,
    change: Option<TableChanges>,
}

impl TablePlan {
    fn markup(&self, out: &mut String) {
        let style = TableStyle {
            palette: self.theme.palette(),
            detail: self.detail,
            selected: self.selected,
            interactive: true,
            badge: self.badge,
            highlight: self.highlight.as_deref(),
            change: self
                .change
                .as_ref()
                .map_or_else(ChangeMarks::default, |change| ChangeMarks {
                    table: change.table,
                    columns: &change.columns,
                }),
        };
        table_markup(out, &self.table, &self.facts, self.at, style);
    }
}

/// Markup kept between redraws, shared by the memo that redraws it.
type Kept<Plan> = Arc<Mutex<KeptMarkup<Plan>>>;

fn kept<Plan: PartialEq>() -> Kept<Plan> {
    Arc::new(Mutex::new(KeptMarkup::default()))
}

struct Painter<'a> {
    design: &'a Design,
    facts: &'a HashMap<TableId, TableFacts>,
    fallback: TableFacts,
    theme: Theme,
    detail: Detail,
    /// The boxes relationship lines go around.
    obstacles: Vec<Rect>,
    /// The part of the canvas drawn, when not all of it is.
    clip: Option<Rect>,
}

impl<'a> Painter<'a> {
    /// Lines are drawn within `region` when one is given (the culled part of the canvas), going
    /// around every table box meeting it (only where rows are drawn; farther out lines go
    /// around nothing), with the moving tables moved by `by`, or left out.
    fn draw_lines_within(
        &mut self,
        region: Option<Rect>,
        boxes: &HashMap<TableId, Rect>,
        moving: &BTreeSet<TableId>,
        by: Option<Point>,
    ) {
        self.clip = region;
        let Some(region) = region.filter(|_| self.detail == Detail::Full) else {
            return;
        };
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

    fn table_plan(&self, table: &Table, at: Point, selected: bool, marks: &Marks) -> TablePlan {
        TablePlan {
            table: table.clone(),
            facts: self.facts_of(table.id).clone(),
            at,
            theme: self.theme,
            detail: self.detail,
            selected,
            badge: marks.badge(table.id),
            highlight: marks.highlight(table.id).map(<[ColumnId]>::to_vec),
            change: marks.changes(table.id).cloned(),
        }
    }

    fn table(&self, out: &mut String, table: &Table, at: Point, selected: bool, marks: &Marks) {
        self.table_plan(table, at, selected, marks).markup(out);
    }

    /// Every table by its id, for drawing many lines.
    fn tables_by_id(&self) -> HashMap<TableId, &'a Table> {
        self.design
            .tables
            .iter()
            .map(|table| (table.id, table))
            .collect()
    }

    /// A line's tables and its route between them at their drawn places.
    fn route(
        &self,
        tables: &HashMap<TableId, &'a Table>,
        foreign_key: &relvar_model::ForeignKey,
    ) -> Option<([&'a Table; 2], EdgeRoute)> {
        let child = *tables.get(&foreign_key.from_table)?;
        let parent = *tables.get(&foreign_key.to_table)?;
        let drawn = |table: &'a Table| DrawnTable {
            table,
            facts: self.facts_of(table.id),
            at: self.design.position(table.id),
        };
        let route = relationship_route(foreign_key, drawn(child), drawn(parent));
        Some(([child, parent], route))
    }

    /// A line's plan with its way around boxes kept by `routes` (see [`KeptRoutes`]).
    fn kept_edge_plan(
        &self,
        routes: &mut KeptRoutes,
        tables: &HashMap<TableId, &'a Table>,
        foreign_key: &relvar_model::ForeignKey,
        selected: bool,
    ) -> Option<RelationshipPlan> {
        let (ends, path) = self.route(tables, foreign_key)?;
        let style = RelationshipStyle {
            palette: self.theme.palette(),
            detail: self.detail,
            selected,
            obstacles: &[],
            clip: self.clip,
        };
        let corners = if self.detail == Detail::Boxes {
            None
        } else {
            routes.corners(foreign_key.id.0, &path)
        };
        Some(relationship_plan_around(
            foreign_key,
            ends,
            path,
            corners,
            style,
        ))
    }

    fn edge_plan(
        &self,
        foreign_key: &relvar_model::ForeignKey,
        child_at: Point,
        parent_at: Point,
        selected: bool,
    ) -> Option<RelationshipPlan> {
        let child = self.design.table(foreign_key.from_table)?;
        let parent = self.design.table(foreign_key.to_table)?;
        let style = RelationshipStyle {
            palette: self.theme.palette(),
            detail: self.detail,
            selected,
            obstacles: &self.obstacles,
            clip: self.clip,
        };
        let drawn = |table: &'a Table, at| DrawnTable {
            table,
            facts: self.facts_of(table.id),
            at,
        };
        Some(relationship_plan(
            foreign_key,
            drawn(child, child_at),
            drawn(parent, parent_at),
            style,
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
        if let Some(plan) = self.edge_plan(foreign_key, child_at, parent_at, selected) {
            plan.markup(out);
        }
    }
}

impl Scene {
    pub fn new(store: Store, state: CanvasState, lens: Lens, theme: Memo<Theme>) -> Self {
        let facts = Memo::new(move |_| Arc::new(lens.with(design_facts)));
        let boxes = Memo::new(move |_| {
            let facts = facts.get();
            Arc::new(lens.with(|design| drawn_boxes(design, &facts)))
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
            lens.with(|design| {
                let mut painter = Painter {
                    design,
                    facts: &facts,
                    fallback: TableFacts::default(),
                    theme: theme.get(),
                    detail: detail.get(),
                    obstacles: Vec::new(),
                    clip: None,
                };
                draw(&mut painter);
            });
        };

        // The lines follow only which relationship is selected, not the rest of the selection.
        let selected_foreign_key =
            Memo::new(move |_| store.selection.with(|selection| selection.foreign_key));
        let table_groups: [Memo<Vec<Keyed>>; GROUPS] = std::array::from_fn(|group| {
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
            let kept = kept::<TablePlan>();
            Memo::new(move |_| {
                let (culling, boxes) = (culling.get(), boxes.get());
                let (selected, moving, marks) = (selected.get(), moving.get(), marks.get());
                let mut drawn = Vec::new();
                let mut kept = kept.lock().unwrap_or_else(PoisonError::into_inner);
                kept.begin();
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
                            let plan = painter.table_plan(table, at, selected, &marks);
                            drawn.push(kept.markup(table.id.0, plan, TablePlan::markup));
                        }
                    }
                });
                kept.end();
                drawn
            })
        });
        let kept_edges = kept::<RelationshipPlan>();
        let kept_routes = Arc::new(Mutex::new(KeptRoutes::new()));
        let still_edges = Memo::new(move |_| {
            let (culling, boxes, moving) = (culling.get(), boxes.get(), state.moving.get());
            let mut drawn = Vec::new();
            let selected_fk = selected_foreign_key.get();
            let mut kept = kept_edges.lock().unwrap_or_else(PoisonError::into_inner);
            let mut routes = kept_routes.lock().unwrap_or_else(PoisonError::into_inner);
            kept.begin();
            paint(&mut |painter| {
                painter.draw_lines_within(culling, &boxes, &moving, None);
                routes.begin(&painter.obstacles);
                let tables = painter.tables_by_id();
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
                    if far && !selected {
                        far_routes
                            .extend(painter.route(&tables, foreign_key).map(|(_, route)| route));
                    } else if let Some(plan) =
                        painter.kept_edge_plan(&mut routes, &tables, foreign_key, selected)
                    {
                        drawn.push(kept.markup(foreign_key.id.0, plan, RelationshipPlan::markup));
                    }
                }
                if !far_routes.is_empty() {
                    let mut markup = String::new();
                    far_lines_markup(&mut markup, &far_routes, painter.theme.palette());
                    drawn.push(Keyed::new(FAR_LINES, markup));
                }
            });
            routes.end();
            kept.end();
            drawn
        });
        let edge_groups: [Memo<Vec<Keyed>>; GROUPS] = std::array::from_fn(|group| {
            Memo::new(move |_| {
                still_edges.with(|all| {
                    all.iter()
                        .filter(|drawn| group_of_id(drawn.id) == group)
                        .cloned()
                        .collect()
                })
            })
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
                painter.draw_lines_within(culling, &boxes, &moving, Some(by));
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
            lens.with(|design| {
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
            lens.with(|design| {
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
            lens,
            boxes,
            detail,
            areas,
            edge_groups,
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
