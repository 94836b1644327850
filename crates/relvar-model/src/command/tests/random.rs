//! Random edits of every kind, valid and not, applied to random designs through `History`: each
//! inverse restores the design before, undoing everything gives the start, redoing everything
//! gives the end, failed edits change nothing, and ids and references stay consistent.

use proptest::prelude::*;

use super::random_design::check_consistent;
use crate::command::Command;
use crate::design::Design;
use crate::history::History;
use crate::testing::edits::{command, recipe};
use crate::testing::{build, design_seed};

/// Whether the command removes or moves something that exists, which nothing may prevent.
fn cannot_fail(design: &Design, command: &Command) -> bool {
    match command {
        Command::DeleteTable { table } | Command::UnplaceTable { table } => {
            design.table(*table).is_some()
        }
        Command::DeleteColumn { table, column } | Command::MoveColumn { table, column, .. } => {
            design.column(*table, *column).is_some()
        }
        Command::DeleteForeignKey { id } => design.foreign_key(*id).is_some(),
        Command::DeleteNote { id } => design.note(*id).is_some(),
        Command::DeleteArea { id } => design.area(*id).is_some(),
        Command::RemoveEnum { name } => design.enums.iter().any(|e| e.qualified_name() == *name),
        Command::RestoreIds(_) | Command::ReplaceDesign(_) => true,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_invert_undo_and_redo_exactly(
        seed in design_seed(),
        recipes in prop::collection::vec(recipe(), 1..30),
    ) {
        let mut design = build(&seed);
        check_consistent(&design)?;
        let mut history = History::default();
        let mut states = vec![design.clone()];
        for recipe in &recipes {
            let command = command(&design, recipe);
            let before = design.clone();
            let mut probe = design.clone();
            match command.clone().apply(&mut probe) {
                Ok(inverse) => {
                    let after = probe.clone();
                    let redo = inverse.apply(&mut probe);
                    prop_assert_eq!(&probe, &before, "inverse of {:?}", command);
                    prop_assert!(redo.is_ok());
                    if let Ok(redo) = redo {
                        prop_assert!(redo.apply(&mut probe).is_ok());
                        prop_assert_eq!(&probe, &after, "redo of {:?}", command);
                    }
                    prop_assert!(history.apply(&mut design, command).is_ok());
                    prop_assert_eq!(&design, &after);
                    check_consistent(&design)?;
                    states.push(design.clone());
                }
                Err(error) => {
                    prop_assert!(!cannot_fail(&design, &command), "{:?}: {}", command, error);
                    prop_assert_eq!(&probe, &before, "failed {:?} changed the design", command);
                    prop_assert_eq!(history.apply(&mut design, command), Err(error));
                    prop_assert_eq!(&design, &before);
                }
            }
        }
        for expected in states.iter().rev().skip(1) {
            prop_assert_eq!(history.undo(&mut design), Ok(true));
            prop_assert_eq!(&design, expected);
        }
        prop_assert_eq!(history.undo(&mut design), Ok(false));
        for expected in states.iter().skip(1) {
            prop_assert_eq!(history.redo(&mut design), Ok(true));
            prop_assert_eq!(&design, expected);
        }
        prop_assert_eq!(history.redo(&mut design), Ok(false));
    }
}
