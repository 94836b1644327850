//! The Tables panel: every table with its schema and how many columns, relationships and review
//! findings it has; filtered by text (table or column names), sorted by any of those, and a
//! click selects the table and brings it into view. Rows are keyed by table, so an edit rebuilds
//! the rows of the tables it changed; while the panel is hidden the list is not recomputed.

use leptos::prelude::*;
use relvar_model::{Design, TableId};

use crate::canvas::{CanvasState, Scene, go_to_table};
use crate::review::Review;
use crate::store::use_store;
use crate::workspace::memo_while_shown;

/// The most rows listed; a filter narrows a bigger design.
const MOST_LISTED: usize = 500;

/// What a row shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    id: TableId,
    name: String,
    /// `name` in lower case, what rows are sorted by.
    sort_name: String,
    schema: String,
    columns: usize,
    relationships: usize,
    findings: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Name,
    Columns,
    Relationships,
    Findings,
}

impl SortBy {
    const ALL: [SortBy; 4] = [
        Self::Name,
        Self::Columns,
        Self::Relationships,
        Self::Findings,
    ];

    fn id(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Columns => "columns",
            Self::Relationships => "relationships",
            Self::Findings => "findings",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Columns => "Columns",
            Self::Relationships => "Relationships",
            Self::Findings => "Findings",
        }
    }
}

/// The rows matching `filter` (in a table's name or a column's, ignoring case), sorted; and how
/// many matched in all.
fn rows(
    design: &Design,
    findings: &dyn Fn(TableId) -> usize,
    filter: &str,
    sort: SortBy,
) -> (Vec<Row>, usize) {
    let filter = filter.trim().to_lowercase();
    let mut relationships = std::collections::HashMap::<TableId, usize>::new();
    for foreign_key in &design.foreign_keys {
        *relationships.entry(foreign_key.from_table).or_default() += 1;
        if foreign_key.to_table != foreign_key.from_table {
            *relationships.entry(foreign_key.to_table).or_default() += 1;
        }
    }
    let mut rows: Vec<Row> = design
        .tables
        .iter()
        .filter(|table| {
            filter.is_empty()
                || table.display_name().to_lowercase().contains(&filter)
                || table
                    .columns
                    .iter()
                    .any(|column| column.name.to_lowercase().contains(&filter))
        })
        .map(|table| Row {
            id: table.id,
            name: table.name.clone(),
            sort_name: table.name.to_lowercase(),
            schema: table.schema.clone().unwrap_or_default(),
            columns: table.columns.len(),
            relationships: relationships.get(&table.id).copied().unwrap_or(0),
            findings: findings(table.id),
        })
        .collect();
    let by_name = |a: &Row, b: &Row| (&a.sort_name, &a.schema).cmp(&(&b.sort_name, &b.schema));
    match sort {
        SortBy::Name => relvar_model::order::sort_by(&mut rows[..], by_name),
        SortBy::Columns => relvar_model::order::sort_by(&mut rows[..], |a, b| {
            b.columns.cmp(&a.columns).then_with(|| by_name(a, b))
        }),
        SortBy::Relationships => {
            relvar_model::order::sort_by(&mut rows[..], |a, b| {
                b.relationships
                    .cmp(&a.relationships)
                    .then_with(|| by_name(a, b))
            });
        }
        SortBy::Findings => relvar_model::order::sort_by(&mut rows[..], |a, b| {
            b.findings.cmp(&a.findings).then_with(|| by_name(a, b))
        }),
    }
    let matched = rows.len();
    rows.truncate(MOST_LISTED);
    (rows, matched)
}

