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
}
