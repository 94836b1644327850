//! A sequence owned by a column (a serial column's) follows its owner: renamed with the table or
//! the column, gone with either, back on undo; another table's sequence is left alone.

use super::*;
use crate::sequence::{Sequence, SequenceOwner};

fn with_serials() -> Design {
    let mut design = Design::default();
    add_table(&mut design, "users", &[("id", "integer"), ("name", "text")]);
    add_table(&mut design, "orders", &[("id", "integer")]);
    for (table, sequence) in [
        ("public.users", "users_id_seq"),
        ("orders", "orders_id_seq"),
    ] {
        design.sequences.push(Sequence {
            name: sequence.into(),
            owned_by: Some(SequenceOwner {
                table: table.into(),
                column: "id".into(),
            }),
            ..Sequence::default()
        });
    }
    design.sequences.push(Sequence {
        name: "free_seq".into(),
        ..Sequence::default()
    });
    design
}

fn owners(design: &Design) -> Vec<String> {
    design
        .sequences
        .iter()
        .map(|sequence| match &sequence.owned_by {
            Some(owner) => format!("{} {}.{}", sequence.name, owner.table, owner.column),
            None => sequence.name.clone(),
        })
        .collect()
}

#[test]
fn a_renamed_table_or_column_takes_its_sequence_along() {
    let design = with_serials();
    let users = table(&design, "users");
    let renamed = edited(
        &design,
        Command::RenameTable {
            table: users,
            schema: Some("public".into()),
            name: "members".into(),
        },
    );
    assert_eq!(
        owners(&renamed),
        [
            "users_id_seq public.members.id",
            "orders_id_seq orders.id",
            "free_seq"
        ]
    );
    let column_renamed = edited(
        &design,
        Command::RenameColumn {
            table: users,
            column: column(&design, "users", "id"),
            name: "user_id".into(),
        },
    );
    assert_eq!(
        owners(&column_renamed),
        [
            "users_id_seq public.users.user_id",
            "orders_id_seq orders.id",
            "free_seq"
        ]
    );
    let other_column = edited(
        &design,
        Command::RenameColumn {
            table: users,
            column: column(&design, "users", "name"),
            name: "full_name".into(),
        },
    );
    assert_eq!(owners(&other_column), owners(&design));
}

#[test]
fn a_deleted_table_or_column_takes_its_sequence_with_it() {
    let design = with_serials();
    let deleted = edited(
        &design,
        Command::DeleteTable {
            table: table(&design, "orders"),
        },
    );
    assert_eq!(
        owners(&deleted),
        ["users_id_seq public.users.id", "free_seq"]
    );
    let column_deleted = edited(
        &design,
        Command::DeleteColumn {
            table: table(&design, "users"),
            column: column(&design, "users", "id"),
        },
    );
    assert_eq!(
        owners(&column_deleted),
        ["orders_id_seq orders.id", "free_seq"]
    );
}
