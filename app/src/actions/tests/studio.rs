//! The actions that leave the design alone: what each asks the studio to do, and when.

use super::super::{
    CANCEL, Context, FIT, Outcome, PAN, Picture, REDO, SAVE_PNG, SAVE_SVG, SELECT_ALL, SHORTCUTS,
    UNDO,
};
use super::{context, design, tables};
use crate::selection::Selection;

#[test]
fn undo_and_redo_follow_the_history() {
    let design = design();
    let nothing = Selection::default();
    let fresh = context(&design, &nothing);
    assert_eq!(UNDO.outcome(&fresh), None);
    assert_eq!(REDO.outcome(&fresh), None);
    let both = Context {
        can_undo: true,
        can_redo: true,
        ..fresh
    };
    assert_eq!(UNDO.outcome(&both), Some(Outcome::Undo));
    assert_eq!(REDO.outcome(&both), Some(Outcome::Redo));
}

#[test]
fn select_all_selects_every_table_whatever_was_selected() {
    let design = design();
    let every = tables(&design, &["customer", "orders", "product"]);
    for selection in [
        Selection::default(),
        Selection::of_note(relvar_model::NoteId(1)),
    ] {
        assert_eq!(
            SELECT_ALL.outcome(&context(&design, &selection)),
            Some(Outcome::Select(every.clone()))
        );
    }
}

#[test]
fn the_view_actions_are_always_there() {
    let design = relvar_model::Design::default();
    let nothing = Selection::default();
    let context = context(&design, &nothing);
    let outcomes: Vec<Option<Outcome>> = [&CANCEL, &FIT, &SHORTCUTS, &PAN, &SAVE_SVG, &SAVE_PNG]
        .iter()
        .map(|action| action.outcome(&context))
        .collect();
    assert_eq!(
        outcomes,
        [
            Some(Outcome::Cancel),
            Some(Outcome::Fit),
            Some(Outcome::ToggleShortcutSheet),
            Some(Outcome::HoldToPan),
            Some(Outcome::SavePicture(Picture::Svg)),
            Some(Outcome::SavePicture(Picture::Png)),
        ]
    );
}

#[test]
fn focus_needs_one_table_and_the_whole_design_comes_back_only_from_a_view() {
    use super::super::{FOCUS, FOCUS_WIDER, SHOW_WHOLE};
    use crate::canvas::Shown;
    let design = design();
    let one = tables(&design, &["orders"]);
    let orders = *one.tables.iter().next().unwrap();
    assert_eq!(
        FOCUS.outcome(&context(&design, &one)),
        Some(Outcome::Show(Shown::Focus {
            table: orders,
            steps: 1
        }))
    );
    assert_eq!(
        FOCUS_WIDER.outcome(&context(&design, &one)),
        Some(Outcome::Show(Shown::Focus {
            table: orders,
            steps: 2
        }))
    );
    let two = tables(&design, &["orders", "product"]);
    assert_eq!(FOCUS.outcome(&context(&design, &two)), None);
    assert_eq!(
        FOCUS.outcome(&context(&design, &Selection::default())),
        None
    );
    assert_eq!(SHOW_WHOLE.outcome(&context(&design, &one)), None);
    let viewing = Context {
        viewing_part: true,
        ..context(&design, &one)
    };
    assert_eq!(
        SHOW_WHOLE.outcome(&viewing),
        Some(Outcome::Show(Shown::Whole))
    );
}
