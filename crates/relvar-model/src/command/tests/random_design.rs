//! Random designs for the property test of the commands, and the consistency every edit keeps.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::annotation::{Note, SubjectArea};
use crate::dependency::{DeclaredDependency, DependencyKind};
use crate::design::{Design, EnumType, ForeignKey, Point, ReferentialAction};
use crate::ids::{ColumnId, ForeignKeyId};
use crate::table::{Column, Index, IndexKey, IndexPart, PrimaryKey, Table, UniqueConstraint};

/// A random design: tables with columns, a primary key, a unique constraint and an index;
/// a declared dependency; foreign keys between them, an enum used by a column, a note, a subject area, some placed and
/// collapsed tables.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    tables: Vec<(usize, usize)>,
    links: Vec<(u8, u8, usize)>,
    members: u8,
}

pub(super) fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::collection::vec((1..5usize, 0..3usize), 2..5),
        prop::collection::vec((any::<u8>(), any::<u8>(), 1..3usize), 0..5),
        any::<u8>(),
    )
        .prop_map(|(tables, links, members)| Shape {
            tables,
            links,
            members,
        })
}

pub(super) fn build(shape: &Shape) -> Design {
    let mut design = Design::default();
    design.enums.push(EnumType {
        schema: Some("public".into()),
        name: "mood".into(),
        values: vec!["G".into(), "R".into()],
    });
    for (position, (column_count, key_length)) in shape.tables.iter().enumerate() {
        let mut table = Table::new(
            design.ids.table(),
            Some("public".into()),
            format!("t{position}"),
        );
        for column in 0..*column_count {
            let data_type = if column == 1 { "mood" } else { "integer" };
            let id = design.ids.column();
            table
                .columns
                .push(Column::new(id, format!("c{column}"), data_type));
        }
        let key: Vec<ColumnId> = table
            .columns
            .iter()
            .take(*key_length)
            .map(|c| c.id)
            .collect();
        for column in table.columns.iter_mut().take(*key_length) {
            column.nullable = false;
        }
        if let [first, .., last] = table.columns.as_slice() {
            table.uniques.push(UniqueConstraint {
                name: None,
                columns: vec![last.id],
            });
            table.indexes.push(Index {
                name: Some(format!("t{position}_idx")),
                unique: false,
                method: None,
                parts: vec![IndexPart {
                    key: IndexKey::Column(last.id),
                    prefix: None,
                    descending: false,
                }],
                include: vec![first.id],
                predicate: None,
            });
        }
        if let [.., before_last, last] = table.columns.as_slice() {
            table.dependencies.push(DeclaredDependency {
                kind: DependencyKind::Functional,
                lhs: vec![before_last.id],
                rhs: vec![last.id],
            });
        }
        table.primary_key = (!key.is_empty()).then_some(PrimaryKey {
            name: None,
            columns: key,
        });
        if position % 2 == 0 {
            design
                .layout
                .positions
                .insert(table.id, Point::new(position as f64 * 10.0, 0.0));
        }
        if position == 1 {
            design.layout.collapsed.insert(table.id);
        }
        design.tables.push(table);
    }
    for (from, to, length) in &shape.links {
        let from = &design.tables[*from as usize % design.tables.len()];
        let to = &design.tables[*to as usize % design.tables.len()];
        let length = (*length).min(from.columns.len()).min(to.columns.len());
        if length == 0 {
            continue;
        }
        let foreign_key = ForeignKey {
            id: ForeignKeyId(0),
            name: None,
            from_table: from.id,
            from_columns: from.columns.iter().take(length).map(|c| c.id).collect(),
            to_table: to.id,
            to_columns: to.columns.iter().take(length).map(|c| c.id).collect(),
            on_delete: ReferentialAction::NoAction,
            on_update: ReferentialAction::NoAction,
            deferral: Default::default(),
        };
        let id = design.ids.foreign_key();
        design.foreign_keys.push(ForeignKey { id, ..foreign_key });
    }
    let members = design
        .tables
        .iter()
        .enumerate()
        .filter(|(position, _)| shape.members & (1 << position) != 0)
        .map(|(_, table)| table.id)
        .collect();
    let area = design.ids.area();
    design.areas.push(SubjectArea {
        id: area,
        name: "Core".into(),
        colour: "#3b6fd8".into(),
        tables: members,
    });
    let note = design.ids.note();
    design.notes.push(Note {
        id: note,
        text: "hello".into(),
        at: Point::new(1.0, 1.0),
        colour: None,
    });
    design
}

/// Ids are unique and every reference resolves ([`Design::check_references`]), and enum types
/// have distinct qualified names.
pub(super) fn check_consistent(design: &Design) -> Result<(), TestCaseError> {
    if let Err(inconsistency) = design.check_references() {
        return Err(TestCaseError::fail(inconsistency));
    }
    let enums: BTreeSet<String> = design.enums.iter().map(EnumType::qualified_name).collect();
    prop_assert_eq!(enums.len(), design.enums.len());
    Ok(())
}
