//! What the user has selected on the canvas: tables, or one relationship, note or area.

use std::collections::BTreeSet;

use relvar_model::{AreaId, Design, ForeignKeyId, NoteId, TableId};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub tables: BTreeSet<TableId>,
    pub foreign_key: Option<ForeignKeyId>,
    pub note: Option<NoteId>,
    pub area: Option<AreaId>,
}

impl Selection {
    pub fn of_tables(tables: impl IntoIterator<Item = TableId>) -> Self {
        Self {
            tables: tables.into_iter().collect(),
            ..Self::default()
        }
    }

    pub fn of_foreign_key(id: ForeignKeyId) -> Self {
        Self {
            foreign_key: Some(id),
            ..Self::default()
        }
    }

    pub fn of_note(id: NoteId) -> Self {
        Self {
            note: Some(id),
            ..Self::default()
        }
    }

    pub fn of_area(id: AreaId) -> Self {
        Self {
            area: Some(id),
            ..Self::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
            && self.foreign_key.is_none()
            && self.note.is_none()
            && self.area.is_none()
    }

    /// The one table selected, when exactly one is.
    pub fn single_table(&self) -> Option<TableId> {
        let mut tables = self.tables.iter();
        match (tables.next(), tables.next()) {
            (Some(table), None) => Some(*table),
            _ => None,
        }
    }

    /// Adds the table, or takes it out when it is already selected (Shift/Ctrl click).
    pub fn toggled(&self, table: TableId) -> Self {
        let mut tables = self.tables.clone();
        if !tables.remove(&table) {
            tables.insert(table);
        }
        Self::of_tables(tables)
    }

    /// The selection without what no longer exists in the design.
    pub fn still_in(&self, design: &Design) -> Self {
        Self {
            tables: self
                .tables
                .iter()
                .copied()
                .filter(|id| design.table(*id).is_some())
                .collect(),
            foreign_key: self
                .foreign_key
                .filter(|id| design.foreign_key(*id).is_some()),
            note: self.note.filter(|id| design.note(*id).is_some()),
            area: self.area.filter(|id| design.area(*id).is_some()),
        }
    }
}
