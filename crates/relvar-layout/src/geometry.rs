//! Table box metrics. The canvas draws with a monospace font so these sizes match what is drawn.

use relvar_model::Table;

/// Width of one character of the canvas font (13 px monospace, 0.6 em advance).
pub const CHAR_WIDTH: f64 = 7.8;
pub const HEADER_HEIGHT: f64 = 30.0;
pub const ROW_HEIGHT: f64 = 22.0;
pub const PADDING_X: f64 = 10.0;
/// Room for the key marker column left of the column names.
pub const MARKER_WIDTH: f64 = 22.0;
const NAME_TYPE_GAP: f64 = 18.0;
const BOTTOM_PADDING: f64 = 6.0;
const MIN_WIDTH: f64 = 160.0;

/// Width and height in canvas units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR_WIDTH
}

/// The size of a table's box: a header with its name, then one row per column.
pub fn table_size(table: &Table) -> Size {
    size_with_rows(table, table.columns.len())
}

/// The size of a table's box drawn with `rows` of its columns; as wide as its widest column.
pub fn size_with_rows(table: &Table, rows: usize) -> Size {
    let header = text_width(&table.display_name()) + 2.0 * PADDING_X;
    let widest_row = table
        .columns
        .iter()
        .map(|column| {
            MARKER_WIDTH
                + text_width(&column.name)
                + NAME_TYPE_GAP
                + text_width(&column.data_type)
                + CHAR_WIDTH
        })
        .fold(0.0, f64::max)
        + 2.0 * PADDING_X;
    Size {
        width: header.max(widest_row).max(MIN_WIDTH).ceil(),
        height: HEADER_HEIGHT + rows as f64 * ROW_HEIGHT + BOTTOM_PADDING,
    }
}

/// Vertical centre of the row of the column at `index`, from the top of the box.
pub fn row_center_y(index: usize) -> f64 {
    HEADER_HEIGHT + (index as f64 + 0.5) * ROW_HEIGHT
}

#[cfg(test)]
mod tests {
    use super::*;
    use relvar_model::{Column, ColumnId, TableId};

    #[test]
    fn boxes_grow_with_their_longest_row_and_their_column_count() {
        let mut table = Table::new(TableId(0), Some("public".into()), "t");
        let empty = table_size(&table);
        assert_eq!(
            empty,
            Size {
                width: 160.0,
                height: HEADER_HEIGHT + 6.0
            }
        );
        table.columns.push(Column::new(
            ColumnId(1),
            "a_rather_long_column_name",
            "timestamp with time zone",
        ));
        let one = table_size(&table);
        assert!(one.width > 160.0);
        assert_eq!(one.height, empty.height + ROW_HEIGHT);
        assert!(row_center_y(0) > HEADER_HEIGHT && row_center_y(0) < HEADER_HEIGHT + ROW_HEIGHT);
    }
}
