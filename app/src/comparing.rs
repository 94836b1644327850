//! The comparison on show: what the Versions panel last compared with the design now, the marks
//! it puts on the canvas's tables and columns, the zip of its files, and whether the design has
//! changed since.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use relvar_diff::{ChangeMark, Subject};
use relvar_model::{ColumnId, TableId};
use relvar_worker::protocol::Compared;

use crate::store::Store;

/// A comparison's marks on one table of the design now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableChanges {
    /// `added` or `changed`, as the table's own mark.
    pub table: Option<&'static str>,
    pub columns: Vec<(ColumnId, &'static str)>,
}

/// Shared through context.
#[derive(Clone, Copy)]
pub struct Comparing {
    pub shown: RwSignal<Option<Arc<Compared>>>,
    /// The zip of the shown comparison's files, when it has several.
    pub zip: RwSignal<Option<Arc<Vec<u8>>>>,
    pub busy: RwSignal<bool>,
    pub error: RwSignal<Option<String>>,
    /// The design was edited after the shown comparison was made.
    pub stale: RwSignal<bool>,
    pub marks: Memo<Arc<BTreeMap<TableId, TableChanges>>>,
}

impl Comparing {
    /// Provides the comparison state; an edit of `store`'s design after a comparison marks it
    /// out of date.
    pub fn install(store: Store) -> Self {
        let shown: RwSignal<Option<Arc<Compared>>> = RwSignal::new(None);
        let marks = Memo::new(move |_| {
            Arc::new(shown.with(|shown| shown.as_deref().map(marks_of).unwrap_or_default()))
        });
        let comparing = Self {
            shown,
            zip: RwSignal::new(None),
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            stale: RwSignal::new(false),
            marks,
        };
        Effect::new(move |_| {
            store.design.track();
            if shown.with_untracked(Option::is_some) {
                comparing.stale.set(true);
            }
        });
        provide_context(comparing);
        comparing
    }

    pub fn show(&self, comparison: Compared, zip: Option<Vec<u8>>) {
        self.zip.set(zip.map(Arc::new));
        self.shown.set(Some(Arc::new(comparison)));
        self.stale.set(false);
        self.error.set(None);
    }

    pub fn clear(&self) {
        self.shown.set(None);
        self.zip.set(None);
        self.stale.set(false);
    }
}

/// Per table of the newer design: added when the comparison adds it, else changed when anything
/// of it changed; its added and changed columns.
fn marks_of(comparison: &Compared) -> BTreeMap<TableId, TableChanges> {
    let mut marks: BTreeMap<TableId, TableChanges> = BTreeMap::new();
    for change in &comparison.changes {
        let Some(table) = change.table else { continue };
        let entry = marks.entry(table).or_default();
        if change.subject == Subject::Table && change.mark == ChangeMark::Added {
            entry.table = Some(ChangeMark::Added.id());
        } else if entry.table.is_none() {
            entry.table = Some(ChangeMark::Changed.id());
        }
        if let Some(column) = change.column
            && change.mark != ChangeMark::Removed
        {
            entry.columns.push((column, change.mark.id()));
        }
    }
    marks
}
