//! The workload and capacity settings: set and undone exactly, saved only when present (a
//! frequency of 1 left out), and refused without a change when a query is blank or never runs.

use super::{catalogue, edited, rejected, table};
use crate::command::{Command, CommandError};
use crate::decision::Decision;
use crate::dependency::{DeclaredDependency, DependencyKind};
use crate::design::Design;
use crate::workload::WorkloadQuery;

fn queries() -> Vec<WorkloadQuery> {
    vec![
        WorkloadQuery::new("SELECT * FROM actor WHERE name = $1", 50),
        WorkloadQuery::new("SELECT count(*) FROM film", 1),
    ]
}

#[test]
fn a_workload_is_set_replaced_and_cleared_and_each_step_undoes() {
    let design = catalogue();
    let set = edited(&design, Command::SetWorkload { queries: queries() });
    assert_eq!(set.workload, queries());
    let replaced = edited(
        &set,
        Command::SetWorkload {
            queries: vec![WorkloadQuery::new("SELECT 1", 3)],
        },
    );
    assert_eq!(replaced.workload, [WorkloadQuery::new("SELECT 1", 3)]);
    let cleared = edited(&replaced, Command::SetWorkload { queries: vec![] });
    assert!(cleared.workload.is_empty());
}

#[test]
fn a_blank_query_or_a_zero_frequency_is_refused_by_its_position() {
    let design = catalogue();
    let mut blank = queries();
    blank.push(WorkloadQuery::new("  \n", 2));
    assert_eq!(
        rejected(&design, Command::SetWorkload { queries: blank }),
        CommandError::BlankQuery(3)
    );
    let mut never = queries();
    never[1].frequency = 0;
    assert_eq!(
        rejected(&design, Command::SetWorkload { queries: never }),
        CommandError::ZeroFrequency(2)
    );
}

#[test]
fn the_workload_is_saved_only_when_there_is_one_and_a_frequency_of_one_is_left_out() {
    let design = catalogue();
    let saved = serde_json::to_string(&design).unwrap();
    assert!(!saved.contains("workload"), "{saved}");
    let set = edited(&design, Command::SetWorkload { queries: queries() });
    let saved = serde_json::to_string(&set).unwrap();
    assert!(
        saved.contains(r#""workload":[{"sql":"SELECT * FROM actor WHERE name = $1","frequency":50},{"sql":"SELECT count(*) FROM film"}]"#),
        "{saved}"
    );
    let read: Design = serde_json::from_str(&saved).unwrap();
    assert_eq!(read, set);
}

#[test]
fn expected_rows_are_set_cleared_undone_and_saved_only_when_known() {
    let design = catalogue();
    let actor = table(&design, "actor");
    let set = edited(
        &design,
        Command::SetTableExpectedRows {
            table: actor,
            rows: Some(3_000_000_000),
        },
    );
    assert_eq!(set.table(actor).unwrap().expected_rows, Some(3_000_000_000));
    let saved = serde_json::to_string(&set).unwrap();
    assert!(saved.contains(r#""expected_rows":3000000000"#), "{saved}");
    assert!(
        !serde_json::to_string(&design)
            .unwrap()
            .contains("expected_rows")
    );
    let cleared = edited(
        &set,
        Command::SetTableExpectedRows {
            table: actor,
            rows: None,
        },
    );
    assert_eq!(cleared, design);
    assert_eq!(
        rejected(
            &design,
            Command::SetTableExpectedRows {
                table: crate::ids::TableId(9_999),
                rows: Some(1),
            }
        ),
        CommandError::NoSuchTable(crate::ids::TableId(9_999))
    );
}

#[test]
fn decisions_are_set_and_undone_saved_without_their_defaults_and_refused_without_a_title() {
    use crate::decision::{Decision, DecisionStatus};
    let design = catalogue();
    let decision = Decision {
        title: "Money as numeric(12,2)".into(),
        status: DecisionStatus::Accepted,
        date: "2026-12-02".into(),
        context: "Totals must add up to the cent.".into(),
        decision: "Every amount is numeric(12,2), never float.".into(),
        consequences: String::new(),
    };
    let set = edited(
        &design,
        Command::SetDecisions {
            decisions: vec![decision.clone()],
        },
    );
    assert_eq!(set.decisions, [decision]);
    let saved = serde_json::to_string(&set).unwrap();
    assert!(
        saved.contains(r#""decisions":[{"title":"Money as numeric(12,2)","status":"Accepted","date":"2026-12-02","context":"Totals must add up to the cent.","decision":"Every amount is numeric(12,2), never float."}]"#),
        "{saved}"
    );
    let read: Design = serde_json::from_str(&saved).unwrap();
    assert_eq!(read, set);
    let proposed = serde_json::to_string(&Decision {
        title: "t".into(),
        ..Decision::default()
    })
    .unwrap();
    assert_eq!(proposed, r#"{"title":"t"}"#);
    assert_eq!(
        rejected(
            &design,
            Command::SetDecisions {
                decisions: vec![Decision::default()],
            }
        ),
        CommandError::UntitledDecision(1)
    );
    assert_eq!(
        DecisionStatus::from_label(" accepted"),
        Some(DecisionStatus::Accepted)
    );
    assert_eq!(DecisionStatus::from_label("maybe"), None);
}

#[test]
fn what_an_opened_file_holds_against_the_rules_comes_back_on_undo() {
    let mut design = catalogue();
    design.workload = vec![WorkloadQuery::new(" ", 0)];
    design.decisions = vec![Decision {
        title: String::new(),
        ..Decision::default()
    }];
    let film = table(&design, "film");
    if let Some(film) = design.table_mut(film) {
        film.dependencies = vec![DeclaredDependency {
            kind: DependencyKind::Functional,
            lhs: Vec::new(),
            rhs: Vec::new(),
        }];
    }
    edited(&design, Command::SetWorkload { queries: vec![] });
    edited(&design, Command::SetDecisions { decisions: vec![] });
    edited(
        &design,
        Command::SetTableDependencies {
            table: film,
            dependencies: vec![],
        },
    );
}
