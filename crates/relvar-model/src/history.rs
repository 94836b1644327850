//! The command log: applies commands and keeps their inverses for undo and redo.

use crate::command::{Command, CommandError};
use crate::design::Design;

/// Undo and redo stacks of inverse commands.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Command>,
    redo: Vec<Command>,
}

impl History {
    /// Applies a new edit; it clears what could be redone.
    pub fn apply(&mut self, design: &mut Design, command: Command) -> Result<(), CommandError> {
        let inverse = command.apply(design)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; returns false when there is nothing to undo.
    pub fn undo(&mut self, design: &mut Design) -> Result<bool, CommandError> {
        Self::step(&mut self.undo, &mut self.redo, design)
    }

    /// Redoes the last undone edit; returns false when there is nothing to redo.
    pub fn redo(&mut self, design: &mut Design) -> Result<bool, CommandError> {
        Self::step(&mut self.redo, &mut self.undo, design)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn step(
        from: &mut Vec<Command>,
        to: &mut Vec<Command>,
        design: &mut Design,
    ) -> Result<bool, CommandError> {
        let Some(command) = from.pop() else {
            return Ok(false);
        };
        match command.clone().apply(design) {
            Ok(inverse) => {
                to.push(inverse);
                Ok(true)
            }
            Err(error) => {
                from.push(command);
                Err(error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::Point;
    use crate::table::Table;
    use proptest::prelude::*;

    fn design_with_tables(count: u32) -> Design {
        let mut design = Design::default();
        for index in 0..count {
            let id = design.ids.table();
            design
                .tables
                .push(Table::new(id, None, format!("t{index}")));
        }
        design
    }

    proptest! {
        #[test]
        fn undoing_every_move_restores_the_start_and_redoing_reaches_the_end(
            moves in prop::collection::vec((0u32..4, -1e4f64..1e4, -1e4f64..1e4), 0..30)
        ) {
            let mut design = design_with_tables(4);
            let start = design.clone();
            let mut history = History::default();
            for (table, x, y) in &moves {
                let command = Command::MoveTable { table: crate::TableId(*table), to: Point::new(*x, *y) };
                history.apply(&mut design, command).unwrap();
            }
            let end = design.clone();
            while history.undo(&mut design).unwrap() {}
            prop_assert_eq!(&design, &start);
            while history.redo(&mut design).unwrap() {}
            prop_assert_eq!(&design, &end);
        }
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut design = design_with_tables(1);
        let mut history = History::default();
        let id = design.tables[0].id;
        history
            .apply(
                &mut design,
                Command::MoveTable {
                    table: id,
                    to: Point::new(1.0, 1.0),
                },
            )
            .unwrap();
        history.undo(&mut design).unwrap();
        assert!(history.can_redo());
        history
            .apply(
                &mut design,
                Command::MoveTable {
                    table: id,
                    to: Point::new(2.0, 2.0),
                },
            )
            .unwrap();
        assert!(!history.can_redo());
    }
}
