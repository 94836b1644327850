//! Sequences follow the column that owns them (a serial column's): renamed with its table or
//! column, and gone with it, as PostgreSQL drops an owned sequence with its owner. Each sequence
//! is named by its qualified name, so edits of different sequences compose.

use super::{Command, CommandError, insert_clamped};
use crate::design::Design;
use crate::sequence::SequenceOwner;
use crate::table::Table;

/// What becomes of a sequence's owner after an edit.
pub(super) enum Owner {
    Kept,
    Renamed(SequenceOwner),
    Dropped,
}

fn position(design: &Design, name: &str) -> Result<usize, CommandError> {
    design
        .sequences
        .iter()
        .position(|sequence| sequence.qualified_name() == name)
        .ok_or_else(|| CommandError::NoSuchSequence(name.to_owned()))
}

pub(super) fn delete(design: &mut Design, name: &str) -> Result<Command, CommandError> {
    let index = position(design, name)?;
    let sequence = design.sequences.remove(index);
    Ok(Command::InsertSequence {
        sequence: Box::new(sequence),
        index,
    })
}

pub(super) fn insert(design: &mut Design, sequence: crate::Sequence, index: usize) -> Command {
    let name = sequence.qualified_name();
    insert_clamped(&mut design.sequences, index, sequence);
    Command::DeleteSequence { name }
}

pub(super) fn set_owner(
    design: &mut Design,
    name: &str,
    owner: Option<SequenceOwner>,
) -> Result<Command, CommandError> {
    let index = position(design, name)?;
    let sequence = design
        .sequences
        .get_mut(index)
        .ok_or_else(|| CommandError::NoSuchSequence(name.to_owned()))?;
    let previous = std::mem::replace(&mut sequence.owned_by, owner);
    Ok(Command::SetSequenceOwner {
        name: name.to_owned(),
        owner: previous,
    })
}

/// The commands that make the design's sequences follow an edit of their owners (none when no
/// sequence is owned by what the edit touches).
pub(super) fn following(
    design: &Design,
    owner_after: impl Fn(&SequenceOwner) -> Owner,
) -> Vec<Command> {
    design
        .sequences
        .iter()
        .filter_map(|sequence| {
            let name = sequence.qualified_name();
            match owner_after(sequence.owned_by.as_ref()?) {
                Owner::Kept => None,
                Owner::Renamed(owner) => Some(Command::SetSequenceOwner {
                    name,
                    owner: Some(owner),
                }),
                Owner::Dropped => Some(Command::DeleteSequence { name }),
            }
        })
        .collect()
}

/// Whether the owner is a column of `table` and of no other table of the design (an owner
/// named after two tables is left as it is).
pub(super) fn owned_by_only(design: &Design, owner: &SequenceOwner, table: &Table) -> bool {
    owner.is_of(table)
        && !design
            .tables
            .iter()
            .any(|other| other.id != table.id && owner.is_of(other))
}

/// Whether the owner is `table`'s column called `column`, and no other table's.
pub(super) fn owned_by_column_only(
    design: &Design,
    owner: &SequenceOwner,
    table: &Table,
    column: &str,
) -> bool {
    owner.is_column(table, column) && owned_by_only(design, owner, table)
}

/// The owner a sequence has once `table` is called `renamed`.
pub(super) fn after_table_rename(
    design: &Design,
    owner: &SequenceOwner,
    table: &Table,
    renamed: &Table,
) -> Owner {
    if owned_by_only(design, owner, table) {
        Owner::Renamed(SequenceOwner {
            table: renamed.qualified_name(),
            column: owner.column.clone(),
        })
    } else {
        Owner::Kept
    }
}
