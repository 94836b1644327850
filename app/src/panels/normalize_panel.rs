//! Normalization of the selected table: its declared dependencies edited as text, its candidate
//! keys and normal form with each violation in words, and the proposed decompositions, each
//! previewed on the canvas before it is applied as one undoable edit.

use leptos::prelude::*;
use relvar_model::{Command, Design, TableId};
use relvar_normalize::{
    ProposedDecomposition, TableReport, decomposition_command, set_dependencies_command,
    table_dependencies_text, table_report,
};

use super::sample_panel::SamplePanel;
use crate::canvas::{DecompositionPreview, DecompositionPreviews};
use crate::store::{Store, use_store};
use crate::theme::Themes;
use relvar_layout::draw::Theme;

/// The design with `command` applied, for a preview; none when it does not apply.
fn applied(design: &Design, command: &Command) -> Option<Design> {
    let mut scratch = design.clone();
    command.clone().apply(&mut scratch).ok()?;
    Some(scratch)
}

/// Shows the decomposition on the canvas, ready to apply.
fn preview(
    store: Store,
    preview: DecompositionPreviews,
    theme: Theme,
    table: TableId,
    decomposition: &ProposedDecomposition,
) {
    let outcome = store.design.with_untracked(|design| {
        let command = decomposition_command(design, table, &decomposition.components)
            .map_err(|error| error.to_string())?;
        let after = applied(design, &command)
            .ok_or_else(|| String::from("the decomposition no longer applies to this table"))?;
        Ok::<_, String>(DecompositionPreview::new(
            decomposition.kind.title(),
            design,
            &after,
            command,
            theme,
        ))
    });
    match outcome {
        Ok(shown) => preview.show(shown),
        Err(message) => store.refusal.set(Some(message)),
    }
}

#[component]
fn DependencyEditor(table: TableId) -> impl IntoView {
    let store = use_store();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let errors = RwSignal::new(Vec::<String>::new());
    let saved_text = Memo::new(move |_| {
        store
            .design
            .with(|design| design.table(table).map(table_dependencies_text))
            .unwrap_or_default()
    });
    Effect::new(move |_| {
        let text = saved_text.get();
        if let Some(textarea) = textarea.get() {
            textarea.set_value(&text);
        }
        errors.set(Vec::new());
    });
    let save = move |_| {
        let Some(text) = textarea.get_untracked().map(|textarea| textarea.value()) else {
            return;
        };
        let command = store.design.with_untracked(|design| {
            design
                .table(table)
                .map(|found| set_dependencies_command(found, &text))
        });
        match command {
            Some(Ok(command)) => {
                errors.set(Vec::new());
                let _ = store.dispatch(command);
            }
            Some(Err(found)) => errors.set(
                found
                    .iter()
                    .map(|error| {
                        format!(
                            "line {}, column {}: {}",
                            error.line, error.column, error.kind
                        )
                    })
                    .collect(),
            ),
            None => {}
        }
    };
    view! {
        <label for="dependencies-text" class="field-label">"Functional dependencies (one a line: "<code>"a, b -> c"</code>", "<code>"a ->> b"</code>")"</label>
        <textarea id="dependencies-text" class="short" node_ref=textarea spellcheck="false"
            placeholder="zip -> city, state"></textarea>
        <div class="panel-row">
            <button id="dependencies-save" on:click=save>"Save dependencies"</button>
        </div>
        <ul class="dependency-errors error" id="dependency-errors" role="alert">
            {move || errors.get().into_iter().map(|error| view! { <li>{error}</li> }).collect_view()}
        </ul>
    }
}

fn lossless_words(decomposition: &ProposedDecomposition) -> String {
    let lossless = match decomposition.lossless {
        Some(true) => "lossless",
        Some(false) => "not lossless",
        None => "losslessness undecided",
    };
    let preserved = if decomposition.lost.is_empty() {
        String::from("preserves every dependency")
    } else {
        format!("loses {}", decomposition.lost.join("; "))
    };
    format!("{lossless}, {preserved}")
}

