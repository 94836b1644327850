//! Export: the design as DDL for any of the four dialects (with what the target cannot hold
//! listed), a Mermaid erDiagram, its decisions as ADRs in Markdown, or its data dictionary
//! (Markdown, or one HTML file that opens from disk), to copy or download,
//! written by the worker (so the exporters are not part of the page's first load). The
//! text follows the design while the panel is in view, once edits pause (a burst of edits
//! exports once), so the canvas shows an edit first and an unseen export costs nothing; the box
//! shows at most [`PREVIEW_LINES`] lines (laying out a big design's whole DDL would take the
//! browser most of a second); Copy and Download always give all of it.

use leptos::prelude::*;
use relvar_sql::Dialect;
use relvar_worker::protocol::{Answer, ExportFormat as Asked, Request};

use crate::browser::{Pause, copy_to_clipboard, download, watch_visibility, when_idle};
use crate::engine_room;
use crate::store::use_store;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportFormat {
    Ddl(Dialect),
    Mermaid,
    Decisions,
    Dictionary,
    DictionaryHtml,
}

impl ExportFormat {
    fn file_name(self) -> String {
        match self {
            Self::Ddl(dialect) => format!("relvar-design.{}.sql", dialect.id()),
            Self::Mermaid => "relvar-design.mmd".to_owned(),
            Self::Decisions => "relvar-decisions.md".to_owned(),
            Self::Dictionary => "relvar-dictionary.md".to_owned(),
            Self::DictionaryHtml => "relvar-dictionary.html".to_owned(),
        }
    }

    fn request(self) -> Request {
        Request::Export(match self {
            Self::Ddl(dialect) => Asked::Ddl(dialect.id().to_owned()),
            Self::Mermaid => Asked::Mermaid,
            Self::Decisions => Asked::Decisions,
            Self::Dictionary => Asked::Dictionary,
            Self::DictionaryHtml => Asked::DictionaryHtml,
        })
    }

    fn mime_type(self) -> &'static str {
        match self {
            Self::Ddl(_) => "application/sql",
            Self::Mermaid => "text/plain",
            Self::Decisions | Self::Dictionary => "text/markdown",
            Self::DictionaryHtml => "text/html",
        }
    }
}

/// The most lines the export box shows.
const PREVIEW_LINES: usize = 2_000;

/// What is done with the text once the worker has written it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    Copy,
    Download,
}

/// How long edits pause before the text follows them, in milliseconds.
const EXPORT_QUIET_MS: i32 = 500;

