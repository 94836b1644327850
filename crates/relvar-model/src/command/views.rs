//! The command that sets a design's saved views (`Design::saved_views`) as one undoable edit.

use std::collections::BTreeSet;

use super::{Command, CommandError, require_name};
use crate::design::Design;
use crate::saved_view::SavedView;

/// Replaces the saved views; refused (changing nothing) when a name is blank or used twice
/// (ignoring case), a view has no tables, or one names a table the design does not have.
pub(super) fn set(design: &mut Design, views: Vec<SavedView>) -> Result<Command, CommandError> {
    let mut names = BTreeSet::new();
    for view in &views {
        require_name(&view.name, "saved view")?;
        if !names.insert(view.name.trim().to_lowercase()) {
            return Err(CommandError::ViewNameTaken(view.name.clone()));
        }
        if view.tables.is_empty() {
            return Err(CommandError::EmptyView(view.name.clone()));
        }
        let named = view.tables.iter().chain(view.positions.keys());
        if let Some(missing) = named
            .into_iter()
            .find(|table| design.table(**table).is_none())
        {
            return Err(CommandError::NoSuchTable(*missing));
        }
    }
    Ok(restore(design, views))
}

/// Puts saved views in place as they are; the inverse puts back the previous ones.
pub(super) fn restore(design: &mut Design, views: Vec<SavedView>) -> Command {
    Command::RestoreSavedViews(std::mem::replace(&mut design.saved_views, views))
}
