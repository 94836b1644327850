//! Tests of the table commands.

use super::{catalogue, column, edited, rejected, relationship_names, table, table_names};
use crate::command::{Command, CommandError};
use crate::design::Point;
use crate::ids::{ColumnId, TableId};
use crate::table::{Column, PrimaryKey, Table};

fn new_table(design: &crate::Design, name: &str) -> (Table, crate::IdAllocator) {
    let mut ids = design.ids.clone();
    let mut table = Table::new(ids.table(), Some("public".into()), name);
    table
        .columns
        .push(Column::new(ids.column(), "id", "integer"));
    table
        .columns
        .push(Column::new(ids.column(), "label", "text"));
    (table, ids)
}

#[test]
fn add_table_appends_places_and_raises_the_allocator() {
    let design = catalogue();
    let (store, ids) = new_table(&design, "store");
    let after = edited(
        &design,
        Command::AddTable {
            table: Box::new(store.clone()),
            at: Point::new(5.0, 6.0),
        },
    );
    assert_eq!(after.tables.last(), Some(&store));
    assert_eq!(after.position(store.id), Point::new(5.0, 6.0));
    assert_eq!(after.ids, ids);
    assert_ne!(after.ids, design.ids);
}

#[test]
fn add_table_rejects_blank_taken_and_used_names_and_ids() {
    let design = catalogue();
    let at = Point::default();
    let add = |table: Table| Command::AddTable {
        table: Box::new(table),
        at,
    };
    let (blank, _) = new_table(&design, " ");
    assert_eq!(
        rejected(&design, add(blank)),
        CommandError::BlankName("table")
    );
    let (mut taken, _) = new_table(&design, "FILM");
    taken.schema = Some("Public".into());
    assert_eq!(
        rejected(&design, add(taken.clone())),
        CommandError::TableNameTaken("public.film".into())
    );
    taken.schema = Some("archive".into());
    edited(&design, add(taken));

    let (mut reused, _) = new_table(&design, "store");
    reused.id = table(&design, "film");
    assert_eq!(
        rejected(&design, add(reused)),
        CommandError::IdInUse {
            kind: "table",
            id: table(&design, "film").0
        }
    );
    let (mut reused_column, _) = new_table(&design, "store");
    let title = column(&design, "film", "title");
    reused_column.columns[1].id = title;
    assert_eq!(
        rejected(&design, add(reused_column)),
        CommandError::IdInUse {
            kind: "column",
            id: title.0
        }
    );
    let (mut twice, _) = new_table(&design, "store");
    twice.columns[1].name = "ID".into();
    assert!(matches!(
        rejected(&design, add(twice)),
        CommandError::ColumnNameTaken { .. }
    ));
    let (mut untyped, _) = new_table(&design, "store");
    untyped.columns[1].data_type = String::new();
    assert!(matches!(
        rejected(&design, add(untyped)),
        CommandError::BlankDataType { .. }
    ));
    let (mut foreign_key_column, _) = new_table(&design, "store");
    foreign_key_column.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec![title],
    });
    assert!(matches!(
        rejected(&design, add(foreign_key_column)),
        CommandError::NoSuchColumn { .. }
    ));
}

#[test]
fn delete_table_removes_everything_attached_and_undo_restores_it_in_place() {
    let design = catalogue();
    let film_actor = table(&design, "film_actor");
    let after = edited(&design, Command::DeleteTable { table: film_actor });
    assert_eq!(table_names(&after), ["actor", "film", "rental", "payment"]);
    assert_eq!(
        relationship_names(&after),
        ["payment->rental", "film->film"]
    );
    assert!(!after.layout.positions.contains_key(&film_actor));
    assert!(!after.layout.collapsed.contains(&film_actor));
    assert!(after.layout.collapsed.contains(&table(&design, "actor")));
    let members: Vec<Vec<TableId>> = after.areas.iter().map(|a| a.tables.clone()).collect();
    assert_eq!(
        members,
        [
            vec![table(&design, "film"), table(&design, "actor")],
            vec![table(&design, "rental"), table(&design, "payment")],
        ]
    );
    assert_eq!(after.ids, design.ids);
}

#[test]
fn delete_table_with_a_self_reference_and_no_position_undoes_exactly() {
    let mut design = catalogue();
    design.layout.positions.remove(&table(&design, "film"));
    let after = edited(
        &design,
        Command::DeleteTable {
            table: table(&design, "film"),
        },
    );
    assert_eq!(
        relationship_names(&after),
        ["film_actor->actor", "payment->rental", "rental->film_actor"]
    );
    let payment = table(&design, "payment");
    let alone = edited(&after, Command::DeleteTable { table: payment });
    assert_eq!(alone.tables.len(), 3);
}

#[test]
fn delete_of_a_missing_table_changes_nothing() {
    let design = catalogue();
    assert_eq!(
        rejected(
            &design,
            Command::DeleteTable {
                table: TableId(999)
            }
        ),
        CommandError::NoSuchTable(TableId(999))
    );
}

#[test]
fn rename_table_changes_name_and_schema_and_checks_them() {
    let design = catalogue();
    let film = table(&design, "film");
    let rename = |schema: Option<&str>, name: &str| Command::RenameTable {
        table: film,
        schema: schema.map(str::to_owned),
        name: name.to_owned(),
    };
    let after = edited(&design, rename(Some("archive"), "old_film"));
    assert_eq!(
        after.table(film).unwrap().qualified_name(),
        "archive.old_film"
    );
    let recased = edited(&design, rename(Some("public"), "Film"));
    assert_eq!(recased.table(film).unwrap().name, "Film");
    edited(&design, rename(Some("archive"), "actor"));

    assert_eq!(
        rejected(&design, rename(Some("public"), "Actor")),
        CommandError::TableNameTaken("public.actor".into())
    );
    assert_eq!(
        rejected(&design, rename(Some("public"), "")),
        CommandError::BlankName("table")
    );
    assert_eq!(
        rejected(&design, rename(Some(" "), "x")),
        CommandError::BlankName("schema")
    );
    assert_eq!(
        rejected(
            &design,
            Command::RenameTable {
                table: TableId(999),
                schema: None,
                name: "x".into()
            }
        ),
        CommandError::NoSuchTable(TableId(999))
    );
}

