//! The actions that edit the design: when each is enabled, and what its command does and undoes.

use relvar_model::{Command, Point};

use super::super::{
    ADD_NOTE, ADD_TABLE, AUTO_LAYOUT, Context, DELETE, DUPLICATE, GROUP, NUDGE_DOWN, NUDGE_LEFT,
    NUDGE_RIGHT, NUDGE_UP, Outcome,
};
use super::{CENTRE, applied, context, design, names, table, tables};
use crate::selection::Selection;

#[test]
fn delete_needs_a_selection() {
    let design = design();
    let nothing = Selection::default();
    assert!(!(DELETE.enabled)(&context(&design, &nothing)));
    assert_eq!(DELETE.outcome(&context(&design, &nothing)), None);
}

#[test]
fn delete_of_two_tables_removes_them_and_their_relationship_and_is_undone() {
    let design = design();
    let selection = tables(&design, &["customer", "orders"]);
    let context = context(&design, &selection);
    assert!((DELETE.enabled)(&context));
    let (after, then) = applied(&design, DELETE.outcome(&context));
    assert_eq!(names(&after), ["product"]);
    assert!(after.foreign_keys.is_empty());
    assert_eq!(
        then,
        Some(Selection::default()),
        "nothing is selected after"
    );
}

#[test]
fn delete_of_a_relationship_keeps_its_tables() {
    let design = design();
    let Some(foreign_key) = design.foreign_keys.first() else {
        panic!("the design has a relationship");
    };
    let selection = Selection::of_foreign_key(foreign_key.id);
    let (after, _) = applied(&design, DELETE.outcome(&context(&design, &selection)));
    assert_eq!(after.tables.len(), 3);
    assert!(after.foreign_keys.is_empty());
}

#[test]
fn delete_of_a_note_and_of_an_area() {
    let design = design();
    let (with_note, note) = applied(
        &design,
        ADD_NOTE.outcome(&context(&design, &Selection::default())),
    );
    let note = note.unwrap_or_default();
    let (without, _) = applied(&with_note, DELETE.outcome(&context(&with_note, &note)));
    assert!(without.notes.is_empty());

    let selection = tables(&design, &["customer"]);
    let (with_area, area) = applied(&design, GROUP.outcome(&context(&design, &selection)));
    let area = area.unwrap_or_default();
    let (without, _) = applied(&with_area, DELETE.outcome(&context(&with_area, &area)));
    assert!(without.areas.is_empty());
    assert_eq!(without.tables.len(), 3, "deleting an area keeps its tables");
}

#[test]
fn duplicate_copies_each_selected_table_beside_it_and_selects_the_copies() {
    let design = design();
    let nothing = Selection::default();
    assert!(!(DUPLICATE.enabled)(&context(&design, &nothing)));
    let selection = tables(&design, &["customer", "product"]);
    let (after, then) = applied(&design, DUPLICATE.outcome(&context(&design, &selection)));
    assert_eq!(
        names(&after),
        [
            "customer",
            "orders",
            "product",
            "customer_copy",
            "product_copy"
        ]
    );
    let copies = tables(&after, &["customer_copy", "product_copy"]);
    assert_eq!(then, Some(copies));
    let original = design.position(table(&design, "customer"));
    let copy = after.position(table(&after, "customer_copy"));
    assert_eq!(copy, Point::new(original.x + 40.0, original.y + 40.0));
}

#[test]
fn add_table_puts_a_keyed_table_in_the_middle_of_the_view_and_selects_it() {
    let design = design();
    let nothing = Selection::default();
    let context = context(&design, &nothing);
    assert!((ADD_TABLE.enabled)(&context));
    let (after, then) = applied(&design, ADD_TABLE.outcome(&context));
    let added = table(&after, "table");
    assert_eq!(then, Some(Selection::of_tables([added])));
    assert_eq!(after.position(added), CENTRE);
    let Some(new) = after.table(added) else {
        panic!("the table was added");
    };
    let key: Vec<&str> = new
        .columns
        .iter()
        .map(|column| column.name.as_str())
        .collect();
    assert_eq!(key, ["id"]);
    assert!(new.primary_key.is_some());
    assert!(new.columns.iter().all(|column| !column.nullable));

    let (again, _) = applied(&after, ADD_TABLE.outcome(&super::context(&after, &nothing)));
    assert!(names(&again).contains(&String::from("table_2")));
}

