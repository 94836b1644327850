//! Tests of the column, primary key and unique commands.

use super::{catalogue, column, edited, rejected, relationship_names, table};
use crate::command::{Command, CommandError};
use crate::design::Design;
use crate::ids::{ColumnId, TableId};
use crate::table::{Column, PrimaryKey, Table, UniqueConstraint};

fn column_names(design: &Design, table_name: &str) -> Vec<String> {
    let owner = design.table(table(design, table_name)).unwrap();
    owner.columns.iter().map(|c| c.name.clone()).collect()
}

fn owner<'d>(design: &'d Design, table_name: &str) -> &'d Table {
    design.table(table(design, table_name)).unwrap()
}

fn index_names(table: &Table) -> Vec<&str> {
    table
        .indexes
        .iter()
        .map(|index| index.name.as_deref().unwrap_or("-"))
        .collect()
}

#[test]
fn add_column_inserts_at_the_index_clamped_and_raises_the_allocator() {
    let design = catalogue();
    let film = table(&design, "film");
    let mut ids = design.ids.clone();
    let length = Column::new(ids.column(), "length", "smallint");
    let after = edited(
        &design,
        Command::AddColumn {
            table: film,
            column: length.clone(),
            index: 1,
        },
    );
    assert_eq!(
        column_names(&after, "film"),
        ["film_id", "length", "title", "rating"]
    );
    assert_eq!(after.ids, ids);
    let appended = edited(
        &design,
        Command::AddColumn {
            table: film,
            column: length,
            index: 99,
        },
    );
    assert_eq!(
        column_names(&appended, "film"),
        ["film_id", "title", "rating", "length"]
    );
}

#[test]
fn add_column_rejects_taken_blank_and_used_names_and_ids() {
    let design = catalogue();
    let film = table(&design, "film");
    let mut ids = design.ids.clone();
    let fresh = ids.column();
    let add = |id, name: &str, data_type: &str| Command::AddColumn {
        table: film,
        column: Column::new(id, name, data_type),
        index: 0,
    };
    assert_eq!(
        rejected(&design, add(fresh, "TITLE", "text")),
        CommandError::ColumnNameTaken {
            table: "public.film".into(),
            column: "TITLE".into()
        }
    );
    assert_eq!(
        rejected(&design, add(fresh, "", "text")),
        CommandError::BlankName("column")
    );
    assert!(matches!(
        rejected(&design, add(fresh, "length", " ")),
        CommandError::BlankDataType { .. }
    ));
    let used = column(&design, "actor", "name");
    assert_eq!(
        rejected(&design, add(used, "length", "int")),
        CommandError::IdInUse {
            kind: "column",
            id: used.0
        }
    );
    let missing = Command::AddColumn {
        table: TableId(999),
        column: Column::new(fresh, "length", "int"),
        index: 0,
    };
    assert_eq!(
        rejected(&design, missing),
        CommandError::NoSuchTable(TableId(999))
    );
}

#[test]
fn delete_column_of_a_composite_key_drops_what_uses_it_and_undo_restores_it_in_place() {
    let design = catalogue();
    let film_actor = table(&design, "film_actor");
    let film_id = column(&design, "film_actor", "film_id");
    let after = edited(
        &design,
        Command::DeleteColumn {
            table: film_actor,
            column: film_id,
        },
    );
    let changed = owner(&after, "film_actor");
    assert_eq!(column_names(&after, "film_actor"), ["actor_id", "role"]);
    assert_eq!(
        changed.primary_key,
        Some(PrimaryKey {
            name: Some("film_actor_pkey".into()),
            columns: vec![column(&design, "film_actor", "actor_id")],
        })
    );
    let unique_columns: Vec<&Vec<ColumnId>> = changed.uniques.iter().map(|u| &u.columns).collect();
    assert_eq!(
        unique_columns,
        [
            &vec![column(&design, "film_actor", "actor_id")],
            &vec![column(&design, "film_actor", "role")]
        ]
    );
    assert_eq!(
        index_names(changed),
        ["film_actor_role_lower", "film_actor_actor_idx"]
    );
    assert_eq!(
        relationship_names(&after),
        ["film_actor->actor", "payment->rental", "film->film"]
    );
}

