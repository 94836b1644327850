//! The toolbar's keeping and sharing tools: the home view, save and open a `.relvar.json` file,
//! copy a share link (its length shown, a warning above 8,000 characters, what it leaves out),
//! view only.

use leptos::prelude::*;

use super::counted;
use super::designs_dialog::HomeView;
use crate::browser::{copy_to_clipboard, download, picked_file, read_file_text};
use crate::library::Library;
use crate::opening::{Notice, Notices, link_url, open_file_text};
use crate::store::Store;

/// A file name for the design: its name with what file systems refuse replaced.
fn file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_ .(),".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim();
    format!(
        "{}.relvar.json",
        if cleaned.is_empty() {
            "design"
        } else {
            cleaned
        }
    )
}

/// The open design with the name the library knows it by.
fn named_design(store: Store, library: Library) -> relvar_model::Design {
    let mut design = store.design.get_untracked();
    if let Some(name) = library
        .current
        .get_untracked()
        .and_then(|id| library.name_of(&id))
    {
        design.name = name;
    }
    design
}

/// Offers the open design as a `.relvar.json` download.
pub fn save_file(store: Store, library: Library, notices: Notices) {
    let design = named_design(store, library);
    let text = relvar_share::save_file(&design, relvar_share::JsonStyle::Pretty);
    if let Err(error) = download(&file_name(&design.name), "application/json", &text) {
        notices.0.set(Some(Notice::Failed(format!(
            "The file could not be saved: {error}"
        ))));
    }
}

/// Copies a link that carries the design, and its versions too when asked.
pub fn copy_link(store: Store, library: Library, notices: Notices, with_versions: bool) {
    let design = named_design(store, library);
    let payload = if with_versions {
        relvar_share::encode_link_with_versions(&design)
    } else {
        relvar_share::encode_link(&design)
    };
    let url = link_url(&payload);
    let chars = url.chars().count();
    let data_left_out = relvar_share::data_statements(&design);
    leptos::task::spawn_local(async move {
        match copy_to_clipboard(&url).await {
            Ok(()) => notices.0.set(Some(Notice::LinkCopied {
                chars,
                too_long: chars > relvar_share::LINK_WARN_CHARS,
                data_left_out,
            })),
            Err(error) => notices.0.set(Some(Notice::Failed(format!(
                "The link could not be copied: {error}"
            )))),
        }
    });
}

#[component]
pub fn ShareTools(store: Store, library: Library, notices: Notices) -> impl IntoView {
    let home = expect_context::<HomeView>();
    let open_file = move |event: leptos::ev::Event| {
        let Some(file) = picked_file(&event) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match read_file_text(&file).await {
                Ok(text) => open_file_text(store, library, notices, &file.name(), &text),
                Err(error) => notices.0.set(Some(Notice::Failed(format!(
                    "Could not read {}: {error}",
                    file.name()
                )))),
            }
        });
    };
    view! {
        <button id="designs" title="The designs saved in this browser, and new ones" on:click=move |_| home.0.set(true)>"Designs"</button>
        <button id="save-file" title="Save the design as a .relvar.json file" on:click=move |_| save_file(store, library, notices)>"Save file"</button>
        <label class="button file-button" title="Open a .relvar.json file as a new design">
            "Open file"
            <input id="open-file" type="file" accept=".json,.relvar.json,application/json" on:change=open_file />
        </label>
        <button id="copy-link" title="Copy a link that carries the whole design" on:click=move |_| copy_link(store, library, notices, false)>"Copy link"</button>
        <label class="view-only" title="Refuse every edit">
            <input type="checkbox" id="view-only" prop:checked=move || store.read_only.get()
                on:change=move |event| store.read_only.set(event_target_checked(&event)) />
            " View only"
        </label>
    }
}

/// What the last opening, link or file did, under the toolbar.
#[component]
pub fn NoticeBar(store: Store, library: Library, notices: Notices) -> impl IntoView {
    let problem = move || {
        library.problem.get().map(|problem| view! { <p class="notice error" id="storage-problem" role="alert">{problem}</p> })
    };
    let notice = move || {
        notices.0.get().map(|notice| {
            let body = match notice {
                Notice::Opened { name, from_link } => {
                    let source = if from_link { "a shared link" } else { "a file" };
                    view! {
                        <span>{format!("Opened “{name}” from {source} as a new design in this browser. ")}</span>
                        <button class="link" id="notice-view-only" on:click=move |_| store.read_only.set(true)>"View only"</button>
                    }
                    .into_any()
                }
                Notice::Failed(message) => view! { <span class="error">{message}</span> }.into_any(),
                Notice::LinkCopied { chars, too_long, data_left_out } => {
                    let mut message = format!("Link copied: {chars} characters.");
                    if too_long {
                        message.push_str(&format!(
                            " Links over {} characters may be cut by mail and chat programs.",
                            relvar_share::LINK_WARN_CHARS
                        ));
                    }
                    if data_left_out > 0 {
                        message.push_str(&format!(
                            " It leaves out the design's {} of data rows (INSERT, COPY), which a file keeps.",
                            counted(data_left_out, "statement", "statements")
                        ));
                    }
                    let offer_file = too_long || data_left_out > 0;
                    view! {
                        <span class:warning=too_long>{message}</span>
                        {offer_file.then(|| view! {
                            " "
                            <button class="link" id="notice-save-file" on:click=move |_| save_file(store, library, notices)>"Save a file"</button>
                        })}
                    }
                    .into_any()
                }
            };
            view! {
                <p class="notice" id="notice" role="status">
                    {body}
                    <button class="link" aria-label="Dismiss" on:click=move |_| notices.0.set(None)>"✕"</button>
                </p>
            }
        })
    };
    view! { {problem} {notice} }
}
