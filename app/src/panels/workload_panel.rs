//! The workload panel: the queries the application runs, pasted in any number at once (a
//! `-- frequency: N` comment before a query weighs it), each with its frequency, what could not
//! be read (line and column) and the query review's notes; then the index advisor's
//! recommendations, each added by one undoable edit, and the existing indexes no query uses.

use std::sync::Arc;

use leptos::prelude::*;
use relvar_analysis::query_review::QueryNote;
use relvar_analysis::workload::{ParseFinding, Workload, design_dialect};
use relvar_analysis::{Advice, Recommendation};
use relvar_model::{Command, Design, WorkloadQuery};

use super::counted;
use crate::review::Review;
use crate::store::{Store, use_store};

/// The workload with `change` made to its queries, as one command.
fn changed(store: Store, change: impl FnOnce(&mut Vec<WorkloadQuery>)) -> Command {
    let mut queries = store
        .design
        .with_untracked(|design| design.workload.clone());
    change(&mut queries);
    Command::SetWorkload { queries }
}

/// The workload with `change` made to the query at `position`, as one command.
fn edited(store: Store, position: usize, change: impl FnOnce(&mut WorkloadQuery)) -> Command {
    changed(store, |queries| {
        if let Some(query) = queries.get_mut(position) {
            change(query);
        }
    })
}

/// The queries of pasted text, in the design's dialect, after those the workload has.
fn with_pasted(design: &Design, text: &str) -> Option<Command> {
    let pasted = Workload::from_sql(text, design_dialect(design));
    if pasted.queries.is_empty() {
        return None;
    }
    let mut queries = design.workload.clone();
    queries.extend(
        pasted
            .queries
            .into_iter()
            .map(|query| WorkloadQuery::new(query.sql.trim(), query.frequency)),
    );
    Some(Command::SetWorkload { queries })
}

fn summary(design: &Design, advice: Option<&Advice>) -> String {
    let queries = design.workload.len();
    if queries == 0 {
        return "Paste the queries your application runs to get index recommendations and query notes.".to_owned();
    }
    let Some(advice) = advice else {
        return counted(queries, "query", "queries");
    };
    let mut parts = vec![
        counted(queries, "query", "queries"),
        counted(
            advice.recommendations.len(),
            "index recommendation",
            "index recommendations",
        ),
        counted(
            advice.unused_indexes.len(),
            "unused index",
            "unused indexes",
        ),
        counted(advice.query_notes.len(), "query note", "query notes"),
    ];
    if !advice.parse_findings.is_empty() {
        parts.push(format!("{} not read", advice.parse_findings.len()));
    }
    parts.join(" · ")
}

