//! The review's marks on the canvas tables: each table's badge and the outline of what the
//! selected finding concerns, split by the scene's table groups so that a change redraws only
//! the groups it touches.

use std::collections::BTreeMap;

use leptos::prelude::*;
use relvar_layout::draw::TableBadge;
use relvar_model::{ColumnId, TableId};

use crate::review::{Highlight, Review};

/// The marks of some tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    badges: BTreeMap<TableId, TableBadge>,
    highlight: Highlight,
}

impl Marks {
    pub fn badge(&self, table: TableId) -> Option<TableBadge> {
        self.badges.get(&table).copied()
    }

    /// The highlighted columns of a table the selected finding concerns.
    pub fn highlight(&self, table: TableId) -> Option<&[ColumnId]> {
        self.highlight.get(&table).map(Vec::as_slice)
    }
}

/// The marks of the tables `keep` accepts, following the review (none without one).
pub fn marks_of(keep: impl Fn(TableId) -> bool + Send + Sync + 'static) -> Memo<Marks> {
    let review = use_context::<Review>();
    Memo::new(move |_| {
        let Some(review) = review else {
            return Marks::default();
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
        Marks { badges, highlight }
    })
}
