//! The design's versions: save the design as it is under a name with a note (one undoable
//! edit), list them newest first, delete one, and compare one, or a schema brought in (pasted DDL
//! or catalog JSON, opened files, a migration folder joined in version order), with the design now
//! or another version (the comparison beside, in `comparison_view`).

use leptos::prelude::*;
use relvar_diff::Side;
use relvar_model::{Command, Version};

use super::comparison_view::{CompareOptions, ComparisonView, start_comparison};
use super::counted;
use super::share_tools::copy_link;
use crate::comparing::Comparing;
use crate::library::Library;
use crate::opening::Notices;
use crate::picked_script::{OpenScriptFiles, left_out_files, read_script, take_picked};
use crate::store::{Store, use_store};

/// Now in UTC, `YYYY-MM-DDTHH:MM:SSZ`.
fn now_utc() -> String {
    let now = js_sys::Date::new_0();
    let iso = String::from(now.to_iso_string());
    // `toISOString` writes milliseconds (`.123Z`); a version's time is kept to the second.
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

/// What a joined migration folder holds, in words: the files run in order and those left out.
fn files_joined(script: &relvar_sql::MigrationScript) -> String {
    let mut text = format!(
        "{} joined in the order they run",
        counted(script.files.len(), "file", "files")
    );
    if !script.left_out.is_empty() {
        text.push_str(&format!("; left out: {}", left_out_files(script)));
    }
    text
}

/// A name no version has yet: `v1`, `v2`, ...
fn next_name(versions: &[Version]) -> String {
    (1..)
        .map(|number| format!("v{number}"))
        .find(|name| !versions.iter().any(|version| version.is_named(name)))
        .unwrap_or_default()
}

fn save(store: Store, name: &str, note: &str) -> bool {
    let versions = store.design.with_untracked(|design| {
        let name = if name.trim().is_empty() {
            next_name(&design.versions)
        } else {
            name.trim().to_string()
        };
        let mut versions = design.versions.clone();
        versions.push(Version::of(design, &name, &now_utc(), note));
        versions
    });
    store.dispatch(Command::SetVersions { versions }).is_ok()
}

fn delete(store: Store, name: &str) {
    let versions = store.design.with_untracked(|design| {
        let mut versions = design.versions.clone();
        versions.retain(|version| !version.is_named(name));
        versions
    });
    let _ = store.dispatch(Command::SetVersions { versions });
}

fn version_item(
    store: Store,
    comparing: Comparing,
    options: CompareOptions,
    version: &Version,
) -> impl IntoView + use<> {
    let name = version.name.clone();
    let compare = {
        let name = name.clone();
        move |_| start_comparison(store, comparing, options, Side::Version(name.clone()))
    };
    let remove = {
        let name = name.clone();
        move |_| {
            if options.to.with_untracked(|to| *to == name) {
                options.to.set(String::new());
            }
            delete(store, &name);
        }
    };
    let label = {
        let name = name.clone();
        move || format!("Compare version {name} with {}", options.target())
    };
    let caption = move || match options.to.with(String::is_empty) {
        true => String::from("Compare with now"),
        false => format!("Compare with {}", options.target()),
    };
    let note = (!version.note.is_empty())
        .then(|| view! { <p class="version-note">{version.note.clone()}</p> });
    let tables = counted(version.design.tables.len(), "table", "tables");
    view! {
        <li class="version" data-version=name.clone()>
            <div class="version-head">
                <strong class="version-name">{name.clone()}</strong>
                <span class="status">{version.saved_at.replace('T', " ").replace('Z', " UTC")}" · "{tables}</span>
            </div>
            {note}
            <div class="panel-row">
                <button class="version-compare" aria-label=label on:click=compare>{caption}</button>
                <button class="version-delete danger" aria-label=format!("Delete version {name}") on:click=remove>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
pub fn VersionsPanel() -> impl IntoView {
    let store = use_store();
    let comparing = expect_context::<Comparing>();
    let library = expect_context::<Library>();
    let notices = expect_context::<Notices>();
    let options = CompareOptions::new();
    let name = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let placeholder = move || store.design.with(|design| next_name(&design.versions));
    let on_save = move |event: web_sys::SubmitEvent| {
        event.prevent_default();
        if save(store, &name.get_untracked(), &note.get_untracked()) {
            name.set(String::new());
            note.set(String::new());
        }
    };
    let versions = move || {
        store.design.with(|design| {
            design
                .versions
                .iter()
                .rev()
                .map(|version| version_item(store, comparing, options, version))
                .collect_view()
        })
    };
    let summary = move || {
        store.design.with(|design| match design.versions.len() {
            0 => "No versions yet.".to_owned(),
            count => counted(count, "version", "versions"),
        })
    };
    let schema = RwSignal::new(String::new());
    let schema_files = RwSignal::new(None::<String>);
    let compare_with = move |text: String| {
        if !text.trim().is_empty() {
            start_comparison(
                store,
                comparing,
                options,
                Side::Schema {
                    text,
                    dialect: None,
                },
            );
        }
    };
    let compare_schema = move |_| compare_with(schema.get_untracked());
    let open_schema_files = move |event: leptos::ev::Event| {
        let Some(picked) = take_picked(&event) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match read_script(picked).await {
                Err(error) => schema_files.set(Some(error)),
                Ok(picked) => {
                    schema_files.set(picked.sources.as_ref().map(files_joined));
                    schema.set(picked.text.clone());
                    compare_with(picked.text);
                }
            }
        });
    };
    view! {
        <section class="panel versions-panel" id="versions-panel" aria-labelledby="versions-title">
            <h2 id="versions-title">"Versions"</h2>
            <p class="hint">
                "Save the design as a version before you change it. Compare a version with the design now to see "
                "what changed on the canvas, the migration both ways with what each step risks, and its files. "
                "Versions are kept in the design's file and in this browser; a link carries them only when asked."
            </p>
            <form class="version-form" id="save-version" on:submit=on_save>
                <label>"Name "
                    <input id="version-name" type="text" autocomplete="off" placeholder=placeholder
                        prop:value=move || name.get() on:input=move |event| name.set(event_target_value(&event)) />
                </label>
                <label>"Note "
                    <textarea id="version-note" rows="2" prop:value=move || note.get()
                        on:input=move |event| note.set(event_target_value(&event))></textarea>
                </label>
                <button id="save-version-button" type="submit">"Save version"</button>
            </form>
            <p class="status" id="versions-summary">{summary}</p>
            <Show when=move || store.design.with(|design| !design.versions.is_empty())>
                <button id="copy-link-versions" title="Copy a link that carries the design with its versions"
                    on:click=move |_| copy_link(store, library, notices, true)>"Copy link with versions"</button>
            </Show>
            <ul class="versions" id="versions-list">{versions}</ul>
            <details class="compare-schema">
                <summary>"Compare with a schema from elsewhere"</summary>
                <textarea id="compare-schema-text" rows="5" placeholder="Paste DDL (pg_dump, mysqldump, SQLite, a migration) or the JSON a catalog query prints"
                    aria-label="Schema to compare with the design now" prop:value=move || schema.get()
                    on:input=move |event| schema.set(event_target_value(&event))></textarea>
                <div class="panel-row">
                    <button id="compare-schema" on:click=compare_schema>{move || format!("Compare with {}", options.target())}</button>
                    <OpenScriptFiles files_id="compare-schema-files" folder_id="compare-schema-folder" on_pick=open_schema_files />
                </div>
                {move || schema_files.get().map(|files| view! { <p class="hint" id="compare-schema-files-note">{files}</p> })}
            </details>
            <ComparisonView options=options />
        </section>
    }
}
