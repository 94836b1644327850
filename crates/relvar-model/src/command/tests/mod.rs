//! Tests of the commands: each one's effect, its errors (which change nothing), and that its
//! inverse gives back the design before, allocator and the order of every list included.

mod annotations;
mod columns;
mod dependencies;
mod enums;
mod random;
mod random_design;
mod relationships;
mod review;
mod sequences;
mod tables;
mod versions;
mod views;
mod workload;

use super::{Command, CommandError};
use crate::annotation::{Note, SubjectArea};
use crate::design::{Design, EnumType, ForeignKey, Point, ReferentialAction};
use crate::ids::{ColumnId, ForeignKeyId, TableId};
use crate::table::{Column, Index, IndexKey, IndexPart, PrimaryKey, Table, UniqueConstraint};

/// Applies a command to a copy of the design and checks that its inverse gives the design back
/// and that undoing the inverse makes the edit again; returns the edited design.
pub(super) fn edited(design: &Design, command: Command) -> Design {
    let mut after = design.clone();
    let inverse = command.apply(&mut after).unwrap();
    let mut undone = after.clone();
    let redo = inverse.apply(&mut undone).unwrap();
    assert_eq!(&undone, design, "the inverse did not restore the design");
    redo.apply(&mut undone).unwrap();
    assert_eq!(
        undone, after,
        "undoing the inverse did not make the edit again"
    );
    after
}

/// Applies a command that must fail, checks that the design did not change, returns the error.
pub(super) fn rejected(design: &Design, command: Command) -> CommandError {
    let mut copy = design.clone();
    let error = command.apply(&mut copy).unwrap_err();
    assert_eq!(&copy, design, "a failed command changed the design");
    error
}

pub(super) fn table(design: &Design, name: &str) -> TableId {
    design
        .tables
        .iter()
        .find(|table| table.name == name)
        .unwrap()
        .id
}

pub(super) fn column(design: &Design, table_name: &str, name: &str) -> ColumnId {
    let owner = design.table(table(design, table_name)).unwrap();
    owner.column_id(name).unwrap()
}

pub(super) fn table_names(design: &Design) -> Vec<&str> {
    design.tables.iter().map(|t| t.name.as_str()).collect()
}

/// `from_table->to_table` for each foreign key, in order.
pub(super) fn relationship_names(design: &Design) -> Vec<String> {
    let name = |id| design.table(id).map_or("?", |t: &Table| t.name.as_str());
    design
        .foreign_keys
        .iter()
        .map(|fk| format!("{}->{}", name(fk.from_table), name(fk.to_table)))
        .collect()
}

fn key_column(id: ColumnId) -> IndexPart {
    IndexPart {
        key: IndexKey::Column(id),
        prefix: None,
        descending: false,
        operator_class: None,
        collation: None,
    }
}

fn add_table(design: &mut Design, name: &str, columns: &[(&str, &str)]) -> TableId {
    let id = design.ids.table();
    let mut table = Table::new(id, Some("public".into()), name);
    for (column, data_type) in columns {
        let column_id = design.ids.column();
        table
            .columns
            .push(Column::new(column_id, *column, *data_type));
    }
    design.tables.push(table);
    id
}

fn add_foreign_key(
    design: &mut Design,
    (from, from_columns): (&str, &[&str]),
    (to, to_columns): (&str, &[&str]),
) -> ForeignKeyId {
    let id = design.ids.foreign_key();
    let foreign_key = ForeignKey {
        id,
        name: None,
        from_table: table(design, from),
        from_columns: from_columns
            .iter()
            .map(|c| column(design, from, c))
            .collect(),
        to_table: table(design, to),
        to_columns: to_columns.iter().map(|c| column(design, to, c)).collect(),
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferral: Default::default(),
    };
    design.foreign_keys.push(foreign_key);
    id
}

fn set_key(design: &mut Design, table_name: &str, name: Option<&str>, columns: &[&str]) {
    let columns: Vec<ColumnId> = columns
        .iter()
        .map(|c| column(design, table_name, c))
        .collect();
    let owner = design.table_mut(table(design, table_name)).unwrap();
    for column in &mut owner.columns {
        if columns.contains(&column.id) {
            column.nullable = false;
        }
    }
    owner.primary_key = Some(PrimaryKey {
        name: name.map(str::to_owned),
        columns,
    });
}

