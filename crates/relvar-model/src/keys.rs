//! What a table's keys guarantee: the column sets it keeps unique, and the cardinality of a
//! relationship that follows from them and from nullability. Canvas, Mermaid, review and
//! normalization all ask here, so one foreign key never shows two cardinalities.

use crate::design::ForeignKey;
use crate::ids::ColumnId;
use crate::table::{Index, IndexKey, Table};

/// The fewest rows an end of a relationship can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minimum {
    Zero,
    One,
}

/// The most rows an end of a relationship can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Maximum {
    One,
    Many,
}

/// How many rows one end of a relationship has per row of the other end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cardinality {
    pub min: Minimum,
    pub max: Maximum,
}

impl Cardinality {
    /// The notation's name: one, zero-or-one, one-or-many, zero-or-many.
    pub fn name(self) -> &'static str {
        match (self.min, self.max) {
            (Minimum::One, Maximum::One) => "one",
            (Minimum::Zero, Maximum::One) => "zero-or-one",
            (Minimum::One, Maximum::Many) => "one-or-many",
            (Minimum::Zero, Maximum::Many) => "zero-or-many",
        }
    }
}

/// What the model says about a relationship's two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationshipEnds {
    /// Parents per child row: exactly one when every referencing column is NOT NULL, else zero
    /// or one.
    pub parent: Cardinality,
    /// Children per parent row: zero or one when the referencing columns are a unique key of the
    /// child, else zero or many.
    pub child: Cardinality,
    /// The foreign key lies inside the child's primary key.
    pub identifying: bool,
}

/// Whether two column lists hold the same columns, in any order.
pub fn same_columns(a: &[ColumnId], b: &[ColumnId]) -> bool {
    a.len() == b.len() && a.iter().all(|column| b.contains(column))
}

impl Index {
    /// Every column the index holds: its key columns in order, then its INCLUDE columns.
    pub fn columns(&self) -> impl Iterator<Item = ColumnId> + '_ {
        self.key_columns().chain(self.include.iter().copied())
    }

    /// Whether the index keeps its key columns unique over every row: unique, without a
    /// predicate, and every part a whole column (no expression, no prefix).
    pub fn is_unique_key(&self) -> bool {
        self.unique
            && self.predicate.is_none()
            && self
                .parts
                .iter()
                .all(|part| matches!(part.key, IndexKey::Column(_)) && part.prefix.is_none())
    }
}

impl Table {
    /// The column sets the table keeps unique, each as declared: its primary key, its unique
    /// constraints, then its unique indexes over whole columns without a predicate.
    pub fn unique_keys(&self) -> Vec<Vec<ColumnId>> {
        let primary = self.primary_key.iter().map(|key| key.columns.clone());
        let uniques = self.uniques.iter().map(|unique| unique.columns.clone());
        let indexes = self
            .indexes
            .iter()
            .filter(|index| index.is_unique_key())
            .map(|index| index.key_columns().collect());
        primary.chain(uniques).chain(indexes).collect()
    }

    /// Whether these columns, in any order, are one of the table's unique keys.
    pub fn is_unique_key(&self, columns: &[ColumnId]) -> bool {
        let primary = self.primary_key.iter().map(|key| key.columns.as_slice());
        let uniques = self.uniques.iter().map(|unique| unique.columns.as_slice());
        primary.chain(uniques).any(|key| same_columns(key, columns))
            || self.indexes.iter().any(|index| {
                index.is_unique_key()
                    && index.parts.len() == columns.len()
                    && index.key_columns().all(|column| columns.contains(&column))
            })
    }

