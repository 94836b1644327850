//! A comparison beside the canvas: what it compares with (the design now or a version), the
//! engine, plan and file format it is written for; the
//! report the worker writes (changes, risks, both scripts; a change of a table selects it; a rename
//! candidate confirmed compares again with the rename); the migration's files to download (a zip
//! when there are several).

use leptos::prelude::*;
use relvar_diff::{CompareRequest, FileFormat, FileNaming, Renames, Side};
use relvar_model::{Dialect, TableId};
use relvar_worker::protocol::{Answer, Compared, Request};
use wasm_bindgen::JsCast;

use crate::browser::{download, download_blob};
use crate::canvas::{CanvasState, Scene, go_to_table};
use crate::comparing::Comparing;
use crate::engine_room;
use crate::store::{Store, use_store};

/// How the next comparison is written; shared by the panel's buttons.
#[derive(Debug, Clone, Copy)]
pub struct CompareOptions {
    /// The version compared with, by name, or empty for the design now.
    pub to: RwSignal<String>,
    /// An engine's id, or empty for the design's own.
    dialect: RwSignal<String>,
    safe: RwSignal<bool>,
    format: RwSignal<FileFormat>,
    number: RwSignal<u32>,
    description: RwSignal<String>,
    /// The side last compared, and the renames the person confirmed in comparing it.
    confirmed: StoredValue<(Option<Side>, Renames)>,
}

impl CompareOptions {
    pub fn new() -> Self {
        Self {
            to: RwSignal::new(String::new()),
            dialect: RwSignal::new(String::new()),
            safe: RwSignal::new(false),
            format: RwSignal::new(FileFormat::Flyway),
            number: RwSignal::new(1),
            description: RwSignal::new(String::from("schema change")),
            confirmed: StoredValue::new((None, Renames::default())),
        }
    }

    fn request(&self, from: Side) -> CompareRequest {
        let dialect = self.dialect.get_untracked();
        let to = self.to.get_untracked();
        CompareRequest {
            from,
            to: if to.is_empty() {
                Side::Current
            } else {
                Side::Version(to)
            },
            dialect: (!dialect.is_empty()).then_some(dialect),
            safe: self.safe.get_untracked(),
            naming: FileNaming {
                format: self.format.get_untracked(),
                number: self.number.get_untracked(),
                description: self.description.get_untracked(),
                down: false,
            },
            renames: self.confirmed.with_value(|(_, renames)| renames.clone()),
        }
    }

    /// What the comparison is with, in words: `the design now` or `version v2`.
    pub fn target(&self) -> String {
        self.to.with(|to| {
            if to.is_empty() {
                String::from("the design now")
            } else {
                format!("version {to}")
            }
        })
    }
}

/// Compares `from` with the design now (or the version chosen) in the worker, showing the
/// outcome when it comes.
pub fn start_comparison(store: Store, comparing: Comparing, options: CompareOptions, from: Side) {
    options.confirmed.update_value(|(last, renames)| {
        if last.as_ref() != Some(&from) {
            *last = Some(from.clone());
            *renames = Renames::default();
        }
    });
    let request = Request::Compare(Box::new(options.request(from)));
    comparing.busy.set(true);
    comparing.error.set(None);
    store.design.with_untracked(|design| {
        engine_room::ask(design, &request, move |(outcome, zip)| {
            comparing.busy.set(false);
            match outcome {
                Ok(Answer::Compared(compared)) => comparing.show(compared, zip),
                Ok(Answer::Exported { .. } | Answer::Imported(_)) => {}
                Err(why) => comparing.error.set(Some(why)),
            }
        });
    });
}

fn download_files(comparing: Comparing, compared: &Compared) -> Result<(), String> {
    if let [only] = compared.files.as_slice() {
        return download(&only.name, "application/sql", &only.text);
    }
    let zip = comparing
        .zip
        .get_untracked()
        .ok_or("the files' archive is missing")?;
    let bytes = js_sys::Uint8Array::from(zip.as_slice());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/zip");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(
        &js_sys::Array::of1(&bytes),
        &options,
    )
    .map_err(|error| crate::browser::describe(&error))?;
    let name = compared
        .files
        .first()
        .map(|file| file.name.trim_end_matches(".sql").to_string())
        .unwrap_or_else(|| String::from("migration"));
    download_blob(&format!("{name}.zip"), &blob)
}

/// Compares again with the rename that confirms the candidate at `place` in the changes.
fn confirm_rename(store: Store, comparing: Comparing, options: CompareOptions, place: usize) {
    let confirms = comparing
        .shown
        .with_untracked(|shown| shown.as_ref()?.changes.get(place)?.confirms.clone());
    let Some(confirms) = confirms else {
        return;
    };
    let from = options.confirmed.try_update_value(|(from, renames)| {
        renames.extend(confirms);
        from.clone()
    });
    if let Some(Some(from)) = from {
        start_comparison(store, comparing, options, from);
    }
}