#[test]
fn delete_of_an_include_column_drops_the_indexes_that_carry_it() {
    let design = catalogue();
    let after = edited(
        &design,
        Command::DeleteColumn {
            table: table(&design, "film_actor"),
            column: column(&design, "film_actor", "role"),
        },
    );
    let changed = owner(&after, "film_actor");
    assert_eq!(
        index_names(changed),
        ["film_actor_role_lower", "film_actor_actor_idx"]
    );
    assert_eq!(changed.uniques.len(), 1);
    assert_eq!(relationship_names(&after), relationship_names(&design));

    let rating = edited(
        &design,
        Command::DeleteColumn {
            table: table(&design, "film"),
            column: column(&design, "film", "rating"),
        },
    );
    assert!(owner(&rating, "film").indexes.is_empty());
}

#[test]
fn deleting_the_only_key_column_removes_the_key_and_the_relationships_to_it() {
    let design = catalogue();
    let after = edited(
        &design,
        Command::DeleteColumn {
            table: table(&design, "actor"),
            column: column(&design, "actor", "actor_id"),
        },
    );
    assert_eq!(owner(&after, "actor").primary_key, None);
    assert_eq!(
        relationship_names(&after),
        [
            "payment->rental",
            "rental->film_actor",
            "film_actor->film",
            "film->film"
        ]
    );
    assert!(matches!(
        rejected(
            &design,
            Command::DeleteColumn {
                table: table(&design, "actor"),
                column: column(&design, "film", "title"),
            }
        ),
        CommandError::NoSuchColumn { .. }
    ));
}

#[test]
fn move_column_reorders_with_the_target_clamped() {
    let design = catalogue();
    let rental = table(&design, "rental");
    let rental_id = column(&design, "rental", "rental_id");
    let to_end = edited(
        &design,
        Command::MoveColumn {
            table: rental,
            column: rental_id,
            to: 99,
        },
    );
    assert_eq!(
        column_names(&to_end, "rental"),
        ["actor_id", "film_id", "rented_at", "rental_id"]
    );
    let to_front = edited(
        &design,
        Command::MoveColumn {
            table: rental,
            column: column(&design, "rental", "rented_at"),
            to: 0,
        },
    );
    assert_eq!(
        column_names(&to_front, "rental"),
        ["rented_at", "rental_id", "actor_id", "film_id"]
    );
    assert!(matches!(
        rejected(
            &design,
            Command::MoveColumn {
                table: rental,
                column: ColumnId(999),
                to: 0
            }
        ),
        CommandError::NoSuchColumn { .. }
    ));
}

#[test]
fn rename_and_retype_a_column_and_check_the_new_values() {
    let design = catalogue();
    let film = table(&design, "film");
    let title = column(&design, "film", "title");
    let renamed = edited(
        &design,
        Command::RenameColumn {
            table: film,
            column: title,
            name: "Title".into(),
        },
    );
    assert_eq!(renamed.column(film, title).unwrap().name, "Title");
    assert!(matches!(
        rejected(
            &design,
            Command::RenameColumn {
                table: film,
                column: title,
                name: "RATING".into()
            }
        ),
        CommandError::ColumnNameTaken { .. }
    ));
    assert_eq!(
        rejected(
            &design,
            Command::RenameColumn {
                table: film,
                column: title,
                name: "\t".into()
            }
        ),
        CommandError::BlankName("column")
    );
    let retyped = edited(
        &design,
        Command::SetColumnType {
            table: film,
            column: title,
            data_type: "varchar(255)".into(),
        },
    );
    assert_eq!(
        retyped.column(film, title).unwrap().data_type,
        "varchar(255)"
    );
    assert_eq!(
        rejected(
            &design,
            Command::SetColumnType {
                table: film,
                column: title,
                data_type: "".into()
            }
        ),
        CommandError::BlankDataType {
            table: "public.film".into(),
            column: "title".into()
        }
    );
}