#[component]
pub fn TablesPanel() -> impl IntoView {
    let store = use_store();
    let review = expect_context::<Review>();
    let state = expect_context::<CanvasState>();
    let scene = expect_context::<Scene>();
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Name);
    let listed = memo_while_shown(move || {
        let (filter, sort) = (filter.get(), sort.get());
        review.badges.with(|badges| {
            let findings = |table: TableId| badges.get(&table).map_or(0, |badge| badge.count);
            store
                .design
                .with(|design| rows(design, &findings, &filter, sort))
        })
    });
    let summary = move || {
        let total = store.design.with(|design| design.tables.len());
        listed.with(|(shown, matched)| {
            if *matched == total {
                format!("{total} tables")
            } else if shown.len() < *matched {
                format!(
                    "{matched} of {total} tables match; the first {} are listed",
                    shown.len()
                )
            } else {
                format!("{matched} of {total} tables match")
            }
        })
    };
    let select = move |table: TableId| go_to_table(store, state, scene, table);
    let selected = move |table: TableId| {
        store
            .selection
            .with(|selection| selection.tables.contains(&table))
    };
    view! {
        <section class="panel tables-panel" id="tables-panel" aria-labelledby="tables-title">
            <h2 id="tables-title">"Tables"</h2>
            <div class="panel-row">
                <input id="tables-filter" type="search" placeholder="Filter by table or column" aria-label="Filter tables"
                    autocomplete="off" prop:value=move || filter.get()
                    on:input=move |event| filter.set(event_target_value(&event)) />
                <label>"Sort "
                    <select id="tables-sort" on:change=move |event| {
                        let id = event_target_value(&event);
                        if let Some(by) = SortBy::ALL.into_iter().find(|by| by.id() == id) {
                            sort.set(by);
                        }
                    }>
                        {SortBy::ALL.into_iter().map(|by| view! { <option value=by.id()>{by.label()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <p class="status" id="tables-summary" aria-live="polite">{summary}</p>
            <table class="tables-list" id="tables-list">
                <thead><tr><th scope="col">"Table"</th><th scope="col">"Cols"</th><th scope="col">"Rels"</th><th scope="col">"Findings"</th></tr></thead>
                <tbody>
                    <For each=move || listed.with(|(shown, _)| shown.clone()) key=|row: &Row| row.clone() let:row>
                        {
                            let id = row.id;
                            let label = if row.schema.is_empty() { row.name.clone() } else { format!("{}.{}", row.schema, row.name) };
                            let shown = label.clone();
                            view! {
                                <tr class="tables-row" data-table=label class:selected=move || selected(id)>
                                    <td><button class="link table-pick" on:click=move |_| select(id)>{shown}</button></td>
                                    <td>{row.columns}</td>
                                    <td>{row.relationships}</td>
                                    <td>{(row.findings > 0).then(|| row.findings.to_string())}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use relvar_sql::{Dialect, import_sql};

    use super::*;

    const SHOP: &str = "CREATE TABLE customer (id int PRIMARY KEY, email text);
CREATE TABLE sales.orders (id int PRIMARY KEY, customer_id int REFERENCES customer (id), placed_at date);
CREATE TABLE line (id int PRIMARY KEY, order_id int REFERENCES sales.orders (id), note text, qty int);";

    fn names(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|row| row.name.as_str()).collect()
    }

    #[test]
    fn filters_by_table_or_column_and_sorts() {
        let design = import_sql(SHOP, Dialect::PostgreSql).design;
        let none = |_: TableId| 0;
        let (all, matched) = rows(&design, &none, "", SortBy::Name);
        assert_eq!(
            (names(&all), matched),
            (vec!["customer", "line", "orders"], 3)
        );
        assert_eq!(all[2].schema, "sales");
        assert_eq!(
            all.iter().map(|row| row.relationships).collect::<Vec<_>>(),
            [1, 1, 2]
        );
        let (by_column, _) = rows(&design, &none, "EMAIL", SortBy::Name);
        assert_eq!(names(&by_column), ["customer"]);
        let (by_columns, _) = rows(&design, &none, "", SortBy::Columns);
        assert_eq!(names(&by_columns), ["line", "orders", "customer"]);
        let (by_relationships, _) = rows(&design, &none, "", SortBy::Relationships);
        assert_eq!(names(&by_relationships)[0], "orders");
        let line = design.tables[2].id;
        let findings = move |table: TableId| usize::from(table == line) * 3;
        let (by_findings, _) = rows(&design, &findings, "", SortBy::Findings);
        assert_eq!(
            (by_findings[0].name.as_str(), by_findings[0].findings),
            ("line", 3)
        );
    }

    #[test]
    fn a_big_design_lists_the_first_rows_and_counts_all() {
        let sql: String = (0..(MOST_LISTED + 20))
            .map(|n| format!("CREATE TABLE t{n:04} (id int);\n"))
            .collect();
        let design = import_sql(&sql, Dialect::PostgreSql).design;
        let (shown, matched) = rows(&design, &|_| 0, "", SortBy::Name);
        assert_eq!((shown.len(), matched), (MOST_LISTED, MOST_LISTED + 20));
        assert_eq!(shown[0].name, "t0000");
    }
}
