//! Turning a drag from one column to another into a relationship: the dragged column references
//! the column it was dropped on; dropping on a column of a composite primary key makes one
//! composite relationship when the dragged column's table has columns of the same names.

use relvar_model::{ColumnId, Command, Design, ForeignKey, ReferentialAction, TableId};

/// The command that creates the relationship, or why there is none to create.
pub fn connect_command(
    design: &Design,
    (from_table, from_column): (TableId, ColumnId),
    (to_table, to_column): (TableId, ColumnId),
) -> Result<Command, String> {
    let child = design.table(from_table).ok_or("the table is gone")?;
    let parent = design.table(to_table).ok_or("the table is gone")?;
    if from_table == to_table && from_column == to_column {
        return Err(String::from("Drop the relationship on another column."));
    }
    let composite = parent
        .primary_key
        .as_ref()
        .filter(|key| key.columns.len() > 1 && key.columns.contains(&to_column))
        .and_then(|key| {
            let pairs: Option<Vec<(ColumnId, ColumnId)>> = key
                .columns
                .iter()
                .map(|parent_column| {
                    let name = &parent
                        .columns
                        .iter()
                        .find(|column| column.id == *parent_column)?
                        .name;
                    let child_column = child
                        .columns
                        .iter()
                        .find(|column| column.name.eq_ignore_ascii_case(name))?;
                    Some((child_column.id, *parent_column))
                })
                .collect();
            pairs.filter(|pairs| {
                pairs
                    .iter()
                    .any(|(child_column, _)| *child_column == from_column)
            })
        });
    let (from_columns, to_columns) = composite
        .unwrap_or_else(|| vec![(from_column, to_column)])
        .into_iter()
        .unzip();
    let mut ids = design.ids.clone();
    let foreign_key = ForeignKey {
        id: ids.foreign_key(),
        name: None,
        from_table,
        from_columns,
        to_table,
        to_columns,
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferral: Default::default(),
    };
    Ok(Command::AddForeignKey { foreign_key })
}
