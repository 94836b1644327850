//! The registry as a whole: ids and shortcuts unique, the keys the handler answers to as they
//! were, the sheet listing every one of them, the buttons' tooltips.

use std::collections::BTreeSet;

use super::super::sheet::rows;
use super::super::{ACTIONS, Action, Press, for_press};
use super::{context, design};
use crate::selection::Selection;

fn press(key: &str, command: bool, shift: bool) -> Press<'_> {
    Press {
        key,
        command,
        shift,
    }
}

/// Every press a registered key can make: the key in both cases, with and without each modifier.
fn every_press() -> Vec<(String, bool, bool)> {
    let mut presses = BTreeSet::new();
    for action in ACTIONS {
        for shortcut in action.keys {
            for key in [
                shortcut.key.to_owned(),
                shortcut.key.to_ascii_uppercase(),
                shortcut.key.to_ascii_lowercase(),
            ] {
                for command in [false, true] {
                    for shift in [false, true] {
                        presses.insert((key.clone(), command, shift));
                    }
                }
            }
        }
    }
    presses.into_iter().collect()
}

#[test]
fn ids_are_unique_and_every_action_is_named_and_described() {
    let ids: BTreeSet<&str> = ACTIONS.iter().map(|action| action.id).collect();
    assert_eq!(ids.len(), ACTIONS.len());
    for action in ACTIONS {
        assert!(
            !action.label.is_empty() && !action.description.is_empty(),
            "{}",
            action.id
        );
    }
}

#[test]
fn no_key_press_runs_two_actions() {
    for (key, command, shift) in every_press() {
        let answering: Vec<&str> = ACTIONS
            .iter()
            .filter(|action| {
                action
                    .keys
                    .iter()
                    .any(|shortcut| shortcut.matches(&press(&key, command, shift)))
            })
            .map(|action| action.id)
            .collect();
        assert!(
            answering.len() <= 1,
            "{key:?} {command} {shift}: {answering:?}"
        );
    }
}

#[test]
fn the_keys_run_what_they_ran_before_the_registry() {
    let cases: [(&str, bool, bool, Option<&str>); 31] = [
        ("z", true, false, Some("undo")),
        ("Z", true, false, Some("undo")),
        ("z", true, true, Some("redo")),
        ("Z", true, true, Some("redo")),
        ("y", true, false, Some("redo")),
        ("Y", true, true, Some("redo")),
        ("a", true, false, Some("select-all")),
        ("A", true, true, Some("select-all")),
        ("d", true, false, Some("duplicate")),
        ("D", true, true, Some("duplicate")),
        ("Delete", false, false, Some("delete")),
        ("Backspace", false, false, Some("delete")),
        ("Backspace", false, true, Some("delete")),
        ("Escape", false, false, Some("cancel")),
        ("Escape", true, true, Some("cancel")),
        ("ArrowLeft", false, false, Some("nudge-left")),
        ("ArrowRight", false, true, Some("nudge-right")),
        ("ArrowUp", false, false, Some("nudge-up")),
        ("ArrowDown", false, true, Some("nudge-down")),
        ("f", false, false, Some("fit")),
        ("F", false, true, Some("fit")),
        ("?", false, true, Some("shortcuts")),
        ("?", true, true, Some("shortcuts")),
        (" ", false, false, Some("pan")),
        // Left to the browser: find, bookmarks, word deletion, scrolling with Ctrl.
        ("f", true, false, None),
        ("Delete", true, false, None),
        ("Backspace", true, false, None),
        ("ArrowLeft", true, false, None),
        (" ", true, false, None),
        ("z", false, false, None),
        ("x", false, false, None),
    ];
    for (key, command, shift, expected) in cases {
        let found = for_press(&press(key, command, shift)).map(|action| action.id);
        assert_eq!(found, expected, "{key:?} command {command} shift {shift}");
    }
}

#[test]
fn the_sheet_lists_every_key_the_handler_answers_to() {
    let sheet = rows();
    for (key, command, shift) in every_press() {
        let Some(action) = for_press(&press(&key, command, shift)) else {
            continue;
        };
        let listed = action.keys.iter().all(|shortcut| {
            sheet
                .iter()
                .any(|(keys, what)| *what == action.description && keys.contains(&shortcut.label()))
        });
        assert!(
            listed,
            "{} is not in the sheet with all its keys",
            action.id
        );
    }
    let keys: Vec<&str> = sheet.iter().map(|(keys, _)| keys.as_str()).collect();
    assert!(keys.contains(&"Delete, Backspace"), "{keys:?}");
    assert!(keys.contains(&"Ctrl+Shift+Z, Ctrl+Y"), "{keys:?}");
}

#[test]
fn the_sheet_lists_keys_in_registry_order_then_the_pointer() {
    let sheet = rows();
    let first: Vec<(&str, &str)> = sheet
        .iter()
        .take(3)
        .map(|(keys, what)| (keys.as_str(), *what))
        .collect();
    assert_eq!(
        first,
        [
            ("Ctrl+Z", "Undo"),
            ("Ctrl+Shift+Z, Ctrl+Y", "Redo"),
            ("Delete, Backspace", "Delete the selection")
        ]
    );
    let with_keys = ACTIONS
        .iter()
        .filter(|action| !action.keys.is_empty())
        .count();
    assert_eq!(
        sheet.len(),
        with_keys + 5,
        "the five pointer gestures follow"
    );
    assert!(sheet.iter().any(|(keys, _)| keys == "Drag the background"));
}

#[test]
fn tooltips_name_the_first_key() {
    let titles: Vec<String> = [&super::super::UNDO, &super::super::REDO, &super::super::FIT]
        .iter()
        .map(|action| action.title())
        .collect();
    assert_eq!(
        titles,
        [
            "Undo (Ctrl+Z)",
            "Redo (Ctrl+Shift+Z)",
            "Fit the design into view (F)"
        ]
    );
    assert_eq!(
        super::super::GROUP.title(),
        "Group the selected tables into a subject area"
    );
}

/// Every action, with every kind of selection (stale ids among them) and Shift up or down, gives
/// an outcome without panicking, and an edit either applies and is undone exactly or changes
/// nothing.
#[test]
fn every_action_on_every_selection_is_safe() {
    let design = design();
    let stale = relvar_model::TableId(999);
    let mut selections = vec![
        Selection::default(),
        super::tables(&design, &["customer"]),
        super::tables(&design, &["customer", "orders", "product"]),
        Selection::of_tables([stale]),
    ];
    if let Some(foreign_key) = design.foreign_keys.first() {
        selections.push(Selection::of_foreign_key(foreign_key.id));
    }
    selections.push(Selection::of_note(relvar_model::NoteId(999)));
    for action in ACTIONS {
        for selection in &selections {
            for shift in [false, true] {
                for can in [false, true] {
                    let context = super::super::Context {
                        shift,
                        can_undo: can,
                        can_redo: can,
                        ..context(&design, selection)
                    };
                    check_outcome(action, &context);
                }
            }
        }
    }
}

fn check_outcome(action: &Action, context: &super::super::Context) {
    let Some(super::super::Outcome::Edit { command, .. }) = action.outcome(context) else {
        return;
    };
    let mut after = context.design.clone();
    match command.apply(&mut after) {
        Ok(inverse) => {
            inverse
                .apply(&mut after)
                .unwrap_or_else(|error| panic!("{}: its inverse fails: {error}", action.id));
            assert_eq!(&after, context.design, "{}", action.id);
        }
        Err(_) => assert_eq!(&after, context.design, "{}", action.id),
    }
}
