//! What the last import found: counts, the files of a migration folder, then every diagnostic
//! with its place (FILE:LINE:COLUMN for a folder); clicking one selects that place in the import
//! box.

use leptos::prelude::*;
use relvar_sql::Diagnostic;

use super::import_source::SourceBox;
use crate::browser::utf16_offset;
use crate::picked_script::left_out_files;
use crate::store::use_store;

/// More rows than this would make the page slow on junk input; the rest are counted.
const MAX_ROWS: usize = 400;

#[component]
pub fn ImportReportView(source: SourceBox) -> impl IntoView {
    let store = use_store();
    let select_in_source = move |diagnostic: &Diagnostic| {
        let text = source.text();
        let Some(textarea) = source.textarea.get_untracked() else {
            return;
        };
        let start = utf16_offset(&text, diagnostic.at.line, diagnostic.at.column);
        let end = utf16_offset(&text, diagnostic.at.line + 1, 1).max(start);
        let _ = textarea.focus();
        let _ = textarea.set_selection_range(start, end.saturating_sub(1).max(start));
    };
    move || {
        store.last_import.get().map(|report| {
            let errors = report.diagnostics.iter().filter(|d| d.severity == relvar_sql::Severity::Error).count();
            let kept = report.statement_count - report.modelled_count;
            let hidden = report.diagnostics.len().saturating_sub(MAX_ROWS);
            let rows = report
                .diagnostics
                .into_iter()
                .take(MAX_ROWS)
                .map(|diagnostic| {
                    let class = format!("diagnostic {}", diagnostic.severity.label());
                    let place = match &report.sources {
                        Some(sources) => sources.describe(diagnostic.at),
                        None => format!("{}:{}", diagnostic.at.line, diagnostic.at.column),
                    };
                    let message = diagnostic.message.clone();
                    let line = diagnostic.at.line.to_string();
                    view! {
                        <li class=class data-line=line>
                            <button class="place" title="Show in the import box" on:click=move |_| select_in_source(&diagnostic)>{place}</button>
                            <span class="message">{message}</span>
                        </li>
                    }
                })
                .collect_view();
            let files = report.sources.as_ref().map(|sources| {
                let joined: Vec<&str> = sources.files.iter().map(|file| file.path.as_str()).collect();
                let mut text = format!(
                    "{} files in version order: {}.",
                    joined.len(),
                    joined.join(", ")
                );
                if !sources.left_out.is_empty() {
                    text.push_str(&format!(" Left out: {}.", left_out_files(sources)));
                }
                view! { <p class="files" id="import-files">{text}</p> }
            });
            view! {
                <div class="import-report" id="import-report">
                    <p class="summary" id="import-summary">
                        {format!(
                            "{} tables, {} foreign keys from {} statements: {} modelled, {} kept as written{}. Read as {}{}.",
                            report.table_count,
                            report.foreign_key_count,
                            report.statement_count,
                            report.modelled_count,
                            kept,
                            if errors > 0 { format!(" ({errors} could not be read)") } else { String::new() },
                            report.dialect.name(),
                            if report.detected { " (detected)" } else { "" },
                        )}
                    </p>
                    {files}
                    <ul class="diagnostics" id="diagnostics">{rows}</ul>
                    {(hidden > 0).then(|| view! { <p class="more">{format!("… and {hidden} more messages.")}</p> })}
                </div>
            }
        })
    }
}