/// The first `PREVIEW_LINES` lines of `text`, and how many lines it has when it has more.
fn preview(text: &str) -> (&str, Option<usize>) {
    match text.match_indices('\n').nth(PREVIEW_LINES - 1) {
        Some((end, _)) if end + 1 < text.len() => {
            let lines = text.lines().count();
            (text.get(..=end).unwrap_or(text), Some(lines))
        }
        _ => (text, None),
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let store = use_store();
    let format = RwSignal::new(ExportFormat::Ddl(Dialect::PostgreSql));
    let status = RwSignal::new(String::new());
    let warnings_open = RwSignal::new(false);
    // Which change of the design the text is for: `wanted` counts changes, `shown` catches up
    // when the browser is idle while the panel is in view (or at once, when the text is asked
    // for), so edits made while the panel is out of view export nothing.
    let wanted = RwSignal::new(0u64);
    let shown = RwSignal::new(0u64);
    let section = NodeRef::<leptos::html::Section>::new();
    let visible = RwSignal::new(false);
    Effect::new(move |watching: Option<bool>| {
        if watching == Some(true) {
            return true;
        }
        section.get().is_some_and(|element| {
            watch_visibility(&element, visible);
            true
        })
    });
    Effect::new(move |previous: Option<()>| {
        store.design.track();
        if previous.is_some() {
            wanted.update(|count| *count += 1);
        }
    });
    let pause = Pause::new();
    Effect::new(move |before: Option<bool>| {
        let now_visible = visible.get();
        if now_visible && wanted.get() != shown.get_untracked() {
            let catch_up = move || {
                if shown.get_untracked() != wanted.get_untracked() {
                    shown.set(wanted.get_untracked());
                }
            };
            // Scrolled into view: at once; while edits come: when the person pauses.
            if before == Some(false) {
                when_idle(catch_up);
            } else {
                pause.after(EXPORT_QUIET_MS, catch_up);
            }
        }
        now_visible
    });
    let catch_up = move || {
        if shown.get_untracked() != wanted.get_untracked() {
            shown.set(wanted.get_untracked());
        }
    };
    // What the DDL depends on: the design without its layout, notes and areas, so moving tables
    // does not export again.
    let schema = Memo::new(move |_| {
        shown.track();
        store.design.with_untracked(|design| relvar_model::Design {
            layout: relvar_model::Layout::default(),
            notes: Vec::new(),
            areas: Vec::new(),
            ..design.clone()
        })
    });
    // The text and warnings the worker wrote, and for which version of the schema and format:
    // `version` counts the schema's changes, and an answer for an older one is dropped.
    let output = RwSignal::new((String::new(), Vec::<String>::new()));
    let version = RwSignal::new(0u64);
    let answered = RwSignal::new(None::<(u64, ExportFormat)>);
    let asked = RwSignal::new(None::<(u64, ExportFormat)>);
    let then = RwSignal::new(None::<Then>);
    Effect::new(move |_| {
        schema.track();
        version.update(|count| *count += 1);
    });
    Effect::new(move |_| {
        let wanted_now = (version.get(), format.get());
        // Nothing is asked while the panel is out of view and nothing waits for the text: the
        // worker is not even started by a page that never exports.
        if !(visible.get() || then.with(Option::is_some))
            || asked.get_untracked() == Some(wanted_now)
        {
            return;
        }
        asked.set(Some(wanted_now));
        let request = wanted_now.1.request();
        schema.with_untracked(|design| {
            engine_room::ask(design, &request, move |(outcome, _)| {
                if (version.get_untracked(), format.get_untracked()) != wanted_now {
                    return;
                }
                output.set(match outcome {
                    Ok(Answer::Exported { text, warnings }) => (text, warnings),
                    Ok(Answer::Compared(_) | Answer::Imported(_)) => (String::new(), Vec::new()),
                    Err(why) => (String::new(), vec![why]),
                });
                answered.set(Some(wanted_now));
            });
        });
    });
    let current = move || {
        shown.get() == wanted.get() && answered.get() == Some((version.get(), format.get()))
    };
    Effect::new(move |_| {
        if !current() {
            return;
        }
        let Some(action) = then.get() else {
            return;
        };
        then.set(None);
        let text = output.get_untracked().0;
        let format = format.get_untracked();
        match action {
            Then::Copy => leptos::task::spawn_local(async move {
                match copy_to_clipboard(&text).await {
                    Ok(()) => status.set(format!("Copied {} characters.", text.chars().count())),
                    Err(error) => status.set(format!(
                        "Could not copy ({error}); select the text and copy it by hand."
                    )),
                }
            }),
            Then::Download => match download(&format.file_name(), format.mime_type(), &text) {
                Ok(()) => status.set(format!("Downloaded {}.", format.file_name())),
                Err(error) => status.set(format!("Could not download ({error}).")),
            },
        }
    });
    let copy = move |_| {
        catch_up();
        then.set(Some(Then::Copy));
    };
    let save = move |_| {
        catch_up();
        then.set(Some(Then::Download));
    };
    let tab = move |which: ExportFormat, id: &'static str, label: &'static str| {
        view! {
            <button
                id=id
                class="tab"
                class:active=move || format.get() == which
                on:click=move |_| {
                    format.set(which);
                    status.set(String::new());
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <section class="panel export-panel" node_ref=section>
            <h2>"Export"</h2>
            <div class="tabs">
                {tab(ExportFormat::Ddl(Dialect::PostgreSql), "export-postgres", "PostgreSQL")}
                {tab(ExportFormat::Ddl(Dialect::MySql), "export-mysql", "MySQL")}
                {tab(ExportFormat::Ddl(Dialect::Sqlite), "export-sqlite", "SQLite")}
                {tab(ExportFormat::Ddl(Dialect::MsSql), "export-mssql", "SQL Server")}
                {tab(ExportFormat::Mermaid, "export-mermaid", "Mermaid")}
                {tab(ExportFormat::Decisions, "export-decisions", "ADRs")}
                {tab(ExportFormat::Dictionary, "export-dictionary", "Dictionary")}
                {tab(ExportFormat::DictionaryHtml, "export-dictionary-html", "Dictionary HTML")}
            </div>
            {move || {
                let warnings = output.with(|(_, warnings)| warnings.clone());
                (!warnings.is_empty()).then(|| {
                    // Not a <details>: a closed one makes Chromium restyle the page on every
                    // selection change, and selecting a large import then takes seconds.
                    view! {
                        <div class="export-warnings" id="export-warnings">
                            <div class="summary-row">
                                <span class="summary">{format!("{} things this target cannot hold as the design says", warnings.len())}</span>
                                <button id="export-warnings-toggle" class="link" on:click=move |_| warnings_open.update(|open| *open = !*open)>
                                    {move || if warnings_open.get() { "Hide" } else { "Show" }}
                                </button>
                            </div>
                            <Show when=move || warnings_open.get()>
                                <ul>
                                    {warnings.iter().cloned().map(|warning| view! { <li>{warning}</li> }).collect_view()}
                                </ul>
                            </Show>
                        </div>
                    }
                })
            }}
            <textarea id="export-text" aria-label="Exported text" readonly spellcheck="false"
                data-state=move || if current() { "current" } else { "pending" }
                prop:value=move || output.with(|(text, _)| preview(text).0.to_owned())></textarea>
            {move || output.with(|(text, _)| preview(text).1).map(|lines| view! {
                <p class="more" id="export-preview-note">
                    {format!("Showing the first {PREVIEW_LINES} of {lines} lines: Copy and Download give all of it.")}
                </p>
            })}
            <div class="panel-row">
                <button id="export-copy" on:click=copy>"Copy"</button>
                <button id="export-download" on:click=save>"Download"</button>
                <span class="status" id="export-status">{move || status.get()}</span>
            </div>
        </section>
    }
}
