//! Versions: saved and removed as undoable edits; refused without a change when a name is blank or
//! taken, or a snapshot holds versions of its own.

use super::{catalogue, edited, rejected};
use crate::command::{Command, CommandError};
use crate::version::Version;

#[test]
fn versions_are_saved_and_removed_and_each_step_undoes() {
    let design = catalogue();
    let first = Version::of(&design, "v1", "2026-12-07T10:00:00Z", "as imported");
    let saved = edited(
        &design,
        Command::SetVersions {
            versions: vec![first.clone()],
        },
    );
    assert_eq!(saved.versions, std::slice::from_ref(&first));
    let second = Version::of(&saved, "v2", "2026-12-07T11:00:00Z", "");
    let both = edited(
        &saved,
        Command::SetVersions {
            versions: vec![first.clone(), second.clone()],
        },
    );
    assert_eq!(both.versions, [first, second]);
    let removed = edited(&both, Command::SetVersions { versions: vec![] });
    assert!(removed.versions.is_empty());
}

#[test]
fn a_blank_taken_or_nested_version_is_refused() {
    let design = catalogue();
    let first = Version::of(&design, "Launch", "2026-12-07T10:00:00Z", "");
    let blank = Version::of(&design, "  ", "2026-12-07T10:00:00Z", "");
    rejected(
        &design,
        Command::SetVersions {
            versions: vec![blank],
        },
    );
    let again = Version::of(&design, "launch", "2026-12-07T12:00:00Z", "");
    let taken = rejected(
        &design,
        Command::SetVersions {
            versions: vec![first.clone(), again],
        },
    );
    assert_eq!(taken, CommandError::VersionNameTaken("launch".into()));
    let mut nested = Version::of(&design, "outer", "2026-12-07T12:00:00Z", "");
    nested.design.versions.push(first);
    let refused = rejected(
        &design,
        Command::SetVersions {
            versions: vec![nested],
        },
    );
    assert_eq!(refused, CommandError::NestedVersions("outer".into()));
}
