//! What the canvas shows: the whole design, a focus view (a table and its neighbours within one or
//! two relationships, laid out on their own) or a saved view (its tables at its own positions),
//! and the design as that view draws it. Moving tables in a view moves them in the view only.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use relvar_layout::Viewport;
use relvar_model::{Command, Design, Point, SavedView, TableId, drawn_alone, neighbourhood};

use crate::store::Store;

/// Which part of the design the canvas shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    Whole,
    /// `table` and every table within `steps` relationships of it.
    Focus { table: TableId, steps: usize },
    /// The saved view of this name.
    Saved(String),
}

/// The focus view's layout, kept while its members stay the same, so an edit that changes no
/// membership does not lay it out again.
#[derive(Debug, Default)]
struct FocusLayout {
    members: BTreeSet<TableId>,
    positions: BTreeMap<TableId, Point>,
}

/// The view the canvas shows; shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Lens {
    pub shown: RwSignal<Shown>,
    /// The design as the view draws it; none while the whole design is shown (it is drawn as
    /// it is, and nothing is computed for views).
    pub drawn: Memo<Option<Arc<Design>>>,
    store: Store,
    focus_layout: StoredValue<FocusLayout>,
    /// Where the focus view's tables were dragged to (a focus view is not saved).
    focus_moves: RwSignal<BTreeMap<TableId, Point>>,
    /// The whole design's view, to go back to.
    whole_view: StoredValue<Option<Viewport>>,
}

/// The design's saved views with `change` made to them, as one command.
pub fn saved_views_changed(store: Store, change: impl FnOnce(&mut Vec<SavedView>)) -> Command {
    let mut views = store
        .design
        .with_untracked(|design| design.saved_views.clone());
    change(&mut views);
    Command::SetSavedViews { views }
}

/// The focus view's tables laid out as a graph of their own.
fn laid_out(design: &Design, members: &BTreeSet<TableId>) -> BTreeMap<TableId, Point> {
    let mut alone = drawn_alone(design, members, &BTreeMap::new());
    alone.layout.positions.clear();
    relvar_layout::lay_out_unplaced(&mut alone);
    alone.layout.positions
}

impl Lens {
    pub fn new(store: Store) -> Self {
        let shown = RwSignal::new(Shown::Whole);
        let focus_layout = StoredValue::new(FocusLayout::default());
        let focus_moves = RwSignal::new(BTreeMap::new());
        let drawn = Memo::new(move |_| match shown.get() {
            Shown::Whole => None,
            Shown::Focus { table, steps } => store.design.with(|design| {
                let members = neighbourhood(design, table, steps);
                if members.is_empty() {
                    return None;
                }
                let mut positions = focus_layout
                    .with_value(|kept| (kept.members == members).then(|| kept.positions.clone()));
                if positions.is_none() {
                    let fresh = laid_out(design, &members);
                    focus_layout.set_value(FocusLayout {
                        members: members.clone(),
                        positions: fresh.clone(),
                    });
                    positions = Some(fresh);
                }
                let mut positions = positions.unwrap_or_default();
                focus_moves.with(|moves| positions.extend(moves));
                Some(Arc::new(drawn_alone(design, &members, &positions)))
            }),
            Shown::Saved(name) => store.design.with(|design| {
                let view = design.saved_views.iter().find(|view| view.name == name)?;
                Some(Arc::new(drawn_alone(
                    design,
                    &view.members(),
                    &view.positions,
                )))
            }),
        });
        // A view whose tables are all gone (its table deleted, the view deleted) gives way to the
        // whole design.
        Effect::new(move |_| {
            if drawn.with(Option::is_none) && shown.with_untracked(|shown| *shown != Shown::Whole) {
                shown.set(Shown::Whole);
            }
        });
        Self {
            shown,
            drawn,
            store,
            focus_layout,
            focus_moves,
            whole_view: StoredValue::new(None),
        }
    }

    /// Calls `f` with the design as the canvas draws it, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&Design) -> R) -> R {
        self.drawn.with(|drawn| match drawn {
            Some(design) => f(design),
            None => self.store.design.with(f),
        })
    }

    /// As [`Lens::with`], without tracking.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Design) -> R) -> R {
        self.drawn.with_untracked(|drawn| match drawn {
            Some(design) => f(design),
            None => self.store.design.with_untracked(f),
        })
    }

    /// Whether a part of the design is shown rather than all of it.
    pub fn is_partial(&self) -> bool {
        self.shown.with_untracked(|shown| *shown != Shown::Whole)
    }

    /// Shows another view; `whole_view` is the viewport the whole design was shown at, kept
    /// for going back, when leaving it.
    pub fn show(&self, shown: Shown, current_view: Viewport) -> Option<Viewport> {
        let before = self.shown.get_untracked();
        if before == shown {
            return None;
        }
        if before == Shown::Whole {
            self.whole_view.set_value(Some(current_view));
        }
        self.focus_moves.set(BTreeMap::new());
        self.focus_layout.set_value(FocusLayout::default());
        self.shown.set(shown.clone());
        if shown == Shown::Whole {
            self.whole_view.with_value(|view| *view)
        } else {
            None
        }
    }

    /// Moves tables by `by` in the view shown: in a focus view until it is left, in a saved
    /// view as one undoable edit of it. False when the whole design is shown (the caller moves
    /// them in the design).
    pub fn move_tables(&self, tables: &BTreeSet<TableId>, by: Point) -> bool {
        let shown = self.shown.get_untracked();
        if shown == Shown::Whole {
            return false;
        }
        let moved: BTreeMap<TableId, Point> = self.with_untracked(|design| {
            tables
                .iter()
                .filter_map(|table| {
                    let at = design.layout.positions.get(table)?;
                    Some((*table, Point::new(at.x + by.x, at.y + by.y)))
                })
                .collect()
        });
        match shown {
            Shown::Whole => {}
            Shown::Focus { .. } => self.focus_moves.update(|moves| moves.extend(moved)),
            Shown::Saved(name) => {
                let _ = self
                    .store
                    .dispatch(saved_views_changed(self.store, |views| {
                        for view in views.iter_mut().filter(|view| view.name == name) {
                            view.positions
                                .extend(moved.iter().map(|(id, at)| (*id, *at)));
                        }
                    }));
            }
        }
        true
    }

    /// Lays the view shown out again as a graph of its own: a focus view forgets where its
    /// tables were dragged, a saved view takes the new places as one undoable edit.
    pub fn lay_out(&self) {
        match self.shown.get_untracked() {
            Shown::Whole => {}
            Shown::Focus { .. } => self.focus_moves.set(BTreeMap::new()),
            Shown::Saved(name) => {
                let positions = self.with_untracked(|drawn| {
                    let members = drawn.tables.iter().map(|table| table.id).collect();
                    laid_out(drawn, &members)
                });
                let _ = self
                    .store
                    .dispatch(saved_views_changed(self.store, |views| {
                        for view in views.iter_mut().filter(|view| view.name == name) {
                            view.positions = positions.clone();
                        }
                    }));
            }
        }
    }

    /// The command that saves the focus view shown as a view named `name`, its tables where
    /// they are drawn now.
    pub fn save_focus(&self, name: &str) -> Option<Command> {
        let Shown::Focus { .. } = self.shown.get_untracked() else {
            return None;
        };
        let view = self.with_untracked(|drawn| SavedView {
            name: name.trim().to_owned(),
            tables: drawn.tables.iter().map(|table| table.id).collect(),
            positions: drawn.layout.positions.clone(),
        });
        Some(saved_views_changed(self.store, |views| views.push(view)))
    }
}