#[component]
fn ProposalView(table: TableId, decomposition: ProposedDecomposition) -> impl IntoView {
    let store = use_store();
    let previews = expect_context::<DecompositionPreviews>();
    let theme = expect_context::<Themes>().current;
    let id = match decomposition.kind {
        relvar_normalize::DecompositionKind::Synthesis3nf => "proposal-3nf",
        relvar_normalize::DecompositionKind::Bcnf => "proposal-bcnf",
        relvar_normalize::DecompositionKind::Fourth => "proposal-4nf",
    };
    let whole = decomposition.keeps_table_whole();
    let summary = if whole {
        String::from("already there: nothing to split")
    } else {
        lossless_words(&decomposition)
    };
    let tables = decomposition
        .tables
        .iter()
        .map(|proposed| {
            view! { <li><code>{format!("{}({}) key {}", proposed.name, proposed.columns, proposed.key)}</code></li> }
        })
        .collect_view();
    let unchecked = (!decomposition.checked).then(
        || view! { <p class="status">"A table was too wide to search fully for violations."</p> },
    );
    let shown = decomposition.clone();
    view! {
        <div class="proposal" id=id>
            <p><strong>{decomposition.kind.title()}</strong>" · "<span class="proposal-summary">{summary}</span></p>
            {unchecked}
            <ul class="proposal-tables">{tables}</ul>
            <Show when=move || !whole>
                <button class="proposal-preview" on:click={
                    let shown = shown.clone();
                    move |_| preview(store, previews, theme.get_untracked(), table, &shown)
                }>"Preview on canvas"</button>
            </Show>
        </div>
    }
}

#[component]
fn ReportView(table: TableId, report: TableReport) -> impl IntoView {
    let keys = if report.keys.is_empty() {
        String::from("none")
    } else if report.more_keys {
        format!("{} and more", report.keys.join(", "))
    } else {
        report.keys.join(", ")
    };
    let violations = report
        .violations
        .iter()
        .map(|(breaks, why)| view! { <li><strong>{breaks.to_string()}</strong>": "{why.clone()}</li> })
        .collect_view();
    let implied = report
        .dependencies
        .iter()
        .filter(|dependency| dependency.from_key)
        .map(|dependency| view! { <li><code>{dependency.text.clone()}</code></li> })
        .collect_view();
    let proposals = report
        .proposals
        .into_iter()
        .map(|decomposition| view! { <ProposalView table=table decomposition=decomposition /> })
        .collect_view();
    view! {
        <dl class="facts">
            <dt>"Normal form"</dt><dd id="normal-form">{report.normal_form.to_string()}</dd>
            <dt>"Candidate keys"</dt><dd id="candidate-keys">{keys}</dd>
            <dt>"Prime columns"</dt><dd>{report.prime}</dd>
        </dl>
        <p class="status">"From its keys: "</p>
        <ul class="key-dependencies">{implied}</ul>
        <ul class="violations" id="violations">{violations}</ul>
        {proposals}
    }
}

#[component]
pub fn NormalizePanel() -> impl IntoView {
    let store = use_store();
    let selected = Memo::new(move |_| store.selection.with(|selection| selection.single_table()));
    let report = Memo::new(move |_| {
        let table = selected.get()?;
        store.design.with(|design| {
            let found = design.table(table)?;
            Some((table, found.name.clone(), table_report(design, found)))
        })
    });
    // The editor is made again only when another table is selected, so an edit elsewhere never
    // drops what is being typed in it.
    let editor = move || {
        selected
            .get()
            .map(|table| view! { <DependencyEditor table=table /> })
    };
    let body = move || {
        match report.get() {
        Some((table, _, report)) => view! { <ReportView table=table report=report /> }.into_any(),
        None => view! {
            <p class="status">"Select one table to see its keys, normal form and decompositions, or paste sample rows below to design a table from them."</p>
        }
        .into_any(),
    }
    };
    view! {
        <section class="panel normalize-panel" id="normalize-panel" aria-labelledby="normalize-title">
            <h2 id="normalize-title">"Normalization"</h2>
            {move || report.with(|shown| shown.as_ref().map(|(_, name, _)| view! { <p class="status" id="normalize-table">{format!("Table {name}")}</p> }))}
            {editor}
            {body}
            <SamplePanel table=selected />
        </section>
    }
}
