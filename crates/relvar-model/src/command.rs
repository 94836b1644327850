//! Edits to a design. Applying a command returns its inverse, so undo is applying that inverse.

use thiserror::Error;

use crate::design::{Design, Point};
use crate::ids::TableId;

/// One edit of a design.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Puts a table at a position on the canvas.
    MoveTable { table: TableId, to: Point },
    /// Forgets a table's position, so the layout places it; the inverse of a table's first move.
    UnplaceTable { table: TableId },
    /// Swaps the whole design for another one, as an import does.
    ReplaceDesign(Box<Design>),
}

/// Why a command could not be applied; the design is left unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CommandError {
    #[error("there is no table with id {0:?} in this design")]
    NoSuchTable(TableId),
}

impl Command {
    /// Applies the command and returns the command that undoes it.
    pub fn apply(self, design: &mut Design) -> Result<Command, CommandError> {
        match self {
            Command::MoveTable { table, to } => {
                if design.table(table).is_none() {
                    return Err(CommandError::NoSuchTable(table));
                }
                Ok(match design.layout.positions.insert(table, to) {
                    Some(from) => Command::MoveTable { table, to: from },
                    None => Command::UnplaceTable { table },
                })
            }
            Command::UnplaceTable { table } => {
                if design.table(table).is_none() {
                    return Err(CommandError::NoSuchTable(table));
                }
                Ok(match design.layout.positions.remove(&table) {
                    Some(from) => Command::MoveTable { table, to: from },
                    None => Command::UnplaceTable { table },
                })
            }
            Command::ReplaceDesign(next) => {
                let previous = std::mem::replace(design, *next);
                Ok(Command::ReplaceDesign(Box::new(previous)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Table;

    fn design_with_one_table() -> (Design, TableId) {
        let mut design = Design::default();
        let id = design.ids.table();
        design.tables.push(Table::new(id, None, "film"));
        (design, id)
    }

    #[test]
    fn move_then_inverse_restores_the_design() {
        let (mut design, id) = design_with_one_table();
        design.layout.positions.insert(id, Point::new(10.0, 20.0));
        let before = design.clone();
        let inverse = Command::MoveTable {
            table: id,
            to: Point::new(300.0, -5.0),
        }
        .apply(&mut design)
        .unwrap();
        assert_eq!(design.position(id), Point::new(300.0, -5.0));
        inverse.apply(&mut design).unwrap();
        assert_eq!(design, before);
    }

    #[test]
    fn undoing_the_first_move_of_an_unplaced_table_unplaces_it() {
        let (mut design, id) = design_with_one_table();
        let before = design.clone();
        let inverse = Command::MoveTable {
            table: id,
            to: Point::new(1.0, 2.0),
        }
        .apply(&mut design)
        .unwrap();
        assert_eq!(inverse, Command::UnplaceTable { table: id });
        inverse.apply(&mut design).unwrap();
        assert_eq!(design, before);
    }

    #[test]
    fn moving_a_missing_table_is_an_error_and_changes_nothing() {
        let (mut design, _) = design_with_one_table();
        let before = design.clone();
        let result = Command::MoveTable {
            table: TableId(999),
            to: Point::default(),
        }
        .apply(&mut design);
        assert_eq!(result, Err(CommandError::NoSuchTable(TableId(999))));
        assert_eq!(design, before);
    }

    #[test]
    fn replace_design_inverse_brings_back_the_old_one() {
        let (mut design, _) = design_with_one_table();
        let before = design.clone();
        let inverse = Command::ReplaceDesign(Box::default())
            .apply(&mut design)
            .unwrap();
        assert!(design.tables.is_empty());
        inverse.apply(&mut design).unwrap();
        assert_eq!(design, before);
    }
}
