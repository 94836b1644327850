//! Sample rows: paste or open CSV/TSV, find the functional dependencies and keys they show (in
//! slices, with progress and Cancel), then declare them on the selected table, or make a new
//! table of the sample's columns with them.

use leptos::prelude::*;
use relvar_model::{Column, Command, Design, PrimaryKey, Table, TableId};
use relvar_normalize::discover::{
    Discovered, Discovery, DiscoveryOptions, NullEquality, NullRule, ReadOptions, SampleTable,
    Stage,
};
use relvar_normalize::propose;

use crate::browser::{picked_file, read_file_text};
use crate::canvas::use_canvas;
use crate::discovery_run::run_in_slices;
use crate::selection::Selection;
use crate::store::{Store, use_store};

/// How many dependencies the list shows; the counts cover all of them.
const SHOWN: usize = 200;

/// What the values of a sample column look like, for the type of a new table's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueKind {
    Integer,
    Number,
    Text,
}

fn value_kind(texts: &[String], marker: Option<&str>) -> ValueKind {
    let values = texts
        .iter()
        .map(|text| text.trim())
        .filter(|text| Some(*text) != marker);
    let mut kind = ValueKind::Integer;
    for value in values {
        if value.parse::<i64>().is_ok() {
            continue;
        }
        if value.parse::<f64>().is_ok_and(f64::is_finite) {
            kind = ValueKind::Number;
        } else {
            return ValueKind::Text;
        }
    }
    kind
}

fn type_name(design: &Design, kind: ValueKind) -> &'static str {
    let dialect = design.dialect();
    match kind {
        ValueKind::Integer => dialect.integer_type(),
        ValueKind::Number => dialect.number_type(),
        ValueKind::Text => dialect.text_type(),
    }
}

/// The separator to read with: the one chosen, or for "auto" a tab when the first line has
/// one, else the more frequent of `;` and `,`.
fn separator(chosen: &str, text: &str) -> u8 {
    match chosen {
        "comma" => b',',
        "tab" => b'\t',
        "semicolon" => b';',
        "pipe" => b'|',
        _ => {
            let first = text.lines().next().unwrap_or_default();
            if first.contains('\t') {
                b'\t'
            } else if first.matches(';').count() > first.matches(',').count() {
                b';'
            } else {
                b','
            }
        }
    }
}

/// A finished discovery and what the new-table button needs.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    discovered: Discovered,
    kinds: Vec<ValueKind>,
    took_ms: f64,
}

/// A table holding the sample's columns, with its keys and dependencies declared; the first
/// key found becomes the primary key.
fn table_from_sample(design: &Design, found: &Found) -> (TableId, Command) {
    let mut ids = design.ids.clone();
    let id = ids.table();
    let schema = design.schemas.first().cloned();
    let name = design.unused_table_name(schema.as_deref(), "sample");
    let mut table = Table::new(id, schema, name);
    for (position, name) in found.discovered.columns.iter().enumerate() {
        let kind = found
            .kinds
            .get(position)
            .copied()
            .unwrap_or(ValueKind::Text);
        let name = if name.trim().is_empty() {
            format!("column_{}", position + 1)
        } else {
            name.trim().to_owned()
        };
        table
            .columns
            .push(Column::new(ids.column(), name, type_name(design, kind)));
    }
    if let Some(key) = found.discovered.uniques.first() {
        let columns: Vec<_> = key
            .iter()
            .filter_map(|position| table.columns.get(*position).map(|column| column.id))
            .collect();
        for column in &mut table.columns {
            column.nullable = !columns.contains(&column.id);
        }
        table.primary_key = Some(PrimaryKey {
            name: None,
            columns,
        });
    }
    if let Command::SetTableDependencies { dependencies, .. } =
        propose(&table, &found.discovered).declare_command(&table)
    {
        table.dependencies = dependencies;
    }
    (
        id,
        Command::AddTable {
            table: Box::new(table),
            at: relvar_model::Point::default(),
        },
    )
}