/// A rental catalogue: five tables with keys, a composite foreign key, unique constraints and
/// indexes (key parts, INCLUDE columns, an expression), an enum, two subject areas sharing a
/// table, collapsed and unplaced tables, and a note. `film_actor` sits in the middle of every
/// list it belongs to.
pub(super) fn catalogue() -> Design {
    let mut design = Design::default();
    design.enums.push(EnumType {
        schema: Some("public".into()),
        name: "mood".into(),
        values: vec!["G".into(), "PG".into(), "R".into()],
    });
    add_table(
        &mut design,
        "actor",
        &[("actor_id", "integer"), ("name", "text")],
    );
    add_table(
        &mut design,
        "film",
        &[
            ("film_id", "integer"),
            ("title", "text"),
            ("rating", "mood"),
        ],
    );
    let film_actor = add_table(
        &mut design,
        "film_actor",
        &[
            ("actor_id", "integer"),
            ("film_id", "integer"),
            ("role", "text"),
        ],
    );
    add_table(
        &mut design,
        "rental",
        &[
            ("rental_id", "integer"),
            ("actor_id", "integer"),
            ("film_id", "integer"),
            ("rented_at", "timestamp"),
        ],
    );
    add_table(
        &mut design,
        "payment",
        &[("payment_id", "integer"), ("rental_id", "integer")],
    );
    set_key(&mut design, "actor", None, &["actor_id"]);
    set_key(&mut design, "film", Some("film_pkey"), &["film_id"]);
    set_key(
        &mut design,
        "film_actor",
        Some("film_actor_pkey"),
        &["actor_id", "film_id"],
    );
    set_key(&mut design, "rental", None, &["rental_id"]);
    set_key(&mut design, "payment", None, &["payment_id"]);

    let title = column(&design, "film", "title");
    let rating = column(&design, "film", "rating");
    let film = design.table_mut(table(&design, "film")).unwrap();
    film.uniques.push(UniqueConstraint {
        name: Some("film_title_key".into()),
        columns: vec![title],
    });
    film.indexes.push(Index {
        name: Some("film_title_idx".into()),
        unique: false,
        method: None,
        parts: vec![key_column(title)],
        include: vec![rating],
        predicate: None,
        kind: None,
        verbatim_options: Vec::new(),
    });

    let fa_actor = column(&design, "film_actor", "actor_id");
    let fa_film = column(&design, "film_actor", "film_id");
    let fa_role = column(&design, "film_actor", "role");
    let owner = design.table_mut(film_actor).unwrap();
    owner.uniques.push(UniqueConstraint {
        name: None,
        columns: vec![fa_actor],
    });
    owner.uniques.push(UniqueConstraint {
        name: Some("film_actor_film_role_key".into()),
        columns: vec![fa_film, fa_role],
    });
    owner.uniques.push(UniqueConstraint {
        name: None,
        columns: vec![fa_role],
    });
    owner.indexes.push(Index {
        name: Some("film_actor_role_lower".into()),
        unique: false,
        method: None,
        parts: vec![IndexPart {
            key: IndexKey::Expression("lower(role)".into()),
            prefix: None,
            descending: false,
            operator_class: None,
            collation: None,
        }],
        include: vec![],
        predicate: None,
        kind: None,
        verbatim_options: Vec::new(),
    });
    owner.indexes.push(Index {
        name: Some("film_actor_film_idx".into()),
        unique: false,
        method: None,
        parts: vec![key_column(fa_film)],
        include: vec![fa_role],
        predicate: None,
        kind: None,
        verbatim_options: Vec::new(),
    });
    owner.indexes.push(Index {
        name: Some("film_actor_actor_idx".into()),
        unique: false,
        method: Some("hash".into()),
        parts: vec![key_column(fa_actor)],
        include: vec![],
        predicate: Some("actor_id > 0".into()),
        kind: None,
        verbatim_options: Vec::new(),
    });

    add_foreign_key(
        &mut design,
        ("film_actor", &["actor_id"]),
        ("actor", &["actor_id"]),
    );
    add_foreign_key(
        &mut design,
        ("payment", &["rental_id"]),
        ("rental", &["rental_id"]),
    );
    add_foreign_key(
        &mut design,
        ("rental", &["actor_id", "film_id"]),
        ("film_actor", &["actor_id", "film_id"]),
    );
    add_foreign_key(
        &mut design,
        ("film_actor", &["film_id"]),
        ("film", &["film_id"]),
    );
    add_foreign_key(&mut design, ("film", &["film_id"]), ("film", &["film_id"]));

    for (index, name) in ["actor", "film", "film_actor", "rental"].iter().enumerate() {
        let at = Point::new(index as f64 * 300.0, 40.0);
        design.layout.positions.insert(table(&design, name), at);
    }
    design.layout.collapsed.insert(table(&design, "actor"));
    design.layout.collapsed.insert(film_actor);

    let catalogue_area = design.ids.area();
    let sales_area = design.ids.area();
    let member = |name| table(&design, name);
    let areas = vec![
        SubjectArea {
            id: catalogue_area,
            name: "Catalogue".into(),
            colour: "#3b6fd8".into(),
            tables: vec![member("film"), film_actor, member("actor")],
        },
        SubjectArea {
            id: sales_area,
            name: "Sales".into(),
            colour: "#d83b6f".into(),
            tables: vec![member("rental"), film_actor, member("payment")],
        },
    ];
    design.areas = areas;
    let note = design.ids.note();
    design.notes.push(Note {
        id: note,
        text: "Ask about rentals".into(),
        at: Point::new(10.0, 500.0),
        colour: None,
    });
    design
}

