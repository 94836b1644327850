//! The marks on the canvas tables: the review's (each table's badge and the outline of what the
//! selected finding concerns) and the shown comparison's (tables and columns added or changed
//! since a version), split by the scene's table groups so that a change redraws only the groups
//! it touches.

use std::collections::BTreeMap;

use leptos::prelude::*;
use relvar_layout::draw::TableBadge;
use relvar_model::{ColumnId, TableId};

use crate::comparing::{Comparing, TableChanges};
use crate::review::{Highlight, Review};

/// The marks of some tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    badges: BTreeMap<TableId, TableBadge>,
    highlight: Highlight,
    changes: BTreeMap<TableId, TableChanges>,
}

impl Marks {
    pub fn badge(&self, table: TableId) -> Option<TableBadge> {
        self.badges.get(&table).copied()
    }

    /// The highlighted columns of a table the selected finding concerns.
    pub fn highlight(&self, table: TableId) -> Option<&[ColumnId]> {
        self.highlight.get(&table).map(Vec::as_slice)
    }

    /// What the shown comparison marks on a table.
    pub fn changes(&self, table: TableId) -> Option<&TableChanges> {
        self.changes.get(&table)
    }
}

/// The marks of the tables `keep` accepts, following the review and the shown comparison (none
/// without them).
pub fn marks_of(keep: impl Fn(TableId) -> bool + Send + Sync + 'static) -> Memo<Marks> {
    let review = use_context::<Review>();
    let comparing = use_context::<Comparing>();
    Memo::new(move |_| {
        let changes = comparing.map_or_else(BTreeMap::new, |comparing| {
            comparing.marks.with(|marks| {
                marks
                    .iter()
                    .filter(|(table, _)| keep(**table))
                    .map(|(table, changes)| (*table, changes.clone()))
                    .collect()
            })
        });
        let Some(review) = review else {
            return Marks {
                changes,
                ..Marks::default()
            };
        };
        let badges = review.badges.with(|badges| {
            badges
                .iter()
                .filter(|(table, _)| keep(**table))
                .map(|(table, badge)| (*table, *badge))
                .collect()
        });
        let highlight = review.highlight.with(|highlight| {
            highlight
                .iter()
                .filter(|(table, _)| keep(**table))
                .map(|(table, columns)| (*table, columns.clone()))
                .collect()
        });
        Marks {
            badges,
            highlight,
            changes,
        }
    })
}