#[derive(Debug, Clone, Copy)]
struct Run {
    running: RwSignal<bool>,
    fraction: RwSignal<f64>,
    stage: RwSignal<&'static str>,
    /// Milliseconds since the run started, as of its last slice.
    elapsed_ms: RwSignal<f64>,
    generation: StoredValue<u64>,
    found: RwSignal<Option<Found>>,
    error: RwSignal<Option<String>>,
}

impl Run {
    fn new() -> Self {
        Self {
            running: RwSignal::new(false),
            fraction: RwSignal::new(0.0),
            stage: RwSignal::new(""),
            elapsed_ms: RwSignal::new(0.0),
            generation: StoredValue::new(0),
            found: RwSignal::new(None),
            error: RwSignal::new(None),
        }
    }

    fn cancel(&self) {
        self.generation.update_value(|generation| *generation += 1);
        self.running.set(false);
    }

    fn start(&self, discovery: Discovery, kinds: Vec<ValueKind>) {
        self.cancel();
        let run = *self;
        let mine = run.generation.get_value();
        run.found.set(None);
        run.error.set(None);
        run.fraction.set(0.0);
        run.elapsed_ms.set(0.0);
        run.stage.set("dependencies");
        run.running.set(true);
        leptos::task::spawn_local(async move {
            let started = js_sys::Date::now();
            let on_progress = move |progress: relvar_normalize::discover::Progress| {
                run.fraction.set(progress.fraction);
                run.elapsed_ms.set(js_sys::Date::now() - started);
                run.stage.set(match progress.stage {
                    Stage::Dependencies => "dependencies",
                    Stage::Uniques => "keys",
                    Stage::Finished => "done",
                });
            };
            let cancelled = move || run.generation.get_value() != mine;
            let outcome = run_in_slices(discovery, on_progress, cancelled).await;
            if run.generation.get_value() != mine {
                return;
            }
            run.running.set(false);
            if let Some(discovered) = outcome {
                run.found.set(Some(Found {
                    discovered,
                    kinds,
                    took_ms: js_sys::Date::now() - started,
                }));
            }
        });
    }
}

#[component]
fn Findings(found: Found) -> impl IntoView {
    let discovered = &found.discovered;
    let summary = format!(
        "{} dependencies and {} keys in {} rows ({:.0} ms)",
        discovered.dependencies.len(),
        discovered.uniques.len(),
        discovered.row_count,
        found.took_ms
    );
    let dependencies = discovered
        .dependencies
        .iter()
        .take(SHOWN)
        .map(|dependency| {
            let text = if dependency.error > 0.0 {
                format!(
                    "{} (g3 {:.3})",
                    discovered.describe(dependency),
                    dependency.error
                )
            } else {
                discovered.describe(dependency)
            };
            view! { <li><code>{text}</code></li> }
        })
        .collect_view();
    let more = discovered
        .dependencies
        .len()
        .checked_sub(SHOWN)
        .filter(|more| *more > 0)
        .map(|more| view! { <p class="more">{format!("and {more} more")}</p> });
    let keys = discovered
        .uniques
        .iter()
        .map(|key| view! { <li><code>{format!("{{{}}}", discovered.names(key))}</code></li> })
        .collect_view();
    view! {
        <p class="summary" id="sample-summary">{summary}</p>
        <ul class="found-dependencies" id="sample-dependencies">{dependencies}</ul>
        {more}
        <p class="status">"Keys (unique column combinations):"</p>
        <ul class="found-keys" id="sample-keys">{keys}</ul>
    }
}