fn query_item(
    store: Store,
    position: usize,
    query: WorkloadQuery,
    notes: Vec<QueryNote>,
    unread: Option<ParseFinding>,
) -> impl IntoView {
    let set_sql = move |event| {
        let sql = event_target_value(&event);
        let _ = store.dispatch(edited(store, position, |query| query.sql = sql));
    };
    let set_frequency = move |event| {
        let text = event_target_value(&event);
        match text.trim().parse::<u32>() {
            Ok(frequency) => {
                let _ = store.dispatch(edited(store, position, |query| {
                    query.frequency = frequency;
                }));
            }
            Err(_) => store.refusal.set(Some(format!(
                "The frequency of query {} must be a whole number of at least 1, not “{text}”.",
                position + 1
            ))),
        }
    };
    let remove = move |_| {
        let _ = store.dispatch(changed(store, |queries| {
            if position < queries.len() {
                queries.remove(position);
            }
        }));
    };
    let number = position + 1;
    let label = format!("Query {number}");
    view! {
        <li class="workload-query" data-query=number>
            <div class="panel-row">
                <strong>{label.clone()}</strong>
                <label class="query-frequency-label">"Frequency "
                    <input class="query-frequency" type="number" min="1" step="1"
                        prop:value=query.frequency.to_string() on:change=set_frequency />
                </label>
                <button class="query-remove link" aria-label=format!("Remove query {number}") on:click=remove>"Remove"</button>
            </div>
            <textarea class="query-sql" rows="2" spellcheck="false" aria-label=format!("SQL of query {number}")
                prop:value=query.sql on:change=set_sql></textarea>
            {unread.map(|found| view! {
                <p class="query-unread" role="note">
                    {format!("Not read: line {}, column {}: {}", found.line, found.column, found.message)}
                </p>
            })}
            <ul class="query-notes">
                {notes.into_iter().map(|note| view! {
                    <li class="query-note" data-code=note.code>
                        <code>{note.code}</code>" "{note.message}
                        <p class="query-rewrite"><strong>"Instead: "</strong>{note.rewrite}</p>
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}

fn recommendation_item(store: Store, review: Review, rec: &Recommendation) -> impl IntoView {
    let (table, command) = store.design.with_untracked(|design| {
        (
            design
                .table(rec.table)
                .map(|table| table.display_name())
                .unwrap_or_default(),
            rec.command(design),
        )
    });
    let served: Vec<String> = rec
        .queries
        .iter()
        .zip(&rec.reasons)
        .map(|(query, reason)| format!("query {}: {reason}", query + 1))
        .collect();
    let cost = rec.write_cost.describe(&table);
    let level = rec.write_cost.level.as_str();
    let name = rec.index.name.clone().unwrap_or_default();
    let apply = move |_| {
        if let Some(command) = command.clone() {
            let _ = store.dispatch(command);
        }
    };
    view! {
        <li class="recommendation" data-table=table.clone() data-index=name.clone()>
            <pre class="recommendation-sql"><code>{format!("{};", rec.sql)}</code></pre>
            <ul class="recommendation-serves">
                {served.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <p class="recommendation-cost" data-level=level>{format!("Write cost: {cost}")}</p>
            <button class="recommendation-apply" disabled=move || !review.current.get()
                on:click=apply>{format!("Add index {name}")}</button>
        </li>
    }
}

fn advice_view(store: Store, review: Review, advice: Option<&Arc<Advice>>) -> AnyView {
    let Some(advice) = advice else {
        return ().into_any();
    };
    let recommendations = (!advice.recommendations.is_empty()).then(|| {
        view! {
            <h3>{format!("Recommended indexes ({})", advice.recommendations.len())}</h3>
            <ul class="recommendations" id="workload-recommendations">
                {advice.recommendations.iter().map(|rec| recommendation_item(store, review, rec)).collect_view()}
            </ul>
        }
    });
    let unused = (!advice.unused_indexes.is_empty()).then(|| {
        view! {
            <h3>{format!("Unused indexes ({})", advice.unused_indexes.len())}</h3>
            <ul class="unused-indexes" id="workload-unused">
                {advice.unused_indexes.iter().map(|finding| {
                    let fix = finding.fix.clone().map(|fix| {
                        let command = fix.command;
                        view! {
                            <button class="unused-drop" disabled=move || !review.current.get()
                                on:click=move |_| { let _ = store.dispatch(Command::clone(&command)); }>
                                {format!("Fix: {}", fix.title)}
                            </button>
                        }
                    });
                    view! {
                        <li class="unused-index" data-code=finding.code>
                            <span>{finding.message.clone()}</span>
                            {fix}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    (recommendations, unused).into_any()
}

#[component]
pub fn WorkloadPanel() -> impl IntoView {
    let store = use_store();
    let review = expect_context::<Review>();
    let pasted = RwSignal::new(String::new());
    let add = move |_| {
        let command = pasted.with_untracked(|text| {
            store
                .design
                .with_untracked(|design| with_pasted(design, text))
        });
        match command {
            Some(command) => {
                if store.dispatch(command).is_ok() {
                    pasted.set(String::new());
                }
            }
            None => store
                .refusal
                .set(Some("There is no query in the text to add.".to_owned())),
        }
    };
    let advice = move || review.outcome.with(|outcome| outcome.advice.clone());
    let queries = move || {
        let outcome = review.outcome.get();
        let workload = store.design.with(|design| design.workload.clone());
        workload
            .into_iter()
            .enumerate()
            .map(|(position, query)| {
                let advice = outcome
                    .advice
                    .as_ref()
                    .filter(|_| outcome.advised(position, &query.sql));
                let notes = advice.map_or_else(Vec::new, |advice| {
                    advice
                        .query_notes
                        .iter()
                        .filter(|note| note.query == position)
                        .cloned()
                        .collect()
                });
                let unread = advice.and_then(|advice| {
                    advice
                        .parse_findings
                        .iter()
                        .find(|found| found.query == position)
                        .cloned()
                });
                query_item(store, position, query, notes, unread)
            })
            .collect_view()
    };
    view! {
        <section class="panel workload-panel" id="workload-panel" aria-labelledby="workload-title"
            data-state=move || review.state()>
            <h2 id="workload-title">"Workload"</h2>
            <p class="status" id="workload-summary" aria-live="polite">
                {move || store.design.with(|design| summary(design, advice().as_deref()))}
            </p>
            <textarea id="workload-input" rows="4" spellcheck="false"
                aria-label="Queries to add, separated by semicolons"
                placeholder="-- frequency: 100\nSELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 20;"
                prop:value=move || pasted.get() on:input=move |event| pasted.set(event_target_value(&event))></textarea>
            <div class="panel-row">
                <button id="workload-add" on:click=add>"Add queries"</button>
            </div>
            <ol class="workload-queries" id="workload-queries">{queries}</ol>
            <div class="workload-advice" id="workload-advice">
                {move || review.outcome.with(|outcome| advice_view(store, review, outcome.advice.as_ref()))}
            </div>
        </section>
    }
}