#[test]
fn add_note_puts_a_note_in_the_middle_of_the_view_and_selects_it() {
    let design = design();
    let nothing = Selection::default();
    let (after, then) = applied(&design, ADD_NOTE.outcome(&context(&design, &nothing)));
    let Some(note) = after.notes.first() else {
        panic!("a note was added");
    };
    assert_eq!((note.text.as_str(), note.at), ("Note", CENTRE));
    assert_eq!(then, Some(Selection::of_note(note.id)));
}

#[test]
fn group_makes_an_area_of_the_selected_tables() {
    let design = design();
    let nothing = Selection::default();
    assert!(!(GROUP.enabled)(&context(&design, &nothing)));
    assert_eq!(GROUP.outcome(&context(&design, &nothing)), None);
    let selection = tables(&design, &["orders", "customer"]);
    let (after, then) = applied(&design, GROUP.outcome(&context(&design, &selection)));
    let Some(area) = after.areas.first() else {
        panic!("an area was added");
    };
    assert_eq!(area.name, "Area 1");
    let mut members = area.tables.clone();
    members.sort();
    assert_eq!(
        members,
        selection.tables.iter().copied().collect::<Vec<_>>()
    );
    assert_eq!(then, Some(Selection::of_area(area.id)));
}

/// The tables an auto layout moves.
fn laid_out(design: &relvar_model::Design, selection: &Selection) -> Vec<String> {
    let Some(Outcome::Edit {
        command: Command::Batch(moves),
        then: None,
    }) = AUTO_LAYOUT.outcome(&context(design, selection))
    else {
        panic!("auto layout is one batch that keeps the selection");
    };
    let mut moved: Vec<String> = moves
        .iter()
        .filter_map(|command| match command {
            Command::MoveTable { table, .. } => design.table(*table).map(|t| t.name.clone()),
            _ => None,
        })
        .collect();
    moved.sort();
    moved
}

#[test]
fn auto_layout_moves_the_selected_tables_or_all_of_them() {
    let design = design();
    let all = ["customer", "orders", "product"];
    assert_eq!(laid_out(&design, &Selection::default()), all);
    assert_eq!(laid_out(&design, &tables(&design, &["orders"])), all);
    assert_eq!(
        laid_out(&design, &tables(&design, &["orders", "product"])),
        ["orders", "product"]
    );
    applied(
        &design,
        AUTO_LAYOUT.outcome(&context(&design, &Selection::default())),
    );
}

#[test]
fn the_arrows_nudge_the_selected_tables_further_with_shift() {
    let design = design();
    let nothing = Selection::default();
    for action in [&NUDGE_LEFT, &NUDGE_RIGHT, &NUDGE_UP, &NUDGE_DOWN] {
        assert!(
            !(action.enabled)(&context(&design, &nothing)),
            "{}",
            action.id
        );
    }
    let selection = tables(&design, &["customer", "orders"]);
    let customer = table(&design, "customer");
    let before = design.position(customer);
    let moved = |action: &super::super::Action, shift: bool| {
        let context = Context {
            shift,
            ..context(&design, &selection)
        };
        let (after, then) = applied(&design, action.outcome(&context));
        assert_eq!(then, None, "the selection stays");
        let at = after.position(customer);
        (at.x - before.x, at.y - before.y)
    };
    assert_eq!(moved(&NUDGE_LEFT, false), (-10.0, 0.0));
    assert_eq!(moved(&NUDGE_RIGHT, true), (50.0, 0.0));
    assert_eq!(moved(&NUDGE_UP, false), (0.0, -10.0));
    assert_eq!(moved(&NUDGE_DOWN, true), (0.0, 50.0));
}