#[test]
fn colour_comment_and_collapsed_flag_are_set_and_undone() {
    let design = catalogue();
    let film = table(&design, "film");
    let coloured = edited(
        &design,
        Command::SetTableColour {
            table: film,
            colour: Some("#3b6fd8".into()),
        },
    );
    assert_eq!(
        coloured.table(film).unwrap().colour.as_deref(),
        Some("#3b6fd8")
    );
    let plain = edited(
        &coloured,
        Command::SetTableColour {
            table: film,
            colour: None,
        },
    );
    assert_eq!(plain, design);
    let commented = edited(
        &design,
        Command::SetTableComment {
            table: film,
            comment: Some("Films we rent".into()),
        },
    );
    assert_eq!(
        commented.table(film).unwrap().comment.as_deref(),
        Some("Films we rent")
    );
    let collapsed = edited(
        &design,
        Command::SetCollapsed {
            table: film,
            collapsed: true,
        },
    );
    assert!(collapsed.layout.collapsed.contains(&film));
    let unchanged = edited(
        &collapsed,
        Command::SetCollapsed {
            table: film,
            collapsed: true,
        },
    );
    assert_eq!(unchanged, collapsed);
    let actor = table(&design, "actor");
    let expanded = edited(
        &design,
        Command::SetCollapsed {
            table: actor,
            collapsed: false,
        },
    );
    assert!(!expanded.layout.collapsed.contains(&actor));
    for command in [
        Command::SetTableColour {
            table: TableId(999),
            colour: None,
        },
        Command::SetTableComment {
            table: TableId(999),
            comment: None,
        },
        Command::SetCollapsed {
            table: TableId(999),
            collapsed: true,
        },
    ] {
        assert_eq!(
            rejected(&design, command),
            CommandError::NoSuchTable(TableId(999))
        );
    }
}

#[test]
fn move_then_inverse_restores_the_position_and_a_first_move_undoes_to_unplaced() {
    let design = catalogue();
    let film = table(&design, "film");
    let moved = edited(
        &design,
        Command::MoveTable {
            table: film,
            to: Point::new(300.0, -5.0),
        },
    );
    assert_eq!(moved.position(film), Point::new(300.0, -5.0));
    let payment = table(&design, "payment");
    let mut placed = design.clone();
    let inverse = Command::MoveTable {
        table: payment,
        to: Point::new(1.0, 2.0),
    }
    .apply(&mut placed)
    .unwrap();
    assert_eq!(inverse, Command::UnplaceTable { table: payment });
    let unplaced = edited(&design, Command::UnplaceTable { table: film });
    assert!(!unplaced.layout.positions.contains_key(&film));
    assert_eq!(
        rejected(
            &design,
            Command::MoveTable {
                table: TableId(999),
                to: Point::default()
            }
        ),
        CommandError::NoSuchTable(TableId(999))
    );
}

#[test]
fn a_duplicate_added_as_a_new_table_undoes_to_the_design_before() {
    let design = catalogue();
    let mut ids = design.ids.clone();
    let copy = design
        .duplicate_table(table(&design, "film_actor"), &mut ids)
        .unwrap();
    let after = edited(
        &design,
        Command::AddTable {
            table: Box::new(copy),
            at: Point::new(0.0, 900.0),
        },
    );
    assert_eq!(after.tables.last().unwrap().name, "film_actor_copy");
    assert_eq!(after.ids, ids);
}

#[test]
fn primitives_keep_ids_unique_and_references_resolved() {
    let design = catalogue();
    let film = design.table(table(&design, "film")).unwrap().clone();
    assert_eq!(
        rejected(
            &design,
            Command::InsertTable {
                table: Box::new(film.clone()),
                index: 0
            }
        ),
        CommandError::IdInUse {
            kind: "table",
            id: film.id.0
        }
    );
    let mut without_key_column = film.clone();
    without_key_column.columns.remove(0);
    without_key_column.uniques.clear();
    without_key_column.indexes.clear();
    without_key_column.primary_key = None;
    assert_eq!(
        rejected(
            &design,
            Command::ReplaceTable(Box::new(without_key_column.clone()))
        ),
        CommandError::ColumnUsedByForeignKey {
            table: "public.film".into(),
            column: "film_id".into()
        }
    );
    let mut stolen_column = film.clone();
    stolen_column.columns[1].id = column(&design, "actor", "name");
    assert_eq!(
        rejected(&design, Command::ReplaceTable(Box::new(stolen_column))),
        CommandError::IdInUse {
            kind: "column",
            id: column(&design, "actor", "name").0
        }
    );
    let mut renamed = film;
    renamed.name = "movie".into();
    let after = edited(&design, Command::ReplaceTable(Box::new(renamed)));
    assert_eq!(table_names(&after)[1], "movie");
    assert_eq!(
        rejected(
            &design,
            Command::ReplaceColumn {
                table: table(&design, "film"),
                column: Column::new(ColumnId(999), "x", "text")
            }
        ),
        CommandError::NoSuchColumn {
            table: "public.film".into(),
            column: ColumnId(999)
        }
    );
}