/// What declaring the findings on the selected table would add, with the button that does it.
#[component]
fn Declare(store: Store, table: TableId, found: Found) -> impl IntoView {
    let proposal = Memo::new(move |_| {
        store.design.with(|design| {
            let target = design.table(table)?;
            let proposal = propose(target, &found.discovered);
            let command = proposal.declare_command(target);
            let adds = match &command {
                Command::SetTableDependencies { dependencies, .. } => {
                    dependencies.len().saturating_sub(target.dependencies.len())
                }
                _ => 0,
            };
            let unmatched: Vec<String> = proposal
                .unmatched
                .iter()
                .map(|column| column.name.clone())
                .collect();
            Some((adds, unmatched, command))
        })
    });
    move || {
        proposal.get().map(|(adds, unmatched, command)| {
            let unmatched = (!unmatched.is_empty()).then(|| {
                view! { <p class="status" id="sample-unmatched">{format!("Not columns of this table, left out: {}", unmatched.join(", "))}</p> }
            });
            let words = if adds == 0 {
                String::from("The table's keys and dependencies already imply what the sample shows.")
            } else {
                format!("Declaring adds {adds} dependencies to the table.")
            };
            view! {
                {unmatched}
                <p class="status" id="sample-proposal">{words}</p>
                <button id="sample-declare" disabled=adds == 0 on:click=move |_| {
                    let _ = store.dispatch(command.clone());
                }>"Declare on this table"</button>
            }
        })
    }
}