/// The place in the changes of the rename candidate whose confirmation a click in the report
/// pressed.
fn confirmed_place(event: &web_sys::MouseEvent) -> Option<usize> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-confirm]").ok()??;
    button.get_attribute("data-confirm")?.parse().ok()
}

/// The table a click in the report picked: the `data-table-id` of the change clicked.
fn picked_table(event: &web_sys::MouseEvent) -> Option<TableId> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let change = target.closest("[data-table-id]").ok()??;
    let id = change.get_attribute("data-table-id")?.parse().ok()?;
    Some(TableId(id))
}

fn options_view(store: Store, options: CompareOptions) -> impl IntoView {
    let versions = move || {
        store.design.with(|design| {
            design
                .versions
                .iter()
                .rev()
                .map(|version| {
                    let name = version.name.clone();
                    let chosen = {
                        let name = name.clone();
                        move || options.to.with(|to| *to == name)
                    };
                    view! { <option value=name.clone() selected=chosen>{format!("version {name}")}</option> }
                })
                .collect_view()
        })
    };
    let dialects = [("", "the design's engine")].into_iter().chain(
        [
            Dialect::PostgreSql,
            Dialect::MySql,
            Dialect::Sqlite,
            Dialect::MsSql,
        ]
        .map(|dialect| (dialect.id(), dialect.name())),
    );
    view! {
        <fieldset class="compare-options">
            <legend>"Written for"</legend>
            <label>"Compared with "
                <select id="compare-to" on:change=move |event| options.to.set(event_target_value(&event))>
                    <option value="">"the design now"</option>
                    {versions}
                </select>
            </label>
            <label>"Engine "
                <select id="compare-dialect" on:change=move |event| options.dialect.set(event_target_value(&event))>
                    {dialects.map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input id="compare-safe" type="checkbox" prop:checked=move || options.safe.get()
                    on:change=move |event| options.safe.set(event_target_checked(&event)) />
                "Zero-downtime plan (PostgreSQL, MySQL/MariaDB)"
            </label>
            <label>"Files "
                <select id="compare-format" on:change=move |event| {
                    if let Some(format) = FileFormat::from_id(&event_target_value(&event)) {
                        options.format.set(format);
                    }
                }>
                    {FileFormat::ALL.map(|format| view! {
                        <option value=format.id() selected=format == FileFormat::Flyway>{format.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Version number "
                <input id="compare-number" type="number" min="1" prop:value=move || options.number.get().to_string()
                    on:change=move |event| options.number.set(event_target_value(&event).parse().unwrap_or(1)) />
            </label>
            <label>"Description "
                <input id="compare-description" type="text" prop:value=move || options.description.get()
                    on:change=move |event| options.description.set(event_target_value(&event)) />
            </label>
        </fieldset>
    }
}

#[component]
pub fn ComparisonView(options: CompareOptions) -> impl IntoView {
    let store = use_store();
    let comparing = expect_context::<Comparing>();
    let state = expect_context::<CanvasState>();
    let scene = expect_context::<Scene>();
    let pick = move |event: web_sys::MouseEvent| {
        if let Some(place) = confirmed_place(&event) {
            confirm_rename(store, comparing, options, place);
        } else if let Some(table) = picked_table(&event) {
            go_to_table(store, state, scene, table);
        }
    };
    let markup = move || {
        comparing
            .shown
            .with(|shown| shown.as_ref().map(|compared| compared.markup.clone()))
    };
    let download_label = move || {
        comparing.shown.with(
            |shown| match shown.as_ref().map(|compared| compared.files.len()) {
                Some(1) => "Download file",
                _ => "Download files (zip)",
            },
        )
    };
    let save = move |_| {
        let Some(compared) = comparing.shown.get_untracked() else {
            return;
        };
        if let Err(why) = download_files(comparing, &compared) {
            comparing.error.set(Some(why));
        }
    };
    view! {
        {options_view(store, options)}
        <div class="comparison" id="comparison" aria-live="polite">
            <Show when=move || comparing.busy.get()>
                <p class="status" id="comparison-busy">"Comparing…"</p>
            </Show>
            <Show when=move || comparing.error.with(Option::is_some)>
                <p class="refusal" id="comparison-error" role="alert">{move || comparing.error.get().unwrap_or_default()}</p>
            </Show>
            <Show when=move || comparing.stale.get()>
                <p class="hint" id="comparison-stale">"The design has changed since; compare again to bring this up to date."</p>
            </Show>
            <div id="comparison-report" on:click=pick inner_html=move || markup().unwrap_or_default()></div>
            <Show when=move || comparing.shown.with(Option::is_some)>
                <div class="panel-row">
                    <button id="download-migration" on:click=save>{download_label}</button>
                    <button id="clear-comparison" on:click=move |_| comparing.clear()>"Clear marks"</button>
                </div>
            </Show>
        </div>
    }
}
