//! The markup of a comparison beside the canvas, written here so that the page's own code stays
//! small: heading, changes (a change of a table is a button carrying its id; a rename candidate
//! has a button confirming it, carrying its place in the list), risks, both
//! scripts and the files' names. Every text is escaped.

use std::fmt::Write;

use relvar_diff::Comparison;
use relvar_layout::draw::escape;

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The report of `comparison`.
pub fn comparison_markup(comparison: &Comparison) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<h3 id="comparison-title">{} → {} ({})</h3>"#,
        escape(&comparison.from),
        escape(&comparison.to),
        escape(&comparison.dialect)
    );
    let summary = if comparison.changes.is_empty() {
        String::from("No changes: the migration is empty.")
    } else {
        plural(comparison.changes.len(), "change", "changes")
    };
    let _ = write!(
        out,
        r#"<p class="status" id="comparison-summary">{summary}</p>"#
    );
    out.push_str(r#"<ul class="changes" id="comparison-changes">"#);
    for (index, change) in comparison.changes.iter().enumerate() {
        let mark = change.mark.id();
        let text = escape(&change.text);
        let _ = write!(out, r#"<li class="change {mark}" data-change="{mark}">"#);
        let _ = match change.table {
            Some(table) => write!(
                out,
                r#"<button class="link change-pick" data-table-id="{}">{text}</button>"#,
                table.0
            ),
            None => write!(out, "{text}"),
        };
        // The page confirms the rename of the change at this place in the list.
        if change.confirms.is_some() {
            let _ = write!(
                out,
                r#" <button class="rename-confirm" data-confirm="{index}">Confirm rename</button>"#
            );
        }
        out.push_str("</li>");
    }
    out.push_str(r#"</ul><ul class="risks" id="comparison-risks">"#);
    for risk in comparison.up_risks.iter().chain(&comparison.warnings) {
        let _ = write!(out, "<li>{}</li>", escape(risk));
    }
    let _ = write!(
        out,
        r#"</ul><details class="script" open><summary>Up script</summary><pre id="comparison-up">{}</pre></details><details class="script"><summary>Down script</summary><pre id="comparison-down">{}</pre></details>"#,
        escape(&comparison.up),
        escape(&comparison.down)
    );
    let names: Vec<String> = comparison
        .files
        .iter()
        .map(|file| escape(&file.name))
        .collect();
    let _ = write!(
        out,
        r#"<p class="status" id="comparison-files">{}</p>"#,
        names.join(", ")
    );
    out
}

#[cfg(test)]
mod tests {
    use relvar_diff::{Change, ChangeMark, Subject};
    use relvar_model::TableId;

    use super::*;

    #[test]
    fn the_report_escapes_every_text_and_carries_the_table_a_change_marks() {
        let comparison = Comparison {
            from: "version <b>".into(),
            to: "the design now".into(),
            dialect: "PostgreSQL".into(),
            changes: vec![
                Change {
                    mark: ChangeMark::Added,
                    subject: Subject::Table,
                    text: "table \"a&b\" added".into(),
                    table: Some(TableId(7)),
                    column: None,
                    confirms: None,
                },
                Change {
                    mark: ChangeMark::Changed,
                    subject: Subject::RenameCandidate,
                    text: "column b may be a renamed".into(),
                    table: Some(TableId(7)),
                    column: None,
                    confirms: Some(relvar_diff::Renames::default()),
                },
            ],
            up: "CREATE TABLE \"a&b\" (x int CHECK (x < 3));\n".into(),
            down: "DROP TABLE \"a&b\";\n".into(),
            up_risks: vec!["drops <everything>".into()],
            ..Comparison::default()
        };
        let markup = comparison_markup(&comparison);
        assert!(
            markup.contains("version &lt;b&gt; → the design now (PostgreSQL)"),
            "{markup}"
        );
        assert!(
            markup.contains(r#"<button class="link change-pick" data-table-id="7">table &quot;a&amp;b&quot; added</button>"#),
            "{markup}"
        );
        assert!(markup.contains("CHECK (x &lt; 3)"), "{markup}");
        assert_eq!(markup.matches("rename-confirm").count(), 1, "{markup}");
        assert!(
            markup.contains(
                r#"<button class="rename-confirm" data-confirm="1">Confirm rename</button>"#
            ),
            "{markup}"
        );
        assert!(
            markup.contains("<li>drops &lt;everything&gt;</li>"),
            "{markup}"
        );
        assert!(!markup.contains("<b>"), "{markup}");
    }
}