#[component]
pub fn SamplePanel(table: Memo<Option<TableId>>) -> impl IntoView {
    let store = use_store();
    let canvas = use_canvas();
    let run = Run::new();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    // Kept outside the section, so closing it loses nothing that was pasted.
    let sample_text = RwSignal::new(String::new());
    let chosen_separator = RwSignal::new(String::from("auto"));
    let header = RwSignal::new(true);
    let max_lhs = RwSignal::new(String::new());
    let error_threshold = RwSignal::new(String::from("0"));
    let null_marker = RwSignal::new(String::new());
    let nulls_distinct = RwSignal::new(false);

    let discover = move |_| {
        let text = sample_text.get_untracked();
        let read = ReadOptions {
            separator: separator(&chosen_separator.get_untracked(), &text),
            has_header: header.get_untracked(),
        };
        let sample = match SampleTable::read(text.as_bytes(), &read) {
            Ok(sample) => sample,
            Err(error) => {
                run.cancel();
                run.error
                    .set(Some(format!("The sample could not be read: {error}")));
                return;
            }
        };
        let max_lhs_text = max_lhs.get_untracked();
        let max_lhs = match max_lhs_text.trim() {
            "" => None,
            number => match number.parse::<usize>() {
                Ok(number) => Some(number),
                Err(_) => {
                    run.error.set(Some(String::from(
                        "The largest left side must be a whole number, or empty for any.",
                    )));
                    return;
                }
            },
        };
        let Ok(error) = error_threshold.get_untracked().trim().parse::<f64>() else {
            run.error.set(Some(String::from(
                "The error threshold must be a number from 0 to 1.",
            )));
            return;
        };
        let marker = null_marker.get_untracked();
        let nulls = NullRule {
            marker: (!marker.is_empty()).then(|| marker.clone()),
            equality: if nulls_distinct.get_untracked() {
                NullEquality::Distinct
            } else {
                NullEquality::Equal
            },
        };
        let options = DiscoveryOptions {
            max_lhs,
            error,
            nulls,
            ..DiscoveryOptions::default()
        };
        let kinds = sample
            .columns
            .iter()
            .map(|column| {
                value_kind(
                    &column.texts,
                    (!marker.is_empty()).then_some(marker.as_str()),
                )
            })
            .collect();
        match Discovery::new(&sample, &options) {
            Ok(discovery) => run.start(discovery, kinds),
            Err(error) => run.error.set(Some(format!("{error}."))),
        }
    };
    let open_file = move |event: leptos::ev::Event| {
        let Some(file) = picked_file(&event) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match read_file_text(&file).await {
                Ok(text) => {
                    if let Some(textarea) = textarea.get_untracked() {
                        textarea.set_value(&text);
                    }
                    sample_text.set(text);
                }
                Err(error) => run
                    .error
                    .set(Some(format!("Could not read {}: {error}", file.name()))),
            }
        });
    };
    let new_table = move |_| {
        let Some(found) = run.found.get_untracked() else {
            return;
        };
        let at = canvas.centre();
        let (id, command) = store
            .design
            .with_untracked(|design| table_from_sample(design, &found));
        let command = match command {
            Command::AddTable { table, .. } => Command::AddTable { table, at },
            other => other,
        };
        if store.dispatch(command).is_ok() {
            store.selection.set(Selection::of_tables([id]));
        }
    };
    let outcome = move || {
        let found = run.found.get()?;
        let target = match table.get() {
            Some(table) => view! { <Declare store=store table=table found=found.clone() /> }.into_any(),
            None => view! {
                <button id="sample-new-table" on:click=new_table>"New table from these columns"</button>
            }
            .into_any(),
        };
        Some(view! { <Findings found=found /> {target} })
    };
    // A toggled section, not a <details>: a closed <details> in the sidebar made Chromium take
    // seconds for every edit of a big text in the import box.
    let open = RwSignal::new(false);
    view! {
        <div class="sample" id="sample-section">
            <button id="sample-toggle" class="section-toggle" aria-expanded=move || open.get().to_string()
                aria-controls="sample-body" on:click=move |_| open.update(|open| *open = !*open)>
                {move || if open.get() { "▾ Dependencies from sample rows" } else { "▸ Dependencies from sample rows" }}
            </button>
            <Show when=move || open.get()>
            <div id="sample-body">
            <label for="sample-text" class="field-label">"Sample rows (CSV or TSV)"</label>
            <textarea id="sample-text" class="short" node_ref=textarea spellcheck="false"
                prop:value=sample_text.get_untracked()
                on:input=move |event| sample_text.set(event_target_value(&event))
                placeholder="zip,city,state\n10001,New York,NY"></textarea>
            <div class="panel-row">
                <label>"Separator "
                    <select id="sample-separator" on:change=move |event| chosen_separator.set(event_target_value(&event))>
                        <option value="auto" selected>"Detect"</option>
                        <option value="comma">"Comma"</option>
                        <option value="tab">"Tab"</option>
                        <option value="semicolon">"Semicolon"</option>
                        <option value="pipe">"Pipe"</option>
                    </select>
                </label>
                <label><input type="checkbox" id="sample-header" prop:checked=move || header.get() on:change=move |event| header.set(event_target_checked(&event)) />" First row names the columns"</label>
            </div>
            <div class="panel-row">
                <label>"Largest left side "<input id="sample-max-lhs" class="number" inputmode="numeric" placeholder="any" prop:value=move || max_lhs.get() on:input=move |event| max_lhs.set(event_target_value(&event)) /></label>
                <label>"Error (g3) "<input id="sample-error" class="number" inputmode="decimal" prop:value=move || error_threshold.get() on:input=move |event| error_threshold.set(event_target_value(&event)) /></label>
            </div>
            <div class="panel-row">
                <label>"NULL is written "<input id="sample-null" class="number" placeholder="never" prop:value=move || null_marker.get() on:input=move |event| null_marker.set(event_target_value(&event)) /></label>
                <label><input type="checkbox" id="sample-nulls-distinct" prop:checked=move || nulls_distinct.get() on:change=move |event| nulls_distinct.set(event_target_checked(&event)) />" NULL equals nothing (SQL)"</label>
            </div>
            <div class="panel-row">
                <label class="button file-button">
                    "Open .csv…"
                    <input id="sample-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" on:change=open_file />
                </label>
                <button id="sample-discover" class="primary" disabled=move || run.running.get() on:click=discover>"Find dependencies"</button>
                <Show when=move || run.running.get()>
                    <button id="sample-cancel" on:click=move |_| run.cancel()>"Cancel"</button>
                </Show>
            </div>
            <Show when=move || run.running.get()>
                // Without an estimate yet (HyFD's first rounds give none) the bar is indeterminate.
                <label class="progress">{move || format!("Finding {}… ", run.stage.get())}
                    <progress id="sample-progress" max="1"
                        value=move || Some(run.fraction.get()).filter(|fraction| *fraction > 0.0).map(|fraction| fraction.to_string())></progress>
                    <span id="sample-elapsed">{move || format!("{:.1} s", run.elapsed_ms.get() / 1000.0)}</span>
                </label>
            </Show>
            {move || run.error.get().map(|error| view! { <p class="error" id="sample-error-message" role="alert">{error}</p> })}
            {outcome}
            </div>
            </Show>
        </div>
    }
}
