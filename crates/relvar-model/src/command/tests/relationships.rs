//! Tests of the foreign key commands.

use super::{catalogue, column, edited, rejected, relationship_names, table};
use crate::command::{Command, CommandError};
use crate::design::{Deferral, Design, ForeignKey, ReferentialAction};
use crate::ids::{ColumnId, ForeignKeyId, TableId};

fn payment_to_rental_by(design: &Design, columns: &[&str], to: &[&str]) -> ForeignKey {
    let mut ids = design.ids.clone();
    ForeignKey {
        id: ids.foreign_key(),
        name: Some("payment_rental_fk".into()),
        from_table: table(design, "payment"),
        from_columns: columns
            .iter()
            .map(|c| column(design, "payment", c))
            .collect(),
        to_table: table(design, "rental"),
        to_columns: to.iter().map(|c| column(design, "rental", c)).collect(),
        on_delete: ReferentialAction::Cascade,
        on_update: ReferentialAction::NoAction,
        deferral: Deferral::NotDeferrable,
    }
}

#[test]
fn add_foreign_key_appends_one_key_for_all_its_columns_and_raises_the_allocator() {
    let design = catalogue();
    let mut ids = design.ids.clone();
    let composite = ForeignKey {
        id: ids.foreign_key(),
        name: None,
        from_table: table(&design, "payment"),
        from_columns: vec![
            column(&design, "payment", "payment_id"),
            column(&design, "payment", "rental_id"),
        ],
        to_table: table(&design, "film_actor"),
        to_columns: vec![
            column(&design, "film_actor", "actor_id"),
            column(&design, "film_actor", "film_id"),
        ],
        on_delete: ReferentialAction::SetNull,
        on_update: ReferentialAction::Cascade,
        deferral: Deferral::DeferrableDeferred,
    };
    let after = edited(
        &design,
        Command::AddForeignKey {
            foreign_key: composite.clone(),
        },
    );
    assert_eq!(after.foreign_keys.last(), Some(&composite));
    assert_eq!(after.foreign_keys.len(), design.foreign_keys.len() + 1);
    assert_eq!(after.ids, ids);

    let self_reference = ForeignKey {
        id: ids.foreign_key(),
        from_table: table(&design, "actor"),
        from_columns: vec![column(&design, "actor", "name")],
        to_table: table(&design, "actor"),
        to_columns: vec![column(&design, "actor", "actor_id")],
        ..composite
    };
    edited(
        &design,
        Command::AddForeignKey {
            foreign_key: self_reference,
        },
    );
}

#[test]
fn add_foreign_key_rejects_keys_whose_columns_do_not_pair_up() {
    let design = catalogue();
    let add = |foreign_key| Command::AddForeignKey { foreign_key };
    let valid = payment_to_rental_by(&design, &["rental_id"], &["rental_id"]);
    assert_eq!(
        rejected(&design, add(payment_to_rental_by(&design, &[], &[]))),
        CommandError::EmptyForeignKey
    );
    assert_eq!(
        rejected(
            &design,
            add(payment_to_rental_by(
                &design,
                &["rental_id"],
                &["rental_id", "actor_id"]
            ))
        ),
        CommandError::MismatchedKeyColumns { from: 1, to: 2 }
    );
    assert_eq!(
        rejected(
            &design,
            add(payment_to_rental_by(
                &design,
                &["rental_id", "rental_id"],
                &["rental_id", "actor_id"]
            ))
        ),
        CommandError::RepeatedColumn {
            table: "public.payment".into(),
            column: "rental_id".into()
        }
    );
    let mut wrong_side = valid.clone();
    wrong_side.to_columns = vec![column(&design, "payment", "payment_id")];
    assert_eq!(
        rejected(&design, add(wrong_side)),
        CommandError::NoSuchColumn {
            table: "public.rental".into(),
            column: column(&design, "payment", "payment_id")
        }
    );
    let mut missing_table = valid.clone();
    missing_table.to_table = TableId(999);
    assert_eq!(
        rejected(&design, add(missing_table)),
        CommandError::NoSuchTable(TableId(999))
    );
    let mut used_id = valid;
    used_id.id = design.foreign_keys[0].id;
    assert_eq!(
        rejected(&design, add(used_id)),
        CommandError::IdInUse {
            kind: "relationship",
            id: design.foreign_keys[0].id.0
        }
    );
}

