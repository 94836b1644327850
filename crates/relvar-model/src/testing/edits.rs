//! Random edits of every kind for the property test of the commands: a recipe of numbers picks
//! the command, its targets (existing or missing) and its values in the design as it is by then.

use proptest::prelude::*;

use super::edit_settings::settings;
use crate::annotation::{Note, SubjectArea};
use crate::command::Command;
use crate::dependency::{DeclaredDependency, DependencyKind};
use crate::design::{Design, EnumType, ForeignKey, Point, ReferentialAction};
use crate::ids::{AreaId, ColumnId, ForeignKeyId, IdAllocator, NoteId, TableId};
use crate::table::{Column, Table};

const NAMES: [&str; 11] = [
    "film", "FILM", "actor", "t1", "", " ", "store", "store_2", "mood", "Mood", "t0_copy",
];
const TYPES: [&str; 7] = [
    "integer",
    "text",
    "",
    "mood",
    "public.mood",
    "MOOD",
    "status",
];
const ENUM_NAMES: [&str; 4] = ["public.mood", "public.MOOD", "status", "missing"];
const MISSING_TABLE: TableId = TableId(9_999);
const MISSING_COLUMN: ColumnId = ColumnId(9_998);
const KINDS: u8 = 52;
/// Kinds below this one are edits a person makes; a batch is made of two of them.
const BATCH: u8 = 39;

/// What to do, and numbers that pick its targets and values in the design as it is by then.
#[derive(Debug, Clone)]
pub struct Recipe {
    pub kind: u8,
    pub picks: [u8; 4],
    pub fresh: bool,
}

pub fn recipe() -> impl Strategy<Value = Recipe> {
    (0..KINDS, any::<[u8; 4]>(), any::<bool>()).prop_map(|(kind, picks, fresh)| Recipe {
        kind,
        picks,
        fresh,
    })
}

fn pick<T: Copy>(items: &[T], choice: u8, missing: T) -> T {
    let index = usize::from(choice) % (items.len() + 1);
    items.get(index).copied().unwrap_or(missing)
}

pub fn text(choice: u8) -> String {
    NAMES[usize::from(choice) % NAMES.len()].to_owned()
}

fn point(choice: u8) -> Point {
    Point::new(f64::from(choice), -f64::from(choice) / 2.0)
}

fn table_ids(design: &Design) -> Vec<TableId> {
    design.tables.iter().map(|t| t.id).collect()
}

fn pick_table(design: &Design, choice: u8) -> TableId {
    pick(&table_ids(design), choice, MISSING_TABLE)
}

/// A column of the table, a column of another table, or a missing one.
fn pick_column(design: &Design, table: TableId, choice: u8) -> ColumnId {
    let mut candidates: Vec<ColumnId> = design
        .table(table)
        .map(|t| t.columns.iter().map(|c| c.id).collect())
        .unwrap_or_default();
    if let Some(other) = design.tables.iter().find(|t| t.id != table) {
        candidates.extend(other.columns.first().map(|c| c.id));
    }
    pick(&candidates, choice, MISSING_COLUMN)
}

fn pick_columns(design: &Design, table: TableId, length: u8, choice: u8) -> Vec<ColumnId> {
    (0..length % 4)
        .map(|offset| pick_column(design, table, choice.wrapping_add(offset.wrapping_mul(3))))
        .collect()
}