#[test]
fn a_batch_applies_in_order_and_its_inverse_undoes_in_reverse() {
    let design = catalogue();
    let actor = table(&design, "actor");
    let after = edited(
        &design,
        Command::Batch(vec![
            Command::RenameTable {
                table: actor,
                schema: Some("public".into()),
                name: "performer".into(),
            },
            Command::RenameTable {
                table: actor,
                schema: Some("public".into()),
                name: "artist".into(),
            },
        ]),
    );
    assert_eq!(after.table(actor).unwrap().name, "artist");
}

#[test]
fn a_batch_that_fails_part_way_undoes_what_it_did_and_returns_the_error() {
    let design = catalogue();
    let actor = table(&design, "actor");
    let error = rejected(
        &design,
        Command::Batch(vec![
            Command::DeleteTable {
                table: table(&design, "payment"),
            },
            Command::RenameTable {
                table: actor,
                schema: Some("public".into()),
                name: "performer".into(),
            },
            Command::DeleteTable {
                table: TableId(999),
            },
        ]),
    );
    assert_eq!(error, CommandError::NoSuchTable(TableId(999)));
}

#[test]
fn an_empty_batch_changes_nothing_and_is_its_own_inverse() {
    let mut design = catalogue();
    let before = design.clone();
    assert_eq!(
        Command::nothing().apply(&mut design).unwrap(),
        Command::nothing()
    );
    assert_eq!(design, before);
}

#[test]
fn restore_ids_sets_the_allocator_and_its_inverse_puts_the_old_one_back() {
    let design = catalogue();
    let mut raised = design.ids.clone();
    raised.ensure_above(1000);
    let after = edited(&design, Command::RestoreIds(raised.clone()));
    assert_eq!(after.ids, raised);
}

#[test]
fn replace_design_inverse_brings_back_the_old_one() {
    let design = catalogue();
    let after = edited(&design, Command::ReplaceDesign(Box::default()));
    assert!(after.tables.is_empty());
}

#[test]
fn error_messages_name_things_for_people() {
    let design = catalogue();
    let film = table(&design, "film");
    let cases = [
        (
            Command::RenameTable {
                table: film,
                schema: Some("public".into()),
                name: "ACTOR".into(),
            },
            "a table named public.actor already exists",
        ),
        (
            Command::RenameTable {
                table: film,
                schema: None,
                name: "  ".into(),
            },
            "the table name cannot be blank",
        ),
        (
            Command::DeleteTable {
                table: TableId(999),
            },
            "there is no table with id 999 in this design",
        ),
        (
            Command::DeleteColumn {
                table: film,
                column: ColumnId(999),
            },
            "table public.film has no column with id 999",
        ),
        (
            Command::SetColumnNullable {
                table: film,
                column: column(&design, "film", "film_id"),
                nullable: true,
            },
            "column film_id of table public.film is in the primary key, so it cannot be nullable",
        ),
        (
            Command::DeleteEnum {
                name: "public.mood".into(),
            },
            "enum type public.mood is used by public.film.rating",
        ),
        (
            Command::DeleteForeignKey {
                id: ForeignKeyId(999),
            },
            "there is no relationship with id 999 in this design",
        ),
    ];
    for (command, message) in cases {
        assert_eq!(rejected(&design, command).to_string(), message);
    }
}
