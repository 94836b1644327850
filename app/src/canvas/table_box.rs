//! One table on the canvas: a header with its name and a row per column with key markers,
//! name, and type (`?` marks a nullable column).

use std::collections::BTreeSet;

use leptos::prelude::*;
use relvar_layout::{HEADER_HEIGHT, MARKER_WIDTH, PADDING_X, row_center_y, table_size};
use relvar_model::{ColumnId, TableId};

use super::Positions;
use crate::store::use_store;

const CORNER: f64 = 6.0;
const TEXT_BASELINE_OFFSET: f64 = 4.5;

#[component]
pub fn TableBox(id: TableId, positions: Positions) -> impl IntoView {
    let store = use_store();
    let table = Memo::new(move |_| store.design.with(|design| design.table(id).cloned()));
    let foreign_key_columns = Memo::new(move |_| {
        store.design.with(|design| {
            design
                .foreign_keys
                .iter()
                .filter(|foreign_key| foreign_key.from_table == id)
                .flat_map(|foreign_key| foreign_key.from_columns.iter().copied())
                .collect::<BTreeSet<ColumnId>>()
        })
    });
    let transform = move || {
        let at = positions.get(id);
        format!("translate({} {})", at.x, at.y)
    };
    let body = move || {
        let table = table.get()?;
        let size = table_size(&table);
        let foreign_keys = foreign_key_columns.get();
        let header = format!(
            "M 0 {HEADER_HEIGHT} V {CORNER} Q 0 0 {CORNER} 0 H {} Q {} 0 {} {CORNER} V {HEADER_HEIGHT} Z",
            size.width - CORNER,
            size.width,
            size.width
        );
        let rows = table
            .columns
            .iter()
            .enumerate()
            .map(|(index, column)| {
                let y = row_center_y(index) + TEXT_BASELINE_OFFSET;
                let (marker, marker_class) = if table.is_primary_key_column(column.id) {
                    ("PK", "key-marker pk")
                } else if foreign_keys.contains(&column.id) {
                    ("FK", "key-marker fk")
                } else if table.uniques.iter().any(|unique| unique.columns.contains(&column.id)) {
                    ("UQ", "key-marker uq")
                } else {
                    ("", "key-marker")
                };
                let type_text = if column.nullable { format!("{}?", column.data_type) } else { column.data_type.clone() };
                let row_top = HEADER_HEIGHT + index as f64 * relvar_layout::ROW_HEIGHT;
                view! {
                    <g class="column" data-column=column.name.clone()>
                        <rect class="column-row" x="0" y=row_top width=size.width height=relvar_layout::ROW_HEIGHT />
                        <text class=marker_class x=PADDING_X y=y>{marker}</text>
                        <text class="column-name" x=PADDING_X + MARKER_WIDTH y=y>{column.name.clone()}</text>
                        <text class="column-type" x=size.width - PADDING_X y=y text-anchor="end">{type_text}</text>
                    </g>
                }
            })
            .collect_view();
        Some(view! {
            <rect class="table-body" width=size.width height=size.height rx=CORNER />
            <path class="table-header" d=header />
            <text class="table-name" x=PADDING_X y=HEADER_HEIGHT / 2.0 + 5.0>{table.display_name()}</text>
            {rows}
        })
    };
    let name = move || {
        table.with(|table| {
            table
                .as_ref()
                .map(|table| table.qualified_name())
                .unwrap_or_default()
        })
    };
    view! {
        <g class="table" data-table-id=id.0.to_string() data-table-name=name transform=transform>
            {body}
        </g>
    }
}
