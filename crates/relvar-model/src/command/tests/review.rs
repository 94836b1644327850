//! Switching review rules off and on for a design: kept in the saved form only when some are
//! off, undone exactly, blank rule names refused.

use super::{catalogue, edited, rejected};
use crate::command::{Command, CommandError};
use crate::design::Design;

fn switch(rule: &str, enabled: bool) -> Command {
    Command::SetReviewRuleEnabled {
        rule: rule.to_owned(),
        enabled,
    }
}

#[test]
fn a_rule_is_switched_off_and_on_again_and_each_step_undoes() {
    let design = catalogue();
    let off = edited(&design, switch("RV012", false));
    assert_eq!(off.review_disabled.iter().collect::<Vec<_>>(), ["RV012"]);
    let both = edited(&off, switch("varchar-with-length", false));
    assert_eq!(both.review_disabled.len(), 2);
    let on = edited(&both, switch("RV012", true));
    assert_eq!(
        on.review_disabled.iter().collect::<Vec<_>>(),
        ["varchar-with-length"]
    );
}

#[test]
fn switching_a_rule_to_how_it_is_changes_nothing_and_its_inverse_neither() {
    let design = catalogue();
    let mut same = design.clone();
    let inverse = switch("RV001", true).apply(&mut same).unwrap();
    assert_eq!(same, design);
    assert_eq!(inverse, switch("RV001", true));
    let off = edited(&design, switch("RV001", false));
    let mut again = off.clone();
    let inverse = switch("RV001", false).apply(&mut again).unwrap();
    assert_eq!(again, off);
    assert_eq!(inverse, switch("RV001", false));
}

#[test]
fn a_blank_rule_is_refused() {
    let design = catalogue();
    assert_eq!(
        rejected(&design, switch(" ", false)),
        CommandError::BlankName("review rule")
    );
}

#[test]
fn switched_off_rules_are_saved_only_when_there_are_some() {
    let design = catalogue();
    let saved = serde_json::to_string(&design).unwrap();
    assert!(!saved.contains("review_disabled"), "{saved}");
    let off = edited(&design, switch("RV009", false));
    let saved = serde_json::to_string(&off).unwrap();
    assert!(saved.contains(r#""review_disabled":["RV009"]"#), "{saved}");
    let read: Design = serde_json::from_str(&saved).unwrap();
    assert_eq!(read, off);
}
