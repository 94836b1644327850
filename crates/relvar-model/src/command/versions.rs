//! The command that sets a design's versions (`Design::versions`) as one undoable edit.

use std::collections::BTreeSet;

use super::{Command, CommandError, require_name};
use crate::design::Design;
use crate::version::Version;

/// Replaces the versions; refused (changing nothing) when a name is blank or used twice (case
/// aside), or a snapshot carries versions of its own.
pub(super) fn set(design: &mut Design, versions: Vec<Version>) -> Result<Command, CommandError> {
    let mut names = BTreeSet::new();
    for version in &versions {
        require_name(&version.name, "version")?;
        if !names.insert(version.name.trim().to_lowercase()) {
            return Err(CommandError::VersionNameTaken(version.name.clone()));
        }
        if !version.design.versions.is_empty() {
            return Err(CommandError::NestedVersions(version.name.clone()));
        }
    }
    Ok(restore(design, versions))
}

/// Puts versions in place as they are; the inverse puts back the previous ones.
pub(super) fn restore(design: &mut Design, versions: Vec<Version>) -> Command {
    Command::RestoreVersions(std::mem::replace(&mut design.versions, versions))
}
