//! Search over table and column names: the first matches listed as you type; choosing one (or
//! Enter) selects its table and brings it into view at a readable zoom.

use leptos::prelude::*;
use relvar_model::{Design, TableId};

use super::camera::go_to_table;
use super::scene::Scene;
use super::state::use_canvas;
use crate::store::use_store;

const MAX_RESULTS: usize = 8;

/// One match: the table, and the column when the match was a column's name.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    table: TableId,
    label: String,
}

fn find(design: &Design, query: &str) -> Vec<Found> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut tables: Vec<(u8, Found)> = Vec::new();
    for table in &design.tables {
        let name = table.qualified_name();
        let lower = name.to_lowercase();
        let rank = if table.name.to_lowercase() == query || lower == query {
            Some(0)
        } else if table.name.to_lowercase().starts_with(&query) {
            Some(1)
        } else if lower.contains(&query) {
            Some(2)
        } else {
            None
        };
        if let Some(rank) = rank {
            tables.push((
                rank,
                Found {
                    table: table.id,
                    label: table.display_name(),
                },
            ));
        }
        for column in &table.columns {
            if column.name.to_lowercase().contains(&query) {
                let label = format!("{}.{}", table.display_name(), column.name);
                tables.push((
                    3,
                    Found {
                        table: table.id,
                        label,
                    },
                ));
            }
        }
    }
    relvar_model::order::sort_by(&mut tables[..], |(a_rank, a), (b_rank, b)| {
        a_rank.cmp(b_rank).then_with(|| a.label.cmp(&b.label))
    });
    tables
        .into_iter()
        .map(|(_, found)| found)
        .take(MAX_RESULTS)
        .collect()
}

#[component]
pub fn Search() -> impl IntoView {
    let store = use_store();
    let state = use_canvas();
    let scene = expect_context::<Scene>();
    let query = RwSignal::new(String::new());
    let results = Memo::new(move |_| {
        let query = query.get();
        scene.lens.with(|design| find(design, &query))
    });
    let jump = move |table: TableId| {
        go_to_table(store, state, scene, table);
        query.set(String::new());
    };
    view! {
        <div class="canvas-search" role="search">
            <input
                id="search"
                type="search"
                placeholder="Search tables and columns"
                aria-label="Search tables and columns"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |event| query.set(event_target_value(&event))
                on:keydown=move |event| {
                    if event.key() == "Enter" {
                        if let Some(first) = results.get_untracked().first() {
                            jump(first.table);
                        }
                    } else if event.key() == "Escape" {
                        query.set(String::new());
                    }
                }
            />
            <Show when=move || !results.with(Vec::is_empty)>
                <ul class="search-results" id="search-results" aria-label="Matches">
                    <For each=move || results.get() key=|found| (found.table, found.label.clone()) let:found>
                        <li>
                            <button class="link" on:click=move |_| jump(found.table)>{found.label.clone()}</button>
                        </li>
                    </For>
                </ul>
            </Show>
        </div>
    }
}