#[test]
fn nullability_default_and_comment_are_set_and_key_columns_stay_not_null() {
    let design = catalogue();
    let film = table(&design, "film");
    let title = column(&design, "film", "title");
    let required = edited(
        &design,
        Command::SetColumnNullable {
            table: film,
            column: title,
            nullable: false,
        },
    );
    assert!(!required.column(film, title).unwrap().nullable);
    assert!(matches!(
        rejected(
            &design,
            Command::SetColumnNullable {
                table: film,
                column: column(&design, "film", "film_id"),
                nullable: true
            }
        ),
        CommandError::NullablePrimaryKeyColumn { .. }
    ));
    let defaulted = edited(
        &design,
        Command::SetColumnDefault {
            table: film,
            column: title,
            default: Some("'untitled'".into()),
        },
    );
    assert_eq!(
        defaulted.column(film, title).unwrap().default.as_deref(),
        Some("'untitled'")
    );
    let commented = edited(
        &design,
        Command::SetColumnComment {
            table: film,
            column: title,
            comment: Some("As released".into()),
        },
    );
    assert_eq!(
        commented.column(film, title).unwrap().comment.as_deref(),
        Some("As released")
    );
    assert!(matches!(
        rejected(
            &design,
            Command::SetColumnDefault {
                table: film,
                column: ColumnId(999),
                default: None
            }
        ),
        CommandError::NoSuchColumn { .. }
    ));
}

#[test]
fn set_primary_key_keeps_the_name_makes_columns_not_null_and_undo_restores_nullability() {
    let design = catalogue();
    let film = table(&design, "film");
    let film_id = column(&design, "film", "film_id");
    let title = column(&design, "film", "title");
    let after = edited(
        &design,
        Command::SetPrimaryKey {
            table: film,
            columns: vec![title, film_id],
        },
    );
    assert_eq!(
        owner(&after, "film").primary_key,
        Some(PrimaryKey {
            name: Some("film_pkey".into()),
            columns: vec![title, film_id],
        })
    );
    assert!(!after.column(film, title).unwrap().nullable);
    let keyless = edited(
        &design,
        Command::SetPrimaryKey {
            table: film,
            columns: vec![],
        },
    );
    assert_eq!(owner(&keyless, "film").primary_key, None);
    assert!(!keyless.column(film, film_id).unwrap().nullable);
    assert!(matches!(
        rejected(
            &design,
            Command::SetPrimaryKey {
                table: film,
                columns: vec![title, title]
            }
        ),
        CommandError::RepeatedColumn { .. }
    ));
    assert!(matches!(
        rejected(
            &design,
            Command::SetPrimaryKey {
                table: film,
                columns: vec![column(&design, "actor", "actor_id")]
            }
        ),
        CommandError::NoSuchColumn { .. }
    ));
}

#[test]
fn set_column_unique_adds_and_removes_single_column_constraints_or_does_nothing() {
    let design = catalogue();
    let film = table(&design, "film");
    let title = column(&design, "film", "title");
    let rating = column(&design, "film", "rating");
    let unique = |column, unique| Command::SetColumnUnique {
        table: film,
        column,
        unique,
    };
    let added = edited(&design, unique(rating, true));
    assert_eq!(
        owner(&added, "film").uniques.last(),
        Some(&UniqueConstraint {
            name: None,
            columns: vec![rating]
        })
    );
    let removed = edited(&design, unique(title, false));
    assert!(owner(&removed, "film").uniques.is_empty());
    for no_op in [unique(title, true), unique(rating, false)] {
        let mut copy = design.clone();
        assert_eq!(no_op.apply(&mut copy).unwrap(), Command::nothing());
        assert_eq!(copy, design);
    }
    let film_actor = table(&design, "film_actor");
    let role = column(&design, "film_actor", "role");
    let only_single = edited(
        &design,
        Command::SetColumnUnique {
            table: film_actor,
            column: role,
            unique: false,
        },
    );
    let left: Vec<&Vec<ColumnId>> = owner(&only_single, "film_actor")
        .uniques
        .iter()
        .map(|u| &u.columns)
        .collect();
    assert_eq!(
        left,
        [
            &vec![column(&design, "film_actor", "actor_id")],
            &vec![column(&design, "film_actor", "film_id"), role]
        ]
    );
}