#[test]
fn delete_foreign_key_from_the_middle_undoes_in_place() {
    let design = catalogue();
    let middle = design.foreign_keys[2].id;
    let after = edited(&design, Command::DeleteForeignKey { id: middle });
    assert_eq!(
        relationship_names(&after),
        [
            "film_actor->actor",
            "payment->rental",
            "film_actor->film",
            "film->film"
        ]
    );
    assert_eq!(
        rejected(
            &design,
            Command::DeleteForeignKey {
                id: ForeignKeyId(999)
            }
        ),
        CommandError::NoSuchForeignKey(ForeignKeyId(999))
    );
}

#[test]
fn set_foreign_key_columns_repairs_pairs_under_the_same_rules() {
    let design = catalogue();
    let composite = design.foreign_keys[2].id;
    let rental_actor = column(&design, "rental", "actor_id");
    let fa_actor = column(&design, "film_actor", "actor_id");
    let after = edited(
        &design,
        Command::SetForeignKeyColumns {
            id: composite,
            from_columns: vec![rental_actor],
            to_columns: vec![fa_actor],
        },
    );
    let changed = after.foreign_key(composite).unwrap();
    assert_eq!(changed.from_columns, [rental_actor]);
    assert_eq!(changed.to_columns, [fa_actor]);
    let set =
        |from_columns: Vec<ColumnId>, to_columns: Vec<ColumnId>| Command::SetForeignKeyColumns {
            id: composite,
            from_columns,
            to_columns,
        };
    assert_eq!(
        rejected(&design, set(vec![rental_actor], vec![])),
        CommandError::EmptyForeignKey
    );
    assert!(matches!(
        rejected(&design, set(vec![rental_actor], vec![rental_actor])),
        CommandError::NoSuchColumn { .. }
    ));
    assert_eq!(
        rejected(
            &design,
            Command::SetForeignKeyColumns {
                id: ForeignKeyId(999),
                from_columns: vec![rental_actor],
                to_columns: vec![fa_actor]
            }
        ),
        CommandError::NoSuchForeignKey(ForeignKeyId(999))
    );
}

#[test]
fn set_foreign_key_actions_changes_both_and_undoes_both() {
    let design = catalogue();
    let id = design.foreign_keys[1].id;
    let after = edited(
        &design,
        Command::SetForeignKeyActions {
            id,
            on_delete: ReferentialAction::Cascade,
            on_update: ReferentialAction::SetDefault,
        },
    );
    let changed = after.foreign_key(id).unwrap();
    assert_eq!(changed.on_delete, ReferentialAction::Cascade);
    assert_eq!(changed.on_update, ReferentialAction::SetDefault);
}

#[test]
fn inserting_a_foreign_key_back_needs_a_free_id_and_existing_columns() {
    let design = catalogue();
    let existing = design.foreign_keys[0].clone();
    assert!(matches!(
        rejected(
            &design,
            Command::InsertForeignKey {
                foreign_key: existing.clone(),
                index: 0
            }
        ),
        CommandError::IdInUse { .. }
    ));
    let mut dangling = existing;
    dangling.id = ForeignKeyId(999);
    dangling.to_columns = vec![ColumnId(998)];
    assert!(matches!(
        rejected(
            &design,
            Command::InsertForeignKey {
                foreign_key: dangling,
                index: 0
            }
        ),
        CommandError::NoSuchColumn { .. }
    ));
}