/// Columns for the two sides of a foreign key: mostly a valid pairing of each table's first
/// columns, sometimes random picks that may not pair up.
fn key_columns(
    design: &Design,
    (from, to): (TableId, TableId),
    length: u8,
    choice: u8,
) -> (Vec<ColumnId>, Vec<ColumnId>) {
    if choice.is_multiple_of(3) {
        return (
            pick_columns(design, from, length, choice),
            pick_columns(design, to, length, choice.wrapping_add(1)),
        );
    }
    let columns = |table| {
        design
            .table(table)
            .map(|t| t.columns.iter().map(|c| c.id).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let (from, to) = (columns(from), columns(to));
    let length = usize::from(length % 3 + 1).min(from.len()).min(to.len());
    (
        from.into_iter().take(length).collect(),
        to.into_iter().take(length).collect(),
    )
}

fn pick_foreign_key(design: &Design, choice: u8) -> ForeignKeyId {
    let ids: Vec<ForeignKeyId> = design.foreign_keys.iter().map(|fk| fk.id).collect();
    pick(&ids, choice, ForeignKeyId(9_997))
}

fn pick_note(design: &Design, choice: u8) -> NoteId {
    let ids: Vec<NoteId> = design.notes.iter().map(|note| note.id).collect();
    pick(&ids, choice, NoteId(9_996))
}

fn pick_area(design: &Design, choice: u8) -> AreaId {
    let ids: Vec<AreaId> = design.areas.iter().map(|area| area.id).collect();
    pick(&ids, choice, AreaId(9_995))
}

fn pick_enum(design: &Design, choice: u8) -> String {
    let mut names: Vec<String> = design.enums.iter().map(EnumType::qualified_name).collect();
    names.extend(ENUM_NAMES.iter().map(|name| (*name).to_owned()));
    names[usize::from(choice) % names.len()].clone()
}

/// A fresh id from a clone of the allocator, or one already in use (`used`) to be rejected.
fn id_for(ids: &mut IdAllocator, fresh: bool, used: Option<u32>) -> u32 {
    match used.filter(|_| !fresh) {
        Some(used) => used,
        None => ids.table().0,
    }
}

/// Dependencies on picked columns (of the table, another table, or missing), sometimes with an
/// empty right side.
fn dependencies(
    design: &Design,
    table: TableId,
    length: u8,
    choice: u8,
) -> Vec<DeclaredDependency> {
    (0..length % 3)
        .map(|offset| {
            let choice = choice.wrapping_add(offset.wrapping_mul(5));
            DeclaredDependency {
                kind: if choice % 2 == 0 {
                    DependencyKind::Functional
                } else {
                    DependencyKind::Multivalued
                },
                lhs: pick_columns(design, table, length / 3, choice),
                rhs: pick_columns(design, table, choice / 7, choice.wrapping_add(1)),
            }
        })
        .collect()
}

fn values(choice: u8) -> Vec<String> {
    ["G", "PG", "", "G", "R"]
        .iter()
        .take(usize::from(choice % 5))
        .map(|value| (*value).to_owned())
        .collect()
}

fn raised(design: &Design, by: u8) -> IdAllocator {
    let mut ids = design.ids.clone();
    let next = ids.clone().table().0;
    ids.ensure_above(next + u32::from(by));
    ids
}

/// Makes the recipe's command for the design as it is now.
pub fn command(design: &Design, recipe: &Recipe) -> Command {
    let [a, b, c, d] = recipe.picks;
    let fresh = recipe.fresh;
    let mut ids = design.ids.clone();
    let table = pick_table(design, a);
    let column = pick_column(design, table, b);
    let first_table = design.tables.first().map(|t| t.id.0);
    let first_column = design
        .tables
        .iter()
        .flat_map(|t| &t.columns)
        .next()
        .map(|c| c.id.0);
    match recipe.kind {
        0 => {
            let copy = design.duplicate_table(table, &mut ids).filter(|_| fresh);
            let table = copy.unwrap_or_else(|| {
                let id = TableId(id_for(&mut ids, fresh, first_table));
                let mut table = Table::new(id, Some("public".into()), text(b));
                let column = ColumnId(id_for(&mut ids, c % 2 == 0, first_column));
                table.columns.push(Column::new(column, text(d), "int"));
                table
            });
            Command::AddTable {
                table: Box::new(table),
                at: point(c),
            }
        }
        1 => Command::DeleteTable { table },
        2 => Command::RenameTable {
            table,
            schema: fresh.then(|| "public".to_owned()),
            name: text(b),
        },
        3 => Command::SetTableColour {
            table,
            colour: fresh.then(|| text(b)),
        },
        4 => Command::SetTableComment {
            table,
            comment: fresh.then(|| text(b)),
        },
        5 => Command::SetCollapsed {
            table,
            collapsed: fresh,
        },
        6 => Command::MoveTable {
            table,
            to: point(b),
        },
        7 => Command::UnplaceTable { table },
        8 => {
            let id = ColumnId(id_for(&mut ids, fresh, first_column));
            let column = Column::new(id, text(c), TYPES[usize::from(d) % TYPES.len()]);
            Command::AddColumn {
                table,
                column,
                index: usize::from(b % 6),
            }
        }
        9 => Command::DeleteColumn { table, column },
        10 => Command::MoveColumn {
            table,
            column,
            to: usize::from(c % 6),
        },
        11 => Command::RenameColumn {
            table,
            column,
            name: text(c),
        },
        12 => Command::SetColumnType {
            table,
            column,
            data_type: TYPES[usize::from(c) % TYPES.len()].to_owned(),
        },
        13 => Command::SetColumnNullable {
            table,
            column,
            nullable: fresh,
        },
        14 => Command::SetColumnDefault {
            table,
            column,
            default: fresh.then(|| "0".into()),
        },
        15 => Command::SetColumnComment {
            table,
            column,
            comment: fresh.then(|| text(c)),
        },
        16 => Command::SetPrimaryKey {
            table,
            columns: pick_columns(design, table, c, d),
        },
        17 => Command::SetColumnUnique {
            table,
            column,
            unique: fresh,
        },
        18 => Command::AddEnum {
            enum_type: EnumType {
                schema: fresh.then(|| "public".to_owned()),
                name: text(b),
                values: values(c),
            },
        },
        19 => Command::DeleteEnum {
            name: pick_enum(design, b),
        },
        20 => Command::RenameEnum {
            name: pick_enum(design, b),
            schema: fresh.then(|| "public".to_owned()),
            new_name: text(c),
        },
        21 => Command::SetEnumValues {
            name: pick_enum(design, b),
            values: values(c),
        },
        22 => {
            let to_table = pick_table(design, c);
            let used = design.foreign_keys.first().map(|fk| fk.id.0);
            let (from_columns, to_columns) = key_columns(design, (table, to_table), d, b);
            Command::AddForeignKey {
                foreign_key: ForeignKey {
                    id: ForeignKeyId(id_for(&mut ids, fresh, used)),
                    name: None,
                    from_table: table,
                    from_columns,
                    to_table,
                    to_columns,
                    on_delete: ReferentialAction::Cascade,
                    on_update: ReferentialAction::NoAction,
                    deferral: Default::default(),
                },
            }
        }
        23 => Command::DeleteForeignKey {
            id: pick_foreign_key(design, a),
        },
        24 => {
            let id = pick_foreign_key(design, a);
            let (from, to) = design
                .foreign_key(id)
                .map_or((table, table), |fk| (fk.from_table, fk.to_table));
            let (from_columns, to_columns) = key_columns(design, (from, to), d, b);
            Command::SetForeignKeyColumns {
                id,
                from_columns,
                to_columns,
            }
        }
        25 => Command::SetForeignKeyActions {
            id: pick_foreign_key(design, a),
            on_delete: ReferentialAction::SetNull,
            on_update: if fresh {
                ReferentialAction::Cascade
            } else {
                ReferentialAction::Restrict
            },
        },
        26 => {
            let used = design.notes.first().map(|note| note.id.0);
            let id = NoteId(id_for(&mut ids, fresh, used));
            Command::AddNote {
                note: Note {
                    id,
                    text: text(b),
                    at: point(c),
                    colour: None,
                },
            }
        }
        27 => Command::DeleteNote {
            id: pick_note(design, a),
        },
        28 => Command::SetNoteText {
            id: pick_note(design, a),
            text: text(b),
        },
        29 => Command::MoveNote {
            id: pick_note(design, a),
            to: point(b),
        },
        30 => Command::SetNoteColour {
            id: pick_note(design, a),
            colour: fresh.then(|| text(b)),
        },
        31 => {
            let used = design.areas.first().map(|area| area.id.0);
            let id = AreaId(id_for(&mut ids, fresh, used));
            let tables = if c % 2 == 0 {
                vec![pick_table(design, b), pick_table(design, c)]
            } else {
                let all = table_ids(design);
                all.into_iter()
                    .filter(|t| t.0 % 3 != u32::from(b % 3))
                    .collect()
            };
            Command::AddArea {
                area: SubjectArea {
                    id,
                    name: text(d),
                    colour: "#000".into(),
                    tables,
                },
            }
        }
        32 => Command::DeleteArea {
            id: pick_area(design, a),
        },
        33 => Command::RenameArea {
            id: pick_area(design, a),
            name: text(b),
        },
        34 => Command::SetAreaColour {
            id: pick_area(design, a),
            colour: text(b),
        },
        35 => Command::SetAreaTables {
            id: pick_area(design, a),
            tables: table_ids(design)
                .into_iter()
                .filter(|t| t.0 % 2 == u32::from(b % 2))
                .collect(),
        },
        36 => {
            let mut next = if a % 8 == 0 {
                Design::default()
            } else {
                design.clone()
            };
            next.name = text(b);
            Command::ReplaceDesign(Box::new(next))
        }
        37 => Command::SetTableDependencies {
            table,
            dependencies: dependencies(design, table, c, d),
        },
        38 => settings(recipe, table),
        BATCH => {
            let first = Recipe {
                kind: a % BATCH,
                ..recipe.clone()
            };
            let second = Recipe {
                kind: b % BATCH,
                picks: [c, d, a, b],
                fresh: !fresh,
            };
            Command::Batch(vec![command(design, &first), command(design, &second)])
        }
        40 => Command::RestoreIds(raised(design, a)),
        _ => primitive(design, recipe, table, column),
    }
}

/// An insert of an object with an id already in use (to be rejected) when `used` names one and
/// the recipe is not for a fresh id; otherwise with a fresh id, behind a raised allocator.
fn insert_with_id(
    design: &Design,
    used: Option<u32>,
    fresh: bool,
    insert: impl FnOnce(u32) -> Command,
) -> Command {
    match used.filter(|_| !fresh) {
        Some(used) => insert(used),
        None => {
            let next = design.ids.clone().table().0;
            Command::Batch(vec![
                Command::RestoreIds(raised(design, 8)),
                insert(next + 1),
            ])
        }
    }
}

/// The restoring primitives.
fn primitive(design: &Design, recipe: &Recipe, table: TableId, column: ColumnId) -> Command {
    let [a, b, c, _] = recipe.picks;
    let fresh = recipe.fresh;
    let index = usize::from(c % 6);
    match recipe.kind {
        41 => {
            let source = design.table(table).or(design.tables.first());
            let used = source.map(|t| t.id.0);
            let mut copy = source
                .cloned()
                .unwrap_or_else(|| Table::new(table, None, "x"));
            insert_with_id(design, used, fresh, |id| {
                if id != copy.id.0 {
                    copy.columns.retain(|c| c.id == column);
                    copy.primary_key = None;
                    copy.uniques.clear();
                    copy.indexes.clear();
                    copy.dependencies.clear();
                    for column in &mut copy.columns {
                        column.id = ColumnId(id + 1);
                    }
                }
                copy.id = TableId(id);
                Command::InsertTable {
                    table: Box::new(copy),
                    index,
                }
            })
        }
        42 => {
            let mut copy = design
                .table(table)
                .cloned()
                .unwrap_or_else(|| Table::new(table, None, "x"));
            copy.name = text(b);
            if !fresh {
                copy.columns.retain(|c| c.id != column);
            }
            Command::ReplaceTable(Box::new(copy))
        }
        43 => {
            let mut replacement = design
                .column(table, column)
                .cloned()
                .unwrap_or_else(|| Column::new(column, "x", "int"));
            replacement.name = text(b);
            replacement.nullable = fresh;
            Command::ReplaceColumn {
                table,
                column: replacement,
            }
        }
        44 | 45 => {
            let count = design.foreign_keys.len().max(1);
            let Some(existing) = design.foreign_keys.get(usize::from(a) % count) else {
                return Command::DeleteForeignKey {
                    id: ForeignKeyId(9_997),
                };
            };
            let mut changed = existing.clone();
            changed.to_columns.push(column);
            changed.from_columns.reverse();
            if recipe.kind == 44 {
                insert_with_id(design, Some(changed.id.0), fresh, |id| {
                    Command::InsertForeignKey {
                        foreign_key: ForeignKey {
                            id: ForeignKeyId(id),
                            ..changed
                        },
                        index,
                    }
                })
            } else {
                Command::ReplaceForeignKey(changed)
            }
        }
        46 => Command::InsertEnum {
            enum_type: EnumType {
                schema: None,
                name: text(b),
                values: values(c),
            },
            index,
        },
        47 => Command::RemoveEnum {
            name: pick_enum(design, b),
        },
        48 => Command::ReplaceEnum {
            name: pick_enum(design, b),
            enum_type: EnumType {
                schema: Some("public".into()),
                name: text(c),
                values: values(a),
            },
        },
        49 => insert_with_id(design, design.notes.first().map(|n| n.id.0), fresh, |id| {
            Command::InsertNote {
                note: Note {
                    id: NoteId(id),
                    text: text(b),
                    at: point(c),
                    colour: Some("#fff".into()),
                },
                index,
            }
        }),
        50 => insert_with_id(design, design.areas.first().map(|a| a.id.0), fresh, |id| {
            Command::InsertArea {
                area: SubjectArea {
                    id: AreaId(id),
                    name: text(b),
                    colour: "#123".into(),
                    tables: vec![table],
                },
                index,
            }
        }),
        _ => {
            let id = pick_area(design, a);
            let area = SubjectArea {
                id,
                name: text(b),
                colour: "#456".into(),
                tables: vec![table, table],
            };
            Command::ReplaceArea(area)
        }
    }
}