    /// Both ends of a foreign key whose referencing side is this table, from the nullability
    /// and uniqueness of its referencing columns.
    pub fn relationship_ends(&self, foreign_key: &ForeignKey) -> RelationshipEnds {
        let columns = &foreign_key.from_columns;
        let all_not_null = columns.iter().all(|id| {
            self.columns
                .iter()
                .any(|column| column.id == *id && !column.nullable)
        });
        let identifying = !columns.is_empty()
            && columns
                .iter()
                .all(|column| self.is_primary_key_column(*column));
        RelationshipEnds {
            parent: Cardinality {
                min: if all_not_null {
                    Minimum::One
                } else {
                    Minimum::Zero
                },
                max: Maximum::One,
            },
            child: Cardinality {
                min: Minimum::Zero,
                max: if self.is_unique_key(columns) {
                    Maximum::One
                } else {
                    Maximum::Many
                },
            },
            identifying,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{ForeignKeyId, TableId};
    use crate::table::{Column, IndexPart, PrimaryKey, UniqueConstraint};
    use crate::{Deferral, ReferentialAction};

    fn table() -> Table {
        let mut table = Table::new(TableId(0), None, "t");
        for (id, name) in ["a", "b", "c", "d"].iter().enumerate() {
            let mut column = Column::new(ColumnId(id as u32 + 1), *name, "int");
            column.nullable = id == 3;
            table.columns.push(column);
        }
        table.primary_key = Some(PrimaryKey {
            name: None,
            columns: vec![ColumnId(1)],
        });
        table.uniques.push(UniqueConstraint {
            name: None,
            columns: vec![ColumnId(2), ColumnId(3)],
        });
        table
    }

    fn unique_index(columns: &[u32]) -> Index {
        let columns: Vec<ColumnId> = columns.iter().map(|id| ColumnId(*id)).collect();
        Index {
            unique: true,
            ..Index::on_columns(&columns)
        }
    }

    fn references(columns: &[u32]) -> ForeignKey {
        ForeignKey {
            id: ForeignKeyId(9),
            name: None,
            from_table: TableId(0),
            from_columns: columns.iter().map(|id| ColumnId(*id)).collect(),
            to_table: TableId(5),
            to_columns: columns.iter().map(|id| ColumnId(*id + 10)).collect(),
            on_delete: ReferentialAction::NoAction,
            on_update: ReferentialAction::NoAction,
            deferral: Deferral::NotDeferrable,
        }
    }

    #[test]
    fn unique_keys_are_keys_constraints_and_whole_column_unique_indexes() {
        let mut table = table();
        table.indexes.push(unique_index(&[4]));
        let mut partial = unique_index(&[3]);
        partial.predicate = Some("d IS NULL".into());
        table.indexes.push(partial);
        let mut prefix = unique_index(&[2]);
        if let Some(part) = prefix.parts.first_mut() {
            part.prefix = Some(4);
        }
        table.indexes.push(prefix);
        let mut expression = unique_index(&[3]);
        expression.parts.push(IndexPart {
            key: IndexKey::Expression("lower(x)".into()),
            prefix: None,
            descending: false,
            operator_class: None,
            collation: None,
        });
        table.indexes.push(expression);
        let ids = |ids: &[u32]| ids.iter().map(|id| ColumnId(*id)).collect::<Vec<_>>();
        assert_eq!(
            table.unique_keys(),
            vec![ids(&[1]), ids(&[2, 3]), ids(&[4])]
        );
        assert!(table.is_unique_key(&ids(&[3, 2])) && table.is_unique_key(&ids(&[4])));
        assert!(!table.is_unique_key(&ids(&[3])) && !table.is_unique_key(&ids(&[2])));
        assert!(!table.is_unique_key(&[]));
    }

    #[test]
    fn cardinality_follows_nullability_uniqueness_and_the_primary_key() {
        let table = table();
        let one_to_one = table.relationship_ends(&references(&[1]));
        assert_eq!(one_to_one.parent.name(), "one");
        assert_eq!(one_to_one.child.name(), "zero-or-one");
        assert!(one_to_one.identifying);
        let optional_many = table.relationship_ends(&references(&[3, 4]));
        assert_eq!(optional_many.parent.name(), "zero-or-one");
        assert_eq!(optional_many.child.name(), "zero-or-many");
        assert!(!optional_many.identifying);
        assert!(!table.relationship_ends(&references(&[])).identifying);
    }
}
