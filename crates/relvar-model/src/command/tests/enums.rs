//! Tests of the enum type commands.

use super::{catalogue, column, edited, rejected, table};
use crate::command::{Command, CommandError};
use crate::design::{Design, EnumType};
use crate::table::Column;

fn enum_type(schema: Option<&str>, name: &str, values: &[&str]) -> EnumType {
    EnumType {
        schema: schema.map(str::to_owned),
        name: name.to_owned(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
    }
}

/// The catalogue with a second column of type `mood`, spelled qualified and in capitals.
fn with_qualified_user() -> Design {
    let mut design = catalogue();
    let id = design.ids.column();
    let rental = table(&design, "rental");
    design
        .table_mut(rental)
        .unwrap()
        .columns
        .push(Column::new(id, "mood_after", "PUBLIC.MOOD"));
    design
}

#[test]
fn add_enum_appends_and_rejects_taken_and_blank_names_and_values() {
    let design = catalogue();
    let add = |enum_type| Command::AddEnum { enum_type };
    let status = enum_type(Some("public"), "status", &["open", "closed"]);
    let after = edited(&design, add(status.clone()));
    assert_eq!(after.enums.last(), Some(&status));
    assert_eq!(
        rejected(&design, add(enum_type(Some("PUBLIC"), "Mood", &["x"]))),
        CommandError::EnumNameTaken("public.mood".into())
    );
    edited(&design, add(enum_type(None, "mood", &["x"])));
    assert_eq!(
        rejected(&design, add(enum_type(None, " ", &["x"]))),
        CommandError::BlankName("enum type")
    );
    assert_eq!(
        rejected(&design, add(enum_type(None, "status", &["open", ""]))),
        CommandError::BlankEnumValue("status".into())
    );
    assert_eq!(
        rejected(&design, add(enum_type(None, "status", &["open", "open"]))),
        CommandError::RepeatedEnumValue {
            name: "status".into(),
            value: "open".into()
        }
    );
}

#[test]
fn delete_enum_refuses_while_columns_use_it_and_names_them() {
    let design = with_qualified_user();
    assert_eq!(
        rejected(
            &design,
            Command::DeleteEnum {
                name: "public.mood".into()
            }
        ),
        CommandError::EnumInUse {
            name: "public.mood".into(),
            columns: vec![
                "public.film.rating".into(),
                "public.rental.mood_after".into()
            ],
        }
    );
    let mut unused = catalogue();
    unused.enums.insert(0, enum_type(None, "status", &["open"]));
    let after = edited(
        &unused,
        Command::DeleteEnum {
            name: "STATUS".into(),
        },
    );
    assert_eq!(after.enums.len(), 1);
    assert_eq!(
        rejected(
            &design,
            Command::DeleteEnum {
                name: "status".into()
            }
        ),
        CommandError::NoSuchEnum("status".into())
    );
}

#[test]
fn rename_enum_rewrites_the_columns_that_named_it_and_undo_restores_both() {
    let design = with_qualified_user();
    let film = table(&design, "film");
    let rental = table(&design, "rental");
    let rating = column(&design, "film", "rating");
    let mood_after = column(&design, "rental", "mood_after");
    let after = edited(
        &design,
        Command::RenameEnum {
            name: "public.mood".into(),
            schema: Some("public".into()),
            new_name: "rating_code".into(),
        },
    );
    assert_eq!(after.enums[0].qualified_name(), "public.rating_code");
    assert_eq!(after.enums[0].values, design.enums[0].values);
    assert_eq!(after.column(film, rating).unwrap().data_type, "rating_code");
    assert_eq!(
        after.column(rental, mood_after).unwrap().data_type,
        "public.rating_code"
    );
    let moved = edited(
        &design,
        Command::RenameEnum {
            name: "public.mood".into(),
            schema: Some("codes".into()),
            new_name: "mood".into(),
        },
    );
    assert_eq!(moved.column(film, rating).unwrap().data_type, "codes.mood");
    let mut crowded = design.clone();
    crowded
        .enums
        .push(enum_type(Some("public"), "status", &["x"]));
    assert_eq!(
        rejected(
            &crowded,
            Command::RenameEnum {
                name: "public.mood".into(),
                schema: Some("public".into()),
                new_name: "STATUS".into()
            }
        ),
        CommandError::EnumNameTaken("public.status".into())
    );
    assert_eq!(
        rejected(
            &design,
            Command::RenameEnum {
                name: "public.mood".into(),
                schema: None,
                new_name: "".into()
            }
        ),
        CommandError::BlankName("enum type")
    );
}

#[test]
fn set_enum_values_replaces_them_under_the_same_rules() {
    let design = catalogue();
    let after = edited(
        &design,
        Command::SetEnumValues {
            name: "public.mood".into(),
            values: vec!["NC-17".into(), "G".into()],
        },
    );
    assert_eq!(after.enums[0].values, ["NC-17", "G"]);
    assert_eq!(
        rejected(
            &design,
            Command::SetEnumValues {
                name: "public.mood".into(),
                values: vec!["G".into(), "G".into()]
            }
        ),
        CommandError::RepeatedEnumValue {
            name: "public.mood".into(),
            value: "G".into()
        }
    );
    assert_eq!(
        rejected(
            &design,
            Command::SetEnumValues {
                name: "nothing".into(),
                values: vec![]
            }
        ),
        CommandError::NoSuchEnum("nothing".into())
    );
}

#[test]
fn enum_primitives_keep_qualified_names_distinct() {
    let mut design = catalogue();
    design.enums.push(enum_type(None, "Mood", &["a"]));
    design.enums.push(enum_type(None, "mood", &["b"]));
    let removed = edited(
        &design,
        Command::RemoveEnum {
            name: "mood".into(),
        },
    );
    assert_eq!(removed.enums.last(), Some(&enum_type(None, "Mood", &["a"])));
    assert_eq!(
        rejected(
            &design,
            Command::InsertEnum {
                enum_type: enum_type(None, "mood", &[]),
                index: 0
            }
        ),
        CommandError::EnumNameTaken("mood".into())
    );
    assert_eq!(
        rejected(
            &design,
            Command::ReplaceEnum {
                name: "Mood".into(),
                enum_type: enum_type(None, "mood", &[])
            }
        ),
        CommandError::EnumNameTaken("mood".into())
    );
}
