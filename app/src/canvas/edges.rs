//! Relationship edges: one path per foreign key, from the referencing column's row to the
//! referenced column's row; identifying relationships solid, others dashed.

use leptos::prelude::*;
use relvar_layout::{route, row_center_y, table_rect_at};
use relvar_model::{Design, ForeignKeyId, Table};

use super::Positions;
use crate::store::use_store;

#[component]
pub fn Edges(positions: Positions) -> impl IntoView {
    let store = use_store();
    let ids = move || {
        store.design.with(|design| {
            design
                .foreign_keys
                .iter()
                .map(|fk| fk.id)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <g class="edges">
            <For each=ids key=|id| *id let:id>
                <Edge id=id positions=positions />
            </For>
        </g>
    }
}

#[component]
fn Edge(id: ForeignKeyId, positions: Positions) -> impl IntoView {
    let store = use_store();
    let shape = Memo::new(move |_| {
        store
            .design
            .with(|design| edge_shape(design, id, positions))
    });
    let path = move || shape.get().map(|(path, _, _)| path).unwrap_or_default();
    let class = move || match shape.get() {
        Some((_, true, _)) => "edge identifying",
        _ => "edge",
    };
    let name = move || shape.get().map(|(_, _, name)| name).unwrap_or_default();
    view! { <path class=class d=path data-fk=name /> }
}

/// The SVG path, whether the relationship is identifying, and a label for tests and tooltips.
fn edge_shape(
    design: &Design,
    id: ForeignKeyId,
    positions: Positions,
) -> Option<(String, bool, String)> {
    let foreign_key = design.foreign_key(id)?;
    let child = design.table(foreign_key.from_table)?;
    let parent = design.table(foreign_key.to_table)?;
    let row_y = |table: &Table, column| {
        let index = table
            .columns
            .iter()
            .position(|candidate| candidate.id == column)?;
        Some(row_center_y(index))
    };
    let child_rect = table_rect_at(child, positions.get(child.id));
    let parent_rect = table_rect_at(parent, positions.get(parent.id));
    let from_y = child_rect.y + row_y(child, *foreign_key.from_columns.first()?)?;
    let to_y = parent_rect.y + row_y(parent, *foreign_key.to_columns.first()?)?;
    let identifying = foreign_key
        .from_columns
        .iter()
        .all(|column| child.is_primary_key_column(*column));
    let label = format!("{}->{}", child.qualified_name(), parent.qualified_name());
    Some((
        route(child_rect, from_y, parent_rect, to_y).path(),
        identifying,
        label,
    ))
}
