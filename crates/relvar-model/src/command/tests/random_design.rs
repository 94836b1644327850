//! Random designs for the property test of the commands, and the consistency every edit keeps.

use std::collections::BTreeSet;

use proptest::prelude::*;

use crate::annotation::{Note, SubjectArea};
use crate::dependency::{DeclaredDependency, DependencyKind};
use crate::design::{Design, EnumType, ForeignKey, Point, ReferentialAction};
use crate::ids::{AreaId, ColumnId, ForeignKeyId, NoteId};
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

/// Ids are unique per kind and below the allocator's next; every reference resolves; enum types
/// have distinct qualified names.
pub(super) fn check_consistent(design: &Design) -> Result<(), TestCaseError> {
    let next = design.ids.clone().table().0;
    let mut tables = BTreeSet::new();
    let mut columns = BTreeSet::new();
    for table in &design.tables {
        prop_assert!(tables.insert(table.id) && table.id.0 < next);
        for column in &table.columns {
            prop_assert!(columns.insert(column.id) && column.id.0 < next);
        }
        let has = |id: &ColumnId| table.columns.iter().any(|c| c.id == *id);
        let keys = table.primary_key.iter().flat_map(|k| &k.columns);
        let uniques = table.uniques.iter().flat_map(|u| &u.columns);
        let includes = table.indexes.iter().flat_map(|i| &i.include);
        let dependencies = table
            .dependencies
            .iter()
            .flat_map(|d| d.lhs.iter().chain(&d.rhs));
        prop_assert!(
            keys.chain(uniques)
                .chain(includes)
                .chain(dependencies)
                .all(has)
        );
        for part in table.indexes.iter().flat_map(|i| &i.parts) {
            if let IndexKey::Column(id) = &part.key {
                prop_assert!(has(id));
            }
        }
    }
    let mut foreign_keys = BTreeSet::new();
    for fk in &design.foreign_keys {
        prop_assert!(foreign_keys.insert(fk.id) && fk.id.0 < next);
        for (table, columns) in [
            (fk.from_table, &fk.from_columns),
            (fk.to_table, &fk.to_columns),
        ] {
            let table = design.table(table);
            prop_assert!(table.is_some());
            let owner = table.map(|t| &t.columns).into_iter().flatten();
            let owned: BTreeSet<ColumnId> = owner.map(|c| c.id).collect();
            prop_assert!(columns.iter().all(|c| owned.contains(c)));
        }
    }
    let layout = design
        .layout
        .positions
        .keys()
        .chain(&design.layout.collapsed);
    let members = design.areas.iter().flat_map(|area| &area.tables);
    prop_assert!(layout.chain(members).all(|id| tables.contains(id)));
    let notes: BTreeSet<NoteId> = design.notes.iter().map(|n| n.id).collect();
    prop_assert_eq!(notes.len(), design.notes.len());
    prop_assert!(notes.iter().all(|id| id.0 < next));
    let areas: BTreeSet<AreaId> = design.areas.iter().map(|a| a.id).collect();
    prop_assert_eq!(areas.len(), design.areas.len());
    prop_assert!(areas.iter().all(|id| id.0 < next));
    let enums: BTreeSet<String> = design.enums.iter().map(EnumType::qualified_name).collect();
    prop_assert_eq!(enums.len(), design.enums.len());
    Ok(())
}
