//! Typed identifiers for the objects of a design, and the allocator that hands them out.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);
    };
}

typed_id!(
    /// Identifies a table for the life of a design, whatever it is renamed to.
    TableId
);
typed_id!(
    /// Identifies a column across the whole design (not only within its table).
    ColumnId
);
typed_id!(
    /// Identifies a foreign key relationship.
    ForeignKeyId
);
typed_id!(
    /// Identifies a note on the canvas.
    NoteId
);
typed_id!(
    /// Identifies a subject area (a coloured group of tables).
    AreaId
);

/// Hands out identifiers that are never reused within one design.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdAllocator {
    next: u32,
}

impl IdAllocator {
    fn take(&mut self) -> u32 {
        let id = self.next;
        self.next = self.next.saturating_add(1);
        id
    }

    pub fn table(&mut self) -> TableId {
        TableId(self.take())
    }

    pub fn column(&mut self) -> ColumnId {
        ColumnId(self.take())
    }

    pub fn foreign_key(&mut self) -> ForeignKeyId {
        ForeignKeyId(self.take())
    }

    pub fn note(&mut self) -> NoteId {
        NoteId(self.take())
    }

    pub fn area(&mut self) -> AreaId {
        AreaId(self.take())
    }

    /// Makes sure the next id handed out is greater than `used`.
    pub fn ensure_above(&mut self, used: u32) {
        self.next = self.next.max(used.saturating_add(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ensure_above_only_ever_raises_the_next_id() {
        let mut ids = IdAllocator::default();
        ids.ensure_above(7);
        assert_eq!(ids.table(), TableId(8));
        ids.ensure_above(3);
        assert_eq!(ids.note(), NoteId(9));
        ids.ensure_above(9);
        assert_eq!(ids.area(), AreaId(10));
    }
}
