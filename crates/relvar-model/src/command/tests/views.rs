//! Saved views: set, replaced and undone exactly; refused without a change when a name is blank
//! or taken or a member is missing; a deleted table leaves every view, and undo puts it back.

use super::{catalogue, edited, rejected, table};
use crate::command::{Command, CommandError};
use crate::design::{Design, Point};
use crate::ids::TableId;
use crate::saved_view::SavedView;

fn view(design: &Design, name: &str, members: &[&str]) -> SavedView {
    let tables: Vec<TableId> = members.iter().map(|name| table(design, name)).collect();
    let positions = tables
        .iter()
        .enumerate()
        .map(|(index, table)| (*table, Point::new(index as f64 * 300.0, 40.0)))
        .collect();
    SavedView {
        name: name.into(),
        tables,
        positions,
    }
}

#[test]
fn saved_views_are_set_replaced_and_cleared_and_each_step_undoes() {
    let design = catalogue();
    let first = view(&design, "Films", &["film", "actor"]);
    let set = edited(
        &design,
        Command::SetSavedViews {
            views: vec![first.clone()],
        },
    );
    assert_eq!(set.saved_views, std::slice::from_ref(&first));
    let mut moved = first.clone();
    moved
        .positions
        .insert(table(&design, "film"), Point::new(-50.0, 9.0));
    let replaced = edited(
        &set,
        Command::SetSavedViews {
            views: vec![moved.clone()],
        },
    );
    assert_eq!(replaced.saved_views, [moved]);
    let cleared = edited(&replaced, Command::SetSavedViews { views: vec![] });
    assert!(cleared.saved_views.is_empty());
}

#[test]
fn a_view_with_a_blank_or_taken_name_no_tables_or_a_missing_table_is_refused() {
    let design = catalogue();
    let films = view(&design, "Films", &["film"]);
    let blank = SavedView {
        name: "  ".into(),
        ..films.clone()
    };
    assert!(matches!(
        rejected(&design, Command::SetSavedViews { views: vec![blank] }),
        CommandError::BlankName(_)
    ));
    let twice = SavedView {
        name: "films".into(),
        ..films.clone()
    };
    assert_eq!(
        rejected(
            &design,
            Command::SetSavedViews {
                views: vec![films.clone(), twice]
            }
        ),
        CommandError::ViewNameTaken("films".into())
    );
    let empty = SavedView {
        tables: vec![],
        positions: Default::default(),
        ..films.clone()
    };
    assert_eq!(
        rejected(&design, Command::SetSavedViews { views: vec![empty] }),
        CommandError::EmptyView("Films".into())
    );
    let ghost = SavedView {
        tables: vec![TableId(999)],
        ..films
    };
    assert_eq!(
        rejected(&design, Command::SetSavedViews { views: vec![ghost] }),
        CommandError::NoSuchTable(TableId(999))
    );
}

#[test]
fn deleting_a_table_takes_it_out_of_every_view_and_undo_puts_it_back() {
    let design = catalogue();
    let views = vec![
        view(&design, "Films", &["film", "actor"]),
        view(&design, "Only films", &["film"]),
    ];
    let with_views = edited(&design, Command::SetSavedViews { views });
    let film = table(&design, "film");
    let deleted = edited(&with_views, Command::DeleteTable { table: film });
    assert_eq!(deleted.saved_views.len(), 1, "a view left empty goes");
    assert_eq!(deleted.saved_views[0].tables, [table(&design, "actor")]);
    assert!(!deleted.saved_views[0].positions.contains_key(&film));
    assert!(deleted.check_consistent().is_ok());
}
