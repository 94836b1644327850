//! Files a person picked (one file, several, or a migration folder) read as one script: a lone
//! file as it is, named after its stem; several joined in version order (`join_migrations`); and
//! the two buttons that pick them.

use leptos::prelude::*;
use relvar_sql::MigrationScript;

use crate::browser::{picked_files, read_file_text};

/// A script read from picked files.
pub struct PickedScript {
    pub text: String,
    /// What the script names the design: the folder or the file's stem.
    pub name: Option<String>,
    /// The files joined and those left out, when there were several.
    pub sources: Option<MigrationScript>,
}

/// The files picked in the input `event` came from (taken at once: the input is cleared for the
/// next pick), to be read by `read_script`; `None` when none was picked.
pub fn take_picked(event: &web_sys::Event) -> Option<Vec<(String, web_sys::File)>> {
    let picked = picked_files(event);
    (!picked.is_empty()).then_some(picked)
}

/// Picked files read as one script; the error names the file that could not be read.
pub async fn read_script(picked: Vec<(String, web_sys::File)>) -> Result<PickedScript, String> {
    let mut files = Vec::with_capacity(picked.len());
    for (path, file) in &picked {
        match read_file_text(file).await {
            Ok(text) => files.push((path.clone(), text)),
            Err(error) => return Err(format!("Could not read {path}: {error}")),
        }
    }
    if let [(path, _)] = files.as_slice()
        && !path.contains('/')
    {
        let stem = path
            .rsplit_once('.')
            .map_or(path.as_str(), |(stem, _)| stem)
            .to_owned();
        let text = files.pop().map(|(_, text)| text).unwrap_or_default();
        return Ok(PickedScript {
            text,
            name: Some(stem),
            sources: None,
        });
    }
    let script = relvar_sql::join_migrations(files);
    Ok(PickedScript {
        text: script.text.clone(),
        name: script.name(),
        sources: Some(script),
    })
}

/// The files a joined script left out, each with its reason: `README.md (not an SQL file), ...`.
pub fn left_out_files(script: &MigrationScript) -> String {
    let left_out: Vec<String> = script
        .left_out
        .iter()
        .map(|file| format!("{} ({})", file.path, file.reason))
        .collect();
    left_out.join(", ")
}

/// "Open files…" and "Open folder…", both calling `on_pick` with the input's change event.
#[component]
pub fn OpenScriptFiles(
    files_id: &'static str,
    folder_id: &'static str,
    #[prop(into)] on_pick: Callback<leptos::ev::Event>,
) -> impl IntoView {
    view! {
        <label class="button file-button" title="One file, or several migrations to run in version order">
            "Open files…"
            <input id=files_id type="file" multiple accept=".sql,.txt,.ddl,.json,text/plain,application/sql,application/json"
                on:change=move |event| on_pick.run(event) />
        </label>
        <label class="button file-button" title="A migration folder: Flyway, golang-migrate, Prisma, Drizzle, Diesel, numbered files">
            "Open folder…"
            <input id=folder_id type="file" prop:webkitdirectory=true on:change=move |event| on_pick.run(event) />
        </label>
    }
}
